// A minimal ELF reader: ELF32 and ELF64, either byte order. It reads only what it is asked for
// (header, section and program headers, symbol tables, ranges of bytes) through positioned reads,
// never the whole file, and checks every offset and size against the file before reading. An ELF
// file already in memory (decompressed from a bzImage) is read the same way, from its buffer.
// What it can read around (a bad section name table, a symbol table cut inside an entry, a string
// without its NUL) is kept in `problems` for the caller to report, never dropped silently.
// Addresses are BigInt: a kernel image lives above 2^53.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export class ElfError extends Error {
  constructor(message: string, readonly offset?: number) {
    super(message);
  }
}

export interface Section {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  addr: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
  entsize: number;
}

/** Something wrong with the file that the reader worked around; `offset` is a file offset. */
export interface ElfProblem { offset?: number; message: string }

export interface Segment { type: number; offset: number; vaddr: bigint; filesz: number; memsz: number }

export interface ElfSymbol { name: string; value: bigint; size: number; type: number; section: number }

export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;
/** e_shstrndx / e_phnum values that say "the real value is in section header 0". */
const SHN_XINDEX = 0xffff;
const PN_XNUM = 0xffff;
export const PT_LOAD = 1;
export const STT_OBJECT = 1;

/** Small reads are served from cached blocks of this size, at most MAX_BLOCKS of them. */
const BLOCK = 16 * 1024;
const MAX_BLOCKS = 256;

/** Largest table kapi reads in one piece (symbol tables of a vmlinux are a few MiB). */
const MAX_TABLE = 256 * 1024 * 1024;

export class ElfFile {
  readonly size: number;
  readonly is64: boolean;
  readonly little: boolean;
  readonly machine: number;
  readonly sections: Section[] = [];
  readonly segments: Segment[] = [];
  /** What was wrong and worked around, each once, in the order found. */
  readonly problems: ElfProblem[] = [];
  private readonly fd: number;
  private readonly mem: Buffer | undefined;

  /** `path` names the data in diagnostics: the file, or the payload it was unpacked from. */
  private constructor(readonly path: string, fd: number, size: number, ident: Buffer, mem?: Buffer) {
    this.fd = fd;
    this.mem = mem;
    this.size = size;
    this.is64 = ident[4] === 2;
    this.little = ident[5] === 1;
    this.machine = 0;
    const hdr = this.read(0, this.is64 ? 64 : 52);
    this.machine = this.u16(hdr, 18);
    this.readSections(hdr);
    this.readSegments(hdr);
  }

  /** Opens a file; throws ElfError for anything that is not a readable ELF file. */
  static open(path: string): ElfFile {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      throw new ElfError(`cannot open: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw new ElfError('is a directory, not an ELF file');
      const ident = Buffer.alloc(16);
      const n = st.size >= 16 ? readSync(fd, ident, 0, 16, 0) : 0;
      if (n < 16 || ident.readUInt32BE(0) !== 0x7f454c46) throw new ElfError('not an ELF file (bad magic)', 0);
      if ((ident[4] !== 1 && ident[4] !== 2) || (ident[5] !== 1 && ident[5] !== 2)) {
        throw new ElfError(`unsupported ELF class ${ident[4]} or data encoding ${ident[5]}`, 4);
      }
      return new ElfFile(path, fd, st.size, ident);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** An ELF file held in memory; `label` names it in diagnostics. Throws ElfError as open does. */
  static fromBuffer(label: string, data: Buffer): ElfFile {
    if (data.length < 16 || data.readUInt32BE(0) !== 0x7f454c46) throw new ElfError('not an ELF file (bad magic)', 0);
    if ((data[4] !== 1 && data[4] !== 2) || (data[5] !== 1 && data[5] !== 2)) {
      throw new ElfError(`unsupported ELF class ${data[4]} or data encoding ${data[5]}`, 4);
    }
    return new ElfFile(label, -1, data.length, data.subarray(0, 16), data);
  }

  close(): void {
    if (!this.mem) closeSync(this.fd);
  }

  /** Reads `len` bytes at `offset`; throws ElfError when the range leaves the file. */
  read(offset: number, len: number): Buffer {
    if (!Number.isSafeInteger(offset) || offset < 0 || len < 0 || offset + len > this.size) {
      throw new ElfError(`range 0x${offset.toString(16)}+${len} is outside the file (${this.size} bytes)`, offset);
    }
    if (len > MAX_TABLE) throw new ElfError(`refusing to read ${len} bytes at once`, offset);
    // Small reads (strings, headers) come from cached aligned blocks: they cluster in .rodata.
    if (len <= 4096 && !this.mem) {
      const first = Math.floor(offset / BLOCK);
      if (Math.floor((offset + len - 1) / BLOCK) === first) {
        const blk = this.block(first);
        return blk.subarray(offset - first * BLOCK, offset - first * BLOCK + len);
      }
    }
    return this.readRaw(offset, len);
  }

  /** Most recently used blocks, oldest first (a Map keeps insertion order). */
  private readonly blocks = new Map<number, Buffer>();

  private block(k: number): Buffer {
    let b = this.blocks.get(k);
    if (b) {
      this.blocks.delete(k);
    } else {
      b = this.readRaw(k * BLOCK, Math.min(BLOCK, this.size - k * BLOCK));
      if (this.blocks.size >= MAX_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
    }
    this.blocks.set(k, b);
    return b;
  }

  private readRaw(offset: number, len: number): Buffer {
    if (this.mem) return this.mem.subarray(offset, offset + len);
    const b = Buffer.alloc(len);
    let done = 0;
    while (done < len) {
      const n = readSync(this.fd, b, done, len - done, offset + done);
      if (n === 0) throw new ElfError('file ended early', offset + done);
      done += n;
    }
    return b;
  }

  u16(b: Buffer, o: number): number { return this.little ? b.readUInt16LE(o) : b.readUInt16BE(o); }
  u32(b: Buffer, o: number): number { return this.little ? b.readUInt32LE(o) : b.readUInt32BE(o); }
  i32(b: Buffer, o: number): number { return this.little ? b.readInt32LE(o) : b.readInt32BE(o); }
  u64(b: Buffer, o: number): bigint { return this.little ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o); }
  i64(b: Buffer, o: number): bigint { return this.little ? b.readBigInt64LE(o) : b.readBigInt64BE(o); }
  /** A pointer-sized unsigned value. */
  addr(b: Buffer, o: number): bigint { return this.is64 ? this.u64(b, o) : BigInt(this.u32(b, o)); }
  get ptrSize(): number { return this.is64 ? 8 : 4; }

  private problem(message: string, offset?: number): void {
    if (this.problems.some((p) => p.message === message)) return;
    this.problems.push(offset === undefined ? { message } : { offset, message });
  }

  private num(v: bigint, what: string): number {
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`${what} 0x${v.toString(16)} is too large`);
    return Number(v);
  }

  private readSections(hdr: Buffer): void {
    const shoff = this.num(this.is64 ? this.u64(hdr, 40) : BigInt(this.u32(hdr, 32)), 'section header offset');
    const shentsize = this.u16(hdr, this.is64 ? 58 : 46);
    let shnum = this.u16(hdr, this.is64 ? 60 : 48);
    const strndxAt = this.is64 ? 62 : 50;
    let shstrndx = this.u16(hdr, strndxAt);
    if (shoff === 0) return;
    if (shentsize < (this.is64 ? 64 : 40)) throw new ElfError(`section header size ${shentsize} is too small`, this.is64 ? 58 : 46);
    // Extended numbering (more than 65279 sections): the real count and name table index are
    // the size and link of section header 0.
    if (shnum === 0 || shstrndx === SHN_XINDEX) {
      const zero = this.sectionHeader(this.read(shoff, shentsize), 0, 0);
      if (shnum === 0) shnum = zero.size;
      if (shstrndx === SHN_XINDEX) shstrndx = zero.link;
    }
    if (shnum === 0) return;
    const table = this.read(shoff, shnum * shentsize);
    const nameOffs: number[] = [];
    for (let i = 0; i < shnum; i++) {
      nameOffs.push(this.u32(table, i * shentsize));
      this.sections.push(this.sectionHeader(table, i * shentsize, i));
    }
    if (shstrndx === 0) return; // SHN_UNDEF: the file has no section names
    const names = this.sectionNames(shstrndx, strndxAt);
    if (!names) return;
    this.sections.forEach((s, i) => {
      if (nameOffs[i]! < names.length) s.name = cstring(names, nameOffs[i]!);
      else this.problem(`section ${i} has name offset ${nameOffs[i]}, outside the ${names.length}-byte section name table`, shoff + i * shentsize);
    });
  }

  private sectionHeader(table: Buffer, o: number, i: number): Section {
    return this.is64
      ? {
        index: i, name: '', type: this.u32(table, o + 4), flags: this.u64(table, o + 8), addr: this.u64(table, o + 16),
        offset: this.num(this.u64(table, o + 24), 'section offset'), size: this.num(this.u64(table, o + 32), 'section size'),
        link: this.u32(table, o + 40), info: this.u32(table, o + 44), entsize: this.num(this.u64(table, o + 56), 'entry size'),
      }
      : {
        index: i, name: '', type: this.u32(table, o + 4), flags: BigInt(this.u32(table, o + 8)), addr: BigInt(this.u32(table, o + 12)),
        offset: this.u32(table, o + 16), size: this.u32(table, o + 20), link: this.u32(table, o + 24), info: this.u32(table, o + 28),
        entsize: this.u32(table, o + 36),
      };
  }

  /** The section name table e_shstrndx names, or undefined (a problem) when it cannot be one. */
  private sectionNames(idx: number, at: number): Buffer | undefined {
    const strs = this.sections[idx];
    const unused = 'section names are not used';
    if (!strs) {
      this.problem(`e_shstrndx is ${idx}, outside the section header table (${this.sections.length} entries): ${unused}`, at);
      return undefined;
    }
    if (strs.type !== SHT_STRTAB) {
      this.problem(`e_shstrndx is ${idx}, a section of type ${strs.type}, not a string table: ${unused}`, at);
      return undefined;
    }
    try {
      return this.read(strs.offset, strs.size);
    } catch (e) {
      if (!(e instanceof ElfError)) throw e;
      this.problem(`the section name table (section ${idx}) is unreadable: ${e.message}; ${unused}`, at);
      return undefined;
    }
  }

  private readSegments(hdr: Buffer): void {
    const phoff = this.num(this.is64 ? this.u64(hdr, 32) : BigInt(this.u32(hdr, 28)), 'program header offset');
    const phentsize = this.u16(hdr, this.is64 ? 54 : 42);
    let phnum = this.u16(hdr, this.is64 ? 56 : 44);
    if (phnum === PN_XNUM && this.sections[0]) phnum = this.sections[0].info;
    if (phoff === 0 || phnum === 0) return;
    if (phentsize < (this.is64 ? 56 : 32)) {
      this.problem(`program header size ${phentsize} is too small: the ${phnum} program headers are not used`, this.is64 ? 54 : 42);
      return;
    }
    const table = this.read(phoff, phnum * phentsize);
    for (let i = 0; i < phnum; i++) {
      const o = i * phentsize;
      this.segments.push(this.is64
        ? { type: this.u32(table, o), offset: this.num(this.u64(table, o + 8), 'segment offset'), vaddr: this.u64(table, o + 16),
          filesz: this.num(this.u64(table, o + 32), 'segment size'), memsz: this.num(this.u64(table, o + 40), 'segment size') }
        : { type: this.u32(table, o), offset: this.u32(table, o + 4), vaddr: BigInt(this.u32(table, o + 8)),
          filesz: this.u32(table, o + 16), memsz: this.u32(table, o + 20) });
    }
  }

  /** File offset of section header `i`. */
  private sectionHeaderAt(i: number): number | undefined {
    const hdr = this.read(0, this.is64 ? 64 : 52);
    const shoff = this.is64 ? Number(this.u64(hdr, 40)) : this.u32(hdr, 32);
    return shoff + i * this.u16(hdr, this.is64 ? 58 : 46);
  }

  section(name: string): Section | undefined {
    return this.sections.find((s) => s.name === name);
  }

  /** Symbols of .symtab, filtered by `keep` as they are read. */
  /** Symbols of .symtab, filtered by `keep` as they are read; none (a problem) when it is unusable. */
  symbols(keep: (name: string) => boolean): ElfSymbol[] {
    const symtab = this.sections.find((s) => s.type === SHT_SYMTAB);
    if (!symtab) return [];
    const at = this.sectionHeaderAt(symtab.index);
    const strtab = this.sections[symtab.link];
    if (!strtab || strtab.type !== SHT_STRTAB) {
      this.problem(`the symbol table (section ${symtab.index}) links to section ${symtab.link}, which is not a string table: symbols are not used`, at);
      return [];
    }
    const entsize = symtab.entsize || (this.is64 ? 24 : 16);
    if (entsize < (this.is64 ? 24 : 16)) {
      this.problem(`symbol entry size ${entsize} is too small: symbols are not used`, at);
      return [];
    }
    const rest = symtab.size % entsize;
    if (rest) this.problem(`the symbol table (${symtab.size} bytes) ends ${rest} bytes into an entry of ${entsize}: those bytes are not read`, symtab.offset + symtab.size - rest);
    let data: Buffer, strs: Buffer;
    try {
      data = this.read(symtab.offset, symtab.size - rest);
      strs = this.read(strtab.offset, strtab.size);
    } catch (e) {
      if (!(e instanceof ElfError)) throw e;
      this.problem(`the symbol table is unreadable: ${e.message}; symbols are not used`, at);
      return [];
    }
    const out: ElfSymbol[] = [];
    for (let o = 0; o + entsize <= data.length; o += entsize) {
      const name = cstring(strs, this.u32(data, o));
      if (!name || !keep(name)) continue;
      out.push(this.is64
        ? { name, type: data[o + 4]! & 0xf, section: this.u16(data, o + 6), value: this.u64(data, o + 8), size: this.num(this.u64(data, o + 16), 'symbol size') }
        : { name, value: BigInt(this.u32(data, o + 4)), size: this.u32(data, o + 8), type: data[o + 12]! & 0xf, section: this.u16(data, o + 14) });
    }
    return out;
  }

  /** File offset of a virtual address: through a section that holds file data, else a segment. */
  offsetOf(vaddr: bigint, len = 1): number | undefined {
    for (const s of this.sections) {
      if (s.type === SHT_NOBITS || s.addr === 0n || s.size === 0) continue;
      if (vaddr >= s.addr && vaddr + BigInt(len) <= s.addr + BigInt(s.size)) return s.offset + Number(vaddr - s.addr);
    }
    for (const p of this.segments) {
      if (p.type !== PT_LOAD) continue;
      if (vaddr >= p.vaddr && vaddr + BigInt(len) <= p.vaddr + BigInt(p.filesz)) return p.offset + Number(vaddr - p.vaddr);
    }
    return undefined;
  }

  /**
   * The NUL-terminated string at a virtual address (at most `max` bytes), or undefined. A string
   * with no NUL within `max` bytes or before the end of the file is a problem unless `probe`.
   */
  stringAt(vaddr: bigint, max = 64 * 1024, probe = false): string | undefined {
    if (vaddr === 0n) return undefined;
    const off = this.offsetOf(vaddr);
    if (off === undefined) return undefined;
    // Most spec strings are short: read a little, and more only when no NUL has turned up.
    for (let len = 256; ; len *= 4) {
      const n = Math.min(len, max, this.size - off);
      const chunk = this.read(off, n);
      const end = chunk.indexOf(0);
      if (end >= 0) return chunk.toString('utf8', 0, end);
      if (n < len) {
        if (!probe) this.problem(`the string at 0x${vaddr.toString(16)} has no NUL within ${n} bytes${n < max ? ' (the file ends)' : ''}: it is left out`, off);
        return undefined;
      }
    }
  }
}

/** The NUL-terminated string at `o` of a buffer ('' when out of range). */
export function cstring(b: Buffer, o: number): string {
  if (o < 0 || o >= b.length) return '';
  const end = b.indexOf(0, o);
  return b.toString('utf8', o, end < 0 ? b.length : end);
}
