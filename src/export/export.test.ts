// Exports: the kselftest directory builds with make and passes on this kernel without kapi; the
// syzlang output passes a syntax check written here (syzlang's grammar for what kapi emits).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kapi } from '../testutil.js';

/** Checks syzlang lines: comments, resources, flag sets, and calls with typed arguments. */
export function checkSyzlang(text: string): string[] {
  const errors: string[] = [];
  const flags = new Set<string>();
  const resources = new Set(['fd']);
  const used: [string, number][] = [];
  const usedRes: [string, number][] = [];
  const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
  const lines = text.split('\n');
  /** Parses TYPE at s[i..]; returns the index after it or -1. */
  const type = (s: string, i: number, line: number): number => {
    const m = new RegExp(`^${IDENT}`).exec(s.slice(i));
    if (!m) return -1;
    const name = m[0];
    i += name.length;
    if (s[i] !== '[') {
      if (/^fd_/.test(name) || name === 'fd') usedRes.push([name, line]);
      return i;
    }
    i++;
    for (let k = 0; ; k++) {
      const rest = s.slice(i);
      const lit = /^(-?\d+:-?\d+|-?(0x[0-9a-f]+|\d+)|in|out|inout|opt)(?=[,\]])/.exec(rest);
      if (lit) i += lit[0].length;
      else {
        const before = i;
        i = type(s, i, line);
        if (i < 0) return -1;
        if ((name === 'flags' || name === 'len') && k === 0) {
          const arg = s.slice(before, i);
          if (name === 'flags') used.push([arg, line]);
        }
      }
      if (s[i] === ',') { i += 2 - (s[i + 1] === ' ' ? 0 : 1); continue; }
      if (s[i] === ']') return i + 1;
      return -1;
    }
  };
  lines.forEach((l, k) => {
    const n = k + 1;
    if (l === '' || l.startsWith('#')) return;
    let m = new RegExp(`^resource (${IDENT})\\[(${IDENT})\\]$`).exec(l);
    if (m) { resources.add(m[1]!); return; }
    m = new RegExp(`^(${IDENT}) = ((-?(0x[0-9a-f]+|\\d+)|${IDENT})(, (-?(0x[0-9a-f]+|\\d+)|${IDENT}))*)$`).exec(l);
    if (m) { flags.add(m[1]!); return; }
    m = new RegExp(`^(${IDENT})\\((.*)\\)( (${IDENT}))?$`).exec(l);
    if (!m) { errors.push(`${n}: not a syzlang line: ${l}`); return; }
    if (m[4]) usedRes.push([m[4], n]);
    const args = m[2]!;
    let i = 0;
    while (i < args.length) {
      const a = new RegExp(`^(${IDENT}) `).exec(args.slice(i));
      if (!a) { errors.push(`${n}: bad argument at ${i}: ${args.slice(i)}`); return; }
      i = type(args, i + a[0].length, n);
      if (i < 0) { errors.push(`${n}: bad type in ${args}`); return; }
      if (args.slice(i, i + 2) === ', ') i += 2;
      else if (i !== args.length) { errors.push(`${n}: expected ', ' at ${i}`); return; }
    }
  });
  for (const [f, n] of used) if (!flags.has(f)) errors.push(`${n}: flags '${f}' not declared`);
  for (const [r, n] of usedRes) if (!resources.has(r)) errors.push(`${n}: resource '${r}' not declared`);
  return errors;
}

describe('kapi export syzlang', () => {
  const out = kapi(['export', 'syzlang', '-q']);
  it('is valid syzlang, one call per syscall spec', () => {
    assert.equal(out.code, 0);
    assert.deepEqual(checkSyzlang(out.stdout), []);
    assert.equal(out.stdout.split('\n').filter((l) => /^[a-z0-9_]+\(/.test(l)).length, 18);
  });
  it('resources, flags, ranges, len and directions', () => {
    assert.match(out.stdout, /^epoll_ctl\(epfd fd_epoll, op flags\[epoll_ctl_op_values, int32\], fd fd, event ptr\[in, array\[int8, 12\], opt\]\)$/m);
    assert.match(out.stdout, /^read\(fd fd, buf ptr\[out, array\[int8\]\], count len\[buf, intptr\]\)$/m);
    assert.match(out.stdout, /^epoll_create1\(flags flags\[epoll_create1_flags_flags, int32\]\) fd_epoll$/m);
    assert.match(out.stdout, /^epoll_create1_flags_flags = 0x80000$/m);
    // a resource nothing creates would be unusable to the fuzzer: it falls back to its base
    assert.doesNotMatch(out.stdout, /^resource fd_pipe\b/m);
    assert.match(out.stdout, /^resource fd_epoll\[fd\]$/m);
    assert.match(out.stdout, /^# @error EEXIST: op is EPOLL_CTL_ADD and fd is already registered with epfd$/m);
  });
  it('the checker itself rejects broken syzlang', () => {
    assert.notDeepEqual(checkSyzlang('read(fd fd, buf ptr[out, array[int8]\n'), []);
    assert.notDeepEqual(checkSyzlang('read(x flags[undeclared, int32])\n'), []);
    assert.notDeepEqual(checkSyzlang('read(x fd_nope)\n'), []);
  });
});

describe('kapi export kselftest', () => {
  it('builds with make and passes on this kernel, with no kapi involved', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kapi-kst-')), 'kapi');
    const r = kapi(['export', 'kselftest', dir, '-q']);
    assert.equal(r.code, 0, r.stderr);
    for (const f of ['Makefile', 'kapi_conform.c', 'settings']) assert.ok(existsSync(join(dir, f)), f);
    const make = spawnSync('make', ['-s', 'run_tests'], { cwd: dir, encoding: 'utf8' });
    assert.equal(make.status, 0, make.stderr + make.stdout.slice(-2000));
    assert.equal(make.stderr, '', 'builds without warnings');
    const lines = make.stdout.split('\n');
    assert.equal(lines[0], 'KTAP version 1');
    assert.equal(lines.filter((l) => /^ok \d+ sys_/.test(l)).length, 18);
    assert.match(readFileSync(join(dir, 'kapi_conform.c'), 'utf8'), /Generated by kapi export kselftest/);
  });
});
