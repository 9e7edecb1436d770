// ESTALE of open, execve and execveat, provoked with `path:fuse-open-fails`: the executable of
// the case's FUSE filesystem (fuse.ts), whose server answers every FUSE_OPEN with the errno of
// the error block. On this kernel and (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel in qemu,
// where the guest's init loads fuse.ko.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { errnoNumber } from '../sources/consts/index.js';
import { specsFromC } from '../sources/index.js';
import { failedCases, fuseMountsLeft, kapi, repoPath, type Run } from '../testutil.js';
import { emitProgram } from './emit.js';
import { planSpec, type Case } from './plan.js';
import { runCases } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-estale-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
const specOf = (file: string, name: string): ApiSpec => specsFromC(corpus(file), file, new DiagSink()).find((s) => s.name === name)!;

const WHAT = 'ESTALE when filename=path:fuse-open-fails';
const APIS = ['sys_open', 'sys_execve', 'sys_execveat'];

interface Result { api: string; provoked: string[]; unprovokable: string[]; failed: unknown[]; outcomes: { what: string; pass: boolean; errno?: string; ret?: string; skip?: string }[] }

/** conform of open, execve and execveat (on KERNEL when given), its --json results by API. */
function conform(name: string, kernel?: string): Run & { byApi: Map<string, Result> } {
  const json = join(dir, `${name}.json`);
  const r = kapi(['conform', '-q', '--json', json, ...(kernel ? ['--kernel', kernel] : []), 'open', 'execve', 'execveat'], { timeout: 600_000 });
  const doc = JSON.parse(readFileSync(json, 'utf8')) as { results: Result[] };
  return { ...r, byApi: new Map(doc.results.map((x) => [x.api, x])) };
}

/** Each API provoked ESTALE through the fixture: its case passed with the kernel's ESTALE. */
function assertProvoked(byApi: Map<string, Result>) {
  for (const api of APIS) {
    const res = byApi.get(api);
    assert.ok(res, `${api} in the results`);
    assert.ok(res.provoked.includes('ESTALE'), `${api} provoked ${res.provoked.join(' ')}`);
    assert.ok(!res.unprovokable.includes('ESTALE'));
    const cases = res.outcomes.filter((o) => o.what === WHAT);
    assert.equal(cases.length, 1, api);
    assert.equal(cases[0]!.pass, true, `${api}: ${JSON.stringify(cases[0])}`);
    assert.equal(cases[0]!.skip, undefined);
    assert.equal(cases[0]!.errno, 'ESTALE');
    assert.equal(cases[0]!.ret, '-1');
  }
}

describe('ESTALE on this kernel', () => {
  it("open's, execve's and execveat's ESTALE come from the FUSE server's answer to OPEN", () => {
    const r = conform('here');
    assert.equal(r.code, 0, failedCases(r));
    assertProvoked(r.byApi);
    assert.deepEqual(fuseMountsLeft(), []);
  });
  it("the errno is the server's: told EIO for the same fixture, open returns EIO and the case fails", async () => {
    const spec = specOf('open.c', 'sys_open');
    const c = planSpec(spec).cases.find((x) => x.what === WHAT)!;
    assert.deepEqual(c.args[0], { kind: 'path', which: 'fuse-open-fails', errno: errnoNumber('ESTALE') });
    const wrong: Case = { ...c, n: 1, args: [{ kind: 'path', which: 'fuse-open-fails', errno: errnoNumber('EIO')! }, ...c.args.slice(1)] };
    const [o] = (await runCases(new Map([[spec.name, spec]]), [wrong])).outcomes;
    assert.equal(o!.pass, false);
    assert.equal(o!.errno, 'EIO');
    assert.match(o!.reason!, /expected ESTALE, got -1, errno EIO/);
  });
  it('an open that never calls the open method (O_PATH) succeeds, so the case fails', () => {
    const f = join(dir, 'open-opath.c');
    // The ESTALE block's condition (EIO's uses the same fixture: the block is found by its errno).
    const text = corpus('open.c').replace(/(error: ESTALE,[^\n]*\n \*   kapi-cond: filename=path:fuse-open-fails)/, '$1, flags=O_PATH');
    assert.notEqual(text, corpus('open.c'));
    writeFileSync(f, text);
    const r = kapi(['conform', '-q', '--source', f, 'open']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ ESTALE when filename=path:fuse-open-fails, flags=O_PATH$/m);
    assert.match(r.stdout, /# sys_open case \d+: expected ESTALE, got \d+/);
    assert.deepEqual(fuseMountsLeft(), []);
  });
});

describe('planning and emitting path:fuse-open-fails', () => {
  it("the planner passes ESTALE's number, the emitted C makes the FUSE executable fail OPEN", () => {
    for (const [file, name] of [['open.c', 'sys_open'], ['exec.c', 'sys_execve'], ['exec.c', 'sys_execveat']] as const) {
      const spec = specOf(file, name);
      const cases = planSpec(spec).cases;
      const c = cases.find((x) => x.what === WHAT);
      assert.ok(c, name);
      assert.equal(c.error, 'ESTALE');
      assert.ok(c.args.some((a) => a.kind === 'path' && a.which === 'fuse-open-fails' && a.errno === errnoNumber('ESTALE')), name);
      const prog = emitProgram([c], new Map([[spec.name, spec]]), { timeoutMs: 1000, origin: 'test' });
      assert.match(prog, new RegExp(`fx_fuse_path\\(FX_FUSE_OPEN, ${errnoNumber('ESTALE')}\\)`));
    }
  });
  it('--unprivileged leaves it out (mounting needs root of the namespace)', () => {
    const cases = planSpec(specOf('open.c', 'sys_open'), { unprivileged: true }).cases;
    assert.equal(cases.filter((c) => c.args.some((a) => a.kind === 'path' && a.which === 'fuse-open-fails')).length, 0);
  });
  it('lint accepts the corpus with it', () => {
    const r = kapi(['lint', '-q']);
    assert.equal(r.code, 0, r.stdout);
    assert.doesNotMatch(r.stdout, /fuse-open-fails|ESTALE/);
  });
});

describe('ESTALE on the 6.1 guest', () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  const skip = kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)';
  it('open, execve and execveat provoke it with the module loaded by the init', { skip }, () => {
    const r = conform('guest', kernel!);
    assert.equal(r.code, 0, failedCases(r));
    assertProvoked(r.byApi);
  });
});
