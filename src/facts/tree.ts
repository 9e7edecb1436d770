// The whole-tree function index, in two passes. In: a kernel tree. Out: (1) for every file, its
// function definitions (name, line, static) and struct initialisers `.member = fn` from a byte scan
// (defs.ts), enough to tell which file defines a name and how many implementations a function
// pointer has; (2) per-function summaries (summary.ts: parameters, calls, errnos returned,
// callees propagated, indirect calls) of the files asked for (`load`), or of every file with
// `full`. Summaries only, never token bodies, so the whole tree stays small in memory. The errno
// flow (flow.ts) asks for the files it reaches from the syscalls; other users can ask for any.
//
// Cache: a directory per tree under the cache directory (`cacheDir`, else `$XDG_CACHE_HOME/kapi`,
// else `~/.cache/kapi`), named by the index format version and the tree's real path, holding one
// file, `index` (tree-cache.ts: the file table, first-pass facts, name table and summaries). A
// file whose size and mtime match the cache is not read at all (as git's index does). One whose stat changed is scanned again (the first pass costs about what a hash does);
// its summary, the costly part, is keyed by the MD5 of its content: when the summary pass finds
// the content the cached summary was made from, that summary is taken without lexing. Reads,
// scans, hashes and summaries run on worker threads, one per core (at most 4).
//
// Walked: every directory except version control trees and the parts of a kernel tree that are
// not kernel code (Documentation, tools, samples, scripts, usr): their C (tools/ carries copies of
// kernel headers and userspace programs) would be taken for kernel definitions. Files: every .c
// file, and the headers under include/ and arch/x86/include/ (for their static inline functions).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { closeSync } from 'node:fs';
import { isProblem, limitOf, openRegular, readOpen, tooLarge, type ReadProblem } from '../sources/read.js';
import { scanDefs, type FileDefs } from './defs.js';
import { NameTable, readCacheFile, TableBuilder, writeCacheFile, type TablePart } from './tree-cache.js';
import { summarizeFile, type FileSummary, type FnSummary, type OpsTable } from './summary.js';

/** Bumped whenever the cached facts change shape or meaning: an older cache is ignored. */
export const INDEX_VERSION = 11;

const SKIP_TOP = new Set(['Documentation', 'tools', 'samples', 'scripts', 'usr']);
const SKIP_ANY = new Set(['.git', '.hg', '.svn', 'node_modules', '.tmp_versions']);

export interface IndexOptions {
  /** The cache directory; `$XDG_CACHE_HOME/kapi` or `~/.cache/kapi` when absent. false: no cache. */
  cacheDir?: string | false;
  maxFileSize?: number;
  /** Worker threads; min(cores, 4) when absent; 0 runs everything on the calling thread. */
  threads?: number;
  /** Summarise every file now (the second pass for the whole tree). */
  full?: boolean;
}

export interface IndexFailure { file: string; message: string }

export interface IndexStats {
  /** Files in the index. */
  files: number;
  /** Files read and scanned (first pass) in this run: new ones, and those whose stat changed. */
  scanned: number;
  /** Files read and summarised (second pass) in this run. */
  parsed: number;
  /** Files whose stat changed but whose content (by hash) is that of their cached summary, taken. */
  rehashed: number;
  /** Files whose first pass came from the cache without a read (size and mtime unchanged). */
  cached: number;
}

export interface DefSite { file: string; isStatic: boolean }

export interface TreeIndex {
  root: string;
  /** Every indexed file (relative path), sorted. */
  fileList: string[];
  /** First pass: where a function name is defined, in path order. */
  defsOf(name: string): DefSite[];
  /** First pass: every defined name. */
  names(): IterableIterator<string>;
  /** Function-pointer member -> the number of distinct functions assigned to it in initialisers. */
  impls: Map<string, number>;
  /** Second pass: the summaries of the files loaded so far, by file. */
  files: Map<string, FnSummary[]>;
  /** Second pass: the initialised structs with function members of the files loaded so far. */
  tables: Map<string, OpsTable[]>;
  failures: IndexFailure[];
  stats: IndexStats;
  /** The cache directory of this tree, if any. */
  cacheFile?: string;
  /**
   * A digest of what the index saw: every file's path, size and modification time, and the
   * failures. Two runs with the same fingerprint read the same bytes (short of a file rewritten
   * in place with its size and mtime kept, which the index's own cache trusts too).
   */
  fingerprint: string;
  /** Summarises the files given (from the cache, or reading them on the worker threads). */
  load(files: Iterable<string>): Promise<void>;
  /** Writes the cache, if it changed. Called by the flow when it is done; safe to call again. */
  save(): void;
  /** Ends the worker threads (a later load starts them again). */
  close(): void;
}

interface Entry { size: number; mtimeMs: number; hash: string; d?: FileDefs; s?: FileSummary }

/** What a worker is asked: a pass over files (with the hash the cache has for each, if any). */
export interface WorkItem {
  rel: string;
  hash?: string;
  /** The file's index in the name table being built: its first-pass facts go to the thread's TableBuilder. */
  n?: number;
}
export type WorkResult =
  | { rel: string; kind: 'defs'; size: number; mtimeMs: number; d: FileDefs }
  | { rel: string; kind: 'summary'; size: number; mtimeMs: number; hash: string; d: FileDefs; s: FileSummary }
  | { rel: string; kind: 'same'; size: number; mtimeMs: number; hash: string }
  | { rel: string; kind: 'failed'; message: string };

/**
 * Reads and hashes each file; the first pass (`defs`) scans it unless the hash is the cached one,
 * the second (`summary`) summarises it. Never throws: a file that cannot be read or summarised is
 * a failure of its own.
 */
export function workFiles(root: string, items: readonly WorkItem[], pass: 'defs' | 'summary', maxFileSize?: number, table?: TableBuilder): WorkResult[] {
  const limit = limitOf({ maxFileSize });
  return items.map((it): WorkResult => {
    const r = workFile(root, it, pass, limit);
    if (table && it.n !== undefined && (r.kind === 'defs' || r.kind === 'summary')) table.add(it.n, r.d);
    return r;
  });
}

function workFile(root: string, it: WorkItem, pass: 'defs' | 'summary', limit: number): WorkResult {
  {
    const got = readTreeFile(join(root, it.rel), limit);
    if (isProblem(got)) return { rel: it.rel, kind: 'failed', message: got.message };
    const { buf, size, mtimeMs } = got;
    try {
      // The first pass is about as cheap as a hash: it is redone for a file whose stat changed.
      if (pass === 'defs') return { rel: it.rel, kind: 'defs', size, mtimeMs, d: scanDefs(buf, it.rel.endsWith('.h')) };
      const hash = createHash('md5').update(buf).digest('hex');
      if (hash === it.hash) return { rel: it.rel, kind: 'same', size, mtimeMs, hash };
      return { rel: it.rel, kind: 'summary', size, mtimeMs, hash, d: scanDefs(buf, it.rel.endsWith('.h')), s: summarizeFile(buf.toString('latin1'), it.rel) };
    } catch (e) {
      // A stack overflow on absurd nesting, say: that file is left out, the index goes on.
      return { rel: it.rel, kind: 'failed', message: `cannot ${pass === 'defs' ? 'scan' : 'summarise'}: ${(e as Error).message}` };
    }
  }
}

/** The read buffer of this thread, reused from file to file (grown to the largest file read). */
let shared: Buffer = Buffer.allocUnsafe(1 << 20);

/**
 * A tree file's bytes (in the thread's shared buffer: valid until the next read) with its size
 * and mtime from the fstat of the open file. The walk saw a regular file (its directory entry);
 * the open never blocks and fstat refuses anything else (see read.ts), so no stat comes first.
 */
function readTreeFile(path: string, limit: number): { buf: Buffer; size: number; mtimeMs: number } | ReadProblem {
  const o = openRegular(path, limit);
  if (isProblem(o)) return o;
  try {
    if (shared.length <= o.size && o.size < limit) shared = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(o.size + 1, shared.length * 2)));
    const buf = readOpen(o.fd, o.size, limit, { buf: shared, shortReadEnds: true });
    return buf ? { buf, size: o.st.size, mtimeMs: o.st.mtimeMs } : tooLarge(undefined, limit);
  } catch (e) {
    return { code: 'unreadable', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? 'EIO'}` };
  } finally {
    closeSync(o.fd);
  }
}

const wanted = (rel: string, name: string) =>
  name.endsWith('.c') || (name.endsWith('.h') && (rel.startsWith('include/') || rel.startsWith('arch/x86/include/')));

/**
 * The files of the tree to index, relative, sorted; unreadable directories are failures. With
 * `stat`, each file's size and mtime (to compare with the cache); without, they are -1 (the
 * workers take them from the fstat of the file they read).
 */
function listTree(root: string, failures: IndexFailure[], stat: boolean): { rel: string; size: number; mtimeMs: number }[] {
  const names: string[] = [];
  const walk = (dir: string, rel: string) => {
    let ents;
    try {
      ents = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      failures.push({ file: rel || '.', message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? 'EIO'}` });
      return;
    }
    for (const e of ents) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIP_ANY.has(e.name) || (!rel && SKIP_TOP.has(e.name))) continue;
        walk(join(dir, e.name), r);
      } else if (e.isFile() && wanted(r, e.name)) names.push(r);
    }
  };
  walk(root, '');
  names.sort(byPath);
  if (!stat) return names.map((rel) => ({ rel, size: -1, mtimeMs: -1 }));
  const out: { rel: string; size: number; mtimeMs: number }[] = [];
  for (const r of names) {
    try {
      const st = statSync(join(root, r));
      out.push({ rel: r, size: st.size, mtimeMs: st.mtimeMs });
    } catch (err) {
      failures.push({ file: r, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? 'EIO'}` });
    }
  }
  return out;
}

/** The default cache directory. */
export function defaultCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'kapi');
}

function cacheDirOf(dir: string, root: string): string {
  const id = createHash('sha1').update(root).digest('hex').slice(0, 16);
  return join(dir, `tree-v${INDEX_VERSION}-${id}`);
}

const cachePathOf = (dir: string) => join(dir, 'index');

/**
 * Worker threads kept for the whole index (the flow asks for summaries in many small rounds:
 * starting threads per round would cost more than the work). They do not keep the process
 * alive, and end with close().
 */
class Pool {
  private workers: Worker[] = [];
  /** The share of the name table built on this thread (threads=0, or a run of one file). */
  private inline = new TableBuilder();
  constructor(private readonly root: string, private readonly threads: number, private readonly maxFileSize?: number) {}

  private spawn(): Worker {
    const w = new Worker(new URL('./tree-worker.js', import.meta.url));
    w.unref();
    this.workers.push(w);
    return w;
  }

  /**
   * Runs the items in shares over the threads (on this thread with threads=0 or one item); items
   * with `n` add their first-pass facts to the name table being built. Results are given to
   * `each` as they come (and not returned), or returned all together.
   */
  async run(items: WorkItem[], pass: 'defs' | 'summary', each?: (r: WorkResult) => void): Promise<WorkResult[]> {
    if (this.threads <= 0 || items.length < 2) {
      const r = workFiles(this.root, items, pass, this.maxFileSize, this.inline);
      if (each) r.forEach(each);
      return each ? [] : r;
    }
    while (this.workers.length < this.threads) this.spawn();
    const results: WorkResult[] = [];
    const share = Math.max(1, Math.min(256, Math.ceil(items.length / (this.threads * 8))));
    let next = 0;
    await Promise.all(this.workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= items.length) { w.off('message', onMessage); w.off('error', reject); resolve(); return; }
        const part = items.slice(next, next + share);
        next += share;
        w.postMessage({ root: this.root, items: part, pass, maxFileSize: this.maxFileSize });
      };
      const onMessage = (r: WorkResult[]) => { send(); for (const x of r) if (each) each(x); else results.push(x); };
      w.on('message', onMessage);
      w.once('error', reject);
      send();
    })));
    return results;
  }

  /** Adds a file's first-pass facts to the share of the name table built on this thread. */
  add(n: number, d: FileDefs): void {
    this.inline.add(n, d);
  }

  /** The shares of the name table built since the last call, from every thread. */
  async tables(): Promise<TablePart[]> {
    const parts = await Promise.all(this.workers.map((w) => new Promise<TablePart | undefined>((resolve, reject) => {
      w.once('message', (m: { table?: TablePart }) => { w.off('error', reject); resolve(m.table); });
      w.once('error', reject);
      w.postMessage({ tables: true });
    })));
    const out = parts.filter((p): p is TablePart => !!p);
    if (!this.inline.empty) out.push(this.inline.encode());
    this.inline = new TableBuilder();
    return out;
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
    this.workers = [];
  }
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds (or updates from the cache) the index of a tree: the first pass now, summaries on `load`. */
export async function indexTree(rootIn: string, opts: IndexOptions = {}): Promise<TreeIndex> {
  let root: string;
  try {
    root = realpathSync(rootIn);
  } catch {
    root = rootIn;
  }
  const failures: IndexFailure[] = [];
  const base = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const dir = base ? cacheDirOf(base, root) : undefined;
  const cf = dir ? readCacheFile(cachePathOf(dir), INDEX_VERSION, root) : undefined;
  const cache = new Map<string, Entry>();
  /** Where a cached file is in the cache file's table (its first-pass facts are there). */
  const cachedAt = new Map<string, number>();
  cf?.files.forEach((f, i) => { cache.set(f.rel, { size: f.size, mtimeMs: f.mtimeMs, hash: f.hash }); cachedAt.set(f.rel, i); });
  let cachedDefs: FileDefs[] | undefined | null = null;
  const cachedDefsOf = (rel: string): FileDefs | undefined => {
    const i = cachedAt.get(rel);
    if (i === undefined) return undefined;
    if (cachedDefs === null) cachedDefs = cf?.defs();
    return cachedDefs?.[i];
  };
  // Without a cache to compare with, the files are not stat'ed here: their reads tell.
  const listed = listTree(root, failures, cache.size > 0);
  const entries = new Map<string, Entry>();
  const work: WorkItem[] = [];
  const stats: IndexStats = { files: 0, scanned: 0, parsed: 0, rehashed: 0, cached: 0 };
  for (const f of listed) {
    const e = cache.get(f.rel);
    if (e && e.size === f.size && e.mtimeMs === f.mtimeMs) { entries.set(f.rel, e); stats.cached++; } else work.push({ rel: f.rel, ...(e ? { hash: e.hash } : {}) });
  }
  // Changed: the name table is rebuilt from every file's facts, and the whole cache written.
  let changed = cache.size !== entries.size || work.length > 0 || !cf;
  let summariesChanged = false;
  /** Cached summaries whose file's stat changed, waiting for the hash check of the summary pass. */
  const cachedSummaries = new Map<string, FileSummary>();
  const threads = opts.threads ?? Math.max(1, Math.min(availableParallelism(), 4));
  // The name table is built where the files are scanned (each thread a share), file n being
  // listed[n]; the unchanged files' facts, from the cache, are added on this thread.
  let building = changed;
  const posOf = building ? new Map(listed.map((f, i) => [f.rel, i])) : undefined;
  if (posOf) for (const it of work) it.n = posOf.get(it.rel);
  const accept = (r: WorkResult) => {
    if (r.kind === 'failed') {
      failures.push({ file: r.rel, message: r.message });
      // Out of the first pass (and so of the table); one that fails in the summary pass stays
      // in it, unsummarised (and is tried again in the next run).
      if (building) entries.delete(r.rel);
      return;
    }
    if (r.kind === 'same') {
      // The summary pass found the content of the cached summary: it is taken.
      const e = entries.get(r.rel);
      const s = cachedSummaries.get(r.rel);
      if (e && s) { e.hash = r.hash; e.s = s; stats.rehashed++; summariesChanged = true; }
      return;
    }
    if (r.kind === 'defs') { stats.scanned++; entries.set(r.rel, { size: r.size, mtimeMs: r.mtimeMs, hash: '', d: r.d }); return; }
    stats.parsed++;
    summariesChanged = true;
    const old = entries.get(r.rel);
    // Changed between the passes: the table has the facts of the first. Cached with an unknown
    // stat, so that the next run scans it again (and takes this summary after a hash check).
    const moved = !building && old && (old.size !== r.size || old.mtimeMs !== r.mtimeMs);
    entries.set(r.rel, { size: moved ? -1 : r.size, mtimeMs: moved ? -1 : r.mtimeMs, hash: r.hash, ...(moved ? { d: old.d } : { d: r.d }), s: r.s });
  };
  const pool = new Pool(root, threads, opts.maxFileSize);
  await pool.run(work, opts.full ? 'summary' : 'defs', accept);

  let table: NameTable;
  if (!building) table = cf!.table;
  else {
    // The first-pass facts of the unchanged files from the cache; a file whose facts do not
    // decode is scanned again.
    const again: WorkItem[] = [];
    for (const [rel, e] of entries) {
      if (e.d) continue;
      const d = cachedDefsOf(rel);
      if (d) { e.d = d; pool.add(posOf!.get(rel)!, d); } else again.push({ rel, n: posOf!.get(rel)! });
    }
    await pool.run(again, 'defs', accept);
    table = NameTable.of(listed.map((f) => f.rel), await pool.tables());
    building = false;
  }
  const fileList = [...entries.keys()].sort(byPath);
  const decoded = new Map<string, DefSite[]>();
  const impls = new Map(Object.entries(table.impls));
  const files = new Map<string, FnSummary[]>();
  const tables = new Map<string, OpsTable[]>();
  const setFile = (rel: string, s: FileSummary) => { files.set(rel, s.functions); tables.set(rel, Array.isArray(s.tables) ? s.tables : []); };
  stats.files = fileList.length;

  const index: TreeIndex = {
    root, fileList, impls, files, tables, failures, stats, ...(dir ? { cacheFile: dir } : {}),
    get fingerprint() {
      const h = createHash('sha1').update(`${INDEX_VERSION}\0${root}\0`);
      for (const rel of fileList) { const e = entries.get(rel)!; h.update(`${rel}\0${e.size}\0${e.mtimeMs}\0`); }
      for (const f of failures) h.update(`!${f.file}\0${f.message}\0`);
      return h.digest('hex');
    },
    defsOf(name) {
      let d = decoded.get(name);
      if (!d) {
        d = table.sites(name).map((x) => ({ file: table.files[x.n]!, isStatic: x.isStatic }));
        decoded.set(name, d);
      }
      return d;
    },
    names: () => table.syscalls[Symbol.iterator](),
    async load(want) {
      const work2: WorkItem[] = [];
      for (const rel of new Set(want)) {
        if (files.has(rel)) continue;
        const e = entries.get(rel);
        if (!e) continue;
        if (!e.s && cf) {
          const c = cf.summary(rel);
          if (c) {
            if (e.hash && c.hash === e.hash) e.s = c.s;
            else { cachedSummaries.set(rel, c.s); work2.push({ rel, hash: c.hash }); continue; }
          }
        }
        if (e.s) setFile(rel, e.s);
        else work2.push({ rel });
      }
      for (const r of await pool.run(work2, 'summary')) {
        accept(r);
        if (r.kind === 'summary') setFile(r.rel, r.s);
        const e = entries.get(r.rel);
        if (r.kind === 'same' && e?.s) setFile(r.rel, e.s);
      }
    },
    close() {
      pool.close();
    },
    save() {
      if (!dir || (!changed && !summariesChanged)) return;
      try {
        mkdirSync(dir, { recursive: true });
        const rels = [...entries.keys()].sort(byPath);
        const list = rels.map((rel) => { const e = entries.get(rel)!; return { rel, size: e.size, mtimeMs: e.mtimeMs, hash: e.hash }; });
        // Summaries: the ones of this run, and the cached ones still valid (as they are: their
        // hash is checked when they are next needed).
        const summaries: { rel: string; hash: string; bytes: Buffer }[] = [];
        for (const rel of rels) {
          const e = entries.get(rel)!;
          const raw = e.s ? undefined : cf?.rawSummary(rel);
          if (e.s) summaries.push({ rel, hash: e.hash, bytes: Buffer.from(JSON.stringify(e.s), 'utf8') });
          else if (raw) summaries.push({ rel, ...raw });
        }
        let defs: FileDefs[] | { raw: Buffer[] };
        if (!changed) defs = { raw: cf!.raw() }; // the same files as the cache file: its first pass and table stand
        else {
          defs = rels.map((rel) => {
            const d = entries.get(rel)!.d ?? cachedDefsOf(rel);
            if (!d) throw new Error(`no first-pass facts for ${rel}`);
            return d;
          });
        }
        writeCacheFile(cachePathOf(dir), INDEX_VERSION, { root, files: list, defs, table, summaries });
      } catch (e) {
        failures.push({ file: dir, message: `cannot write the index cache: ${(e as Error).message}` });
      }
      changed = false;
      summariesChanged = false;
    },
  };
  if (opts.full) await index.load(fileList);
  failures.sort((a, b) => byPath(a.file, b.file));
  return index;
}
