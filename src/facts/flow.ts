// Errno flow over the whole-tree index (tree.ts): which errnos each syscall can return, each with
// the shortest call chain from the syscall to a return site. The errno set of a function is the
// least fixpoint of "its direct errnos, plus the sets of the callees whose result it returns",
// computed per syscall as a breadth-first walk of the propagation edges (cycles end where a
// function is seen again), so the first chain found to an errno is a shortest one.
//
// Name resolution of a callee: a function (or a constant-argument variant) of the caller's own
// file first; then the wrappers table (wrappers.ts); then the non-static definitions of .c files;
// then the static inline functions of the headers. Several global definitions of one name (per
// architecture, or __weak defaults with overrides): the ones under arch/x86/ when there are any,
// else those outside arch/ when there are any, else all; when more than one remains, the union is
// followed and the name is counted as ambiguous.

import { errnoNumber } from '../sources/consts/index.js';
import type { FnSummary } from './summary.js';
import type { TreeIndex } from './tree.js';
import { wrapperOf } from './wrappers.js';

export interface ChainStep {
  function: string;
  file: string;
  /** The line of the call to the next step, or of the return site for the last one. */
  line: number;
  /** Set on a last step that is a wrappers-table entry: where its errnos come from. */
  wrapper?: string;
}

export interface SyscallError { name: string; chain: ChainStep[]; internal?: boolean }
export interface IndirectCall { name: string; implementations: number; at: ChainStep }

export interface SyscallErrnos {
  /** `sys_openat`. */
  name: string;
  file: string;
  line: number;
  errors: SyscallError[];
  /** Callees whose result propagates but which the tree does not define (macros, assembly, ...). */
  unresolved: string[];
  /** Calls through function pointers whose result propagates; their errors are not included. */
  indirect: IndirectCall[];
  /** Callees with several global definitions, followed as a union. */
  ambiguous: string[];
  /** Functions the walk visited. */
  functions: number;
}

/** The lookup tables of an index, built once. */
export interface Resolver {
  index: TreeIndex;
  local: Map<string, Map<string, FnSummary>>;
  global: Map<string, FnSummary[]>;
  header: Map<string, FnSummary[]>;
  syscalls: Map<string, FnSummary>;
}

const idOf = (s: FnSummary) => (s.variant ? `${s.name}(${s.variant})` : s.name);
const isHeader = (f: string) => f.endsWith('.h');

/** Prefers arch/x86, else non-arch definitions; see the header comment. */
function preferred(defs: FnSummary[]): FnSummary[] {
  if (defs.length < 2) return defs;
  const x86 = defs.filter((d) => d.file.startsWith('arch/x86/'));
  if (x86.length) return x86;
  const generic = defs.filter((d) => !d.file.startsWith('arch/'));
  return generic.length ? generic : defs;
}

export function resolver(index: TreeIndex): Resolver {
  const local = new Map<string, Map<string, FnSummary>>();
  const globalAll = new Map<string, FnSummary[]>();
  const headerAll = new Map<string, FnSummary[]>();
  for (const [file, fns] of index.files) {
    const m = new Map<string, FnSummary>();
    for (const f of fns) {
      const id = idOf(f);
      if (!m.has(id)) m.set(id, f);
      if (f.variant) continue;
      if (isHeader(file)) (headerAll.get(f.name) ?? headerAll.set(f.name, []).get(f.name)!).push(f);
      else if (!f.isStatic) (globalAll.get(f.name) ?? globalAll.set(f.name, []).get(f.name)!).push(f);
    }
    local.set(file, m);
  }
  const global = new Map([...globalAll].map(([k, v]) => [k, preferred(v)]));
  const header = new Map([...headerAll].map(([k, v]) => [k, preferred(v)]));
  const syscalls = new Map<string, FnSummary>();
  for (const [name, defs] of global) if (/^(compat_)?sys_/.test(name) && defs[0]!.syscall !== undefined) syscalls.set(name, defs[0]!);
  return { index, local, global, header, syscalls };
}

type Target = { kind: 'fn'; defs: FnSummary[]; ambiguous: boolean } | { kind: 'wrapper'; errors: string[]; why: string } | { kind: 'none' };

/** What a callee id called from `file` is. */
export function resolve(r: Resolver, file: string, id: string): Target {
  const own = r.local.get(file)?.get(id);
  if (own) return { kind: 'fn', defs: [own], ambiguous: false };
  const name = id.replace(/\(.*$/, '');
  const w = wrapperOf(name);
  if (w) return { kind: 'wrapper', errors: w.errors, why: w.why };
  const g = r.global.get(name) ?? r.header.get(name);
  if (g?.length) return { kind: 'fn', defs: g, ambiguous: g.length > 1 };
  return { kind: 'none' };
}

/** Kernel-internal codes (ERESTARTSYS and the others from 512 up) that never reach user space. */
export const isInternal = (e: string) => (errnoNumber(e) ?? 0) >= 512;

/** The errnos of one function (a syscall, usually) with their shortest chains. */
export function errnosOf(r: Resolver, start: FnSummary): SyscallErrnos {
  const parent = new Map<FnSummary, { from: FnSummary; line: number } | null>([[start, null]]);
  const queue: FnSummary[] = [start];
  const errors = new Map<string, SyscallError>();
  const unresolved = new Set<string>();
  const ambiguous = new Set<string>();
  const indirect = new Map<string, IndirectCall>();
  const chainTo = (fn: FnSummary, line: number): ChainStep[] => {
    const steps: ChainStep[] = [{ function: fn.name, file: fn.file, line }];
    for (let p = parent.get(fn); p; p = parent.get(p.from)) steps.unshift({ function: p.from.name, file: p.from.file, line: p.line });
    return steps;
  };
  const found = (e: string, chain: ChainStep[]) => {
    if (!errors.has(e)) errors.set(e, { name: e, chain, ...(isInternal(e) ? { internal: true } : {}) });
  };
  for (let q = 0; q < queue.length; q++) {
    const fn = queue[q]!;
    for (const [e, line] of fn.direct) found(e, chainTo(fn, line));
    for (const [via, line] of fn.indirect) {
      if (!indirect.has(via)) indirect.set(via, { name: via, implementations: r.index.impls.get(via.replace(/^.*(->|\.)/, '')) ?? 0, at: { function: fn.name, file: fn.file, line } });
    }
    for (const [id, line] of fn.props) {
      const t = resolve(r, fn.file, id);
      if (t.kind === 'none') { unresolved.add(id.replace(/\(.*$/, '')); continue; }
      if (t.kind === 'wrapper') {
        const chain = chainTo(fn, line);
        for (const e of t.errors) found(e, [...chain, { function: id.replace(/\(.*$/, ''), file: fn.file, line, wrapper: t.why }]);
        continue;
      }
      if (t.ambiguous) ambiguous.add(id);
      for (const d of t.defs) {
        if (parent.has(d)) continue;
        parent.set(d, { from: fn, line });
        queue.push(d);
      }
    }
  }
  const sort = <T>(xs: T[], key: (x: T) => string) => xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    name: start.name, file: start.file, line: start.line,
    errors: sort([...errors.values()], (e) => e.name),
    unresolved: [...unresolved].sort(),
    indirect: sort([...indirect.values()], (i) => i.name),
    ambiguous: [...ambiguous].sort(),
    functions: queue.length,
  };
}

/**
 * The errnos of syscalls by name (`openat` or `sys_openat`), or of every native syscall
 * (compat_ ones only when named). Names the tree does not define come back in `missing`.
 */
export function syscallErrnos(r: Resolver, names: readonly string[] = []): { results: SyscallErrnos[]; missing: string[] } {
  const missing: string[] = [];
  const starts: FnSummary[] = [];
  if (names.length) {
    for (const n of names) {
      const s = r.syscalls.get(n.startsWith('sys_') || n.startsWith('compat_sys_') ? n : `sys_${n}`);
      if (s) starts.push(s);
      else missing.push(n);
    }
  } else for (const [name, s] of r.syscalls) if (name.startsWith('sys_')) starts.push(s);
  const seen = new Set<FnSummary>();
  const results = starts.filter((s) => !seen.has(s) && seen.add(s)).map((s) => errnosOf(r, s));
  results.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { results, missing };
}

/** `sys_openat -> do_sys_open -> ... -> path_openat (fs/namei.c:3845)`. */
export function formatChain(c: readonly ChainStep[]): string {
  const last = c[c.length - 1]!;
  return `${c.map((s) => s.function).join(' -> ')} (${last.wrapper ? `wrapper: ${last.wrapper}; called at ` : ''}${last.file}:${last.line})`;
}
