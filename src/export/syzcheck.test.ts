// The syzlang checker on its fixtures (src/export/testdata/syzlang): one small description per
// rule, each ending in `# expect:` lines with the exact `FILE:LINE:COL: MESSAGE` it must report,
// or `# expect: valid`. Constants are known from kapi's uapi table, as syzkaller's .const files.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { UAPI_CONSTS } from '../sources/consts/generated.js';
import { repoPath } from '../testutil.js';
import { checkSyzlang, rangeFits } from './syzcheck.js';

const DIR = 'src/export/testdata/syzlang';
const files = readdirSync(repoPath(DIR)).filter((f) => f.endsWith('.txt')).sort();

function expectations(text: string): string[] | 'valid' {
  const lines = text.split('\n').filter((l) => l.startsWith('# expect: ')).map((l) => l.slice('# expect: '.length));
  return lines.length === 1 && lines[0] === 'valid' ? 'valid' : lines;
}

describe('syzlang checker fixtures', () => {
  it('has valid and invalid fixtures, each with its expectation', () => {
    assert.ok(files.filter((f) => f.startsWith('valid-')).length >= 6);
    assert.ok(files.filter((f) => f.startsWith('invalid-')).length >= 60);
    for (const f of files) {
      assert.match(f, /^(valid|invalid)-[a-z0-9-]+\.txt$/);
      const text = readFileSync(repoPath(`${DIR}/${f}`), 'utf8');
      assert.match(text, /^# rule: \S/, `${f} names its rule on line 1`);
      const want = expectations(text);
      if (f.startsWith('valid-')) assert.equal(want, 'valid', f);
      else assert.ok(Array.isArray(want) && want.length > 0 && want.every((w) => w.startsWith(`${f}:`)), f);
    }
  });
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(repoPath(`${DIR}/${f}`), 'utf8');
      const want = expectations(text);
      const got = checkSyzlang(text, { file: f, consts: UAPI_CONSTS });
      assert.deepEqual(got, want === 'valid' ? [] : want);
    });
  }
  it('the export before the fix fails exactly as syzkaller reported: 13 errors, flags and len with a base type', () => {
    const f = 'invalid-export-before-fix.txt';
    const got = checkSyzlang(readFileSync(repoPath(`${DIR}/${f}`), 'utf8'), { file: f, consts: UAPI_CONSTS });
    assert.equal(got.length, 13);
    assert.equal(got.filter((l) => /: flags takes 1 argument \(SET\) as a syscall argument, found 2: a base type/.test(l)).length, 8);
    assert.equal(got.filter((l) => /: len takes 1 argument \(TARGET\) as a syscall argument, found 2: a base type/.test(l)).length, 5);
  });
});

describe('syzlang checker details', () => {
  it('every message names FILE:LINE:COL', () => {
    assert.deepEqual(checkSyzlang('sync()\nclose(fd nope)\n', { file: 'x.txt' }), ['x.txt:2:10: unknown type nope']);
    assert.deepEqual(checkSyzlang('\tclose(fd fd_x)\n'), ['input.txt:1:11: unknown type fd_x']);
  });
  it('the second phase runs only when declarations and types passed, as in syzkaller', () => {
    // an unused flag set is a phase-2 error: it is not reported while a type error stands
    const r = checkSyzlang('unused = 1, 2\nclose(fd nope)\n');
    assert.deepEqual(r, ['input.txt:2:10: unknown type nope']);
    assert.deepEqual(checkSyzlang('unused = 1, 2\nclose(fd fd)\n'), ['input.txt:1:1: flag set unused is not used by any syscall']);
  });
  it('without consts, a constant name needs a define; with consts it may be known', () => {
    const text = 'fcntl(fd fd, cmd const[F_GETFD])\n';
    assert.equal(checkSyzlang(text).length, 1);
    assert.deepEqual(checkSyzlang(text, { consts: { F_GETFD: 1n } }), []);
    assert.deepEqual(checkSyzlang(`define F_GETFD 1\n${text}`), []);
  });
  it('the syscall table can be replaced or switched off, and fd can be left undeclared only as told', () => {
    assert.equal(checkSyzlang('kapi_x()\n').length, 1);
    assert.deepEqual(checkSyzlang('kapi_x()\n', { syscalls: null }), []);
    assert.deepEqual(checkSyzlang('close(fd fd)\n', { external: {} }), ['input.txt:1:10: unknown type fd']);
  });
  it('CRLF line ends and tabs read as syzkaller reads them', () => {
    assert.deepEqual(checkSyzlang('s {\r\n\ta\tint32\r\n}\r\ntime(t ptr[out, s])\r\n'), []);
  });
  it('ranges fit signed or unsigned integers of the size, as syzkaller decides', () => {
    assert.ok(rangeFits(0n, 255n, 8));
    assert.ok(rangeFits(-127n, 127n, 8));
    assert.ok(!rangeFits(-128n, 127n, 8), "syzkaller's signed test is one short at the bottom");
    assert.ok(!rangeFits(-1n, 255n, 8));
    assert.ok(!rangeFits(0n, 256n, 8));
    assert.ok(rangeFits(0n, (1n << 64n) - 1n, 64));
    assert.deepEqual(checkSyzlang('alarm(s int32[-5:5])\n'), []);
    assert.equal(checkSyzlang('alarm(s int8[-129:0])\n').length, 1);
  });
});

describe('syzlang checker robustness', () => {
  const corpus = readFileSync(repoPath('src/export/testdata/syzlang-corpus.txt'), 'utf8');
  const pieces = ['(', ')', '[', ']', '{', '}', ',', ':', '=', '\n', '\t', ' ', '#', '"', '`', "'", '-', '$',
    'fd', 'int32', 'ptr', 'in', 'opt', 'flags', 'len', 'const', 'array', 'resource', 'define', 'struct', 'x', '0x1', '7'];
  it('never throws on arbitrary text, and always answers with positioned messages', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      for (const line of checkSyzlang(parts.join(''))) assert.match(line, /^input\.txt:\d+:\d+: \S/);
    }), { numRuns: 500 });
  });
  it('never throws on the corpus export with a stretch cut out or repeated', () => {
    fc.assert(fc.property(fc.nat(corpus.length), fc.nat(200), fc.boolean(), (at, n, dup) => {
      const text = dup ? corpus.slice(0, at + n) + corpus.slice(at) : corpus.slice(0, at) + corpus.slice(at + n);
      for (const line of checkSyzlang(text)) assert.match(line, /^input\.txt:\d+:\d+: \S/);
    }), { numRuns: 300 });
  });
});
