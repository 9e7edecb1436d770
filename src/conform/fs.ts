// `kapi conform --fs KIND,...`: the same compiled program run once per filesystem, with its
// scratch directory on a filesystem made for the run (a tmpfs, a loop-mounted image made with the
// distribution's mkfs, an overlayfs, a FUSE bindfs). Everything is made inside kapi's private
// work directory (mode 0700) and always unmounted and removed: after each filesystem's run, on
// errors, and when kapi is interrupted (SIGINT, SIGTERM, SIGHUP stop the running program; the
// mounts made so far are undone before kapi returns).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiSpec } from '../model/types.js';
import { FS_NAMES, type Case } from './plan.js';
import { buildProgram, ResultReader, runProgram, workDir, type Outcome, type RunOptions, type Running } from './run.js';

export type FsKind = (typeof FS_NAMES)[number];

/** The sandbox's host ids (sandbox.ts SB_IDS, SB_NOBODY): vfat has no owners; it is mounted as them, and `quiet` makes the program's chown of each case directory succeed. */
const SB_IDS = 0x6b610000, SB_NOBODY = 65534;

/** The kernel's name for each kind (`/proc/filesystems`). */
const KERNEL_NAME: Record<FsKind, string> = {
  tmpfs: 'tmpfs', ext2: 'ext2', ext3: 'ext3', ext4: 'ext4', xfs: 'xfs', btrfs: 'btrfs', vfat: 'vfat', overlay: 'overlay', fuse: 'fuse',
};

/** Programs each kind needs beyond mount/umount/losetup (util-linux), with the Debian package. */
const TOOLS: Record<FsKind, [string, string][]> = {
  tmpfs: [], overlay: [],
  ext2: [['mkfs.ext2', 'e2fsprogs']], ext3: [['mkfs.ext3', 'e2fsprogs']], ext4: [['mkfs.ext4', 'e2fsprogs']],
  xfs: [['mkfs.xfs', 'xfsprogs']], btrfs: [['mkfs.btrfs', 'btrfs-progs']], vfat: [['mkfs.vfat', 'dosfstools']],
  fuse: [['bindfs', 'bindfs']],
};

/** Image sizes: xfsprogs 6.x refuses less than 300 MiB, btrfs less than 114 MiB. Sparse files. */
const IMAGE_MIB: Partial<Record<FsKind, number>> = { ext2: 64, ext3: 64, ext4: 64, xfs: 320, btrfs: 128, vfat: 64 };

/** Parses `--fs` (comma-separated kinds); throws an Error naming an unknown or repeated kind. */
export function parseFsList(text: string): FsKind[] {
  const names = text.split(',').map((x) => x.trim());
  const out: FsKind[] = [];
  for (const n of names) {
    if (!(FS_NAMES as readonly string[]).includes(n)) throw new Error(`--fs: unknown filesystem '${n}' (known: ${FS_NAMES.join(', ')})`);
    if (out.includes(n as FsKind)) throw new Error(`--fs: '${n}' is given twice`);
    out.push(n as FsKind);
  }
  return out;
}

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const which = (prog: string) => PATH_DIRS.some((d) => existsSync(join(d, prog)));
/** A tool's full path (a user's PATH often lacks the sbin directories mkfs is in), or its name. */
const toolPath = (prog: string) => PATH_DIRS.map((d) => join(d, prog)).find((p) => existsSync(p)) ?? prog;

function kernelHas(name: string): boolean {
  try {
    return readFileSync('/proc/filesystems', 'utf8').split('\n').some((l) => l.split('\t').at(-1)?.trim() === name);
  } catch {
    return false;
  }
}

/** Why this machine cannot make the kind, or undefined when it can. Tries modprobe once. */
export function unavailable(kind: FsKind): string | undefined {
  const k = KERNEL_NAME[kind];
  if (!kernelHas(k) && which('modprobe')) spawnSync('modprobe', ['-q', k], { stdio: 'ignore', timeout: 20_000 });
  if (!kernelHas(k)) return `this kernel lacks ${kind} (not in /proc/filesystems${which('modprobe') ? ', and modprobe could not load it' : '; no modprobe to load it'})`;
  return toolMissing(kind);
}

/** A command's failure, with its stderr. */
function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const name = basename(cmd);
  if (r.error) throw new Error(`${name}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed${r.signal ? ` (${r.signal})` : ` (status ${r.status})`}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join('; ')}`);
}

/** Mount points under a directory, from /proc/self/mountinfo (octal escapes undone), deepest first. */
export function mountsUnder(dir: string): string[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  const out = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean).map((l) => unescape(l.split(' ')[4] ?? ''))
    .filter((m) => m === dir || m.startsWith(dir + '/'));
  return out.reverse();
}

/** Loop devices backed by a file under dir (`losetup -a` lists backing files). */
export function loopsUnder(dir: string): string[] {
  const r = spawnSync('losetup', ['-a', '-n', '-O', 'NAME,BACK-FILE'], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  return r.stdout.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 2 && (f[1] === dir || f[1]!.startsWith(dir + '/'))).map((f) => f[0]!);
}

/** Unmounts everything under dir (deepest first; lazily when busy) and detaches its loop devices. */
export function undoMounts(dir: string): string[] {
  const problems: string[] = [];
  for (let round = 0; round < 3; round++) {
    const ms = mountsUnder(dir);
    if (!ms.length) break;
    for (const m of ms) {
      const r = spawnSync('umount', [m], { stdio: 'ignore', timeout: 60_000 });
      if (r.status !== 0) spawnSync('umount', ['-l', m], { stdio: 'ignore', timeout: 60_000 });
    }
  }
  for (const m of mountsUnder(dir)) problems.push(`cannot unmount ${m}`);
  // `mount -o loop` sets autoclear: the kernel detaches the device after the unmount, but not
  // always before umount returns. Wait for that (up to 2 s), then detach what is left ourselves.
  for (let i = 0; i < 40 && loopsUnder(dir).length; i++) spawnSync('sleep', ['0.05']);
  for (const l of loopsUnder(dir)) spawnSync('losetup', ['-d', l], { stdio: 'ignore' });
  for (let i = 0; i < 40 && loopsUnder(dir).length; i++) spawnSync('sleep', ['0.05']);
  for (const l of loopsUnder(dir)) problems.push(`cannot detach ${l}`);
  return problems;
}

/** The disk kinds: an image file made with the distribution's mkfs. */
export const DISK_KINDS: readonly FsKind[] = ['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'vfat'];

/** The first program the kind needs that is not installed, as a reason; undefined when all are. */
export function toolMissing(kind: FsKind): string | undefined {
  for (const [prog, pkg] of TOOLS[kind]) if (!which(prog)) return `${prog} is not installed (Debian package ${pkg})`;
  return undefined;
}

/** Makes a disk kind's filesystem in a sparse image file (mkfs works on a plain file: no root, no loop device). */
export function makeImage(kind: FsKind, img: string, imageMiB: Partial<Record<FsKind, number>> = IMAGE_MIB): void {
  sh('truncate', ['-s', `${imageMiB[kind] ?? IMAGE_MIB[kind]}M`, img]);
  if (kind === 'xfs') sh(toolPath('mkfs.xfs'), ['-q', '-f', img]);
  else if (kind === 'btrfs') sh(toolPath('mkfs.btrfs'), ['-q', '-f', img]);
  else if (kind === 'vfat') sh(toolPath('mkfs.vfat'), [img]);
  else sh(toolPath(`mkfs.${kind}`), ['-q', '-F', img]);
}

/**
 * Makes a fresh filesystem of the kind under base (kapi's private work directory) and returns the
 * scratch directory on it. Whatever was mounted stays under base, for undoMounts.
 */
export function makeFs(kind: FsKind, base: string, unprivileged: boolean, imageMiB = IMAGE_MIB): string {
  const mnt = join(base, `fs-${kind}`);
  mkdirSync(mnt, 0o700);
  const tmpfs = (dir: string, size = '64m') => sh('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, `kapi-${kind}`, dir]);
  switch (kind) {
    case 'tmpfs': tmpfs(mnt); break;
    case 'overlay': {
      const b = join(base, 'overlay-dirs');
      mkdirSync(b, 0o700);
      tmpfs(b);
      for (const d of ['lower', 'upper', 'work']) mkdirSync(join(b, d), 0o700);
      sh('mount', ['-t', 'overlay', 'kapi-overlay', '-o', `lowerdir=${join(b, 'lower')},upperdir=${join(b, 'upper')},workdir=${join(b, 'work')}`, mnt]);
      break;
    }
    case 'fuse': {
      const b = join(base, 'fuse-src');
      mkdirSync(b, 0o700);
      tmpfs(b);
      // allow_other: the cases run as other users (the sandbox's ids), which FUSE refuses otherwise.
      sh('bindfs', ['-o', 'allow_other,dev,suid', b, mnt]);
      break;
    }
    default: {
      const img = join(base, `${kind}.img`);
      makeImage(kind, img, imageMiB);
      const id = SB_IDS + (unprivileged ? SB_NOBODY : 0);
      sh('mount', ['-o', kind === 'vfat' ? `loop,uid=${id},gid=${id},umask=077,quiet` : 'loop', img, mnt]);
    }
  }
  const scratch = join(mnt, 'scratch');
  mkdirSync(scratch, 0o700);
  return scratch;
}

export interface FsRun {
  fs: FsKind;
  /** Why the filesystem was not used: the kernel lacks it, or a tool is missing (not a failure). */
  lacking?: string;
  /** Why the filesystem could not be made although the machine has what it takes (a failure). */
  error?: string;
  outcomes: Outcome[];
  cut?: string;
}

export interface FsRunResult {
  runs: FsRun[];
  /** Set when the whole run stopped early (a signal): the rest of the filesystems did not run. */
  cut?: string;
  /** Mounts or loop devices that could not be removed (never expected). */
  leftovers: string[];
}

/** Compiles the cases once and runs them on each filesystem in turn. */
export async function runOnFilesystems(specs: Map<string, ApiSpec>, cases: readonly Case[], kinds: readonly FsKind[],
  opts: RunOptions & { onFs?: (fs: FsKind, scratch: string) => void; imageMiB?: Partial<Record<FsKind, number>> } = {}): Promise<FsRunResult> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const { dir } = workDir('kapi-conform-');
  const runs: FsRun[] = [];
  const leftovers: string[] = [];
  let running: Running | undefined;
  let why: string | undefined;
  const onSignal = (sig: NodeJS.Signals) => { why ??= `interrupted by ${sig}`; running?.stop(why); };
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const bin = cases.length ? buildProgram(dir, specs, cases, opts, timeoutMs) : '';
    for (const fs of kinds) {
      const reader = new ResultReader(specs, cases, fs);
      if (why) { runs.push({ fs, outcomes: reader.all(), cut: why }); continue; }
      const lacking = unavailable(fs);
      if (lacking) { runs.push({ fs, lacking, outcomes: [] }); continue; }
      let cut: string | undefined;
      try {
        const scratch = makeFs(fs, dir, !!opts.unprivileged, opts.imageMiB);
        opts.onFs?.(fs, scratch);
        if (why) cut = why;
        else if (cases.length) cut = await runProgram(bin, dir, scratch, reader, cases.length, timeoutMs, (r) => { running = r; });
      } catch (e) {
        // A signal during mkfs or mount kills the tool too: report the signal, not the tool.
        if (why) cut = why;
        else { runs.push({ fs, error: `cannot make the filesystem: ${(e as Error).message}`, outcomes: [] }); continue; }
      } finally {
        leftovers.push(...undoMounts(dir));
        rmSync(join(dir, `fs-${fs}`), { recursive: true, force: true });
        rmSync(join(dir, `${fs}.img`), { force: true });
        for (const d of ['overlay-dirs', 'fuse-src']) rmSync(join(dir, d), { recursive: true, force: true });
      }
      const r: FsRun = { fs, outcomes: reader.all() };
      if (cut) r.cut = cut;
      runs.push(r);
    }
  } finally {
    leftovers.push(...undoMounts(dir));
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    // Never remove through a mount that is still there (it would empty the filesystem, or a host
    // directory bound in): leave the work directory for the user then, and say so.
    if (!mountsUnder(dir).length) rmSync(dir, { recursive: true, force: true });
    else leftovers.push(`${dir} kept: something is still mounted under it`);
  }
  const out: FsRunResult = { runs, leftovers: [...new Set(leftovers)] };
  if (why) out.cut = why;
  return out;
}

/** What an outcome was, for comparing filesystems: the errno, the return, or how it ended. */
export function outcomeText(o: Outcome): string {
  if (o.ret === undefined) return `no return (${o.end})`;
  return o.ret < 0n ? `${o.errno}` : `returns ${o.ret}`;
}

/**
 * Cases whose outcome differs between the filesystems that ran: `API case N WHAT: fs1 X, fs2 Y`.
 * A case skipped on a filesystem (its fixture found the filesystem lacks what it needs) made no
 * call there, so that filesystem is left out of the case's comparison.
 */
export function fsDifferences(runs: readonly FsRun[]): string[] {
  const ran = runs.filter((r) => !r.lacking && !r.error && r.outcomes.length);
  if (ran.length < 2) return [];
  const lines: string[] = [];
  ran[0]!.outcomes.forEach((_, i) => {
    const here = ran.filter((r) => r.outcomes[i]!.skip === undefined);
    const per = here.map((r) => r.outcomes[i]!);
    // A return value that only says "success" (a descriptor number) is not a difference.
    const key = (o: Outcome) => (o.ret !== undefined && o.ret >= 0n && o.case.expect.kind === 'success' ? `succeeds${o.pass ? '' : ' (fail)'}` : `${outcomeText(o)}${o.pass ? '' : ' (fail)'}`);
    if (new Set(per.map(key)).size > 1) {
      const c = per[0]!.case;
      lines.push(`${c.api} case ${c.n} ${c.what}: ${here.map((r, j) => `${r.fs} ${key(per[j]!)}${per[j]!.note ? ' (documented)' : ''}`).join(', ')}`);
    }
  });
  return lines;
}
