// The fast first pass over a tree: which files can hold a spec at all. In: a tree. Out: the few
// candidates' texts, sorted by path. A file is a candidate when it contains `KAPI` (every macro-DSL
// spec uses the KAPI_* vocabulary) together with a name that starts a macro-DSL spec, or a
// kernel-doc line of a .c file that starts with a context tag (`contexts:`, `context:`,
// `context-flags:`), the tags upstream's own build uses to decide whether a file has specs. Two
// byte searches per file for almost every file (`KAPI`, and `:` in .c files); the reads are shared
// between the main thread and one worker per further core. Only regular files are read, each up
// to the size limit; a bigger file is a failure of its own and the scan goes on.

import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { limitOf, notRegular, OPEN_FLAGS, readOpen, tooLarge, type ReadLimits, type ReadProblem } from './read.js';
import { isSpecSource, skipDir } from './tree-rules.js';

const MACRO_MARK = Buffer.from('KAPI');
/** Checked only in files that have MACRO_MARK: the names that start a macro-DSL spec. */
const SPEC_STARTS = ['API_SPEC', 'API_IOCTL_SPEC', 'DEFINE_IOCTL_SPEC', 'DEFINE_IOCTL_HANDLER', 'kapi_ioctl_spec']
  .map((m) => Buffer.from(m));
/** The context tags, as they end at their colon. */
const CONTEXT_TAGS = ['context', 'contexts', 'context-flags'].map((m) => Buffer.from(m));
const COLON = 0x3a;
const SYSCALL_MARK = Buffer.from('SYSCALL_DEFINE');

/** What a scan keeps: files that may hold specs, or .c files that define syscalls. */
export type ScanMode = 'specs' | 'syscalls';

/**
 * True when the bytes contain a spec marker (the same test as mayHoldSpecs on text). Kernel-doc
 * specs are looked for only when `docs` is set: a tree scan reads them from .c files alone, as
 * upstream's build does (it generates spec headers for compiled .c objects only).
 */
export function bufferHasMarker(b: Buffer, docs = true): boolean {
  if (b.indexOf(MACRO_MARK) >= 0 && SPEC_STARTS.some((m) => b.indexOf(m) >= 0)) return true;
  if (!docs) return false;
  // Found from their colon: a byte search for `:` runs at memchr speed, where one for `context`
  // crawls (its first letter is everywhere in C), and a colon is checked in a few compares.
  for (let i = b.indexOf(COLON); i >= 0; i = b.indexOf(COLON, i + 1)) {
    const last = b[i - 1];
    if (last !== 0x74 && last !== 0x73) continue; // every tag ends in `t` or `s`
    for (const t of CONTEXT_TAGS) {
      const at = i - t.length;
      if (at >= 0 && endsWith(b, i, t) && startsDocLine(b, at)) return true;
    }
  }
  return false;
}

/** Do the bytes just before `end` spell `t`? */
function endsWith(b: Buffer, end: number, t: Buffer): boolean {
  for (let k = 1; k <= t.length; k++) if (b[end - k] !== t[t.length - k]) return false;
  return true;
}

/** Is `i` the first word of a kernel-doc comment line (`^[ \t]*\*[ \t]*` before it)? */
function startsDocLine(b: Buffer, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (b[k] === 0x20 || b[k] === 0x09)) k--;
  if (b[k] !== 0x2a) return false;
  k--;
  while (k >= 0 && (b[k] === 0x20 || b[k] === 0x09)) k--;
  return k < 0 || b[k] === 0x0a;
}

export interface Candidate { file: string; text: string }
/** A file or directory not read: an errno code, or a reader problem with its message. */
export interface ReadFailure { file: string; code: string; problem?: ReadProblem }
export interface ScanResult { candidates: Candidate[]; failures: ReadFailure[] }

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EIO';

/**
 * The buffer the files of a share are read into: 1 MiB, grown for a bigger file up to 16 MiB
 * (the largest sources of a kernel tree, generated register headers, are about that size) and
 * kept for the next. A file bigger than that gets a buffer of its own, dropped after it.
 */
export const SHARED_SIZE = 1 << 20;
export const SHARED_MAX = 16 << 20;

/** The shared buffer of a scan, in a box so it can be grown (and looked at by the tests). */
export interface Shared { buf: Buffer }

const failed = (file: string, problem: ReadProblem): ReadFailure => ({ file, code: problem.code, problem });

/**
 * One file's bytes (a view of the shared buffer or of a buffer of its own), or why it was not
 * read. The directory listing said it is a regular file, and the open cannot block; most files
 * end within the first read. One that fills the buffer is checked with fstat (still regular,
 * within the limit) before it is read on, so a file swapped for a device or a huge sparse file
 * costs one read, never the buffer.
 */
function readFile(file: string, shared: Shared, limit: number): Buffer | ReadFailure {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { file, code: code(e) };
  }
  try {
    const room = Math.min(shared.buf.length, limit + 1);
    const n = readSync(fd, shared.buf, 0, room, null);
    // A short read of a regular file is its end: save the read that would return 0.
    if (n < room) return shared.buf.subarray(0, n);
    const st = fstatSync(fd);
    if (!st.isFile()) return failed(file, notRegular(st));
    if (st.size > limit) return failed(file, tooLarge(st.size, limit));
    if (st.size < SHARED_MAX && st.size >= shared.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(SHARED_MAX, Math.max(st.size + 1, shared.buf.length * 2)));
      shared.buf.copy(bigger, 0, 0, n);
      shared.buf = bigger;
    }
    return readOpen(fd, st.size, limit, { buf: shared.buf, have: n, shortReadEnds: true }) ?? failed(file, tooLarge(undefined, limit));
  } catch (e) {
    return { file, code: code(e) };
  } finally {
    closeSync(fd);
  }
}

/** Reads files through one shared buffer, which never outgrows SHARED_MAX, and keeps the texts of those with a marker. */
export function scanFiles(files: readonly string[], mode: ScanMode = 'specs', limits: ReadLimits = {}, shared: Shared = { buf: Buffer.allocUnsafe(SHARED_SIZE) }): ScanResult {
  const limit = limitOf(limits);
  const out: ScanResult = { candidates: [], failures: [] };
  for (const file of files) {
    const view = readFile(file, shared, limit);
    if (!Buffer.isBuffer(view)) {
      out.failures.push(view);
      continue;
    }
    const keep = mode === 'specs' ? bufferHasMarker(view, file.endsWith('.c')) : file.endsWith('.c') && view.indexOf(SYSCALL_MARK) >= 0;
    if (keep) out.candidates.push({ file, text: view.toString('utf8') });
  }
  return out;
}

function listDir(d: string, failures: ReadFailure[]) {
  try {
    return readdirSync(d, { withFileTypes: true });
  } catch (e) {
    failures.push({ file: d, code: code(e) });
    return [];
  }
}

const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** What a thread returns for a share of directories: their scan and their subdirectories. */
export interface DirResult extends ScanResult { subdirs: string[] }

/** Lists each directory (no symlinks followed), scans its C files, and returns its subdirectories. */
export function scanDirs(dirs: readonly string[], mode: ScanMode = 'specs', limits: ReadLimits = {}): DirResult {
  const files: string[] = [];
  const subdirs: string[] = [];
  const failures: ReadFailure[] = [];
  for (const d of dirs) {
    for (const e of listDir(d, failures)) {
      if (e.isDirectory()) {
        if (!skipDir(e.name)) subdirs.push(join(d, e.name));
      } else if (e.isFile() && isSpecSource(e.name)) files.push(join(d, e.name));
    }
  }
  const r = scanFiles(files, mode, limits);
  return { candidates: r.candidates, failures: [...failures, ...r.failures], subdirs };
}

/**
 * Walks and scans a tree on all cores. Directories are the unit of work: a queue starts with the
 * root; each thread (the main one and one worker per further core) takes a few directories, lists
 * them, scans their files and puts their subdirectories back on the queue, so the walk and the
 * reads are both shared. Results are sorted by path, whichever thread read them.
 */
export async function scanTree(root: string, mode: ScanMode = 'specs', limits: ReadLimits = {}): Promise<ScanResult> {
  const extra = Math.max(0, Math.min(availableParallelism(), 4) - 1);
  const threads = extra + 1;
  const queue: string[] = [root];
  const parts: ScanResult[] = [];
  const idle: Worker[] = [];
  let outstanding = 0;
  let wake: () => void = () => {};

  /** A share of the queue: enough to keep every thread busy, never all of it. */
  const take = () => queue.splice(0, Math.max(1, Math.floor(queue.length / (threads * 2))));
  const accept = (r: DirResult) => {
    parts.push(r);
    for (const d of r.subdirs) queue.push(d);
  };
  const dispatch = () => {
    while (idle.length && queue.length) {
      outstanding++;
      idle.pop()!.postMessage({ dirs: take(), mode, limits });
    }
  };
  const workers = Array.from({ length: extra }, () => {
    const w = new Worker(new URL('./scan-worker.js', import.meta.url));
    w.on('message', (r: DirResult) => {
      outstanding--;
      accept(r);
      idle.push(w);
      dispatch();
      wake();
    });
    w.once('online', () => {
      idle.push(w);
      dispatch();
      wake();
    });
    return w;
  });
  for (;;) {
    dispatch();
    if (queue.length) {
      accept(scanDirs(take(), mode, limits));
      // Let replies from workers in before the next share.
      await new Promise((r) => setImmediate(r));
    } else if (outstanding > 0) {
      await new Promise<void>((r) => { wake = r; });
    } else break;
  }
  await Promise.all(workers.map((w) => w.terminate()));
  return {
    candidates: parts.flatMap((p) => p.candidates).sort(byFile),
    failures: parts.flatMap((p) => p.failures).sort(byFile),
  };
}
