// Finding PATCH v3/v4 spec records without __start_kapi_specs/__stop_kapi_specs or .kapi_specs,
// as in a stripped vmlinux (objcopy -S) whose spec pointers were merged into .rodata: the records
// carry a magic word before each of their arrays, at fixed offsets. The loaded data is scanned
// for those words; each word names a candidate record start (its address minus the word's
// offset), and a candidate is taken only when every magic member holds its word or zero, every
// array that has entries has its word, counts fit their arrays, the name is an identifier inside
// the image and the other strings point inside it. Overlapping candidates are not read.

import type { DiagSink } from '../../diag/index.js';
import { ElfError, SHT_NOBITS, type ElfFile } from './elf.js';
import { MAGICS, type Layout } from './layout.js';
import { LayoutError, StructReader } from './record.js';

const SHF_ALLOC = 2n;
const SHF_EXECINSTR = 4n;
const PT_LOAD = 1;
/** Bytes read at a time while scanning. */
const CHUNK = 16 * 1024 * 1024;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

const FIELD_OF = new Map(Object.entries(MAGICS).map(([f, v]) => [v, f]));

/** Each array with its magic word and count; `sigmask_magic` is set by no macro (reference §1.5). */
const ARRAYS: [magic: string, count: string, array: string][] = [
  ['param_magic', 'param_count', 'params'], ['error_magic', 'error_count', 'errors'],
  ['lock_magic', 'lock_count', 'locks'], ['constraint_magic', 'constraint_count', 'constraints'],
  ['signal_magic', 'signal_count', 'signals'], ['sigmask_magic', 'signal_mask_count', 'signal_masks'],
  ['struct_magic', 'struct_spec_count', 'struct_specs'], ['effect_magic', 'side_effect_count', 'side_effects'],
  ['trans_magic', 'state_trans_count', 'state_transitions'], ['cap_magic', 'capability_count', 'capabilities'],
];

export interface Hit { vaddr: bigint; field: string }
interface Region { name: string; offset: number; size: number; vaddr: bigint }

/** Loaded data: allocated, non-executable sections with file data; without sections, PT_LOAD. */
function regions(elf: ElfFile, label: string, diags: DiagSink): Region[] {
  const out: Region[] = [];
  const secs = elf.sections.filter((s) => (s.flags & SHF_ALLOC) !== 0n && s.type !== SHT_NOBITS && s.size > 0 && s.addr !== 0n);
  const from = secs.length
    ? secs.filter((s) => (s.flags & SHF_EXECINSTR) === 0n).map((s) => ({ name: `section ${s.name || s.index}`, offset: s.offset, size: s.size, vaddr: s.addr }))
    : elf.segments.filter((p) => p.type === PT_LOAD && p.filesz > 0).map((p, i) => ({ name: `segment ${i}`, offset: p.offset, size: p.filesz, vaddr: p.vaddr }));
  for (const r of from) {
    if (r.offset + r.size > elf.size) {
      diags.report('bad-elf', `${label}+0x${r.offset.toString(16)}`, `${r.name} (${r.size} bytes at 0x${r.offset.toString(16)}) runs past the end of the file: not scanned for spec records`);
      continue;
    }
    out.push(r);
  }
  return out;
}

/** Every aligned magic word in the loaded data, and how many bytes were scanned. */
export function magicHits(elf: ElfFile, label: string, diags: DiagSink): { hits: Hit[]; scanned: number } {
  const hits: Hit[] = [];
  let scanned = 0;
  // Every magic word is 0x4b41xxxx: the aligned words are read as host-order u32 (one pass, no
  // copy when the data is aligned) and only those with the two high bytes are looked up.
  const hostLittle = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const sameOrder = hostLittle === elf.little;
  for (const r of regions(elf, label, diags)) {
    const first = Number((4n - (r.vaddr % 4n)) % 4n);
    for (let c = first; c + 4 <= r.size; c += CHUNK) {
      const len = Math.min(CHUNK, r.size - c) & ~3;
      let b = elf.read(r.offset + c, len);
      scanned += len;
      if (b.byteOffset % 4) b = Buffer.from(b);
      const words = new Uint32Array(b.buffer, b.byteOffset, len / 4);
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if ((sameOrder ? w >>> 16 : w & 0xffff) !== (sameOrder ? 0x4b41 : 0x414b)) continue;
        const field = FIELD_OF.get(elf.u32(b, i * 4));
        if (field) hits.push({ vaddr: r.vaddr + BigInt(c + i * 4), field });
      }
    }
  }
  return { hits, scanned };
}

export interface ScanResult {
  /** Accepted records: address and file offset, in address order. */
  records: { vaddr: bigint; offset: number }[];
  candidates: number;
  rejected: number;
}

/** Is the record at `off` a PATCH v3/v4 spec by every check the layout allows? */
function valid(elf: ElfFile, off: number, layout: Layout): boolean {
  const r = new StructReader(elf, elf.read(off, layout.size), 0, off, layout);
  for (const [f, want] of Object.entries(MAGICS)) {
    if (r.has(f) && r.num(f) !== 0 && r.num(f) !== want) return false;
  }
  if (!r.has('name') || !r.has('version')) return false;
  const version = r.num('version');
  if (version < 1 || version > 0xffff) return false;
  const name = elf.stringAt(r.big('name'), 256, true);
  if (name === undefined || !IDENT.test(name)) return false;
  for (const [magic, count, array] of ARRAYS) {
    if (!r.has(count) || !r.has(array)) continue;
    const n = r.num(count);
    if (n > r.capacity(array)) return false;
    if (n > 0 && magic !== 'sigmask_magic' && r.has(magic) && r.num(magic) === 0) return false;
  }
  const inside = (p: bigint) => p === 0n || elf.offsetOf(p) !== undefined;
  for (const f of ['description', 'long_description', 'examples', 'notes']) if (r.has(f) && !inside(r.big(f))) return false;
  // The names of the first parameter and error, when there are any.
  for (const [count, array, field] of [['param_count', 'params', 'name'], ['error_count', 'errors', 'name']] as const) {
    if (r.has(count) && r.num(count) > 0 && r.has(array)) {
      const e = r.elem(array, 0);
      if (e.has(field) && !inside(e.big(field))) return false;
    }
  }
  return true;
}

/** The records the hits point to, validated. */
export function scanRecords(elf: ElfFile, layout: Layout, hits: readonly Hit[]): ScanResult {
  const starts = new Set<bigint>();
  for (const h of hits) {
    const f = layout.fields.get(h.field);
    if (!f) continue;
    const start = h.vaddr - BigInt(f.offset);
    if (start >= 0n && start % BigInt(layout.align) === 0n) starts.add(start);
  }
  const sorted = [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const records: ScanResult['records'] = [];
  let rejected = 0;
  let end = -1n;
  for (const s of sorted) {
    const off = elf.offsetOf(s, layout.size);
    let ok = false;
    if (off !== undefined && s >= end) {
      try {
        ok = valid(elf, off, layout);
      } catch (e) {
        if (!(e instanceof ElfError) && !(e instanceof LayoutError)) throw e;
      }
    }
    if (!ok) {
      rejected++;
      continue;
    }
    records.push({ vaddr: s, offset: off! });
    end = s + BigInt(layout.size);
  }
  return { records, candidates: sorted.length, rejected };
}
