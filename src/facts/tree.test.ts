// The whole-tree index and the errno flow: one tiny C tree per propagation rule (each test fails
// when its rule is taken out), name resolution (static clashes, per-architecture definitions),
// indirect calls, the cache, hostile input, and the real 6.1 tree when KAPI_KERNEL_TREE is set.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatChain, resolver, syscallErrnos, type SyscallErrnos } from './flow.js';
import { scanDefs } from './defs.js';
import { indexTree, type IndexOptions } from './tree.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'kapi-tree-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

async function errnos(root: string, name: string, opts: IndexOptions = { cacheDir: false, threads: 0 }): Promise<SyscallErrnos> {
  const ix = await indexTree(root, opts);
  const { results, missing } = await syscallErrnos(resolver(ix), [name]);
  assert.deepEqual(missing, []);
  return results[0]!;
}

const names = (r: SyscallErrnos) => r.errors.map((e) => e.name);

/** A syscall in fs/a.c calling into fs/b.c, whose body is the rule under test. */
const twoFiles = (callee: string, call = 'return do_it(fd);') => ({
  'fs/a.c': `SYSCALL_DEFINE1(it, int, fd)\n{\n\t${call}\n}\n`,
  'fs/b.c': callee,
});

describe('errno propagation rules, one tree each', () => {
  it('return -EFOO in a callee of another file, with the chain to it', async () => {
    const r = await errnos(tree(twoFiles('int do_it(int fd)\n{\n\tif (fd < 0)\n\t\treturn -EBADF;\n\treturn 0;\n}\n')), 'it');
    assert.deepEqual(names(r), ['EBADF']);
    assert.deepEqual(r.errors[0]!.chain, [{ function: 'sys_it', file: 'fs/a.c', line: 3 }, { function: 'do_it', file: 'fs/b.c', line: 4 }]);
    assert.equal(formatChain(r.errors[0]!.chain), 'sys_it -> do_it (fs/b.c:4)');
  });

  it('ERR_PTR(-EFOO) returned, PTR_ERR of the result', async () => {
    const r = await errnos(tree(twoFiles('struct file *get_it(int fd)\n{\n\tif (fd > 9)\n\t\treturn ERR_PTR(-EMFILE);\n\treturn NULL;\n}\n',
      'struct file *f = get_it(fd);\n\tif (IS_ERR(f))\n\t\treturn PTR_ERR(f);\n\treturn 0;')), 'it');
    assert.deepEqual(names(r), ['EMFILE']);
  });

  it('an error variable: err = -EFOO; ... return err', async () => {
    const r = await errnos(tree(twoFiles('int do_it(int fd)\n{\n\tint err = -ENOENT;\n\tif (fd)\n\t\terr = -EEXIST;\n\treturn err;\n}\n')), 'it');
    assert.deepEqual(names(r), ['EEXIST', 'ENOENT']);
  });

  it('err = f(...); if (err) return err;', async () => {
    const r = await errnos(tree(twoFiles('int check(int fd)\n{\n\treturn -EPERM;\n}\n', 'int err;\n\terr = check(fd);\n\tif (err)\n\t\treturn err;\n\treturn 0;')), 'it');
    assert.deepEqual(names(r), ['EPERM']);
  });

  it('if (ret < 0) return ret; with a declaration', async () => {
    const r = await errnos(tree(twoFiles('long check(int fd)\n{\n\treturn -ENOSPC;\n}\n', 'long ret = check(fd);\n\tif (ret < 0)\n\t\treturn ret;\n\treturn 0;')), 'it');
    assert.deepEqual(names(r), ['ENOSPC']);
  });

  it('PTR_ERR_OR_ZERO and ERR_CAST', async () => {
    const r = await errnos(tree({
      'fs/a.c': 'SYSCALL_DEFINE1(it, int, fd)\n{\n\treturn PTR_ERR_OR_ZERO(wrap(fd));\n}\n',
      'fs/b.c': 'void *inner(int fd)\n{\n\treturn ERR_PTR(-ENOMEM);\n}\nvoid *wrap(int fd)\n{\n\tvoid *p = inner(fd);\n\tif (IS_ERR(p))\n\t\treturn ERR_CAST(p);\n\treturn p;\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['ENOMEM']);
    assert.equal(formatChain(r.errors[0]!.chain), 'sys_it -> wrap -> inner (fs/b.c:3)');
  });

  it('goto out: err = -EFOO; goto out; ... out: return err;', async () => {
    const r = await errnos(tree(twoFiles('int do_it(int fd)\n{\n\tint err;\n\n\tif (fd > 3) {\n\t\terr = -E2BIG;\n\t\tgoto out;\n\t}\n\terr = 0;\nout:\n\tunlock();\n\treturn err;\n}\n')), 'it');
    assert.deepEqual(names(r), ['E2BIG']);
    assert.equal(r.errors[0]!.chain.at(-1)!.line, 6);
  });

  it('a ?: b and cond ? -EA : f()', async () => {
    const r = await errnos(tree(twoFiles('int other(int fd)\n{\n\treturn -EROFS;\n}\n', 'return fd ? -EISDIR : other(fd);')), 'it');
    assert.deepEqual(names(r), ['EISDIR', 'EROFS']);
  });

  it('wrappers as data: get_user', async () => {
    const r = await errnos(tree({
      'fs/a.c': 'SYSCALL_DEFINE1(it, int __user *, p)\n{\n\tint v, err;\n\terr = get_user(v, p);\n\tif (err)\n\t\treturn err;\n\treturn 0;\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['EFAULT']);
    assert.match(r.errors[0]!.chain.at(-1)!.wrapper ?? '', /fault/);
  });

  it('restart codes are EINTR to user space', async () => {
    const r = await errnos(tree(twoFiles('int do_it(int fd)\n{\n\tif (signal_pending(current))\n\t\treturn -ERESTARTSYS;\n\treturn 0;\n}\n')), 'it');
    assert.deepEqual(names(r), ['EINTR', 'ERESTARTSYS']);
    assert.equal(r.errors.find((e) => e.name === 'EINTR')!.via, 'ERESTARTSYS');
    assert.equal(r.errors.find((e) => e.name === 'ERESTARTSYS')!.internal, true);
  });

  it('a parameter returned: the caller\'s argument expression is followed', async () => {
    const r = await errnos(tree({
      'fs/a.c': 'SYSCALL_DEFINE1(it, const char __user *, name)\n{\n\treturn run(lookup_name(name));\n}\n',
      'fs/b.c': 'static int run_common(struct filename *f)\n{\n\tif (IS_ERR(f))\n\t\treturn PTR_ERR(f);\n\treturn 0;\n}\nint run(struct filename *f)\n{\n\treturn run_common(f);\n}\n',
      'fs/c.c': 'struct filename *lookup_name(const char __user *n)\n{\n\treturn ERR_PTR(-ENAMETOOLONG);\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['ENAMETOOLONG']);
    assert.equal(formatChain(r.errors[0]!.chain), 'sys_it -> lookup_name (fs/c.c:3)');
  });

  it('a callback passed as an argument and called by the callee', async () => {
    const r = await errnos(tree({
      'mm/a.c': 'static int visit_one(int x)\n{\n\treturn -EACCES;\n}\nSYSCALL_DEFINE1(it, int, x)\n{\n\treturn walk(x, visit_one);\n}\n',
      'mm/b.c': 'int walk(int x, int (*visit)(int x))\n{\n\tint err = visit(x);\n\tif (err)\n\t\treturn err;\n\treturn 0;\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['EACCES']);
    assert.equal(formatChain(r.errors[0]!.chain), 'sys_it -> walk -> visit_one (mm/a.c:3)');
  });

  it('constant arguments prune a same-file callee', async () => {
    const r = await errnos(tree({
      'fs/a.c': 'static int lock_it(int nonblock)\n{\n\tif (nonblock)\n\t\treturn -EAGAIN;\n\treturn -EINTR;\n}\nSYSCALL_DEFINE1(it, int, fd)\n{\n\treturn lock_it(0);\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['EINTR']);
  });
});

describe('name resolution', () => {
  it('static functions of one name in two files are not confused', async () => {
    const root = tree({
      'fs/a.c': 'static int helper(void)\n{\n\treturn -EBADF;\n}\nSYSCALL_DEFINE0(one)\n{\n\treturn helper();\n}\n',
      'fs/b.c': 'static int helper(void)\n{\n\treturn -EXDEV;\n}\nSYSCALL_DEFINE0(two)\n{\n\treturn helper();\n}\n',
      'fs/c.c': 'int helper(void)\n{\n\treturn -ENOSYS;\n}\n',
    });
    assert.deepEqual(names(await errnos(root, 'one')), ['EBADF']);
    assert.deepEqual(names(await errnos(root, 'two')), ['EXDEV']);
  });

  it('a global name is looked up after the own file; per-architecture definitions: x86 wins', async () => {
    const root = tree({
      'kernel/a.c': 'SYSCALL_DEFINE0(it)\n{\n\treturn arch_thing();\n}\n',
      'kernel/weak.c': 'int __weak arch_thing(void)\n{\n\treturn -ENOSYS;\n}\n',
      'arch/x86/kernel/t.c': 'int arch_thing(void)\n{\n\treturn -EOPNOTSUPP;\n}\n',
      'arch/arm64/kernel/t.c': 'int arch_thing(void)\n{\n\treturn -EINVAL;\n}\n',
    });
    const r = await errnos(root, 'it');
    assert.deepEqual(names(r), ['EOPNOTSUPP']);
    assert.deepEqual(r.ambiguous, []);
  });

  it('several generic global definitions: the union, named as ambiguous', async () => {
    const r = await errnos(tree({
      'kernel/a.c': 'SYSCALL_DEFINE0(it)\n{\n\treturn thing();\n}\n',
      'drivers/x.c': 'int thing(void)\n{\n\treturn -ENODEV;\n}\n',
      'drivers/y.c': 'int thing(void)\n{\n\treturn -ENXIO;\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['ENODEV', 'ENXIO']);
    assert.deepEqual(r.ambiguous, ['thing']);
  });

  it('static inline functions of headers; calls the tree lacks are unresolved', async () => {
    const r = await errnos(tree({
      'include/linux/h.h': 'static inline int hdr(int x) { return x ? -ELOOP : 0; }\n',
      'fs/a.c': 'SYSCALL_DEFINE1(it, int, x)\n{\n\tint e = hdr(x);\n\tif (e)\n\t\treturn e;\n\treturn nowhere(x);\n}\n',
    }), 'it');
    assert.deepEqual(names(r), ['ELOOP']);
    assert.deepEqual(r.unresolved, ['nowhere']);
  });
});

describe('indirect calls', () => {
  it('are named with the number of implementations, their errors not included', async () => {
    const r = await errnos(tree({
      'fs/rw.c': 'SYSCALL_DEFINE1(it, struct file *, file)\n{\n\tif (!file->f_op->read)\n\t\treturn -EINVAL;\n\treturn file->f_op->read(file);\n}\n',
      'fs/x.c': 'static int x_read(struct file *f)\n{\n\treturn -EIO;\n}\nconst struct file_operations x_fops = {\n\t.read\t\t= x_read,\n\t.open = x_open,\n};\n',
      'fs/y.c': 'static int y_read(struct file *f)\n{\n\treturn -EAGAIN;\n}\nconst struct file_operations y_fops = {\n\t.read = y_read,\n};\n',
    }), 'it');
    assert.deepEqual(names(r), ['EINVAL']);
    assert.deepEqual(r.indirect.map((i) => [i.name, i.implementations]), [['f_op->read', 2]]);
  });

  it('a local holding a member function pointer is an indirect call too', async () => {
    const r = await errnos(tree({
      'fs/o.c': 'SYSCALL_DEFINE1(it, struct file *, f)\n{\n\tint (*open)(struct file *);\n\tint err;\n\topen = f->f_op->open;\n\terr = open(f);\n\treturn err;\n}\n',
    }), 'it');
    assert.deepEqual(r.indirect.map((i) => i.name), ['f_op->open']);
    assert.deepEqual(r.unresolved, []);
  });
});

describe('the cache', () => {
  it('a second run reads only the file that changed', async () => {
    const root = tree({
      'fs/a.c': 'SYSCALL_DEFINE1(it, int, fd)\n{\n\treturn do_it(fd);\n}\n',
      'fs/b.c': 'int do_it(int fd)\n{\n\treturn -EBADF;\n}\n',
      'fs/c.c': 'int other(void)\n{\n\treturn 0;\n}\n',
    });
    const cacheDir = join(root, '..', `${root.split('/').pop()}-cache`);
    dirs.push(cacheDir);
    const opts = { cacheDir, threads: 0 };
    let ix = await indexTree(root, opts);
    assert.deepEqual(ix.stats, { files: 3, scanned: 3, parsed: 0, rehashed: 0, cached: 0 });
    await syscallErrnos(resolver(ix), ['it']);
    assert.equal(ix.stats.parsed, 2);
    ix = await indexTree(root, opts);
    assert.deepEqual(ix.stats, { files: 3, scanned: 0, parsed: 0, rehashed: 0, cached: 3 });
    let r = await syscallErrnos(resolver(ix), ['it']);
    assert.equal(ix.stats.parsed, 0, 'summaries come from the cache');
    assert.deepEqual(names(r.results[0]!), ['EBADF']);
    // A changed file: read, scanned and summarised again, alone.
    writeFileSync(join(root, 'fs/b.c'), 'int do_it(int fd)\n{\n\treturn -EXDEV;\n}\n');
    ix = await indexTree(root, opts);
    assert.deepEqual(ix.stats, { files: 3, scanned: 1, parsed: 0, rehashed: 0, cached: 2 });
    r = await syscallErrnos(resolver(ix), ['it']);
    assert.equal(ix.stats.parsed, 1);
    assert.deepEqual(names(r.results[0]!), ['EXDEV']);
    // Touched, same content: scanned again (the cheap pass), its summary taken after a hash check.
    const later = new Date(Date.now() + 5000);
    const { utimesSync } = await import('node:fs');
    utimesSync(join(root, 'fs/b.c'), later, later);
    ix = await indexTree(root, opts);
    assert.deepEqual(ix.stats, { files: 3, scanned: 1, parsed: 0, rehashed: 0, cached: 2 });
    r = await syscallErrnos(resolver(ix), ['it']);
    assert.deepEqual([ix.stats.parsed, ix.stats.rehashed], [0, 1]);
    assert.deepEqual(names(r.results[0]!), ['EXDEV']);
  });

  it('a cache of junk is ignored', async () => {
    const root = tree({ 'fs/a.c': 'SYSCALL_DEFINE0(it)\n{\n\treturn -EPERM;\n}\n' });
    const cacheDir = mkdtempSync(join(tmpdir(), 'kapi-cache-'));
    dirs.push(cacheDir);
    await errnos(root, 'it', { cacheDir, threads: 0 });
    const { readdirSync } = await import('node:fs');
    const sub = join(cacheDir, readdirSync(cacheDir)[0]!);
    for (const f of readdirSync(sub)) writeFileSync(join(sub, f), '\x00\xff{[junk');
    assert.deepEqual(names(await errnos(root, 'it', { cacheDir, threads: 0 })), ['EPERM']);
  });
});

describe('hostile input', () => {
  it('binary junk, a file over the size limit, deep nesting, unbalanced #ifdef halves: said, and the rest goes on', async () => {
    const deep = `int deep(void)\n{\n\treturn ${'('.repeat(20000)}-EIO${')'.repeat(20000)};\n}\nint cond(int x)\n{\n\treturn ${'x ? -EIO : '.repeat(5000)}0;\n}\n`;
    const root = tree({
      'fs/junk.c': Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) & 0xff)),
      'fs/huge.c': `int big(void)\n{\n\treturn -EIO;\n}\n${'/* pad */\n'.repeat(20000)}`,
      'fs/deep.c': deep,
      'fs/ifdef.c': 'int half(int x)\n{\n#ifdef A\n\tpr_warn(\n#else\n\tpr_err(\n#endif\n\t\t"x");\n\treturn -EBUSY;\n}\n\nint after_it(void)\n{\n\treturn -ECHILD;\n}\n',
      'fs/a.c': 'SYSCALL_DEFINE0(it)\n{\n\tint e = deep();\n\tif (e)\n\t\treturn e;\n\te = half(1);\n\tif (e)\n\t\treturn e;\n\te = cond(1);\n\tif (e)\n\t\treturn e;\n\treturn after_it();\n}\n',
    });
    const ix = await indexTree(root, { cacheDir: false, threads: 0, maxFileSize: 100000 });
    const { results } = await syscallErrnos(resolver(ix), ['it']);
    assert.deepEqual(ix.failures.map((f) => f.file), ['fs/huge.c']);
    assert.match(ix.failures[0]!.message, /larger|limit|size/i);
    assert.deepEqual(names(results[0]!), ['EBUSY', 'ECHILD', 'EIO']);
  });

  it('the first pass finds kernel-style definitions, attributes and SYSCALL_DEFINE', () => {
    const d = scanDefs(Buffer.from('static int a(void)\n{\n}\nvoid b(int x)\n\t__releases(x)\n{\n}\nSYSCALL_DEFINE2(c, int, x, int, y)\n{\n}\nstruct s t =\n{\n};\nif (x)\n{\n}\n'), false);
    assert.equal(d.defs, 'a:s b sys_c');
  });
});

describe('kapi errnos', () => {
  const main = new URL('../cli/main.js', import.meta.url).pathname;
  it('-f json: one object per syscall, sorted, with chains; a missing syscall exits 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = tree({
      'fs/a.c': 'SYSCALL_DEFINE1(zed, int, fd)\n{\n\treturn do_it(fd);\n}\nSYSCALL_DEFINE0(alpha)\n{\n\treturn -ENOSYS;\n}\n',
      'fs/b.c': 'int do_it(int fd)\n{\n\tif (fd < 0)\n\t\treturn -EBADF;\n\treturn file->f_op->read(fd);\n}\n',
    });
    const run = (...a: string[]) => spawnSync(process.execPath, [main, 'errnos', '--source', root, '--no-cache', ...a], { encoding: 'utf8' });
    const r = run('-f', 'json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { name: string; errors: { name: string; chain: unknown[] }[]; unresolved: string[]; indirect: { name: string }[] }[];
    assert.deepEqual(out.map((x) => x.name), ['sys_alpha', 'sys_zed']);
    assert.deepEqual(out[1]!.errors, [{ name: 'EBADF', chain: [{ function: 'sys_zed', file: 'fs/a.c', line: 3 }, { function: 'do_it', file: 'fs/b.c', line: 4 }] }]);
    assert.deepEqual(out[1]!.indirect.map((i) => i.name), ['f_op->read']);
    assert.equal(run('-f', 'json').stdout, r.stdout, 'deterministic');
    const t = run('zed');
    assert.match(t.stdout, /EBADF: sys_zed -> do_it \(fs\/b\.c:4\)/);
    assert.match(t.stdout, /coverage: 1 errnos found; 0 calls unresolved; 1 indirect calls/);
    const m = run('nosuch');
    assert.equal(m.status, 1);
    assert.match(m.stderr, /no SYSCALL_DEFINE for 'nosuch'/);
  });
});

describe('heads per configuration', () => {
  it('SYSCALL_DEFINEn heads in #if/#else sharing one body after #endif: the syscall is found, with the last head', async () => {
    const r = await errnos(tree({
      'kernel/fork.c': '#ifdef CONFIG_A\nSYSCALL_DEFINE2(cl, unsigned long, a, int, b)\n#elif defined(CONFIG_B)\nSYSCALL_DEFINE2(cl, int, b, unsigned long, a)\n#else\nSYSCALL_DEFINE2(cl, unsigned long, a,\n\t\tint, b)\n#endif\n{\n\tif (b)\n\t\treturn -EAGAIN;\n\treturn 0;\n}\n',
    }), 'cl');
    assert.deepEqual(names(r), ['EAGAIN']);
    assert.equal(r.line, 6);
  });
});
