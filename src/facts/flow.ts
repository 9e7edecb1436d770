// Errno flow over the whole-tree index (tree.ts): which errnos each syscall can return, each with
// the shortest call chain from the syscall to a return site. The errno set of a function is the
// least fixpoint of "its direct errnos, plus the sets of the callees whose result it returns",
// computed per syscall as a breadth-first walk of the propagation edges (cycles end where a
// function is seen again), so the first chain found to an errno is a shortest one. A call through
// a function pointer is followed into the implementations of the objects of objects.ts, the walk
// keeping which object it is in (so a chain stays within one object), and which retrying callers
// (wrappers.ts RETRIED) it is below.
//
// Name resolution of a callee: a function (or a constant-argument variant) of the caller's own
// file first; then the wrappers table (wrappers.ts); then the non-static definitions of .c files;
// then the static inline functions of the headers. Several global definitions of one name (per
// architecture, or __weak defaults with overrides): the ones under arch/x86/ when there are any,
// else those outside arch/ when there are any, else all; when more than one remains, the union is
// followed and the name is counted as ambiguous.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errnoNumber } from '../sources/consts/index.js';
import type { FnSummary } from './summary.js';
import { indexTree, type DefSite, type IndexFailure, type IndexOptions, type IndexStats, type TreeIndex } from './tree.js';
import { objectFiles, OBJECTS, SLOT_TYPES, type ObjectTables } from './objects.js';
import { dispatchOf, RETRIED, wrapperOf } from './wrappers.js';

export interface ChainStep {
  function: string;
  file: string;
  /** The line of the call to the next step, or of the return site for the last one. */
  line: number;
  /** Set on a last step that is a wrappers-table entry: where its errnos come from. */
  wrapper?: string;
  /** Set on a step entered through a function pointer: the pointer and the object (objects.ts) whose implementation this is. */
  through?: { slot: string; object: string };
}

export interface SyscallError {
  name: string;
  chain: ChainStep[];
  /** A kernel-internal code (512 and up) that user space never sees as such. */
  internal?: boolean;
  /** For EINTR found through a restart code: that code (`ERESTARTSYS`). */
  via?: string;
}

/**
 * Restart codes user space sees as EINTR: arch/x86/kernel/signal.c handle_signal() turns
 * -ERESTARTNOHAND and -ERESTART_RESTARTBLOCK into -EINTR when a handler runs, and -ERESTARTSYS
 * too when the handler lacks SA_RESTART (-ERESTARTNOINTR is always restarted).
 */
export const RESTART_AS_EINTR: ReadonlySet<string> = new Set(['ERESTARTSYS', 'ERESTARTNOHAND', 'ERESTART_RESTARTBLOCK']);
export interface IndirectCall {
  name: string;
  implementations: number;
  at: ChainStep;
  /** The objects (objects.ts) whose implementations of this pointer were followed. */
  followed?: string[];
}

/** One object's implementation of a function pointer: `pipe_read` for `f_op->read_iter` of a pipe. */
export interface Implementation { object: string; fn: string; file: string }

export interface SyscallErrnos {
  /** `sys_openat`. */
  name: string;
  file: string;
  line: number;
  errors: SyscallError[];
  /** Callees whose result propagates but which the tree does not define (macros, assembly, ...). */
  unresolved: string[];
  /** Calls through function pointers whose result propagates; only the objects' implementations (`followed`) are included. */
  indirect: IndirectCall[];
  /** Callees with several global definitions, followed as a union. */
  ambiguous: string[];
  /** States the walk visited: functions, once per object they were reached in. */
  functions: number;
}

/** The lookup tables of an index: first-pass definitions by name, summaries by file and id. */
export interface Resolver {
  index: TreeIndex;
  /** Summaries of a loaded file by id (name, or name(bindings) for a variant). */
  local(file: string): Map<string, FnSummary> | undefined;
  /** The global (non-static .c) definitions of a name after the per-architecture choice, else the header ones. */
  global(name: string): DefSite[];
  /** The objects' implementations of a pointer slot (`f_op->read_iter`), once their table files are loaded. */
  implementations(slot: string): Implementation[];
  /** The objects followed (objects.ts by default). */
  objects: readonly ObjectTables[];
}

const idOf = (s: FnSummary) => (s.variant ? `${s.name}(${s.variant})` : s.name);

/** Prefers arch/x86, else non-arch definitions; see the header comment. */
function preferred(defs: DefSite[]): DefSite[] {
  if (defs.length < 2) return defs;
  const x86 = defs.filter((d) => d.file.startsWith('arch/x86/'));
  if (x86.length) return x86;
  const generic = defs.filter((d) => !d.file.startsWith('arch/'));
  return generic.length ? generic : defs;
}

export function resolver(index: TreeIndex, objects: readonly ObjectTables[] = OBJECTS): Resolver {
  const locals = new Map<string, Map<string, FnSummary>>();
  const globals = new Map<string, DefSite[]>();
  const impls = new Map<string, Implementation[]>();
  return {
    index,
    objects,
    implementations(slot) {
      let l = impls.get(slot);
      if (l) return l;
      l = [];
      const arrow = Math.max(slot.lastIndexOf('->'), slot.lastIndexOf('.'));
      const member = slot.slice(arrow + (slot[arrow] === '.' ? 1 : 2));
      const owner = arrow > 0 ? slot.slice(0, arrow) : '';
      const type = Object.hasOwn(SLOT_TYPES, owner) ? SLOT_TYPES[owner] : undefined;
      for (const o of objects) {
        for (const [file, name] of o.tables) {
          const t = index.tables.get(file)?.find((x) => x.name === name);
          if (!t || (type !== undefined && t.type !== type)) continue;
          for (const [m, fn] of t.members) if (m === member && !l.some((x) => x.object === o.name && x.fn === fn)) l.push({ object: o.name, fn, file });
        }
      }
      impls.set(slot, l);
      return l;
    },
    local(file) {
      let m = locals.get(file);
      if (m) return m;
      const fns = index.files.get(file);
      if (!fns) return undefined;
      m = new Map();
      for (const f of fns) if (!m.has(idOf(f))) m.set(idOf(f), f);
      locals.set(file, m);
      return m;
    },
    global(name) {
      let g = globals.get(name);
      if (g) return g;
      const all = index.defsOf(name);
      const c = all.filter((d) => d.file.endsWith('.c') && !d.isStatic);
      g = preferred(c.length ? c : all.filter((d) => d.file.endsWith('.h')));
      globals.set(name, g);
      return g;
    },
  };
}

type Target =
  | { kind: 'fn'; defs: FnSummary[]; ambiguous: boolean; unloaded: string[] }
  | { kind: 'wrapper'; errors: string[]; why: string }
  | { kind: 'dispatch'; via: string }
  | { kind: 'none' };

/** What a callee id called from `file` is; `unloaded` lists the files whose summaries are still needed. */
export function resolve(r: Resolver, file: string, id: string): Target {
  const own = r.local(file)?.get(id);
  if (own) return { kind: 'fn', defs: [own], ambiguous: false, unloaded: [] };
  const name = id.replace(/\(.*$/, '');
  const w = wrapperOf(name);
  if (w) return { kind: 'wrapper', errors: w.errors, why: w.why };
  const via = dispatchOf(name);
  if (via) return { kind: 'dispatch', via };
  const sites = r.global(name);
  if (!sites.length) return { kind: 'none' };
  const defs: FnSummary[] = [];
  const unloaded: string[] = [];
  for (const s of sites) {
    const m = r.local(s.file);
    if (!m) { unloaded.push(s.file); continue; }
    const f = m.get(name);
    if (f) defs.push(f);
  }
  if (!defs.length && !unloaded.length) return { kind: 'none' };
  // Two definitions in one file are #ifdef alternatives (the summary keeps the first): not ambiguous.
  return { kind: 'fn', defs, ambiguous: new Set(sites.map((s) => s.file)).size > 1, unloaded };
}

/** The syscall functions of the tree by name (`sys_openat`), first-pass sites after the per-architecture choice. */
export function syscallSites(r: Resolver): Map<string, DefSite> {
  const out = new Map<string, DefSite>();
  for (const name of r.index.names()) {
    if (!/^(compat_)?sys_/.test(name)) continue;
    const g = r.global(name);
    if (g.length) out.set(name, g[0]!);
  }
  return out;
}

/**
 * Loads the summaries of every file reachable from the start functions along propagation edges
 * (breadth first, one batch of files per round, read on the worker threads).
 */
export async function loadReachable(r: Resolver, starts: readonly DefSite[], names: readonly string[]): Promise<void> {
  await r.index.load([...starts.map((s) => s.file), ...objectFiles(r.objects)]);
  const seen = new Set<FnSummary>();
  let work: FnSummary[] = [];
  starts.forEach((s, i) => { const f = r.local(s.file)?.get(names[i]!); if (f) work.push(f); });
  let deferred: [string, string][] = [];
  for (let round = 0; round < 10000 && (work.length || deferred.length); round++) {
    const pending = new Set<string>();
    const later: [string, string][] = [];
    const visit = (file: string, id: string) => {
      const t = resolve(r, file, id);
      if (t.kind !== 'fn') return;
      for (const d of t.defs) if (!seen.has(d)) work.push(d);
      if (t.unloaded.length) { for (const u of t.unloaded) pending.add(u); later.push([file, id]); }
    };
    for (const [file, id] of deferred) visit(file, id);
    while (work.length) {
      const fn = work.pop()!;
      if (seen.has(fn)) continue;
      seen.add(fn);
      for (const [id, , , args] of fn.props) {
        visit(fn.file, id);
        for (const [, kind, x] of args ?? []) if (kind !== 'p') visit(fn.file, x);
      }
      for (const [via, , candidates] of fn.indirect) {
        for (const im of r.implementations(via)) visit(im.file, im.fn);
        for (const c of candidates ?? []) visit(fn.file, c);
      }
    }
    deferred = later;
    if (!pending.size) break;
    await r.index.load([...pending].sort());
  }
}

const RETRIED_BY = new Map(Object.entries(RETRIED).map(([fn, w]) => [fn, w.errors]));

/** Kernel-internal codes (ERESTARTSYS and the others from 512 up) that never reach user space. */
export const isInternal = (e: string) => (errnoNumber(e) ?? 0) >= 512;

/**
 * The errnos of one function (a syscall, usually) with their shortest chains. The walk is over
 * states (function, object): a call through a pointer from outside any object follows every
 * object's implementation (objects.ts), each into a state of that object; inside an object, only
 * that object's implementations are followed, so a chain never mixes two objects (a pipe's write
 * never reaches ext4's address-space operations).
 */
export function errnosOf(r: Resolver, start: FnSummary): SyscallErrnos {
  /** A function reached inside an object (or none), below callers that retry on the errnos in `retried`. */
  interface Node { fn: FnSummary; obj?: string; retried?: string }
  const nodes = new Map<FnSummary, Map<string, Node>>();
  const node = (fn: FnSummary, obj?: string, retried?: string): [Node, boolean] => {
    let m = nodes.get(fn);
    if (!m) { m = new Map(); nodes.set(fn, m); }
    const k = `${obj ?? ''}|${retried ?? ''}`;
    const n = m.get(k);
    if (n) return [n, false];
    const fresh: Node = { fn, ...(obj === undefined ? {} : { obj }), ...(retried ? { retried } : {}) };
    m.set(k, fresh);
    return [fresh, true];
  };
  /** The retried errnos a callee of `n` is under: n's own, and those n's function retries on (wrappers.ts RETRIED). */
  const below = (n: Node): string | undefined => {
    const own = RETRIED_BY.get(n.fn.name);
    if (!own) return n.retried;
    return [...new Set([...(n.retried ? n.retried.split(',') : []), ...own])].sort().join(',');
  };
  const [root] = node(start);
  const parent = new Map<Node, { from: Node; line: number; through?: ChainStep['through'] } | null>([[root, null]]);
  const queue: Node[] = [root];
  const errors = new Map<string, SyscallError>();
  const unresolved = new Set<string>();
  const ambiguous = new Set<string>();
  const indirect = new Map<string, IndirectCall>();
  const chainTo = (n: Node, line: number): ChainStep[] => {
    const steps: ChainStep[] = [{ function: n.fn.name, file: n.fn.file, line }];
    for (let p = parent.get(n); p; p = parent.get(p.from)) {
      if (p.through) steps[0]!.through = p.through;
      steps.unshift({ function: p.from.fn.name, file: p.from.fn.file, line: p.line });
    }
    return steps;
  };
  /** The chain is made only when it is kept (the first one found per errno). */
  const found = (e: string, chainOf: () => ChainStep[], retried: string | undefined) => {
    // A caller that retries on this errno (wrappers.ts RETRIED) keeps it from the syscall.
    if (retried && retried.split(',').includes(e)) return;
    let chain: ChainStep[] | undefined;
    if (!errors.has(e)) errors.set(e, { name: e, chain: (chain = chainOf()), ...(isInternal(e) ? { internal: true } : {}) });
    if (RESTART_AS_EINTR.has(e) && !errors.has('EINTR')) errors.set('EINTR', { name: 'EINTR', chain: chain ?? chainOf(), via: e });
  };
  /**
   * Follows a callee id called by `from` at `line`, the name resolved in file `ctxFile`; a call
   * through a pointer passes `through` and the object the callee belongs to.
   */
  const edge = (from: Node, ctxFile: string, id: string, line: number, through?: ChainStep['through']): FnSummary[] => {
    const t = resolve(r, ctxFile, id);
    if (t.kind === 'none') { unresolved.add(id.replace(/\(.*$/, '')); return []; }
    if (t.kind === 'dispatch') {
      if (!indirect.has(t.via)) indirect.set(t.via, { name: t.via, implementations: 0, at: { function: from.fn.name, file: from.fn.file, line } });
      return [];
    }
    if (t.kind === 'wrapper') {
      let chain: ChainStep[] | undefined;
      const retried = below(from);
      for (const e of t.errors) found(e, () => [...(chain ??= chainTo(from, line)), { function: id.replace(/\(.*$/, ''), file: from.fn.file, line, wrapper: t.why }], retried);
      return [];
    }
    if (t.ambiguous) ambiguous.add(id);
    const obj = through ? through.object : from.obj;
    const retried = below(from);
    for (const d of t.defs) {
      const [n, fresh] = node(d, obj, retried);
      if (!fresh) continue;
      parent.set(n, through ? { from, line, through } : { from, line });
      queue.push(n);
    }
    return t.defs;
  };
  /**
   * Does fn return its parameter i? Directly (paramReturned), or by returning a callee's result
   * where that callee returns the parameter it gets fn's parameter i in (a fixpoint, cycles cut).
   */
  const retMemo = new Map<FnSummary, Set<number>>();
  const returnsParam = (fn: FnSummary, i: number): boolean => {
    let m = retMemo.get(fn);
    if (!m) {
      m = new Set(fn.paramReturned ?? []);
      retMemo.set(fn, m); // cut cycles: a function being computed returns what it has so far
      for (const [id, , , args] of fn.props) {
        for (const [k, kind, x] of args ?? []) {
          if (kind !== 'p' || m.has(Number(x))) continue;
          const t = resolve(r, fn.file, id);
          if (t.kind === 'fn' && t.defs.some((d) => returnsParam(d, k))) m.add(Number(x));
        }
      }
    }
    return m.has(i);
  };
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!;
    const fn = n.fn;
    for (const [e, line] of fn.direct) found(e, () => chainTo(n, line), n.retried);
    for (const [via, line, candidates] of fn.indirect) {
      let ic = indirect.get(via);
      if (!ic) {
        ic = { name: via, implementations: r.index.impls.get(via.replace(/^.*(->|\.)/, '')) ?? 0, at: { function: fn.name, file: fn.file, line } };
        indirect.set(via, ic);
      }
      const ims = r.implementations(via).filter((im) => n.obj === undefined || im.object === n.obj);
      for (const im of ims) {
        if (edge(n, im.file, im.fn, line, { slot: via, object: im.object }).length && !(ic.followed ??= []).includes(im.object)) ic.followed.push(im.object);
      }
      // The functions an INDIRECT_CALL_n names, when no object's implementation was followed.
      if (!ims.length) for (const c of candidates ?? []) edge(n, fn.file, c, line);
    }
    for (const [id, line, , args] of fn.props) {
      const defs = edge(n, fn.file, id, line);
      if (!args) continue;
      // The parameter rules: a callee that returns its parameter i returns what argument i
      // holds (the result of a call here); one that calls its parameter i returns what the
      // function passed as argument i returns.
      for (const d of defs) {
        const [dn] = node(d, n.obj, below(n));
        for (const [i, kind, x] of args) {
          if (kind === 'c' && returnsParam(d, i)) edge(n, fn.file, x, line);
          const called = d.paramCalled?.find(([k]) => k === i);
          if (kind === 'r' && called && resolve(r, fn.file, x).kind === 'fn') edge(dn, fn.file, x, called[1]);
        }
      }
    }
  }
  const sort = <T>(xs: T[], key: (x: T) => string) => xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    name: start.name, file: start.file, line: start.line,
    errors: sort([...errors.values()], (e) => e.name),
    unresolved: [...unresolved].sort(),
    indirect: sort([...indirect.values()], (i) => i.name).map((i) => (i.followed ? { ...i, followed: i.followed.sort() } : i)),
    ambiguous: [...ambiguous].sort(),
    functions: nodes.size,
  };
}

let codeDigestMemo: string | undefined;

/**
 * A digest of the code that decides the results: the built modules of src/facts and of the errno
 * names, read once per process. A cached result made by other code is not reused.
 */
function codeDigest(): string {
  if (codeDigestMemo) return codeDigestMemo;
  const h = createHash('sha1');
  for (const d of ['.', '../sources/consts']) {
    const dir = join(dirname(fileURLToPath(import.meta.url)), d);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js') && !x.endsWith('.test.js')).sort()) h.update(`${d}/${f}\0`).update(readFileSync(join(dir, f)));
  }
  return (codeDigestMemo = h.digest('hex'));
}

/** The results of a run kept in the tree's cache directory, keyed by what decides them. */
const RESULTS = 'results.json';

function cachedResults(dir: string, key: string): { results: SyscallErrnos[]; missing: string[] } | undefined {
  try {
    const c = JSON.parse(readFileSync(join(dir, RESULTS), 'utf8')) as { key?: unknown; results?: unknown; missing?: unknown };
    if (c.key !== key || !Array.isArray(c.results) || !Array.isArray(c.missing)) return undefined;
    if (!c.results.every((x: SyscallErrnos) => x && typeof x.name === 'string' && Array.isArray(x.errors) && Array.isArray(x.indirect) && Array.isArray(x.unresolved))) return undefined;
    if (!c.missing.every((x) => typeof x === 'string')) return undefined;
    return { results: c.results as SyscallErrnos[], missing: c.missing as string[] };
  } catch {
    return undefined;
  }
}

function keepResults(dir: string, key: string, v: { results: SyscallErrnos[]; missing: string[] }): void {
  try {
    const tmp = join(dir, `${RESULTS}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ key, ...v }));
    renameSync(tmp, join(dir, RESULTS));
  } catch {
    // a cache that cannot be written costs the next run time, nothing else
  }
}

/**
 * The errnos of syscalls by name (`openat` or `sys_openat`), or of every native syscall
 * (compat_ ones only when named). Loads what the walk needs, then saves the index's cache. Names
 * the tree does not define come back in `missing`. With a cache directory, the results of the
 * last run are reused when nothing that decides them changed: the tree's files (path, size,
 * mtime), the names asked for, the objects, and kapi's own code; `cached` says so.
 */
export async function syscallErrnos(r: Resolver, names: readonly string[] = []): Promise<{ results: SyscallErrnos[]; missing: string[]; cached?: boolean }> {
  const dir = r.index.cacheFile;
  const key = dir ? createHash('sha1').update(`${r.index.fingerprint}\0${codeDigest()}\0${JSON.stringify(r.objects)}\0${JSON.stringify(names)}`).digest('hex') : '';
  const hit = dir ? cachedResults(dir, key) : undefined;
  if (hit) {
    r.index.save();
    r.index.close();
    return { ...hit, cached: true };
  }
  const out = await computeErrnos(r, names);
  if (dir) keepResults(dir, key, out);
  return out;
}

async function computeErrnos(r: Resolver, names: readonly string[]): Promise<{ results: SyscallErrnos[]; missing: string[] }> {
  const sites = syscallSites(r);
  const missing: string[] = [];
  const chosen: string[] = [];
  if (names.length) {
    for (const n of names) {
      const full = n.startsWith('sys_') || n.startsWith('compat_sys_') ? n : `sys_${n}`;
      if (sites.has(full)) { if (!chosen.includes(full)) chosen.push(full); } else missing.push(n);
    }
  } else for (const name of sites.keys()) if (name.startsWith('sys_')) chosen.push(name);
  chosen.sort();
  await loadReachable(r, chosen.map((n) => sites.get(n)!), chosen);
  r.index.save();
  r.index.close();
  r.index.failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const results: SyscallErrnos[] = [];
  for (const n of chosen) {
    const f = r.local(sites.get(n)!.file)?.get(n);
    if (f) results.push(errnosOf(r, f));
    else missing.push(n);
  }
  return { results, missing };
}

/**
 * `sys_openat -> do_sys_open -> ... -> path_openat (fs/namei.c:3845)`; a step entered through a
 * function pointer says whose implementation it is: `vfs_read -> pipe_read [pipe: f_op->read_iter]`.
 */
export function formatChain(c: readonly ChainStep[]): string {
  const last = c[c.length - 1]!;
  const step = (s: ChainStep) => (s.through ? `${s.function} [${s.through.object}: ${s.through.slot}]` : s.function);
  return `${c.map(step).join(' -> ')} (${last.wrapper ? `wrapper: ${last.wrapper}; called at ` : ''}${last.file}:${last.line})`;
}

/** The objects an errno's chain went through (`pipe`), in chain order; empty for a path without function pointers. */
export function objectsOf(c: readonly ChainStep[]): string[] {
  return c.flatMap((s) => (s.through ? [s.through.object] : []));
}

/** What an indirect call's line says: which implementations were followed, and how many were not. */
export function indirectText(i: IndirectCall): string {
  const where = `called in ${i.at.function}, ${i.at.file}:${i.at.line}`;
  if (!i.followed?.length) return `errors of calls through ${i.name} are not included (${i.implementations} implementations in the tree; ${where})`;
  return `errors of calls through ${i.name} are included for ${i.followed.join(', ')} only (${i.implementations} implementations in the tree; ${where})`;
}

/**
 * The one call for scaffold and lint: index the tree (through the cache), follow the errno flow
 * of the named syscalls (`openat` or `sys_openat`; every native syscall when none is named), and
 * return them sorted by name, with the syscalls not found, the files that could not be read and
 * the index's counts.
 */
export async function treeErrnos(root: string, names: readonly string[] = [], opts: IndexOptions & { objects?: readonly ObjectTables[] } = {}): Promise<{
  results: SyscallErrnos[]; missing: string[]; failures: IndexFailure[]; stats: IndexStats;
}> {
  const index = await indexTree(root, opts);
  const { results, missing } = await syscallErrnos(resolver(index, opts.objects), names);
  return { results, missing, failures: index.failures, stats: index.stats };
}
