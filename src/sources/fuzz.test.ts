// Property tests: random and mutated input never makes a reader throw, and reading terminates.
// Each property runs a fixed number of cases from a fixed seed, so failures reproduce.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../diag/index.js';
import { stringifyDoc, toJsonDoc } from '../model/json.js';
import { FIXTURE_FILES, readFixture, repoPath } from '../testutil.js';
import { evalText } from './c/expr.js';
import { lex } from './c/lexer.js';
import { SPEC_ENV } from './values.js';
import { specsFromC, specsFromJson } from './index.js';

const RUNS = { numRuns: 1000, seed: 20261128, verbose: 0 };

/** Pieces that steer mutations into the parsers' interesting states. */
const PIECES = [
  '/**', '*/', ' * ', '\n', '"', "'", '\\', '{', '}', '(', ')', ',', ';', '[', ']', '.', '=', '#define ',
  'DEFINE_KERNEL_API_SPEC(sys_x)', 'KAPI_END_SPEC;', 'KAPI_PARAM(0, "a", "int", "d")', 'KAPI_PARAM_END',
  'KAPI_ERROR(0, -EINVAL, "EINVAL", "c", "d")', '.params[1] = {', 'contexts: process', ' * param: fd\n',
  ' *   type: fd, input\n', ' *   constraint-type: range(0, ', ' * error: EINVAL, x\n', 'SYSCALL_DEFINE1(x, int, fd)',
  'struct kapi_ioctl_spec s = {', 'static const s64 v[] = {', '0x', '-', '|', '<<', 'sizeof(', 'ARRAY_SIZE(',
  // Names every JavaScript object has: they must never be taken for table entries.
  'constructor', 'toString', 'valueOf', '__proto__', '.constructor = 1,', ' * valueOf: x\n', '  flags: constructor\n',
  'GENMASK(3)', 'BIT()', 'KAPI_CTX_CONSTRUCTOR',
];

const fixtures = [
  ...FIXTURE_FILES.map((f) => readFileSync(repoPath(`src/sources/testdata/${f}`), 'latin1')),
  ...['epoll.c', 'mlock.c'].map((f) => readFileSync(repoPath(`specs/${f}`), 'latin1')),
];

/** A mutation: cut, duplicate, or insert a piece at random places of a fixture. */
const mutated = fc.tuple(
  fc.constantFrom(...fixtures),
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }))), { minLength: 1, maxLength: 8 }),
).map(([text, edits]) => {
  let t = text;
  for (const [pos, len, ins] of edits) {
    const at = pos % (t.length + 1);
    t = t.slice(0, at) + ins + t.slice(Math.min(t.length, at + (len % 3 === 0 ? len : 0)));
  }
  return t;
});

function readsWithoutThrowing(text: string): void {
  const d = new DiagSink();
  const specs = specsFromC(text, 'fuzz.c', d);
  for (const s of specs) assert.equal(typeof s.name, 'string');
  for (const x of d.items) assert.match(x.at, /^fuzz\.c(:\d+:\d+)?$/);
}

describe('C readers never throw', () => {
  it('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), readsWithoutThrowing), RUNS);
  });
  it('random sequences of DSL pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join('')), readsWithoutThrowing), RUNS);
  });
  it('mutated fixtures and corpus files', () => {
    fc.assert(fc.property(mutated, readsWithoutThrowing), RUNS);
  });
  it('truncated fixtures at every kind of cut', () => {
    fc.assert(fc.property(fc.constantFrom(...fixtures), fc.nat(), (t, n) => readsWithoutThrowing(t.slice(0, n % (t.length + 1)))), RUNS);
  });
});

describe('lexer and evaluator', () => {
  it('tokens come in order with valid positions', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated), (text) => {
      const r = lex(text);
      let prev = [0, 0];
      for (const t of r.tokens) {
        assert.ok(t.line > prev[0]! || (t.line === prev[0] && t.col > prev[1]!), 'positions increase');
        prev = [t.line, t.col];
      }
    }), RUNS);
  });
  it('evaluation of any text returns a BigInt or undefined', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('1', '0x10', 'INT_MAX', '(', ')', '|', '<<', '-', '~', '*', '/', '0', '?', ':', 'sizeof', 'int', 'X'), { maxLength: 20 }), (a) => {
      const v = evalText(a.join(' '), SPEC_ENV);
      assert.ok(v === undefined || typeof v === 'bigint');
    }), RUNS);
  });
});

describe('JSON snapshot reader never throws', () => {
  const snapshot = stringifyDoc(toJsonDoc(readFixture('rfc1-macro.c').set));
  it('mutated snapshots are read or reported', () => {
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 6 }), (pos, len, ins) => {
      const at = pos % snapshot.length;
      const text = snapshot.slice(0, at) + ins + snapshot.slice(at + len);
      const d = new DiagSink();
      const specs = specsFromJson(text, 'f.json', d);
      assert.ok(specs.length > 0 || d.items.length > 0);
    }), RUNS);
  });
});
