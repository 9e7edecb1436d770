// Specs -> C designated initializers for a binary layout (include/kapi/kapi_v1.h or kapi_v4.h),
// the way upstream's generator turns kernel-doc into macros. The tests compile the output with
// the real gcc to build ELF fixtures, and read it back with the C-macro reader.

import {
  CAP_ACTION_NUM, CONSTRAINT_NUM_V4, CONTEXT_BITS, EFFECT_BITS, LOCK_SCOPE_NUM, LOCK_TYPE_NUM,
  PARAM_FLAG_BITS, PARAM_TYPE_NUM, RETURN_CHECK_NUM, SIGNAL_ACTION_NUM, SIGNAL_DIRECTION_BITS,
  SIGNAL_STATE_BITS,
} from '../../model/tables.js';
import type { ApiSpec, ConstVal, Constraint, Param } from '../../model/types.js';
import { errnoNumber } from '../consts/index.js';
import type { LayoutKind } from './decode.js';

const V1_CONSTRAINT: Record<string, number> = { none: 0, range: 1, mask: 2, enum: 3, custom: 4 };

/** Byte capacity of RFC v1's char arrays, by field. */
const V1_CHARS: Record<string, number> = {
  name: 128, type_name: 128, description: 512, long_description: 2048, constraints: 512,
  condition: 512, lock_name: 128, expression: 512, examples: 1024, notes: 512, since_version: 32,
  replacement: 128, signal_name: 32, target: 512, mask_name: 128, from_state: 128, to_state: 128,
  object: 128,
};

/** A C string literal; RFC v1 strings are cut to what their array holds. */
export function cString(s: string, cap?: number): string {
  let bytes = Buffer.from(s, 'utf8');
  if (cap !== undefined && bytes.length > cap - 1) bytes = bytes.subarray(0, cap - 1);
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x3f) out += '\\?'; // no trigraph (??/ and the like) under strict -std=c*
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

/** A 64-bit literal that gcc takes without warnings, for a signed or unsigned field. */
function lit(v: bigint): string {
  const s = BigInt.asIntN(64, v);
  if (s === -(1n << 63n)) return '(-9223372036854775807LL - 1)';
  return s < 0n ? `(${s}LL)` : `${s}LL`;
}

const val = (c: ConstVal | undefined): string | undefined => (c?.value === undefined ? undefined : lit(c.value));

function bits<N extends string>(names: readonly N[] | undefined, table: Record<N, number>): string | undefined {
  if (!names?.length) return undefined;
  return `0x${names.reduce((a, n) => a | table[n], 0).toString(16)}`;
}

type Fields = [string, string | undefined][];

function braces(f: Fields, indent: string): string {
  const kept = f.filter(([, v]) => v !== undefined);
  return `{\n${kept.map(([k, v]) => `${indent}\t.${k} = ${v},`).join('\n')}\n${indent}}`;
}

class Emitter {
  readonly arrays: string[] = [];
  constructor(readonly layout: LayoutKind, readonly spec: ApiSpec) {}

  str(field: string, s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    return cString(s, this.layout === 'v1' ? V1_CHARS[field] : undefined);
  }

  /** A static s64 array for enum or error values; returns its name. */
  array(tag: string, values: bigint[]): string {
    const name = `__kapi_${tag}_${this.spec.name}_${this.arrays.length}`;
    this.arrays.push(`static const s64 ${name}[] = { ${values.map(lit).join(', ')} };`);
    return name;
  }

  constraintFields(c: Constraint | undefined, tag: string): Fields {
    if (!c) return [];
    const kind = c.kind ?? 'none';
    // RFC v1 has no number for the later kinds (buffer, page_aligned, ...): they are not stored.
    const num = this.layout === 'v1' ? V1_CONSTRAINT[kind] : CONSTRAINT_NUM_V4[kind];
    const values = c.values?.map((v) => v.value).filter((v): v is bigint => v !== undefined);
    return [
      ['constraint_type', c.kind && num !== undefined ? String(num) : undefined], ['min_value', val(c.min)], ['max_value', val(c.max)],
      ['valid_mask', c.mask?.value === undefined ? undefined : `0x${BigInt.asUintN(64, c.mask.value).toString(16)}ULL`],
      ...(values?.length ? [['enum_values', this.array(tag, values)], ['enum_count', String(values.length)]] as Fields : []),
    ];
  }

  param(p: Param): string {
    const sp = p.size_param ? (this.layout === 'v1' ? p.size_param.index : p.size_param.index + 1) : this.layout === 'v1' ? -1 : undefined;
    return braces([
      ['name', this.str('name', p.name)], ['type_name', this.str('type_name', p.c_type)],
      ['type', p.type ? String(PARAM_TYPE_NUM[p.type]) : undefined], ['flags', bits(p.flags, PARAM_FLAG_BITS)],
      ['size', val(p.size)], ['alignment', val(p.alignment)],
      ...this.constraintFields(p.constraint, 'ev'),
      ['description', this.str('description', p.description)],
      ['constraints', this.str('constraints', p.constraint?.description)],
      ['size_param_idx', sp === undefined ? undefined : String(sp)], ['size_multiplier', val(p.size_multiplier)],
    ], '\t\t');
  }

  list<T>(name: string, items: readonly T[] | undefined, one: (x: T) => string, magic?: string): Fields {
    if (!items?.length) return [];
    const body = `{\n${items.map((x, i) => `\t\t[${i}] = ${one(x)},`).join('\n')}\n\t}`;
    const fields: Fields = [];
    if (magic && this.layout === 'v4') fields.push([magicField(name), magic]);
    fields.push([COUNT_FIELD[name]!, String(items.length)], [name, body]);
    return fields;
  }

  emit(): string {
    const s = this.spec;
    const v4 = this.layout === 'v4';
    const r = s.return;
    const retFields: Fields = r ? [
      ['type_name', this.str('type_name', r.c_type)], ['type', r.type ? String(PARAM_TYPE_NUM[r.type]) : undefined],
      ['check_type', r.check ? String(RETURN_CHECK_NUM[r.check]) : undefined], ['success_value', val(r.success)],
      ['success_min', val(r.success_min)], ['success_max', val(r.success_max)],
      ...(r.error_values?.length ? [
        ['error_values', this.array('rv', r.error_values.map((e) => -BigInt(errnoNumber(e) ?? 0)))],
        ['error_count', String(r.error_values.length)],
      ] as Fields : []),
      ['description', this.str('description', r.description)],
    ] : [];
    const fields: Fields = [
      ['description', this.str('description', s.description)],
      ['long_description', this.str('long_description', s.long_description)],
      ['context_flags', bits(s.contexts, CONTEXT_BITS)],
      ...this.list('params', s.params, (p) => this.param(p), 'KAPI_MAGIC_PARAMS'),
      ...(r ? [...(v4 ? [['return_magic', 'KAPI_MAGIC_RETURN']] as Fields : []), ['return_spec', braces(retFields, '\t')]] as Fields : []),
      ...this.list('errors', s.errors, (e) => braces([
        ['error_code', String(-(errnoNumber(e.name) ?? 0))], ['name', this.str('name', e.name)],
        ['condition', this.str('condition', e.condition)], ['description', this.str('description', e.description)],
      ], '\t\t'), 'KAPI_MAGIC_ERRORS'),
      ...this.list('locks', s.locks, (l) => braces([
        ['lock_name', this.str('lock_name', l.name)], ['lock_type', l.type ? String(LOCK_TYPE_NUM[l.type]) : undefined],
        ...(v4 ? [['scope', l.scope ? String(LOCK_SCOPE_NUM[l.scope]) : undefined]] as Fields : lockBools(l.scope, l.legacy)),
        ['description', this.str('description', l.description)],
      ], '\t\t'), 'KAPI_MAGIC_LOCKS'),
      ...this.list('constraints', s.constraints, (c) => braces([
        ['name', this.str('name', c.name)], ['description', this.str('description', c.description)],
        ['expression', this.str('expression', c.expression)],
      ], '\t\t'), 'KAPI_MAGIC_CONSTRAINTS'),
      ...(v4 && (s.examples || s.notes) ? [['info_magic', 'KAPI_MAGIC_INFO']] as Fields : []),
      ['examples', this.str('examples', s.examples)], ['notes', this.str('notes', s.notes)],
      ...this.list('signals', s.signals, (g) => braces([
        ['signal_num', val(g.number)], ['signal_name', this.str('signal_name', g.name)],
        ['direction', bits(g.direction, SIGNAL_DIRECTION_BITS)], ['action', g.action ? String(SIGNAL_ACTION_NUM[g.action]) : undefined],
        ['target', this.str('target', g.target)], ['condition', this.str('condition', g.condition)],
        ['description', this.str('description', g.description)], ['restartable', g.restartable ? 'true' : undefined],
        ...(v4 ? [
          ['sa_flags_required', val(g.sa_flags_required)], ['sa_flags_forbidden', val(g.sa_flags_forbidden)],
          ['error_on_signal', g.error ? String(-(errnoNumber(g.error) ?? 0)) : undefined],
          ['timing', this.str('timing', g.timing)], ['priority', g.priority ? String(g.priority) : undefined],
          ['interruptible', g.interruptible ? 'true' : undefined], ['queue_behavior', this.str('queue', g.queue)],
          ['state_required', bits(g.state_required, SIGNAL_STATE_BITS)], ['state_forbidden', bits(g.state_forbidden, SIGNAL_STATE_BITS)],
        ] as Fields : []),
      ], '\t\t'), 'KAPI_MAGIC_SIGNALS'),
      ...this.list('side_effects', s.side_effects, (e) => braces([
        ['type', bits(e.effects, EFFECT_BITS)], ['target', this.str('target', e.target)],
        ['condition', this.str('condition', e.condition)], ['description', this.str('description', e.description)],
        ['reversible', e.reversible ? 'true' : undefined],
      ], '\t\t'), 'KAPI_MAGIC_EFFECTS'),
      ...this.list('state_transitions', s.state_transitions, (t) => braces([
        ['from_state', this.str('from_state', t.from)], ['to_state', this.str('to_state', t.to)],
        ['condition', this.str('condition', t.condition)], ['object', this.str('object', t.object)],
        ['description', this.str('description', t.description)],
      ], '\t\t'), 'KAPI_MAGIC_TRANS'),
      ...(v4 ? this.list('capabilities', s.capabilities, (c) => braces([
        ['capability', val(c.number)], ['cap_name', this.str('name', c.name)],
        ['action', c.action ? String(CAP_ACTION_NUM[c.action]) : undefined], ['allows', this.str('allows', c.allows)],
        ['without_cap', this.str('without', c.without)], ['check_condition', this.str('condition', c.condition)],
        ['priority', c.priority ? String(c.priority) : undefined],
      ], '\t\t'), 'KAPI_MAGIC_CAPS') : []),
      ...(v4 ? [] : [['since_version', this.str('since_version', s.since_version)], ['deprecated', s.deprecated ? 'true' : undefined],
        ['replacement', this.str('replacement', s.replacement)]] as Fields),
    ];
    const body = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `\t.${k} = ${v},`).join('\n');
    return `${this.arrays.join('\n')}${this.arrays.length ? '\n' : ''}DEFINE_KERNEL_API_SPEC(${s.name})\n${body}\nKAPI_END_SPEC;\n`;
  }
}

const COUNT_FIELD: Record<string, string> = {
  params: 'param_count', errors: 'error_count', locks: 'lock_count', constraints: 'constraint_count',
  signals: 'signal_count', side_effects: 'side_effect_count', state_transitions: 'state_trans_count',
  capabilities: 'capability_count',
};

function magicField(list: string): string {
  return ({ params: 'param_magic', errors: 'error_magic', locks: 'lock_magic', constraints: 'constraint_magic',
    signals: 'signal_magic', side_effects: 'effect_magic', state_transitions: 'trans_magic', capabilities: 'cap_magic' } as Record<string, string>)[list]!;
}

/** RFC v1 keeps a lock's scope as booleans. */
function lockBools(scope: string | undefined, legacy: object | undefined): Fields {
  const b = (legacy ?? {}) as Record<string, boolean>;
  const set = legacy ? b : {
    internal: { acquired: true, released: true }, acquires: { acquired: true },
    releases: { released: true }, caller_held: { held_on_entry: true, held_on_exit: true },
  }[scope ?? ''] as Record<string, boolean> | undefined ?? {};
  return ['acquired', 'released', 'held_on_entry', 'held_on_exit'].map((k) => [k, set[k] ? 'true' : undefined]);
}

/** A C file holding every spec, for the layout's header. */
export function emitC(specs: readonly ApiSpec[], layout: LayoutKind, origin: string): string {
  return `/* Generated by kapi's tests from ${origin}. */\n#include "kapi_${layout}.h"\n\n` +
    specs.map((s) => new Emitter(layout, s).emit()).join('\n');
}

/**
 * A linker script placing the spec pointers as the kernel's RO_DATA does: inside .rodata, bounded
 * by __start_kapi_specs/__stop_kapi_specs, at KAPI_BASE (given with --defsym). Stripping such an
 * image leaves neither symbols nor a .kapi_specs section.
 */
export const RODATA_LDS = `SECTIONS
{
	. = KAPI_BASE;
	.text : { *(.text*) }
	.rodata : {
		*(.rodata*)
		. = ALIGN(8);
		__start_kapi_specs = .;
		KEEP(*(.kapi_specs))
		__stop_kapi_specs = .;
	}
	.data : { *(.data*) }
	.bss : { *(.bss*) }
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
`;
