// Running the cases on another kernel: the self-judging test program, built static, is the /init
// of a minimal initramfs (a cpio archive written here, with /dev/console); qemu boots the given
// kernel image with it under TCG, and the program's KTAP comes back on the serial console.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ApiSpec } from '../model/types.js';
import { emitProgram } from './emit.js';
import type { Case } from './plan.js';
import { BuildError, ResultReader, type Outcome } from './run.js';

interface Entry { name: string; mode: number; data?: Buffer; rdev?: [number, number] }

/** A cpio archive in the `newc` format the kernel unpacks as initramfs. */
export function cpio(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  [...entries, { name: 'TRAILER!!!', mode: 0 }].forEach((e, i) => {
    const data = e.data ?? Buffer.alloc(0);
    const name = Buffer.from(`${e.name}\0`);
    const fields = [i + 1, e.mode, 0, 0, 1, 0, data.length, 0, 0, e.rdev?.[0] ?? 0, e.rdev?.[1] ?? 0, name.length, 0];
    const head = Buffer.from(`070701${fields.map(hex).join('')}`);
    parts.push(head, name, pad(head.length + name.length), data, pad(data.length));
  });
  return Buffer.concat(parts);
}

export interface VmRun {
  ktap: string;
  /** Every case in order; those the guest never reported are `not run`. */
  outcomes: Outcome[];
  /** How many cases the guest reported. */
  reported: number;
  console: string;
}

/**
 * The modules the guest's init loads (emit.ts fx_load_modules), from the unpacked kernel package
 * the image comes from (`boot/vmlinuz-VERSION` beside `lib/modules/VERSION`): fuse.ko, when FUSE is
 * a module there (Debian's cloud kernel), uncompressed (6.1 cannot load a compressed file itself).
 * A kernel with FUSE built in, or without it, gets none.
 */
export function guestModules(kernel: string): { name: string; data: Buffer }[] {
  const version = basename(kernel).replace(/^vmlinuz-/, '');
  const fuse = join(dirname(dirname(kernel)), 'lib', 'modules', version, 'kernel', 'fs', 'fuse', 'fuse.ko');
  return version && existsSync(fuse) ? [{ name: 'fuse.ko', data: readFileSync(fuse) }] : [];
}

/**
 * Builds `source` (a program of emit.ts) static, boots `kernel` with it as init, and returns the
 * console with the firmware's escape sequences removed, from the first KTAP line on.
 */
export function bootProgram(kernel: string, source: string, opts: { memory?: string } = {}): { console: string; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kapi-vm-'));
  try {
    const src = join(dir, 'init.c');
    writeFileSync(src, source);
    // The exec cases run /bin/true: the VM gets a static one.
    writeFileSync(join(dir, 'true.c'), 'int main(void) { return 0; }\n');
    for (const [out, c] of [['init', src], ['true', join(dir, 'true.c')]]) {
      const cc = spawnSync('cc', ['-static', '-O2', '-w', '-o', join(dir, out!), c!], { encoding: 'utf8' });
      if (cc.error) throw new BuildError(`cannot run the C compiler: ${cc.error.message}`);
      if (cc.status !== 0) throw new BuildError(`the static test program does not build:\n${cc.stderr}`);
    }
    const initrd = join(dir, 'initrd.cpio');
    writeFileSync(initrd, cpio([
      { name: 'dev', mode: 0o40755 },
      { name: 'dev/console', mode: 0o20600, rdev: [5, 1] },
      { name: 'proc', mode: 0o40555 },
      { name: 'etc', mode: 0o40755 },
      { name: 'tmp', mode: 0o41777 },
      { name: 'init', mode: 0o100755, data: readFileSync(join(dir, 'init')) },
      { name: 'bin', mode: 0o40755 },
      { name: 'bin/true', mode: 0o100755, data: readFileSync(join(dir, 'true')) },
      { name: 'kapi-modules', mode: 0o40755 },
      ...guestModules(kernel).map((m) => ({ name: `kapi-modules/${m.name}`, mode: 0o100644, data: m.data })),
    ]));
    const r = spawnSync('qemu-system-x86_64', [
      '-kernel', kernel, '-initrd', initrd, '-append', 'console=ttyS0 panic=-1 quiet loglevel=1',
      '-nographic', '-no-reboot', '-m', opts.memory ?? '512', '-smp', '1', '-accel', 'tcg', '-nic', 'none',
    ], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 26 });
    if (r.error) throw new BuildError(`cannot run qemu-system-x86_64: ${r.error.message}`);
    // The firmware clears the screen with escape sequences that end up before the first line.
    const console = (r.stdout ?? '').replace(/\r/g, '').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[A-Za-z])/g, '');
    const lines = console.split('\n');
    // The first line can carry whatever the firmware left on the console before it.
    const start = lines.findIndex((l) => l.endsWith('KTAP version 1'));
    if (start < 0) throw new BuildError(`the VM printed no KTAP; its console ended with:\n${lines.slice(-15).join('\n')}`);
    lines[start] = 'KTAP version 1';
    return { console, lines: lines.slice(start) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Boots `kernel` with the cases' program as init, and reads the results back. */
export function runInVm(kernel: string, specs: Map<string, ApiSpec>, cases: readonly Case[], opts: { timeoutMs?: number; memory?: string; unprivileged?: boolean } = {}): VmRun {
  const source = emitProgram(cases, specs, { timeoutMs: opts.timeoutMs ?? 5000, unprivileged: !!opts.unprivileged, origin: 'kapi conform --kernel' });
  const { console, lines } = bootProgram(kernel, source, opts.memory ? { memory: opts.memory } : {});
  const ktapLines = lines.filter((l) => /^( {4})?(KTAP version 1|1\.\.\d+|(not )?ok \d+ .*|# .*)$/.test(l));
  const reader = new ResultReader(specs, cases);
  for (const l of ktapLines) reader.line(l);
  return { ktap: ktapLines.filter((l) => !/^ {4}# result /.test(l)).join('\n') + '\n', outcomes: reader.all(), reported: reader.outcomes.size, console };
}
