// The whole-tree function index. In: a kernel tree. Out: the per-function summaries of every .c
// file (and of the headers under include/ and arch/x86/include/, whose functions are static
// inline), with the struct initialisers that count function-pointer implementations. Summaries
// only (summary.ts), never token bodies, so the whole tree stays small in memory.
//
// Cache: one file per tree under the cache directory (`--cache DIR`, else `$XDG_CACHE_HOME/kapi`,
// else `~/.cache/kapi`), named by the index format version and the tree's real path. Each entry
// holds a file's size, mtime and SHA-1 of its content with its summary. A file whose size and
// mtime match is taken from the cache without a read (as git's index does); one whose stat
// changed is read and hashed, and summarised again only when its content changed. Reads, hashes
// and summaries run on worker threads, one per core (at most 4).
//
// Walked: every directory except version control trees and the parts of a kernel tree that are
// not kernel code (Documentation, tools, samples, scripts, usr): their C (tools/ carries copies of
// kernel headers and userspace programs) would be taken for kernel definitions.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isProblem, readRegular } from '../sources/read.js';
import { summarizeFile, type FileSummary, type FnSummary } from './summary.js';

/** Bumped whenever summaries change shape or meaning: an older cache is ignored. */
export const INDEX_VERSION = 1;

const SKIP_TOP = new Set(['Documentation', 'tools', 'samples', 'scripts', 'usr']);
const SKIP_ANY = new Set(['.git', '.hg', '.svn', 'node_modules', '.tmp_versions']);

export interface IndexOptions {
  /** The cache directory; `$XDG_CACHE_HOME/kapi` or `~/.cache/kapi` when absent. false: no cache. */
  cacheDir?: string | false;
  maxFileSize?: number;
  /** Worker threads; min(cores, 4) when absent. */
  threads?: number;
}

export interface IndexFailure { file: string; message: string }

export interface IndexStats {
  /** Files in the index. */
  files: number;
  /** Files read and summarised in this run. */
  parsed: number;
  /** Files read and hashed whose content was cached (their stat changed, not their bytes). */
  rehashed: number;
  /** Files taken from the cache without a read. */
  cached: number;
}

export interface TreeIndex {
  root: string;
  /** Summaries by file (relative path), in path order. */
  files: Map<string, FnSummary[]>;
  /** Function-pointer member -> the number of distinct functions assigned to it in initialisers. */
  impls: Map<string, number>;
  failures: IndexFailure[];
  stats: IndexStats;
  /** Where the cache was read and written, if anywhere. */
  cacheFile?: string;
}

interface Entry { size: number; mtimeMs: number; hash: string; s: FileSummary }

/** What a worker is asked: files to read (with the hash the cache has for each, if any). */
export interface WorkItem { rel: string; hash?: string }
export type WorkResult =
  | { rel: string; kind: 'parsed'; size: number; mtimeMs: number; hash: string; s: FileSummary }
  | { rel: string; kind: 'same'; size: number; mtimeMs: number; hash: string }
  | { rel: string; kind: 'failed'; message: string };

/** Reads, hashes and (unless the hash is the cached one) summarises each file. Never throws. */
export function workFiles(root: string, items: readonly WorkItem[], maxFileSize?: number): WorkResult[] {
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
    if (hash === it.hash) return { rel: it.rel, kind: 'same', size: st.size, mtimeMs: st.mtimeMs, hash };
    try {
      return { rel: it.rel, kind: 'parsed', size: st.size, mtimeMs: st.mtimeMs, hash, s: summarizeFile(buf.toString('latin1'), it.rel) };
    } catch (e) {
      // A stack overflow on absurd nesting, say: that file is left out, the index goes on.
      return { rel: it.rel, kind: 'failed', message: `cannot summarise: ${(e as Error).message}` };
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
  const lines = text.split('\n');
  try {
    const head = JSON.parse(lines[0] ?? '');
    if (head?.kapiIndex !== INDEX_VERSION) return out;
  } catch {
    return out;
  }
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    try {
      const [rel, e] = JSON.parse(lines[i]!) as [string, Entry];
      if (typeof rel === 'string' && e && typeof e.hash === 'string' && Array.isArray(e.s?.functions)) out.set(rel, e);
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

/** Runs work items on worker threads (or inline with threads=0), in shares. */
async function runWorkers(root: string, items: WorkItem[], threads: number, maxFileSize?: number): Promise<WorkResult[]> {
  if (threads <= 0 || items.length < 64) return workFiles(root, items, maxFileSize);
  const results: WorkResult[] = [];
  const share = Math.max(16, Math.min(256, Math.ceil(items.length / (threads * 8))));
  let next = 0;
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(new URL('./tree-worker.js', import.meta.url));
    const send = () => {
      if (next >= items.length) { void w.terminate().then(() => resolve()); return; }
      const part = items.slice(next, next + share);
      next += share;
      w.postMessage({ root, items: part, maxFileSize });
    };
    w.on('message', (r: WorkResult[]) => { for (const x of r) results.push(x); send(); });
    w.once('error', reject);
    w.once('online', send);
  })));
  return results;
}

/** Builds (or updates from the cache) the index of a tree. */
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
  let cached = 0;
  for (const f of listed) {
    const e = cache.get(f.rel);
    if (e && e.size === f.size && e.mtimeMs === f.mtimeMs) { entries.set(f.rel, e); cached++; } else work.push({ rel: f.rel, ...(e ? { hash: e.hash } : {}) });
  }
  const threads = opts.threads ?? Math.max(1, Math.min(availableParallelism(), 4));
  const results = await runWorkers(root, work, threads, opts.maxFileSize);
  let parsed = 0, rehashed = 0;
  for (const r of results) {
    if (r.kind === 'failed') { failures.push({ file: r.rel, message: r.message }); continue; }
    if (r.kind === 'same') { rehashed++; entries.set(r.rel, { ...cache.get(r.rel)!, size: r.size, mtimeMs: r.mtimeMs }); continue; }
    parsed++;
    entries.set(r.rel, { size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, s: r.s });
  }
  const order = [...entries.keys()].sort();
  const sorted = new Map(order.map((k) => [k, entries.get(k)!]));
  if (cacheFile && (parsed || rehashed || sorted.size !== cache.size)) writeCache(cacheFile, root, sorted, failures);
  const files = new Map<string, FnSummary[]>();
  const implSets = new Map<string, Set<string>>();
  for (const [rel, e] of sorted) {
    files.set(rel, e.s.functions);
    for (const [m, fns] of Object.entries(e.s.impls)) {
      const s = implSets.get(m) ?? new Set<string>();
      for (const f of fns) s.add(f);
      implSets.set(m, s);
    }
  }
  const impls = new Map([...implSets].map(([m, s]) => [m, s.size]));
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, files, impls, failures, stats: { files: sorted.size, parsed, rehashed, cached }, ...(cacheFile ? { cacheFile } : {}) };
}


