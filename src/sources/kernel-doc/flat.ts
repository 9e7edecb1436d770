// RFC v3 flat kernel-doc tags (`param-type: name, T`, `error-code: ...`, `lock-desc: ...`).
// Each one lands on the same model field as its block-form twin, through the same sub-field table.

import type { ApiSpec, SideEffect, StructField } from '../../model/types.js';
import { parseBool, splitTopLevel } from '../values.js';
import {
  CAP_SUBS, EFFECT_SUBS, LOCK_SUBS, PARAM_SUBS, RETURN_SUBS, SIGNAL_SUBS, TRANS_SUBS,
  applyConstraintType,
} from './blocks.js';
import type { Field, Tag } from './comment.js';
import type { Builder } from './index.js';
import { addError } from './index.js';
import { typeName } from './tokens.js';

type Flat = (t: Tag, b: Builder, extra: SideEffect) => void;

/** `param-X: name, value` -> the `X` sub-field of parameter `name`. */
function paramFlat(sub: string): Flat {
  return (t, b) => {
    const [name, ...rest] = splitTopLevel(t.value);
    if (!name || !/^[A-Za-z_]\w*$/.test(name)) return b.bad('bad-value', t, `expected 'PARAM, VALUE', got '${t.value}'`);
    const f: Field = { ...t, key: sub, value: rest.join(', ') };
    const p = b.param(name, t);
    if (sub === 'constraint-type') applyConstraintType(p, f, b);
    else PARAM_SUBS[sub]!(p, f, b);
  };
}

/** `lock-X: value` applies sub-field `X` to the last `lock:` (and so on for the others). */
function lastFlat<K extends keyof Builder['last']>(which: K, table: Record<string, (o: never, f: Field, b: Builder) => void>, sub: string): Flat {
  return (t, b) => {
    const target = b.last[which];
    if (!target) return b.bad('bad-value', t, `${t.key} appears before any ${String(which)} entry`);
    table[sub]!(target as never, { ...t, key: sub }, b);
  };
}

const countFlat = (key: string): Flat => (t, b) => { b.counts.push({ key, f: t }); };

const structSpec = (b: Builder) => {
  if (!b.last.struct) {
    b.last.struct = { name: `struct ${b.spec.name}`, fields: [], at: b.spec.at };
    b.push('struct_specs', b.last.struct);
  }
  return b.last.struct;
};

function structField(b: Builder, name: string, t: Tag): StructField {
  const s = structSpec(b);
  let f = s.fields.find((x) => x.name === name);
  if (!f) {
    f = { name, at: b.pos(t) };
    s.fields.push(f);
  }
  return f;
}

export const FLAT: Record<string, Flat> = {
  'param-type': paramFlat('type'),
  'param-flags': paramFlat('flags'),
  'param-constraint-type': paramFlat('constraint-type'),
  'param-range': paramFlat('range'),
  'param-constraint': paramFlat('constraint'),
  'param-mask': paramFlat('valid-mask'),
  'param-size': paramFlat('size'),
  'param-alignment': paramFlat('alignment'),
  'param-enum': paramFlat('enum'),
  'param-size-param': paramFlat('size-param'),
  'param-size-multiplier': paramFlat('size-multiplier'),
  'param-validate': paramFlat('validate'),
  'param-desc': paramFlat('desc'),
  'return-type': (t, b) => { RETURN_SUBS.type!((b.spec.return ??= { at: b.pos(t) }), t, b); },
  'return-check-type': (t, b) => { RETURN_SUBS['check-type']!((b.spec.return ??= { at: b.pos(t) }), t, b); },
  'return-check': (t, b) => { RETURN_SUBS['check-type']!((b.spec.return ??= { at: b.pos(t) }), t, b); },
  'return-success': (t, b) => { RETURN_SUBS.success!((b.spec.return ??= { at: b.pos(t) }), t, b); },
  'return-desc': (t, b) => { (b.spec.return ??= { at: b.pos(t) }).description = t.value; },
  'error-code': (t, b) => {
    const parts = splitTopLevel(t.value);
    const name = (parts[1] ?? parts[0] ?? '').replace(/^-/, '');
    const e: ApiSpec['errors'] extends (infer E)[] | undefined ? E : never = { name, at: b.pos(t) };
    if (parts[2]) e.condition = parts[2];
    if (parts.length > 3) e.description = parts.slice(3).join(', ');
    const code = (parts[0] ?? '').replace(/^-/, '');
    if (parts.length > 1 && code !== name) {
      b.diags.report('errno-mismatch', `${b.file}:${t.line}:${t.valueCol}`, `error code '${parts[0]}' does not match the name '${name}'`, b.spec.name);
    }
    addError(e, t, b);
  },
  'lock-type': lastFlat('lock', LOCK_SUBS as never, 'type'),
  'lock-scope': lastFlat('lock', LOCK_SUBS as never, 'scope'),
  'lock-acquired': lastFlat('lock', LOCK_SUBS as never, 'acquired'),
  'lock-released': lastFlat('lock', LOCK_SUBS as never, 'released'),
  'lock-desc': lastFlat('lock', LOCK_SUBS as never, 'desc'),
  'signal-direction': lastFlat('signal', SIGNAL_SUBS as never, 'direction'),
  'signal-action': lastFlat('signal', SIGNAL_SUBS as never, 'action'),
  'signal-condition': lastFlat('signal', SIGNAL_SUBS as never, 'condition'),
  'signal-desc': lastFlat('signal', SIGNAL_SUBS as never, 'desc'),
  'signal-error': lastFlat('signal', SIGNAL_SUBS as never, 'errno'),
  'signal-timing': lastFlat('signal', SIGNAL_SUBS as never, 'timing'),
  'signal-priority': lastFlat('signal', SIGNAL_SUBS as never, 'priority'),
  'signal-interruptible': lastFlat('signal', SIGNAL_SUBS as never, 'interruptible'),
  'signal-restartable': lastFlat('signal', SIGNAL_SUBS as never, 'restartable'),
  'signal-state-req': lastFlat('signal', SIGNAL_SUBS as never, 'state-required'),
  'signal-state-forbid': lastFlat('signal', SIGNAL_SUBS as never, 'state-forbidden'),
  'signal-target': lastFlat('signal', SIGNAL_SUBS as never, 'target'),
  'signal-queue': lastFlat('signal', SIGNAL_SUBS as never, 'queue'),
  'capability-allows': lastFlat('cap', CAP_SUBS as never, 'allows'),
  'capability-without': lastFlat('cap', CAP_SUBS as never, 'without'),
  'capability-condition': lastFlat('cap', CAP_SUBS as never, 'condition'),
  'capability-priority': lastFlat('cap', CAP_SUBS as never, 'priority'),
  'side-effect-type': lastFlat('effect', EFFECT_SUBS as never, 'type'),
  'side-effect-desc': lastFlat('effect', EFFECT_SUBS as never, 'desc'),
  'side-effect-condition': lastFlat('effect', EFFECT_SUBS as never, 'condition'),
  'side-effect-reversible': lastFlat('effect', EFFECT_SUBS as never, 'reversible'),
  'state-trans-desc': lastFlat('trans', TRANS_SUBS as never, 'desc'),
  'state-trans-cond': lastFlat('trans', TRANS_SUBS as never, 'condition'),
  /** `side-effect: TYPE, TARGET, DESC[, reversible=yes]`: the parts after the kinds. */
  'side-effect-flat': (t, b, e) => {
    const parts = splitTopLevel(t.value).slice(1);
    const last = parts[parts.length - 1];
    const rev = last && /^reversible\s*=\s*(\w+)$/.exec(last);
    if (rev) {
      parts.pop();
      const v = parseBool(rev[1]!);
      if (v !== undefined) e.reversible = v;
    }
    if (parts[0]) e.target = parts[0];
    if (parts.length > 1) e.description = parts.slice(1).join(', ');
  },
  'constraint-expr': (t, b) => {
    const [name, ...rest] = splitTopLevel(t.value);
    let c = b.spec.constraints?.find((x) => x.name === name);
    if (!c) {
      c = { name: name ?? '', at: b.pos(t) };
      b.push('constraints', c);
    }
    c.expression = rest.join(', ');
  },
  'struct-field': (t, b) => {
    const [name, type, ...desc] = splitTopLevel(t.value);
    const f = structField(b, name ?? '', t);
    const k = type ? typeName(type) : undefined;
    if (k) f.type = k;
    else if (type) f.c_type = type;
    if (desc.length) f.description = desc.join(', ');
  },
  'struct-field-range': (t, b) => {
    const [name, lo, hi] = splitTopLevel(t.value);
    const f = structField(b, name ?? '', t);
    f.constraint = { ...f.constraint, kind: 'range', min: b.num(lo ?? '', t), max: b.num(hi ?? '', t) };
  },
  'struct-field-mask': (t, b) => {
    const [name, mask] = splitTopLevel(t.value);
    const f = structField(b, name ?? '', t);
    f.constraint = { ...f.constraint, kind: 'mask', mask: b.num(mask ?? '', t) };
  },
  'error-count': countFlat('errors'),
  'lock-count': countFlat('locks'),
  'signal-count': countFlat('signals'),
  'capability-count': countFlat('capabilities'),
  'side-effect-count': countFlat('side_effects'),
  'state-trans-count': countFlat('state_transitions'),
  'constraint-count': countFlat('constraints'),
};
