// Test helpers: the real compressors, run the way the kernel build runs them (piped, at the
// kernel's levels and filters), and the x86 build's appended size. Used by the decoder and the
// bzImage tests; not part of the reader.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Format } from './index.js';

export type Packed = Exclude<Format, 'none'>;

/** The kernel's command for each format (scripts/Makefile.lib, scripts/xz_wrap.sh). */
export const COMPRESSORS: Record<Packed, string[]> = {
  gzip: ['gzip', '-n', '-f', '-9'],
  bzip2: ['bzip2', '-9'],
  lzma: ['xz', '--format=lzma', '-9'],
  xz: ['xz', '--check=crc32', '--x86', '--lzma2=dict=32MiB'],
  lzo: ['lzop', '-9'],
  lz4: ['lz4', '-l', '-9'],
  zstd: ['zstd', '-22', '--ultra', '-q'],
};

/** The Debian package of each compressor, for skip reasons. */
export const PACKAGES: Record<Packed, string> = {
  gzip: 'gzip', bzip2: 'bzip2', lzma: 'xz-utils', xz: 'xz-utils', lzo: 'lzop', lz4: 'lz4', zstd: 'zstd',
};

export function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Compresses `data` through the tool's stdin, as `cat ... | tool` does. */
export function compress(f: Packed, data: Buffer, extra: string[] = []): Buffer {
  const [cmd, ...args] = COMPRESSORS[f];
  const r = spawnSync(cmd!, [...args, ...extra, '-c'], { input: data, maxBuffer: 1 << 30 });
  assert.equal(r.status, 0, `${COMPRESSORS[f].join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The x86 build's size_append: the uncompressed size, little-endian u32. */
export function withSize(packed: Buffer, size: number): Buffer {
  const t = Buffer.alloc(4);
  t.writeUInt32LE(size);
  return Buffer.concat([packed, t]);
}
