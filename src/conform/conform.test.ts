// Conformance: the planner on small specs, the bundled corpus against the running kernel (it must
// pass), deliberately wrong specs (they must fail, naming the case), and host protection.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { corpusApiCount, corpusRun, corpusSyscallCount, failedCases, kapi, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { emitProgram } from './emit.js';
import { planSpec } from './plan.js';
import { judge } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-conform-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DEMO = `/**
 * sys_demo - demo
 * @fd: fd
 * @flags: flags
 * @path: path
 *
 * contexts: process
 *
 * param: fd
 *   type: fd, input
 * param: flags
 *   type: int, input
 *   constraint-type: mask(0x5)
 * param: path
 *   type: path, input
 *
 * error: EBADF, bad fd
 * error: EINVAL, bad flags
 */
SYSCALL_DEFINE3(demo, int, fd, int, flags, const char __user *, path)
{
}
`;

describe('planning', () => {
  const [spec] = specsFromC(DEMO, 'demo.c', new DiagSink());
  const plan = planSpec(spec!);
  const whats = plan.cases.map((c) => `${c.what} => ${c.expect.kind === 'success' ? 'success' : c.expect.any ? 'any' : c.expect.errnos.join('|')}`);
  it('a valid baseline, then one parameter at a time', () => {
    assert.equal(whats[0], 'valid arguments succeed => success');
    assert.ok(whats.includes('fd = -1 => EBADF'));
    assert.ok(whats.includes('fd is a closed descriptor => EBADF'));
  });
  it('every allowed flag bit, and the undefined bits at both ends', () => {
    assert.ok(whats.includes('flags has allowed bit 0x1 => success'));
    assert.ok(whats.includes('flags has allowed bit 0x4 => success'));
    assert.ok(whats.includes('flags has undefined bit 0x2 => EINVAL'));
    assert.ok(whats.includes('flags has undefined bit 0x80000000 => EINVAL'));
    assert.equal(plan.cases.filter((c) => c.param === 'flags' && c.expect.kind === 'errno').length, 30);
  });
  it('paths: NULL, missing, empty, too long, through a file, a symlink loop; unlisted errnos accept any listed one', () => {
    assert.ok(whats.includes('path = NULL => any'));
    assert.ok(whats.includes('path is longer than PATH_MAX => any'));
    assert.equal(plan.cases.filter((c) => c.param === 'path').length, 6);
  });
  it('both ends of a range succeed; the maximum only when no buffer takes its size from it; never an inverted range or a value the type cannot hold', () => {
    const RANGES = `/**
 * sys_ranged - ranges
 *
 * contexts: process
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(1)
 * param: n
 *   type: int, input
 *   kapi-valid: 4
 *   constraint-type: range(1, 64)
 * param: level
 *   type: int, input
 *   constraint-type: range(0, 7)
 * param: quiet
 *   type: int, input
 *   kapi-test: no-boundary
 *   constraint-type: range(0, 9)
 *
 * param: inverted
 *   type: int, input
 *   constraint-type: range(5, 3)
 *
 * param: wide
 *   type: int, input
 *   kapi-valid: 1
 *   constraint-type: range(0x80000000, 0x90000000)
 *
 * error: EINVAL, out of range
 */
SYSCALL_DEFINE6(ranged, void __user *, buf, int, n, int, level, int, quiet, int, inverted, int, wide)
{
}
`;
    const [ranged] = specsFromC(RANGES, 'r.c', new DiagSink());
    const got = planSpec(ranged!).cases.filter((c) => c.expect.kind === 'success').map((c) => c.what);
    assert.deepEqual(got, [
      'valid arguments succeed',
      'n = 1, the minimum 1 succeeds',
      'level = 7, the maximum 7 succeeds',
    ]);
  });
  it('syscalls whose effects no sandbox contains are skipped unless allowed, matched by number', () => {
    const [reboot] = specsFromC(DEMO.replace(/demo/g, 'reboot'), 'r.c', new DiagSink());
    assert.match(planSpec(reboot!).skipped!, /reboot \(169\) has effects no sandbox contains/);
    assert.equal(planSpec(reboot!, { allowDangerous: true }).skipped, undefined);
  });
});

describe('the bundled corpus on this kernel', () => {
  it('every case passes; KTAP, JSON and JUnit are written', () => {
    const r = corpusRun();
    const { json, junit: xml } = r;
    assert.equal(r.code, 0, failedCases(r));
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'KTAP version 1');
    const n = corpusSyscallCount();
    assert.ok(n >= 18, `${n} syscall specs in specs/`);
    // Every spec is a subtest (the ioctl requests of specs/tty_ioctl.c too); n of them are syscalls'.
    const apis = corpusApiCount();
    assert.equal(lines[1], `1..${apis}`);
    assert.equal(lines.filter((l) => /^(not )?ok \d+ sys_/.test(l)).length, n);
    assert.ok(lines.every((l) => l === '' || /^(KTAP version 1|1\.\.\d+|(not )?ok \d+ .*|# .*| {4}.*)$/.test(l)), 'only KTAP lines');
    const res = JSON.parse(readFileSync(json, 'utf8')).results;
    assert.equal(res.length, apis);
    const wait = res.find((x: { api: string }) => x.api === 'sys_epoll_wait');
    assert.deepEqual(wait.provoked, ['EBADF', 'EFAULT', 'EINTR', 'EINVAL']);
    assert.ok(res.reduce((n: number, x: { cases: number }) => n + x.cases, 0) >= 80);
    assert.match(readFileSync(xml, 'utf8'), /<testsuites name="kapi conform">[\s\S]*<testsuite name="sys_read" tests="\d+" failures="0"/);
    assert.match(readFileSync(xml, 'utf8'), /<property name="errors\.provoked" value="\d+"\/>/);
    // The corpus's targets: at least 80% of the documented errors provoked, at most 15% marked
    // unprovokable, every effect block checked or marked unobservable.
    const t = JSON.parse(readFileSync(json, 'utf8')).totals;
    assert.ok(t.provokedPct >= 80, `errors provoked: ${t.provoked}/${t.errors} (${t.provokedPct}%)`);
    assert.ok(t.unprovokablePct <= 15, `unprovokable: ${t.unprovokable}/${t.errors} (${t.unprovokablePct}%)`);
    assert.equal(t.effectsChecked + t.unobservable, t.effects);
    assert.match(r.stdout, new RegExp(`^# totals: ${t.passed}/${t.cases} passed.*; errors provoked ${t.provoked}/${t.errors} \\(${t.provokedPct}%\\); unprovokable ${t.unprovokable} `, 'm'));
  });
});

describe('deliberately wrong specs fail, naming the case', () => {
  const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
  it('an errno removed from the spec', () => {
    const f = join(dir, 'close.c');
    writeFileSync(f, corpus('open.c').replace(/ \* error: EBADF, fd is not an open descriptor of the caller\n( \*   .*\n)*/, ''));
    const r = kapi(['conform', '-q', '--source', f, 'close']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ fd = -1$/m);
    assert.match(r.stdout, /# sys_close case \d+: expected one of the listed errors, got -1, errno EBADF/);
    assert.match(r.stdout, /returned but not listed: EBADF/);
  });
  it('a flag bit allowed that the kernel rejects', () => {
    const f = join(dir, 'mlock.c');
    writeFileSync(f, corpus('mlock.c').replace('constraint-type: mask(MLOCK_ONFAULT)', 'constraint-type: mask(MLOCK_ONFAULT | 0x2)'));
    const r = kapi(['conform', '-q', '--source', f, 'mlock2']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ flags has allowed bit 0x2$/m);
    assert.match(r.stdout, /# sys_mlock2 case \d+: expected success, got -1, errno EINVAL/);
  });
  it('a range minimum the kernel rejects', () => {
    const f = join(dir, 'epoll.c');
    writeFileSync(f, corpus('epoll.c').replace('constraint-type: range(1, INT_MAX)', 'kapi-valid: 1\n *   constraint-type: range(0, INT_MAX)'));
    const r = kapi(['conform', '-q', '--source', f, 'epoll_create']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ size = 0, the minimum 0 succeeds$/m);
  });
});

describe('error conditions (kapi-cond)', () => {
  const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
  it('are read as alternatives of settings, and every mistake is named', () => {
    const [spec] = specsFromC(DEMO, 'demo.c', new DiagSink());
    const ok = parseConditions('fd=fd:wronly; path=path:fifo, flags=0x4, rlimit.NOFILE=0, sig.PIPE=ignore', spec!.params!);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.conditions.map((c) => c.settings.map((x) => x.kind)), [['arg'], ['arg', 'arg', 'rlimit', 'ignore']]);
    const bad = parseConditions('nope=1; fd=fd:socketpair; fd=1, fd=2; rlimit.CPU=1; sig.PIPE=catch; flags=NO_SUCH_FLAG; ; fd', spec!.params!);
    assert.deepEqual(bad.conditions, []);
    assert.deepEqual(bad.problems.map((p) => p.replace(/ \(expected .*\)$/, '')), [
      "nope=1: 'nope' is not a parameter (fd, flags, path)",
      "fd=fd:socketpair: unknown descriptor 'fd:socketpair'",
      'fd=1, fd=2: fd is set twice',
      "rlimit.CPU=1: unknown limit 'CPU'",
      "sig.PIPE=catch: sig.PIPE takes 'ignore', not 'catch'",
      "flags=NO_SUCH_FLAG: 'NO_SUCH_FLAG' is neither a fixture nor a constant kapi can evaluate",
      'an empty condition',
      "fd: 'fd' is not NAME=VALUE",
    ]);
  });
  it('a descriptor made from an earlier parameter, an interrupt and mappings; references only go backwards', () => {
    const [spec] = specsFromC(DEMO, 'demo.c', new DiagSink());
    const ok = parseConditions('flags=fd:watched@fd, sig.ALRM=interrupt; flags=addr:maps-full; path=ptr:argv-toolong; path=path:noperm, caps=none', spec!.params!);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.conditions[3]!.settings.map((x) => x.kind), ['arg', 'nocaps']);
    assert.deepEqual(ok.conditions[0]!.settings, [{ kind: 'arg', param: 'flags', index: 1, value: { fd: 'watched', of: 0 } }, { kind: 'interrupt', signal: 'ALRM' }]);
    assert.deepEqual(ok.conditions[1]!.settings, [{ kind: 'arg', param: 'flags', index: 1, value: { addr: 'maps-full' } }]);
    const bad = parseConditions('fd=fd:watched@path; flags=fd:watcher; flags=fd:file@fd; flags=fd:watched@nope; fd=addr:nope; sig.ALRM=ignore; caps=some', spec!.params!);
    assert.deepEqual(bad.problems.map((p) => p.replace(/ \(expected .*\)$/, '')), [
      "fd=fd:watched@path: 'fd:watched@path': path must come before fd",
      "flags=fd:watcher: 'fd:watcher' needs '@PARAM', the parameter whose epoll instance it refers to",
      "flags=fd:file@fd: 'fd:file' takes no '@PARAM'",
      "flags=fd:watched@nope: 'nope' in 'fd:watched@nope' is not a parameter",
      "fd=addr:nope: unknown address 'addr:nope'",
      "sig.ALRM=ignore: sig.ALRM takes 'interrupt', not 'ignore'",
      "caps=some: caps takes 'none', not 'some'",
    ]);
    // The fixture gets the earlier argument's value: nothing but a C variable of the case.
    const [demo] = specsFromC(DEMO.replace(' * error: EINVAL, bad flags\n', ' * error: EINVAL, bad flags\n *   kapi-cond: flags=fd:watcher@fd, sig.ALRM=interrupt\n'), 'demo.c', new DiagSink());
    const plan = planSpec(demo!);
    const c = emitProgram(plan.cases.map((x) => ({ ...x, nr: 0 })), new Map(), { timeoutMs: 1000, origin: 'test' });
    // The timer is armed last, right before the call (after the snapshot).
    assert.match(c, /long a1 = fx_watcher\(a0\);\n(\tlong a\d = [^\n]*;\n)*(\t[^\n]*\n)*\tsb_begin\(a, cl, 0, 0\);\n\tfx_interrupt\(\);\n\tlong r = syscall/);
  });
  it('the corpus provokes EEXIST, ELOOP and EINTR of the epoll calls', () => {
    const r = kapi(['conform', '-q', 'epoll_ctl', 'epoll_wait', 'read']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^ {4}ok \d+ EEXIST when fd=fd:watched@epfd$/m);
    assert.match(r.stdout, /^ {4}ok \d+ ELOOP when fd=fd:watcher@epfd$/m);
    assert.match(r.stdout, /^ {4}ok \d+ EINTR when epfd=fd:epoll-empty, timeout=-1, sig.ALRM=interrupt$/m);
    assert.match(r.stdout, /^ {4}ok \d+ EINTR when fd=fd:pipe-empty, sig.ALRM=interrupt$/m);
  });
  it("the corpus provokes open's EACCES without capabilities, and ENOSPC and EOPNOTSUPP on filesystems mounted for the case", () => {
    const r = kapi(['conform', '-q', 'open']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^ {4}ok \d+ EACCES when filename=path:noperm, caps=none$/m);
    assert.match(r.stdout, /^ {4}ok \d+ ENOSPC when filename=path:nospace-new, flags=O_CREAT \| O_WRONLY$/m);
    assert.match(r.stdout, /^ {4}ok \d+ EOPNOTSUPP when filename=path:notmpfile-dir, flags=O_TMPFILE \| O_RDWR$/m);
  });
  it('each condition is a case expecting its error; lint names a bad one', () => {
    const [spec] = specsFromC(DEMO.replace(' * error: EINVAL, bad flags\n', ' * error: EINVAL, bad flags\n *   kapi-cond: flags=0x2; fd=fd:nope\n'), 'demo.c', new DiagSink());
    const plan = planSpec(spec!);
    const c = plan.cases.filter((x) => x.error);
    assert.deepEqual(c.map((x) => [x.what, x.expect]), [['EINVAL when flags=0x2', { kind: 'errno', errnos: ['EINVAL'], any: false }]]);
    assert.match(plan.conditionProblems![0]!, /^EINVAL: fd=fd:nope: unknown descriptor/);
    const f = join(dir, 'cond-demo.c');
    writeFileSync(f, DEMO.replace(' * error: EINVAL, bad flags\n', ' * error: EINVAL, bad flags\n *   kapi-cond: fd=fd:nope\n'));
    const r = kapi(['lint', '-q', '--source', f]);
    assert.match(r.stdout, /warning\[test-tags\]: error EINVAL: kapi-cond fd=fd:nope: unknown descriptor 'fd:nope'/);
  });
  it('a condition that predicts the wrong errno fails, naming the condition and both errnos', () => {
    const f = join(dir, 'cond-read.c');
    writeFileSync(f, corpus('read_write.c').replace('kapi-cond: fd=fd:dir', 'kapi-cond: fd=fd:wronly'));
    const r = kapi(['conform', '-q', '--source', f, 'read']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EISDIR when fd=fd:wronly$/m);
    assert.match(r.stdout, /# sys_read case \d+: expected EISDIR, got -1, errno EBADF/);
  });
  it('two errors whose conditions are swapped fail both', () => {
    const f = join(dir, 'cond-swap.c');
    const text = corpus('read_write.c').replace('kapi-cond: fd=fd:pipe-empty-nonblock', 'kapi-cond: SWAP').replace('kapi-cond: fd=fd:dir', 'kapi-cond: fd=fd:pipe-empty-nonblock').replace('kapi-cond: SWAP', 'kapi-cond: fd=fd:dir');
    writeFileSync(f, text);
    const r = kapi(['conform', '-q', '--source', f, 'read']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /expected EAGAIN, got -1, errno EISDIR/);
    assert.match(r.stdout, /expected EISDIR, got -1, errno EAGAIN/);
  });
  it('the summary counts unprovokable errors and cases by kind', () => {
    const r = kapi(['conform', '-q', 'execve']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /# sys_execve: \d+\/\d+ passed; errors provoked \d+\/17 \([\d.]+%\): [A-Z0-9 ]+; unprovokable 3: EINVAL ENFILE EPERM$/m);
    assert.match(r.stdout, /# sys_execve: cases by kind: \d+ valid, \d+ invalid, [1-9]\d* from error conditions$/m);
  });
});

describe('failure atomicity in the judgement', () => {
  const [spec] = specsFromC(DEMO, 'demo.c', new DiagSink());
  const c = planSpec(spec!).cases.find((x) => x.what === 'fd = -1')!;
  it('a failing call that changed something fails the case, naming what changed', () => {
    const o = judge(spec!, c, -1n, 'EBADF', 'exit 0', { changed: 'fd:3:opened' });
    assert.equal(o.pass, false);
    assert.match(o.reason!, /failed with EBADF but changed fd:3:opened/);
    assert.equal(judge(spec!, c, -1n, 'EBADF', 'exit 0').pass, true);
  });
  it('an error declared kapi-nonatomic may leave a change', () => {
    const [loose] = specsFromC(DEMO.replace(' * error: EBADF, bad fd\n', ' * error: EBADF, bad fd\n *   kapi-nonatomic: the descriptor is freed even when the flush fails\n'), 'demo.c', new DiagSink());
    assert.equal(judge(loose!, c, -1n, 'EBADF', 'exit 0', { changed: 'fd:3:closed' }).pass, true);
  });
});
