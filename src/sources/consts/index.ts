// The table of kernel constants used to evaluate spec expressions, and the errno tables.
// In: a name. Out: its value (x86-64 unless an architecture is asked for), or undefined.

import { own } from '../../model/own.js';
import type { EvalEnv } from '../c/expr.js';
import { ERRNO_ARCH, ERRNO_GENERIC, SIZES, SYSCALLS_X86_64, UAPI_CONSTS } from './generated.js';

/** Architectures whose errno numbers differ from the generic ones. */
export const ERRNO_ARCHES = ['generic', ...Object.keys(ERRNO_ARCH)] as const;

const PAGE_SIZE = 4096n;
const INT_MAX = 0x7fffffffn;

/** Limits and kernel-internal constants that no uapi header defines (x86-64 values). */
const LIMITS: Record<string, bigint> = {
  CHAR_BIT: 8n, S8_MAX: 127n, S8_MIN: -128n, U8_MAX: 255n, S16_MAX: 32767n, S16_MIN: -32768n,
  U16_MAX: 65535n, INT_MAX, INT_MIN: -INT_MAX - 1n, UINT_MAX: 0xffffffffn, S32_MAX: INT_MAX,
  S32_MIN: -INT_MAX - 1n, U32_MAX: 0xffffffffn, LONG_MAX: 0x7fffffffffffffffn,
  LONG_MIN: -0x8000000000000000n, ULONG_MAX: 0xffffffffffffffffn, LLONG_MAX: 0x7fffffffffffffffn,
  LLONG_MIN: -0x8000000000000000n, ULLONG_MAX: 0xffffffffffffffffn, S64_MAX: 0x7fffffffffffffffn,
  S64_MIN: -0x8000000000000000n, U64_MAX: 0xffffffffffffffffn, SIZE_MAX: 0xffffffffffffffffn,
  SSIZE_MAX: 0x7fffffffffffffffn, PHYS_ADDR_MAX: 0xffffffffffffffffn,
  PAGE_SIZE, PAGE_SHIFT: 12n, PAGE_MASK: -PAGE_SIZE, PMD_SIZE: 0x200000n, PUD_SIZE: 0x40000000n,
  MAX_RW_COUNT: INT_MAX & -PAGE_SIZE, EP_MAX_EVENTS: INT_MAX / 12n, EP_MAX_NESTS: 4n,
  _NSIG: 64n, NSIG: 64n, _NSIG_BPW: 64n, _NSIG_WORDS: 1n, SIGRTMIN: 32n, SIGRTMAX: 64n,
  MAX_ARG_STRLEN: PAGE_SIZE * 32n, MAX_LFS_FILESIZE: 0x7fffffffffffffffn,
  RLIM_INFINITY: 0xffffffffffffffffn, NULL: 0n, true: 1n, false: 0n,
  TASK_SIZE_MAX: 0x7ffffffff000n, MAX_SCHEDULE_TIMEOUT: 0x7fffffffffffffffn,
  KMALLOC_MAX_SIZE: 1n << 22n, KMALLOC_SHIFT_MAX: 22n,
  // include/uapi/linux/fs.h and uio.h (not in the generated table): lseek's whence values, the
  // iovec limit, and the flags of preadv2/pwritev2.
  SEEK_SET: 0n, SEEK_CUR: 1n, SEEK_END: 2n, SEEK_DATA: 3n, SEEK_HOLE: 4n, SEEK_MAX: 4n, UIO_MAXIOV: 1024n,
  RWF_HIPRI: 1n, RWF_DSYNC: 2n, RWF_SYNC: 4n, RWF_NOWAIT: 8n, RWF_APPEND: 16n, RWF_SUPPORTED: 31n,
};

/**
 * uapi constants of headers scripts/gen-consts.mjs does not read: the statx mask bits
 * (include/uapi/linux/stat.h) and the access() modes (include/linux/fs.h's MAY_* values, which
 * user space spells F_OK, X_OK, W_OK and R_OK in <unistd.h>).
 */
const MORE_UAPI: Record<string, bigint> = {
  STATX_TYPE: 0x1n, STATX_MODE: 0x2n, STATX_NLINK: 0x4n, STATX_UID: 0x8n, STATX_GID: 0x10n,
  STATX_ATIME: 0x20n, STATX_MTIME: 0x40n, STATX_CTIME: 0x80n, STATX_INO: 0x100n, STATX_SIZE: 0x200n,
  STATX_BLOCKS: 0x400n, STATX_BASIC_STATS: 0x7ffn, STATX_BTIME: 0x800n, STATX_ALL: 0xfffn,
  STATX_MNT_ID: 0x1000n, STATX_DIOALIGN: 0x2000n, STATX__RESERVED: 0x80000000n,
  F_OK: 0n, X_OK: 1n, W_OK: 2n, R_OK: 4n,
  // include/linux/splice.h, include/uapi/linux/fadvise.h (x86-64 values), include/uapi/linux/fs.h:
  // the flags of splice/tee, fadvise64's advice, sync_file_range's flags.
  SPLICE_F_MOVE: 1n, SPLICE_F_NONBLOCK: 2n, SPLICE_F_MORE: 4n, SPLICE_F_GIFT: 8n, SPLICE_F_ALL: 15n,
  POSIX_FADV_NORMAL: 0n, POSIX_FADV_RANDOM: 1n, POSIX_FADV_SEQUENTIAL: 2n, POSIX_FADV_WILLNEED: 3n,
  POSIX_FADV_DONTNEED: 4n, POSIX_FADV_NOREUSE: 5n,
  SYNC_FILE_RANGE_WAIT_BEFORE: 1n, SYNC_FILE_RANGE_WRITE: 2n, SYNC_FILE_RANGE_WAIT_AFTER: 4n,
  SYNC_FILE_RANGE_WRITE_AND_WAIT: 7n,
  // include/uapi/linux/inotify.h: the events and flags of inotify_add_watch, inotify_init1's flags.
  IN_ACCESS: 0x1n, IN_MODIFY: 0x2n, IN_ATTRIB: 0x4n, IN_CLOSE_WRITE: 0x8n, IN_CLOSE_NOWRITE: 0x10n,
  IN_CLOSE: 0x18n, IN_OPEN: 0x20n, IN_MOVED_FROM: 0x40n, IN_MOVED_TO: 0x80n, IN_MOVE: 0xc0n,
  IN_CREATE: 0x100n, IN_DELETE: 0x200n, IN_DELETE_SELF: 0x400n, IN_MOVE_SELF: 0x800n, IN_ALL_EVENTS: 0xfffn,
  IN_UNMOUNT: 0x2000n, IN_Q_OVERFLOW: 0x4000n, IN_IGNORED: 0x8000n, IN_ONLYDIR: 0x1000000n,
  IN_DONT_FOLLOW: 0x2000000n, IN_EXCL_UNLINK: 0x4000000n, IN_MASK_CREATE: 0x10000000n,
  IN_MASK_ADD: 0x20000000n, IN_ISDIR: 0x40000000n, IN_ONESHOT: 0x80000000n,
  IN_CLOEXEC: 0x80000n, IN_NONBLOCK: 0x800n,
  // include/uapi/linux/openat2.h (openat2's resolve flags) and include/linux/fcntl.h's first
  // struct open_how size.
  RESOLVE_NO_XDEV: 0x01n, RESOLVE_NO_MAGICLINKS: 0x02n, RESOLVE_NO_SYMLINKS: 0x04n,
  RESOLVE_BENEATH: 0x08n, RESOLVE_IN_ROOT: 0x10n, RESOLVE_CACHED: 0x20n, OPEN_HOW_SIZE_VER0: 24n,
  // include/uapi/linux/memfd.h: memfd_create's flags and name limit (MFD_NAME_MAX in mm/memfd.c).
  MFD_CLOEXEC: 0x1n, MFD_ALLOW_SEALING: 0x2n, MFD_HUGETLB: 0x4n, MFD_NAME_MAX: 249n,
  MFD_HUGE_SHIFT: 26n, MFD_HUGE_MASK: 0x3fn, MFD_HUGE_2MB: 21n << 26n, MFD_HUGE_1GB: 30n << 26n,
  // include/uapi/linux/xattr.h: setxattr's flags
  XATTR_CREATE: 0x1n, XATTR_REPLACE: 0x2n,
  // ioctl requests (x86-64: asm-generic/ioctls.h, linux/fs.h) and fallocate modes (linux/falloc.h).
  FIOCLEX: 0x5451n, FIONCLEX: 0x5450n, FIONBIO: 0x5421n, FIOASYNC: 0x5452n, FIONREAD: 0x541bn,
  FIOQSIZE: 0x5460n, TCGETS: 0x5401n, TCSETS: 0x5402n, TIOCGWINSZ: 0x5413n, TIOCSWINSZ: 0x5414n,
  FIBMAP: 0x1n, FIGETBSZ: 0x2n, FICLONE: 0x40049409n, FICLONERANGE: 0x4020940dn, FIDEDUPERANGE: 0xc0189436n,
  FS_IOC_GETFLAGS: 0x80086601n, FS_IOC_SETFLAGS: 0x40086602n, FS_IOC_FSGETXATTR: 0x801c581fn,
  FS_IOC_FSSETXATTR: 0x401c5820n, FIFREEZE: 0xc0045877n, FITHAW: 0xc0045878n, FS_IOC_FIEMAP: 0xc020660bn,
  FALLOC_FL_KEEP_SIZE: 0x1n, FALLOC_FL_PUNCH_HOLE: 0x2n, FALLOC_FL_NO_HIDE_STALE: 0x4n,
  FALLOC_FL_COLLAPSE_RANGE: 0x8n, FALLOC_FL_ZERO_RANGE: 0x10n, FALLOC_FL_INSERT_RANGE: 0x20n,
  FALLOC_FL_UNSHARE_RANGE: 0x40n,
};

/** sizeof() of types the specified syscalls use (x86-64). */
const SIZEOF: Record<string, bigint> = {
  char: 1n, 'unsigned char': 1n, short: 2n, 'unsigned short': 2n, int: 4n, 'unsigned int': 4n,
  unsigned: 4n, long: 8n, 'unsigned long': 8n, 'long long': 8n, 'unsigned long long': 8n,
  s8: 1n, u8: 1n, s16: 2n, u16: 2n, s32: 4n, u32: 4n, s64: 8n, u64: 8n, __s32: 4n, __u32: 4n,
  __s64: 8n, __u64: 8n, __aligned_u64: 8n, size_t: 8n, ssize_t: 8n, loff_t: 8n, off_t: 8n,
  umode_t: 2n, pid_t: 4n, uid_t: 4n, gid_t: 4n, bool: 1n, 'void *': 8n, 'char *': 8n,
  sigset_t: 8n, 'struct epoll_event': 12n, 'struct __kernel_timespec': 16n,
  'struct timespec': 16n, 'struct timespec64': 16n, 'struct old_timespec32': 8n,
  'struct open_how': 24n, 'struct iovec': 16n, 'struct sched_attr': 56n,
  'struct fwctl_info': 24n, 'struct fwctl_rpc': 32n, 'struct binder_write_read': 48n,
  'struct io_event': 32n, 'struct iocb': 64n, 'struct rlimit': 16n, 'struct stat': 144n,
  'struct statx': 256n, 'struct statfs': 120n,
  // ioctl argument structures (x86-64).
  'struct termios': 36n, 'struct winsize': 8n, 'struct file_clone_range': 32n,
  'struct file_dedupe_range': 24n, 'struct fsxattr': 28n,
};

/** The number of an errno name on an architecture; undefined for unknown names. */
export function errnoNumber(name: string, arch = 'generic'): number | undefined {
  const a = own(ERRNO_ARCH, arch);
  const v = (a && own(a, name)) ?? own(ERRNO_GENERIC, name);
  return v === undefined ? undefined : Number(v);
}

export function isErrnoName(name: string): boolean {
  return own(ERRNO_GENERIC, name) !== undefined;
}

/** The errno name for a number on x86-64, preferring the canonical spelling. */
export function errnoName(num: number): string | undefined {
  const aliases = new Set(['EWOULDBLOCK', 'EDEADLOCK']);
  for (const [k, v] of Object.entries(ERRNO_GENERIC)) {
    if (Number(v) === num && !aliases.has(k)) return k;
  }
  return undefined;
}

/** Value of a kernel constant name (not KAPI_* enum names: see tables.ts). */
export function kernelConst(name: string): bigint | undefined {
  return own(UAPI_CONSTS, name) ?? own(MORE_UAPI, name) ?? own(SIZES, name) ?? own(LIMITS, name) ?? own(ERRNO_GENERIC, name);
}

export function sizeofType(type: string): bigint | undefined {
  const t = type.replace(/\s+/g, ' ').replace(/\bconst\b ?/g, '').replace(/\b__user\b ?/g, '').trim()
    .replace(/ \*/g, '*').replace(/\*$/, ' *').replace(/^([^*]*)\*$/, '$1*');
  if (t.endsWith('*')) return 8n;
  return own(SIZEOF, t);
}

/** An evaluation environment over kernel constants plus extra names (file arrays, enums). */
export function kernelEnv(extra?: (name: string) => bigint | undefined, arrays?: (n: string) => number | undefined): EvalEnv {
  return {
    ident: (n) => extra?.(n) ?? kernelConst(n),
    sizeof: sizeofType,
    arrayLen: arrays,
  };
}

/** The x86-64 number of a syscall (`read`, `epoll_pwait2`), from the 6.1 table; undefined if unknown. */
/**
 * The x86-64 syscalls whose SYSCALL_DEFINE name differs from the table's name: the table's
 * entry point is sys_newstat for stat, and so on (arch/x86/entry/syscalls/syscall_64.tbl).
 */
const ENTRY_NAMES: Record<string, string> = {
  newstat: 'stat',
  newlstat: 'lstat',
  newfstat: 'fstat',
  newuname: 'uname',
  sendfile64: 'sendfile',
  umount: 'umount2',
};

/** The syscall table's name of a SYSCALL_DEFINE name (`newstat` is `stat`). */
export const tableName = (name: string): string => own(ENTRY_NAMES, name) ?? name;

export function syscallNumber(name: string): number | undefined {
  const v = own(SYSCALLS_X86_64, name) ?? own(SYSCALLS_X86_64, own(ENTRY_NAMES, name) ?? '');
  return v === undefined ? undefined : Number(v);
}
