// Struct layouts of `struct kernel_api_spec` as data, and the C layout rules that turn them into
// offsets for an ABI (pointer size, alignment of 64-bit members, packed or natural). The same
// tables describe RFC v1 (packed, fixed char arrays) and PATCH v3/v4 (natural, const char *).

export type FieldType =
  | 'u8' | 'bool' | 'u16' | 'u32' | 'i32' | 'enum' | 's64' | 'u64' | 'size_t' | 'ptr' | 'str'
  | { chars: number } | { array: FieldType; n: number } | { struct: StructDef };

export interface StructDef { name: string; fields: [string, FieldType][] }

export interface Abi {
  ptrSize: 4 | 8;
  /** Alignment of 64-bit integers (8 on x86-64, 4 on i386). */
  align64: 4 | 8;
  packed: boolean;
}

export interface Placed { offset: number; type: FieldType; layout?: Layout }
export interface Layout { size: number; align: number; fields: Map<string, Placed> }

const cache = new WeakMap<StructDef, Map<string, Layout>>();

function sizeAlign(t: FieldType, abi: Abi): [number, number, Layout?] {
  if (typeof t === 'string') {
    switch (t) {
      case 'u8': case 'bool': return [1, 1];
      case 'u16': return [2, 2];
      case 'u32': case 'i32': case 'enum': return [4, 4];
      case 's64': case 'u64': return [8, abi.align64];
      case 'size_t': case 'ptr': case 'str': return [abi.ptrSize, abi.ptrSize];
    }
  }
  if ('chars' in t) return [t.chars, 1];
  if ('array' in t) {
    const [s, a, l] = sizeAlign(t.array, abi);
    return [s * t.n, a, l];
  }
  const l = layoutOf(t.struct, abi);
  return [l.size, l.align, l];
}

/** Offsets of every field under the C rules of `abi` (packed: no padding at all). */
export function layoutOf(def: StructDef, abi: Abi): Layout {
  const key = `${abi.ptrSize}/${abi.align64}/${abi.packed}`;
  let byAbi = cache.get(def);
  if (!byAbi) cache.set(def, (byAbi = new Map()));
  const hit = byAbi.get(key);
  if (hit) return hit;
  let off = 0;
  let align = 1;
  const fields = new Map<string, Placed>();
  for (const [name, t] of def.fields) {
    const [s, a0, sub] = sizeAlign(t, abi);
    const a = abi.packed ? 1 : a0;
    off = Math.ceil(off / a) * a;
    const p: Placed = { offset: off, type: t };
    if (sub) p.layout = sub;
    fields.set(name, p);
    off += s;
    align = Math.max(align, a);
  }
  const l: Layout = { size: Math.ceil(off / align) * align, align, fields };
  byAbi.set(key, l);
  return l;
}

/** The element layout of an array field of structs. */
export function elemLayout(p: Placed): Layout {
  if (!p.layout) throw new Error('not a struct field');
  return p.layout;
}

const arr = (array: FieldType, n: number): FieldType => ({ array, n });
const chars = (n: number): FieldType => ({ chars: n });
const st = (struct: StructDef): FieldType => ({ struct });

// ---- RFC v1 (packed, fixed-size strings) --------------------------------------------------

const NAME = chars(128);
const DESC = chars(512);

export const V1_PARAM: StructDef = { name: 'kapi_param_spec', fields: [
  ['name', NAME], ['type_name', NAME], ['type', 'enum'], ['flags', 'u32'], ['size', 'size_t'],
  ['alignment', 'size_t'], ['min_value', 's64'], ['max_value', 's64'], ['valid_mask', 'u64'],
  ['enum_values', 'ptr'], ['enum_count', 'u32'], ['constraint_type', 'enum'], ['validate', 'ptr'],
  ['description', DESC], ['constraints', DESC], ['size_param_idx', 'i32'], ['size_multiplier', 'size_t'],
] };
export const V1_ERROR: StructDef = { name: 'kapi_error_spec', fields: [
  ['error_code', 'i32'], ['name', NAME], ['condition', DESC], ['description', DESC],
] };
export const V1_RETURN: StructDef = { name: 'kapi_return_spec', fields: [
  ['type_name', NAME], ['type', 'enum'], ['check_type', 'enum'], ['success_value', 's64'],
  ['success_min', 's64'], ['success_max', 's64'], ['error_values', 'ptr'], ['error_count', 'u32'],
  ['is_success', 'ptr'], ['description', DESC],
] };
export const V1_LOCK: StructDef = { name: 'kapi_lock_spec', fields: [
  ['lock_name', NAME], ['lock_type', 'enum'], ['acquired', 'bool'], ['released', 'bool'],
  ['held_on_entry', 'bool'], ['held_on_exit', 'bool'], ['description', DESC],
] };
export const V1_CONSTRAINT: StructDef = { name: 'kapi_constraint_spec', fields: [
  ['name', NAME], ['description', DESC], ['expression', DESC],
] };
export const V1_SIGNAL: StructDef = { name: 'kapi_signal_spec', fields: [
  ['signal_num', 'i32'], ['signal_name', chars(32)], ['direction', 'u32'], ['action', 'enum'],
  ['target', DESC], ['condition', DESC], ['description', DESC], ['restartable', 'bool'],
] };
export const V1_SIGMASK: StructDef = { name: 'kapi_signal_mask_spec', fields: [
  ['mask_name', NAME], ['signals', arr('i32', 32)], ['signal_count', 'u32'], ['description', DESC],
] };
export const V1_FIELD: StructDef = { name: 'kapi_struct_field', fields: [
  ['name', NAME], ['type', 'enum'], ['type_name', NAME], ['offset', 'size_t'], ['size', 'size_t'],
  ['flags', 'u32'], ['constraint_type', 'enum'], ['min_value', 's64'], ['max_value', 's64'],
  ['valid_mask', 'u64'], ['description', DESC],
] };
export const V1_STRUCT: StructDef = { name: 'kapi_struct_spec', fields: [
  ['name', NAME], ['size', 'size_t'], ['alignment', 'size_t'], ['field_count', 'u32'],
  ['fields', arr(st(V1_FIELD), 16)], ['description', DESC],
] };
export const V1_EFFECT: StructDef = { name: 'kapi_side_effect', fields: [
  ['type', 'u32'], ['target', NAME], ['condition', DESC], ['description', DESC], ['reversible', 'bool'],
] };
export const V1_TRANS: StructDef = { name: 'kapi_state_transition', fields: [
  ['from_state', NAME], ['to_state', NAME], ['condition', DESC], ['object', NAME], ['description', DESC],
] };
export const V1_SPEC: StructDef = { name: 'kernel_api_spec', fields: [
  ['name', NAME], ['version', 'u32'], ['description', DESC], ['long_description', chars(2048)],
  ['context_flags', 'u32'], ['param_count', 'u32'], ['params', arr(st(V1_PARAM), 16)],
  ['return_spec', st(V1_RETURN)], ['error_count', 'u32'], ['errors', arr(st(V1_ERROR), 32)],
  ['lock_count', 'u32'], ['locks', arr(st(V1_LOCK), 16)], ['constraint_count', 'u32'],
  ['constraints', arr(st(V1_CONSTRAINT), 16)], ['examples', chars(1024)], ['notes', DESC],
  ['since_version', chars(32)], ['deprecated', 'bool'], ['replacement', NAME],
  ['signal_count', 'u32'], ['signals', arr(st(V1_SIGNAL), 32)], ['signal_mask_count', 'u32'],
  ['signal_masks', arr(st(V1_SIGMASK), 32)], ['struct_spec_count', 'u32'],
  ['struct_specs', arr(st(V1_STRUCT), 8)], ['side_effect_count', 'u32'],
  ['side_effects', arr(st(V1_EFFECT), 16)], ['state_trans_count', 'u32'],
  ['state_transitions', arr(st(V1_TRANS), 8)],
] };

// ---- PATCH v3/v4 (natural alignment, const char *, magic words) ----------------------------

export const V4_PARAM: StructDef = { name: 'kapi_param_spec', fields: [
  ['name', 'str'], ['type_name', 'str'], ['type', 'enum'], ['flags', 'u32'], ['size', 'size_t'],
  ['alignment', 'size_t'], ['min_value', 's64'], ['max_value', 's64'], ['valid_mask', 'u64'],
  ['enum_values', 'ptr'], ['enum_count', 'u32'], ['constraint_type', 'enum'], ['validate', 'ptr'],
  ['description', 'str'], ['constraints', 'str'], ['size_param_idx', 'i32'], ['size_multiplier', 'size_t'],
] };
export const V4_ERROR: StructDef = { name: 'kapi_error_spec', fields: [
  ['error_code', 'i32'], ['name', 'str'], ['condition', 'str'], ['description', 'str'],
] };
export const V4_RETURN: StructDef = { name: 'kapi_return_spec', fields: [
  ['type_name', 'str'], ['type', 'enum'], ['check_type', 'enum'], ['success_value', 's64'],
  ['success_min', 's64'], ['success_max', 's64'], ['error_values', 'ptr'], ['error_count', 'u32'],
  ['is_success', 'ptr'], ['description', 'str'],
] };
export const V4_LOCK: StructDef = { name: 'kapi_lock_spec', fields: [
  ['lock_name', 'str'], ['lock_type', 'enum'], ['scope', 'enum'], ['description', 'str'],
] };
export const V4_CONSTRAINT: StructDef = { name: 'kapi_constraint_spec', fields: [
  ['name', 'str'], ['description', 'str'], ['expression', 'str'],
] };
export const V4_SIGNAL: StructDef = { name: 'kapi_signal_spec', fields: [
  ['signal_num', 'i32'], ['signal_name', 'str'], ['direction', 'u32'], ['action', 'enum'],
  ['target', 'str'], ['condition', 'str'], ['description', 'str'], ['restartable', 'bool'],
  ['sa_flags_required', 'u32'], ['sa_flags_forbidden', 'u32'], ['error_on_signal', 'i32'],
  ['transform_to', 'i32'], ['timing', 'str'], ['priority', 'u8'], ['interruptible', 'bool'],
  ['queue_behavior', 'str'], ['state_required', 'u32'], ['state_forbidden', 'u32'],
] };
export const V4_SIGMASK: StructDef = { name: 'kapi_signal_mask_spec', fields: [
  ['mask_name', 'str'], ['signals', arr('i32', 32)], ['signal_count', 'u32'], ['description', 'str'],
] };
export const V4_FIELD: StructDef = { name: 'kapi_struct_field', fields: [
  ['name', 'str'], ['type', 'enum'], ['type_name', 'str'], ['offset', 'size_t'], ['size', 'size_t'],
  ['flags', 'u32'], ['constraint_type', 'enum'], ['min_value', 's64'], ['max_value', 's64'],
  ['valid_mask', 'u64'], ['enum_values', 'str'], ['description', 'str'],
] };
export const V4_STRUCT: StructDef = { name: 'kapi_struct_spec', fields: [
  ['name', 'str'], ['size', 'size_t'], ['alignment', 'size_t'], ['field_count', 'u32'],
  ['fields', arr(st(V4_FIELD), 16)], ['description', 'str'],
] };
export const V4_CAP: StructDef = { name: 'kapi_capability_spec', fields: [
  ['capability', 'i32'], ['cap_name', 'str'], ['action', 'enum'], ['allows', 'str'],
  ['without_cap', 'str'], ['check_condition', 'str'], ['priority', 'u8'],
  ['alternative', arr('i32', 8)], ['alternative_count', 'u32'],
] };
export const V4_EFFECT: StructDef = { name: 'kapi_side_effect', fields: [
  ['type', 'u32'], ['target', 'str'], ['condition', 'str'], ['description', 'str'], ['reversible', 'bool'],
] };
export const V4_TRANS: StructDef = { name: 'kapi_state_transition', fields: [
  ['from_state', 'str'], ['to_state', 'str'], ['condition', 'str'], ['object', 'str'], ['description', 'str'],
] };
export const V4_SPEC: StructDef = { name: 'kernel_api_spec', fields: [
  ['name', 'str'], ['version', 'u32'], ['description', 'str'], ['long_description', 'str'],
  ['context_flags', 'u32'], ['param_magic', 'u32'], ['param_count', 'u32'],
  ['params', arr(st(V4_PARAM), 16)], ['return_magic', 'u32'], ['return_spec', st(V4_RETURN)],
  ['error_magic', 'u32'], ['error_count', 'u32'], ['errors', arr(st(V4_ERROR), 32)],
  ['lock_magic', 'u32'], ['lock_count', 'u32'], ['locks', arr(st(V4_LOCK), 16)],
  ['constraint_magic', 'u32'], ['constraint_count', 'u32'], ['constraints', arr(st(V4_CONSTRAINT), 32)],
  ['info_magic', 'u32'], ['examples', 'str'], ['notes', 'str'],
  ['signal_magic', 'u32'], ['signal_count', 'u32'], ['signals', arr(st(V4_SIGNAL), 32)],
  ['sigmask_magic', 'u32'], ['signal_mask_count', 'u32'], ['signal_masks', arr(st(V4_SIGMASK), 32)],
  ['struct_magic', 'u32'], ['struct_spec_count', 'u32'], ['struct_specs', arr(st(V4_STRUCT), 8)],
  ['effect_magic', 'u32'], ['side_effect_count', 'u32'], ['side_effects', arr(st(V4_EFFECT), 32)],
  ['trans_magic', 'u32'], ['state_trans_count', 'u32'], ['state_transitions', arr(st(V4_TRANS), 8)],
  ['cap_magic', 'u32'], ['capability_count', 'u32'], ['capabilities', arr(st(V4_CAP), 8)],
] };

export const MAGICS: Record<string, number> = {
  param_magic: 0x4b415031, return_magic: 0x4b415232, error_magic: 0x4b414533, lock_magic: 0x4b414c34,
  constraint_magic: 0x4b414335, info_magic: 0x4b414936, signal_magic: 0x4b415337,
  sigmask_magic: 0x4b414d38, struct_magic: 0x4b415439, effect_magic: 0x4b414641,
  trans_magic: 0x4b415442, cap_magic: 0x4b414343,
};
