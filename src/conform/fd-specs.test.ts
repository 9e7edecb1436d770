// The descriptor-table specs (specs/file.c: dup, dup2, dup3, close_range; specs/pipe.c: pipe,
// pipe2) and the vocabulary they brought: the fixtures fd:same@PARAM, fd:crowded and fd:reserved, the
// settings files=shared and config.WATCH_QUEUE, the guard PARAM!&CONST and the claims fd:dup,
// fd:closed-range, fd:cloexec-range and fd:pair*. On this kernel, with mutants that must fail,
// and (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel in qemu.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { Param } from '../model/types.js';
import { specsFromC } from '../sources/index.js';
import { coverageLine, failedCases, kapi, mutatedIn, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { guardHolds, parseEffects } from './effect.js';
import { planSpec } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-fd-specs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const FILE_C = readFileSync(repoPath('specs/file.c'), 'utf8');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const params = (...names: string[]) => names.map((name, index) => ({ index, name, type: 'int', at: 't.c:1' }) as Param);

describe('the new settings and claims are read, and bad ones are named', () => {
  it('fd:same@PARAM, files=shared and config.WATCH_QUEUE', () => {
    const ps = params('oldfd', 'newfd', 'flags');
    const r = parseConditions('newfd=fd:same@oldfd; flags=1, files=shared; flags=O_NOTIFICATION_PIPE, config.WATCH_QUEUE=n', ps);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.conditions[0]!.settings, [{ kind: 'arg', param: 'newfd', index: 1, value: { fd: 'same', of: 0 } }]);
    assert.deepEqual(r.conditions[1]!.settings[1], { kind: 'sharedfiles' });
    assert.deepEqual(r.conditions[2]!.settings, [
      { kind: 'arg', param: 'flags', index: 2, value: { int: 0x80n } }, { kind: 'config', name: 'WATCH_QUEUE', value: false },
    ]);
    const bad = parseConditions('newfd=fd:same; oldfd=fd:same@newfd; files=private; config.WATCH_QUEUE=m; config.KCMP=y', ps);
    assert.deepEqual(bad.problems, [
      "newfd=fd:same: 'fd:same' needs '@PARAM', the parameter whose descriptor it repeats",
      "oldfd=fd:same@newfd: 'fd:same@newfd': newfd must come before oldfd",
      "files=private: files takes 'shared', not 'private'",
      "config.WATCH_QUEUE=m: config.WATCH_QUEUE takes 'y' or 'n', not 'm'",
      "config.KCMP=y: unknown kernel option 'KCMP' (expected WATCH_QUEUE)",
    ]);
  });
  it('the guard PARAM!&CONST holds when every bit of CONST is clear', () => {
    const ps = [...params('fd', 'max_fd', 'flags')];
    const r = parseEffects('fd:closed-range=fd,max_fd if flags!&CLOSE_RANGE_CLOEXEC', ps);
    assert.deepEqual(r.problems, []);
    const g = r.claims[0]!.guard!;
    assert.deepEqual([g.param, g.op, g.value], [2, '!&', 4n]);
    assert.equal(guardHolds(g, () => 0n), true);
    assert.equal(guardHolds(g, () => 2n), true);
    assert.equal(guardHolds(g, () => 6n), false);
    assert.equal(guardHolds(g, () => undefined), false, 'a fixture argument passes no guard');
  });
  it('fd:pair takes a pointer parameter; fd:dup takes ret and a parameter', () => {
    const ps = [{ index: 0, name: 'fildes', type: 'user_ptr', at: 't.c:1' }, { index: 1, name: 'flags', type: 'int', at: 't.c:2' }] as Param[];
    assert.deepEqual(parseEffects('fd:pair=fildes; fd:pair-cloexec=fildes if flags&O_CLOEXEC', ps).problems, []);
    assert.deepEqual(parseEffects('fd:pair=flags', ps).problems, ["fd:pair: 'flags' is not a pointer parameter"]);
    assert.deepEqual(parseEffects('fd:dup=fildes,flags', ps).problems, ["fd:dup: 'fildes' must be 'ret'"]);
  });
});

describe('planning specs/file.c', () => {
  const specs = specsFromC(FILE_C, 'file.c', new DiagSink());
  const plan = (name: string) => planSpec(specs.find((s) => s.name === name)!).cases;
  it("dup2's EBUSY takes the reserved number, dup3's EINVAL the same descriptor twice", () => {
    assert.deepEqual(plan('sys_dup2').find((c) => c.what === 'EBUSY when newfd=fd:reserved')?.args[1], { kind: 'fd', fixture: 'reserved' });
    assert.deepEqual(plan('sys_dup3').find((c) => c.what === 'EINVAL when newfd=fd:same@oldfd')?.args[1], { kind: 'fd', fixture: 'same', of: 0 });
  });
  it("close_range's claims follow CLOSE_RANGE_CLOEXEC", () => {
    const cases = plan('sys_close_range');
    const claims = (what: string) => cases.find((c) => c.what === what)?.effects?.claims.map((c) => c.name);
    assert.deepEqual(claims('side-effect 1 shows when fd=fd:file, max_fd=fd:same@fd'), ['fd:closed-range', 'fd:closed-range']);
    assert.deepEqual(claims('side-effect 2 shows when fd=fd:file, max_fd=fd:same@fd, flags=CLOSE_RANGE_CLOEXEC'), ['fd:cloexec-range', 'fd:cloexec-range']);
    const unshare = cases.find((c) => c.what === 'ENOMEM when flags=CLOSE_RANGE_UNSHARE, files=shared, memcg=full');
    assert.deepEqual(unshare?.setup, { rlimits: [], ignore: [], memcg: true, sharedfiles: true });
  });
});

describe('specs/file.c on this kernel', () => {
  it('every case passes; EBUSY, ENOMEM and EINVAL are provoked', () => {
    const r = kapi(['conform', '-q', 'dup', 'dup2', 'dup3', 'close_range'], { timeout: 300_000 });
    assert.equal(r.code, 0, failedCases(r));
    assert.match(coverageLine(r.stdout, 'sys_dup'), /errors provoked 3\/3 \(100%\): EBADF EMFILE ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_dup2'), /errors provoked 3\/3 \(100%\): EBADF EBUSY ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_dup3'), /errors provoked 4\/4 \(100%\): EBADF EBUSY EINVAL ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_close_range'), /errors provoked 2\/3 \(66.7%\): EINVAL ENOMEM; unprovokable 1: EMFILE/);
    for (const api of ['sys_dup', 'sys_dup2', 'sys_dup3']) assert.match(r.stdout, new RegExp(`# ${api}: effects checked 3/4 `));
  });
  it('without a child sharing the table, unsharing allocates nothing: a full memory cgroup does not fail it', () => {
    const f = mutatedIn(dir, FILE_C, 'no-share.c', 'kapi-cond: flags=CLOSE_RANGE_UNSHARE, files=shared, memcg=full', 'kapi-cond: flags=CLOSE_RANGE_UNSHARE, memcg=full');
    const r = kapi(['conform', '-q', '--source', f, 'close_range'], { timeout: 120_000 });
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /^ {4}not ok \d+ ENOMEM when flags=CLOSE_RANGE_UNSHARE, memcg=full\n {4}# sys_close_range case \d+: expected ENOMEM, got 0$/m);
  });
  it('a crowded table grows for dup() when memory is there', () => {
    const f = mutatedIn(dir, FILE_C, 'no-memcg.c', 'kapi-cond: fildes=fd:crowded, memcg=full', 'kapi-cond: fildes=fd:crowded');
    const r = kapi(['conform', '-q', '--source', f, 'dup'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}not ok \d+ ENOMEM when fildes=fd:crowded\n {4}# sys_dup case \d+: expected ENOMEM, got 64$/m);
  });
  it('a number nobody reserved is no EBUSY', () => {
    const f = mutatedIn(dir, FILE_C, 'no-reserve.c', 'kapi-cond: newfd=fd:reserved\n *   desc: With', 'kapi-cond: newfd=11\n *   desc: With');
    const r = kapi(['conform', '-q', '--source', f, 'dup2'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}not ok \d+ EBUSY when newfd=11\n {4}# sys_dup2 case \d+: expected EBUSY, got 11$/m);
  });
  it('claims that do not hold fail the case', () => {
    // dup3 without O_CLOEXEC does not set FD_CLOEXEC.
    let f = mutatedIn(dir, FILE_C, 'cloexec.c', 'kapi-effect: fd:dup=ret,oldfd; fd:cloexec=ret if flags&O_CLOEXEC\n *\n * error: EINVAL',
      'kapi-effect: fd:dup=ret,oldfd; fd:cloexec=ret\n *\n * error: EINVAL');
    let r = kapi(['conform', '-q', '--source', f, 'dup3'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}# sys_dup3 case 1: claimed effect 'fd:cloexec=ret' \(return\) not seen: descriptor 10 has no FD_CLOEXEC$/m);
    // close_range with CLOSE_RANGE_CLOEXEC closes nothing.
    f = mutatedIn(dir, FILE_C, 'closed.c', 'kapi-effect: fd:closed-range=fd,max_fd if flags!&CLOSE_RANGE_CLOEXEC\n *   kapi-effect-case: fd=fd:file',
      'kapi-effect: fd:closed-range=fd,max_fd\n *   kapi-effect-case: fd=fd:file');
    r = kapi(['conform', '-q', '--source', f, 'close_range'], { timeout: 120_000 });
    assert.match(r.stdout, new RegExp(`^ {4}not ok \\d+ ${esc('side-effect 2 shows when fd=fd:file, max_fd=fd:same@fd, flags=CLOSE_RANGE_CLOEXEC')}\n {4}# sys_close_range case \\d+: claimed effect 'fd:closed-range=fd,max_fd' \\(side-effect 1\\) not seen: descriptor 3 is still open$`, 'm'));
    // The copy refers to oldfd's open file, not to another one.
    f = join(dir, 'openat.c');
    writeFileSync(f, `/**
 * sys_openat - open
 * @dfd: directory
 * @filename: name
 * @flags: flags
 * @mode: mode
 *
 * contexts: process
 *
 * param: dfd
 *   kapi-semantic: fd:dir
 *   type: fd, input
 * param: filename
 *   type: path, input
 * param: flags
 *   kapi-test: no-invalid
 *   type: int, input
 * param: mode
 *   kapi-test: no-invalid
 *   type: uint, input
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   kapi-effect: fd:new=ret; fd:dup=ret,dfd
 */
SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
}
`);
    r = kapi(['conform', '-q', '--source', f, 'openat'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}# sys_openat case 1: claimed effect 'fd:dup=ret,dfd' \(return\) not seen: descriptor 4 does not refer to the open file of 3$/m);
  });
});

const PIPE_C = readFileSync(repoPath('specs/pipe.c'), 'utf8');
/** Whether this kernel has notification pipes (CONFIG_WATCH_QUEUE), from its config when it says. */
function hasWatchQueue(): boolean | undefined {
  for (const f of [`/boot/config-${readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()}`]) {
    try {
      const text = readFileSync(f, 'utf8');
      return /^CONFIG_WATCH_QUEUE=y$/m.test(text);
    } catch { /* no config file */ }
  }
  return undefined;
}

describe('specs/pipe.c on this kernel', () => {
  it('every case passes; ENFILE (memcg=full) and EFAULT are provoked, ENOPKG where the kernel lacks watch queues', () => {
    const r = kapi(['conform', '-q', 'pipe', 'pipe2'], { timeout: 300_000 });
    assert.equal(r.code, 0, failedCases(r));
    assert.match(coverageLine(r.stdout, 'sys_pipe'), /errors provoked 3\/4 \(75%\): EFAULT EMFILE ENFILE; unprovokable 1: ENOMEM/);
    const wq = hasWatchQueue();
    const notify = 'side-effect 1 shows when flags=O_NOTIFICATION_PIPE, config.WATCH_QUEUE=y';
    const enopkg = 'ENOPKG when flags=O_NOTIFICATION_PIPE, config.WATCH_QUEUE=n';
    if (wq === false) {
      assert.match(coverageLine(r.stdout, 'sys_pipe2'), /errors provoked 5\/6 \(83.3%\): EFAULT EINVAL EMFILE ENFILE ENOPKG; unprovokable 1: ENOMEM/);
      assert.match(r.stdout, new RegExp(`^ {4}ok \\d+ ${esc(enopkg)}$`, 'm'));
      assert.match(r.stdout, new RegExp(`^ {4}ok \\d+ ${esc(notify)} # SKIP the kernel has no notification pipes \\(CONFIG_WATCH_QUEUE is not set\\)$`, 'm'));
    } else if (wq === true) {
      assert.match(r.stdout, new RegExp(`^ {4}ok \\d+ ${esc(enopkg)} # SKIP the kernel has notification pipes \\(CONFIG_WATCH_QUEUE=y\\)$`, 'm'));
      assert.match(r.stdout, new RegExp(`^ {4}ok \\d+ ${esc(notify)}$`, 'm'));
    }
    for (const w of ['O_CLOEXEC', 'O_NONBLOCK', 'O_DIRECT']) assert.match(r.stdout, new RegExp(`^ {4}ok \\d+ side-effect 1 shows when flags=${w}$`, 'm'));
  });
  it('claims of flags the call was not given fail; so does a pair the call did not make', () => {
    let f = mutatedIn(dir, PIPE_C, 'pipe-cloexec.c', 'kapi-effect: fd:pair=fildes\n *\n * side-effect: modify_state', 'kapi-effect: fd:pair=fildes; fd:pair-cloexec=fildes; fd:pair-nonblock=fildes\n *\n * side-effect: modify_state');
    let r = kapi(['conform', '-q', '--source', f, 'pipe'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}# sys_pipe case 1: claimed effect 'fd:pair-cloexec=fildes' \(side-effect 1\) not seen: descriptors 3 and 4 do not both have FD_CLOEXEC$/m);
    f = mutatedIn(dir, PIPE_C, 'pipe-nonblock.c', 'kapi-effect: fd:pair=fildes\n *\n * side-effect: modify_state', 'kapi-effect: fd:pair=fildes; fd:pair-nonblock=fildes; fd:pair-direct=fildes\n *\n * side-effect: modify_state');
    r = kapi(['conform', '-q', '--source', f, 'pipe'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}# sys_pipe case 1: claimed effect 'fd:pair-nonblock=fildes' \(side-effect 1\) not seen: descriptors 3 and 4 do not both have O_NONBLOCK$/m);
    // Without the pair claim, the two new descriptors and the written array are unexplained.
    f = join(dir, 'pipe-none.c');
    writeFileSync(f, PIPE_C.replaceAll(' *   kapi-effect: fd:pair=fildes\n', ' *   kapi-unobservable: a mutant that claims nothing\n'));
    r = kapi(['conform', '-q', '--source', f, 'pipe'], { timeout: 120_000 });
    assert.match(r.stdout, /^ {4}# sys_pipe case 1: the call changed fd:3:opened, which no kapi-effect of the spec claims$/m);
  });
});

const KERNEL = process.env.KAPI_TEST_KERNEL;
describe('the descriptor specs on the 6.1 cloud kernel in qemu', { skip: KERNEL ? false : 'set KAPI_TEST_KERNEL to a vmlinuz' }, () => {
  it('every case passes or is skipped for the kernel; the same errors are provoked', () => {
    const r = kapi(['conform', '-q', '--kernel', KERNEL!, 'dup', 'dup2', 'dup3', 'close_range', 'pipe', 'pipe2'], { timeout: 900_000 });
    assert.equal(r.code, 0, failedCases(r));
    assert.match(coverageLine(r.stdout, 'sys_dup'), /errors provoked 3\/3 \(100%\): EBADF EMFILE ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_dup2'), /errors provoked 3\/3 \(100%\): EBADF EBUSY ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_dup3'), /errors provoked 4\/4 \(100%\): EBADF EBUSY EINVAL ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_close_range'), /errors provoked 2\/3 \(66.7%\): EINVAL ENOMEM; unprovokable 1: EMFILE/);
    assert.match(coverageLine(r.stdout, 'sys_pipe'), /errors provoked 3\/4 \(75%\): EFAULT EMFILE ENFILE; unprovokable 1: ENOMEM/);
    // The Debian cloud kernel is built without CONFIG_WATCH_QUEUE, like this one.
    assert.match(coverageLine(r.stdout, 'sys_pipe2'), /errors provoked 5\/6 \(83.3%\): EFAULT EINVAL EMFILE ENFILE ENOPKG; unprovokable 1: ENOMEM/);
  });
});
