// Fixtures that provoke errors of the terminal, unsigned-offset, running-executable and quota kinds
// on the running kernel (and on the 6.1 guest with KAPI_TEST_KERNEL), mutated conditions that must
// fail, and the per-case skip: a fixture that finds the kernel lacks what it needs skips its case
// (KTAP `ok N WHAT # SKIP WHY`), which is neither a failure nor a pass and provokes nothing.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { kapi, repoPath } from '../testutil.js';
import { programFromCases } from './emit.js';
import { planSpec } from './plan.js';
import { ktap, summarize } from './report.js';
import { ResultReader, workDir } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-fixtures-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (name: string) => readFileSync(repoPath(`specs/${name}`), 'utf8');
const kernel = process.env['KAPI_TEST_KERNEL'];

/** The coverage line of one API in KTAP output. */
const coverage = (out: string, api: string) => new RegExp(`^ {4}# ${api}: .*$`, 'm').exec(out)?.[0] ?? '';
/** The provoked errors a coverage line names. */
const provoked = (line: string) => (/errors provoked \d+\/\d+ \([\d.]+%\)(?:: ([A-Z ]+))?/.exec(line)?.[1] ?? '').split(' ').filter(Boolean);

/** The checks both kernels share: the new conditions pass and their errnos are provoked. */
function checkProvoked(out: string): void {
  const cases: [string, string, RegExp][] = [
    ['sys_read', 'EIO', /^ {4}ok \d+ EIO when fd=fd:pty-slave-closed$/m],
    ['sys_read', 'EOVERFLOW', /^ {4}ok \d+ EOVERFLOW when fd=fd:mem-top$/m],
    ['sys_write', 'EIO', /^ {4}ok \d+ EIO when fd=fd:pty-master-closed$/m],
    ['sys_open', 'ETXTBSY', /^ {4}ok \d+ ETXTBSY when filename=path:exec-running, flags=O_WRONLY$/m],
  ];
  for (const [api, errno, line] of cases) {
    assert.match(out, line);
    assert.ok(provoked(coverage(out, api)).includes(errno), `${api} ${errno}: ${coverage(out, api)}`);
  }
  // write's EOVERFLOW stays unprovokable (a writable /proc/PID/mem would need a writable proc).
  assert.match(coverage(out, 'sys_write'), /; unprovokable 1: EOVERFLOW$/);
}

/** EDQUOT: provoked where tmpfs has quotas, else skipped, never a failure and never provoked. */
function checkQuota(out: string, expectSkip: boolean | undefined): void {
  const cases: [string, string][] = [['sys_open', 'EDQUOT when filename=path:quota-new, flags=O_CREAT \\| O_WRONLY'], ['sys_write', 'EDQUOT when fd=fd:quota-full']];
  for (const [api, what] of cases) {
    const line = new RegExp(`^ {4}(not )?ok \\d+ ${what}( # SKIP (.*))?$`, 'm').exec(out);
    assert.ok(line, `${api}: no line for ${what}`);
    assert.equal(line[1], undefined, line[0]);
    const skipped = line[2] !== undefined;
    if (expectSkip !== undefined) assert.equal(skipped, expectSkip, line[0]);
    if (skipped) {
      assert.match(line[3]!, /^tmpfs has no quota support \(mount -o usrquota: Invalid argument\)$/);
      // The skipped case provokes nothing; EDQUOT is still provoked by the FUSE alternative
      // (fuse-quota.test.ts), so the coverage line lists it and not as skipped here.
      assert.match(coverage(out, api), /passed, 1 skipped; /);
    } else {
      assert.ok(provoked(coverage(out, api)).includes('EDQUOT'), coverage(out, api));
    }
  }
}

/** Does this kernel's tmpfs take quota options? (Only the initial namespace may mount it so.) */
function tmpfsHasQuotas(): boolean {
  const m = mkdtempSync(join(dir, 'quota-probe-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'usrquota,size=1m', 'kapi-probe', m], { encoding: 'utf8' });
  if (r.status === 0) spawnSync('umount', [m]);
  return r.status === 0;
}

describe('fixtures on this kernel', () => {
  it('read and write EIO through a pseudo-terminal, read EOVERFLOW through /proc/self/mem, open ETXTBSY of a running program', () => {
    const json = join(dir, 'here.json');
    const r = kapi(['conform', '-q', '--json', json, 'read', 'write', 'open']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    checkProvoked(r.stdout);
    checkQuota(r.stdout, !tmpfsHasQuotas());
    // --json: a skipped case carries its reason and is not counted as passed.
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { results: { api: string; passed: number; cases: number; skips: number; provoked: string[]; outcomes: { what: string; pass: boolean; skip?: string }[] }[] };
    for (const res of doc.results.filter((x) => x.api === 'sys_open' || x.api === 'sys_write')) {
      const q = res.outcomes.find((o) => o.what.startsWith('EDQUOT when'))!;
      if (q.skip === undefined) continue;
      assert.equal(res.skips, 1);
      assert.equal(res.passed, res.cases - 1);
      assert.match(q.skip, /^tmpfs has no quota support/);
      // EDQUOT is provoked all the same, by the FUSE alternative, a case that passed.
      assert.ok(res.outcomes.some((o) => o.what.startsWith('EDQUOT when') && o.pass && o.skip === undefined) === res.provoked.includes('EDQUOT'));
    }
  });
  it('a pseudo-terminal fixture on the wrong side fails, and so do swapped conditions, naming both errnos', () => {
    const f = join(dir, 'pty-wrong.c');
    // Read EIO from the slave whose master is closed: a hung-up terminal reads as end of file.
    writeFileSync(f, corpus('read_write.c').replace('kapi-cond: fd=fd:pty-slave-closed', 'kapi-cond: fd=fd:pty-master-closed'));
    let r = kapi(['conform', '-q', '--source', f, 'read']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^ {4}not ok \d+ EIO when fd=fd:pty-master-closed$/m);
    assert.match(r.stdout, /# sys_read case \d+: expected EIO, got 0$/m);
    assert.ok(!provoked(coverage(r.stdout, 'sys_read')).includes('EIO'));
    // EIO and EOVERFLOW swapped: each case fails with the other's errno.
    writeFileSync(f, corpus('read_write.c').replace('kapi-cond: fd=fd:pty-slave-closed', 'kapi-cond: SWAP')
      .replace('kapi-cond: fd=fd:mem-top', 'kapi-cond: fd=fd:pty-slave-closed').replace('kapi-cond: SWAP', 'kapi-cond: fd=fd:mem-top'));
    r = kapi(['conform', '-q', '--source', f, 'read']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /# sys_read case \d+: expected EIO, got -1, errno EOVERFLOW$/m);
    assert.match(r.stdout, /# sys_read case \d+: expected EOVERFLOW, got -1, errno EIO$/m);
    // A copy of an executable that nothing runs opens for writing.
    writeFileSync(f, corpus('open.c').replace('kapi-cond: filename=path:exec-running, flags=O_WRONLY', 'kapi-cond: filename=path:exec, flags=O_WRONLY'));
    r = kapi(['conform', '-q', '--source', f, 'open']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /# sys_open case \d+: expected ETXTBSY, got \d+$/m);
  });
});

describe('the per-case skip', () => {
  it('sb_skip ends the case before the call: the program prints ok # SKIP, kapi reads a skip that is not a pass and provokes nothing', () => {
    const body = '\tsb_skip("the kernel has no frobnicator");\n\tlong r = -1;\n\terrno = EIO;\n\treport(sb_case_id, r);';
    const program = programFromCases([
      { api: 'sys_dup', what: 'EIO when frobnicated', body, expect: '{ .nonatomic = 0, .errs = { 5, 0 } }' },
      { api: 'sys_dup', what: 'EIO for real', body: '\terrno = EIO;\n\treport(sb_case_id, -1);', expect: '{ .nonatomic = 0, .errs = { 5, 0 } }' },
    ], { timeoutMs: 3000, origin: 'the skip test' });
    const { dir: wd, scratch } = workDir('kapi-skip-test-');
    try {
      writeFileSync(join(wd, 'p.c'), program);
      const cc = spawnSync('cc', ['-O0', '-w', '-o', join(wd, 'p'), join(wd, 'p.c')], { encoding: 'utf8' });
      assert.equal(cc.status, 0, cc.stderr);
      const run = spawnSync(join(wd, 'p'), [scratch], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 0, run.stdout);
      assert.match(run.stdout, /^ {4}ok 1 EIO when frobnicated # SKIP the kernel has no frobnicator$/m);
      assert.match(run.stdout, /^ {4}# result 0 none end skip: the kernel has no frobnicator$/m);
      assert.match(run.stdout, /^ {4}ok 2 EIO for real$/m);

      const [spec] = specsFromC(`/**
 * sys_dup - demo
 *
 * contexts: process
 *
 * param: x
 *   type: int, input
 *
 * error: EIO, frobnication
 *   kapi-cond: x=1
 */
SYSCALL_DEFINE1(dup, int, x)
{
}
`, 'demo.c', new DiagSink());
      const plan = planSpec(spec!);
      const cond = plan.cases.find((c) => c.error === 'EIO')!;
      const cases = [cond, { ...cond, n: cond.n + 1 }];
      const reader = new ResultReader(new Map([['sys_dup', spec!]]), cases);
      reader.feed(run.stdout.split('\n').filter((l) => l.includes('# result')).join('\n'));
      const [skipped, real] = reader.all();
      assert.equal(skipped!.skip, 'the kernel has no frobnicator');
      assert.equal(skipped!.pass, true, 'a skip is not a failure');
      assert.equal(skipped!.errno, undefined);
      assert.equal(real!.pass, true);
      assert.equal(real!.errno, 'EIO');
      const sum = summarize(spec!, { ...plan, cases }, [skipped!]);
      assert.deepEqual([sum.passed, sum.skips, sum.failed.length, sum.provoked, sum.skippedErrors], [0, 1, 0, [], ['EIO']]);
      const out = ktap([{ result: sum, outcomes: [skipped!] }]);
      assert.match(out, /^ {4}ok \d+ EIO when x=1 # SKIP the kernel has no frobnicator$/m);
      assert.match(out, /^ {4}# sys_dup: 0\/1 passed, 1 skipped; errors provoked 0\/1 \(0%\); skipped here 1: EIO$/m);
      assert.match(out, /^ok 1 sys_dup$/m);
      // A case that returned is never a skip, whatever its end says.
      const both = summarize(spec!, { ...plan, cases }, [skipped!, real!]);
      assert.deepEqual([both.passed, both.skips, both.provoked, both.skippedErrors], [1, 1, ['EIO'], []]);
    } finally {
      rmSync(wd, { recursive: true, force: true });
    }
  });
  it('coverage counts an errno only from a passing case', () => {
    const [spec] = specsFromC(corpus('read_write.c'), 'read_write.c', new DiagSink());
    const plan = planSpec(spec!);
    const c = plan.cases.find((x) => x.error === 'EISDIR')!;
    const failing = { case: c, ret: -1n, errno: 'EBADF', end: 'exit 0', pass: false, reason: 'expected EISDIR, got -1, errno EBADF' };
    assert.deepEqual(summarize(spec!, plan, [failing]).provoked, []);
  });
});

describe('fixtures on the 6.1 guest', () => {
  it('the same errors are provoked there; EDQUOT is skipped (6.1 tmpfs has no quotas)', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set' }, () => {
    // Booting under TCG takes longer than kapi()'s limit.
    const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--kernel', kernel!, 'read', 'write', 'open'], { cwd: repoPath('.'), encoding: 'utf8', timeout: 600_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    checkProvoked(r.stdout);
    checkQuota(r.stdout, true);
  });
});
