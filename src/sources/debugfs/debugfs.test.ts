// debugfs sources: a hand-written RFC v1 tree with the kernel's exact strings, and trees written
// from the corpus in both layouts (no kernel here has the framework), read back.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { kapi, repoPath, tempDir } from '../../testutil.js';
import { readSourcePath } from '../index.js';
import { writeDebugfs, specText } from './fixture.js';
import { specsFromDebugfs } from './index.js';
import { specFromText } from './text.js';

const HAND = repoPath('src/sources/debugfs/testdata/rfc1');
let corpus: ApiSpec[] = [];
before(async () => {
  corpus = await readSourcePath(repoPath('specs'), new DiagSink(), { displayRoot: 'specs' });
});

describe('RFC v1 debugfs text, written by hand', () => {
  const d = new DiagSink();
  const { specs } = specsFromDebugfs(HAND, d);
  const mlock = specs.find((s) => s.name === 'sys_mlock')!;
  it('reads both listed specs without diagnostics', () => {
    assert.deepEqual(d.items, []);
    assert.deepEqual(specs.map((s) => s.name), ['sys_mlock', 'sys_epoll_create1']);
  });
  it('parameters in full, not just their count', () => {
    assert.equal(mlock.params!.length, 2);
    assert.equal(mlock.params![0]!.c_type, 'unsigned long');
    assert.equal(mlock.params![0]!.constraint!.max!.value, 0x7fffffffffffffffn);
  });
  it('INOUT beside IN is the RFC v1 quirk, not an OUT flag', () => {
    assert.deepEqual(mlock.params![0]!.flags, ['in']);
  });
  it('errors with codes and conditions, locks with their scope', () => {
    assert.deepEqual(mlock.errors!.map((e) => [e.name, e.condition]), [['ENOMEM', 'part of the range has no mapping'], ['EPERM', undefined]]);
    assert.equal(mlock.locks![0]!.scope, 'internal');
  });
  it('examples and notes are kept, also at the end of the file', () => {
    assert.equal(mlock.examples, 'mlock(buf, 4096);\nmlock(buf, len);');
    assert.equal(mlock.notes, 'Locks do not stack.');
    assert.equal(mlock.since_version, '2.0');
    assert.equal(specs[1]!.examples, 'int fd = epoll_create1(EPOLL_CLOEXEC);');
  });
  it('context flags are one name each', () => {
    assert.deepEqual(mlock.contexts, ['process', 'sleepable']);
    assert.equal(specs[1]!.return!.check, 'fd');
  });
});

/** The fields a debugfs layout carries, for comparing with the source. */
function carried(s: ApiSpec, v: 'rfc-v1' | 'patch-v4'): unknown {
  const str = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? y.toString() : y)));
  return str({
    name: s.name, description: s.description, long_description: s.long_description, contexts: s.contexts,
    params: s.params?.map((p) => ({ name: p.name, c_type: p.c_type, type: p.type, flags: p.flags, description: p.description })),
    errors: s.errors?.map((e) => [e.name, e.condition, e.description]),
    locks: s.locks?.map((l) => [l.name, l.type, l.scope]),
    signals: s.signals?.map((g) => [g.name, g.number?.value, g.action]),
    examples: s.examples, notes: s.notes,
    ...(v === 'patch-v4' ? {
      side_effects: s.side_effects?.map((e) => [e.target, e.description, e.reversible ?? false]),
      capabilities: s.capabilities?.map((c) => [c.name, c.number?.value, c.allows, c.without]),
      constraints: s.constraints?.map((c) => [c.name, c.description, c.expression]),
    } : { constraints: s.constraints?.map((c) => c.description) }),
  });
}

describe('debugfs trees written from the corpus read back the same', () => {
  for (const v of ['rfc-v1', 'patch-v4'] as const) {
    it(v, () => {
      const root = tempDir('kapi-debugfs-');
      writeDebugfs(root, corpus, v);
      const d = new DiagSink();
      const got = specsFromDebugfs(root, d);
      assert.deepEqual(d.items, []);
      assert.equal(got.specs.length, corpus.length);
      for (const s of corpus) assert.deepEqual(carried(got.specs.find((x) => x.name === s.name)!, v), carried(s, v), s.name);
      assert.ok(got.specs.every((s) => s.source_format === `debugfs/${v}`));
    });
  }
  it('PATCH v4 falls back to the text file when specs-json has no entry', () => {
    const root = tempDir('kapi-debugfs-');
    writeDebugfs(root, corpus, 'patch-v4');
    writeFileSync(join(root, 'kapi/specs-json/sys_read'), '{ broken');
    const d = new DiagSink();
    const got = specsFromDebugfs(root, d);
    assert.equal(got.specs.length, corpus.length);
    assert.equal(d.items.length, 1);
    assert.match(d.items[0]!.message, /not valid JSON/);
  });
});

describe('kapi --debugfs', () => {
  it('lists and shows specs in every format', () => {
    const r = kapi(['--debugfs', HAND, '-v']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Total specifications found: 2/);
    assert.match(r.stderr, /RFC v1 text, 2 of 2 listed specs read/);
    for (const f of ['plain', 'json', 'rst', 'man']) assert.equal(kapi(['--debugfs', HAND, '-f', f, 'sys_mlock']).code, 0, f);
  });
  it('says so in one line when the kernel has no kapi directory', () => {
    const r = kapi(['--debugfs', tmpdir()]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /no kapi directory/);
  });
});

describe('bad debugfs input', () => {
  it('a listed spec without a file, a file that is not a spec, a stray line', () => {
    const root = tempDir('kapi-debugfs-');
    mkdirSync(join(root, 'kapi/specs'), { recursive: true });
    writeFileSync(join(root, 'kapi/list'), '===\nsys_a - a\nsys_b - b\nsys_c - c\nTotal: 3 specifications\n');
    writeFileSync(join(root, 'kapi/specs/sys_b'), 'garbage\n');
    const good = specText(corpus.find((s) => s.name === 'sys_close')!, 'rfc-v1').replace('sys_close', 'sys_c');
    writeFileSync(join(root, 'kapi/specs/sys_c'), good.replace('Return value:', 'Whatever this is\nReturn value:'));
    const d = new DiagSink();
    const got = specsFromDebugfs(root, d);
    assert.deepEqual(got.specs.map((s) => s.name), ['sys_c']);
    const lines = d.items.map((x) => `${x.at.replace(root, '')} ${x.code}`);
    assert.deepEqual(lines, [
      "/kapi/specs/sys_a bad-debugfs",
      '/kapi/specs/sys_b:1:1 bad-debugfs',
      `/kapi/specs/sys_c:${good.split('\n').indexOf('Return value:') + 1}:1 bad-debugfs`,
    ]);
  });
  it('JSON with negative hex values and inherited names is read, not thrown', async () => {
    const { specFromJson } = await import('./json.js');
    const d = new DiagSink();
    const s = specFromJson('{"name":"sys_x","return":{"success_value":"-0x1","type_class":"constructor","check_type":"toString"}}', 'x', d);
    assert.equal(s!.return!.success!.value, -1n);
    assert.equal(s!.return!.type, undefined);
    assert.equal(s!.return!.check, undefined);
  });
  it('mutated spec files never make the reader throw', () => {
    const text = readFileSync(join(HAND, 'kapi/specs/sys_mlock'), 'utf8');
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 60 }), fc.string({ maxLength: 10 }), (pos, len, ins) => {
      const at = pos % text.length;
      const d = new DiagSink();
      const s = specFromText(text.slice(0, at) + ins + text.slice(at + len), 'x', 'rfc-v1', d);
      assert.ok(s === undefined || typeof s.name === 'string');
    }), { numRuns: 1000, seed: 9 });
  });
});
