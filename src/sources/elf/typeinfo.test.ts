// BTF and DWARF readers on small blobs written here byte by byte: strings that run out of their
// section, a DIE that runs out of its unit, and abbreviation tables shared by many units (read
// once, not once per unit). Good blobs read, bad ones throw the reader's own error.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Btf, BtfError } from './btf.js';
import { Dwarf, DwarfError } from './dwarf.js';

/** A BTF blob with one 4-byte INT type named by `strs` at offset 1. */
function btf(strs: Buffer): Buffer {
  const types = Buffer.alloc(16);
  types.writeUInt32LE(1, 0); // name_off
  types.writeUInt32LE(1 << 24, 4); // kind INT, vlen 0
  types.writeUInt32LE(4, 8); // size
  types.writeUInt32LE(32, 12); // 32 bits
  const hdr = Buffer.alloc(24);
  hdr.writeUInt16LE(0xeb9f, 0);
  hdr[2] = 1;
  hdr.writeUInt32LE(24, 4);
  hdr.writeUInt32LE(0, 8);
  hdr.writeUInt32LE(types.length, 12);
  hdr.writeUInt32LE(types.length, 16);
  hdr.writeUInt32LE(strs.length, 20);
  return Buffer.concat([hdr, types, strs]);
}

describe('BTF strings', () => {
  it('a name with its NUL is read', () => {
    assert.equal(new Btf(btf(Buffer.from('\0int\0'))).type(1).name, 'int');
  });
  it('a name that runs to the end of the string section is an error, not a cut name', () => {
    assert.throws(() => new Btf(btf(Buffer.from('\0int'))), (e) => e instanceof BtfError && /no NUL inside the string section/.test(e.message));
    // The NUL after the section does not count either.
    const b = Buffer.concat([btf(Buffer.from('\0int')), Buffer.from([0])]);
    assert.throws(() => new Btf(b), BtfError);
  });
});

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};

/** A DWARF 4 unit holding `dies` (bytes), with its length as given or as it is. */
function unit(dies: number[], abbrevOff = 0, length?: number): Buffer {
  const body = [4, 0, ...[abbrevOff & 0xff, (abbrevOff >> 8) & 0xff, (abbrevOff >> 16) & 0xff, abbrevOff >>> 24], 8, ...dies];
  const b = Buffer.alloc(4 + body.length);
  b.writeUInt32LE(length ?? body.length, 0);
  Buffer.from(body).copy(b, 4);
  return b;
}

/** Abbreviation 1: a childless structure with a strp name and a data1 byte_size. */
const ABBREV = Buffer.from([1, 0x13, 0, 0x03, 0x0e, 0x0b, 0x0b, 0, 0, 0]);
const struct = (strOff: number, size: number) => [1, strOff & 0xff, (strOff >> 8) & 0xff, 0, 0, size];

describe('DWARF', () => {
  it('finds a struct by its name in .debug_str', () => {
    const d = new Dwarf({ info: unit(struct(0, 24)), abbrev: ABBREV, str: Buffer.from('pair\0') }, true);
    assert.equal(d.findStruct('pair'), 11);
  });
  it('a name with no NUL in .debug_str is an error, not a name cut at the section end', () => {
    assert.throws(() => new Dwarf({ info: unit(struct(0, 24)), abbrev: ABBREV, str: Buffer.from('pair') }, true),
      (e) => e instanceof DwarfError && /no NUL inside its section/.test(e.message));
  });
  it('a DIE that runs past the end of its unit is an error, not read from the next unit', () => {
    const info = Buffer.concat([unit(struct(0, 24), 0, 7 + 3), unit(struct(0, 24))]);
    assert.throws(() => new Dwarf({ info, abbrev: ABBREV, str: Buffer.from('pair\0') }, true),
      (e) => e instanceof DwarfError && /runs past the end of its compilation unit/.test(e.message));
  });
  it('units sharing an abbreviation table read it once', () => {
    // A long table (1000 unused abbreviations first) shared by 2000 units.
    const filler: number[] = [];
    for (let k = 2; k < 1002; k++) filler.push(...uleb(k), 0x24, 0, 0x03, 0x08, 0, 0);
    const table = Buffer.from([...filler, ...ABBREV]);
    let reads = 0;
    const counted = new Proxy(table, {
      get(t, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        const v = Reflect.get(t, key, t);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
    const info = Buffer.concat(Array.from({ length: 2000 }, () => unit(struct(0, 24))));
    const d = new Dwarf({ info, abbrev: counted, str: Buffer.from('pair\0') }, true);
    assert.equal(d.findStruct('pair'), 11);
    assert.ok(reads <= table.length, `${reads} reads of a ${table.length}-byte table`);
  });
});
