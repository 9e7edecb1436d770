// The extended attribute fixtures of specs/xattr.c: `str:` names, `path:xattr` and its kin, the
// FUSE xattr fixtures and the `xattr:set` / `xattr:removed` claims. On this kernel, and
// (KAPI_TEST_KERNEL) on the Debian 6.1 cloud kernel in qemu, whose tmpfs keeps no user.*
// attributes: there the cases that need one are skipped, never passed.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromC } from '../sources/index.js';
import { kapi, repoPath } from '../testutil.js';
import { parseConditions } from './cond.js';
import { EmitError, emitProgram } from './emit.js';
import { planSpec, type Case } from './plan.js';
import { runCases } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-xattr-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const text = readFileSync(repoPath('specs/xattr.c'), 'utf8');
const specs = specsFromC(text, 'xattr.c', new DiagSink());
const specOf = (name: string): ApiSpec => specs.find((s) => s.name === name)!;
const caseOf = (spec: ApiSpec, what: string): Case => {
  const c = planSpec(spec).cases.find((x) => x.what === what);
  assert.ok(c, `${spec.name}: no case '${what}'`);
  return c;
};
/** An outcome as text for a failure message (its return value is a bigint). */
const show = (o: unknown) => JSON.stringify(o, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
const run = async (spec: ApiSpec, cases: Case[]) => (await runCases(new Map([[spec.name, spec]]), cases.map((c, i) => ({ ...c, n: i + 1 })))).outcomes;

describe('planning the xattr fixtures', () => {
  it('str: settings are read, an unknown one is refused', () => {
    const params = specOf('sys_getxattr').params!;
    const ok = parseConditions('name=str:xattr-trusted; name=str:empty, pathname=path:file', params);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.conditions[0]!.settings, [{ kind: 'arg', param: 'name', index: 1, value: { str: 'xattr-trusted' } }]);
    const bad = parseConditions('name=str:user.evil', params);
    assert.equal(bad.conditions.length, 0);
    assert.match(bad.problems[0]!, /unknown string 'str:user\.evil'/);
  });
  it('the baseline is the file with user.kapi and the name user.kapi; the C names them by fixture', () => {
    const spec = specOf('sys_getxattr');
    const c = planSpec(spec).cases[0]!;
    assert.deepEqual(c.args.slice(0, 2), [{ kind: 'path', which: 'xattr' }, { kind: 'str', which: 'xattr' }]);
    const prog = emitProgram([c], new Map([[spec.name, spec]]), { timeoutMs: 1000, origin: 'test' });
    assert.match(prog, /long a0 = fx_path\("xattr"\);\n\tlong a1 = fx_str\("xattr"\);/);
  });
  it('a string fixture outside the closed set never reaches the C', () => {
    const spec = specOf('sys_getxattr');
    const c = planSpec(spec).cases[0]!;
    const evil: Case = { ...c, args: [c.args[0]!, { kind: 'str', which: '"); system("x' as never }, ...c.args.slice(2)] };
    assert.throws(() => emitProgram([evil], new Map([[spec.name, spec]]), { timeoutMs: 1000, origin: 'test' }), EmitError);
  });
  it('--unprivileged leaves out the fixtures that mount (FUSE, the tiny tmpfs)', () => {
    const cases = planSpec(specOf('sys_setxattr'), { unprivileged: true }).cases;
    assert.ok(cases.length > 10);
    assert.equal(cases.filter((c) => c.args.some((a) => a.kind === 'path' && /fuse|nospace/.test(a.which))).length, 0);
  });
  it('lint accepts the corpus with them', () => {
    const r = kapi(['lint', '-q']);
    assert.equal(r.code, 0, r.stdout);
  });
});

// The running kernel: its tmpfs (6.6 and later) keeps user.* attributes.
describe('the xattr fixtures on this kernel', () => {
  it('getxattr follows a final symlink to the attribute, lgetxattr reads the link itself (ENODATA)', async () => {
    const get = specOf('sys_getxattr');
    const [o] = await run(get, [caseOf(get, 'side-effect 1 shows when pathname=path:xattr-symlink')]);
    assert.equal(o!.pass, true, show(o));
    assert.equal(o!.ret, 10n); // "kapi-value"
    const lget = specOf('sys_lgetxattr');
    const [l] = await run(lget, [caseOf(lget, 'ENODATA when pathname=path:xattr-symlink')]);
    assert.equal(l!.pass, true, show(l));
    assert.equal(l!.errno, 'ENODATA');
  });
  it('size 0 returns the length and writes nothing; a short buffer is ERANGE', async () => {
    const spec = specOf('sys_getxattr');
    const [z, r] = await run(spec, [caseOf(spec, 'size = 0, the minimum 0 succeeds'), caseOf(spec, 'ERANGE when size=1')]);
    assert.equal(z!.pass, true, show(z));
    assert.equal(z!.ret, 10n);
    assert.equal(r!.errno, 'ERANGE');
  });
  it("E2BIG is the kernel's: the FUSE server answers ERANGE, which becomes E2BIG only for a full-size buffer", async () => {
    const spec = specOf('sys_getxattr');
    const big = caseOf(spec, 'E2BIG when pathname=path:fuse-xattr-huge, size=XATTR_SIZE_MAX');
    const small: Case = { ...big, args: [...big.args.slice(0, 3), { kind: 'int', value: 4096n }] };
    const [b, s] = await run(spec, [big, small]);
    assert.equal(b!.pass, true, show(b));
    assert.equal(b!.errno, 'E2BIG');
    assert.equal(s!.pass, false);
    assert.equal(s!.errno, 'ERANGE');
  });
  it('lsetxattr refuses user.* on a symlink (EPERM); setxattr through it sets the target', async () => {
    const lset = specOf('sys_lsetxattr');
    const [l] = await run(lset, [caseOf(lset, 'EPERM when pathname=path:xattr-symlink')]);
    assert.equal(l!.pass, true, show(l));
    assert.equal(l!.errno, 'EPERM');
    const set = specOf('sys_setxattr');
    const [s] = await run(set, [caseOf(set, 'side-effect 1 shows when pathname=path:xattr-symlink')]);
    assert.equal(s!.pass, true, show(s));
  });
  it('the tiny tmpfs gives setxattr ENOSPC', async () => {
    const spec = specOf('sys_setxattr');
    const [o] = await run(spec, [caseOf(spec, 'ENOSPC when pathname=path:xattr-nospace')]);
    assert.equal(o!.pass, true, show(o));
    assert.equal(o!.errno, 'ENOSPC');
  });
  it('the claims can fail: getxattr changes no attribute, so xattr:set of size bytes and xattr:removed are not seen', () => {
    for (const [claim, message] of [['xattr:set=pathname,name,size', /attribute user\.kapi has another size, not 4096 bytes/], ['xattr:removed=pathname,name', /attribute user\.kapi is still there \(10\)/]] as const) {
      const claimed = text.replace(/(sys_getxattr - [\s\S]*?\* side-effect: modify_state\n \*   target: value\n[\s\S]*?)kapi-effect: mem:filled=value,ret if size!=0\n \*   kapi-effect-case: [^\n]*\n/,
        `$1kapi-effect: mem:filled=value,ret if size!=0; ${claim}\n`);
      assert.notEqual(claimed, text);
      const f = join(dir, 'xattr-claims.c');
      writeFileSync(f, claimed);
      const r = kapi(['conform', '-q', '--source', f, 'getxattr']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^ {4}not ok 1 valid arguments succeed$/m);
      assert.match(r.stdout, message);
    }
  });
  it('setxattr and removexattr do what they claim', async () => {
    const set = specOf('sys_setxattr');
    const rm = specOf('sys_removexattr');
    const [a] = await run(set, [planSpec(set).cases[0]!]);
    const [b] = await run(rm, [planSpec(rm).cases[0]!]);
    assert.equal(a!.pass, true, show(a));
    assert.equal(b!.pass, true, show(b));
  });
});

describe('the xattr fixtures on the 6.1 guest', () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  const skip = kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)';
  it("tmpfs keeps no user.* attributes there: the cases that need one are skipped, the name checks still run", { skip }, () => {
    const r = kapi(['conform', '--kernel', kernel!, 'getxattr'], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /ok 1 valid arguments succeed # SKIP the scratch directory's filesystem keeps no user\.\* extended attributes/);
    assert.match(r.stdout, /^ {4}ok \d+ ERANGE when name=str:empty, pathname=path:file$/m);
    assert.match(r.stdout, /^ {4}ok \d+ ENODATA when pathname=path:fifo$/m);
  });
});

