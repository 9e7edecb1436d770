// The vocabulary the readlink, statfs, chmod and chown specs brought: the path:symlink semantic,
// the ptr:utimes timespecs, the FUSE symlink whose READLINK fails, the FUSE file whose SETATTR or STATFS fails or whose ids
// no namespace maps, the not-owned, setuid, proc-symlink fixtures (and the fd forms of setuid,
// rofs-file, immutable, not-owned), and the file:mode, file:owner and file:times claims. The fixtures run on
// this kernel, and on the 6.1 guest with KAPI_TEST_KERNEL.

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

const dir = mkdtempSync(join(tmpdir(), 'kapi-attrs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const kernel = process.env['KAPI_TEST_KERNEL'];

const line = (out: string, what: string) => out.split('\n').find((l) => / {4}(not )?ok \d+ /.test(l) && l.replace(/^ {4}(not )?ok \d+ /, '') === what) ?? `no line for ${what}`;
const coverage = (out: string, api: string) => new RegExp(`^ {4}# ${api}: \\d+/\\d+ passed.*$`, 'm').exec(out)?.[0] ?? '';

describe('file:mode and file:owner', () => {
  const params = [{ name: 'fd', type: 'fd' }, { name: 'mode', type: 'uint' }, { name: 'user', type: 'uint' }, { name: 'group', type: 'uint' }] as unknown as Param[];
  it('take a target and integer parameters, and refuse a wrong count or an unknown name', () => {
    const ok = parseEffects('file:mode=fd,mode; file:owner=fd,user,group; file:owner-nofollow=fd,user,group; file:times=fd,user,group', params);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.claims.map((c) => [c.name, c.args]), [
      ['file:mode', [{ param: 0 }, { param: 1 }]],
      ['file:owner', [{ param: 0 }, { param: 2 }, { param: 3 }]],
      ['file:owner-nofollow', [{ param: 0 }, { param: 2 }, { param: 3 }]],
      ['file:times', [{ param: 0 }, { param: 2 }, { param: 3 }]],
    ]);
    for (const bad of ['file:mode=fd', 'file:owner=fd,user', 'file:mode=fd,nothing']) {
      const r = parseEffects(bad, params);
      assert.equal(r.claims.length, 0, bad);
      assert.equal(r.problems.length, 1, bad);
    }
  });
  it('the new fixture names are read as fixtures', () => {
    const ps = [{ name: 'path', type: 'path' }, { name: 'fd', type: 'fd' }] as unknown as Param[];
    for (const t of ['path=path:fuse-readlink-fails', 'path=path:fuse-setattr-fails', 'path=path:fuse-statfs-fails', 'path=path:fuse-unmapped-owner',
      'path=path:not-owned', 'path=path:setuid', 'path=path:proc-symlink', 'fd=fd:setuid', 'fd=fd:rofs-file', 'fd=fd:immutable', 'fd=fd:not-owned',
      'fd=fd:fuse-setattr-fails', 'fd=fd:fuse-statfs-fails', 'fd=fd:fuse-unmapped-owner',
      'path=ptr:utimes', 'path=ptr:utimes-now', 'path=ptr:utimes-omit', 'path=ptr:utimes-mixed', 'path=ptr:utimes-badnsec']) {
      const r = parseConditions(t, ps);
      assert.deepEqual(r.problems, [], t);
      assert.equal(r.conditions.length, 1, t);
    }
    assert.equal(parseConditions('fd=fd:proc-symlink', ps).problems.length, 1);
  });
});

function checkAttrs(out: string): void {
  for (const [api, what] of [
    ['sys_readlinkat', 'EIO when pathname=path:fuse-readlink-fails'],
    ['sys_readlinkat', 'ESTALE when pathname=path:fuse-readlink-fails'],
    ['sys_readlinkat', 'EINVAL when pathname=path:file'],
    ['sys_readlinkat', 'ENOENT when pathname=path:empty, dfd=fd:opath'],
    ['sys_fstatfs', 'ENOSYS when fd=fd:fuse-statfs-fails'],
    ['sys_fstatfs', 'EIO when fd=fd:fuse-statfs-fails'],
    ['sys_fchmodat', 'EOPNOTSUPP when filename=path:proc-symlink'],
    ['sys_fchmodat', 'EOVERFLOW when filename=path:fuse-unmapped-owner'],
    ['sys_fchmodat', 'EPERM when filename=path:not-owned, caps=none'],
    ['sys_fchmodat', 'EIO when filename=path:fuse-setattr-fails'],
    ['sys_fchmod', 'EROFS when fd=fd:rofs-file'],
    ['sys_fchmod', 'EPERM when fd=fd:not-owned, caps=none'],
    ['sys_fchown', 'EINVAL when user=70000'],
    ['sys_fchown', 'EOVERFLOW when fd=fd:fuse-unmapped-owner, group=-1'],
    ['sys_fchown', 'ESTALE when fd=fd:fuse-setattr-fails'],
    ['sys_utimensat', 'EINVAL when utimes=ptr:utimes-badnsec'],
    ['sys_utimensat', 'EPERM when filename=path:not-owned, caps=none, utimes=ptr:utimes'],
    ['sys_utimensat', 'EACCES when filename=path:not-owned, caps=none'],
    ['sys_utimensat', 'EOVERFLOW when filename=path:fuse-unmapped-owner, utimes=ptr:utimes'],
  ] as const) {
    assert.match(line(out, what), /^ {4}ok /, `${api}: ${line(out, what)}`);
    assert.match(coverage(out, api).replace(/; unprovokable.*$/, ''), new RegExp(`errors provoked .* ${what.slice(0, what.indexOf(' '))}(?: |$)`), coverage(out, api));
  }
  // The effect cases: readlink's bytes, chmod's mode, chown's owner and the cleared set-user-ID bit.
  for (const what of ['side-effect 1 shows when bufsiz=4', 'side-effect 1 shows when filename=path:setuid, mode=0755', 'side-effect 1 shows when fd=fd:setuid, user=-1, group=-1', 'side-effect 1 shows when fd=fd:pipe, user=1000',
    'side-effect 1 shows when utimes=ptr:utimes-mixed', 'side-effect 1 shows when filename=ptr:null, dfd=fd:file, utimes=ptr:utimes']) {
    assert.match(line(out, what), /^ {4}ok /, what);
  }
  for (const api of ['sys_readlinkat', 'sys_fstatfs', 'sys_fchmodat', 'sys_fchmod', 'sys_fchown', 'sys_utimensat']) assert.match(coverage(out, api), /^ {4}# sys_\w+: (\d+)\/\1 passed/, api);
}

const APIS = ['readlinkat', 'fstatfs', 'fchmodat', 'fchmod', 'fchown', 'utimensat'];

describe('attribute fixtures on this kernel', () => {
  it('READLINK, STATFS and SETATTR failures, a link reached itself, unmapped ids, a file of another owner, a read-only mount', () => {
    const r = kapi(['conform', '-q', ...APIS], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout.slice(-2000) + r.stderr);
    checkAttrs(r.stdout);
  });

  it('a mutated claim fails: the mode is not dfd\'s number (AT_FDCWD, 07634 in the low bits)', () => {
    const f = join(dir, 'chmod-mode.c');
    // The first such claim in the file is fchmodat's.
    writeFileSync(f, readFileSync(repoPath('specs/chmod.c'), 'utf8').replace('kapi-effect: file:mode=filename,mode', 'kapi-effect: file:mode=filename,dfd'));
    const r = kapi(['conform', '-q', '--source', f, 'fchmodat'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ valid arguments succeed$/m);
    assert.match(r.stdout, /the file of filename has mode 640, not 7634/);
  });

  it('a change no claim explains fails: chmod without its claim', () => {
    const f = join(dir, 'chmod-none.c');
    writeFileSync(f, readFileSync(repoPath('specs/chmod.c'), 'utf8').replace('kapi-effect: file:mode=fd,mode\n *   kapi-effect-case: mode=0; mode=07777; fd=fd:rdonly; fd=fd:dir, mode=0700; fd=fd:setuid, mode=0644; fd=fd:pipe, mode=0600', 'kapi-unobservable: (mutated for a test)'));
    const r = kapi(['conform', '-q', '--source', f, 'fchmod'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /changed dir:fixture\.txt:changed, which no kapi-effect of the spec claims/);
  });

  it('a mutated claim fails: lchown changes the link, not the file it points to', () => {
    const f = join(dir, 'lchown.c');
    const text = readFileSync(repoPath('specs/chmod.c'), 'utf8');
    const at = text.indexOf(' * sys_lchown');
    writeFileSync(f, text.slice(0, at) + text.slice(at).replace('kapi-effect: file:owner-nofollow=filename,user,group', 'kapi-effect: file:owner=filename,user,group'));
    const r = kapi(['conform', '-q', '--source', f, 'lchown'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ side-effect 1 shows when filename=path:symlink, user=1000$/m);
  });

  it('a mutated claim fails: utimensat with AT_SYMLINK_NOFOLLOW sets the link\'s times, not its target\'s', () => {
    const f = join(dir, 'utimes.c');
    writeFileSync(f, readFileSync(repoPath('specs/utimes.c'), 'utf8').replace('file:times-nofollow=dfd,filename,utimes if flags&AT_SYMLINK_NOFOLLOW', 'file:times=dfd,filename,utimes if flags&AT_SYMLINK_NOFOLLOW'));
    const r = kapi(['conform', '-q', '--source', f, 'utimensat'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ side-effect 1 shows when filename=path:symlink, flags=AT_SYMLINK_NOFOLLOW, utimes=ptr:utimes$/m);
    assert.match(r.stdout, /the access time is \d+\.\d{9}, not 1000000000\.123456789/);
  });

  it('a mutated condition fails: readlink of the symbolic link itself succeeds, so no EINVAL', () => {
    const f = join(dir, 'stat.c');
    writeFileSync(f, readFileSync(repoPath('specs/stat.c'), 'utf8').replace('kapi-cond: bufsiz=0; bufsiz=-1; pathname=path:file; pathname=path:dir', 'kapi-cond: bufsiz=0; bufsiz=-1; pathname=path:symlink; pathname=path:dir'));
    const r = kapi(['conform', '-q', '--source', f, 'readlinkat'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EINVAL when pathname=path:symlink$/m);
  });
});

describe('attribute fixtures on the 6.1 guest', () => {
  it('the same errors are provoked there', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set' }, () => {
    const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--kernel', kernel!, ...APIS], { cwd: repoPath('.'), encoding: 'utf8', timeout: 1_200_000 });
    assert.equal(r.status, 0, r.stdout.slice(-2000) + r.stderr);
    checkAttrs(r.stdout);
  });
});
