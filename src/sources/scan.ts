// The fast first pass over a tree: which files can hold a spec at all. In: a tree. Out: the few
// candidates' texts, sorted by path. A file is a candidate when it contains `KAPI` (every macro-DSL
// spec uses the KAPI_* vocabulary) together with a name that starts a macro-DSL spec, or a
// kernel-doc context tag (`contexts:`, `context:`, `context-flags:`), the tags upstream's own build
// uses to decide whether a file has specs. Two byte searches per file for almost every file; the
// walk and the reads are shared between the main thread and one worker per further core.

import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isSpecSource, skipDir } from './tree-rules.js';

const MACRO_MARK = Buffer.from('KAPI');
/** Checked only in files that have MACRO_MARK: the names that start a macro-DSL spec. */
const SPEC_STARTS = ['API_SPEC', 'API_IOCTL_SPEC', 'kapi_ioctl_spec'].map((m) => Buffer.from(m));
const CONTEXT = Buffer.from('context');
/** What may follow `context` in a tag. */
const CONTEXT_TAILS = [':', 's:', '-flags:'].map((m) => Buffer.from(m));

/** True when the bytes contain a spec marker (the same test as mayHoldSpecs on text). */
export function bufferHasMarker(b: Buffer): boolean {
  if (b.indexOf(MACRO_MARK) >= 0 && SPEC_STARTS.some((m) => b.indexOf(m) >= 0)) return true;
  for (let i = b.indexOf(CONTEXT); i >= 0; i = b.indexOf(CONTEXT, i + 1)) {
    const at = i + CONTEXT.length;
    if (CONTEXT_TAILS.some((t) => at + t.length <= b.length && b.compare(t, 0, t.length, at, at + t.length) === 0)) return true;
  }
  return false;
}

export interface Candidate { file: string; text: string }
export interface ReadFailure { file: string; code: string }
export interface ScanResult { candidates: Candidate[]; failures: ReadFailure[] }

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EIO';

/** Reads files into one growing buffer and keeps the texts of those with a marker. */
export function scanFiles(files: readonly string[]): ScanResult {
  let buf = Buffer.allocUnsafe(1 << 20);
  const out: ScanResult = { candidates: [], failures: [] };
  for (const file of files) {
    let len = 0;
    try {
      const fd = openSync(file, 'r');
      try {
        for (;;) {
          if (len === buf.length) {
            const bigger = Buffer.allocUnsafe(buf.length * 2);
            buf.copy(bigger);
            buf = bigger;
          }
          const want = buf.length - len;
          const n = readSync(fd, buf, len, want, null);
          len += n;
          // A short read of a regular file is its end: save the read that would return 0.
          if (n < want) break;
        }
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      out.failures.push({ file, code: code(e) });
      continue;
    }
    const view = buf.subarray(0, len);
    if (bufferHasMarker(view)) out.candidates.push({ file, text: view.toString('latin1') });
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

/** A share of a tree: files to scan and directories to walk and scan. */
export interface WorkUnit { files: string[]; dirs: string[] }

/** Walks a unit's directories (no symlinks followed) and scans every C file found. */
export function scanUnit(u: WorkUnit): ScanResult {
  const files = [...u.files];
  const failures: ReadFailure[] = [];
  const walk = (d: string) => {
    for (const e of listDir(d, failures)) {
      if (e.isDirectory()) {
        if (!skipDir(e.name)) walk(join(d, e.name));
      } else if (e.isFile() && isSpecSource(e.name)) files.push(join(d, e.name));
    }
  };
  for (const d of u.dirs) walk(d);
  const r = scanFiles(files);
  return { candidates: r.candidates, failures: [...failures, ...r.failures] };
}

/** Splits a tree into its C files down to depth 2 and its directories at depth 2. */
function split(root: string, failures: ReadFailure[]): WorkUnit {
  const out: WorkUnit = { files: [], dirs: [] };
  const level = (d: string, depth: number) => {
    for (const e of listDir(d, failures)) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (skipDir(e.name)) continue;
        if (depth < 2) level(p, depth + 1);
        else out.dirs.push(p);
      } else if (e.isFile() && isSpecSource(e.name)) out.files.push(p);
    }
  };
  level(root, 1);
  return out;
}

const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Walks and scans a tree on all cores: workers start first, the main thread splits the tree at
 * depth 2 and hands the directories out round-robin, then scans its own share.
 */
export async function scanTree(root: string): Promise<ScanResult> {
  const extra = Math.max(0, Math.min(availableParallelism(), 4) - 1);
  const workers = Array.from({ length: extra }, () => new Worker(new URL('./scan-worker.js', import.meta.url)));
  const failures: ReadFailure[] = [];
  const whole = split(root, failures);
  const shares: WorkUnit[] = Array.from({ length: extra + 1 }, () => ({ files: [], dirs: [] }));
  shares[0]!.files = whole.files;
  whole.dirs.forEach((d, i) => shares[i % shares.length]!.dirs.push(d));
  const pending = workers.map((w, k) => new Promise<ScanResult>((resolve, reject) => {
    w.once('message', (r: ScanResult) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
    w.postMessage(shares[k + 1]);
  }));
  const parts = [scanUnit(shares[0]!), ...(await Promise.all(pending))];
  return {
    candidates: parts.flatMap((p) => p.candidates).sort(byFile),
    failures: [...failures, ...parts.flatMap((p) => p.failures)].sort(byFile),
  };
}
