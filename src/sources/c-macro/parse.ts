// C-macro DSL, syntax stage. In: tokens of one file. Out: one designated-initializer tree per
// spec (macros expanded as data), plus the file-scope helper arrays. Reports, never throws.

import { own } from '../../model/own.js';
import type { DiagSink } from '../../diag/index.js';
import { MAX_NESTING } from '../c/expr.js';
import { lex, type Token } from '../c/lexer.js';
import { closesFirst, END_MACROS, MACROS, START_MACROS, type MacroArg } from './macros.js';

export interface Leaf { kind: 'leaf'; toks: Token[]; at: string }
export interface Obj { kind: 'obj'; at: string; fields: Map<string, Node> }
export type Node = Leaf | Obj;

export interface RawSpec {
  /** Name from the start macro or the struct variable. */
  name: string;
  kind: 'syscall' | 'ioctl' | 'sysfs' | 'auto';
  root: Obj;
  at: string;
  /** The newest vocabulary any macro of the spec belongs to. */
  vocabulary: 'rfc-v1' | 'rfc-v2' | 'patch-v4';
  /** The RFC v1 `struct kapi_ioctl_spec` wrapper form: the spec proper is under `.api_spec`. */
  ioctlWrapper: boolean;
}

export interface MacroFile {
  /** The file the specs come from. */
  file: string;
  specs: RawSpec[];
  /** File-scope `NAME[] = { ... }` arrays: element token runs. */
  arrays: Map<string, Token[][]>;
}

const obj = (at: string): Obj => ({ kind: 'obj', at, fields: new Map() });

/** Splits the tokens between brackets at depth-0 commas. */
export function splitArgs(toks: Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const x of toks) {
    if (x.kind === 'punct' && (x.text === '(' || x.text === '{' || x.text === '[')) depth++;
    if (x.kind === 'punct' && (x.text === ')' || x.text === '}' || x.text === ']')) depth--;
    if (x.kind === 'punct' && x.text === ',' && depth === 0) out.push([]);
    else out[out.length - 1]!.push(x);
  }
  if (out.length === 1 && out[0]!.length === 0) return [];
  return out;
}

const isOpen = (x: Token) => x.kind === 'punct' && (x.text === '(' || x.text === '{' || x.text === '[');
const isClose = (x: Token) => x.kind === 'punct' && (x.text === ')' || x.text === '}' || x.text === ']');

/** Bracket partners of a token array, found in one pass and kept while the array lives. */
const PARTNERS = new WeakMap<readonly Token[], Int32Array>();

function partners(t: readonly Token[]): Int32Array {
  const known = PARTNERS.get(t);
  if (known && known.length === t.length) return known;
  const m = new Int32Array(t.length).fill(-1);
  const open: number[] = [];
  for (let k = 0; k < t.length; k++) {
    const x = t[k]!;
    // Any closing bracket closes the innermost open one, as a depth count would.
    if (isOpen(x)) open.push(k);
    else if (isClose(x) && open.length) m[open.pop()!] = k;
  }
  PARTNERS.set(t, m);
  return m;
}

/** Index of the bracket closing the opening one at `open`, or -1. Constant time after one pass. */
export function closing(t: Token[], open: number): number {
  const x = t[open];
  return x && isOpen(x) ? partners(t)[open]! : -1;
}

class SpecParser {
  private stack: Obj[];
  vocabulary: RawSpec['vocabulary'] = 'rfc-v1';
  /** Token index where the spec ended. */
  end = -1;

  /**
   * Parses `t[lo, hi)` (a braced initializer's inside, or the rest of the file) in place.
   * `level` counts the braced initializers around it, bounded by MAX_NESTING.
   */
  constructor(
    private readonly t: Token[], private readonly file: string, private readonly diags: DiagSink,
    private readonly root: Obj, private readonly specName: string,
    private readonly hi = t.length, private readonly level = 0,
  ) {
    this.stack = [root];
  }

  at(tok: Token): string {
    return `${this.file}:${tok.line}:${tok.col}`;
  }

  /** The token at `k` inside the range, else undefined. */
  private tok(k: number): Token | undefined {
    return k < this.hi ? this.t[k] : undefined;
  }

  private bump(v: 'rfc-v2' | 'patch-v4' | undefined): void {
    if (v === 'patch-v4' || (v === 'rfc-v2' && this.vocabulary === 'rfc-v1')) this.vocabulary = v;
  }

  /** Parses items from `i` until the spec ends; returns false when the file ends first. */
  body(i: number, endOnBrace: boolean): boolean {
    const t = this.t;
    while (i < this.hi) {
      const x = t[i]!;
      if (x.kind === 'punct' && (x.text === ',' || x.text === ';')) { i++; continue; }
      if (x.kind === 'punct' && x.text === '}') {
        if (this.stack.length > 1) { this.stack.pop(); i++; continue; }
        this.end = i;
        return endOnBrace || true;
      }
      if (x.kind === 'ident' && END_MACROS.has(x.text)) {
        this.end = i;
        return true;
      }
      if (x.kind === 'punct' && (x.text === '.' || x.text === '[')) { i = this.designated(i, this.top()); continue; }
      if (x.kind === 'ident' && (own(MACROS, x.text) || (x.text.startsWith('KAPI_') && !own(START_MACROS, x.text)))) { i = this.macro(i); continue; }
      if (x.kind === 'ident' && this.stack.length === 1 && (own(START_MACROS, x.text) || /^(COMPAT_)?SYSCALL_DEFINE\d$/.test(x.text))) {
        this.diags.report('unterminated-spec', this.at(x), `spec '${this.specName}' has no KAPI_END_SPEC before ${x.text}`, this.specName);
        this.end = i - 1;
        return true;
      }
      this.diags.report('bad-syntax', this.at(x), `unexpected '${x.text}' in spec body, expected a KAPI_* macro or a designated initializer`, this.specName);
      i = this.skipItem(i);
    }
    return false;
  }

  private top(): Obj {
    return this.stack[this.stack.length - 1]!;
  }

  /** Skips to the next depth-0 comma (or a closing brace of the current level). */
  private skipItem(i: number): number {
    const t = this.t;
    let depth = 0;
    for (; i < this.hi; i++) {
      const x = t[i]!;
      if (x.kind !== 'punct') continue;
      if (x.text === '(' || x.text === '{' || x.text === '[') depth++;
      else if (x.text === ')' || x.text === ']') depth--;
      else if (x.text === '}') { if (depth === 0) return i; depth--; }
      else if (x.text === ',' && depth <= 0) return i + 1;
    }
    return i;
  }

  /** `.a.b[2] = value` relative to `base`; returns the index after the value. */
  designated(i: number, base: Obj): number {
    const t = this.t;
    const start = t[i]!;
    const path: string[] = [];
    while (i < this.hi) {
      const x = t[i]!;
      if (x.text === '.' && this.tok(i + 1)?.kind === 'ident') { path.push(t[i + 1]!.text); i += 2; continue; }
      if (x.text === '[') {
        const c = closing(t, i);
        if (c < 0 || c >= this.hi) break;
        path.push(t.slice(i + 1, c).map((y) => y.text).join(' '));
        i = c + 1;
        continue;
      }
      break;
    }
    if (this.tok(i)?.text !== '=' || path.length === 0) {
      this.diags.report('bad-syntax', this.at(start), 'malformed designated initializer, expected .field = value', this.specName);
      return this.skipItem(i);
    }
    i++;
    const at = this.at(start);
    const next = this.tok(i + 1)?.text;
    if (this.tok(i)?.text === '{' && (next === '.' || next === '[')) {
      const end = closing(t, i);
      if (end < 0 || end >= this.hi) {
        this.diags.report('bad-syntax', at, 'unbalanced braces in initializer', this.specName);
        return this.hi;
      }
      if (this.level >= MAX_NESTING) {
        this.diags.report('too-deep', this.at(t[i]!), `initializer nested deeper than ${MAX_NESTING} levels`, this.specName);
        return end + 1;
      }
      const target = this.objAt(base, path, at);
      const sub = new SpecParser(t, this.file, this.diags, target, this.specName, end, this.level + 1);
      sub.body(i + 1, true);
      this.bump(sub.vocabulary === 'rfc-v1' ? undefined : sub.vocabulary);
      return end + 1;
    }
    const s = i;
    const e = this.valueEnd(i);
    this.setLeaf(base, path, t.slice(s, e), at);
    return e;
  }

  private valueEnd(i: number): number {
    const t = this.t;
    let depth = 0;
    for (; i < this.hi; i++) {
      const x = t[i]!;
      // A macro whose expansion starts with `}` (KAPI_PARAM_END, KAPI_END_SPEC ...) ends the value
      // as the brace would: C needs no comma after the last entry of a group.
      if (x.kind === 'ident' && depth === 0 && closesFirst(x.text)) return i;
      if (x.kind !== 'punct') continue;
      if (x.text === '(' || x.text === '{' || x.text === '[') depth++;
      else if (x.text === ')' || x.text === ']') depth--;
      else if (x.text === '}') { if (depth === 0) return i; depth--; }
      else if ((x.text === ',' || x.text === ';') && depth === 0) return i;
    }
    return i;
  }

  private objAt(base: Obj, path: string[], at: string): Obj {
    let cur = base;
    for (const p of path) {
      let next = cur.fields.get(p);
      if (!next || next.kind !== 'obj') {
        next = obj(at);
        cur.fields.set(p, next);
      }
      cur = next;
    }
    return cur;
  }

  private setLeaf(base: Obj, path: string[], toks: Token[], at: string): void {
    const parent = this.objAt(base, path.slice(0, -1), at);
    parent.fields.set(path[path.length - 1]!, { kind: 'leaf', toks, at });
  }

  private macro(i: number): number {
    const t = this.t;
    const name = t[i]!;
    const def = own(MACROS, name.text);
    let args: Token[][] = [];
    let next = i + 1;
    if (this.tok(next)?.text === '(') {
      const c = closing(t, next);
      if (c < 0 || c >= this.hi) {
        this.diags.report('bad-syntax', this.at(name), `unbalanced parentheses in ${name.text}`, this.specName);
        return this.hi;
      }
      args = splitArgs(t.slice(next + 1, c));
      next = c + 1;
    }
    if (!def) {
      this.diags.report('unknown-macro', this.at(name), `unknown macro ${name.text}, skipped`, this.specName);
      return next;
    }
    this.bump(def.since);
    this.apply(name, def, args);
    return next;
  }

  private apply(name: Token, def: (typeof MACROS)[string], args: Token[][]): void {
    const at = this.at(name);
    const need = arity([...Object.values(def.set ?? {}), ...(def.open?.idx === undefined ? [] : [def.open.idx])]);
    if (args.length < need) {
      this.diags.report('bad-syntax', at, `${name.text} takes ${need} arguments, got ${args.length}`, this.specName);
      return;
    }
    if (def.open) {
      const parent = this.top();
      const path = [def.open.field];
      if (def.open.idx !== undefined) path.push(argTokens(def.open.idx, args, name)!.map((x) => x.text).join(' '));
      const existing = this.lookup(parent, path);
      if (existing && def.open.idx !== undefined) {
        this.diags.report('duplicate-entry', at, `${def.open.field}[${path[1]}] is opened twice`, this.specName);
      }
      const target = this.objAt(parent, path, at);
      target.at = existing ? existing.at : at;
      this.stack.push(target);
    }
    const base = def.root ? this.stack[0]! : this.top();
    for (const [field, a] of Object.entries(def.set ?? {})) {
      const toks = argTokens(a, args, name);
      if (toks) this.setLeaf(base, [field], toks, at);
    }
    if (def.append) {
      const list = base.fields.get(def.append.field);
      const toks = args[def.append.arg] ?? [];
      if (list?.kind === 'leaf') list.toks.push({ ...name, kind: 'punct', text: ',' }, ...toks);
      else this.setLeaf(base, [def.append.field], [...toks], at);
    }
    if (def.close) {
      if (this.stack.length > 1) this.stack.pop();
      else this.diags.report('bad-syntax', at, `${name.text} closes a group that is not open`, this.specName);
    }
  }

  private lookup(base: Obj, path: string[]): Obj | undefined {
    let cur: Node | undefined = base;
    for (const p of path) {
      if (cur?.kind !== 'obj') return undefined;
      cur = cur.fields.get(p);
    }
    return cur?.kind === 'obj' ? cur : undefined;
  }

  /** Groups still open when the spec ended. */
  unclosed(): number {
    return this.stack.length - 1;
  }
}

/** How many arguments a macro needs for the values it stores. */
function arity(values: MacroArg[]): number {
  const used = values.map((a) => (typeof a === 'number' ? a : 'stringify' in a ? a.stringify : 'sizeof' in a ? a.sizeof : -1));
  return Math.max(-1, ...used) + 1;
}

/** Fixed macro text, lexed once, as tokens. */
const FIXED = new Map<string, Token[]>();

/** The tokens a macro value stands for, placed at the macro's name. */
function argTokens(a: MacroArg, args: Token[][], name: Token): Token[] | undefined {
  const here = (x: Token): Token => ({ ...x, line: name.line, col: name.col });
  if (typeof a === 'number') {
    if (a === -1) return args.flatMap((x, k) => (k ? [{ ...name, kind: 'punct', text: ',' } as Token, ...x] : x));
    return args[a];
  }
  if ('text' in a) {
    let toks = FIXED.get(a.text);
    if (!toks) FIXED.set(a.text, (toks = lex(a.text).tokens));
    return toks.map(here);
  }
  if ('sizeof' in a) {
    const arg = args[a.sizeof];
    if (!arg) return undefined;
    const punct = (text: string): Token => ({ ...name, kind: 'punct', text });
    return [{ ...name, kind: 'ident', text: 'sizeof' }, punct('('), ...arg, punct(')')];
  }
  const id = args[a.stringify];
  if (!id) return undefined;
  const text = id.map((x) => x.text).join(' ');
  return [{ ...id[0]!, kind: 'string', text: JSON.stringify(text), str: text }];
}

function isArrayDecl(t: Token[], i: number): number {
  // IDENT [ N? ] = {
  if (t[i]?.kind !== 'ident' || t[i + 1]?.text !== '[') return -1;
  const c = closing(t, i + 1);
  if (c < 0 || t[c + 1]?.text !== '=' || t[c + 2]?.text !== '{') return -1;
  return c + 2;
}

/** Extracts every macro-DSL spec and helper array from one file's tokens. */
export function parseMacroFile(t: Token[], file: string, diags: DiagSink): MacroFile {
  const out: MacroFile = { file, specs: [], arrays: new Map() };
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (x.kind === 'punct') {
      if (x.text === '{') depth++;
      else if (x.text === '}') depth = Math.max(0, depth - 1);
      continue;
    }
    if (x.kind !== 'ident') continue;
    const brace = depth === 0 ? isArrayDecl(t, i) : -1;
    if (brace >= 0) {
      const end = closing(t, brace);
      if (end > 0) {
        out.arrays.set(x.text, splitArgs(t.slice(brace + 1, end)).filter((e) => e.length));
        i = end;
      }
      continue;
    }
    const start = own(START_MACROS, x.text);
    if (start && t[i + 1]?.text === '(') {
      // The name is one identifier; the arguments are split only then, so that a start macro
      // nested in another's arguments does not split the rest again.
      const c = closing(t, i + 1);
      const name = t[i + 2];
      const after = t[i + 3];
      if (c < 0 || name?.kind !== 'ident' || !(i + 3 === c || (after?.kind === 'punct' && after.text === ','))) continue;
      const args = splitArgs(t.slice(i + 2, c));
      i = parseSpec(t, c + 1, x, name.text, start.kind, start.since, file, diags, out, args) - 1;
      continue;
    }
    if (x.text === 'kapi_ioctl_spec' && t[i - 1]?.text === 'struct' && t[i + 1]?.kind === 'ident' &&
        t[i + 2]?.text === '=' && t[i + 3]?.text === '{') {
      i = parseIoctlWrapper(t, i, file, diags, out) - 1;
    }
  }
  return out;
}

function parseSpec(
  t: Token[], from: number, startTok: Token, name: string, kind: RawSpec['kind'],
  since: 'rfc-v2' | undefined, file: string, diags: DiagSink, out: MacroFile, args: Token[][],
): number {
  const at = `${file}:${startTok.line}:${startTok.col}`;
  const root = obj(at);
  const p = new SpecParser(t, file, diags, root, name);
  if (since) p.vocabulary = since;
  const set = own(START_MACROS, startTok.text)?.set ?? {};
  const need = arity(Object.values(set));
  if (args.length < need) {
    diags.report('bad-syntax', at, `${startTok.text} takes ${need} arguments, got ${args.length}`, name);
  }
  for (const [field, a] of Object.entries(set)) {
    const toks = argTokens(a, args, startTok);
    if (toks?.length) root.fields.set(field, { kind: 'leaf', toks, at });
  }
  const ok = p.body(from, false);
  if (!ok) {
    diags.report('unterminated-spec', at, `spec '${name}' has no KAPI_END_SPEC before the end of the file`, name);
    return t.length;
  }
  if (p.unclosed() > 0) {
    diags.report('bad-syntax', at, `spec '${name}' ends with ${p.unclosed()} group(s) still open (missing *_END macro)`, name);
  }
  out.specs.push({ name, kind, root, at, vocabulary: p.vocabulary, ioctlWrapper: false });
  return p.end + 1;
}

function parseIoctlWrapper(t: Token[], i: number, file: string, diags: DiagSink, out: MacroFile): number {
  const nameTok = t[i + 1]!;
  const open = i + 3;
  const end = closing(t, open);
  const at = `${file}:${nameTok.line}:${nameTok.col}`;
  if (end < 0) {
    diags.report('unterminated-spec', at, `ioctl spec '${nameTok.text}' has no closing brace`, nameTok.text);
    return t.length;
  }
  const root = obj(at);
  const p = new SpecParser(t, file, diags, root, nameTok.text, end);
  p.body(open + 1, true);
  out.specs.push({ name: nameTok.text, kind: 'ioctl', root, at, vocabulary: p.vocabulary, ioctlWrapper: true });
  return end + 1;
}
