// Hostile strace logs: 400k-character lines of every shape that made a regular expression
// backtrack, random lines with huge runs of spaces, parentheses and quotes (property test), the
// hand-written readers against the regular expressions they replace (on short lines, where those
// are fast), and a second <unfinished ...> on one pid. Tests yield between lines, so a slow line
// fails its test by the generous timeout instead of hanging the run; the CLI run is killed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { readSourcePath } from '../sources/index.js';
import { repoPath } from '../testutil.js';
import { argValue, Checker } from './check.js';
import { linePrefix, resultTail, TraceParser } from './parse.js';

const N = 400_000;
const dir = mkdtempSync(join(tmpdir(), 'kapi-hostile-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = async (): Promise<ApiSpec[]> => readSourcePath(repoPath('specs'), new DiagSink());

/** Each shape, and what the parser must make of it: an event, a problem, or a call left pending. */
const SHAPES: [string, string, 'event' | 'problem' | 'pending'][] = [
  ['the issue: spaces before <unfinished ...>', `read(1${' '.repeat(N)}x <unfinished ...>`, 'pending'],
  ['commas and spaces before <unfinished ...>', `read(1${', '.repeat(N / 2)}x <unfinished ...>`, 'pending'],
  ['spaces after an errno', `read(1) = -1 EFOO${' '.repeat(N)}x`, 'problem'],
  ['spaces after the result', `read(1) = 0${' '.repeat(N)}x`, 'problem'],
  ['unclosed result texts', `read(1) = 0${' ('.repeat(N / 2)}`, 'problem'],
  ['an unclosed result text', `read(1) = 0 (${'a'.repeat(N)}`, 'problem'],
  ['result tails over and over', `read(1${') = 0 '.repeat(N / 6)}`, 'event'],
  ['parentheses never closed', `read(${'('.repeat(N)}`, 'problem'],
  ['closing parentheses', `read(${')'.repeat(N)} = 0`, 'event'],
  ['quotes', `read(${'"'.repeat(N)}) = 0`, 'event'],
  ['escaped quotes', `read(${'"\\'.repeat(N / 2)}) = 0`, 'problem'],
  ['comments never closed', `read(${'/*'.repeat(N / 2)}, 1, 2) = 0`, 'event'],
  ['comments in an argument', `read(1, 0x1 ${'/* '.repeat(N / 3)}, 3) = 0`, 'event'],
  ['spaces in a pid prefix', `[pid${' '.repeat(N)}1] read(1) = 0`, 'event'],
  ['a huge pid', `${'1'.repeat(N)} read(1) = 0`, 'problem'],
  ['a huge timestamp', `${'1'.repeat(N / 2)}.${'1'.repeat(N / 2)} read(1) = 0`, 'event'],
  ['colons in a timestamp', `12 ${'17:04:'.repeat(N / 6)} read(1) = 0`, 'problem'],
  ['spaces after resumed>', `<... read resumed>${' '.repeat(N)}x`, 'problem'],
  ['a huge name resumed', `<... ${'a'.repeat(N)} resumed>) = 0`, 'problem'],
  ['a huge name', `${'a'.repeat(N)}(`, 'problem'],
  ['huge numbers', `read(1, ${'9'.repeat(N / 2)}) = ${'9'.repeat(N / 2)}`, 'problem'],
  ['a huge argument', `read(${'9'.repeat(N)}, 1, 2) = 0`, 'event'],
  ['a huge flag expression', `read(0, 1, ${'O_RDONLY|'.repeat(N / 9)}0) = 0`, 'event'],
  ['a long valid string', `write(1, "${'a'.repeat(N)}", ${N}) = ${N}`, 'event'],
  ['signal markers', `--- ${' ---'.repeat(N / 4)}`, 'event'],
  ['tabs and spaces', `read(1,${' \t'.repeat(N / 2)}) =${' \t'.repeat(N / 2)}0`, 'event'],
];

describe('hostile strace lines', () => {
  it(`${SHAPES.length} shapes of ${N}-character lines: each read once, in linear time`, { timeout: 120_000 }, async () => {
    const specs = await corpus();
    for (const [what, line, expected] of SHAPES) {
      const got: string[] = [];
      const checker = new Checker(specs);
      const p = new TraceParser(undefined, { event: (e) => (checker.check(e), got.push('event')), problem: () => got.push('problem'), other: () => got.push('event') });
      p.push(line);
      if (!got.length) got.push('pending');
      assert.deepEqual(got, [expected], what);
      await tick();
    }
  });

  it('the same lines through kapi check-trace, one log each, killed if it takes minutes', { timeout: 180_000 }, () => {
    const logs = SHAPES.map(([, line], i) => {
      const log = join(dir, `hostile-${i}.log`);
      writeFileSync(log, `${line}\nclose(3) = 0\n`);
      return log;
    });
    const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'check-trace', '-q', '-f', 'json', ...logs], { encoding: 'utf8', timeout: 150_000, maxBuffer: 1 << 30 });
    assert.equal(r.signal, null, 'kapi check-trace was killed: too slow');
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.summary.close.calls, SHAPES.length, 'the good line after each is still read');
    const problems = new Set(j.problems.map((p: { file: string; line: number }) => `${p.file}:${p.line}`));
    SHAPES.forEach(([what, , expected], i) => assert.equal(problems.has(`${logs[i]!}:1`), expected !== 'event', what));
  });

  it('argument values of huge texts are no values, and cheap', { timeout: 60_000 }, () => {
    assert.equal(argValue('/*'.repeat(N / 2)), undefined);
    assert.equal(argValue(`0x1 ${'/* x */'.repeat(N / 7)}`), 1n);
    assert.equal(argValue('9'.repeat(N)), undefined);
    assert.equal(argValue(`${'O_RDONLY|'.repeat(N / 9)}0`), undefined);
    assert.equal(argValue('O_RDONLY|O_CLOEXEC /* x */'), 0x80000n);
  });
});

/** Pieces that steer random lines into the parser's states, and runs of them up to 100k long. */
const PIECES = [' ', '\t', '(', ')', '"', "'", ',', '\\', '/*', '*/', '=', ' = ', '-1', '0x1f', '?', 'EFOO', ' (x)', '<0.1>', '<', '>',
  ' <unfinished ...>', '<... read resumed>', ' resumed>', '[pid 3] ', '[pid', ']', '12 ', '17:04:32.5 ', '1700.5 ', '--- ', '+++ ', 'read(', 'a', '9', '|'];
const RUN_CHARS = [' ', '(', ')', '"', ',', '\\', '[', '{', '0', 'a', ' (', '/*', ') = 0 '];
const hostileLine = fc.array(fc.oneof(
  fc.constantFrom(...PIECES),
  fc.tuple(fc.constantFrom(...RUN_CHARS), fc.integer({ min: 1, max: 100_000 })).map(([c, n]) => c.repeat(n)),
), { minLength: 1, maxLength: 12 }).map((xs) => xs.join(''));

describe('hostile strace lines: properties', () => {
  it('random lines with huge runs of spaces, parentheses and quotes never throw or stall', { timeout: 300_000 }, async () => {
    const specs = await corpus();
    await fc.assert(fc.asyncProperty(fc.array(hostileLine, { minLength: 1, maxLength: 4 }), async (lines) => {
      let seen = 0;
      const checker = new Checker(specs);
      const p = new TraceParser(7, { event: (e) => (checker.check(e), seen++), problem: () => seen++, other: () => seen++ });
      for (const l of lines) p.push(l);
      p.finish();
      assert.ok(seen >= 1 && seen <= lines.length * 2, `${seen} results for ${lines.length} lines`);
      assert.equal(p.lines, lines.length);
      await tick();
    }), { numRuns: 150, seed: 20261201 });
  });

  // The regular expressions the hand-written readers replace: exact on short lines, where they are fast.
  const PREFIX = /^(?:\[pid[ \t]+(\d+)\][ \t]+|(\d+)[ \t]+)?(?:(\d{2}:\d{2}:\d{2}(?:\.\d+)?|\d+\.\d+)[ \t]+)?/;
  const RESULT = /^\)[ \t]*=[ \t]*(\?|-?\d+|0x[0-9a-fA-F]+)(?:[ \t]+([A-Z][A-Z0-9_]*)[ \t]*(?:\([^)]*\))?)?(?:[ \t]+\([^)]*\))?(?:[ \t]+<[\d.]+>)?[ \t]*$/;
  const short = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((xs) => xs.join(''));

  it('the prefix reader equals the regular expression it replaces', () => {
    fc.assert(fc.property(short(['[pid', ']', ' ', '\t', '1', '23', ':', '.', '17:04:32', '.5', 'x', '(']), (line) => {
      const m = PREFIX.exec(line)!;
      const pid = m[1] ?? m[2];
      fc.pre(pid === undefined || pid.length <= 10);
      assert.deepEqual(linePrefix(line), { ...(pid !== undefined ? { pid: Number(pid) } : {}), at: m[0].length }, JSON.stringify(line));
    }), { numRuns: 5000, seed: 11 });
  });

  it('the result reader equals the regular expression it replaces', () => {
    fc.assert(fc.property(short([' ', '\t', '=', '?', '-', '1', '0x', 'f', 'E', 'AGAIN', '_', '(', ')', 'x', '<', '>', '.', '2']).map((s) => `)${s}`), (tail) => {
      const m = RESULT.exec(tail);
      const got = resultTail(tail, 0);
      if (!m) return assert.equal(got, undefined, JSON.stringify(tail));
      assert.deepEqual(got, { ...(m[1] !== '?' ? { ret: m[1] } : {}), ...(m[2] ? { errno: m[2] } : {}) }, JSON.stringify(tail));
    }), { numRuns: 5000, seed: 12 });
  });
});

describe('a second <unfinished ...> on one pid', () => {
  const parse = (lines: string[]) => {
    const p = new TraceParser();
    for (const l of lines) p.push(l);
    p.finish();
    return p;
  };
  it('is reported: the first call is never resumed, with both line numbers', () => {
    const p = parse(['10 read(0,  <unfinished ...>', '11 close(3) = 0', '10 write(1, "x", 1 <unfinished ...>', '10 <... write resumed>) = 1']);
    assert.deepEqual(p.events.map((e) => `${e.line} ${e.name}`), ['2 close', '4 write']);
    assert.deepEqual(p.problems, [{ line: 1, message: "'read' is never resumed: line 3 starts 'write' <unfinished ...> on the same pid (10) before it" }]);
  });
  it('without pids too, and the resumed line of the first call is then unpaired', () => {
    const p = parse(['read(0,  <unfinished ...>', 'read(5,  <unfinished ...>', '<... read resumed>"a", 1) = 1', '<... read resumed>"b", 1) = 1']);
    assert.deepEqual(p.events.map((e) => `${e.line} ${e.args[0]}`), ['3 5']);
    assert.deepEqual(p.problems.map((x) => x.line), [1, 4]);
    assert.match(p.problems[0]!.message, /line 2 starts 'read' <unfinished \.\.\.> on the same process/);
  });
  it('unfinished calls on different pids are not confused', () => {
    const p = parse(['1 read(0,  <unfinished ...>', '2 read(0,  <unfinished ...>', '2 <... read resumed>"b", 1) = 1', '1 <... read resumed>"a", 1) = 1']);
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.events.map((e) => `${e.pid} ${e.args[1]}`), ['2 "b"', '1 "a"']);
  });
});
