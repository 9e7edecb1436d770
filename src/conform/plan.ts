// Conformance planning: from a spec's parameter types and constraints to test cases. A valid
// baseline call (built from fixtures), then one parameter at a time set to a value the spec says
// is invalid, each with the outcome the spec predicts. Semantic types come from the `kapi-*`
// extension tags (see docs/dsl.md); without them each type gets a default fixture.

import type { ApiSpec, Param } from '../model/types.js';
import { errnoNumber, syscallNumber } from '../sources/consts/index.js';
import { constOfText } from '../sources/values.js';
import { FUSE_KINDS, STRUCT_FIELDS, parseConditions, type AddrKind, type Condition, type FdKind, type PathKind, type Setting, type StrKind } from './cond.js';
import { effectBlocks, effectsTagged, guardHolds, type Claim } from './effect.js';

/** How the generated C builds one argument. */
export type Arg =
  | { kind: 'int'; value: bigint }
  | { kind: 'fd'; fixture: FdKind; of?: number; errno?: number }
  | { kind: 'addr'; which: AddrKind; errno?: number }
  | { kind: 'argv-toolong' }
  | { kind: 'buf'; size: number; fill?: number }
  /** count iovecs over one mapping of count * len bytes (ptr:iovec); bad: one entry made invalid. */
  | { kind: 'iovec'; count: number; len: number; bad?: IovecBad }
  | { kind: 'null' }
  /** A structure fcntl reads or writes (ptr:flock-*, ptr:ones, ptr:owner-self). */
  | { kind: 'struct'; which: StructKind }
  | { kind: 'unmapped' }
  | { kind: 'readonly' }
  /** A loff_t holding -1 (ptr:loff-neg). */
  | { kind: 'loff-neg' }
  | { kind: 'mapped'; pages: number }
  | { kind: 'path'; which: PathKind; errno?: number }
  /** A NUL-terminated string of a closed set (`str:KIND`): an extended attribute's name. */
  | { kind: 'str'; which: StrKind }
  | { kind: 'argv' }
  | { kind: 'envp' }
  | { kind: 'sigset' }
  | { kind: 'timespec' }
  /** A structure of 64-bit words (STRUCT_FIELDS in cond.ts) at the start of a zeroed page. */
  | { kind: 'words'; words: bigint[] }
  /** Two struct timespec for utimensat (ptr:utimes and its variants). */
  | { kind: 'utimes' | 'utimes-now' | 'utimes-omit' | 'utimes-mixed' | 'utimes-badnsec' };

/** The pointer fixtures that are structures of fcntl's (a page of 0xff bytes reads as any of them, all invalid). */
export const STRUCT_KINDS = ['flock-rd', 'flock-wr', 'flock-un', 'flock-badwhence', 'ones', 'owner-self'] as const;
export type StructKind = (typeof STRUCT_KINDS)[number];

/** How an iovec fixture is broken: its last length above SSIZE_MAX, or its first buffer unmapped. */
export type IovecBad = 'badlen' | 'unmapped';

/** The length of each buffer of a `ptr:iovec` array, and the most entries the kernel takes (UIO_MAXIOV). */
export const IOV_LEN = 16;
export const IOV_MAX = 1024;

export type Expect =
  | { kind: 'success' }
  | { kind: 'errno'; errnos: string[]; any: boolean };

export interface Case {
  /** 1-based within the API. */
  n: number;
  api: string;
  syscall: string;
  /** The syscall's number on x86-64, from kapi's table (never from the spec); -1 when unknown. */
  nr: number;
  what: string;
  args: Arg[];
  expect: Expect;
  /** The parameter the case varies, for error coverage. */
  param?: string;
  /** The documented error whose `kapi-cond:` the case is built from. */
  error?: string;
  /** What the case sets up before the call: limits, signals ignored. */
  setup?: { rlimits: { name: string; value: bigint }[]; ignore: string[]; interrupt?: boolean; nocaps?: boolean; uid?: number; lockall?: boolean; memcg?: boolean; sharedfiles?: boolean; configs?: { name: string; value: boolean }[]; cwd?: string; ucounts?: { name: string; value: bigint }[] };
  /**
   * The spec's effects a successful call is checked for (effect.ts): the claims whose guard holds
   * for this case's arguments, each with the label of its block. Absent when the spec has no
   * effect tags (then nothing is checked after success) or the case expects an error.
   */
  effects?: { claims: Claim[]; blocks: string[] };
  /** The effect block whose `kapi-effect-case` made this case. */
  effectCase?: string;
  /** Errnos the spec documents for a filesystem (`kapi-fs` tags): not failures there (`--fs`). */
  fsAllow?: FsDifference[];
}

/** One entry of a `kapi-fs: FS=ERRNO[,ERRNO...] REASON` tag. */
export interface FsDifference { fs: string; errnos: string[]; reason: string }

/** The filesystem names a `kapi-fs` tag may name (the kinds `kapi conform --fs` makes). */
export const FS_NAMES = ['tmpfs', 'ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'vfat', 'overlay', 'fuse'] as const;

/**
 * Reads a `kapi-fs` tag: entries separated by `;`, each `FS=ERRNO[,ERRNO...] REASON` (FS one of
 * FS_NAMES, each ERRNO a known errno name, the reason required). Returns the entries and a
 * message per entry that is not of that form (lint reports them; conform ignores them).
 */
export function parseFsTag(text: string | undefined): { entries: FsDifference[]; problems: string[] } {
  const entries: FsDifference[] = [], problems: string[] = [];
  for (const raw of (text ?? '').split(';').map((x) => x.trim()).filter(Boolean)) {
    const m = /^([a-z0-9]+)\s*=\s*([A-Z0-9]+(?:\s*,\s*[A-Z0-9]+)*)\s+(\S.*)$/.exec(raw);
    if (!m) { problems.push(`'${raw}' is not FS=ERRNO[,ERRNO] REASON`); continue; }
    const fs = m[1]!, errnos = m[2]!.split(',').map((x) => x.trim());
    if (!(FS_NAMES as readonly string[]).includes(fs)) { problems.push(`unknown filesystem '${fs}' (known: ${FS_NAMES.join(', ')})`); continue; }
    // SUCCESS: on this filesystem the call succeeds where the spec predicts an error; EFFECT: it
    // succeeds but a claimed effect is not seen there.
    const bad = errnos.filter((e) => e !== 'SUCCESS' && e !== 'EFFECT' && errnoNumber(e) === undefined);
    if (bad.length) { problems.push(`unknown errno ${bad.join(', ')}`); continue; }
    entries.push({ fs, errnos, reason: m[3]!.trim() });
  }
  return { entries, problems };
}

export interface Plan {
  api: string;
  cases: Case[];
  /** Why the spec is not run, when it is not (KTAP SKIP). */
  skipped?: string;
  /** Why the spec cannot be run: an error in the spec (unknown syscall, impossible sizes). */
  problem?: string;
  /** `kapi-cond:` texts that could not be read, each naming its error; those cases are left out. */
  conditionProblems?: string[];
  /** `kapi-effect`, `kapi-effect-case` and `kapi-unobservable` texts that could not be read. */
  effectProblems?: string[];
}

/**
 * Syscalls whose effect no namespace contains: the machine's clock, kernel modules, kexec, swap,
 * process accounting, the kernel log, I/O ports. The sandbox's user namespace makes the kernel
 * refuse most of them anyway (they check capabilities of the initial namespace), so a case would
 * prove nothing; run only with --allow-dangerous. Matched by number, so no spelling gets past.
 * Everything else (mount, umount2, pivot_root, sethostname, kill, reboot of the pid namespace,
 * writes anywhere) is contained by the sandbox (sandbox.ts).
 */
export const DANGEROUS_NAMES = [
  'reboot', 'kexec_load', 'kexec_file_load', 'init_module', 'finit_module', 'delete_module',
  'swapon', 'swapoff', 'settimeofday', 'clock_settime', 'clock_adjtime', 'adjtimex', 'acct',
  'syslog', 'iopl', 'ioperm', 'quotactl', 'quotactl_fd', 'vhangup',
] as const;
const DANGEROUS = new Set(DANGEROUS_NAMES.map((n) => syscallNumber(n)));

/** The largest buffer a case may ask for (the sandbox's address space is 1 GiB). */
export const MAX_BUFFER = 1 << 26;

/** Whether an iovec fixture is one the C may build: 0 to IOV_MAX entries, all its buffers within MAX_BUFFER. */
export function iovecFits(a: { count: number; len: number }): boolean {
  return Number.isSafeInteger(a.count) && a.count >= 0 && a.count <= IOV_MAX && Number.isSafeInteger(a.len) && a.len >= 0 && a.count * a.len <= MAX_BUFFER;
}

const INT_LIMITS: Record<string, [bigint, bigint]> = {
  int: [-(1n << 31n), (1n << 31n) - 1n], uint: [0n, (1n << 64n) - 1n],
};

/** The values `kapi-semantic:` may take (docs/dsl.md); `baseline` below gives each its fixture. */
export const SEMANTICS = [
  'fd:file', 'fd:epoll', 'fd:pipe', 'fd:dir', 'fd:cwd', 'fd:pty', 'path:file', 'path:new', 'path:exec',
  'path:symlink', // a symbolic link to the regular file (readlink)
  'ptr:argv', 'ptr:envp', 'ptr:sigset', 'ptr:timespec', 'ptr:null', 'ptr:buffer', 'ptr:iovec', 'addr:mapped',
  // The destination of calls that copy between descriptors (sendfile, splice, tee).
  'fd:empty', 'fd:pipe-write',
  'fd:inotify', 'path:dir',
  // Structures whose fields conditions set (STRUCT_FIELDS in cond.ts).
  'ptr:open_how',
  // extended attributes: the file with user.kapi (path and descriptor), the name user.kapi
  'path:xattr', 'fd:xattr', 'str:xattr',
] as const;

/** The switches `kapi-test:` may list. */
export const TEST_SWITCHES = ['no-invalid', 'no-valid-bits', 'no-boundary'] as const;

function semantic(p: Param): string | undefined {
  return p.ext?.['kapi-semantic']?.trim();
}

/** The baseline (valid) argument for a parameter. */
function baseline(p: Param, spec: ApiSpec): Arg {
  const sem = semantic(p);
  const valid = p.ext?.['kapi-valid'];
  if (valid !== undefined) {
    const v = constOfText(valid);
    if (v.value !== undefined) return { kind: 'int', value: v.value };
  }
  switch (sem) {
    case 'fd:epoll': return { kind: 'fd', fixture: 'epoll' };
    case 'fd:pipe': return { kind: 'fd', fixture: 'pipe' };
    case 'fd:dir': return { kind: 'fd', fixture: 'dir' };
    case 'fd:empty': return { kind: 'fd', fixture: 'empty' };
    case 'fd:pipe-write': return { kind: 'fd', fixture: 'pipe-write' };
    case 'fd:inotify': return { kind: 'fd', fixture: 'inotify' };
    case 'fd:pty': return { kind: 'fd', fixture: 'pty' };
    case 'fd:cwd': return { kind: 'int', value: -100n };
    case 'path:new': return { kind: 'path', which: 'new' };
    case 'path:exec': return { kind: 'path', which: 'exec' };
    case 'path:dir': return { kind: 'path', which: 'dir' };
    case 'path:symlink': return { kind: 'path', which: 'symlink' };
    case 'ptr:argv': return { kind: 'argv' };
    case 'ptr:envp': return { kind: 'envp' };
    case 'ptr:sigset': return { kind: 'sigset' };
    case 'ptr:timespec': return { kind: 'timespec' };
    case 'ptr:null': return { kind: 'null' };
    case 'ptr:buffer': return { kind: 'buf', size: Number(p.size?.value ?? 4096n) };
    case 'ptr:iovec': return { kind: 'iovec', count: iovecCount(p, spec), len: IOV_LEN };
    case 'addr:mapped': return { kind: 'mapped', pages: 1 };
    // Every field zero: for struct open_how, a plain O_RDONLY open.
    case 'ptr:open_how': return { kind: 'words', words: STRUCT_FIELDS[sem]!.map(() => 0n) };
    case 'path:xattr': return { kind: 'path', which: 'xattr' };
    case 'fd:xattr': return { kind: 'fd', fixture: 'xattr' };
    case 'str:xattr': return { kind: 'str', which: 'xattr' };
    default: break;
  }
  if (p.type === 'fd') return { kind: 'fd', fixture: 'file' };
  if (p.type === 'path') return { kind: 'path', which: 'file' };
  if (p.type === 'user_ptr' || p.type === 'ptr') {
    if (p.flags?.includes('optional')) return { kind: 'null' };
    const fixed = p.size?.value;
    // What the kernel writes into an output-only buffer shows best against a pattern, not zeros.
    const out = p.flags?.includes('out') && !p.flags.includes('in');
    return { kind: 'buf', size: Number(fixed ?? 4096n), ...(out ? { fill: 0xa5 } : {}) };
  }
  const c = p.constraint;
  if (c?.values?.[0]?.value !== undefined) return { kind: 'int', value: c.values[0].value };
  if (c?.min?.value !== undefined && c.min.value > 0n) return { kind: 'int', value: c.min.value };
  return { kind: 'int', value: 0n };
  void spec;
}

/**
 * The number of entries of a `ptr:iovec` array: the valid value of the count parameter its
 * constraint names (`constraint-type: buffer(N)`), which must be an integer from 0 to IOV_MAX;
 * -1 when there is none (planSpec reports it).
 */
function iovecCount(p: Param, spec: ApiSpec): number {
  const at = p.size_param?.index;
  const params = spec.params ?? [];
  const q = at === undefined ? undefined : params.find((x, j) => (x.index ?? j) === at);
  if (!q || q === p || semantic(q) === 'ptr:iovec') return -1;
  const v = baseline(q, spec);
  return v.kind === 'int' && v.value >= 0n && v.value <= BigInt(IOV_MAX) ? Number(v.value) : -1;
}

/** The comma-separated items of a parameter's `kapi-*` tag, trimmed, empty ones dropped. */
export function tagList(p: Param, tag: string): string[] {
  return (p.ext?.[tag] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

/** `kapi-test:` switches on a parameter: `no-invalid`, `no-valid-bits`, `no-boundary`. */
const testFlags = (p: Param) => new Set(tagList(p, 'kapi-test'));

/** `kapi-accepts:` values (or bits) a newer kernel accepts beyond the spec: not tested as invalid. */
function accepted(p: Param): bigint[] {
  return tagList(p, 'kapi-accepts').map((x) => constOfText(x).value).filter((x): x is bigint => x !== undefined);
}

/** Invalid values for a parameter, each with the errno the convention (and the spec) gives it. */
function invalid(p: Param): { arg: Arg; what: string; errno: string }[] {
  if (testFlags(p).has('no-invalid')) return [];
  const out: { arg: Arg; what: string; errno: string }[] = [];
  const extra = accepted(p);
  const sem = semantic(p);
  if (p.type === 'fd' && sem !== 'fd:cwd') {
    out.push({ arg: { kind: 'int', value: -1n }, what: `${p.name} = -1`, errno: 'EBADF' });
    out.push({ arg: { kind: 'fd', fixture: 'closed' }, what: `${p.name} is a closed descriptor`, errno: 'EBADF' });
    // A descriptor of the wrong kind: the errno depends on the call, so any listed one will do.
    if (sem === 'fd:epoll' || sem === 'fd:pipe' || sem === 'fd:dir' || sem === 'fd:inotify') {
      out.push({ arg: { kind: 'fd', fixture: sem === 'fd:dir' ? 'file' : 'dir' }, what: `${p.name} is the wrong kind of file`, errno: '' });
    }
  }
  if (p.type === 'path') {
    out.push({ arg: { kind: 'null' }, what: `${p.name} = NULL`, errno: 'EFAULT' });
    out.push({ arg: { kind: 'path', which: 'missing' }, what: `${p.name} does not exist`, errno: 'ENOENT' });
    out.push({ arg: { kind: 'path', which: 'empty' }, what: `${p.name} is ""`, errno: 'ENOENT' });
    out.push({ arg: { kind: 'path', which: 'toolong' }, what: `${p.name} is longer than PATH_MAX`, errno: 'ENAMETOOLONG' });
    out.push({ arg: { kind: 'path', which: 'notdir' }, what: `${p.name} goes through a regular file`, errno: 'ENOTDIR' });
    out.push({ arg: { kind: 'path', which: 'loop' }, what: `${p.name} is a symlink loop`, errno: 'ELOOP' });
  }
  if ((p.type === 'user_ptr' || p.type === 'ptr') && !p.flags?.includes('optional') && sem !== 'addr:mapped') {
    out.push({ arg: { kind: 'null' }, what: `${p.name} = NULL`, errno: 'EFAULT' });
    out.push({ arg: { kind: 'unmapped' }, what: `${p.name} points to unmapped memory`, errno: 'EFAULT' });
    if (p.flags?.includes('out')) out.push({ arg: { kind: 'readonly' }, what: `${p.name} points to read-only memory`, errno: 'EFAULT' });
  }
  const c = p.constraint;
  const [tmin, tmax] = INT_LIMITS[p.type === 'uint' ? 'uint' : 'int']!;
  if (c?.kind === 'range') {
    const lo = c.min?.value, hi = c.max?.value;
    if (lo !== undefined && lo > tmin) out.push({ arg: { kind: 'int', value: lo - 1n }, what: `${p.name} = ${lo - 1n}, below ${c.min!.text}`, errno: 'EINVAL' });
    if (hi !== undefined && hi < tmax && hi < (1n << 62n)) out.push({ arg: { kind: 'int', value: hi + 1n }, what: `${p.name} = ${hi + 1n}, above ${c.max!.text}`, errno: 'EINVAL' });
  }
  if (c?.kind === 'mask' && c.mask?.value !== undefined) {
    const m = BigInt.asUintN(32, c.mask.value);
    const also = extra.reduce((a, x) => a | x, 0n);
    for (const b of [...Array(32).keys()].map((k) => 1n << BigInt(k)).filter((k) => (m & k) === 0n && (also & k) === 0n)) {
      out.push({ arg: { kind: 'int', value: b }, what: `${p.name} has undefined bit 0x${b.toString(16)}`, errno: 'EINVAL' });
    }
  }
  if (c?.kind === 'enum' && c.values?.length) {
    const vs = [...c.values.map((v) => v.value).filter((v): v is bigint => v !== undefined), ...extra];
    let v = vs.reduce((a, b) => (a > b ? a : b), 0n) + 1n;
    while (vs.includes(v)) v++;
    out.push({ arg: { kind: 'int', value: v }, what: `${p.name} = ${v}, not one of the listed values`, errno: 'EINVAL' });
    if (!vs.includes(-1n)) out.push({ arg: { kind: 'int', value: -1n }, what: `${p.name} = -1, not one of the listed values`, errno: 'EINVAL' });
  }
  if (c?.kind === 'page_aligned') {
    out.push({ arg: { kind: 'int', value: 1n }, what: `${p.name} is not page aligned`, errno: 'EINVAL' });
  }
  return out;
}

/**
 * The ends of a range that a valid call must accept: the minimum always (for a length, less is
 * never more dangerous), the maximum only when it is a plain int and no buffer takes its size from
 * the parameter (a count above the buffer's real size would let the kernel write past it).
 */
function boundaries(p: Param, i: number, base: Arg | undefined, params: readonly Param[]): { value: bigint; what: string }[] {
  const c = p.constraint;
  if (c?.kind !== 'range' || base?.kind !== 'int' || testFlags(p).has('no-boundary')) return [];
  const [tmin, tmax] = INT_LIMITS[p.type === 'uint' ? 'uint' : 'int']!;
  // size_param indices count signature positions, like p.index.
  const sizes = params.some((q) => q.size_param?.index === (p.index ?? i));
  const out: { value: bigint; what: string }[] = [];
  const lo = c.min?.value, hi = c.max?.value;
  const fits = (v: bigint) => v >= tmin && v <= tmax;
  // An inverted range is lint's to report (range-inverted); neither end is known to be valid.
  if (lo !== undefined && hi !== undefined && lo > hi) return [];
  if (lo !== undefined && fits(lo) && lo !== base.value) out.push({ value: lo, what: `${p.name} = ${lo}, the minimum ${c.min!.text}` });
  if (hi !== undefined && fits(hi) && hi < (1n << 31n) && hi !== base.value && hi !== lo && !sizes) {
    out.push({ value: hi, what: `${p.name} = ${hi}, the maximum ${c.max!.text}` });
  }
  return out;
}

/**
 * Whether an ioctl spec (one request of one kind of file, specs/tty_ioctl.c) is run as the ioctl
 * syscall: its parameters are the syscall's three, a descriptor, `cmd` whose `kapi-valid` is the
 * request's number, and the argument.
 */
export function ioctlRequest(spec: ApiSpec): boolean {
  const [fd, cmd, arg] = spec.params ?? [];
  if (spec.kind !== 'ioctl' || spec.params?.length !== 3 || !fd || !cmd || !arg) return false;
  const valid = cmd.ext?.['kapi-valid'];
  return fd.type === 'fd' && cmd.name === 'cmd' && valid !== undefined && constOfText(valid).value !== undefined;
}

/** Whether conform runs a spec: a syscall's, or an ioctl request's (ioctlRequest). */
export function runnable(spec: ApiSpec): boolean {
  return spec.kind === 'syscall' || ioctlRequest(spec);
}

/** Plans the cases of one syscall spec. */
export function planSpec(spec: ApiSpec, opts: { allowDangerous?: boolean; unprivileged?: boolean } = {}): Plan {
  const syscall = ioctlRequest(spec) ? 'ioctl' : spec.signature?.name ?? spec.name.replace(/^sys_/, '');
  if (!runnable(spec)) return { api: spec.name, cases: [], skipped: spec.kind === 'ioctl' ? 'ioctl specs are run only with the parameters fd, cmd (with kapi-valid) and arg' : `${spec.kind} specs are not run` };
  // The cases of an unknown syscall are still planned (to be looked at), but never run: -1 is no
  // number, and emit.ts refuses it.
  const nr = (/^[a-z_][a-z0-9_]{0,63}$/.test(syscall) ? syscallNumber(syscall) : undefined) ?? -1;
  const unknown = nr < 0 ? `unknown syscall ${JSON.stringify(syscall)}: not in kapi's x86-64 table (Linux 6.1)` : undefined;
  if (DANGEROUS.has(nr) && !opts.allowDangerous) return { api: spec.name, cases: [], skipped: `${syscall} (${nr}) has effects no sandbox contains (use --allow-dangerous)` };
  const params = spec.params ?? [];
  if (params.length > 6) return { api: spec.name, cases: [], problem: `${params.length} parameters: a syscall takes at most 6` };
  const base = params.map((p) => baseline(p, spec));
  const listed = new Set((spec.errors ?? []).map((e) => e.name));
  const cases: Case[] = [];
  // kapi-fs: on the spec (every case), a parameter (the cases that vary it), an error (the cases
  // that expect it).
  const specFs = parseFsTag(spec.ext?.['kapi-fs']).entries;
  const paramFs = new Map(params.map((p) => [p.name, parseFsTag(p.ext?.['kapi-fs']).entries]));
  const errorFs = new Map((spec.errors ?? []).map((e) => [e.name, parseFsTag(e.ext?.['kapi-fs']).entries]));
  const blockFs = new Map(effectBlocks(spec).map((b) => [b.label, parseFsTag(b.ext?.['kapi-fs']).entries]));
  const push = (c: Omit<Case, 'n' | 'api' | 'syscall' | 'nr'>) => {
    const fsAllow = [...specFs, ...(c.param ? paramFs.get(c.param) ?? [] : []), ...(c.effectCase ? blockFs.get(c.effectCase) ?? [] : []),
      ...(c.expect.kind === 'errno' && !c.expect.any ? c.expect.errnos.flatMap((e) => errorFs.get(e) ?? []) : [])];
    const effects = c.expect.kind === 'success' ? caseEffects(spec, c.args) : undefined;
    cases.push({ ...c, n: cases.length + 1, api: spec.name, syscall, nr, ...(fsAllow.length ? { fsAllow } : {}), ...(effects ? { effects } : {}) });
  };
  push({ what: 'valid arguments succeed', args: base, expect: { kind: 'success' } });
  params.forEach((p, i) => {
    // Every flag bit the mask allows, added to the valid baseline, must be accepted.
    const m = p.constraint?.kind === 'mask' ? p.constraint.mask?.value : undefined;
    const b = base[i];
    if (m !== undefined && b?.kind === 'int' && !testFlags(p).has('no-valid-bits')) {
      for (let bit = 1n; bit <= BigInt.asUintN(32, m); bit <<= 1n) {
        if ((m & bit) === 0n || (b.value & bit) !== 0n) continue;
        const args = [...base];
        args[i] = { kind: 'int', value: b.value | bit };
        push({ what: `${p.name} has allowed bit 0x${bit.toString(16)}`, args, expect: { kind: 'success' }, param: p.name });
      }
    }
    for (const e of boundaries(p, i, b, params)) {
      const args = [...base];
      args[i] = { kind: 'int', value: e.value };
      push({ what: `${e.what} succeeds`, args, expect: { kind: 'success' }, param: p.name });
    }
    for (const inv of invalid(p)) {
      const args = [...base];
      args[i] = inv.arg;
      const expect: Expect = inv.errno && listed.has(inv.errno) && errnoNumber(inv.errno) !== undefined
        ? { kind: 'errno', errnos: [inv.errno], any: false }
        : { kind: 'errno', errnos: [...listed].sort(), any: true };
      push({ what: inv.what, args, expect, param: p.name });
    }
  });
  const conditionProblems = conditionCases(spec, base, push, !!opts.unprivileged);
  const effectProblems = effectCases(spec, base, push, !!opts.unprivileged);
  const big = base.find((a) => a.kind === 'buf' && (!Number.isSafeInteger(a.size) || a.size < 0 || a.size > MAX_BUFFER));
  if (big?.kind === 'buf') return { api: spec.name, cases: [], problem: `a buffer of ${big.size} bytes: larger than the ${MAX_BUFFER} a case may map` };
  const vec = params.findIndex((_, i) => base[i]?.kind === 'iovec' && !iovecFits(base[i] as Extract<Arg, { kind: 'iovec' }>));
  if (vec >= 0) return { api: spec.name, cases: [], problem: `${params[vec]!.name} is ptr:iovec, but its count parameter (constraint-type: buffer(N)) has no valid value from 0 to ${IOV_MAX}` };
  const plan: Plan = { api: spec.name, cases };
  if (unknown) plan.problem = unknown;
  if (conditionProblems.length) plan.conditionProblems = conditionProblems;
  if (effectProblems.length) plan.effectProblems = effectProblems;
  return plan;
}

/**
 * The argument a condition's setting puts in place of the baseline; `errno` is the number (kapi's
 * table) of the error the condition provokes, which a FUSE fixture's server answers with.
 */
function settingArg(v: Extract<Setting, { kind: 'arg' }>['value'], errno: number, base: Arg | undefined): Arg {
  if ('fd' in v) {
    if (FUSE_KINDS.includes(v.fd)) return { kind: 'fd', fixture: v.fd, errno };
    return v.of === undefined ? { kind: 'fd', fixture: v.fd } : { kind: 'fd', fixture: v.fd, of: v.of };
  }
  if ('path' in v) return FUSE_KINDS.includes(v.path) ? { kind: 'path', which: v.path, errno } : { kind: 'path', which: v.path };
  if ('str' in v) return { kind: 'str', which: v.str };
  if ('addr' in v) return FUSE_KINDS.includes(v.addr) ? { kind: 'addr', which: v.addr, errno } : { kind: 'addr', which: v.addr };
  if ('ptr' in v) {
    if (v.ptr === 'iovec-badlen' || v.ptr === 'iovec-unmapped') {
      // The parameter's own array, broken; one entry when the parameter is no ptr:iovec.
      const count = base?.kind === 'iovec' && base.count > 0 ? base.count : 1;
      return { kind: 'iovec', count, len: IOV_LEN, bad: v.ptr === 'iovec-badlen' ? 'badlen' : 'unmapped' };
    }
    if ((STRUCT_KINDS as readonly string[]).includes(v.ptr)) return { kind: 'struct', which: v.ptr as StructKind };
    return { kind: v.ptr as 'null' | 'unmapped' | 'readonly' | 'argv-toolong' };
  }
  return { kind: 'int', value: v.int };
}

/** One case per alternative of each error's `kapi-cond:`, expecting that error; the problems. */
/**
 * Settings that need root of the sandbox's namespace, so --unprivileged leaves their conditions
 * out: fixtures that mount a filesystem for the case, running as another user, and a full memory
 * cgroup (not tried as nobody).
 */
const MOUNTING = new Set(['nospace-new', 'xattr-nospace', 'fuse-xattr-huge', 'notmpfile-dir', 'rofs-file', 'immutable', 'fs-full', 'pty-slave-closed', 'pty-master-closed', 'pty-exclusive', 'pty', 'append-only', 'mqueue-new', 'mqueue-file', 'nospace-file', 'mounted-file', 'nospace-file-new', ...FUSE_KINDS]);
const needsRoot = (st: Setting) => st.kind === 'uid' || st.kind === 'memcg' || st.kind === 'ucount' || (st.kind === 'arg' && (('path' in st.value && MOUNTING.has(st.value.path)) ||
  ('fd' in st.value && MOUNTING.has(st.value.fd)) || ('addr' in st.value && MOUNTING.has(st.value.addr))));

/** A condition's settings applied to the baseline: the arguments, the set-up, the first parameter set. */
function applySettings(base: readonly Arg[], c: Condition, errno: number): { args: Arg[]; setup?: NonNullable<Case['setup']>; param?: string } {
  const args = [...base];
  const setup: NonNullable<Case['setup']> = { rlimits: [], ignore: [] };
  let param: string | undefined;
  for (const st of c.settings) {
    if (st.kind === 'arg') { args[st.index] = settingArg(st.value, errno, base[st.index]); param ??= st.param; }
    else if (st.kind === 'field') {
      // cond.ts lets only a structure parameter have fields, and not be set whole as well.
      const a = args[st.index];
      if (a?.kind === 'words' && st.field < a.words.length) {
        const words = [...a.words];
        words[st.field] = st.value;
        args[st.index] = { kind: 'words', words };
      }
      param ??= st.param;
    }
    else if (st.kind === 'rlimit') setup.rlimits.push({ name: st.name, value: st.value });
    else if (st.kind === 'interrupt') setup.interrupt = true;
    else if (st.kind === 'nocaps') setup.nocaps = true;
    else if (st.kind === 'uid') setup.uid = Number(st.value);
    else if (st.kind === 'lockall') setup.lockall = true;
    else if (st.kind === 'memcg') setup.memcg = true;
    else if (st.kind === 'sharedfiles') setup.sharedfiles = true;
    else if (st.kind === 'config') (setup.configs ??= []).push({ name: st.name, value: st.value });
    else if (st.kind === 'cwd') setup.cwd = st.value;
    else if (st.kind === 'ucount') (setup.ucounts ??= []).push({ name: st.name, value: st.value });
    else setup.ignore.push(st.signal);
  }
  const used = setup.rlimits.length || setup.ignore.length || setup.interrupt || setup.nocaps || setup.uid !== undefined || setup.lockall || setup.memcg || setup.sharedfiles || setup.configs?.length || setup.cwd || setup.ucounts?.length;
  return { args, ...(used ? { setup } : {}), ...(param ? { param } : {}) };
}

function conditionCases(spec: ApiSpec, base: readonly Arg[], push: (c: Omit<Case, 'n' | 'api' | 'syscall' | 'nr'>) => void, unprivileged: boolean): string[] {
  const problems: string[] = [];
  for (const e of spec.errors ?? []) {
    const text = e.ext?.['kapi-cond'];
    if (text === undefined) continue;
    const errno = errnoNumber(e.name);
    if (errno === undefined) { problems.push(`${e.name}: not an errno kapi knows`); continue; }
    const r = parseConditions(text, spec.params ?? []);
    problems.push(...r.problems.map((p) => `${e.name}: ${p}`));
    for (const c of r.conditions) {
      // As nobody (--unprivileged) the case cannot mount what these fixtures need.
      if (unprivileged && c.settings.some(needsRoot)) continue;
      const { args, setup, param } = applySettings(base, c, errno);
      const k: Omit<Case, 'n' | 'api' | 'syscall' | 'nr'> = { what: `${e.name} when ${c.text}`, args, expect: { kind: 'errno', errnos: [e.name], any: false }, error: e.name };
      if (param) k.param = param;
      if (setup) k.setup = setup;
      push(k);
    }
  }
  return problems;
}

/** The successful calls of each effect block's `kapi-effect-case`; the problems of every effect tag. */
function effectCases(spec: ApiSpec, base: readonly Arg[], push: (c: Omit<Case, 'n' | 'api' | 'syscall' | 'nr'>) => void, unprivileged: boolean): string[] {
  const problems: string[] = [];
  for (const b of effectBlocks(spec)) {
    problems.push(...b.problems.map((p) => `${b.label}: ${p}`));
    for (const c of b.cases) {
      if (unprivileged && c.settings.some(needsRoot)) continue;
      // A FUSE fixture fails with the errno of the error it is for; a successful call has none.
      if (c.settings.some((st) => st.kind === 'arg' && Object.values(st.value).some((v) => typeof v === 'string' && FUSE_KINDS.includes(v as never)))) {
        problems.push(`${b.label}: kapi-effect-case ${c.text}: FUSE fixtures make calls fail, they cannot show an effect`);
        continue;
      }
      const { args, setup, param } = applySettings(base, c, 0);
      const k: Omit<Case, 'n' | 'api' | 'syscall' | 'nr'> = { what: `${b.label} shows when ${c.text}`, args, expect: { kind: 'success' }, effectCase: b.label };
      if (param) k.param = param;
      if (setup) k.setup = setup;
      push(k);
    }
  }
  return problems;
}

/**
 * Whether the case's arguments are what the claim reads through: the C dereferences a path
 * argument (file:*) and reads the memory of an address argument (mem:zeroed), so those must be a
 * path fixture and a mapping with an integer length of at most 1 MiB, and reads two ints from the
 * array of the fd:pair claims, which must be a buffer of the case's of at least 8 bytes; any other
 * claim reads integers only (descriptors are bounds-checked there). A claim that does not fit is
 * left out.
 */
function claimFits(cl: Claim, args: readonly Arg[]): boolean {
  const arg = (k: number) => { const x = cl.args[k]; return x && 'param' in x ? args[x.param] : undefined; };
  if (cl.name === 'file:created' || cl.name === 'file:truncated') return arg(0)?.kind === 'path' && (cl.args.length < 2 || arg(1)?.kind === 'int');
  // file:size reads a path and an integer size (a parameter or a constant); fd:size an integer size.
  if (cl.name === 'file:size') return arg(0)?.kind === 'path' && (!('param' in cl.args[1]!) || arg(1)?.kind === 'int');
  if (cl.name === 'fd:size') return !('param' in cl.args[1]!) || arg(1)?.kind === 'int';
  // The path claims: names (and path:symlink's target) the C reads as strings; a mode is an integer.
  if (cl.name === 'path:dir' || cl.name === 'path:node') return arg(0)?.kind === 'path' && (cl.args.length < 2 || arg(1)?.kind === 'int');
  if (cl.name === 'path:absent') return arg(0)?.kind === 'path';
  if (cl.name.startsWith('path:')) return arg(0)?.kind === 'path' && arg(1)?.kind === 'path';
  if (cl.name === 'mem:zeroed') {
    const a = arg(0), n = arg(1);
    return (a?.kind === 'mapped' || a?.kind === 'addr') && n?.kind === 'int' && n.value >= 0n && n.value <= 1n << 20n;
  }
  if (cl.name.startsWith('fd:pair')) { const a = arg(0); return a?.kind === 'buf' && a.size >= 8; }
  // The C stats a path argument, or fstats a descriptor.
  if (cl.name === 'cwd:set') { const a = arg(0); return a?.kind === 'path' || a?.kind === 'fd' || (a?.kind === 'int' && a.value >= 0n && a.value < 256n); }
  // The C reads the attribute of a path fixture or a descriptor, by a str: fixture's name.
  if (cl.name === 'xattr:set' || cl.name === 'xattr:removed') {
    const t = arg(0);
    return (t?.kind === 'path' || t?.kind === 'fd') && arg(1)?.kind === 'str' && (cl.name === 'xattr:removed' || arg(2)?.kind === 'int');
  }
  // A path or a descriptor whose file is looked at, and integer modes and ids.
  if (cl.name.startsWith('file:times')) return (arg(0)?.kind === 'fd' || arg(0)?.kind === 'int') && (arg(1)?.kind === 'path' || arg(1)?.kind === 'null') && (arg(2)?.kind === 'null' || !!arg(2)?.kind.startsWith('utimes'));
  if (cl.name === 'file:mode' || cl.name.startsWith('file:owner')) return (arg(0)?.kind === 'path' || arg(0)?.kind === 'fd') && cl.args.slice(1).every((_, k) => arg(k + 1)?.kind === 'int');
  return true;
}

/** The claims that apply to a successful case, by the guards on its integer arguments and their kinds. */
export function caseEffects(spec: ApiSpec, args: readonly Arg[]): Case['effects'] {
  const blocks = effectBlocks(spec);
  if (!effectsTagged(blocks)) return undefined;
  const value = (i: number, field?: number) => {
    const a = args[i];
    if (field !== undefined) return a?.kind === 'words' ? a.words[field] : undefined;
    if (a?.kind === 'path') return `path:${a.which}`;
    return a?.kind === 'int' ? a.value : undefined;
  };
  const out: NonNullable<Case['effects']> = { claims: [], blocks: [] };
  for (const b of blocks) {
    for (const cl of b.claims) {
      if (!guardHolds(cl.guard, value) || !claimFits(cl, args)) continue;
      out.claims.push(cl);
      out.blocks.push(b.label);
    }
  }
  return out;
}
