// Reading one struct out of an ELF file through a Layout: numbers by field name, strings from
// fixed char arrays or through `const char *` pointers, arrays of structs as sub-records.

import { cstring, type ElfFile } from './elf.js';
import type { FieldType, Layout } from './layout.js';

/** Bytes of a scalar member. */
function scalarSize(t: FieldType, ptrSize: number): number {
  switch (t) {
    case 'u8': case 'bool': return 1;
    case 'u16': return 2;
    case 'u32': case 'enum': case 'i32': return 4;
    case 's64': case 'u64': return 8;
    default: return ptrSize;
  }
}

/** The layout in use lacks a member the decoder needs, or has it in another shape. */
export class LayoutError extends Error {}

export class StructReader {
  constructor(
    readonly elf: ElfFile, readonly buf: Buffer, readonly base: number, readonly fileOffset: number,
    readonly layout: Layout,
  ) {}

  private placed(name: string) {
    const p = this.layout.fields.get(name);
    if (!p) throw new LayoutError(`layout has no field ${name}`);
    return p;
  }

  has(name: string): boolean {
    return this.layout.fields.has(name);
  }

  /** Offset of a field in the file (for positions). */
  offsetOf(name: string): number {
    return this.fileOffset + this.placed(name).offset;
  }

  private scalar(t: FieldType, o: number): bigint {
    const e = this.elf;
    const b = this.buf;
    const size = scalarSize(t, e.ptrSize);
    // Type information from the file can place a member outside the record: that is bad input.
    if (o < 0 || o + size > b.length) throw new LayoutError(`a member at offset ${o} lies outside the ${b.length}-byte record`);
    switch (t) {
      case 'u8': case 'bool': return BigInt(b[o]!);
      case 'u16': return BigInt(e.little ? b.readUInt16LE(o) : b.readUInt16BE(o));
      case 'u32': case 'enum': return BigInt(e.u32(b, o));
      case 'i32': return BigInt(e.i32(b, o));
      case 's64': return e.i64(b, o);
      case 'u64': return e.u64(b, o);
      case 'size_t': case 'ptr': case 'str': return e.addr(b, o);
      default: throw new LayoutError('not a scalar field');
    }
  }

  big(name: string): bigint {
    const p = this.placed(name);
    return this.scalar(p.type, this.base + p.offset);
  }

  num(name: string): number {
    return Number(this.big(name));
  }

  /** A string field: a fixed char array, or a pointer resolved through the file's sections. */
  str(name: string): string | undefined {
    const p = this.placed(name);
    const o = this.base + p.offset;
    if (typeof p.type === 'object' && 'chars' in p.type) {
      if (o < 0 || o + p.type.chars > this.buf.length) throw new LayoutError(`a string member at offset ${o} lies outside the record`);
      const s = cstring(this.buf.subarray(o, o + p.type.chars), 0);
      return s === '' ? undefined : s;
    }
    const s = this.elf.stringAt(this.scalar(p.type, o));
    return s === '' ? undefined : s;
  }

  /** Element `i` of an array field of structs. */
  elem(name: string, i: number): StructReader {
    const p = this.placed(name);
    const t = p.type;
    if (typeof t !== 'object' || !('array' in t) || !p.layout) throw new LayoutError(`${name} is not an array of structs`);
    const off = p.offset + i * p.layout.size;
    return new StructReader(this.elf, this.buf, this.base + off, this.fileOffset + off, p.layout);
  }

  /** A struct-valued field. */
  sub(name: string): StructReader {
    const p = this.placed(name);
    if (!p.layout) throw new LayoutError(`${name} is not a struct`);
    return new StructReader(this.elf, this.buf, this.base + p.offset, this.fileOffset + p.offset, p.layout);
  }

  /** Element `i` of an array field of scalars. */
  item(name: string, i: number): bigint {
    const p = this.placed(name);
    const t = p.type;
    if (typeof t !== 'object' || !('array' in t)) throw new LayoutError(`${name} is not an array`);
    return this.scalar(t.array, this.base + p.offset + i * scalarSize(t.array, this.elf.ptrSize));
  }

  /** Capacity of an array field. */
  capacity(name: string): number {
    const t = this.placed(name).type;
    return typeof t === 'object' && 'array' in t ? t.n : 0;
  }
}
