// madvise's MADV_REMOVE errors from vfs_fallocate: ENODEV on the ring io_setup maps for an AIO
// context (addr:aio-ring, an inode that is neither a regular file nor a block device), EFBIG on a
// scratch file mapped at 16 TiB (addr:beyond-maxbytes: past ext2/ext3/ext4's largest file, skipped
// where the filesystem allows files that long), ETXTBSY unprovokable. On this kernel, on the
// filesystems `--fs` makes, and (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel in qemu.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { fsType, kapi, repoPath } from '../testutil.js';
import { fsDifferences, unavailable, type FsKind, type FsRun } from './fs.js';
import { planSpec } from './plan.js';
import type { Outcome } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-madvgaps-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = readFileSync(repoPath('specs/madvise.c'), 'utf8');
const ENODEV = 'ENODEV when start=addr:aio-ring, behavior=MADV_REMOVE';
const EFBIG = 'EFBIG when start=addr:beyond-maxbytes, behavior=MADV_REMOVE';
const SKIP = "the scratch directory's filesystem allows files longer than 16 TiB + 4 KiB (lseek goes there)";
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Filesystems whose largest file is below 16 TiB + 4 KiB (with the block sizes mkfs picks), and the others. */
const SMALL: FsKind[] = ['ext2', 'ext3', 'ext4'];
const LARGE: FsKind[] = ['tmpfs', 'xfs', 'btrfs', 'overlay', 'fuse'];


/** The coverage line of sys_madvise (on FS when given). */
function coverage(stdout: string, fs?: string): string {
  const m = new RegExp(`^ {4}# sys_madvise${fs ? `@${fs}` : ''}: \\d+/\\d+ passed.*$`, 'm').exec(stdout);
  assert.ok(m, stdout);
  return m[0];
}

/** ENODEV provoked, ETXTBSY unprovokable, EFBIG provoked (provoked) or skipped, never failed. */
function assertRemoveErrors(stdout: string, efbig: 'provoked' | 'skipped', fs?: string): void {
  assert.match(stdout, new RegExp(`^ {4}ok \\d+ ${esc(ENODEV)}$`, 'm'));
  const line = coverage(stdout, fs);
  assert.match(line, /errors provoked \d+\/\d+ \([\d.]+%\): [A-Z ]*\bENODEV\b/);
  assert.match(line, /unprovokable \d+: [A-Z ]*\bETXTBSY\b/);
  if (efbig === 'provoked') {
    assert.match(stdout, new RegExp(`^ {4}ok \\d+ ${esc(EFBIG)}$`, 'm'));
    assert.match(line, /errors provoked \d+\/\d+ \([\d.]+%\): [A-Z ]*\bEFBIG\b/);
  } else {
    assert.match(stdout, new RegExp(`^ {4}ok \\d+ ${esc(EFBIG)} # SKIP ${esc(SKIP)}$`, 'm'));
    assert.match(line, /skipped here \d+: [A-Z ]*\bEFBIG\b/);
    assert.doesNotMatch(line, /errors provoked \d+\/\d+ \([\d.]+%\): [A-Z ]*\bEFBIG\b/);
  }
  assert.doesNotMatch(stdout, /^ {4}not ok/m);
}

/** madvise.c with one text replaced (which must be there), written to the test directory. */
function mutated(name: string, from: string, to: string): string {
  const text = corpus.replace(from, to);
  assert.notEqual(text, corpus, `${from} is in specs/madvise.c`);
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('planning the MADV_REMOVE fixtures', () => {
  const spec = specsFromC(corpus, 'madvise.c', new DiagSink()).find((s) => s.name === 'sys_madvise')!;
  it('ENODEV and EFBIG are cases with the new address fixtures; ETXTBSY has none', () => {
    const cases = planSpec(spec).cases;
    const at = (what: string) => cases.find((c) => c.what === what);
    assert.deepEqual(at(ENODEV)?.args[0], { kind: 'addr', which: 'aio-ring' });
    assert.deepEqual(at(EFBIG)?.args[0], { kind: 'addr', which: 'beyond-maxbytes' });
    assert.ok(!cases.some((c) => c.what.startsWith('ETXTBSY')));
    // Neither mounts anything: both stay under --unprivileged.
    assert.deepEqual(planSpec(spec, { unprivileged: true }).cases.filter((c) => c.what === ENODEV || c.what === EFBIG).length, 2);
  });
  it('lint accepts them', () => {
    const r = kapi(['lint', '-q']);
    assert.doesNotMatch(r.stdout, /madvise|aio-ring|beyond-maxbytes/);
  });
});

describe('MADV_REMOVE errors on this kernel', () => {
  it('ENODEV is provoked, ETXTBSY unprovokable; EFBIG provoked where the scratch directory is on ext2/3/4, skipped on tmpfs, xfs, btrfs', () => {
    const r = kapi(['conform', '-q', 'madvise']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const t = fsType(tmpdir());
    if (['ext2', 'ext3', 'ext4'].includes(t)) assertRemoveErrors(r.stdout, 'provoked');
    else if (['tmpfs', 'xfs', 'btrfs'].includes(t)) assertRemoveErrors(r.stdout, 'skipped');
    else assertRemoveErrors(r.stdout, r.stdout.includes(`${EFBIG} # SKIP`) ? 'skipped' : 'provoked');
  });

  it('the ENODEV comes from MADV_REMOVE, not from the mapping: MADV_DONTNEED on the same ring succeeds, and the case fails', () => {
    const f = mutated('dontneed.c', 'kapi-cond: start=addr:aio-ring, behavior=MADV_REMOVE', 'kapi-cond: start=addr:aio-ring, behavior=MADV_DONTNEED');
    const r = kapi(['conform', '-q', '--source', f, 'madvise']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^ {4}not ok \d+ ENODEV when start=addr:aio-ring, behavior=MADV_DONTNEED$/m);
    assert.match(r.stdout, /# sys_madvise case \d+: expected ENODEV, got 0\b/);
  });

  it('swapping ENODEV\'s and EFBIG\'s conditions fails the EFBIG case on the AIO ring, naming both errnos', () => {
    const f = mutated('swapped.c', 'kapi-cond: start=addr:aio-ring, behavior=MADV_REMOVE', 'kapi-cond: start=addr:beyond-maxbytes, behavior=MADV_REMOVE');
    const text = readFileSync(f, 'utf8').replace('kapi-cond: start=addr:beyond-maxbytes, behavior=MADV_REMOVE', 'kapi-cond: start=addr:aio-ring, behavior=MADV_REMOVE');
    writeFileSync(f, text);
    const r = kapi(['conform', '-q', '--source', f, 'madvise']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^ {4}not ok \d+ EFBIG when start=addr:aio-ring, behavior=MADV_REMOVE$/m);
    assert.match(r.stdout, /# sys_madvise case \d+: expected EFBIG, got -1, errno ENODEV/);
  });
});

describe('differences between filesystems leave skipped cases out', () => {
  const spec = specsFromC(corpus, 'madvise.c', new DiagSink()).find((s) => s.name === 'sys_madvise')!;
  const c = { ...planSpec(spec).cases.find((x) => x.what === EFBIG)!, n: 9 };
  const efbig: Outcome = { case: c, ret: -1n, errno: 'EFBIG', end: 'exit 0', pass: true };
  const skipped: Outcome = { case: c, end: `skip: ${SKIP}`, pass: true, skip: SKIP };
  const zero: Outcome = { case: c, ret: 0n, end: 'exit 0', pass: false, reason: 'expected EFBIG, got 0' };
  const run = (fs: FsKind, o: Outcome): FsRun => ({ fs, outcomes: [o] });
  it('a case skipped on some filesystems and giving the same errno on the others is no difference', () => {
    assert.deepEqual(fsDifferences([run('tmpfs', skipped), run('ext4', efbig), run('xfs', skipped), run('ext2', efbig)]), []);
    assert.deepEqual(fsDifferences([run('tmpfs', skipped), run('ext4', efbig)]), []);
  });
  it('the filesystems that ran it are still compared, and a failure among them is listed', () => {
    assert.deepEqual(fsDifferences([run('tmpfs', skipped), run('ext4', efbig), run('xfs', zero)]),
      [`sys_madvise case 9 ${EFBIG}: ext4 EFBIG, xfs returns 0 (fail)`]);
  });
});

describe('MADV_REMOVE errors on the filesystems --fs makes', () => {
  const kinds = [...SMALL, ...LARGE].filter((k) => !unavailable(k));
  it('EFBIG on ext2, ext3 and ext4; skipped on tmpfs, xfs, btrfs, overlay and fuse; ENODEV everywhere', () => {
    assert.ok(kinds.includes('ext4') && kinds.includes('tmpfs'), `this machine makes ${kinds.join(' ')}`);
    const r = kapi(['conform', '-q', '--fs', kinds.join(','), 'madvise'], { timeout: 300_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const part = (fs: string) => r.stdout.split(/^ok \d+ sys_madvise@\S+$/m)[kinds.indexOf(fs as FsKind)]!;
    for (const fs of kinds) assertRemoveErrors(part(fs), SMALL.includes(fs) ? 'provoked' : 'skipped', fs);
    // Where it is skipped the case made no call, so it is no difference between the filesystems
    // (those that ran it all gave EFBIG), and no filesystem fails anything.
    assert.match(r.stdout, /^# differences between filesystems: \d+$/m);
    assert.doesNotMatch(r.stdout, new RegExp(`^# sys_madvise case \\d+ ${esc(EFBIG)}:`, 'm'));
    assert.doesNotMatch(r.stdout, /\(fail\)/);
  });

  it('the EFBIG comes from MADV_REMOVE\'s hole: MADV_DONTNEED at 16 TiB on ext4 succeeds, and the case fails', () => {
    const f = mutated('efbig-dontneed.c', 'kapi-cond: start=addr:beyond-maxbytes, behavior=MADV_REMOVE', 'kapi-cond: start=addr:beyond-maxbytes, behavior=MADV_DONTNEED');
    const r = kapi(['conform', '-q', '--fs', 'ext4', '--source', f, 'madvise'], { timeout: 300_000 });
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^ {4}not ok \d+ EFBIG when start=addr:beyond-maxbytes, behavior=MADV_DONTNEED$/m);
    assert.match(r.stdout, /# sys_madvise@ext4 case \d+: expected EFBIG, got 0$/m);
  });
});

describe('MADV_REMOVE errors on the 6.1 guest', () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  const skip = kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)';
  it('ENODEV is provoked; EFBIG is skipped (the guest\'s scratch directory is on its tmpfs root)', { skip }, () => {
    const r = kapi(['conform', '-q', '--kernel', kernel!, 'madvise'], { timeout: 300_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assertRemoveErrors(r.stdout, 'skipped');
  });
  it('EFBIG is provoked on an ext4 and an ext2 disk in the guest, skipped on tmpfs', { skip }, () => {
    const r = kapi(['conform', '-q', '--kernel', kernel!, '--fs', 'ext4,ext2,tmpfs', 'madvise'], { timeout: 400_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const parts = r.stdout.split(/^ok \d+ sys_madvise@\S+$/m);
    assertRemoveErrors(parts[0]!, 'provoked', 'ext4');
    assertRemoveErrors(parts[1]!, 'provoked', 'ext2');
    assertRemoveErrors(parts[2]!, 'skipped', 'tmpfs');
  });
});
