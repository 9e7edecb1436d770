// Output formats: golden files for every format and input, RST through the real docutils parser
// in strict mode, man pages through groff with warnings on. KAPI_UPDATE_GOLDEN=1 rewrites goldens.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { stringifyDoc, toJsonDoc } from '../model/json.js';
import { normalize } from '../model/normalize.js';
import type { SpecSet } from '../model/types.js';
import { readSourcePath } from '../sources/index.js';
import { FIXTURE_FILES, readFixture, repoPath } from '../testutil.js';
import { renderMan } from './man.js';
import { renderPlainList, renderPlainSpecs } from './plain.js';
import { renderRstList, renderRstSpecs } from './rst.js';

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
