// Scaffold: type guesses, skeletons that read back without diagnostics, and the whole 6.1 tree.

import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { kapi, tempDir } from '../testutil.js';
import { guessType } from './index.js';

describe('KAPI type guesses', () => {
  const cases: [string, string, string][] = [
    ['int', 'epfd', 'fd'], ['unsigned int', 'fd', 'fd'], ['const char __user *', 'filename', 'path'],
    ['struct epoll_event __user *', 'event', 'user_ptr'], ['size_t', 'count', 'uint'], ['int', 'flags', 'int'],
    ['unsigned long', 'start', 'uint'], ['umode_t', 'mode', 'uint'], ['struct file *', 'f', 'ptr'],
  ];
  for (const [t, n, want] of cases) it(`${t} ${n} -> ${want}`, () => assert.equal(guessType(t, n).type, want));
  it('user pointers: const is input, others output with a hint', () => {
    assert.deepEqual(guessType('const struct iovec __user *', 'vec').flags, ['input']);
    assert.match(guessType('char __user *', 'buf').hint!, /direction/);
  });
});

describe('kapi scaffold', () => {
  const dir = tempDir('kapi-scaffold-');
  const src = join(dir, 'demo.c');
  writeFileSync(src, `static int helper(int x)\n{\n\tif (x < 0)\n\t\treturn -EINVAL;\n\treturn other_file_call(x);\n}\n\n` +
    `SYSCALL_DEFINE2(demo, int, fd, const char __user *, pathname)\n{\n\tif (fd < 0)\n\t\treturn -EBADF;\n\treturn helper(fd);\n}\n\n` +
    `SYSCALL_DEFINE0(nothing)\n{\n\treturn 0;\n}\n`);

  it('writes skeletons that read back as specs, without diagnostics', () => {
    const r = kapi(['scaffold', '--source', src]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /2 syscalls found, 1 with errors found in their code, 1 with error paths into other files \(unresolved\), 1 with no error found/);
    const d = new DiagSink();
    const specs = specsFromC(r.stdout, 'out.c', d);
    assert.deepEqual(d.items, []);
    const demo = specs.find((s) => s.name === 'sys_demo')!;
    assert.deepEqual(demo.errors!.map((e) => e.name), ['EBADF', 'EINVAL']);
    assert.deepEqual(demo.params!.map((p) => `${p.name}:${p.type}:${p.c_type}`), ['fd:fd:int', 'pathname:path:const char __user *']);
    assert.match(demo.notes!, /Errors of other_file_call \(other files\) are not listed yet/);
  });
  it('--out writes one file per syscall; a named syscall that does not exist exits 1', () => {
    const out = join(dir, 'out');
    assert.equal(kapi(['scaffold', '-q', '--source', src, '--out', out]).code, 0);
    assert.deepEqual(readdirSync(out).sort(), ['sys_demo.c', 'sys_nothing.c']);
    const r = kapi(['scaffold', '-q', '--source', src, 'nonesuch']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no SYSCALL_DEFINE for 'nonesuch'/);
    assert.equal(kapi(['scaffold']).code, 2);
  });

  const tree = process.env['KAPI_KERNEL_TREE'];
  it('the whole 6.1 tree: about 540 syscalls, each skeleton reads back and lints clean', { skip: tree ? false : 'KAPI_KERNEL_TREE is not set (.ci/run sets it)' }, () => {
    const r = kapi(['scaffold', '--source', tree!]);
    assert.equal(r.code, 0, r.stderr);
    const m = /(\d+) syscalls found, (\d+) with errors found/.exec(r.stderr)!;
    assert.ok(Number(m[1]) >= 530 && Number(m[1]) <= 560, r.stderr);
    assert.ok(Number(m[2]) > 400, r.stderr);
    const file = join(dir, 'all.c');
    writeFileSync(file, r.stdout);
    const lint = kapi(['lint', '-q', '--source', file]);
    assert.equal(lint.code, 0, lint.stdout.slice(0, 2000));
  });
});
