// The ioctl specs of the corpus: sys_ioctl (specs/ioctl.c) and the terminal requests of
// specs/tty_ioctl.c, which conform runs as ioctl(2) with cmd fixed to the request (plan.ts
// ioctlRequest), on a live pseudo-terminal (`fd:pty`); and the fixtures and claims the specs of
// specs/truncate.c brought (`path:append-only`, `fd:append-only`, `fd:fuse-fallocate-fails`,
// `file:size`, `fd:size`). On this kernel and (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel
// in qemu.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromC } from '../sources/index.js';
import { kapi, repoPath } from '../testutil.js';
import { planSpec } from './plan.js';

const KERNEL = process.env.KAPI_TEST_KERNEL;
const dir = mkdtempSync(join(tmpdir(), 'kapi-ioctl-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
const specOf = (text: string, name: string): ApiSpec => specsFromC(text, 'x.c', new DiagSink()).find((s) => s.name === name)!;

interface Result { api: string; provoked: string[]; unprovokable: string[]; outcomes: { what: string; pass: boolean; errno?: string; ret?: string; detail?: string }[] }

function conform(name: string, args: string[], kernel?: string): { code: number | null; stdout: string; byApi: Map<string, Result> } {
  const json = join(dir, `${name}.json`);
  const r = kapi(['conform', '-q', '--json', json, ...(kernel ? ['--kernel', kernel] : []), ...args], { timeout: 600_000 });
  const doc = JSON.parse(readFileSync(json, 'utf8')) as { results: Result[] };
  return { code: r.code, stdout: r.stdout, byApi: new Map(doc.results.map((x) => [x.api, x])) };
}

describe('ioctl requests as specs', () => {
  it('a terminal request is planned as ioctl(2), number 16, with cmd its request number', () => {
    const s = specOf(corpus('tty_ioctl.c'), 'tty_ioctl_tcgets');
    assert.equal(s.kind, 'ioctl');
    const p = planSpec(s);
    assert.equal(p.skipped, undefined);
    assert.ok(p.cases.length > 5);
    for (const c of p.cases) {
      assert.equal(c.syscall, 'ioctl');
      assert.equal(c.nr, 16);
      assert.deepEqual(c.args[1], { kind: 'int', value: 0x5401n });
    }
    assert.deepEqual(p.cases[0]!.args[0], { kind: 'fd', fixture: 'pty' });
  });
  it('an ioctl spec without the three parameters, or without the request in kapi-valid, is not run', () => {
    const text = corpus('tty_ioctl.c');
    const noValid = specOf(text.replace('kapi-valid: TCGETS', 'kapi-note: none'), 'tty_ioctl_tcgets');
    assert.match(planSpec(noValid).skipped!, /ioctl specs are run only with the parameters fd, cmd/);
    const handler = specOf(readFileSync(repoPath('src/sources/testdata/patch4-kdoc.c'), 'utf8'), 'pipe_ioctl');
    assert.equal(handler.kind, 'ioctl');
    assert.match(planSpec(handler).skipped!, /ioctl specs are run only/);
  });
});

describe('the ioctl specs on this kernel', () => {
  it('TCGETS and TIOCGWINSZ succeed on a pseudo-terminal, ENOTTY elsewhere, EIO once hung up', () => {
    const r = conform('tty', ['tty_ioctl_tcgets', 'tty_ioctl_tiocgwinsz', 'ioctl']);
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# \w+ case/.test(l)).join('\n'));
    for (const api of ['tty_ioctl_tcgets', 'tty_ioctl_tiocgwinsz']) {
      const res = r.byApi.get(api)!;
      assert.deepEqual([...res.provoked].sort(), ['EBADF', 'EFAULT', 'EIO', 'ENOTTY']);
      const ok = res.outcomes.find((o) => o.what === 'valid arguments succeed')!;
      assert.equal(ok.pass, true);
      assert.equal(ok.ret, '0');
      assert.equal(res.outcomes.find((o) => o.what === 'EIO when fd=fd:pty-master-closed')!.errno, 'EIO');
      assert.equal(res.outcomes.find((o) => o.what === 'ENOTTY when fd=fd:file')!.errno, 'ENOTTY');
    }
    const io = r.byApi.get('sys_ioctl')!;
    for (const e of ['EBADF', 'EFAULT', 'EINVAL', 'EIO', 'EISDIR', 'ENOMEM', 'ENOTTY', 'EOPNOTSUPP', 'EPERM', 'EXDEV']) assert.ok(io.provoked.includes(e), e);
  });
  it('a wrong claim about what TCGETS writes fails the case: the kernel writes 36 bytes, not 8', () => {
    const f = join(dir, 'tty.c');
    writeFileSync(f, corpus('tty_ioctl.c').replaceAll('kapi-effect: mem:filled=arg,sizeof(struct termios)', 'kapi-effect: mem:filled=arg,8'));
    const r = kapi(['conform', '-q', '--source', f, 'tty_ioctl_tcgets']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok 1 valid arguments succeed$/m);
  });
  it('a spec expecting success on a file that is no terminal fails: the fixture is what makes TCGETS work', () => {
    const f = join(dir, 'tty2.c');
    writeFileSync(f, corpus('tty_ioctl.c').replace('kapi-semantic: fd:pty', 'kapi-semantic: fd:file'));
    const r = kapi(['conform', '-q', '--source', f, 'tty_ioctl_tcgets']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /# tty_ioctl_tcgets case 1: expected success, got -1, errno ENOTTY/);
  });
});

describe('truncate, ftruncate and fallocate on this kernel', () => {
  it('the append-only file refuses a size change, the FUSE file fails FALLOCATE, the size claims hold', () => {
    const r = conform('trunc', ['truncate', 'ftruncate', 'fallocate']);
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# \w+ case/.test(l)).join('\n'));
    const out = (api: string, what: string) => r.byApi.get(api)!.outcomes.find((o) => o.what === what)!;
    assert.equal(out('sys_truncate', 'EPERM when path=path:append-only').errno, 'EPERM');
    assert.equal(out('sys_ftruncate', 'EPERM when fd=fd:append-only').errno, 'EPERM');
    assert.equal(out('sys_fallocate', 'EPERM when fd=fd:append-only, mode=FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE').errno, 'EPERM');
    assert.equal(out('sys_fallocate', 'EIO when fd=fd:fuse-fallocate-fails').errno, 'EIO');
    for (const api of ['sys_truncate', 'sys_ftruncate']) assert.equal(out(api, 'side-effect 1 shows when length=8192').pass, true);
  });
  it('a size claim that does not hold fails the case, naming the sizes', () => {
    const f = join(dir, 'trunc.c');
    writeFileSync(f, corpus('truncate.c').replace('kapi-effect: fd:size=fd,length', 'kapi-effect: fd:size=fd,4096').replace('kapi-effect: file:size=path,length', 'kapi-effect: file:size=path,4096'));
    const r = kapi(['conform', '-q', '--source', f, 'truncate', 'ftruncate']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /# sys_truncate case 1: claimed effect 'file:size=path,4096' \(side-effect 1\) not seen: fixture\.txt has 100 bytes, not 4096/);
    assert.match(r.stdout, /# sys_ftruncate case 1: claimed effect 'fd:size=fd,4096' \(side-effect 1\) not seen: fixture\.txt has 100 bytes, not 4096/);
  });
  it('without a size claim, the change of the file is an unexplained observation', () => {
    const f = join(dir, 'trunc2.c');
    writeFileSync(f, corpus('truncate.c').replace(/ \*   kapi-effect: fd:size=fd,length\n \*   kapi-effect-case: length=0; length=8192\n/, ' *   kapi-unobservable: test\n'));
    const r = kapi(['conform', '-q', '--source', f, 'ftruncate', 'truncate']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /# sys_ftruncate case 1: the call changed dir:fixture\.txt:changed, which no kapi-effect of the spec claims/);
  });
});

describe('the ioctl specs in the 6.1 guest', { skip: KERNEL ? false : 'KAPI_TEST_KERNEL is not set' }, () => {
  it('the same errors are provoked on Linux 6.1', () => {
    const r = conform('tty-guest', ['tty_ioctl_tcgets', 'tty_ioctl_tiocgwinsz', 'ioctl'], KERNEL);
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# \w+ case/.test(l)).join('\n'));
    for (const api of ['tty_ioctl_tcgets', 'tty_ioctl_tiocgwinsz']) assert.deepEqual([...r.byApi.get(api)!.provoked].sort(), ['EBADF', 'EFAULT', 'EIO', 'ENOTTY']);
    assert.ok(r.byApi.get('sys_ioctl')!.provoked.includes('EXDEV'));
  });
  it('truncate, ftruncate and fallocate: the append-only fixtures and the FUSE FALLOCATE work on Linux 6.1', () => {
    const r = conform('trunc-guest', ['truncate', 'ftruncate', 'fallocate'], KERNEL);
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# \w+ case/.test(l)).join('\n'));
    assert.ok(r.byApi.get('sys_ftruncate')!.provoked.includes('EPERM'));
    assert.ok(r.byApi.get('sys_fallocate')!.provoked.includes('EIO'));
  });
});
