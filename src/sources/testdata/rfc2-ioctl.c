// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test fixture for kapi: RFC v2 ioctl specs, DEFINE_KAPI_IOCTL_SPEC() with
 * the KAPI_IOCTL_CMD* macros and the parameter helpers RFC v2 moved into
 * <linux/kernel_api_spec.h>: KAPI_IOCTL_PARAM_SIZE, KAPI_IOCTL_PARAM_FLAGS,
 * KAPI_IOCTL_PARAM_USER_BUF and KAPI_IOCTL_PARAM_USER_OUT_BUF.  Modelled on
 * the fwctl commands.
 */
#include <linux/fwctl.h>
#include <linux/fs.h>
#include <linux/kernel_api_spec.h>

#include <uapi/fwctl/fwctl.h>

DEFINE_KAPI_IOCTL_SPEC(fwctl_ioctl_info)
	KAPI_DESCRIPTION("Report the device type and driver specific information")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_IOCTL_CMD(FWCTL_INFO)
	KAPI_IOCTL_CMD_NAME("FWCTL_INFO")
	KAPI_IOCTL_INPUT_SIZE(sizeof(struct fwctl_info))
	KAPI_IOCTL_OUTPUT_SIZE(sizeof(struct fwctl_info))
	KAPI_IOCTL_FILE_OPS_NAME("fwctl_fops")

	KAPI_IOCTL_PARAM_SIZE
	KAPI_IOCTL_PARAM_FLAGS

	KAPI_PARAM(2, "out_device_type", "__u32", "Filled with the device type")
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
	KAPI_PARAM_END

	KAPI_PARAM(3, "device_data_len", "__u32", "Room for the driver data; updated to its length")
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
	KAPI_PARAM_END

	KAPI_IOCTL_PARAM_USER_OUT_BUF(4, "out_device_data", "Where the driver data is written", 3)

	KAPI_PARAM_COUNT(5)

	KAPI_RETURN("long", "Zero on success, a negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EOPNOTSUPP, "EOPNOTSUPP", "Unknown flags", "flags is not zero")
	KAPI_ERROR(1, -EFAULT, "EFAULT", "Bad user memory",
		   "The struct or out_device_data could not be accessed")
	KAPI_ERROR_COUNT(2)
KAPI_END_SPEC;

DEFINE_KAPI_IOCTL_SPEC(fwctl_ioctl_rpc)
	KAPI_DESCRIPTION("Pass a driver defined request to the device firmware")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_IOCTL_CMD(FWCTL_RPC)
	KAPI_IOCTL_CMD_NAME("FWCTL_RPC")
	KAPI_IOCTL_INPUT_SIZE(sizeof(struct fwctl_rpc))
	KAPI_IOCTL_OUTPUT_SIZE(sizeof(struct fwctl_rpc))
	KAPI_IOCTL_FILE_OPS_NAME("fwctl_fops")

	KAPI_IOCTL_PARAM_SIZE

	KAPI_PARAM(1, "scope", "__u32", "How far the request may reach, from enum fwctl_rpc_scope")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(0, 3)
	KAPI_PARAM_END

	KAPI_PARAM(2, "in_len", "__u32", "Bytes of request in the in buffer")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
	KAPI_PARAM_END

	KAPI_PARAM(3, "out_len", "__u32", "Room for the reply; updated to its length")
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
	KAPI_PARAM_END

	KAPI_IOCTL_PARAM_USER_BUF(4, "in", "The request", 2)
	KAPI_IOCTL_PARAM_USER_OUT_BUF(5, "out", "Where the reply is written", 3)

	KAPI_PARAM_COUNT(6)

	KAPI_ERROR(0, -EMSGSIZE, "EMSGSIZE", "Too long",
		   "in_len or out_len is larger than the core accepts")
	KAPI_ERROR(1, -EPERM, "EPERM", "Scope not allowed",
		   "The scope needs a capability the caller does not have")
	KAPI_ERROR_COUNT(2)
KAPI_END_SPEC;
