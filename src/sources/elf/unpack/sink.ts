// The output of a decompressor: a buffer that grows up to a byte limit, with a deadline checked
// as it grows. Corrupt or hostile input ends in an UnpackError naming the input offset, never in
// unbounded memory or time.

/** Decompressed data larger than this is refused (a real vmlinux is well under 100 MiB). */
export const MAX_UNPACKED = 512 * 1024 * 1024;
/** Wall-clock limit of one decompression. */
export const MAX_UNPACK_MS = 60_000;

export class UnpackError extends Error {
  /** `offset` is a position in the compressed input (bytes from its start). */
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export interface Limits { maxBytes: number; deadline: number }

export function limits(maxBytes = MAX_UNPACKED, ms = MAX_UNPACK_MS): Limits {
  return { maxBytes, deadline: Date.now() + ms };
}

const MiB = 1024 * 1024;

export class Sink {
  buf: Buffer;
  /** Bytes written. */
  n = 0;
  private nextCheck = MiB;

  constructor(readonly lim: Limits, hint = 0) {
    this.buf = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(hint, lim.maxBytes)));
  }

  /** Room for `k` more bytes; `at` is the input offset blamed when the limit is hit. */
  ensure(k: number, at: number): void {
    const need = this.n + k;
    if (need > this.buf.length) {
      if (need > this.lim.maxBytes) {
        throw new UnpackError(`the data decompresses to more than ${Math.round(this.lim.maxBytes / MiB)} MiB, kapi's limit: not read`, at);
      }
      const b = Buffer.allocUnsafe(Math.min(this.lim.maxBytes, Math.max(need, this.buf.length * 2)));
      b.set(this.buf.subarray(0, this.n));
      this.buf = b;
    }
    if (need >= this.nextCheck) {
      this.nextCheck = need + MiB;
      if (Date.now() > this.lim.deadline) throw new UnpackError('decompression took longer than kapi allows: not read', at);
    }
  }

  byte(b: number, at: number): void {
    this.ensure(1, at);
    this.buf[this.n++] = b;
  }

  bytes(src: Uint8Array, from: number, len: number, at: number): void {
    this.ensure(len, at);
    if (len < 32) for (let i = 0; i < len; i++) this.buf[this.n + i] = src[from + i]!;
    else this.buf.set(src.subarray(from, from + len), this.n);
    this.n += len;
  }

  /** Copies `len` bytes from `dist` bytes back (overlapping copies repeat the pattern). */
  match(dist: number, len: number, at: number): void {
    this.ensure(len, at);
    const b = this.buf;
    let o = this.n;
    let s = o - dist;
    // Short copies byte by byte: a copyWithin call costs more than a few bytes do.
    if (dist >= len && len >= 32) b.copyWithin(o, s, s + len);
    else for (const end = o + len; o < end;) b[o++] = b[s++]!;
    this.n += len;
  }

  result(): Buffer {
    return this.buf.subarray(0, this.n);
  }
}
