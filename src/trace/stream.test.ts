// check-trace on logs of any size: lines split by a bounded reader (any chunking, over-long lines
// counted and skipped, never kept: a half-GiB line without a newline), findings written while the
// log is still being read (a FIFO), memory bounded (a child with a 32 MB heap checks a log of
// 150k findings), JSON problems capped and said so, unreadable logs beside readable ones.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { kapi, repoPath } from '../testutil.js';
import { Checker, MAX_UNCHECKED_NAMES } from './check.js';
import { LineSplitter, MAX_LINE } from './lines.js';
import { MAX_PENDING_BYTES, TraceParser } from './parse.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-stream-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const MAIN = repoPath('dist/src/cli/main.js');
const BADF = 'close(9999) = -1 EBADF (Bad file descriptor)';
/** The corpus' close spec without EBADF: every BADF line is an unlisted-error finding. */
const noBadf = join(dir, 'no-ebadf.c');
writeFileSync(noBadf, readFileSync(repoPath('specs/open.c'), 'utf8').replace(/ \* error: EBADF, fd is not an open descriptor of the caller\n( \*   .*\n)*/, ''));

describe('line reader', () => {
  it('any chunking gives the lines of split("\\n"); longer ones only by length', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\xff', '\x00'), { maxLength: 80 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, fc.array(fc.nat({ max: 80 }), { maxLength: 6 }), fc.integer({ min: 1, max: 12 }), (t, cuts, max) => {
      const got: (string | number)[] = [];
      const s = new LineSplitter({ line: (l) => got.push(l), tooLong: (n) => got.push(n) }, max);
      const buf = Buffer.from(t, 'latin1');
      let at = 0;
      for (const c of [...cuts].sort((a, b) => a - b)) {
        s.push(buf.subarray(at, Math.max(at, Math.min(c, buf.length))));
        at = Math.max(at, Math.min(c, buf.length));
      }
      s.push(buf.subarray(at));
      s.end();
      const want = t.split('\n');
      if (want.at(-1) === '') want.pop();
      assert.deepEqual(got, want.map((l) => (l.length > max ? l.length : l)));
    }), { numRuns: 3000, seed: 31 });
  });

  it('over-long lines are reported by number and length; the lines around them are checked', () => {
    const log = join(dir, 'long.log');
    writeFileSync(log, `${BADF}\n${'x'.repeat(3 << 20)}\n${BADF}\n${'y'.repeat(2 << 20)}`);
    const r = kapi(['check-trace', '-q', '--source', noBadf, log]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.stdout.split('\n').filter((l) => l.startsWith(log)).map((l) => l.slice(log.length)), [
      ':1: unlisted-error: close failed with EBADF, which sys_close does not list (in sys_close)',
      `:2: unreadable: line is ${3 << 20} bytes long, over the limit of ${MAX_LINE}; skipped`,
      ':3: unlisted-error: close failed with EBADF, which sys_close does not list (in sys_close)',
      `:4: unreadable: line is ${2 << 20} bytes long, over the limit of ${MAX_LINE}; skipped`,
    ]);
  });

  it('a log of 513 MiB without a newline (longer than a string can be): one unreadable line, no stack trace', { timeout: 240_000 }, () => {
    const log = join(dir, 'no-newline.log');
    const size = (1 << 29) + (1 << 20);
    const fd = openSync(log, 'w');
    closeSync(fd);
    spawnSync('truncate', ['-s', String(size), log]);
    const r = spawnSync(process.execPath, [MAIN, 'check-trace', '-q', '-f', 'json', log], { encoding: 'utf8', timeout: 200_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout).problems, [{ line: 1, message: `line is ${size} bytes long, over the limit of ${MAX_LINE}; skipped`, file: log }]);
  });
});

/** Waits until `ok()` holds (polling), or fails after `ms`. */
async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await sleep(20)) if (Date.now() > end) assert.fail(what);
}

describe('findings stream', () => {
  for (const format of ['text', 'json']) {
    it(`${format}: the first finding is written while the log is still being written (a FIFO)`, { timeout: 120_000 }, async () => {
      const fifo = join(dir, `live-${format}.log`);
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      const child = spawn(process.execPath, [MAIN, 'check-trace', '-q', '-f', format, '--source', noBadf, fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const closed = new Promise<number | null>((res) => child.on('close', res));
      // Read-write, so opening never blocks; kapi sees the end of the log when it is closed.
      const w = await open(fifo, 'r+');
      try {
        await w.write(`${BADF}\n`);
        await until(() => out.includes('unlisted-error') || child.exitCode !== null, 90_000, 'no finding written before the log ended');
        assert.ok(!/calls|summary/.test(out), 'the summary comes at the end only');
        await w.write(`${BADF}\n`);
      } finally {
        await w.close();
      }
      assert.equal(await closed, 1, err);
      if (format === 'json') assert.equal(JSON.parse(out).summary.close.findings['unlisted-error'], 2);
      else assert.match(out, /^close +2 +2 +0 +0 +0$/m);
    });
  }

  it('memory stays bounded: a 32 MB heap checks a log of 150k findings, JSON written as found', { timeout: 180_000 }, () => {
    const log = join(dir, 'many.log');
    const n = 150_000;
    writeFileSync(log, `${BADF}\n`.repeat(n));
    const outFile = join(dir, 'many.json');
    const out = openSync(outFile, 'w');
    const r = spawnSync(process.execPath, ['--max-old-space-size=32', MAIN, 'check-trace', '-q', '-f', 'json', '--source', noBadf, log], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 150_000 });
    closeSync(out);
    assert.equal(r.status, 1, r.stderr);
    const j = JSON.parse(readFileSync(outFile, 'utf8'));
    assert.equal(j.findings.length, n);
    assert.deepEqual([j.findings[0].line, j.findings[n - 1].line], [1, n]);
    assert.equal(j.summary.close.calls, n);
  });

  it('a closed stdout ends the run quietly', { timeout: 120_000 }, () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${MAIN}" check-trace -q --source "${noBadf}" "${join(dir, 'many.log')}" | head -1`], { encoding: 'utf8', timeout: 100_000 });
    assert.match(r.stdout, /:1: unlisted-error: /);
    assert.doesNotMatch(r.stderr, /Error|\n\s+at /);
  });

  it('JSON keeps the first 1000 unreadable lines and counts the rest; text lists them all', () => {
    const log = join(dir, 'garbage.log');
    writeFileSync(log, `${'garbage\n'.repeat(1500)}${BADF}\n`);
    const j = kapi(['check-trace', '--source', noBadf, '-f', 'json', log]);
    assert.equal(j.code, 1);
    const doc = JSON.parse(j.stdout);
    assert.equal(doc.problems.length, 1000);
    assert.equal(doc.problems_omitted, 500);
    assert.equal(doc.findings[0].line, 1501);
    assert.match(j.stderr, /500 more unreadable lines are not listed in the JSON output/);
    const t = kapi(['check-trace', '-q', '--source', noBadf, log]);
    assert.equal(t.stdout.split('\n').filter((l) => l.includes(': unreadable: not a syscall')).length, 1500);
  });

  it('a log that cannot be read is said, and the others are still checked (exit 2)', () => {
    const good = join(dir, 'good.log');
    writeFileSync(good, `${BADF}\n`);
    const r = kapi(['check-trace', '-q', '--source', noBadf, join(dir, 'missing.log'), dir, '/dev/null', good]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, new RegExp(`^${good}:1: unlisted-error`, 'm'));
    assert.match(r.stderr, /missing\.log: no such file/);
    assert.match(r.stderr, /: is a directory, not a strace log/);
    assert.match(r.stderr, /\/dev\/null: is not a regular file or a pipe/);
    assert.equal(kapi(['check-trace', '-q', dir]).code, 2);
  });
});

describe('nothing kept with a sink', () => {
  it('parser and checker hand everything over', async () => {
    const { DiagSink } = await import('../diag/index.js');
    const { readSourcePath } = await import('../sources/index.js');
    let findings = 0;
    let seen = 0;
    const c = new Checker(await readSourcePath(noBadf, new DiagSink()), () => findings++);
    const p = new TraceParser(undefined, { event: (e) => c.check(e), problem: () => seen++, other: () => seen++ });
    for (let i = 0; i < 100; i++) for (const l of [BADF, 'garbage', '+++ exited with 0 +++']) p.push(l);
    p.finish();
    assert.deepEqual([c.findings.length, p.events.length, p.problems.length, p.others.length], [0, 0, 0, 0]);
    assert.deepEqual([findings, c.count, seen], [100, 100, 200]);
  });

  it('unchecked names are counted one by one up to a bound, the rest together', () => {
    const c = new Checker([]);
    const p = new TraceParser(undefined, (e) => c.check(e));
    for (let i = 0; i < MAX_UNCHECKED_NAMES + 500; i++) p.push(`call${i}() = 0`);
    p.push('call0() = 0');
    assert.equal(c.unchecked.size, MAX_UNCHECKED_NAMES);
    assert.equal(c.unchecked.get('call0'), 2);
    assert.equal(c.uncheckedOther, 500);
  });

  it('unfinished calls are kept up to a bound; the oldest are then dropped and reported', { timeout: 60_000 }, () => {
    const p = new TraceParser();
    const args = 'a'.repeat((1 << 20) - 64);
    const pids = Math.ceil(MAX_PENDING_BYTES / (1 << 20)) + 8;
    for (let pid = 1; pid <= pids; pid++) p.push(`${pid} read(${args} <unfinished ...>`);
    for (let pid = 1; pid <= pids; pid++) p.push(`${pid} <... read resumed>) = 0`);
    const dropped = p.problems.filter((x) => /is not followed: more than 64 MiB of unfinished calls/.test(x.message));
    assert.ok(dropped.length >= 8 && dropped.length < pids, `${dropped.length} dropped`);
    assert.deepEqual(dropped.map((x) => x.line), dropped.map((_, i) => i + 1), 'the oldest first');
    assert.equal(p.events.length, pids - dropped.length);
    assert.equal(p.problems.length, 2 * dropped.length, 'their resumed lines are unpaired');
  });
});
