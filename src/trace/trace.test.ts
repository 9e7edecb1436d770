// Runtime validation: the strace log parser on every line shape and on bad input (property tests),
// and real traces of programs compiled here that must give exactly the expected findings.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { kapi, repoPath } from '../testutil.js';
import { argValue } from './check.js';
import { TraceParser } from './parse.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-trace-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function parse(text: string, pid?: number) {
  const p = new TraceParser(pid);
  for (const l of text.split('\n')) p.push(l);
  p.finish();
  return p;
}

describe('strace log parser', () => {
  it('pids, timestamps, durations, errnos, raw and decoded arguments', () => {
    const p = parse([
      '1799  17:04:32.536702 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory)',
      '[pid  1800] 1700000000.123456 openat(-100, "/x", 0x80000) = 3 <0.000010>',
      'read(3, "a, b)", 4) = 4',
      'exit_group(0)                           = ?',
      'close(3)',
    ].join('\n'));
    assert.deepEqual(p.events.map((e) => [e.line, e.pid, e.name, e.args.length, e.ret, e.errno]), [
      [1, 1799, 'access', 2, -1n, 'ENOENT'], [2, 1800, 'openat', 3, 3n, undefined], [3, undefined, 'read', 3, 4n, undefined],
      [4, undefined, 'exit_group', 1, undefined, undefined],
    ]);
    assert.deepEqual(p.problems, [{ line: 5, message: "cannot read the result of 'close'" }]);
  });
  it('joins <unfinished ...> and <... resumed> per pid, keeps signals and exits', () => {
    const p = parse([
      '10 read(0,  <unfinished ...>',
      '11 write(1, "x", 1 <unfinished ...>',
      '10 <... read resumed>"abc", 4096) = 3',
      '11 <... write resumed>) = 1',
      '12 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED} ---',
      '12 +++ exited with 0 +++',
      '13 +++ killed by SIGKILL +++',
      '14 <... read resumed>) = 0',
    ].join('\n'));
    assert.deepEqual(p.events.map((e) => `${e.pid} ${e.name}(${e.args.join(' | ')}) = ${e.ret} @${e.line}`), ['10 read(0 | "abc" | 4096) = 3 @3', '11 write(1 | "x" | 1) = 1 @4']);
    assert.deepEqual(p.others.map((o) => o.kind), ['signal', 'exit', 'killed']);
    assert.deepEqual(p.problems, [{ line: 8, message: "'read' resumed without an unfinished call" }]);
  });
  it('a call never resumed, garbage, a very long line, binary bytes: reported, the rest still read', () => {
    const p = parse(['1 read(0,  <unfinished ...>', '\u0000\u00ff\u00fe garbage', 'x'.repeat((1 << 20) + 5), 'getpid() = 7'].join('\n'));
    assert.equal(p.events.length, 1);
    assert.deepEqual(p.problems.map((x) => x.line), [2, 3, 1]);
  });
  it('argument values: bases, NULL, flag expressions', () => {
    assert.equal(argValue('0x80000'), 0x80000n);
    assert.equal(argValue('-100'), -100n);
    assert.equal(argValue('0644'), 0o644n);
    assert.equal(argValue('NULL'), 0n);
    assert.equal(argValue('O_RDONLY|O_CLOEXEC'), 0x80000n);
    assert.equal(argValue('"str"'), undefined);
    assert.equal(argValue('0x1 /* EPOLL_??? */'), 1n);
    assert.equal(argValue('EPOLL_CLOEXEC|0x2'), 0x80002n);
  });
});

describe('checker', () => {
  /** The specs of a corpus file, and a checker over them fed trace lines; its findings as text. */
  const corpusSpecs = async (file: string) => {
    const { DiagSink } = await import('../diag/index.js');
    const { readSourcePath } = await import('../sources/index.js');
    return readSourcePath(repoPath(`specs/${file}`), new DiagSink());
  };
  const findings = async (specs: Awaited<ReturnType<typeof corpusSpecs>>, lines: string[]) => {
    const { Checker } = await import('./check.js');
    const c = new Checker(specs);
    const p = new TraceParser(undefined, (e) => c.check(e));
    for (const l of lines) p.push(l);
    return { names: c.names, found: c.findings.map((f) => `${f.line} ${f.kind} ${f.spec}`) };
  };
  it('a call the spec says does not return, returning a value', async () => {
    const r = await findings(await corpusSpecs('exec.c'), ['execve("/bin/true", ["true"], 0x7ffd) = 0', 'execve("/bin/true", ["true"], 0x7ffd) = 5']);
    assert.deepEqual(r.found, ['2 returned sys_execve']);
  });
  it("an EINVAL the spec provokes through an object's state (readlink of a regular file) is no valid-failed finding", async () => {
    const specs = await corpusSpecs('stat.c');
    const lines = ['readlink("/usr", 0x7fff41322150, 1023) = -1 EINVAL (Invalid argument)', 'readlink("/usr", 0x7fff41322150, 0) = -1 EINVAL (Invalid argument)'];
    assert.deepEqual((await findings(specs, lines)).found, []);
    // Without the conditions that name a fixture, EINVAL can only be the arguments': a finding.
    const strict = specs.map((s) => (s.name !== 'sys_readlink' ? s : {
      ...s, errors: s.errors!.map((e) => (e.name !== 'EINVAL' ? e : { ...e, ext: { ...e.ext, 'kapi-cond': 'bufsiz=0; bufsiz=-1' } })),
    }));
    assert.deepEqual((await findings(strict, lines.slice(0, 1))).found, ['1 valid-failed sys_readlink']);
  });
  it('a syscall whose entry point has another name is checked under its table name', async () => {
    // strace says fstat and stat; the specs are sys_newfstat and sys_newstat.
    const r = await findings(await corpusSpecs('stat.c'), [
      'fstat(3, 0x7ffd) = -1 ENOTSOCK (Socket operation on non-socket)', 'stat("/x", 0x7ffd) = -1 ENOENT (No such file or directory)']);
    assert.ok(r.names.includes('fstat') && r.names.includes('stat') && !r.names.includes('newfstat'), r.names.join(','));
    assert.deepEqual(r.found, ['1 unlisted-error sys_newfstat']);
  });
});

describe('parser properties', () => {
  const sample = [
    '1799  17:04:32.536702 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory)',
    '10 read(0,  <unfinished ...>', '10 <... read resumed>"abc", 4096) = 3', '12 +++ exited with 0 +++',
    'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f248f8d0000',
  ].join('\n');
  it('never throws on random or mutated input', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.tuple(fc.nat(), fc.nat({ max: 50 }), fc.string({ maxLength: 8 })).map(([p, l, s]) => {
      const at = p % sample.length;
      return sample.slice(0, at) + s + sample.slice(at + l);
    })), (text) => {
      const p = parse(text);
      for (const e of p.events) assert.ok(e.line >= 1);
    }), { numRuns: 2000, seed: 6 });
  });
});

const PROGRAM = String.raw`#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void)
{
	void *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_close, 9999);                 /* EBADF: listed */
	syscall(SYS_epoll_create1, 0x1);          /* EINVAL: listed, the argument is invalid */
	syscall(SYS_epoll_create, 100);           /* succeeds */
	syscall(SYS_mlock2, p, 4096, 2);          /* EINVAL for an undefined flag */
	syscall(SYS_munlock, p, 4096);
	return 0;
}
`;

describe('kapi trace and check-trace on real programs', () => {
  const src = join(dir, 'prog.c');
  const bin = join(dir, 'prog');
  writeFileSync(src, PROGRAM);
  const cc = spawnSync('cc', ['-O0', '-o', bin, src], { encoding: 'utf8' });
  const corpus = (f: string) => readFileSync(repoPath(`specs/${f}`), 'utf8');

  it('a correct spec: no finding', () => {
    assert.equal(cc.status, 0, cc.stderr);
    const r = kapi(['trace', '-q', '--', bin]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^close +\d+ +0 +0 +0 +0$/m);
    assert.match(r.stdout, /^mlock2 +1 +0 +0 +0 +0$/m);
    assert.match(r.stdout, /^program: exited with 0$/m);
  });
  it('wrong specs: exactly the expected findings, each with its trace line', () => {
    const specs = join(dir, 'wrong.c');
    writeFileSync(specs, [
      corpus('open.c').replace(/ \* error: EBADF, fd is not an open descriptor of the caller\n( \*   .*\n)*/, ''),
      corpus('epoll.c').replace('constraint-type: range(1, INT_MAX)', 'constraint-type: range(1, 10)'),
      corpus('mlock.c').replace('constraint-type: mask(MLOCK_ONFAULT)', 'constraint-type: mask(MLOCK_ONFAULT | 0x2)'),
    ].join('\n'));
    const r = kapi(['trace', '-q', '-f', 'json', '--source', specs, '--', bin]);
    assert.equal(r.code, 1, r.stdout);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.findings.map((f: { kind: string; spec: string }) => `${f.kind} ${f.spec}`).sort(), [
      'invalid-accepted sys_epoll_create', 'unlisted-error sys_close', 'valid-failed sys_mlock2',
    ]);
    for (const f of j.findings) assert.match(f.raw, new RegExp(`^\\d+ +${f.spec.replace('sys_', '')}\\(`));
  });
  it('check-trace reads a saved log the same way, with line numbers', () => {
    const log = join(dir, 'saved.log');
    spawnSync('strace', ['-f', '-tt', '-o', log, '--', bin]);
    const r = kapi(['check-trace', '-q', '--source', join(dir, 'wrong.c'), log]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`^${log}:\\d+: unlisted-error: close failed with EBADF, which sys_close does not list \\(in sys_close\\)$`, 'm'));
    assert.equal(kapi(['check-trace', '-q', join(dir, 'nope.log')]).code, 2);
  });
  it('per-pid logs (--output-separately) take the pid from the file name', () => {
    const base = join(dir, 'split');
    spawnSync('strace', ['-ff', '-o', base, '--', 'sh', '-c', `${bin}; true`]);
    const files = spawnSync('sh', ['-c', `ls ${base}.*`], { encoding: 'utf8' }).stdout.trim().split('\n');
    assert.ok(files.length >= 2, files.join(' '));
    const r = kapi(['check-trace', '-q', '-f', 'json', ...files]);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(JSON.parse(r.stdout).summary.mlock2.calls, 1);
  });
  it('kapi inject runs the program once per documented errno', () => {
    const r = kapi(['inject', '-q', '--api', 'epoll_create', '-f', 'json', '--', bin]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.results.map((x: { errno: string }) => x.errno), ['EINVAL', 'EMFILE', 'ENFILE', 'ENOMEM']);
    assert.ok(j.results.every((x: { program: string; calls: number }) => x.program === 'exited with 0' && x.calls === 1));
  });
});
