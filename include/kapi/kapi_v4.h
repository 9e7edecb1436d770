/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct kernel_api_spec as PATCH v3/v4 lay it out: const char * strings, natural alignment, a
 * magic word before each array, and a .kapi_specs section that holds pointers to the specs.
 * Written for kapi's ELF test fixtures; field order and types follow the upstream structs.
 */
#ifndef KAPI_V4_H
#define KAPI_V4_H

#include "kapi_common.h"

enum kapi_constraint_type {
	KAPI_CONSTRAINT_NONE = 0, KAPI_CONSTRAINT_RANGE, KAPI_CONSTRAINT_MASK, KAPI_CONSTRAINT_ENUM,
	KAPI_CONSTRAINT_ALIGNMENT, KAPI_CONSTRAINT_POWER_OF_TWO, KAPI_CONSTRAINT_PAGE_ALIGNED,
	KAPI_CONSTRAINT_NONZERO, KAPI_CONSTRAINT_USER_STRING, KAPI_CONSTRAINT_USER_PATH,
	KAPI_CONSTRAINT_USER_PTR, KAPI_CONSTRAINT_BUFFER, KAPI_CONSTRAINT_CUSTOM,
};

enum kapi_lock_scope {
	KAPI_LOCK_INTERNAL = 0, KAPI_LOCK_ACQUIRES, KAPI_LOCK_RELEASES, KAPI_LOCK_CALLER_HELD,
};

enum kapi_capability_action {
	KAPI_CAP_BYPASS_CHECK = 0, KAPI_CAP_INCREASE_LIMIT, KAPI_CAP_OVERRIDE_RESTRICTION,
	KAPI_CAP_GRANT_PERMISSION, KAPI_CAP_MODIFY_BEHAVIOR, KAPI_CAP_ACCESS_RESOURCE,
	KAPI_CAP_PERFORM_OPERATION,
};

#define KAPI_MAGIC_PARAMS	0x4B415031
#define KAPI_MAGIC_RETURN	0x4B415232
#define KAPI_MAGIC_ERRORS	0x4B414533
#define KAPI_MAGIC_LOCKS	0x4B414C34
#define KAPI_MAGIC_CONSTRAINTS	0x4B414335
#define KAPI_MAGIC_INFO		0x4B414936
#define KAPI_MAGIC_SIGNALS	0x4B415337
#define KAPI_MAGIC_SIGMASK	0x4B414D38
#define KAPI_MAGIC_STRUCTS	0x4B415439
#define KAPI_MAGIC_EFFECTS	0x4B414641
#define KAPI_MAGIC_TRANS	0x4B415442
#define KAPI_MAGIC_CAPS		0x4B414343

struct kapi_param_spec {
	const char *name;
	const char *type_name;
	enum kapi_param_type type;
	u32 flags;
	size_t size;
	size_t alignment;
	s64 min_value;
	s64 max_value;
	u64 valid_mask;
	const s64 *enum_values;
	u32 enum_count;
	enum kapi_constraint_type constraint_type;
	bool (*validate)(s64 value);
	const char *description;
	const char *constraints;
	int size_param_idx;		/* 1-based; 0 = none */
	size_t size_multiplier;
};

struct kapi_error_spec {
	int error_code;
	const char *name;
	const char *condition;
	const char *description;
};

struct kapi_return_spec {
	const char *type_name;
	enum kapi_param_type type;
	enum kapi_return_check_type check_type;
	s64 success_value;
	s64 success_min;
	s64 success_max;
	const s64 *error_values;
	u32 error_count;
	bool (*is_success)(s64 retval);
	const char *description;
};

struct kapi_lock_spec {
	const char *lock_name;
	enum kapi_lock_type lock_type;
	enum kapi_lock_scope scope;
	const char *description;
};

struct kapi_constraint_spec {
	const char *name;
	const char *description;
	const char *expression;
};

struct kapi_signal_spec {
	int signal_num;
	const char *signal_name;
	u32 direction;
	enum kapi_signal_action action;
	const char *target;
	const char *condition;
	const char *description;
	bool restartable;
	u32 sa_flags_required;
	u32 sa_flags_forbidden;
	int error_on_signal;
	int transform_to;
	const char *timing;
	u8 priority;
	bool interruptible;
	const char *queue_behavior;
	u32 state_required;
	u32 state_forbidden;
};

struct kapi_signal_mask_spec {
	const char *mask_name;
	int signals[32];
	u32 signal_count;
	const char *description;
};

struct kapi_struct_field {
	const char *name;
	enum kapi_param_type type;
	const char *type_name;
	size_t offset;
	size_t size;
	u32 flags;
	enum kapi_constraint_type constraint_type;
	s64 min_value;
	s64 max_value;
	u64 valid_mask;
	const char *enum_values;
	const char *description;
};

struct kapi_struct_spec {
	const char *name;
	size_t size;
	size_t alignment;
	u32 field_count;
	struct kapi_struct_field fields[16];
	const char *description;
};

struct kapi_capability_spec {
	int capability;
	const char *cap_name;
	enum kapi_capability_action action;
	const char *allows;
	const char *without_cap;
	const char *check_condition;
	u8 priority;
	int alternative[8];
	u32 alternative_count;
};

struct kapi_side_effect {
	u32 type;
	const char *target;
	const char *condition;
	const char *description;
	bool reversible;
};

struct kapi_state_transition {
	const char *from_state;
	const char *to_state;
	const char *condition;
	const char *object;
	const char *description;
};

struct kernel_api_spec {
	const char *name;
	u32 version;
	const char *description;
	const char *long_description;
	u32 context_flags;
	u32 param_magic;
	u32 param_count;
	struct kapi_param_spec params[16];
	u32 return_magic;
	struct kapi_return_spec return_spec;
	u32 error_magic;
	u32 error_count;
	struct kapi_error_spec errors[32];
	u32 lock_magic;
	u32 lock_count;
	struct kapi_lock_spec locks[16];
	u32 constraint_magic;
	u32 constraint_count;
	struct kapi_constraint_spec constraints[32];
	u32 info_magic;
	const char *examples;
	const char *notes;
	u32 signal_magic;
	u32 signal_count;
	struct kapi_signal_spec signals[32];
	u32 sigmask_magic;
	u32 signal_mask_count;
	struct kapi_signal_mask_spec signal_masks[32];
	u32 struct_magic;
	u32 struct_spec_count;
	struct kapi_struct_spec struct_specs[8];
	u32 effect_magic;
	u32 side_effect_count;
	struct kapi_side_effect side_effects[32];
	u32 trans_magic;
	u32 state_trans_count;
	struct kapi_state_transition state_transitions[8];
	u32 cap_magic;
	u32 capability_count;
	struct kapi_capability_spec capabilities[8];
};

/* The spec is ordinary read-only data; .kapi_specs holds a pointer to it. */
#define DEFINE_KERNEL_API_SPEC(func_name)						\
	extern const struct kernel_api_spec __kapi_spec_##func_name;			\
	static const struct kernel_api_spec * const __kapi_spec_ptr_##func_name		\
	__attribute__((used, section(".kapi_specs"))) = &__kapi_spec_##func_name;	\
	const struct kernel_api_spec __kapi_spec_##func_name = {			\
		.name = #func_name, .version = 1,

#define KAPI_END_SPEC }

#endif
