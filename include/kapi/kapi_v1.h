/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct kernel_api_spec as RFC v1 lays it out: packed structs with fixed-size strings, each
 * spec a static object in .kapi_specs. Written for kapi's ELF test fixtures; field order and
 * sizes follow the upstream structs (308049 bytes per spec on x86-64).
 */
#ifndef KAPI_V1_H
#define KAPI_V1_H

#include "kapi_common.h"

#define KAPI_MAX_PARAMS		16
#define KAPI_MAX_ERRORS		32
#define KAPI_MAX_CONSTRAINTS	16
#define KAPI_MAX_SIGNALS	32
#define KAPI_MAX_NAME_LEN	128
#define KAPI_MAX_DESC_LEN	512
#define KAPI_MAX_STRUCT_SPECS	8
#define KAPI_MAX_SIDE_EFFECTS	16
#define KAPI_MAX_STATE_TRANS	8

enum kapi_constraint_type {
	KAPI_CONSTRAINT_NONE = 0, KAPI_CONSTRAINT_RANGE, KAPI_CONSTRAINT_MASK, KAPI_CONSTRAINT_ENUM,
	KAPI_CONSTRAINT_CUSTOM,
};

#define KAPI_PACKED __attribute__((packed))

struct kapi_param_spec {
	char name[KAPI_MAX_NAME_LEN];
	char type_name[KAPI_MAX_NAME_LEN];
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
	char description[KAPI_MAX_DESC_LEN];
	char constraints[KAPI_MAX_DESC_LEN];
	int size_param_idx;		/* 0-based; -1 = none */
	size_t size_multiplier;
} KAPI_PACKED;

struct kapi_error_spec {
	int error_code;
	char name[KAPI_MAX_NAME_LEN];
	char condition[KAPI_MAX_DESC_LEN];
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_return_spec {
	char type_name[KAPI_MAX_NAME_LEN];
	enum kapi_param_type type;
	enum kapi_return_check_type check_type;
	s64 success_value;
	s64 success_min;
	s64 success_max;
	const s64 *error_values;
	u32 error_count;
	bool (*is_success)(s64 retval);
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_lock_spec {
	char lock_name[KAPI_MAX_NAME_LEN];
	enum kapi_lock_type lock_type;
	bool acquired;
	bool released;
	bool held_on_entry;
	bool held_on_exit;
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_constraint_spec {
	char name[KAPI_MAX_NAME_LEN];
	char description[KAPI_MAX_DESC_LEN];
	char expression[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_signal_spec {
	int signal_num;
	char signal_name[32];
	u32 direction;
	enum kapi_signal_action action;
	char target[KAPI_MAX_DESC_LEN];
	char condition[KAPI_MAX_DESC_LEN];
	char description[KAPI_MAX_DESC_LEN];
	bool restartable;
} KAPI_PACKED;

struct kapi_signal_mask_spec {
	char mask_name[KAPI_MAX_NAME_LEN];
	int signals[KAPI_MAX_SIGNALS];
	u32 signal_count;
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_struct_field {
	char name[KAPI_MAX_NAME_LEN];
	enum kapi_param_type type;
	char type_name[KAPI_MAX_NAME_LEN];
	size_t offset;
	size_t size;
	u32 flags;
	enum kapi_constraint_type constraint_type;
	s64 min_value;
	s64 max_value;
	u64 valid_mask;
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_struct_spec {
	char name[KAPI_MAX_NAME_LEN];
	size_t size;
	size_t alignment;
	u32 field_count;
	struct kapi_struct_field fields[KAPI_MAX_PARAMS];
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kapi_side_effect {
	u32 type;
	char target[KAPI_MAX_NAME_LEN];
	char condition[KAPI_MAX_DESC_LEN];
	char description[KAPI_MAX_DESC_LEN];
	bool reversible;
} KAPI_PACKED;

struct kapi_state_transition {
	char from_state[KAPI_MAX_NAME_LEN];
	char to_state[KAPI_MAX_NAME_LEN];
	char condition[KAPI_MAX_DESC_LEN];
	char object[KAPI_MAX_NAME_LEN];
	char description[KAPI_MAX_DESC_LEN];
} KAPI_PACKED;

struct kernel_api_spec {
	char name[KAPI_MAX_NAME_LEN];
	u32 version;
	char description[KAPI_MAX_DESC_LEN];
	char long_description[KAPI_MAX_DESC_LEN * 4];
	u32 context_flags;
	u32 param_count;
	struct kapi_param_spec params[KAPI_MAX_PARAMS];
	struct kapi_return_spec return_spec;
	u32 error_count;
	struct kapi_error_spec errors[KAPI_MAX_ERRORS];
	u32 lock_count;
	struct kapi_lock_spec locks[KAPI_MAX_CONSTRAINTS];
	u32 constraint_count;
	struct kapi_constraint_spec constraints[KAPI_MAX_CONSTRAINTS];
	char examples[KAPI_MAX_DESC_LEN * 2];
	char notes[KAPI_MAX_DESC_LEN];
	char since_version[32];
	bool deprecated;
	char replacement[KAPI_MAX_NAME_LEN];
	u32 signal_count;
	struct kapi_signal_spec signals[KAPI_MAX_SIGNALS];
	u32 signal_mask_count;
	struct kapi_signal_mask_spec signal_masks[KAPI_MAX_SIGNALS];
	u32 struct_spec_count;
	struct kapi_struct_spec struct_specs[KAPI_MAX_STRUCT_SPECS];
	u32 side_effect_count;
	struct kapi_side_effect side_effects[KAPI_MAX_SIDE_EFFECTS];
	u32 state_trans_count;
	struct kapi_state_transition state_transitions[KAPI_MAX_STATE_TRANS];
} KAPI_PACKED;

#define DEFINE_KERNEL_API_SPEC(func_name)						\
	static struct kernel_api_spec __kapi_spec_##func_name				\
	__attribute__((used, section(".kapi_specs"))) = {				\
		.name = #func_name, .version = 1,

#define KAPI_END_SPEC }

#endif
