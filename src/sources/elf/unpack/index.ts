// Decompression of kernel payloads: the format is recognised by its magic bytes (the kernel's
// lib/decompress.c table) and decoded with a bounded output and a deadline. gzip goes through
// Node's zlib, zstd through fzstd (pure JavaScript); bzip2, lzma, xz (LZMA2, x86 BCJ), lzop and
// the legacy LZ4 frame are decoded here. Every failure is an UnpackError with an input offset.

import { crc32, inflateRawSync } from 'node:zlib';
import { decompress as zstdDecompress, Decompress as ZstdStream } from 'fzstd';
import { unbzip2 } from './bzip2.js';
import { unlz4Legacy } from './lz4.js';
import { unlzma, unxz, XZ_MAGIC } from './lzma.js';
import { LZOP_MAGIC, unlzop } from './lzo.js';
import { Sink, UnpackError, limits, type Limits } from './sink.js';

export { MAX_UNPACKED, UnpackError, limits, type Limits } from './sink.js';

export type Format = 'gzip' | 'bzip2' | 'lzma' | 'xz' | 'lzo' | 'lz4' | 'zstd' | 'none';

const starts = (b: Uint8Array, magic: readonly number[]) => magic.every((x, i) => b[i] === x);

/** The compression format of `b` by its first bytes, or undefined. 'none' is an ELF file. */
export function formatOf(b: Uint8Array): Format | undefined {
  if (starts(b, [0x1f, 0x8b]) || starts(b, [0x1f, 0x9e])) return 'gzip';
  if (starts(b, [0x42, 0x5a, 0x68])) return 'bzip2';
  if (starts(b, [0x5d, 0x00, 0x00])) return 'lzma';
  if (starts(b, [...XZ_MAGIC])) return 'xz';
  if (starts(b, [...LZOP_MAGIC])) return 'lzo';
  if (starts(b, [0x02, 0x21, 0x4c, 0x18])) return 'lz4';
  if (starts(b, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (starts(b, [0x7f, 0x45, 0x4c, 0x46])) return 'none';
  return undefined;
}

/** Largest zstd window kapi accepts (the kernel's `zstd -22 --ultra` uses 128 MiB). */
const MAX_ZSTD_WINDOW = 256 * 1024 * 1024;

interface ZstdFrame { end: number; contentSize?: number; window: number; single: boolean; bound: number }

/** Walks a zstd frame's header and block headers: where it ends, and what it may produce. */
function zstdFrame(b: Uint8Array, lim: Limits): ZstdFrame {
  const bad = (what: string, at: number) => new UnpackError(`corrupt zstd data: ${what}`, at);
  if (b.length < 6) throw bad('the frame header is cut short', 0);
  const fhd = b[4]!;
  if (fhd & 0x08) throw bad('a reserved frame header bit is set', 4);
  const single = (fhd >>> 5) & 1;
  const fcsFlag = fhd >>> 6;
  const dictBytes = [0, 1, 2, 4][fhd & 3]!;
  let p = 5;
  let window = 0;
  if (!single) {
    const wd = b[p++]!;
    const base = 2 ** (10 + (wd >>> 3));
    window = base + (base / 8) * (wd & 7);
  }
  if (dictBytes) {
    let id = 0;
    for (let i = 0; i < dictBytes; i++) id += (b[p + i] ?? 0) * 2 ** (8 * i);
    if (id) throw new UnpackError(`zstd data needs dictionary ${id}, which a kernel payload never does`, p);
    p += dictBytes;
  }
  const fcsBytes = fcsFlag ? 1 << fcsFlag : single;
  let contentSize: number | undefined;
  if (fcsBytes) {
    if (p + fcsBytes > b.length) throw bad('the frame header is cut short', p);
    let v = 0;
    for (let i = 0; i < fcsBytes; i++) v += b[p + i]! * 2 ** (8 * i);
    contentSize = fcsBytes === 2 ? v + 256 : v;
    p += fcsBytes;
  }
  if (single) window = contentSize ?? 0;
  if (contentSize !== undefined && contentSize > lim.maxBytes) {
    throw new UnpackError(`the zstd frame says ${contentSize} bytes, more than kapi's limit of ${Math.round(lim.maxBytes / 2 ** 20)} MiB: not read`, 4);
  }
  if (window > MAX_ZSTD_WINDOW) throw new UnpackError(`a zstd window of ${Math.round(window / 2 ** 20)} MiB, more than the ${MAX_ZSTD_WINDOW / 2 ** 20} MiB kapi accepts`, 5);
  const blockMax = Math.min(128 * 1024, window || 128 * 1024);
  let bound = 0;
  for (;;) {
    if (p + 3 > b.length) throw bad('the data ends inside a block header', p);
    const h = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
    const type = (h >>> 1) & 3;
    const size = h >>> 3;
    if (type === 3) throw bad('a reserved block type', p);
    const stored = type === 1 ? 1 : size;
    if (size > blockMax && type !== 2) throw bad(`a block of ${size} bytes, more than the ${blockMax} allowed`, p);
    if (p + 3 + stored > b.length) throw bad('the data ends inside a block', p);
    bound += type === 2 ? blockMax : size;
    p += 3 + stored;
    if (h & 1) break;
  }
  if (fhd & 0x04) p += 4; // content checksum
  if (p > b.length) throw bad('the data ends inside the content checksum', b.length);
  return { end: p, ...(contentSize !== undefined ? { contentSize } : {}), window, single: single === 1, bound };
}

function unzstd(src: Uint8Array, lim: Limits): Buffer {
  const f = zstdFrame(src, lim);
  const frame = src.subarray(0, f.end);
  const rest = src.length - f.end;
  // The x86 build appends the uncompressed size: with it (or the frame's own size) the output is
  // decoded in place, which is fast; without either, through the stream decoder and a Sink.
  const trailer = rest === 4 ? (src[f.end]! | (src[f.end + 1]! << 8) | (src[f.end + 2]! << 16) | (src[f.end + 3]! << 24)) >>> 0 : undefined;
  const size = f.contentSize ?? (trailer !== undefined && trailer <= f.bound ? trailer : undefined);
  if (size !== undefined) {
    if (size > lim.maxBytes) throw new UnpackError(`the data decompresses to more than ${Math.round(lim.maxBytes / 2 ** 20)} MiB, kapi's limit: not read`, f.end);
    const out = Buffer.alloc(size);
    zstdDecompress(frame, out);
    return out;
  }
  // The stream decoder keeps a window of the size the header asks for and moves all of it after
  // every block: a piped `zstd -22` asks for 128 MiB. No match reaches before the start of the
  // output, so a window as large as the output can be is the same window; the header is told so.
  let data = frame;
  const need = Math.max(f.bound, 128 * 1024);
  if (!f.single && need < f.window) {
    let d = 0;
    while (d < 255 && 2 ** (10 + (d >>> 3)) * (1 + (d & 7) / 8) < need) d++;
    data = Buffer.from(frame);
    data[5] = d;
  }
  const sink = new Sink(lim, f.bound);
  const s = new ZstdStream((chunk) => sink.bytes(chunk, 0, chunk.length, f.end));
  const step = 1 << 20;
  for (let o = 0; o < data.length; o += step) s.push(data.subarray(o, Math.min(data.length, o + step)), o + step >= data.length);
  return sink.result();
}

/**
 * One gzip member (RFC 1952): the header parsed here, the deflate data through zlib, then the
 * CRC32 and size checked. What follows the member (the x86 build's appended size) is ignored;
 * zlib's own gunzip would take it for a second member.
 */
function gunzip(src: Uint8Array, lim: Limits): Buffer {
  const bad = (what: string, at: number) => new UnpackError(`corrupt gzip data: ${what}`, at);
  if (src.length < 18) throw bad('shorter than a gzip header and trailer', 0);
  if (src[2] !== 8) throw bad(`compression method ${src[2]} is not deflate`, 2);
  const flg = src[3]!;
  let p = 10;
  if (flg & 0x04) p += 2 + (src[10]! | (src[11]! << 8)); // FEXTRA
  for (const bit of [0x08, 0x10]) { // FNAME, FCOMMENT: NUL-terminated
    if (!(flg & bit)) continue;
    while (p < src.length && src[p] !== 0) p++;
    p++;
  }
  if (flg & 0x02) p += 2; // FHCRC
  if (p >= src.length) throw bad('the header runs past the data', 3);
  let out: Buffer;
  let used: number;
  try {
    const r = inflateRawSync(src.subarray(p), { maxOutputLength: lim.maxBytes, info: true, chunkSize: 1 << 20 }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    out = r.buffer;
    used = r.engine.bytesWritten;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE') throw new UnpackError(`the data decompresses to more than ${Math.round(lim.maxBytes / 2 ** 20)} MiB, kapi's limit: not read`, p);
    throw bad(err.message, p);
  }
  const t = p + used;
  if (t + 8 > src.length) throw bad('the data ends before the gzip trailer', t);
  const le32 = (o: number) => (src[o]! | (src[o + 1]! << 8) | (src[o + 2]! << 16) | (src[o + 3]! << 24)) >>> 0;
  if (crc32(out) !== le32(t)) throw bad('CRC32 mismatch', t);
  if ((out.length >>> 0) !== le32(t + 4)) throw bad(`the trailer says ${le32(t + 4)} bytes, ${out.length} were decoded`, t + 4);
  return out;
}

const DECODERS: Record<Exclude<Format, 'none'>, (src: Uint8Array, lim: Limits) => Buffer> = {
  gzip: gunzip, bzip2: unbzip2, lzma: unlzma, xz: unxz, lzo: unlzop, lz4: unlz4Legacy, zstd: unzstd,
};

/** Decompresses `src` in format `f`; throws UnpackError, and nothing else, for bad data. */
export function unpack(f: Exclude<Format, 'none'>, src: Uint8Array, lim: Limits = limits()): Buffer {
  try {
    return DECODERS[f](src, lim);
  } catch (e) {
    if (e instanceof UnpackError) throw e;
    // fzstd reports corrupt data as plain errors; a decoder bug must not pass for bad input
    // elsewhere, but a RangeError from a typed array is what corrupt zstd data can cause too.
    if (f === 'zstd' && e instanceof Error) throw new UnpackError(`corrupt zstd data: ${e.message}`, 0);
    throw e;
  }
}
