// Output formats: golden files for every format and input, RST through the real docutils parser
// in strict mode, man pages through groff with warnings on. KAPI_UPDATE_GOLDEN=1 rewrites goldens.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { stringifyDoc, toJsonDoc } from '../model/json.js';
import { normalize } from '../model/normalize.js';
import type { ApiSpec, SpecSet } from '../model/types.js';
import { readSourcePath } from '../sources/index.js';
import { FIXTURE_FILES, readFixture, repoPath } from '../testutil.js';
import { renderMan, roffEscape } from './man.js';
import { renderPlainList, renderPlainSpec, renderPlainSpecs } from './plain.js';
import { renderRstList, renderRstSpec, renderRstSpecs, rstEscape } from './rst.js';

const inputs = new Map<string, SpecSet>();

before(async () => {
  const d = new DiagSink();
  inputs.set('corpus', normalize(await readSourcePath(repoPath('specs'), d, { displayRoot: 'specs' }), d));
  assert.deepEqual(d.items, [], 'the corpus reads without diagnostics');
  for (const f of FIXTURE_FILES) inputs.set(f.replace(/\.c$/, ''), readFixture(f).set);
});

const RENDER: Record<string, (s: SpecSet) => string> = {
  txt: (s) => renderPlainList(s) + '\n' + renderPlainSpecs(s.specs),
  json: (s) => stringifyDoc(toJsonDoc(s)),
  rst: (s) => renderRstList(s) + '\n' + renderRstSpecs(s.specs),
  man: (s) => s.specs.map((x) => renderMan(x)).join('.\\" ----\n'),
};

function golden(name: string, actual: string): void {
  const path = repoPath(`src/render/testdata/golden/${name}`);
  if (process.env['KAPI_UPDATE_GOLDEN'] || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!process.env['KAPI_UPDATE_GOLDEN']) assert.fail(`golden file ${name} was missing and has been written; check it in`);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from ${name}; run KAPI_UPDATE_GOLDEN=1 npm test to accept`);
}

describe('golden files', () => {
  for (const fmt of Object.keys(RENDER)) {
    it(`${fmt} for the corpus and every fixture`, () => {
      for (const [name, set] of inputs) golden(`${name}.${fmt}`, RENDER[fmt]!(set));
    });
  }
});

/** A python3 that has docutils: Debian's first (CI installs python3-docutils), then PATH. */
function docutilsPython(): string {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import docutils'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  throw new Error('no python3 with docutils found: install python3-docutils');
}

const STRICT_RST = `
import sys, docutils.core, docutils.utils
try:
    docutils.core.publish_doctree(sys.stdin.read(), settings_overrides={
        'halt_level': 2, 'report_level': 2, 'warning_stream': sys.stderr})
except docutils.utils.SystemMessage as e:
    print(e, file=sys.stderr)
    sys.exit(1)
`;

describe('RST parses with docutils in strict mode', () => {
  const py = docutilsPython();
  it('every input, list and detail', () => {
    for (const [name, set] of inputs) {
      const r = spawnSync(py, ['-c', STRICT_RST], { input: RENDER['rst']!(set), encoding: 'utf8' });
      assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${name}: ${r.stderr}`);
    }
  });
  it('text that looks like markup comes back as the same text, in a paragraph and a field', () => {
    const hostile = ['\\\\', '\\', '----', '==== ====', '== ==', '-', '+', '1.', '1. x', 'a. Smith', 'A) b', '(c) x',
      'ii. x', '(iv) y', '#. z', '>>> x', '.. note:: x', '+---+---+', '| a | b |', '::', 'text::', '* x', 'x_',
      '`x`', '|x|', '_x', '***', '~~~~', '1)', '\u2022', ':field: x', '-- --', '...', '%%%%', '0x1 | 0x2', '-f FILE'];
    // Each text, escaped, as a paragraph and as a field value; docutils prints what each became.
    const doc = hostile.map((h) => `${rstEscape(h)}\n\n:f: ${rstEscape(h)}\n`).join('\n');
    const dump = `
import sys, docutils.core
doc = docutils.core.publish_doctree(sys.stdin.read(), settings_overrides={'halt_level': 2, 'report_level': 2})
for n in doc.children:
    kinds = sorted({x.tagname for x in n.traverse()} - {'paragraph', '#text', 'field_list', 'field', 'field_name', 'field_body'})
    text = n.astext()[1:].strip() if n.tagname == 'field_list' else n.astext()
    print(n.tagname, ','.join(kinds) or '-', text.replace('\\n', ' '), sep='\\t')
`;
    const r = spawnSync(py, ['-c', dump], { input: `Intro.\n\n${doc}`, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const got = r.stdout.trimEnd().split('\n').slice(1);
    const want = hostile.flatMap((h) => [`paragraph\t-\t${h}`, `field_list\t-\t${h}`]);
    assert.deepEqual(got, want);
  });
  it('the strict check fails on a broken document', () => {
    const r = spawnSync(py, ['-c', STRICT_RST], { input: 'Title\n==\n\n`unclosed\n', encoding: 'utf8' });
    assert.notEqual(r.status, 0);
  });
});

describe('man pages render through groff without warnings', () => {
  it('every spec of every input', () => {
    for (const [name, set] of inputs) {
      for (const s of set.specs) {
        const r = spawnSync('groff', ['-man', '-ww', '-z'], { input: renderMan(s), encoding: 'utf8' });
        assert.equal(r.status, 0, `${name}/${s.name}: ${r.stderr}`);
        assert.equal(r.stderr, '', `${name}/${s.name}: ${r.stderr}`);
      }
    }
  });
  it('non-ASCII, control characters and lone surrogates: no groff warning, text kept', () => {
    const page = `.TH X 2\n.SH NAME\n${roffEscape('caf\u00e9 \u2014 \ud800 a\x7fb \u{1F600}')}\n`;
    // On the terminal device man uses; PostScript fonts simply lack some of these glyphs.
    const warn = spawnSync('groff', ['-man', '-ww', '-z', '-Tutf8'], { input: page, encoding: 'utf8' });
    assert.equal(warn.stderr, '');
    const out = spawnSync('groff', ['-man', '-Tutf8', '-P-c'], { input: page, encoding: 'utf8' });
    assert.match(out.stdout, /caf\u00e9 \u2014 \ufffd ab \u{1F600}/u);
  });
  it('has the section-2 sections', () => {
    const page = renderMan(inputs.get('corpus')!.specs.find((s) => s.name === 'sys_epoll_ctl')!);
    for (const h of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'RETURN VALUE', 'ERRORS', 'LOCKING', 'SIDE EFFECTS']) {
      assert.match(page, new RegExp(`^\\.SH ${h}$`, 'm'));
    }
    assert.match(page, /^\.BR "EEXIST" " \(17\)"$/m);
  });
  it('errno numbers follow --arch', () => {
    const s = inputs.get('corpus')!.specs.find((x) => x.name === 'sys_epoll_ctl')!;
    assert.match(renderMan(s, 'mips'), /^\.BR "ELOOP" " \(90\)"$/m);
    assert.match(renderMan(s), /^\.BR "ELOOP" " \(40\)"$/m);
  });
});

describe('every networking entry shows in every format', () => {
  const FORMATS: Record<string, (s: ApiSpec) => string> = {
    plain: renderPlainSpec, rst: renderRstSpec, man: (s) => renderMan(s),
    json: (s) => stringifyDoc(toJsonDoc(normalize([s], new DiagSink()))),
  };
  let marker = 0;
  /** Each leaf of the networking part changed in turn: a spec per leaf, with the leaf's path and new text. */
  function* mutants(spec: ApiSpec): Generator<[path: string, spec: ApiSpec, text: string | undefined]> {
    function* walk(v: unknown, path: string[], set: (x: unknown) => unknown): Generator<[string, unknown, string | undefined]> {
      const mark = `ZQX${++marker}`;
      if (typeof v === 'string') yield [path.join('.'), set(`${v} ${mark}`), mark];
      else if (typeof v === 'boolean') yield [path.join('.'), set(!v), undefined];
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) yield [path.join('.'), set([mark.toLowerCase()]), mark.toLowerCase()];
      else if (v && typeof v === 'object' && 'text' in v) yield [path.join('.'), set({ text: mark }), mark];
      else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) yield* walk(v[i], [...path, String(i)], (x) => set(v.map((y, j) => (j === i ? x : y))));
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) yield* walk(x, [...path, k], (y) => set({ ...v, [k]: y }));
      }
    }
    for (const [path, network, text] of walk(spec.network, ['network'], (x) => x)) {
      yield [path, { ...spec, network: network as ApiSpec['network'] }, text];
    }
  }

  for (const name of ['sys_socket', 'sys_recvfrom', 'sys_listen']) {
    it(name, () => {
      const spec = inputs.get('rfc2-net')!.specs.find((s) => s.name === name)!;
      const base = Object.fromEntries(Object.entries(FORMATS).map(([f, r]) => [f, r(spec)]));
      let leaves = 0;
      for (const [path, m, text] of mutants(spec)) {
        leaves++;
        for (const [f, r] of Object.entries(FORMATS)) {
          const out = r(m);
          assert.notEqual(out, base[f], `${f} does not show ${path}`);
          if (text) assert.ok(out.includes(text), `${f} does not show the text of ${path}`);
        }
      }
      assert.ok(leaves >= 20, `${name}: only ${leaves} networking entries walked`);
    });
  }

  it('each networking part has its section: titles, man headings', () => {
    const spec = inputs.get('rfc2-net')!.specs.find((s) => s.name === 'sys_recvfrom')!;
    const titles = ['Socket state', 'Protocol behaviours (2)', 'Address families (1)', 'Buffers', 'Blocking and asynchronous use', 'Network semantics'];
    const plain = renderPlainSpec(spec), rst = renderRstSpec(spec), man = renderMan(spec);
    for (const t of titles) {
      assert.match(plain, new RegExp(`^${t.replace(/[()]/g, '\\$&')}:$`, 'm'));
      assert.match(rst, new RegExp(`^${t.replace(/[()]/g, '\\$&')}\n-{${t.length}}$`, 'm'));
    }
    for (const h of ['SOCKET STATE', 'PROTOCOLS', 'ADDRESS FAMILIES', 'BUFFERS', 'ASYNCHRONOUS USE', 'NETWORK SEMANTICS']) {
      assert.match(man, new RegExp(`^\\.SH ${h}$`, 'm'));
    }
    assert.match(plain, /^ {2}modes: epoll, nonblock, poll_ready$/m);
    assert.match(rst, /^:non-blocking error: EAGAIN$/m);
    assert.match(man, /^\.I select and poll\nyes$/m);
    const socket = renderPlainSpec(inputs.get('rfc2-net')!.specs.find((s) => s.name === 'sys_socket')!);
    assert.match(socket, /^ {2}modes: blocking only$/m, 'an empty mode list is blocking only');
    assert.match(socket, /^ {2}behaviours: none$/m, 'an empty behaviour list says none');
    assert.match(socket, /^ {2}connection oriented: no$/m, 'false is shown, not left out');
  });
});
