// Effects observed: the kapi-effect vocabulary, which claims apply to which case, and the corpus's
// successful calls checked against their claims on this kernel, with deliberately wrong specs
// (a claim removed from a call that has the effect, a claim the call does not have) failing for
// the right reason.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { corpusSyscallCount, kapi, repoPath } from '../testutil.js';
import { effectBlocks, parseEffects } from './effect.js';
import { emitProgram } from './emit.js';
import { planSpec } from './plan.js';
import { judge } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-effects-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');
/** The corpus file with `from` replaced (once, and it must be there). */
function mutated(file: string, from: string | RegExp, to: string): string {
  const text = corpus(file);
  const out = text.replace(from, to);
  assert.notEqual(out, text, `${String(from)} is not in ${file}`);
  const f = join(dir, `${file}-${Math.random().toString(36).slice(2)}.c`);
  writeFileSync(f, out);
  return f;
}

const DEMO = `/**
 * sys_demo - demo
 * @fd: fd
 * @flags: flags
 * @buf: buffer
 *
 * contexts: process
 *
 * param: fd
 *   type: fd, input
 * param: flags
 *   type: int, input
 *   constraint-type: mask(0x80000)
 * param: buf
 *   type: user_ptr, output
 *
 * return:
 *   type: int
 *   check-type: fd
 *   kapi-effect: fd:new=ret
 *
 * side-effect: resource_create
 *   target: descriptor
 *   kapi-effect: fd:cloexec=ret if flags&O_CLOEXEC; mem:filled=buf,ret*12
 *   kapi-effect-case: fd=fd:pipe
 *
 * state-trans: sleep
 *   object: task
 *   kapi-unobservable: nothing is left of a sleep
 *
 * error: EBADF, bad fd
 */
SYSCALL_DEFINE3(demo, int, fd, int, flags, void __user *, buf)
{
}
`;

describe('kapi-effect tags', () => {
  const [spec] = specsFromC(DEMO, 'demo.c', new DiagSink());
  const params = spec!.params!;
  it('are read as claims with guards, and every mistake is named', () => {
    const ok = parseEffects('fd:new=ret; fd:cloexec=ret if flags&O_CLOEXEC; mem:filled=buf,ret*12; mem:vmflag=fd,flags,rr if flags!=0', params);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.claims.map((c) => [c.name, c.args, c.guard?.op, c.guard?.value]), [
      ['fd:new', [{ ret: 1n }], undefined, undefined],
      ['fd:cloexec', [{ ret: 1n }], '&', 0x80000n],
      ['mem:filled', [{ param: 2 }, { ret: 12n }], undefined, undefined],
      ['mem:vmflag', [{ param: 0 }, { param: 1 }, { flag: 'rr' }], '!=', 0n],
    ]);
    const bad = parseEffects('fd:nope=ret; fd:new=fd; fd:closed=nope; mem:filled=buf; mem:vmflag=fd,flags,zz; fd:new=ret if nope&1; fd:new=ret if flags>1; ; fd:closed=fd if flags=1 if flags=2', params);
    assert.deepEqual(bad.problems.map((p) => p.replace(/ \(expected .*\)$/, '')), [
      "unknown effect 'fd:nope'",
      "fd:new: 'fd' must be 'ret'",
      "fd:closed: 'nope' is not a parameter",
      "'mem:filled' takes param, count, not 'buf'",
      "mem:vmflag: unknown VMA flag 'zz'",
      "fd:new: 'nope' in 'if nope&1' is not a parameter",
      "fd:new: 'if flags>1' is not PARAM&CONST, PARAM!&CONST, PARAM=CONST or PARAM!=CONST",
      'an empty effect',
      "'fd:closed=fd if flags=1 if flags=2' has more than one 'if'",
    ]);
    // What the C reads through must be a path or a pointer.
    assert.deepEqual(parseEffects('file:created=flags; mem:filled=fd,ret', params).problems, [
      "file:created: 'flags' is not a path parameter", "mem:filled: 'fd' is not a pointer parameter"]);
  });
  it('name their blocks; a claim applies to a successful case when its guard holds; effect cases are successful calls', () => {
    assert.deepEqual(effectBlocks(spec!).map((b) => [b.label, b.claims.length, b.unobservable ?? '']), [
      ['return', 1, ''], ['side-effect 1', 2, ''], ['state-trans 1', 0, 'nothing is left of a sleep'],
    ]);
    const plan = planSpec(spec!);
    const valid = plan.cases.find((c) => c.what === 'valid arguments succeed')!;
    assert.deepEqual(valid.effects!.claims.map((c) => c.text), ['fd:new=ret', 'mem:filled=buf,ret*12']);
    const cloexec = plan.cases.find((c) => c.what === 'flags has allowed bit 0x80000')!;
    assert.deepEqual(cloexec.effects!.claims.map((c) => c.text), ['fd:new=ret', 'fd:cloexec=ret if flags&O_CLOEXEC', 'mem:filled=buf,ret*12']);
    assert.deepEqual(cloexec.effects!.blocks, ['return', 'side-effect 1', 'side-effect 1']);
    const shows = plan.cases.find((c) => c.effectCase === 'side-effect 1')!;
    assert.equal(shows.what, 'side-effect 1 shows when fd=fd:pipe');
    assert.deepEqual(shows.expect, { kind: 'success' });
    assert.equal(plan.cases.find((c) => c.what === 'fd = -1')!.effects, undefined, 'a failing case is checked for atomicity, not effects');
    // The claims reach the C as numbers and argument indices only; the output buffer starts as a pattern.
    const c = emitProgram([{ ...valid, nr: 0 }], new Map(), { timeoutMs: 1000, origin: 'test' });
    assert.match(c, /static const struct sb_claim cl\[\] = \{ \{ CL_FD_NEW, \{ -1, -1, -1 \}, 1 \}, \{ CL_MEM_FILLED, \{ 2, -1, -1 \}, 12 \} \};/);
    assert.match(c, /long a2 = fx_buf_filled\(4096UL, 165\);/);
    assert.match(c, /sb_watch\(2, a2, 4096UL\);\n\tsb_begin\(a, cl, 2, 1\);/);
  });
  it('a spec without effect tags is not checked after success; lint names untagged blocks and bad tags', () => {
    const [plain] = specsFromC(DEMO.replace(/ \*   kapi-(effect|effect-case|unobservable):[^\n]*\n/g, ''), 'demo.c', new DiagSink());
    assert.equal(planSpec(plain!).cases[0]!.effects, undefined);
    const f = join(dir, 'lint-demo.c');
    writeFileSync(f, DEMO.replace(' *   kapi-unobservable: nothing is left of a sleep\n', '').replace('fd:new=ret\n', 'fd:new=fd\n'));
    const r = kapi(['lint', '-q', '--source', f]);
    assert.match(r.stdout, /lint-demo\.c:\d+:\d+: warning\[effect-claim\]: state-trans 1 \(task\) has no kapi-effect/);
    assert.match(r.stdout, /warning\[test-tags\]: return: kapi-effect fd:new: 'fd' must be 'ret'/);
  });
  it('the judgement names the claim not seen, or the change no claim explains', () => {
    const plan = planSpec(spec!);
    const c = plan.cases.find((x) => x.what === 'valid arguments succeed')!;
    const missing = judge(spec!, c, 3n, undefined, 'exit 0', { effects: { checked: 2, problem: 'missing 1 nothing was written to the first 12 bytes of arg2' } });
    assert.equal(missing.pass, false);
    assert.equal(missing.reason, "claimed effect 'mem:filled=buf,ret*12' (side-effect 1) not seen: nothing was written to the first 12 bytes of buf");
    const unclaimed = judge(spec!, c, 3n, undefined, 'exit 0', { effects: { checked: 2, problem: 'unclaimed fd:4:opened' } });
    assert.equal(unclaimed.reason, 'the call changed fd:4:opened, which no kapi-effect of the spec claims');
    const fine = judge(spec!, c, 3n, undefined, 'exit 0', { effects: { checked: 2 } });
    assert.equal(fine.pass, true);
    assert.equal(fine.effects, 2);
  });
});

describe('hostile kapi-effect text', () => {
  const [spec] = specsFromC(DEMO, 'demo.c', new DiagSink());
  it('never throws, and what it accepts reaches the C as claim numbers and small integers only', () => {
    const word = fc.constantFrom('fd:new=ret', 'mem:filled=buf,ret*12', 'mem:vmflag=fd,flags,rr', 'fd:cloexec=ret if flags&O_CLOEXEC', 'fd:new', 'mem:filled', 'mem:vmflag', 'file:created', 'epoll:added', 'ret', 'ret*12', 'ret*9999999', 'fd', 'flags', 'buf', 'rr', 'if', '&', '=', '!=', ',', ';', '*', '"', '\\', '*/', '\n', 'O_CLOEXEC', '0x80000', '-1');
    const text = fc.oneof(fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')), fc.string({ unit: 'binary', maxLength: 80 }));
    let emitted = 0;
    fc.assert(fc.property(text, (t) => {
      const r = parseEffects(t, spec!.params!);
      emitted += r.claims.length;
      const plan = planSpec({ ...spec!, return: { ...spec!.return!, ext: { 'kapi-effect': t } } });
      const c = emitProgram(plan.cases.filter((x) => x.effects).map((x) => ({ ...x, nr: 0 })), new Map(), { timeoutMs: 1000, origin: 'test' });
      for (const l of c.split('\n').filter((x) => x.includes('struct sb_claim cl[]'))) {
        assert.match(l, /^\tstatic const struct sb_claim cl\[\] = \{ (\{ 0 \}|\{ CL_[A-Z_]+, \{ -?\d, -?\d, -?\d \}, \d{1,7} \}(, \{ CL_[A-Z_]+, \{ -?\d, -?\d, -?\d \}, \d{1,7} \})*) \};$/);
      }
      return r.claims.length + r.problems.length > 0 || !t.split(';').some((x) => x.trim());
    }), { numRuns: 300 });
    assert.ok(emitted > 0, 'some generated texts were claims that reached the C');
  });
});

describe('the corpus: every successful call shows its claimed effects and nothing else', () => {
  it('each spec has an effects line; every block is checked or says why it cannot be', () => {
    const r = kapi(['conform', '-q'], { timeout: 600_000 });
    assert.equal(r.code, 0, r.stdout.split('\n').filter((l) => /not ok|# sys_.* case/.test(l)).join('\n'));
    const lines = r.stdout.split('\n').filter((l) => /^ {4}# sys_\w+: effects checked /.test(l));
    assert.equal(lines.length, corpusSyscallCount());
    for (const l of lines) assert.doesNotMatch(l, /not checked/, l);
    assert.match(r.stdout, /# sys_open: effects checked 7\/7 \(return, side-effect 1, side-effect 2, side-effect 3, side-effect 4, state-trans 1, state-trans 2\); unobservable 0; failure atomicity checked after \d+ failed calls$/m);
    assert.match(r.stdout, /# sys_munlockall: effects checked 2\/2 /);
    assert.match(r.stdout, /^ {4}ok \d+ side-effect 2 shows when op=EPOLL_CTL_DEL, fd=fd:watched@epfd$/m);
    assert.match(r.stdout, /^ {4}ok \d+ side-effect 2 shows when start=addr:filled, behavior=MADV_DONTNEED$/m);
  });
  it('a claim removed from a call that has the effect fails, naming the change', () => {
    const f = mutated('open.c', /kapi-effect: fd:closed=fd\n/g, 'kapi-unobservable: pretend\n');
    const r = kapi(['conform', '-q', '--source', f, 'close']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /# sys_close case 1: the call changed fd:\d+:closed, which no kapi-effect of the spec claims/);
    const g = mutated('epoll.c', / if flags&EPOLL_CLOEXEC/g, ' if flags&O_APPEND');
    const s = kapi(['conform', '-q', '--source', g, 'epoll_create1']);
    assert.equal(s.code, 1);
    assert.match(s.stdout, /^ {4}not ok \d+ flags has allowed bit 0x80000\n {4}# sys_epoll_create1 case \d+: the call changed fd:\d+:cloexec, which no kapi-effect of the spec claims/m);
  });
  it('a claim the call does not have fails, naming the claim and what was seen', () => {
    const f = mutated('read_write.c', 'kapi-effect: mem:filled=buf,ret\n', 'kapi-effect: mem:filled=buf,ret; file:written=fd\n');
    const r = kapi(['conform', '-q', '--source', f, 'read']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /# sys_read case 1: claimed effect 'file:written=fd' \(return\) not seen: fixture\.txt did not change/);
    const g = mutated('epoll.c', /epoll:added=epfd,fd if op=EPOLL_CTL_ADD/g, 'epoll:removed=epfd,fd if op=EPOLL_CTL_ADD');
    const s = kapi(['conform', '-q', '--source', g, 'epoll_ctl']);
    assert.equal(s.code, 1);
    assert.match(s.stdout, /claimed effect 'epoll:removed=epfd,fd if op=EPOLL_CTL_ADD' \(side-effect 1\) not seen: descriptor \d+ was not removed from the interest list of \d+/);
    const h = mutated('mlock.c', 'kapi-effect: mem:unlocked-all\n', 'kapi-effect: mem:locked-all\n');
    const t = kapi(['conform', '-q', '--source', h, 'munlockall']);
    assert.equal(t.code, 1);
    assert.match(t.stdout, /claimed effect 'mem:locked-all' \(side-effect 1\) not seen: 0 of \d+ mappings are locked/);
  });
});
