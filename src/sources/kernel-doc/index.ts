// kernel-doc spec source. In: a file's `/** */` comments and tokens. Out: ApiSpecs for the
// comments that are specs (RFC v3 flat tags, RFC v4 blocks, PATCH v3/v4 short tokens), each bound
// to the function after it. Ordinary kernel-doc is left alone. Reports, never throws.

import { own } from '../../model/own.js';
import type { DiagSink } from '../../diag/index.js';
import type {
  ApiSpec, Capability, ConstVal, ErrorSpec, FreeConstraint, LockSpec, Param, ReturnSpec, SideEffect,
  SignalSpec, SourceFormat, StateTransition, StructSpec,
} from '../../model/types.js';
import type { DocComment, Token } from '../c/lexer.js';
import { isErrnoName } from '../consts/index.js';
import { mapLegacyLock } from '../lock-scope.js';
import { MAX_NESTING } from '../c/expr.js';
import { constOfText, SPEC_ENV, splitTopLevel } from '../values.js';
import { bindFunction } from './bind.js';
import {
  BLOCK_SUBS, CAP_SUBS, CONSTRAINT_SUBS, EFFECT_SUBS, ERROR_SUBS, LOCK_SUBS, PARAM_SUBS,
  RETURN_SUBS, SIGNAL_SUBS, TRANS_SUBS, applySubs, type Reporter,
} from './blocks.js';
import { docLines, groupTags, type Field, type Tag } from './comment.js';
import { parseContexts, parseEffects } from './tokens.js';
import { FLAT } from './flat.js';

const isSub = (tag: string, key: string) => key.startsWith('kapi-') || !!own(own(BLOCK_SUBS, tag) ?? {}, key);

/**
 * A comment is a spec when it has a context tag, as upstream's build decides (PATCH v4:
 * `contexts|context-flags|context`) naming at least one context. `context:` also starts
 * ordinary prose, so it counts only when every word of it is a context name.
 */
export function looksLikeSpec(tags: Tag[]): boolean {
  return tags.some((t) => {
    if (t.at) return false;
    if (t.key !== 'contexts' && t.key !== 'context-flags' && t.key !== 'context') return false;
    const c = parseContexts(t.value);
    return c.values.length > 0 && (t.key !== 'context' || c.bad.length === 0);
  });
}

export class Builder implements Reporter {
  readonly spec: ApiSpec;
  readonly params = new Map<string, Param & { _order: number }>();
  readonly features = new Set<string>();
  current: Field | undefined;
  counts: { key: string; f: Field }[] = [];
  last: { lock?: LockSpec & { _b?: object }; signal?: SignalSpec; cap?: Capability; effect?: SideEffect; trans?: StateTransition; struct?: StructSpec } = {};

  constructor(readonly file: string, readonly diags: DiagSink, name: string, kind: ApiSpec['kind'], at: string) {
    this.spec = { name, kind, source_format: 'kernel-doc/patch-v4', at };
  }

  pos(f: { line: number; col: number }): string {
    return `${this.file}:${f.line}:${f.col}`;
  }

  bad(code: Parameters<Reporter['bad']>[0], f: Field, msg: string): void {
    this.diags.report(code, `${this.file}:${f.line}:${f.valueCol}`, msg, this.spec.name);
  }

  /** Positions already reported as nested too deeply: one diagnostic per field. */
  private deep = new Set<string>();

  num(text: string, f: Field): ConstVal {
    return constOfText(text, SPEC_ENV, () => {
      const pos = `${f.line}:${f.valueCol}`;
      if (this.deep.has(pos)) return;
      this.deep.add(pos);
      this.bad('too-deep', f, `expression nested deeper than ${MAX_NESTING} levels`);
    });
  }

  feature(f: string): void {
    this.features.add(f);
  }

  param(name: string, f: Field): Param & { _order: number } {
    let p = this.params.get(name);
    if (!p) {
      p = { index: -1, name, at: this.pos(f), _order: this.params.size };
      this.params.set(name, p);
    }
    return p;
  }

  push<K extends keyof ApiSpec>(key: K, v: NonNullable<ApiSpec[K]> extends (infer E)[] ? E : never): void {
    ((this.spec[key] as unknown[] | undefined) ??= [] as never);
    (this.spec[key] as unknown[]).push(v);
  }
}

type TopHandler = (t: Tag, b: Builder) => void;

const firstWord = (s: string) => /^\s*([A-Za-z_][\w.>-]*)/.exec(s)?.[1] ?? s.trim();

const TOP: Record<string, TopHandler> = {
  'long-desc': (t, b) => { b.spec.long_description = t.value; },
  contexts: (t, b) => contexts(t, b, 'short-tokens'),
  context: (t, b) => contexts(t, b, 'short-tokens'),
  'context-flags': (t, b) => contexts(t, b, 'kapi-names'),
  examples: (t, b) => { b.spec.examples = t.value; },
  example: (t, b) => { b.spec.examples = t.value; },
  notes: (t, b) => { b.spec.notes = t.value; },
  note: (t, b) => { b.spec.notes = t.value; },
  'since-version': (t, b) => { b.spec.since_version = t.value.trim(); },
  since: (t, b) => { b.spec.since_version = t.value.trim(); },
  'api-type': (t, b) => {
    const k = t.value.trim().toLowerCase().replace(/^kapi_api_/, '');
    if (k === 'ioctl' || k === 'sysfs' || k === 'syscall' || k === 'function') b.spec.kind = k;
    else b.bad('unknown-token', t, `unknown api type '${t.value}'`);
  },
  'api-version': (t, b) => { const c = b.num(t.value, t); if (c.value !== undefined) b.spec.version = Number(c.value); },
  'param-count': (t, b) => { b.counts.push({ key: 'params', f: t }); },
  param: (t, b) => {
    const m = /^\s*([A-Za-z_]\w*)\s*(?:,\s*(.*))?$/.exec(t.value);
    if (!m) return b.bad('bad-value', t, `param needs a parameter name, got '${t.value}'`);
    const p = b.param(m[1]!, t);
    if (m[2]) { // RFC v4: `param: name, KAPI_TYPE_X`
      b.feature('kapi-names');
      PARAM_SUBS.type!(p, { ...t, value: m[2] }, b);
    }
    b.feature('blocks');
    applySubs(p, t.sub, PARAM_SUBS, b);
  },
  return: (t, b) => {
    const r: ReturnSpec = b.spec.return ?? { at: b.pos(t) };
    if (t.value.trim()) RETURN_SUBS.type!(r, t, b);
    applySubs(r, t.sub, RETURN_SUBS, b);
    b.spec.return = r;
  },
  error: (t, b) => {
    const [name, ...rest] = splitTopLevel(t.value);
    const e: ErrorSpec = { name: (name ?? '').replace(/^-/, ''), at: b.pos(t) };
    if (rest.length) e.condition = rest.join(', ');
    applySubs(e, t.sub, ERROR_SUBS, b);
    if (t.sub.length) b.feature('blocks');
    addError(e, t, b);
  },
  lock: (t, b) => {
    const [name, type] = splitTopLevel(t.value);
    const l: LockSpec & { _b?: NonNullable<LockSpec['legacy']> } = { name: name ?? '', at: b.pos(t) };
    if (type) LOCK_SUBS.type!(l, { ...t, value: type }, b);
    applySubs(l, t.sub, LOCK_SUBS, b);
    b.last.lock = l;
    b.push('locks', l);
  },
  signal: (t, b) => {
    const s: SignalSpec = { name: firstWord(t.value), at: b.pos(t) };
    // The generator stores the number of a named signal (SIGKILL -> 9); classes such as ANY have none.
    const num = constOfText(s.name);
    if (num.value !== undefined) s.number = num;
    applySubs(s, t.sub, SIGNAL_SUBS, b);
    b.last.signal = s;
    b.push('signals', s);
  },
  'side-effect': (t, b) => {
    const parts = splitTopLevel(t.value);
    const e: SideEffect = { effects: [], at: b.pos(t) };
    const kinds = parseEffects(parts[0] ?? '');
    e.effects = kinds.values;
    if (kinds.bad.length) b.bad('unknown-token', t, `unknown side effect '${kinds.bad.join(', ')}'`);
    if (parts.length > 1) FLAT['side-effect-flat']!(t, b, e);
    applySubs(e, t.sub, EFFECT_SUBS, b);
    b.last.effect = e;
    b.push('side_effects', e);
  },
  'state-trans': (t, b) => {
    const parts = splitTopLevel(t.value);
    const s: StateTransition = { at: b.pos(t) };
    if (parts.length >= 3) {
      [s.object, s.from, s.to] = parts as [string, string, string];
      if (parts.length > 3) s.description = parts.slice(3).join(', ');
    } else if (t.value.trim()) s.object = t.value.trim();
    applySubs(s, t.sub, TRANS_SUBS, b);
    b.last.trans = s;
    b.push('state_transitions', s);
  },
  capability: (t, b) => {
    const parts = splitTopLevel(t.value);
    const c: Capability = { name: parts[0] ?? '', at: b.pos(t) };
    const num = b.num(c.name, t);
    if (num.value !== undefined) c.number = num;
    if (parts[1]) CAP_SUBS.type!(c, { ...t, value: parts[1] }, b);
    applySubs(c, t.sub, CAP_SUBS, b);
    b.last.cap = c;
    b.push('capabilities', c);
  },
  constraint: (t, b) => {
    const [name, ...rest] = splitTopLevel(t.value);
    const c: FreeConstraint = { name: name ?? '', at: b.pos(t) };
    if (rest.length) c.description = rest.join(', ');
    applySubs(c, t.sub, CONSTRAINT_SUBS, b);
    b.push('constraints', c);
  },
};

function contexts(t: Tag, b: Builder, feature: 'short-tokens' | 'kapi-names'): void {
  const c = parseContexts(t.value);
  b.spec.contexts = [...new Set([...(b.spec.contexts ?? []), ...c.values])].sort();
  if (c.bad.length) b.diags.report('unknown-context', `${b.file}:${t.line}:${t.valueCol}`, `unknown context '${c.bad.join(', ')}'`, b.spec.name);
  b.feature(/KAPI_CTX_/.test(t.value) ? 'kapi-names' : feature);
}

export function addError(e: ErrorSpec, f: Field, b: Builder): void {
  if (!isErrnoName(e.name)) {
    b.diags.report('unknown-errno', `${b.file}:${f.line}:${f.valueCol}`, `error name '${e.name}' is not an errno`, b.spec.name);
    return;
  }
  if (b.spec.errors?.some((x) => x.name === e.name)) {
    b.diags.report('duplicate-entry', `${b.file}:${f.line}:${f.col}`, `error ${e.name} is listed twice`, b.spec.name);
  }
  b.push('errors', e);
}

function generation(b: Builder, tags: Tag[]): SourceFormat {
  if (b.features.has('short-tokens')) return 'kernel-doc/patch-v4';
  if (b.features.has('blocks') || tags.some((t) => (t.key === 'error' || t.key === 'return') && t.sub.length)) return 'kernel-doc/rfc-v4';
  return 'kernel-doc/rfc-v3';
}

/** Orders parameters by the signature and reports those the signature lacks. */
function finishParams(b: Builder, tags: Tag[]): void {
  for (const t of tags) {
    if (t.at && b.params.has(t.key)) {
      const p = b.params.get(t.key)!;
      p.description ??= t.value;
    } else if (t.at) {
      b.param(t.key, t).description = t.value;
    }
  }
  const sig = b.spec.signature?.params;
  const out: Param[] = [];
  for (const p of b.params.values()) {
    const { _order, ...param } = p;
    const idx = sig ? sig.findIndex((s) => s.name === p.name) : -1;
    if (sig && idx < 0 && b.spec.kind === 'syscall') {
      b.diags.report('unknown-param', p.at, `parameter '${p.name}' is not in the signature of ${b.spec.name}`, b.spec.name);
      continue;
    }
    param.index = sig && idx >= 0 ? idx : _order;
    if (sig && idx >= 0) param.c_type = sig[idx]!.c_type;
    if ((param.type === 'user_ptr' || param.type === 'path') && !param.flags?.includes('user')) {
      param.flags = [...(param.flags ?? []), 'user' as const].sort();
    }
    out.push(param);
  }
  out.sort((a, c) => a.index - c.index);
  for (const p of out) {
    const sp = p.size_param;
    if (sp && sp.index < 0 && sp.name) {
      const target = out.find((q) => q.name === sp.name);
      if (target) sp.index = target.index;
      else b.diags.report('unknown-param', p.at, `size parameter '${sp.name}' of '${p.name}' is not a parameter`, b.spec.name);
    } else if (sp) {
      const target = out.find((q) => q.index === sp.index) ?? (sig?.[sp.index] ? { name: sig[sp.index]!.name } : undefined);
      if (target) sp.name = target.name;
    }
  }
  if (out.length) b.spec.params = out;
  for (const { f } of b.counts) {
    const c = b.num(f.value, f);
    if (c.value !== undefined && Number(c.value) !== out.length) {
      b.diags.report('count-mismatch', `${b.file}:${f.line}:${f.valueCol}`, `param-count is ${c.value} but the spec has ${out.length} param blocks`, b.spec.name);
    }
  }
}

/** Reads one comment; returns a spec when the comment is one. */
export function kernelDocSpec(doc: DocComment, tokens: Token[], file: string, diags: DiagSink): ApiSpec | undefined {
  const lines = docLines(doc.text, doc.line, doc.col);
  const { title, tags } = groupTags(lines, isSub);
  if (!looksLikeSpec(tags)) return undefined;
  const bound = bindFunction(tokens, doc.nextToken, doc.endLine, file);
  const at = `${file}:${doc.line}:${doc.col}`;
  const titleName = title ? /^\s*([\w]+)/.exec(title.text)?.[1] : undefined;
  if (!bound) {
    diags.report('no-function', at, 'kernel-doc spec is not followed by the function it describes', titleName);
    return undefined;
  }
  const b = new Builder(file, diags, bound.name, bound.kind, at);
  b.spec.signature = bound.signature;
  if (title) {
    const m = /^\s*[\w()]+\s+-\s+(.*)$/.exec(title.text);
    if (m) b.spec.description = m[1]!.trim();
  }
  for (const t of tags) {
    if (t.at) continue;
    const h = own(TOP, t.key) ?? own(FLAT, t.key);
    if (h) (h as (t: Tag, b: Builder, e?: SideEffect) => void)(t, b);
    else if (t.key.startsWith('kapi-')) (b.spec.ext ??= {})[t.key] = t.value;
  }
  finishParams(b, tags);
  if (b.spec.locks) b.spec.locks = b.spec.locks.map((l) => mapLegacyLock(l, (l as { _b?: object })._b ?? {}));
  b.spec.source_format = generation(b, tags);
  return b.spec;
}
