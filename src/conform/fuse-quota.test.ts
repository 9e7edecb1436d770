// open's and write's EDQUOT through the case's FUSE server (fuse.ts): `path:fuse-create-fails`
// (CREATE, and MKNOD, answer the errno) and `fd:fuse-write-fails` (WRITE answers it), the second
// alternative of conditions whose first, the tmpfs quotas, is skipped on kernels without them.
// On this kernel and (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel in qemu.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { errnoNumber } from '../sources/consts/index.js';
import { specsFromC } from '../sources/index.js';
import { fuseMountsLeft, kapi, repoPath } from '../testutil.js';
import { emitProgram } from './emit.js';
import { planSpec, type Case } from './plan.js';
import { runInVm } from './qemu.js';
import { runCases } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-fuse-quota-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
const specOf = (file: string, name: string): ApiSpec => specsFromC(corpus(file), file, new DiagSink()).find((s) => s.name === name)!;

const CREATE = 'EDQUOT when filename=path:fuse-create-fails, flags=O_CREAT | O_WRONLY';
const WRITE = 'EDQUOT when fd=fd:fuse-write-fails';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/** The EDQUOT cases of open and write pass through FUSE, and the coverage counts EDQUOT. */
function assertEdquot(stdout: string): void {
  assert.match(stdout, new RegExp(`^ {4}ok \\d+ ${esc(CREATE)}$`, 'm'));
  assert.match(stdout, new RegExp(`^ {4}ok \\d+ ${esc(WRITE)}$`, 'm'));
  // The quota alternatives stay: skipped where tmpfs has no quotas, never failed.
  assert.match(stdout, /^ {4}ok \d+ EDQUOT when filename=path:quota-new, flags=O_CREAT \| O_WRONLY( # SKIP tmpfs has no quota support .*)?$/m);
  assert.match(stdout, /^ {4}ok \d+ EDQUOT when fd=fd:quota-full( # SKIP tmpfs has no quota support .*)?$/m);
  for (const api of ['sys_open', 'sys_write']) {
    assert.match(stdout, new RegExp(`^ {4}# ${api}: \\d+/\\d+ passed(, \\d+ skipped)?; errors provoked \\d+/\\d+ \\([\\d.]+%\\): [A-Z0-9 ]*\\bEDQUOT\\b[A-Z0-9 ]*; unprovokable`, 'm'));
    assert.doesNotMatch(stdout, new RegExp(`^ {4}# ${api}: .*unprovokable \\d+: [A-Z0-9 ]*\\bEDQUOT\\b`, 'm'));
  }
  assert.doesNotMatch(stdout, /^ {4}not ok \d+ EDQUOT/m);
}

describe("open's and write's EDQUOT from the FUSE server on this kernel", () => {
  it('both cases pass, the coverage lines name EDQUOT, and nothing stays mounted', () => {
    const r = kapi(['conform', '-q', 'open', 'write']);
    assertEdquot(r.stdout);
    assert.deepEqual(fuseMountsLeft(), []);
  });
});

/** The planned case WHAT of NAME with its server told ENOSPC instead of EDQUOT, numbered n. */
function wrongCase(file: string, name: string, what: string, n: number): { spec: ApiSpec; case: Case } {
  const spec = specOf(file, name);
  const c = planSpec(spec).cases.find((x) => x.what === what)!;
  const i = c.args.findIndex((a) => 'errno' in a && a.errno !== undefined);
  assert.equal((c.args[i] as { errno: number }).errno, errnoNumber('EDQUOT'));
  const args = [...c.args];
  args[i] = { ...args[i]!, errno: errnoNumber('ENOSPC')! } as Case['args'][number];
  return { spec, case: { ...c, n, args } };
}

describe('the FUSE EDQUOT cases fail when the prediction is wrong', () => {
  const wrongErrno = async (file: string, name: string, what: string) => {
    const w = wrongCase(file, name, what, 1);
    const [o] = (await runCases(new Map([[w.spec.name, w.spec]]), [w.case])).outcomes;
    return o!;
  };
  it('a server told ENOSPC fails the open case, naming EDQUOT and ENOSPC', async () => {
    const o = await wrongErrno('open.c', 'sys_open', CREATE);
    assert.equal(o.pass, false);
    assert.equal(o.errno, 'ENOSPC');
    assert.match(o.reason!, /expected EDQUOT, got -1, errno ENOSPC/);
  });
  it('a server told ENOSPC fails the write case, naming EDQUOT and ENOSPC', async () => {
    const o = await wrongErrno('read_write.c', 'sys_write', WRITE);
    assert.equal(o.pass, false);
    assert.equal(o.errno, 'ENOSPC');
    assert.match(o.reason!, /expected EDQUOT, got -1, errno ENOSPC/);
  });
  it('the errno comes from the server: without O_CREAT open sends no CREATE and fails with LOOKUP\'s ENOENT', () => {
    const f = join(dir, 'open-nocreat.c');
    const text = corpus('open.c').replace('filename=path:fuse-create-fails, flags=O_CREAT | O_WRONLY', 'filename=path:fuse-create-fails, flags=O_WRONLY');
    assert.notEqual(text, corpus('open.c'));
    writeFileSync(f, text);
    const r = kapi(['conform', '-q', '--source', f, 'open']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EDQUOT when filename=path:fuse-create-fails, flags=O_WRONLY$/m);
    assert.match(r.stdout, /# sys_open case \d+: expected EDQUOT, got -1, errno ENOENT/);
  });
  it('the write reaches the server: a server whose WRITE succeeds makes write return the count, not EDQUOT', () => {
    const f = join(dir, 'write-flush.c');
    const text = corpus('read_write.c').replace('kapi-cond: fd=fd:quota-full; fd=fd:fuse-write-fails', 'kapi-cond: fd=fd:quota-full; fd=fd:fuse-flush-fails');
    assert.notEqual(text, corpus('read_write.c'));
    writeFileSync(f, text);
    const r = kapi(['conform', '-q', '--source', f, 'write']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EDQUOT when fd=fd:fuse-flush-fails$/m);
    assert.match(r.stdout, /# sys_write case \d+: expected EDQUOT, got [1-9]\d*\b/);
  });
});

describe('planning and emitting the FUSE EDQUOT fixtures', () => {
  const open = specOf('open.c', 'sys_open');
  const write = specOf('read_write.c', 'sys_write');
  it("the planner passes EDQUOT's number and emit calls the fixtures with it", () => {
    const oc = planSpec(open).cases.find((x) => x.what === CREATE)!;
    const wc = planSpec(write).cases.find((x) => x.what === WRITE)!;
    assert.deepEqual(oc.args[0], { kind: 'path', which: 'fuse-create-fails', errno: 122 });
    assert.deepEqual(wc.args[0], { kind: 'fd', fixture: 'fuse-write-fails', errno: 122 });
    const c = emitProgram([{ ...oc, n: 1 }, { ...wc, n: 2 }], new Map([[open.name, open], [write.name, write]]), { timeoutMs: 1000, origin: 'test' });
    assert.match(c, /fx_fuse_new\(FX_FUSE_CREATE, 122\)/);
    assert.match(c, /fx_fuse_fd\(FX_FUSE_WRITE, 122\)/);
  });
  it('--unprivileged leaves them out, and the quota alternatives stay planned', () => {
    const whats = [...planSpec(open, { unprivileged: true }).cases, ...planSpec(write, { unprivileged: true }).cases].map((c) => c.what);
    assert.ok(!whats.includes(CREATE) && !whats.includes(WRITE), whats.join('\n'));
    const all = [...planSpec(open).cases, ...planSpec(write).cases].map((c) => c.what);
    assert.ok(all.includes(CREATE) && all.includes(WRITE));
    assert.ok(all.includes('EDQUOT when filename=path:quota-new, flags=O_CREAT | O_WRONLY') && all.includes('EDQUOT when fd=fd:quota-full'));
  });
  it('lint accepts the corpus with them', () => {
    assert.doesNotMatch(kapi(['lint', '-q']).stdout, /fuse|EDQUOT/);
  });
});

describe("open's and write's EDQUOT from the FUSE server on the 6.1 guest", () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  const skip = kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)';
  it('both cases pass there, the quota ones are skipped (6.1 tmpfs has no quotas)', { skip }, () => {
    const r = kapi(['conform', '-q', '--kernel', kernel!, 'open', 'write']);
    assertEdquot(r.stdout);
    assert.match(r.stdout, /^ {4}ok \d+ EDQUOT when filename=path:quota-new, flags=O_CREAT \| O_WRONLY # SKIP tmpfs has no quota support/m);
    assert.match(r.stdout, /^ {4}ok \d+ EDQUOT when fd=fd:quota-full # SKIP tmpfs has no quota support/m);
  });
  it('a server told ENOSPC fails both cases there too, naming EDQUOT and ENOSPC', { skip }, () => {
    const cases = [wrongCase('open.c', 'sys_open', CREATE, 1), wrongCase('read_write.c', 'sys_write', WRITE, 2)];
    const specs = new Map(cases.map((c) => [c.spec.name, c.spec]));
    const run = runInVm(kernel!, specs, cases.map((c) => c.case));
    assert.equal(run.outcomes.length, 2, run.ktap);
    for (const o of run.outcomes) {
      assert.equal(o.pass, false, run.ktap);
      assert.equal(o.errno, 'ENOSPC');
      assert.match(o.reason!, /expected EDQUOT, got -1, errno ENOSPC/);
    }
  });
});
