// The kapi command as a user runs it: modes, formats, exit codes, messages.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kapi, repoPath, tempDir } from '../testutil.js';

const fixture = (f: string) => repoPath(`src/sources/testdata/${f}`);

describe('kapi (list and show)', () => {
  it('reads the bundled corpus by default and says so in one line', () => {
    const r = kapi(['--all']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /reading the bundled corpus/);
    assert.match(r.stdout, /^System Calls:$/m);
    assert.match(r.stdout, /^Total specifications found: \d+$/m);
    for (const n of ['sys_epoll_create', 'sys_execveat', 'sys_mlockall', 'sys_madvise', 'sys_write']) {
      assert.match(r.stdout, new RegExp(`^  ${n} `, 'm'));
    }
  });

  it('more than 20 specs: a summary by source file that fits a screen; --all lists each one', () => {
    const dir = tempDir('kapi-many-');
    const spec = (n: number) => `/**\n * sys_call${n} - call number ${n}\n *\n * contexts: process\n * return:\n *   type: long\n *   desc: 0\n */\nSYSCALL_DEFINE0(call${n})\n{\n}\n`;
    for (let f = 0; f < 5; f++) writeFileSync(join(dir, `f${f}.c`), Array.from({ length: 9 }, (_, i) => spec(f * 9 + i)).join('\n'));
    const r = kapi(['-q', '--source', dir]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length <= 24, `${lines.length} lines`);
    assert.match(r.stdout, /^System Calls: 45 in 5 files$/m);
    assert.match(r.stdout, new RegExp(`^  ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/f0\\.c {2}9 {2}call0 call1 call2 call3 call4 call5 call6 call7 call8$`, 'm'));
    assert.match(lines.at(-1)!, /^Total specifications found: 45 \(kapi --all lists each one; kapi NAME shows one\)$/);
    const all = kapi(['-q', '--all', '--source', dir]);
    assert.equal(all.stdout.split('\n').filter((l) => /^ {2}sys_call\d+ /.test(l)).length, 45);
    assert.match(all.stdout, /^Total specifications found: 45$/m);
    // Other formats list every spec.
    assert.equal((JSON.parse(kapi(['-q', '-f', 'json', '--source', dir]).stdout) as { specs: unknown[] }).specs.length, 45);
  });

  it('shows one API, with or without the sys_ prefix', () => {
    const a = kapi(['-q', 'sys_epoll_ctl']);
    const b = kapi(['-q', 'epoll_ctl']);
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /^Errors \(\d+\):$/m);
    assert.match(a.stdout, /^ {2}EEXIST$/m);
  });
  it('a syscall is also found by its table name (stat is sys_newstat)', () => {
    const a = kapi(['-q', 'stat']);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, kapi(['-q', 'newstat']).stdout);
    assert.match(a.stdout, /^sys_newstat - /);
  });

  it('an unknown API lists the available ones and exits 1', () => {
    const r = kapi(['-q', 'sys_nonesuch']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /API 'sys_nonesuch' not found/);
    assert.match(r.stderr, /^ {2}sys_read \(syscall\)$/m);
  });

  it('groups by kind and counts every spec', () => {
    const r = kapi(['--source', fixture('patch4-kdoc.c')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /System Calls:[\s\S]*IOCTLs:[\s\S]*Functions:/);
    assert.match(r.stdout, /Total specifications found: 4/);
  });

  it('every format works in list and detail mode', () => {
    for (const f of ['plain', 'json', 'rst', 'JSON']) {
      assert.equal(kapi(['-q', '-f', f]).code, 0, f);
      assert.equal(kapi(['-q', '--format', f, 'sys_read']).code, 0, f);
    }
    assert.match(kapi(['-q', '-f', 'man', 'sys_read']).stdout, /^\.TH READ 2/m);
  });

  it('JSON output is itself a source', () => {
    const dir = tempDir('kapi-');
    const snap = join(dir, 'snap.json');
    const json = kapi(['-q', '-f', 'json']).stdout;
    writeFileSync(snap, json);
    const again = kapi(['-q', '-f', 'json', '--source', snap]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, json);
    assert.equal(kapi(['-q', '--source', snap, 'sys_close']).stdout, kapi(['-q', 'sys_close']).stdout);
  });

  it('reads several sources at once and reports duplicates', () => {
    const r = kapi(['-q', '--source', fixture('rfc3-flat.c'), '--source', fixture('rfc1-macro.c')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Total specifications found: 4/);
    const dup = kapi(['-q', '--source', fixture('rfc3-flat.c'), '--source', fixture('rfc3-flat.c')]);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /error\[duplicate-spec\]: spec 'sys_mlock' is already defined/);
  });
});

describe('kapi diagnostics and exit codes', () => {
  it('malformed specs: file:line:col diagnostics, the rest still shown, exit 1', () => {
    const r = kapi(['--source', fixture('malformed.c')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Total specifications found: 3/);
    assert.match(r.stderr, /malformed\.c:113:11: error\[unknown-errno\]: error name 'ENOTANERRNO' is not an errno \(in sys_timerfd_settime\)/);
    assert.match(r.stderr, /malformed\.c:175:1: error\[unterminated-spec\]/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  });

  it('warnings alone do not fail', () => {
    const r = kapi(['--source', fixture('rfc1-count-mismatch.c')]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /:68:2: warning\[count-mismatch\]: error_count is 1 but the spec has 2 errors/);
  });

  const usage: [string[], RegExp][] = [
    [['-f', 'xml'], /unknown output format 'xml'/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--source'], /option --source needs a value/],
    [['--source', 'a', '--vmlinux', 'b'], /--source, --vmlinux cannot be used together/],
    [['-q', '-f', 'man'], /'-f man' writes one page: give an API_NAME/],
    [['-q', 'a', 'b'], /unexpected argument 'b'/],
  ];
  for (const [args, re] of usage) {
    it(`usage error exits 2: ${args.join(' ')}`, () => {
      const r = kapi(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, re);
    });
  }

  it('unreadable inputs exit 2 with one clear line', () => {
    const r = kapi(['--source', '/nonexistent/tree']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'kapi: /nonexistent/tree: no such file or directory\n');
  });

  it('--vmlinux on a binary without specs, --debugfs without a kapi directory: exit 2', () => {
    const v = kapi(['--vmlinux', process.execPath]);
    assert.equal(v.code, 2);
    assert.match(v.stderr, /error\[no-specs\]: no \.kapi_specs section/);
    const dir = tempDir('kapi-debugfs-');
    const r = kapi(['--debugfs', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`${dir}/kapi: no kapi directory`));
  });

  it('--help and --version exit 0', () => {
    const h = kapi(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Exit status:/);
    assert.match(kapi(['-V']).stdout, /^kapi \d+\.\d+\.\d+\n$/);
  });
});
