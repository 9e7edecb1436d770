// The vocabulary the namei.c specs brought: the path:* effect claims (a name made, removed, moved,
// exchanged or linked), the name fixtures (missing-parent, mqueue-*, sticky-*, dir-full, dir-below,
// dot, dotdot, nospace-file(-new), mounted-file), the FUSE fixtures that fail UNLINK, RMDIR, RENAME
// and LINK or report an unmapped owner, and kapi-fs's EFFECT. The fixtures run on this kernel.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Param } from '../model/types.js';
import { kapi, repoPath } from '../testutil.js';
import { parseEffects } from './effect.js';
import { parseFsTag } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-names-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const params = [{ name: 'oldname', type: 'path' }, { name: 'newname', type: 'path' }, { name: 'mode', type: 'uint' }] as unknown as Param[];

const line = (out: string, what: string) => out.split('\n').find((l) => / {4}(not )?ok \d+ /.test(l) && l.replace(/^ {4}(not )?ok \d+ /, '') === what) ?? `no line for ${what}`;
const spec = () => readFileSync(repoPath('specs/namei.c'), 'utf8');

describe('path claims', () => {
  it('read paths, and a mode where one is taken', () => {
    const ok = parseEffects('path:dir=newname,mode; path:node=newname,mode; path:symlink=newname,oldname; path:absent=oldname; path:renamed=oldname,newname; path:exchanged=oldname,newname; path:linked=oldname,newname; path:renamed-whiteout=oldname,newname', params);
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.claims.length, 8);
    for (const bad of ['path:absent=mode', 'path:renamed=oldname,mode', 'path:symlink=mode,oldname', 'path:linked=oldname']) {
      assert.equal(parseEffects(bad, params).problems.length, 1, bad);
    }
  });

  it('kapi-fs takes EFFECT for a claim not seen on a filesystem', () => {
    assert.deepEqual(parseFsTag('fuse=EFFECT bindfs drops the sticky bit').problems, []);
    assert.equal(parseFsTag('fuse=EFFECTS no such thing').problems.length, 1);
  });
});

describe('name fixtures on this kernel', () => {
  it('provoke what the specs say', () => {
    const r = kapi(['conform', '-q', 'mkdir', 'rmdir', 'unlinkat', 'renameat2', 'linkat'], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout.slice(-3000) + r.stderr);
    for (const what of [
      'ENOENT when pathname=path:missing-parent', 'EPERM when pathname=path:mqueue-new', 'EIO when pathname=path:fuse-create-fails',
      'EBUSY when pathname=path:notmpfile-dir', 'EPERM when pathname=path:sticky-dir, uid=1000', 'ENOTEMPTY when pathname=path:dir-full',
      'EINVAL when pathname=path:dot', 'ENOTEMPTY when pathname=path:dotdot', 'ESTALE when pathname=path:fuse-rmdir-fails',
      'EOVERFLOW when pathname=path:fuse-unmapped', 'EBUSY when pathname=path:mounted-file',
      'EINVAL when oldname=path:dir, newname=path:dir-below', 'EIO when oldname=path:fuse-change-fails, newname=path:fuse-new',
      'ENOSPC when oldname=path:nospace-file, newname=path:nospace-file-new', 'EOVERFLOW when oldname=path:fuse-unmapped, newname=path:fuse-new',
      'side-effect 1 shows when flags=0x2, newname=path:dir', 'side-effect 1 shows when flags=0x4', 'side-effect 1 shows when oldname=path:symlink, flags=AT_SYMLINK_FOLLOW',
    ]) assert.match(line(r.stdout, what), /^ {4}ok /, what);
  });

  it('a wrong claim fails: mkdir does not make a regular file', () => {
    const f = join(dir, 'namei.c');
    writeFileSync(f, spec().replace('kapi-effect: path:dir=pathname,mode\n', 'kapi-effect: path:node=pathname,mode\n'));
    const r = kapi(['conform', '-q', '--source', f, 'mkdir'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /claimed effect 'path:node=pathname,mode' \(side-effect 1\) not seen: created-by-case has type 40000, not 100000/);
  });

  it('an unclaimed change fails: rename claimed as an exchange', () => {
    const f = join(dir, 'namei-x.c');
    writeFileSync(f, spec().replace('kapi-effect: path:renamed=oldname,newname\n', 'kapi-effect: path:absent=oldname\n'));
    const r = kapi(['conform', '-q', '--source', f, 'rename'], { timeout: 300_000 });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /the call changed dir:created-by-case:added, which no kapi-effect of the spec claims/);
  });
});
