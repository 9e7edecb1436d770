// The whole-tree function index, in two passes. In: a kernel tree. Out: (1) for every file, its
// function definitions (name, line, static) and struct initialisers `.member = fn` from a byte scan
// (defs.ts), enough to tell which file defines a name and how many implementations a function
// pointer has; (2) per-function summaries (summary.ts: parameters, calls, errnos returned,
// callees propagated, indirect calls) of the files asked for (`load`), or of every file with
// `full`. Summaries only, never token bodies, so the whole tree stays small in memory. The errno
// flow (flow.ts) asks for the files it reaches from the syscalls; other users can ask for any.
//
// Cache: one file per tree under the cache directory (`cacheDir`, else `$XDG_CACHE_HOME/kapi`,
// else `~/.cache/kapi`), named by the index format version and the tree's real path. Each entry
// holds a file's size, mtime and SHA-1 of its content with its first-pass facts and, once
// computed, its summaries. A file whose size and mtime match is taken from the cache without a
// read (as git's index does); one whose stat changed is read and hashed, and scanned again only
// when its content changed. Reads, hashes, scans and summaries run on worker threads, one per
// core (at most 4).
//
// Walked: every directory except version control trees and the parts of a kernel tree that are
// not kernel code (Documentation, tools, samples, scripts, usr): their C (tools/ carries copies of
// kernel headers and userspace programs) would be taken for kernel definitions. Files: every .c
// file, and the headers under include/ and arch/x86/include/ (for their static inline functions).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isProblem, readRegular } from '../sources/read.js';
import { decodeDefs, decodeImpls, scanDefs, type FileDefs } from './defs.js';
import { summarizeFile, type FileSummary, type FnSummary } from './summary.js';

/** Bumped whenever the cached facts change shape or meaning: an older cache is ignored. */
export const INDEX_VERSION = 2;

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
  /** Files read and scanned (first pass) in this run. */
  scanned: number;
  /** Files read and summarised (second pass) in this run. */
  parsed: number;
  /** Files read and hashed whose content was cached (their stat changed, not their bytes). */
  rehashed: number;
  /** Files whose first pass came from the cache without a read. */
  cached: number;
}

export interface DefSite { file: string; line: number; isStatic: boolean }

export interface TreeIndex {
  root: string;
  /** Every indexed file (relative path), sorted. */
  fileList: string[];
  /** First pass: function name -> where it is defined, in path order. */
  defs: Map<string, DefSite[]>;
  /** Function-pointer member -> the number of distinct functions assigned to it in initialisers. */
  impls: Map<string, number>;
  /** Second pass: the summaries of the files loaded so far, by file. */
  files: Map<string, FnSummary[]>;
  failures: IndexFailure[];
  stats: IndexStats;
  /** Where the cache is read and written, if anywhere. */
  cacheFile?: string;
  /** Summarises the files given (from the cache, or reading them on the worker threads). */
  load(files: Iterable<string>): Promise<void>;
  /** Writes the cache, if it changed. Called by the flow when it is done; safe to call again. */
  save(): void;
}

interface Entry { size: number; mtimeMs: number; hash: string; d: FileDefs; s?: FileSummary }

/** What a worker is asked: a pass over files (with the hash the cache has for each, if any). */
export interface WorkItem { rel: string; hash?: string }
export type WorkResult =
  | { rel: string; kind: 'defs'; size: number; mtimeMs: number; hash: string; d: FileDefs }
  | { rel: string; kind: 'summary'; size: number; mtimeMs: number; hash: string; d: FileDefs; s: FileSummary }
  | { rel: string; kind: 'same'; size: number; mtimeMs: number; hash: string }
  | { rel: string; kind: 'failed'; message: string };

/**
 * Reads and hashes each file; the first pass (`defs`) scans it unless the hash is the cached one,
 * the second (`summary`) summarises it. Never throws: a file that cannot be read or summarised is
 * a failure of its own.
 */
export function workFiles(root: string, items: readonly WorkItem[], pass: 'defs' | 'summary', maxFileSize?: number): WorkResult[] {
  return items.map((it): WorkResult => {
    const path = join(root, it.rel);
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      return { rel: it.rel, kind: 'failed', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? 'EIO'}` };
    }
    const buf = readRegular(path, { maxFileSize });
    if (isProblem(buf)) return { rel: it.rel, kind: 'failed', message: buf.message };
    const hash = createHash('sha1').update(buf).digest('hex');
    try {
      if (pass === 'defs') {
        if (hash === it.hash) return { rel: it.rel, kind: 'same', size: st.size, mtimeMs: st.mtimeMs, hash };
        return { rel: it.rel, kind: 'defs', size: st.size, mtimeMs: st.mtimeMs, hash, d: scanDefs(buf, it.rel.endsWith('.h')) };
      }
      return { rel: it.rel, kind: 'summary', size: st.size, mtimeMs: st.mtimeMs, hash, d: scanDefs(buf, it.rel.endsWith('.h')), s: summarizeFile(buf.toString('latin1'), it.rel) };
    } catch (e) {
      // A stack overflow on absurd nesting, say: that file is left out, the index goes on.
      return { rel: it.rel, kind: 'failed', message: `cannot ${pass === 'defs' ? 'scan' : 'summarise'}: ${(e as Error).message}` };
    }
  });
}

const wanted = (rel: string, name: string) =>
  name.endsWith('.c') || (name.endsWith('.h') && (rel.startsWith('include/') || rel.startsWith('arch/x86/include/')));

/** The files of the tree to index, relative, sorted; unreadable directories are failures. */
function listTree(root: string, failures: IndexFailure[]): { rel: string; size: number; mtimeMs: number }[] {
  const out: { rel: string; size: number; mtimeMs: number }[] = [];
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
      } else if (e.isFile() && wanted(r, e.name)) {
        try {
          const st = statSync(join(dir, e.name));
          out.push({ rel: r, size: st.size, mtimeMs: st.mtimeMs });
        } catch (err) {
          failures.push({ file: r, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? 'EIO'}` });
        }
      }
    }
  };
  walk(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The default cache directory. */
export function defaultCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'kapi');
}

function cachePath(dir: string, root: string): string {
  const id = createHash('sha1').update(root).digest('hex').slice(0, 16);
  return join(dir, `tree-v${INDEX_VERSION}-${id}.ndjson`);
}

/** The cache's entries: one JSON line per file (`[rel, entry]`) after a header line. Junk is ignored. */
function readCache(file: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  let at = text.indexOf('\n');
  try {
    const head = JSON.parse(text.slice(0, at < 0 ? text.length : at));
    if (head?.kapiIndex !== INDEX_VERSION) return out;
  } catch {
    return out;
  }
  while (at >= 0 && at < text.length) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next < 0 ? text.length : next);
    at = next;
    if (!line) continue;
    try {
      const [rel, e] = JSON.parse(line) as [string, Entry];
      if (typeof rel === 'string' && e && typeof e.hash === 'string' && typeof e.d?.defs === 'string' && (e.s === undefined || Array.isArray(e.s.functions))) out.set(rel, e);
    } catch {
      // A torn line: that file is read again.
    }
  }
  return out;
}

function writeCache(file: string, root: string, entries: Map<string, Entry>, failures: IndexFailure[]): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const parts: string[] = [JSON.stringify({ kapiIndex: INDEX_VERSION, root })];
    for (const [rel, e] of entries) parts.push(JSON.stringify([rel, e]));
    writeFileSync(tmp, parts.join('\n') + '\n');
    renameSync(tmp, file);
  } catch (e) {
    failures.push({ file, message: `cannot write the index cache: ${(e as Error).message}` });
  }
}

/** Runs work items on worker threads (or inline with threads=0, or for a few items), in shares. */
async function runWorkers(root: string, items: WorkItem[], pass: 'defs' | 'summary', threads: number, maxFileSize?: number): Promise<WorkResult[]> {
  if (threads <= 0 || items.length < 32) return workFiles(root, items, pass, maxFileSize);
  const results: WorkResult[] = [];
  const share = Math.max(8, Math.min(256, Math.ceil(items.length / (threads * 8))));
  let next = 0;
  const n = Math.min(threads, Math.ceil(items.length / share));
  await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(new URL('./tree-worker.js', import.meta.url));
    const send = () => {
      if (next >= items.length) { void w.terminate().then(() => resolve()); return; }
      const part = items.slice(next, next + share);
      next += share;
      w.postMessage({ root, items: part, pass, maxFileSize });
    };
    w.on('message', (r: WorkResult[]) => { for (const x of r) results.push(x); send(); });
    w.once('error', reject);
    w.once('online', send);
  })));
  return results;
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
  const listed = listTree(root, failures);
  const dir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const cacheFile = dir ? cachePath(dir, root) : undefined;
  const cache = cacheFile ? readCache(cacheFile) : new Map<string, Entry>();
  const entries = new Map<string, Entry>();
  const work: WorkItem[] = [];
  const stats: IndexStats = { files: 0, scanned: 0, parsed: 0, rehashed: 0, cached: 0 };
  let dirty = false;
  for (const f of listed) {
    const e = cache.get(f.rel);
    if (e && e.size === f.size && e.mtimeMs === f.mtimeMs) { entries.set(f.rel, e); stats.cached++; } else work.push({ rel: f.rel, ...(e ? { hash: e.hash } : {}) });
  }
  if (cache.size !== entries.size) dirty = true;
  const threads = opts.threads ?? Math.max(1, Math.min(availableParallelism(), 4));
  const accept = (r: WorkResult) => {
    if (r.kind === 'failed') { failures.push({ file: r.rel, message: r.message }); entries.delete(r.rel); return; }
    dirty = true;
    if (r.kind === 'same') { stats.rehashed++; entries.set(r.rel, { ...cache.get(r.rel)!, size: r.size, mtimeMs: r.mtimeMs }); return; }
    if (r.kind === 'defs') { stats.scanned++; entries.set(r.rel, { size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, d: r.d }); return; }
    stats.parsed++;
    entries.set(r.rel, { size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, d: r.d, s: r.s });
  };
  for (const r of await runWorkers(root, work, opts.full ? 'summary' : 'defs', threads, opts.maxFileSize)) accept(r);

  const fileList = [...entries.keys()].sort(byPath);
  const defs = new Map<string, DefSite[]>();
  const implSets = new Map<string, Set<string>>();
  for (const rel of fileList) {
    const e = entries.get(rel)!;
    for (const d of decodeDefs(e.d.defs)) {
      const l = defs.get(d.name);
      const site = { file: rel, line: d.line, isStatic: d.isStatic };
      if (l) l.push(site);
      else defs.set(d.name, [site]);
    }
    for (const [m, fn] of decodeImpls(e.d.impls)) {
      const s = implSets.get(m);
      if (s) s.add(fn);
      else implSets.set(m, new Set([fn]));
    }
  }
  const impls = new Map([...implSets].map(([m, s]) => [m, s.size]));
  const files = new Map<string, FnSummary[]>();
  stats.files = fileList.length;

  const index: TreeIndex = {
    root, fileList, defs, impls, files, failures, stats, ...(cacheFile ? { cacheFile } : {}),
    async load(want) {
      const work2: WorkItem[] = [];
      for (const rel of new Set(want)) {
        if (files.has(rel)) continue;
        const e = entries.get(rel);
        if (!e) continue;
        if (e.s) files.set(rel, e.s.functions);
        else work2.push({ rel });
      }
      for (const r of await runWorkers(root, work2, 'summary', threads, opts.maxFileSize)) {
        accept(r);
        if (r.kind === 'summary') files.set(r.rel, r.s.functions);
      }
    },
    save() {
      if (!cacheFile || !dirty) return;
      const sorted = new Map([...entries.keys()].sort(byPath).map((k) => [k, entries.get(k)!]));
      writeCache(cacheFile, root, sorted, failures);
      dirty = false;
    },
  };
  if (opts.full) await index.load(fileList);
  failures.sort((a, b) => byPath(a.file, b.file));
  return index;
}
