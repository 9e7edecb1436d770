// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test fixture for kapi: an RFC v1 ioctl specification.
 *
 * Excerpt modelled on drivers/fwctl/main.c: the FWCTL_INFO command is
 * described by a struct kapi_ioctl_spec whose embedded api_spec models each
 * field of struct fwctl_info as a parameter, and the driver registers its
 * specs with KAPI_IOCTL_SPEC_DRIVER().
 */
#define pr_fmt(fmt) "fwctl: " fmt

#include <linux/fwctl.h>
#include <linux/container_of.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/ioctl_api_spec.h>
#include <linux/kernel_api_spec.h>

#include <uapi/fwctl/fwctl.h>

/*
 * FWCTL_INFO: struct fwctl_info is read and written back in place.  The
 * out_device_type field is only ever written by the kernel, so it is not
 * listed as a parameter below.
 */
static const struct kapi_ioctl_spec fwctl_info_spec = {
	.cmd = FWCTL_INFO,
	.cmd_name = "FWCTL_INFO",
	.input_size = sizeof(struct fwctl_info),
	.output_size = sizeof(struct fwctl_info),
	.file_ops_name = "fwctl_fops",
	.api_spec = {
		.name = "fwctl_info",
		KAPI_DESCRIPTION("Report the device type and driver specific information")
		KAPI_LONG_DESC("Fills in out_device_type and copies up to device_data_len "
			       "bytes of driver defined data to out_device_data.  "
			       "device_data_len is updated to the length the driver "
			       "produced, which may exceed the buffer supplied.")
		KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

		KAPI_PARAM(0, "size", "__u32", "Size of the structure as known to user space")
			KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
			.type = KAPI_TYPE_UINT,
			.constraint_type = KAPI_CONSTRAINT_CUSTOM,
			.constraints = "Must cover every field up to and including out_device_data",
		KAPI_PARAM_END

		KAPI_PARAM(1, "flags", "__u32", "Reserved for future use")
			KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
			.type = KAPI_TYPE_UINT,
			.constraint_type = KAPI_CONSTRAINT_MASK,
			.valid_mask = 0,
			.constraints = "Must be zero",
		KAPI_PARAM_END

		KAPI_PARAM(2, "device_data_len", "__u32", "Length of the out_device_data buffer")
			KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
			.type = KAPI_TYPE_UINT,
			.constraint_type = KAPI_CONSTRAINT_RANGE,
			KAPI_PARAM_RANGE(0, INT_MAX)
			.constraints = "On return holds the length of the driver data",
		KAPI_PARAM_END

		KAPI_PARAM(3, "out_device_data", "__aligned_u64", "User buffer for the driver data")
			KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER)
			.type = KAPI_TYPE_USER_PTR,
			.size_param_idx = 2,
			.constraints = "May be zero when device_data_len is zero",
		KAPI_PARAM_END

		KAPI_RETURN("long", "Zero on success, a negative error code on failure")
			.type = KAPI_TYPE_INT,
			.check_type = KAPI_RETURN_EXACT,
			.success_value = 0,
		KAPI_RETURN_END

		KAPI_ERROR(0, -ENODEV, "ENODEV", "Device gone",
			   "The driver was unbound after the file was opened")
		KAPI_ERROR(1, -EFAULT, "EFAULT", "Bad user memory",
			   "The structure or out_device_data could not be accessed")
		KAPI_ERROR(2, -EINVAL, "EINVAL", "Short structure",
			   "size is smaller than the minimum known layout")
		KAPI_ERROR(3, -EOPNOTSUPP, "EOPNOTSUPP", "Unknown flags",
			   "flags is not zero")
		KAPI_ERROR(4, -ENOMEM, "ENOMEM", "Out of memory",
			   "The driver could not allocate its info buffer")

		.error_count = 5,
		.param_count = 4,
		.since_version = "6.15",

		KAPI_LOCK(0, "fwctl->registration_lock", KAPI_LOCK_RWLOCK)
			KAPI_LOCK_ACQUIRED
			KAPI_LOCK_RELEASED
			KAPI_LOCK_DESC("Held for reading so the driver cannot unregister during the call")
		KAPI_LOCK_END

		.lock_count = 1,
	},
};

KAPI_IOCTL_SPEC_DRIVER("fwctl", { &fwctl_info_spec })

static int fwctl_report_info(struct fwctl_uctx *uctx, struct fwctl_info *info)
{
	size_t produced = 0;
	void *data;
	int ret = 0;

	if (info->flags)
		return -EOPNOTSUPP;

	data = uctx->fwctl->ops->info(uctx, &produced);
	if (IS_ERR(data))
		return PTR_ERR(data);

	if (info->device_data_len && info->out_device_data &&
	    copy_to_user(u64_to_user_ptr(info->out_device_data), data,
			 min_t(size_t, produced, info->device_data_len)))
		ret = -EFAULT;

	info->out_device_type = uctx->fwctl->ops->device_type;
	info->device_data_len = produced;
	kfree(data);
	return ret;
}

static int __init fwctl_init(void)
{
	int ret;

	ret = kapi_ioctl_specs_init();
	if (ret)
		pr_warn("could not register ioctl specifications (%d)\n", ret);

	return fwctl_class_register();
}

static void __exit fwctl_exit(void)
{
	fwctl_class_unregister();
	kapi_ioctl_specs_exit();
}

module_init(fwctl_init);
module_exit(fwctl_exit);
MODULE_DESCRIPTION("fwctl device firmware access framework");
MODULE_LICENSE("GPL");
