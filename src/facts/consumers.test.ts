// The consumers of the whole-tree errno flow: kapi scaffold of a tree (every errno a callee in any
// file returns, each error's desc giving the chain, kernel-internal codes left out, EINTR through a
// restart code, coverage in the notes and on stderr) and kapi lint with a tree (--tree DIR, or
// the tree found by walking up from the spec's file): code-error-missing at the return site with
// the chain, code-error-unseen naming the indirect calls and whether they were followed. Small trees made here; the
// 6.1 tree and the bundled corpus when KAPI_KERNEL_TREE is set.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { treeAbove, isKernelRoot } from '../cli/lint.js';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { kapi, tempDir } from '../testutil.js';
import { wrapTag } from '../scaffold/index.js';

const base = tempDir('kapi-consumers-');
let n = 0;

/** A tree under the temp dir; `marked` adds what makes it look like a kernel tree's top. */
function tree(files: Record<string, string>, marked = false): string {
  const root = join(base, `t${n++}`);
  const all: Record<string, string> = marked ? { Kbuild: '# top\n', MAINTAINERS: 'M: nobody\n', 'kernel/k.c': 'int k(void)\n{\n\treturn 0;\n}\n', ...files } : files;
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/**
 * fs/b.c: do_it returns -EMFILE (line 4), -ERESTARTSYS (line 6), -ENOIOCTLCMD (line 8), -EAGAIN
 * (line 10), the result of a function the tree does not define (line 12), and an indirect call's (line 13).
 */
const CALLEE = 'int do_it(struct file *f, int fd)\n{\n\tif (fd > 9)\n\t\treturn -EMFILE;\n\tif (signal_pending(current))\n\t\treturn -ERESTARTSYS;\n\tif (fd == 7)\n\t\treturn -ENOIOCTLCMD;\n\tif (fd == 5)\n\t\treturn -EAGAIN;\n\tif (fd == 3)\n\t\treturn undefined_helper(fd);\n\treturn f->f_op->read(f);\n}\n';

/** The line of `needle` in `text`, from 1. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
/** fs/x.c: one implementation of f_op->read, which returns EIO (not followed). */
const IMPL = 'static int x_read(struct file *f)\n{\n\treturn -EIO;\n}\nconst struct file_operations x_fops = {\n\t.read = x_read,\n};\n';

const SYSCALL = 'SYSCALL_DEFINE2(demo, int, fd, struct file *, f)\n{\n\tif (fd < 0)\n\t\treturn -EBADF;\n\treturn do_it(f, fd);\n}\n';

/** A spec of sys_demo listing `errors` (EBADF is returned in the syscall's own file). */
function spec(errors: string[]): string {
  return `/**\n * sys_demo - a demo call\n * @fd: a descriptor\n * @f: a file\n *\n * contexts: process\n *\n` +
    ' * param: fd\n *   type: fd, input\n *   desc: d\n *\n * param: f\n *   type: ptr, input\n *   desc: d\n *\n' +
    errors.map((e) => ` * error: ${e}, when\n *   desc: d\n *   kapi-unprovokable: a fixture\n`).join(' *\n') + ' */\n';
}

describe('kapi scaffold of a tree', () => {
  const root = tree({ 'fs/a.c': SYSCALL, 'fs/b.c': CALLEE, 'fs/x.c': IMPL });
  const cache = join(base, 'cache-scaffold');

  it('lists the errnos callees in other files return, each with its chain; reads back without diagnostics', () => {
    const r = kapi(['scaffold', '--cache', cache, '--source', root]);
    assert.equal(r.code, 0, r.stderr);
    const d = new DiagSink();
    const [s, ...rest] = specsFromC(r.stdout, 'out.c', d);
    assert.deepEqual(d.items, []);
    assert.equal(rest.length, 0);
    assert.deepEqual(s!.errors!.map((e) => e.name), ['EAGAIN', 'EBADF', 'EINTR', 'EMFILE']);
    const desc = (e: string) => s!.errors!.find((x) => x.name === e)!.description;
    assert.equal(desc('EMFILE'), 'TODO; the code returns it at fs/b.c:4 via sys_demo -> do_it');
    assert.equal(desc('EBADF'), 'TODO; the code returns it at fs/a.c:4 via sys_demo');
    assert.equal(desc('EINTR'), 'TODO; the code returns ERESTARTSYS (which user space sees as EINTR when a signal handler runs) at fs/b.c:6 via sys_demo -> do_it');
    assert.match(s!.notes!, /Coverage: 4 errnos found \(and kernel-internal ENOIOCTLCMD, ERESTARTSYS, not listed\); 1 calls unresolved \(undefined_helper\); 1 indirect calls \(f_op->read: 1 implementation, not followed\)\./);
    assert.match(r.stderr, /^sys_demo: 4 errnos found \(and kernel-internal ENOIOCTLCMD, ERESTARTSYS, not listed\); 1 calls unresolved \(undefined_helper\); 1 indirect calls \(f_op->read: 1 implementation, not followed\)$/m);
    assert.match(r.stderr, /kapi scaffold: 1 syscalls found, 1 followed through the tree: 4 errnos listed in all \(1 syscalls with errors, 0 with none found\), 2 kernel-internal codes not listed, 1 calls unresolved, 1 indirect calls; index of 3 files \(3 scanned, 0 from the cache\), 2 lexed in this run$/m);
  });

  it('a single C file keeps the per-file errors', () => {
    const r = kapi(['scaffold', '--source', join(root, 'fs/a.c')]);
    assert.equal(r.code, 0, r.stderr);
    const [s] = specsFromC(r.stdout, 'out.c', new DiagSink());
    assert.deepEqual(s!.errors!.map((e) => e.name), ['EBADF']);
    assert.match(s!.notes!, /Errors of do_it \(other files\) are not listed yet/);
  });

  it('long chains are wrapped onto continuation lines the reader joins back', () => {
    // sys_deep -> a_function_with_a_long_name_0 -> ... -> _9, which returns -ENOSPC.
    const fns = Array.from({ length: 10 }, (_, i) => `a_function_with_a_long_name_${i}`);
    const body = fns.map((f, i) => `int ${f}(int x)\n{\n\t${i === 9 ? 'return -ENOSPC;' : `return ${fns[i + 1]}(x);`}\n}\n`).join('');
    const t = tree({ 'fs/d.c': `SYSCALL_DEFINE1(deep, int, x)\n{\n\treturn ${fns[0]}(x);\n}\n`, 'fs/e.c': body });
    const r = kapi(['scaffold', '-q', '--cache', cache, '--source', t]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.split('\n').every((l) => l.length <= 100), 'no line over 100 columns');
    const d = new DiagSink();
    const [s] = specsFromC(r.stdout, 'out.c', d);
    assert.deepEqual(d.items, []);
    assert.equal(s!.errors![0]!.description, `TODO; the code returns it at fs/e.c:39 via ${['sys_deep', ...fns].join(' -> ')}`);
  });

  it('file names with a comment end or a newline in them do not break the skeleton', () => {
    const t = tree({ 'fs/a.c': SYSCALL, 'fs/odd*/b\nx.c': CALLEE });
    const r = kapi(['scaffold', '-q', '--cache', cache, '--source', t]);
    assert.equal(r.code, 0, r.stderr);
    const d = new DiagSink();
    const specs = specsFromC(r.stdout, 'out.c', d);
    assert.deepEqual(d.items, []);
    assert.equal(specs.length, 1);
    assert.equal(specs[0]!.errors!.find((e) => e.name === 'EMFILE')!.description, 'TODO; the code returns it at fs/odd* /b?x.c:4 via sys_demo -> do_it');
  });

  it('wrapTag breaks at spaces only, continuation lines two columns deeper', () => {
    const lines = wrapTag('  ', 'desc: ', 'aaaa bbbb cccc dddd', 20);
    assert.deepEqual(lines, [' *   desc: aaaa bbbb', ' *     cccc dddd']);
    assert.deepEqual(wrapTag('', 'notes: ', 'x'.repeat(30), 20), [` * notes: ${'x'.repeat(30)}`]);
  });

  it('a named syscall the tree does not define exits 1', () => {
    const r = kapi(['scaffold', '-q', '--cache', cache, '--source', root, 'demo', 'nonesuch']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no SYSCALL_DEFINE for 'nonesuch'/);
    assert.match(r.stdout, /sys_demo/);
  });
});

describe('kapi lint with a tree', () => {
  const cache = join(base, 'cache-lint');
  const lintJson = (args: string[], cwd?: string) => {
    const r = kapi(['lint', '-f', 'json', '--fail-on', 'never', '--cache', cache, ...args], cwd ? { cwd } : {});
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { findings: { id: string; level: string; at: string; message: string; spec?: string }[] }).findings
      .filter((f) => f.id.startsWith('code-error-'));
  };

  it('--tree: an errno a callee in another file returns is missing, at its return site with the chain; one no path returns is unseen', () => {
    const root = tree({ 'fs/a.c': SYSCALL, 'fs/b.c': CALLEE, 'fs/x.c': IMPL });
    const specs = join(base, `specs${n++}`);
    mkdirSync(specs);
    // EWOULDBLOCK is EAGAIN; EINTR is what ERESTARTSYS becomes; EPERM is returned nowhere.
    const text = spec(['EBADF', 'EWOULDBLOCK', 'EINTR', 'EPERM']) + SYSCALL;
    writeFileSync(join(specs, 'demo.c'), text);
    const f = lintJson(['--tree', root, '--source', join(specs, 'demo.c')]);
    assert.deepEqual(f.map((x) => [x.id, x.level, x.at, x.message]), [
      ['code-error-missing', 'warning', `${root}/fs/b.c:4:1`, 'the code can return -EMFILE, but sys_demo does not list EMFILE: sys_demo -> do_it (fs/b.c:4)'],
      ['code-error-unseen', 'info', `${join(specs, 'demo.c')}:${lineOf(text, 'error: EPERM')}:4`,
        'EPERM is listed, but no path from sys_demo in the tree returns it (2 functions followed); it may come from 1 indirect call (f_op->read (1 implementation, not followed)), or 1 call unresolved (undefined_helper)'],
    ].sort((a, b) => (a[2]! < b[2]! ? -1 : 1)));
    // Without the tree, the spec's own file: EMFILE is not seen, EWOULDBLOCK and EINTR are unseen.
    const own = lintJson(['--source', join(specs, 'demo.c')]);
    assert.deepEqual(own.map((x) => `${x.id} ${x.message.replace(/ .*/, '')}`).sort(), ['code-error-unseen EINTR', 'code-error-unseen EPERM', 'code-error-unseen EWOULDBLOCK']);
  });

  it('a restart code not listed is missing EINTR; kernel-internal codes never are', () => {
    const root = tree({ 'fs/a.c': SYSCALL, 'fs/b.c': CALLEE });
    const file = join(base, `restart${n++}.c`);
    writeFileSync(file, spec(['EBADF', 'EAGAIN', 'EMFILE']) + SYSCALL);
    const f = lintJson(['--tree', root, '--source', file]);
    assert.deepEqual(f.map((x) => [x.id, x.at, x.message]), [
      ['code-error-missing', `${root}/fs/b.c:6:1`, 'the code can return -ERESTARTSYS (which user space sees as EINTR), but sys_demo does not list EINTR: sys_demo -> do_it (fs/b.c:6)'],
    ]);
  });

  it('the tree is found by walking up from a spec inside it; positions are named as the spec path is', () => {
    const root = tree({ 'fs/a.c': spec(['EBADF']) + SYSCALL, 'fs/b.c': CALLEE, 'fs/x.c': IMPL }, true);
    assert.ok(isKernelRoot(root));
    assert.equal(treeAbove(join(root, 'fs/a.c')), root);
    const f = lintJson(['--source', join(root, 'fs/a.c')]);
    assert.deepEqual(f.map((x) => `${x.id} ${x.at}`), [
      `code-error-missing ${root}/fs/b.c:4:1`, `code-error-missing ${root}/fs/b.c:6:1`, `code-error-missing ${root}/fs/b.c:10:1`,
    ]);
    // Relative to the working directory: the tree's positions are relative too.
    const rel = lintJson(['--source', 'fs/a.c'], root);
    assert.deepEqual(rel.map((x) => x.at), ['fs/b.c:4:1', 'fs/b.c:6:1', 'fs/b.c:10:1']);
    assert.deepEqual(lintJson(['--source', 'a.c'], join(root, 'fs')).map((x) => x.at), ['../fs/b.c:4:1', '../fs/b.c:6:1', '../fs/b.c:10:1']);
    // Not a tree's top (no MAINTAINERS): the spec's own file only, which shows none of them.
    const plain = tree({ 'fs/a.c': spec(['EBADF']) + SYSCALL, 'fs/b.c': CALLEE, Kbuild: '', 'kernel/k.c': '' });
    assert.equal(treeAbove(join(plain, 'fs/a.c')), undefined);
    assert.deepEqual(lintJson(['--source', join(plain, 'fs/a.c')]), []);
  });

  it('an errno found through an object is code-error-object (info); kapi-not-returned errnos are left out, a stale one is a warning', () => {
    const root = tree({
      'fs/a.c': 'SYSCALL_DEFINE2(demo, int, fd, struct file *, f)\n{\n\tif (fd < 0)\n\t\treturn -EBADF;\n\tif (fd > 100)\n\t\treturn -EXDEV;\n\treturn f->f_op->read(f);\n}\n',
      // objects.ts names fs/pipe.c's pipefifo_fops as the pipe's table.
      'fs/pipe.c': 'static int pipe_read(struct file *f)\n{\n\treturn -EPIPE;\n}\n\nconst struct file_operations pipefifo_fops = {\n\t.read = pipe_read,\n};\n',
    });
    const file = join(base, `objects${n++}.c`);
    const text = spec(['EBADF']).replace(/ \*\/\n$/, ' *\n * kapi-not-returned: EXDEV only a scoped walk; ENOENT no such path\n */\n') + SYSCALL;
    writeFileSync(file, text);
    const f = lintJson(['--tree', root, '--source', file]);
    assert.deepEqual(f.map((x) => [x.id, x.level, x.at, x.message]), [
      ['code-error-missing', 'warning', `${file}:1:1`, 'kapi-not-returned names ENOENT, but no path from sys_demo in the tree returns it'],
      ['code-error-object', 'info', `${root}/fs/pipe.c:3:1`,
        "for the object 'pipe', the code can return -EPIPE, but sys_demo does not list EPIPE: sys_demo -> pipe_read [pipe: f_op->read] (fs/pipe.c:3)"],
    ]);
    // A kapi-not-returned entry lint cannot read, or naming a listed errno, is a test-tags warning.
    const bad = join(base, `objects${n++}.c`);
    writeFileSync(bad, spec(['EBADF']).replace(/ \*\/\n$/, ' *\n * kapi-not-returned: EBADF listed anyway; EXDEV\n */\n') + SYSCALL);
    const r = kapi(['lint', '-f', 'json', '--fail-on', 'never', '--source', bad]);
    const tags = (JSON.parse(r.stdout) as { findings: { id: string; message: string }[] }).findings.filter((x) => x.id === 'test-tags').map((x) => x.message);
    assert.deepEqual(tags, ["spec: kapi-not-returned 'EXDEV' is not ERRNO[,ERRNO] REASON", 'spec: kapi-not-returned names EBADF, which the spec lists as an error']);
  });

  it('--tree that is not a directory is a usage problem (exit 2); a syscall the tree lacks falls back to its file', () => {
    const file = join(base, `lone${n++}.c`);
    writeFileSync(file, spec(['EBADF', 'EPERM']) + SYSCALL);
    const bad = kapi(['lint', '--tree', join(base, 'nonesuch'), '--source', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /nonesuch: not a directory/);
    const empty = tree({ 'fs/other.c': 'int other(void)\n{\n\treturn -EIO;\n}\n' });
    const r = kapi(['lint', '-f', 'json', '--fail-on', 'never', '--cache', cache, '--tree', empty, '--source', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /no SYSCALL_DEFINE for 'sys_demo' under .*: its spec is checked against its own file only/);
    const f = (JSON.parse(r.stdout) as { findings: { id: string; message: string }[] }).findings.filter((x) => x.id.startsWith('code-error-'));
    assert.deepEqual(f.map((x) => x.message), [`EPERM is listed, but no return in ${file} produces it (it may come from do_it)`]);
  });
});

const TREE = process.env['KAPI_KERNEL_TREE'];
describe('kapi lint --tree of the bundled corpus against the 6.1 tree', { skip: TREE ? false : 'KAPI_KERNEL_TREE is not set (.ci/run sets it)' }, () => {
  it('is clean at warning level: every errno the code can return is listed or marked kapi-not-returned; object-only ones are info with their chain', { timeout: 600_000 }, () => {
    const r = kapi(['lint', '-f', 'json', '--fail-on', 'never', '--cache', join(base, 'cache-61'), '--tree', TREE!], { timeout: 500_000 });
    assert.equal(r.code, 0, r.stderr.slice(-2000));
    const f = (JSON.parse(r.stdout) as { findings: { id: string; level: string; at: string; message: string; spec: string }[] }).findings;
    assert.deepEqual(f.filter((x) => x.level !== 'info').map((x) => `${x.id}: ${x.message}`), []);
    const objects = f.filter((x) => x.id === 'code-error-object');
    assert.ok(objects.length > 0, 'read and write return object-specific errnos the specs leave out');
    for (const m of objects) {
      const c = /: (sys_\w+)( -> \w+( \[[^\]]+: [\w>.-]+\])?)* \((?:wrapper: .*; called at )?(\S+):(\d+)\)$/.exec(m.message);
      assert.ok(c, m.message);
      assert.equal(c[1], m.spec, 'the chain starts at the spec\'s syscall');
      assert.equal(m.at, `${join(TREE!, c[4]!)}:${c[5]}:1`, 'the finding is at the chain\'s last step');
      assert.match(m.message, /^for the object '[^']+', /);
    }
    for (const u of f.filter((x) => x.id === 'code-error-unseen')) assert.match(u.message, /is listed, but no path from sys_\w+ in the tree returns it \(\d+ functions followed\)/);
  });
});
