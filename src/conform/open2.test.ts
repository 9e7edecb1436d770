// The open-family specs of the second wave (specs/open.c: openat, openat2, creat; specs/memfd.c:
// memfd_create; specs/sys.c: umask) and the vocabulary they brought: the semantic ptr:open_how with
// its PARAM.FIELD=EXPR settings and PARAM.FIELD guards, the guard PARAM=path:KIND, the path
// fixtures socket, missing-parent and pty-exclusive (through the specs' cases), and the claims fd:memfd, fd:sealable,
// fd:unsealable, umask:was and umask:set. On this kernel, with mutants that must fail, and
// (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel in qemu.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec, Param } from '../model/types.js';
import { specsFromC } from '../sources/index.js';
import { coverageLine, kapi, mutatedIn, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { guardHolds, parseEffects } from './effect.js';
import { caseEffects, planSpec } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-open2-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const OPEN_C = readFileSync(repoPath('specs/open.c'), 'utf8');
const MEMFD_C = readFileSync(repoPath('specs/memfd.c'), 'utf8');

/** openat2's parameters as the conditions see them: how is a struct open_how. */
const howParams: Param[] = [
  { index: 0, name: 'dfd', type: 'fd', at: 't.c:1' },
  { index: 1, name: 'filename', type: 'path', at: 't.c:1' },
  { index: 2, name: 'how', type: 'user_ptr', at: 't.c:1', ext: { 'kapi-semantic': 'ptr:open_how' } },
  { index: 3, name: 'usize', type: 'uint', at: 't.c:1' },
] as Param[];

function spec(text: string, name: string): ApiSpec {
  const s = specsFromC(text, 'open.c', new DiagSink()).find((x) => x.name === name);
  assert.ok(s, name);
  return s;
}

describe('structure fields and the new guards are read, and bad ones are named', () => {
  it('PARAM.FIELD=EXPR sets one 64-bit word of a ptr:open_how parameter', () => {
    const r = parseConditions('how.flags=O_CREAT | O_WRONLY, how.resolve=RESOLVE_CACHED, filename=path:new; how.tail=1, usize=32', howParams);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.conditions[0]!.settings, [
      { kind: 'field', param: 'how', index: 2, field: 0, value: 0x41n },
      { kind: 'field', param: 'how', index: 2, field: 2, value: 0x20n },
      { kind: 'arg', param: 'filename', index: 1, value: { path: 'new' } },
    ]);
    assert.deepEqual(r.conditions[1]!.settings[0], { kind: 'field', param: 'how', index: 2, field: 3, value: 1n });
    const bad = parseConditions('how.bogus=1; usize.flags=1; how.flags=1, how.flags=2; how=ptr:null, how.mode=1; how.mode=-1; nothere.flags=1', howParams);
    assert.deepEqual(bad.problems, [
      "how.bogus=1: 'bogus' is not a field of how (flags, mode, resolve, tail)",
      "usize.flags=1: 'usize' has no fields kapi knows (its kapi-semantic names no structure: ptr:open_how)",
      'how.flags=1, how.flags=2: how.flags is set twice',
      'how=ptr:null, how.mode=1: how is set both as a whole and by field',
      "how.mode=-1: how.mode needs a constant from 0 to 2^64 - 1, not '-1'",
      "nothere.flags=1: 'nothere' in 'nothere.flags' is not a parameter",
    ]);
  });

  it('a field guard reads the structure argument; a path guard the path fixture', () => {
    const g = parseEffects('fd:cloexec=ret if how.flags&O_CLOEXEC', howParams);
    assert.deepEqual(g.problems, []);
    const guard = g.claims[0]!.guard!;
    assert.equal(guard.field, 0);
    assert.equal(guardHolds(guard, (_p, f) => (f === 0 ? 0x80000n : 0n)), true);
    assert.equal(guardHolds(guard, (_p, f) => (f === 0 ? 0n : 0x80000n)), false);
    assert.equal(guardHolds(guard, () => undefined), false);
    const p = parseEffects('file:created=filename if filename=path:new; file:truncated=filename if filename!=path:new', howParams);
    assert.deepEqual(p.problems, []);
    assert.equal(guardHolds(p.claims[0]!.guard, () => 'path:new'), true);
    assert.equal(guardHolds(p.claims[0]!.guard, () => 'path:file'), false);
    assert.equal(guardHolds(p.claims[0]!.guard, () => 0n), false, 'an integer is no path fixture');
    assert.equal(guardHolds(p.claims[1]!.guard, () => 'path:file'), true);
    const bad = parseEffects('fd:new=ret if filename&path:new; fd:new=ret if filename=path:nope; fd:new=ret if how.nope&1; fd:new=ret if usize.flags&1', howParams);
    assert.deepEqual(bad.problems, [
      "fd:new: 'if filename&path:new': a path fixture is tested with PARAM=path:KIND or PARAM!=path:KIND only",
      "fd:new: unknown path 'path:nope' in 'if filename=path:nope'",
      "fd:new: 'nope' in 'if how.nope&1' is not a field of how (flags, mode, resolve, tail)",
      "fd:new: 'usize' in 'if usize.flags&1' has no fields kapi knows",
    ]);
  });

  it("openat2's cases carry the structure's words, and its guards pick the claims", () => {
    const plan = planSpec(spec(OPEN_C, 'sys_openat2'));
    assert.equal(plan.problem, undefined);
    assert.deepEqual(plan.conditionProblems, undefined);
    const valid = plan.cases[0]!;
    assert.deepEqual(valid.args[2], { kind: 'words', words: [0n, 0n, 0n, 0n] });
    assert.deepEqual(valid.args[3], { kind: 'int', value: 24n });
    const big = plan.cases.find((c) => c.what === 'E2BIG when how.tail=1, usize=32')!;
    assert.deepEqual(big.args[2], { kind: 'words', words: [0n, 0n, 0n, 1n] });
    assert.deepEqual(big.args[3], { kind: 'int', value: 32n });
    const cached = plan.cases.find((c) => c.what.startsWith('EAGAIN when how.resolve=RESOLVE_CACHED, how.flags=O_CREAT'))!;
    assert.deepEqual(cached.args[2], { kind: 'words', words: [0x41n, 0n, 0x20n, 0n] });
    const cloexec = plan.cases.find((c) => c.what === 'return shows when how.flags=O_CLOEXEC')!;
    assert.ok(cloexec.effects!.claims.some((c) => c.name === 'fd:cloexec'), 'O_CLOEXEC in how.flags: the claim applies');
    assert.ok(!valid.effects!.claims.some((c) => c.name === 'fd:cloexec'), 'no O_CLOEXEC: it does not');
  });

  it("creat's claims follow the path fixture: created for a new name, truncated for the file", () => {
    const s = spec(OPEN_C, 'sys_creat');
    const names = (args: Parameters<typeof caseEffects>[1]) => caseEffects(s, args)!.claims.map((c) => c.name).sort();
    const mode = { kind: 'int', value: 0o640n } as const;
    assert.deepEqual(names([{ kind: 'path', which: 'new' }, mode]), ['fd:new', 'fd:new', 'file:created', 'file:created']);
    assert.deepEqual(names([{ kind: 'path', which: 'file' }, mode]), ['fd:new', 'fd:new', 'file:truncated']);
  });
});

describe('the open-family specs on this kernel', () => {
  it('every case passes; the new errors are provoked', () => {
    const r = kapi(['conform', '-q', 'openat', 'openat2', 'creat', 'memfd_create', 'umask'], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# sys_.* case/.test(l)).join('\n') + r.stderr);
    assert.match(coverageLine(r.stdout, 'sys_openat'), /errors provoked 24\/27 .*EBADF EBUSY .*ENXIO .*; unprovokable 3: ENFILE ENODEV EOVERFLOW/);
    assert.match(coverageLine(r.stdout, 'sys_openat2'), /errors provoked 26\/29 .*: E2BIG .*EXDEV; unprovokable 3: ENFILE ENODEV EOVERFLOW/);
    assert.match(coverageLine(r.stdout, 'sys_creat'), /errors provoked 20\/23 .*EBUSY .*ENOENT .*ENXIO .*; unprovokable 3: EAGAIN ENFILE ENODEV/);
    assert.match(coverageLine(r.stdout, 'sys_memfd_create'), /errors provoked 5\/8 .*: EFAULT EINVAL EMFILE ENODEV ENOSPC; unprovokable 3: ENFILE ENOENT ENOMEM/);
    assert.match(coverageLine(r.stdout, 'sys_umask'), /14\/14 passed/);
    assert.match(r.stdout, /# sys_umask: effects checked 3\/3/);
  });

  it('a zero tail is no E2BIG: the structure fixture really carries the word', () => {
    const f = mutatedIn(dir, OPEN_C, 'zero-tail.c', 'kapi-cond: usize=4097; how.tail=1, usize=32', 'kapi-cond: how.tail=0, usize=32');
    const r = kapi(['conform', '-q', '--source', f, 'openat2'], { timeout: 300_000 });
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /not ok \d+ E2BIG when how.tail=0, usize=32/);
  });

  it('RESOLVE_NO_XDEV without a mount to cross is no EXDEV', () => {
    const f = mutatedIn(dir, OPEN_C, 'no-mount.c', 'filename=path:rofs-file, how.resolve=RESOLVE_NO_XDEV', 'filename=path:file, how.resolve=RESOLVE_NO_XDEV');
    const r = kapi(['conform', '-q', '--source', f, 'openat2'], { timeout: 300_000 });
    assert.match(r.stdout, /not ok \d+ EXDEV when filename=path:file, how.resolve=RESOLVE_NO_XDEV/);
  });

  it('swapped path guards fail the creat cases', () => {
    const f = mutatedIn(dir, OPEN_C, 'swapped.c', 'kapi-effect: file:truncated=pathname if pathname=path:file', 'kapi-effect: file:truncated=pathname if pathname=path:new');
    const r = kapi(['conform', '-q', '--source', f, 'creat'], { timeout: 300_000 });
    assert.notEqual(r.code, 0);
    // The truncation of the existing file is then claimed by nothing.
    assert.match(r.stdout, /# sys_creat case \d+: the call changed dir:fixture.txt:changed, which no kapi-effect of the spec claims/);
  });

  it('the seal claims tell MFD_ALLOW_SEALING apart', () => {
    const f = mutatedIn(dir, MEMFD_C, 'seals.c', 'fd:sealable=ret if flags&MFD_ALLOW_SEALING; fd:unsealable=ret if flags!&MFD_ALLOW_SEALING',
      'fd:sealable=ret if flags!&MFD_ALLOW_SEALING; fd:unsealable=ret if flags&MFD_ALLOW_SEALING');
    const r = kapi(['conform', '-q', '--source', f, 'memfd_create'], { timeout: 300_000 });
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /claimed effect 'fd:sealable=ret if flags!&MFD_ALLOW_SEALING'.*not seen: descriptor \d+ has seals 1, not 0/);
  });

  it('fd:memfd and the umask claims fail for a call that does not do what they say', () => {
    const f = join(dir, 'liars.c');
    writeFileSync(f, `
/**
 * sys_dup - a descriptor that is no memfd
 * @fildes: descriptor to copy
 *
 * contexts: process
 *
 * param: fildes
 *   kapi-test: no-invalid
 *   type: fd, input
 *   desc: The descriptor.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The copy.
 *   kapi-effect: fd:new=ret; fd:memfd=ret
 */
SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
}

/**
 * sys_alarm - leaves the umask alone
 * @seconds: 0, no alarm
 *
 * contexts: process
 *
 * param: seconds
 *   type: uint, input
 *   kapi-valid: 0
 *   kapi-test: no-invalid, no-boundary
 *   desc: Seconds.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0.
 *   kapi-effect: umask:set=seconds
 *   kapi-effect-case: seconds=0123
 */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
}

/**
 * sys_getpid - returns a process id, not a mask
 *
 * contexts: process
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 1, INT_MAX
 *   desc: The caller's process id in its pid namespace.
 *   kapi-effect: umask:was=ret
 */
SYSCALL_DEFINE0(getpid)
{
}
`);
    const r = kapi(['conform', '-q', '--source', f, 'dup', 'alarm', 'getpid'], { timeout: 300_000 });
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /claimed effect 'fd:memfd=ret'.*not seen: descriptor \d+ is not an empty memfd/);
    assert.match(r.stdout, /claimed effect 'umask:set=seconds'.*not seen: the mask is 0\d+, not 0123/);
    // The sandbox's umask is 022, and the case's pid in its namespace is small: never 18.
    assert.match(r.stdout, /claimed effect 'umask:was=ret'.*not seen: returned \d+, but the mask before the call was 0\d+/);
  });
});

const KERNEL = process.env.KAPI_TEST_KERNEL;
describe('the open-family specs on the 6.1 cloud kernel in qemu', { skip: KERNEL ? false : 'set KAPI_TEST_KERNEL to a vmlinuz' }, () => {
  it('every case passes or is skipped for the kernel; the same errors are provoked', () => {
    const r = kapi(['conform', '-q', '--kernel', KERNEL!, 'openat', 'openat2', 'creat', 'memfd_create', 'umask'], { timeout: 1_500_000 });
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# sys_.* case/.test(l)).join('\n') + r.stderr);
    assert.match(coverageLine(r.stdout, 'sys_openat2'), /errors provoked 26\/29 .*: E2BIG .*EXDEV; unprovokable 3/);
    assert.match(coverageLine(r.stdout, 'sys_memfd_create'), /errors provoked 5\/8 .*: EFAULT EINVAL EMFILE ENODEV ENOSPC/);
  });
});
