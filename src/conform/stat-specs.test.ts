// The vocabulary the stat and access specs brought: a constant count in mem:filled, the nosearch,
// loop-below, fuse-getattr-fails, rofs-file and immutable fixtures, the unmapped page that a later buffer cannot take, and the
// entry-point names (newstat is stat). The fixtures are run on this kernel, and on the 6.1 guest
// with KAPI_TEST_KERNEL.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Param } from '../model/types.js';
import { syscallNumber, tableName } from '../sources/consts/index.js';
import { kapi, repoPath } from '../testutil.js';
import { parseEffects } from './effect.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-stat-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const kernel = process.env['KAPI_TEST_KERNEL'];
const params = [{ name: 'statbuf', type: 'user_ptr' }, { name: 'flag', type: 'int' }] as unknown as Param[];

/** The case line of what a case tests (plain text: no pattern characters in it). */
const line = (out: string, what: string) => out.split('\n').find((l) => / {4}(not )?ok \d+ /.test(l) && l.replace(/^ {4}(not )?ok \d+ /, '') === what) ?? `no line for ${what}`;
const coverage = (out: string, api: string) => new RegExp(`^ {4}# ${api}: .*$`, 'm').exec(out)?.[0] ?? '';

describe('mem:filled with a constant count', () => {
  it('takes sizeof(struct stat) and a number, and refuses 0, more than 64 KiB and unknown names', () => {
    const ok = parseEffects('mem:filled=statbuf,sizeof(struct stat); mem:filled=statbuf,256', params);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.claims.map((c) => c.args[1]), [{ bytes: 144n }, { bytes: 256n }]);
    for (const bad of ['mem:filled=statbuf,0', 'mem:filled=statbuf,65537', 'mem:filled=statbuf,sizeof(struct nothing)']) {
      const r = parseEffects(bad, params);
      assert.equal(r.claims.length, 0, bad);
      assert.equal(r.problems.length, 1, bad);
    }
    // A parameter's name is still the parameter, never a constant.
    assert.deepEqual(parseEffects('mem:filled=statbuf,flag', params).claims[0]!.args[1], { param: 1 });
  });
});

describe('entry-point names', () => {
  it('newstat, newlstat and newfstat are the table\'s stat, lstat and fstat', () => {
    assert.deepEqual(['newstat', 'newlstat', 'newfstat'].map((n) => syscallNumber(n)), [4, 6, 5]);
    assert.equal(tableName('newstat'), 'stat');
    assert.equal(tableName('statx'), 'statx');
    assert.equal(syscallNumber('newnothing'), undefined);
  });
});

function checkStat(out: string): void {
  for (const [api, what] of [
    ['sys_newfstatat', 'EACCES when filename=path:nosearch, caps=none'],
    ['sys_newfstatat', 'EIO when filename=path:fuse-getattr-fails'],
    ['sys_newfstatat', 'ESTALE when filename=path:fuse-getattr-fails'],
    ['sys_newfstatat', 'EFAULT when filename=ptr:unmapped'],
    ['sys_newlstat', 'ELOOP when filename=path:loop-below'],
    ['sys_newfstat', 'EIO when fd=fd:fuse-getattr-fails'],
    ['sys_newfstat', 'ESTALE when fd=fd:fuse-getattr-fails'],
  ] as const) {
    assert.match(line(out, what), /^ {4}ok /, `${api}: ${line(out, what)}`);
    // Provoked: named after the count, before any "unprovokable" part.
    assert.match(coverage(out, api).replace(/; unprovokable.*$/, ''), new RegExp(`errors provoked .* ${what.slice(0, what.indexOf(' '))}(?: |$)`), coverage(out, api));
  }
  // The filled structure is what explains the buffer's change after a successful call.
  assert.match(out, /^ {4}# sys_newfstatat: effects checked 2\/2 /m);
  assert.match(out, /^ {4}# sys_newfstat: effects checked 2\/2 /m);
  assert.match(coverage(out, 'sys_newlstat'), /^ {4}# sys_newlstat: (\d+)\/\1 passed/);
}

describe('stat fixtures on this kernel', () => {
  it('EACCES without search permission, ELOOP below the final component, EIO and ESTALE from GETATTR, EFAULT of an unmapped path', () => {
    const r = kapi(['conform', '-q', 'newfstatat', 'newlstat', 'newfstat'], { timeout: 300_000 });
    assert.equal(r.code, 0, r.stdout.slice(-2000) + r.stderr);
    checkStat(r.stdout);
  });

  it('a mutated condition fails: lstat of a final loop succeeds, so ELOOP is not returned', () => {
    const f = join(dir, 'stat.c');
    writeFileSync(f, readFileSync(repoPath('specs/stat.c'), 'utf8').replace('kapi-cond: filename=path:loop-below', 'kapi-cond: filename=path:loop'));
    const r = kapi(['conform', '-q', '--source', f, 'newlstat'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ ELOOP when filename=path:loop$/m);
    assert.match(r.stdout, /expected ELOOP, got 0/);
  });
});

describe('access fixtures on this kernel', () => {
  it('EROFS for W_OK on the read-only mount, EACCES for X_OK without an execute bit even as root, EIO from GETATTR before an execute check', () => {
    const r = kapi(['conform', '-q', 'access', 'faccessat2'], { timeout: 300_000 });
    assert.equal(r.code, 0, r.stdout.slice(-2000) + r.stderr);
    for (const what of ['EROFS when filename=path:rofs-file, mode=W_OK', 'EPERM when filename=path:immutable, mode=W_OK', 'EACCES when filename=path:file, mode=X_OK', 'EIO when filename=path:fuse-getattr-fails, mode=X_OK', 'ELOOP when filename=path:loop-below, flags=AT_SYMLINK_NOFOLLOW']) {
      assert.match(line(r.stdout, what), /^ {4}ok /, what);
    }
    assert.match(coverage(r.stdout, 'sys_access').replace(/; unprovokable.*$/, ''), / EROFS /);
  });

  it('a mutated condition fails: R_OK on the read-only mount is allowed', () => {
    const f = join(dir, 'access.c');
    writeFileSync(f, readFileSync(repoPath('specs/access.c'), 'utf8').replace('kapi-cond: filename=path:rofs-file, mode=W_OK', 'kapi-cond: filename=path:rofs-file, mode=R_OK'));
    const r = kapi(['conform', '-q', '--source', f, 'access'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EROFS when filename=path:rofs-file, mode=R_OK$/m);
  });

  it('a mutated condition fails: R_OK of the immutable file is allowed, so EPERM comes from the attribute and W_OK', () => {
    const f = join(dir, 'access-immutable.c');
    writeFileSync(f, readFileSync(repoPath('specs/access.c'), 'utf8').replace('kapi-cond: filename=path:immutable, mode=W_OK', 'kapi-cond: filename=path:immutable, mode=R_OK'));
    const r = kapi(['conform', '-q', '--source', f, 'access'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EPERM when filename=path:immutable, mode=R_OK$/m);
    assert.match(r.stdout, /expected EPERM, got 0/);
  });
});

describe('stat fixtures on the 6.1 guest', () => {
  it('the same errors are provoked there', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set' }, () => {
    const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--kernel', kernel!, 'newfstatat', 'newlstat', 'newfstat'], { cwd: repoPath('.'), encoding: 'utf8', timeout: 900_000 });
    assert.equal(r.status, 0, r.stdout.slice(-2000) + r.stderr);
    checkStat(r.stdout);
  });
});
