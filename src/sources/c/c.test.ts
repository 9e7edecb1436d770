// The C lexer and the constant evaluator on their own.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPEC_ENV } from '../values.js';
import { evalText, tokensText } from './expr.js';
import { decodeCString, lex } from './lexer.js';

describe('lexer', () => {
  it('skips preprocessor directives with continuations, keeps positions', () => {
    const r = lex('#define X(a) \\\n  KAPI_PARAM(a)\nint y; /* c */ z\n');
    assert.deepEqual(r.tokens.map((t) => [t.text, t.line, t.col]), [['int', 3, 1], ['y', 3, 5], [';', 3, 6], ['z', 3, 16]]);
  });
  it('decodes escapes and keeps adjacent literals separate tokens', () => {
    const r = lex('"a\\"b\\n" "c\\x41\\101"');
    assert.deepEqual(r.tokens.map((t) => t.str), ['a"b\n', 'cAA']);
    assert.equal(decodeCString('tab\\there'), 'tab\there');
  });
  it('collects kernel-doc comments, not ordinary ones', () => {
    const r = lex('/* no */\n/** yes */\nint f(void);\n/***/');
    assert.equal(r.docs.length, 1);
    assert.equal(r.docs[0]!.line, 2);
    assert.equal(r.tokens[r.docs[0]!.nextToken]!.text, 'int');
  });
  it('reports unterminated literals and comments at their start', () => {
    const r = lex('x = "abc\n/* never closed\n\n');
    assert.deepEqual(r.problems.map((p) => [p.line, p.col]), [[1, 5], [2, 1]]);
  });
});

describe('constant evaluation', () => {
  const cases: [string, bigint | undefined][] = [
    ['EPOLL_CLOEXEC', 0x80000n],
    ['MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT', 7n],
    ['SZ_4M - 1', 0x3fffffn],
    ['sizeof(struct epoll_event)', 12n],
    ['INT_MAX / sizeof(struct epoll_event)', 178956970n],
    ['MAX_RW_COUNT', 0x7ffff000n],
    ['(unsigned long)-1', -1n],
    ['1UL << 63', 1n << 63n],
    ['~0', -1n],
    ['BIT(3) | GENMASK(1, 0)', 11n],
    ['-EINVAL', -22n],
    ['O_CREAT | O_EXCL', 0o300n],
    ['AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW', 0x1100n],
    ['1 ? 2 : 3', 2n],
    ['UNKNOWN_NAME | 1', undefined],
    ['1 / 0', undefined],
    ['(1', undefined],
    ['1 << 200', undefined],
  ];
  for (const [text, want] of cases) it(text, () => assert.equal(evalText(text, SPEC_ENV), want));

  it('canonical text of a token run', () => {
    assert.equal(tokensText(lex('sizeof ( struct  epoll_event )').tokens), 'sizeof(struct epoll_event)');
    assert.equal(tokensText(lex('-EINVAL').tokens), '-EINVAL');
    assert.equal(tokensText(lex('SZ_4M-1').tokens), 'SZ_4M - 1');
  });
});
