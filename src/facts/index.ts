// Facts read from C code (not from specs): the functions of a file, and the errors each can
// return, following `return -EXXX`, `err = -EXXX; ... return err`, and calls to functions of the
// same file. What the facts cannot follow (a call into another file) is kept as "unresolved".
// Constant arguments are followed into same-file callees: a top-level `if` whose condition they
// decide is cut (false) or, when its block returns, cuts what comes after it (true), so
// `helper(x, false)` does not count the errors of helper's `nonblock` path.
// Used by lint (spec against code) and scaffold.

import { tokensText } from '../sources/c/expr.js';
import { lex, type Token } from '../sources/c/lexer.js';
import { closing, splitArgs } from '../sources/c-macro/parse.js';
import { isErrnoName } from '../sources/consts/index.js';

export interface FnDef {
  /** C name; `sys_<name>` for SYSCALL_DEFINEn. */
  name: string;
  /** `read` for SYSCALL_DEFINE3(read, ...), undefined for plain functions. */
  syscall?: string;
  params: { c_type: string; name: string }[];
  line: number;
  col: number;
  body: Token[];
}

export interface ErrorFacts {
  /** Errno name -> line where it is returned (first seen). */
  errors: Map<string, number>;
  /** Functions of other files whose result is returned: their errors are not known here. */
  unresolved: Set<string>;
}

export interface FileFacts { file: string; functions: Map<string, FnDef> }

const SKIP_BEFORE_PAREN = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'defined']);

/** Top-level function definitions of a C file, SYSCALL_DEFINEn ones included. */
export function fileFacts(text: string, file: string): FileFacts {
  const t = lex(text).tokens;
  const functions = new Map<string, FnDef>();
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (x.text === '{') { depth++; continue; }
    if (x.text === '}') { depth = Math.max(0, depth - 1); continue; }
    if (depth !== 0 || x.kind !== 'ident' || t[i + 1]?.text !== '(' || SKIP_BEFORE_PAREN.has(x.text)) continue;
    const close = closing(t, i + 1);
    if (close < 0 || t[close + 1]?.text !== '{') continue;
    const end = closing(t, close + 1);
    if (end < 0) continue;
    const args = splitArgs(t.slice(i + 2, close));
    const sys = /^(COMPAT_)?SYSCALL_DEFINE(\d)$/.exec(x.text);
    let def: FnDef;
    if (sys) {
      const name = args[0]?.[0]?.text ?? '';
      const params: FnDef['params'] = [];
      for (let k = 1; k + 1 < args.length; k += 2) params.push({ c_type: tokensText(args[k]!), name: tokensText(args[k + 1]!) });
      def = { name: `${sys[1] ? 'compat_' : ''}sys_${name}`, syscall: name, params, line: x.line, col: x.col, body: t.slice(close + 2, end) };
    } else {
      const params = args.filter((a) => !(a.length === 1 && a[0]!.text === 'void')).map((a) => ({
        c_type: tokensText(a.slice(0, -1)), name: a[a.length - 1]?.text ?? '',
      }));
      def = { name: x.text, params, line: x.line, col: x.col, body: t.slice(close + 2, end) };
    }
    if (!functions.has(def.name)) functions.set(def.name, def);
    i = end;
  }
  return { file, functions };
}

/** `-EXXX` occurrences in a token run. */
function errnosIn(t: Token[]): [string, number][] {
  const out: [string, number][] = [];
  for (let k = 0; k + 1 < t.length; k++) {
    if (t[k]!.text === '-' && t[k + 1]!.kind === 'ident' && isErrnoName(t[k + 1]!.text)) out.push([t[k + 1]!.text, t[k + 1]!.line]);
  }
  return out;
}

/** Parameter name -> the constant every caller on this path passes. */
export type Bindings = ReadonlyMap<string, bigint>;

/** A call: the callee and its argument token runs. */
export interface Call { name: string; args: Token[][] }

interface Local { direct: Map<string, number>; returnedVars: Set<string>; returnedCalls: Call[]; varErrors: Map<string, Map<string, number>>; varCalls: Map<string, Call[]> }

/** The value of a constant argument: `true`, `false`, `NULL`, a number, `-N`, or a bound name. */
export function constArg(t: Token[], bind: Bindings): bigint | undefined {
  const neg = t.length === 2 && t[0]!.text === '-';
  const x = neg ? t[1] : t.length === 1 ? t[0] : undefined;
  if (!x) return undefined;
  let v: bigint | undefined;
  if (x.text === 'true') v = 1n;
  else if (x.text === 'false' || x.text === 'NULL') v = 0n;
  else if (x.kind === 'number' && /^(0x[0-9a-f]+|\d+)[ul]*$/i.test(x.text)) v = BigInt(x.text.replace(/[ul]+$/i, ''));
  else if (x.kind === 'ident') v = bind.get(x.text);
  return v === undefined ? undefined : neg ? -v : v;
}

/** A condition decided by the bindings: `N`, `!N`, `N == C`, `N != C` (N bound or constant). */
function decide(c: Token[], bind: Bindings): boolean | undefined {
  if (c[0]?.text === '!' && c.length === 2) {
    const v = constArg(c.slice(1), bind);
    return v === undefined ? undefined : v === 0n;
  }
  const op = c.findIndex((x) => x.text === '==' || x.text === '!=');
  if (op > 0) {
    const l = constArg(c.slice(0, op), bind), r = constArg(c.slice(op + 1), bind);
    if (l === undefined || r === undefined) return undefined;
    return c[op]!.text === '==' ? l === r : l !== r;
  }
  const v = constArg(c, bind);
  return v === undefined ? undefined : v !== 0n;
}

/** Index of the last token of the statement that starts at `k` (a block, a compound, or up to `;`). */
function stmtEnd(t: Token[], k: number): number {
  const x = t[k];
  if (!x) return t.length - 1;
  if (x.text === '{') {
    const c = closing(t, k);
    return c < 0 ? t.length - 1 : c;
  }
  // A label, or a case, in front of a statement.
  if ((x.kind === 'ident' && t[k + 1]?.text === ':' && x.text !== 'default') || x.text === 'default') return stmtEnd(t, k + 2);
  if (['if', 'for', 'while', 'switch'].includes(x.text) && t[k + 1]?.text === '(') {
    const c = closing(t, k + 1);
    if (c < 0) return t.length - 1;
    let end = stmtEnd(t, c + 1);
    if (x.text === 'if' && t[end + 1]?.text === 'else') end = stmtEnd(t, end + 2);
    return end;
  }
  if (x.text === 'do') {
    const body = stmtEnd(t, k + 1);
    return stmtEnd(t, body + 1); // `while (...);`
  }
  let depth = 0;
  for (let e = k; e < t.length; e++) {
    const y = t[e]!.text;
    if (y === '(' || y === '{' || y === '[') depth++;
    else if (y === ')' || y === '}' || y === ']') depth--;
    else if (y === ';' && depth <= 0) return e;
  }
  return t.length - 1;
}

/** Does a statement (a block or one statement) always reach a `return` of its own? */
function alwaysReturns(t: Token[]): boolean {
  if (t[0]?.text !== '{') return t[0]?.text === 'return';
  for (let k = 1; k < t.length - 1; k = stmtEnd(t, k) + 1) {
    if (t[k]!.text === 'return') return true;
  }
  return false;
}

/**
 * The body with the top-level `if`s (without `else`) the bindings decide taken out: a false one
 * goes, a true one stays without its test, and if it returns, nothing after it can run (unless
 * a goto before it leads to a label after it).
 */
export function liveBody(b: Token[], bind: Bindings): Token[] {
  if (!bind.size) return b;
  const out: Token[] = [];
  let depth = 0;
  for (let k = 0; k < b.length; k++) {
    const x = b[k]!;
    if (x.text === '{') depth++;
    if (x.text === '}') depth--;
    // An `else if` belongs to the chain before it, which stays as it is.
    if (depth !== 0 || x.text !== 'if' || b[k + 1]?.text !== '(' || b[k - 1]?.text === 'else') { out.push(x); continue; }
    const close = closing(b, k + 1);
    if (close < 0) { out.push(x); continue; }
    // The statement the test governs, without an else (an if with one is left as it is).
    const end = stmtEnd(b, close + 1);
    const verdict = decide(b.slice(k + 2, close), bind);
    if (b[end + 1]?.text === 'else' || verdict === undefined) { out.push(x); continue; }
    const st = b.slice(close + 1, end + 1);
    if (verdict) {
      out.push(...st);
      // What follows is dead unless an earlier goto jumps to a label in it.
      if (alwaysReturns(st) && !out.some((t) => t.text === 'goto')) return out;
    }
    k = end;
  }
  return out;
}

/** The bindings a callee gets: its parameters that receive constants. */
export function calleeBindings(callee: FnDef, call: Call, bind: Bindings): Map<string, bigint> {
  const out = new Map<string, bigint>();
  callee.params.forEach((p, i) => {
    const v = call.args[i] ? constArg(call.args[i]!, bind) : undefined;
    // A parameter the callee changes is not a constant there.
    const changed = callee.body.some((x, k) => x.text === p.name && (/^([-+*/%&|^]|<<|>>)?=$/.test(callee.body[k + 1]?.text ?? '') ||
      ['++', '--', '&'].includes(callee.body[k - 1]?.text ?? '') || ['++', '--'].includes(callee.body[k + 1]?.text ?? '')));
    if (v !== undefined && p.name && !changed) out.set(p.name, v);
  });
  return out;
}

/**
 * `f(args)` at `at` (the name) whose `)` comes before `end`, or undefined. The arguments are split
 * when first asked for: most calls are never followed, and nested ones would split the same
 * tokens once per level.
 */
export function callAt(t: Token[], at: number, end = t.length): Call | undefined {
  if (at + 1 >= end || t[at]?.kind !== 'ident' || t[at + 1]?.text !== '(') return undefined;
  const close = closing(t, at + 1);
  if (close < 0 || close >= end) return undefined;
  let args: Token[][] | undefined;
  return { name: t[at]!.text, get args() { return (args ??= splitArgs(t.slice(at + 2, close))); } };
}

/** For each index, where an expression starting there ends: the next `;` or `,` at its parenthesis depth. */
export function expressionEnds(b: Token[]): Int32Array {
  const depth = new Int32Array(b.length);
  let d = 0;
  for (let k = 0; k < b.length; k++) {
    depth[k] = d;
    if (b[k]!.text === '(') d++;
    else if (b[k]!.text === ')') d--;
  }
  const ends = new Int32Array(b.length);
  const next = new Map<number, number>();
  for (let k = b.length - 1; k >= 0; k--) {
    if (b[k]!.text === ';' || b[k]!.text === ',') next.set(depth[k]!, k);
    ends[k] = next.get(depth[k]!) ?? b.length;
  }
  return ends;
}

/** Indices of the `-` of every `-EXXX` in a token run. */
function errnoAt(t: Token[]): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < t.length; k++) if (t[k]!.text === '-' && t[k + 1]!.kind === 'ident' && isErrnoName(t[k + 1]!.text)) out.push(k);
  return out;
}

/** First index in a sorted array that is >= v. */
function lowerBound(a: number[], v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One function's own return paths, before following calls. */
function local(fn: FnDef, bind: Bindings): Local {
  const b = liveBody(fn.body, bind);
  const out: Local = { direct: new Map(), returnedVars: new Set(), returnedCalls: [], varErrors: new Map(), varCalls: new Map() };
  const note = (m: Map<string, number>, e: string, line: number) => { if (!m.has(e)) m.set(e, line); };
  // Assignments nest (`a = b = c = -EINVAL`): their ends and errnos are found once for the body.
  const ends = expressionEnds(b);
  const errs = errnoAt(b);
  for (let k = 0; k < b.length; k++) {
    const x = b[k]!;
    if (x.text === 'return') {
      let e = k + 1;
      while (e < b.length && b[e]!.text !== ';') e++;
      const expr = b.slice(k + 1, e);
      for (const [err, line] of errnosIn(expr)) note(out.direct, err, line);
      if (expr.length === 1 && expr[0]!.kind === 'ident') out.returnedVars.add(expr[0]!.text);
      if (expr[0]?.kind === 'ident' && expr[1]?.text === '(' && closing(expr, 1) === expr.length - 1) out.returnedCalls.push(callAt(expr, 0)!);
      k = e;
      continue;
    }
    // `v = -EXXX`, `v = f(...)`, also in declarations; `v = cond ? -EA : -EB` counts both.
    if (x.kind === 'ident' && b[k + 1]?.text === '=' && b[k - 1]?.text !== '.' && b[k - 1]?.text !== '->') {
      const e = k + 2 < b.length ? ends[k + 2]! : b.length;
      for (let i = lowerBound(errs, k + 2); i < errs.length && errs[i]! + 1 < e; i++) {
        const m = out.varErrors.get(x.text) ?? new Map<string, number>();
        const name = b[errs[i]! + 1]!;
        note(m, name.text, name.line);
        out.varErrors.set(x.text, m);
      }
      const call = callAt(b, k + 2, e);
      if (call) {
        const s = out.varCalls.get(x.text) ?? [];
        s.push(call);
        out.varCalls.set(x.text, s);
      }
    }
  }
  return out;
}

/** The errors a function can return, following same-file callees (memoised, cycles cut). */
export function errorFacts(ff: FileFacts, name: string, memo = new Map<string, ErrorFacts>(), active = new Set<string>(), bind: Bindings = new Map()): ErrorFacts {
  const key = bind.size ? `${name}(${[...bind].map(([k, v]) => `${k}=${v}`).sort().join(',')})` : name;
  const hit = memo.get(key);
  if (hit) return hit;
  const out: ErrorFacts = { errors: new Map(), unresolved: new Set() };
  const fn = ff.functions.get(name);
  if (!fn || active.has(name)) return out;
  active.add(name);
  const l = local(fn, bind);
  const add = (m: Map<string, number>) => { for (const [e, line] of m) if (!out.errors.has(e)) out.errors.set(e, line); };
  add(l.direct);
  const follow = (call: Call) => {
    const callee = ff.functions.get(call.name);
    if (callee) {
      const sub = errorFacts(ff, call.name, memo, active, calleeBindings(callee, call, bind));
      add(sub.errors);
      for (const u of sub.unresolved) out.unresolved.add(u);
    } else out.unresolved.add(call.name);
  };
  for (const c of l.returnedCalls) follow(c);
  for (const v of l.returnedVars) {
    add(l.varErrors.get(v) ?? new Map());
    for (const c of l.varCalls.get(v) ?? []) follow(c);
  }
  active.delete(name);
  memo.set(key, out);
  return out;
}
