// Conformance on several filesystems (`kapi conform --fs`): the path and descriptor specs of the
// corpus on every kind this machine can make, passing; nothing left mounted or attached; a kind
// the kernel lacks reported as lacking; unknown kinds are usage errors; `kapi-fs` tags.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { CORPUS_RUN_MS, corpusApiCount, corpusSyscalls, fsType, kapi, repoPath } from '../testutil.js';
import { mountsUnder, parseFsList, runOnFilesystems, unavailable, type FsKind } from './fs.js';
import { parseFsTag, planSpec } from './plan.js';
import { judge } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-fs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ALL: FsKind[] = ['tmpfs', 'ext4', 'xfs', 'btrfs', 'overlay', 'fuse'];
const here = ALL.filter((k) => !unavailable(k));
const SUBSET = ['open', 'read', 'write', 'close', 'execve'];
/** The bundled corpus's syscalls, every one of which --fs runs on every filesystem. */
const CORPUS = corpusSyscalls();

/** Mounts and loop devices of kapi's work directories (kapi-conform-*), anywhere. */
function leftovers(): string[] {
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => / \S*kapi-conform-\S* /.test(l));
  const loops = spawnSync('losetup', ['-a'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes('kapi-conform-'));
  return [...mounts, ...loops];
}


describe('conform --fs', () => {
  it('this machine can make tmpfs, ext4, xfs, btrfs, overlay and fuse (xfsprogs, btrfs-progs, bindfs installed)', () => {
    assert.deepEqual(ALL.map((k) => [k, unavailable(k) ?? 'ok']), ALL.map((k) => [k, 'ok']));
  });

  it('the whole corpus passes on every filesystem; vfat (not in this kernel) is reported as lacking; nothing is left behind', () => {
    const json = join(dir, 'r.json');
    const r = kapi(['conform', '--fs', [...here, 'vfat'].join(','), '--json', json], { timeout: CORPUS_RUN_MS });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    for (const fs of here) for (const api of CORPUS) assert.match(r.stdout, new RegExp(`^ok \\d+ sys_${api}@${fs}$`, 'm'), `${api} on ${fs}`);
    assert.doesNotMatch(r.stdout, /not ok/);
    const vfat = !!unavailable('vfat');
    if (vfat) {
      assert.match(r.stdout, /^ok \d+ sys_open@vfat # SKIP vfat: this kernel lacks vfat/m);
      assert.match(r.stderr, /vfat skipped: this kernel lacks vfat/);
      assert.match(r.stdout, /^# filesystems: tmpfs ext4 xfs btrfs overlay fuse; skipped: vfat \(this kernel lacks vfat/m);
    }
    // The differences are the documented ones: FUSE files poll (epoll_ctl EPERM), bindfs has no
    // O_TMPFILE (open's kapi-fs on side-effect 3); none is a failure.
    const diffs = r.stdout.split('\n').slice(r.stdout.split('\n').findIndex((l) => l.startsWith('# differences between filesystems:')) + 1).filter((l) => l.startsWith('# sys_'));
    assert.match(r.stdout, new RegExp(`^# differences between filesystems: ${diffs.length}$`, 'm'));
    assert.ok(diffs.every((l) => !/\(fail\)/.test(l) && /\(documented\)/.test(l)), diffs.join('\n'));
    assert.ok(diffs.some((l) => /^# sys_open case \d+ side-effect 3 shows when filename=path:dir, flags=O_TMPFILE \| O_RDWR, mode=0600: .*fuse EOPNOTSUPP \(documented\)$/.test(l)), diffs.join('\n'));
    assert.ok(diffs.some((l) => /^# sys_epoll_ctl case \d+ EPERM when fd=fd:file: .*fuse returns 0 \(documented\)$/.test(l)), diffs.join('\n'));
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { filesystems: { fs: string; lacking?: string; results: { api: string; cases: number; passed: number; skips: number }[] }[]; differences: string[] };
    assert.deepEqual(doc.filesystems.map((f) => f.fs), [...here, 'vfat']);
    for (const f of doc.filesystems.filter((x) => x.fs !== 'vfat')) {
      assert.equal(f.results.length, corpusApiCount()); // the syscall specs and the ioctl specs
      for (const x of f.results) assert.ok(x.cases > 0 && x.passed + x.skips === x.cases, `${x.api}: ${x.passed}/${x.cases}, ${x.skips} skipped`);
    }
    assert.equal(!!doc.filesystems.at(-1)!.lacking, vfat);
    assert.deepEqual(leftovers(), []);
  });

  it('the scratch directory is on a fresh filesystem of each kind, and everything is removed after the run', async () => {
    const spec = specsFromC(readFileSync(repoPath('specs/open.c'), 'utf8'), 'open.c', new DiagSink()).find((s) => s.name === 'sys_close');
    const plan = planSpec(spec!);
    const seen: [string, string][] = [];
    let base = '';
    const r = await runOnFilesystems(new Map([[spec!.name, spec!]]), plan.cases, here, {
      onFs: (fs, scratch) => {
        base = dirname(dirname(scratch));
        seen.push([fs, fsType(scratch)]);
      },
    });
    const expected: Record<string, string> = { tmpfs: 'tmpfs', ext4: 'ext4', xfs: 'xfs', btrfs: 'btrfs', overlay: 'overlay', fuse: 'fuse' };
    assert.deepEqual(seen.map(([fs, t]) => [fs, t.replace(/^fuse\..*/, 'fuse')]), here.map((k) => [k, expected[k]]));
    assert.deepEqual(r.leftovers, []);
    for (const run of r.runs) assert.ok(run.outcomes.every((o) => o.pass), `${run.fs}: ${JSON.stringify(run.outcomes.filter((o) => !o.pass).map((o) => o.reason))}`);
    assert.deepEqual(mountsUnder(base), []);
    assert.throws(() => readFileSync(base), /ENOENT/, 'the work directory is removed');
    assert.deepEqual(leftovers(), []);
  });

  it('a filesystem that cannot be made (an xfs image too small for mkfs.xfs) is a failure naming the tool, and is cleaned up', async () => {
    const spec = specsFromC(readFileSync(repoPath('specs/open.c'), 'utf8'), 'open.c', new DiagSink()).find((s) => s.name === 'sys_close')!;
    let base = '';
    const r = await runOnFilesystems(new Map([[spec.name, spec]]), planSpec(spec).cases, ['xfs', 'tmpfs'], { imageMiB: { xfs: 16 }, onFs: (_, s) => { base = dirname(dirname(s)); } });
    assert.equal(r.runs[0]!.fs, 'xfs');
    assert.match(r.runs[0]!.error ?? '', /^cannot make the filesystem: mkfs\.xfs -q -f \S+xfs\.img failed \(status \d+\)/);
    assert.equal(r.runs[0]!.lacking, undefined);
    assert.ok(r.runs[1]!.outcomes.length > 0 && r.runs[1]!.outcomes.every((o) => o.pass), 'tmpfs still runs');
    assert.deepEqual(r.leftovers, []);
    assert.throws(() => readFileSync(base), /ENOENT/);
    assert.deepEqual(leftovers(), []);
  });

  it('--unprivileged cases (nobody, no capabilities) run on overlay and fuse too; --compare reads --fs results', () => {
    const json = join(dir, 'u.json');
    const r = kapi(['conform', '-q', '--unprivileged', '--fs', 'overlay,fuse', '--json', json, 'open', 'close']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ok \d+ sys_open@fuse$/m);
    const c = kapi(['conform', '--compare', json, json]);
    assert.equal(c.code, 0, c.stderr);
    assert.equal(c.stdout, 'same behaviour\n');
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { filesystems: { fs: string; results: { api: string; outcomes: { pass: boolean }[] }[] }[] };
    doc.filesystems[1]!.results[0]!.outcomes[0]!.pass = false;
    writeFileSync(join(dir, 'u2.json'), JSON.stringify(doc));
    const d = kapi(['conform', '--compare', json, join(dir, 'u2.json')]);
    assert.equal(d.code, 1);
    assert.match(d.stdout, /^sys_close@fuse: valid arguments succeed: returns 0 in .* returns 0 \(fail\) in /m);
  });

  it('SIGINT while the cases run on a loop-mounted filesystem: results so far, everything unmounted and detached', async () => {
    const child = spawn(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--fs', 'ext4,xfs', '--timeout', '3', ...SUBSET], { cwd: repoPath('.') });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => { out += t; });
    child.stderr.setEncoding('utf8').on('data', (t: string) => { err += t; });
    // Wait for the ext4 image to be mounted, then interrupt.
    for (let i = 0; i < 200 && !readFileSync('/proc/self/mountinfo', 'utf8').includes('fs-ext4'); i++) await new Promise((res) => setTimeout(res, 25));
    assert.ok(readFileSync('/proc/self/mountinfo', 'utf8').includes('fs-ext4'), 'ext4 was mounted');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    assert.equal(code, 1);
    assert.match(out, /^KTAP version 1$/m);
    assert.match(err, /kapi: ext4: interrupted by SIGINT/);
    assert.match(err, /kapi: xfs: interrupted by SIGINT: 0 of \d+ cases ran/, 'xfs is never made after the signal');
    assert.match(out, /^not ok \d+ sys_open@xfs$/m);
    assert.match(out, /# sys_open@xfs case 1: not run: the run ended before this case/);
    assert.deepEqual(leftovers(), []);
  });

  it('unknown or repeated kinds and no root are usage errors; --fs with --kernel needs no root', () => {
    for (const [arg, msg] of [['tmpfs,zfs9', /unknown filesystem 'zfs9' \(known: tmpfs, ext2/], ['tmpfs,tmpfs', /'tmpfs' is given twice/], ['', /unknown filesystem ''/]] as const) {
      const r = kapi(['conform', '--fs', arg, 'close']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, msg);
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
    }
    // --fs with --kernel runs in the guest (qemu-fs.test.ts), without root: here only the missing image.
    const k = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, repoPath('dist/src/cli/main.js'), 'conform', '-q', '--fs', 'tmpfs', '--kernel', '/nonexistent', 'close'], { encoding: 'utf8', cwd: '/' });
    assert.equal(k.status, 2, k.stderr);
    assert.match(k.stderr, /^kapi: cannot read the kernel image \/nonexistent$/m);
    assert.doesNotMatch(k.stderr, /root/);
    const n = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, repoPath('dist/src/cli/main.js'), 'conform', '-q', '--fs', 'tmpfs', 'close'], { encoding: 'utf8', cwd: '/' });
    assert.equal(n.status, 2, n.stderr);
    assert.match(n.stderr, /--fs makes, mounts and removes a filesystem .* run it as root/);
    assert.throws(() => parseFsList('ext4,ntfs'), /unknown filesystem 'ntfs'/);
    assert.deepEqual(parseFsList('ext4,fuse'), ['ext4', 'fuse']);
  });
});

const TAGGED = `/**
 * sys_close - close a descriptor, with EBADF left out of the list on purpose
 * @fd: fd
 *
 * contexts: process
 *
 * param: fd
 *   type: fd, input
 *   kapi-fs: ext4=EBADF the test's own difference; xfs=EINTR,EIO another
 *
 * error: EINTR, interrupted
 *   kapi-fs: btrfs=EBADF not reached
 * error: EIO, I/O error
 */
SYSCALL_DEFINE1(close, unsigned int, fd)
{
}
`;

describe('kapi-fs tags', () => {
  it('are read into the cases that vary the parameter or expect the error', () => {
    assert.deepEqual(parseFsTag('ext4=EBADF why; xfs=EINTR, EIO two').entries, [
      { fs: 'ext4', errnos: ['EBADF'], reason: 'why' }, { fs: 'xfs', errnos: ['EINTR', 'EIO'], reason: 'two' }]);
    assert.deepEqual(parseFsTag('ext4=EBADF').problems, ["'ext4=EBADF' is not FS=ERRNO[,ERRNO] REASON"]);
    assert.deepEqual(parseFsTag('zfs=EIO r').problems, ["unknown filesystem 'zfs' (known: tmpfs, ext2, ext3, ext4, xfs, btrfs, vfat, overlay, fuse)"]);
    assert.deepEqual(parseFsTag('ext4=ENOTANERRNO r').problems, ['unknown errno ENOTANERRNO']);
    const [spec] = specsFromC(TAGGED, 'tagged.c', new DiagSink());
    const plan = planSpec(spec!);
    const bad = plan.cases.find((c) => c.what === 'fd = -1')!;
    assert.deepEqual(bad.fsAllow?.map((a) => a.fs), ['ext4', 'xfs']);
    assert.equal(plan.cases[0]!.fsAllow, undefined, 'the baseline varies no parameter');
  });

  it('the judge accepts a documented errno on that filesystem only, with the reason as a note', () => {
    const [spec] = specsFromC(TAGGED, 'tagged.c', new DiagSink());
    const c = planSpec(spec!).cases.find((x) => x.what === 'fd = -1')!;
    const on = (fs?: string) => judge(spec!, c, -1n, 'EBADF', 'exit 0', fs ? { fs } : {});
    assert.equal(on(undefined).pass, false);
    assert.equal(on('xfs').pass, false, 'xfs documents EINTR and EIO, not EBADF');
    assert.equal(on('ext4').pass, true);
    assert.equal(on('ext4').note, "documented difference on ext4 (EBADF): the test's own difference");
    assert.equal(judge(spec!, c, -1n, 'ENOMEM', 'exit 0', { fs: 'ext4' }).pass, false);
  });

  it('SUCCESS records a filesystem where the call succeeds instead of failing; a block\'s tag covers its effect cases', () => {
    assert.deepEqual(parseFsTag('fuse=SUCCESS FUSE files poll').entries, [{ fs: 'fuse', errnos: ['SUCCESS'], reason: 'FUSE files poll' }]);
    const [spec] = specsFromC(TAGGED.replace('kapi-fs: ext4=EBADF', 'kapi-fs: fuse=SUCCESS a made-up difference; ext4=EBADF'), 'tagged.c', new DiagSink());
    const c = planSpec(spec!).cases.find((x) => x.what === 'fd = -1')!;
    assert.equal(judge(spec!, c, 0n, undefined, 'exit 0', { fs: 'fuse' }).pass, true);
    assert.equal(judge(spec!, c, 0n, undefined, 'exit 0', { fs: 'fuse' }).note, 'documented difference on fuse (succeeds): a made-up difference');
    assert.equal(judge(spec!, c, 0n, undefined, 'exit 0', { fs: 'ext4' }).pass, false, 'ext4 records EBADF, not success');
    // The corpus: open's O_TMPFILE effect case is documented for FUSE (bindfs has no tmpfile).
    const [openSpec] = specsFromC(readFileSync(repoPath('specs/open.c'), 'utf8'), 'open.c', new DiagSink());
    const open = planSpec(openSpec!).cases.find((x) => x.effectCase === 'side-effect 3')!;
    assert.deepEqual(open.fsAllow?.map((a) => [a.fs, a.errnos]), [['fuse', ['EOPNOTSUPP']], ['overlay', ['EOPNOTSUPP']]]);
  });

  it('end to end: the tagged spec passes on ext4 and fails on tmpfs, and the difference is listed', () => {
    const src = join(dir, 'tagged.c');
    writeFileSync(src, TAGGED);
    const json = join(dir, 't.json');
    const r = kapi(['conform', '-q', '--source', src, '--fs', 'tmpfs,ext4', '--json', json]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^not ok 1 sys_close@tmpfs$/m);
    assert.match(r.stdout, /^ok 2 sys_close@ext4$/m);
    assert.match(r.stdout, /^# differences between filesystems: 2$/m);
    assert.match(r.stdout, /^# sys_close case 2 fd = -1: tmpfs EBADF \(fail\), ext4 EBADF \(documented\)$/m);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { filesystems: { results: { outcomes: { what: string; note?: string }[] }[] }[] };
    assert.match(doc.filesystems[1]!.results[0]!.outcomes.find((o) => o.what === 'fd = -1')!.note!, /documented difference on ext4/);
    assert.deepEqual(leftovers(), []);
  });
});
