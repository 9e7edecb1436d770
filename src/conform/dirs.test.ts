// The vocabulary the directory and inotify specs brought (getdents64, getcwd, chdir, fchdir,
// inotify_*): the settings cwd=removed|deep and ucount.NAME=N, the fixtures fd:dir-removed,
// dir-nosearch, dir-end, fuse-readdir-fails, fuse-access-fails, inotify, path:dir-nosearch, cwd,
// fuse-lookup-fails, and the claims fd:offset-moved, cwd:set, fd:inotify and inotify:*. The
// fixtures run on this kernel, and on the 6.1 guest with KAPI_TEST_KERNEL.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Param } from '../model/types.js';
import { kapi, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { parseEffects } from './effect.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-dirs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const kernel = process.env['KAPI_TEST_KERNEL'];
const params = [{ name: 'fd', type: 'fd' }, { name: 'path', type: 'path' }, { name: 'wd', type: 'int' }] as unknown as Param[];

/** The case line of what a case tests (plain text: no pattern characters in it). */
const line = (out: string, what: string) => out.split('\n').find((l) => / {4}(not )?ok \d+ /.test(l) && l.replace(/^ {4}(not )?ok \d+ /, '') === what) ?? `no line for ${what}`;
const coverage = (out: string, api: string) => new RegExp(`^ {4}# ${api}: .*$`, 'm').exec(out)?.[0] ?? '';
const SPECS = ['getdents64', 'getcwd', 'chdir', 'fchdir', 'inotify_init1', 'inotify_add_watch', 'inotify_rm_watch'];

describe('cwd and ucount settings', () => {
  it('reads cwd=removed, cwd=deep and the two inotify limits, and refuses other values', () => {
    const ok = parseConditions('cwd=removed; cwd=deep; ucount.INOTIFY_INSTANCES=0; ucount.INOTIFY_WATCHES=1', params);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.conditions.map((c) => c.settings[0]), [
      { kind: 'cwd', value: 'removed' }, { kind: 'cwd', value: 'deep' },
      { kind: 'ucount', name: 'INOTIFY_INSTANCES', value: 0n }, { kind: 'ucount', name: 'INOTIFY_WATCHES', value: 1n },
    ]);
    for (const bad of ['cwd=gone', 'ucount.PROCESSES=1', 'ucount.INOTIFY_WATCHES=-1', 'ucount.INOTIFY_WATCHES=1000001', 'ucount.INOTIFY_WATCHES=lots']) {
      const r = parseConditions(bad, params);
      assert.equal(r.conditions.length, 0, bad);
      assert.equal(r.problems.length, 1, bad);
    }
  });

  it('reads the new claims with their arguments', () => {
    const r = parseEffects('fd:offset-moved=fd; cwd:set=path; cwd:set=fd; fd:inotify=ret; inotify:added=fd,ret; inotify:modified=fd,ret; inotify:removed=fd,wd', params);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.claims.map((c) => c.args), [[{ param: 0 }], [{ param: 1 }], [{ param: 0 }], [{ ret: 1n }], [{ param: 0 }, { ret: 1n }], [{ param: 0 }, { ret: 1n }], [{ param: 0 }, { param: 2 }]]);
    assert.equal(parseEffects('inotify:removed=fd', params).problems.length, 1);
    assert.equal(parseEffects('inotify:added=fd,wd', params).problems.length, 1);
  });
});

function check(out: string): void {
  for (const [api, what] of [
    ['sys_getdents64', 'ENOENT when fd=fd:dir-removed'],
    ['sys_getdents64', 'EIO when fd=fd:fuse-readdir-fails'],
    ['sys_getdents64', 'EINVAL when count=0x80000000'],
    ['sys_getcwd', 'ENOENT when cwd=removed'],
    ['sys_getcwd', 'ENAMETOOLONG when cwd=deep'],
    ['sys_chdir', 'EACCES when filename=path:dir-nosearch, caps=none'],
    ['sys_chdir', 'EIO when filename=path:fuse-access-fails'],
    ['sys_chdir', 'ESTALE when filename=path:fuse-access-fails'],
    ['sys_fchdir', 'EACCES when fd=fd:dir-nosearch, caps=none'],
    ['sys_fchdir', 'EIO when fd=fd:fuse-access-fails'],
    ['sys_inotify_init1', 'EMFILE when ucount.INOTIFY_INSTANCES=0'],
    ['sys_inotify_add_watch', 'ENOSPC when ucount.INOTIFY_WATCHES=1'],
    ['sys_inotify_add_watch', 'EEXIST when mask=IN_MODIFY | IN_MASK_CREATE, pathname=path:cwd'],
    ['sys_inotify_add_watch', 'EIO when pathname=path:fuse-lookup-fails'],
    ['sys_inotify_add_watch', 'ESTALE when pathname=path:fuse-lookup-fails'],
    ['sys_inotify_rm_watch', 'EINVAL when wd=2'],
  ] as const) {
    assert.match(line(out, what), /^ {4}ok /, `${api}: ${line(out, what)}`);
    assert.match(coverage(out, api).replace(/; unprovokable.*$/, ''), new RegExp(`errors provoked .* ${what.slice(0, what.indexOf(' '))}(?: |$)`), coverage(out, api));
  }
  // The effects are checked: the offset, the current directory, the watches.
  for (const [api, n] of [['sys_getdents64', 3], ['sys_chdir', 2], ['sys_fchdir', 2], ['sys_inotify_add_watch', 2], ['sys_inotify_rm_watch', 1]] as const) {
    assert.match(out, new RegExp(`^ {4}# ${api}: effects checked ${n}/${n} `, 'm'), api);
  }
  for (const what of ['side-effect 1 shows when fd=fd:dir-end', 'side-effect 1 shows when fd=fd:dir-removed', 'side-effect 2 shows when mask=IN_MODIFY | IN_MASK_ADD, pathname=path:cwd']) {
    assert.match(line(out, what), /^ {4}ok /, what);
  }
}

describe('directory and inotify fixtures on this kernel', () => {
  it('every case of the seven specs passes and the new conditions provoke their errors', () => {
    const r = kapi(['conform', '-q', ...SPECS], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout.slice(-3000) + r.stderr);
    check(r.stdout);
  });

  it('a mutated limit fails: with one inotify instance allowed, inotify_init1 succeeds', () => {
    const f = join(dir, 'inotify.c');
    writeFileSync(f, readFileSync(repoPath('specs/inotify.c'), 'utf8').replace('kapi-cond: ucount.INOTIFY_INSTANCES=0;', 'kapi-cond: ucount.INOTIFY_INSTANCES=1;'));
    const r = kapi(['conform', '-q', '--source', f, 'inotify_init1'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EMFILE when ucount\.INOTIFY_INSTANCES=1$/m);
    assert.match(r.stdout, /expected EMFILE, got [0-9]+$/m); // the new descriptor
  });

  it('a change of the current directory that no claim explains fails the case', () => {
    const f = join(dir, 'chdir.c');
    const text = readFileSync(repoPath('specs/chdir.c'), 'utf8');
    // fchdir's blocks claim the change; without their claims only an unobservable note is left,
    // and the effect case (fchdir to a removed directory) changes the current directory.
    const cut = text.replaceAll(' *   kapi-effect: cwd:set=fd\n', ' *   kapi-unobservable: mutated for a test\n');
    assert.notEqual(cut, text);
    writeFileSync(f, cut);
    const r = kapi(['conform', '-q', '--source', f, 'fchdir'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /the call changed cwd, which no kapi-effect of the spec claims/);
  });

  it('a wrong claim about the directory offset fails: getdents64 moves it', () => {
    const f = join(dir, 'readdir.c');
    writeFileSync(f, readFileSync(repoPath('specs/readdir.c'), 'utf8').replace('kapi-effect: fd:offset-moved=fd', 'kapi-effect: fd:offset-kept=fd'));
    const r = kapi(['conform', '-q', '--source', f, 'getdents64'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok 1 valid arguments succeed$/m);
  });
});

describe('directory and inotify fixtures on the 6.1 guest', () => {
  it('the same errors are provoked there', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set' }, () => {
    const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--kernel', kernel!, ...SPECS], { cwd: repoPath('.'), encoding: 'utf8', timeout: 1_800_000 });
    assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr);
    check(r.stdout);
  });
});
