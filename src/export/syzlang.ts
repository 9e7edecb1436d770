// Specs -> syzkaller descriptions (syzlang) for linux/amd64, meant to replace syzkaller's own
// declarations of the same names. Syscall arguments use the argument forms syzkaller allows (no
// base type: `flags[SET]`, `len[ARG]`, `const[V]`, `int32`/`intptr` ranges, `vma`, resources,
// `ptr[DIR, T]`); base types appear only inside pointed-to types and struct fields. Descriptors
// become `fd_K` resources where a call of the output creates kind K and another consumes it, else
// syzkaller's `fd` (declared in its sys.txt, the one name used without a declaration here). Flag
// sets take syzkaller's names for the same parameter (a set no call uses is an error there, so a
// replaced call must keep its set's name), else `CALL_PARAM_flags` (mask bits) or
// `CALL_PARAM_values` (enum values). Constant names are `define`d; all other values are numbers.
//
// Multiplexed calls: a parameter is the call's operation when its constraint is an enum of named
// constants and one of the spec's constraint expressions compares it with one of those names to
// decide what another parameter must be (`op == EPOLL_CTL_DEL || event != NULL`). The call is then
// written once per value, `NAME$VALUE(...)` with the operation as `const[VALUE]`, as syzkaller
// names them; a pointer that such an expression requires to be non-NULL for that value loses
// `opt` in that variant. An enum that only selects behaviour (madvise's advice) stays `flags[...]`.
// The spec's errors, locks and side effects are kept as comments.

import type { ApiSpec, ConstVal, Param } from '../model/types.js';
import { SYSCALLS_X86_64 } from '../sources/consts/generated.js';
import { tableName } from '../sources/consts/index.js';
import { rangeFits } from './syzcheck.js';

const ident = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, '_');
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const U64 = (1n << 64n) - 1n;

/** syzkaller's flag set for the same call and parameter, where its set is that parameter's value space. */
const SYZ_SETS: Record<string, string> = {
  'epoll_create1.flags': 'epoll_flags', 'open.flags': 'open_flags', 'open.mode': 'open_mode',
  'madvise.behavior': 'madvise_flags', 'mlock2.flags': 'mlock_flags', 'mlockall.flags': 'mlockall_flags',
};

/** The struct syzkaller passes for a NULL-terminated vector of strings (argv, envp). */
const ARGV_STRUCT = 'argv_array {\n\tstrings\tarray[ptr[in, string]]\n\tterminator\tconst[0, intptr]\n} [packed]';

const num = (v: bigint) => (v < 0n ? v.toString() : v < 10n ? v.toString() : `0x${v.toString(16)}`);
const u64 = (v: bigint) => num(BigInt.asUintN(64, v));

function direction(p: Param): 'in' | 'out' | 'inout' {
  const f = new Set(p.flags ?? []);
  return f.has('in') && f.has('out') ? 'inout' : f.has('out') ? 'out' : 'in';
}

const semantic = (x: { ext?: Record<string, string> } | undefined) => x?.ext?.['kapi-semantic']?.trim();
// The table's name (stat, not newstat): what syzkaller calls the syscall.
const callName = (s: ApiSpec) => tableName(s.signature?.name ?? s.name.replace(/^sys_/, ''));

/** Top-level `||` operands of an expression, outer parentheses removed. */
function disjuncts(expr: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === '|' && expr[i + 1] === '|') { out.push(expr.slice(start, i)); start = i + 2; i++; }
  }
  out.push(expr.slice(start));
  return out.map((d) => {
    let t = d.trim();
    while (t.startsWith('(') && t.endsWith(')') && disjuncts(t.slice(1, -1)).length === 1 && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
    return t;
  });
}
function balanced(s: string): boolean {
  let d = 0;
  for (const c of s) { if (c === '(') d++; else if (c === ')' && --d < 0) return false; }
  return d === 0;
}

type Term = { op: string; eq: boolean; value: string } | { nonNull: string } | undefined;
/** `op == NAME`, `op != NAME`, `P != NULL` (either side); anything else is not understood. */
function term(d: string, opName: string): Term {
  let m = /^(\w+)\s*(==|!=)\s*(\w+)$/.exec(d);
  if (m) {
    const [, a, rel, b] = m as unknown as [string, string, string, string];
    if (b === 'NULL' && rel === '!=') return { nonNull: a };
    if (a === 'NULL' && rel === '!=') return { nonNull: b };
    if (a === opName) return { op: a, eq: rel === '==', value: b };
    if (b === opName) return { op: b, eq: rel === '==', value: a };
  }
  m = /^(\w+)$/.exec(d);
  if (m && m[1] !== opName) return { nonNull: m[1]! };
  return undefined;
}

/** The spec's operation parameter (see the header), if it has one. */
export function operationParam(s: ApiSpec): Param | undefined {
  for (const p of s.params ?? []) {
    const vals = p.constraint?.kind === 'enum' ? p.constraint.values ?? [] : [];
    if (vals.length < 2 || !vals.every((v) => IDENT.test(v.text) && v.value !== undefined)) continue;
    if ((s.params ?? []).some((q) => q.size_param?.index === p.index)) continue;
    const names = new Set(vals.map((v) => v.text));
    const others = (s.params ?? []).filter((q) => q !== p).map((q) => q.name);
    for (const c of s.constraints ?? []) {
      const e = c.expression ?? '';
      const tests = disjuncts(e).map((d) => term(d, p.name)).some((t) => t && 'op' in t && names.has(t.value));
      if (tests && others.some((o) => new RegExp(`\\b${o.replace(/\W/g, '')}\\b`).test(e))) return p;
    }
  }
  return undefined;
}

/** Pointer parameters that the spec's constraint expressions require to be non-NULL when `op` is `value`. */
function requiredFor(s: ApiSpec, op: Param, value: string, values: Set<string>): Set<string> {
  const req = new Set<string>();
  for (const c of s.constraints ?? []) {
    const terms = disjuncts(c.expression ?? '').map((d) => term(d, op.name));
    if (terms.some((t) => t === undefined)) continue;
    let holds = false;
    const rest: string[] = [];
    for (const t of terms) {
      if (!t) continue;
      if ('op' in t) {
        if (!values.has(t.value)) { holds = true; break; }
        if ((t.value === value) === t.eq) { holds = true; break; }
      } else rest.push(t.nonNull);
    }
    if (!holds && rest.length === 1) req.add(rest[0]!);
  }
  return req;
}

/** Flag sets by name, so that two parameters share a set only when it has the same values. */
class FlagSets {
  readonly sets = new Map<string, string>();
  add(preferred: string | undefined, fallback: string, values: string): string {
    for (const name of [preferred, fallback]) {
      if (!name) continue;
      const have = this.sets.get(name);
      if (have === undefined || have === values) { this.sets.set(name, values); return name; }
    }
    for (let i = 2; ; i++) {
      const name = `${fallback}_${i}`;
      const have = this.sets.get(name);
      if (have === undefined || have === values) { this.sets.set(name, values); return name; }
    }
  }
}

interface Ctx {
  call: string;
  flags: FlagSets;
  defines: Map<string, bigint>;
  resources: Set<string>;
  structs: Set<string>;
}

/** `intptr` for long-sized C types, `int32` otherwise. */
const width = (p: Param) => (/\b(long|size_t|ssize_t|loff_t|off_t|u64|s64|__u64|__s64|uintptr_t)\b|\*/.test(p.c_type ?? '') ? 'intptr' : 'int32');

/** A flag set of mask bits, or of enum values (one value alone is a `const`). */
function flagsOrConst(ctx: Ctx, p: Param, values: bigint[], kind: 'flags' | 'values'): string {
  const uniq = [...new Set(values.map((v) => BigInt.asUintN(64, v)))];
  if (kind === 'values' && uniq.length === 1) return `const[${num(uniq[0]!)}]`;
  const text = uniq.map((v) => (kind === 'flags' ? `0x${v.toString(16)}` : v.toString())).join(', ');
  const name = ctx.flags.add(SYZ_SETS[`${ctx.call}.${p.name}`], `${ident(ctx.call)}_${ident(p.name)}_${kind}`, text);
  return `flags[${name}]`;
}

/** The syzlang type of one parameter as a syscall argument. */
function argType(s: ApiSpec, p: Param, ctx: Ctx, required: boolean): string {
  const sem = semantic(p);
  const optional = p.flags?.includes('optional') && !required;
  const opt = optional ? ', opt' : '';
  const c = p.constraint;
  if (p.type === 'fd') {
    const k = sem?.startsWith('fd:') ? `fd_${ident(sem.slice(3))}` : '';
    const r = k && ctx.resources.has(k) ? k : 'fd';
    return optional ? `${r}[opt]` : r;
  }
  if (sem?.startsWith('addr:')) return optional ? 'vma[opt]' : 'vma';
  if (p.type === 'path') return `ptr[in, filename${opt}]`;
  if (sem === 'ptr:argv' || sem === 'ptr:envp') {
    ctx.structs.add(ARGV_STRUCT);
    return `ptr[in, argv_array${opt}]`;
  }
  if (p.type === 'user_ptr' || p.type === 'ptr') {
    const dir = direction(p);
    if (p.size_param) {
      const m = p.size_multiplier?.value;
      const elem = m !== undefined && m > 1n && m <= 1000000n ? `array[int8, ${m}]` : 'int8';
      return `ptr[${dir}, array[${elem}]${opt}]`;
    }
    const size = p.size?.value;
    return size !== undefined && size > 0n && size <= 1000000n ? `ptr[${dir}, array[int8, ${size}]${opt}]` : `ptr[${dir}, array[int8]${opt}]`;
  }
  // A size parameter of a buffer written as a pointer or a mapping is its length (in elements).
  const pointerish = (q: Param) => q.type === 'user_ptr' || q.type === 'ptr' || q.type === 'path' || !!semantic(q)?.startsWith('addr:');
  const of = (s.params ?? []).find((q) => q.size_param?.index === p.index && pointerish(q));
  if (of) return `len[${ident(of.name)}]`;
  if (c?.kind === 'mask' && c.mask?.value !== undefined) {
    const mask = BigInt.asUintN(64, c.mask.value);
    if (mask === 0n) return 'const[0]';
    const bits = [...Array(64).keys()].map((b) => 1n << BigInt(b)).filter((b) => (mask & b) !== 0n);
    return flagsOrConst(ctx, p, bits, 'flags');
  }
  if (c?.kind === 'enum' && c.values?.length) {
    const vals = c.values.flatMap((v) => (v.value !== undefined ? [v.value] : []));
    if (vals.length) return flagsOrConst(ctx, p, vals, 'values');
  }
  const w = width(p);
  if (c?.kind === 'range' && c.min?.value !== undefined && c.max?.value !== undefined) {
    const [lo, hi] = [c.min.value, c.max.value];
    if (lo === hi) return `const[${num(lo)}]`;
    const ok = lo <= hi && BigInt.asUintN(64, hi - lo) <= U64 - (1n << 32n) + 1n && lo >= -(1n << 63n) && hi <= U64;
    if (ok) {
      const bits = rangeFits(lo, hi, 32) && w === 'int32' ? 'int32' : 'intptr';
      return `${bits}[${lo}:${hi}]`;
    }
  }
  return w;
}

const comment = (s: string) => s.replace(/[\x00-\x1f\x7f]/g, ' ').replace(/\s+/g, ' ').trim();

/** A NAME -> fd_NAME kind when the call returns a descriptor of that kind (see `resourcesOf`). */
function createdKind(s: ApiSpec, kinds: Set<string>): string | undefined {
  if (s.return?.check !== 'fd') return undefined;
  const own = semantic(s.return);
  if (own?.startsWith('fd:')) return ident(own.slice(3));
  const name = callName(s);
  return [...kinds].find((k) => name === k || name.startsWith(`${k}_`));
}

/**
 * Resources: `fd_K` for a kind K that some parameter of the output takes (`kapi-semantic: fd:K`)
 * and some call of the output returns (its return's `kapi-semantic: fd:K`, or, without one, a
 * call returning a descriptor whose name is K or starts with `K_`, as epoll_create does for
 * `fd:epoll`). syzkaller rejects a resource nothing creates or nothing consumes.
 */
function resourcesOf(calls: ApiSpec[]): Set<string> {
  const kinds = new Set(calls.flatMap((s) => (s.params ?? []).flatMap((p) => {
    const sem = semantic(p);
    return p.type === 'fd' && sem?.startsWith('fd:') ? [ident(sem.slice(3))] : [];
  })));
  return new Set(calls.flatMap((s) => {
    const k = createdKind(s, kinds);
    return k && kinds.has(k) ? [`fd_${k}`] : [];
  }));
}

export function toSyzlang(specs: readonly ApiSpec[], origin: string): string {
  const all = specs.filter((s) => s.kind === 'syscall');
  const left: string[] = [];
  const calls = all.filter((s) => {
    const name = callName(s);
    if (IDENT.test(name) && Object.prototype.hasOwnProperty.call(SYSCALLS_X86_64, name)) return true;
    left.push(`# ${comment(s.name)}: left out, ${comment(name)} is not a linux/amd64 syscall`);
    return false;
  });
  const resources = resourcesOf(calls);
  const flags = new FlagSets();
  const defines = new Map<string, bigint>();
  const structs = new Set<string>();
  const blocks: string[] = [];
  for (const s of calls) {
    const name = callName(s);
    const ctx: Ctx = { call: name, flags, defines, resources, structs };
    const lines = [`# ${comment(s.name)}: ${comment(s.description ?? '')}`];
    for (const e of s.errors ?? []) lines.push(`# @error ${comment(e.name)}: ${comment(e.condition ?? e.description ?? '')}`);
    for (const l of s.locks ?? []) lines.push(`# @lock ${comment(l.name)} (${l.type ?? 'lock'}, ${l.scope ?? 'scope not given'})`);
    for (const e of s.side_effects ?? []) lines.push(`# @side-effect ${e.effects.join('|') || 'none'}: ${comment(e.target ?? '')}${e.condition ? ` (when ${comment(e.condition)})` : ''}`);
    const k = createdKind(s, new Set([...resources].map((r) => r.slice(3))));
    const ret = s.return?.check === 'fd' ? ` ${k && resources.has(`fd_${k}`) ? `fd_${k}` : 'fd'}` : '';
    const argNames = new Map<Param, string>();
    for (const p of s.params ?? []) {
      let a = ident(p.name);
      if (a === 'parent' || a === 'syscall') a += '_';
      while ([...argNames.values()].includes(a)) a += '_';
      argNames.set(p, a);
    }
    // The operation by name where the name's define agrees, else (another spec gave the same name another value) by number.
    const opConst = (v: ConstVal) => {
      const have = defines.get(v.text);
      if (have !== undefined && have !== v.value) return `const[${u64(v.value!)}]`;
      defines.set(v.text, v.value!);
      return `const[${v.text}]`;
    };
    const args = (variant?: { op: Param; value: ConstVal; required: Set<string> }) => (s.params ?? []).map((p) => {
      const t = variant && p === variant.op ? opConst(variant.value) : argType(s, p, ctx, !!variant?.required.has(p.name));
      return `${argNames.get(p)} ${t}`;
    }).join(', ');
    const op = operationParam(s);
    if (op) {
      const values = op.constraint!.values!;
      const names = new Set(values.map((v) => v.text));
      for (const v of values) {
        lines.push(`${name}$${v.text}(${args({ op, value: v, required: requiredFor(s, op, v.text, names) })})${ret}`);
      }
    } else lines.push(`${name}(${args()})${ret}`);
    blocks.push(lines.join('\n'));
  }
  const res = [...resources].sort().map((r) => `resource ${r}[fd]`);
  const defs = [...defines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, v]) => `define ${n} ${u64(v)}`);
  const sets = [...flags.sets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, v]) => `${n} = ${v}`);
  const section = (xs: string[]) => (xs.length ? [...xs, ''] : []);
  return [
    `# Generated by kapi export syzlang from ${comment(origin)}.`,
    "# For linux/amd64; replaces syzkaller's declarations of the same names. fd is syzkaller's (sys.txt).",
    '',
    ...section(res), ...section(defs), ...section(left), blocks.join('\n\n'), '', ...section(sets), ...section([...structs]),
  ].join('\n').replace(/\n+$/, '\n');
}
