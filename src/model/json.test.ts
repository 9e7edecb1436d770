// The JSON form: valid against the published schema, and JSON -> model -> JSON is the identity.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { schemaProblem, specsFromJson } from '../sources/json/index.js';
import { readSourcePath } from '../sources/index.js';
import { FIXTURE_FILES, readFixture, repoPath } from '../testutil.js';
import { stringifyDoc, toJsonDoc } from './json.js';
import { normalize } from './normalize.js';
import type { SpecSet } from './types.js';

const inputs = new Map<string, SpecSet>();
before(async () => {
  const d = new DiagSink();
  inputs.set('corpus', normalize(await readSourcePath(repoPath('specs'), d, { displayRoot: 'specs' }), d));
  for (const f of FIXTURE_FILES) inputs.set(f, readFixture(f).set);
});

describe('JSON form', () => {
  it('every document kapi writes is valid against schema/kapi.schema.json', () => {
    for (const [name, set] of inputs) assert.equal(schemaProblem(toJsonDoc(set)), undefined, name);
  });

  it('JSON -> model -> JSON is the identity, and the model survives too', () => {
    for (const [name, set] of inputs) {
      const text = stringifyDoc(toJsonDoc(set));
      const d = new DiagSink();
      const back = specsFromJson(text, `${name}.json`, d);
      assert.deepEqual(d.items, [], name);
      assert.deepEqual(back, JSON.parse(JSON.stringify(set.specs, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)), (_k, v) =>
        typeof v === 'string' && /^-?\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v), name);
      assert.equal(stringifyDoc(toJsonDoc(normalize(back, d))), text, name);
    }
  });

  it('values beyond 2^53 are exact decimal strings', () => {
    const text = stringifyDoc(toJsonDoc(inputs.get('rfc1-macro.c')!));
    assert.match(text, /"text": "LONG_MAX",\s*"value": "9223372036854775807"/);
  });

  it('output is deterministic: specs sorted by name, keys in a fixed order', () => {
    const set = inputs.get('corpus')!;
    const names = set.specs.map((s) => s.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(stringifyDoc(toJsonDoc(set)), stringifyDoc(toJsonDoc(set)));
    assert.match(stringifyDoc(toJsonDoc(set)), /^ {4}\{\n {6}"name": "sys_close",\n {6}"kind": "syscall",/m);
  });

  it('rejects documents that are not kapi snapshots, naming the place', () => {
    const cases: [string, RegExp][] = [
      ['{"kapi": 1, "specs": [{"name": "x"}]}', /\/specs\/0 must have required property/],
      ['{"kapi": 1, "specs": [], "extra": 1}', /must NOT have additional properties/],
      ['{"kapi": 2, "specs": []}', /\/kapi must be equal to constant/],
      ['{"kapi": 1,\n "specs": [', /^f\.json:2:\d+: .*not valid JSON/],
    ];
    for (const [text, re] of cases) {
      const d = new DiagSink();
      assert.deepEqual(specsFromJson(text, 'f.json', d), []);
      assert.equal(d.items.length, 1);
      assert.equal(d.items[0]!.code, 'bad-json');
      assert.match(`${d.items[0]!.at}: ${d.items[0]!.message}`, re);
    }
  });

  it('the published schema matches the model', () => {
    const r = spawnSync(process.execPath, [repoPath('scripts/gen-schema.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
