// ELF files cut or damaged where the readers used to guess: a .kapi_specs that ends inside a
// record or a pointer, section and symbol tables with bad indices, counts past their arrays,
// strings without a NUL, a type size that would never end a scan. Each fixture is a real gcc
// build with bytes patched; each case must be reported at its position, and what is whole read.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagSink, formatDiagnostic } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { kapi, repoPath, CORPUS18 } from '../../testutil.js';
import { readSourcePath } from '../index.js';
import { emitC } from './fixture-c.js';
import { specsFromElf } from './index.js';
import { layoutOf, V1_SPEC, V4_SPEC } from './layout.js';

const INCLUDE = repoPath('include/kapi');
let dir = '';
let corpus: ApiSpec[] = [];

function run(cmd: string[]): void {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd.join(' ')}\n${r.stderr}`);
}

/** Compiles and links the corpus in one layout (x86-64, or i386 with `m32`); returns the ELF. */
function build(layout: 'v1' | 'v4', tag: string, opts: { m32?: boolean; cflags?: string[]; edit?: (c: string) => string } = {}): string {
  const c = join(dir, `${tag}.c`);
  writeFileSync(c, (opts.edit ?? ((x) => x))(emitC(corpus, layout, 'specs/')));
  const obj = join(dir, `${tag}.o`);
  const elf = join(dir, `${tag}.elf`);
  run(['gcc', ...(opts.m32 ? ['-m32'] : []), '-c', '-O2', `-I${INCLUDE}`, ...(opts.cflags ?? []), '-o', obj, c]);
  run(['ld', ...(opts.m32 ? ['-m', 'elf_i386'] : []), '-T', join(INCLUDE, 'kapi.lds'),
    `--defsym=KAPI_BASE=${opts.m32 ? '0xc1000000' : '0xffffffff81000000'}`, '-e', '0', '-o', elf, obj]);
  return elf;
}

interface Sec { name: string; type: number; addr: bigint; offset: number; size: number; link: number; entsize: number; hdr: number }

/** Section headers of an x86-64 ELF, with the file offset of each header (for patching). */
function sections(b: Buffer): Sec[] {
  const shoff = Number(b.readBigUInt64LE(40));
  const n = b.readUInt16LE(60);
  const out: Sec[] = [];
  for (let i = 0; i < n; i++) {
    const h = shoff + i * 64;
    out.push({
      name: '', type: b.readUInt32LE(h + 4), addr: b.readBigUInt64LE(h + 16), offset: Number(b.readBigUInt64LE(h + 24)),
      size: Number(b.readBigUInt64LE(h + 32)), link: b.readUInt32LE(h + 40), entsize: Number(b.readBigUInt64LE(h + 56)), hdr: h,
    });
  }
  const strs = out[b.readUInt16LE(62)]!;
  out.forEach((s, i) => {
    const o = strs.offset + b.readUInt32LE(shoff + i * 64);
    s.name = b.toString('latin1', o, b.indexOf(0, o));
  });
  return out;
}

const sec = (b: Buffer, name: string) => sections(b).find((s) => s.name === name)!;

/** File offset of the st_value of symbol `name` (x86-64). */
function symbolValueAt(b: Buffer, name: string): number {
  const all = sections(b);
  const symtab = all.find((s) => s.type === 2)!;
  const strtab = all[symtab.link]!;
  for (let o = symtab.offset; o < symtab.offset + symtab.size; o += 24) {
    const n = strtab.offset + b.readUInt32LE(o);
    if (b.toString('latin1', n, b.indexOf(0, n)) === name) return o + 8;
  }
  throw new Error(`no symbol ${name}`);
}

function read(b: Buffer, tag: string): { specs: ApiSpec[]; diags: string[]; file: string; summary?: string } {
  const file = join(dir, `${tag}.elf`);
  writeFileSync(file, b);
  const d = new DiagSink();
  const r = specsFromElf(file, d);
  return { specs: r.specs, diags: d.items.map(formatDiagnostic), file, ...(r.summary ? { summary: r.summary } : {}) };
}

const hex = (n: number) => `0x${n.toString(16)}`;
const fileOffset = (at: string) => parseInt(/\+0x([0-9a-f]+)$/.exec(at)![1]!, 16);
const V1_SIZE = layoutOf(V1_SPEC, { ptrSize: 8, align64: 8, packed: true }).size;
const V4 = layoutOf(V4_SPEC, { ptrSize: 8, align64: 8, packed: false });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kapi-trunc-'));
  corpus = await readSourcePath(repoPath(CORPUS18), new DiagSink(), { displayRoot: 'specs' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('.kapi_specs that ends inside a record', () => {
  let v1 = Buffer.alloc(0);
  let start = 0n;
  let offset = 0;
  /** Section offsets of the 18 records, from the per-spec symbols. */
  let records: number[] = [];
  before(() => {
    v1 = readFileSync(build('v1', 'v1'));
    const s = sec(v1, '.kapi_specs');
    start = s.addr;
    offset = s.offset;
    const d = new DiagSink();
    records = specsFromElf(join(dir, 'v1.elf'), d).specs.map((x) => fileOffset(x.at) - offset).sort((a, b) => a - b);
    assert.deepEqual(d.items, []);
    assert.equal(records.length, 18);
  });

  it('RFC v1 with symbols: the whole records are read, the cut one is reported with its offset and size', () => {
    const b = Buffer.from(v1);
    const last = records[17]!;
    b.writeBigUInt64LE(start + BigInt(last + 1000), symbolValueAt(b, '__stop_kapi_specs'));
    const r = read(b, 'v1-cut-sym');
    assert.equal(r.specs.length, 17);
    assert.equal(r.diags.length, 1, r.diags.join('\n'));
    assert.match(r.diags[0]!, new RegExp(`^${r.file}\\+${hex(offset + last)}: error\\[bad-elf\\]: \\.kapi_specs ends 1000 bytes into the ${V1_SIZE}-byte RFC v1 record __kapi_spec_\\w+ at section offset ${hex(last)}: the partial record is not read$`));
  });

  it('RFC v1 stripped (found by a scan): the same, named by the record it would be', () => {
    const stripped = join(dir, 'v1-stripped.elf');
    execFileSync('objcopy', ['--strip-all', join(dir, 'v1.elf'), stripped]);
    const b = readFileSync(stripped);
    const last = records[17]!;
    const offset = sec(b, '.kapi_specs').offset;
    b.writeBigUInt64LE(BigInt(last + 1000), sec(b, '.kapi_specs').hdr + 32);
    const r = read(b, 'v1-cut-scan');
    assert.equal(r.specs.length, 17);
    assert.deepEqual(r.diags.map((x) => x.replace(/'\w+'/, "'NAME'")), [
      `${r.file}+${hex(offset + last)}: error[bad-elf]: .kapi_specs ends 1000 bytes into the ${V1_SIZE}-byte RFC v1 record 'NAME' at section offset ${hex(last)}: the partial record is not read`,
    ]);
  });

  it('RFC v1 stripped, a damaged record: the scan stops there and says how much it left', () => {
    const stripped = join(dir, 'v1-stripped.elf');
    const b = readFileSync(stripped);
    const offset = sec(b, '.kapi_specs').offset;
    b.write('!', offset + records[5]!, 'latin1'); // the sixth record's name is no identifier
    const r = read(b, 'v1-damaged');
    assert.equal(r.specs.length, 5);
    const left = sec(b, '.kapi_specs').size - records[5]!;
    assert.deepEqual(r.diags, [`${r.file}+${hex(offset + records[5]!)}: error[bad-elf]: ${left} bytes of .kapi_specs at section offset ${hex(records[5]!)} are in no RFC v1 record: not read`]);
  });

  it('PATCH v4 pointers: a cut pointer is reported, the whole ones are read (built-in and BTF layouts)', () => {
    for (const [tag, cflags] of [['v4', []], ['v4-btf', ['-gbtf']]] as const) {
      const b = readFileSync(build('v4', tag, { cflags: [...cflags] }));
      const s = sec(b, '.kapi_specs');
      b.writeBigUInt64LE(s.addr + BigInt(s.size - 3), symbolValueAt(b, '__stop_kapi_specs'));
      const r = read(b, `${tag}-cut`);
      assert.equal(r.specs.length, 17, tag);
      assert.deepEqual(r.diags, [`${r.file}+${hex(s.offset + s.size - 8)}: error[bad-elf]: .kapi_specs (${s.size - 3} bytes) ends 5 bytes into a 8-byte spec pointer at section offset ${hex(s.size - 8)}: those bytes are not read`], tag);
    }
  });
});

describe('section and symbol tables with bad indices', () => {
  let v4 = Buffer.alloc(0);
  before(() => {
    v4 = readFileSync(build('v4', 'v4-tables', { cflags: ['-gbtf'] }));
  });

  it('e_shstrndx out of range: reported with its value, no section names used, specs found by symbols', () => {
    const b = Buffer.from(v4);
    const n = b.readUInt16LE(60);
    b.writeUInt16LE(0x4242, 62);
    const r = read(b, 'shstrndx');
    assert.deepEqual(r.diags, [`${r.file}+0x3e: error[bad-elf]: e_shstrndx is 16962, outside the section header table (${n} entries): section names are not used`]);
    assert.equal(r.specs.length, 18);
    // Without names there is no .BTF section and no section .kapi_specs: symbols and built-in offsets.
    assert.match(r.summary!, /via __start_kapi_specs\/__stop_kapi_specs: 18 spec pointers\), PATCH v3\/v4 pointer records \(built-in offsets\)/);
    const cli = kapi(['--vmlinux', r.file]);
    assert.equal(cli.code, 1);
    assert.match(cli.stdout, /Total specifications found: 18/);
    assert.match(cli.stderr, /e_shstrndx is 16962/);
  });

  it('e_shstrndx out of range in an ELF32 file: at its ELF32 offset', () => {
    const b = readFileSync(build('v4', 'v4-32', { m32: true }));
    b.writeUInt16LE(999, 50);
    const r = read(b, 'shstrndx32');
    assert.equal(r.specs.length, 18);
    assert.equal(r.diags.length, 1);
    assert.match(r.diags[0]!, new RegExp(`^${r.file}\\+0x32: error\\[bad-elf\\]: e_shstrndx is 999, outside the section header table`));
  });

  it('extended numbering (e_shnum 0, e_shstrndx SHN_XINDEX, the values in section header 0) is followed', () => {
    const b = Buffer.from(v4);
    const shoff = Number(b.readBigUInt64LE(40));
    b.writeBigUInt64LE(BigInt(b.readUInt16LE(60)), shoff + 32); // section 0's sh_size: the count
    b.writeUInt32LE(b.readUInt16LE(62), shoff + 40); // section 0's sh_link: the name table
    b.writeUInt16LE(0, 60);
    b.writeUInt16LE(0xffff, 62);
    const r = read(b, 'xindex');
    assert.deepEqual(r.diags, []);
    assert.equal(r.specs.length, 18);
    assert.match(r.summary!, /offsets from the file's BTF/); // found by its section name
  });

  it('e_shstrndx naming a section that is not a string table', () => {
    const b = Buffer.from(v4);
    const symtab = sections(b).findIndex((s) => s.type === 2);
    b.writeUInt16LE(symtab, 62);
    const r = read(b, 'shstrndx-type');
    assert.deepEqual(r.diags, [`${r.file}+0x3e: error[bad-elf]: e_shstrndx is ${symtab}, a section of type 2, not a string table: section names are not used`]);
    assert.equal(r.specs.length, 18);
  });

  it('e_shstrndx out of range and no symbols: the magic words still find the records, and the index is said', () => {
    const stripped = join(dir, 'v4-stripped.elf');
    execFileSync('objcopy', ['--strip-all', join(dir, 'v4-tables.elf'), stripped]);
    const b = readFileSync(stripped);
    b.writeUInt16LE(0x4242, 62);
    const r = read(b, 'shstrndx-stripped');
    // No section names, so no section .kapi_specs: the PATCH v3/v4 magic-word scan.
    assert.equal(r.specs.length, 18);
    assert.match(r.summary!, /18 records found by a magic-word scan/);
    assert.deepEqual(r.diags.map((x) => /\[([a-z-]+)\]/.exec(x)![1]).sort(), ['bad-elf']);
  });

  it('a symbol table cut inside an entry: reported, the whole entries still used', () => {
    const b = Buffer.from(v4);
    const symtab = sections(b).find((s) => s.type === 2)!;
    b.writeBigUInt64LE(BigInt(symtab.size - 5), symtab.hdr + 32);
    const r = read(b, 'symtab-cut');
    assert.equal(r.specs.length, 18);
    assert.deepEqual(r.diags, [`${r.file}+${hex(symtab.offset + symtab.size - 24)}: error[bad-elf]: the symbol table (${symtab.size - 5} bytes) ends 19 bytes into an entry of 24: those bytes are not read`]);
  });

  it('a symbol table linked to no string table: symbols are not used, the section still is', () => {
    const b = Buffer.from(v4);
    const all = sections(b);
    const symtab = all.findIndex((s) => s.type === 2);
    b.writeUInt32LE(symtab, all[symtab]!.hdr + 40);
    const r = read(b, 'symtab-link');
    assert.equal(r.specs.length, 18);
    assert.match(r.summary!, /via section \.kapi_specs/);
    assert.deepEqual(r.diags, [`${r.file}+${hex(all[symtab]!.hdr)}: error[bad-elf]: the symbol table (section ${symtab}) links to section ${symtab}, which is not a string table: symbols are not used`]);
  });

  it('program headers with a too small entry size: reported, not silently ignored', () => {
    const b = Buffer.from(v4);
    b.writeUInt16LE(20, 54);
    const r = read(b, 'phentsize');
    assert.equal(r.specs.length, 18);
    assert.deepEqual(r.diags, [`${r.file}+0x36: error[bad-elf]: program header size 20 is too small: the ${b.readUInt16LE(56)} program headers are not used`]);
  });
});

describe('counts, strings and sizes inside the records', () => {
  /** File offsets of sys_epoll_ctl's record and its parameter 1 (op, with enum values). */
  function epollCtl(file: string): { spec: number; op: number } {
    const s = specsFromElf(file, new DiagSink()).specs.find((x) => x.name === 'sys_epoll_ctl')!;
    return { spec: fileOffset(s.at), op: fileOffset(s.params![1]!.at) };
  }
  const param = V4.fields.get('params')!.layout!;

  it('an enum count past what kapi takes, and an enum pointer into nowhere, are reported; the rest of the spec is read', () => {
    const file = build('v4', 'v4-counts');
    const { op } = epollCtl(file);
    const b = readFileSync(file);
    b.writeUInt32LE(5000, op + param.fields.get('enum_count')!.offset);
    let r = read(b, 'enum-count');
    assert.equal(r.specs.length, 18);
    assert.deepEqual(r.diags, [`${r.file}+${hex(op + param.fields.get('enum_count')!.offset)}: error[bad-count]: enum_count is 5000, more than the 4096 values kapi takes for real: enum_values is not read (in sys_epoll_ctl)`]);
    assert.equal(r.specs.find((x) => x.name === 'sys_epoll_ctl')!.params![1]!.constraint?.values, undefined);
    const c = readFileSync(file);
    c.writeBigUInt64LE(0x1234n, op + param.fields.get('enum_values')!.offset);
    r = read(c, 'enum-ptr');
    assert.equal(r.specs.length, 18);
    assert.deepEqual(r.diags, [`${r.file}+${hex(op + param.fields.get('enum_values')!.offset)}: error[bad-elf]: enum_values points to 0x1234 (3 values), outside the file's data: not read (in sys_epoll_ctl)`]);
  });

  it('a signal count past its array is reported, not cut silently', () => {
    const file = join(dir, 'v4-counts.elf');
    const { spec } = epollCtl(file);
    const b = readFileSync(file);
    const masks = V4.fields.get('signal_masks')!;
    b.writeUInt32LE(1, spec + V4.fields.get('signal_mask_count')!.offset);
    const countAt = spec + masks.offset + masks.layout!.fields.get('signal_count')!.offset;
    b.writeUInt32LE(40, countAt);
    const r = read(b, 'mask-count');
    assert.equal(r.specs.length, 18);
    assert.deepEqual(r.diags, [`${r.file}+${hex(countAt)}: error[bad-count]: signal_count is 40 but the array holds at most 32 (in sys_epoll_ctl)`]);
    assert.equal(r.specs.find((x) => x.name === 'sys_epoll_ctl')!.signal_masks![0]!.signals.length, 32);
  });

  it('a string with no NUL within 64 KiB is reported, not dropped silently', () => {
    const long = 'x'.repeat(70000);
    const file = build('v4', 'v4-longstr', {
      edit: (c) => c.replace(/(\.long_description = )"(?:[^"\\]|\\.)*"/, '$1kapi_long_text')
        .replace('#include "kapi_v4.h"', `#include "kapi_v4.h"\nstatic const char kapi_long_text[${long.length}] = "${long}";`),
    });
    const b = readFileSync(file);
    const text = b.indexOf(long);
    const r = read(b, 'longstr');
    assert.equal(r.specs.length, 18);
    const rodata = sec(b, '.rodata');
    const vaddr = rodata.addr + BigInt(text - rodata.offset);
    assert.deepEqual(r.diags, [`${r.file}+${hex(text)}: error[bad-elf]: the string at 0x${vaddr.toString(16)} has no NUL within 65536 bytes: it is left out`]);
    assert.equal(r.specs.filter((x) => x.long_description === undefined).length, corpus.filter((x) => x.long_description === undefined).length + 1);
  });

  it('a struct size from BTF too small for a record is reported, and does not hang the scan', () => {
    // Stripped: the records are found by a scan, which a zero size never moved on (a hang).
    const file = join(dir, 'v1-btf-stripped.elf');
    execFileSync('objcopy', ['--strip-all', build('v1', 'v1-btf', { cflags: ['-gbtf'] }), file]);
    const b = readFileSync(file);
    const btf = sec(b, '.BTF');
    // struct kernel_api_spec's type header: STRUCT kind, size V1_SIZE.
    let at = -1;
    for (let o = btf.offset; o + 12 <= btf.offset + btf.size; o += 4) {
      if (b.readUInt32LE(o + 8) === V1_SIZE && ((b.readUInt32LE(o + 4) >>> 24) & 0x1f) === 4) { at = o; break; }
    }
    assert.ok(at > 0, 'struct kernel_api_spec in .BTF');
    for (const size of [0, 100]) {
      b.writeUInt32LE(size, at + 8);
      const r = read(b, `btf-size-${size}`);
      assert.equal(r.specs.length, 18);
      assert.deepEqual(r.diags, [`${r.file}+${hex(btf.offset)}: warning[bad-btf]: BTF says struct kernel_api_spec is ${size} bytes, too small for its name and version members; using kapi's built-in layouts`]);
    }
  });
});
