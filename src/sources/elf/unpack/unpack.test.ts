// The payload decoders against the real compressors (Debian's gzip, bzip2, xz-utils, lz4, lzop,
// zstd), run the way the kernel build runs them: piped (so sizes are unknown), at the kernel's
// levels and filters, with and without the 4-byte size the x86 build appends. Corrupt and
// hostile data must end in an UnpackError, within the size limit; that runs in a child process
// with a timeout, so a decoder that loops fails instead of hanging the suite.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../../testutil.js';
import { COMPRESSORS, PACKAGES, compress, have, withSize } from './compressors.js';
import { formatOf, limits, unpack, UnpackError, type Format } from './index.js';

type Packed = Exclude<Format, 'none'>;

/** Test data: machine code (x86 BCJ has calls to convert), text, repeats and noise. */
function sample(size: number): Buffer {
  const code = readFileSync(process.execPath).subarray(0x100000, 0x100000 + Math.floor(size / 2));
  const text = readFileSync(repoPath('specs/epoll.c'));
  const parts = [code];
  let n = code.length;
  while (n < size * 0.85) {
    parts.push(text);
    n += text.length;
  }
  parts.push(Buffer.alloc(4096, 0x41), randomBytes(Math.max(0, size - n - 4096)));
  return Buffer.concat(parts).subarray(0, size);
}

const FORMATS = Object.keys(COMPRESSORS) as Packed[];
const data = sample(1_200_000);

describe('decoders read what the real compressors write', () => {
  for (const f of FORMATS) {
    const tool = COMPRESSORS[f][0]!;
    const skip = have(tool) ? false : `${tool} is not installed (Debian package ${PACKAGES[f]})`;
    it(`${f} (${COMPRESSORS[f].join(' ')}), piped, with and without the appended size`, { skip }, () => {
      const packed = compress(f, data);
      assert.equal(formatOf(packed), f);
      assert.ok(unpack(f, packed).equals(data), 'without the size');
      assert.ok(unpack(f, withSize(packed, data.length)).equals(data), 'with the size');
    });
  }
  it('lz4 legacy frames of several 8 MiB blocks', { skip: have('lz4') ? false : 'lz4 is not installed' }, () => {
    const big = Buffer.concat(Array.from({ length: 8 }, () => data));
    const packed = compress('lz4', big);
    assert.ok(unpack('lz4', withSize(packed, big.length)).equals(big));
  });
  it('zstd and lzma with the size in their own header (not piped)', { skip: have('zstd') && have('xz') ? false : 'zstd or xz is not installed' }, () => {
    for (const f of ['zstd', 'lzma'] as const) {
      const [cmd, ...args] = COMPRESSORS[f];
      const dir = spawnSync('mktemp', ['-d']).stdout.toString().trim();
      const file = `${dir}/data`;
      spawnSync('sh', ['-c', `cat > ${file}`], { input: data });
      const r = spawnSync(cmd!, [...args, '-c', file], { maxBuffer: 1 << 30 });
      spawnSync('rm', ['-rf', dir]);
      assert.equal(r.status, 0, String(r.stderr));
      assert.ok(unpack(f, r.stdout).equals(data), f);
    }
  });
  it('an unknown format is not taken for one', () => {
    assert.equal(formatOf(Buffer.from('hello world')), undefined);
    assert.equal(formatOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2])), 'none');
  });
});

describe('bad data is an UnpackError, within the limits', () => {
  const zeros = Buffer.alloc(16 << 20);
  for (const f of FORMATS) {
    const tool = COMPRESSORS[f][0]!;
    const skip = have(tool) ? false : `${tool} is not installed (Debian package ${PACKAGES[f]})`;
    it(`${f}: 16 MiB of zeros against a 1 MiB limit`, { skip }, () => {
      const bomb = compress(f, zeros);
      assert.throws(() => unpack(f, bomb, limits(1 << 20)), (e: unknown) => e instanceof UnpackError && /more than 1 MiB/.test(e.message));
    });
  }
  it('mutated and truncated data of every format never throws anything else, and ends', { skip: FORMATS.every((f) => have(COMPRESSORS[f][0]!)) ? false : 'a compressor is missing' }, () => {
    const small = sample(60_000);
    const samples = Object.fromEntries(FORMATS.map((f) => [f, compress(f, small).toString('base64')]));
    // In a child: a decoder that loops is killed by the timeout instead of hanging the suite.
    const code = `
      import fc from 'fast-check';
      import { unpack, UnpackError, limits } from ${JSON.stringify(new URL('./index.js', import.meta.url).href)};
      import { readFileSync } from 'node:fs';
      const samples = JSON.parse(readFileSync(0, 'utf8'));
      let errors = 0;
      for (const [f, b64] of Object.entries(samples)) {
        const src = Buffer.from(b64, 'base64');
        fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean(), (edits, cut, trunc) => {
          const b = Buffer.from(src);
          for (const [p, v] of edits) b[p % b.length] = v;
          const input = trunc ? b.subarray(0, cut % b.length) : b;
          try {
            const out = unpack(f, input, limits(8 << 20, 20000));
            if (!(out instanceof Uint8Array)) throw new Error('not a buffer');
          } catch (e) {
            if (!(e instanceof UnpackError)) throw e;
            if (!Number.isInteger(e.offset) || e.offset < 0) throw new Error('bad offset ' + e.offset);
            errors++;
          }
        }), { numRuns: 250, seed: 10 });
      }
      console.log('errors', errors);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { input: JSON.stringify(samples), encoding: 'utf8', timeout: 240_000, cwd: repoPath('.') });
    assert.equal(r.error, undefined);
    assert.equal(r.signal, null, `the fuzz run was killed (a decoder loops?)\n${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /errors [1-9]\d*/);
  });
});
