// bzip2 decoding (`bzip2 -9`, as the kernel builds it): "BZh" and a block size, then blocks of
// Huffman-coded MTF/RLE symbols, each inverted through the Burrows-Wheeler transform and checked
// against its CRC, until the end-of-stream marker. One stream; what follows it is ignored.

import { Sink, UnpackError, type Limits } from './sink.js';

const MAX_GROUPS = 6;
const MAX_ALPHA = 258;
const MAX_CODE_LEN = 20;
const MAX_SELECTORS = 18002;
const GROUP_SIZE = 50;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

class Bits {
  private acc = 0;
  private n = 0;
  constructor(readonly src: Uint8Array, public ip: number) {}

  bits(k: number): number {
    while (this.n < k) {
      if (this.ip >= this.src.length) throw new UnpackError('bzip2 data ends early', this.ip);
      this.acc = (this.acc << 8) | this.src[this.ip++]!; // bits above `n` are spent
      this.n += 8;
    }
    this.n -= k;
    return (this.acc >>> this.n) & ((1 << k) - 1);
  }

  bit(): number {
    return this.bits(1);
  }

  /** The byte offset of the next unread bit, for messages. */
  get at(): number {
    return this.ip - (this.n >> 3);
  }
}

interface Table { limit: Int32Array; base: Int32Array; perm: Uint16Array; minLen: number }

function table(lens: Uint8Array, alpha: number): Table {
  let minLen = 32;
  let maxLen = 0;
  for (let i = 0; i < alpha; i++) {
    minLen = Math.min(minLen, lens[i]!);
    maxLen = Math.max(maxLen, lens[i]!);
  }
  const perm = new Uint16Array(MAX_ALPHA);
  let pp = 0;
  for (let l = minLen; l <= maxLen; l++) for (let s = 0; s < alpha; s++) if (lens[s] === l) perm[pp++] = s;
  const count = new Int32Array(MAX_CODE_LEN + 2);
  for (let s = 0; s < alpha; s++) count[lens[s]!]++;
  const limit = new Int32Array(MAX_CODE_LEN + 2).fill(-1);
  const base = new Int32Array(MAX_CODE_LEN + 2);
  let code = 0;
  let idx = 0;
  for (let l = minLen; l <= maxLen; l++) {
    base[l] = code - idx; // a code of length l minus base[l] is its index into perm
    code += count[l]!;
    idx += count[l]!;
    limit[l] = code - 1;
    code <<= 1;
  }
  return { limit, base, perm, minLen };
}

function block(br: Bits, blockMax: number, tt: Uint32Array): { n: number; origPtr: number } {
  const bad = (what: string) => new UnpackError(`corrupt bzip2 block: ${what}`, br.at);
  if (br.bit()) throw bad('randomised blocks (bzip2 0.9.0) are not supported');
  const origPtr = br.bits(24);
  // The symbol map: which byte values occur.
  const used = br.bits(16);
  const seqToUnseq = new Uint8Array(256);
  let inUse = 0;
  for (let i = 0; i < 16; i++) {
    if (!(used & (0x8000 >>> i))) continue;
    const m = br.bits(16);
    for (let j = 0; j < 16; j++) if (m & (0x8000 >>> j)) seqToUnseq[inUse++] = i * 16 + j;
  }
  if (inUse === 0) throw bad('no byte values in use');
  const alpha = inUse + 2;
  const groups = br.bits(3);
  if (groups < 2 || groups > MAX_GROUPS) throw bad(`${groups} Huffman groups`);
  const nSel = br.bits(15);
  if (nSel < 1) throw bad('no selectors');
  const mtfGroups = [0, 1, 2, 3, 4, 5].slice(0, groups);
  const selectors = new Uint8Array(Math.min(nSel, MAX_SELECTORS));
  for (let i = 0; i < nSel; i++) {
    let j = 0;
    while (br.bit()) if (++j >= groups) throw bad('a selector outside the groups');
    const g = mtfGroups.splice(j, 1)[0]!;
    mtfGroups.unshift(g);
    if (i < MAX_SELECTORS) selectors[i] = g;
  }
  const tables: Table[] = [];
  const lens = new Uint8Array(MAX_ALPHA);
  for (let g = 0; g < groups; g++) {
    let len = br.bits(5);
    for (let s = 0; s < alpha; s++) {
      for (;;) {
        if (len < 1 || len > MAX_CODE_LEN) throw bad(`a code length of ${len}`);
        if (!br.bit()) break;
        len += br.bit() ? -1 : 1;
      }
      lens[s] = len;
    }
    tables.push(table(lens, alpha));
  }
  // The symbols: MTF indices with RUNA/RUNB run lengths, up to the end of block.
  const mtf = new Uint8Array(256);
  for (let i = 0; i < 256; i++) mtf[i] = i;
  const counts = new Int32Array(256);
  const eob = inUse + 1;
  let n = 0;
  let run = 0;
  let runBit = 1;
  let sel = 0;
  let left = 0;
  let t = tables[0]!;
  for (;;) {
    if (left === 0) {
      if (sel >= selectors.length) throw bad('more symbols than the selectors cover');
      t = tables[selectors[sel++]!]!;
      left = GROUP_SIZE;
    }
    left--;
    let len = t.minLen;
    let code = br.bits(len);
    while (code > t.limit[len]!) {
      if (++len > MAX_CODE_LEN) throw bad('an invalid Huffman code');
      code = (code << 1) | br.bit();
    }
    const idx = code - t.base[len]!;
    if (idx < 0 || idx >= alpha) throw bad('an invalid Huffman code');
    const sym = t.perm[idx]!;
    if (sym <= 1) {
      run += runBit << sym;
      runBit <<= 1;
      if (run > blockMax) throw bad('a run longer than the block');
      continue;
    }
    if (run) {
      if (n + run > blockMax) throw bad('more data than the block size');
      const b = seqToUnseq[mtf[0]!]!;
      counts[b] += run;
      tt.fill(b, n, n + run);
      n += run;
      run = 0;
      runBit = 1;
    }
    if (sym === eob) break;
    if (n >= blockMax) throw bad('more data than the block size');
    const k = sym - 1;
    const v = mtf[k]!;
    mtf.copyWithin(1, 0, k);
    mtf[0] = v;
    const b = seqToUnseq[v]!;
    counts[b]++;
    tt[n++] = b;
  }
  if (origPtr >= n) throw bad(`origin pointer ${origPtr} outside the ${n}-byte block`);
  // Inverse BWT: link each position to the next.
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    const c = counts[i]!;
    counts[i] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const b = tt[i]! & 0xff;
    tt[counts[b]!]! |= i << 8;
    counts[b]++;
  }
  return { n, origPtr };
}

export function unbzip2(src: Uint8Array, lim: Limits): Buffer {
  if (src.length < 4 || src[0] !== 0x42 || src[1] !== 0x5a || src[2] !== 0x68 || src[3]! < 0x31 || src[3]! > 0x39) {
    throw new UnpackError('not bzip2 data', 0);
  }
  const blockMax = (src[3]! - 0x30) * 100000;
  const tt = new Uint32Array(blockMax);
  const br = new Bits(src, 4);
  const out = new Sink(lim, src.length * 5);
  let streamCrc = 0;
  for (;;) {
    const at = br.at;
    const hi = br.bits(24);
    const lo = br.bits(24);
    const blockCrc = ((br.bits(16) << 16) | br.bits(16)) >>> 0;
    if (hi === 0x177245 && lo === 0x385090) {
      if (blockCrc !== streamCrc) throw new UnpackError('bzip2 stream CRC mismatch: the data is corrupt', at);
      return out.result();
    }
    if (hi !== 0x314159 || lo !== 0x265359) throw new UnpackError('corrupt bzip2 data: no block or end-of-stream marker', at);
    const { n, origPtr } = block(br, blockMax, tt);
    // Walk the links, undoing the initial run-length step (4 equal bytes, then a repeat count).
    let pos = tt[origPtr]! >>> 8;
    let crc = 0xffffffff;
    let prev = -1;
    let same = 0;
    for (let i = 0; i < n; i++) {
      const e = tt[pos]!;
      const b = e & 0xff;
      pos = e >>> 8;
      if (same === 4) {
        out.ensure(b, br.at);
        for (let k = 0; k < b; k++) {
          out.buf[out.n++] = prev;
          crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ prev) & 0xff]!) >>> 0;
        }
        same = 0;
        prev = -1;
        continue;
      }
      same = b === prev ? same + 1 : 1;
      prev = b;
      out.byte(b, br.at);
      crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
    }
    crc = ~crc >>> 0;
    if (crc !== blockCrc) throw new UnpackError('bzip2 block CRC mismatch: the data is corrupt', at);
    streamCrc = (((streamCrc << 1) | (streamCrc >>> 31)) ^ crc) >>> 0;
  }
}
