// The shared reader: only regular files, never a blocking open, never past the size limit, and a
// shared buffer that never balloons. Real FIFOs, devices, sockets and sparse files in a temp dir.
// What could block (a FIFO, a device) is read in a child process with a timeout: a blocking
// open would stop this process's timers too, so the test fails instead of hanging.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseSize, UsageError } from '../cli/args.js';
import { scanFiles, SHARED_MAX, SHARED_SIZE, type Shared } from './scan.js';
import { DEFAULT_MAX_FILE_SIZE, formatSize, isProblem, openRegular, readOpen, readRegular, readRegularText, type ReadProblem } from './read.js';

const FAST = { timeout: 20_000 };
const dir = mkdtempSync(join(tmpdir(), 'kapi-read-'));
const at = (n: string) => join(dir, n);
let server: Server;

before(async () => {
  execFileSync('mkfifo', [at('fifo')]);
  symlinkSync('/dev/zero', at('zero'));
  symlinkSync(at('fifo'), at('fifo-link'));
  writeFileSync(at('small.c'), 'int x;\n');
  writeFileSync(at('sparse.c'), '');
  truncateSync(at('sparse.c'), 1024 ** 3);
  server = createServer();
  await new Promise<void>((r) => server.listen(at('sock'), r));
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Calls `fn(...args)` of a module of dist/src/sources in a child process, killed after 10 s. */
function inChild(module: string, fn: string, args: unknown[]): unknown {
  const url = new URL(`./${module}`, import.meta.url).href;
  const code = `const m = await import(${JSON.stringify(url)}); const r = m[${JSON.stringify(fn)}](...${JSON.stringify(args)});
    process.stdout.write(JSON.stringify(r, (k, v) => (v && v.type === 'Buffer' ? { bytes: v.data.length } : v)));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 10_000 });
  assert.equal(r.signal, null, `${fn}(${args.join(', ')}) hung`);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function problem(x: unknown): ReadProblem {
  assert.ok(isProblem(x), `expected a problem, got ${typeof x}`);
  return x;
}

describe('only regular files are read', () => {
  const cases: [string, RegExp][] = [
    ['fifo', /^is a FIFO, not a regular file$/],
    ['fifo-link', /^is a FIFO, not a regular file$/],
    ['zero', /^is a character device, not a regular file$/],
    ['sock', /^is a socket, not a regular file$/],
    ['.', /^is a directory, not a regular file$/],
  ];
  for (const [name, re] of cases) {
    it(`${name}: refused without blocking`, FAST, () => {
      const p = problem(inChild('read.js', 'readRegular', [at(name)]));
      assert.equal(p.code, 'not-regular');
      assert.match(p.message, re);
    });
  }
  const block = readdirSync('/dev').map((n) => `/dev/${n}`).find((p) => { try { return statSync(p).isBlockDevice(); } catch { return false; } });
  it('a link to a block device: refused', { ...FAST, skip: block ? false : 'no block device in /dev' }, () => {
    symlinkSync(block!, at('block'));
    const p = problem(inChild('read.js', 'readRegular', [at('block')]));
    assert.equal(p.code, 'not-regular');
    assert.match(p.message, /^is a block device, not a regular file$/);
  });
  it('a FIFO opened without the stat first is still refused, and the open does not block', FAST, () => {
    const p = problem(inChild('read.js', 'openRegular', [at('fifo'), DEFAULT_MAX_FILE_SIZE]));
    assert.equal(p.code, 'not-regular');
  });
  it('a missing file is unreadable with its errno', () => {
    const p = problem(readRegular(at('nonesuch')));
    assert.equal(p.code, 'unreadable');
    assert.equal(p.errno, 'ENOENT');
  });
});

describe('reads are bounded', () => {
  it('a 1 GiB sparse file is refused from its size, before any read', FAST, () => {
    const p = problem(readRegular(at('sparse.c')));
    assert.equal(p.code, 'too-large');
    assert.equal(p.message, 'file is 1073741824 bytes (1 GiB), over the limit of 67108864 bytes (64 MiB); raise it with --max-file-size BYTES (K, M, G suffixes)');
  });
  it('a limit above what Node can hold as text is capped, and the message says so', () => {
    const p = problem(readRegular(at('sparse.c'), { maxFileSize: 4 * 1024 ** 3 }));
    assert.match(p.message, /^file is 1073741824 bytes \(1 GiB\), over \d+ bytes \(.*\), the most kapi can read as text$/);
  });
  it('the limit is the caller\'s', () => {
    assert.equal(readRegularText(at('small.c'), { maxFileSize: 7 }), 'int x;\n');
    assert.equal(problem(readRegularText(at('small.c'), { maxFileSize: 6 })).code, 'too-large');
  });
  it('a pseudo file of size 0 (as debugfs files are) is read to its end', () => {
    const t = readRegularText('/proc/self/status');
    assert.ok(typeof t === 'string' && /^Name:/m.test(t) && /^VmPeak:|^Threads:/m.test(t), String(t));
  });
  it('a pseudo file that turns out longer than the limit is refused while reading', () => {
    const p = problem(readRegularText('/proc/self/status', { maxFileSize: 64 }));
    assert.equal(p.code, 'too-large');
    assert.match(p.message, /^file has more than 64 bytes, over the limit of 64 bytes/);
  });
  it('a file bigger than the shared buffer gets a buffer of its own; the shared one never changes', () => {
    const big = 'x'.repeat(3 << 20);
    writeFileSync(at('big.c'), big);
    const shared = Buffer.alloc(1 << 20, 0x61);
    const o = openRegular(at('big.c'), DEFAULT_MAX_FILE_SIZE);
    assert.ok(!isProblem(o));
    try {
      const view = readOpen(o.fd, o.size, DEFAULT_MAX_FILE_SIZE, { buf: shared, shortReadEnds: true })!;
      assert.equal(view.length, big.length);
      assert.notEqual(view.buffer, shared.buffer);
      assert.equal(shared.length, 1 << 20);
      assert.equal(shared.indexOf(0x78), -1, 'the shared buffer was not written');
    } finally {
      closeSync(o.fd);
    }
  });
  it('sizes are shown in bytes and in binary units', () => {
    assert.equal(formatSize(67108864), '67108864 bytes (64 MiB)');
    assert.equal(formatSize(1536), '1536 bytes (1.5 KiB)');
    assert.equal(formatSize(1), '1 byte');
  });
});

describe('the tree scanner\'s shared buffer', () => {
  const MARK = '\nDEFINE_KERNEL_API_SPEC(sys_x) KAPI_END_SPEC;\n';
  const file = (name: string, bytes: number) => {
    writeFileSync(at(name), `${'/* filler */\n'.repeat(Math.ceil(bytes / 13)).slice(0, bytes)}${MARK}`);
    return at(name);
  };
  it('grows for a file up to SHARED_MAX, never for a bigger one, never for one over the limit', FAST, () => {
    const files = [file('s1.c', 100), file('m3.c', 3 << 20), at('sparse.c'), file('l40.c', 40 << 20), file('s2.c', 100), file('m2.c', 2 << 20)];
    const shared: Shared = { buf: Buffer.allocUnsafe(SHARED_SIZE) };
    const r = scanFiles(files, 'specs', {}, shared);
    assert.deepEqual(r.candidates.map((c) => c.file), ['s1.c', 'm3.c', 'l40.c', 's2.c', 'm2.c'].map(at));
    for (const c of r.candidates) assert.ok(c.text.endsWith(MARK), `${c.file} read whole`);
    assert.deepEqual(r.failures.map((f) => [f.file, f.problem?.code]), [[at('sparse.c'), 'too-large']]);
    // Grown for the 3 MiB file (room for it and the byte that shows its end), not for the 40 MiB one.
    assert.ok(shared.buf.length <= SHARED_MAX);
    assert.equal(shared.buf.length, (3 << 20) + MARK.length + 1);
  });
  it('a FIFO or a device that gets into a scan (the listing keeps them out) neither blocks nor balloons', FAST, () => {
    const r = inChild('scan.js', 'scanFiles', [[at('fifo'), at('zero'), file('after.c', 10)]]) as { candidates: { file: string }[]; failures: { file: string; code: string }[] };
    assert.deepEqual(r.candidates.map((c) => c.file), [at('after.c')]);
    assert.deepEqual(r.failures.map((f) => [f.file, f.code]), [[at('zero'), 'not-regular']]);
  });
  it('a file that fills the buffer exactly is read whole', () => {
    const r = scanFiles([file('exact.c', SHARED_SIZE - MARK.length)], 'specs', {}, { buf: Buffer.allocUnsafe(SHARED_SIZE) });
    assert.equal(r.candidates[0]!.text.length, SHARED_SIZE);
  });
  it('the limit holds in the scan too', () => {
    const r = scanFiles([file('over.c', 5000), file('under.c', 10)], 'specs', { maxFileSize: 4096 });
    assert.deepEqual(r.candidates.map((c) => c.file), [at('under.c')]);
    assert.match(r.failures[0]!.problem!.message, /^file is 5\d{3} bytes .*, over the limit of 4096 bytes \(4 KiB\)/);
  });
});

describe('--max-file-size', () => {
  it('takes bytes with K, M or G', () => {
    assert.equal(parseSize('100'), 100);
    assert.equal(parseSize('10K'), 10240);
    assert.equal(parseSize('64m'), 64 << 20);
    assert.equal(parseSize('4G'), 4 * 1024 ** 3);
  });
  for (const bad of ['0', '-1', '1.5M', 'abc', '', '10T', '0x10', '99999999999999999999', '9999999999G']) {
    it(`refuses '${bad}' as a usage error`, () => {
      assert.throws(() => parseSize(bad), (e: unknown) => e instanceof UsageError && /--max-file-size/.test(e.message));
    });
  }
});
