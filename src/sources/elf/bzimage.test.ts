// Kernels as distributions ship them. (a) The real Debian cloud kernel (KAPI_TEST_KERNEL, as
// .ci/run sets it from scripts/cloud-kernel.sh): a bzImage without specs, answered "no specs".
// (b) bzImage-shaped files made here: a gcc-built PATCH v4 vmlinux, stripped as the kernel build
// strips vmlinux.bin (objcopy -R .comment -S) with relocations after it, compressed with each
// format by the real Debian tool the way the kernel build runs it, behind a setup header; each
// must read back the specs of the unstripped ELF. (c) What scripts/extract-vmlinux writes, and
// the vmlinux of a -dbg package (symbols and DWARF). Bad headers and payloads are diagnostics.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { comparable, kapi, repoPath, CORPUS18 } from '../../testutil.js';
import { readSourcePath } from '../index.js';
import { emitC } from './fixture-c.js';
import { RODATA_LDS } from './fixture-c.js';
import { specsFromElf } from './index.js';
import { COMPRESSORS, PACKAGES, compress, have, withSize } from './unpack/compressors.js';
import type { Format } from './unpack/index.js';

type Packed = Exclude<Format, 'none'>;
const INCLUDE = repoPath('include/kapi');

let dir = '';
let full = '';
/** vmlinux.bin and the relocations after it: what the kernel build compresses. */
let vmlinuxBin = Buffer.alloc(0);
let want: ApiSpec[] = [];

function run(cmd: string[]): void {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd.join(' ')}\n${r.stderr}`);
}

/** A bzImage: setup sectors with the boot protocol header, then the protected-mode code. */
export function bzImage(payload: Buffer, o: { setupSects?: number; version?: number; payloadOffset?: number } = {}): Buffer {
  const setupSects = o.setupSects ?? 3;
  const pm = ((setupSects || 4) + 1) * 512;
  const payloadOffset = o.payloadOffset ?? 0x2cc; // after the decompressor's head, as in Debian's image
  const b = Buffer.alloc(pm + payloadOffset + payload.length + 0x800, 0);
  b[0x1f1] = setupSects;
  b.writeUInt16LE(0xaa55, 0x1fe);
  b.writeUInt16LE(0x6aeb, 0x200); // jmp
  b.write('HdrS', 0x202, 'latin1');
  b.writeUInt16LE(o.version ?? 0x020f, 0x206);
  b.writeUInt32LE(payloadOffset, 0x248);
  b.writeUInt32LE(payload.length, 0x24c);
  b.fill(0x90, pm, pm + payloadOffset); // the decompressor's code before the payload
  payload.copy(b, pm + payloadOffset);
  return b;
}

function readElf(path: string): { specs: ApiSpec[]; summary: string; diags: DiagSink } {
  const diags = new DiagSink();
  const r = specsFromElf(path, diags);
  return { specs: r.specs, summary: r.summary ?? '', diags };
}


before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kapi-bzimage-'));
  const corpus = await readSourcePath(repoPath(CORPUS18), new DiagSink(), { displayRoot: 'specs' });
  writeFileSync(join(dir, 'v4.c'), emitC(corpus, 'v4', 'specs/'));
  writeFileSync(join(dir, 'rodata.lds'), RODATA_LDS);
  run(['gcc', '-c', '-O2', '-Wall', `-I${INCLUDE}`, '-o', join(dir, 'v4.o'), join(dir, 'v4.c')]);
  full = join(dir, 'vmlinux');
  run(['ld', '-T', join(dir, 'rodata.lds'), '--defsym=KAPI_BASE=0xffffffff81000000', '-e', '0', '-o', full, join(dir, 'v4.o')]);
  const r = readElf(full);
  assert.deepEqual(r.diags.items, []);
  assert.equal(r.specs.length, 18);
  want = r.specs;
  run(['objcopy', '-R', '.comment', '-S', full, join(dir, 'vmlinux.bin')]);
  const relocs = Buffer.alloc(4096);
  for (let i = 0; i < relocs.length; i += 4) relocs.writeUInt32LE(0x81000000 + i * 16, i);
  vmlinuxBin = Buffer.concat([readFileSync(join(dir, 'vmlinux.bin')), relocs]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the real Debian cloud kernel', () => {
  const k = process.env['KAPI_TEST_KERNEL'];
  const skip = !k ? 'KAPI_TEST_KERNEL is not set (.ci/run sets it from scripts/cloud-kernel.sh)' : !existsSync(k) ? `KAPI_TEST_KERNEL=${k} does not exist` : false;
  it('kapi --vmlinux /boot/vmlinuz-*: "no specs in this kernel", exit 2', { skip }, () => {
    const r = kapi(['--vmlinux', k!, '-v']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^kapi: .*vmlinuz-[^:]*: x86 bzImage, boot protocol 2\.\d\d, (lz4|zstd|xz|gzip|lzma|bzip2|lzo) payload of \d+ bytes at 0x[0-9a-f]+, decompressed to \d+ bytes in \d+ ms$/m);
    assert.match(r.stderr, /vmlinuz-[^ ]*\((lz4|zstd|xz|gzip|lzma|bzip2|lzo) payload\): error\[no-specs\]: no \.kapi_specs section and no __start_kapi_specs\/__stop_kapi_specs symbols \(the file has no symbol table\), and no PATCH v3\/v4 magic word in its [\d.]+ MiB of loaded data: built without CONFIG_KAPI_SPEC\?$/m);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  });
  it('the ELF scripts/extract-vmlinux writes from it: no specs either', { skip: skip || (process.env['KAPI_KERNEL_TREE'] ? false : 'KAPI_KERNEL_TREE is not set') }, () => {
    const out = join(dir, 'cloud-vmlinux');
    const x = spawnSync('sh', ['-c', `sh "$1/scripts/extract-vmlinux" "$2" > "$3"`, 'sh', process.env['KAPI_KERNEL_TREE']!, k!, out]);
    assert.equal(x.status, 0, String(x.stderr));
    const r = kapi(['--vmlinux', out]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cloud-vmlinux: error\[no-specs\]: no \.kapi_specs section .*no PATCH v3\/v4 magic word/);
  });
});

describe('bzImages with specs, every payload format', () => {
  for (const f of Object.keys(COMPRESSORS) as Packed[]) {
    const tool = COMPRESSORS[f][0]!;
    const skip = have(tool) ? false : `${tool} is not installed (Debian package ${PACKAGES[f]})`;
    it(`${f} (${COMPRESSORS[f].join(' ')}): the specs of the unstripped ELF`, { skip }, () => {
      const file = join(dir, `vmlinuz-${f}`);
      writeFileSync(file, bzImage(withSize(compress(f, vmlinuxBin), vmlinuxBin.length)));
      const got = readElf(file);
      assert.deepEqual(got.diags.items, []);
      assert.match(got.summary, new RegExp(`^${file}: x86 bzImage, boot protocol 2\\.15, ${f} payload of \\d+ bytes at 0xacc, decompressed to ${vmlinuxBin.length} bytes`));
      assert.match(got.summary, new RegExp(`\\n${file}\\(${f} payload\\): no \\.kapi_specs section .*: 18 records found by a magic-word scan`));
      assert.deepEqual(comparable(got.specs), comparable(want));
      assert.ok(got.specs.every((s) => s.at.startsWith(`${file}(${f} payload)+0x`)));
    });
  }
  it('setup_sects 0 means 4; an uncompressed ELF payload is read too', () => {
    const file = join(dir, 'vmlinuz-sects0');
    writeFileSync(file, bzImage(vmlinuxBin, { setupSects: 0 }));
    const got = readElf(file);
    assert.deepEqual(got.diags.items, []);
    assert.match(got.summary, /uncompressed payload of \d+ bytes at 0xccc/);
    assert.deepEqual(comparable(got.specs), comparable(want));
  });
  it('kapi --vmlinux -v shows the image and the ELF inside, one line each', { skip: have('zstd') ? false : 'zstd is not installed' }, () => {
    const file = join(dir, 'vmlinuz-cli');
    writeFileSync(file, bzImage(withSize(compress('zstd', vmlinuxBin), vmlinuxBin.length)));
    const r = kapi(['--vmlinux', file, '-v', 'epoll_ctl']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^sys_epoll_ctl/m);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0]!, /^kapi: .*vmlinuz-cli: x86 bzImage, boot protocol 2\.15, zstd payload/);
    assert.match(lines[1]!, /^kapi: .*vmlinuz-cli\(zstd payload\): no \.kapi_specs section .*18 records found by a magic-word scan/);
    // kapi diff recognises a bzImage by its content too.
    const d = kapi(['diff', file, full]);
    assert.equal(d.code, 0, d.stderr);
  });
});

describe('what scripts/extract-vmlinux writes, and a -dbg vmlinux', () => {
  it('the decompressed payload (vmlinux.bin and its relocations) reads as an ELF file', { skip: have('lz4') ? false : 'lz4 is not installed' }, () => {
    const img = join(dir, 'vmlinuz-extract');
    writeFileSync(img, bzImage(withSize(compress('lz4', vmlinuxBin), vmlinuxBin.length)));
    const out = join(dir, 'vmlinux-extracted');
    const tree = process.env['KAPI_KERNEL_TREE'];
    if (tree && existsSync(join(tree, 'scripts/extract-vmlinux'))) {
      const x = spawnSync('sh', ['-c', `sh "$1/scripts/extract-vmlinux" "$2" > "$3"`, 'sh', tree, img, out]);
      assert.equal(x.status, 0, String(x.stderr));
    } else {
      // As the script does: from the magic to the end of the image, through the tool.
      const b = readFileSync(img);
      const at = b.indexOf(Buffer.from([0x02, 0x21, 0x4c, 0x18]));
      writeFileSync(out, spawnSync('lz4', ['-d', '-c'], { input: b.subarray(at) }).stdout);
    }
    assert.ok(readFileSync(out).subarray(0, vmlinuxBin.length).equals(vmlinuxBin));
    const got = readElf(out);
    assert.deepEqual(got.diags.items, []);
    assert.match(got.summary, /18 records found by a magic-word scan/);
    assert.deepEqual(comparable(got.specs), comparable(want));
  });
  it('a -dbg vmlinux (symbols and DWARF): through the symbols, offsets from DWARF', () => {
    const obj = join(dir, 'v4-g.o');
    const dbg = join(dir, 'vmlinux-dbg');
    run(['gcc', '-c', '-O2', '-g', `-I${INCLUDE}`, '-o', obj, join(dir, 'v4.c')]);
    run(['ld', '-T', join(dir, 'rodata.lds'), '--defsym=KAPI_BASE=0xffffffff81000000', '-e', '0', '-o', dbg, obj]);
    const got = readElf(dbg);
    assert.deepEqual(got.diags.items, []);
    assert.match(got.summary, /via __start_kapi_specs\/__stop_kapi_specs: 18 spec pointers\), PATCH v3\/v4 pointer records \(offsets from the file's DWARF\)/);
    assert.deepEqual(comparable(got.specs), comparable(want));
  });
});

describe('bad bzImages are diagnostics at their offset', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    ['boot protocol 2.06', () => bzImage(vmlinuxBin, { version: 0x0206 }), /\+0x206: error\[bad-image\]: x86 boot protocol 2\.06 has no payload_offset\/payload_length/],
    ['a payload past the end', () => {
      const b = bzImage(vmlinuxBin);
      b.writeUInt32LE(b.length, 0x24c);
      return b;
    }, /\+0x248: error\[bad-image\]: the payload at 0xacc .* runs past the end of the file/],
    ['an unknown payload format', () => bzImage(Buffer.from('this is no compressed kernel')), /\+0xacc: error\[bad-image\]: the payload starts with 74 68 69 73: no compression format kapi knows/],
    ['a corrupt xz payload', () => {
      const p = withSize(compress('xz', vmlinuxBin), vmlinuxBin.length);
      p[Math.floor(p.length / 2)]! ^= 0x55;
      return bzImage(p);
    }, /\+0x[0-9a-f]+: error\[bad-image\]: xz payload: (corrupt LZMA|LZMA2? data|xz block CRC32 mismatch)/],
    ['a payload that is not an ELF file', () => bzImage(compress('gzip', Buffer.from('hello\n'))), /\(gzip payload\)\+0x0: error\[bad-elf\]: the decompressed payload is not an ELF file/],
    ['a header cut short', () => bzImage(vmlinuxBin).subarray(0, 0x230), /\+0x230: error\[bad-image\]: the file ends at 0x230, inside the x86 setup header/],
  ];
  for (const [name, make, re] of cases) {
    it(name, () => {
      const file = join(dir, `bad-${name.replace(/\W+/g, '-')}`);
      writeFileSync(file, make());
      const r = kapi(['--vmlinux', file]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, re);
      assert.ok(r.stderr.includes(file));
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    });
  }
  it('mutated bzImages (header and payload) never make the reader throw or loop', { skip: have('zstd') && have('lz4') && have('xz') ? false : 'zstd, lz4 or xz is missing' }, () => {
    const images = (['lz4', 'zstd', 'xz', 'gzip'] as const).map((f) => {
      const file = join(dir, `fuzz-${f}`);
      writeFileSync(file, bzImage(withSize(compress(f, vmlinuxBin), vmlinuxBin.length)));
      return file;
    });
    const code = `
      import fc from 'fast-check';
      import { readFileSync, writeFileSync } from 'node:fs';
      import { DiagSink } from ${JSON.stringify(new URL('../../diag/index.js', import.meta.url).href)};
      import { specsFromElf } from ${JSON.stringify(new URL('./index.js', import.meta.url).href)};
      const images = ${JSON.stringify(images)}.map((f) => readFileSync(f));
      const mutant = ${JSON.stringify(join(dir, 'mutant-bz'))};
      let specs = 0, diags = 0;
      fc.assert(fc.property(fc.nat({ max: images.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }), fc.constantFrom('header', 'payload', 'anywhere'), (k, edits, where) => {
        const b = Buffer.from(images[k]);
        for (const [p, v] of edits) b[where === 'header' ? 0x1f0 + (p % 0x80) : where === 'payload' ? 0xacc + (p % 256) : p % b.length] = v;
        writeFileSync(mutant, b);
        const d = new DiagSink();
        const r = specsFromElf(mutant, d);
        if (!Array.isArray(r.specs)) throw new Error('no specs array');
        specs += r.specs.length;
        diags += d.items.length;
        for (const x of d.items) if (!/mutant-bz(\\([a-z0-9]+ payload\\)|\\(payload\\))?(\\+0x[0-9a-f]+)?$/.test(x.at)) throw new Error('bad position ' + x.at);
      }), { numRuns: 300, seed: 7 });
      console.log('specs', specs, 'diags', diags);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 300_000, cwd: repoPath('.') });
    assert.equal(r.error, undefined);
    assert.equal(r.signal, null, `the fuzz run was killed (the reader loops?)\n${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /specs [1-9]\d* diags [1-9]\d*/);
  });
});
