// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test fixture for kapi: RFC v1 ioctl specs in the two start-macro forms of
 * <linux/ioctl_api_spec.h>, modelled on drivers/android/binder.c.
 *
 * BINDER_WRITE_READ uses DEFINE_IOCTL_API_SPEC(name, cmd, cmd_name) with
 * KAPI_IOCTL_SIZE() and KAPI_IOCTL_FILE_OPS() after the api_spec part, and
 * describes its two buffers with KAPI_IOCTL_PARAM_USER_BUF and
 * KAPI_IOCTL_PARAM_USER_OUT_BUF.  BINDER_FREEZE uses
 * KAPI_DEFINE_IOCTL_SPEC(name, cmd, cmd_name, in, out, fops) ...
 * KAPI_END_IOCTL_SPEC.  The fops wrapper and the registration are not specs.
 */
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/ioctl_api_spec.h>
#include <linux/kernel_api_spec.h>

#include <uapi/linux/android/binder.h>

DEFINE_IOCTL_API_SPEC(binder_ioctl_write_read, BINDER_WRITE_READ, "BINDER_WRITE_READ")
	KAPI_DESCRIPTION("Send commands to binder and receive its replies")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "write_size", "binder_size_t", "Bytes of commands in write_buffer")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_PARAM(1, "write_consumed", "binder_size_t", "Bytes of write_buffer the driver used")
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_IOCTL_PARAM_USER_BUF(2, "write_buffer", "Commands for the driver", 0)

	KAPI_PARAM(3, "read_size", "binder_size_t", "Room in read_buffer")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_PARAM(4, "read_consumed", "binder_size_t", "Bytes of read_buffer the driver filled")
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_IOCTL_PARAM_USER_OUT_BUF(5, "read_buffer", "Return codes and transactions for the caller", 3)

	KAPI_ERROR(0, -EFAULT, "EFAULT", "Bad user memory",
		   "The struct or one of its buffers could not be accessed")
	KAPI_ERROR(1, -EINVAL, "EINVAL", "Bad size",
		   "The ioctl argument is not a struct binder_write_read")
	KAPI_ERROR(2, -EAGAIN, "EAGAIN", "Nothing queued",
		   "The file is non-blocking and no work is waiting")

	.error_count = 3,
	.param_count = 6,
KAPI_IOCTL_SIZE(sizeof(struct binder_write_read), sizeof(struct binder_write_read))
	KAPI_IOCTL_FILE_OPS(binder_fops)
KAPI_IOCTL_END_SPEC

KAPI_DEFINE_IOCTL_SPEC(binder_ioctl_freeze, BINDER_FREEZE, "BINDER_FREEZE",
		       sizeof(struct binder_freeze_info), 0, "binder_fops")
	KAPI_DESCRIPTION("Freeze or thaw the binder state of a process")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "pid", "__u32", "The process to freeze or thaw")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_PARAM(1, "enable", "__u32", "Non-zero to freeze, zero to thaw")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
		.constraint_type = KAPI_CONSTRAINT_RANGE,
		KAPI_PARAM_RANGE(0, 1)
	KAPI_PARAM_END

	KAPI_PARAM(2, "timeout_ms", "__u32", "How long to wait for outstanding transactions")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_ERROR(0, -EAGAIN, "EAGAIN", "Still busy",
		   "Transactions were still pending when the timeout expired")
	KAPI_ERROR(1, -EINVAL, "EINVAL", "No such process",
		   "pid has no binder state")

	.error_count = 2,
	.param_count = 3,
KAPI_END_IOCTL_SPEC;

KAPI_DEFINE_FOPS(binder_fops,
	.owner = THIS_MODULE,
	.unlocked_ioctl = binder_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
);

KAPI_IOCTL_SPEC_DRIVER("binder", { &binder_ioctl_write_read_spec, &binder_ioctl_freeze })

static int __init binder_init(void)
{
	kapi_init_fops_binder_fops();
	return kapi_ioctl_specs_init();
}
device_initcall(binder_init);
