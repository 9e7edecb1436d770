// Exports: the kselftest directory builds with make and passes on this kernel without kapi; the
// syzlang output passes the checker written to syzkaller's compiler rules (src/export/syzcheck.ts),
// matches its golden file, and writes multiplexed calls the way syzkaller names them.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ApiSpec, Param } from '../model/types.js';
import { UAPI_CONSTS } from '../sources/consts/generated.js';
import { corpusSyscallCount, FIXTURE_FILES, kapi, readFixture, repoPath, tempDir } from '../testutil.js';
import { checkSyzlang } from './syzcheck.js';
import { operationParam, toSyzlang } from './syzlang.js';

const GOLDEN = 'src/export/testdata/syzlang-corpus.txt';
const callLines = (text: string) => text.split('\n').filter((l) => /^[a-z0-9_]+(\$\w+)?\(/.test(l));

function spec(name: string, params: Partial<Param>[], extra: Partial<ApiSpec> = {}): ApiSpec {
  return {
    name: `sys_${name}`, kind: 'syscall', source_format: 'json', at: 'test.c:1:1',
    params: params.map((p, index) => ({ index, name: `a${index}`, at: 'test.c:1:1', ...p })), ...extra,
  };
}
const enumOf = (...names: [string, bigint][]) => ({ kind: 'enum' as const, values: names.map(([text, value]) => ({ text, value })) });

describe('kapi export syzlang', () => {
  const out = kapi(['export', 'syzlang', '-q']);
  it("passes the checker of syzkaller's rules, with the kernel's constant values", () => {
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(checkSyzlang(out.stdout, { file: 'corpus.txt', consts: UAPI_CONSTS }), []);
  });
  it('matches the golden file', () => {
    // to update: node dist/src/cli/main.js export syzlang -q > src/export/testdata/syzlang-corpus.txt
    assert.equal(out.stdout, readFileSync(repoPath(GOLDEN), 'utf8'));
  });
  it('one call per syscall spec; a variant per operation for epoll_ctl and per command for fcntl', () => {
    const calls = callLines(out.stdout);
    const bases = new Map<string, number>();
    for (const l of calls) bases.set(l.slice(0, l.search(/[$(]/)), (bases.get(l.slice(0, l.search(/[$(]/))) ?? 0) + 1);
    assert.equal(bases.size, corpusSyscallCount());
    for (const [b, n] of bases) if (b !== 'epoll_ctl' && b !== 'fcntl') assert.equal(n, 1, b);
    const fcntl = calls.filter((l) => l.startsWith('fcntl$')).map((l) => l.slice(6, l.indexOf('(')));
    assert.ok(fcntl.length >= 20 && fcntl.every((c) => /^F_[A-Z_]+$/.test(c)), fcntl.join(' '));
    assert.ok(['F_DUPFD', 'F_GETFL', 'F_SETLKW', 'F_OFD_SETLK', 'F_SETPIPE_SZ', 'F_ADD_SEALS'].every((c) => fcntl.includes(c)), fcntl.join(' '));
    assert.deepEqual(calls.filter((l) => l.startsWith('epoll_ctl')).map((l) => l.slice(0, l.indexOf('('))),
      ['epoll_ctl$EPOLL_CTL_ADD', 'epoll_ctl$EPOLL_CTL_DEL', 'epoll_ctl$EPOLL_CTL_MOD']);
  });
  it('syscall arguments carry no base types', () => {
    for (const l of callLines(out.stdout)) assert.doesNotMatch(l, /\b(flags|len|bytesize|const)\[[^\]]*, *(int|intptr)/, l);
  });
  it("epoll_ctl's operation is a const per variant, and event is required where the spec says so", () => {
    assert.match(out.stdout, /^epoll_ctl\$EPOLL_CTL_ADD\(epfd fd_epoll, op const\[EPOLL_CTL_ADD\], fd fd, event ptr\[in, array\[int8, 12\]\]\)$/m);
    assert.match(out.stdout, /^epoll_ctl\$EPOLL_CTL_MOD\(epfd fd_epoll, op const\[EPOLL_CTL_MOD\], fd fd, event ptr\[in, array\[int8, 12\]\]\)$/m);
    assert.match(out.stdout, /^epoll_ctl\$EPOLL_CTL_DEL\(epfd fd_epoll, op const\[EPOLL_CTL_DEL\], fd fd, event ptr\[in, array\[int8, 12\], opt\]\)$/m);
    assert.match(out.stdout, /^define EPOLL_CTL_ADD 1$/m);
    assert.match(out.stdout, /^define EPOLL_CTL_DEL 2$/m);
    assert.match(out.stdout, /^define EPOLL_CTL_MOD 3$/m);
    assert.doesNotMatch(out.stdout, /^epoll_ctl\(/m);
  });
  it("resources, syzkaller's flag set names, ranges, len, vma and directions", () => {
    assert.match(out.stdout, /^read\(fd fd, buf ptr\[out, array\[int8\]\], count len\[buf\]\)$/m);
    assert.match(out.stdout, /^epoll_wait\(epfd fd_epoll, events ptr\[out, array\[array\[int8, 12\]\]\], maxevents len\[events\], timeout int32\)$/m);
    assert.match(out.stdout, /^epoll_create\(size int32\[1:2147483647\]\) fd_epoll$/m);
    assert.match(out.stdout, /^epoll_create1\(flags flags\[epoll_flags\]\) fd_epoll$/m);
    assert.match(out.stdout, /^epoll_flags = 0x80000$/m);
    assert.match(out.stdout, /^mlock2\(start vma, len intptr, flags flags\[mlock_flags\]\)$/m);
    assert.match(out.stdout, /^madvise\(start vma, len_in intptr, behavior flags\[madvise_flags\]\)$/m);
    assert.match(out.stdout, /^open\(filename ptr\[in, filename\], flags flags\[open_flags\], mode flags\[open_mode\]\) fd$/m);
    assert.match(out.stdout, /^execve\(filename ptr\[in, filename\], argv ptr\[in, argv_array, opt\], envp ptr\[in, argv_array, opt\]\)$/m);
    assert.match(out.stdout, /^epoll_pwait\(.*sigsetsize const\[8\]\)$/m);
    // a resource nothing creates would be unusable to the fuzzer: it falls back to its base
    assert.doesNotMatch(out.stdout, /^resource fd_pipe\b/m);
    assert.match(out.stdout, /^resource fd_epoll\[fd\]$/m);
    assert.match(out.stdout, /^# @error EEXIST: op is EPOLL_CTL_ADD and fd is already registered with epfd$/m);
  });
  it('a subset keeps a resource only when the output both creates and consumes it', () => {
    const r = kapi(['export', 'syzlang', '-q', 'epoll_create1']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /fd_epoll/);
    assert.match(r.stdout, /^epoll_create1\(flags flags\[epoll_flags\]\) fd$/m);
    assert.deepEqual(checkSyzlang(r.stdout, { consts: UAPI_CONSTS }), []);
    const ctl = kapi(['export', 'syzlang', '-q', 'epoll_ctl']);
    assert.deepEqual(checkSyzlang(ctl.stdout, { consts: UAPI_CONSTS }), []);
    assert.match(ctl.stdout, /^epoll_ctl\$EPOLL_CTL_ADD\(epfd fd, /m);
  });
});

describe('syzlang: which calls are multiplexed', () => {
  const ctlParams: Partial<Param>[] = [
    { name: 'epfd', type: 'fd' },
    { name: 'op', type: 'int', c_type: 'int', constraint: enumOf(['EPOLL_CTL_ADD', 1n], ['EPOLL_CTL_DEL', 2n], ['EPOLL_CTL_MOD', 3n]) },
    { name: 'fd', type: 'fd' },
    { name: 'event', type: 'user_ptr', flags: ['in', 'optional'], size: { text: '12', value: 12n } },
  ];
  const constraint = (expression: string) => ({ name: 'c', expression, at: 'test.c:1:1' });
  it('an enum of names that a constraint expression compares while naming another parameter is the operation', () => {
    const s = spec('epoll_ctl', ctlParams, { constraints: [constraint('op == EPOLL_CTL_DEL || event != NULL')] });
    assert.equal(operationParam(s)?.name, 'op');
    const text = toSyzlang([s], 'test');
    assert.deepEqual(callLines(text), [
      'epoll_ctl$EPOLL_CTL_ADD(epfd fd, op const[EPOLL_CTL_ADD], fd fd, event ptr[in, array[int8, 12]])',
      'epoll_ctl$EPOLL_CTL_DEL(epfd fd, op const[EPOLL_CTL_DEL], fd fd, event ptr[in, array[int8, 12], opt])',
      'epoll_ctl$EPOLL_CTL_MOD(epfd fd, op const[EPOLL_CTL_MOD], fd fd, event ptr[in, array[int8, 12]])',
    ]);
    assert.deepEqual(checkSyzlang(text, { consts: UAPI_CONSTS }), []);
  });
  it('a value name two specs give different values is written as a number the second time', () => {
    const other = (ctlParams.map((p) => (p.name === 'op' ? { ...p, constraint: enumOf(['EPOLL_CTL_ADD', 9n], ['EPOLL_CTL_X', 10n]) } : p)));
    const cons = { constraints: [constraint('op == EPOLL_CTL_ADD || event != NULL')] };
    const text = toSyzlang([spec('epoll_ctl', ctlParams, cons), { ...spec('epoll_pwait', other, cons) }], 'test');
    assert.match(text, /^epoll_pwait\$EPOLL_CTL_ADD\(epfd fd, op const\[9\], /m);
    assert.match(text, /^define EPOLL_CTL_ADD 1$/m);
    assert.deepEqual(checkSyzlang(text), []);
  });
  it('!= and parenthesised forms are read the same way', () => {
    const s = spec('epoll_ctl', ctlParams, { constraints: [constraint('(op != EPOLL_CTL_ADD) || (event != NULL)')] });
    const lines = callLines(toSyzlang([s], 'test'));
    assert.match(lines[0]!, /^epoll_ctl\$EPOLL_CTL_ADD\(.*event ptr\[in, array\[int8, 12\]\]\)$/);
    assert.match(lines[1]!, /^epoll_ctl\$EPOLL_CTL_DEL\(.*event ptr\[in, array\[int8, 12\], opt\]\)$/);
  });
  it('an enum no constraint expression ties to another parameter stays one call with a flag set', () => {
    for (const constraints of [[], [constraint('op == EPOLL_CTL_DEL')], [constraint('epfd != fd')]]) {
      const s = spec('epoll_ctl', ctlParams, { constraints });
      assert.equal(operationParam(s), undefined);
      assert.match(toSyzlang([s], 'test'), /^epoll_ctl\(epfd fd, op flags\[epoll_ctl_op_values\], fd fd, event ptr\[in, array\[int8, 12\], opt\]\)$/m);
    }
  });
  it('an enum with a value that is not a name is not an operation', () => {
    const params = ctlParams.map((p) => (p.name === 'op' ? { ...p, constraint: enumOf(['EPOLL_CTL_ADD', 1n], ['2', 2n]) } : p));
    assert.equal(operationParam(spec('epoll_ctl', params, { constraints: [constraint('op == EPOLL_CTL_ADD || event != NULL')] })), undefined);
  });
});

describe('syzlang: argument forms', () => {
  it('the export of every reader fixture passes the checker', () => {
    for (const f of FIXTURE_FILES) {
      const text = toSyzlang(readFixture(f).set.specs, f);
      assert.deepEqual(checkSyzlang(text, { file: f, consts: UAPI_CONSTS }), [], f);
    }
  });
  it('a size parameter is len only of a pointer or mapping', () => {
    const s = spec('remap_file_pages', [
      { name: 'start', type: 'uint', c_type: 'unsigned long', size_param: { index: 1, name: 'size' } },
      { name: 'size', type: 'uint', c_type: 'unsigned long' },
      { name: 'buf', type: 'user_ptr', flags: ['out'], size_param: { index: 3, name: 'n' } },
      { name: 'n', type: 'uint', c_type: 'size_t' },
    ]);
    assert.match(toSyzlang([s], 'test'), /^remap_file_pages\(start intptr, size intptr, buf ptr\[out, array\[int8\]\], n len\[buf\]\)$/m);
  });
  it('ranges pick int32 or intptr by fit, masks of 0 are const, calls not on amd64 are left out', () => {
    const s = spec('alarm', [
      { name: 'a', type: 'int', c_type: 'int', constraint: { kind: 'range', min: { text: '-5', value: -5n }, max: { text: '5', value: 5n } } },
      { name: 'b', type: 'int', c_type: 'int', constraint: { kind: 'range', min: { text: '0', value: 0n }, max: { text: 'UINT_MAX', value: 0xffffffffn } } },
      { name: 'c', type: 'uint', c_type: 'unsigned long', constraint: { kind: 'range', min: { text: '0', value: 0n }, max: { text: 'ULONG_MAX', value: (1n << 64n) - 1n } } },
      { name: 'd', type: 'int', c_type: 'int', constraint: { kind: 'mask', mask: { text: '0', value: 0n } } },
      { name: 'e', type: 'int', c_type: 'int', constraint: { kind: 'enum', values: [{ text: 'X', value: 7n }, { text: 'Y', value: 7n }] } },
    ]);
    const text = toSyzlang([s, spec('kapi_nope', [])], 'test');
    assert.match(text, /^alarm\(a int32\[-5:5\], b int32\[0:4294967295\], c intptr, d const\[0\], e const\[7\]\)$/m);
    assert.match(text, /^# sys_kapi_nope: left out, kapi_nope is not a linux\/amd64 syscall$/m);
    assert.deepEqual(checkSyzlang(text), []);
  });
  it('two parameters share a flag set name only with the same values', () => {
    const mask = (v: bigint) => ({ kind: 'mask' as const, mask: { text: String(v), value: v } });
    const a = spec('open', [{ name: 'flags', type: 'int', constraint: mask(3n) }]);
    const b = spec('mlock2', [{ name: 'flags', type: 'int', constraint: mask(1n) }, { name: 'x', type: 'int', constraint: mask(3n) }]);
    const text = toSyzlang([a, b], 'test');
    assert.match(text, /^open_flags = 0x1, 0x2$/m);
    assert.match(text, /^mlock_flags = 0x1$/m);
    assert.match(text, /^mlock2_x_flags = 0x1, 0x2$/m);
    assert.deepEqual(checkSyzlang(text), []);
  });
  it('comments cannot break lines or fake a directive', () => {
    const text = toSyzlang([spec('sync', [], { description: 'x\n\u0000define FOO 1\ninclude <x>' })], 'a\nb');
    assert.deepEqual(checkSyzlang(text), []);
    assert.ok(text.split('\n').every((l) => l === '' || l.startsWith('#') || /^sync\(\)$/.test(l)), text);
  });
});

describe('kapi export kselftest', () => {
  it('builds with make and passes on this kernel, with no kapi involved', () => {
    const dir = join(tempDir('kapi-kst-'), 'kapi');
    const r = kapi(['export', 'kselftest', dir, '-q']);
    assert.equal(r.code, 0, r.stderr);
    for (const f of ['Makefile', 'kapi_conform.c', 'settings']) assert.ok(existsSync(join(dir, f)), f);
    const make = spawnSync('make', ['-s', 'run_tests'], { cwd: dir, encoding: 'utf8' });
    assert.equal(make.status, 0, make.stderr + make.stdout.slice(-2000));
    assert.equal(make.stderr, '', 'builds without warnings');
    const lines = make.stdout.split('\n');
    assert.equal(lines[0], 'KTAP version 1');
    assert.equal(lines.filter((l) => /^ok \d+ sys_/.test(l)).length, corpusSyscallCount());
    assert.match(readFileSync(join(dir, 'kapi_conform.c'), 'utf8'), /Generated by kapi export kselftest/);
  });
});
