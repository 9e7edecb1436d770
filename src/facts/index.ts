// Facts read from C code (not from specs): the functions of a file, and the errors each can
// return, following `return -EXXX`, `err = -EXXX; ... return err`, and calls to functions of the
// same file. What the facts cannot follow (a call into another file) is kept as "unresolved".
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

interface Local { direct: Map<string, number>; returnedVars: Set<string>; returnedCalls: Set<string>; varErrors: Map<string, Map<string, number>>; varCalls: Map<string, Set<string>> }

/** One function's own return paths, before following calls. */
function local(fn: FnDef): Local {
  const b = fn.body;
  const out: Local = { direct: new Map(), returnedVars: new Set(), returnedCalls: new Set(), varErrors: new Map(), varCalls: new Map() };
  const note = (m: Map<string, number>, e: string, line: number) => { if (!m.has(e)) m.set(e, line); };
  for (let k = 0; k < b.length; k++) {
    const x = b[k]!;
    if (x.text === 'return') {
      let e = k + 1;
      while (e < b.length && b[e]!.text !== ';') e++;
      const expr = b.slice(k + 1, e);
      for (const [err, line] of errnosIn(expr)) note(out.direct, err, line);
      if (expr.length === 1 && expr[0]!.kind === 'ident') out.returnedVars.add(expr[0]!.text);
      if (expr[0]?.kind === 'ident' && expr[1]?.text === '(' && closing(expr, 1) === expr.length - 1) out.returnedCalls.add(expr[0]!.text);
      k = e;
      continue;
    }
    // `v = -EXXX`, `v = f(...)`, also in declarations; `v = cond ? -EA : -EB` counts both.
    if (x.kind === 'ident' && b[k + 1]?.text === '=' && b[k - 1]?.text !== '.' && b[k - 1]?.text !== '->') {
      let e = k + 2;
      let depth = 0;
      while (e < b.length && !(depth === 0 && (b[e]!.text === ';' || b[e]!.text === ','))) {
        if (b[e]!.text === '(') depth++;
        if (b[e]!.text === ')') depth--;
        e++;
      }
      const rhs = b.slice(k + 2, e);
      for (const [err, line] of errnosIn(rhs)) {
        const m = out.varErrors.get(x.text) ?? new Map<string, number>();
        note(m, err, line);
        out.varErrors.set(x.text, m);
      }
      if (rhs[0]?.kind === 'ident' && rhs[1]?.text === '(') {
        const s = out.varCalls.get(x.text) ?? new Set<string>();
        s.add(rhs[0]!.text);
        out.varCalls.set(x.text, s);
      }
    }
  }
  return out;
}

/** The errors a function can return, following same-file callees (memoised, cycles cut). */
export function errorFacts(ff: FileFacts, name: string, memo = new Map<string, ErrorFacts>(), active = new Set<string>()): ErrorFacts {
  const hit = memo.get(name);
  if (hit) return hit;
  const out: ErrorFacts = { errors: new Map(), unresolved: new Set() };
  const fn = ff.functions.get(name);
  if (!fn || active.has(name)) return out;
  active.add(name);
  const l = local(fn);
  const add = (m: Map<string, number>) => { for (const [e, line] of m) if (!out.errors.has(e)) out.errors.set(e, line); };
  add(l.direct);
  const follow = (callee: string) => {
    if (ff.functions.has(callee)) {
      const sub = errorFacts(ff, callee, memo, active);
      add(sub.errors);
      for (const u of sub.unresolved) out.unresolved.add(u);
    } else out.unresolved.add(callee);
  };
  for (const c of l.returnedCalls) follow(c);
  for (const v of l.returnedVars) {
    add(l.varErrors.get(v) ?? new Map());
    for (const c of l.varCalls.get(v) ?? []) follow(c);
  }
  active.delete(name);
  memo.set(name, out);
  return out;
}
