// The name table of the tree index (tree.ts) and the cache file it is kept in. In: the first-pass
// facts of every file (defs.ts) and the summaries made so far. Out: one file per tree, read in a
// few calls and decoded only where it is needed: a warm run decodes the file table, looks up
// the names the errno flow asks for (one small bucket each) and parses only the summaries it
// loads.
//
// The file: a 16-byte magic, the format version (u32), the section count (u32), then per section
// its offset and length (u32 each), then the sections:
//   0 meta      JSON {root}
//   1 files     `rel\0` per file, sorted
//   2 defs      `defs\0impls\0` per file of section 1, in its order (the first-pass facts, decoded
//               only when some file changed and the table is rebuilt)
//   3 names     the table's files, `rel\0` each (sites below index them); empty: those of section 1
//   4 buckets   the name table's text: per bucket, `name\tN` or `name\tN:s` lines (one per
//               definition, N indexing section 3, `:s` static)
//   5 offsets   where each bucket starts in section 4 (u32, BUCKETS + 1 of them)
//   6 extra     JSON {syscalls, impls}: the syscall names, sorted, and member -> implementation count
//   7 index     `rel\0hash\0offset\0length\0` per summarised file, into section 8
//   8 summaries the FileSummary JSON of each, UTF-8
//   9 stats     size and mtimeMs of each file of section 1 (f64 each, this machine's byte order)
//  10 hashes    `i\0hash\0` for each file i of section 1 with the hash of a summarised content
// Paths cannot hold NUL; names and sites are ASCII. Anything that does not decode (a foreign or
// truncated file, junk) makes the whole cache absent (rebuilt); a summary that does not parse is
// made again. Written to a temporary file and renamed, so a reader sees an old file or a new one.

import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, renameSync, writeSync, writevSync } from 'node:fs';
import type { FileDefs } from './defs.js';
import type { FileSummary } from './summary.js';

/** Buckets of the name table: a lookup parses one small bucket, never the whole table. */
export const BUCKETS = 1 << 16;

export function bucketOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (BUCKETS - 1);
}

/** A definition site: N indexes the table's files. */
export interface Site { n: number; isStatic: boolean }

/** One builder's share of the name table, encoded (what a worker thread sends back). */
export interface TablePart {
  /** Per bucket, `name\tN[:s]` lines, each ended by a newline. */
  blob: Uint8Array;
  /** Where each bucket starts in blob (BUCKETS + 1). */
  offs: Uint32Array;
  syscalls: string[];
  /** Member -> the functions assigned to it. */
  impls: [string, string[]][];
}

/**
 * Builds a share of the name table from first-pass facts, files in any order (each worker thread
 * has one for the files it scans: the table is built where the scan is, in parallel). The lines
 * are written as bytes as they come, with their buckets; encode() sorts them by bucket.
 */
export class TableBuilder {
  private recs = Buffer.allocUnsafe(1 << 20);
  private len = 0;
  /** Per line: where it starts in recs, and its bucket. */
  private starts = new Uint32Array(1 << 14);
  private buckets = new Uint32Array(1 << 14);
  private lines = 0;
  private implSets = new Map<string, Set<string>>();
  private sys = new Set<string>();
  private count = 0;

  /** The first-pass facts of file n (its index in the table's files). */
  add(n: number, d: FileDefs): void {
    this.count++;
    const s = d.defs, site = String(n);
    for (let i = 0; i < s.length;) {
      let j = s.indexOf(' ', i);
      if (j < 0) j = s.length;
      let e = j;
      const st = e - i > 2 && s.charCodeAt(e - 1) === 0x73 && s.charCodeAt(e - 2) === 0x3a; // `:s`
      if (st) e -= 2;
      this.room(e - i + site.length + 4);
      if (this.lines === this.starts.length) {
        const grow = (a: Uint32Array) => { const b = new Uint32Array(a.length * 2); b.set(a); return b; };
        this.starts = grow(this.starts);
        this.buckets = grow(this.buckets);
      }
      const r = this.recs;
      let at = this.len, h = 0x811c9dc5;
      this.starts[this.lines] = at;
      // Names are ASCII (identifier bytes): one byte each, hashed as bucketOf does.
      for (let k = i; k < e; k++) { const c = s.charCodeAt(k); h = Math.imul(h ^ c, 0x01000193); r[at++] = c; }
      r[at++] = 0x09;
      for (let k = 0; k < site.length; k++) r[at++] = site.charCodeAt(k);
      if (st) { r[at++] = 0x3a; r[at++] = 0x73; }
      r[at++] = 0x0a;
      this.len = at;
      this.buckets[this.lines++] = (h >>> 0) & (BUCKETS - 1);
      if (s.startsWith('sys_', i) || s.startsWith('compat_sys_', i)) this.sys.add(s.slice(i, e));
      i = j + 1;
    }
    if (d.impls) {
      for (const x of d.impls.split(' ')) {
        const eq = x.indexOf('=');
        const m = x.slice(0, eq);
        const set = this.implSets.get(m);
        if (set) set.add(x.slice(eq + 1));
        else this.implSets.set(m, new Set([x.slice(eq + 1)]));
      }
    }
  }

  private room(more: number): void {
    if (this.len + more <= this.recs.length) return;
    const b = Buffer.allocUnsafe(Math.max(this.recs.length * 2, this.len + more));
    this.recs.copy(b, 0, 0, this.len);
    this.recs = b;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  encode(): TablePart {
    const offs = new Uint32Array(BUCKETS + 1);
    const end = (l: number) => (l + 1 < this.lines ? this.starts[l + 1]! : this.len);
    for (let l = 0; l < this.lines; l++) offs[this.buckets[l]! + 1] += end(l) - this.starts[l]!;
    for (let k = 0; k < BUCKETS; k++) offs[k + 1] += offs[k]!;
    const pos = offs.slice();
    const blob = Buffer.allocUnsafe(this.len);
    for (let l = 0; l < this.lines; l++) {
      const b = this.buckets[l]!, a = this.starts[l]!, e = end(l);
      this.recs.copy(blob, pos[b]!, a, e);
      pos[b] += e - a;
    }
    return { blob, offs, syscalls: [...this.sys], impls: [...this.implSets].map(([m, fns]) => [m, [...fns]]) };
  }
}

/**
 * The first pass of every file put together: where each name is defined (in path order), the
 * syscall names, and member -> the number of distinct functions assigned to it. Made of the
 * shares of the builders, or read from the cache file (one share).
 */
export class NameTable {
  readonly syscalls: string[];
  readonly impls: Record<string, number> = Object.create(null) as Record<string, number>;
  private parsed = new Map<number, Map<string, string[]>>();

  private constructor(readonly files: readonly string[], private readonly parts: readonly { blob: Uint8Array; offs: Uint32Array }[], syscalls: string[], impls: Record<string, number>) {
    this.syscalls = syscalls;
    this.impls = impls;
  }

  static of(files: readonly string[], parts: readonly TablePart[]): NameTable {
    const sys = new Set<string>();
    const sets = new Map<string, Set<string>>();
    for (const p of parts) {
      for (const x of p.syscalls) sys.add(x);
      for (const [m, fns] of p.impls) {
        const set = sets.get(m);
        if (set) for (const f of fns) set.add(f);
        else sets.set(m, new Set(fns));
      }
    }
    const impls: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const m of [...sets.keys()].sort(byCode)) impls[m] = sets.get(m)!.size;
    return new NameTable(files, parts.map((p) => ({ blob: p.blob, offs: p.offs })), [...sys].sort(byCode), impls);
  }

  static decoded(files: readonly string[], blob: Uint8Array, offs: Uint32Array, syscalls: string[], impls: Record<string, number>): NameTable {
    return new NameTable(files, [{ blob, offs }], syscalls, impls);
  }

  /** The sites of a name, in path order (the order of `files`), definitions of one file in file order. */
  sites(name: string): Site[] {
    const k = bucketOf(name);
    let b = this.parsed.get(k);
    if (!b) {
      b = new Map();
      for (const p of this.parts) {
        if (p.offs[k] === p.offs[k + 1]) continue;
        for (const line of Buffer.from(p.blob.buffer, p.blob.byteOffset, p.blob.length).toString('latin1', p.offs[k]!, p.offs[k + 1]!).split('\n')) {
          const tab = line.indexOf('\t');
          if (tab <= 0) continue;
          const key = line.slice(0, tab);
          const l = b.get(key);
          if (l) l.push(line.slice(tab + 1));
          else b.set(key, [line.slice(tab + 1)]);
        }
      }
      this.parsed.set(k, b);
    }
    const raw = b.get(name);
    if (!raw) return [];
    const out: Site[] = [];
    for (const x of raw) {
      const st = x.endsWith(':s');
      const n = Number(st ? x.slice(0, -2) : x);
      if (Number.isInteger(n) && n >= 0 && n < this.files.length) out.push({ n, isStatic: st });
    }
    // Shares hold files in any order: a stable sort, so one file's definitions keep theirs.
    return out.length > 1 ? out.sort((a, b2) => a.n - b2.n) : out;
  }

  /** The buckets of every share as one text, with their offsets, for the cache file. */
  encode(): { blob: Buffer; offs: Uint32Array } {
    const toBuf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.length);
    if (this.parts.length === 1) return { blob: toBuf(this.parts[0]!.blob), offs: this.parts[0]!.offs };
    const total = this.parts.reduce((n, p) => n + p.offs[BUCKETS]!, 0);
    const blob = Buffer.allocUnsafe(total);
    const offs = new Uint32Array(BUCKETS + 1);
    let at = 0;
    for (let k = 0; k < BUCKETS; k++) {
      offs[k] = at;
      for (const p of this.parts) {
        const a = p.offs[k]!, e = p.offs[k + 1]!;
        if (e > a) { blob.set(p.blob.subarray(a, e), at); at += e - a; }
      }
    }
    offs[BUCKETS] = at;
    return { blob, offs };
  }
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The cache format version (see INDEX_VERSION in tree.ts for the meaning of what is cached). */
const MAGIC = Buffer.from('kapi tree index\n', 'latin1');
const SECTIONS = 11;
const HEAD = MAGIC.length + 8 + SECTIONS * 8;

export interface CachedFile { rel: string; size: number; mtimeMs: number; hash: string }

/** A cache file read (every part checked for shape; the lazily decoded ones when they are asked for). */
export interface CacheFile {
  files: CachedFile[];
  /** The first-pass facts of files[i], or undefined when the section does not decode. */
  defs(): FileDefs[] | undefined;
  table: NameTable;
  /** The cached summary of a file with the hash it was made from; undefined when none or junk. */
  summary(rel: string): { hash: string; s: FileSummary } | undefined;
  /** The raw bytes of a cached summary (copied as they are into the next cache file). */
  rawSummary(rel: string): { hash: string; bytes: Buffer } | undefined;
  /** Raw sections 2-6 (first-pass facts and name table), to copy when only summaries and hashes changed. */
  raw(): Buffer[];
}

/** UTF-8 text (decoded as Latin-1 when it is all ASCII, which is the same and faster). */
export const textOf = (buf: Buffer): string => (isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8'));

const nulFields = (buf: Buffer, width: number): string[] | undefined => {
  if (!buf.length) return [];
  const f = textOf(buf).split('\0');
  return (f.length - 1) % width === 0 && f[f.length - 1] === '' ? f : undefined;
};

/** Reads `len` bytes at `off` of an open file. */
function readAt(fd: number, off: number, len: number): Buffer {
  const b = Buffer.allocUnsafe(len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, b, got, len - got, off + got);
    if (n === 0) throw new Error('short read');
    got += n;
  }
  return b;
}

/**
 * Reads the cache file of a tree: every section but the first-pass facts, which defs() and raw()
 * read when they are needed (from the same file: its inode, size and mtime are checked). Undefined
 * when it is absent, of another version or root, or does not decode.
 */
export function readCacheFile(path: string, version: number, root: string): CacheFile | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < HEAD) return undefined;
    const head = readAt(fd, 0, HEAD);
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    if (head.readUInt32LE(MAGIC.length) !== version || head.readUInt32LE(MAGIC.length + 4) !== SECTIONS) return undefined;
    const at: [number, number][] = [];
    for (let i = 0; i < SECTIONS; i++) {
      const off = head.readUInt32LE(MAGIC.length + 8 + i * 8), len = head.readUInt32LE(MAGIC.length + 12 + i * 8);
      if (off < HEAD || off + len > st.size) return undefined;
      at.push([off, len]);
    }
    const sec: Buffer[] = at.map(([off, len], i) => (i === 2 ? Buffer.alloc(0) : readAt(fd, off, len)));
    let defsRaw: Buffer | undefined;
    /** Section 2, read from the file if it is still the one read (else this throws). */
    const defsSection = (): Buffer => {
      if (defsRaw) return defsRaw;
      const fd2 = openSync(path, 'r');
      try {
        const st2 = fstatSync(fd2);
        if (st2.ino !== st.ino || st2.dev !== st.dev || st2.size !== st.size || st2.mtimeMs !== st.mtimeMs) throw new Error('the cache file changed');
        defsRaw = readAt(fd2, at[2]![0], at[2]![1]);
      } finally {
        closeSync(fd2);
      }
      return defsRaw;
    };
    const meta = JSON.parse(textOf(sec[0]!)) as { root?: unknown };
    if (meta?.root !== root) return undefined;
    const rels = nulFields(sec[1]!, 1);
    if (!rels) return undefined;
    rels.pop();
    if (sec[9]!.length !== rels.length * 16) return undefined;
    const stats = new Float64Array(rels.length * 2);
    new Uint8Array(stats.buffer).set(sec[9]!);
    const files: CachedFile[] = [];
    for (let i = 0; i < rels.length; i++) {
      const size = stats[2 * i]!, mtimeMs = stats[2 * i + 1]!;
      if (!rels[i] || !Number.isFinite(size) || !Number.isFinite(mtimeMs)) return undefined;
      files.push({ rel: rels[i]!, size, mtimeMs, hash: '' });
    }
    const hashes = nulFields(sec[10]!, 2);
    if (!hashes) return undefined;
    for (let i = 0; i + 2 < hashes.length; i += 2) {
      const f = files[Number(hashes[i])];
      if (f) f.hash = hashes[i + 1]!;
    }
    const names = sec[3]!.length ? nulFields(sec[3]!, 1) : [...rels, ''];
    if (!names) return undefined;
    names.pop();
    if (sec[5]!.length !== (BUCKETS + 1) * 4) return undefined;
    const offs = new Uint32Array(BUCKETS + 1);
    for (let k = 0; k <= BUCKETS; k++) offs[k] = sec[5]!.readUInt32LE(k * 4);
    for (let k = 0; k < BUCKETS; k++) if (offs[k]! > offs[k + 1]!) return undefined;
    if (offs[BUCKETS]! > sec[4]!.length) return undefined;
    const extra = JSON.parse(textOf(sec[6]!)) as { syscalls?: unknown; impls?: unknown };
    const syscalls = extra?.syscalls, implsIn = extra?.impls;
    if (!Array.isArray(syscalls) || !syscalls.every((x) => typeof x === 'string') || !implsIn || typeof implsIn !== 'object' || Array.isArray(implsIn)) return undefined;
    const impls: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const [m, c] of Object.entries(implsIn)) if (typeof c === 'number') impls[m] = c;
    const table = NameTable.decoded(names, sec[4]!, offs, syscalls as string[], impls);
    const ix = nulFields(sec[7]!, 4);
    if (!ix) return undefined;
    const where = new Map<string, { hash: string; off: number; len: number }>();
    for (let i = 0; i + 4 < ix.length; i += 4) {
      const off = Number(ix[i + 2]), len = Number(ix[i + 3]);
      if (Number.isInteger(off) && Number.isInteger(len) && off >= 0 && len >= 0 && off + len <= sec[8]!.length) where.set(ix[i]!, { hash: ix[i + 1]!, off, len });
    }
    const rawSummary = (rel: string) => {
      const w = where.get(rel);
      return w ? { hash: w.hash, bytes: sec[8]!.subarray(w.off, w.off + w.len) } : undefined;
    };
    return {
      files, table, rawSummary,
      raw() {
        return [defsSection(), ...sec.slice(3, 7)];
      },
      defs() {
        let d: string[] | undefined;
        try {
          d = nulFields(defsSection(), 2);
        } catch {
          return undefined;
        }
        if (!d || d.length !== files.length * 2 + 1) return undefined;
        const out: FileDefs[] = [];
        for (let i = 0; i < files.length; i++) out.push({ defs: d[2 * i]!, impls: d[2 * i + 1]! });
        return out;
      },
      summary(rel) {
        const r = rawSummary(rel);
        if (!r) return undefined;
        try {
          const s = JSON.parse(textOf(r.bytes)) as FileSummary;
          return s && Array.isArray(s.functions) ? { hash: r.hash, s } : undefined;
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, b: Buffer): void {
  for (let at = 0; at < b.length;) at += writeSync(fd, b, at, b.length - at);
}

const nul = (xs: readonly (string | number)[]) => xs.join('\0') + (xs.length ? '\0' : '');

/**
 * `x\0` for each string, written straight into one buffer (no joined string in between); as
 * Latin-1 when the strings are known to be ASCII, else UTF-8.
 */
function nulBuffer(xs: readonly string[], ascii: boolean): Buffer {
  let n = 0;
  for (const x of xs) n += (ascii ? x.length : Buffer.byteLength(x, 'utf8')) + 1;
  const b = Buffer.allocUnsafe(n);
  let at = 0;
  for (const x of xs) {
    at += b.write(x, at, ascii ? 'latin1' : 'utf8');
    b[at++] = 0;
  }
  return b;
}

/** What a cache file holds; sections 1-6 either built or copied raw from the file read. */
export interface CacheContent {
  root: string;
  files: readonly CachedFile[];
  /** The first-pass facts of each file, in the order of `files`; or the raw sections 2-6 of the file read, when the files are those it has. */
  defs: readonly FileDefs[] | { raw: Buffer[] };
  table: NameTable;
  summaries: readonly { rel: string; hash: string; bytes: Buffer }[];
}

/** Writes the cache file (a temporary file renamed over it). Throws on an error of the filesystem. */
export function writeCacheFile(path: string, version: number, c: CacheContent): void {
  const stats = new Float64Array(c.files.length * 2);
  const hashes: (string | number)[] = [];
  c.files.forEach((f, i) => {
    stats[2 * i] = f.size;
    stats[2 * i + 1] = f.mtimeMs;
    if (f.hash) hashes.push(i, f.hash);
  });
  const rels = c.files.map((f) => f.rel);
  const sec: Buffer[][] = [
    [Buffer.from(JSON.stringify({ root: c.root }), 'utf8')],
    [nulBuffer(rels, false)],
  ];
  if ('raw' in c.defs) for (const x of c.defs.raw) sec.push([x]);
  else {
    const { blob, offs } = c.table.encode();
    const o = Buffer.alloc(offs.length * 4);
    offs.forEach((x, k) => o.writeUInt32LE(x, k * 4));
    const same = c.table.files.length === rels.length && c.table.files.every((r, i) => r === rels[i]);
    sec.push(
      // First-pass facts are identifiers and `:s`, `=`, ` `: ASCII.
      [nulBuffer(c.defs.flatMap((d) => [d.defs, d.impls]), true)],
      [same ? Buffer.alloc(0) : nulBuffer(c.table.files, false)],
      [blob], [o],
      [Buffer.from(JSON.stringify({ syscalls: c.table.syscalls, impls: c.table.impls }), 'utf8')],
    );
  }
  let at = 0;
  const ix: (string | number)[] = [];
  for (const s of c.summaries) { ix.push(s.rel, s.hash, at, s.bytes.length); at += s.bytes.length; }
  sec.push([Buffer.from(nul(ix), 'utf8')], c.summaries.map((s) => s.bytes), [Buffer.from(stats.buffer, stats.byteOffset, stats.byteLength)], [Buffer.from(nul(hashes), 'utf8')]);
  const parts = sec.flat();
  const lens = sec.map((x) => x.reduce((n, b) => n + b.length, 0));
  if (HEAD + lens.reduce((n, x) => n + x, 0) > 0xffffffff) throw new Error('the index is over 4 GiB');
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head);
  head.writeUInt32LE(version, MAGIC.length);
  head.writeUInt32LE(SECTIONS, MAGIC.length + 4);
  let off = HEAD;
  lens.forEach((len, i) => {
    head.writeUInt32LE(off, MAGIC.length + 8 + i * 8);
    head.writeUInt32LE(len, MAGIC.length + 12 + i * 8);
    off += len;
  });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    // The pieces as they are, in as few calls as writev takes (no copy into one buffer).
    const all = [head, ...parts].filter((b) => b.length);
    for (let i = 0; i < all.length;) {
      const batch = all.slice(i, i + 512);
      let n = writevSync(fd, batch);
      const want = batch.reduce((k, b) => k + b.length, 0);
      // A short write: the rest of this batch, piece by piece.
      for (let j = 0; n < want && j < batch.length; j++) {
        const b = batch[j]!;
        if (n >= b.length) { n -= b.length; continue; }
        writeAll(fd, b.subarray(n));
        for (const rest of batch.slice(j + 1)) writeAll(fd, rest);
        break;
      }
      i += batch.length;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
