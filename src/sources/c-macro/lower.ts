// C-macro DSL, lowering stage. In: the initializer tree of one spec. Out: an ApiSpec.
// Each upstream struct has a table of its fields; a field kapi does not know is reported.

import { own } from '../../model/own.js';
import type { DiagSink } from '../../diag/index.js';
import type {
  ApiSpec, Capability, ConstVal, Constraint, ErrorSpec, FreeConstraint, LockSpec, Param,
  ReturnSpec, SideEffect, SignalMask, SignalSpec, StateTransition, StructField, StructSpec,
} from '../../model/types.js';
import type {
  AddrFamily, AsyncSpec, BufferSpec, NetworkSpec, ProtocolBehavior, SocketProtocol, SocketState,
  SocketStateSpec,
} from '../../model/types.js';
import {
  CAP_ACTION_NUM, CONSTRAINT_NUM_V4, CONTEXT_BITS, EFFECT_BITS, LOCK_SCOPE_NUM, LOCK_TYPE_NUM,
  PARAM_FLAG_BITS, PARAM_TYPE_NUM, RETURN_CHECK_NUM, SIGNAL_ACTION_NUM, SIGNAL_DIRECTION_BITS,
  SIGNAL_STATE_BITS, SIGNAL_STRING_MACROS, decodeBits, enumName,
} from '../../model/tables.js';
import { evaluate, MAX_NESTING, tokensText, type EvalEnv } from '../c/expr.js';
import type { Token } from '../c/lexer.js';
import { errnoName, isErrnoName, kernelEnv } from '../consts/index.js';
import { kapiBitConst } from '../../model/tables.js';
import { ASYNC_MODE_BITS, BUFFER_BEHAVIOR_BITS, SOCKET_STATE_NUM, decodeProtocols } from '../../model/tables.js';
import { closing, splitArgs, type Leaf, type MacroFile, type Node, type Obj, type RawSpec } from './parse.js';
import { mapLegacyLock } from '../lock-scope.js';

class Ctx {
  readonly env: EvalEnv;
  constructor(readonly file: MacroFile, readonly diags: DiagSink, readonly spec: string) {
    this.env = kernelEnv(kapiBitConst, (n) => file.arrays.get(n)?.length);
  }

  report(code: Parameters<DiagSink['report']>[0], at: string, msg: string): void {
    this.diags.report(code, at, msg, this.spec);
  }

  leaf(n: Node | undefined, what: string): Leaf | undefined {
    if (!n) return undefined;
    if (n.kind === 'leaf') return n;
    this.report('bad-value', n.at, `${what} must be a value, not a braced initializer`);
    return undefined;
  }

  str(n: Node | undefined, what: string): string | undefined {
    const l = this.leaf(n, what);
    if (!l || l.toks.length === 0) return undefined;
    if (l.toks.every((x) => x.kind === 'string')) return l.toks.map((x) => x.str ?? '').join('');
    const only = l.toks.length === 1 ? l.toks[0]! : undefined;
    const macro = only?.kind === 'ident' ? own(SIGNAL_STRING_MACROS, only.text) : undefined;
    if (macro) return macro;
    if (only?.text === 'NULL') return undefined;
    this.report('bad-value', l.at, `${what} must be a string literal, got '${tokensText(l.toks)}'`);
    return undefined;
  }

  /**
   * The value of an expression; undefined when it has none, null when it nests too deeply
   * (reported at the token where it does, or at `at` for tokens without a position).
   */
  value(toks: Token[], at: string): bigint | undefined | null {
    const r = evaluate(toks, this.env);
    if (!r.tooDeep) return r.value;
    const where = r.tooDeep.line ? `${this.file.file}:${r.tooDeep.line}:${r.tooDeep.col}` : at;
    this.report('too-deep', where, `expression nested deeper than ${MAX_NESTING} levels`);
    return null;
  }

  /** A constant as written with its value; `deep` is set when it nests too deeply (reported). */
  constOf(toks: Token[], at: string): ConstVal & { deep?: true } {
    const c: ConstVal & { deep?: true } = { text: tokensText(toks) };
    const v = this.value(toks, at);
    if (v === null) c.deep = true;
    else if (v !== undefined) c.value = v;
    return c;
  }

  num(n: Node | undefined, what: string): ConstVal | undefined {
    const l = this.leaf(n, what);
    if (!l || l.toks.length === 0) return undefined;
    const { deep, ...c } = this.constOf(l.toks, l.at);
    void deep;
    return c;
  }

  int(n: Node | undefined, what: string): number | undefined {
    const l = this.leaf(n, what);
    if (!l || l.toks.length === 0) return undefined;
    const c = this.constOf(l.toks, l.at);
    if (c.deep) return undefined;
    if (c.value === undefined) {
      this.report('bad-value', l.at, `${what} must be an integer constant, got '${c.text}'`);
      return undefined;
    }
    return Number(c.value);
  }

  bool(n: Node | undefined, what: string): boolean | undefined {
    const c = this.num(n, what);
    if (c?.value === undefined) return undefined;
    return c.value !== 0n;
  }

  /** A closed-set name from `PREFIX_NAME` (or its number in the given numbering). */
  enumOf<N extends string>(n: Node | undefined, what: string, prefix: string, table: Record<N, number>): N | undefined {
    const l = this.leaf(n, what);
    if (!l || l.toks.length === 0) return undefined;
    if (l.toks.length === 1 && l.toks[0]!.kind === 'ident') {
      const name = enumName(l.toks[0]!.text, prefix, table);
      if (name) return name;
    }
    const v = this.value(l.toks, l.at);
    if (v === null) return undefined;
    const byNum = v === undefined ? undefined : (Object.entries(table) as [N, number][]).find(([, k]) => BigInt(k) === v)?.[0];
    if (byNum) return byNum;
    this.report('unknown-token', l.at, `${what} '${tokensText(l.toks)}' is not one of the ${prefix}* names`);
    return undefined;
  }

  bits<N extends string>(n: Node | undefined, what: string, table: Record<N, number>): N[] | undefined {
    const l = this.leaf(n, what);
    if (!l || l.toks.length === 0) return undefined;
    const v = this.value(l.toks, l.at);
    if (v === null) return undefined;
    if (v === undefined) {
      this.report('unknown-token', l.at, `${what} '${tokensText(l.toks)}' uses a name kapi does not know`);
      return undefined;
    }
    const { names, rest } = decodeBits(v, table);
    if (rest !== 0n) this.report('unknown-token', l.at, `${what} has unknown bits 0x${rest.toString(16)}`);
    return names;
  }

  /** Elements of an array value: a helper array name, a compound literal or a braced list. */
  array(n: Node | undefined, what: string): Token[][] | undefined {
    const l = this.leaf(n, what);
    if (!l || l.toks.length === 0) return undefined;
    const t = l.toks;
    if (t.length === 1 && t[0]!.kind === 'ident') {
      const a = this.file.arrays.get(t[0]!.text);
      if (a) return a;
      if (t[0]!.text === 'NULL') return undefined;
      this.report('bad-value', l.at, `${what}: array '${t[0]!.text}' is not defined in this file`);
      return undefined;
    }
    const brace = t.findIndex((x) => x.text === '{');
    const end = brace >= 0 ? closing(t, brace) : -1;
    if (end < 0) {
      if (t.length === 1 && t[0]!.kind === 'string') return t[0]!.str!.split(',').map((s) => lexWords(s, t[0]!));
      this.report('bad-value', l.at, `${what} must be an array, got '${tokensText(t)}'`);
      return undefined;
    }
    return splitArgs(t.slice(brace + 1, end)).filter((e) => e.length);
  }

  consts(n: Node | undefined, what: string): ConstVal[] | undefined {
    const at = n?.at ?? '';
    return this.array(n, what)?.map((e) => {
      const { deep, ...c } = this.constOf(e, at);
      void deep;
      return c;
    });
  }

  /** The entries of an indexed array field (`params[0]`, `params[1]` ...) in index order. */
  entries(n: Node | undefined, what: string): { idx: number; obj: Obj }[] {
    if (!n) return [];
    if (n.kind !== 'obj') {
      this.report('bad-value', n.at, `${what} must be an array of initializers`);
      return [];
    }
    const out: { idx: number; obj: Obj }[] = [];
    for (const [k, v] of n.fields) {
      const value = this.value(lexWords(k, undefined), v.at);
      if (value === null) continue;
      const idx = Number(value ?? NaN);
      if (!Number.isInteger(idx) || idx < 0 || v.kind !== 'obj') {
        this.report('bad-value', v.at, `${what}[${k}]: the index must be a non-negative integer constant`);
        continue;
      }
      out.push({ idx, obj: v });
    }
    return out.sort((a, b) => a.idx - b.idx);
  }
}

function lexWords(s: string, like: Token | undefined): Token[] {
  return s.trim().split(/\s+/).filter(Boolean).map((text) => ({
    kind: /^[0-9]/.test(text) ? 'number' : /^\w/.test(text) ? 'ident' : 'punct',
    text, line: like?.line ?? 0, col: like?.col ?? 0,
  }) as Token);
}

type Handler<T> = (o: T, n: Node, c: Ctx) => void;

/** Runs the field table over an initializer; unknown fields are reported. */
function lowerFields<T>(obj: Obj, table: Record<string, Handler<T>>, out: T, c: Ctx, what: string): void {
  for (const [field, node] of obj.fields) {
    const h = own(table, field);
    if (h) h(out, node, c);
    else if (!field.endsWith('_magic')) c.report('unknown-field', node.at, `unknown field .${field} in ${what}`);
  }
}

const PARAM_FIELDS: Record<string, Handler<Param & { _count?: Node; _enumCount?: Node }>> = {
  name: (p, n, c) => { p.name = c.str(n, 'parameter name') ?? p.name; },
  type_name: (p, n, c) => { const s = c.str(n, 'parameter type name'); if (s) p.c_type = s; },
  type: (p, n, c) => { const v = c.enumOf(n, 'parameter type', 'KAPI_TYPE_', PARAM_TYPE_NUM); if (v) p.type = v; },
  flags: (p, n, c) => { const v = c.bits(n, 'parameter flags', PARAM_FLAG_BITS); if (v) p.flags = v; },
  size: (p, n, c) => { const v = c.num(n, 'size'); if (v) p.size = v; },
  alignment: (p, n, c) => { const v = c.num(n, 'alignment'); if (v) p.alignment = v; },
  min_value: (p, n, c) => { const v = c.num(n, 'min'); if (v) con(p).min = v; },
  max_value: (p, n, c) => { const v = c.num(n, 'max'); if (v) con(p).max = v; },
  valid_mask: (p, n, c) => { const v = c.num(n, 'mask'); if (v) con(p).mask = v; },
  enum_values: (p, n, c) => { const v = c.consts(n, 'enum values'); if (v) con(p).values = v; },
  enum_count: (p, n) => { p._enumCount = n; },
  constraint_type: (p, n, c) => {
    const v = c.enumOf(n, 'constraint type', 'KAPI_CONSTRAINT_', CONSTRAINT_NUM_V4);
    if (v) con(p).kind = v;
  },
  validate: (p, n, c) => { const l = c.leaf(n, 'validator'); if (l) con(p).validator = tokensText(l.toks); },
  description: (p, n, c) => { const s = c.str(n, 'parameter description'); if (s !== undefined) p.description = s; },
  constraints: (p, n, c) => { const s = c.str(n, 'constraint text'); if (s !== undefined) con(p).description = s; },
  size_param_idx: (p, n, c) => {
    const v = c.int(n, 'size parameter index');
    if (v !== undefined && v >= 0) p.size_param = { index: v };
  },
  size_param_arg: (p, n, c) => {
    const v = c.int(n, 'size parameter index');
    if (v !== undefined && v >= 0) p.size_param = { index: v };
  },
  size_multiplier: (p, n, c) => { const v = c.num(n, 'size multiplier'); if (v) p.size_multiplier = v; },
  sysfs_path: (p, n, c) => { const s = c.str(n, 'sysfs path'); if (s) sysfs(p).path = s; },
  sysfs_permissions: (p, n, c) => { const v = c.num(n, 'permissions'); if (v) sysfs(p).permissions = v; },
  default_value: (p, n, c) => { const s = c.str(n, 'default'); if (s !== undefined) sysfs(p).default = s; },
  units: (p, n, c) => { const s = c.str(n, 'units'); if (s !== undefined) sysfs(p).units = s; },
  step: (p, n, c) => { const v = c.num(n, 'step'); if (v) sysfs(p).step = v; },
  allowed_strings: (p, n, c) => {
    const a = c.array(n, 'allowed strings');
    if (a) sysfs(p).allowed_strings = a.map((e) => e.map((x) => x.str ?? x.text).join(''));
  },
  allowed_string_count: () => {},
};

function con(p: { constraint?: Constraint }): Constraint {
  return (p.constraint ??= {});
}
function sysfs(p: Param): NonNullable<Param['sysfs']> {
  return (p.sysfs ??= {});
}

const RETURN_FIELDS: Record<string, Handler<ReturnSpec>> = {
  type_name: (r, n, c) => { const s = c.str(n, 'return type name'); if (s) r.c_type = s; },
  type: (r, n, c) => { const v = c.enumOf(n, 'return type', 'KAPI_TYPE_', PARAM_TYPE_NUM); if (v) r.type = v; },
  check_type: (r, n, c) => { const v = c.enumOf(n, 'return check type', 'KAPI_RETURN_', RETURN_CHECK_NUM); if (v) r.check = v; },
  success_value: (r, n, c) => { const v = c.num(n, 'success value'); if (v) r.success = v; },
  success_min: (r, n, c) => { const v = c.num(n, 'success min'); if (v) r.success_min = v; },
  success_max: (r, n, c) => { const v = c.num(n, 'success max'); if (v) r.success_max = v; },
  error_values: (r, n, c) => {
    const v = c.consts(n, 'error values');
    if (v) r.error_values = v.map(errnoOf);
  },
  error_count: () => {},
  is_success: () => {},
  description: (r, n, c) => { const s = c.str(n, 'return description'); if (s !== undefined) r.description = s; },
};

/** `-EINVAL` -> `EINVAL`; other values keep their text. */
function errnoOf(v: ConstVal): string {
  const m = /^-\s*(E[A-Z0-9_]+)$/.exec(v.text);
  if (m && isErrnoName(m[1]!)) return m[1]!;
  if (v.value !== undefined && v.value < 0n) return errnoName(Number(-v.value)) ?? v.text;
  return v.text;
}

const ERROR_FIELDS: Record<string, Handler<ErrorSpec & { _code?: ConstVal; _codeAt?: string }>> = {
  error_code: (e, n, c) => { e._code = c.num(n, 'error code'); e._codeAt = n.at; },
  name: (e, n, c) => { e.name = c.str(n, 'error name') ?? e.name; },
  condition: (e, n, c) => { const s = c.str(n, 'error condition'); if (s !== undefined) e.condition = s; },
  description: (e, n, c) => { const s = c.str(n, 'error description'); if (s !== undefined) e.description = s; },
};

type RawLock = LockSpec & { _b: NonNullable<LockSpec['legacy']> };
const LOCK_FIELDS: Record<string, Handler<RawLock>> = {
  lock_name: (l, n, c) => { l.name = c.str(n, 'lock name') ?? l.name; },
  lock_type: (l, n, c) => { const v = c.enumOf(n, 'lock type', 'KAPI_LOCK_', LOCK_TYPE_NUM); if (v) l.type = v; },
  scope: (l, n, c) => { const v = c.enumOf(n, 'lock scope', 'KAPI_LOCK_', LOCK_SCOPE_NUM); if (v) l.scope = v; },
  acquired: (l, n, c) => { l._b.acquired = c.bool(n, 'acquired'); },
  released: (l, n, c) => { l._b.released = c.bool(n, 'released'); },
  held_on_entry: (l, n, c) => { l._b.held_on_entry = c.bool(n, 'held_on_entry'); },
  held_on_exit: (l, n, c) => { l._b.held_on_exit = c.bool(n, 'held_on_exit'); },
  description: (l, n, c) => { const s = c.str(n, 'lock description'); if (s !== undefined) l.description = s; },
};

const CONSTRAINT_FIELDS: Record<string, Handler<FreeConstraint>> = {
  name: (k, n, c) => { k.name = c.str(n, 'constraint name') ?? k.name; },
  description: (k, n, c) => { const s = c.str(n, 'constraint description'); if (s !== undefined) k.description = s; },
  expression: (k, n, c) => { const s = c.str(n, 'constraint expression'); if (s !== undefined) k.expression = s; },
};

const SIGNAL_FIELDS: Record<string, Handler<SignalSpec>> = {
  signal_num: (s, n, c) => { const v = c.num(n, 'signal number'); if (v) s.number = v; },
  signal_name: (s, n, c) => { s.name = c.str(n, 'signal name') ?? s.name; },
  direction: (s, n, c) => { const v = c.bits(n, 'signal direction', SIGNAL_DIRECTION_BITS); if (v) s.direction = v; },
  action: (s, n, c) => { const v = c.enumOf(n, 'signal action', 'KAPI_SIGNAL_ACTION_', SIGNAL_ACTION_NUM); if (v) s.action = v; },
  target: (s, n, c) => { const v = c.str(n, 'signal target'); if (v !== undefined) s.target = v; },
  condition: (s, n, c) => { const v = c.str(n, 'signal condition'); if (v !== undefined) s.condition = v; },
  description: (s, n, c) => { const v = c.str(n, 'signal description'); if (v !== undefined) s.description = v; },
  restartable: (s, n, c) => { const v = c.bool(n, 'restartable'); if (v !== undefined) s.restartable = v; },
  interruptible: (s, n, c) => { const v = c.bool(n, 'interruptible'); if (v !== undefined) s.interruptible = v; },
  sa_flags_required: (s, n, c) => { const v = c.num(n, 'sa flags'); if (v) s.sa_flags_required = v; },
  sa_flags_forbidden: (s, n, c) => { const v = c.num(n, 'sa flags'); if (v) s.sa_flags_forbidden = v; },
  error_on_signal: (s, n, c) => { const v = c.num(n, 'error on signal'); if (v) s.error = errnoOf(v); },
  transform_to: (s, n, c) => { const v = c.num(n, 'transform to'); if (v) s.transform_to = v.text; },
  timing: (s, n, c) => { const v = c.str(n, 'timing'); if (v !== undefined) s.timing = v; },
  priority: (s, n, c) => { const v = c.int(n, 'priority'); if (v !== undefined) s.priority = v; },
  queue_behavior: (s, n, c) => { const v = c.str(n, 'queue behaviour'); if (v !== undefined) s.queue = v; },
  state_required: (s, n, c) => { const v = c.bits(n, 'required state', SIGNAL_STATE_BITS); if (v) s.state_required = v; },
  state_forbidden: (s, n, c) => { const v = c.bits(n, 'forbidden state', SIGNAL_STATE_BITS); if (v) s.state_forbidden = v; },
};

const MASK_FIELDS: Record<string, Handler<SignalMask>> = {
  mask_name: (m, n, c) => { m.name = c.str(n, 'mask name') ?? m.name; },
  description: (m, n, c) => { const v = c.str(n, 'mask description'); if (v !== undefined) m.description = v; },
  signals: (m, n, c) => {
    const l = c.leaf(n, 'signals');
    if (l) m.signals = splitArgs(l.toks).filter((e) => e.length).map((e) => {
      const { deep, ...k } = c.constOf(e, l.at);
      void deep;
      return k;
    });
  },
  signal_count: () => {},
};

const FIELD_FIELDS: Record<string, Handler<StructField>> = {
  name: (f, n, c) => { f.name = c.str(n, 'field name') ?? f.name; },
  type: (f, n, c) => { const v = c.enumOf(n, 'field type', 'KAPI_TYPE_', PARAM_TYPE_NUM); if (v) f.type = v; },
  type_name: (f, n, c) => { const v = c.str(n, 'field type name'); if (v) f.c_type = v; },
  offset: (f, n, c) => { const v = c.num(n, 'offset'); if (v) f.offset = v; },
  size: (f, n, c) => { const v = c.num(n, 'size'); if (v) f.size = v; },
  flags: (f, n, c) => { const v = c.bits(n, 'field flags', PARAM_FLAG_BITS); if (v) f.flags = v; },
  constraint_type: (f, n, c) => { const v = c.enumOf(n, 'constraint type', 'KAPI_CONSTRAINT_', CONSTRAINT_NUM_V4); if (v) con(f).kind = v; },
  min_value: (f, n, c) => { const v = c.num(n, 'min'); if (v) con(f).min = v; },
  max_value: (f, n, c) => { const v = c.num(n, 'max'); if (v) con(f).max = v; },
  valid_mask: (f, n, c) => { const v = c.num(n, 'mask'); if (v) con(f).mask = v; },
  enum_values: (f, n, c) => {
    const l = c.leaf(n, 'enum values');
    if (!l) return;
    const parts = l.toks.length === 1 && l.toks[0]!.kind === 'string'
      ? l.toks[0]!.str!.split(',').map((s) => s.trim()).filter(Boolean).map((text) => ({ text }))
      : c.consts(n, 'enum values') ?? [];
    con(f).values = parts;
  },
  description: (f, n, c) => { const v = c.str(n, 'field description'); if (v !== undefined) f.description = v; },
};

const STRUCT_FIELDS: Record<string, Handler<StructSpec & { _count?: Node }>> = {
  name: (s, n, c) => { s.name = c.str(n, 'struct name') ?? s.name; },
  size: (s, n, c) => { const v = c.num(n, 'struct size'); if (v) s.size = v; },
  alignment: (s, n, c) => { const v = c.num(n, 'struct alignment'); if (v) s.alignment = v; },
  field_count: (s, n) => { s._count = n; },
  description: (s, n, c) => { const v = c.str(n, 'struct description'); if (v !== undefined) s.description = v; },
  fields: (s, n, c) => {
    s.fields = c.entries(n, 'fields').map(({ obj }) => {
      const f: StructField = { name: '', at: obj.at };
      lowerFields(obj, FIELD_FIELDS, f, c, 'struct field');
      return f;
    });
  },
};

const EFFECT_FIELDS: Record<string, Handler<SideEffect>> = {
  type: (e, n, c) => { e.effects = c.bits(n, 'side effect type', EFFECT_BITS) ?? []; },
  target: (e, n, c) => { const v = c.str(n, 'target'); if (v !== undefined) e.target = v; },
  condition: (e, n, c) => { const v = c.str(n, 'condition'); if (v !== undefined) e.condition = v; },
  description: (e, n, c) => { const v = c.str(n, 'description'); if (v !== undefined) e.description = v; },
  reversible: (e, n, c) => { const v = c.bool(n, 'reversible'); if (v !== undefined) e.reversible = v; },
};

const TRANS_FIELDS: Record<string, Handler<StateTransition>> = {
  object: (s, n, c) => { const v = c.str(n, 'object'); if (v !== undefined) s.object = v; },
  from_state: (s, n, c) => { const v = c.str(n, 'from state'); if (v !== undefined) s.from = v; },
  to_state: (s, n, c) => { const v = c.str(n, 'to state'); if (v !== undefined) s.to = v; },
  condition: (s, n, c) => { const v = c.str(n, 'condition'); if (v !== undefined) s.condition = v; },
  description: (s, n, c) => { const v = c.str(n, 'description'); if (v !== undefined) s.description = v; },
};

const CAP_FIELDS: Record<string, Handler<Capability>> = {
  capability: (k, n, c) => { const v = c.num(n, 'capability'); if (v) k.number = v; },
  cap_name: (k, n, c) => { k.name = c.str(n, 'capability name') ?? k.name; },
  action: (k, n, c) => { const v = c.enumOf(n, 'capability action', 'KAPI_CAP_', CAP_ACTION_NUM); if (v) k.action = v; },
  allows: (k, n, c) => { const v = c.str(n, 'allows'); if (v !== undefined) k.allows = v; },
  without_cap: (k, n, c) => { const v = c.str(n, 'without'); if (v !== undefined) k.without = v; },
  check_condition: (k, n, c) => { const v = c.str(n, 'condition'); if (v !== undefined) k.condition = v; },
  priority: (k, n, c) => { const v = c.int(n, 'priority'); if (v !== undefined) k.priority = v; },
  alternative: (k, n, c) => { const v = c.consts(n, 'alternatives'); if (v) k.alternatives = v; },
  alternative_count: () => {},
};

type Counts = Map<string, Node>;
type RawApi = ApiSpec & { _counts: Counts };

function list<T extends { at: string }>(
  field: keyof ApiSpec, table: Record<string, Handler<T>>, make: (at: string) => T, what: string,
): Handler<RawApi> {
  return (s, n, c) => {
    (s as unknown as Record<string, T[]>)[field as string] = c.entries(n, what).map(({ obj }) => {
      const o = make(obj.at);
      lowerFields(obj, table, o, c, what);
      return o;
    });
  };
}

const count = (key: string): Handler<RawApi> => (s, n) => { s._counts.set(key, n); };

// RFC v2 networking (CONFIG_NET): the socket state, buffer and async groups, the protocol
// behaviour and address family lists, and at the root six properties and three descriptions.

/** A spec being lowered, with the networking counts written in the source. */
type RawNetApi = RawApi & { _net?: Counts };

function network(s: RawApi): NetworkSpec {
  return (s.network ??= {});
}

/** Protocol names of a `KAPI_PROTO_*` expression; unknown names and bits are reported. */
function protocols(n: Node, c: Ctx, what: string): SocketProtocol[] | undefined {
  const l = c.leaf(n, what);
  if (!l || l.toks.length === 0) return undefined;
  const v = c.value(l.toks, l.at);
  if (v === null) return undefined;
  if (v === undefined) {
    c.report('unknown-token', l.at, `${what} '${tokensText(l.toks)}' uses a name kapi does not know`);
    return undefined;
  }
  const { names, rest } = decodeProtocols(v);
  if (rest !== 0n) c.report('unknown-token', l.at, `${what} has unknown bits 0x${rest.toString(16)}`);
  return names;
}

/** Socket states: the arguments of the variadic macro, or a braced list. Unknown names are reported. */
function states(n: Node, c: Ctx, what: string): SocketState[] | undefined {
  const l = c.leaf(n, what);
  if (!l) return undefined;
  const elems = l.toks.some((x) => x.text === '{') ? c.array(n, what) : splitArgs(l.toks).filter((e) => e.length);
  if (!elems) return undefined;
  const out: SocketState[] = [];
  for (const e of elems) {
    const at = e[0]!.line ? `${c.file.file}:${e[0]!.line}:${e[0]!.col}` : l.at;
    const v = c.enumOf({ kind: 'leaf', toks: e, at }, what, 'KAPI_SOCK_STATE_', SOCKET_STATE_NUM);
    if (v && out.includes(v)) c.report('duplicate-entry', at, `${what} ${v} is listed twice`);
    else if (v) out.push(v);
  }
  return out;
}

/** A C truth value (`true`, `false`, a number); anything else is reported. */
function truth(n: Node, c: Ctx, what: string): boolean | undefined {
  const v = c.int(n, what);
  return v === undefined ? undefined : v !== 0;
}

/** Checks a count written in the source against the entries it counts. */
function checkNetCount(n: Node | undefined, have: number, label: string, what: string, c: Ctx): void {
  if (!n) return;
  const want = c.int(n, label);
  if (want !== undefined && want !== have) c.report('count-mismatch', n.at, `${label} is ${want} but the spec has ${have} ${what}`);
}

type RawSocketState = SocketStateSpec & { _required?: Node; _forbidden?: Node };
const SOCKET_STATE_FIELDS: Record<string, Handler<RawSocketState>> = {
  required_states: (st, n, c) => { const v = states(n, c, 'required socket state'); if (v) st.required = v; },
  forbidden_states: (st, n, c) => { const v = states(n, c, 'forbidden socket state'); if (v) st.forbidden = v; },
  required_state_count: (st, n) => { st._required = n; },
  forbidden_state_count: (st, n) => { st._forbidden = n; },
  resulting_state: (st, n, c) => {
    const v = c.enumOf(n, 'resulting socket state', 'KAPI_SOCK_STATE_', SOCKET_STATE_NUM);
    if (v) st.result = v;
  },
  state_condition: (st, n, c) => { const v = c.str(n, 'socket state condition'); if (v !== undefined) st.condition = v; },
  applicable_protocols: (st, n, c) => { const v = protocols(n, c, 'socket state protocols'); if (v) st.protocols = v; },
};

const PROTOCOL_FIELDS: Record<string, Handler<ProtocolBehavior>> = {
  applicable_protocols: (b, n, c) => { const v = protocols(n, c, 'protocol behaviour protocols'); if (v) b.protocols = v; },
  behavior: (b, n, c) => { const v = c.str(n, 'protocol behaviour'); if (v !== undefined) b.description = v; },
  protocol_flags: (b, n, c) => { const v = c.num(n, 'protocol flags'); if (v) b.flags = v; },
  flag_description: (b, n, c) => { const v = c.str(n, 'protocol flags description'); if (v !== undefined) b.flags_description = v; },
};

const ADDR_FIELDS: Record<string, Handler<AddrFamily>> = {
  family: (a, n, c) => { const v = c.num(n, 'address family'); if (v) a.family = v; },
  family_name: (a, n, c) => { a.name = c.str(n, 'address family name') ?? a.name; },
  addr_struct_size: (a, n, c) => { const v = c.num(n, 'address structure size'); if (v) a.addr_size = v; },
  min_addr_len: (a, n, c) => { const v = c.num(n, 'minimum address length'); if (v) a.min_len = v; },
  max_addr_len: (a, n, c) => { const v = c.num(n, 'maximum address length'); if (v) a.max_len = v; },
  addr_format: (a, n, c) => { const v = c.str(n, 'address format'); if (v !== undefined) a.format = v; },
  supports_wildcard: (a, n, c) => { const v = truth(n, c, 'wildcard support'); if (v !== undefined) a.wildcard = v; },
  supports_multicast: (a, n, c) => { const v = truth(n, c, 'multicast support'); if (v !== undefined) a.multicast = v; },
  supports_broadcast: (a, n, c) => { const v = truth(n, c, 'broadcast support'); if (v !== undefined) a.broadcast = v; },
  special_addresses: (a, n, c) => { const v = c.str(n, 'special addresses'); if (v !== undefined) a.special = v; },
  port_range_min: (a, n, c) => { const v = c.num(n, 'lowest port'); if (v) a.port_min = v; },
  port_range_max: (a, n, c) => { const v = c.num(n, 'highest port'); if (v) a.port_max = v; },
};

const BUFFER_FIELDS: Record<string, Handler<BufferSpec>> = {
  buffer_behaviors: (b, n, c) => { const v = c.bits(n, 'buffer behaviours', BUFFER_BEHAVIOR_BITS); if (v) b.behaviors = v; },
  min_buffer_size: (b, n, c) => { const v = c.num(n, 'minimum buffer size'); if (v) b.min_size = v; },
  max_buffer_size: (b, n, c) => { const v = c.num(n, 'maximum buffer size'); if (v) b.max_size = v; },
  optimal_buffer_size: (b, n, c) => { const v = c.num(n, 'optimal buffer size'); if (v) b.optimal_size = v; },
  can_partial_transfer: (b, n, c) => { const v = truth(n, c, 'partial transfer'); if (v !== undefined) b.partial = v; },
  partial_transfer_rules: (b, n, c) => { const v = c.str(n, 'partial transfer rules'); if (v !== undefined) b.partial_rules = v; },
  fragmentation_rules: (b, n, c) => { const v = c.str(n, 'fragmentation rules'); if (v !== undefined) b.fragmentation_rules = v; },
};

const ASYNC_FIELDS: Record<string, Handler<AsyncSpec>> = {
  supported_modes: (a, n, c) => { const v = c.bits(n, 'asynchronous modes', ASYNC_MODE_BITS); if (v) a.modes = v; },
  nonblock_errno: (a, n, c) => {
    const v = c.num(n, 'non-blocking errno');
    // 0: the call has no non-blocking error (KAPI_ASYNC_SPEC(KAPI_ASYNC_BLOCK, 0)).
    if (!v || v.value === 0n) return;
    let name = errnoOf(v);
    if (!isErrnoName(name) && v.value !== undefined && v.value > 0n) name = errnoName(Number(v.value)) ?? name;
    if (isErrnoName(name)) a.nonblock_error = name;
    else c.report('unknown-errno', n.at, `non-blocking errno '${v.text}' is not an errno`);
  },
  poll_events_in: (a, n, c) => { const v = c.num(n, 'poll input events'); if (v) a.poll_in = v; },
  poll_events_out: (a, n, c) => { const v = c.num(n, 'poll output events'); if (v) a.poll_out = v; },
  completion_condition: (a, n, c) => { const v = c.str(n, 'completion condition'); if (v !== undefined) a.completion = v; },
  supports_timeout: (a, n, c) => { const v = truth(n, c, 'timeout support'); if (v !== undefined) a.timeout = v; },
  timeout_behavior: (a, n, c) => { const v = c.str(n, 'timeout behaviour'); if (v !== undefined) a.timeout_description = v; },
};

/** A group (`.buffer_spec = {...}`) lowered into a fresh object, or undefined when it is not one. */
function group<T extends { at: string }>(n: Node, c: Ctx, table: Record<string, Handler<T>>, what: string): T | undefined {
  if (n.kind !== 'obj') {
    c.report('bad-value', n.at, `${what} must be a braced initializer`);
    return undefined;
  }
  const o = { at: n.at } as T;
  lowerFields(n, table, o, c, what);
  return o;
}

const netFlag = (key: 'connection_oriented' | 'message_oriented' | 'supports_oob' | 'supports_peek' | 'supports_select_poll' | 'reentrant', what: string): Handler<RawApi> =>
  (s, n, c) => { const v = truth(n, c, what); if (v !== undefined) network(s)[key] = v; };
const netText = (key: 'connection_establishment' | 'connection_termination' | 'data_transfer', what: string): Handler<RawApi> =>
  (s, n, c) => { const v = c.str(n, what); if (v !== undefined) network(s)[key] = v; };
const netCount = (key: string): Handler<RawApi> => (s, n) => { ((s as RawNetApi)._net ??= new Map()).set(key, n); };

/** Members of the networking groups, and the macros that open and close each group. */
const NET_GROUPS: [fields: string[], group: string][] = [
  [['required_states', 'forbidden_states', 'required_state_count', 'forbidden_state_count', 'resulting_state', 'state_condition'],
    'KAPI_SOCKET_STATE_REQ ... KAPI_SOCKET_STATE_END'],
  [['applicable_protocols'], 'KAPI_SOCKET_STATE_REQ ... KAPI_SOCKET_STATE_END or KAPI_PROTOCOL_BEHAVIOR ... KAPI_PROTOCOL_BEHAVIOR_END'],
  [['behavior', 'protocol_flags', 'flag_description'], 'KAPI_PROTOCOL_BEHAVIOR ... KAPI_PROTOCOL_BEHAVIOR_END'],
  [Object.keys(BUFFER_FIELDS), 'KAPI_BUFFER_SPEC ... KAPI_BUFFER_END'],
  [Object.keys(ASYNC_FIELDS), 'KAPI_ASYNC_SPEC ... KAPI_ASYNC_END'],
  [Object.keys(ADDR_FIELDS), 'KAPI_ADDR_FAMILY ... KAPI_ADDR_FAMILY_END'],
];

/** Positions already reported as misplaced, per spec: one macro setting three fields is one error. */
const misplacedAt = new WeakMap<Ctx, Set<string>>();

/** A group member set at the root (its opening macro missing, or closed too early): C rejects it. */
const MISPLACED: Record<string, Handler<RawApi>> = Object.fromEntries(NET_GROUPS.flatMap(([fields, g]) =>
  fields.map((f): [string, Handler<RawApi>] => [f, (_s, n, c) => {
    const seen = misplacedAt.get(c) ?? new Set<string>();
    misplacedAt.set(c, seen);
    if (seen.has(n.at)) return;
    seen.add(n.at);
    c.report('bad-syntax', n.at, `.${f} is set outside its group: it belongs between ${g}`);
  }])));

const NET_SPEC_FIELDS: Record<string, Handler<RawApi>> = {
  ...MISPLACED,
  socket_state: (s, n, c) => {
    const st = group<RawSocketState>(n, c, SOCKET_STATE_FIELDS, 'socket state');
    if (!st) return;
    checkNetCount(st._required, st.required?.length ?? 0, 'required_state_count', 'required states', c);
    checkNetCount(st._forbidden, st.forbidden?.length ?? 0, 'forbidden_state_count', 'forbidden states', c);
    delete st._required;
    delete st._forbidden;
    network(s).socket_state = st;
  },
  protocol_behaviors: (s, n, c) => {
    network(s).protocol_behaviors = c.entries(n, 'protocol behaviours').map(({ obj }) => {
      const b: ProtocolBehavior = { at: obj.at };
      lowerFields(obj, PROTOCOL_FIELDS, b, c, 'protocol behaviour');
      return b;
    });
  },
  addr_families: (s, n, c) => {
    network(s).addr_families = c.entries(n, 'address families').map(({ obj }) => {
      const a: AddrFamily = { name: '', at: obj.at };
      lowerFields(obj, ADDR_FIELDS, a, c, 'address family');
      return a;
    });
  },
  buffer_spec: (s, n, c) => { const b = group(n, c, BUFFER_FIELDS, 'buffer spec'); if (b) network(s).buffer = b; },
  async_spec: (s, n, c) => { const a = group(n, c, ASYNC_FIELDS, 'async spec'); if (a) network(s).async = a; },
  protocol_behavior_count: netCount('protocol_behaviors'),
  addr_family_count: netCount('addr_families'),
  is_connection_oriented: netFlag('connection_oriented', 'is_connection_oriented'),
  is_message_oriented: netFlag('message_oriented', 'is_message_oriented'),
  supports_oob_data: netFlag('supports_oob', 'supports_oob_data'),
  supports_peek: netFlag('supports_peek', 'supports_peek'),
  supports_select_poll: netFlag('supports_select_poll', 'supports_select_poll'),
  is_reentrant: netFlag('reentrant', 'is_reentrant'),
  connection_establishment: netText('connection_establishment', 'connection establishment'),
  connection_termination: netText('connection_termination', 'connection termination'),
  data_transfer_semantics: netText('data_transfer', 'data transfer semantics'),
};

/** Checks the networking counts; a spec with networking fields is RFC v2 whatever macros it uses. */
function finishNetwork(s: RawNetApi, c: Ctx): void {
  const counts = s._net;
  delete s._net;
  const labels: Record<string, [string, string]> = {
    protocol_behaviors: ['protocol_behavior_count', 'protocol behaviours'],
    addr_families: ['addr_family_count', 'address families'],
  };
  for (const [key, n] of counts ?? []) {
    const [label, what] = labels[key]!;
    const have = (s.network?.[key as 'protocol_behaviors' | 'addr_families'] ?? []).length;
    checkNetCount(n, have, label, what, c);
  }
  if (s.network && s.source_format === 'c-macro/rfc-v1') s.source_format = 'c-macro/rfc-v2';
}

const SPEC_FIELDS: Record<string, Handler<RawApi>> = {
  name: (s, n, c) => { s.name = c.str(n, 'spec name') ?? s.name; },
  version: (s, n, c) => { const v = c.int(n, 'version'); if (v !== undefined) s.version = v; },
  description: (s, n, c) => { const v = c.str(n, 'description'); if (v !== undefined) s.description = v; },
  long_description: (s, n, c) => { const v = c.str(n, 'long description'); if (v !== undefined) s.long_description = v; },
  context_flags: (s, n, c) => { const v = c.bits(n, 'context flags', CONTEXT_BITS); if (v) s.contexts = v; },
  api_type: () => {},
  params: (s, n, c) => {
    s.params = c.entries(n, 'params').map(({ idx, obj }) => {
      const p: Param & { _enumCount?: Node } = { index: idx, name: '', at: obj.at };
      lowerFields(obj, PARAM_FIELDS, p, c, 'parameter');
      checkEnumCount(p, c);
      return p;
    });
    for (const p of s.params) {
      const target = p.size_param && s.params.find((q) => q.index === p.size_param!.index);
      if (target) p.size_param!.name = target.name;
    }
  },
  return_spec: (s, n, c) => {
    if (n.kind !== 'obj') return void c.report('bad-value', n.at, 'return_spec must be an initializer');
    const r: ReturnSpec = { at: n.at };
    lowerFields(n, RETURN_FIELDS, r, c, 'return spec');
    s.return = r;
  },
  errors: (s, n, c) => {
    s.errors = c.entries(n, 'errors').map(({ obj }) => {
      const e: ErrorSpec & { _code?: ConstVal; _codeAt?: string } = { name: '', at: obj.at };
      lowerFields(obj, ERROR_FIELDS, e, c, 'error');
      checkErrno(e, c);
      return e;
    });
  },
  locks: (s, n, c) => {
    s.locks = c.entries(n, 'locks').map(({ obj }) => {
      const l: RawLock = { name: '', at: obj.at, _b: {} };
      lowerFields(obj, LOCK_FIELDS, l, c, 'lock');
      return mapLegacyLock(l, l._b);
    });
  },
  constraints: list('constraints', CONSTRAINT_FIELDS, (at) => ({ name: '', at }), 'constraint'),
  signals: list('signals', SIGNAL_FIELDS, (at) => ({ name: '', at }), 'signal'),
  signal_masks: list('signal_masks', MASK_FIELDS, (at) => ({ name: '', signals: [], at }), 'signal mask'),
  struct_specs: list('struct_specs', STRUCT_FIELDS, (at) => ({ name: '', fields: [], at }), 'struct spec'),
  side_effects: list('side_effects', EFFECT_FIELDS, (at) => ({ effects: [], at }), 'side effect'),
  state_transitions: list('state_transitions', TRANS_FIELDS, (at) => ({ at }), 'state transition'),
  capabilities: list('capabilities', CAP_FIELDS, (at) => ({ name: '', at }), 'capability'),
  param_count: count('params'), error_count: count('errors'), lock_count: count('locks'),
  constraint_count: count('constraints'), signal_count: count('signals'),
  signal_mask_count: count('signal_masks'), struct_spec_count: count('struct_specs'),
  side_effect_count: count('side_effects'), state_trans_count: count('state_transitions'),
  capability_count: count('capabilities'),
  ...NET_SPEC_FIELDS,
  examples: (s, n, c) => { const v = c.str(n, 'examples'); if (v !== undefined) s.examples = v; },
  notes: (s, n, c) => { const v = c.str(n, 'notes'); if (v !== undefined) s.notes = v; },
  since_version: (s, n, c) => { const v = c.str(n, 'since version'); if (v !== undefined) s.since_version = v; },
  deprecated: (s, n, c) => { const v = c.bool(n, 'deprecated'); if (v !== undefined) s.deprecated = v; },
  replacement: (s, n, c) => { const v = c.str(n, 'replacement'); if (v !== undefined) s.replacement = v; },
  subsystem: (s, n, c) => { const v = c.str(n, 'subsystem'); if (v !== undefined) (s.sysfs ??= {}).subsystem = v; },
  device_type: (s, n, c) => { const v = c.str(n, 'device type'); if (v !== undefined) (s.sysfs ??= {}).device_type = v; },
  cmd: (s, n, c) => { const v = c.num(n, 'ioctl cmd'); if (v) (s.ioctl ??= {}).cmd = v; },
  cmd_name: (s, n, c) => { const v = c.str(n, 'ioctl cmd name'); if (v !== undefined) (s.ioctl ??= {}).cmd_name = v; },
  input_size: (s, n, c) => { const v = c.num(n, 'input size'); if (v) (s.ioctl ??= {}).input_size = v; },
  output_size: (s, n, c) => { const v = c.num(n, 'output size'); if (v) (s.ioctl ??= {}).output_size = v; },
  file_ops_name: (s, n, c) => { const v = c.str(n, 'file ops name'); if (v !== undefined) (s.ioctl ??= {}).file_ops_name = v; },
  // RFC v1 ioctl wrapper: the spec proper, one level down (and no further: no recursion).
  api_spec: (s, n, c) => {
    if (n.kind === 'obj') lowerFields(n, WRAPPED_FIELDS, s, c, 'api spec');
  },
};

const WRAPPED_FIELDS: Record<string, Handler<RawApi>> = Object.fromEntries(
  Object.entries(SPEC_FIELDS).filter(([k]) => k !== 'api_spec'),
);

function checkEnumCount(p: Param & { _enumCount?: Node }, c: Ctx): void {
  const n = p._enumCount;
  delete p._enumCount;
  if (!n) return;
  const want = c.int(n, 'enum count');
  const have = p.constraint?.values?.length;
  if (want !== undefined && have !== undefined && want !== have) {
    c.report('count-mismatch', n.at, `enum_count is ${want} but the array has ${have} values`);
  }
}

function checkErrno(e: ErrorSpec & { _code?: ConstVal; _codeAt?: string }, c: Ctx): void {
  const code = e._code;
  const at = e._codeAt;
  delete e._code;
  delete e._codeAt;
  if (!e.name && code) e.name = errnoOf(code);
  if (!isErrnoName(e.name)) {
    c.report('unknown-errno', e.at, `error name '${e.name}' is not an errno`);
    return;
  }
  if (code && at && errnoOf(code) !== e.name) {
    c.report('errno-mismatch', at, `error code '${code.text}' does not match the name '${e.name}'`);
  }
}

const LIST_LABEL: Record<string, string> = {
  params: 'param_count', errors: 'error_count', locks: 'lock_count', constraints: 'constraint_count',
  signals: 'signal_count', signal_masks: 'signal_mask_count', struct_specs: 'struct_spec_count',
  side_effects: 'side_effect_count', state_transitions: 'state_trans_count', capabilities: 'capability_count',
};

function checkCounts(s: RawApi, c: Ctx): void {
  for (const [key, n] of s._counts) {
    const want = c.int(n, LIST_LABEL[key]!);
    const have = ((s as unknown as Record<string, unknown[] | undefined>)[key] ?? []).length;
    if (want !== undefined && want !== have) {
      c.report('count-mismatch', n.at, `${LIST_LABEL[key]} is ${want} but the spec has ${have} ${key.replace('_', ' ')}`);
    }
  }
  for (const st of s.struct_specs ?? []) {
    const raw = st as StructSpec & { _count?: Node };
    if (raw._count) {
      const want = c.int(raw._count, 'field_count');
      if (want !== undefined && want !== st.fields.length) {
        c.report('count-mismatch', raw._count.at, `field_count is ${want} but struct ${st.name} has ${st.fields.length} fields`);
      }
      delete raw._count;
    }
  }
}

export function kindFromName(name: string): ApiSpec['kind'] {
  if (name.startsWith('sys_') || name.startsWith('compat_sys_')) return 'syscall';
  if (/ioctl/i.test(name)) return 'ioctl';
  if (name.includes('sysfs')) return 'sysfs';
  return 'function';
}

/** Lowers one raw macro spec to the model. */
export function lowerMacroSpec(raw: RawSpec, file: MacroFile, diags: DiagSink): ApiSpec {
  const c = new Ctx(file, diags, raw.name);
  const s: RawApi = {
    name: raw.name, kind: 'syscall', source_format: `c-macro/${raw.vocabulary}` as ApiSpec['source_format'],
    at: raw.at, _counts: new Map(),
  };
  lowerFields(raw.root, SPEC_FIELDS, s, c, 'spec');
  s.kind = raw.kind === 'auto' ? kindFromName(s.name) : raw.kind;
  checkCounts(s, c);
  finishNetwork(s, c);
  const { _counts, ...spec } = s;
  void _counts;
  return spec;
}
