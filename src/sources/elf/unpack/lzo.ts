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

/** One LZO1X block `src[from, end)` appended to `out`; it must decode to exactly `want` bytes. */
function lzo1x(src: Uint8Array, from: number, end: number, want: number, out: Sink): void {
  const start = out.n;
  let ip = from;
  const bad = (what: string) => new UnpackError(`corrupt LZO1X block: ${what}`, ip);
  const need = (k: number) => {
    if (ip + k > end) throw bad('the block ends inside an instruction');
  };
  const lits = (k: number) => {
    need(k);
    if (out.n - start + k > want) throw bad('more output than the block header says');
    out.bytes(src, ip, k, ip);
    ip += k;
  };
  const match = (dist: number, len: number) => {
    if (dist <= 0 || dist > out.n - start) throw bad(`match distance ${dist} points before the block`);
    if (out.n - start + len > want) throw bad('more output than the block header says');
    out.match(dist, len, ip);
  };
  /** A length continued in zero bytes and a final byte, added to `base`. */
  const long = (base: number) => {
    let t = 0;
    need(1);
    while (src[ip] === 0) {
      t += 255;
      ip++;
      need(1);
      if (t > want) throw bad('a length longer than the block');
    }
    return t + base + src[ip++]!;
  };
  let state = 0;
  need(1);
  if (src[ip]! > 17) {
    const t = src[ip++]! - 17;
    lits(t);
    state = t < 4 ? t : 4;
  }
  for (;;) {
    need(1);
    let t = src[ip++]!;
    let dist: number;
    let next: number;
    if (t < 16) {
      if (state === 0) {
        lits((t === 0 ? long(15) : t) + 3);
        state = 4;
        continue;
      }
      need(1);
      next = t & 3;
      if (state !== 4) {
        dist = 1 + (t >>> 2) + (src[ip++]! << 2);
        t = 2;
      } else {
        dist = 1 + 0x800 + (t >>> 2) + (src[ip++]! << 2);
        t = 3;
      }
    } else if (t >= 64) {
      need(1);
      next = t & 3;
      dist = 1 + ((t >>> 2) & 7) + (src[ip++]! << 3);
      t = (t >>> 5) + 1;
    } else if (t >= 32) {
      t = (t & 31) + 2;
      if (t === 2) t = long(31) + 2;
      need(2);
      const v = src[ip]! | (src[ip + 1]! << 8);
      ip += 2;
      dist = 1 + (v >>> 2);
      next = v & 3;
    } else {
      const hi = (t & 8) << 11;
      t = (t & 7) + 2;
      if (t === 2) t = long(7) + 2;
      need(2);
      const v = src[ip]! | (src[ip + 1]! << 8);
      ip += 2;
      dist = hi + (v >>> 2);
      next = v & 3;
      if (dist === 0) {
        // The end marker (17 0 0): a length of 3 and nothing left in the block.
        if (t !== 3 || ip !== end) throw bad('a bad end marker');
        if (out.n - start !== want) throw bad(`${out.n - start} bytes decoded where the block header says ${want}`);
        return;
      }
      dist += 0x4000;
    }
    match(dist, t);
    state = next;
    if (next) lits(next);
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
    else lzo1x(src, ip, ip + clen, dlen, out);
    ip += clen;
  }
  return out.result();
}
