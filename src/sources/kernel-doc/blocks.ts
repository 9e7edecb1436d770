// kernel-doc block tags (`param:`, `error:`, `lock:` ...) and their sub-fields, as tables of
// handlers. Every generation's spelling lands on the same model fields.

import { own } from '../../model/own.js';
import type {
  Capability, ConstVal, Constraint, ErrorSpec, FreeConstraint, LockSpec, Param, ReturnSpec, SideEffect,
  SignalSpec, StateTransition,
} from '../../model/types.js';
import { isErrnoName } from '../consts/index.js';
import { parseBool, splitTopLevel } from '../values.js';
import type { Field } from './comment.js';
import {
  actionName, capActionName, checkName, lockScopeName, lockTypeName, parseDirections, parseEffects,
  parseFlags, parseStates, parseTypeLine, typeName, words,
} from './tokens.js';

/** What a handler may report, at the field's position. */
export interface Reporter {
  bad(code: 'unknown-token' | 'bad-constraint' | 'bad-value' | 'unknown-errno' | 'too-deep', f: Field, msg: string): void;
  feature(f: 'short-tokens' | 'kapi-names' | 'blocks'): void;
  /** A constant from expression text in field `f`; one nested too deeply is reported there. */
  num(text: string, f: Field): ConstVal;
}

type Sub<T> = (o: T, f: Field, r: Reporter) => void;

const text = <T>(key: keyof T): Sub<T> => (o, f) => { (o as Record<string, unknown>)[key as string] = f.value; };
const con = (p: { constraint?: Constraint }): Constraint => (p.constraint ??= {});

function boolField<T>(key: keyof T): Sub<T> {
  return (o, f, r) => {
    const v = parseBool(f.value);
    if (v === undefined) r.bad('bad-value', f, `'${f.value}' is not yes or no`);
    else (o as Record<string, unknown>)[key as string] = v;
  };
}

function intField<T>(key: keyof T): Sub<T> {
  return (o, f, r) => {
    const c = r.num(f.value, f);
    if (c.value === undefined) r.bad('bad-value', f, `'${f.value}' is not an integer`);
    else (o as Record<string, unknown>)[key as string] = Number(c.value);
  };
}

/** A closed-set name (`mutex`, `KAPI_LOCK_MUTEX`): stored, or reported as unknown. */
function closedField<T>(key: keyof T, parse: (w: string) => string | undefined, what: string): Sub<T> {
  return (o, f, r) => {
    const v = parse(f.value);
    if (v) (o as Record<string, unknown>)[key as string] = v;
    else r.bad('unknown-token', f, `unknown ${what} '${f.value}'`);
  };
}

/** `range(lo, hi)`, `mask(e)`, `enum(a, b)`, `buffer(n)`, `alignment(n)`, ... or `KAPI_CONSTRAINT_X`. */
export function applyConstraintType(p: Param, f: Field, r: Reporter): void {
  const v = f.value.trim();
  const m = /^([A-Za-z_]\w*)\s*(?:\((.*)\))?$/s.exec(v);
  if (!m) return r.bad('bad-constraint', f, `cannot parse constraint '${v}'`);
  const name = m[1]!.replace(/^KAPI_CONSTRAINT_/, '').toLowerCase();
  const args = m[2] === undefined ? [] : splitTopLevel(m[2]);
  if (m[2] !== undefined || name !== m[1]) r.feature(name === m[1]!.toLowerCase() ? 'short-tokens' : 'kapi-names');
  const c = con(p);
  const need = (n: number) => {
    if (m[2] !== undefined && args.length !== n) {
      r.bad('bad-constraint', f, `${name}() takes ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
      return false;
    }
    return true;
  };
  switch (name) {
    case 'range': if (need(2) && args.length) { c.min = r.num(args[0]!, f); c.max = r.num(args[1]!, f); } break;
    case 'mask': if (need(1) && args.length) c.mask = r.num(args[0]!, f); break;
    case 'enum': if (args.length) c.values = args.map((a) => r.num(a, f)); break;
    case 'alignment': if (need(1) && args.length) c.alignment = r.num(args[0]!, f); break;
    case 'user_string': if (args.length > 2) return r.bad('bad-constraint', f, 'user_string() takes at most 2 arguments');
      if (args.length === 1) c.max_len = r.num(args[0]!, f);
      if (args.length === 2) { c.min_len = r.num(args[0]!, f); c.max_len = r.num(args[1]!, f); }
      break;
    case 'user_path': if (args.length === 1) c.max_len = r.num(args[0]!, f); break;
    case 'user_ptr': if (args.length === 1) p.size = r.num(args[0]!, f); break;
    case 'buffer': if (need(1) && args.length) setSizeParam(p, args[0]!, f, r); break;
    case 'custom': if (args.length) c.validator = args.join(', '); break;
    case 'none': case 'power_of_two': case 'page_aligned': case 'nonzero': break;
    default: return r.bad('bad-constraint', f, `unknown constraint kind '${m[1]}'`);
  }
  c.kind = name as Constraint['kind'];
}

function setSizeParam(p: Param, v: string, f: Field, r: Reporter): void {
  const c = r.num(v, f);
  if (c.value !== undefined) p.size_param = { index: Number(c.value) };
  else if (/^[A-Za-z_]\w*$/.test(v.trim())) p.size_param = { index: -1, name: v.trim() };
  else r.bad('bad-value', f, `size parameter '${v}' is neither an index nor a parameter name`);
}

export const PARAM_SUBS: Record<string, Sub<Param>> = {
  type: (p, f, r) => {
    const t = parseTypeLine(f.value);
    if (t.type) { p.type = t.type; r.feature(/KAPI_TYPE_/.test(f.value) ? 'kapi-names' : 'short-tokens'); }
    if (t.flags.length) p.flags = [...new Set([...(p.flags ?? []), ...t.flags])].sort();
    if (t.bad.length) r.bad('unknown-token', f, `unknown type or flag '${t.bad.join(', ')}'`);
  },
  flags: (p, f, r) => {
    const t = parseFlags(f.value);
    p.flags = [...new Set([...(p.flags ?? []), ...t.values])].sort();
    if (t.bad.length) r.bad('unknown-token', f, `unknown parameter flag '${t.bad.join(', ')}'`);
  },
  'constraint-type': applyConstraintType,
  range: (p, f, r) => {
    const a = splitTopLevel(f.value);
    if (a.length !== 2) return r.bad('bad-constraint', f, `range needs 'LO, HI', got '${f.value}'`);
    con(p).min = r.num(a[0]!, f);
    con(p).max = r.num(a[1]!, f);
  },
  'valid-mask': (p, f, r) => { con(p).mask = r.num(f.value, f); },
  mask: (p, f, r) => { con(p).mask = r.num(f.value, f); },
  enum: (p, f, r) => { con(p).values = splitTopLevel(f.value).map((a) => r.num(a, f)); },
  values: (p, f, r) => { con(p).values = splitTopLevel(f.value).map((a) => r.num(a, f)); },
  'size-param': (p, f, r) => setSizeParam(p, f.value, f, r),
  size: (p, f, r) => { p.size = r.num(f.value, f); },
  alignment: (p, f, r) => { p.alignment = r.num(f.value, f); },
  'size-multiplier': (p, f, r) => { p.size_multiplier = r.num(f.value, f); },
  validate: (p, f) => { con(p).validator = f.value.trim(); },
  constraint: (p, f) => { con(p).description = f.value; },
  cdesc: (p, f) => { con(p).description = f.value; },
  desc: text('description'),
  description: text('description'),
  'arch-mask': (p, f, r) => {
    const m = /^\s*([a-z0-9_]+)\s*=\s*(.+)$/.exec(f.value);
    if (!m) return r.bad('bad-value', f, `arch-mask needs 'ARCH = MASK', got '${f.value}'`);
    (p.arch_masks ??= []).push({ arch: m[1]!, mask: r.num(m[2]!, f) });
  },
};

export const RETURN_SUBS: Record<string, Sub<ReturnSpec>> = {
  type: (o, f) => {
    const t = typeName(f.value.trim());
    if (t) o.type = t;
    else o.c_type = f.value.trim();
  },
  'check-type': closedField('check', checkName, 'return check'),
  success: (o, f, r) => { o.success = r.num(f.value, f); },
  'success-range': (o, f, r) => {
    const a = splitTopLevel(f.value);
    if (a.length !== 2) return r.bad('bad-value', f, `success-range needs 'LO, HI', got '${f.value}'`);
    o.success_min = r.num(a[0]!, f);
    o.success_max = r.num(a[1]!, f);
  },
  'error-values': (o, f) => { o.error_values = words(f.value).map((w) => w.replace(/^-/, '')); },
  desc: text('description'),
  description: text('description'),
};
RETURN_SUBS['check'] = RETURN_SUBS['check-type']!;

export const ERROR_SUBS: Record<string, Sub<ErrorSpec>> = {
  desc: text('description'),
  description: text('description'),
  condition: text('condition'),
};

type LockB = LockSpec & { _b?: NonNullable<LockSpec['legacy']> };
const lockBool = (k: keyof NonNullable<LockSpec['legacy']>): Sub<LockB> => (o, f, r) => {
  const v = parseBool(f.value);
  if (v === undefined) return r.bad('bad-value', f, `'${f.value}' is not yes or no`);
  (o._b ??= {})[k] = v;
};
export const LOCK_SUBS: Record<string, Sub<LockB>> = {
  type: closedField('type', lockTypeName, 'lock type'),
  scope: closedField('scope', lockScopeName, 'lock scope'),
  acquired: lockBool('acquired'),
  released: lockBool('released'),
  'held-on-entry': lockBool('held_on_entry'),
  'held-on-exit': lockBool('held_on_exit'),
  desc: text('description'),
  description: text('description'),
};

function namesField<T, N extends string>(key: keyof T, parse: (s: string) => { values: N[]; bad: string[] }, what: string): Sub<T> {
  return (o, f, r) => {
    const v = parse(f.value);
    (o as Record<string, unknown>)[key as string] = v.values;
    if (v.bad.length) r.bad('unknown-token', f, `unknown ${what} '${v.bad.join(', ')}'`);
  };
}

export const SIGNAL_SUBS: Record<string, Sub<SignalSpec>> = {
  direction: namesField('direction', parseDirections, 'signal direction'),
  action: closedField('action', actionName, 'signal action'),
  condition: text('condition'),
  desc: text('description'),
  description: text('description'),
  errno: (o, f, r) => {
    const n = f.value.trim().replace(/^-/, '');
    if (!isErrnoName(n)) r.bad('unknown-errno', f, `'${f.value}' is not an errno`);
    else o.error = n;
  },
  timing: (o, f) => { o.timing = f.value.trim().replace(/^KAPI_SIGNAL_TIME_/, '').toLowerCase(); },
  priority: intField('priority'),
  restartable: boolField('restartable'),
  interruptible: boolField('interruptible'),
  queue: (o, f) => { o.queue = f.value.trim().replace(/^KAPI_SIGNAL_QUEUE_/, '').toLowerCase(); },
  target: text('target'),
  'transform-to': (o, f) => { o.transform_to = f.value.trim(); },
  'sa-flags-required': (o, f, r) => { o.sa_flags_required = r.num(f.value, f); },
  'sa-flags-forbidden': (o, f, r) => { o.sa_flags_forbidden = r.num(f.value, f); },
  'state-required': namesField('state_required', parseStates, 'process state'),
  'state-forbidden': namesField('state_forbidden', parseStates, 'process state'),
};
SIGNAL_SUBS['error'] = SIGNAL_SUBS['errno']!;
SIGNAL_SUBS['sa_flags_required'] = SIGNAL_SUBS['sa-flags-required']!;
SIGNAL_SUBS['sa_flags_forbidden'] = SIGNAL_SUBS['sa-flags-forbidden']!;
SIGNAL_SUBS['state-req'] = SIGNAL_SUBS['state-required']!;
SIGNAL_SUBS['state-forbid'] = SIGNAL_SUBS['state-forbidden']!;

export const EFFECT_SUBS: Record<string, Sub<SideEffect>> = {
  type: namesField('effects', parseEffects, 'side effect'),
  target: text('target'),
  desc: text('description'),
  description: text('description'),
  condition: text('condition'),
  reversible: boolField('reversible'),
};

export const TRANS_SUBS: Record<string, Sub<StateTransition>> = {
  object: text('object'),
  from: text('from'),
  to: text('to'),
  condition: text('condition'),
  desc: text('description'),
  description: text('description'),
};

export const CAP_SUBS: Record<string, Sub<Capability>> = {
  type: closedField('action', capActionName, 'capability action'),
  allows: text('allows'),
  without: text('without'),
  condition: text('condition'),
  priority: intField('priority'),
  alternatives: (o, f, r) => { o.alternatives = words(f.value).map((w) => r.num(w, f)); },
};
CAP_SUBS['action'] = CAP_SUBS['type']!;

export const CONSTRAINT_SUBS: Record<string, Sub<FreeConstraint>> = {
  desc: text('description'),
  description: text('description'),
  expr: text('expression'),
  expression: text('expression'),
};

/** Sub-field tables by block tag, for grouping and for the handlers. */
export const BLOCK_SUBS: Record<string, Record<string, Sub<never>>> = {
  param: PARAM_SUBS, return: RETURN_SUBS, error: ERROR_SUBS, lock: LOCK_SUBS, signal: SIGNAL_SUBS,
  'side-effect': EFFECT_SUBS, 'state-trans': TRANS_SUBS, capability: CAP_SUBS,
  constraint: CONSTRAINT_SUBS,
};

/** Runs a block's sub-fields through its table; `kapi-*` keys go to `ext`. */
export function applySubs<T extends { ext?: Record<string, string> }>(
  o: T, subs: Field[], table: Record<string, Sub<T>>, r: Reporter,
): void {
  for (const f of subs) {
    if (f.key.startsWith('kapi-')) { (o.ext ??= {})[f.key] = f.value; continue; }
    own(table, f.key)?.(o, f, r);
  }
}
