// Per-function summaries of one C file, for the whole-tree index (tree.ts): what each function
// returns as an error, without its token body. In: a file's text. Out: one FnSummary per function
// definition (and one per same-file call whose constant arguments prune the callee: a "variant"),
// plus the struct initialisers `.member = fn` that tell how many implementations a function
// pointer has. The rules (flow-insensitive, per function):
//   - `return -EFOO`, `return ERR_PTR(-EFOO)`, `return cond ? -EFOO : x`: a direct errno;
//   - `v = -EFOO` (also in a declaration) where `v` is returned anywhere (`return v`,
//     `return ERR_PTR(v)`, after `goto out`): a direct errno at the assignment;
//   - `return f(...)`, or `v = f(...)` with `v` returned: the errors of f propagate;
//   - `v = PTR_ERR(p)`, `v = ERR_CAST(p)`, `v = p`: v returns what p holds; `return PTR_ERR(p)`,
//     `return PTR_ERR_OR_ZERO(p)`, `return ERR_CAST(p)`, `return ERR_PTR(v)` return what p/v hold;
//   - a call through a pointer (`file->f_op->read(...)`) whose result propagates: an indirect call,
//     named `f_op->read`, its errors not included.
// Constant arguments prune same-file callees as errorFacts does (index.ts): a call `g(x, false)` to
// a function of the same file gets a variant of g summarised with `nonblock = 0`.

import { lex, type Token } from '../sources/c/lexer.js';
import { closing, splitArgs } from '../sources/c-macro/parse.js';
import { isErrnoName } from '../sources/consts/index.js';
import { tokensText } from '../sources/c/expr.js';
import { calleeBindings, constArg, liveBody, type Bindings, type FnDef } from './index.js';

/** How a callee's result reaches the caller's return. */
export type PropKind = 'return' | 'var';

export interface FnSummary {
  /** C name; `sys_<name>` for SYSCALL_DEFINEn, `compat_sys_<name>` for COMPAT_SYSCALL_DEFINEn. */
  name: string;
  /** The variant's bindings (`flags=0,nonblock=1`), absent for the function itself. */
  variant?: string;
  /** Path relative to the tree root. */
  file: string;
  line: number;
  /** `static` (visible in its own file only; a header's static inline is visible to includers). */
  isStatic: boolean;
  /** The syscall's name for SYSCALL_DEFINEn. */
  syscall?: string;
  /** Parameters as `type name`. */
  params: string[];
  /** Errnos returned directly: [errno, line], first line per errno. */
  direct: [string, number][];
  /**
   * Callees whose result is returned: [callee id (name or name(bindings)), line, how, args?].
   * `args` describes the call's arguments for the parameter rules: [index, 'c', id] when the
   * argument's value is the result of a call (`do_execve(getname(p), ...)`), [index, 'r', name]
   * when it is a bare name (a function passed as a callback, say), [index, 'p', j] when it is the
   * caller's own parameter j (so a callee returning it makes the caller return its parameter j).
   */
  props: [string, number, PropKind, ArgInfo[]?][];
  /** Indices of parameters whose value the function returns (`if (IS_ERR(f)) return PTR_ERR(f);` with f a parameter). */
  paramReturned?: number[];
  /** Parameters called as functions whose result is returned: [index, line] (`return visit(vma, ...)`). */
  paramCalled?: [number, number][];
  /**
   * Calls through function pointers whose result is returned: [`f_op->read`, line], and for an
   * INDIRECT_CALL_n the functions it names: [`ops->sendmsg`, line, ['inet6_sendmsg', 'inet_sendmsg']].
   */
  indirect: [string, number, string[]?][];
  /**
   * Every direct call, compact: `name@line` separated by spaces, `name@line:mask` when some
   * arguments are constants (mask: one character per argument, `c` constant, `.` not). Decoded
   * by callsOf().
   */
  calls: string;
}

export type ArgInfo = [number, 'c' | 'r' | 'p', string];

export interface CallSite { callee: string; line: number; constArgs: boolean[] }

/** The calls of a summary, decoded. */
export function callsOf(s: FnSummary): CallSite[] {
  if (!s.calls) return [];
  return s.calls.split(' ').map((c) => {
    const at = c.indexOf('@');
    const colon = c.indexOf(':', at);
    const line = Number(colon < 0 ? c.slice(at + 1) : c.slice(at + 1, colon));
    const mask = colon < 0 ? '' : c.slice(colon + 1);
    return { callee: c.slice(0, at), line, constArgs: [...mask].map((m) => m === 'c') };
  });
}

/** A struct initialised at file scope with function members: `const struct file_operations pipefifo_fops = { .read_iter = pipe_read, ... }`. */
export interface OpsTable {
  name: string;
  /** The struct's tag (`file_operations`). */
  type: string;
  line: number;
  /** [member, function] in the order written. */
  members: [string, string][];
}

export interface FileSummary {
  functions: FnSummary[];
  /** The file-scope initialised structs with at least one function member. */
  tables?: OpsTable[];
  /** Struct initialisers: member name -> functions assigned to it (`.read = foo_read`). */
  impls: Record<string, string[]>;
  /** Lexer problems (an unterminated comment, ...), for the caller to report. */
  problems: number;
}

const SKIP_BEFORE_PAREN = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'defined', 'typeof', '__typeof__', 'asm', '__asm__', 'volatile', 'case', 'do', 'else']);
const NOT_CALLS = new Set([...SKIP_BEFORE_PAREN, 'likely', 'unlikely', 'WARN_ON', 'WARN_ON_ONCE', 'BUG_ON', '__builtin_expect', 'offsetof', 'ARRAY_SIZE', 'container_of', 'READ_ONCE', 'WRITE_ONCE']);
/**
 * Macros that call a function pointer unless it equals one of the functions named
 * (include/linux/indirect_call_wrapper.h): `INDIRECT_CALL_2(f, f2, f1, args...)` calls f2, f1 or
 * f. The count is how many named candidates follow the pointer; the rest are the arguments.
 * INDIRECT_CALL_INET names the IPv6 and the IPv4 function (both are followed).
 */
export const CANDIDATE_CALLS: Readonly<Record<string, number>> = {
  INDIRECT_CALL_1: 1, INDIRECT_CALL_2: 2, INDIRECT_CALL_3: 3, INDIRECT_CALL_4: 4, INDIRECT_CALL_INET: 2, INDIRECT_CALL_INET_1: 1,
};

/** The `owner->member` name of a member-access chain (`sock->ops->sendmsg` -> `ops->sendmsg`), or undefined. */
function memberName(e: Token[]): string | undefined {
  if (e.length < 3 || !e.every((x) => x.kind === 'ident' || x.text === '->' || x.text === '.')) return undefined;
  const name = e[e.length - 1]!, sep = e[e.length - 2]!.text, owner = e[e.length - 3]!;
  if (name.kind !== 'ident' || (sep !== '->' && sep !== '.')) return undefined;
  return `${owner.kind === 'ident' ? owner.text + sep : ''}${name.text}`;
}

const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=']);

/**
 * Is `t[j] t[j+1]` a `-EFOO` that is a value, not an operand of a comparison
 * (`PTR_ERR(page) == -EMLINK` tests for a code; it does not return it)?
 */
function errnoAt(t: Token[], j: number): boolean {
  if (t[j]!.text !== '-' || t[j + 1]!.kind !== 'ident' || !isErrnoName(t[j + 1]!.text)) return false;
  return !COMPARE.has(t[j - 1]?.text ?? '') && !COMPARE.has(t[j + 2]?.text ?? '');
}

/** Wrappers that return what their argument holds, for error purposes. */
const UNWRAP = new Set(['ERR_PTR', 'PTR_ERR', 'ERR_CAST', 'PTR_ERR_OR_ZERO', 'likely', 'unlikely', 'READ_ONCE']);

/** Strips `( )` around a whole expression, casts `(long)x`, and the UNWRAP calls. */
function unwrap(t: Token[]): Token[] {
  for (let guard = 0; guard < 16 && t.length; guard++) {
    if (t[0]!.text === '(' && closing(t, 0) === t.length - 1) { t = t.slice(1, -1); continue; }
    // A cast: `(type) x` with only idents and `*` inside the parentheses.
    if (t[0]!.text === '(') {
      const c = closing(t, 0);
      if (c > 0 && c < t.length - 1 && t.slice(1, c).every((x) => x.kind === 'ident' || x.text === '*') && t[c + 1]!.text !== '(' ) { t = t.slice(c + 1); continue; }
    }
    if (t[0]!.kind === 'ident' && UNWRAP.has(t[0]!.text) && t[1]?.text === '(' && closing(t, 1) === t.length - 1) { t = t.slice(2, -1); continue; }
    break;
  }
  return t;
}

/** The `? :` branches of a conditional expression at depth 0 (the expression itself when none). */
function branches(t: Token[]): Token[][] {
  let depth = 0, q = -1;
  for (let k = 0; k < t.length; k++) {
    const x = t[k]!.text;
    if (x === '(' || x === '[' || x === '{') depth++;
    else if (x === ')' || x === ']' || x === '}') depth--;
    else if (x === '?' && depth === 0) { q = k; break; }
  }
  if (q < 0) return [t];
  // The matching `:` (nested conditionals counted).
  let nest = 0;
  depth = 0;
  for (let k = q + 1; k < t.length; k++) {
    const x = t[k]!.text;
    if (x === '(' || x === '[' || x === '{') depth++;
    else if (x === ')' || x === ']' || x === '}') depth--;
    else if (depth === 0 && x === '?') nest++;
    else if (depth === 0 && x === ':') {
      if (nest === 0) {
        const then = t.slice(q + 1, k);
        // `a ?: b` returns a itself when it is non-zero.
        return [...(then.length ? branches(then) : [t.slice(0, q)]), ...branches(t.slice(k + 1))];
      }
      nest--;
    }
  }
  return [t];
}

/** What an expression yields: a variable, a direct call, a call through a pointer. */
type Source = { kind: 'var'; name: string } | { kind: 'call'; name: string; args: Token[]; line: number } | { kind: 'indirect'; via: string; line: number; candidates?: string[] }
  | { kind: 'param'; index: number; line: number };

/** What names mean inside one function: its parameters, and locals holding a member's function pointer. */
interface Scope { params: Map<string, number>; fnVars: Map<string, string> }
const NO_SCOPE: Scope = { params: new Map(), fnVars: new Map() };

/** The sources of an expression's value (after unwrap and per `?:` branch). */
function sources(t: Token[], scope: Scope = NO_SCOPE): Source[] {
  const out: Source[] = [];
  for (const br of branches(unwrap(t))) {
    const e = unwrap(br);
    if (!e.length) continue;
    if (e.length === 1 && e[0]!.kind === 'ident') { out.push({ kind: 'var', name: e[0]!.text }); continue; }
    // `f(...)` or `a->b->c(...)`, `a.b(...)`, the call spanning the whole expression.
    const last = e.length - 1;
    if (e[last]!.text !== ')') continue;
    let open = -1;
    for (let k = 0, depth = 0; k < e.length; k++) {
      if (e[k]!.text === '(') { if (depth === 0) open = k; depth++; } else if (e[k]!.text === ')') depth--;
      if (depth === 0 && k < last && open >= 0 && e[k]!.text === ')') open = -2; // `f(a)(b)` or `(x) + f()`
    }
    if (open <= 0 || closing(e, open) !== last) continue;
    const name = e[open - 1]!;
    if (name.kind !== 'ident') continue;
    if (open === 1 && Object.hasOwn(CANDIDATE_CALLS, name.text)) {
      const n = CANDIDATE_CALLS[name.text]!;
      const args = splitArgs(e.slice(2, last));
      if (args.length < n + 1) continue;
      const via = memberName(unwrap(args[0]!));
      const named = args.slice(1, n + 1).filter((c) => c.length === 1 && c[0]!.kind === 'ident').map((c) => c[0]!.text);
      if (via) { out.push({ kind: 'indirect', via, line: name.line, candidates: named }); continue; }
      const rest: Token[] = [];
      args.slice(n + 1).forEach((a, i) => { if (i) rest.push({ ...(a[0] ?? name), kind: 'punct', text: ',' }); rest.push(...a); });
      for (const c of named) out.push({ kind: 'call', name: c, args: rest, line: name.line });
      continue;
    }
    if (open === 1) {
      const pi = scope.params.get(name.text);
      const via = scope.fnVars.get(name.text);
      // A parameter may also be given a member's pointer (`if (!open) open = f->f_op->open;`): both.
      if (pi !== undefined) out.push({ kind: 'param', index: pi, line: name.line });
      if (via !== undefined) out.push({ kind: 'indirect', via, line: name.line });
      if (pi === undefined && via === undefined && !NOT_CALLS.has(name.text)) out.push({ kind: 'call', name: name.text, args: e.slice(2, last), line: name.line });
      continue;
    }
    const sep = e[open - 2]!.text;
    if ((sep === '->' || sep === '.') && e.slice(0, open - 1).every((x) => x.kind === 'ident' || x.text === '->' || x.text === '.')) {
      const owner = e[open - 3];
      out.push({ kind: 'indirect', via: `${owner && owner.kind === 'ident' ? owner.text + sep : ''}${name.text}`, line: name.line });
    }
  }
  return out;
}

interface Def { fn: FnDef; isStatic: boolean }

/** The top-level function definitions of the tokens, with `static` told from the tokens before the name. */
function definitions(t: Token[]): Def[] {
  const out: Def[] = [];
  let depth = 0;
  let declStart = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (x.text === '{') { depth++; continue; }
    // A `}` at the start of a line ends a top-level block in kernel style, whatever an #ifdef'd
    // half of an expression left open before it.
    if (x.text === '}') { depth = x.col === 1 ? 0 : Math.max(0, depth - 1); if (depth === 0) declStart = i + 1; continue; }
    if (depth === 0 && x.text === ';') { declStart = i + 1; continue; }
    if (depth !== 0 || x.kind !== 'ident' || t[i + 1]?.text !== '(' || SKIP_BEFORE_PAREN.has(x.text)) continue;
    const close = closing(t, i + 1);
    if (close < 0) continue;
    // `int f(void) __attribute__((x)) {`: attributes between `)` and `{` are skipped.
    let open = close + 1;
    while (t[open]?.kind === 'ident' && /^__/.test(t[open]!.text)) open = t[open + 1]?.text === '(' ? closing(t, open + 1) + 1 : open + 1;
    if (open <= 0 || t[open]?.text !== '{') continue;
    let end = -1;
    if (t[open]!.col === 1) for (let k = open + 1; k < t.length; k++) if (t[k]!.text === '}' && t[k]!.col === 1) { end = k; break; }
    if (end < 0) end = closing(t, open);
    if (end < 0) continue;
    const args = splitArgs(t.slice(i + 2, close));
    const sys = /^(COMPAT_)?SYSCALL_DEFINE(\d)$/.exec(x.text);
    const body = t.slice(open + 1, end);
    let fn: FnDef;
    if (sys) {
      const name = args[0]?.[0]?.text ?? '';
      const params: FnDef['params'] = [];
      for (let k = 1; k + 1 < args.length; k += 2) params.push({ c_type: tokensText(args[k]!), name: tokensText(args[k + 1]!) });
      fn = { name: `${sys[1] ? 'compat_' : ''}sys_${name}`, syscall: name, params, line: x.line, col: x.col, body };
    } else {
      const params = args.filter((a) => !(a.length === 1 && a[0]!.text === 'void')).map((a) => {
        // `int (*visit)(...)`: a function pointer's name is inside `(*` `)`.
        const star = a.findIndex((x, k) => x.text === '(' && a[k + 1]?.text === '*' && a[k + 2]?.kind === 'ident' && a[k + 3]?.text === ')');
        if (star >= 0) return { c_type: tokensText(a), name: a[star + 2]!.text };
        return { c_type: tokensText(a.slice(0, -1)), name: a[a.length - 1]?.text ?? '' };
      });
      fn = { name: x.text, params, line: x.line, col: x.col, body };
    }
    let isStatic = false;
    for (let k = declStart; k < i; k++) if (t[k]!.text === 'static') isStatic = true;
    out.push({ fn, isStatic });
    i = end;
    declStart = end + 1;
  }
  return out;
}

const bindKey = (b: Bindings) => [...b].map(([k, v]) => `${k}=${v}`).sort().join(',');

/** The argument mask of a call: `c` for a constant argument, `.` otherwise; '' when none is constant. */
function maskOf(args: Token[][]): string {
  const m = args.map((a) => (constArg(a, new Map()) !== undefined ? 'c' : '.')).join('');
  return m.includes('c') ? m : '';
}

/** Summaries of one file's functions. `file` is the path recorded in them. */
export function summarizeFile(text: string, file: string): FileSummary {
  const lx = lex(text);
  const t = lx.tokens;
  const defs = definitions(t);
  const byName = new Map<string, Def>();
  for (const d of defs) if (!byName.has(d.fn.name)) byName.set(d.fn.name, d);
  const functions: FnSummary[] = [];
  const done = new Set<string>();
  const active = new Set<string>();

  const summarize = (d: Def, bind: Bindings): string => {
    const id = bind.size ? `${d.fn.name}(${bindKey(bind)})` : d.fn.name;
    if (done.has(id) || active.has(id)) return id;
    active.add(id);
    const b = liveBody(d.fn.body, bind);
    const direct = new Map<string, number>();
    const varErrors = new Map<string, [string, number][]>();
    const varSources = new Map<string, Source[]>();
    const returned: Source[] = [];
    const calls: string[] = [];
    const noteErr = (m: Map<string, number>, e: string, line: number) => { if (!m.has(e)) m.set(e, line); };
    // `open = f->f_op->open;`: a later `open(...)` is a call through f_op->open.
    const scope: Scope = { params: new Map(d.fn.params.map((p, i) => [p.name, i])), fnVars: new Map() };
    for (let k = 0; k + 3 < b.length; k++) {
      if (b[k]!.kind !== 'ident' || b[k + 1]!.text !== '=' || b[k - 1]?.text === '->' || b[k - 1]?.text === '.') continue;
      let e = k + 2;
      while (e < b.length && (b[e]!.kind === 'ident' || b[e]!.text === '->' || b[e]!.text === '.')) e++;
      const sep = b[e - 2]?.text;
      if (e - (k + 2) >= 3 && (b[e]?.text === ';' || b[e]?.text === ',' || b[e]?.text === ')') && (sep === '->' || sep === '.')) {
        const owner = b[e - 3]!;
        scope.fnVars.set(b[k]!.text, `${owner.kind === 'ident' ? owner.text + sep : ''}${b[e - 1]!.text}`);
      }
    }
    for (let k = 0; k < b.length; k++) {
      const x = b[k]!;
      if (x.kind === 'ident' && b[k + 1]?.text === '(' && !NOT_CALLS.has(x.text) && b[k - 1]?.text !== '->' && b[k - 1]?.text !== '.') {
        const c = closing(b, k + 1);
        if (c > 0) {
          const m = maskOf(splitArgs(b.slice(k + 2, c)));
          calls.push(`${x.text}@${x.line}${m ? ':' + m : ''}`);
        }
      }
      if (x.text === 'return') {
        let e = k + 1;
        for (let depth = 0; e < b.length; e++) {
          const y = b[e]!.text;
          if (y === '(' || y === '{' || y === '[') depth++;
          else if (y === ')' || y === '}' || y === ']') depth--;
          else if (y === ';' && depth <= 0) break;
        }
        const expr = b.slice(k + 1, e);
        for (let j = 0; j + 1 < expr.length; j++) if (errnoAt(expr, j)) noteErr(direct, expr[j + 1]!.text, expr[j + 1]!.line);
        returned.push(...sources(expr, scope));
        continue; // calls inside the return expression are recorded as the loop goes on
      }
      if (x.kind === 'ident' && b[k + 1]?.text === '=' && b[k - 1]?.text !== '.' && b[k - 1]?.text !== '->') {
        // The right side ends at `;` or `,` at its own depth, or where its enclosing `(` closes.
        let e = k + 2;
        for (let depth = 0; e < b.length; e++) {
          const y = b[e]!.text;
          if (y === '(' || y === '[' || y === '{') depth++;
          else if (y === ')' || y === ']' || y === '}') { if (--depth < 0) break; } else if ((y === ';' || y === ',') && depth === 0) break;
        }
        const rhs = b.slice(k + 2, e);
        for (let j = 0; j + 1 < rhs.length; j++) {
          if (errnoAt(rhs, j)) {
            const l = varErrors.get(x.text) ?? [];
            l.push([rhs[j + 1]!.text, rhs[j + 1]!.line]);
            varErrors.set(x.text, l);
          }
        }
        // `a = b = f()`: a gets what b gets.
        const srcs = sources(rhs[1]?.text === '=' && rhs[0]?.kind === 'ident' ? [rhs[0]!] : rhs, scope);
        if (srcs.length) {
          const l = varSources.get(x.text) ?? [];
          l.push(...srcs);
          varSources.set(x.text, l);
        }
      }
    }
    // The variables returned, closed over `v = w` and `v = PTR_ERR(w)`.
    const vars = new Set<string>();
    const todo = returned.filter((s) => s.kind === 'var').map((s) => (s as { name: string }).name);
    while (todo.length) {
      const v = todo.pop()!;
      if (vars.has(v)) continue;
      vars.add(v);
      for (const s of varSources.get(v) ?? []) if (s.kind === 'var') todo.push(s.name);
    }
    for (const v of [...vars].sort()) for (const [e, line] of varErrors.get(v) ?? []) noteErr(direct, e, line);
    const props = new Map<string, [string, number, PropKind, ArgInfo[]?]>();
    const indirect = new Map<string, [number, string[]?]>();
    const paramCalled = new Map<number, number>();
    /** The callee id of a direct call from here: a same-file function gets its constant-argument variant. */
    const target = (name: string, args: Token[][]) => {
      const callee = byName.get(name);
      return callee ? summarize(callee, calleeBindings(callee.fn, { name, args }, bind)) : name;
    };
    const follow = (s: Source, how: PropKind) => {
      if (s.kind === 'indirect') {
        const had = indirect.get(s.via);
        if (!had) indirect.set(s.via, s.candidates?.length ? [s.line, s.candidates] : [s.line]);
        else if (s.candidates?.length) had[1] = [...new Set([...(had[1] ?? []), ...s.candidates])];
        return;
      }
      if (s.kind === 'param') { if (!paramCalled.has(s.index)) paramCalled.set(s.index, s.line); return; }
      if (s.kind !== 'call') return;
      const args = splitArgs(s.args);
      const id = target(s.name, args);
      if (props.has(id)) return;
      const info: ArgInfo[] = [];
      args.forEach((a, i) => {
        if (a.length === 1 && a[0]!.kind === 'ident') {
          const pi = scope.params.get(a[0]!.text);
          info.push(pi === undefined ? [i, 'r', a[0]!.text] : [i, 'p', String(pi)]);
          // A local holding a call's result (`s = path_init(nd); ... link_path_walk(s, nd)`):
          // a callee returning that parameter returns what the call returned.
          if (pi === undefined) {
            for (const x of varSources.get(a[0]!.text) ?? []) {
              if (x.kind === 'call') { const t = target(x.name, splitArgs(x.args)); if (!info.some((y) => y[0] === i && y[1] === 'c' && y[2] === t)) info.push([i, 'c', t]); }
            }
          }
          return;
        }
        for (const x of sources(a, scope)) if (x.kind === 'call') info.push([i, 'c', target(x.name, splitArgs(x.args))]);
      });
      props.set(id, info.length ? [id, s.line, how, info] : [id, s.line, how]);
    };
    for (const s of returned) follow(s, 'return');
    for (const v of [...vars].sort()) for (const s of varSources.get(v) ?? []) follow(s, 'var');
    // A parameter reassigned on some path still returns its incoming value on others (flow-insensitive).
    const paramReturned = [...vars].filter((v) => scope.params.has(v)).map((v) => scope.params.get(v)!).sort((x, y) => x - y);
    functions.push({
      name: d.fn.name, ...(bind.size ? { variant: bindKey(bind) } : {}), file, line: d.fn.line, isStatic: d.isStatic,
      ...(d.fn.syscall !== undefined ? { syscall: d.fn.syscall } : {}),
      params: d.fn.params.map((p) => `${p.c_type} ${p.name}`.trim()),
      direct: [...direct].sort((a, b2) => a[1] - b2[1] || (a[0] < b2[0] ? -1 : 1)),
      props: [...props.values()], indirect: [...indirect].map(([via, [line, c]]) => (c ? [via, line, c] : [via, line])), calls: calls.join(' '),
      ...(paramReturned.length ? { paramReturned } : {}),
      ...(paramCalled.size ? { paramCalled: [...paramCalled].sort((x, y) => x[0] - y[0]) } : {}),
    });
    active.delete(id);
    done.add(id);
    return id;
  };
  for (const d of defs) summarize(d, new Map());

  // `.member = fn` in initialisers: the implementations of function pointers.
  const impls: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (let k = 0; k + 3 < t.length; k++) {
    if (t[k]!.text === '.' && t[k + 1]!.kind === 'ident' && t[k + 2]!.text === '=' && t[k + 3]!.kind === 'ident' && (t[k + 4]?.text === ',' || t[k + 4]?.text === '}')) {
      const prev = t[k - 1]?.text;
      if (prev !== ',' && prev !== '{') continue;
      const fn = t[k + 3]!.text;
      if (fn === 'NULL' || !/[a-z]/.test(fn)) continue;
      (impls[t[k + 1]!.text] ??= []).push(fn);
    }
  }
  for (const m of Object.keys(impls)) impls[m] = [...new Set(impls[m])].sort();
  const tables = opsTables(t);
  return { functions, impls, ...(tables.length ? { tables } : {}), problems: lx.problems.length };
}

/**
 * File-scope `struct TAG NAME [attributes] = { ... }` initialisers with `.member = function`
 * entries at their top level (nested initialisers and `[i] =` entries are skipped).
 */
export function opsTables(t: Token[]): OpsTable[] {
  const out: OpsTable[] = [];
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const x = t[k]!;
    if (x.text === '{') { depth++; continue; }
    if (x.text === '}') { depth = x.col === 1 ? 0 : Math.max(0, depth - 1); continue; }
    if (depth !== 0 || x.text !== 'struct' || t[k + 1]?.kind !== 'ident' || t[k + 2]?.kind !== 'ident') continue;
    let eq = k + 3;
    while (eq < t.length && eq - k < 12 && t[eq]!.kind === 'ident') eq++;
    if (t[eq]?.text !== '=' || t[eq + 1]?.text !== '{') continue;
    const end = closing(t, eq + 1);
    if (end < 0) continue;
    const members: [string, string][] = [];
    for (let j = eq + 2, d = 0; j < end; j++) {
      const y = t[j]!.text;
      if (y === '{' || y === '(' || y === '[') d++;
      else if (y === '}' || y === ')' || y === ']') d--;
      else if (d === 0 && y === '.' && t[j + 1]?.kind === 'ident' && t[j + 2]?.text === '=' && t[j + 3]?.kind === 'ident' && (t[j + 4]?.text === ',' || j + 4 === end)) {
        const fn = t[j + 3]!.text;
        if (fn !== 'NULL' && /[a-z]/.test(fn)) members.push([t[j + 1]!.text, fn]);
      }
    }
    if (members.length) out.push({ name: t[k + 2]!.text, type: t[k + 1]!.text, line: t[k + 2]!.line, members });
    k = end;
  }
  return out;
}
