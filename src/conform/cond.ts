// Error conditions in machine-readable form: the `kapi-cond:` tag of an `error:` block says how to
// bring the error about, `kapi-unprovokable:` why user space cannot (docs/dsl.md). In: the tag's
// text and the spec's parameters. Out: alternatives, each a list of settings (a parameter set to
// a fixture or a constant, a resource limit, a signal ignored), or problems naming what is wrong.
//
//   kapi-cond: fd=fd:wronly; fd=fd:opath
//   kapi-cond: flags=O_CREAT | O_EXCL, path=path:file
//   kapi-cond: rlimit.NOFILE=0, sig.PIPE=ignore

import type { Param } from '../model/types.js';
import { constOfText } from '../sources/values.js';

/** Descriptor fixtures a condition may name (`fd:KIND`). */
export const FD_KINDS = [
  'file', 'rdonly', 'wronly', 'opath', 'dir', 'pipe', 'pipe-empty-nonblock', 'pipe-write', 'pipe-broken',
  'epoll', 'eventfd', 'closed', 'pipe-empty', 'pipe-full', 'pipe-full-nonblock', 'udp', 'sealed', 'fs-full', 'epoll-empty', 'watched', 'watcher',
  'fuse-flush-fails', 'fuse-flush-waits', 'pty-slave-closed', 'pty-master-closed', 'mem-top', 'quota-full',
  'fuse-write-fails', 'fifo', 'same', 'crowded', 'reserved', 'fuse-getattr-fails',
  // An empty regular file of its own, read-write: a second file for calls that copy between two.
  'empty',
  // The FUSE file, whose FSYNC answers with the error's errno; the FUSE file after a failed writeback.
  'fuse-fsync-fails', 'fuse-writeback-failed',
  // Record and flock() locks (fcntl, flock): held by a child on the fixture file; a deadlock in wait.
  'locked-other', 'lock-deadlock',
  // Directories: removed while open, without search permission, read to the end; FUSE READDIR fails.
  'dir-removed', 'dir-nosearch', 'dir-end', 'fuse-readdir-fails', 'fuse-access-fails',
  // inotify instances: watching the scratch directory (wd 1).
  'inotify',
  // extended attributes (specs/xattr.c): the regular file with user.kapi set; FUSE files whose
  // xattr operations fail with the error's errno, or hold a value larger than any buffer
  'xattr', 'fuse-xattr-fails', 'fuse-xattr-huge', 'xattr-noperm', 'rofs-file',
  // The FUSE file whose SETATTR (chmod, chown, utimensat) or STATFS answers with the error's errno.
  'fuse-setattr-fails', 'fuse-statfs-fails',
  // The path fixtures of the same names opened read-only (fchmod, fchown): set-user-ID, read-only mount, immutable.
  'setuid', 'immutable', 'not-owned', 'fuse-unmapped-owner',
  // A live pseudo-terminal: its slave, the master kept open (terminal ioctls).
  'pty',
  // The append-only file of path:append-only, opened O_WRONLY | O_APPEND.
  'append-only',
  // The read-write FUSE file whose FALLOCATE answers with the error's errno (addr:fuse-fallocate-fails maps it).
  'fuse-fallocate-fails',
] as const;
export type FdKind = (typeof FD_KINDS)[number];
/** Descriptor fixtures made from another parameter's descriptor (`fd:KIND@PARAM`). */
export const FD_OF_KINDS: readonly FdKind[] = ['watched', 'watcher', 'same'];

/** Path fixtures a condition may name (`path:KIND`). */
export const PATH_KINDS = [
  'file', 'new', 'exec', 'missing', 'empty', 'toolong', 'name-toolong', 'notdir', 'loop', 'dir', 'dangling',
  'symlink', 'fifo', 'exec-junk', 'exec-busy', 'exec-running', 'exec-badinterp', 'rofs-new', 'sealed', 'leased', 'nospace-new', 'notmpfile-dir', 'noperm', 'quota-new',
  'fuse-read-fails', 'fuse-create-fails', 'fuse-open-fails', 'nosearch', 'fuse-getattr-fails', 'loop-below', 'rofs-file', 'immutable',
  // A directory without search permission; the scratch directory itself (".").
  'dir-nosearch', 'cwd', 'fuse-access-fails', 'fuse-lookup-fails',
  // A UNIX domain socket bound in the case's directory; a name below a directory that does not exist.
  'socket', 'missing-parent',
  // A pseudo-terminal slave in exclusive mode (TIOCEXCL), on a devpts mounted for the case.
  'pty-exclusive',
  // extended attributes (specs/xattr.c): a file with user.kapi, a symlink to it, a file on a tmpfs with no room for one
  'xattr', 'xattr-symlink', 'xattr-nospace', 'fuse-xattr-fails', 'fuse-xattr-huge',
  // FUSE: the symbolic link whose READLINK fails; the file whose SETATTR or STATFS fails.
  'fuse-readlink-fails', 'fuse-setattr-fails', 'fuse-statfs-fails',
  // The regular file with mode 06755; /proc/self/fd/N of an O_PATH descriptor of a symbolic link
  // itself; the regular file given to user and group 1000 (with caps=none the case does not own it).
  'setuid', 'proc-symlink', 'not-owned',
  // FUSE: a file owned by ids the sandbox does not map (the kernel holds INVALID_UID and INVALID_GID).
  'fuse-unmapped-owner',
  // A regular file with the append-only attribute, made by the supervisor beside path:immutable's.
  'append-only',
  // For the calls that make, remove and move names (namei.c).
  'mqueue-new', 'mqueue-file', 'sticky-file', 'sticky-dir', 'dir-full', 'dir-below', 'dot', 'dotdot', 'nospace-file', 'mounted-file', 'nospace-file-new',
  'fuse-change-fails', 'fuse-rmdir-fails', 'fuse-unmapped', 'fuse-unmapped-dir', 'fuse-new',
] as const;
export type PathKind = (typeof PATH_KINDS)[number];

/**
 * Fixtures on a FUSE filesystem the case serves (fuse.ts), whose one FUSE operation answers with
 * the errno of the error block the condition is in: the planner passes that errno's number.
 */
export const FUSE_KINDS: readonly string[] = [
  'fuse-flush-fails', 'fuse-flush-waits', 'fuse-read-fails', 'fuse-fallocate-fails', 'fuse-write-fails', 'fuse-create-fails', 'fuse-open-fails',
  'fuse-getattr-fails', 'fuse-fsync-fails', 'fuse-writeback-failed', 'fuse-readdir-fails', 'fuse-access-fails', 'fuse-lookup-fails',
  'fuse-xattr-fails', 'fuse-readlink-fails', 'fuse-setattr-fails', 'fuse-statfs-fails', 'fuse-unmapped-owner',
  // Removing, renaming and linking names on the FUSE filesystem (namei.c).
  'fuse-change-fails', 'fuse-rmdir-fails', 'fuse-unmapped', 'fuse-unmapped-dir', 'fuse-new',
];

/** Pointer fixtures (`ptr:KIND`). */
export const PTR_KINDS = ['null', 'unmapped', 'readonly', 'argv-toolong', 'iovec-badlen', 'iovec-unmapped',
  // A loff_t of -1, for calls that read a file position through a pointer (sendfile, splice).
  'loff-neg',
  // fcntl's structures: a struct flock over the whole file, a page of 0xff bytes, a struct f_owner_ex naming the caller.
  'flock-rd', 'flock-wr', 'flock-un', 'flock-badwhence', 'ones', 'owner-self',
  // Two timespecs for utimensat: explicit times, both UTIME_NOW, both UTIME_OMIT, UTIME_NOW and an explicit mtime, a bad tv_nsec.
  'utimes', 'utimes-now', 'utimes-omit', 'utimes-mixed', 'utimes-badnsec'] as const;
export type PtrKind = (typeof PTR_KINDS)[number];

/** String fixtures (`str:KIND`): a NUL-terminated name in the case's memory (extended attribute names). */
export const STR_KINDS = ['xattr', 'xattr-missing', 'empty', 'xattr-toolong', 'xattr-noprefix', 'xattr-trusted', 'xattr-prefix-only'] as const;
export type StrKind = (typeof STR_KINDS)[number];

/** Address fixtures (`addr:KIND`): the start of a one-page mapping of a particular kind. */
export const ADDR_KINDS = ['file-private', 'beyond-eof', 'memfd-sealed', 'maps-full', 'locked', 'filled', 'fuse-fallocate-fails', 'collapsible', 'aio-ring', 'beyond-maxbytes'] as const;
export type AddrKind = (typeof ADDR_KINDS)[number];

/** Limits a condition may set (`rlimit.NAME=N`), and signals it may ignore (`sig.NAME=ignore`). */
export const RLIMITS = ['NOFILE', 'FSIZE', 'MEMLOCK', 'AS', 'NPROC', 'STACK', 'DATA'] as const;
export const SIGNALS = ['PIPE', 'XFSZ', 'ALRM'] as const;

/**
 * Kernel options a case may need (`config.NAME=y` or `=n`): the program probes the running kernel
 * for each and skips the case when the kernel is built the other way.
 */
export const CONFIGS = ['WATCH_QUEUE'] as const;

/** What a case's current directory is made before the call (`cwd=KIND`): removed, or nested past PATH_MAX. */
export const CWD_KINDS = ['removed', 'deep'] as const;

/**
 * Per-user limits of the case's own user namespace (`ucount.NAME=N`): /proc/sys/user/max_NAME,
 * lowered by the supervisor before the case starts (sandbox.ts).
 */
export const UCOUNTS = ['INOTIFY_INSTANCES', 'INOTIFY_WATCHES'] as const;
/**
 * Structures a pointer parameter's `kapi-semantic` may name, with the 64-bit words a condition
 * may set (`PARAM.FIELD=EXPR`), in their order in memory: `ptr:open_how` is openat2's struct
 * open_how (flags, mode, resolve), and `tail` the word right after it, past the end of the 6.1
 * structure (a larger struct from a newer program).
 */
export const STRUCT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'ptr:open_how': ['flags', 'mode', 'resolve', 'tail'],
};

/** The fields of a parameter's structure (STRUCT_FIELDS), or undefined when it has none. */
export function structFields(p: Param | undefined): readonly string[] | undefined {
  const sem = p?.ext?.['kapi-semantic']?.trim();
  return sem !== undefined && Object.hasOwn(STRUCT_FIELDS, sem) ? STRUCT_FIELDS[sem] : undefined;
}

export type Setting =
  /** One 64-bit word of a structure argument (`how.flags=O_CREAT`): word `field` of STRUCT_FIELDS. */
  | { kind: 'field'; param: string; index: number; field: number; value: bigint }
  | { kind: 'arg'; param: string; index: number; value: { fd: FdKind; of?: number } | { path: PathKind } | { ptr: PtrKind } | { addr: AddrKind } | { str: StrKind } | { int: bigint } }
  | { kind: 'rlimit'; name: (typeof RLIMITS)[number]; value: bigint }
  | { kind: 'ignore'; signal: (typeof SIGNALS)[number] }
  | { kind: 'interrupt'; signal: 'ALRM' }
  | { kind: 'nocaps' }
  | { kind: 'memcg' }
  | { kind: 'uid'; value: bigint }
  | { kind: 'lockall' }
  | { kind: 'sharedfiles' }
  | { kind: 'config'; name: (typeof CONFIGS)[number]; value: boolean }
  | { kind: 'cwd'; value: (typeof CWD_KINDS)[number] }
  | { kind: 'ucount'; name: (typeof UCOUNTS)[number]; value: bigint };

export interface Condition { text: string; settings: Setting[] }

const isOneOf = <T extends string>(list: readonly T[], s: string): s is T => (list as readonly string[]).includes(s);

/** One `NAME=VALUE` setting, or why it is not one. */
function setting(text: string, params: readonly Param[]): Setting | string {
  const eq = text.indexOf('=');
  if (eq < 0) return `'${text}' is not NAME=VALUE`;
  const name = text.slice(0, eq).trim(), value = text.slice(eq + 1).trim();
  if (!value) return `'${name}=' has no value`;
  if (name.startsWith('rlimit.')) {
    const r = name.slice(7);
    if (!isOneOf(RLIMITS, r)) return `unknown limit '${r}' (expected ${RLIMITS.join(', ')})`;
    const v = constOfText(value).value;
    if (v === undefined || v < 0n) return `limit ${r} needs a non-negative number, not '${value}'`;
    return { kind: 'rlimit', name: r, value: v };
  }
  if (name === 'uid') {
    const v = constOfText(value).value;
    if (v === undefined || v < 1n || v > 65535n) return `uid needs a number from 1 to 65535, not '${value}'`;
    return { kind: 'uid', value: v };
  }
  if (name === 'locked') {
    if (value !== 'all') return `locked takes 'all', not '${value}'`;
    return { kind: 'lockall' };
  }
  if (name === 'files') {
    if (value !== 'shared') return `files takes 'shared', not '${value}'`;
    return { kind: 'sharedfiles' };
  }
  if (name.startsWith('config.')) {
    const c = name.slice(7);
    if (!isOneOf(CONFIGS, c)) return `unknown kernel option '${c}' (expected ${CONFIGS.join(', ')})`;
    if (value !== 'y' && value !== 'n') return `config.${c} takes 'y' or 'n', not '${value}'`;
    return { kind: 'config', name: c, value: value === 'y' };
  }
  if (name === 'cwd') {
    if (!isOneOf(CWD_KINDS, value)) return `cwd takes ${CWD_KINDS.join(' or ')}, not '${value}'`;
    return { kind: 'cwd', value };
  }
  if (name.startsWith('ucount.')) {
    const u = name.slice(7);
    if (!isOneOf(UCOUNTS, u)) return `unknown user namespace limit '${u}' (expected ${UCOUNTS.join(', ')})`;
    const v = constOfText(value).value;
    if (v === undefined || v < 0n || v > 1000000n) return `ucount.${u} needs a number from 0 to 1000000, not '${value}'`;
    return { kind: 'ucount', name: u, value: v };
  }
  if (name === 'memcg') {
    if (value !== 'full') return `memcg takes 'full', not '${value}'`;
    return { kind: 'memcg' };
  }
  if (name === 'caps') {
    if (value !== 'none') return `caps takes 'none', not '${value}'`;
    return { kind: 'nocaps' };
  }
  if (name.startsWith('sig.')) {
    const s = name.slice(4);
    if (!isOneOf(SIGNALS, s)) return `unknown signal '${s}' (expected ${SIGNALS.join(', ')})`;
    if (s === 'ALRM') {
      if (value !== 'interrupt') return `sig.ALRM takes 'interrupt', not '${value}'`;
      return { kind: 'interrupt', signal: s };
    }
    if (value !== 'ignore') return `sig.${s} takes 'ignore', not '${value}'`;
    return { kind: 'ignore', signal: s };
  }
  const dot = /^([A-Za-z_][A-Za-z0-9_]*)\.([a-z_]+)$/.exec(name);
  if (dot) {
    const at = params.findIndex((p) => p.name === dot[1]);
    if (at < 0) return `'${dot[1]}' in '${name}' is not a parameter`;
    const fields = structFields(params[at]);
    if (!fields) return `'${dot[1]}' has no fields kapi knows (its kapi-semantic names no structure: ${Object.keys(STRUCT_FIELDS).join(', ')})`;
    const field = fields.indexOf(dot[2]!);
    if (field < 0) return `'${dot[2]}' is not a field of ${dot[1]} (${fields.join(', ')})`;
    const v = constOfText(value).value;
    if (v === undefined || v < 0n || v >= 1n << 64n) return `${name} needs a constant from 0 to 2^64 - 1, not '${value}'`;
    return { kind: 'field', param: dot[1]!, index: at, field, value: v };
  }
  const index = params.findIndex((p) => p.name === name);
  if (index < 0) return `'${name}' is not a parameter${params.length ? ` (${params.map((p) => p.name).join(', ')})` : ''}`;
  const colon = /^(fd|path|ptr|addr|str):(.*)$/.exec(value);
  if (colon) {
    const [, k, which] = colon;
    if (k === 'fd') {
      const [kind, other] = which!.split('@') as [string, string | undefined];
      if (!isOneOf(FD_KINDS, kind)) return `unknown descriptor 'fd:${kind}' (expected ${FD_KINDS.join(', ')})`;
      if (!FD_OF_KINDS.includes(kind)) return other === undefined ? { kind: 'arg', param: name, index, value: { fd: kind } } : `'fd:${kind}' takes no '@PARAM'`;
      if (other === undefined) return `'fd:${kind}' needs '@PARAM', the parameter whose ${kind === 'same' ? 'descriptor it repeats' : 'epoll instance it refers to'}`;
      const of = params.findIndex((p) => p.name === other);
      if (of < 0) return `'${other}' in 'fd:${which}' is not a parameter`;
      if (of >= index) return `'fd:${which}': ${other} must come before ${name}`;
      return { kind: 'arg', param: name, index, value: { fd: kind, of } };
    }
    if (k === 'addr') return isOneOf(ADDR_KINDS, which!) ? { kind: 'arg', param: name, index, value: { addr: which } } : `unknown address 'addr:${which}' (expected ${ADDR_KINDS.join(', ')})`;
    if (k === 'str') return isOneOf(STR_KINDS, which!) ? { kind: 'arg', param: name, index, value: { str: which } } : `unknown string 'str:${which}' (expected ${STR_KINDS.join(', ')})`;
    if (k === 'path') return isOneOf(PATH_KINDS, which!) ? { kind: 'arg', param: name, index, value: { path: which } } : `unknown path 'path:${which}' (expected ${PATH_KINDS.join(', ')})`;
    return isOneOf(PTR_KINDS, which!) ? { kind: 'arg', param: name, index, value: { ptr: which } } : `unknown pointer 'ptr:${which}' (expected ${PTR_KINDS.join(', ')})`;
  }
  const v = constOfText(value).value;
  if (v === undefined) return `'${value}' is neither a fixture nor a constant kapi can evaluate`;
  return { kind: 'arg', param: name, index, value: { int: v } };
}

/** Parses a `kapi-cond:` text: alternatives separated by `;`, settings by `,`. */
export function parseConditions(text: string, params: readonly Param[]): { conditions: Condition[]; problems: string[] } {
  const conditions: Condition[] = [];
  const problems: string[] = [];
  for (const alt of text.split(';').map((a) => a.trim().replace(/\s+/g, ' '))) {
    if (!alt) { problems.push('an empty condition'); continue; }
    const settings: Setting[] = [];
    let ok = true;
    for (const part of alt.split(',')) {
      const s = setting(part.trim(), params);
      if (typeof s === 'string') { problems.push(`${alt}: ${s}`); ok = false; continue; }
      if (s.kind === 'arg' && settings.some((x) => x.kind === 'arg' && x.index === s.index)) { problems.push(`${alt}: ${s.param} is set twice`); ok = false; continue; }
      if (s.kind === 'field' && settings.some((x) => x.kind === 'field' && x.index === s.index && x.field === s.field)) { problems.push(`${alt}: ${part.trim().split('=')[0]} is set twice`); ok = false; continue; }
      // A field belongs to the structure fixture: the parameter cannot also be another fixture.
      if ((s.kind === 'field' || s.kind === 'arg') && settings.some((x) => (x.kind === 'field' || x.kind === 'arg') && x.kind !== s.kind && x.index === s.index)) { problems.push(`${alt}: ${s.param} is set both as a whole and by field`); ok = false; continue; }
      settings.push(s);
    }
    if (ok) conditions.push({ text: alt, settings });
  }
  return { conditions, problems };
}
