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

  it('the RFC v2 networking part survives the round trip, BigInt values included', () => {
    const set = inputs.get('rfc2-net.c')!;
    const back = specsFromJson(stringifyDoc(toJsonDoc(set)), 'net.json', new DiagSink());
    assert.equal(back.length, 3);
    for (const s of set.specs) {
      assert.ok(s.network, s.name);
      assert.deepEqual(back.find((b) => b.name === s.name)!.network, s.network, s.name);
    }
    assert.equal(back.find((b) => b.name === 'sys_recvfrom')!.network!.buffer!.max_size!.value, 0x7fffffffn);
  });

  it('networking name sets read from JSON are normalised: sorted, and all alone', () => {
    const spec = {
      name: 'sys_x', kind: 'syscall', source_format: 'json', at: 'x.json',
      network: {
        socket_state: { at: 'x', protocols: ['udp', 'tcp'], required: ['open', 'bound'] },
        protocol_behaviors: [{ at: 'x', protocols: ['tcp', 'all'] }],
        buffer: { at: 'x', behaviors: ['truncate', 'peek'] }, async: { at: 'x', modes: ['epoll', 'aio'] },
      },
    };
    const d = new DiagSink();
    const set = normalize(specsFromJson(JSON.stringify({ kapi: 1, specs: [spec] }), 'x.json', d), d);
    assert.deepEqual(d.items, []);
    const n = set.specs[0]!.network!;
    assert.deepEqual(n.socket_state!.protocols, ['tcp', 'udp']);
    assert.deepEqual(n.socket_state!.required, ['open', 'bound'], 'states keep their order');
    assert.deepEqual(n.protocol_behaviors![0]!.protocols, ['all']);
    assert.deepEqual(n.buffer!.behaviors, ['peek', 'truncate']);
    assert.deepEqual(n.async!.modes, ['aio', 'epoll']);
  });

  it('rejects networking values outside the closed sets, naming the place', () => {
    const bad = [
      [{ socket_state: { at: 'x', required: ['half_open'] } }, /\/specs\/0\/network\/socket_state\/required\/0 must be equal to one of the allowed values/],
      [{ async: { at: 'x', nonblock_error: 'again' } }, /\/specs\/0\/network\/async\/nonblock_error must match pattern/],
      [{ addr_families: [{ at: 'x' }] }, /\/specs\/0\/network\/addr_families\/0 must have required property 'name'/],
      [{ reentrant: 'yes' }, /\/specs\/0\/network\/reentrant must be boolean/],
    ] as const;
    for (const [network, re] of bad) {
      const d = new DiagSink();
      const doc = { kapi: 1, specs: [{ name: 'sys_x', kind: 'syscall', source_format: 'json', at: 'x.json', network }] };
      assert.deepEqual(specsFromJson(JSON.stringify(doc), 'x.json', d), []);
      assert.equal(d.items.length, 1);
      assert.match(d.items[0]!.message, re);
    }
  });

  it('the published schema matches the model', () => {
    const r = spawnSync(process.execPath, [repoPath('scripts/gen-schema.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
