// The fcntl and flock specs (specs/fcntl.c, specs/locks.c) and the vocabulary they brought: the
// fixtures fd:locked-other and fd:lock-deadlock, the structures ptr:flock-rd, -wr, -un,
// -badwhence, ptr:ones and ptr:owner-self, and the claims fd:fdflags, fd:status, lock:held,
// lock:free, lock:flock-held, lock:flock-free, lock:lease, fd:owner, fd:signal, fd:pipe-size and
// fd:seals. On this kernel, with mutants that must fail, and (KAPI_TEST_KERNEL) on the Debian 6.1
// cloud kernel in qemu.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { Param } from '../model/types.js';
import { specsFromC } from '../sources/index.js';
import { coverageLine, kapi, mutatedIn, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { parseEffects } from './effect.js';
import { emitProgram } from './emit.js';
import { planSpec } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-fcntl-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const FCNTL_C = readFileSync(repoPath('specs/fcntl.c'), 'utf8');
const LOCKS_C = readFileSync(repoPath('specs/locks.c'), 'utf8');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const params = (...names: string[]) => names.map((name, index) => ({ index, name, type: 'int', at: 't.c:1' }) as Param);

/** A small fcntl spec with one effect block: its claims and its extra successful calls. */
function fcntlSpec(name: string, effect: string, cases: string): string {
  const f = join(dir, name);
  writeFileSync(f, `/**
 * sys_fcntl - fcntl with one effect block
 * @fd: descriptor
 * @cmd: command
 * @arg: argument
 *
 * contexts: process
 *
 * param: fd
 *   kapi-test: no-invalid
 *   type: fd, input
 * param: cmd
 *   kapi-valid: F_GETFD
 *   kapi-test: no-invalid
 *   type: uint, input
 * param: arg
 *   kapi-test: no-invalid
 *   type: custom, input
 * return:
 *   type: int
 *   check-type: custom
 *
 * side-effect: modify_state
 *   target: a mutant's claim
 *   kapi-effect: ${effect}
 *   kapi-effect-case: ${cases}
 */
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
}
`);
  return f;
}

/** The failure line of a case, by its title, in KTAP output. */
const failed = (api: string, what: string, why: string) =>
  new RegExp(`^ {4}not ok \\d+ ${esc(what)}\\n {4}# ${api} case \\d+: ${why}$`, 'm');

describe('the new fixtures and claims are read, and bad ones are named', () => {
  it('fd:locked-other, fd:lock-deadlock and the structure pointers', () => {
    const ps = params('fd', 'cmd', 'arg');
    const r = parseConditions('fd=fd:locked-other, cmd=F_SETLK, arg=ptr:flock-wr; fd=fd:lock-deadlock, arg=ptr:flock-badwhence; arg=ptr:ones; arg=ptr:owner-self; arg=ptr:flock-un; arg=ptr:flock-rd', ps);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.conditions[0]!.settings, [
      { kind: 'arg', param: 'fd', index: 0, value: { fd: 'locked-other' } },
      { kind: 'arg', param: 'cmd', index: 1, value: { int: 6n } },
      { kind: 'arg', param: 'arg', index: 2, value: { ptr: 'flock-wr' } },
    ]);
    assert.deepEqual(r.conditions[1]!.settings[0], { kind: 'arg', param: 'fd', index: 0, value: { fd: 'lock-deadlock' } });
    const bad = parseConditions('arg=ptr:flock; fd=fd:locked-other@cmd; fd=fd:locked', ps);
    assert.equal(bad.problems.length, 3);
    assert.match(bad.problems[0]!, /^arg=ptr:flock: unknown pointer 'ptr:flock'/);
    assert.equal(bad.problems[1], "fd=fd:locked-other@cmd: 'fd:locked-other' takes no '@PARAM'");
    assert.match(bad.problems[2]!, /^fd=fd:locked: unknown descriptor 'fd:locked'/);
  });
  it('the claims take descriptor and argument parameters', () => {
    const ps = params('fd', 'cmd', 'arg');
    const r = parseEffects('fd:fdflags=fd,arg if cmd=F_SETFD; fd:status=fd,arg; lock:held=fd; lock:free=fd; lock:flock-held=fd if cmd!&40; lock:flock-free=fd; lock:lease=fd,arg; fd:owner=fd,arg; fd:signal=fd,arg; fd:pipe-size=fd; fd:seals=fd,arg', ps);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.claims.map((c) => c.args), [
      [{ param: 0 }, { param: 2 }], [{ param: 0 }, { param: 2 }], [{ param: 0 }], [{ param: 0 }], [{ param: 0 }], [{ param: 0 }],
      [{ param: 0 }, { param: 2 }], [{ param: 0 }, { param: 2 }], [{ param: 0 }, { param: 2 }], [{ param: 0 }], [{ param: 0 }, { param: 2 }],
    ]);
    assert.deepEqual(parseEffects('lock:held=ret; fd:status=fd; fd:pipe-size=fd,arg', ps).problems, [
      "lock:held: 'ret' is not a parameter",
      "'fd:status' takes param, param, not 'fd'",
      "'fd:pipe-size' takes param, not 'fd,arg'",
    ]);
  });
});

describe('planning specs/fcntl.c and specs/locks.c', () => {
  const specs = [...specsFromC(FCNTL_C, 'fcntl.c', new DiagSink()), ...specsFromC(LOCKS_C, 'locks.c', new DiagSink())];
  const plan = (name: string) => planSpec(specs.find((s) => s.name === name)!);
  it('the lock errors take the structures and the lock fixtures; the children are reaped', () => {
    const p = plan('sys_fcntl');
    const dead = p.cases.find((c) => c.what === 'EDEADLK when fd=fd:lock-deadlock, cmd=F_SETLKW, arg=ptr:flock-wr');
    assert.deepEqual(dead?.args, [{ kind: 'fd', fixture: 'lock-deadlock' }, { kind: 'int', value: 7n }, { kind: 'struct', which: 'flock-wr' }]);
    const intr = p.cases.find((c) => c.what === 'EINTR when fd=fd:locked-other, cmd=F_SETLKW, arg=ptr:flock-wr, sig.ALRM=interrupt');
    assert.equal(intr?.setup?.interrupt, true);
    const c = emitProgram([dead!, intr!], new Map(specs.map((s) => [s.name, s])), { timeoutMs: 5000, origin: 'test' });
    assert.match(c, /long a0 = fx_lock_deadlock\(\);\n\tlong a1 = \(long\)7UL;\n\tlong a2 = fx_flock\(F_WRLCK, SEEK_SET\);/);
    assert.equal(c.match(/\tfx_reap\(\);/g)?.length, 2, 'each case kills and reaps the lock holder');
    assert.deepEqual(p.conditionProblems, undefined);
    assert.deepEqual(p.effectProblems, undefined);
  });
  it("each command's claims apply to its own calls only", () => {
    const claims = (what: string) => plan('sys_fcntl').cases.find((c) => c.what === what)?.effects?.claims.map((c) => c.text);
    assert.deepEqual(claims('side-effect 2 shows when cmd=F_SETFD, arg=FD_CLOEXEC'), ['keeps:signal-mask', 'fd:fdflags=fd,arg if cmd=F_SETFD']);
    assert.deepEqual(claims('side-effect 4 shows when cmd=F_OFD_SETLK, arg=ptr:flock-rd'), ['keeps:signal-mask', 'lock:held=fd if cmd=F_OFD_SETLK']);
    assert.deepEqual(claims('side-effect 1 shows when cmd=F_DUPFD_CLOEXEC'), ['keeps:signal-mask', 'fd:new=ret if cmd=F_DUPFD_CLOEXEC', 'fd:dup=ret,fd if cmd=F_DUPFD_CLOEXEC', 'fd:cloexec=ret if cmd=F_DUPFD_CLOEXEC']);
    const flk = (what: string) => plan('sys_flock').cases.find((c) => c.what === what)?.effects?.claims.map((c) => c.text);
    assert.deepEqual(flk('return shows when cmd=32'), ['keeps:signal-mask'], 'LOCK_MAND claims no lock');
    assert.deepEqual(flk('side-effect 2 shows when cmd=12'), ['keeps:signal-mask', 'lock:flock-free=fd if cmd&8', 'lock:flock-free=fd if cmd&8']);
  });
});

describe('specs/fcntl.c and specs/locks.c on this kernel', () => {
  it('every case passes; the lock, lease, pipe and seal errors are provoked', () => {
    const r = kapi(['conform', '-q', 'fcntl', 'flock'], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# sys_.* case/.test(l)).join('\n'));
    assert.match(coverageLine(r.stdout, 'sys_fcntl'), /errors provoked 14\/15 \(93.3%\): EACCES EAGAIN EBADF EBUSY EDEADLK EFAULT EINTR EINVAL EMFILE ENOMEM ENOTDIR ENOTTY EPERM ESRCH; unprovokable 1: ENOLCK/);
    assert.match(coverageLine(r.stdout, 'sys_flock'), /errors provoked 4\/5 \(80%\): EAGAIN EBADF EINTR EINVAL; unprovokable 1: ENOMEM/);
    assert.match(r.stdout, /# sys_fcntl: effects checked 10\/12 /);
    assert.match(r.stdout, /# sys_flock: effects checked 4\/4 /);
  });
  it('without the other holder there is no conflict, and without a wait no deadlock', () => {
    let f = mutatedIn(dir, FCNTL_C, 'no-holder.c', 'kapi-cond: fd=fd:locked-other, cmd=F_SETLK, arg=ptr:flock-wr;', 'kapi-cond: fd=fd:file, cmd=F_SETLK, arg=ptr:flock-wr;');
    let r = kapi(['conform', '-q', '--source', f, 'fcntl'], { timeout: 300_000 });
    assert.match(r.stdout, failed('sys_fcntl', 'EAGAIN when fd=fd:file, cmd=F_SETLK, arg=ptr:flock-wr', 'expected EAGAIN, got 0'));
    f = mutatedIn(dir, FCNTL_C, 'no-wait.c', 'kapi-cond: fd=fd:lock-deadlock, cmd=F_SETLKW,', 'kapi-cond: fd=fd:lock-deadlock, cmd=F_SETLK,');
    r = kapi(['conform', '-q', '--source', f, 'fcntl'], { timeout: 300_000 });
    assert.match(r.stdout, failed('sys_fcntl', 'EDEADLK when fd=fd:lock-deadlock, cmd=F_SETLK, arg=ptr:flock-wr', 'expected EDEADLK, got -1, errno EAGAIN'));
    // An OFD lock is owned by the open file: no deadlock check, the call waits until the signal.
    f = mutatedIn(dir, FCNTL_C, 'ofd-wait.c', 'kapi-cond: fd=fd:lock-deadlock, cmd=F_SETLKW,', 'kapi-cond: fd=fd:lock-deadlock, sig.ALRM=interrupt, cmd=F_OFD_SETLKW,');
    r = kapi(['conform', '-q', '--source', f, 'fcntl'], { timeout: 300_000 });
    assert.match(r.stdout, failed('sys_fcntl', 'EDEADLK when fd=fd:lock-deadlock, sig.ALRM=interrupt, cmd=F_OFD_SETLKW, arg=ptr:flock-wr', 'expected EDEADLK, got -1, errno EINTR'));
    f = mutatedIn(dir, LOCKS_C, 'flock-no-holder.c', 'kapi-cond: fd=fd:locked-other, cmd=6;', 'kapi-cond: fd=fd:file, cmd=6;');
    r = kapi(['conform', '-q', '--source', f, 'flock'], { timeout: 300_000 });
    assert.match(r.stdout, failed('sys_flock', 'EAGAIN when fd=fd:file, cmd=6', 'expected EAGAIN, got 0'));
  });
  it('lock claims that do not hold fail the case', () => {
    let r = kapi(['conform', '-q', '--source', fcntlSpec('held.c', 'lock:held=fd', 'cmd=F_GETLK, arg=ptr:flock-wr; cmd=F_SETLK, arg=ptr:flock-rd'), 'fcntl'], { timeout: 120_000 });
    assert.match(r.stdout, failed('sys_fcntl', 'side-effect 1 shows when cmd=F_GETLK, arg=ptr:flock-wr', "claimed effect 'lock:held=fd' \\(side-effect 1\\) not seen: another open file of descriptor \\d+'s file sees no record lock"));
    assert.match(r.stdout, /^ {4}ok \d+ side-effect 1 shows when cmd=F_SETLK, arg=ptr:flock-rd$/m);
    r = kapi(['conform', '-q', '--source', fcntlSpec('free.c', 'lock:free=fd', 'cmd=F_OFD_SETLK, arg=ptr:flock-wr; cmd=F_SETLK, arg=ptr:flock-un'), 'fcntl'], { timeout: 120_000 });
    assert.match(r.stdout, failed('sys_fcntl', 'side-effect 1 shows when cmd=F_OFD_SETLK, arg=ptr:flock-wr', "claimed effect 'lock:free=fd' \\(side-effect 1\\) not seen: another open file of descriptor \\d+'s file sees a record lock"));
    assert.match(r.stdout, /^ {4}ok \d+ side-effect 1 shows when cmd=F_SETLK, arg=ptr:flock-un$/m);
    const f = mutatedIn(dir, LOCKS_C, 'flock-free.c', 'kapi-effect: lock:flock-held=fd if cmd!&40\n *   kapi-effect-case', 'kapi-effect: lock:flock-free=fd if cmd!&40\n *   kapi-effect-case');
    r = kapi(['conform', '-q', '--source', f, 'flock'], { timeout: 120_000 });
    assert.match(r.stdout, failed('sys_flock', 'side-effect 1 shows when fd=fd:dir, cmd=2', "claimed effect 'lock:flock-free=fd if cmd!&40' \\(side-effect 1\\) not seen: another open file of descriptor \\d+'s file sees a flock\\(\\) lock"));
  });
  it('flag, owner, signal, lease, pipe and seal claims that do not hold fail the case', () => {
    const cases: [string, string, string, string][] = [
      ['fd:fdflags=fd,arg', 'cmd=F_GETFD, arg=FD_CLOEXEC', 'fd:fdflags=fd,arg', 'descriptor \\d+ has FD_CLOEXEC 0, not 1'],
      ['fd:status=fd,arg', 'cmd=F_GETFL, arg=O_NONBLOCK', 'fd:status=fd,arg', 'descriptor \\d+ has status flags 0, not 0x800'],
      ['lock:lease=fd,arg', 'cmd=F_GETLEASE, arg=F_RDLCK', 'lock:lease=fd,arg', 'F_GETLEASE of descriptor \\d+ gives 2, not 0'],
      ['fd:owner=fd,arg', 'cmd=F_GETOWN, arg=1', 'fd:owner=fd,arg', 'fcntl\\(\\d+, 9\\) gives 0, not 1'],
      ['fd:signal=fd,arg', 'cmd=F_GETSIG, arg=10', 'fd:signal=fd,arg', 'fcntl\\(\\d+, 11\\) gives 0, not 10'],
      ['fd:pipe-size=fd', 'cmd=F_GETFL', 'fd:pipe-size=fd', 'fcntl\\(\\d+, 1032\\) gives -1, not \\d+'],
      ['fd:seals=fd,arg', 'fd=fd:sealed, cmd=F_GET_SEALS, arg=F_SEAL_GROW', 'fd:seals=fd,arg', 'fcntl\\(\\d+, 1034\\) gives 8, not all bits of 4'],
    ];
    for (const [claim, call, text, why] of cases) {
      const r = kapi(['conform', '-q', '--source', fcntlSpec(`${claim.replace(/\W/g, '-')}.c`, claim, call), 'fcntl'], { timeout: 120_000 });
      assert.match(r.stdout, failed('sys_fcntl', `side-effect 1 shows when ${call}`, `claimed effect '${esc(text)}' \\(side-effect 1\\) not seen: ${why}`), r.stdout);
    }
    // A change no claim explains: F_SETFD without its claim.
    const r = kapi(['conform', '-q', '--source', fcntlSpec('unclaimed.c', 'fd:status=fd,arg if cmd=F_SETFL', 'cmd=F_SETFD, arg=FD_CLOEXEC'), 'fcntl'], { timeout: 120_000 });
    assert.match(r.stdout, failed('sys_fcntl', 'side-effect 1 shows when cmd=F_SETFD, arg=FD_CLOEXEC', 'the call changed fd:\\d+:cloexec, which no kapi-effect of the spec claims'));
  });
});

const KERNEL = process.env.KAPI_TEST_KERNEL;
describe('specs/fcntl.c and specs/locks.c on the 6.1 cloud kernel in qemu', { skip: KERNEL ? false : 'set KAPI_TEST_KERNEL to a vmlinuz' }, () => {
  it('every case passes; the same errors are provoked', () => {
    const r = kapi(['conform', '-q', '--kernel', KERNEL!, 'fcntl', 'flock'], { timeout: 1_200_000 });
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# sys_.* case/.test(l)).join('\n') + r.stderr);
    assert.match(coverageLine(r.stdout, 'sys_fcntl'), /errors provoked 14\/15 \(93.3%\): EACCES EAGAIN EBADF EBUSY EDEADLK EFAULT EINTR EINVAL EMFILE ENOMEM ENOTDIR ENOTTY EPERM ESRCH; unprovokable 1: ENOLCK/);
    assert.match(coverageLine(r.stdout, 'sys_flock'), /errors provoked 4\/5 \(80%\): EAGAIN EBADF EINTR EINVAL; unprovokable 1: ENOMEM/);
  });
});
