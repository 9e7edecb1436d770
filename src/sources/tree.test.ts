// Whole trees: a real kernel tree without specs yields none, and planted specs are all found,
// whichever thread reads them. The real tree comes from KAPI_KERNEL_TREE (.ci/run sets it with
// scripts/kernel-tree.sh).

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { FIXTURE_FILES, readFixture, repoPath, tempDir } from '../testutil.js';
import { readSourcePath } from './index.js';

describe('tree scanning', () => {
  it('finds planted specs at every depth, skips .git and generated .apispec.h', async () => {
    const root = tempDir('kapi-tree-');
    const dirs = ['', 'fs', 'mm/a', 'drivers/x/y/z', 'kernel/api', '.git/objects'];
    for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
    // Spread the clean fixtures over the directories; 3000 empty files make the split parallel.
    const clean = FIXTURE_FILES.filter((f) => readFixture(f).expected.length === 0);
    clean.forEach((f, i) => copyFileSync(repoPath(`src/sources/testdata/${f}`), join(root, dirs[i % 5]!, f)));
    for (let i = 0; i < 3000; i++) writeFileSync(join(root, dirs[i % 5]!, `junk${i}.c`), 'int x;\n');
    copyFileSync(repoPath('specs/epoll.c'), join(root, '.git/objects/epoll.c'));
    copyFileSync(repoPath('specs/epoll.c'), join(root, 'fs/eventpoll.apispec.h'));
    const d = new DiagSink();
    const specs = await readSourcePath(root, d);
    assert.deepEqual(d.items, []);
    // Every spec of every planted fixture, as reading the fixture alone finds them (24 today).
    const planted = clean.reduce((n, f) => n + readFixture(f).specs.length, 0);
    assert.ok(planted >= 24);
    assert.equal(specs.length, planted);
    assert.ok(specs.every((s) => s.at.startsWith(root)));
    assert.ok(!specs.some((s) => s.name === 'sys_epoll_create'));
  });

  const tree = process.env['KAPI_KERNEL_TREE'];
  it('a whole real kernel tree without specs yields no spec and no diagnostic', { skip: tree ? false : 'KAPI_KERNEL_TREE is not set (.ci/run sets it)' }, async () => {
    const d = new DiagSink();
    const specs = await readSourcePath(tree!, d);
    assert.deepEqual(d.items.map((x) => `${x.at}: ${x.message}`), []);
    assert.deepEqual(specs.map((s) => s.name), []);
  });
});
