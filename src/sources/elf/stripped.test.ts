// Stripped PATCH v4 images: the corpus built with gcc and linked the way the kernel links it
// (the spec pointers inside .rodata between __start_kapi_specs and __stop_kapi_specs), then
// stripped with strip and objcopy -S, and a separate .kapi_specs removed or renamed. Without
// symbols or section the records are found by their magic words; every variant must read back
// exactly the specs of the unstripped file. Mutated stripped images run in a child process with
// a timeout: the scan must neither throw nor loop.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { comparable, kapi, repoPath, CORPUS18 } from '../../testutil.js';
import { readSourcePath } from '../index.js';
import { emitC, RODATA_LDS } from './fixture-c.js';
import { specsFromElf } from './index.js';

interface Target { name: string; cc: string[]; ld: string[]; tools: string; base: string }
const TARGETS: Target[] = [
  { name: 'x86_64', cc: ['gcc'], ld: ['ld'], tools: '', base: '0xffffffff81000000' },
  { name: 'i386', cc: ['gcc', '-m32'], ld: ['ld', '-m', 'elf_i386'], tools: '', base: '0xc1000000' },
  { name: 's390x', cc: ['s390x-linux-gnu-gcc'], ld: ['s390x-linux-gnu-ld'], tools: 's390x-linux-gnu-', base: '0x1000000' },
];
const INCLUDE = repoPath('include/kapi');

let dir = '';

function run(cmd: string[]): void {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd.join(' ')}\n${r.stderr}`);
}

/** Builds the corpus for a target with a linker script; returns the ELF path. */
export function buildV4(work: string, t: Target, lds: string, tag: string): string {
  const obj = join(work, `v4-${t.name}.o`);
  const elf = join(work, `v4-${t.name}-${tag}.elf`);
  run([...t.cc, '-c', '-O2', '-Wall', `-I${INCLUDE}`, '-o', obj, join(work, 'v4.c')]);
  run([...t.ld, '-T', lds, `--defsym=KAPI_BASE=${t.base}`, '-e', '0', '-o', elf, obj]);
  return elf;
}


function readElf(path: string): { specs: ApiSpec[]; summary: string; diags: DiagSink } {
  const diags = new DiagSink();
  const r = specsFromElf(path, diags);
  return { specs: r.specs, summary: r.summary ?? '', diags };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kapi-strip-'));
  const corpus = await readSourcePath(repoPath(CORPUS18), new DiagSink(), { displayRoot: 'specs' });
  writeFileSync(join(dir, 'v4.c'), emitC(corpus, 'v4', 'specs/'));
  writeFileSync(join(dir, 'rodata.lds'), RODATA_LDS);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('a stripped PATCH v4 image reads back the specs of the unstripped one', () => {
  for (const t of TARGETS) {
    it(`${t.name}: pointers in .rodata; strip and objcopy -S leave no symbols, the magic words find every record`, () => {
      const full = buildV4(dir, t, join(dir, 'rodata.lds'), 'rodata');
      const want = readElf(full);
      assert.deepEqual(want.diags.items, []);
      assert.match(want.summary, /via __start_kapi_specs\/__stop_kapi_specs: 18 spec pointers/);
      assert.equal(want.specs.length, 18);
      for (const [how, cmd] of [['strip', [`${t.tools}strip`, '-o']], ['objcopy -S', [`${t.tools}objcopy`, '-S']]] as const) {
        const out = join(dir, `${t.name}-${how.replace(/\W/g, '')}.elf`);
        run(how === 'strip' ? [cmd[0], full, ...cmd.slice(1), out] : [...cmd, full, out]);
        assert.equal(spawnSync(`${t.tools}nm`, [out], { encoding: 'utf8' }).stderr.includes('no symbols'), true, `${how} left symbols`);
        const got = readElf(out);
        assert.deepEqual(got.diags.items, [], how);
        assert.match(got.summary, /no \.kapi_specs section and no __start_kapi_specs\/__stop_kapi_specs symbols \(the file has no symbol table\): 18 records found by a magic-word scan of [\d.]+ MiB of loaded data \(\d+ magic words, 18 candidate records, 0 rejected\), PATCH v3\/v4 pointer records \(built-in offsets\)/, how);
        assert.deepEqual(comparable(got.specs), comparable(want.specs), how);
      }
    });
  }
  it('x86_64: a separate .kapi_specs removed or renamed, symbols stripped', () => {
    const full = buildV4(dir, TARGETS[0]!, join(INCLUDE, 'kapi.lds'), 'section');
    const want = readElf(full);
    assert.equal(want.specs.length, 18);
    for (const [tag, args] of [['removed', ['--remove-section', '.kapi_specs']], ['renamed', ['--rename-section', '.kapi_specs=.data.rel.ro.kapi']]] as const) {
      const out = join(dir, `x86_64-${tag}.elf`);
      run(['objcopy', '-S', ...args, full, out]);
      const got = readElf(out);
      assert.deepEqual(got.diags.items, [], tag);
      assert.match(got.summary, /18 records found by a magic-word scan/, tag);
      assert.deepEqual(comparable(got.specs), comparable(want.specs), tag);
    }
    // Stripped with the section kept: the section is found as before.
    const kept = join(dir, 'x86_64-kept.elf');
    run(['strip', '-o', kept, full]);
    const got = readElf(kept);
    assert.match(got.summary, /via section \.kapi_specs: 18 spec pointers/);
    assert.deepEqual(comparable(got.specs), comparable(want.specs));
  });
  it('x86_64: no section headers at all (e_shoff 0): the PT_LOAD segments are scanned', () => {
    const out = join(dir, 'x86_64-nosections.elf');
    run(['strip', '-o', out, buildV4(dir, TARGETS[0]!, join(dir, 'rodata.lds'), 'rodata')]);
    const b = readFileSync(out);
    b.writeBigUInt64LE(0n, 40); // e_shoff
    b.writeUInt16LE(0, 60); // e_shnum
    b.writeUInt16LE(0, 62); // e_shstrndx
    writeFileSync(out, b);
    const got = readElf(out);
    assert.deepEqual(got.diags.items, []);
    assert.match(got.summary, /18 records found by a magic-word scan/);
    assert.deepEqual(comparable(got.specs), comparable(readElf(buildV4(dir, TARGETS[0]!, join(dir, 'rodata.lds'), 'rodata')).specs));
  });
  it('a magic word out of place rejects that record only, and -v counts it', () => {
    const out = join(dir, 'x86_64-rodata-stripped.elf');
    run(['strip', '-o', out, buildV4(dir, TARGETS[0]!, join(dir, 'rodata.lds'), 'rodata')]);
    const b = readFileSync(out);
    const at = b.indexOf(Buffer.from([0x33, 0x45, 0x41, 0x4b])); // KAPI_MAGIC_ERRORS, little-endian
    b[at] = 0x30;
    const bad = join(dir, 'x86_64-rodata-badmagic.elf');
    writeFileSync(bad, b);
    const got = readElf(bad);
    assert.equal(got.specs.length, 17);
    assert.deepEqual(got.diags.items, []);
    assert.match(got.summary, /17 records found by a magic-word scan .*18 candidate records, 1 rejected/);
  });
  it('kapi --vmlinux -v on a stripped image says how the records were found', () => {
    const out = join(dir, 'x86_64-cli.elf');
    run(['strip', '-o', out, buildV4(dir, TARGETS[0]!, join(dir, 'rodata.lds'), 'rodata')]);
    const r = kapi(['--vmlinux', out, '-v']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Total specifications found: 18/);
    assert.match(r.stderr, /^kapi: .*x86_64-cli\.elf: no \.kapi_specs section .*: 18 records found by a magic-word scan/m);
  });
  it('an image without specs or magic words is "no specs", naming what was searched', () => {
    const c = join(dir, 'plain.c');
    writeFileSync(c, 'const char kapi_text[] = "KAPI KAP1 not a record";\nint kapi_nothing = 1;\n');
    run(['gcc', '-c', '-o', join(dir, 'plain.o'), c]);
    run(['ld', '-T', join(dir, 'rodata.lds'), '--defsym=KAPI_BASE=0x400000', '-e', '0', '-o', join(dir, 'plain.elf'), join(dir, 'plain.o')]);
    run(['strip', join(dir, 'plain.elf')]);
    const r = kapi(['--vmlinux', join(dir, 'plain.elf')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /plain\.elf: error\[no-specs\]: no \.kapi_specs section and no __start_kapi_specs\/__stop_kapi_specs symbols \(the file has no symbol table\), and no PATCH v3\/v4 magic word in its [\d.]+ MiB of loaded data: built without CONFIG_KAPI_SPEC\?/);
  });
  it('mutated stripped images never make the reader throw or loop', { skip: false }, () => {
    const out = join(dir, 'x86_64-fuzz.elf');
    run(['strip', '-o', out, buildV4(dir, TARGETS[0]!, join(dir, 'rodata.lds'), 'rodata')]);
    const code = `
      import fc from 'fast-check';
      import { readFileSync, writeFileSync } from 'node:fs';
      import { DiagSink } from ${JSON.stringify(new URL('../../diag/index.js', import.meta.url).href)};
      import { specsFromElf } from ${JSON.stringify(new URL('./index.js', import.meta.url).href)};
      const src = readFileSync(${JSON.stringify(out)});
      // Mutations land near magic words (record fields) as often as anywhere.
      const magics = [];
      for (let p = src.indexOf(Buffer.from([0x41, 0x4b])); p >= 0; p = src.indexOf(Buffer.from([0x41, 0x4b]), p + 1)) if ((p - 2) % 4 === 0) magics.push(p - 2);
      const mutant = ${JSON.stringify(join(dir, 'mutant.elf'))};
      let found = 0;
      fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: -64, max: 64 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 10 }), (edits) => {
        const b = Buffer.from(src);
        for (const [near, p, d, v] of edits) b[near ? Math.max(0, Math.min(b.length - 1, magics[p % magics.length] + d)) : p % b.length] = v;
        writeFileSync(mutant, b);
        const diags = new DiagSink();
        const r = specsFromElf(mutant, diags);
        if (!Array.isArray(r.specs)) throw new Error('no specs array');
        found += r.specs.length;
        for (const x of diags.items) if (!/mutant\\.elf(\\+0x[0-9a-f]+)?$/.test(x.at)) throw new Error('bad position ' + x.at);
      }), { numRuns: 400, seed: 5 });
      console.log('specs', found);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 240_000, cwd: repoPath('.') });
    assert.equal(r.error, undefined);
    assert.equal(r.signal, null, `the fuzz run was killed (the reader loops?)\n${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /specs [1-9]\d*/);
  });
});
