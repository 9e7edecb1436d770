// ELF sources against fixtures built here with the real gcc and ld: the bundled corpus emitted as
// C for each layout, compiled for x86-64, i386 and big-endian s390x, linked with a script that
// places .kapi_specs the way the kernel does. The same specs must come back as from the source.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { kapi, repoPath, tempDir, CORPUS18 } from '../../testutil.js';
import { readSourcePath, specsFromC } from '../index.js';
import { emitC } from './fixture-c.js';
import { specsFromElf } from './index.js';
import { layoutOf, V1_SPEC, V4_SPEC, type Abi, type StructDef } from './layout.js';

interface Target { name: string; cc: string[]; ld: string[]; base: string; abi: Omit<Abi, 'packed'> }

const TARGETS: Target[] = [
  { name: 'x86_64', cc: ['gcc'], ld: ['ld'], base: '0xffffffff81000000', abi: { ptrSize: 8, align64: 8 } },
  { name: 'i386', cc: ['gcc', '-m32'], ld: ['ld', '-m', 'elf_i386'], base: '0xc1000000', abi: { ptrSize: 4, align64: 4 } },
  { name: 's390x', cc: ['s390x-linux-gnu-gcc'], ld: ['s390x-linux-gnu-ld'], base: '0x1000000', abi: { ptrSize: 8, align64: 8 } },
];
const INCLUDE = repoPath('include/kapi');
let dir = '';
let corpus: ApiSpec[] = [];
const sources: Record<'v1' | 'v4', string> = { v1: '', v4: '' };

function run(cmd: string[]): void {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd.join(' ')}\n${r.stderr}`);
  assert.equal(r.stderr, '', `${cmd.join(' ')} printed warnings:\n${r.stderr}`);
}

/** Compiles and links one layout for one target; returns the ELF path. */
function build(layout: 'v1' | 'v4', t: Target, extra: string[] = [], tag = ''): string {
  const obj = join(dir, `${layout}-${t.name}${tag}.o`);
  const elf = join(dir, `${layout}-${t.name}${tag}.elf`);
  run([...t.cc, '-c', '-O2', '-Wall', `-I${INCLUDE}`, ...extra, '-o', obj, join(dir, `${layout}.c`)]);
  run([...t.ld, '-T', join(INCLUDE, 'kapi.lds'), `--defsym=KAPI_BASE=${t.base}`, '-e', '0', '-o', elf, obj]);
  return elf;
}

/** What both sides must agree on: values, not spelling or position; what no layout stores goes. */
function project(v: unknown): unknown {
  if (typeof v === 'bigint') return BigInt.asIntN(64, v).toString();
  if (Array.isArray(v)) return v.map(project);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (typeof o['text'] === 'string' && keys.every((k) => k === 'text' || k === 'value')) {
      return o['value'] === undefined ? `?${o['text']}` : BigInt.asIntN(64, o['value'] as bigint).toString();
    }
    const out: Record<string, unknown> = {};
    for (const k of keys.sort()) {
      // Positions and readers differ by nature, kapi-* extensions live only in text sources, and
      // false and zero priority are how a binary says "unset".
      if (['at', 'source_format', 'signature', 'version', 'ext'].includes(k)) continue;
      if (o[k] === false || (k === 'priority' && o[k] === 0)) continue;
      out[k] = project(o[k]);
    }
    return out;
  }
  return v;
}

const byName = (specs: ApiSpec[]) => new Map(specs.map((s) => [s.name, project(s)]));

before(async () => {
  dir = tempDir('kapi-elf-');
  const d = new DiagSink();
  corpus = await readSourcePath(repoPath(CORPUS18), d, { displayRoot: 'specs' });
  for (const l of ['v1', 'v4'] as const) {
    sources[l] = emitC(corpus, l, 'specs/');
    writeFileSync(join(dir, `${l}.c`), sources[l]);
  }
});

describe('struct layouts match gcc', () => {
  function asserts(def: StructDef, packed: boolean, t: Target): string {
    const l = layoutOf(def, { ...t.abi, packed });
    const lines = [`_Static_assert(sizeof(struct ${def.name}) == ${l.size}, "size of ${def.name}");`];
    for (const [f, p] of l.fields) lines.push(`_Static_assert(offsetof(struct ${def.name}, ${f}) == ${p.offset}, "${def.name}.${f}");`);
    for (const p of l.fields.values()) {
      const tt = p.type;
      if (typeof tt === 'object' && 'array' in tt && typeof tt.array === 'object' && 'struct' in tt.array) lines.push(asserts(tt.array.struct, packed, t));
      if (typeof tt === 'object' && 'struct' in tt) lines.push(asserts(tt.struct, packed, t));
    }
    return [...new Set(lines.join('\n').split('\n'))].join('\n');
  }
  for (const t of TARGETS) {
    for (const [layout, def, packed] of [['v1', V1_SPEC, true], ['v4', V4_SPEC, false]] as const) {
      it(`${layout} on ${t.name}: every offset and size as computed`, () => {
        const c = join(dir, `asserts-${layout}-${t.name}.c`);
        writeFileSync(c, `#include "kapi_${layout}.h"\n${asserts(def, packed, t)}\n`);
        run([...t.cc, '-fsyntax-only', `-I${INCLUDE}`, c]);
      });
    }
  }
  it('the documented sizes', () => {
    assert.equal(layoutOf(V1_SPEC, { ptrSize: 8, align64: 8, packed: true }).size, 308049);
    assert.equal(layoutOf(V4_SPEC, { ptrSize: 8, align64: 8, packed: false }).size, 26400);
    assert.equal(layoutOf(V4_SPEC, { ptrSize: 4, align64: 4, packed: false }).size, 18408);
  });
});

describe('one truth: the same specs from C source and from the compiled ELF', () => {
  for (const t of TARGETS) {
    it(`PATCH v4 pointer layout, ${t.name}: ELF == the corpus read from kernel-doc`, () => {
      const d = new DiagSink();
      const got = specsFromElf(build('v4', t), d);
      assert.deepEqual(d.items, []);
      assert.match(got.summary!, /PATCH v3\/v4 pointer records/);
      assert.deepEqual(byName(got.specs), byName(corpus));
      assert.ok(got.specs.every((s) => s.source_format === 'elf/pointer-layout' && /\.elf\+0x[0-9a-f]+$/.test(s.at)));
    });
    it(`RFC v1 packed layout, ${t.name}: ELF == the same C read as macro DSL`, () => {
      const d = new DiagSink();
      const got = specsFromElf(build('v1', t), d);
      assert.deepEqual(d.items, []);
      assert.match(got.summary!, /RFC v1 packed records/);
      const src = specsFromC(sources.v1, 'v1.c', d);
      assert.deepEqual(d.items, []);
      assert.equal(got.specs.length, 18);
      assert.deepEqual(byName(got.specs), byName(src));
    });
  }
  it('with BTF (-gbtf) the offsets come from the file, and a changed struct still decodes', () => {
    const d = new DiagSink();
    const plain = specsFromElf(build('v4', TARGETS[0]!, ['-gbtf'], '-btf'), d);
    assert.match(plain.summary!, /offsets from the file's BTF/);
    assert.deepEqual(byName(plain.specs), byName(corpus));
    // A kernel whose struct grew members in the middle: built-in offsets would be wrong.
    const header = readFileSync(join(INCLUDE, 'kapi_v4.h'), 'utf8')
      .replace('\tu32 version;\n', '\tu32 version;\n\tu64 added_later;\n\tconst char *also_added;\n');
    writeFileSync(join(dir, 'kapi_v4_changed.h'), header.replace('#include "kapi_common.h"', `#include "${join(INCLUDE, 'kapi_common.h')}"`));
    writeFileSync(join(dir, 'v4changed.c'), sources.v4.replace('#include "kapi_v4.h"', `#include "${join(dir, 'kapi_v4_changed.h')}"`));
    const obj = join(dir, 'v4changed.o');
    const elf = join(dir, 'v4changed.elf');
    run(['gcc', '-c', '-O2', '-gbtf', '-o', obj, join(dir, 'v4changed.c')]);
    run(['ld', '-T', join(INCLUDE, 'kapi.lds'), '--defsym=KAPI_BASE=0xffffffff81000000', '-e', '0', '-o', elf, obj]);
    const changed = specsFromElf(elf, d);
    assert.deepEqual(d.items, []);
    assert.deepEqual(byName(changed.specs), byName(corpus));
  });
  it('with DWARF (-g) the offsets come from the file too', () => {
    const d = new DiagSink();
    const got = specsFromElf(build('v4', TARGETS[0]!, ['-g'], '-g'), d);
    assert.match(got.summary!, /offsets from the file's DWARF/);
    assert.deepEqual(byName(got.specs), byName(corpus));
  });
  it('a changed RFC v1-style struct decodes through DWARF, on a 32-bit target', () => {
    // As RFC v2 did: a member added after version, notes grown to 1024 bytes.
    const header = readFileSync(join(INCLUDE, 'kapi_v1.h'), 'utf8')
      .replace('\tu32 version;\n', '\tu32 version;\n\tu32 added_later;\n')
      .replace('\tchar notes[KAPI_MAX_DESC_LEN];', '\tchar notes[KAPI_MAX_DESC_LEN * 2];')
      .replace('#include "kapi_common.h"', `#include "${join(INCLUDE, 'kapi_common.h')}"`);
    writeFileSync(join(dir, 'kapi_v1_changed.h'), header);
    writeFileSync(join(dir, 'v1changed.c'), sources.v1.replace('#include "kapi_v1.h"', `#include "${join(dir, 'kapi_v1_changed.h')}"`));
    const obj = join(dir, 'v1changed.o');
    const elf = join(dir, 'v1changed.elf');
    run(['gcc', '-m32', '-c', '-O2', '-g', '-o', obj, join(dir, 'v1changed.c')]);
    run(['ld', '-m', 'elf_i386', '-T', join(INCLUDE, 'kapi.lds'), '--defsym=KAPI_BASE=0xc1000000', '-e', '0', '-o', elf, obj]);
    const d = new DiagSink();
    const got = specsFromElf(elf, d);
    assert.deepEqual(d.items, []);
    assert.match(got.summary!, /RFC v1 packed records \(offsets from the file's DWARF\)/);
    assert.deepEqual(byName(got.specs), byName(specsFromC(sources.v1, 'v1.c', d)));
  });
  /** Builds the v1 emitted C against a variant of kapi_v1.h with debug info. */
  function variant(tag: string, edit: (h: string) => string, src: (c: string) => string): string {
    const header = edit(readFileSync(join(INCLUDE, 'kapi_v1.h'), 'utf8'))
      .replace('#include "kapi_common.h"', `#include "${join(INCLUDE, 'kapi_common.h')}"`);
    writeFileSync(join(dir, `kapi_${tag}.h`), header);
    writeFileSync(join(dir, `${tag}.c`), src(sources.v1).replace('#include "kapi_v1.h"', `#include "${join(dir, `kapi_${tag}.h`)}"`));
    run(['gcc', '-c', '-O2', '-g', '-o', join(dir, `${tag}.o`), join(dir, `${tag}.c`)]);
    run(['ld', '-T', join(INCLUDE, 'kapi.lds'), '--defsym=KAPI_BASE=0xffffffff81000000', '-e', '0', '-o', join(dir, `${tag}.elf`), join(dir, `${tag}.o`)]);
    return join(dir, `${tag}.elf`);
  }
  it('RFC v2 packed records (api_type after the name, ioctl and sysfs members) through DWARF', () => {
    const elf = variant('rfcv2', (h) => h
      .replace('struct kernel_api_spec {\n\tchar name[KAPI_MAX_NAME_LEN];\n', 'enum kapi_api_type { KAPI_API_FUNCTION, KAPI_API_IOCTL, KAPI_API_SYSFS };\nstruct kernel_api_spec {\n\tchar name[KAPI_MAX_NAME_LEN];\n\tenum kapi_api_type api_type;\n')
      .replace('\tchar notes[KAPI_MAX_DESC_LEN];', '\tchar notes[KAPI_MAX_DESC_LEN * 2];')
      .replace('\tstruct kapi_state_transition state_transitions[KAPI_MAX_STATE_TRANS];\n} KAPI_PACKED;',
        '\tstruct kapi_state_transition state_transitions[KAPI_MAX_STATE_TRANS];\n\tunsigned int cmd;\n\tchar cmd_name[KAPI_MAX_NAME_LEN];\n\tsize_t input_size;\n\tsize_t output_size;\n\tchar file_ops_name[KAPI_MAX_NAME_LEN];\n\tchar subsystem[KAPI_MAX_NAME_LEN];\n\tchar device_type[KAPI_MAX_NAME_LEN];\n} KAPI_PACKED;'), (c) => c);
    const d = new DiagSink();
    const got = specsFromElf(elf, d);
    assert.deepEqual(d.items, []);
    assert.match(got.summary!, /RFC v2 packed records \(offsets from the file's DWARF\)/);
    assert.ok(got.specs.every((s) => s.source_format === 'elf/rfc-v2'));
    assert.deepEqual(byName(got.specs), byName(specsFromC(sources.v1, 'v1.c', d)));
  });
  it('RFC v4 magic-marker records (fixed strings, a magic word before each array) through DWARF', () => {
    const arrays = ['param', 'error', 'lock', 'constraint', 'signal', 'signal_mask', 'struct_spec', 'side_effect', 'state_trans'];
    const magicOf: Record<string, string> = { param: 'param_magic', error: 'error_magic', lock: 'lock_magic', constraint: 'constraint_magic', signal: 'signal_magic', signal_mask: 'sigmask_magic', struct_spec: 'struct_magic', side_effect: 'effect_magic', state_trans: 'trans_magic' };
    const value: Record<string, string> = { param_magic: '0x4B415031', error_magic: '0x4B414533', lock_magic: '0x4B414C34', constraint_magic: '0x4B414335', signal_magic: '0x4B415337', sigmask_magic: '0x4B414D38', struct_magic: '0x4B415439', effect_magic: '0x4B414641', trans_magic: '0x4B415442' };
    const spec = 'struct kernel_api_spec {';
    const elf = variant('rfcv4', (h) => {
      const at = h.indexOf(spec);
      return h.slice(0, at) + arrays.reduce((x, a) => x.replace(`\tu32 ${a}_count;\n`, `\tu32 ${magicOf[a]};\n\tu32 ${a}_count;\n`), h.slice(at));
    },
      (c) => arrays.reduce((x, a) => x.replaceAll(`\t.${a}_count = `, `\t.${magicOf[a]} = ${value[magicOf[a]!]},\n\t.${a}_count = `), c));
    const d = new DiagSink();
    const got = specsFromElf(elf, d);
    assert.deepEqual(d.items, []);
    assert.match(got.summary!, /RFC v4 magic-marker records \(offsets from the file's DWARF\)/);
    assert.deepEqual(byName(got.specs), byName(specsFromC(sources.v1, 'v1.c', d)));
  });
  it('RFC v1 record starts are found without symbols and without a fixed stride', () => {
    const elf = build('v1', TARGETS[2]!);
    const stripped = join(dir, 'v1-stripped.elf');
    execFileSync('s390x-linux-gnu-objcopy', ['--strip-all', elf, stripped]);
    const d = new DiagSink();
    const got = specsFromElf(stripped, d);
    assert.deepEqual(d.items, []);
    assert.match(got.summary!, /via section \.kapi_specs/);
    assert.equal(got.specs.length, 18);
  });
});

describe('kapi --vmlinux', () => {
  it('lists and shows specs in every format', () => {
    const elf = build('v4', TARGETS[0]!, [], '-cli');
    const list = kapi(['--vmlinux', elf, '-v']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /Total specifications found: 18/);
    assert.match(list.stderr, /PATCH v3\/v4 pointer records \(built-in offsets\), 64-bit little-endian/);
    for (const f of ['plain', 'json', 'rst']) assert.equal(kapi(['--vmlinux', elf, '-f', f, 'sys_read']).code, 0);
    assert.match(kapi(['--vmlinux', elf, '-f', 'man', 'sys_read']).stdout, /^\.TH READ 2/m);
  });
});

describe('bad ELF input is reported, never thrown', () => {
  const cases: [string, (elf: string, out: string) => void, RegExp][] = [
    ['not an ELF file', (_e, out) => writeFileSync(out, 'hello\n'), /error\[bad-elf\]: not an ELF file/],
    ['an empty file', (_e, out) => writeFileSync(out, ''), /error\[bad-elf\]: not an ELF file/],
    ['truncated', (e, out) => writeFileSync(out, readFileSync(e).subarray(0, 200)), /error\[bad-elf\]: range .* is outside the file/],
    ['wrong class byte', (e, out) => { const b = readFileSync(e); b[4] = 7; writeFileSync(out, b); }, /unsupported ELF class 7/],
    ['section headers past the end', (e, out) => { const b = readFileSync(e); b.writeBigUInt64LE(BigInt(b.length + 4096), 40); writeFileSync(out, b); }, /outside the file/],
    ['no .kapi_specs', (_e, out) => copyFileSync(process.execPath, out), /error\[no-specs\]: no \.kapi_specs section/],
  ];
  for (const [name, make, re] of cases) {
    it(name, () => {
      const out = join(dir, `bad-${name.replace(/\W+/g, '-')}.elf`);
      make(build('v4', TARGETS[0]!, [], '-bad'), out);
      const r = kapi(['--vmlinux', out]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, re);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    });
  }
  it('a PATCH v4 magic word out of place is a warning at its offset; the spec is still read', () => {
    const elf = build('v4', TARGETS[0]!, [], '-magic');
    const b = readFileSync(elf);
    const magic = Buffer.from([0x31, 0x50, 0x41, 0x4b]); // KAPI_MAGIC_PARAMS, little-endian
    const at = b.indexOf(magic);
    b[at] = 0x30;
    const out = join(dir, 'bad-magic.elf');
    writeFileSync(out, b);
    const d = new DiagSink();
    const got = specsFromElf(out, d);
    assert.equal(got.specs.length, 18);
    assert.equal(d.items.length, 1);
    assert.equal(d.items[0]!.code, 'bad-magic');
    assert.equal(d.items[0]!.at, `${out}+0x${at.toString(16)}`);
    assert.match(d.items[0]!.message, /param_magic is 0x4b415030, expected 0x4b415031/);
  });
  it('a directory', () => {
    const r = kapi(['--vmlinux', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a directory/);
  });
  it('an empty .kapi_specs section', () => {
    const c = join(dir, 'empty.c');
    writeFileSync(c, 'int kapi_nothing;\n');
    const obj = join(dir, 'empty.o');
    const elf = join(dir, 'empty.elf');
    run(['gcc', '-c', '-o', obj, c]);
    run(['ld', '-T', join(INCLUDE, 'kapi.lds'), '--defsym=KAPI_BASE=0x400000', '-e', '0', '-o', elf, obj]);
    const r = kapi(['--vmlinux', elf]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error\[no-specs\]: \.kapi_specs is empty/);
  });
  it('mutated real fixtures never make the reader throw', () => {
    const files = [build('v4', TARGETS[0]!, ['-g'], '-fz'), build('v1', TARGETS[1]!, [], '-fz'), build('v4', TARGETS[2]!, ['-gbtf'], '-fz')].map((f) => readFileSync(f));
    const out = join(dir, 'mutant.elf');
    fc.assert(fc.property(fc.nat({ max: files.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 12 }), fc.boolean(), (k, edits, headerOnly) => {
      const b = Buffer.from(files[k]!);
      for (const [pos, byte] of edits) b[headerOnly ? pos % 256 : pos % b.length] = byte;
      writeFileSync(out, b);
      const d = new DiagSink();
      const r = specsFromElf(out, d);
      assert.ok(Array.isArray(r.specs));
      for (const x of d.items) assert.match(x.at, /mutant\.elf(\+0x[0-9a-f]+)?$/);
    }), { numRuns: 600, seed: 3 });
  });
});
