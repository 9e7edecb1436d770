// Reading input files without blocking or ballooning. In: a path and a size limit. Out: the
// file's bytes or text, or a problem (a diagnostic code and a message saying what the file is or
// how big it is). Only regular files are read: anything else is refused after a stat, before any
// open; the open itself never blocks (O_NONBLOCK) and is checked again with fstat, so a file
// swapped for a FIFO in between is refused too. No read goes past the limit.

import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { DiagCode } from '../diag/index.js';

/** The size limit of a file read whole, unless --max-file-size says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/** The most any limit can be: the longest text Node can hold. */
export const MAX_FILE_SIZE_LIMIT: number = bufferConstants.MAX_STRING_LENGTH;

export interface ReadLimits {
  /** Bytes a file read whole may have; DEFAULT_MAX_FILE_SIZE when absent. */
  maxFileSize?: number;
}

export interface ReadProblem {
  code: Extract<DiagCode, 'unreadable' | 'not-regular' | 'too-large'>;
  message: string;
  /** The errno code of an unreadable file. */
  errno?: string;
}

/** Read only, and never blocking in open (a FIFO without a writer) or taking a terminal. */
export const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

export const isProblem = (x: unknown): x is ReadProblem =>
  !!x && typeof x === 'object' && !(x instanceof Buffer) && typeof (x as ReadProblem).code === 'string' && typeof (x as ReadProblem).message === 'string';

export const limitOf = (l: ReadLimits = {}): number => Math.min(l.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, MAX_FILE_SIZE_LIMIT);

/** What a file that is not regular is: "a FIFO", "a character device", ... */
export function fileKind(st: Stats): string {
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file kapi knows';
}

export const notRegular = (st: Stats): ReadProblem => ({ code: 'not-regular', message: `is ${fileKind(st)}, not a regular file` });

function unreadable(e: unknown): ReadProblem {
  const errno = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return { code: 'unreadable', message: `cannot read file: ${errno}`, errno };
}

/** `67108864 bytes (64 MiB)`. */
export function formatSize(n: number): string {
  const units = ['GiB', 'MiB', 'KiB'];
  for (let k = 0; k < units.length; k++) {
    const v = n / 1024 ** (3 - k);
    if (v >= 1) return `${n} bytes (${Number.isInteger(v) ? v : v.toFixed(1)} ${units[k]})`;
  }
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/** The message for a file over the limit; `size` undefined when it was found while reading. */
export function tooLarge(size: number | undefined, limit: number): ReadProblem {
  const what = size === undefined ? `has more than ${formatSize(limit)}` : `is ${formatSize(size)}`;
  const why = limit >= MAX_FILE_SIZE_LIMIT ? `over ${formatSize(limit)}, the most kapi can read as text`
    : `over the limit of ${formatSize(limit)}; raise it with --max-file-size BYTES (K, M, G suffixes)`;
  return { code: 'too-large', message: `file ${what}, ${why}` };
}

/** Stats a path (following symlinks) and refuses what is not a regular file. */
export function statRegular(path: string): Stats | ReadProblem {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return unreadable(e);
  }
  return st.isFile() ? st : notRegular(st);
}

/** Opens a regular file without blocking; the fd, its size and its stats, or why it is not read. */
export function openRegular(path: string, limit: number): { fd: number; size: number; st: Stats } | ReadProblem {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  let problem: ReadProblem | undefined;
  let size = 0;
  let st: Stats | undefined;
  try {
    st = fstatSync(fd);
    if (!st.isFile()) problem = notRegular(st);
    else if (st.size > limit) problem = tooLarge(st.size, limit);
    else size = st.size;
  } catch (e) {
    problem = unreadable(e);
  }
  if (problem) {
    closeSync(fd);
    return problem;
  }
  return { fd, size, st: st! };
}

/**
 * Reads an open file to its end, never more than `limit` bytes: into `buf` when the file fits
 * it, else into a buffer of its own (so a shared buffer never grows). `have` bytes of the file
 * are already at the start of `buf`. `shortReadEnds` takes a short read for the end, as it is
 * on ordinary filesystems; without it (debugfs and other pseudo files, which report size 0 and
 * read in pieces) reading goes on until a read returns 0. Returns the bytes read, or undefined
 * when the file turned out longer than `limit`.
 */
export function readOpen(fd: number, size: number, limit: number, opts: { buf?: Buffer; have?: number; shortReadEnds?: boolean } = {}): Buffer | undefined {
  let len = opts.have ?? 0;
  // Room for the file and one byte more, which shows where it ends.
  let buf = opts.buf && opts.buf.length > size ? opts.buf : Buffer.allocUnsafe(Math.min(limit + 1, Math.max(size + 1, len + 1, 1 << 16)));
  if (len && buf !== opts.buf) opts.buf!.copy(buf, 0, 0, len);
  for (;;) {
    const cap = Math.min(buf.length, limit + 1);
    if (len >= cap) {
      if (len > limit) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, len * 2));
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
      continue;
    }
    const room = cap - len;
    const n = readSync(fd, buf, len, room, null);
    len += n;
    if (n === 0 || (opts.shortReadEnds && n < room)) break;
  }
  return buf.subarray(0, len);
}

/** A regular file's bytes, read whole within the limit, or why they were not read. */
export function readRegular(path: string, limits: ReadLimits = {}): Buffer | ReadProblem {
  const st = statRegular(path);
  if (isProblem(st)) return st;
  const limit = limitOf(limits);
  const o = openRegular(path, limit);
  if (isProblem(o)) return o;
  try {
    return readOpen(o.fd, o.size, limit) ?? tooLarge(undefined, limit);
  } catch (e) {
    return unreadable(e);
  } finally {
    closeSync(o.fd);
  }
}

/** A regular file's text; see readRegular. */
export function readRegularText(path: string, limits: ReadLimits = {}, encoding: BufferEncoding = 'utf8'): string | ReadProblem {
  const b = readRegular(path, limits);
  return isProblem(b) ? b : b.toString(encoding);
}
