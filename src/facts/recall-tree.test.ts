// The measure, on the real inputs: for every syscall of the bundled corpus, the errnos the
// whole-tree analysis finds in the 6.1 tree against the errnos the specs list, those kapi conform
// provokes on this kernel (run here, as root) and those the man pages (Debian's manpages-dev)
// name. Targets: recall of provoked errors >= 95%, of listed errors >= 85%, and no errno found on a
// plain path that neither the spec, the man page nor the spec's kapi-not-returned accounts for.
// The table goes to stderr, so a CI log shows the per-syscall figures and the extras.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { corpusRun, failedCases, kapi, repoPath, tempDir } from '../testutil.js';
import { treeErrnos } from './flow.js';
import { manErrnos, readManDir } from './manpages.js';
import { kindsOf, listedFromSpecs, manErrnoSets, notReturnedFromSpecs, provokedFromConform, recallTable, recallText } from './recall.js';

const TREE = process.env.KAPI_KERNEL_TREE;
const MAN2 = '/usr/share/man/man2';
const skip = !TREE ? 'KAPI_KERNEL_TREE is not set (the unpacked linux-source-6.1 tree)'
  : process.getuid?.() !== 0 ? 'kapi conform needs root'
    : !existsSync(join(MAN2, 'open.2.gz')) ? `no man pages in ${MAN2} (Debian's manpages-dev)` : false;

describe('recall of the corpus errors on the 6.1 tree', { skip }, () => {
  it('finds >= 95% of the provoked errors and >= 85% of the listed ones', async () => {
    const specs = readdirSync(repoPath('specs')).filter((f) => f.endsWith('.c')).sort()
      .flatMap((f) => specsFromC(readFileSync(repoPath(join('specs', f)), 'latin1'), f, new DiagSink()));
    const listed = listedFromSpecs(specs.filter((s) => s.name.startsWith('sys_')));
    const dir = tempDir('kapi-recall-');
    const run = corpusRun();
    assert.equal(run.code, 0, failedCases(run));
    const provoked = provokedFromConform(JSON.parse(readFileSync(run.json, 'utf8')));
    const names = [...listed.keys()].sort();
    const { results, missing } = await treeErrnos(TREE!, [...names, 'sys_openat'], { cacheDir: join(dir, 'cache') });
    assert.deepEqual(missing, []);
    const found = new Map(results.map((r) => [r.name, new Set(r.errors.map((e) => e.name))]));
    const set = readManDir(MAN2);
    const man = manErrnoSets(names, (c) => manErrnos(set, c));
    const t = recallTable({ found, listed, provoked, man, syscalls: names, kinds: kindsOf(results), notReturned: notReturnedFromSpecs(specs) });
    process.stderr.write(recallText(t));
    for (const r of t.rows) if (r.provoked.missed.length) process.stderr.write(`${r.syscall}: not found: ${r.provoked.missed.join(' ')}\n`);
    assert.ok(t.overall.provoked.of >= 100, `only ${t.overall.provoked.of} provoked errors`);
    assert.ok(t.overall.provoked.pct! >= 95, `recall of provoked errors ${t.overall.provoked.found}/${t.overall.provoked.of}`);
    assert.ok(t.overall.listed.pct! >= 85, `recall of listed errors ${t.overall.listed.found}/${t.overall.listed.of}`);
    // Every errno found on a plain path is listed by the spec or the man page, or explained by the
    // spec's kapi-not-returned (those found only through an object are counted apart).
    assert.deepEqual(t.rows.filter((r) => r.extra.length).map((r) => `${r.syscall}: ${r.extra.join(' ')}`), []);
    // open and openat share their code; every chain starts at its syscall.
    assert.deepEqual([...found.get('sys_openat')!].filter((e) => !found.get('sys_open')!.has(e)), []);
    for (const r of results) for (const e of r.errors) assert.equal(e.chain[0]!.function, r.name);
  });
});
