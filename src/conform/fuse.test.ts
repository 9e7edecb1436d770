// The FUSE fixtures (fuse.ts): a filesystem the case serves itself, whose one operation answers
// with the errno of the error block being provoked. The corpus's close, execve, execveat and
// madvise errors that only a filesystem returns, on this kernel and (KAPI_TEST_KERNEL) on the
// Debian 6.1 cloud kernel in qemu, where fuse.ko is loaded by the guest's init.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { errnoNumber } from '../sources/consts/index.js';
import { specsFromC } from '../sources/index.js';
import { failedCases, fuseMountsLeft, kapi, repoPath } from '../testutil.js';
import { emitProgram, EmitError } from './emit.js';
import { planSpec, type Arg, type Case } from './plan.js';
import { guestModules } from './qemu.js';
import { runCases } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-fuse-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
const specOf = (file: string, name: string): ApiSpec => specsFromC(corpus(file), file, new DiagSink()).find((s) => s.name === name)!;


describe('the FUSE fixtures on this kernel', () => {
  it("close's EINTR, EIO, ENOSPC and EDQUOT come from the FUSE server's answer to FLUSH", () => {
    const r = kapi(['conform', '-q', 'close']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^ {4}ok \d+ EINTR when fd=fd:fuse-flush-waits, sig.ALRM=interrupt$/m);
    for (const e of ['EIO', 'ENOSPC', 'EDQUOT']) assert.match(r.stdout, new RegExp(`^ {4}ok \\d+ ${e} when fd=fd:fuse-flush-fails$`, 'm'));
    assert.match(r.stdout, /^ {4}# sys_close: (\d+)\/\1 passed; errors provoked 5\/5 \(100%\): EBADF EDQUOT EINTR EIO ENOSPC$/m);
    assert.match(r.stdout, /^ok \d+ sys_close$/m);
  });
  it("execve's and execveat's EIO come from a failing READ of the program, madvise's from a failing FALLOCATE", () => {
    const r = kapi(['conform', '-q', 'execve', 'execveat', 'madvise']);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stdout.match(/^ {4}ok \d+ EIO when filename=path:fuse-read-fails$/gm)?.length, 2);
    assert.match(r.stdout, /^ {4}ok \d+ EIO when start=addr:fuse-fallocate-fails, behavior=MADV_REMOVE$/m);
    for (const api of ['sys_execve', 'sys_execveat', 'sys_madvise']) {
      assert.match(r.stdout, new RegExp(`^ {4}# ${api}: (\\d+)/\\1 passed; errors provoked \\d+/\\d+ \\([\\d.]+%\\): [A-Z0-9 ]*\\bEIO\\b`, 'm'));
      assert.doesNotMatch(r.stdout, new RegExp(`^ {4}# ${api}: .*unprovokable \\d+: [A-Z0-9 ]*\\bEIO\\b`, 'm'));
    }
  });
  it('nothing is left mounted after the runs, in any mount namespace', () => {
    assert.equal(kapi(['conform', '-q', 'close', 'madvise']).code, 0);
    assert.deepEqual(fuseMountsLeft(), []);
  });
});

describe('the FUSE fixtures fail when the prediction is wrong', () => {
  it('a server told another errno than the one predicted fails the case, naming both', async () => {
    const spec = specOf('open.c', 'sys_close');
    const c = planSpec(spec).cases.find((x) => x.what === 'EIO when fd=fd:fuse-flush-fails')!;
    assert.deepEqual(c.args[0], { kind: 'fd', fixture: 'fuse-flush-fails', errno: errnoNumber('EIO') });
    const wrong: Case = { ...c, n: 1, args: [{ kind: 'fd', fixture: 'fuse-flush-fails', errno: errnoNumber('ENOSPC')! }, ...c.args.slice(1)] };
    const [o] = (await runCases(new Map([[spec.name, spec]]), [wrong])).outcomes;
    assert.equal(o!.pass, false);
    assert.equal(o!.errno, 'ENOSPC');
    assert.match(o!.reason!, /expected EIO, got -1, errno ENOSPC/);
  });
  it('a condition whose call never reaches the failing operation fails (MADV_DONTNEED punches no hole)', () => {
    const f = join(dir, 'madvise-dontneed.c');
    writeFileSync(f, corpus('madvise.c').replace('kapi-cond: start=addr:fuse-fallocate-fails, behavior=MADV_REMOVE', 'kapi-cond: start=addr:fuse-fallocate-fails, behavior=MADV_DONTNEED'));
    const r = kapi(['conform', '-q', '--source', f, 'madvise']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EIO when start=addr:fuse-fallocate-fails, behavior=MADV_DONTNEED$/m);
    assert.match(r.stdout, /# sys_madvise case \d+: expected EIO, got 0/);
  });
  it('the interrupted flush needs the signal: without it close waits until the case is killed', () => {
    const f = join(dir, 'close-nosig.c');
    writeFileSync(f, corpus('open.c').replace('kapi-cond: fd=fd:fuse-flush-waits, sig.ALRM=interrupt', 'kapi-cond: fd=fd:fuse-flush-waits'));
    const r = kapi(['conform', '-q', '--timeout', '1', '--source', f, 'close']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /# sys_close case \d+: expected EINTR, got no return \(timeout after 1000 ms\)/);
    assert.deepEqual(fuseMountsLeft(), []);
  });
  it("close's freed descriptor is a change: without kapi-nonatomic the atomicity check fails the case", () => {
    const f = join(dir, 'close-atomic.c');
    const text = corpus('open.c').replace(/( \* error: EIO, the flush method reported an I\/O error\n \*   kapi-cond: .*\n) \*   kapi-nonatomic: .*\n/, '$1');
    assert.notEqual(text, corpus('open.c'));
    writeFileSync(f, text);
    const r = kapi(['conform', '-q', '--source', f, 'close']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EIO when fd=fd:fuse-flush-fails$/m);
    assert.match(r.stdout, /# sys_close case \d+: .*fd:\d+:closed/);
  });
});

describe('planning and emitting the FUSE fixtures', () => {
  const spec = specOf('open.c', 'sys_close');
  it("the planner passes the error block's errno number, from kapi's table", () => {
    const byWhat = new Map(planSpec(spec).cases.map((c) => [c.what, c.args[0]]));
    assert.deepEqual(byWhat.get('ENOSPC when fd=fd:fuse-flush-fails'), { kind: 'fd', fixture: 'fuse-flush-fails', errno: 28 });
    assert.deepEqual(byWhat.get('EDQUOT when fd=fd:fuse-flush-fails'), { kind: 'fd', fixture: 'fuse-flush-fails', errno: 122 });
    assert.deepEqual(byWhat.get('EINTR when fd=fd:fuse-flush-waits, sig.ALRM=interrupt'), { kind: 'fd', fixture: 'fuse-flush-waits', errno: 4 });
    const c = emitProgram(planSpec(spec).cases, new Map([[spec.name, spec]]), { timeoutMs: 1000, origin: 'test' });
    assert.match(c, /long a0 = fx_fuse_fd\(FX_FUSE_FLUSH, 28\);/);
    assert.match(c, /long a0 = fx_fuse_fd\(FX_FUSE_FLUSH_WAIT, 4\);/);
  });
  it('--unprivileged leaves them out (mounting needs root of the namespace)', () => {
    assert.equal(planSpec(spec, { unprivileged: true }).cases.filter((c) => c.args.some((a) => 'fixture' in a && a.fixture.startsWith('fuse-'))).length, 0);
  });
  it('emitting refuses a FUSE fixture without an errno the kernel takes from a server (1 to 511), and an errno on another fixture', () => {
    const base = planSpec(spec).cases[0]!;
    const emit = (a: Arg) => emitProgram([{ ...base, args: [a] }], new Map(), { timeoutMs: 1000, origin: 'test' });
    assert.throws(() => emit({ kind: 'fd', fixture: 'fuse-flush-fails' }), EmitError);
    assert.throws(() => emit({ kind: 'fd', fixture: 'fuse-flush-fails', errno: 512 }), EmitError);
    assert.throws(() => emit({ kind: 'fd', fixture: 'fuse-flush-fails', errno: 0 }), EmitError);
    assert.throws(() => emit({ kind: 'path', which: 'fuse-read-fails', errno: 1.5 }), EmitError);
    assert.throws(() => emit({ kind: 'fd', fixture: 'file', errno: 5 }), EmitError);
    assert.match(emit({ kind: 'addr', which: 'fuse-fallocate-fails', errno: 511 }), /fx_fuse_map\(FX_FUSE_FALLOCATE, 511\)/);
  });
  it('lint accepts the corpus with them', () => {
    const r = kapi(['lint', '-q']);
    assert.doesNotMatch(r.stdout, /fuse/);
  });
});

describe('the FUSE fixtures on the 6.1 guest', () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  const skip = kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)';
  it('the initramfs carries fuse.ko from the kernel package (FUSE is a module there)', { skip }, () => {
    const mods = guestModules(kernel!);
    assert.deepEqual(mods.map((m) => m.name), ['fuse.ko']);
    assert.equal(mods[0]!.data.subarray(0, 4).toString('latin1'), '\x7fELF');
  });
  it('every FUSE case passes with the module loaded by the init', { skip }, () => {
    const r = kapi(['conform', '-q', '--kernel', kernel!, 'close', 'execve', 'execveat', 'madvise']);
    assert.equal(r.code, 0, failedCases(r));
    assert.match(r.stdout, /^ {4}ok \d+ EINTR when fd=fd:fuse-flush-waits, sig.ALRM=interrupt$/m);
    assert.match(r.stdout, /^ {4}# sys_close: (\d+)\/\1 passed; errors provoked 5\/5 \(100%\): EBADF EDQUOT EINTR EIO ENOSPC$/m);
    assert.equal(r.stdout.match(/^ {4}ok \d+ EIO when filename=path:fuse-read-fails$/gm)?.length, 2);
    assert.match(r.stdout, /^ {4}ok \d+ EIO when start=addr:fuse-fallocate-fails, behavior=MADV_REMOVE$/m);
  });
  it('without the module the FUSE cases fail with the fixture\'s own exit status, never pass', { skip }, () => {
    const boot = join(dir, 'bare', 'boot');
    mkdirSync(boot, { recursive: true });
    copyFileSync(kernel!, join(boot, basename(kernel!)));
    assert.deepEqual(guestModules(join(boot, basename(kernel!))), []);
    const r = kapi(['conform', '-q', '--kernel', join(boot, basename(kernel!)), 'close']);
    assert.equal(r.code, 1);
    for (const e of ['EINTR', 'EIO', 'ENOSPC', 'EDQUOT']) assert.match(r.stdout, new RegExp(`# sys_close case \\d+: expected ${e}, got no return \\(exit 144\\)`));
    assert.match(r.stdout, /^ {4}# sys_close: 5\/9 passed; errors provoked 1\/5 \(20%\): EBADF$/m);
  });
});
