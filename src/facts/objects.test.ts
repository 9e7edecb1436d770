// Following calls through function pointers into the objects' implementations (objects.ts), the
// INDIRECT_CALL_n candidates, the two parameter rules that path walks need, and two rules that
// keep codes out (comparisons, retries): one tiny tree per rule, each failing when its rule is
// taken out; then the objects' tables in the 6.1 tree.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatChain, indirectText, objectsOf, resolver, syscallErrnos, treeErrnos, type SyscallErrnos } from './flow.js';
import { OBJECTS, type ObjectTables } from './objects.js';
import { opsTables, summarizeFile } from './summary.js';
import { indexTree } from './tree.js';
import { lex } from '../sources/c/lexer.js';
import { tempDir } from '../testutil.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function tree(files: Record<string, string>): string {
  const root = tempDir('kapi-objects-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

async function errnos(root: string, name: string, objects: readonly ObjectTables[]): Promise<SyscallErrnos> {
  const ix = await indexTree(root, { cacheDir: false, threads: 0 });
  const { results, missing } = await syscallErrnos(resolver(ix, objects), [name]);
  assert.deepEqual(missing, []);
  return results[0]!;
}

const names = (r: SyscallErrnos) => r.errors.map((e) => e.name);
const obj = (name: string, ...tables: [string, string][]): ObjectTables => ({ name, what: name, tables });

const READ = {
  'fs/read.c': 'SYSCALL_DEFINE1(rd, int, fd)\n{\n\tstruct file *f = get(fd);\n\treturn f->f_op->read(f);\n}\n',
  'fs/pipe.c': 'static int pipe_read(struct file *f)\n{\n\treturn -EAGAIN;\n}\n\nconst struct file_operations pipe_fops = {\n\t.read = pipe_read,\n};\n',
  'fs/other.c': 'static int other_read(struct file *f)\n{\n\treturn -EIO;\n}\n\nconst struct file_operations other_fops = {\n\t.read = other_read,\n};\n'
    + '\nstatic int ino_read(struct file *f)\n{\n\treturn -EROFS;\n}\n\nconst struct inode_operations other_iops = {\n\t.read = ino_read,\n};\n',
};

describe('indirect calls followed into named objects', () => {
  it('follows the listed object only, and says so in the chain and the indirect line', async () => {
    const r = await errnos(tree(READ), 'rd', [obj('pipe', ['fs/pipe.c', 'pipe_fops'])]);
    assert.deepEqual(names(r), ['EAGAIN']);
    const chain = r.errors[0]!.chain;
    assert.deepEqual(chain.at(-1), { function: 'pipe_read', file: 'fs/pipe.c', line: 3, through: { slot: 'f_op->read', object: 'pipe' } });
    assert.equal(formatChain(chain), 'sys_rd -> pipe_read [pipe: f_op->read] (fs/pipe.c:3)');
    assert.deepEqual(objectsOf(chain), ['pipe']);
    assert.equal(r.indirect.length, 1);
    assert.deepEqual(r.indirect[0]!.followed, ['pipe']);
    assert.equal(r.indirect[0]!.implementations, 3); // pipe_read, other_read, ino_read: member `read` in any table
    assert.match(indirectText(r.indirect[0]!), /through f_op->read are included for pipe only \(3 implementations/);
  });

  it('without objects, nothing behind the pointer is included', async () => {
    const r = await errnos(tree(READ), 'rd', []);
    assert.deepEqual(names(r), []);
    assert.equal(r.indirect[0]!.followed, undefined);
    assert.match(indirectText(r.indirect[0]!), /through f_op->read are not included/);
  });

  it('the pointer owner fixes the struct type: f_op-> does not reach an inode_operations table', async () => {
    const r = await errnos(tree(READ), 'rd', [obj('other', ['fs/other.c', 'other_iops'])]);
    assert.deepEqual(names(r), []);
  });

  it('a chain never mixes two objects: inside one, only its own implementations', async () => {
    const root = tree({
      'fs/write.c': 'SYSCALL_DEFINE1(wr, int, fd)\n{\n\tstruct file *f = get(fd);\n\treturn f->f_op->write(f);\n}\n',
      'fs/a.c': 'static int a_write(struct file *f)\n{\n\treturn f->f_mapping->a_ops->write_begin(f);\n}\n\nstatic int a_begin(struct file *f)\n{\n\treturn -ENOSPC;\n}\n\n'
        + 'const struct file_operations a_fops = {\n\t.write = a_write,\n};\n\nconst struct address_space_operations a_aops = {\n\t.write_begin = a_begin,\n};\n',
      'fs/b.c': 'static int b_begin(struct file *f)\n{\n\treturn -EPERM;\n}\n\nconst struct address_space_operations b_aops = {\n\t.write_begin = b_begin,\n};\n',
    });
    const r = await errnos(root, 'wr', [obj('A', ['fs/a.c', 'a_fops'], ['fs/a.c', 'a_aops']), obj('B', ['fs/b.c', 'b_aops'])]);
    assert.deepEqual(names(r), ['ENOSPC']);
    assert.deepEqual(objectsOf(r.errors[0]!.chain), ['A', 'A']);
  });
});

describe('INDIRECT_CALL_n', () => {
  const root = () => tree({
    'net/s.c': 'SYSCALL_DEFINE1(snd, int, fd)\n{\n\tstruct socket *sock = lookup(fd);\n\treturn INDIRECT_CALL_2(sock->ops->sendmsg, six_send, four_send, sock, 0);\n}\n',
    'net/six.c': 'int six_send(struct socket *s, int n)\n{\n\treturn -EAFNOSUPPORT;\n}\n',
    'net/four.c': 'int four_send(struct socket *s, int n)\n{\n\treturn -EDESTADDRREQ;\n}\n\nconst struct proto_ops four_ops = {\n\t.sendmsg = four_send,\n};\n',
  });

  it('follows the named candidates when no object implements the pointer', async () => {
    const r = await errnos(root(), 'snd', []);
    assert.deepEqual(names(r), ['EAFNOSUPPORT', 'EDESTADDRREQ']);
    assert.deepEqual(r.indirect.map((i) => i.name), ['ops->sendmsg']);
  });

  it("follows only the object's implementation when there is one", async () => {
    const r = await errnos(root(), 'snd', [obj('four', ['net/four.c', 'four_ops'])]);
    assert.deepEqual(names(r), ['EDESTADDRREQ']);
    assert.deepEqual(r.errors[0]!.chain.at(-1)!.through, { slot: 'ops->sendmsg', object: 'four' });
  });
});

describe('parameter rules of path walks', () => {
  it("a local holding a call's result, passed to a callee that returns that parameter (even one it reassigns)", async () => {
    const r = await errnos(tree({
      'fs/a.c': 'SYSCALL_DEFINE1(walk, int, dfd)\n{\n\tconst char *s = start(dfd);\n\tint err = walk_it(s);\n\treturn err;\n}\n',
      'fs/b.c': 'const char *start(int dfd)\n{\n\tif (dfd < 0)\n\t\treturn ERR_PTR(-EBADF);\n\treturn "";\n}\n\n'
        + 'int walk_it(const char *name)\n{\n\tif (IS_ERR(name))\n\t\treturn PTR_ERR(name);\n\tname = next(name);\n\treturn 0;\n}\n',
    }), 'walk', []);
    assert.deepEqual(names(r), ['EBADF']);
    assert.deepEqual(r.errors[0]!.chain.map((s) => s.function), ['sys_walk', 'start']);
  });

  it('a function-pointer parameter that is also given a member pointer is an indirect call', async () => {
    const r = await errnos(tree({
      'fs/a.c': 'SYSCALL_DEFINE1(op, int, fd)\n{\n\treturn do_op(get(fd), NULL);\n}\n',
      'fs/b.c': 'int do_op(struct file *f, int (*open)(struct file *))\n{\n\tint error;\n\tif (!open)\n\t\topen = f->f_op->open;\n\terror = open(f);\n\treturn error;\n}\n',
      'fs/fifo.c': 'static int fifo_open(struct file *f)\n{\n\treturn -ENXIO;\n}\n\nconst struct file_operations fifo_fops = {\n\t.open = fifo_open,\n};\n',
    }), 'op', [obj('fifo', ['fs/fifo.c', 'fifo_fops'])]);
    assert.deepEqual(names(r), ['ENXIO']);
  });
});

describe('codes that are not returned', () => {
  it('an errno compared with is not an errno returned', async () => {
    const r = await errnos(tree({
      'mm/a.c': 'SYSCALL_DEFINE1(pop, int, n)\n{\n\tint ret;\n\tret = fault(n, PTR_ERR(p) == -EMLINK);\n\tif (ret != -EBUSY)\n\t\treturn ret;\n\treturn err == -ENOENT ? 0 : -EIO;\n}\n',
    }), 'pop', []);
    assert.deepEqual(names(r), ['EIO']);
  });

  it('an errno a caller retries on (wrappers.ts RETRIED) does not reach the syscall through it', async () => {
    const r = await errnos(tree({
      'fs/a.c': 'SYSCALL_DEFINE1(walk, int, n)\n{\n\tif (n)\n\t\treturn do_filp_open(n);\n\treturn other_walk(n);\n}\n',
      'fs/namei.c': 'static int path_openat(int n)\n{\n\tif (n > 1)\n\t\treturn -ECHILD;\n\treturn -ENOENT;\n}\n\n'
        + 'int do_filp_open(int n)\n{\n\tint e = path_openat(n);\n\tif (e == -ECHILD)\n\t\te = path_openat(0);\n\treturn e;\n}\n\n'
        + 'int other_walk(int n)\n{\n\treturn path_openat(n);\n}\n',
    }), 'walk', []);
    assert.deepEqual(names(r), ['ECHILD', 'ENOENT']);
    // ECHILD still arrives, but only by the path that does not retry.
    assert.deepEqual(r.errors[0]!.chain.map((c) => c.function), ['sys_walk', 'other_walk', 'path_openat']);
  });
});

describe('ops tables', () => {
  it('reads file-scope struct initialisers with function members, skipping nested ones and non-functions', () => {
    const t = opsTables(lex('static const struct file_operations x_fops __ro_after_init = {\n\t.owner = THIS_MODULE,\n\t.read = x_read,\n\t.llseek = NULL,\n'
      + '\t.inner = { .write = nested },\n\t.poll = x_poll\n};\nstruct foo { int a; };\nstruct foo *p = NULL;\nstatic int f(void)\n{\n\tstruct foo y = { .a = g };\n\treturn 0;\n}\n').tokens);
    assert.deepEqual(t, [{ name: 'x_fops', type: 'file_operations', line: 1, members: [['read', 'x_read'], ['poll', 'x_poll']] }]);
  });

  it('hostile initialisers end, and the summary keeps them', () => {
    const s = summarizeFile('struct a b = {\n\t.c = d,\n' + '{'.repeat(5000), 'x.c');
    assert.ok(Array.isArray(s.functions));
  });
});

const TREE = process.env.KAPI_KERNEL_TREE;

describe('the objects in the 6.1 tree', { skip: TREE ? false : 'KAPI_KERNEL_TREE is not set (the unpacked linux-source-6.1 tree)' }, () => {
  it('every table of every object is in its file, with function members', () => {
    for (const o of OBJECTS) {
      for (const [file, name] of o.tables) {
        const t = summarizeFile(readFileSync(join(TREE!, file), 'latin1'), file).tables?.find((x) => x.name === name);
        assert.ok(t, `${o.name}: no table ${name} in ${file}`);
        assert.ok(t.members.length > 0, `${o.name}: ${name} has no function members`);
      }
    }
  });

  it('read finds EAGAIN through the pipe, write EPIPE, open ENXIO through the FIFO open, execve ELIBBAD through binfmt_elf', async () => {
    const { results } = await treeErrnos(TREE!, ['read', 'write', 'open', 'execve'], { cacheDir: tempDir('kapi-objects-cache-') });
    const chain = (sys: string, e: string) => formatChain(results.find((r) => r.name === sys)!.errors.find((x) => x.name === e)!.chain);
    assert.match(chain('sys_read', 'EAGAIN'), /pipe_read \[pipe: f_op->read_iter\] \(fs\/pipe\.c:\d+\)$/);
    assert.match(chain('sys_write', 'EPIPE'), /pipe_write \[pipe: f_op->write_iter\]/);
    assert.match(chain('sys_open', 'ENXIO'), /fifo_open \[pipe: f_op->open\] \(fs\/pipe\.c:\d+\)$/);
    assert.match(chain('sys_execve', 'ELIBBAD'), /load_elf_binary \[ELF executable: fmt->load_binary\]/);
  });
});
