// The KAPI_* macro vocabulary of RFC v1, RFC v2 and the PATCH v4 generated headers, as data:
// what each macro does to the designated-initializer tree it expands into.

import { own } from '../../model/own.js';

/**
 * A value a macro stores: an argument (by position; -1: all of them, comma-joined), fixed C source
 * text (string literals with their quotes), the argument stringified (`#arg`), or `sizeof(arg)`.
 */
export type MacroArg = number | { text: string } | { stringify: number } | { sizeof: number };

export interface MacroDef {
  /** Opens `.<field>[<idx>] = {` (or `.<field> = {` without idx); idx is usually an argument. */
  open?: { field: string; idx?: MacroArg };
  /** Closes the innermost open group (`},`). */
  close?: boolean;
  /** Fields set in the group that is current after `open`. */
  set?: Record<string, MacroArg>;
  /** Appends the argument to a list field (`KAPI_SIGNAL_MASK_ADD`). */
  append?: { field: string; arg: number };
  /** Set only at the spec root, whatever group is open. */
  root?: boolean;
  /** First version that has this macro: marks a spec as RFC v2 or PATCH v4 vocabulary. */
  since?: 'rfc-v2' | 'patch-v4';
  /** The expansion starts with `},` although kapi keeps no group open for it (`KAPI_IOCTL_SIZE`). */
  leadingClose?: boolean;
}

const t = (text: string) => ({ text });

export const MACROS: Record<string, MacroDef> = {
  KAPI_DESCRIPTION: { set: { description: 0 } },
  KAPI_LONG_DESC: { set: { long_description: 0 } },
  KAPI_CONTEXT: { set: { context_flags: 0 } },
  KAPI_SYSCALL_SLEEPABLE: { set: { context_flags: t('KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE') } },
  KAPI_SYSCALL_ATOMIC: { set: { context_flags: t('KAPI_CTX_ATOMIC') } },

  KAPI_PARAM: { open: { field: 'params', idx: 0 }, set: { name: 1, type_name: 2, description: 3 } },
  KAPI_PARAM_END: { close: true },
  KAPI_PARAM_FLAGS: { set: { flags: 0 } },
  KAPI_PARAM_SIZE: { set: { size: 0 } },
  KAPI_PARAM_RANGE: { set: { min_value: 0, max_value: 1 } },
  KAPI_PARAM_TYPE: { set: { type: 0 }, since: 'rfc-v2' },
  KAPI_PARAM_CONSTRAINT_TYPE: { set: { constraint_type: 0 }, since: 'rfc-v2' },
  KAPI_PARAM_CONSTRAINT: { set: { constraints: 0 }, since: 'rfc-v2' },
  KAPI_PARAM_VALID_MASK: { set: { valid_mask: 0 }, since: 'rfc-v2' },
  KAPI_PARAM_ENUM_VALUES: { set: { enum_values: 0 }, since: 'rfc-v2' },
  KAPI_PARAM_SIZE_PARAM_IDX: { set: { size_param_idx: 0 }, since: 'rfc-v2' },
  KAPI_PARAM_SIZE_PARAM: { set: { size_param_arg: 0 }, since: 'patch-v4' },
  KAPI_PARAM_ALIGNMENT: { set: { alignment: 0 }, since: 'patch-v4' },
  KAPI_PARAM_COUNT: { set: { param_count: 0 }, root: true, since: 'rfc-v2' },
  KAPI_PATH: { set: { sysfs_path: 0 }, since: 'rfc-v2' },
  KAPI_PERMISSIONS: { set: { sysfs_permissions: 0 }, since: 'rfc-v2' },
  KAPI_DEFAULT: { set: { default_value: 0 }, since: 'rfc-v2' },
  KAPI_UNITS: { set: { units: 0 }, since: 'rfc-v2' },
  KAPI_STEP: { set: { step: 0 }, since: 'rfc-v2' },
  KAPI_ALLOWED_STRINGS: { set: { allowed_strings: 0, allowed_string_count: 1 }, since: 'rfc-v2' },

  KAPI_RETURN: { open: { field: 'return_spec' }, set: { type_name: 0, description: 1 } },
  KAPI_RETURN_END: { close: true },
  KAPI_RETURN_SUCCESS: { set: { success_value: 0 } },
  KAPI_RETURN_TYPE: { set: { type: 0 }, since: 'rfc-v2' },
  KAPI_RETURN_CHECK_TYPE: { set: { check_type: 0 }, since: 'rfc-v2' },
  KAPI_RETURN_ERROR_VALUES: { set: { error_values: 0 }, since: 'rfc-v2' },
  KAPI_RETURN_ERROR_COUNT: { set: { error_count: 0 }, since: 'rfc-v2' },
  KAPI_RETURN_SUCCESS_RANGE: { set: { success_min: 0, success_max: 1 }, since: 'rfc-v2' },

  KAPI_ERROR: {
    open: { field: 'errors', idx: 0 }, close: true,
    set: { error_code: 1, name: 2, condition: 3, description: 4 },
  },
  KAPI_ERROR_COUNT: { set: { error_count: 0 }, root: true, since: 'rfc-v2' },

  KAPI_LOCK: { open: { field: 'locks', idx: 0 }, set: { lock_name: 1, lock_type: 2 } },
  KAPI_LOCK_ACQUIRED: { set: { acquired: t('true') } },
  KAPI_LOCK_RELEASED: { set: { released: t('true') } },
  KAPI_LOCK_HELD_ENTRY: { set: { held_on_entry: t('true') } },
  KAPI_LOCK_HELD_EXIT: { set: { held_on_exit: t('true') } },
  KAPI_LOCK_DESC: { set: { description: 0 } },
  KAPI_LOCK_END: { close: true },
  KAPI_LOCK_COUNT: { set: { lock_count: 0 }, root: true, since: 'rfc-v2' },

  KAPI_CONSTRAINT: { open: { field: 'constraints', idx: 0 }, set: { name: 1, description: 2 } },
  KAPI_CONSTRAINT_EXPR: { set: { expression: 0 } },
  KAPI_CONSTRAINT_END: { close: true },
  KAPI_CONSTRAINT_COUNT: { set: { constraint_count: 0 }, root: true, since: 'rfc-v2' },

  KAPI_SIGNAL: {
    open: { field: 'signals', idx: 0 },
    set: { signal_num: 1, signal_name: 2, direction: 3, action: 4 },
  },
  KAPI_SIGNAL_TARGET: { set: { target: 0 } },
  KAPI_SIGNAL_CONDITION: { set: { condition: 0 } },
  KAPI_SIGNAL_DESC: { set: { description: 0 } },
  KAPI_SIGNAL_RESTARTABLE: { set: { restartable: t('true') } },
  KAPI_SIGNAL_SA_FLAGS_REQ: { set: { sa_flags_required: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_SA_FLAGS_FORBID: { set: { sa_flags_forbidden: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_ERROR: { set: { error_on_signal: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_TRANSFORM: { set: { transform_to: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_TIMING: { set: { timing: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_PRIORITY: { set: { priority: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_INTERRUPTIBLE: { set: { interruptible: t('true') }, since: 'rfc-v2' },
  KAPI_SIGNAL_QUEUE: { set: { queue_behavior: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_STATE_REQ: { set: { state_required: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_STATE_FORBID: { set: { state_forbidden: 0 }, since: 'rfc-v2' },
  KAPI_SIGNAL_END: { close: true },
  KAPI_SIGNAL_COUNT: { set: { signal_count: 0 }, root: true, since: 'rfc-v2' },

  KAPI_SIGNAL_MASK: { open: { field: 'signal_masks', idx: 0 }, set: { mask_name: 1, description: 2 } },
  KAPI_SIGNAL_MASK_ADD: { append: { field: 'signals', arg: 0 } },
  KAPI_SIGNAL_MASK_SIGNALS: { set: { signals: -1 }, since: 'patch-v4' },
  KAPI_SIGNAL_MASK_END: { close: true },
  KAPI_SIGNAL_MASK_COUNT: { set: { signal_mask_count: 0 }, root: true, since: 'rfc-v2' },

  KAPI_STRUCT_SPEC: {
    open: { field: 'struct_specs', idx: 0 }, set: { name: { stringify: 1 }, description: 2 },
  },
  KAPI_STRUCT_SIZE: { set: { size: 0, alignment: 1 } },
  KAPI_STRUCT_FIELD_COUNT: { set: { field_count: 0 } },
  KAPI_STRUCT_FIELD: {
    open: { field: 'fields', idx: 0 }, set: { name: 1, type: 2, type_name: 3, description: 4 },
  },
  KAPI_FIELD_OFFSET: { set: { offset: 0 } },
  KAPI_FIELD_SIZE: { set: { size: 0 } },
  KAPI_FIELD_FLAGS: { set: { flags: 0 } },
  KAPI_FIELD_CONSTRAINT_RANGE: {
    set: { constraint_type: t('KAPI_CONSTRAINT_RANGE'), min_value: 0, max_value: 1 },
  },
  KAPI_FIELD_CONSTRAINT_MASK: { set: { constraint_type: t('KAPI_CONSTRAINT_MASK'), valid_mask: 0 } },
  KAPI_FIELD_CONSTRAINT_ENUM: { set: { constraint_type: t('KAPI_CONSTRAINT_ENUM'), enum_values: -1 } },
  KAPI_STRUCT_FIELD_END: { close: true },
  KAPI_STRUCT_SPEC_END: { close: true },
  KAPI_STRUCT_SPEC_COUNT: { set: { struct_spec_count: 0 }, root: true },

  KAPI_SIDE_EFFECT: {
    open: { field: 'side_effects', idx: 0 }, set: { type: 1, target: 2, description: 3 },
  },
  KAPI_EFFECT_CONDITION: { set: { condition: 0 } },
  KAPI_EFFECT_REVERSIBLE: { set: { reversible: t('true') } },
  KAPI_SIDE_EFFECT_END: { close: true },
  KAPI_SIDE_EFFECT_COUNT: { set: { side_effect_count: 0 }, root: true },

  KAPI_STATE_TRANS: {
    open: { field: 'state_transitions', idx: 0 },
    set: { object: 1, from_state: 2, to_state: 3, description: 4 },
  },
  KAPI_STATE_TRANS_COND: { set: { condition: 0 } },
  KAPI_STATE_TRANS_END: { close: true },
  KAPI_STATE_TRANS_COUNT: { set: { state_trans_count: 0 }, root: true },

  KAPI_CAPABILITY: {
    open: { field: 'capabilities', idx: 0 }, set: { capability: 1, cap_name: 2, action: 3 },
    since: 'rfc-v2',
  },
  KAPI_CAP_ALLOWS: { set: { allows: 0 }, since: 'rfc-v2' },
  KAPI_CAP_WITHOUT: { set: { without_cap: 0 }, since: 'rfc-v2' },
  KAPI_CAP_CONDITION: { set: { check_condition: 0 }, since: 'rfc-v2' },
  KAPI_CAP_PRIORITY: { set: { priority: 0 }, since: 'rfc-v2' },
  KAPI_CAP_ALTERNATIVE: { set: { alternative: 0, alternative_count: 1 }, since: 'rfc-v2' },
  KAPI_CAPABILITY_END: { close: true },
  KAPI_CAPABILITY_COUNT: { set: { capability_count: 0 }, root: true, since: 'rfc-v2' },

  // RFC v2 networking (CONFIG_NET). KAPI_SOCKET_STATE_REQ opens the socket state group.
  KAPI_SOCKET_STATE_REQ: { open: { field: 'socket_state' }, set: { required_states: -1 }, since: 'rfc-v2' },
  KAPI_SOCKET_STATE_FORBID: { set: { forbidden_states: -1 }, since: 'rfc-v2' },
  KAPI_SOCKET_STATE_RESULT: { set: { resulting_state: 0 }, since: 'rfc-v2' },
  KAPI_SOCKET_STATE_COND: { set: { state_condition: 0 }, since: 'rfc-v2' },
  KAPI_SOCKET_STATE_PROTOS: { set: { applicable_protocols: 0 }, since: 'rfc-v2' },
  KAPI_SOCKET_STATE_END: { close: true, since: 'rfc-v2' },
  KAPI_PROTOCOL_BEHAVIOR: {
    open: { field: 'protocol_behaviors', idx: 0 }, set: { applicable_protocols: 1, behavior: 2 },
    since: 'rfc-v2',
  },
  KAPI_PROTOCOL_FLAGS: { set: { protocol_flags: 0, flag_description: 1 }, since: 'rfc-v2' },
  KAPI_PROTOCOL_BEHAVIOR_END: { close: true, since: 'rfc-v2' },
  KAPI_PROTOCOL_BEHAVIOR_COUNT: { set: { protocol_behavior_count: 0 }, root: true, since: 'rfc-v2' },
  KAPI_ASYNC_SPEC: { open: { field: 'async_spec' }, set: { supported_modes: 0, nonblock_errno: 1 }, since: 'rfc-v2' },
  KAPI_ASYNC_POLL: { set: { poll_events_in: 0, poll_events_out: 1 }, since: 'rfc-v2' },
  KAPI_ASYNC_COMPLETION: { set: { completion_condition: 0 }, since: 'rfc-v2' },
  KAPI_ASYNC_TIMEOUT: { set: { supports_timeout: 0, timeout_behavior: 1 }, since: 'rfc-v2' },
  KAPI_ASYNC_END: { close: true, since: 'rfc-v2' },
  KAPI_BUFFER_SPEC: { open: { field: 'buffer_spec' }, set: { buffer_behaviors: 0 }, since: 'rfc-v2' },
  KAPI_BUFFER_SIZE: {
    set: { min_buffer_size: 0, max_buffer_size: 1, optimal_buffer_size: 2 }, since: 'rfc-v2',
  },
  KAPI_BUFFER_PARTIAL: { set: { can_partial_transfer: 0, partial_transfer_rules: 1 }, since: 'rfc-v2' },
  KAPI_BUFFER_FRAGMENT: { set: { fragmentation_rules: 0 }, since: 'rfc-v2' },
  KAPI_BUFFER_END: { close: true, since: 'rfc-v2' },
  KAPI_ADDR_FAMILY: {
    open: { field: 'addr_families', idx: 0 },
    set: { family: 1, family_name: 2, addr_struct_size: 3, min_addr_len: 4, max_addr_len: 5 },
    since: 'rfc-v2',
  },
  KAPI_ADDR_FORMAT: { set: { addr_format: 0 }, since: 'rfc-v2' },
  KAPI_ADDR_FEATURES: {
    set: { supports_wildcard: 0, supports_multicast: 1, supports_broadcast: 2 }, since: 'rfc-v2',
  },
  KAPI_ADDR_SPECIAL: { set: { special_addresses: 0 }, since: 'rfc-v2' },
  KAPI_ADDR_PORTS: { set: { port_range_min: 0, port_range_max: 1 }, since: 'rfc-v2' },
  KAPI_ADDR_FAMILY_END: { close: true, since: 'rfc-v2' },
  KAPI_ADDR_FAMILY_COUNT: { set: { addr_family_count: 0 }, root: true, since: 'rfc-v2' },
  KAPI_NET_CONNECTION_ORIENTED: { set: { is_connection_oriented: t('true') }, root: true, since: 'rfc-v2' },
  KAPI_NET_MESSAGE_ORIENTED: { set: { is_message_oriented: t('true') }, root: true, since: 'rfc-v2' },
  KAPI_NET_SUPPORTS_OOB: { set: { supports_oob_data: t('true') }, root: true, since: 'rfc-v2' },
  KAPI_NET_SUPPORTS_PEEK: { set: { supports_peek: t('true') }, root: true, since: 'rfc-v2' },
  KAPI_NET_REENTRANT: { set: { is_reentrant: t('true') }, root: true, since: 'rfc-v2' },
  KAPI_NET_CONN_ESTABLISH: { set: { connection_establishment: 0 }, root: true, since: 'rfc-v2' },
  KAPI_NET_CONN_TERMINATE: { set: { connection_termination: 0 }, root: true, since: 'rfc-v2' },
  KAPI_NET_DATA_TRANSFER: { set: { data_transfer_semantics: 0 }, root: true, since: 'rfc-v2' },

  KAPI_EXAMPLES: { set: { examples: 0 }, root: true, since: 'rfc-v2' },
  KAPI_NOTES: { set: { notes: 0 }, root: true, since: 'rfc-v2' },
  KAPI_SINCE_VERSION: { set: { since_version: 0 }, root: true, since: 'rfc-v2' },
  KAPI_DEPRECATED: { set: { deprecated: t('true') }, root: true, since: 'rfc-v2' },
  KAPI_REPLACEMENT: { set: { replacement: 0 }, root: true, since: 'rfc-v2' },
  KAPI_SUBSYSTEM: { set: { subsystem: 0 }, root: true, since: 'rfc-v2' },
  KAPI_DEVICE_TYPE: { set: { device_type: 0 }, root: true, since: 'rfc-v2' },

  KAPI_IOCTL_CMD: { set: { cmd: 0 }, root: true, since: 'rfc-v2' },
  KAPI_IOCTL_CMD_NAME: { set: { cmd_name: 0 }, root: true, since: 'rfc-v2' },
  KAPI_IOCTL_INPUT_SIZE: { set: { input_size: 0 }, root: true, since: 'rfc-v2' },
  KAPI_IOCTL_OUTPUT_SIZE: { set: { output_size: 0 }, root: true, since: 'rfc-v2' },
  KAPI_IOCTL_FILE_OPS_NAME: { set: { file_ops_name: 0 }, root: true, since: 'rfc-v2' },
  // The ioctl headers' parameter helpers (RFC v1 ioctl_api_spec.h, RFC v2 kernel_api_spec.h):
  // each is a whole KAPI_PARAM ... KAPI_PARAM_END group for one field of the argument struct.
  KAPI_IOCTL_PARAM_SIZE: {
    open: { field: 'params', idx: t('0') }, close: true,
    set: {
      name: t('"size"'), type_name: t('"__u32"'), description: t('"Size of the structure"'),
      flags: t('KAPI_PARAM_IN'), type: t('KAPI_TYPE_UINT'), constraint_type: t('KAPI_CONSTRAINT_CUSTOM'),
      constraints: t('"Must match sizeof(struct)"'),
    },
  },
  KAPI_IOCTL_PARAM_FLAGS: {
    open: { field: 'params', idx: t('1') }, close: true,
    set: {
      name: t('"flags"'), type_name: t('"__u32"'), description: t('"Feature flags"'),
      flags: t('KAPI_PARAM_IN'), type: t('KAPI_TYPE_UINT'), constraint_type: t('KAPI_CONSTRAINT_MASK'),
      valid_mask: t('0'),
    },
  },
  KAPI_IOCTL_PARAM_USER_BUF: {
    open: { field: 'params', idx: 0 }, close: true,
    set: {
      name: 1, type_name: t('"__aligned_u64"'), description: 2,
      flags: t('KAPI_PARAM_IN | KAPI_PARAM_USER_PTR'), type: t('KAPI_TYPE_USER_PTR'), size_param_idx: 3,
    },
  },
  KAPI_IOCTL_PARAM_USER_OUT_BUF: {
    open: { field: 'params', idx: 0 }, close: true,
    set: {
      name: 1, type_name: t('"__aligned_u64"'), description: 2,
      flags: t('KAPI_PARAM_OUT | KAPI_PARAM_USER_PTR'), type: t('KAPI_TYPE_USER_PTR'), size_param_idx: 3,
    },
  },
  KAPI_IOCTL_PARAM_LEN: {
    open: { field: 'params', idx: 0 }, close: true,
    set: {
      name: 1, type_name: t('"__u32"'), description: 2, flags: t('KAPI_PARAM_INOUT'), type: t('KAPI_TYPE_UINT'),
      constraint_type: t('KAPI_CONSTRAINT_RANGE'), min_value: t('0'), max_value: 3,
    },
  },
  KAPI_IOCTL_SIZE: { set: { input_size: 0, output_size: 1 }, root: true, leadingClose: true },
  KAPI_IOCTL_FILE_OPS: { set: { file_ops_name: { stringify: 0 } }, root: true },
};

/** Macros that end a spec body. */
export const END_MACROS = new Set(['KAPI_END_SPEC', 'KAPI_END_IOCTL_SPEC', 'KAPI_IOCTL_END_SPEC', 'KAPI_IOCTL_HANDLER_END']);

/**
 * Macros that start a spec: name -> kind, and the spec fields set from their arguments. The first
 * argument is the spec name.
 */
export const START_MACROS: Record<string, {
  kind: 'syscall' | 'ioctl' | 'sysfs' | 'auto'; since?: 'rfc-v2'; set?: Record<string, MacroArg>;
}> = {
  DEFINE_KERNEL_API_SPEC: { kind: 'auto' },
  DEFINE_SYSFS_API_SPEC: { kind: 'sysfs', since: 'rfc-v2' },
  DEFINE_KAPI_IOCTL_SPEC: { kind: 'ioctl', since: 'rfc-v2' },
  DEFINE_IOCTL_API_SPEC: { kind: 'ioctl', set: { cmd: 1, cmd_name: 2 } },
  KAPI_DEFINE_IOCTL_SPEC: {
    kind: 'ioctl', set: { cmd: 1, cmd_name: 2, input_size: 3, output_size: 4, file_ops_name: 5 },
  },
  DEFINE_IOCTL_HANDLER: {
    kind: 'ioctl',
    set: { cmd: 1, cmd_name: { stringify: 1 }, input_size: { sizeof: 3 }, output_size: { sizeof: 3 } },
  },
};

/** True when the macro's expansion starts with `}`: the value before it needs no comma. */
export function closesFirst(name: string): boolean {
  if (END_MACROS.has(name)) return true;
  const def = own(MACROS, name);
  return !!def && (def.leadingClose === true || (def.close === true && !def.open));
}
