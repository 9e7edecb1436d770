// Logs as a stream of lines with a maximum length: memory stays bounded whatever the file holds
// (a 1 GiB file without a newline is one over-long line, counted and skipped, never kept). Lines
// end at `\n`; a trailing `\r` is left to the reader. Bytes are read as latin1, one char a byte.

import { createReadStream } from 'node:fs';

/** Longest line handed over; longer ones are reported by length only (strace truncates its own). */
export const MAX_LINE = 1 << 20;

export interface LineSink {
  line(text: string): void;
  /** A line of `bytes` bytes (without its newline) longer than the maximum: not kept. */
  tooLong(bytes: number): void;
}

/** Splits chunks into lines; pure, so it can be fed any chunking. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private len = 0;
  /** In an over-long line: bytes counted so far, parts dropped. */
  private skipping = false;

  constructor(private readonly sink: LineSink, private readonly max = MAX_LINE) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const nl = chunk.indexOf(10, at);
      const end = nl < 0 ? chunk.length : nl;
      this.add(chunk.subarray(at, end));
      if (nl < 0) break;
      this.emit();
      at = nl + 1;
    }
  }

  /** The last line, when the data does not end with a newline. */
  end(): void {
    if (this.len > 0 || this.skipping) this.emit();
  }

  private add(seg: Buffer): void {
    if (seg.length === 0) return;
    this.len += seg.length;
    if (this.skipping) return;
    if (this.len > this.max) {
      this.skipping = true;
      this.parts = [];
      return;
    }
    this.parts.push(seg);
  }

  private emit(): void {
    if (this.skipping) this.sink.tooLong(this.len);
    else this.sink.line(this.parts.length === 1 ? this.parts[0]!.toString('latin1') : Buffer.concat(this.parts, this.len).toString('latin1'));
    this.parts = [];
    this.len = 0;
    this.skipping = false;
  }
}

/**
 * Reads a file (or FIFO) line by line, until its end or until `stop()` says so (checked after each
 * 64 KiB); rejects with the fs error when it cannot be read.
 */
export async function readLines(path: string, sink: LineSink, max = MAX_LINE, stop?: () => boolean): Promise<void> {
  const split = new LineSplitter(sink, max);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    split.push(chunk as Buffer);
    if (stop?.()) return;
  }
  split.end();
}
