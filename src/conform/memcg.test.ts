// memcg=full: the case runs in a memory cgroup of its own, full when the call is made, so that the
// call's own charge fails. The corpus's cases of it pass on this kernel (and on the 6.1 guest with
// KAPI_TEST_KERNEL), their cgroups are gone afterwards, and a mutated condition fails.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { failedCases, kapi, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { emitProgram } from './emit.js';
import { planSpec } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-memcg-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
const root = process.getuid?.() === 0;

/** The errors memcg=full provokes in the corpus: API, errno, the condition's text. */
const PROVOKED: [string, string, string][] = [
  ['sys_epoll_create', 'ENOMEM', 'memcg=full'],
  ['sys_epoll_create1', 'ENOMEM', 'memcg=full'],
  ['sys_epoll_ctl', 'ENOMEM', 'memcg=full'],
  ['sys_open', 'ENOMEM', 'memcg=full'],
  ['sys_execve', 'ENOMEM', 'memcg=full'],
  ['sys_execveat', 'ENOMEM', 'memcg=full'],
  ['sys_mlock', 'EAGAIN', 'memcg=full'],
  ['sys_mlock2', 'EAGAIN', 'memcg=full'],
  ['sys_madvise', 'EBUSY', 'start=addr:collapsible, len_in=0x200000, behavior=MADV_COLLAPSE, memcg=full'],
];
const APIS = PROVOKED.map(([api]) => api.replace(/^sys_/, ''));

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every KTAP subtest names its case's line and the coverage line the errno. */
function assertProvoked(out: string) {
  const sections = out.split(/^ {4}# Subtest: /m).slice(1);
  for (const [api, errno, cond] of PROVOKED) {
    const s = sections.find((x) => x.startsWith(`${api}\n`));
    assert.ok(s, `no subtest ${api}`);
    assert.match(s, new RegExp(`^ {4}ok \\d+ ${errno} when ${esc(cond)}$`, 'm'), `${api}:\n${s}`);
    const cov = new RegExp(`^ {4}# ${api}: \\d+/\\d+ passed(?:, \\d+ skipped)?; errors provoked \\d+/\\d+ \\([^)]*\\): ([A-Z0-9 ]+)`, 'm').exec(s);
    assert.ok(cov, `${api}: no coverage line`);
    assert.ok(cov[1]!.split(' ').includes(errno), `${api}: ${cov[0]}`);
  }
}

/** Directories named kapi-* anywhere below /sys/fs/cgroup (a few levels deep). */
function kapiCgroups(): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number) => {
    let names: string[];
    try { names = readdirSync(d); } catch { return; }
    for (const n of names) {
      const p = join(d, n);
      let isDir = false;
      try { isDir = statSync(p).isDirectory(); } catch { continue; }
      if (!isDir) continue;
      if (n.startsWith('kapi-')) found.push(p);
      if (depth < 5) walk(p, depth + 1);
    }
  };
  walk('/sys/fs/cgroup', 0);
  return found;
}

describe('memcg=full: the setting', () => {
  it('is read, and a wrong value is named', () => {
    assert.deepEqual(parseConditions('memcg=full', []).conditions[0]!.settings, [{ kind: 'memcg' }]);
    assert.match(parseConditions('memcg=half', []).problems[0]!, /memcg takes 'full', not 'half'/);
  });
  it('the case fills the cgroup after the snapshot and frees it right after the call; --unprivileged leaves it out', () => {
    const [spec] = specsFromC(corpus('epoll.c'), 'epoll.c', new DiagSink()).filter((s) => s.name === 'sys_epoll_ctl');
    const plan = planSpec(spec!);
    const c = plan.cases.find((x) => x.what === 'ENOMEM when memcg=full');
    assert.deepEqual(c?.setup, { rlimits: [], ignore: [], memcg: true });
    const src = emitProgram([c!], new Map(), { timeoutMs: 1000, origin: 'test' });
    assert.match(src, /\tfx_memcg_prepare\(\);\n\tfx_prefault\(a3, \d+UL\);\n(\t[^\n]*\n)*?\tsb_begin\([^\n]*\);\n\tfx_memcg_fill\(\);\n\tlong r = syscall\(233L, [^\n]*\);\n\tfx_memcg_release\(\);\n\tsb_end\(r\);/);
    assert.match(src, /static const char case_memcg\[\] = \{ 1, 0 \};/);
    assert.equal(planSpec(spec!, { unprivileged: true }).cases.filter((x) => x.setup?.memcg).length, 0);
  });
});

describe('memcg=full on this kernel', { skip: root ? false : 'needs root (conform makes memory cgroups)' }, () => {
  it('the corpus provokes the errors of a failed memory cgroup charge, and leaves no cgroup behind', () => {
    const r = kapi(['conform', ...APIS]);
    assert.equal(r.code, 0, failedCases(r));
    assertProvoked(r.stdout);
    assert.deepEqual(kapiCgroups(), []);
  });
  it('the same call without memcg=full succeeds, so the case fails', () => {
    const f = join(dir, 'epoll.c');
    // The first is epoll_create's.
    writeFileSync(f, corpus('epoll.c').replace(' *   kapi-cond: memcg=full\n', ' *   kapi-cond: size=1\n'));
    const r = kapi(['conform', '--source', f, 'epoll_create']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ ENOMEM when size=1$/m);
    assert.match(r.stdout, /# sys_epoll_create case \d+: expected ENOMEM, got \d+$/m);
  });
  it('predicting another errno for a full cgroup fails, naming the real one', () => {
    const f = join(dir, 'mlock.c');
    writeFileSync(f, corpus('mlock.c').replace(' * error: EAGAIN, some or all of the pages could not be faulted in and locked\n', ' * error: EBUSY, some or all of the pages could not be faulted in and locked\n'));
    const r = kapi(['conform', '--source', f, 'mlock']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {4}not ok \d+ EBUSY when memcg=full$/m);
    assert.match(r.stdout, /# sys_mlock case \d+: expected EBUSY, got -1, errno EAGAIN/);
    assert.deepEqual(kapiCgroups(), []);
  });
});

describe('memcg=full on the 6.1 guest', () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  it('the init mounts cgroup2 with the memory controller, and the same errors are provoked', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)' }, () => {
    const r = kapi(['conform', '--kernel', kernel!, ...APIS]);
    assert.equal(r.code, 0, failedCases(r));
    assertProvoked(r.stdout);
  });
});
