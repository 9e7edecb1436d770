// A DWARF (versions 2-5) reader just deep enough to find a struct and lay it out: it walks the
// DIEs of .debug_info with the abbreviations of .debug_abbrev, keeps the tags that describe types
// (structures, members, base, pointer, array, typedef, qualifiers, enumerations) and turns a
// struct into a Layout, like the BTF reader. Bad data throws DwarfError, never anything else.

import type { FieldType, Layout, Placed } from './layout.js';

export class DwarfError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const TAG = {
  array: 0x01, enumeration: 0x04, member: 0x0d, pointer: 0x0f, structure: 0x13, typedef: 0x16,
  union: 0x17, base: 0x24, const: 0x26, subrange: 0x21, volatile: 0x35, restrict: 0x37,
} as const;
const AT = { name: 0x03, byte_size: 0x0b, type: 0x49, data_member_location: 0x38, upper_bound: 0x2f, count: 0x37, encoding: 0x3e, str_offsets_base: 0x72 } as const;

interface Die { offset: number; tag: number; attrs: Map<number, bigint | string>; children: Die[]; parent?: Die }

interface Abbrev { tag: number; children: boolean; specs: [number, number, bigint][] }

class Cursor {
  constructor(readonly b: Buffer, public o: number, readonly little: boolean) {}
  need(n: number): void {
    if (this.o + n > this.b.length) throw new DwarfError('DWARF data ends early', this.o);
  }
  u8(): number { this.need(1); return this.b[this.o++]!; }
  u16(): number { this.need(2); const v = this.little ? this.b.readUInt16LE(this.o) : this.b.readUInt16BE(this.o); this.o += 2; return v; }
  u32(): number { this.need(4); const v = this.little ? this.b.readUInt32LE(this.o) : this.b.readUInt32BE(this.o); this.o += 4; return v; }
  u64(): bigint { this.need(8); const v = this.little ? this.b.readBigUInt64LE(this.o) : this.b.readBigUInt64BE(this.o); this.o += 8; return v; }
  uleb(): bigint {
    let r = 0n, shift = 0n;
    for (;;) {
      const byte = this.u8();
      r |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if (!(byte & 0x80)) return r;
      if (shift > 70n) throw new DwarfError('LEB128 number too long', this.o);
    }
  }
  sleb(): bigint {
    let r = 0n, shift = 0n, byte: number;
    do {
      byte = this.u8();
      r |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if (shift > 70n) throw new DwarfError('LEB128 number too long', this.o);
    } while (byte & 0x80);
    return byte & 0x40 ? r - (1n << shift) : r;
  }
  cstr(): string {
    const end = this.b.indexOf(0, this.o);
    if (end < 0) throw new DwarfError('unterminated string', this.o);
    const s = this.b.toString('utf8', this.o, end);
    this.o = end + 1;
    return s;
  }
  skip(n: number): void { this.need(n); this.o += n; }
}

export interface DwarfSections { info: Buffer; abbrev: Buffer; str?: Buffer; lineStr?: Buffer; strOffsets?: Buffer }

export class Dwarf {
  private readonly dies = new Map<number, Die>();
  private readonly structs = new Map<string, Die>();

  constructor(private readonly s: DwarfSections, private readonly little: boolean) {
    const c = new Cursor(s.info, 0, little);
    while (c.o < s.info.length) this.unit(c);
  }

  private strAt(sec: Buffer | undefined, off: bigint): string {
    if (!sec || off >= BigInt(sec.length)) throw new DwarfError(`string offset ${off} outside its section`, 0);
    const o = Number(off);
    const end = sec.indexOf(0, o);
    if (end < 0) throw new DwarfError(`string at offset ${off} has no NUL inside its section`, 0);
    return sec.toString('utf8', o, end);
  }

  /** Abbreviation tables by offset: units share them, and each is read once. */
  private readonly abbrevTables = new Map<number, Map<number, Abbrev>>();

  private abbrevs(off: number): Map<number, Abbrev> {
    const known = this.abbrevTables.get(off);
    if (known) return known;
    const c = new Cursor(this.s.abbrev, off, this.little);
    const out = new Map<number, Abbrev>();
    this.abbrevTables.set(off, out);
    for (;;) {
      const code = Number(c.uleb());
      if (code === 0) return out;
      const tag = Number(c.uleb());
      const children = c.u8() === 1;
      const specs: [number, number, bigint][] = [];
      for (;;) {
        const at = Number(c.uleb());
        const form = Number(c.uleb());
        const implicit = form === 0x21 ? c.sleb() : 0n;
        if (at === 0 && form === 0) break;
        specs.push([at, form, implicit]);
      }
      out.set(code, { tag, children, specs });
    }
  }

  private unit(c: Cursor): void {
    const start = c.o;
    let len = c.u32();
    let off64 = false;
    if (len === 0xffffffff) { len = Number(c.u64()); off64 = true; }
    const end = c.o + len;
    if (end > c.b.length) throw new DwarfError('compilation unit runs past .debug_info', start);
    const version = c.u16();
    if (version < 2 || version > 5) throw new DwarfError(`unsupported DWARF version ${version}`, start);
    let addrSize: number;
    let abbrevOff: number;
    if (version >= 5) {
      const unitType = c.u8();
      addrSize = c.u8();
      abbrevOff = off64 ? Number(c.u64()) : c.u32();
      if (unitType === 2 || unitType === 6) c.skip(8 + (off64 ? 8 : 4)); // type units: signature, type offset
      else if (unitType === 4 || unitType === 5) c.skip(8); // skeleton / split: dwo id
    } else {
      abbrevOff = off64 ? Number(c.u64()) : c.u32();
      addrSize = c.u8();
    }
    const abbrevs = this.abbrevs(abbrevOff);
    const ctx = { start, version, addrSize, off64, strBase: 8n };
    const stack: Die[] = [];
    while (c.o < end) {
      const offset = c.o;
      const code = Number(c.uleb());
      if (code === 0) { stack.pop(); continue; }
      const ab = abbrevs.get(code);
      if (!ab) throw new DwarfError(`unknown abbreviation ${code}`, offset);
      const die: Die = { offset, tag: ab.tag, attrs: new Map(), children: [] };
      for (const [at, form, implicit] of ab.specs) {
        const v = this.form(c, form, implicit, ctx);
        if (v !== undefined) die.attrs.set(at, v);
      }
      if (die.attrs.has(AT.str_offsets_base)) ctx.strBase = die.attrs.get(AT.str_offsets_base) as bigint;
      const parent = stack[stack.length - 1];
      if (parent) { die.parent = parent; parent.children.push(die); }
      this.dies.set(offset, die);
      const name = die.attrs.get(AT.name);
      if ((die.tag === TAG.structure) && typeof name === 'string' && die.attrs.has(AT.byte_size) && !this.structs.has(name)) {
        this.structs.set(name, die);
      }
      if (ab.children) stack.push(die);
    }
    if (c.o > end) throw new DwarfError('a DIE runs past the end of its compilation unit', start);
    c.o = end;
  }

  /** Reads one attribute value; references become absolute .debug_info offsets. */
  private form(c: Cursor, form: number, implicit: bigint, u: { start: number; version: number; addrSize: number; off64: boolean; strBase: bigint }): bigint | string | undefined {
    const offsz = () => (u.off64 ? c.u64() : BigInt(c.u32()));
    const strx = (i: bigint) => {
      const so = this.s.strOffsets;
      const at = Number(u.strBase + i * (u.off64 ? 8n : 4n));
      if (!so || at + 4 > so.length) throw new DwarfError('string index outside .debug_str_offsets', c.o);
      return this.strAt(this.s.str, BigInt(this.little ? so.readUInt32LE(at) : so.readUInt32BE(at)));
    };
    switch (form) {
      case 0x01: return u.addrSize === 8 ? c.u64() : BigInt(c.u32()); // addr
      case 0x0b: return BigInt(c.u8()); // data1
      case 0x05: return BigInt(c.u16()); // data2
      case 0x06: return BigInt(c.u32()); // data4
      case 0x07: return c.u64(); // data8
      case 0x1e: c.skip(16); return undefined; // data16
      case 0x0d: return c.sleb(); // sdata
      case 0x0f: return c.uleb(); // udata
      case 0x08: return c.cstr(); // string
      case 0x0e: return this.strAt(this.s.str, offsz()); // strp
      case 0x1f: return this.strAt(this.s.lineStr, offsz()); // line_strp
      case 0x1a: return strx(c.uleb()); // strx
      case 0x25: return strx(BigInt(c.u8())); case 0x26: return strx(BigInt(c.u16()));
      case 0x27: { const lo = c.u16(); const hi = c.u8(); return strx(BigInt(lo | (hi << 16))); }
      case 0x28: return strx(BigInt(c.u32()));
      case 0x11: return BigInt(u.start + c.u8()); // ref1
      case 0x12: return BigInt(u.start + c.u16()); // ref2
      case 0x13: return BigInt(u.start) + BigInt(c.u32()); // ref4
      case 0x14: return BigInt(u.start) + c.u64(); // ref8
      case 0x15: return BigInt(u.start) + c.uleb(); // ref_udata
      case 0x10: return offsz(); // ref_addr
      case 0x20: c.skip(8); return undefined; // ref_sig8
      case 0x0c: return BigInt(c.u8()); // flag
      case 0x19: return 1n; // flag_present
      case 0x21: return implicit; // implicit_const
      case 0x17: offsz(); return undefined; // sec_offset
      case 0x18: c.skip(Number(c.uleb())); return undefined; // exprloc
      case 0x09: c.skip(Number(c.uleb())); return undefined; // block
      case 0x0a: c.skip(c.u8()); return undefined; // block1
      case 0x03: c.skip(c.u16()); return undefined; // block2
      case 0x04: c.skip(c.u32()); return undefined; // block4
      case 0x1b: c.uleb(); return undefined; // addrx
      case 0x29: c.skip(1); return undefined; case 0x2a: c.skip(2); return undefined;
      case 0x2b: c.skip(3); return undefined; case 0x2c: c.skip(4); return undefined;
      case 0x22: case 0x23: c.uleb(); return undefined; // loclistx, rnglistx
      case 0x16: { const f = Number(c.uleb()); return this.form(c, f, 0n, u); } // indirect
      default: throw new DwarfError(`unsupported DWARF form 0x${form.toString(16)}`, c.o);
    }
  }

  private die(off: bigint | string | undefined): Die {
    const d = typeof off === 'bigint' ? this.dies.get(Number(off)) : undefined;
    if (!d) throw new DwarfError(`type reference ${String(off)} does not lead to a DIE`, 0);
    return d;
  }

  private resolve(d: Die, depth = 0): Die {
    while ([TAG.typedef, TAG.const, TAG.volatile, TAG.restrict].includes(d.tag as 0x16)) {
      if (++depth > 64) throw new DwarfError('qualifier chain too long', d.offset);
      if (!d.attrs.has(AT.type)) return d; // const void
      d = this.die(d.attrs.get(AT.type));
    }
    return d;
  }

  findStruct(name: string): number | undefined {
    return this.structs.get(name)?.offset;
  }

  private size(d: Die): number {
    return Number(d.attrs.get(AT.byte_size) ?? 0n);
  }

  /** The Layout of the struct DIE at `offset`. */
  layout(offset: number, depth = 0): Layout {
    if (depth > 16) throw new DwarfError('structs nested too deep', offset);
    const st = this.resolve(this.die(BigInt(offset)));
    if (st.tag !== TAG.structure) throw new DwarfError(`DIE 0x${offset.toString(16)} is not a struct`, offset);
    const fields = new Map<string, Placed>();
    for (const m of st.children) {
      if (m.tag !== TAG.member) continue;
      const name = m.attrs.get(AT.name);
      const loc = m.attrs.get(AT.data_member_location);
      if (typeof name !== 'string' || typeof loc !== 'bigint') continue;
      const [type, layout] = this.fieldType(this.die(m.attrs.get(AT.type)), depth);
      const p: Placed = { offset: Number(loc), type };
      if (layout) p.layout = layout;
      fields.set(name, p);
    }
    return { size: this.size(st), align: 1, fields };
  }

  private fieldType(t0: Die, depth: number): [FieldType, Layout?] {
    if (depth > 16) throw new DwarfError('types nested too deep', t0.offset);
    const t = this.resolve(t0);
    switch (t.tag) {
      case TAG.base: {
        const size = this.size(t);
        const signed = [0x05, 0x06].includes(Number(t.attrs.get(AT.encoding) ?? 0n)); // signed, signed_char
        if (size === 1) return ['u8'];
        if (size === 2) return ['u16'];
        if (size === 4) return [signed ? 'i32' : 'u32'];
        if (size === 8) return [signed ? 's64' : 'u64'];
        return ['u32'];
      }
      case TAG.enumeration: return [this.size(t) === 8 ? 'u64' : 'enum'];
      case TAG.pointer: {
        if (!t.attrs.has(AT.type)) return ['ptr'];
        const to = this.resolve(this.die(t.attrs.get(AT.type)));
        return [to.tag === TAG.base && this.size(to) === 1 ? 'str' : 'ptr'];
      }
      case TAG.array: {
        const sub = t.children.find((c) => c.tag === TAG.subrange);
        const n = sub?.attrs.has(AT.count) ? Number(sub.attrs.get(AT.count)) : sub?.attrs.has(AT.upper_bound) ? Number(sub.attrs.get(AT.upper_bound)) + 1 : 0;
        if (!Number.isSafeInteger(n) || n < 0 || n > 1 << 20) throw new DwarfError(`array of ${n} elements`, t.offset);
        const el = this.resolve(this.die(t.attrs.get(AT.type)));
        if (el.tag === TAG.base && this.size(el) === 1) return [{ chars: n }];
        if (el.tag === TAG.structure) return [{ array: { struct: { name: String(el.attrs.get(AT.name) ?? ''), fields: [] } }, n }, this.layout(el.offset, depth + 1)];
        const [et] = this.fieldType(el, depth + 1);
        return [{ array: et, n }];
      }
      case TAG.structure: return [{ struct: { name: String(t.attrs.get(AT.name) ?? ''), fields: [] } }, this.layout(t.offset, depth + 1)];
      default: return ['u8'];
    }
  }
}
