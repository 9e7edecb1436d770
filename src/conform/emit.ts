// Cases -> one C program, used three ways: `kapi conform` runs it here, `--kernel` runs it as the
// init of a qemu guest, and `kapi export kselftest` ships it. Each case runs in the sandbox of
// sandbox.ts; the program judges each outcome itself (for the kselftest and the guest), prints
// KTAP, and after each case a `# result` line that kapi reads back (see sandbox.ts).
//
// Nothing from a spec reaches the C unchecked: syscalls are called by the number in kapi's table
// (plan.ts resolves it), arguments are integers or fixtures from a closed set, and every text
// (API names, case titles) is a C string literal with control characters replaced.

import type { ApiSpec } from '../model/types.js';
import { errnoNumber } from '../sources/consts/index.js';
import { cString } from '../sources/elf/fixture-c.js';
import { FD_OF_KINDS, FUSE_KINDS, PATH_KINDS, RLIMITS, SIGNALS, STR_KINDS, UCOUNTS, type AddrKind, type FdKind } from './cond.js';
import { FUSE_C } from './fuse.js';
import { iovecFits, type Arg, type Case, type StructKind } from './plan.js';
import { oneLine } from './report.js';
import { CLAIMS, type Claim } from './effect.js';
import { OBSERVE_C, claimMacro } from './observe.js';
import { SANDBOX_C } from './sandbox.js';

/** A case that cannot be written as C: a bug in the planner, never the spec's doing. */
export class EmitError extends Error {}

/** Fixture helpers every program carries; they run inside the case's scratch directory. */
const FIXTURES = String.raw`
#include <elf.h>
#include <stddef.h>
#include <sys/msg.h>
#include <sys/uio.h>
#include <sys/file.h>
#include <sys/inotify.h>
/* Not every program uses every fixture. */
#pragma GCC diagnostic ignored "-Wunused-function"

static long fx_exec_badinterp(void), fx_exec_junk(void), fx_exec_busy(void), fx_exec_running(void), fx_quota_new(void), fx_immutable(void), fx_append_only(void), fx_sealed(void), fx_leased(void), fx_pty_exclusive(void);
static void fx_mount(const char *dir, const char *type, const char *opts);
static long fx_fuse_huge_path(void); /* fuse.ts */
static void fx_mqueue(void);

static long fx_file(void)
{
	int fd = open("fixture.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char buf[4096];
	memset(buf, 'x', sizeof(buf));
	if (fd < 0 || write(fd, buf, sizeof(buf)) != sizeof(buf))
		_exit(120);
	lseek(fd, 0, SEEK_SET);
	return fd;
}
/* An empty regular file of its own, read-write, beside fixture.txt (the other end of a copy). */
static long fx_file_empty(void)
{
	int fd = open("fixture-empty.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) _exit(186);
	return fd;
}
static long fx_pipe(void)
{
	int p[2];
	if (pipe(p)) _exit(122);
	if (write(p[1], "x", 1) != 1) _exit(122);
	return p[0];
}
/* An epoll instance with one ready entry (a pipe with data), so waits return at once. */
static long fx_epoll(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int fd = epoll_create1(0);
	int r = fx_pipe();
	if (fd < 0 || epoll_ctl(fd, EPOLL_CTL_ADD, r, &ev)) _exit(121);
	return fd;
}
static long fx_dir(void) { int fd = open(".", O_RDONLY | O_DIRECTORY); if (fd < 0) _exit(123); return fd; }
/* A directory of the case's, opened and then removed: the descriptor stays, the directory is dead. */
static long fx_dir_removed(void)
{
	int fd;
	if (mkdir("removed-dir", 0755)) _exit(128);
	fd = open("removed-dir", O_RDONLY | O_DIRECTORY);
	if (fd < 0 || rmdir("removed-dir")) _exit(123);
	return fd;
}
/* A directory opened while it could be searched, then made mode 0644: no search permission. */
static long fx_dir_nosearch(void)
{
	int fd;
	if (mkdir("nosearch-dir", 0755)) _exit(128);
	fd = open("nosearch-dir", O_RDONLY | O_DIRECTORY);
	if (fd < 0 || chmod("nosearch-dir", 0644)) _exit(123);
	return fd;
}
/* The scratch directory opened and read to its end: the next read returns 0. */
static long fx_dir_end(void)
{
	static char ents[4096];
	long n;
	int fd = (int)fx_dir(), k = 0;
	while ((n = syscall(SYS_getdents64, fd, ents, sizeof(ents))) > 0 && ++k < 1000)
		;
	if (n != 0) _exit(123);
	return fd;
}
/* An inotify instance with one watch, wd 1, on the scratch directory ("."). */
static long fx_inotify(void)
{
	int fd = inotify_init1(0);
	if (fd < 0 || inotify_add_watch(fd, ".", IN_CREATE | IN_DELETE) != 1) _exit(181);
	return fd;
}
/* cwd=removed: the current directory is a directory of the case's that was removed. */
static void fx_cwd_removed(void)
{
	if (mkdir("removed-cwd", 0755) || chdir("removed-cwd") || rmdir("../removed-cwd")) _exit(180);
}
/* cwd=deep: the current directory is 24 levels of 200-byte names down, its path longer than PATH_MAX. */
#define FX_DEEP 24
static void fx_cwd_deep(void)
{
	char name[201];
	memset(name, 'd', 200);
	name[200] = 0;
	for (int k = 0; k < FX_DEEP; k++) {
		/* A FUSE server that works with whole paths (bindfs) cannot make one that long. */
		if (mkdir(name, 0755) && errno == ENAMETOOLONG)
			sb_skip("the scratch directory's filesystem cannot make a directory whose path is longer than PATH_MAX");
		if (chdir(name)) _exit(180);
	}
}
/* After the call: the deep directories are removed again (a path that long is hard to remove from outside). */
static void fx_cwd_undo(void)
{
	char name[201];
	memset(name, 'd', 200);
	name[200] = 0;
	for (int k = 0; k < FX_DEEP; k++)
		if (chdir("..") || rmdir(name)) return;
}
/* A descriptor number that was open and is closed now; high, so no later fixture reuses it. */
static long fx_closed(void)
{
	int fd = open(".", O_RDONLY);
	if (fd < 0 || dup2(fd, 200) != 200) _exit(127);
	close(fd);
	close(200);
	return 200;
}
static long fx_buf(size_t n)
{
	void *p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) _exit(124);
	return (long)p; /* zero-filled: a valid all-zero struct or buffer */
}
static long fx_buf_filled(size_t n, int byte) { long p = fx_buf(n); memset((void *)p, byte, n); return p; }
/* A loff_t of -1 in memory of its own: a negative file position read through a pointer. */
static long fx_loff_neg(void) { long p = fx_buf(sizeof(long long)); *(long long *)p = -1; return p; }
static long fx_mapped(long pages) { return fx_buf(pages * sysconf(_SC_PAGESIZE)); }
/*
 * A page that is not mapped and stays so: far below where mmap places mappings (top down from
 * near the stack), so a buffer a later argument maps cannot land on it, as it would in the hole
 * a freed mapping of the usual kind leaves. Mapped once (MAP_FIXED_NOREPLACE proves it free),
 * then unmapped.
 */
static long fx_unmapped(void)
{
	void *want = (void *)0x200000000UL;
	void *p = mmap(want, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != want) {
		if (p != MAP_FAILED)
			munmap(p, 4096);
		p = (void *)fx_buf(4096);
	}
	if (munmap(p, 4096)) _exit(124);
	return (long)p;
}
static long fx_readonly(void)
{
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) _exit(124);
	return (long)p;
}
/*
 * An array of n iovecs over one zeroed mapping of n * len bytes, entry k at offset k * len, so a
 * transfer of r bytes fills the first r bytes of the mapping (the case watches it). bad = 1: the
 * last entry's length is SSIZE_MAX + 1, negative as an ssize_t; bad = 2: the first entry's buffer
 * is unmapped, so the copy faults before any byte moves.
 */
static long fx_iovec(size_t n, size_t len, int bad)
{
	struct iovec *v = (struct iovec *)fx_buf((n ? n : 1) * sizeof(*v));
	char *data = (char *)fx_buf(n * len);
	for (size_t k = 0; k < n; k++) {
		v[k].iov_base = data + k * len;
		v[k].iov_len = len;
	}
	if (n && bad == 1)
		v[n - 1].iov_len = (size_t)SSIZE_MAX + 1;
	if (n && bad == 2)
		v[0].iov_base = (void *)fx_unmapped();
	return (long)v;
}
/* The mapping an iovec fixture's entries point into (its second entry's, when the first is bad). */
static long fx_iovec_data(long v, int bad) { const struct iovec *e = (const struct iovec *)v; return bad == 2 ? (long)e[1].iov_base - (long)e[1].iov_len : (long)e[0].iov_base; }
/* An executable of the case's own: a copy of /bin/true in the scratch directory. */
static long fx_exec(void)
{
	char buf[65536];
	ssize_t n;
	int in = open("/bin/true", O_RDONLY | O_CLOEXEC);
	int out = open("exec-fixture", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	if (in < 0 || out < 0) _exit(129);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n) _exit(129);
	if (n < 0 || close(out)) _exit(129);
	close(in);
	return (long)"exec-fixture";
}
/*
 * Extended attributes (specs/xattr.c). fx_xattr_set gives path the attribute user.kapi with the
 * 10-byte value "kapi-value"; a filesystem that keeps no user.* attributes (tmpfs before 6.6 or
 * without CONFIG_TMPFS_XATTR, and what sits on one) refuses it, and the case is skipped.
 */
static void fx_xattr_set(const char *path)
{
	if (!syscall(SYS_setxattr, path, "user.kapi", "kapi-value", 10L, 0L))
		return;
	if (errno == EOPNOTSUPP)
		sb_skip("the scratch directory's filesystem keeps no user.* extended attributes (setxattr: EOPNOTSUPP)");
	_exit(191);
}
static long fx_xattr_file(void) { close(fx_file()); fx_xattr_set("fixture.txt"); return (long)"fixture.txt"; }
static long fx_xattr_fd(void)
{
	int fd;
	fx_xattr_file();
	fd = open("fixture.txt", O_RDWR);
	if (fd < 0) _exit(191);
	return fd;
}
/* The xattr file, its mode then set to 0 (a descriptor keeps working; permission checks see the mode). */
static long fx_xattr_noperm_fd(void)
{
	long fd = fx_xattr_fd();
	if (fchmod((int)fd, 0)) _exit(191);
	return fd;
}
/*
 * A file on a tmpfs of two inodes mounted for the case: the root and the file take all of its
 * inode space, which tmpfs (since 6.6) also charges user.* attributes to, so a new one gets ENOSPC;
 * the fixture's own try shows it. A tmpfs without user.* attributes skips the case.
 */
static long fx_xattr_nospace(void)
{
	int fd;
	fx_mount("xattr-fs", "tmpfs", "size=64k,nr_inodes=2");
	fd = open("xattr-fs/file", O_RDWR | O_CREAT | O_EXCL, 0644);
	if (fd < 0 || close(fd)) _exit(192);
	if (!syscall(SYS_setxattr, "xattr-fs/file", "user.probe", "x", 1L, 0L)) _exit(192);
	if (errno == EOPNOTSUPP)
		sb_skip("tmpfs keeps no user.* extended attributes (setxattr: EOPNOTSUPP)");
	if (errno != ENOSPC) _exit(192);
	return (long)"xattr-fs/file";
}
/* Names of extended attributes (str:KIND). */
static long fx_str(const char *which)
{
	static char name[300];
	if (!strcmp(which, "xattr")) return (long)"user.kapi";
	if (!strcmp(which, "xattr-missing")) return (long)"user.kapi-missing";
	if (!strcmp(which, "empty")) return (long)"";
	if (!strcmp(which, "xattr-noprefix")) return (long)"kapi.unknown";
	if (!strcmp(which, "xattr-trusted")) return (long)"trusted.kapi";
	if (!strcmp(which, "xattr-prefix-only")) return (long)"user.";
	/* xattr-toolong: 256 bytes before the NUL, one more than XATTR_NAME_MAX */
	memcpy(name, "user.", 5);
	memset(name + 5, 'a', 251);
	name[256] = 0;
	return (long)name;
}
static long fx_path(const char *which)
{
	static char longpath[8192];
	if (!strcmp(which, "file")) { close(fx_file()); return (long)"fixture.txt"; }
	if (!strcmp(which, "new")) return (long)"created-by-case";
	if (!strcmp(which, "exec")) return fx_exec();
	if (!strcmp(which, "missing")) return (long)"no-such-file";
	if (!strcmp(which, "empty")) return (long)"";
	if (!strcmp(which, "notdir")) { close(fx_file()); return (long)"fixture.txt/below"; }
	if (!strcmp(which, "dir")) { if (mkdir("fixture-dir", 0755)) _exit(128); return (long)"fixture-dir"; }
	if (!strcmp(which, "dangling")) { if (symlink("no-such-target", "dangling")) _exit(128); return (long)"dangling"; }
	if (!strcmp(which, "symlink")) { close(fx_file()); if (symlink("fixture.txt", "link")) _exit(128); return (long)"link"; }
	if (!strcmp(which, "fifo")) { if (mkfifo("fixture-fifo", 0600)) _exit(128); return (long)"fixture-fifo"; }
	if (!strcmp(which, "exec-junk")) return fx_exec_junk();
	if (!strcmp(which, "exec-badinterp")) return fx_exec_badinterp();
	if (!strcmp(which, "exec-busy")) return fx_exec_busy();
	if (!strcmp(which, "exec-running")) return fx_exec_running();
	if (!strcmp(which, "quota-new")) return fx_quota_new();
	if (!strcmp(which, "immutable")) return fx_immutable();
	if (!strcmp(which, "xattr")) return fx_xattr_file();
	if (!strcmp(which, "xattr-symlink")) { fx_xattr_file(); if (symlink("fixture.txt", "link")) _exit(128); return (long)"link"; }
	if (!strcmp(which, "xattr-nospace")) return fx_xattr_nospace();
	if (!strcmp(which, "fuse-xattr-huge")) return fx_fuse_huge_path();
	if (!strcmp(which, "append-only")) return fx_append_only();
	if (!strcmp(which, "nosearch")) {
		close(fx_file());
		if (mkdir("nosearch", 0755) || rename("fixture.txt", "nosearch/file") || chmod("nosearch", 0644)) _exit(128);
		return (long)"nosearch/file";
	}
	if (!strcmp(which, "dir-nosearch")) { if (mkdir("nosearch-dir", 0755) || chmod("nosearch-dir", 0644)) _exit(128); return (long)"nosearch-dir"; }
	if (!strcmp(which, "cwd")) return (long)".";
	if (!strcmp(which, "noperm")) { close(fx_file()); if (chmod("fixture.txt", 0)) _exit(128); return (long)"fixture.txt"; }
	if (!strcmp(which, "not-owned")) { close(fx_file()); if (chown("fixture.txt", 1000, 1000)) _exit(128); return (long)"fixture.txt"; }
	if (!strcmp(which, "setuid")) { close(fx_file()); if (chmod("fixture.txt", 06755)) _exit(128); return (long)"fixture.txt"; }
	if (!strcmp(which, "proc-symlink")) {
		/* Following /proc/self/fd/N of an O_PATH | O_NOFOLLOW descriptor leads to the link itself. */
		static char proc[64];
		int fd;
		close(fx_file());
		if (symlink("fixture.txt", "link")) _exit(128);
		fd = open("link", O_PATH | O_NOFOLLOW);
		if (fd < 0) _exit(128);
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
		return (long)proc;
	}
	if (!strcmp(which, "nospace-new")) { fx_mount("tiny-fs", "tmpfs", "nr_inodes=1"); return (long)"tiny-fs/new"; }
	if (!strcmp(which, "notmpfile-dir")) { fx_mqueue(); return (long)"mqueue-fs"; }
	if (!strcmp(which, "mqueue-new")) { fx_mqueue(); return (long)"mqueue-fs/new"; }
	if (!strcmp(which, "mqueue-file")) {
		/* a message queue: a file of the mqueue filesystem, made through it */
		int fd;
		fx_mqueue();
		fd = open("mqueue-fs/queue", O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd < 0 || close(fd)) _exit(128);
		return (long)"mqueue-fs/queue";
	}
	if (!strcmp(which, "sticky-file") || !strcmp(which, "sticky-dir")) {
		/* a sticky directory anyone may write to, with a file and a directory of the case's root;
		 * the scratch directory (mode 0700) is opened to others' search so that a uid=N reaches it */
		static int made;
		int fd;
		if (!made) {
			if (chmod(".", 0711) || mkdir("sticky", 0755) || chmod("sticky", 01777) || mkdir("sticky/dir", 0755)) _exit(128);
			fd = open("sticky/file", O_WRONLY | O_CREAT | O_EXCL, 0644);
			if (fd < 0 || close(fd)) _exit(128);
			made = 1;
		}
		return (long)(which[7] == 'f' ? "sticky/file" : "sticky/dir");
	}
	if (!strcmp(which, "dir-full")) {
		int fd;
		if (mkdir("full-dir", 0755)) _exit(128);
		fd = open("full-dir/file", O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0 || close(fd)) _exit(128);
		return (long)"full-dir";
	}
	if (!strcmp(which, "dir-below")) {
		/* a new name inside fixture-dir (made here unless path:dir made it already) */
		if (mkdir("fixture-dir", 0755) && errno != EEXIST) _exit(128);
		return (long)"fixture-dir/new";
	}
	if (!strcmp(which, "mounted-file")) {
		/* a regular file with the fixture file bind-mounted on it, in the case's mount namespace */
		int fd;
		close(fx_file());
		fd = open("mounted-file", O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0 || close(fd) || mount("fixture.txt", "mounted-file", NULL, MS_BIND, NULL)) _exit(128);
		return (long)"mounted-file";
	}
	if (!strcmp(which, "dot")) return (long)".";
	if (!strcmp(which, "dotdot")) return (long)"..";
	if (!strcmp(which, "nospace-file") || !strcmp(which, "nospace-file-new")) {
		/* a file on a tmpfs with room for two inodes, its root's and the file's; or a new name there */
		static int made;
		int fd;
		if (!made) {
			fx_mount("tiny2-fs", "tmpfs", "nr_inodes=2");
			fd = open("tiny2-fs/file", O_WRONLY | O_CREAT | O_EXCL, 0644);
			if (fd < 0 || close(fd)) _exit(128);
			made = 1;
		}
		return (long)(which[12] ? "tiny2-fs/new" : "tiny2-fs/file");
	}
	if (!strcmp(which, "rofs-new")) return (long)"/kapi-no-such-file";
	if (!strcmp(which, "rofs-file")) {
		/* A file of the case's own (its owner mapped) on a mount made read-only after it was written. */
		int fd;
		fx_mount("ro-fs", "tmpfs", "size=64k");
		fd = open("ro-fs/file", O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0 || close(fd) || mount(NULL, "ro-fs", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL)) _exit(128);
		return (long)"ro-fs/file";
	}
	if (!strcmp(which, "sealed")) return fx_sealed();
	if (!strcmp(which, "leased")) return fx_leased();
	if (!strcmp(which, "name-toolong")) { memset(longpath, 'a', 256); longpath[256] = 0; return (long)longpath; }
	if (!strcmp(which, "missing-parent")) return (long)"no-such-dir/file";
	if (!strcmp(which, "pty-exclusive")) return fx_pty_exclusive();
	if (!strcmp(which, "socket")) {
		/* A UNIX domain socket bound to a name of the scratch directory (struct sockaddr_un's layout). */
		struct { sa_family_t family; char path[108]; } sun = { AF_UNIX, "fixture-sock" };
		int s = socket(AF_UNIX, SOCK_STREAM, 0);
		if (s < 0 || bind(s, (struct sockaddr *)&sun, sizeof(sun)) || close(s)) _exit(128);
		return (long)"fixture-sock";
	}
	if (!strcmp(which, "loop-below")) {
		if (symlink("loop-b", "loop-a") || symlink("loop-a", "loop-b")) _exit(128);
		return (long)"loop-a/file";
	}
	if (!strcmp(which, "loop")) {
		if (symlink("loop-b", "loop-a") || symlink("loop-a", "loop-b")) _exit(128);
		return (long)"loop-a";
	}
	memset(longpath, 'a', sizeof(longpath) - 1);
	return (long)longpath;
}
/* The rofs-file path fixture's file, opened read-only: a descriptor on a read-only mount. */
static long fx_rofs_fd(void)
{
	int fd = open((const char *)fx_path("rofs-file"), O_RDONLY);
	if (fd < 0) _exit(193);
	return fd;
}
/* A path fixture opened read-only (fd:setuid, fd:rofs-file, fd:immutable). */
static long fx_path_fd(const char *which)
{
	int fd = open((const char *)fx_path(which), O_RDONLY);
	if (fd < 0) _exit(130);
	return fd;
}
/* The fixture file opened again with other flags (read-only, write-only, O_PATH). */
static long fx_reopen(int flags)
{
	int fd;
	close(fx_file());
	fd = open("fixture.txt", flags);
	if (fd < 0) _exit(130);
	return fd;
}
/* A FIFO of the scratch directory opened read-write (which does not wait for a peer), empty. */
static long fx_fifo_fd(void)
{
	int fd;
	if (mkfifo("fixture-fifo", 0600)) _exit(158);
	fd = open("fixture-fifo", O_RDWR);
	if (fd < 0) _exit(158);
	return fd;
}
/* An empty non-blocking pipe's read end. */
static long fx_pipe_nb(void)
{
	int p[2];
	if (pipe2(p, O_NONBLOCK)) _exit(122);
	return p[0];
}
/* A pipe's write end; with broken set, its read end is closed. */
static long fx_pipe_w(int broken)
{
	int p[2];
	if (pipe(p)) _exit(122);
	if (broken) close(p[0]);
	return p[1];
}
static long fx_eventfd(void) { int fd = eventfd(0, 0); if (fd < 0) _exit(132); return fd; }
/* The read end of an empty pipe whose write end stays open: a read blocks. */
static long fx_pipe_empty(void) { int p[2]; if (pipe(p)) _exit(122); return p[0]; }
/* A pipe's write end with the pipe full: a write blocks, or fails with EAGAIN when nonblock. */
static long fx_pipe_full(int nonblock)
{
	int p[2];
	char buf[4096];
	memset(buf, 'x', sizeof(buf));
	if (pipe2(p, O_NONBLOCK)) _exit(122);
	while (write(p[1], buf, sizeof(buf)) > 0)
		;
	if (errno != EAGAIN || (!nonblock && fcntl(p[1], F_SETFL, 0))) _exit(122);
	return p[1];
}
/* A filesystem mounted for the case in its scratch directory (the case is root of its user namespace). */
static void fx_mount_flags(const char *dir, const char *type, unsigned long flags, const char *opts)
{
	if (mkdir(dir, 0755) || mount(type, dir, type, flags, opts)) _exit(141);
}
static void fx_mount(const char *dir, const char *type, const char *opts) { fx_mount_flags(dir, type, MS_NOSUID | MS_NODEV, opts); }
/* The case's mqueue filesystem at mqueue-fs, mounted once however many arguments ask for it. */
static void fx_mqueue(void)
{
	static int mounted;
	if (!mounted)
		fx_mount("mqueue-fs", "mqueue", NULL);
	mounted = 1;
}
/*
 * A pseudo-terminal of a devpts instance of the case's own (devpts may be mounted in a user
 * namespace; it must allow device nodes, or its ptmx does not open), with one side opened and
 * closed again: slave_closed gives the master whose slave was closed (the kernel marks it
 * TTY_OTHER_CLOSED: a read with nothing buffered fails with EIO); otherwise the slave whose
 * master was closed (the kernel hangs it up: a write fails with EIO).
 */
static int fx_pty_pair(int *slave);
static long fx_pty(int slave_closed)
{
	int s, m = fx_pty_pair(&s);
	if (close(slave_closed ? s : m)) _exit(144);
	return slave_closed ? m : s;
}
/* A live pseudo-terminal of the case's own devpts instance: the slave, its master kept open. */
static long fx_pty_live(void)
{
	int s;
	fx_pty_pair(&s);
	return s;
}
/* A pseudo-terminal of a devpts instance mounted for the case: returns the master, *slave the slave. */
static int fx_pty_pair(int *slave)
{
	int m, unlock = 0;
	fx_mount_flags("pts-fs", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0600");
	m = open("pts-fs/ptmx", O_RDWR | O_NOCTTY);
	if (m < 0 || ioctl(m, TIOCSPTLCK, &unlock)) _exit(144);
	*slave = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	if (*slave < 0) _exit(144);
	return m;
}
/*
 * The path of a pseudo-terminal slave set to exclusive mode (TIOCEXCL) through an open slave
 * descriptor: a new open of it fails with EBUSY unless the caller has CAP_SYS_ADMIN in the
 * initial user namespace. The master and slave stay open, so the terminal stays.
 */
static long fx_pty_exclusive(void)
{
	static char path[64];
	int m, s, unlock = 0, n;
	fx_mount_flags("pts-fs", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0600");
	m = open("pts-fs/ptmx", O_RDWR | O_NOCTTY);
	if (m < 0 || ioctl(m, TIOCSPTLCK, &unlock) || ioctl(m, TIOCGPTN, &n)) _exit(144);
	snprintf(path, sizeof(path), "pts-fs/%d", n);
	s = open(path, O_RDWR | O_NOCTTY);
	if (s < 0 || ioctl(s, TIOCEXCL)) _exit(144);
	return (long)path;
}
/*
 * /proc/self/mem read-only, positioned at 2^64 - 1: its offsets are unsigned (FMODE_UNSIGNED_OFFSET),
 * so lseek takes any value, and the position is -1 as a loff_t. The position is checked through
 * fdinfo (an lseek result of -1 cannot be told from an error). The case is not dumpable (its
 * init changed ids), which gives its /proc/self files to the initial namespace's root; dumpable
 * again, they are the case's own.
 */
static long fx_mem_top(void)
{
	char path[64], info[256];
	int fd;
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)) _exit(145);
	fd = open("/proc/self/mem", O_RDONLY);
	if (fd < 0) _exit(145);
	lseek(fd, -1, SEEK_SET);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	if (sb_slurp(path, info, sizeof(info)) <= 0 || strncmp(info, "pos:\t-1\n", 8)) _exit(145);
	return fd;
}
/* A file on a full one-page tmpfs, open for writing. */
static long fx_fs_full(void)
{
	char buf[4096];
	int fd;
	memset(buf, 'x', sizeof(buf));
	fx_mount("tiny-fs", "tmpfs", "size=4096");
	fd = open("tiny-fs/filled", O_RDWR | O_CREAT, 0600);
	if (fd < 0) _exit(141);
	while (write(fd, buf, sizeof(buf)) > 0)
		;
	if (errno != ENOSPC) _exit(141);
	return fd;
}
/*
 * Two tmpfs with user quotas for the case, in its directory: quota-inodes (at most one inode per
 * user) and quota-blocks (at most 64 KiB per user), each with room well beyond its quota (so a
 * full quota, not a full filesystem, stops the case). Only the initial user namespace may mount a
 * tmpfs with quotas, so the supervisor mounts them (sb_prepare), owned by the case's root; the
 * case's capabilities are not those of the initial namespace, so the limits apply to it. A kernel
 * without tmpfs quotas (before 6.6, or built without CONFIG_TMPFS_QUOTA) rejects the options.
 */
static void fx_quota_mount(const char *name, const char *limit)
{
	char dir[PATH_MAX], opts[200];
	snprintf(dir, sizeof(dir), "%s/%s", SB_CASE_DIR, name);
	snprintf(opts, sizeof(opts), "size=4m,nr_inodes=64,mode=01777,uid=%u,gid=%u,usrquota,%s", SB_IDS, SB_IDS, limit);
	if (mkdir(dir, 0755))
		sb_fail(dir);
	if (mount("kapi-quota", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, opts)) {
		if (errno != EINVAL)
			sb_fail(dir);
		snprintf(sb_res->lacking, sizeof(sb_res->lacking), "tmpfs has no quota support (mount -o usrquota: %s)", strerror(errno));
	}
}
static void fx_quota_prepare(void)
{
	fx_quota_mount("quota-inodes", "usrquota_inode_hardlimit=1");
	if (!sb_res->lacking[0])
		fx_quota_mount("quota-blocks", "usrquota_block_hardlimit=64k");
}
/*
 * A regular file with the immutable attribute, owned by the case's root: only CAP_LINUX_IMMUTABLE
 * of the initial user namespace may set the attribute, so the supervisor makes the file
 * (sb_prepare), on a small tmpfs of its own in the case's directory that goes away with the
 * case's mounts. A kernel whose tmpfs keeps no such attributes (before 6.0) refuses the ioctl.
 */
static void fx_immutable_prepare(void)
{
	char dir[PATH_MAX], file[PATH_MAX + 8], opts[100];
	int fd, fl = 0x10; /* FS_IMMUTABLE_FL */
	snprintf(dir, sizeof(dir), "%s/immutable-fs", SB_CASE_DIR);
	snprintf(opts, sizeof(opts), "size=64k,nr_inodes=16,mode=0755,uid=%u,gid=%u", SB_IDS, SB_IDS);
	if (mkdir(dir, 0755) || mount("kapi-immutable", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, opts))
		sb_fail(dir);
	snprintf(file, sizeof(file), "%s/file", dir);
	fd = open(file, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 || fchown(fd, SB_IDS, SB_IDS))
		sb_fail(file);
	/* FS_IOC_SETFLAGS, _IOW('f', 2, long): the kernel reads an int. */
	if (ioctl(fd, _IOW('f', 2, long), &fl)) {
		if (errno != ENOTTY && errno != EOPNOTSUPP)
			sb_fail(file);
		snprintf(sb_res->lacking, sizeof(sb_res->lacking), "tmpfs cannot mark a file immutable (FS_IOC_SETFLAGS: %s)", strerror(errno));
	}
	if (close(fd))
		sb_fail(file);
	/* Beside it, a file with data and the append-only attribute (FS_APPEND_FL). */
	fl = 0x20;
	snprintf(file, sizeof(file), "%s/append", dir);
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 || fchown(fd, SB_IDS, SB_IDS) || write(fd, "xxxxxxxx", 8) != 8)
		sb_fail(file);
	if (!sb_res->lacking[0] && ioctl(fd, _IOW('f', 2, long), &fl))
		sb_fail(file);
	if (close(fd))
		sb_fail(file);
}
static long fx_immutable(void)
{
	if (sb_res->lacking[0])
		sb_skip(sb_res->lacking);
	return (long)"immutable-fs/file";
}
/* The append-only file (fx_immutable_prepare), and a descriptor of it open for appending. */
static long fx_append_only(void)
{
	if (sb_res->lacking[0])
		sb_skip(sb_res->lacking);
	return (long)"immutable-fs/append";
}
static long fx_append_only_fd(void)
{
	int fd = open((const char *)fx_append_only(), O_WRONLY | O_APPEND);
	if (fd < 0) _exit(158);
	return fd;
}
/* A new name on quota-inodes, after the case has made files there until its quota stopped it. */
static long fx_quota_new(void)
{
	char name[32];
	int fd;
	if (sb_res->lacking[0])
		sb_skip(sb_res->lacking);
	for (int i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "quota-inodes/f%d", i);
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0 && errno == EDQUOT)
			return (long)"quota-inodes/new";
		if (fd < 0 || close(fd))
			_exit(147);
	}
	_exit(147);
}
/* A file on quota-blocks, open for writing, filled until the case's block quota stopped it. */
static long fx_quota_full(void)
{
	char buf[4096];
	int fd, i;
	if (sb_res->lacking[0])
		sb_skip(sb_res->lacking);
	memset(buf, 'x', sizeof(buf));
	fd = open("quota-blocks/filled", O_RDWR | O_CREAT, 0600);
	if (fd < 0) _exit(147);
	for (i = 0; i < 64 && write(fd, buf, sizeof(buf)) > 0; i++)
		;
	if (i == 64 || errno != EDQUOT) _exit(147);
	return fd;
}
/* Every capability dropped (effective, permitted, inheritable): root of the namespace, but DAC applies. */
static void fx_nocaps(void)
{
	unsigned int hdr[2] = { 0x20080522, 0 }, data[6] = { 0 };
	if (syscall(SYS_capset, hdr, data)) _exit(142);
}
/*
 * Running as user uid: a child becomes uid first and waits (so the user has a process when the
 * limits are set), then, after the limits, the case itself switches to uid.
 */
static void fx_user_child(long uid)
{
	int p[2];
	char c;
	pid_t pid;
	if (pipe(p)) _exit(143);
	pid = fork();
	if (pid < 0) _exit(143);
	if (pid == 0) {
		if (setresuid(uid, uid, uid) || write(p[1], "x", 1) != 1) _exit(1);
		for (;;) pause();
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) _exit(143);
	close(p[0]);
}
static void fx_setuid(long uid) { if (setresuid(uid, uid, uid)) _exit(143); }
/* An unconnected UDP socket, and a memfd sealed against writing (read-write). */
static long fx_udp(void) { int fd = socket(AF_INET, SOCK_DGRAM, 0); if (fd < 0) _exit(140); return fd; }
static long fx_sealed_fd(void)
{
	int fd = memfd_create("kapi-sealed", MFD_ALLOW_SEALING);
	if (fd < 0 || write(fd, "x", 1) != 1 || fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE)) _exit(136);
	return fd;
}
/* An epoll instance with nothing in it: a wait blocks. */
static long fx_epoll_empty(void) { int fd = epoll_create1(0); if (fd < 0) _exit(121); return fd; }
/* A pipe's read end already in the interest list of the epoll instance ep (another argument). */
static long fx_watched(long ep)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int r = fx_pipe();
	if (epoll_ctl((int)ep, EPOLL_CTL_ADD, r, &ev)) _exit(133);
	return r;
}
/* A new epoll instance that watches the epoll instance ep: adding it to ep would close a loop. */
static long fx_watcher(long ep)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int fd = epoll_create1(0);
	if (fd < 0 || epoll_ctl(fd, EPOLL_CTL_ADD, (int)ep, &ev)) _exit(133);
	return fd;
}
/* The descriptor of another argument, repeated (oldfd == newfd). */
static long fx_same(long fd) { return fd; }
/*
 * The fixture file's descriptor with every descriptor below 64 open (copies of it), in a table of
 * its first size, 64 slots (/proc/self/status FDSize, read through the last free one): the next
 * free descriptor, 64, needs a larger table.
 */
static long fx_crowded(void)
{
	static char st[4096];
	int fd = (int)fx_file();
	const char *l;
	for (int k = 0; k < 63; k++)
		if (fcntl(k, F_GETFD) < 0 && dup2(fd, k) != k)
			_exit(170);
	if (sb_slurp("/proc/self/status", st, sizeof(st)) <= 0 || !(l = strstr(st, "\nFDSize:")) || atoi(l + 8) != 64)
		_exit(170);
	if (dup2(fd, 63) != 63 || fcntl(64, F_GETFD) >= 0)
		_exit(170);
	return fd;
}
/* The child that shares the case's descriptor table (fx_reserved, fx_files_shared), killed and reaped after the call. */
static pid_t fx_sharer;
static void fx_reap_sharer(void)
{
	if (fx_sharer > 0 && !kill(fx_sharer, SIGKILL))
		waitpid(fx_sharer, NULL, 0);
	fx_sharer = 0;
}
/* A child sharing the case's descriptor table (clone with CLONE_FILES, not CLONE_VM) that runs fn. */
static void fx_share_files(void (*fn)(void))
{
	long pid = syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0L, 0L, 0L, 0L);
	if (pid < 0)
		_exit(171);
	if (pid == 0) {
		fn();
		_exit(0);
	}
	fx_sharer = (pid_t)pid;
}
/* Whether the sharing child sleeps in the kernel (state S), waited for up to two seconds. */
static void fx_sharer_asleep(void)
{
	char path[64], st[512];
	for (int i = 0; i < 2000; i++) {
		const char *p;
		snprintf(path, sizeof(path), "/proc/%d/stat", (int)fx_sharer);
		if (sb_slurp(path, st, sizeof(st)) > 0 && (p = strrchr(st, ')')) && p[1] == ' ' && p[2] == 'S')
			return;
		usleep(1000);
	}
	_exit(172);
}
static void fx_sleep_child(void) { struct timespec ts = { 30, 0 }; nanosleep(&ts, NULL); }
/* files=shared: the descriptor table is shared with a sleeping child, as between threads. */
static void fx_files_shared(void)
{
	fx_share_files(fx_sleep_child);
	fx_sharer_asleep();
}
static void fx_open_fifo(void) { open("reserved-fifo", O_RDONLY); }
/* Whether the sharing child sleeps (state S) inside open or openat (/proc/PID/syscall, when readable). */
static int fx_sharer_in_open(void)
{
	char path[64], st[512];
	const char *p;
	long nr;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)fx_sharer);
	if (sb_slurp(path, st, sizeof(st)) <= 0 || !(p = strrchr(st, ')')) || p[1] != ' ' || p[2] != 'S')
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)fx_sharer);
	if (sb_slurp(path, st, sizeof(st)) <= 0)
		return 1;
	nr = strtol(st, NULL, 10);
	return nr == SYS_openat || nr == SYS_open;
}
/*
 * A descriptor number the open() of a child sharing the table has taken but not filled yet: the
 * child opens a FIFO with no writer, and open() allocates the descriptor before it sleeps in the
 * FIFO's open method, so the number stays taken while the child waits. Once the child sleeps in
 * open, a probe descriptor takes the lowest free number: a number below it that holds no file is
 * the taken one. Three children are tried in turn, 800 ms each (the case's limit is five seconds).
 */
static long fx_reserved(void)
{
	if (mkfifo("reserved-fifo", 0600))
		_exit(173);
	/*
	 * Three children in turn, each watched for 800 ms of the monotonic clock (not a count of
	 * polls, which a loaded machine makes slow), in case one never gets there.
	 */
	for (int attempt = 0; attempt < 3; attempt++) {
		struct timespec t0, t;
		fx_share_files(fx_open_fifo);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (;;) {
			clock_gettime(CLOCK_MONOTONIC, &t);
			if ((t.tv_sec - t0.tv_sec) * 1000L + (t.tv_nsec - t0.tv_nsec) / 1000000L >= 800)
				break;
			if (fx_sharer_in_open()) {
				int probe = open("/dev/null", O_RDONLY);
				if (probe < 0)
					_exit(173);
				for (int k = 0; k < probe; k++) {
					if (fcntl(k, F_GETFD) < 0 && errno == EBADF) {
						close(probe);
						return k;
					}
				}
				close(probe);
			}
			usleep(1000);
		}
		fx_reap_sharer();
	}
	_exit(175);
}
/*
 * config.WATCH_QUEUE=y or =n: the kernel has notification pipes, or not. The probe is the
 * IOC_WATCH_QUEUE_SET_SIZE ioctl on an ordinary pipe: a kernel without CONFIG_WATCH_QUEUE does
 * not know it (ENOTTY), one with it finds the pipe is no notification pipe (ENODEV).
 */
static void fx_need_watch_queue(int want)
{
	int p[2], have;
	if (pipe(p))
		_exit(174);
	if (!ioctl(p[0], _IO('W', 0x60), 1))
		_exit(174);
	if (errno != ENOTTY && errno != ENODEV)
		_exit(174);
	have = errno == ENODEV;
	close(p[0]);
	close(p[1]);
	if (have && !want)
		sb_skip("the kernel has notification pipes (CONFIG_WATCH_QUEUE=y)");
	if (!have && want)
		sb_skip("the kernel has no notification pipes (CONFIG_WATCH_QUEUE is not set)");
}
/* SIGALRM with a handler (no SA_RESTART) 50 ms from now, to interrupt a blocking call (armed right before it). */
static void fx_alarm(int sig) { (void)sig; }
static void fx_interrupt(void)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fx_alarm;
	if (sigaction(SIGALRM, &sa, NULL) || setitimer(ITIMER_REAL, &it, NULL)) _exit(134);
}
/* An argv whose one string is longer than MAX_ARG_STRLEN (32 pages). */
static long fx_argv_toolong(void)
{
	static char big[140000];
	static const char *argv[] = { big, NULL };
	memset(big, 'a', sizeof(big) - 1);
	return (long)argv;
}
/* Executable files: one no binary format recognises, one still open for writing. */
static long fx_exec_junk(void)
{
	int fd = open("junk-exec", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	if (fd < 0 || write(fd, "\001\002\003\004 not a program\n", 20) != 20 || close(fd)) _exit(129);
	return (long)"junk-exec";
}
/* The image's ELF header, the rest of the image zeroed: x86-64, little-endian, ET_EXEC. */
static void fx_elf_header(Elf64_Ehdr *e, size_t image)
{
	memset(e, 0, image);
	memcpy(e->e_ident, ELFMAG, SELFMAG);
	e->e_ident[EI_CLASS] = ELFCLASS64;
	e->e_ident[EI_DATA] = ELFDATA2LSB;
	e->e_ident[EI_VERSION] = EV_CURRENT;
	e->e_type = ET_EXEC;
	e->e_machine = EM_X86_64;
	e->e_version = EV_CURRENT;
}
/*
 * An x86-64 ELF executable of one PT_INTERP header naming "junk-interp", an executable file of
 * 100 bytes that is no ELF: the kernel reads the interpreter's header and rejects it (ELIBBAD).
 */
static long fx_exec_badinterp(void)
{
	struct { Elf64_Ehdr e; Elf64_Phdr p; char interp[16]; } img;
	char junk[100];
	int fd;
	fx_elf_header(&img.e, sizeof(img));
	img.e.e_phoff = offsetof(typeof(img), p);
	img.e.e_ehsize = sizeof(Elf64_Ehdr);
	img.e.e_phentsize = sizeof(Elf64_Phdr);
	img.e.e_phnum = 1;
	img.p.p_type = PT_INTERP;
	img.p.p_offset = offsetof(typeof(img), interp);
	img.p.p_filesz = img.p.p_memsz = sizeof("junk-interp");
	strcpy(img.interp, "junk-interp");
	memset(junk, 'j', sizeof(junk));
	fd = open("junk-interp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	if (fd < 0 || write(fd, junk, sizeof(junk)) != sizeof(junk) || close(fd)) _exit(129);
	fd = open("badinterp-exec", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	if (fd < 0 || write(fd, &img, sizeof(img)) != sizeof(img) || close(fd)) _exit(129);
	return (long)"badinterp-exec";
}
/* The child a fixture started (fx_exec_running), killed and reaped after the call. */
static pid_t fx_child;
static void fx_reap(void)
{
	if (fx_child > 0 && !kill(fx_child, SIGKILL))
		waitpid(fx_child, NULL, 0);
	fx_child = 0;
}
/*
 * An executable that a child of the case is running: a static x86-64 ELF of one page-aligned
 * PT_LOAD whose code calls pause() in a loop, so it runs until the case kills it. The child's
 * close-on-exec pipe reports the end of the exec (EOF) or its failure (the errno), so the file is
 * known to be in use as the running program's image before the call.
 */
static long fx_exec_running(void)
{
	static const unsigned char code[] = { 0xb8, 0x22, 0, 0, 0, 0x0f, 0x05, 0xeb, 0xf7 }; /* mov $34,%eax; syscall; jmp */
	struct { Elf64_Ehdr e; Elf64_Phdr p; unsigned char code[sizeof(code)]; } img;
	char *const argv[] = { "running-exec", NULL }, *const envp[] = { NULL };
	int fd, p[2], err;
	ssize_t n;
	fx_elf_header(&img.e, sizeof(img));
	img.e.e_entry = 0x400000 + offsetof(typeof(img), code);
	img.e.e_phoff = offsetof(typeof(img), p);
	img.e.e_ehsize = sizeof(Elf64_Ehdr);
	img.e.e_phentsize = sizeof(Elf64_Phdr);
	img.e.e_phnum = 1;
	img.p.p_type = PT_LOAD;
	img.p.p_flags = PF_R | PF_X;
	img.p.p_vaddr = img.p.p_paddr = 0x400000;
	img.p.p_filesz = img.p.p_memsz = sizeof(img);
	img.p.p_align = 0x1000;
	memcpy(img.code, code, sizeof(code));
	fd = open("running-exec", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	if (fd < 0 || write(fd, &img, sizeof(img)) != sizeof(img) || close(fd)) _exit(146);
	if (pipe2(p, O_CLOEXEC)) _exit(146);
	fx_child = fork();
	if (fx_child < 0) _exit(146);
	if (fx_child == 0) {
		execve("running-exec", argv, envp);
		err = errno;
		if (write(p[1], &err, sizeof(err)) != sizeof(err)) _exit(1);
		_exit(1);
	}
	close(p[1]);
	n = read(p[0], &err, sizeof(err));
	close(p[0]);
	if (n != 0) _exit(146);
	return (long)"running-exec";
}
static long fx_exec_busy(void)
{
	long path = fx_exec();
	if (open((const char *)path, O_WRONLY) < 0) _exit(129);
	return path;
}
/* A memfd sealed against shrinking, by its /proc/self/fd name. */
static long fx_sealed(void)
{
	static char name[64];
	int fd = memfd_create("kapi-sealed", MFD_ALLOW_SEALING);
	char buf[4096];
	memset(buf, 'x', sizeof(buf));
	if (fd < 0 || write(fd, buf, sizeof(buf)) != sizeof(buf) || fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK)) _exit(136);
	snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
	return (long)name;
}
/* A regular file the case holds a read lease on (through a descriptor it keeps open). */
static long fx_leased(void)
{
	int fd;
	close(fx_file());
	fd = open("fixture.txt", O_RDONLY);
	/* Breaking the lease signals its holder, this process: SIGIO would kill it. */
	signal(SIGIO, SIG_IGN);
	if (fd < 0 || fcntl(fd, F_SETLEASE, F_RDLCK)) _exit(137);
	return (long)"fixture.txt";
}
/* One-page mappings: private of a file, shared of an empty file, shared of a memfd sealed with F_SEAL_FUTURE_WRITE. */
static long fx_map_file(int shared, int empty)
{
	int fd = open(empty ? "empty.txt" : "fixture.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char buf[4096];
	void *p;
	memset(buf, 'x', sizeof(buf));
	if (fd < 0 || (!empty && write(fd, buf, sizeof(buf)) != sizeof(buf))) _exit(138);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, shared ? MAP_SHARED : MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) _exit(138);
	close(fd);
	return (long)p;
}
static long fx_map_sealed(void)
{
	int fd = memfd_create("kapi-map", MFD_ALLOW_SEALING);
	void *p;
	if (fd < 0 || ftruncate(fd, 4096)) _exit(138);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED || fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE)) _exit(138);
	return (long)p;
}
/* The middle page of a three-page mapping, after the process has mapped all vm.max_map_count areas. */
static long fx_maps_full(void)
{
	long p = fx_buf(3 * 4096);
	for (long i = 0; mmap(NULL, 4096, (i & 1) ? PROT_READ : PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED; i++)
		if (i > (1L << 22)) _exit(139);
	return p + 4096;
}
/* A one-page mapping locked with mlock, and one filled with 'x' bytes. */
static long fx_map_locked(void)
{
	long p = fx_buf(4096);
	if (mlock((void *)p, 4096)) _exit(146);
	return p;
}
static long fx_map_filled(void)
{
	long p = fx_buf(4096);
	memset((void *)p, 'x', 4096);
	return p;
}
/* Every mapping locked, as by an earlier mlockall(MCL_CURRENT). */
static void fx_lockall(void) { if (mlockall(MCL_CURRENT)) _exit(147); }
/*
 * The init of a test VM loads the modules its initramfs carries in /kapi-modules, in the order
 * /kapi-modules/order lists them (qemu.ts writes it, dependencies first: fuse.ko when the kernel
 * builds FUSE as a module, and for --fs the virtio disk and filesystem modules). Not every kernel
 * has them: a module that does not load is reported, and the cases or the filesystem that need it
 * fail (FUSE fixtures: 144) or are reported as lacking (vm_fs_setup).
 */
static void fx_load_modules(void)
{
	char name[128], path[160];
	FILE *f = fopen("/kapi-modules/order", "re");
	if (!f)
		return;
	for (int n = 0; n < 64 && fgets(name, sizeof(name), f); n++) {
		name[strcspn(name, "\n")] = 0;
		if (!name[0] || strchr(name, '/'))
			continue;
		snprintf(path, sizeof(path), "/kapi-modules/%s", name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			printf("# cannot open %s: %s\n", path, strerror(errno));
			continue;
		}
		if (syscall(SYS_finit_module, fd, "", 0) && errno != EEXIST)
			printf("# cannot load %s: %s\n", path, strerror(errno));
		close(fd);
	}
	fclose(f);
}
/* Whether the kernel has a filesystem type (/proc/filesystems). */
static int vm_kernel_has(const char *type)
{
	char l[128];
	int found = 0;
	FILE *f = fopen("/proc/filesystems", "re");
	if (!f)
		return 0;
	while (!found && fgets(l, sizeof(l), f)) {
		char *t = strrchr(l, '\t');
		t = t ? t + 1 : l;
		t[strcspn(t, "\n")] = 0;
		found = !strcmp(t, type);
	}
	fclose(f);
	return found;
}
/*
 * kapi conform --kernel --fs (qemu.ts): the kernel command line names the filesystem the
 * scratch directory goes on (kapi.fs=KIND), the disk kinds made by the host as the guest's first
 * virtio disk. Mounted like fs.ts does on the host; prints '# kapi-fs lacking WHY' when the kernel
 * has no such filesystem, '# kapi-fs error WHY' when it cannot be mounted (the host reports
 * either); 0 and the scratch directory in out when it is ready, 1 when there is no kapi.fs.
 */
static int vm_fs_setup(char *out, size_t outlen)
{
	static const char *const kinds[] = { "tmpfs", "ext2", "ext3", "ext4", "xfs", "btrfs", "vfat", "overlay" };
	char cmd[1024], kind[16] = "", opts[128] = "", dev[32] = "/kapi-dev/vda";
	const char *type = NULL, *p;
	unsigned long flags = 0;
	int fd = open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, cmd, sizeof(cmd) - 1);
	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	cmd[n] = 0;
	for (p = cmd; (p = strstr(p, "kapi.fs=")); p++)
		if (p == cmd || p[-1] == ' ') {
			snprintf(kind, sizeof(kind), "%.*s", (int)strcspn(p + 8, " \n"), p + 8);
			break;
		}
	if (!kind[0])
		return 1;
	for (unsigned i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kind, kinds[i]))
			type = kinds[i];
	if (!type) {
		printf("# kapi-fs error unknown filesystem %s\n", kind);
		return -1;
	}
	if (!vm_kernel_has(type)) {
		printf("# kapi-fs lacking this kernel has no %s (not in /proc/filesystems)\n", type);
		return -1;
	}
	if (mkdir("/kapi-fs", 0700)) {
		printf("# kapi-fs error mkdir /kapi-fs: %s\n", strerror(errno));
		return -1;
	}
	if (!strcmp(type, "tmpfs")) {
		if (mount("kapi-tmpfs", "/kapi-fs", "tmpfs", 0, "size=64m,mode=0700")) {
			printf("# kapi-fs error mount tmpfs: %s\n", strerror(errno));
			return -1;
		}
	} else if (!strcmp(type, "overlay")) {
		if (mkdir("/kapi-ovl", 0700) || mount("kapi-overlay", "/kapi-ovl", "tmpfs", 0, "size=64m,mode=0700") ||
		    mkdir("/kapi-ovl/lower", 0700) || mkdir("/kapi-ovl/upper", 0700) || mkdir("/kapi-ovl/work", 0700) ||
		    mount("kapi-overlay", "/kapi-fs", "overlay", 0, "lowerdir=/kapi-ovl/lower,upperdir=/kapi-ovl/upper,workdir=/kapi-ovl/work")) {
			printf("# kapi-fs error mount overlay: %s\n", strerror(errno));
			return -1;
		}
	} else {
		/* The disk: devtmpfs makes its node when virtio_blk probes it; wait up to 10 s. */
		if ((mkdir("/kapi-dev", 0700) || mount("devtmpfs", "/kapi-dev", "devtmpfs", 0, NULL)) && errno != EEXIST) {
			printf("# kapi-fs error mount devtmpfs: %s\n", strerror(errno));
			return -1;
		}
		for (int i = 0; i < 200 && access(dev, F_OK); i++)
			usleep(50000);
		if (!strcmp(type, "vfat")) {
			unsigned id = SB_IDS + (sb_unprivileged ? SB_NOBODY : 0);
			snprintf(opts, sizeof(opts), "uid=%u,gid=%u,umask=077,quiet", id, id);
		}
		if (mount(dev, "/kapi-fs", type, flags, opts[0] ? opts : NULL)) {
			printf("# kapi-fs error mount %s on %s: %s\n", type, dev, strerror(errno));
			return -1;
		}
	}
	snprintf(out, outlen, "/kapi-fs/scratch");
	if (mkdir(out, 0700)) {
		printf("# kapi-fs error mkdir %s: %s\n", out, strerror(errno));
		return -1;
	}
	printf("# kapi-fs mounted %s\n", type);
	return 0;
}
/*
 * memcg=full (the case runs in a memory cgroup of its own, see sb_memcg_make): right before the
 * call the case fills the cgroup up to memory.max, so that the call's own charge fails. Anonymous
 * pages first (MADV_POPULATE_WRITE, 64 pages at a time, then one at a time, until a charge fails
 * with ENOMEM: the per-CPU stock of precharged pages is used up on the way), then empty System V
 * messages, kernel objects of 64 bytes charged to the cgroup, until one fails: of the bytes
 * precharged for kernel objects (less than a page) fewer than one message's are left. Then again,
 * after what was freed late came back, until nothing more does (fx_memcg_fill). The
 * reservation is made before the snapshot of atomic_begin, the filling after it, and the pages
 * and messages go again right after the call, before anything else can need memory.
 */
#define FX_FILL_MAX (SB_MEMCG_MAX + (8UL << 20))
static char *fx_fill;
static int fx_fill_q = -1;
static void __attribute__((noinline)) fx_stack_touch(void)
{
	volatile char s[65536];
	for (size_t i = 0; i < sizeof(s); i += 1024)
		s[i] = 0;
}
static void fx_memcg_prepare(void)
{
	struct { long type; char text[1]; } m = { 1, { 0 } };
	fx_fill = mmap(NULL, FX_FILL_MAX, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	fx_fill_q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	/* One message to take back while filling (fx_memcg_fill). */
	if (fx_fill == MAP_FAILED || fx_fill_q < 0 || msgsnd(fx_fill_q, &m, 0, IPC_NOWAIT)) _exit(150);
	/* The stack the call and the fill need is there before the cgroup is full. */
	fx_stack_touch();
}
/* A buffer of the call's, faulted in (it stays zero-filled). */
static void fx_prefault(long p, size_t n)
{
	if (n && madvise((void *)(p & ~4095L), n + (p & 4095L), MADV_POPULATE_WRITE)) _exit(151);
}
/* Anonymous pages from off on, chunk bytes at a time, until a charge fails; returns the new end. */
static size_t fx_fill_pages(size_t off, size_t chunk)
{
	while (off + chunk <= FX_FILL_MAX && !madvise(fx_fill + off, chunk, MADV_POPULATE_WRITE))
		off += chunk;
	/* The whole reservation fitted: the cgroup's limit does not hold. */
	if (off + chunk > FX_FILL_MAX || errno != ENOMEM) _exit(152);
	return off;
}
/* Empty messages until one's charge fails; returns how many were sent. */
static int fx_fill_msgs(void)
{
	struct { long type; char text[1]; } m = { 1, { 0 } };
	int i;
	for (i = 0; i < 4096 && !msgsnd(fx_fill_q, &m, 0, IPC_NOWAIT); i++)
		;
	if (i == 4096 || errno != ENOMEM) _exit(154);
	return i;
}
static void fx_memcg_fill(void)
{
	struct { long type; char text[1]; } m;
	struct timespec ms20 = { 0, 20000000L };
	size_t off = fx_fill_pages(fx_fill_pages(0, 64 * 4096), 4096);
	fx_fill_msgs();
	/*
	 * Kernel objects freed after an RCU grace period (files closed before the call, dentries and
	 * inodes the reclaim of the filling dropped) give their bytes back later; wait for one
	 * (membarrier's global command waits for a grace period) and a little more. Then one message
	 * is taken back: its bytes return to this CPU's stock of the cgroup's precharged bytes, which
	 * takes in what another cgroup's use of the stock had put aside (and gives back whole pages).
	 * What came back is filled again, until twice in a row nothing but that message's bytes does
	 * (16 rounds at most).
	 */
	for (int round = 0, quiet = 0; round < 16 && quiet < 2; round++) {
		size_t was = off;
		syscall(SYS_membarrier, 1 /* MEMBARRIER_CMD_GLOBAL */, 0, 0);
		nanosleep(&ms20, NULL);
		if (msgrcv(fx_fill_q, &m, 0, 0, IPC_NOWAIT) < 0 && errno != ENOMSG) _exit(155);
		off = fx_fill_pages(off, 4096);
		/* Two rounds in a row with nothing back: the snapshot's files (observe.ts) are freed too. */
		quiet = fx_fill_msgs() <= 1 && off == was ? quiet + 1 : 0;
	}
}
static void fx_memcg_release(void)
{
	int e = errno;
	if (madvise(fx_fill, FX_FILL_MAX, MADV_DONTNEED) || msgctl(fx_fill_q, IPC_RMID, NULL)) _exit(153);
	errno = e;
}
/*
 * The 2 MiB-aligned start of 2 MiB of anonymous memory whose first page is written, mapped by
 * page tables (the next page is dropped, which splits a huge page the write may have made), so
 * that MADV_COLLAPSE has a huge page to make.
 */
static long fx_collapsible(void)
{
	unsigned long huge = 2UL << 20;
	char *p = mmap(NULL, 2 * huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *a;
	if (p == MAP_FAILED) _exit(138);
	a = (char *)(((unsigned long)p + huge - 1) & ~(huge - 1));
	a[0] = 1;
	if (madvise(a + 4096, 4096, MADV_DONTNEED)) _exit(138);
	return (long)a;
}
/*
 * The ring io_setup maps for a new AIO context (one event): a MAP_SHARED, writable mapping of
 * the context's pseudo-file, opened read-write, whose inode (alloc_anon_inode) has no file type
 * bits: neither a regular file nor a block device. The context goes with the case.
 */
static long fx_aio_ring(void)
{
	unsigned long ctx = 0;
	if (syscall(SYS_io_setup, 1, &ctx) || !ctx) _exit(156);
	return (long)ctx;
}
/*
 * A one-page MAP_SHARED, writable mapping of a new scratch file at file offset 16 TiB, so the
 * page ends at 16 TiB + 4 KiB: past the largest file ext4 allows with 4 KiB blocks (16 TiB - 4 KiB),
 * while mmap only checks a regular file's offset against MAX_LFS_FILESIZE. The case is skipped
 * when the scratch directory's filesystem allows files that long: lseek, which refuses a position
 * past the filesystem's maximum file size with EINVAL, can go there (tmpfs, xfs, btrfs do).
 */
static long fx_map_beyond_max(void)
{
	const off_t off = (off_t)1 << 44;
	int fd = open("huge.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	void *p;
	if (fd < 0) _exit(157);
	if (lseek(fd, off + 4096, SEEK_SET) >= 0)
		sb_skip("the scratch directory's filesystem allows files longer than 16 TiB + 4 KiB (lseek goes there)");
	if (errno != EINVAL) _exit(157);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, off);
	if (p == MAP_FAILED || close(fd)) _exit(157);
	return (long)p;
}
static long fx_argv(void) { static const char *argv[] = { "true", NULL }; return (long)argv; }
static long fx_envp(void) { static const char *envp[] = { NULL }; return (long)envp; }
/* A request over the whole file, as fcntl's lock commands read it: type F_RDLCK, F_WRLCK or F_UNLCK; whence 7 is none. */
static long fx_flock(int type, int whence)
{
	struct flock *l = (struct flock *)fx_buf(sizeof(*l));
	l->l_type = type;
	l->l_whence = whence;
	return (long)l;
}
/* A page of 0xff bytes: an invalid struct flock (l_type), f_owner_ex (type) or write hint. */
static long fx_ones(void) { return fx_buf_filled(4096, 0xff); }
/* A struct f_owner_ex naming the calling process (F_OWNER_PID). */
static long fx_owner_self(void)
{
	struct f_owner_ex *o = (struct f_owner_ex *)fx_buf(sizeof(*o));
	o->type = F_OWNER_PID;
	o->pid = getpid();
	return (long)o;
}
/*
 * The fixture file, read-write, while a child of the case holds a write record lock over the
 * whole file and an exclusive flock() lock, both through an open of its own; the child reports
 * through a pipe once it has both, and is killed and reaped after the call (fx_reap).
 */
static long fx_locked_other(void)
{
	int fd = (int)fx_file(), p[2];
	char c;
	if (pipe(p)) _exit(182);
	fx_child = fork();
	if (fx_child < 0) _exit(182);
	if (fx_child == 0) {
		struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
		int o = open("fixture.txt", O_RDWR);
		if (o < 0 || fcntl(o, F_SETLK, &l) || flock(o, LOCK_EX | LOCK_NB) || write(p[1], "x", 1) != 1) _exit(1);
		for (;;) pause();
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) _exit(182);
	close(p[0]);
	return fd;
}
/*
 * The fixture file, read-write, in a deadlock about to happen: a child holds a write record lock
 * over the whole of it and waits (F_SETLKW) for one the case holds on lock-dir/b (a file in a
 * subdirectory, which the snapshot does not open, since a close by the case would drop the
 * lock). The fixture waits, a bounded time, until /proc/locks shows the child's request blocked.
 */
static long fx_lock_deadlock(void)
{
	static char locks[65536];
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd = (int)fx_file(), b, p[2], found = 0;
	char c, want[32];
	if (mkdir("lock-dir", 0700) || (b = open("lock-dir/b", O_RDWR | O_CREAT, 0600)) < 0 || fcntl(b, F_SETLK, &l) || pipe(p)) _exit(176);
	fx_child = fork();
	if (fx_child < 0) _exit(176);
	if (fx_child == 0) {
		int o = open("fixture.txt", O_RDWR), ob = open("lock-dir/b", O_RDWR);
		if (o < 0 || ob < 0 || fcntl(o, F_SETLK, &l) || write(p[1], "x", 1) != 1) _exit(1);
		fcntl(ob, F_SETLKW, &l);
		_exit(1);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) _exit(176);
	close(p[0]);
	snprintf(want, sizeof(want), " %d ", (int)fx_child);
	for (int k = 0; k < 400 && !found; k++) {
		if (sb_slurp("/proc/locks", locks, sizeof(locks)) < 0) _exit(176);
		for (char *q = locks; *q && !found; q += strcspn(q, "\n") + (q[strcspn(q, "\n")] != 0)) {
			int w = (int)strcspn(q, "\n");
			char line[256];
			snprintf(line, sizeof(line), "%.*s ", w < 250 ? w : 250, q);
			found = strstr(line, "-> POSIX") && strstr(line, want);
		}
		if (!found) usleep(5000);
	}
	if (!found) _exit(176);
	return fd;
}
static long fx_sigset(void) { static unsigned long set[16]; return (long)set; }
static long fx_timespec(void) { static struct timespec ts; return (long)&ts; }
/* A structure of four 64-bit words (ptr:open_how) at the start of a fresh zeroed page. */
static long fx_struct4(unsigned long w0, unsigned long w1, unsigned long w2, unsigned long w3)
{
	unsigned long *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) _exit(187);
	p[0] = w0;
	p[1] = w1;
	p[2] = w2;
	p[3] = w3;
	return (long)p;
}
/* utimensat's two timespecs (atime, mtime): explicit, both UTIME_NOW, both UTIME_OMIT, NOW and explicit, a bad tv_nsec. */
static long fx_utimes(int which)
{
	static struct timespec ts[2];
	static const struct timespec set[5][2] = {
		{ { 1000000000, 123456789 }, { 1100000000, 987654321 } },
		{ { 0, UTIME_NOW }, { 0, UTIME_NOW } },
		{ { 0, UTIME_OMIT }, { 0, UTIME_OMIT } },
		{ { 0, UTIME_NOW }, { 1100000000, 987654321 } },
		{ { 1000000000, 1000000000 }, { 1100000000, 0 } },
	};
	if (which < 0 || which > 4) _exit(131);
	memcpy(ts, set[which], sizeof(ts));
	return (long)ts;
}
`;

/** The C that makes each descriptor fixture. */
const FD_C: Record<FdKind, string> = {
  file: 'fx_file()', rdonly: 'fx_reopen(O_RDONLY)', wronly: 'fx_reopen(O_WRONLY)', opath: 'fx_reopen(O_PATH)',
  dir: 'fx_dir()', pipe: 'fx_pipe()', 'pipe-empty-nonblock': 'fx_pipe_nb()', 'pipe-write': 'fx_pipe_w(0)',
  'pipe-broken': 'fx_pipe_w(1)', epoll: 'fx_epoll()', eventfd: 'fx_eventfd()', closed: 'fx_closed()',
  'pipe-empty': 'fx_pipe_empty()', 'pipe-full': 'fx_pipe_full(0)', 'pipe-full-nonblock': 'fx_pipe_full(1)',
  udp: 'fx_udp()', 'fs-full': 'fx_fs_full()', sealed: 'fx_sealed_fd()', 'epoll-empty': 'fx_epoll_empty()',
  'pty-slave-closed': 'fx_pty(1)', 'pty-master-closed': 'fx_pty(0)', pty: 'fx_pty_live()', 'append-only': 'fx_append_only_fd()', 'mem-top': 'fx_mem_top()', 'quota-full': 'fx_quota_full()', fifo: 'fx_fifo_fd()',
  // Made from another argument (`fd:KIND@PARAM`): argExpr passes that argument's variable.
  watched: 'fx_watched', watcher: 'fx_watcher', same: 'fx_same',
  crowded: 'fx_crowded()', reserved: 'fx_reserved()',
  empty: 'fx_file_empty()',
  'locked-other': 'fx_locked_other()', 'lock-deadlock': 'fx_lock_deadlock()',
  xattr: 'fx_xattr_fd()', 'fuse-xattr-huge': 'fx_fuse_fd(FX_FUSE_XATTR_HUGE, ERANGE)', 'xattr-noperm': 'fx_xattr_noperm_fd()', 'rofs-file': 'fx_rofs_fd()',
  'dir-removed': 'fx_dir_removed()', 'dir-nosearch': 'fx_dir_nosearch()', 'dir-end': 'fx_dir_end()', inotify: 'fx_inotify()',
  'fuse-readdir-fails': 'fx_fuse_dirfd(FX_FUSE_READDIR', 'fuse-access-fails': 'fx_fuse_dirfd(FX_FUSE_ACCESS', // told the errno (fuseExpr)
  // Told the errno to answer with (fuseExpr).
  'fuse-flush-fails': 'fx_fuse_fd(FX_FUSE_FLUSH', 'fuse-flush-waits': 'fx_fuse_fd(FX_FUSE_FLUSH_WAIT', 'fuse-write-fails': 'fx_fuse_fd(FX_FUSE_WRITE',
  'fuse-getattr-fails': 'fx_fuse_fd(FX_FUSE_GETATTR', 'fuse-fsync-fails': 'fx_fuse_fd(FX_FUSE_FSYNC',
  'fuse-writeback-failed': 'fx_fuse_wb_failed(FX_FUSE_WRITE', 'fuse-xattr-fails': 'fx_fuse_fd(FX_FUSE_XATTR',
  'fuse-setattr-fails': 'fx_fuse_fd(FX_FUSE_SETATTR', 'fuse-statfs-fails': 'fx_fuse_fd(FX_FUSE_STATFS',
  setuid: 'fx_path_fd("setuid")', immutable: 'fx_path_fd("immutable")',
  'not-owned': 'fx_path_fd("not-owned")', 'fuse-unmapped-owner': 'fx_fuse_alien_fd(FX_FUSE_ALIEN',
  'fuse-fallocate-fails': 'fx_fuse_fd(FX_FUSE_FALLOCATE',
};
/** The FUSE fixtures (fuse.ts), each a call still missing the errno its server answers with. */
const FUSE_CALL: Record<string, string> = {
  'fuse-flush-fails': 'fx_fuse_fd(FX_FUSE_FLUSH', 'fuse-flush-waits': 'fx_fuse_fd(FX_FUSE_FLUSH_WAIT', 'fuse-read-fails': 'fx_fuse_path(FX_FUSE_READ', 'fuse-fallocate-fails': 'fx_fuse_map(FX_FUSE_FALLOCATE',
  'fuse-write-fails': 'fx_fuse_fd(FX_FUSE_WRITE', 'fuse-create-fails': 'fx_fuse_new(FX_FUSE_CREATE', 'fuse-open-fails': 'fx_fuse_path(FX_FUSE_OPEN',
  'fuse-getattr-fails': 'fx_fuse_fd(FX_FUSE_GETATTR', 'fuse-fsync-fails': 'fx_fuse_fd(FX_FUSE_FSYNC',
  'fuse-writeback-failed': 'fx_fuse_wb_failed(FX_FUSE_WRITE',
  'fuse-readdir-fails': 'fx_fuse_dirfd(FX_FUSE_READDIR',
  'fuse-access-fails': 'fx_fuse_dirfd(FX_FUSE_ACCESS', 'fuse-lookup-fails': 'fx_fuse_lookup(FX_FUSE_LOOKUP',
  'fuse-xattr-fails': 'fx_fuse_fd(FX_FUSE_XATTR',
  'fuse-unmapped-owner': 'fx_fuse_alien_fd(FX_FUSE_ALIEN', // the errno is not used
  'fuse-readlink-fails': 'fx_fuse_link(FX_FUSE_READLINK', 'fuse-setattr-fails': 'fx_fuse_fd(FX_FUSE_SETATTR', 'fuse-statfs-fails': 'fx_fuse_fd(FX_FUSE_STATFS',
  'fuse-change-fails': 'fx_fuse_name(FX_FUSE_CHANGE, 0', 'fuse-rmdir-fails': 'fx_fuse_name(FX_FUSE_CHANGE, 1',
  'fuse-unmapped': 'fx_fuse_name(FX_FUSE_UNMAPPED, 0', 'fuse-unmapped-dir': 'fx_fuse_name(FX_FUSE_UNMAPPED, 1',
  'fuse-new': 'fx_fuse_new_any(FX_FUSE_CHANGE',
};
/** The FUSE fixtures a path and a descriptor share a name for: a path argument takes the path form. */
const FUSE_PATH_CALL: Record<string, string> = {
  'fuse-getattr-fails': 'fx_fuse_path(FX_FUSE_GETATTR', 'fuse-access-fails': 'fx_fuse_dirpath(FX_FUSE_ACCESS', 'fuse-xattr-fails': 'fx_fuse_path(FX_FUSE_XATTR',
  'fuse-unmapped-owner': 'fx_fuse_alien(FX_FUSE_ALIEN', // the errno is not used
  'fuse-setattr-fails': 'fx_fuse_path(FX_FUSE_SETATTR', 'fuse-statfs-fails': 'fx_fuse_path(FX_FUSE_STATFS',
};

/** The FUSE fixtures an address and a descriptor share a name for: a descriptor argument takes the descriptor form. */
const FUSE_FD_CALL: Record<string, string> = { 'fuse-fallocate-fails': 'fx_fuse_fd(FX_FUSE_FALLOCATE' };

/** A FUSE fixture's call with its errno: a number the kernel takes from a server (1 to 511). */
function fuseExpr(which: string, errno: number | undefined, path = false, fd = false): string {
  const calls = path && Object.hasOwn(FUSE_PATH_CALL, which) ? FUSE_PATH_CALL : fd && Object.hasOwn(FUSE_FD_CALL, which) ? FUSE_FD_CALL : FUSE_CALL;
  if (!Object.hasOwn(calls, which)) throw new EmitError(`unknown FUSE fixture ${which}`);
  if (!Number.isSafeInteger(errno) || errno! < 1 || errno! > 511) throw new EmitError(`FUSE fixture ${which} needs an errno from 1 to 511, not ${String(errno)}`);
  return `${calls[which]}, ${cCount(errno!, 'errno')})`;
}
/** The C that makes each address fixture. */
const ADDR_C: Record<AddrKind, string> = {
  'file-private': 'fx_map_file(0, 0)', 'beyond-eof': 'fx_map_file(1, 1)', 'memfd-sealed': 'fx_map_sealed()', 'maps-full': 'fx_maps_full()',
  locked: 'fx_map_locked()', filled: 'fx_map_filled()',
  'fuse-fallocate-fails': 'fx_fuse_map(FX_FUSE_FALLOCATE', // told the errno (fuseExpr)
  collapsible: 'fx_collapsible()', 'aio-ring': 'fx_aio_ring()', 'beyond-maxbytes': 'fx_map_beyond_max()',
};
const PATH_FIXTURES = new Set<string>(PATH_KINDS);
/** The C that makes each structure fixture of fcntl's (ptr:flock-*, ptr:ones, ptr:owner-self); 7 is no whence. */
const STRUCT_C: Record<StructKind, string> = {
  'flock-rd': 'fx_flock(F_RDLCK, SEEK_SET)', 'flock-wr': 'fx_flock(F_WRLCK, SEEK_SET)', 'flock-un': 'fx_flock(F_UNLCK, SEEK_SET)',
  'flock-badwhence': 'fx_flock(F_WRLCK, 7)', ones: 'fx_ones()', 'owner-self': 'fx_owner_self()',
};

/** A non-negative integer the C may use as a size or count; anything else is a planner bug. */
function cCount(n: number, what: string): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new EmitError(`${what} ${n} is not a count`);
  return String(n);
}

/** An iovec fixture's entry count, within the bounds plan.ts allows; anything else is a planner bug. */
function iovecCheck(a: Extract<Arg, { kind: 'iovec' }>): string {
  if (!iovecFits(a)) throw new EmitError(`an iovec of ${a.count} entries of ${a.len} bytes is out of bounds`);
  return `${cCount(a.count, 'iovec count')}UL`;
}
function iovecBad(a: Extract<Arg, { kind: 'iovec' }>): string {
  if (a.bad === undefined) return '0';
  if (a.bad === 'badlen') return '1';
  if (a.bad === 'unmapped') return '2';
  throw new EmitError(`unknown iovec fault ${String(a.bad)}`);
}

/** A 64-bit integer literal of the value's bit pattern. */
function cLong(v: bigint): string {
  if (typeof v !== 'bigint') throw new EmitError(`argument ${String(v)} is not an integer`);
  const s = BigInt.asIntN(64, v);
  if (s === -(1n << 63n)) return '(long)(-9223372036854775807L - 1L)'; // no literal for LONG_MIN
  return s < 0n ? `(long)(${s}L)` : `(long)${s}UL`;
}

/** A 64-bit word as C: an unsigned long constant from 0 to 2^64 - 1. */
function cWord(v: bigint): string {
  if (typeof v !== 'bigint' || v < 0n || v >= 1n << 64n) throw new EmitError(`structure word ${String(v)} is not from 0 to 2^64 - 1`);
  return `0x${v.toString(16)}UL`;
}

function argExpr(a: Arg, i: number): string {
  switch (a.kind) {
    case 'int': return cLong(a.value);
    case 'fd':
      if (!Object.hasOwn(FD_C, a.fixture)) throw new EmitError(`unknown descriptor fixture ${a.fixture}`);
      if (FUSE_KINDS.includes(a.fixture)) return fuseExpr(a.fixture, a.errno, false, true);
      if (a.errno !== undefined) throw new EmitError(`descriptor fixture ${a.fixture} takes no errno`);
      if (FD_OF_KINDS.includes(a.fixture)) {
        // Arguments are made in order, so only an earlier one can be referred to.
        if (!Number.isSafeInteger(a.of) || a.of! < 0 || a.of! >= i) throw new EmitError(`descriptor fixture ${a.fixture} refers to argument ${String(a.of)} of argument ${i}`);
        return `${FD_C[a.fixture]}(a${a.of})`;
      }
      if (a.of !== undefined) throw new EmitError(`descriptor fixture ${a.fixture} takes no other argument`);
      return FD_C[a.fixture];
    case 'addr':
      if (!Object.hasOwn(ADDR_C, a.which)) throw new EmitError(`unknown address fixture ${a.which}`);
      if (FUSE_KINDS.includes(a.which)) return fuseExpr(a.which, a.errno);
      if (a.errno !== undefined) throw new EmitError(`address fixture ${a.which} takes no errno`);
      return ADDR_C[a.which];
    case 'argv-toolong': return 'fx_argv_toolong()';
    case 'utimes': return 'fx_utimes(0)';
    case 'utimes-now': return 'fx_utimes(1)';
    case 'utimes-omit': return 'fx_utimes(2)';
    case 'utimes-mixed': return 'fx_utimes(3)';
    case 'utimes-badnsec': return 'fx_utimes(4)';
    case 'iovec': return `fx_iovec(${iovecCheck(a)}, ${cCount(a.len, 'iovec length')}UL, ${iovecBad(a)})`;
    case 'buf': return a.fill === undefined ? `fx_buf(${cCount(a.size, 'buffer size')}UL)` : `fx_buf_filled(${cCount(a.size, 'buffer size')}UL, ${cCount(a.fill & 0xff, 'fill byte')})`;
    case 'null': return '0L';
    case 'struct':
      if (!Object.hasOwn(STRUCT_C, a.which)) throw new EmitError(`unknown structure fixture ${a.which}`);
      return STRUCT_C[a.which];
    case 'unmapped': return 'fx_unmapped()';
    case 'readonly': return 'fx_readonly()';
    case 'loff-neg': return 'fx_loff_neg()';
    case 'mapped': return `fx_mapped(${cCount(a.pages, 'page count')}L)`;
    case 'path':
      if (!PATH_FIXTURES.has(a.which)) throw new EmitError(`unknown path fixture ${a.which}`);
      if (FUSE_KINDS.includes(a.which)) return fuseExpr(a.which, a.errno, true);
      if (a.errno !== undefined) throw new EmitError(`path fixture ${a.which} takes no errno`);
      return `fx_path(${cString(a.which)})`;
    case 'str':
      if (!(STR_KINDS as readonly string[]).includes(a.which)) throw new EmitError(`unknown string fixture ${a.which}`);
      return `fx_str(${cString(a.which)})`;
    case 'argv': return 'fx_argv()';
    case 'envp': return 'fx_envp()';
    case 'sigset': return 'fx_sigset()';
    case 'timespec': return 'fx_timespec()';
    case 'words':
      if (!Array.isArray(a.words) || a.words.length !== 4) throw new EmitError(`a structure argument of ${String((a.words as unknown[] | undefined)?.length)} words (4 expected)`);
      return `fx_struct4(${a.words.map((w) => cWord(w)).join(', ')})`;
  }
  throw new EmitError(`unknown argument kind ${(a as { kind: unknown }).kind}`);
}

/** Text for a C string literal that prints as one line: control characters become '?'. */
const lineLiteral = (s: string) => cString(oneLine(s));

function caseBody(c: Case): string {
  if (!Number.isSafeInteger(c.nr) || c.nr! < 0) throw new EmitError(`case '${c.what}' has no syscall number`);
  if (c.args.length > 6) throw new EmitError(`case '${c.what}' has ${c.args.length} arguments`);
  const args = c.args.map((a, i) => argExpr(a, i));
  while (args.length < 6) args.push('0L');
  // Limits last, so that the fixtures are made before a descriptor or size limit bites.
  const cwd = c.setup?.cwd;
  if (cwd !== undefined && cwd !== 'removed' && cwd !== 'deep') throw new EmitError(`unknown current directory ${cwd}`);
  const setup = [
    // The current directory first: what follows makes no file of the case's.
    ...(cwd ? [`\tfx_cwd_${cwd}();`] : []),
    ...(c.setup?.uid !== undefined ? [`\tfx_user_child(${cCount(c.setup.uid, 'uid')}L);`] : []),
    ...(c.setup?.ignore ?? []).map((sig) => {
      if (!(SIGNALS as readonly string[]).includes(sig)) throw new EmitError(`unknown signal ${sig}`);
      return `\tsignal(SIG${sig}, SIG_IGN);`;
    }),
    ...(c.setup?.rlimits ?? []).map((r) => {
      if (!(RLIMITS as readonly string[]).includes(r.name)) throw new EmitError(`unknown limit ${r.name}`);
      return `\t{ struct rlimit rl = { ${cLong(r.value)}, ${cLong(r.value)} }; if (setrlimit(RLIMIT_${r.name}, &rl)) _exit(131); }`;
    }),
    ...(c.setup?.lockall ? ['\tfx_lockall();'] : []),
    ...(c.setup?.configs ?? []).map((k) => {
      if (k.name !== 'WATCH_QUEUE' || typeof k.value !== 'boolean') throw new EmitError(`unknown kernel option ${k.name}`);
      return `\tfx_need_watch_queue(${k.value ? 1 : 0});`;
    }),
    ...(c.setup?.sharedfiles ? ['\tfx_files_shared();'] : []),
    // Last: lowering a limit needs no capability, but the fixtures may.
    ...(c.setup?.nocaps ? ['\tfx_nocaps();'] : []),
    ...(c.setup?.uid !== undefined ? [`\tfx_setuid(${cCount(c.setup.uid, 'uid')}L);`] : []),
    ...(c.setup?.memcg ? ['\tfx_memcg_prepare();'] : []),
    // The call's buffers are faulted in before the cgroup is full: a fault inside the call would
    // fail its charge too, and copy_from_user report EFAULT.
    ...(c.setup?.memcg ? c.args.flatMap((a, i) => (a.kind === 'buf' ? [`\tfx_prefault(a${i}, ${cCount(a.size, 'buffer size')}UL);`] : [])) : []),
  ];
  const memcg = !!c.setup?.memcg;
  const claims = c.effects?.claims ?? [];
  if (claims.length > 16) throw new EmitError(`case '${c.what}' has ${claims.length} claimed effects (16 at most)`);
  // Buffers are watched, so that a write into one is seen (claimed or not).
  const watch = c.args.flatMap((a, i) => (a.kind === 'buf' ? [`\tsb_watch(${i}, a${i}, ${cCount(a.size, 'buffer size')}UL);`]
    // An iovec's buffers (one mapping) stand for the argument: readv fills them, writev must not.
    : a.kind === 'iovec' && a.count * a.len > 0 && !(a.bad === 'unmapped' && a.count < 2) ? [`\tsb_watch(${i}, fx_iovec_data(a${i}, ${iovecBad(a)}), ${cCount(a.count * a.len, 'iovec bytes')}UL);`] : []));
  return [
    ...args.map((a, i) => `\tlong a${i} = ${a};`),
    ...setup,
    '\tlong a[6] = { a0, a1, a2, a3, a4, a5 };',
    `\tstatic const struct sb_claim cl[] = { ${claims.length ? claims.map(claimInit).join(', ') : '{ 0 }'} };`,
    ...watch,
    `\tsb_begin(a, cl, ${claims.length}, ${c.effects ? 1 : 0});`,
    ...(memcg ? ['\tfx_memcg_fill();'] : []),
    // Armed last, so that the 50 ms count from right before the call even where the fixtures
    // and the snapshot are slow (the 6.1 guest under qemu TCG): a signal that came before the
    // call would leave it blocked until the case's time limit.
    ...(c.setup?.interrupt ? ['\tfx_interrupt();'] : []),
    `\tlong r = syscall(${c.nr}L, a0, a1, a2, a3, a4, a5);`,
    ...(memcg ? ['\tfx_memcg_release();'] : []),
    '\tsb_end(r);',
    `\treport(sb_case_id, r);`,
    // A fixture's child (exec-running) is killed and reaped after the call.
    ...(c.args.some((a) => (a.kind === 'path' && a.which === 'exec-running') || (a.kind === 'fd' && (a.fixture === 'locked-other' || a.fixture === 'lock-deadlock'))) ? ['\tfx_reap();'] : []),
    // So is the child that shares the descriptor table (files=shared, fd:reserved).
    ...(c.setup?.sharedfiles || c.args.some((a) => a.kind === 'fd' && a.fixture === 'reserved') ? ['\tfx_reap_sharer();'] : []),
    ...(cwd === 'deep' ? ['\tfx_cwd_undo();'] : []),
  ].join('\n');
}

/** A claim as C data: its number, the argument indices (-1: the return value), a multiplier or flag. */
function claimInit(cl: Claim): string {
  if (!Object.hasOwn(CLAIMS, cl.name)) throw new EmitError(`unknown effect ${cl.name}`);
  const p = [-1, -1, -1];
  let k = 1;
  cl.args.forEach((x, i) => {
    if ('param' in x) {
      if (!Number.isSafeInteger(x.param) || x.param < 0 || x.param > 5) throw new EmitError(`effect ${cl.name} refers to argument ${x.param}`);
      p[i] = x.param;
    } else if ('ret' in x) {
      if (typeof x.ret !== 'bigint' || x.ret < 1n || x.ret > 1_000_000n) throw new EmitError(`effect ${cl.name} multiplies the return value by ${String(x.ret)}`);
      k = Number(x.ret);
    } else if ('bytes' in x) {
      // -2: a constant count, in k.
      if (typeof x.bytes !== 'bigint' || x.bytes < 1n || x.bytes > 65536n) throw new EmitError(`effect ${cl.name} counts ${String(x.bytes)} bytes`);
      p[i] = -2;
      k = Number(x.bytes);
    } else {
      if (!/^[a-z]{2}$/.test(x.flag)) throw new EmitError(`effect ${cl.name} names flag ${x.flag}`);
      k = (x.flag.charCodeAt(0) << 8) | x.flag.charCodeAt(1);
    }
  });
  return `{ ${claimMacro(cl.name)}, { ${p.join(', ')} }, ${k} }`;
}

/** The expectation of a case, as C data for the program's own judgement. */
function expectInit(c: Case, spec: ApiSpec | undefined): string {
  const r = spec?.return;
  const lit = (v: bigint | undefined, d: string) => (v === undefined ? d : `${BigInt.asIntN(64, v)}LL`);
  if (c.expect.kind === 'success') {
    const check = r?.check ?? 'exact';
    const [lo, hi] = check === 'exact' ? [r?.success?.value, r?.success?.value] : check === 'range' ? [r?.success_min?.value, r?.success_max?.value] : [0n, undefined];
    const hiText = hi !== undefined && BigInt.asIntN(64, hi) < 0n && hi > 0n ? 'LLONG_MAX' : lit(hi, 'LLONG_MAX');
    return `{ .success = 1, .noreturn = ${check === 'no_return' ? 1 : 0}, .lo = ${lit(lo, 'LLONG_MIN')}, .hi = ${hiText} }`;
  }
  // Numbers from kapi's table (x86-64, like the syscall numbers), not the names: nothing to define.
  const errs = c.expect.errnos.map((e) => errnoNumber(e)).filter((n): n is number => n !== undefined).slice(0, 63);
  const nonatomic = c.expect.errnos.some((n) => spec?.errors?.some((e) => e.name === n && e.ext?.['kapi-nonatomic'] !== undefined));
  return `{ .nonatomic = ${nonatomic ? 1 : 0}, .errs = { ${[...errs, 0].join(', ')} } }`;
}

export interface ProgramOptions {
  /** Wall-clock limit per case, in milliseconds (the CPU limit is the same, rounded up to seconds). */
  timeoutMs: number;
  /** Cases run as nobody with no capabilities. */
  unprivileged?: boolean;
  /** Where the cases come from, for the header comment. */
  origin: string;
}

/**
 * One case as the program sees it: C statements making the call, and how to judge it; prepare
 * names a C function the supervisor runs for it (sb_prepare in sandbox.ts); memcg puts it in a
 * memory cgroup of its own.
 */
export interface ProgramCase { api: string; what: string; body: string; expect: string; prepare?: string; memcg?: boolean; ucounts?: [number, number] }

/**
 * The program from cases already turned into C. Only emitProgram and the sandbox's own tests call
 * this; the sandbox tests use it to run hand-written hostile cases.
 */
export function programFromCases(cases: readonly ProgramCase[], opts: ProgramOptions): string {
  if (!Number.isSafeInteger(opts.timeoutMs) || opts.timeoutMs < 1 || opts.timeoutMs > 3_600_000) throw new EmitError(`timeout ${opts.timeoutMs} ms is out of bounds`);
  const apis = [...new Set(cases.map((c) => c.api))];
  const fns = cases.map((c, i) => `static void case_${i}(void)\n{\n${c.body}\n}\n`).join('\n');
  const table = cases.length ? `static void (*const cases[])(void) = { ${cases.map((_, i) => `case_${i}`).join(', ')} };` : 'static void (*const cases[1])(void);';
  const preps = cases.map((c) => {
    if (c.prepare !== undefined && !PREPARES.has(c.prepare)) throw new EmitError(`unknown supervisor step ${c.prepare}`);
    return c.prepare ?? '0';
  });
  const prepTable = `static void (*const preps[])(void) = { ${preps.length ? preps.join(', ') : '0'} };`;
  const meta = cases.map((c) => `\t{ ${apis.indexOf(c.api)}, ${lineLiteral(c.what)}, ${c.expect} },`).join('\n');
  const memcg = `static const char case_memcg[] = { ${[...cases.map((c) => (c.memcg ? 1 : 0)), 0].join(', ')} };`;
  // The limits of the case's user namespace the supervisor lowers (sb_ucounts; -1: left alone).
  const ucount = `static const long case_ucount[][2] = { ${[...cases.map((c) => `{ ${(c.ucounts ?? [-1, -1]).map((v) => (v < 0 ? '-1' : `${cCount(v, 'limit')}L`)).join(', ')} }`), '{ -1, -1 }'].join(', ')} };`;
  const origin = opts.origin.replace(/[^\x20-\x7e]/g, '?').replace(/\*\//g, '* /');
  return `/* SPDX-License-Identifier: GPL-2.0 */\n/* Generated by ${origin}. */\n` +
    `#define KAPI_TIMEOUT_MS ${opts.timeoutMs}u\n#define KAPI_UNPRIVILEGED ${opts.unprivileged ? 1 : 0}\n` +
    SANDBOX_C + OBSERVE_C + FIXTURES + FUSE_C + String.raw`
${fns}
${table}
${prepTable}
${memcg}
${ucount}

struct expect { int success, noreturn; long long lo, hi; int nonatomic; int errs[64]; };
struct meta { int api; const char *what; struct expect e; };
static const char *const apis[] = { ${apis.length ? apis.map(lineLiteral).join(', ') : '""'} };
static const struct meta meta[] = {
${meta || '\t{ 0, "", { 0 } },'}
};
static const int ncases = ${cases.length}, napis = ${apis.length};

static int judge(const struct expect *e)
{
	const struct sb_result *r = sb_res;
	int returned = r->state == 1, exited0 = r->have_status && WIFEXITED(r->status) && WEXITSTATUS(r->status) == 0;
	if (r->state == 2)
		return 0;
	if (r->state == 3)
		return 1; /* skipped: the kernel lacks what the case needs (KTAP ok # SKIP) */
	if (e->success)
		return returned ? r->ret >= 0 && r->ret >= e->lo && r->ret <= e->hi && !r->effect[0] : e->noreturn && exited0;
	if (!returned || r->ret >= 0)
		return 0;
	for (int k = 0; k < 64 && e->errs[k]; k++)
		if (e->errs[k] == r->err)
			return !r->changed[0] || e->nonatomic;
	return 0;
}

int main(int argc, char **argv)
{
	char scratch[PATH_MAX], line[600];
	int failed = 0, made = 0, init = getpid() == 1;
	setvbuf(stdout, NULL, _IONBF, 0);
	/*
	 * Descriptors inherited from whoever started the program (a shell's or a harness's, not
	 * close-on-exec) are closed: no case may reach them, and the cases' descriptor tables, which
	 * fork sizes by the highest open descriptor, start at their smallest size (64 slots).
	 */
	if (syscall(SYS_close_range, 3U, ~0U, 0U))
		for (int fd = 3; fd < 4096; fd++)
			close(fd);
	if (sb_setup())
		return 2;
	if (init) {
		/* The init of a test VM: the sandbox writes id maps through /proc. */
		mkdir("/proc", 0555);
		if (mount("proc", "/proc", "proc", 0, NULL) && errno != EBUSY)
			printf("# cannot mount /proc: %s\n", strerror(errno));
		/* cgroup v2 with the memory controller for its children, for memcg=full. */
		mkdir("/sys", 0555);
		mkdir("/sys/fs", 0555);
		mkdir("/sys/fs/cgroup", 0555);
		if (mount("cgroup2", "/sys/fs/cgroup", "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) && errno != EBUSY)
			printf("# cannot mount cgroup2: %s\n", strerror(errno));
		else if (sb_cg_put("/sys/fs/cgroup", "cgroup.subtree_control", "+memory"))
			printf("# cannot enable the memory controller\n");
		snprintf(scratch, sizeof(scratch), "/kapi-scratch");
		mkdir(scratch, 0700);
		fx_load_modules();
		switch (vm_fs_setup(scratch, sizeof(scratch))) {
		case 0: break;
		case 1: snprintf(scratch, sizeof(scratch), "/kapi-scratch"); break;
		default: sync(); reboot(RB_POWER_OFF); return 2;
		}
	} else if (argc > 1) {
		snprintf(scratch, sizeof(scratch), "%s", argv[1]);
	} else {
		snprintf(scratch, sizeof(scratch), "/tmp/kapi-conform-XXXXXX");
		if (!mkdtemp(scratch)) {
			printf("# cannot make a scratch directory: %s\n", strerror(errno));
			return 2;
		}
		made = 1;
	}
	printf("KTAP version 1\n1..%d\n", napis);
	for (int a = 0, id = 0; a < napis; a++) {
		int k = 0, cnt = 0, bad = 0;
		for (int j = 0; j < ncases; j++)
			cnt += meta[j].api == a;
		printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", apis[a], cnt);
		for (; id < ncases && meta[id].api == a; id++) {
			int ok, skip;
			sb_prepare = preps[id];
			sb_ucount[0] = case_ucount[id][0];
			sb_ucount[1] = case_ucount[id][1];
			sb_run(id, cases[id], scratch, case_memcg[id]);
			ok = judge(&meta[id].e);
			skip = sb_res->state == 3;
			bad += !ok;
			sb_describe(line, sizeof(line));
			if (sb_res->state == 1 && sb_res->effect[0])
				printf("    # effect %d %s\n", id, sb_res->effect);
			printf("    %s %d %s%s%s\n    # result %d %s\n", ok ? "ok" : "not ok", ++k, meta[id].what,
			       skip ? " # SKIP " : "", skip ? line + strlen("none end skip: ") : "", id, line);
		}
		failed += bad > 0;
		printf("%s %d %s\n", bad ? "not ok" : "ok", a + 1, apis[a]);
	}
	if (made)
		sb_rmtree(scratch);
	/* As the init of a test VM: power off instead of returning (a returning init panics). */
	if (init) {
		sync();
		reboot(RB_POWER_OFF);
	}
	return failed ? 1 : 0;
}
`;
}

/** The supervisor steps a case may ask for (sb_prepare), by the fixtures that need them. */
const PREPARES = new Set(['fx_quota_prepare', 'fx_immutable_prepare']);
const IMMUTABLE = (a: Arg) => (a.kind === 'path' && (a.which === 'immutable' || a.which === 'append-only')) || (a.kind === 'fd' && (a.fixture === 'immutable' || a.fixture === 'append-only'));
const QUOTA = (a: Arg) => (a.kind === 'path' && a.which === 'quota-new') || (a.kind === 'fd' && a.fixture === 'quota-full');

/** The program for planned cases. */
export function emitProgram(cases: readonly Case[], specs: Map<string, ApiSpec>, opts: ProgramOptions): string {
  return programFromCases(cases.map((c) => ({
    api: c.api, what: c.what, body: caseBody(c), expect: expectInit(c, specs.get(c.api)),
    ...(c.args.some(QUOTA) ? { prepare: 'fx_quota_prepare' } : c.args.some(IMMUTABLE) ? { prepare: 'fx_immutable_prepare' } : {}),
    ...(c.setup?.memcg ? { memcg: true } : {}),
    ...(c.setup?.ucounts?.length ? { ucounts: ucountPair(c.setup.ucounts) } : {}),
  })), opts);
}

/** A case's user namespace limits as [inotify instances, inotify watches], -1 for one not set. */
function ucountPair(u: readonly { name: string; value: bigint }[]): [number, number] {
  const out: [number, number] = [-1, -1];
  for (const x of u) {
    const k = (UCOUNTS as readonly string[]).indexOf(x.name);
    if (k < 0 || typeof x.value !== 'bigint' || x.value < 0n || x.value > 1_000_000n) throw new EmitError(`unknown user namespace limit ${x.name}=${String(x.value)}`);
    out[k] = Number(x.value);
  }
  return out;
}
