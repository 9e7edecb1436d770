// BTF reader: the kernel's compact type format, from an ELF `.BTF` section or a raw blob such as
// /sys/kernel/btf/vmlinux. It turns `struct kernel_api_spec` (or any struct) into a Layout, so a
// kernel built with a changed struct still decodes. Bad data throws BtfError, never anything else.

import type { FieldType, Layout, Placed } from './layout.js';

export class BtfError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export const BTF_KINDS = [
  'UNKN', 'INT', 'PTR', 'ARRAY', 'STRUCT', 'UNION', 'ENUM', 'FWD', 'TYPEDEF', 'VOLATILE', 'CONST',
  'RESTRICT', 'FUNC', 'FUNC_PROTO', 'VAR', 'DATASEC', 'FLOAT', 'DECL_TAG', 'TYPE_TAG', 'ENUM64',
] as const;
export type BtfKind = (typeof BTF_KINDS)[number];

export interface BtfMember { name: string; type: number; bitOffset: number; bitSize: number }

export interface BtfType {
  id: number;
  kind: BtfKind;
  name: string;
  /** size for INT, STRUCT, UNION, ENUM, DATASEC, FLOAT; referenced type id otherwise. */
  sizeOrType: number;
  kindFlag: boolean;
  /** INT: encoding bits (1 signed, 2 char, 4 bool), bit offset, bit count. */
  int?: { encoding: number; offset: number; bits: number };
  array?: { type: number; indexType: number; nelems: number };
  members?: BtfMember[];
  /** ENUM / ENUM64 values; FUNC_PROTO parameters as members; DATASEC entries as members. */
  enumValues?: { name: string; value: bigint }[];
}

const MAGIC = 0xeb9f;

export class Btf {
  readonly types: BtfType[] = [];
  private readonly byName = new Map<string, BtfType[]>();

  constructor(buf: Buffer) {
    if (buf.length < 24) throw new BtfError('BTF data shorter than its header', 0);
    const little = buf.readUInt16LE(0) === MAGIC;
    if (!little && buf.readUInt16BE(0) !== MAGIC) throw new BtfError(`bad BTF magic 0x${buf.readUInt16LE(0).toString(16)}`, 0);
    const u32 = (o: number) => (little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const hdrLen = u32(4);
    const typeOff = u32(8), typeLen = u32(12), strOff = u32(16), strLen = u32(20);
    const types = hdrLen + typeOff;
    const strs = hdrLen + strOff;
    if (hdrLen < 24 || types + typeLen > buf.length || strs + strLen > buf.length) {
      throw new BtfError('BTF sections lie outside the data', 4);
    }
    const str = (o: number) => {
      if (o >= strLen) throw new BtfError(`string offset ${o} outside the string section`, strs);
      const end = buf.indexOf(0, strs + o);
      if (end < 0 || end >= strs + strLen) throw new BtfError(`string at offset ${o} has no NUL inside the string section`, strs + o);
      return buf.toString('utf8', strs + o, end);
    };
    this.types.push({ id: 0, kind: 'UNKN', name: '', sizeOrType: 0, kindFlag: false });
    let o = types;
    const end = types + typeLen;
    const need = (n: number) => {
      if (o + n > end) throw new BtfError(`type ${this.types.length} runs past the type section`, o);
    };
    while (o < end) {
      need(12);
      const info = u32(o + 4);
      const kindNum = (info >>> 24) & 0x1f;
      const kind = BTF_KINDS[kindNum];
      if (!kind || kind === 'UNKN') throw new BtfError(`unknown BTF kind ${kindNum}`, o);
      const vlen = info & 0xffff;
      const t: BtfType = { id: this.types.length, kind, name: str(u32(o)), sizeOrType: u32(o + 8), kindFlag: info >>> 31 === 1 };
      o += 12;
      switch (kind) {
        case 'INT': { need(4); const v = u32(o); t.int = { encoding: (v >>> 24) & 0xf, offset: (v >>> 16) & 0xff, bits: v & 0xff }; o += 4; break; }
        case 'ARRAY': need(12); t.array = { type: u32(o), indexType: u32(o + 4), nelems: u32(o + 8) }; o += 12; break;
        case 'STRUCT': case 'UNION':
          need(12 * vlen);
          t.members = Array.from({ length: vlen }, (_, k) => {
            const b = o + 12 * k;
            const off = u32(b + 8);
            return t.kindFlag
              ? { name: str(u32(b)), type: u32(b + 4), bitOffset: off & 0xffffff, bitSize: off >>> 24 }
              : { name: str(u32(b)), type: u32(b + 4), bitOffset: off, bitSize: 0 };
          });
          o += 12 * vlen;
          break;
        case 'ENUM':
          need(8 * vlen);
          t.enumValues = Array.from({ length: vlen }, (_, k) => ({ name: str(u32(o + 8 * k)), value: BigInt(u32(o + 8 * k + 4)) }));
          o += 8 * vlen;
          break;
        case 'ENUM64':
          need(12 * vlen);
          t.enumValues = Array.from({ length: vlen }, (_, k) => ({ name: str(u32(o + 12 * k)), value: (BigInt(u32(o + 12 * k + 8)) << 32n) | BigInt(u32(o + 12 * k + 4)) }));
          o += 12 * vlen;
          break;
        case 'FUNC_PROTO':
          need(8 * vlen);
          t.members = Array.from({ length: vlen }, (_, k) => ({ name: str(u32(o + 8 * k)), type: u32(o + 8 * k + 4), bitOffset: 0, bitSize: 0 }));
          o += 8 * vlen;
          break;
        case 'VAR': case 'DECL_TAG': need(4); o += 4; break;
        case 'DATASEC':
          need(12 * vlen);
          t.members = Array.from({ length: vlen }, (_, k) => ({ name: '', type: u32(o + 12 * k), bitOffset: u32(o + 12 * k + 4) * 8, bitSize: u32(o + 12 * k + 8) * 8 }));
          o += 12 * vlen;
          break;
        default: break;
      }
      this.types.push(t);
      if (t.name) {
        const l = this.byName.get(t.name);
        if (l) l.push(t);
        else this.byName.set(t.name, [t]);
      }
    }
  }

  type(id: number): BtfType {
    const t = this.types[id];
    if (!t) throw new BtfError(`type id ${id} does not exist`, 0);
    return t;
  }

  find(name: string, kind: BtfKind): BtfType | undefined {
    return this.byName.get(name)?.find((t) => t.kind === kind);
  }

  /** Follows typedefs and qualifiers to the type that has a shape. */
  resolve(id: number): BtfType {
    let t = this.type(id);
    for (let n = 0; ['TYPEDEF', 'CONST', 'VOLATILE', 'RESTRICT', 'TYPE_TAG'].includes(t.kind); n++) {
      if (n > 64) throw new BtfError(`type ${id}: qualifier chain too long`, 0);
      t = this.type(t.sizeOrType);
    }
    return t;
  }

  sizeOf(id: number, depth = 0): number {
    if (depth > 64) throw new BtfError(`type ${id}: nested too deep`, 0);
    const t = this.resolve(id);
    switch (t.kind) {
      case 'INT': case 'STRUCT': case 'UNION': case 'ENUM': case 'ENUM64': case 'FLOAT': return t.sizeOrType;
      case 'PTR': return this.ptrSize;
      case 'ARRAY': return t.array!.nelems * this.sizeOf(t.array!.type, depth + 1);
      default: return 0;
    }
  }

  /** Pointer size: that of `unsigned long` in this BTF (8 unless the kernel is 32-bit). */
  get ptrSize(): number {
    return this.find('long unsigned int', 'INT')?.sizeOrType ?? 8;
  }

  /** The Layout of a struct, with field types reduced to what the decoder reads. */
  layout(structId: number, depth = 0): Layout {
    if (depth > 16) throw new BtfError(`struct ${structId}: nested too deep`, 0);
    const st = this.resolve(structId);
    if (st.kind !== 'STRUCT') throw new BtfError(`type ${structId} is a ${st.kind}, not a struct`, 0);
    const fields = new Map<string, Placed>();
    let align = 1;
    for (const m of st.members ?? []) {
      // Bit fields have no byte offset; a member the decoder needs is never one (and if a corrupt
      // file says so, the decoder reports the member as missing).
      if (m.bitOffset % 8 !== 0 || m.bitSize) continue;
      const [type, layout] = this.fieldType(m.type, depth);
      const p: Placed = { offset: m.bitOffset / 8, type };
      if (layout) p.layout = layout;
      fields.set(m.name, p);
      align = Math.max(align, Math.min(this.sizeOf(m.type), 8) || 1);
    }
    return { size: st.sizeOrType, align, fields };
  }

  private fieldType(id: number, depth: number): [FieldType, Layout?] {
    if (depth > 16) throw new BtfError(`type ${id}: nested too deep`, 0);
    const t = this.resolve(id);
    switch (t.kind) {
      case 'INT': {
        const signed = (t.int!.encoding & 1) === 1;
        if (t.sizeOrType === 1) return ['u8'];
        if (t.sizeOrType === 2) return ['u16'];
        if (t.sizeOrType === 4) return [signed ? 'i32' : 'u32'];
        if (t.sizeOrType === 8) return [signed ? 's64' : 'u64'];
        return ['u32'];
      }
      case 'ENUM': case 'ENUM64': return [t.sizeOrType === 8 ? 'u64' : 'enum'];
      case 'PTR': {
        const to = this.resolve(t.sizeOrType);
        return [to.kind === 'INT' && to.sizeOrType === 1 ? 'str' : 'ptr'];
      }
      case 'ARRAY': {
        const a = t.array!;
        const el = this.resolve(a.type);
        if (el.kind === 'INT' && el.sizeOrType === 1) return [{ chars: a.nelems }];
        if (el.kind === 'STRUCT') {
          const l = this.layout(a.type, depth + 1);
          return [{ array: { struct: { name: el.name, fields: [] } }, n: a.nelems }, l];
        }
        const [et] = this.fieldType(a.type, depth + 1);
        return [{ array: et, n: a.nelems }];
      }
      case 'STRUCT': {
        const l = this.layout(id, depth + 1);
        return [{ struct: { name: t.name, fields: [] } }, l];
      }
      default: return ['u8'];
    }
  }
}
