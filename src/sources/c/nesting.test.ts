// Hostile nesting and size in spec expressions: evaluation is linear in the tokens (counted, not
// timed), nesting past MAX_NESTING is a too-deep diagnostic at its position, never a stack
// overflow, and the good specs next to a bad one are read as before.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink, formatDiagnostic } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { kapi, repoPath } from '../../testutil.js';
import { parseMacroFile } from '../c-macro/parse.js';
import { lowerMacroSpec } from '../c-macro/lower.js';
import { specsFromC } from '../index.js';
import { SPEC_ENV } from '../values.js';
import { evaluate, MAX_NESTING } from './expr.js';
import { lex, type Token } from './lexer.js';

const DEEP = 100_000;
const MEG = 1_000_000;
/** Generous: the work is linear and takes a second or two; slow shared machines must pass. */
const SLOW = { timeout: 180_000 };

const parens = (n: number, inner = '0') => '('.repeat(n) + inner + ')'.repeat(n);

/** A token array that counts how often its elements are read. */
function counted(toks: Token[]): { t: Token[]; reads: () => number } {
  let reads = 0;
  const t = new Proxy(toks, {
    get(target, key, recv) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, recv);
    },
  });
  return { t, reads: () => reads };
}

describe('expression evaluation is bounded', () => {
  it('evaluates 256 levels and reports the 257th where it opens', () => {
    assert.equal(evaluate(lex(parens(MAX_NESTING, '7')).tokens, SPEC_ENV).value, 7n);
    const r = evaluate(lex(parens(MAX_NESTING + 1, '7')).tokens, SPEC_ENV);
    assert.equal(r.value, undefined);
    assert.deepEqual([r.tooDeep?.line, r.tooDeep?.col], [1, MAX_NESTING + 1]);
  });

  it('counts prefix operators, casts, ?: and call arguments as levels too', () => {
    const at = (s: string) => evaluate(lex(s).tokens, SPEC_ENV);
    assert.equal(at('- '.repeat(MAX_NESTING) + '1').value, 1n);
    assert.ok(at('- '.repeat(MAX_NESTING + 1) + '1').tooDeep);
    assert.equal(at('(int)'.repeat(MAX_NESTING) + '1').value, 1n);
    assert.ok(at('(int)'.repeat(MAX_NESTING + 1) + '1').tooDeep);
    assert.equal(at('1 ? '.repeat(MAX_NESTING) + '5' + ' : 0'.repeat(MAX_NESTING)).value, 5n);
    assert.ok(at('1 ? '.repeat(MAX_NESTING + 1) + '5' + ' : 0'.repeat(MAX_NESTING + 1)).tooDeep);
    assert.equal(at('min(9, '.repeat(MAX_NESTING) + '4' + ')'.repeat(MAX_NESTING)).value, 4n);
    assert.ok(at('min(9, '.repeat(MAX_NESTING + 1) + '4' + ')'.repeat(MAX_NESTING + 1)).tooDeep);
  });

  it('reads each token a bounded number of times, however the input nests', () => {
    const cases = [
      '1 + '.repeat(MEG / 4) + '1', // 1M characters, flat
      (parens(MAX_NESTING - 1, '1') + ' | ').repeat(MEG / (4 * MAX_NESTING)) + '1', // deep, many times
      '(unsigned long)(int)'.repeat(MAX_NESTING / 2 - 1) + '~0',
      'BIT(GENMASK(3, 1) & '.repeat(MAX_NESTING - 2) + '1' + ')'.repeat(MAX_NESTING - 2),
      '-~'.repeat(MEG / 2) + '1', // 1M characters, too deep by prefix operators
      parens(DEEP), // too deep by parentheses
    ];
    for (const text of cases) {
      const toks = lex(text).tokens;
      const { t, reads } = counted(toks);
      const r = evaluate(t, SPEC_ENV);
      assert.ok(r.value !== undefined || r.tooDeep, text.slice(0, 40));
      // The old evaluator scanned to the matching parenthesis and copied the inside per level.
      assert.ok(reads() <= 8 * toks.length, `${reads()} reads for ${toks.length} tokens: ${text.slice(0, 40)}`);
    }
  });

  it('fails values beyond any C type instead of growing them', () => {
    assert.equal(evaluate(lex('2 * '.repeat(MEG / 4) + '1').tokens, SPEC_ENV).value, undefined);
    assert.equal(evaluate(lex('(1 << 127) * 2').tokens, SPEC_ENV).value, 1n << 128n);
    assert.equal(evaluate(lex('9'.repeat(400)).tokens, SPEC_ENV).value, undefined);
  });

  it('random nesting depth: a value up to the limit, too-deep past it, never a throw', () => {
    const wrap: Record<string, [(x: string) => string, (v: bigint) => bigint]> = {
      paren: [(x) => `(${x})`, (v) => v],
      neg: [(x) => `- ${x}`, (v) => -v],
      not: [(x) => `!${x}`, (v) => (v === 0n ? 1n : 0n)],
      inv: [(x) => `~${x}`, (v) => ~v],
      cast: [(x) => `(long)${x}`, (v) => v],
      min: [(x) => `min(${x}, 9)`, (v) => (v < 9n ? v : 9n)],
      cond: [(x) => `(1 ? ${x} : 2)`, (v) => v], // two levels: the parenthesis and the branch
    };
    const levels = (w: string) => (w === 'cond' ? 2 : 1);
    const seen = { value: 0, deep: 0 };
    fc.assert(fc.property(fc.array(fc.constantFrom(...Object.keys(wrap)), { maxLength: 3 * MAX_NESTING, size: 'max' }), (ws) => {
      let text = '3';
      let v = 3n;
      for (const w of ws) {
        text = wrap[w]![0](text);
        v = wrap[w]![1](v);
      }
      const r = evaluate(lex(text).tokens, SPEC_ENV);
      if (ws.reduce((n, w) => n + levels(w), 0) <= MAX_NESTING) {
        assert.deepEqual(r, { value: v });
        seen.value++;
      } else {
        assert.ok(r.tooDeep && r.value === undefined);
        seen.deep++;
      }
    }), { numRuns: 300, seed: 20261201 });
    assert.ok(seen.value > 50 && seen.deep > 50, JSON.stringify(seen));
  });
});

/** A PATCH v4 kernel-doc spec with one parameter block. */
function kdocSpec(name: string, tag: string): string {
  return `/**
 * sys_${name} - hostile ${name}
 * @fd: descriptor
 *
 * contexts: process
 *
 * param: fd
 *   type: int, input
 *   ${tag}
 */
SYSCALL_DEFINE1(${name}, int, fd)
{
	return 0;
}

`;
}

/** An RFC v1 C-macro spec whose parameter 0 holds `param`. */
function macroSpec(name: string, param: string): string {
  return `DEFINE_KERNEL_API_SPEC(sys_${name})
	KAPI_DESCRIPTION("hostile ${name}")
	KAPI_PARAM(0, "fd", "int", "descriptor")
		${param}
	KAPI_PARAM_END
KAPI_END_SPEC;

`;
}

interface Bad { name: string; text: string; diag?: RegExp; check?: (s: ApiSpec) => void }

const maxOf = (s: ApiSpec) => s.params?.[0]?.constraint?.max;

/** Each form 100k levels deep and 1M characters long; and 1M characters that are fine. */
const BAD: Bad[] = [
  { name: 'kd_deep', text: kdocSpec('kd_deep', `constraint-type: range(0, ${parens(DEEP)})`), diag: /constraint-type/ },
  { name: 'kd_meg', text: kdocSpec('kd_meg', `range: 0, ${'-~'.repeat(MEG / 2)}1`), diag: /range/ },
  {
    name: 'kd_flat', text: kdocSpec('kd_flat', `constraint-type: enum(${'1, '.repeat(MEG / 4)}1)`),
    check: (s) => assert.equal(s.params?.[0]?.constraint?.values?.length, MEG / 4 + 1),
  },
  { name: 'mc_deep', text: macroSpec('mc_deep', `KAPI_PARAM_RANGE(0, ${parens(DEEP)})`), diag: /KAPI_PARAM_RANGE/ },
  { name: 'mc_meg', text: macroSpec('mc_meg', `KAPI_PARAM_RANGE(0, ${'BIT('.repeat(MEG / 5)}1${')'.repeat(MEG / 5)})`), diag: /KAPI_PARAM_RANGE/ },
  {
    name: 'mc_flat', text: macroSpec('mc_flat', `KAPI_PARAM_RANGE(0, ${'1 + '.repeat(MEG / 4)}1)`),
    check: (s) => assert.equal(maxOf(s)?.value, BigInt(MEG / 4 + 1)),
  },
  { name: 'di_deep', text: macroSpec('di_deep', `.max_value = ${parens(DEEP)},`), diag: /max_value/ },
  { name: 'di_meg', text: macroSpec('di_meg', `.max_value = ${'!'.repeat(MEG)}1,`), diag: /max_value/ },
  { name: 'di_braces', text: macroSpec('di_braces', `.x = ${'{ .x = '.repeat(DEEP)}1${' }'.repeat(DEEP)},`), diag: /\.x = \{/ },
];

/** Where each bad spec's diagnostic must be: the 257th level of its line. */
function expectedAt(file: string, text: string, bad: Bad): string {
  const lines = text.split('\n');
  const k = lines.findIndex((l) => l.includes(`hostile ${bad.name}`));
  const line = lines.findIndex((l, i) => i > k && bad.diag!.test(l));
  const l = lines[line]!;
  let col: number;
  if (l.includes('{ .x')) col = l.indexOf('{ .x') + 1 + MAX_NESTING * '{ .x = '.length;
  else if (/^ \*/.test(l)) col = l.indexOf(':') + 3; // kernel-doc: the tag's value
  else if (l.includes('BIT(')) col = l.indexOf('BIT(') + 1 + MAX_NESTING * 'BIT('.length + 'BIT'.length; // its `(`
  else if (l.includes('!!')) col = l.indexOf('!') + 1 + MAX_NESTING;
  else col = l.indexOf('(((') + MAX_NESTING + 1;
  return `${file}:${line + 1}:${col}`;
}

describe('hostile specs next to good ones', () => {
  const good = ['rfc1-macro.c', 'patch4-kdoc.c'].map((f) => readFileSync(repoPath(`src/sources/testdata/${f}`), 'utf8'));
  const alone = good.map((g) => specsFromC(g, 'x.c', new DiagSink()));
  const text = good[0] + BAD.map((b) => b.text).join('') + good[1];

  it('reads every good spec, yields the bad ones without the deep value, one diagnostic each', SLOW, () => {
    const d = new DiagSink();
    const specs = specsFromC(text, 'hostile.c', d);
    const byName = new Map(specs.map((s) => [s.name, s]));
    // The first file's specs come out exactly as alone; the second's by name (lines moved).
    for (const s of alone[0]!) assert.deepEqual(JSON.stringify({ ...byName.get(s.name), at: '' }, big), JSON.stringify({ ...s, at: '' }, big).replaceAll('x.c:', 'hostile.c:'));
    for (const s of alone[1]!) assert.ok(byName.has(s.name), s.name);
    for (const b of BAD) {
      const s = byName.get(`sys_${b.name}`);
      assert.ok(s, b.name);
      b.check?.(s);
      if (b.name.startsWith('di_braces')) continue;
      if (b.diag) {
        assert.equal(maxOf(s)?.value, undefined, b.name);
        assert.equal(s.params?.[0]?.constraint?.min?.value ?? 0n, 0n, b.name);
      }
    }
    const want = BAD.filter((b) => b.diag).map((b) => `${expectedAt('hostile.c', text, b)} too-deep sys_${b.name}`).sort();
    const got = d.items.filter((x) => x.code === 'too-deep').map((x) => `${x.at} ${x.code} ${x.spec}`).sort();
    assert.deepEqual(got, want);
    // Nothing else: the hostile specs are otherwise well formed.
    assert.deepEqual(d.items.filter((x) => x.code !== 'too-deep').map(formatDiagnostic), [
      `${expectedAt('hostile.c', text, BAD.find((b) => b.name === 'di_braces')!).replace(/:\d+$/, ':3')}: warning[unknown-field]: unknown field .x in parameter (in sys_di_braces)`,
    ]);
  });

  it('the C-macro parser reads each token a bounded number of times', SLOW, () => {
    const src = BAD.filter((b) => /^(mc|di)_(deep|braces)/.test(b.name)).map((b) => b.text).join('') +
      `static const s64 ${'a['.repeat(DEEP)}\n` + `${'DEFINE_KERNEL_API_SPEC('.repeat(DEEP)}\n`;
    const toks = lex(src).tokens;
    const { t, reads } = counted(toks);
    const d = new DiagSink();
    const mf = parseMacroFile(t, 'm.c', d);
    for (const raw of mf.specs) lowerMacroSpec(raw, mf, d);
    assert.deepEqual(mf.specs.map((s) => s.name), ['sys_mc_deep', 'sys_di_deep', 'sys_di_braces']);
    assert.ok(reads() <= 12 * toks.length, `${reads()} reads for ${toks.length} tokens`);
  });

  it('kapi lists the good specs and reports the bad ones, with no stack trace', SLOW, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kapi-nest-'));
    try {
      const f = join(dir, 'hostile.c');
      const deep = BAD.filter((b) => b.name.endsWith('_deep'));
      writeFileSync(f, good[0] + deep.map((b) => b.text).join('') + good[1]);
      const r = kapi(['--source', f]);
      assert.equal(r.code, 1, r.stderr.slice(0, 400));
      for (const s of [...alone[0]!, ...alone[1]!]) assert.match(r.stdout, new RegExp(`\\b${s.name}\\b`));
      const lines = r.stderr.trim().split('\n');
      assert.deepEqual(lines.map((l) => /\[([a-z-]+)\].*\(in (\w+)\)$/.exec(l)?.slice(1).join(' ')), deep.map((b) => `too-deep sys_${b.name}`));
      for (const l of lines) assert.match(l, /^\S+:\d+:\d+: error\[too-deep\]: expression nested deeper than 256 levels \(in sys_\w+\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('random nesting depth in each spec form: a value up to the limit, a diagnostic past it', SLOW, () => {
    const forms = [
      (e: string) => kdocSpec('p', `constraint-type: range(0, ${e})`),
      (e: string) => macroSpec('p', `KAPI_PARAM_RANGE(0, ${e})`),
      (e: string) => macroSpec('p', `.max_value = ${e},`),
    ];
    const seen = { value: 0, deep: 0 };
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 * MAX_NESTING }), fc.nat({ max: forms.length - 1 }), (n, k) => {
      const d = new DiagSink();
      const specs = specsFromC(good[1] + forms[k]!(parens(n, '5')), 'p.c', d);
      const s = specs.find((x) => x.name === 'sys_p');
      assert.ok(s && specs.length === alone[1]!.length + 1);
      const deep = d.items.filter((x) => x.code === 'too-deep');
      if (n <= MAX_NESTING) {
        assert.equal(maxOf(s)?.value, 5n);
        assert.equal(deep.length, 0);
        seen.value++;
      } else {
        assert.equal(maxOf(s)?.value, undefined);
        assert.equal(deep.length, 1);
        seen.deep++;
      }
    }), { numRuns: 150, seed: 20261202 });
    assert.ok(seen.value > 20 && seen.deep > 20, JSON.stringify(seen));
  });
});

function big(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? `${v}n` : v;
}
