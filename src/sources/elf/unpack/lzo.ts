// lzop files (`lzop -9`, as the kernel builds them): the lzop header, then blocks of at most
// 256 KiB, each stored or LZO1X-compressed, until a block of uncompressed size 0. The LZO1X
// decoder follows the kernel's lzo1x_decompress_safe: every length and distance is checked.

import { Sink, UnpackError, type Limits } from './sink.js';

export const LZOP_MAGIC = Buffer.from([0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a]);
const BLOCK_MAX = 256 * 1024;
const F_ADLER32_D = 0x1;
const F_ADLER32_C = 0x2;
const F_H_EXTRA_FIELD = 0x40;
const F_CRC32_D = 0x100;
const F_CRC32_C = 0x200;
const F_H_FILTER = 0x800;

const bad = (what: string, ip: number) => new UnpackError(`corrupt LZO1X block: ${what}`, ip);

/**
 * One LZO1X block `src[from, end)` decoded into `dst` at `start`; it must decode to exactly
 * `want` bytes (`dst` has room for them). Locals only, no closures over the positions: this is
 * the loop a whole kernel goes through.
 */
function lzo1x(src: Uint8Array, from: number, end: number, want: number, dst: Uint8Array, start: number): void {
  const cap = start + want;
  let ip = from;
  let op = start;
  let state = 0;
  if (ip >= end) throw bad('an empty block', ip);
  if (src[ip]! > 17) {
    const t = src[ip++]! - 17;
    if (ip + t > end) throw bad('the block ends inside literals', ip);
    if (op + t > cap) throw bad('more output than the block header says', ip);
    for (let k = 0; k < t; k++) dst[op++] = src[ip++]!;
    state = t < 4 ? t : 4;
  }
  for (;;) {
    if (ip >= end) throw bad('the block ends inside an instruction', ip);
    let t = src[ip++]!;
    let dist: number;
    let next: number;
    if (t < 16) {
      if (state === 0) {
        if (t === 0) {
          // A long literal run: zero bytes of 255 each, then a byte, plus 15.
          while (ip < end && src[ip] === 0) {
            t += 255;
            ip++;
            if (t > want) throw bad('a length longer than the block', ip);
          }
          if (ip >= end) throw bad('the block ends inside a length', ip);
          t += 15 + src[ip++]!;
        }
        t += 3;
        if (ip + t > end) throw bad('the block ends inside literals', ip);
        if (op + t > cap) throw bad('more output than the block header says', ip);
        for (let k = 0; k < t; k++) dst[op++] = src[ip++]!;
        state = 4;
        continue;
      }
      if (ip >= end) throw bad('the block ends inside an instruction', ip);
      next = t & 3;
      if (state !== 4) {
        dist = 1 + (t >>> 2) + (src[ip++]! << 2);
        t = 2;
      } else {
        dist = 1 + 0x800 + (t >>> 2) + (src[ip++]! << 2);
        t = 3;
      }
    } else if (t >= 64) {
      if (ip >= end) throw bad('the block ends inside an instruction', ip);
      next = t & 3;
      dist = 1 + ((t >>> 2) & 7) + (src[ip++]! << 3);
      t = (t >>> 5) + 1;
    } else {
      const m4 = t < 32;
      const hi = m4 ? (t & 8) << 11 : 0;
      t = m4 ? (t & 7) + 2 : (t & 31) + 2;
      if (t === 2) {
        while (ip < end && src[ip] === 0) {
          t += 255;
          ip++;
          if (t > want) throw bad('a length longer than the block', ip);
        }
        if (ip >= end) throw bad('the block ends inside a length', ip);
        t += (m4 ? 7 : 31) + src[ip++]!;
      }
      if (ip + 2 > end) throw bad('the block ends inside an instruction', ip);
      const v = src[ip]! | (src[ip + 1]! << 8);
      ip += 2;
      next = v & 3;
      if (m4) {
        dist = hi + (v >>> 2);
        if (dist === 0) {
          // The end marker (17 0 0): a length of 3 and nothing left in the block.
          if (t !== 3 || ip !== end) throw bad('a bad end marker', ip);
          if (op !== cap) throw bad(`${op - start} bytes decoded where the block header says ${want}`, ip);
          return;
        }
        dist += 0x4000;
      } else dist = 1 + (v >>> 2);
    }
    if (dist > op - start) throw bad(`match distance ${dist} points before the block`, ip);
    if (op + t > cap) throw bad('more output than the block header says', ip);
    let m = op - dist;
    if (t >= 32 && dist >= t) {
      dst.copyWithin(op, m, m + t);
      op += t;
    } else for (const e = op + t; op < e;) dst[op++] = dst[m++]!;
    state = next;
    if (next) {
      if (ip + next > end) throw bad('the block ends inside literals', ip);
      if (op + next > cap) throw bad('more output than the block header says', ip);
      for (let k = 0; k < next; k++) dst[op++] = src[ip++]!;
    }
  }
}

export function unlzop(src: Uint8Array, lim: Limits): Buffer {
  let ip = LZOP_MAGIC.length;
  const bad = (what: string) => new UnpackError(`corrupt lzop data: ${what}`, ip);
  const need = (k: number) => {
    if (ip + k > src.length) throw bad('the data ends inside the header or a block header');
  };
  const u8 = () => (need(1), src[ip++]!);
  const u16 = () => (need(2), ip += 2, (src[ip - 2]! << 8) | src[ip - 1]!);
  const u32 = () => (need(4), ip += 4, ((src[ip - 4]! << 24) | (src[ip - 3]! << 16) | (src[ip - 2]! << 8) | src[ip - 1]!) >>> 0);
  const version = u16();
  u16(); // library version
  if (version >= 0x0940) u16(); // version needed to extract
  const method = u8();
  if (method < 1 || method > 3) throw bad(`compression method ${method} is not LZO1X`);
  if (version >= 0x0940) u8(); // level
  const flags = u32();
  if (flags & F_H_FILTER) u32();
  u32(); // mode
  u32(); // mtime
  if (version >= 0x0940) u32();
  const nameLen = u8();
  need(nameLen + 4);
  ip += nameLen + 4; // name, header checksum
  if (flags & F_H_EXTRA_FIELD) {
    const n = u32();
    need(n + 4);
    ip += n + 4;
  }
  const out = new Sink(lim, src.length * 3);
  for (;;) {
    const dlen = u32();
    if (dlen === 0) break;
    const clen = u32();
    if (dlen > BLOCK_MAX) throw bad(`a block of ${dlen} bytes, more than lzop's 256 KiB`);
    if (clen > dlen || clen === 0) throw bad(`a block of ${clen} compressed bytes for ${dlen}`);
    if (flags & F_ADLER32_D) u32();
    if (flags & F_CRC32_D) u32();
    if (clen < dlen) {
      if (flags & F_ADLER32_C) u32();
      if (flags & F_CRC32_C) u32();
    }
    need(clen);
    if (clen === dlen) out.bytes(src, ip, clen, ip);
    else {
      out.ensure(dlen, ip);
      lzo1x(src, ip, ip + clen, dlen, out.buf, out.n);
      out.n += dlen;
    }
    ip += clen;
  }
  return out.result();
}
