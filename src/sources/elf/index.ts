// ELF source: the `.kapi_specs` specs of a vmlinux (or any ELF file built with the framework),
// also inside an x86 bzImage (the payload is decompressed first). In: a path. Out: ApiSpecs plus
// what was found (for --verbose). The records are found through __start_kapi_specs/
// __stop_kapi_specs (or the section itself), and in a stripped image without either by a scan
// for PATCH v3/v4 magic words; the layout is recognised from the data, and RFC v1 record starts
// come from the per-spec symbols or a scan, never from an assumed stride. Bad files are
// reported, never thrown.

import { closeSync, openSync, readSync } from 'node:fs';
import type { DiagSink } from '../../diag/index.js';
import type { ApiSpec, SourceFormat } from '../../model/types.js';
import { Decoder, type LayoutKind } from './decode.js';
import { isBzImage, readBzImage } from './bzimage.js';
import { ElfError, ElfFile, STT_OBJECT, SHT_NOBITS, SHT_SYMTAB } from './elf.js';
import { magicHits, scanRecords } from './magic-scan.js';
import { Btf, BtfError } from './btf.js';
import { Dwarf, DwarfError, type DwarfSections } from './dwarf.js';
import { layoutOf, V1_SPEC, V4_SPEC, type Abi, type Layout } from './layout.js';
import { LayoutError, StructReader } from './record.js';

const EM_386 = 3;
const EM_MIPS = 8;
const EM_PARISC = 15;
const EM_SPARC = 2;
const EM_SPARCV9 = 43;
const EM_PPC = 20;
const EM_PPC64 = 21;
const EM_ALPHA = 0x9026;

/** The errno numbering an image's architecture uses. */
function errnoArch(machine: number): string {
  if (machine === EM_MIPS) return 'mips';
  if (machine === EM_PARISC) return 'parisc';
  if (machine === EM_SPARC || machine === EM_SPARCV9) return 'sparc';
  if (machine === EM_PPC || machine === EM_PPC64) return 'powerpc';
  if (machine === EM_ALPHA) return 'alpha';
  return 'generic';
}

export interface ElfRead { specs: ApiSpec[]; summary?: string }

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function abiOf(elf: ElfFile, packed: boolean): Abi {
  return { ptrSize: elf.is64 ? 8 : 4, align64: !elf.is64 && elf.machine === EM_386 ? 4 : 8, packed };
}

interface Range { start: bigint; stop: bigint; offset: number; size: number; via: string }

/** The spec range; 'none' when the file has neither the symbols nor the section (not reported). */
function findRange(elf: ElfFile, file: string, diags: DiagSink): Range | 'none' | undefined {
  const syms = elf.symbols((n) => n === '__start_kapi_specs' || n === '__stop_kapi_specs');
  const start = syms.find((s) => s.name === '__start_kapi_specs')?.value;
  const stop = syms.find((s) => s.name === '__stop_kapi_specs')?.value;
  const sec = elf.section('.kapi_specs');
  let r: { start: bigint; stop: bigint; via: string } | undefined;
  if (start !== undefined && stop !== undefined) r = { start, stop, via: '__start_kapi_specs/__stop_kapi_specs' };
  else if (sec) r = { start: sec.addr, stop: sec.addr + BigInt(sec.size), via: 'section .kapi_specs' };
  if (!r) return 'none';
  if (r.stop <= r.start) {
    diags.report('no-specs', file, `.kapi_specs is empty (${r.via})`);
    return undefined;
  }
  if (sec?.type === SHT_NOBITS) {
    diags.report('bad-elf', file, '.kapi_specs occupies no file data (SHT_NOBITS)');
    return undefined;
  }
  const size = Number(r.stop - r.start);
  let offset = elf.offsetOf(r.start, size);
  // An object file (not linked): the section's own offset.
  if (offset === undefined && sec && sec.addr === 0n && r.via.startsWith('section')) offset = sec.offset;
  if (offset === undefined) {
    diags.report('bad-elf', file, `.kapi_specs at 0x${r.start.toString(16)} (${size} bytes) lies outside the file's data`);
    return undefined;
  }
  return { ...r, offset, size };
}

/** Does the data look like PATCH v4 pointer records? */
function looksV4(elf: ElfFile, data: Buffer, size: number, layout: Layout): boolean {
  // A ragged end (a cut pointer) is reported when the pointers are read.
  for (let o = 0; o + elf.ptrSize <= size; o += elf.ptrSize) {
    const p = elf.addr(data, o);
    if (p === 0n) continue;
    const off = elf.offsetOf(p, layout.size);
    if (off === undefined) return false;
    const head = elf.read(off, 16);
    const name = elf.stringAt(elf.addr(head, 0), 256, true);
    return name !== undefined && IDENT.test(name) && elf.u32(head, elf.ptrSize) === 1;
  }
  return false;
}

/** Is there an array-layout record at `o` of `data`: an identifier in its name array, version 1? */
function recordAt(elf: ElfFile, data: Buffer, o: number, l: Layout): boolean {
  const name = l.fields.get('name')!;
  const cap = typeof name.type === 'object' && 'chars' in name.type ? name.type.chars : 128;
  const ver = l.fields.get('version')!.offset;
  if (o + Math.max(ver + 4, name.offset + cap) > data.length) return false;
  // The version first: it is one read, and rules out almost every offset of a scan.
  if (elf.u32(data, o + ver) !== 1) return false;
  const nul = data.subarray(o + name.offset, o + name.offset + cap).indexOf(0);
  if (nul <= 0) return false;
  return IDENT.test(data.toString('latin1', o + name.offset, o + name.offset + nul));
}

/** The name a record at `o` would have (an identifier in its name array), if there is one. */
function nameAt(data: Buffer, o: number, l: Layout): string | undefined {
  const name = l.fields.get('name')!;
  const nul = data.indexOf(0, o + name.offset);
  if (nul < 0 || nul <= o + name.offset) return undefined;
  const s = data.toString('latin1', o + name.offset, nul);
  return IDENT.test(s) ? s : undefined;
}

/**
 * Record starts for RFC v1: the per-spec symbols when present, else a scan for the next record.
 * Bytes no whole record covers (a record cut by the end of the section, data after the last
 * record) are reported with their section offset and count; zero padding is not.
 */
function v1Starts(elf: ElfFile, range: Range, data: Buffer, l: Layout, path: string, diags: DiagSink): number[] {
  const size = l.size;
  if (size <= 0) return [];
  const v1RecordAt = (e: ElfFile, d: Buffer, o: number) => recordAt(e, d, o, l);
  const at = (o: number) => `${path}+0x${(range.offset + o).toString(16)}`;
  const hex = (o: number) => `0x${o.toString(16)}`;
  const partial = (o: number, what: string) => diags.report('bad-elf', at(o),
    `.kapi_specs ends ${data.length - o} bytes into the ${size}-byte RFC v1 record ${what} at section offset ${hex(o)}: the partial record is not read`);
  const syms = elf.symbols((n) => n.startsWith('__kapi_spec_'))
    .filter((s) => s.type === STT_OBJECT && s.value >= range.start && s.value < range.stop)
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const starts: number[] = [];
  /** Offsets already reported: their bytes are not reported again as uncovered. */
  const told: number[] = [];
  const seen = new Set<number>();
  for (const s of syms) {
    const o = Number(s.value - range.start);
    if (seen.has(o)) continue;
    seen.add(o);
    if (o + size > data.length) {
      partial(o, s.name);
      told.push(o);
    } else if (v1RecordAt(elf, data, o)) starts.push(o);
    else {
      diags.report('bad-elf', at(o), `${s.name} at section offset ${hex(o)} does not start an RFC v1 record: not read`);
      told.push(o);
    }
  }
  if (!starts.length) {
    let o = 0;
    // The first record may sit after alignment padding too.
    while (o < 64 && !v1RecordAt(elf, data, o)) o++;
    while (o + size <= data.length && v1RecordAt(elf, data, o)) {
      starts.push(o);
      // The next record follows, after at most 63 bytes of padding. The scan does not search
      // further past a damaged record (inside one, a member could pass for a record start);
      // what it leaves is reported below. The per-spec symbols find every record on their own.
      let next = o + size;
      while (next < o + size + 64 && next + size <= data.length && !v1RecordAt(elf, data, next)) next++;
      o = next;
    }
  }
  if (!starts.length) return starts;
  // The gaps between and after the records; padding is zero.
  const gaps: [number, number][] = [];
  let from = 0;
  for (const o of starts) {
    gaps.push([from, o]);
    from = o + size;
  }
  gaps.push([from, data.length]);
  for (const [g, end] of gaps) {
    const first = data.subarray(g, end).findIndex((b) => b !== 0);
    if (first < 0 || told.some((o) => o >= g && o < end)) continue;
    const p = g + first;
    const name = end === data.length && end - p < size ? nameAt(data, p, l) : undefined;
    if (name) partial(p, `'${name}'`);
    else diags.report('bad-elf', at(g + first), `${end - g - first} bytes of .kapi_specs at section offset ${hex(g + first)} are in no RFC v1 record: not read`);
  }
  return starts;
}

const LAYOUT_NAMES: Record<LayoutKind, string> = {
  v1: 'RFC v1 packed records', v4: 'PATCH v3/v4 pointer records',
};

const MiB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

/** The first bytes of a file, enough for the ELF ident and the x86 setup header. */
function head(path: string): Buffer {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(0x210);
      return b.subarray(0, readSync(fd, b, 0, b.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return Buffer.alloc(0); // ElfFile.open says why
  }
}

export function specsFromElf(path: string, diags: DiagSink): ElfRead {
  let elf: ElfFile;
  /** The -v line of a bzImage, and the name of its payload in diagnostics. */
  let image: string | undefined;
  let payload = path;
  const h = head(path);
  const isElf = h.length >= 4 && h.readUInt32BE(0) === 0x7f454c46;
  try {
    if (!isElf && isBzImage(h)) {
      const bz = readBzImage(path);
      if (!('data' in bz)) {
        diags.report('bad-image', bz.offset === undefined ? path : `${path}+0x${bz.offset.toString(16)}`, bz.message);
        return { specs: [] };
      }
      payload = bz.format === 'none' ? `${path}(payload)` : `${path}(${bz.format} payload)`;
      image = `${path}: x86 bzImage, boot protocol ${bz.protocol}, ${bz.format === 'none' ? 'uncompressed' : bz.format} payload of ${bz.payloadLength} bytes at 0x${bz.payloadOffset.toString(16)}` +
        (bz.format === 'none' ? '' : `, decompressed to ${bz.data.length} bytes in ${bz.ms} ms`);
      elf = ElfFile.fromBuffer(payload, bz.data);
    } else {
      elf = ElfFile.open(path);
    }
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    const msg = !isElf && !image && e.offset === 0 ? 'not an ELF file or an x86 bzImage (bad magic)'
      : image && e.offset === 0 ? 'the decompressed payload is not an ELF file (bad magic)' : e.message;
    diags.report('bad-elf', e.offset === undefined ? payload : `${payload}+0x${e.offset.toString(16)}`, msg);
    return image ? { specs: [], summary: image } : { specs: [] };
  }
  const label = elf.path;
  const withImage = (r: ElfRead): ElfRead => (image ? { specs: r.specs, summary: r.summary ? `${image}\n${r.summary}` : image } : r);
  try {
    return withImage(read(elf, label, diags));
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    diags.report('bad-elf', e.offset === undefined ? label : `${label}+0x${e.offset.toString(16)}`, e.message);
    return withImage({ specs: [] });
  } finally {
    // What the ELF reader worked around: reported, whatever else happened.
    for (const p of elf.problems) diags.report('bad-elf', p.offset === undefined ? label : `${label}+0x${p.offset.toString(16)}`, p.message);
    elf.close();
  }
}

/** .debug_info larger than this is not walked: a kernel that big carries BTF as well. */
const MAX_DWARF = 64 * 1024 * 1024;

type TypeInfo = { kind: LayoutKind; layout: Layout; from: 'BTF' | 'DWARF'; format: SourceFormat; label: string };

/** What the file's own type information says `struct kernel_api_spec` looks like. */
function typeInfoLayout(elf: ElfFile, path: string, diags: DiagSink): TypeInfo | undefined {
  const classify = (layout: Layout, from: TypeInfo['from'], offset: number): TypeInfo | undefined => {
    const name = layout.fields.get('name');
    const version = layout.fields.get('version');
    if (!name || !version) return undefined;
    // A record must hold its name and version: a smaller one (a corrupt size) would never end a scan.
    const nameEnd = name.offset + (typeof name.type === 'object' && 'chars' in name.type ? name.type.chars : elf.ptrSize);
    if (layout.size < Math.max(nameEnd, version.offset + 4)) {
      diags.report('bad-btf', `${path}+0x${offset.toString(16)}`,
        `${from} says struct kernel_api_spec is ${layout.size} bytes, too small for its name and version members; using kapi's built-in layouts`);
      return undefined;
    }
    // String members as pointers mean the PATCH v3/v4 layout; char arrays an RFC one: with magic
    // words RFC v4, with api_type RFC v2, else RFC v1.
    if (name.type === 'str') return { kind: 'v4', layout, from, format: 'elf/pointer-layout', label: LAYOUT_NAMES.v4 };
    const [format, label]: [SourceFormat, string] = layout.fields.has('param_magic') ? ['elf/magic-layout', 'RFC v4 magic-marker records']
      : layout.fields.has('api_type') ? ['elf/rfc-v2', 'RFC v2 packed records'] : ['elf/rfc-v1', LAYOUT_NAMES.v1];
    return { kind: 'v1', layout, from, format, label };
  };
  const btf = elf.section('.BTF');
  if (btf && btf.type !== SHT_NOBITS) {
    try {
      const t = new Btf(elf.read(btf.offset, btf.size));
      const st = t.find('kernel_api_spec', 'STRUCT');
      if (st) return classify(t.layout(st.id), 'BTF', btf.offset);
    } catch (e) {
      if (!(e instanceof BtfError)) throw e;
      diags.report('bad-btf', `${path}+0x${(btf.offset + e.offset).toString(16)}`, `${e.message}; using kapi's built-in layouts`);
    }
  }
  const info = elf.section('.debug_info');
  const abbrev = elf.section('.debug_abbrev');
  if (!info || !abbrev || info.size > MAX_DWARF) return undefined;
  try {
    const sec = (n: string) => {
      const x = elf.section(n);
      return x && x.type !== SHT_NOBITS ? elf.read(x.offset, x.size) : undefined;
    };
    const parts = { info: sec('.debug_info')!, abbrev: sec('.debug_abbrev')! } as DwarfSections;
    for (const [k, n] of [['str', '.debug_str'], ['lineStr', '.debug_line_str'], ['strOffsets', '.debug_str_offsets']] as const) {
      const b = sec(n);
      if (b) parts[k] = b;
    }
    const d = new Dwarf(parts, elf.little);
    const off = d.findStruct('kernel_api_spec');
    return off === undefined ? undefined : classify(d.layout(off), 'DWARF', info.offset + off);
  } catch (e) {
    if (!(e instanceof DwarfError)) throw e;
    diags.report('bad-btf', `${path}+0x${(info.offset + e.offset).toString(16)}`, `DWARF: ${e.message}; using kapi's built-in layouts`);
    return undefined;
  }
}

function read(elf: ElfFile, path: string, diags: DiagSink): ElfRead {
  const range = findRange(elf, path, diags);
  if (!range) return { specs: [] };
  if (range === 'none') return scanned(elf, path, diags);
  const data = elf.read(range.offset, range.size);
  const fromBtf = typeInfoLayout(elf, path, diags);
  const v4 = fromBtf?.kind === 'v4' ? fromBtf.layout : layoutOf(V4_SPEC, abiOf(elf, false));
  const v1 = fromBtf?.kind === 'v1' ? fromBtf.layout : layoutOf(V1_SPEC, abiOf(elf, true));
  const arch = errnoArch(elf.machine);
  const specs: ApiSpec[] = [];
  const decodeOne = decoderInto(specs, path, diags);
  let kind: LayoutKind;
  let found: string;
  if (fromBtf ? fromBtf.kind === 'v4' : looksV4(elf, data, range.size, v4)) {
    kind = 'v4';
    const dec = new Decoder(path, kind, diags, arch);
    const rest = range.size % elf.ptrSize;
    if (rest) {
      diags.report('bad-elf', `${path}+0x${(range.offset + range.size - rest).toString(16)}`,
        `.kapi_specs (${range.size} bytes) ends ${rest} bytes into a ${elf.ptrSize}-byte spec pointer at section offset 0x${(range.size - rest).toString(16)}: those bytes are not read`);
    }
    let pointers = 0;
    for (let o = 0; o + elf.ptrSize <= range.size; o += elf.ptrSize) {
      const p = elf.addr(data, o);
      if (p === 0n) continue;
      pointers++;
      const off = elf.offsetOf(p, v4.size);
      if (off === undefined) {
        diags.report('bad-elf', `${path}+0x${(range.offset + o).toString(16)}`, `spec pointer 0x${p.toString(16)} points outside the file's data`);
        continue;
      }
      decodeOne(() => dec.spec(new StructReader(elf, elf.read(off, v4.size), 0, off, v4), 'elf/pointer-layout'), off);
    }
    found = `${pointers} spec pointer${pointers === 1 ? '' : 's'}`;
  } else {
    const starts = range.size >= Math.min(v1.size, 132) ? v1Starts(elf, range, data, v1, path, diags) : [];
    if (!starts.length) {
      diags.report('unknown-layout', `${path}+0x${range.offset.toString(16)}`, `.kapi_specs (${range.size} bytes) holds neither spec pointers nor RFC v1 records`);
      return { specs: [] };
    }
    kind = 'v1';
    const dec = new Decoder(path, kind, diags, arch);
    const format = fromBtf?.format ?? 'elf/rfc-v1';
    for (const o of starts) decodeOne(() => dec.spec(new StructReader(elf, data, o, range.offset + o, v1), format), range.offset + o);
    found = `${starts.length} record${starts.length === 1 ? '' : 's'}`;
  }
  const summary = `${path}: .kapi_specs at 0x${range.start.toString(16)} (${range.size} bytes, via ${range.via}: ${found}), ` +
    `${layoutText(fromBtf, kind)}, ${whereText(elf)}, ${specs.length} spec${specs.length === 1 ? '' : 's'}`;
  return { specs, summary };
}

function layoutText(fromBtf: TypeInfo | undefined, kind: LayoutKind): string {
  return `${fromBtf?.label ?? LAYOUT_NAMES[kind]} (${fromBtf ? `offsets from the file's ${fromBtf.from}` : 'built-in offsets'})`;
}

function whereText(elf: ElfFile): string {
  return `${elf.is64 ? '64' : '32'}-bit ${elf.little ? 'little' : 'big'}-endian, machine ${elf.machine}`;
}

/** Decodes one record into `specs`; a record that cannot be decoded costs that record only. */
function decoderInto(specs: ApiSpec[], path: string, diags: DiagSink) {
  return (f: () => ApiSpec, off: number) => {
    try {
      specs.push(f());
    } catch (e) {
      // A member outside the record, a pointer into nowhere, a layout from type information
      // that lacks a member the decoder reads.
      if (!(e instanceof LayoutError) && !(e instanceof ElfError)) throw e;
      diags.report(e instanceof LayoutError ? 'unknown-layout' : 'bad-elf', `${path}+0x${off.toString(16)}`, `cannot decode the record: ${e.message}`);
    }
  };
}

/**
 * No symbols and no section (a stripped image): PATCH v3/v4 records found by their magic words.
 * Type information is consulted only when there are magic words at all, so a kernel built
 * without the framework is answered after one pass over its loaded data.
 */
function scanned(elf: ElfFile, path: string, diags: DiagSink): ElfRead {
  const missing = `no .kapi_specs section and no __start_kapi_specs/__stop_kapi_specs symbols${elf.sections.some((s) => s.type === SHT_SYMTAB) ? '' : ' (the file has no symbol table)'}`;
  const { hits, scanned: bytes } = magicHits(elf, path, diags);
  const noSpecs = (why: string) => {
    diags.report('no-specs', path, `${missing}, and ${why}: built without CONFIG_KAPI_SPEC?`);
    return { specs: [] };
  };
  if (!hits.length) return noSpecs(`no PATCH v3/v4 magic word in its ${MiB(bytes)} of loaded data`);
  const fromBtf = typeInfoLayout(elf, path, diags);
  if (fromBtf && fromBtf.kind !== 'v4') return noSpecs(`its ${fromBtf.from} describes ${fromBtf.label}, which carry no magic words to scan for`);
  const layout = fromBtf?.layout ?? layoutOf(V4_SPEC, abiOf(elf, false));
  const res = scanRecords(elf, layout, hits);
  if (!res.records.length) {
    return noSpecs(`none of the ${hits.length} PATCH v3/v4 magic word${hits.length === 1 ? '' : 's'} in its ${MiB(bytes)} of loaded data belongs to a valid spec record (${res.candidates} candidate${res.candidates === 1 ? '' : 's'} rejected)`);
  }
  const specs: ApiSpec[] = [];
  const decodeOne = decoderInto(specs, path, diags);
  const dec = new Decoder(path, 'v4', diags, errnoArch(elf.machine));
  for (const r of res.records) decodeOne(() => dec.spec(new StructReader(elf, elf.read(r.offset, layout.size), 0, r.offset, layout), 'elf/pointer-layout'), r.offset);
  const n = res.records.length;
  const summary = `${path}: ${missing}: ${n} record${n === 1 ? '' : 's'} found by a magic-word scan of ${MiB(bytes)} of loaded data ` +
    `(${hits.length} magic words, ${res.candidates} candidate records, ${res.rejected} rejected), ${layoutText(fromBtf, 'v4')}, ${whereText(elf)}, ` +
    `${specs.length} spec${specs.length === 1 ? '' : 's'}`;
  return { specs, summary };
}
