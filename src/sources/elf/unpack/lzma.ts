// LZMA decoding for the two formats the kernel builds: `.lzma` (lzma-alone: properties,
// dictionary size, a 64-bit size that may be unknown, then one LZMA stream) and `.xz` (the xz
// container with LZMA2 chunks, optionally after the x86 BCJ filter, as scripts/xz_wrap.sh uses).
// The whole output is the dictionary; every distance is checked against what was decoded.
// The range coder and the model follow the LZMA specification (lzma-specification.txt).

import { crc32 } from 'node:zlib';
import { Sink, UnpackError, type Limits } from './sink.js';

export const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

const PROB_INIT = 1024;
const STATES = 12;
const POS_STATES_MAX = 16;
const END_POS_MODEL = 14;
const FULL_DISTANCES = 128;
const ALIGN_BITS = 4;

class RangeDecoder {
  range = 0xffffffff;
  code = 0;
  constructor(readonly src: Uint8Array, public ip: number, readonly end: number) {
    if (end - ip < 5 || src[ip] !== 0) throw new UnpackError('corrupt LZMA data: a bad range coder start', ip);
    for (let i = 1; i < 5; i++) this.code = ((this.code << 8) | src[ip + i]!) >>> 0;
    this.ip += 5;
    if (this.code === this.range) throw new UnpackError('corrupt LZMA data: a bad range coder start', ip);
  }

  private next(): number {
    if (this.ip >= this.end) throw new UnpackError('LZMA data ends early', this.ip);
    return this.src[this.ip++]!;
  }

  bit(p: Uint16Array, i: number): number {
    const prob = p[i]!;
    const bound = (this.range >>> 11) * prob;
    let b: number;
    if (this.code < bound) {
      this.range = bound;
      p[i] = prob + ((2048 - prob) >>> 5);
      b = 0;
    } else {
      this.range -= bound;
      this.code -= bound;
      p[i] = prob - (prob >>> 5);
      b = 1;
    }
    if (this.range < 0x1000000) {
      this.range = (this.range * 256) >>> 0;
      this.code = ((this.code * 256) + this.next()) >>> 0;
    }
    return b;
  }

  direct(n: number): number {
    let r = 0;
    for (let i = 0; i < n; i++) {
      this.range >>>= 1;
      let b = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        b = 1;
      }
      r = ((r << 1) | b) >>> 0;
      if (this.range < 0x1000000) {
        this.range = (this.range * 256) >>> 0;
        this.code = ((this.code * 256) + this.next()) >>> 0;
      }
    }
    return r;
  }

  tree(p: Uint16Array, base: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | this.bit(p, base + m);
    return m - (1 << bits);
  }

  reverse(p: Uint16Array, base: number, bits: number): number {
    let m = 1;
    let r = 0;
    for (let i = 0; i < bits; i++) {
      const b = this.bit(p, base + m);
      m = (m << 1) | b;
      r |= b << i;
    }
    return r;
  }
}

/** Probabilities of a length coder: choice, choice2, low[16][8], mid[16][8], high[256]. */
const LEN_LOW = 2;
const LEN_MID = LEN_LOW + POS_STATES_MAX * 8;
const LEN_HIGH = LEN_MID + POS_STATES_MAX * 8;
const LEN_SIZE = LEN_HIGH + 256;

function lenDecode(rc: RangeDecoder, p: Uint16Array, posState: number): number {
  if (!rc.bit(p, 0)) return rc.tree(p, LEN_LOW + posState * 8, 3);
  if (!rc.bit(p, 1)) return 8 + rc.tree(p, LEN_MID + posState * 8, 3);
  return 16 + rc.tree(p, LEN_HIGH, 8);
}

/** The LZMA model: probabilities, state and the four last distances. */
class Lzma {
  lc = 3;
  lp = 0;
  pb = 2;
  literal = new Uint16Array(0);
  isMatch = new Uint16Array(STATES << 4);
  isRep = new Uint16Array(STATES);
  isRepG0 = new Uint16Array(STATES);
  isRepG1 = new Uint16Array(STATES);
  isRepG2 = new Uint16Array(STATES);
  isRep0Long = new Uint16Array(STATES << 4);
  posSlot = new Uint16Array(4 << 6);
  posDecoders = new Uint16Array(1 + FULL_DISTANCES - END_POS_MODEL);
  align = new Uint16Array(1 << ALIGN_BITS);
  lenCoder = new Uint16Array(LEN_SIZE);
  repLenCoder = new Uint16Array(LEN_SIZE);
  state = 0;
  reps = [0, 0, 0, 0];

  /** Sets lc/lp/pb from a properties byte; false when it is out of range. */
  props(d: number): boolean {
    if (d >= 9 * 5 * 5) return false;
    this.lc = d % 9;
    this.lp = Math.floor(d / 9) % 5;
    this.pb = Math.floor(d / 45);
    return true;
  }

  reset(): void {
    const n = 0x300 << (this.lc + this.lp);
    if (this.literal.length !== n) this.literal = new Uint16Array(n);
    for (const a of [this.literal, this.isMatch, this.isRep, this.isRepG0, this.isRepG1, this.isRepG2, this.isRep0Long,
      this.posSlot, this.posDecoders, this.align, this.lenCoder, this.repLenCoder]) a.fill(PROB_INIT);
    this.state = 0;
    this.reps = [0, 0, 0, 0];
  }

  /**
   * Decodes until `limit` bytes are out (when known) or the end marker. `dictStart` is where the
   * dictionary begins in `out`. Returns true when it stopped at an end marker.
   */
  run(rc: RangeDecoder, out: Sink, dictStart: number, limit: number | undefined, markerAllowed: boolean): boolean {
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    const lc = this.lc;
    const stop = limit === undefined ? Infinity : out.n + limit;
    const reps = this.reps;
    let state = this.state;
    const bad = (what: string) => new UnpackError(`corrupt LZMA data: ${what}`, rc.ip);
    try {
      while (out.n < stop) {
        const pos = out.n - dictStart;
        const posState = pos & pbMask;
        if (!rc.bit(this.isMatch, (state << 4) + posState)) {
          const prev = pos > 0 ? out.buf[out.n - 1]! : 0;
          const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
          let sym = 1;
          if (state >= 7) {
            let matchByte = out.buf[out.n - reps[0]! - 1]!;
            do {
              const mb = (matchByte >>> 7) & 1;
              matchByte <<= 1;
              const b = rc.bit(this.literal, base + ((1 + mb) << 8) + sym);
              sym = (sym << 1) | b;
              if (mb !== b) break;
            } while (sym < 0x100);
          }
          while (sym < 0x100) sym = (sym << 1) | rc.bit(this.literal, base + sym);
          out.byte(sym & 0xff, rc.ip);
          state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
          continue;
        }
        let len: number;
        if (rc.bit(this.isRep, state)) {
          if (pos === 0) throw bad('a repeated match before any data');
          if (!rc.bit(this.isRepG0, state)) {
            if (!rc.bit(this.isRep0Long, (state << 4) + posState)) {
              if (reps[0]! >= pos) throw bad('a repeated match before the data');
              state = state < 7 ? 9 : 11;
              out.byte(out.buf[out.n - reps[0]! - 1]!, rc.ip);
              continue;
            }
          } else {
            let d: number;
            if (!rc.bit(this.isRepG1, state)) d = reps[1]!;
            else {
              if (!rc.bit(this.isRepG2, state)) d = reps[2]!;
              else {
                d = reps[3]!;
                reps[3] = reps[2]!;
              }
              reps[2] = reps[1]!;
            }
            reps[1] = reps[0]!;
            reps[0] = d;
          }
          len = lenDecode(rc, this.repLenCoder, posState);
          state = state < 7 ? 8 : 11;
        } else {
          reps[3] = reps[2]!;
          reps[2] = reps[1]!;
          reps[1] = reps[0]!;
          len = lenDecode(rc, this.lenCoder, posState);
          state = state < 7 ? 7 : 10;
          const lenState = len < 3 ? len : 3;
          const slot = rc.tree(this.posSlot, lenState << 6, 6);
          let dist: number;
          if (slot < 4) dist = slot;
          else {
            const direct = (slot >>> 1) - 1;
            dist = ((2 | (slot & 1)) << direct) >>> 0;
            if (slot < END_POS_MODEL) dist = (dist + rc.reverse(this.posDecoders, dist - slot, direct)) >>> 0;
            else {
              dist = (dist + ((rc.direct(direct - ALIGN_BITS) << ALIGN_BITS) >>> 0)) >>> 0;
              dist = (dist + rc.reverse(this.align, 0, ALIGN_BITS)) >>> 0;
            }
          }
          if (dist === 0xffffffff) {
            if (!markerAllowed) throw bad('an end marker where none may be');
            return true;
          }
          reps[0] = dist;
        }
        len += 2;
        const dist = reps[0]! + 1;
        if (dist > out.n - dictStart) throw bad(`match distance ${dist} points before the data`);
        if (out.n + len > stop) throw bad('a match runs past the declared size');
        out.match(dist, len, rc.ip);
      }
      return false;
    } finally {
      this.state = state;
    }
  }
}

/** `.lzma`: 13-byte header, then one LZMA stream. */
export function unlzma(src: Uint8Array, lim: Limits): Buffer {
  if (src.length < 13) throw new UnpackError('LZMA data ends inside its header', 0);
  const m = new Lzma();
  if (!m.props(src[0]!)) throw new UnpackError(`bad LZMA properties byte 0x${src[0]!.toString(16)}`, 0);
  const lo = (src[5]! | (src[6]! << 8) | (src[7]! << 16) | (src[8]! << 24)) >>> 0;
  const hi = (src[9]! | (src[10]! << 8) | (src[11]! << 16) | (src[12]! << 24)) >>> 0;
  const unknown = lo === 0xffffffff && hi === 0xffffffff;
  const size = hi * 2 ** 32 + lo;
  if (!unknown && size > lim.maxBytes) {
    throw new UnpackError(`the LZMA header says ${size} bytes, more than kapi's limit of ${Math.round(lim.maxBytes / 2 ** 20)} MiB: not read`, 5);
  }
  m.reset();
  const out = new Sink(lim, unknown ? src.length * 4 : size);
  const rc = new RangeDecoder(src, 13, src.length);
  const ended = m.run(rc, out, 0, unknown ? undefined : size, true);
  if (unknown && !ended) throw new UnpackError('LZMA data without an end marker', rc.ip);
  return out.result();
}

// ---- xz -------------------------------------------------------------------------------------

const CHECK_SIZE = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];
const FILTER_X86 = 0x04;
const FILTER_LZMA2 = 0x21;

/** The x86 BCJ filter, decoding direction, over `buf` (positions counted from `start`). */
export function bcjX86(buf: Uint8Array, start: number): void {
  const allowed = [true, true, true, false, true, false, false, false];
  const bitNum = [0, 1, 2, 2, 3, 3, 3, 3];
  const msb = (b: number) => b === 0x00 || b === 0xff;
  if (buf.length <= 4) return;
  const size = buf.length - 4;
  let prevPos = -1;
  let prevMask = 0;
  for (let i = 0; i < size; i++) {
    if ((buf[i]! & 0xfe) !== 0xe8) continue;
    const d = i - prevPos;
    if (d > 3) prevMask = 0;
    else {
      prevMask = (prevMask << (d - 1)) & 7;
      if (prevMask !== 0) {
        const b = buf[i + 4 - bitNum[prevMask]!]!;
        if (!allowed[prevMask] || msb(b)) {
          prevPos = i;
          prevMask = (prevMask << 1) | 1;
          continue;
        }
      }
    }
    prevPos = i;
    if (msb(buf[i + 4]!)) {
      let src = (buf[i + 1]! | (buf[i + 2]! << 8) | (buf[i + 3]! << 16) | (buf[i + 4]! << 24)) >>> 0;
      let dest: number;
      for (;;) {
        dest = (src - ((start + i + 5) >>> 0)) >>> 0;
        if (prevMask === 0) break;
        const j = bitNum[prevMask]! * 8;
        if (!msb((dest >>> (24 - j)) & 0xff)) break;
        src = (dest ^ (2 ** (32 - j) - 1)) >>> 0;
      }
      dest &= 0x01ffffff;
      if (dest & 0x01000000) dest |= 0xfe000000;
      buf[i + 1] = dest & 0xff;
      buf[i + 2] = (dest >>> 8) & 0xff;
      buf[i + 3] = (dest >>> 16) & 0xff;
      buf[i + 4] = (dest >>> 24) & 0xff;
      i += 4;
    } else prevMask = (prevMask << 1) | 1;
  }
}

/** LZMA2 chunks from `ip` up to the end chunk; returns the offset after it. */
function lzma2(src: Uint8Array, ip: number, end: number, out: Sink): number {
  const m = new Lzma();
  let dictStart = out.n;
  let needDict = true;
  let needProps = true;
  for (;;) {
    if (ip >= end) throw new UnpackError('LZMA2 data ends early', ip);
    const at = ip;
    const c = src[ip++]!;
    if (c === 0x00) return ip;
    if (c === 0x01 || c === 0x02) {
      if (ip + 2 > end) throw new UnpackError('LZMA2 data ends inside a chunk header', at);
      const n = ((src[ip]! << 8) | src[ip + 1]!) + 1;
      ip += 2;
      if (c === 0x01) {
        dictStart = out.n;
        needProps = true; // the next LZMA chunk must reset the state
      } else if (needDict) throw new UnpackError('corrupt LZMA2 data: the first chunk does not reset the dictionary', at);
      needDict = false;
      if (ip + n > end) throw new UnpackError('LZMA2 data ends inside an uncompressed chunk', at);
      out.bytes(src, ip, n, ip);
      ip += n;
      continue;
    }
    if (c < 0x80) throw new UnpackError(`corrupt LZMA2 data: control byte 0x${c.toString(16)}`, at);
    if (ip + 4 > end) throw new UnpackError('LZMA2 data ends inside a chunk header', at);
    const usize = ((c & 0x1f) << 16) + ((src[ip]! << 8) | src[ip + 1]!) + 1;
    const csize = ((src[ip + 2]! << 8) | src[ip + 3]!) + 1;
    ip += 4;
    const reset = (c >>> 5) & 3;
    if (reset === 3) {
      dictStart = out.n;
      needDict = false;
    } else if (needDict) throw new UnpackError('corrupt LZMA2 data: the first chunk does not reset the dictionary', at);
    if (reset >= 2) {
      if (ip >= end) throw new UnpackError('LZMA2 data ends inside a chunk header', at);
      const p = src[ip++]!;
      if (!m.props(p) || m.lc + m.lp > 4) throw new UnpackError(`corrupt LZMA2 data: properties byte 0x${p.toString(16)}`, ip - 1);
      needProps = false;
    } else if (needProps) throw new UnpackError('corrupt LZMA2 data: a chunk without properties comes first', at);
    if (reset >= 1) m.reset();
    if (ip + csize > end) throw new UnpackError('LZMA2 data ends inside a chunk', at);
    const rc = new RangeDecoder(src, ip, ip + csize);
    m.run(rc, out, dictStart, usize, false);
    ip += csize;
  }
}

function varint(src: Uint8Array, ip: number, end: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    if (ip >= end) throw new UnpackError('xz data ends inside a number', ip);
    const b = src[ip++]!;
    v += (b & 0x7f) * 2 ** (7 * i);
    if (!(b & 0x80)) return [v, ip];
  }
  throw new UnpackError('xz number longer than 9 bytes', ip);
}

/** `.xz`: stream header, blocks (LZMA2, optionally after x86 BCJ), then the index: one stream. */
export function unxz(src: Uint8Array, lim: Limits): Buffer {
  const end = src.length;
  if (end < 12) throw new UnpackError('xz data ends inside its stream header', 0);
  if (src[6] !== 0 || (src[7]! & 0xf0)) throw new UnpackError('xz stream flags are not supported', 6);
  if (crc32(src.subarray(6, 8)) !== ((src[8]! | (src[9]! << 8) | (src[10]! << 16) | (src[11]! << 24)) >>> 0)) {
    throw new UnpackError('xz stream header CRC32 mismatch', 8);
  }
  const check = src[7]! & 0x0f;
  const out = new Sink(lim, src.length * 4);
  let ip = 12;
  for (;;) {
    if (ip >= end) throw new UnpackError('xz data ends before its index', ip);
    const at = ip;
    if (src[ip] === 0) break; // the index
    const hsize = (src[ip]! + 1) * 4;
    if (ip + hsize > end) throw new UnpackError('xz data ends inside a block header', at);
    const h = src.subarray(ip, ip + hsize);
    const crcAt = hsize - 4;
    if (crc32(h.subarray(0, crcAt)) !== ((h[crcAt]! | (h[crcAt + 1]! << 8) | (h[crcAt + 2]! << 16) | (h[crcAt + 3]! << 24)) >>> 0)) {
      throw new UnpackError('xz block header CRC32 mismatch', at);
    }
    const bflags = h[1]!;
    if (bflags & 0x3c) throw new UnpackError('xz block flags are not supported', at + 1);
    let p = 2;
    if (bflags & 0x40) p = varint(h, p, crcAt)[1];
    if (bflags & 0x80) p = varint(h, p, crcAt)[1];
    const filters: [number, Uint8Array][] = [];
    for (let i = 0; i <= (bflags & 3); i++) {
      const [id, p1] = varint(h, p, crcAt);
      const [n, p2] = varint(h, p1, crcAt);
      if (p2 + n > crcAt) throw new UnpackError('xz filter properties run past the block header', at + p2);
      filters.push([id, h.subarray(p2, p2 + n)]);
      p = p2 + n;
    }
    const last = filters[filters.length - 1]!;
    if (last[0] !== FILTER_LZMA2 || last[1].length !== 1) throw new UnpackError(`xz filter 0x${last[0].toString(16)} where LZMA2 must be last`, at);
    const bcj = filters.slice(0, -1);
    for (const [id, props] of bcj) {
      if (id !== FILTER_X86) throw new UnpackError(`xz filter 0x${id.toString(16)} is not supported (LZMA2 and x86 BCJ are)`, at);
      if (props.length !== 0 && props.length !== 4) throw new UnpackError('bad x86 BCJ filter properties', at);
    }
    ip += hsize;
    const from = out.n;
    const dataAt = ip;
    ip = lzma2(src, ip, end, out);
    while ((ip - dataAt) % 4) {
      if (ip >= end || src[ip] !== 0) throw new UnpackError('bad xz block padding', ip);
      ip++;
    }
    const block = out.buf.subarray(from, out.n);
    for (const [, props] of bcj.reverse()) {
      bcjX86(block, props.length === 4 ? (props[0]! | (props[1]! << 8) | (props[2]! << 16) | (props[3]! << 24)) >>> 0 : 0);
    }
    const cs = CHECK_SIZE[check]!;
    if (ip + cs > end) throw new UnpackError('xz data ends inside a block check', ip);
    if (check === 1) {
      const want = (src[ip]! | (src[ip + 1]! << 8) | (src[ip + 2]! << 16) | (src[ip + 3]! << 24)) >>> 0;
      if (crc32(block) !== want) throw new UnpackError('xz block CRC32 mismatch: the data is corrupt', ip);
    }
    ip += cs;
  }
  return out.result();
}
