// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: a file that contains no specification at all.
 *
 * It mixes the macro definitions a framework header carries (the
 * DEFINE_KERNEL_API_SPEC() family itself), ordinary kernel-doc comments with
 * Context:/Return:/@param: sections, prose that happens to contain words
 * such as "error:" and "side-effect:", and a syscall with plain kernel-doc.
 * A reader must report zero specifications here.
 */

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/ratelimit.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/fs_struct.h>

/* ------------------------------------------------------------------ */
/* include/linux/kernel_api_spec.h (excerpt)                           */
/* ------------------------------------------------------------------ */

#define KAPI_MAX_PARAMS		16
#define KAPI_MAX_ERRORS		32
#define KAPI_MAX_NAME_LEN	128

/* The bare flag names are also usable as expressions. */
#define KAPI_PARAM_IN		(KAPI_PARAM_IN)
#define KAPI_PARAM_OUT		(KAPI_PARAM_OUT)
#define KAPI_PARAM_INOUT	(KAPI_PARAM_IN | KAPI_PARAM_OUT)

/**
 * DEFINE_KERNEL_API_SPEC - open the specification of a function
 * @func_name: function the specification describes; syscalls use the
 *             sys_ prefix
 *
 * Must be closed with KAPI_END_SPEC.  Typical use::
 *
 *   DEFINE_KERNEL_API_SPEC(sys_example)
 *           KAPI_DESCRIPTION("Do the example thing")
 *           KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)
 *   KAPI_END_SPEC;
 */
#define DEFINE_KERNEL_API_SPEC(func_name)				\
	static struct kernel_api_spec __kapi_spec_##func_name		\
	__used __section(".kapi_specs") = {				\
		.name = __stringify(func_name),				\
		.version = 1,

#define KAPI_END_SPEC }

#define KAPI_DESCRIPTION(desc)		.description = desc,
#define KAPI_LONG_DESC(desc)		.long_description = desc,
#define KAPI_CONTEXT(flags)		.context_flags = flags,

/**
 * KAPI_PARAM - open the description of one parameter
 * @idx: position of the parameter, starting at 0
 * @pname: parameter name as a string
 * @ptype: C type as a string
 * @pdesc: one-line description
 */
#define KAPI_PARAM(idx, pname, ptype, pdesc)				\
	.params[idx] = {						\
		.name = pname,						\
		.type_name = ptype,					\
		.description = pdesc,					\
		.size_param_idx = -1,

#define KAPI_PARAM_FLAGS(pflags)	.flags = pflags,
#define KAPI_PARAM_RANGE(pmin, pmax)					\
		.min_value = pmin,					\
		.max_value = pmax,
#define KAPI_PARAM_END			},

#define KAPI_RETURN(rtype, rdesc)					\
	.return_spec = {						\
		.type_name = rtype,					\
		.description = rdesc,
#define KAPI_RETURN_END			},

#define KAPI_ERROR(idx, ecode, ename, econd, edesc)			\
	.errors[idx] = {						\
		.error_code = ecode,					\
		.name = ename,						\
		.condition = econd,					\
		.description = edesc,					\
	},

#define KAPI_LOCK(idx, lname, ltype)					\
	.locks[idx] = {							\
		.lock_name = lname,					\
		.lock_type = ltype,
#define KAPI_LOCK_ACQUIRED		.acquired = true,
#define KAPI_LOCK_RELEASED		.released = true,
#define KAPI_LOCK_END			},

#define DEFINE_SYSFS_API_SPEC(attr_name)				\
	static struct kernel_api_spec __kapi_sysfs_spec_##attr_name	\
	__used __section(".kapi_specs") = {				\
		.name = __stringify(attr_name),				\
		.api_type = KAPI_API_SYSFS,				\
		.version = 1,

#define DEFINE_KAPI_IOCTL_SPEC(ioctl_name)				\
	static struct kernel_api_spec __kapi_ioctl_spec_##ioctl_name	\
	__used __section(".kapi_specs") = {				\
		.name = __stringify(ioctl_name),			\
		.api_type = KAPI_API_IOCTL,				\
		.version = 1,

#define KAPI_IOCTL_SPEC_DRIVER(driver_name, ...)			\
	static const struct kapi_ioctl_spec *__kapi_ioctl_specs[] =	\
		__VA_ARGS__;						\
	static int kapi_ioctl_specs_init(void)				\
	{								\
		size_t i;						\
									\
		for (i = 0; i < ARRAY_SIZE(__kapi_ioctl_specs); i++)	\
			kapi_register_ioctl_spec(__kapi_ioctl_specs[i]); \
		pr_info("%s: %zu ioctl specifications\n",		\
			driver_name, ARRAY_SIZE(__kapi_ioctl_specs));	\
		return 0;						\
	}

/* ------------------------------------------------------------------ */
/* kernel/api/kernel_api_spec.c (excerpt)                              */
/* ------------------------------------------------------------------ */

static LIST_HEAD(kapi_dynamic_specs);
static DEFINE_MUTEX(kapi_dynamic_lock);

extern struct kernel_api_spec __start_kapi_specs[];
extern struct kernel_api_spec __stop_kapi_specs[];

/**
 * kapi_get_spec() - look up a specification by name
 * @name: function name, for example "sys_open"
 *
 * Searches the built-in section first and the dynamically registered
 * list second.
 *
 * Context: Process context. May sleep.
 * Return: the specification, or NULL if there is none.
 */
const struct kernel_api_spec *kapi_get_spec(const char *name)
{
	struct kernel_api_spec *spec;
	struct kapi_dynamic_entry *entry;
	const struct kernel_api_spec *found = NULL;

	for (spec = __start_kapi_specs; spec < __stop_kapi_specs; spec++) {
		if (!strcmp(spec->name, name))
			return spec;
	}

	mutex_lock(&kapi_dynamic_lock);
	list_for_each_entry(entry, &kapi_dynamic_specs, list) {
		if (!strcmp(entry->spec->name, name)) {
			found = entry->spec;
			break;
		}
	}
	mutex_unlock(&kapi_dynamic_lock);

	return found;
}
EXPORT_SYMBOL_GPL(kapi_get_spec);

/**
 * kapi_validate_param() - check one argument against its description
 * @param: the parameter description to check against
 * @value: the value the caller passed
 *
 * Only range, mask and enumeration constraints are evaluated here;
 * anything else is accepted.
 *
 * Context: Any context.
 * Return: 0 on success, -EINVAL if the value is out of bounds.
 */
int kapi_validate_param(const struct kapi_param_spec *param, s64 value)
{
	u32 i;

	switch (param->constraint_type) {
	case KAPI_CONSTRAINT_RANGE:
		if (value < param->min_value || value > param->max_value)
			return -EINVAL;
		return 0;
	case KAPI_CONSTRAINT_MASK:
		return (value & ~param->valid_mask) ? -EINVAL : 0;
	case KAPI_CONSTRAINT_ENUM:
		for (i = 0; i < param->enum_count; i++) {
			if (param->enum_values[i] == value)
				return 0;
		}
		return -EINVAL;
	default:
		return 0;
	}
}
EXPORT_SYMBOL_GPL(kapi_validate_param);

/**
 * kapi_log_violation() - report a broken specification rule
 * @spec: specification that was violated
 * @what: short text such as "error: the foo failed"
 *
 * The message is rate limited, so a misbehaving caller cannot flood the
 * log.
 * side-effect: none really
 * beyond the printk itself.
 *
 * Context: Any context.
 * Return: Nothing.
 */
void kapi_log_violation(const struct kernel_api_spec *spec, const char *what)
{
	static DEFINE_RATELIMIT_STATE(rs, 5 * HZ, 10);

	/*
	 * error: the foo failed
	 * is the example the documentation uses; keep the "kapi: " prefix
	 * stable because scripts match on it.
	 */
	if (__ratelimit(&rs))
		pr_warn("kapi: %s: %s\n", spec->name, what);
}

static int __init kapi_selfcheck(void)
{
	if (!kapi_get_spec("sys_open"))
		pr_debug("kapi: no spec for sys_open (see DEFINE_KERNEL_API_SPEC(sys_open) in fs/open.c)\n");

	return 0;
}
late_initcall(kapi_selfcheck);

/* ------------------------------------------------------------------ */
/* kernel/sys.c (excerpt)                                              */
/* ------------------------------------------------------------------ */

/**
 * sys_umask - set the file mode creation mask
 * @mask: new mask; only the permission bits are kept
 *
 * Context: Process context.
 * Return: the previous mask.
 */
SYSCALL_DEFINE1(umask, int, mask)
{
	int old = current_umask();

	current->fs->umask = mask & S_IRWXUGO;
	return old;
}
