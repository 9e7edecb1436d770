// Running the cases on another kernel: the self-judging test program, built static, is the /init
// of a minimal initramfs (a cpio archive written here, with /dev/console); qemu boots the given
// kernel image with it under TCG, and the program's KTAP comes back on the serial console.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ApiSpec } from '../model/types.js';
import { emitProgram } from './emit.js';
import type { Case } from './plan.js';
import { DISK_KINDS, makeImage, toolMissing, type FsKind, type FsRun, type FsRunResult } from './fs.js';
import { BuildError, ResultReader, workDir, type Outcome } from './run.js';

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

/** The module files of an unpacked kernel package, by module name (`-` and `_` are the same). */
function moduleFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else { const m = /^(.+)\.ko(\.xz|\.zst)?$/.exec(e.name); if (m && !out.has(m[1]!.replace(/-/g, '_'))) out.set(m[1]!.replace(/-/g, '_'), p); }
    }
  };
  if (existsSync(root)) walk(root, 0);
  return out;
}

/** A module file's contents, uncompressed (6.1 cannot load a compressed file itself). */
function moduleData(file: string): Buffer {
  if (!/\.ko\.(xz|zst)$/.test(file)) return readFileSync(file);
  const r = spawnSync(file.endsWith('.xz') ? 'xz' : 'zstd', ['-dc', file], { maxBuffer: 1 << 28 });
  if (r.status !== 0 || !r.stdout) throw new BuildError(`cannot decompress ${file}${r.error ? `: ${r.error.message}` : ''}`);
  return r.stdout;
}

/** The modules a module needs: its `.modinfo` section's `depends=` (there is no modules.dep in an unpacked package). */
function moduleDepends(data: Buffer): string[] {
  const i = data.indexOf('\0depends=');
  if (i < 0) return [];
  const end = data.indexOf(0, i + 1);
  return data.subarray(i + 9, end < 0 ? undefined : end).toString('latin1').split(',').filter(Boolean).map((x) => x.replace(/-/g, '_'));
}

/**
 * The modules the guest's init loads (emit.ts fx_load_modules, in this order: dependencies first),
 * from the unpacked kernel package the image comes from (`boot/vmlinuz-VERSION` beside
 * `lib/modules/VERSION`): by default fuse.ko, when FUSE is a module there (Debian's cloud kernel).
 * A wanted module the package does not have (built in, or not built) is left out; so is one
 * whose dependency is missing. A kernel without a package beside it gets none.
 */
export function guestModules(kernel: string, wanted: readonly string[] = ['fuse']): { name: string; data: Buffer }[] {
  const version = basename(kernel).replace(/^vmlinuz-/, '');
  if (!version || version === basename(kernel)) return [];
  const files = moduleFiles(join(dirname(dirname(kernel)), 'lib', 'modules', version, 'kernel'));
  const out: { name: string; data: Buffer }[] = [];
  const done = new Set<string>();
  const add = (name: string, depth: number): boolean => {
    if (done.has(name)) return out.some((m) => m.name === `${name}.ko`);
    done.add(name);
    const f = files.get(name);
    if (!f || depth > 16) return false;
    const data = moduleData(f);
    if (!moduleDepends(data).every((d) => add(d, depth + 1))) return false;
    out.push({ name: `${name}.ko`, data });
    return true;
  };
  for (const w of wanted) add(w.replace(/-/g, '_'), 0);
  return out;
}

export interface BootOptions {
  memory?: string;
  /** Modules for the init to load beyond fuse (guestModules names). */
  modules?: readonly string[];
  /** Raw disk images, attached read-write as virtio disks (vda, vdb, ...). */
  disks?: readonly string[];
  /** More kernel command line (`kapi.fs=KIND`). */
  append?: string;
  /** Where the build goes (a private directory of the caller's); a temporary one by default. */
  dir?: string;
}

/** Compiles `source` (a program of emit.ts) and a /bin/true, static, into dir. */
function buildInit(dir: string, source: string): void {
  const src = join(dir, 'init.c');
  writeFileSync(src, source);
  // The exec cases run /bin/true: the VM gets a static one.
  writeFileSync(join(dir, 'true.c'), 'int main(void) { return 0; }\n');
  for (const [out, c] of [['init', src], ['true', join(dir, 'true.c')]]) {
    const cc = spawnSync('cc', ['-static', '-O2', '-w', '-o', join(dir, out!), c!], { encoding: 'utf8' });
    if (cc.error) throw new BuildError(`cannot run the C compiler: ${cc.error.message}`);
    if (cc.status !== 0) throw new BuildError(`the static test program does not build:\n${cc.stderr}`);
  }
}

/** Boots `kernel` with the init built in dir; returns the console with the firmware's escape sequences removed. */
function bootBuilt(kernel: string, dir: string, opts: BootOptions): string {
  const initrd = join(dir, 'initrd.cpio');
  const mods = guestModules(kernel, ['fuse', ...(opts.modules ?? [])]);
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
    ...mods.map((m) => ({ name: `kapi-modules/${m.name}`, mode: 0o100644, data: m.data })),
    { name: 'kapi-modules/order', mode: 0o100644, data: Buffer.from(mods.map((m) => `${m.name}\n`).join('')) },
  ]));
  // qemu's option syntax doubles a comma in a value.
  const drives = (opts.disks ?? []).flatMap((d) => ['-drive', `file=${d.replace(/,/g, ',,')},format=raw,if=virtio`]);
  const r = spawnSync('qemu-system-x86_64', [
    '-kernel', kernel, '-initrd', initrd, '-append', `console=ttyS0 panic=-1 quiet loglevel=1${opts.append ? ` ${opts.append}` : ''}`,
    '-nographic', '-no-reboot', '-m', opts.memory ?? '512', '-smp', '1', '-accel', 'tcg', '-nic', 'none', ...drives,
  ], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 26 });
  if (r.error) throw new BuildError(`cannot run qemu-system-x86_64: ${r.error.message}`);
  // The firmware clears the screen with escape sequences that end up before the first line.
  return (r.stdout ?? '').replace(/\r/g, '').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[A-Za-z])/g, '');
}

/** The console's lines from the first KTAP line on; throws when there is none. */
function fromKtap(console: string): string[] {
  const lines = console.split('\n');
  // The first line can carry whatever the firmware left on the console before it.
  const start = lines.findIndex((l) => l.endsWith('KTAP version 1'));
  if (start < 0) throw new BuildError(`the VM printed no KTAP; its console ended with:\n${lines.slice(-15).join('\n')}`);
  lines[start] = 'KTAP version 1';
  return lines.slice(start);
}

/**
 * Builds `source` (a program of emit.ts) static, boots `kernel` with it as init, and returns the
 * console with the firmware's escape sequences removed, from the first KTAP line on.
 */
export function bootProgram(kernel: string, source: string, opts: BootOptions = {}): { console: string; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kapi-vm-'));
  try {
    buildInit(dir, source);
    const console = bootBuilt(kernel, dir, opts);
    return { console, lines: fromKtap(console) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The KTAP lines of a console (the program's own; the kernel's messages left out). */
const ktapOf = (lines: readonly string[]) => lines.filter((l) => /^( {4})?(KTAP version 1|1\.\.\d+|(not )?ok \d+ .*|# .*)$/.test(l));

/** Boots `kernel` with the cases' program as init, and reads the results back. */
export function runInVm(kernel: string, specs: Map<string, ApiSpec>, cases: readonly Case[], opts: { timeoutMs?: number; memory?: string; unprivileged?: boolean } = {}): VmRun {
  const source = emitProgram(cases, specs, { timeoutMs: opts.timeoutMs ?? 5000, unprivileged: !!opts.unprivileged, origin: 'kapi conform --kernel' });
  const { console, lines } = bootProgram(kernel, source, opts.memory ? { memory: opts.memory } : {});
  const ktapLines = ktapOf(lines);
  const reader = new ResultReader(specs, cases);
  for (const l of ktapLines) reader.line(l);
  return { ktap: ktapLines.filter((l) => !/^ {4}# result /.test(l)).join('\n') + '\n', outcomes: reader.all(), reported: reader.outcomes.size, console };
}

/** The modules each kind needs in the guest beyond those built in (guestModules leaves out what the package lacks). */
const FS_MODULES: Record<FsKind, readonly string[]> = {
  tmpfs: [], ext2: [], ext3: [], ext4: [], xfs: ['xfs'], btrfs: ['btrfs'], vfat: ['vfat'], overlay: ['overlay'], fuse: [],
};
/** The virtio disk: the PCI transport and the block driver (modules in Debian's cloud kernel). */
const DISK_MODULES = ['virtio_pci', 'virtio_blk'];

/**
 * `kapi conform --kernel --fs`: the program built once, then one boot per filesystem, the kernel
 * command line naming it (`kapi.fs=KIND`, emit.ts vm_fs_setup mounts it as the scratch
 * directory); a disk kind is an image made here with mkfs and attached as the guest's virtio
 * disk. Everything is made in kapi's private work directory and removed. A kind the guest kernel
 * has no filesystem for is lacking (the guest says so); so is fuse (the guest has no FUSE server
 * to mount: the host's runs use bindfs).
 */
export function runOnFilesystemsInVm(kernel: string, specs: Map<string, ApiSpec>, cases: readonly Case[], kinds: readonly FsKind[],
  opts: { timeoutMs?: number; unprivileged?: boolean; memory?: string; imageMiB?: Partial<Record<FsKind, number>>; onBoot?: (fs: FsKind, dir: string) => void } = {}): FsRunResult {
  if (!existsSync(kernel)) throw new BuildError(`cannot read the kernel image ${kernel}`);
  const { dir } = workDir('kapi-conform-');
  const runs: FsRun[] = [];
  let why: string | undefined;
  // qemu runs synchronously; a signal stops the run after the current boot (qemu gets a terminal's signal too).
  const onSignal = (sig: NodeJS.Signals) => { why ??= `interrupted by ${sig}`; };
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    buildInit(dir, emitProgram(cases, specs, { timeoutMs: opts.timeoutMs ?? 5000, unprivileged: !!opts.unprivileged, origin: 'kapi conform --kernel --fs' }));
    for (const fs of kinds) {
      const reader = new ResultReader(specs, cases, fs);
      if (why) { runs.push({ fs, outcomes: reader.all(), cut: why }); continue; }
      if (fs === 'fuse') { runs.push({ fs, lacking: 'the guest has no FUSE server to mount (bindfs runs on the host only)', outcomes: [] }); continue; }
      const disk = DISK_KINDS.includes(fs);
      const missing = disk ? toolMissing(fs) : undefined;
      if (missing) { runs.push({ fs, lacking: missing, outcomes: [] }); continue; }
      const img = join(dir, `${fs}.img`);
      try {
        try {
          if (disk) makeImage(fs, img, opts.imageMiB);
        } catch (e) {
          runs.push({ fs, error: `cannot make the filesystem: ${(e as Error).message}`, outcomes: [] });
          continue;
        }
        opts.onBoot?.(fs, dir);
        let console: string;
        try {
          console = bootBuilt(kernel, dir, {
            modules: [...(disk ? DISK_MODULES : []), ...FS_MODULES[fs]], disks: disk ? [img] : [], append: `kapi.fs=${fs}`,
            ...(opts.memory ? { memory: opts.memory } : {}),
          });
        } catch (e) {
          // qemu could not run, or ran out of time: this filesystem's run failed; the others still run.
          runs.push({ fs, error: (e as Error).message, outcomes: [] });
          continue;
        }
        const said = /# kapi-fs (lacking|error) ([ -~]{1,300})$/m.exec(console);
        if (said?.[1] === 'lacking') { runs.push({ fs, lacking: `the guest kernel: ${said[2]}`, outcomes: [] }); continue; }
        if (said) { runs.push({ fs, error: `cannot make the filesystem in the guest: ${said[2]}`, outcomes: [] }); continue; }
        let lines: string[];
        try {
          lines = fromKtap(console);
          // The guest says what it mounted the scratch directory on: never judge a run without it.
          if (!console.split('\n').some((l) => l.endsWith(`# kapi-fs mounted ${fs}`))) throw new Error(`the guest did not say it mounted ${fs}; its console ended with: ${console.split('\n').slice(-5).join(' | ')}`);
        } catch (e) {
          runs.push({ fs, error: (e as Error).message, outcomes: [] });
          continue;
        }
        for (const l of ktapOf(lines)) reader.line(l);
        const r: FsRun = { fs, outcomes: reader.all() };
        if (reader.outcomes.size !== cases.length) r.cut = why ?? `the VM reported ${reader.outcomes.size} of ${cases.length} cases; its console ended with: ${console.split('\n').slice(-5).join(' | ')}`;
        runs.push(r);
      } finally {
        rmSync(img, { force: true });
      }
    }
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    rmSync(dir, { recursive: true, force: true });
  }
  const out: FsRunResult = { runs, leftovers: [] };
  if (why) out.cut = why;
  return out;
}
