// Control characters never reach the terminal raw: every diagnostic escapes them, and the plain
// list and show output escapes them in spec text while keeping its own layout.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../model/normalize.js';
import type { ApiSpec } from '../model/types.js';
import { renderPlainList, renderPlainSpec } from '../render/index.js';
import { formatText } from '../report/index.js';
import { DiagSink, escapeControls, excerpt, formatDiagnostic } from './index.js';

/** One of each kind that must be escaped: C0 (with newline and tab), DEL, C1, separators, bidi. */
const HOSTILE = ['\x00', '\x07', '\t', '\n', '\r', '\x1b', '\x7f', '\x80', '\x9b', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u200f', '\u061c'];
const RAW = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeControls', () => {
  it('writes every control character as \\xNN or \\uNNNN', () => {
    for (const c of HOSTILE) {
      const out = escapeControls(`a${c}b`);
      assert.doesNotMatch(out, RAW, JSON.stringify(c));
      assert.match(out, /^a\\(x[0-9a-f]{2}|u[0-9a-f]{4})b$/, JSON.stringify(c));
    }
    assert.equal(escapeControls('\x1b[31m'), '\\x1b[31m');
    assert.equal(escapeControls('\u202e'), '\\u202e');
  });
  it('leaves ordinary text, including non-ASCII letters, alone', () => {
    const s = 'sys_read: ünïcödé — "quotes" \\ backslash 日本';
    assert.equal(escapeControls(s), s);
  });
  it('keeps the characters it is told to keep', () => {
    assert.equal(escapeControls('a\tb\nc', '\t'), 'a\tb\\x0ac');
  });
});

describe('excerpt', () => {
  it('is short and escaped', () => {
    const e = excerpt(`\x1b]0;title\x07${'x'.repeat(10_000)}`, 20);
    assert.ok(e.length < 40, e);
    assert.ok(e.endsWith('...'));
    assert.doesNotMatch(e, RAW);
    assert.equal(excerpt('short'), 'short');
  });
});

describe('formatDiagnostic', () => {
  it('escapes control characters in the position, the message and the spec name', () => {
    const d = new DiagSink();
    d.report('bad-debugfs', 'dir/\x1b[2Jfile:1:1', 'unexpected line \'\x1b]0;pwned\x07\r\n\u202eevil\'', 'sys_\x1bx');
    const line = formatDiagnostic(d.items[0]!);
    assert.doesNotMatch(line, RAW);
    assert.equal(line, "dir/\\x1b[2Jfile:1:1: error[bad-debugfs]: unexpected line '\\x1b]0;pwned\\x07\\x0d\\x0a\\u202eevil' (in sys_\\x1bx)");
  });
  it('lint and diff text output escapes findings too', () => {
    const out = formatText([{ id: 'bad-json', level: 'error', at: 'f\x1b.json', message: 'm\x07', spec: 's\u2028' }]);
    assert.doesNotMatch(out.replace(/\n/g, ''), RAW);
    assert.match(out, /^f\\x1b\.json: error\[bad-json\]: m\\x07 \(in s\\u2028\)$/m);
  });
});

describe('plain list and show output', () => {
  const evil: ApiSpec = {
    name: 'sys_ev\x1b[31mil', kind: 'syscall', source_format: 'kernel-doc/patch-v4', at: 'x.c:1:1',
    description: 'clears\x1b[2J the\r\nscreen\u202e',
    long_description: 'first paragraph\x07\n\nsecond \x1b]0;title\x07 paragraph',
    params: [{ index: 0, name: 'fd\x9b', at: 'x.c:2:1', description: 'a\x1bb' }],
    errors: [{ name: 'EINVAL', at: 'x.c:3:1', description: 'bad\x00thing', condition: 'when\x7f' }],
    examples: 'int fd = open("x");\n\tif (fd < 0)\x1b[8m\n\t\treturn 1;',
  };
  const set = normalize([evil], new DiagSink());
  const list = renderPlainList(set);
  const show = renderPlainSpec(set.specs[0]!);

  it('no raw control character but the layout\'s newlines and the examples\' tabs', () => {
    for (const out of [list, show]) assert.doesNotMatch(out.replace(/[\n\t]/g, ''), RAW);
    assert.match(list, /^ {2}sys_ev\\x1b\[31mil {2}clears\\x1b\[2J the\\x0d\\x0ascreen\\u202e$/m);
    assert.match(show, /^sys_ev\\x1b\[31mil - /m);
  });
  it('a newline inside a one-line value does not make a line of its own', () => {
    const lines = list.split('\n');
    assert.equal(lines.filter((l) => l.includes('sys_ev')).length, 1);
    assert.ok(!lines.some((l) => l.startsWith('screen')));
  });
  it('paragraphs and verbatim lines stay where the renderer puts them', () => {
    assert.match(show, /\n {2}first paragraph\\x07\n\n {2}second \\x1b\]0;title\\x07 paragraph\n/);
    assert.match(show, /\n {2}int fd = open\("x"\);\n {2}\tif \(fd < 0\)\\x1b\[8m\n {2}\t\treturn 1;\n/);
  });
});
