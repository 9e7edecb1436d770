// Every lint check alone on a small fixture that trips it (and a clean one that does not), the
// registry audited, and `kapi lint` end to end on a real kernel file with a spec planted in it.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { codeContext } from '../cli/lint.js';
import { DiagSink } from '../diag/index.js';
import { kapi } from '../testutil.js';
import { specsFromC } from '../sources/index.js';
import { CHECKS, lint, type CheckId } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-lint-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A kernel-doc spec with the given tag lines, bound to a SYSCALL_DEFINE2 with `body`. */
function spec(tags: string, body = '', sig = 'SYSCALL_DEFINE2(demo, int, fd, unsigned int, flags)'): string {
  return `/**\n * sys_demo - a demo call\n * @fd: a descriptor\n * @flags: flags\n *\n * contexts: process\n${tags.trim().split('\n').map((l) => ` * ${l}`).join('\n')}\n */\n${sig}\n{\n${body}\n}\n`;
}

const PARAMS = 'param: fd\n  type: fd, input\n  desc: d\nparam: flags\n  type: uint, input\n  desc: f';
const ERR = 'error: EBADF, fd is not open\n  desc: d';

/** Runs lint on C text written to a file; returns `line:id` of the findings of `only`. */
function run(text: string, only: CheckId): string[] {
  const file = join(dir, `t${n++}.c`);
  writeFileSync(file, text);
  const specs = specsFromC(text, file, new DiagSink());
  return lint(specs, codeContext()).filter((f) => f.id === only).map((f) => `${/:(\d+):\d+$/.exec(f.at)?.[1]}:${f.id}`);
}

const CASES: Record<CheckId, { bad: string; line: number; good: string }> = {
  'param-index': {
    // A JSON snapshot can carry any index; kernel-doc cannot produce this, so patch the model.
    bad: '', line: 0, good: spec(`${PARAMS}\n${ERR}`),
  },
  'duplicate-error': { bad: spec(`${PARAMS}\n${ERR}\nerror: EBADF, again\n  desc: d`), line: 15, good: spec(`${PARAMS}\n${ERR}`) },
  'unknown-errno': { bad: '', line: 0, good: spec(`${PARAMS}\n${ERR}`) },
  'missing-description': { bad: spec('param: fd\n  type: fd, input\nparam: flags\n  type: uint, input\n' + ERR).replace(' * @fd: a descriptor\n', ''), line: 6, good: spec(`${PARAMS}\n${ERR}`) },
  'range-inverted': { bad: spec(`${PARAMS}\n  constraint-type: range(10, 2)\n${ERR}`), line: 10, good: spec(`${PARAMS}\n  constraint-type: range(2, 10)\n${ERR}`) },
  'enum-outside-mask': { bad: spec(`${PARAMS}\n  constraint-type: mask(0x3)\n  enum: 1, 4\n${ERR}`), line: 10, good: spec(`${PARAMS}\n  constraint-type: mask(0x7)\n  enum: 1, 4\n${ERR}`) },
  'size-param': { bad: spec(`${PARAMS}\n  constraint-type: buffer(1)\n${ERR}`), line: 10, good: spec(`${PARAMS.replace('  desc: d\n', '  desc: d\n  constraint-type: buffer(1)\n')}\n${ERR}`) },
  'constraint-shape': { bad: spec(`${PARAMS}\n  constraint-type: KAPI_CONSTRAINT_RANGE\n${ERR}`), line: 10, good: spec(`${PARAMS}\n  constraint-type: range(0, 3)\n${ERR}`) },
  'return-contradiction': { bad: spec(`${PARAMS}\nreturn:\n  type: int\n  check-type: fd\n  success-range: -1, INT_MAX\n${ERR}`), line: 13, good: spec(`${PARAMS}\nreturn:\n  type: int\n  check-type: fd\n  success-range: 0, INT_MAX\n${ERR}`) },
  signature: { bad: spec(`${PARAMS}\n${ERR}`, '', 'SYSCALL_DEFINE2(demo, int, fd, unsigned long, mode)'), line: 1, good: spec(`${PARAMS}\n${ERR}`) },
  'error-condition': { bad: spec(`${PARAMS}\n${ERR}`), line: 13, good: spec(`${PARAMS}\n${ERR}\n  kapi-cond: fd=fd:closed\nerror: EIO, a device failed\n  kapi-unprovokable: needs a failing device`) },
  'effect-claim': { bad: spec(`${PARAMS}\nside-effect: resource_destroy\n  target: descriptor table slot\n${ERR}`), line: 13, good: spec(`${PARAMS}\nside-effect: resource_destroy\n  target: descriptor table slot\n  kapi-effect: fd:closed=fd\nstate-trans: slot\n  object: table\n  kapi-unobservable: nothing to see\n${ERR}`) },
  'test-tags': { bad: spec(`${PARAMS}\n  kapi-semantic: fd:epol\n${ERR}`), line: 10, good: spec(`${PARAMS}\n  kapi-semantic: fd:epoll\n  kapi-test: no-boundary\n  kapi-valid: O_CLOEXEC\n${ERR}`) },
  'code-error-missing': { bad: spec(`${PARAMS}\n${ERR}`, '\tif (flags)\n\t\treturn -EINVAL;\n\treturn -EBADF;'), line: 19, good: spec(`${PARAMS}\n${ERR}`, '\treturn -EBADF;') },
  // Needs a kernel tree: src/facts/consumers.test.ts.
  'code-error-object': { bad: '', line: 0, good: spec(`${PARAMS}\n${ERR}`) },
  'code-error-unseen': { bad: spec(`${PARAMS}\n${ERR}\nerror: EPERM, never\n  desc: d`, '\treturn -EBADF;'), line: 15, good: spec(`${PARAMS}\n${ERR}`, '\tint err = -EBADF;\n\treturn err;') },
};

describe('each lint check on its own fixture', () => {
  for (const [id, c] of Object.entries(CASES) as [CheckId, (typeof CASES)[CheckId]][]) {
    it(id, () => {
      assert.deepEqual(run(c.good, id), [], 'the clean fixture has no finding');
      if (!c.bad) return;
      assert.deepEqual(run(c.bad, id), [`${c.line}:${id}`]);
    });
  }
  it('param-index and unknown-errno on a model no DSL reader would produce', () => {
    const file = join(dir, 'model.c');
    const text = spec(`${PARAMS}\n${ERR}`);
    writeFileSync(file, text);
    const [s] = specsFromC(text, file, new DiagSink());
    const broken = { ...s!, params: [{ ...s!.params![0]!, index: 1 }, { ...s!.params![1]!, index: 0 }], errors: [{ ...s!.errors![0]!, name: 'ENOTREAL' }] };
    const ids = lint([broken], codeContext()).map((f) => f.id).sort();
    assert.deepEqual(ids.filter((i) => i === 'param-index'), ['param-index', 'param-index']);
    assert.ok(ids.includes('unknown-errno'));
  });
  it('test-tags names each value conform would ignore', () => {
    const file = join(dir, 'tags.c');
    const text = spec(`${PARAMS}\n  kapi-test: no-invalid, no-boundry\n  kapi-valid: NOT_A_CONSTANT\n  kapi-accepts: 0x4, bogus\n  kapi-fs: ext4=EINVAL fine; zfs=EIO no such fs; xfs=EIO\n${ERR}`);
    writeFileSync(file, text);
    const msgs = lint(specsFromC(text, file, new DiagSink()), codeContext()).filter((f) => f.id === 'test-tags').map((f) => f.message);
    assert.deepEqual(msgs, [
      "parameter 'flags': kapi-test 'no-boundry' is not one of no-invalid, no-valid-bits, no-boundary",
      "parameter 'flags': kapi-valid 'NOT_A_CONSTANT' has no known value",
      "parameter 'flags': kapi-accepts 'bogus' has no known value",
      "parameter 'flags': kapi-fs unknown filesystem 'zfs' (known: tmpfs, ext2, ext3, ext4, xfs, btrfs, vfat, overlay, fuse)",
      "parameter 'flags': kapi-fs 'xfs=EIO' is not FS=ERRNO[,ERRNO] REASON",
    ]);
  });
  it('kernel-internal restart codes are not user-visible errors', () => {
    assert.deepEqual(run(spec(`${PARAMS}\n${ERR}`, '\tif (fd)\n\t\treturn -ERESTARTNOINTR;\n\treturn -EBADF;'), 'code-error-missing'), []);
  });
  it('follows same-file callees and error variables', () => {
    const body = '\treturn helper(fd);';
    const text = `static int helper(int fd)\n{\n\tint err = -EBADF;\n\tif (fd > 3)\n\t\terr = -EMFILE;\n\treturn err;\n}\n\n${spec(`${PARAMS}\n${ERR}`, body)}`;
    assert.deepEqual(run(text, 'code-error-missing'), ['5:code-error-missing']);
  });
});

describe('the check registry', () => {
  it('keys are the checks\' ids; every check is tested; levels are valid', () => {
    for (const [k, c] of Object.entries(CHECKS)) {
      assert.equal(c.id, k);
      assert.ok(['error', 'warning', 'info'].includes(c.level));
      assert.ok(c.summary.length > 10 && !c.summary.endsWith('.'));
      assert.ok(k in CASES, `${k} has a test`);
    }
  });
});

describe('kapi lint', () => {
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'fs'), { recursive: true });
  writeFileSync(join(tree, 'fs/demo.c'), spec(`${PARAMS}\n  constraint-type: range(10, 2)\n${ERR}`, '\tif (flags)\n\t\treturn -EINVAL;\n\treturn -EBADF;'));

  it('text: file:line:col: level[id]: message, and exit 1 on errors', () => {
    const r = kapi(['lint', '-q', '--source', tree]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /fs\/demo\.c:10:4: error\[range-inverted\]: parameter 'flags': range 10 \.\. 2 is empty/);
    assert.match(r.stdout, /fs\/demo\.c:20:1: warning\[code-error-missing\]: the code returns -EINVAL here/);
    assert.match(r.stdout, /fs\/demo\.c:14:4: warning\[error-condition\]: EBADF has no kapi-cond/);
    assert.match(r.stdout, /^1 error, 2 warnings, 0 info$/m);
  });
  it('--severity and --fail-on', () => {
    assert.equal(kapi(['lint', '-q', '--source', tree, '--severity', 'range-inverted=off']).code, 0);
    assert.equal(kapi(['lint', '-q', '--source', tree, '--severity', 'range-inverted=off', '--fail-on', 'warning']).code, 1);
    assert.equal(kapi(['lint', '-q', '--source', tree, '--fail-on', 'never']).code, 0);
    assert.equal(kapi(['lint', '--fail-on', 'sometimes']).code, 2);
  });
  it('SARIF 2.1.0, JSON and GitHub annotations', () => {
    const sarif = JSON.parse(kapi(['lint', '-q', '--source', tree, '-f', 'sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'range-inverted');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 10, startColumn: 4 });
    assert.equal(sarif.runs[0].tool.driver.rules[res.ruleIndex].id, 'range-inverted');
    const json = JSON.parse(kapi(['lint', '-q', '--source', tree, '-f', 'json']).stdout);
    assert.equal(json.counts.error, 1);
    assert.match(kapi(['lint', '-q', '--source', tree, '-f', 'github']).stdout, /^::error file=.*demo\.c,line=10,col=4,title=range-inverted::parameter 'flags'/m);
  });
  it('the bundled corpus is clean at the error level', () => {
    const r = kapi(['lint', '-q']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^0 errors, \d+ warnings?, \d+ info$/m);
  });
});
