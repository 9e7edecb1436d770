// Every diff rule alone on a base/revision pair, realistic evolutions, the rule registry, and
// `kapi diff` end to end (formats, --fail-on, suppressions, inputs of every kind).

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { emitC } from '../sources/elf/fixture-c.js';
import { readSourcePath, specsFromC } from '../sources/index.js';
import { kapi, repoPath } from '../testutil.js';
import { diffSets, parseSuppressions, RULES } from './index.js';

const BASE = `/**
 * sys_demo - a demo call
 * @fd: a descriptor
 * @flags: flags
 *
 * long-desc: Does a demo thing.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *   desc: d
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(O_CLOEXEC | O_NONBLOCK)
 *   desc: f
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *
 * error: EBADF, fd is not open
 *   desc: d
 *
 * lock: demo_lock
 *   type: mutex
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *
 * side-effect: modify_state
 *   target: demo state
 *   reversible: yes
 */
SYSCALL_DEFINE2(demo, int, fd, unsigned int, flags)
{
}
`;

const parse = (text: string): ApiSpec[] => specsFromC(text, 'demo.c', new DiagSink());
const ids = (a: string, b: string) => diffSets(parse(a), parse(b)).map((f) => f.id).sort();

/** rule -> the edit of BASE that must trigger it (and only it, or with the rules listed). */
const CASES: Record<keyof typeof RULES, [edit: (s: string) => string, also?: string[]]> = {
  'spec-removed': [() => ''],
  'spec-added': [(s) => s + s.replace(/demo/g, 'demo2')],
  'param-added': [(s) => s.replace('SYSCALL_DEFINE2(demo, int, fd, unsigned int, flags)', 'SYSCALL_DEFINE3(demo, int, fd, unsigned int, flags, int, extra)').replace(' * param: flags', ' * param: extra\n *   type: int, input\n *\n * param: flags')],
  'param-removed': [(s) => s.replace(', unsigned int, flags)', ')').replace('SYSCALL_DEFINE2', 'SYSCALL_DEFINE1').replace(/ \* param: flags\n( \*  .*\n)*/, '').replace(' * @flags: flags\n', '')],
  'param-renamed': [(s) => s.replace(/flags/g, 'mode').replace('O_CLOEXEC | O_NONBLOCK', 'O_CLOEXEC | O_NONBLOCK')],
  'param-retyped': [(s) => s.replace('unsigned int, flags', 'unsigned long, flags')],
  'constraint-narrowed': [(s) => s.replace('range(0, INT_MAX)', 'range(0, 1023)')],
  'constraint-widened': [(s) => s.replace('range(0, INT_MAX)', 'range(-1, INT_MAX)')],
  'flags-removed': [(s) => s.replace('mask(O_CLOEXEC | O_NONBLOCK)', 'mask(O_CLOEXEC)')],
  'flags-added': [(s) => s.replace('mask(O_CLOEXEC | O_NONBLOCK)', 'mask(O_CLOEXEC | O_NONBLOCK | O_DIRECT)')],
  'errno-added': [(s) => s.replace(' * lock: demo_lock', ' * error: EINVAL, flags has unknown bits\n *\n * lock: demo_lock')],
  'errno-removed': [(s) => s.replace(' * error: EBADF, fd is not open\n *   desc: d\n', '')],
  'return-changed': [(s) => s.replace('  check-type: exact\n *   success: 0', '  check-type: fd\n *   success-range: 0, INT_MAX')],
  'context-narrowed': [(s) => s.replace('contexts: process, sleepable', 'contexts: sleepable')],
  'context-widened': [(s) => s.replace('contexts: process, sleepable', 'contexts: process, sleepable, softirq')],
  'lock-added': [(s) => s.replace(' * signal: SIGKILL', ' * lock: other_lock\n *   type: spinlock\n *\n * signal: SIGKILL')],
  'lock-removed': [(s) => s.replace(' * lock: demo_lock\n *   type: mutex\n', '')],
  'capability-added': [(s) => s.replace(' * signal: SIGKILL', ' * capability: CAP_SYS_ADMIN\n *   type: bypass_check\n *\n * signal: SIGKILL')],
  'capability-removed': [(s) => s, []],
  'signal-added': [(s) => s.replace(' * side-effect:', ' * signal: ANY\n *   direction: receive\n *   action: return\n *\n * side-effect:')],
  'signal-removed': [(s) => s.replace(' * signal: SIGKILL\n *   direction: receive\n *   action: terminate\n', '')],
  'side-effects-changed': [(s) => s.replace('  reversible: yes', '  reversible: no')],
  'doc-changed': [(s) => s.replace('Does a demo thing.', 'Does a demo thing, now better described.')],
};

describe('each diff rule on its own base/revision pair', () => {
  for (const [id, [edit, also]] of Object.entries(CASES)) {
    it(id, () => {
      if (id === 'capability-removed') {
        // The reverse of capability-added.
        assert.deepEqual(ids(CASES['capability-added'][0](BASE), BASE), ['capability-removed']);
        return;
      }
      assert.deepEqual(ids(BASE, edit(BASE)), [id, ...(also ?? [])].sort());
    });
  }
  it('an unchanged spec has no finding', () => assert.deepEqual(ids(BASE, BASE), []));
  it('a range dropped altogether loses both ends', () => {
    const msgs = diffSets(parse(BASE), parse(BASE.replace(/ \*   constraint-type: range\(0, INT_MAX\)\n/, ''))).map((f) => `${f.id}: ${f.message}`);
    assert.deepEqual(msgs.filter((m) => /any more/.test(m)).sort(), [
      "constraint-widened: 'fd' has no maximum any more",
      "constraint-widened: 'fd' has no minimum any more",
    ]);
  });
});

describe('the rule registry', () => {
  it('keys are ids; every rule has a level, a summary, a reason, and a test', () => {
    for (const [k, r] of Object.entries(RULES)) {
      assert.equal(r.id, k);
      assert.ok(['error', 'warning', 'info'].includes(r.level));
      assert.ok(r.why.length > 20 && r.summary.length > 5);
      assert.ok(k in CASES);
    }
  });
});

describe('realistic evolutions', () => {
  let corpus: ApiSpec[] = [];
  before(async () => { corpus = await readSourcePath(repoPath('specs'), new DiagSink(), { displayRoot: 'specs' }); });

  it('a spec moved from the C-macro DSL to kernel-doc is no semantic change', () => {
    const asMacros = specsFromC(emitC(corpus, 'v4', 'specs'), 'generated.c', new DiagSink());
    assert.deepEqual(diffSets(asMacros, corpus), []);
  });
  it('mlock2 gains a flag and an errno; madvise narrows its start', () => {
    const edit = (s: ApiSpec): ApiSpec => {
      if (s.name === 'sys_mlock2') {
        const p = s.params!.map((x) => (x.name === 'flags' ? { ...x, constraint: { ...x.constraint, mask: { text: 'MLOCK_ONFAULT | 2', value: 3n } } } : x));
        return { ...s, params: p, errors: [...s.errors!, { name: 'EOVERFLOW', at: s.at, condition: 'too big' }] };
      }
      return s;
    };
    const got = diffSets(corpus, corpus.map(edit)).map((f) => `${f.spec} ${f.id}`).sort();
    assert.deepEqual(got, ['sys_mlock2 errno-added', 'sys_mlock2 flags-added']);
  });
});

describe('kapi diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kapi-diff-'));
  const old = join(dir, 'old.c');
  const now = join(dir, 'new.c');
  writeFileSync(old, BASE);
  writeFileSync(now, CASES['flags-removed'][0](CASES['errno-added'][0](BASE)));

  it('text output; exit 0 without --fail-on, 1 with it', () => {
    const r = kapi(['diff', old, now]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /new\.c:14:4: error\[flags-removed\]: 'flags' no longer accepts flag bits 0x800/);
    assert.match(r.stdout, /warning\[errno-added\]: EINVAL can now be returned: flags has unknown bits/);
    assert.equal(kapi(['diff', old, now, '--fail-on', 'error']).code, 1);
    assert.equal(kapi(['diff', old, old, '--fail-on', 'info']).code, 0);
    assert.equal(kapi(['diff', old, old]).stdout, 'no semantic change\n');
  });
  it('suppressions keep findings visible, with their reason, and out of --fail-on', () => {
    const sup = join(dir, 'sup.txt');
    writeFileSync(sup, '# accepted\nflags-removed sys_demo O_NONBLOCK was never implemented\n');
    const r = kapi(['diff', old, now, '--suppress', sup, '--fail-on', 'error']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /error\[flags-removed\].*\[suppressed: O_NONBLOCK was never implemented\]/);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'flags-removed sys_demo\n');
    assert.equal(kapi(['diff', old, now, '--suppress', bad]).code, 2);
    assert.deepEqual(parseSuppressions('nope x y').errors, ["line 1: unknown rule 'nope'"]);
    const mixed = parseSuppressions('  # whole-line comment\nflags-removed sys_demo see bug #123 # trailing comment\ndoc-changed sys_demo reworded #\n');
    assert.deepEqual(mixed.errors, []);
    assert.deepEqual(mixed.items.map((i) => [i.line, i.reason]), [[2, 'see bug #123'], [3, 'reworded']]);
  });
  it('json, markdown and sarif', () => {
    const j = JSON.parse(kapi(['diff', old, now, '-f', 'json']).stdout);
    assert.deepEqual(j.findings.map((f: { id: string }) => f.id).sort(), ['errno-added', 'flags-removed']);
    assert.ok(j.findings.every((f: { why: string }) => f.why.length > 0));
    assert.match(kapi(['diff', old, now, '-f', 'markdown']).stdout, /^\| error \| `flags-removed` \| `sys_demo` \|/m);
    const s = JSON.parse(kapi(['diff', old, now, '-f', 'sarif']).stdout);
    assert.equal(s.runs[0].results.length, 2);
  });
  it('any input kind on either side: snapshot, C, ELF, debugfs', () => {
    const snap = join(dir, 'snap.json');
    writeFileSync(snap, kapi(['-q', '-f', 'json']).stdout);
    assert.equal(kapi(['diff', snap, repoPath('specs')]).stdout, 'no semantic change\n');
    assert.equal(kapi(['diff', '/nonexistent', snap]).code, 2);
    assert.equal(kapi(['diff', snap]).code, 2);
  });
});
