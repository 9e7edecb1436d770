// JSON snapshots from a hostile writer: a bad spec is reported by index and name and skipped, the
// good ones beside it are kept; numbers that are not exact 64-bit integers are diagnostics, never
// an internal error; documents that are not snapshots are reported as such. Property tests mutate
// the corpus snapshot spec by spec.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../../diag/index.js';
import { stringifyDoc, toJsonDoc } from '../../model/json.js';
import { normalize } from '../../model/normalize.js';
import type { ApiSpec } from '../../model/types.js';
import { renderPlainList, renderPlainSpec } from '../../render/index.js';
import { CORPUS18, repoPath } from '../../testutil.js';
import { looksLikeJson, readSourcePath } from '../index.js';
import { readSnapshot, specsFromJson } from './index.js';

const RUNS = { numRuns: 300, seed: 20261201, verbose: 0 };

/** The corpus as plain JSON specs, one per element. */
let corpus: Record<string, unknown>[] = [];
before(async () => {
  const d = new DiagSink();
  const set = normalize(await readSourcePath(repoPath(CORPUS18), d, { displayRoot: 'specs' }), d);
  corpus = (JSON.parse(stringifyDoc(toJsonDoc(set))) as { specs: Record<string, unknown>[] }).specs;
});

const doc = (specs: unknown[]) => JSON.stringify({ kapi: 1, specs });
const read = (text: string) => {
  const d = new DiagSink();
  const r = readSnapshot(text, 'snap.json', d);
  return { ...r, d, names: r.specs.map((s) => s.name) };
};

describe('one bad spec is skipped, the others are kept', () => {
  it('a spec without a required member, among 17 good ones', () => {
    const specs: unknown[] = structuredClone(corpus);
    delete (specs[3] as Record<string, unknown>)['kind'];
    const r = read(doc(specs));
    assert.equal(r.specs.length, 17);
    assert.deepEqual(r.names, corpus.filter((_, i) => i !== 3).map((s) => s['name']));
    assert.equal(r.d.items.length, 1);
    const x = r.d.items[0]!;
    assert.equal(x.code, 'bad-json');
    assert.equal(x.at, 'snap.json');
    assert.equal(x.spec, corpus[3]!['name']);
    assert.match(x.message, /^specs\[3\] is not a valid spec and is skipped: \/specs\/3 must have required property 'kind'$/);
  });
  it('specs that are not objects are named by index alone', () => {
    const r = read(doc([corpus[0], 'garbage', null, 42, corpus[1]]));
    assert.deepEqual(r.names, [corpus[0]!['name'], corpus[1]!['name']]);
    assert.deepEqual(r.d.items.map((x) => [x.message.split(' ')[0], x.spec]), [['specs[1]', undefined], ['specs[2]', undefined], ['specs[3]', undefined]]);
  });
});

describe('numbers that are not exact integers', () => {
  const withValue = (literal: string) => {
    const specs = structuredClone(corpus);
    const text = doc(specs);
    // The first constant value of the second spec: epoll_create's CAP_SYS_ADMIN.
    const at = text.indexOf('"value":', text.indexOf('"name":"sys_epoll_create"'));
    const end = text.indexOf('}', at);
    return text.slice(0, at) + `"value":${literal}` + text.slice(end);
  };
  for (const [literal, re] of [
    ['1e400', /\/value \(beyond the range of a JSON number\) is not an exact integer/],
    ['1.5', /\/value must be integer|\/value must match/],
    ['9007199254740993', /\/value \(9007199254740992\) is not an exact integer/],
    ['1e300', /is not an exact integer/],
    ['"18446744073709551616"', /\/value \('18446744073709551616'\) is outside the 64-bit range/],
    ['"-9223372036854775809"', /outside the 64-bit range/],
  ] as [string, RegExp][]) {
    it(`"value": ${literal} is a diagnostic; the other 17 specs are read`, () => {
      const r = read(withValue(literal));
      assert.equal(r.specs.length, 17);
      assert.ok(!r.names.includes('sys_epoll_create'));
      assert.equal(r.d.items.length, 1);
      assert.equal(r.d.items[0]!.spec, 'sys_epoll_create');
      assert.match(r.d.items[0]!.message, /^specs\[1\] is not a valid spec and is skipped: \/specs\/1\//);
      assert.match(r.d.items[0]!.message, re);
    });
  }
  it('the 64-bit extremes are kept exactly', () => {
    const r = read(withValue('"18446744073709551615"'));
    assert.equal(r.specs.length, 18);
    assert.equal(r.specs[1]!.capabilities![0]!.number!.value, 2n ** 64n - 1n);
  });
});

describe('documents that are not snapshots', () => {
  for (const text of ['null', '[1,2,3]', '{}', '"x"', '42', 'true', '[]', '{"specs": 1}']) {
    it(`${text}: reported as not a kapi snapshot`, () => {
      const r = read(text);
      assert.deepEqual(r.specs, []);
      assert.equal(r.rejected, true);
      assert.equal(r.d.items.length, 1);
      assert.match(r.d.items[0]!.message, /^not a kapi snapshot \(expected \{"kapi": 1, "specs": \[\.\.\.\]\}\)/);
    });
  }
  it('any file whose content is JSON is read as a snapshot, not as C', () => {
    for (const t of ['null', ' [1,2,3]', '{}', '"x"', '42', '\n{"kapi": 1']) assert.equal(looksLikeJson('x.txt', t), true, t);
    for (const t of ['int x;', 'true_or_false();', '"a" "b";', '/* { */', '#include <x.h>']) assert.equal(looksLikeJson('x.c', t), false, t);
    assert.equal(looksLikeJson('x.json', 'int x;'), true, 'a .json name is enough');
  });
});

/** Every JSON pointer into a value, as key paths. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return here;
}

/** Replaces (or deletes) the member at `p`; numbers that JSON.stringify cannot write go in as placeholders. */
function mutate(spec: unknown, p: (string | number)[], value: unknown, del: boolean): unknown {
  if (!p.length) return value;
  const out = structuredClone(spec) as Record<string | number, unknown>;
  let o = out;
  for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = p.at(-1)!;
  if (del && !Array.isArray(o)) delete o[last];
  else o[last] = value;
  return out;
}

const LITERALS = ['1e400', '-1e400', '1.5', '1e300', '9007199254740993', '-0', '"NaN"', '"0x10"', '"99999999999999999999999"'];
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...LITERALS.map((l) => `@@${l}@@`)),
  fc.constantFrom('__proto__', 'constructor', '\x1b[31m', ''),
);
/** The text of a document: placeholders become the raw number literals. */
const literal = (text: string) => text.replace(/"@@(.*?)@@"/g, (_m, l: string) => l.replace(/\\"/g, '"'));

describe('property: mutated specs never throw, and the untouched specs are always kept', () => {
  it('each spec mutated or left alone at random', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.boolean(), fc.nat(), hostileValue, fc.boolean()), { minLength: 18, maxLength: 18 }),
      (edits) => {
        const specs = corpus.map((s, i) => {
          const [touch, where, value, del] = edits[i]!;
          if (!touch) return s;
          const ps = paths(s);
          return mutate(s, ps[where % ps.length]!, value, del);
        });
        const r = read(literal(doc(specs)));
        assert.equal(r.rejected, false);
        // Every spec is either read or reported, by its index.
        const reported = r.d.items.map((x) => Number(/^specs\[(\d+)\]/.exec(x.message)?.[1]));
        assert.equal(r.specs.length + reported.length, corpus.length);
        assert.ok(reported.every((i) => edits[i]![0]), 'only touched specs are reported');
        for (const [i, s] of corpus.entries()) if (!edits[i]![0]) assert.ok(r.names.includes(s['name'] as string), `untouched ${String(s['name'])} kept`);
        // What was read can be shown.
        const set = normalize(r.specs as ApiSpec[], new DiagSink());
        renderPlainList(set);
        for (const s of set.specs) renderPlainSpec(s);
      },
    ), RUNS);
  });
  it('random documents never throw and are read or reported', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (v, wrap) => {
      const d = new DiagSink();
      const text = JSON.stringify(wrap ? { kapi: 1, specs: [corpus[0], v, corpus[1]] } : v) ?? 'null';
      const specs = specsFromJson(text, 'r.json', d);
      if (wrap) {
        assert.ok(specs.length >= 2, 'the good specs beside a random one are kept');
        assert.equal(specs.length + d.items.length, 3);
      } else {
        // A random value is not a snapshot: reported once, nothing read.
        assert.deepEqual(specs, []);
        assert.equal(d.items.length, 1);
        assert.match(d.items[0]!.message, /^not a kapi snapshot/);
      }
    }), RUNS);
  });
  it('cut and spliced text never throws', () => {
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 60 }), fc.constantFrom('', '1e400', '{', '}', '"', ',', 'null', '[', '\x1b', '\u2028'), (pos, len, ins) => {
      const text = doc(corpus.slice(0, 4));
      const at = pos % text.length;
      const d = new DiagSink();
      const specs = specsFromJson(text.slice(0, at) + ins + text.slice(at + len), 'c.json', d);
      assert.ok(specs.length > 0 || d.items.length > 0);
    }), RUNS);
  });
});
