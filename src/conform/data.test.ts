// The data-movement and sync specs (sendfile, copy_file_range, splice, tee, fadvise64, the sync
// calls) and the vocabulary they brought: descriptor fixtures fd:empty (a second, empty file),
// fd:fuse-fsync-fails and fd:fuse-writeback-failed, the pointer fixture ptr:loff-neg, the
// semantics fd:empty and fd:pipe-write; and kapi trace matching sendfile to sys_sendfile64.
// The conform cases run on this kernel, and on the 6.1 guest with KAPI_TEST_KERNEL.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { syscallNumber, tableName } from '../sources/consts/index.js';
import { kapi, repoPath } from '../testutil.js';
import { Checker } from '../trace/check.js';
import { parseConditions } from './cond.js';
import { planSpec } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-data-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (name: string) => readFileSync(repoPath(`specs/${name}`), 'utf8');
const kernel = process.env['KAPI_TEST_KERNEL'];
const specOf = (file: string, name: string) => specsFromC(corpus(file), file, new DiagSink()).find((s) => s.name === name)!;

const coverage = (out: string, api: string) => new RegExp(`^ {4}# ${api}: .*$`, 'm').exec(out)?.[0] ?? '';
const provoked = (line: string) => (/errors provoked \d+\/\d+ \([\d.]+%\)(?:: ([A-Z ]+))?/.exec(line)?.[1] ?? '').split(' ').filter(Boolean);

const APIS = ['sendfile64', 'copy_file_range', 'splice', 'tee', 'fadvise64', 'fsync', 'fdatasync', 'sync', 'syncfs', 'sync_file_range'];

/** Cases of the new vocabulary that must pass and provoke their errno, on either kernel. */
function checkCases(out: string): void {
  const cases: [string, string, string][] = [
    ['sys_sendfile64', 'EINVAL', 'EINVAL when offset=ptr:loff-neg'],
    ['sys_sendfile64', 'ENOSPC', 'ENOSPC when out_fd=fd:fs-full'],
    ['sys_copy_file_range', 'EOVERFLOW', 'EOVERFLOW when off_in=ptr:loff-neg'],
    ['sys_copy_file_range', 'EINVAL', 'EINVAL when fd_out=fd:same@fd_in'],
    ['sys_copy_file_range', 'EXDEV', 'EXDEV when fd_out=fd:fs-full'],
    ['sys_splice', 'ESPIPE', 'ESPIPE when fd_out=fd:pipe-write'],
    ['sys_tee', 'EINVAL', 'EINVAL when fdin=fd:fifo, fdout=fd:same@fdin'],
    ['sys_fsync', 'EIO', 'EIO when fd=fd:fuse-fsync-fails'],
    ['sys_fdatasync', 'EROFS', 'EROFS when fd=fd:fuse-fsync-fails'],
    ['sys_syncfs', 'EIO', 'EIO when fd=fd:fuse-writeback-failed'],
    ['sys_syncfs', 'ENOSPC', 'ENOSPC when fd=fd:fuse-writeback-failed'],
    ['sys_sync_file_range', 'EIO', 'EIO when fd=fd:fuse-writeback-failed, flags=SYNC_FILE_RANGE_WAIT_AFTER'],
  ];
  for (const [api, errno, what] of cases) {
    assert.match(out, new RegExp(`^ {4}ok \\d+ ${what.replace(/[|.]/g, '\\$&')}$`, 'm'), `${api}: ${what}`);
    assert.ok(provoked(coverage(out, api)).includes(errno), `${api} ${errno}: ${coverage(out, api)}`);
  }
  // The effect cases that use the new descriptors pass, and the effects are checked.
  assert.match(out, /^ {4}ok \d+ side-effect 4 shows when out_fd=fd:pipe-write$/m);
  assert.match(out, /^ {4}ok \d+ side-effect 2 shows when fd_in=fd:file, off_in=0, fd_out=fd:pipe-write, off_out=0$/m);
  assert.match(out, /^ {4}# sys_sendfile64: effects checked 4\/5 /m);
  assert.match(out, /^ {4}# sys_copy_file_range: effects checked 2\/3 /m);
  assert.match(out, /^ {4}# sys_splice: effects checked 4\/4 /m);
  assert.match(out, /^ {4}# sys_tee: effects checked 1\/1 /m);
}

describe('the vocabulary of the data specs', () => {
  it('fd:empty and fd:pipe-write give their fixtures as the valid argument; ptr:loff-neg is a setting', () => {
    const send = planSpec(specOf('read_write.c', 'sys_sendfile64'));
    const valid = send.cases.find((c) => c.expect.kind === 'success')!;
    assert.deepEqual(valid.args[0], { kind: 'fd', fixture: 'empty' });
    assert.deepEqual(valid.args[1], { kind: 'fd', fixture: 'file' });
    assert.deepEqual(valid.args[2], { kind: 'buf', size: 8 });
    const tee = planSpec(specOf('splice.c', 'sys_tee'));
    assert.deepEqual(tee.cases.find((c) => c.expect.kind === 'success')!.args[1], { kind: 'fd', fixture: 'pipe-write' });
    const neg = send.cases.find((c) => c.what === 'EINVAL when offset=ptr:loff-neg')!;
    assert.deepEqual(neg.args[2], { kind: 'loff-neg' });
    const params = specOf('read_write.c', 'sys_sendfile64').params ?? [];
    assert.deepEqual(parseConditions('offset=ptr:loff-neg', params).problems, []);
    assert.match(parseConditions('offset=ptr:loff-minus', params).problems.join('\n'), /loff-minus/);
    assert.match(parseConditions('out_fd=fd:emptyish', params).problems.join('\n'), /emptyish/);
  });
  it('the FUSE fixtures take the errno of their error block', () => {
    const plan = planSpec(specOf('sync.c', 'sys_syncfs'));
    const enospc = plan.cases.find((c) => c.what === 'ENOSPC when fd=fd:fuse-writeback-failed')!;
    assert.deepEqual(enospc.args[0], { kind: 'fd', fixture: 'fuse-writeback-failed', errno: 28 });
  });
  it('sendfile is sys_sendfile64 for the syscall table, conform and kapi trace', () => {
    assert.equal(tableName('sendfile64'), 'sendfile');
    assert.equal(syscallNumber('sendfile64'), 40);
    const checker = new Checker([specOf('read_write.c', 'sys_sendfile64'), specOf('stat.c', 'sys_newstat')]);
    assert.deepEqual(checker.names, ['sendfile', 'stat']);
  });
});

describe('the data specs on this kernel', () => {
  it('every case passes, and the new fixtures provoke their errors', () => {
    const r = kapi(['conform', '-q', ...APIS], { timeout: 300_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    checkCases(r.stdout);
    assert.match(coverage(r.stdout, 'sys_sync'), /1\/1 passed; errors provoked 0\/0/);
  });
  it('conditions that do not bring the error about fail, naming what happened', () => {
    const f = join(dir, 'mutated.c');
    // The same file twice: a copy at one offset overlaps and is refused (EINVAL), not EXDEV.
    writeFileSync(f, corpus('read_write.c').replace('kapi-cond: fd_out=fd:fs-full; fd_out=fd:sealed', 'kapi-cond: fd_out=fd:file'));
    let r = kapi(['conform', '-q', '--source', f, 'copy_file_range']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /# sys_copy_file_range case \d+: expected EXDEV, got -1, errno EINVAL$/m);
    // A writeback error is reported once: a descriptor that has not seen one syncs cleanly.
    writeFileSync(f, corpus('sync.c').replace(/(error: EIO, writing back failed[^\n]*\n \*   kapi-cond: )fd=fd:fuse-writeback-failed/, '$1fd=fd:fuse-fsync-fails'));
    r = kapi(['conform', '-q', '--source', f, 'syncfs']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /# sys_syncfs case \d+: expected EIO, got 0$/m);
    // Without a file of its own, sendfile copies fixture.txt onto itself: nothing changes.
    writeFileSync(f, corpus('read_write.c').replace(/(param: out_fd\n \*   )kapi-semantic: fd:empty/, '$1kapi-semantic: fd:file'));
    r = kapi(['conform', '-q', '--source', f, 'sendfile64']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /claimed effect 'file:written=out_fd' \(side-effect 1\) not seen/);
  });
});

describe('the data specs on the 6.1 guest', () => {
  it('the same cases pass there', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set' }, () => {
    const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--kernel', kernel!, ...APIS], { cwd: repoPath('.'), encoding: 'utf8', timeout: 900_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    checkCases(r.stdout);
  });
});
