// The fast paths of the tree index: the one-file cache (tree-cache.ts) read back exactly, damaged
// or foreign cache files ignored and rebuilt (never a crash), summaries added to a cache whose
// first pass is copied as it is, the name table built in shares on worker threads giving the
// sites the single-thread build gives, and the byte searches of the first pass (defs.ts).

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../testutil.js';
import { scanDefs } from './defs.js';
import { resolver, syscallErrnos } from './flow.js';
import { INDEX_VERSION, indexTree, type IndexOptions } from './tree.js';
import { NameTable, readCacheFile, TableBuilder, writeCacheFile } from './tree-cache.js';

function tree(files: Record<string, string | Buffer>): string {
  const root = tempDir('kapi-perf-tree-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Every syscall's errnos, as JSON (what `kapi errnos -f json` prints), and the index's counts. */
async function run(root: string, opts: IndexOptions, names: string[] = []) {
  const ix = await indexTree(root, opts);
  const { results, missing } = await syscallErrnos(resolver(ix), names);
  return { json: JSON.stringify(results), missing, stats: { ...ix.stats }, failures: ix.failures };
}

const SOURCES: Record<string, string> = {
  'fs/a.c': 'SYSCALL_DEFINE1(one, int, fd)\n{\n\tint e = helper(fd);\n\tif (e)\n\t\treturn e;\n\treturn shared(fd);\n}\n\nstatic int helper(int fd)\n{\n\treturn -EBADF;\n}\n',
  'fs/b.c': 'int shared(int fd)\n{\n\tif (fd > 9)\n\t\treturn -EMFILE;\n\treturn 0;\n}\n\nstatic int helper(int fd)\n{\n\treturn -EPERM;\n}\n',
  'kernel/c.c': 'SYSCALL_DEFINE0(two)\n{\n\treturn shared(0) ?: -ENOSYS;\n}\n\nstatic const struct file_operations f = {\n\t.read = shared,\n};\n',
  'kernel/d.c': '/* caf\xe9 */\nSYSCALL_DEFINE0(three)\n{\n\treturn -EAGAIN;\n}\n',
};

const cacheFileOf = (cacheDir: string) => {
  const sub = readdirSync(cacheDir)[0]!;
  return join(cacheDir, sub, 'index');
};

describe('the index cache file', () => {
  it('a warm run gives what a cold one gives, reading no source file', async () => {
    const root = tree(SOURCES);
    const cacheDir = tempDir('kapi-perf-cache-');
    const none = await run(root, { cacheDir: false, threads: 0 });
    const cold = await run(root, { cacheDir, threads: 0 });
    const warm = await run(root, { cacheDir, threads: 0 });
    assert.equal(cold.json, none.json);
    assert.equal(warm.json, none.json);
    assert.deepEqual(warm.stats, { files: 4, scanned: 0, parsed: 0, rehashed: 0, cached: 4 });
    assert.match(none.json, /EBADF.*EMFILE/);
  });

  it('summaries added to a cache whose first pass is kept as it is: all of them come back', async () => {
    const root = tree(SOURCES);
    const cacheDir = tempDir('kapi-perf-cache-');
    const all = await run(root, { cacheDir: false, threads: 0 });
    await run(root, { cacheDir, threads: 0 }, ['one']);
    const second = await run(root, { cacheDir, threads: 0 }, ['three']);
    assert.equal(second.stats.scanned, 0);
    assert.equal(second.stats.parsed, 1, 'only kernel/d.c is summarised');
    const third = await run(root, { cacheDir, threads: 0 });
    assert.equal(third.stats.parsed, 1, 'kernel/c.c; fs/a.c, fs/b.c and kernel/d.c come from the cache');
    const fourth = await run(root, { cacheDir, threads: 0 });
    assert.equal(fourth.stats.parsed, 0);
    assert.equal(fourth.json, all.json);
    // A changed file after that: scanned, the table rebuilt with the cached facts of the others.
    writeFileSync(join(root, 'fs/b.c'), 'int shared(int fd)\n{\n\treturn -ENOSPC;\n}\n');
    const fifth = await run(root, { cacheDir, threads: 0 });
    assert.deepEqual([fifth.stats.scanned, fifth.stats.cached], [1, 3]);
    assert.match(fifth.json, /ENOSPC/);
    assert.doesNotMatch(fifth.json, /EMFILE/);
  });

  it('a damaged, truncated, foreign or misplaced cache file is ignored and rebuilt, never a crash', async () => {
    const root = tree(SOURCES);
    const expected = (await run(root, { cacheDir: false, threads: 0 })).json;
    const cacheDir = tempDir('kapi-perf-cache-');
    await run(root, { cacheDir, threads: 0 });
    const file = cacheFileOf(cacheDir);
    const good = readFileSync(file);
    const damages: [string, (b: Buffer) => Buffer][] = [
      ['truncated', (b) => b.subarray(0, b.length >> 1)],
      ['header only', (b) => b.subarray(0, 40)],
      ['empty', () => Buffer.alloc(0)],
      ['another magic', (b) => { const c = Buffer.from(b); c[0] = 0x4b; return c; }],
      ['another version', (b) => { const c = Buffer.from(b); c.writeUInt32LE(INDEX_VERSION + 1, 16); return c; }],
      ['a section past the end', (b) => { const c = Buffer.from(b); c.writeUInt32LE(0xfffffff0, 24 + 4 * 8); return c; }],
      ['junk in every byte after the header', (b) => { const c = Buffer.from(b); for (let i = 120; i < c.length; i++) c[i] = (i * 7919) & 0xff; return c; }],
      ['junk summaries', (b) => {
        const c = Buffer.from(b);
        const off = c.readUInt32LE(24 + 8 * 8), len = c.readUInt32LE(28 + 8 * 8);
        c.fill(0x7b, off, off + len);
        return c;
      }],
      ['bucket offsets out of order', (b) => {
        const c = Buffer.from(b);
        const off = c.readUInt32LE(24 + 5 * 8);
        c.writeUInt32LE(0xffffff, off + 4 * 100);
        return c;
      }],
    ];
    for (const [what, damage] of damages) {
      writeFileSync(file, damage(good));
      const r = await run(root, { cacheDir, threads: 0 });
      assert.equal(r.json, expected, what);
      assert.deepEqual(r.failures, [], what);
      // The run wrote a good cache again (when it had to): the next one is warm.
      const again = await run(root, { cacheDir, threads: 0 });
      assert.equal(again.json, expected, what);
      assert.equal(again.stats.parsed, 0, what);
    }
    // Another tree's cache file in this tree's place: another root, ignored.
    const other = tree({ 'fs/x.c': 'SYSCALL_DEFINE0(other)\n{\n\treturn -EIO;\n}\n' });
    const otherCache = tempDir('kapi-perf-cache-');
    await run(other, { cacheDir: otherCache, threads: 0 });
    writeFileSync(file, readFileSync(cacheFileOf(otherCache)));
    const r = await run(root, { cacheDir, threads: 0 });
    assert.equal(r.json, expected);
    assert.equal(r.stats.cached, 0);
  });

  it('round trip: a non-ASCII path and Latin-1 text in a summary', () => {
    const dir = tempDir('kapi-perf-file-');
    const path = join(dir, 'index');
    const b = new TableBuilder();
    b.add(1, { defs: 'g f:s', impls: 'read=g' });
    b.add(0, { defs: 'f sys_x', impls: 'read=f read=g' });
    const table = NameTable.of(['d\u00e9j\u00e0/\u4e2d.c', 'b.c'], [b.encode()]);
    const summary = { functions: [{ name: 'f', file: 'b.c', line: 1, isStatic: false, params: ['char caf\xe9'], direct: [], props: [], indirect: [], calls: '' }], impls: {}, problems: 0 };
    writeCacheFile(path, INDEX_VERSION, {
      root: '/r\u00f6\u4e2d', files: [{ rel: 'b.c', size: 3, mtimeMs: 1.5, hash: 'h1' }, { rel: 'd\u00e9j\u00e0/\u4e2d.c', size: 0, mtimeMs: 2, hash: '' }],
      defs: [{ defs: 'g f:s', impls: 'read=g' }, { defs: 'f sys_x', impls: 'read=f read=g' }], table,
      summaries: [{ rel: 'b.c', hash: 'h1', bytes: Buffer.from(JSON.stringify(summary), 'utf8') }],
    });
    assert.equal(readCacheFile(path, INDEX_VERSION, '/elsewhere'), undefined);
    const cf = readCacheFile(path, INDEX_VERSION, '/r\u00f6\u4e2d')!;
    assert.deepEqual(cf.files, [{ rel: 'b.c', size: 3, mtimeMs: 1.5, hash: 'h1' }, { rel: 'd\u00e9j\u00e0/\u4e2d.c', size: 0, mtimeMs: 2, hash: '' }]);
    assert.deepEqual(cf.defs(), [{ defs: 'g f:s', impls: 'read=g' }, { defs: 'f sys_x', impls: 'read=f read=g' }]);
    assert.deepEqual(cf.summary('b.c'), { hash: 'h1', s: summary });
    assert.equal(cf.summary('nope.c'), undefined);
    // File 0 defines f before file 1 (its static one): path order, whatever order they came in.
    assert.deepEqual(cf.table.sites('f'), [{ n: 0, isStatic: false }, { n: 1, isStatic: true }]);
    assert.deepEqual(cf.table.files, ['d\u00e9j\u00e0/\u4e2d.c', 'b.c']);
    assert.deepEqual(cf.table.syscalls, ['sys_x']);
    assert.deepEqual({ ...cf.table.impls }, { read: 2 });
  });
});

describe('the name table', () => {
  it('shares built on worker threads give the sites of the one built on this thread', async () => {
    // Enough files for several shares per thread, names defined in many of them, static and not.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      files[`d${i % 7}/f${String(i).padStart(3, '0')}.c`] = `${i % 3 ? 'static ' : ''}int common(void)\n{\n\treturn -EIO;\n}\n\nint only${i}(void)\n{\n\treturn 0;\n}\n` +
        (i % 50 === 0 ? `SYSCALL_DEFINE0(s${i})\n{\n\treturn common();\n}\n` : '');
    }
    const root = tree(files);
    const one = await indexTree(root, { cacheDir: false, threads: 0 });
    const two = await indexTree(root, { cacheDir: false, threads: 2 });
    two.close();
    assert.deepEqual(two.defsOf('common'), one.defsOf('common'));
    assert.equal(one.defsOf('common').length, 300);
    assert.deepEqual(one.defsOf('common').map((d) => d.file), [...one.fileList]);
    assert.deepEqual(one.defsOf('common').map((d) => d.isStatic), one.fileList.map((f) => Number(/f(\d+)/.exec(f)![1]) % 3 !== 0));
    assert.deepEqual(two.defsOf('only123'), [{ file: 'd4/f123.c', isStatic: false }]);
    assert.deepEqual([...two.names()], [...one.names()]);
    assert.deepEqual([...one.names()], ['sys_s0', 'sys_s100', 'sys_s150', 'sys_s200', 'sys_s250', 'sys_s50']);
    const a = await run(root, { cacheDir: false, threads: 0 });
    const b = await run(root, { cacheDir: false, threads: 2 });
    assert.equal(b.json, a.json);
  });
});

describe('the first pass', () => {
  it('finds bodies and initialisers at the very start of the buffer and next to each other', () => {
    const d = scanDefs(Buffer.from('int f(void)\n{\n}\nint g(int x)\n{\n}\n\t.read = f,\n\t.write = g,\nstatic int h(void) __releases(x)\n{\n}\n'), false);
    assert.equal(d.defs, 'f g h:s');
    assert.equal(d.impls, 'read=f write=g');
    // `static` only as a word: `nonstatic` and `static_key` are not.
    assert.equal(scanDefs(Buffer.from('nonstatic int f(void)\n{\n}\nstatic_key int g(void)\n{\n}\n'), false).defs, 'f g');
    assert.equal(scanDefs(Buffer.from('{'), false).defs, '');
    assert.equal(scanDefs(Buffer.from('.'), false).impls, '');
  });
});

describe('the results of the last run', () => {
  const runCached = async (root: string, cacheDir: string, names: string[] = []) => {
    const ix = await indexTree(root, { cacheDir, threads: 0 });
    const r = await syscallErrnos(resolver(ix), names);
    return { json: JSON.stringify(r.results), missing: r.missing, cached: r.cached === true };
  };

  it('are reused only when no file, name or object changed; a damaged results file is recomputed', async () => {
    const root = tree(SOURCES);
    const cacheDir = tempDir('kapi-perf-results-');
    const first = await runCached(root, cacheDir);
    assert.equal(first.cached, false);
    assert.deepEqual(await runCached(root, cacheDir), { ...first, cached: true });
    // Other names: computed (and kept in their place).
    const named = await runCached(root, cacheDir, ['one', 'nonesuch']);
    assert.equal(named.cached, false);
    assert.deepEqual(named.missing, ['nonesuch']);
    assert.equal((await runCached(root, cacheDir, ['one', 'nonesuch'])).cached, true);
    // A file changes: computed again, and the change shows.
    writeFileSync(join(root, 'fs/b.c'), SOURCES['fs/b.c']!.replace('-EMFILE', '-ENFILE'));
    const changed = await runCached(root, cacheDir, ['one', 'nonesuch']);
    assert.equal(changed.cached, false);
    assert.match(changed.json, /ENFILE/);
    assert.doesNotMatch(changed.json, /EMFILE/);
    // Other objects: computed.
    const ix = await indexTree(root, { cacheDir, threads: 0 });
    assert.notEqual((await syscallErrnos(resolver(ix, []), ['one', 'nonesuch'])).cached, true);
    // A damaged or foreign results file: computed, never trusted.
    const results = join(cacheDir, readdirSync(cacheDir)[0]!, 'results.json');
    for (const junk of ['{', '{"key":"x","results":[],"missing":[]}', JSON.stringify({ ...JSON.parse(readFileSync(results, 'utf8')), results: [{ name: 1 }] })]) {
      writeFileSync(results, junk);
      const again = await runCached(root, cacheDir, ['one', 'nonesuch']);
      assert.equal(again.cached, false);
      assert.equal(again.json, changed.json);
    }
  });
});
