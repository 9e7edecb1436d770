// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test fixture for kapi: RFC v1 ioctl specs written with the parameter
 * helpers of <linux/ioctl_api_spec.h>.
 *
 * Modelled on drivers/fwctl/main.c.  FWCTL_RPC is described by a
 * struct kapi_ioctl_spec wrapper, FWCTL_INFO by DEFINE_IOCTL_HANDLER().
 * Most fields of the argument structs are described by the helpers:
 * KAPI_IOCTL_PARAM_SIZE (field 0), KAPI_IOCTL_PARAM_FLAGS (field 1),
 * KAPI_IOCTL_PARAM_LEN, KAPI_IOCTL_PARAM_USER_BUF and
 * KAPI_IOCTL_PARAM_USER_OUT_BUF; the others by KAPI_PARAM.  The file-scope
 * KAPI_IOCTL_OP_ENTRY table and KAPI_IOCTL_SPEC_DRIVER registration are
 * not specs.
 */
#define pr_fmt(fmt) "fwctl: " fmt

#include <linux/fwctl.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/ioctl_api_spec.h>
#include <linux/kernel_api_spec.h>

#include <uapi/fwctl/fwctl.h>

/* The largest in_len or out_len the core passes on to a driver. */
#define MAX_RPC_LEN SZ_2M

static const struct kapi_ioctl_spec fwctl_rpc_spec = {
	.cmd = FWCTL_RPC,
	.cmd_name = "FWCTL_RPC",
	.input_size = sizeof(struct fwctl_rpc),
	.output_size = sizeof(struct fwctl_rpc),
	.file_ops_name = "fwctl_fops",
	.api_spec = {
		.name = "fwctl_rpc",
		KAPI_DESCRIPTION("Pass a driver defined request to the device firmware")
		KAPI_LONG_DESC("Copies in_len bytes from in to the driver, which "
			       "sends them to its device and writes up to out_len "
			       "bytes of reply to out.  out_len is updated to the "
			       "length of the reply.")
		KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

		KAPI_IOCTL_PARAM_SIZE

		KAPI_PARAM(1, "scope", "__u32", "How far the request may reach, from enum fwctl_rpc_scope")
			KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
			.type = KAPI_TYPE_UINT,
			.constraint_type = KAPI_CONSTRAINT_RANGE,
			KAPI_PARAM_RANGE(0, 3)
		KAPI_PARAM_END

		KAPI_IOCTL_PARAM_LEN(2, "in_len", "Bytes of request in the in buffer", MAX_RPC_LEN)
		KAPI_IOCTL_PARAM_LEN(3, "out_len", "Room for the reply in the out buffer", MAX_RPC_LEN)
		KAPI_IOCTL_PARAM_USER_BUF(4, "in", "The request", 2)
		KAPI_IOCTL_PARAM_USER_OUT_BUF(5, "out", "Where the reply is written", 3)

		KAPI_RETURN("long", "Zero on success, a negative error code on failure")
			.type = KAPI_TYPE_INT,
			.check_type = KAPI_RETURN_EXACT,
			.success_value = 0,
		KAPI_RETURN_END

		KAPI_ERROR(0, -EMSGSIZE, "EMSGSIZE", "Too long",
			   "in_len or out_len is larger than the core accepts")
		KAPI_ERROR(1, -EPERM, "EPERM", "Scope not allowed",
			   "The scope needs a capability the caller does not have")
		KAPI_ERROR(2, -EOPNOTSUPP, "EOPNOTSUPP", "Unknown scope",
			   "scope is not one of the defined values")
		KAPI_ERROR(3, -EFAULT, "EFAULT", "Bad user memory",
			   "The struct, in or out could not be accessed")
		KAPI_ERROR(4, -ENODEV, "ENODEV", "Device gone",
			   "The driver was unbound after the file was opened")

		.error_count = 5,
		.param_count = 6,
	},
};

DEFINE_IOCTL_HANDLER(fwctl_info_handler, FWCTL_INFO, fwctl_cmd_info, struct fwctl_info, out_device_data)
	KAPI_DESCRIPTION("Report the device type and driver specific information")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_IOCTL_PARAM_SIZE
	KAPI_IOCTL_PARAM_FLAGS

	KAPI_PARAM(2, "out_device_type", "__u32", "Filled with the device type")
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_IOCTL_PARAM_LEN(3, "device_data_len", "Room for the driver data", INT_MAX)
	KAPI_IOCTL_PARAM_USER_OUT_BUF(4, "out_device_data", "Where the driver data is written", 3)

	KAPI_ERROR(0, -EOPNOTSUPP, "EOPNOTSUPP", "Unknown flags", "flags is not zero")
	KAPI_ERROR(1, -EFAULT, "EFAULT", "Bad user memory",
		   "The struct or out_device_data could not be accessed")

	.error_count = 2,
	.param_count = 5,
KAPI_IOCTL_HANDLER_END;

static const struct fwctl_ioctl_op fwctl_ioctl_ops[] = {
	KAPI_IOCTL_OP_ENTRY(FWCTL_INFO, fwctl_info_handler, struct fwctl_info, out_device_data),
};

KAPI_IOCTL_SPEC_DRIVER("fwctl", { &fwctl_rpc_spec, &fwctl_info_handler.spec })

static int __init fwctl_init(void)
{
	int ret = kapi_ioctl_specs_init();

	if (ret)
		pr_warn("could not register ioctl specifications (%d)\n", ret);
	return fwctl_class_register();
}
module_init(fwctl_init);
MODULE_LICENSE("GPL");
