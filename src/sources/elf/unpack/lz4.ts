// LZ4 in the legacy frame the kernel uses (`lz4 -l`): the magic 0x184C2102, then blocks, each a
// little-endian u32 compressed size and an independent LZ4 block of at most 8 MiB; the magic may
// repeat between blocks (concatenated frames). The x86 build appends the 4-byte uncompressed size,
// which is taken as the end.

import { Sink, UnpackError, type Limits } from './sink.js';

export const LZ4_LEGACY_MAGIC = 0x184c2102;
const BLOCK_MAX = 8 * 1024 * 1024;

const bad = (what: string, ip: number) => new UnpackError(`corrupt LZ4 block: ${what}`, ip);

/**
 * Decodes the LZ4 block `src[from, end)` into `dst` at `start`, writing below `cap`; returns the
 * end of the output, or a negative input offset minus one when the output would pass `cap`.
 * Locals only (no closure captures them): this loop is where a distribution kernel's 50 MiB go.
 */
function decodeBlock(src: Uint8Array, from: number, end: number, dst: Uint8Array, start: number, cap: number): number {
  let op = start;
  let ip = from;
  for (;;) {
    if (ip >= end) throw bad('the block ends before its last literals', ip);
    const token = src[ip++]!;
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= end) throw bad('a literal length runs past the block', ip);
        b = src[ip++]!;
        lit += b;
      } while (b === 255);
    }
    if (ip + lit > end) throw bad(`${lit} literals run past the block`, ip);
    if (op + lit > cap) return -ip - 1;
    if (lit < 32) for (let k = 0; k < lit; k++) dst[op++] = src[ip++]!;
    else {
      dst.set(src.subarray(ip, ip + lit), op);
      op += lit;
      ip += lit;
    }
    if (ip === end) return op; // the last sequence has literals only
    if (ip + 2 > end) throw bad('a match offset is cut short', ip);
    const dist = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    if (dist === 0 || dist > op - start) throw bad(`match offset ${dist} points before the block`, ip);
    let len = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= end) throw bad('a match length runs past the block', ip);
        b = src[ip++]!;
        len += b;
      } while (b === 255);
    }
    if (op + len > cap) return -ip - 1;
    let m = op - dist;
    if (len < 32 || dist < len) for (const e = op + len; op < e;) dst[op++] = dst[m++]!;
    else {
      dst.copyWithin(op, m, m + len);
      op += len;
    }
  }
}

/** One block appended to `out`, with room for the largest block made first (within the limit). */
function block(src: Uint8Array, from: number, end: number, out: Sink): void {
  const room = Math.min(BLOCK_MAX, out.lim.maxBytes - out.n);
  out.ensure(room, from);
  const r = decodeBlock(src, from, end, out.buf, out.n, out.n + room);
  if (r < 0) {
    throw room < BLOCK_MAX
      ? new UnpackError(`the data decompresses to more than ${Math.round(out.lim.maxBytes / 2 ** 20)} MiB, kapi's limit: not read`, -r - 1)
      : bad('the block decompresses to more than 8 MiB', -r - 1);
  }
  out.n = r;
}

export function unlz4Legacy(src: Uint8Array, lim: Limits): Buffer {
  const le32 = (o: number) => (src[o]! | (src[o + 1]! << 8) | (src[o + 2]! << 16) | (src[o + 3]! << 24)) >>> 0;
  // The x86 build's appended size, when plausible, sizes the output at once.
  const tail = src.length >= 8 ? le32(src.length - 4) : 0;
  const out = new Sink(lim, tail > src.length && tail <= lim.maxBytes ? tail + BLOCK_MAX : src.length * 4);
  let ip = 0;
  let blocks = 0;
  while (ip + 4 <= src.length) {
    const n = le32(ip);
    if (n === LZ4_LEGACY_MAGIC) {
      ip += 4;
      continue;
    }
    // The last four bytes, after at least one block, are the appended size.
    if (ip + 4 === src.length && blocks > 0) break;
    if (n === 0 || n > src.length - ip - 4) throw new UnpackError(`LZ4 block size ${n} at input offset ${ip} runs past the end of the data (${src.length - ip - 4} bytes left)`, ip);
    block(src, ip + 4, ip + 4 + n, out);
    ip += 4 + n;
    blocks++;
  }
  if (blocks === 0) throw new UnpackError('LZ4 data without a block', ip);
  return out.result();
}
