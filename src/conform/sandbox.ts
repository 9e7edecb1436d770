// The sandbox every conformance case runs in, as C that the generated program carries (on this
// kernel, in the qemu guest, and in an exported kselftest alike). Modelled on syzkaller's
// executor sandbox ("namespace"): a user namespace is what makes the rest hold against a process
// that is root inside it. Per case, three processes:
//
//   supervisor  in a mount namespace of its own (owned by the initial user namespace): makes every
//               mount read-only, nosuid and nodev except a small /dev (null, zero, full, random,
//               urandom, fuse) and a private /tmp holding the case's scratch directory (/tmp/kapi-case,
//               a bind of the directory kapi made, so no host path leads to it); starts the namespaces' init, mounts a
//               read-only proc of the new pid namespace over /proc and writes the init's id maps
//               through it; kills the init when the case overruns its wall-clock time. For a
//               case whose fixture needs it (sb_prepare), it first mounts what only the initial
//               namespace may mount (a small tmpfs with quotas) in the case's directory.
//   init        pid 1 of new user, pid, network, IPC, UTS and cgroup namespaces, then of a mount
//               namespace copied from the supervisor's into the less privileged user namespace,
//               so the kernel locks every mount flag above and no mount can be taken away to
//               show what it covers (the host's /proc under the sandbox's, for one). Root inside
//               maps to an unused host id range, so host files are nobody's to it. Brings up
//               loopback, sets a host name, starts the case and reaps every process.
//   case        its limits (CPU, file size, descriptors, processes, address space, no core),
//               no new privileges, and with --unprivileged no capabilities and uid nobody.
//
// With memcg=full the program also makes a memory cgroup for the case before the supervisor starts
// (the supervisor moves itself in, so init and case are born in it) and removes it after the
// supervisor is gone (sb_memcg_make).
//
// Each step is checked: if one fails, the case does not run and the result says which step and
// why (fail closed). A fixture that finds the kernel lacks what its case needs calls sb_skip: the
// case ends before its call and is reported as skipped. Results go through a shared page, never
// through a descriptor the case could close or write to. The program prints `# result ID ret RET
// ERRNO [changed WHAT] [effects N] end HOW` or `# result ID none end HOW` per case; WHAT names
// what a failing call changed, N how many claimed effects a successful call was checked for
// (observe.ts), and a line `# effect ID WHY` before it says which claim was not seen or which
// change was not claimed.

/** Host uid/gid that is root inside the sandbox; 65536 ids from it are mapped. */
export const SANDBOX_HOST_ID = 0x6b610000;

/** The sandbox runtime (needs KAPI_TIMEOUT_MS and KAPI_UNPRIVILEGED defined before it). */
export const SANDBOX_C = String.raw`#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <limits.h>
#include <linux/mount.h>
#include <linux/reboot.h>
#include <net/if.h>
#include <poll.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/magic.h>

#define SB_IDS ${SANDBOX_HOST_ID}u   /* host uid/gid that is root inside the sandbox */
#define SB_NIDS 65536u
#define SB_NOBODY 65534u
#define SB_CASE_DIR "/tmp/kapi-case"   /* where the case finds its scratch directory */

struct sb_result {
	int state;          /* 0 nothing, 1 returned, 2 sandbox failure, 3 skipped (why says why) */
	int id;
	long ret;
	int err;
	int status;         /* wait status of the case, set by the namespace's init */
	int have_status;
	int timed_out;
	int init_status;   /* wait status of the namespace's init, set by the supervisor */
	int have_init;
	char why[240];
	char changed[120];  /* what a failing call changed (failure atomicity), "" when nothing */
	int effects;        /* claims checked after a successful call (observe.ts), -1 when not checked */
	char effect[200];   /* the first claim not seen or change not claimed, "" when none */
	char lacking[120];  /* what sb_prepare found the kernel lacks, "" when nothing */
};
static struct sb_result *sb_res;
static int sb_case_id;
/*
 * Set before sb_run for a case that needs a mount only the initial user namespace may make (a
 * tmpfs with quotas): the supervisor calls it in the case's directory, after the read-only
 * mounts and before the namespaces, so the case finds the mount locked like every other. It
 * writes sb_res->lacking when the kernel does not support what it mounts.
 */
static void (*sb_prepare)(void);
static const int sb_unprivileged = KAPI_UNPRIVILEGED;
static const unsigned sb_timeout_ms = KAPI_TIMEOUT_MS;

static void sb_fail(const char *what)
{
	if (sb_res && sb_res->state != 2) {
		snprintf(sb_res->why, sizeof(sb_res->why), "%s: %s", what, strerror(errno));
		sb_res->state = 2;
	}
	_exit(119);
}

/* Called by a fixture that finds the kernel (or the scratch filesystem) lacks what the case needs: the case is skipped. */
static void sb_skip(const char *why)
{
	if (sb_res->state == 0) {
		snprintf(sb_res->why, sizeof(sb_res->why), "%s", why);
		sb_res->state = 3;
	}
	_exit(0);
}

/* A small file's text, NUL-terminated (raw system calls: observe.ts snapshots with it). */
static int sb_slurp(const char *path, char *buf, int cap)
{
	int fd = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC), n = 0, k;
	if (fd < 0)
		return -1;
	while (n < cap - 1 && (k = (int)syscall(SYS_read, fd, buf + n, cap - 1 - n)) > 0)
		n += k;
	syscall(SYS_close, fd);
	buf[n] = 0;
	return n;
}

static void report(int id, long ret)
{
	int e = ret < 0 ? errno : 0;
	if (sb_res->state != 0 || id != sb_case_id)
		return;
	sb_res->id = id;
	sb_res->ret = ret;
	sb_res->err = e;
	sb_res->state = 1;
}

static void sb_write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = (ssize_t)strlen(text);
	if (fd < 0 || write(fd, text, n) != n)
		sb_fail(path);
	close(fd);
}

static void sb_mount(const char *src, const char *dst, const char *type, unsigned long flags, const char *data)
{
	if (mount(src, dst, type, flags, data)) {
		char what[300];
		snprintf(what, sizeof(what), "mount %s on %s", type ? type : src, dst);
		sb_fail(what);
	}
}

static void sb_setattr(const char *path, unsigned flags, unsigned long long set, unsigned long long clr)
{
	struct mount_attr a = { .attr_set = set, .attr_clr = clr };
	if (syscall(SYS_mount_setattr, AT_FDCWD, path, flags, &a, sizeof(a))) {
		char what[300];
		snprintf(what, sizeof(what), "mount_setattr %s", path);
		sb_fail(what);
	}
}

/* A small /dev: the harmless devices only. */
static void sb_dev(void)
{
	static const struct { const char *name; int major, minor; } devs[] = {
		{ "/dev/null", 1, 3 }, { "/dev/zero", 1, 5 }, { "/dev/full", 1, 7 }, { "/dev/random", 1, 8 }, { "/dev/urandom", 1, 9 },
		/* A user namespace's root may mount fuse (FS_USERNS_MOUNT): the FUSE fixtures serve one. */
		{ "/dev/fuse", 10, 229 },
	};
	sb_mount("kapi-dev", "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755,size=64k,nr_inodes=64");
	for (unsigned i = 0; i < sizeof(devs) / sizeof(devs[0]); i++)
		if (mknod(devs[i].name, S_IFCHR | 0666, makedev(devs[i].major, devs[i].minor)) || chmod(devs[i].name, 0666))
			sb_fail(devs[i].name);
	if (symlink("/proc/self/fd", "/dev/fd") || mkdir("/dev/shm", 01777) || chmod("/dev/shm", 01777))
		sb_fail("/dev");
}

/*
 * memcg=full: a memory cgroup of the case's own, made by the program (real root, the host's mount
 * namespace) before the supervisor starts and removed after it is gone, so after every process of
 * the case. cgroup v2 at /sys/fs/cgroup (its root must enable the memory controller for its
 * children; the VM's init does), else a cgroup v1 memory hierarchy at /sys/fs/cgroup/memory (below
 * the program's own memory cgroup). memory.max SB_MEMCG_MAX, no swap. The supervisor moves itself
 * in before it makes the namespaces, pinned to one CPU, which every process of the case inherits.
 * A charge over the limit then fails with ENOMEM instead of killing a process: in cgroup v2 the
 * supervisor sets oom_score_adj -1000 (inherited too), so the OOM killer finds nothing to kill
 * (mem_cgroup_oom returns false); in cgroup v1 memory.oom_control disables the cgroup's OOM
 * killer, and mem_cgroup_oom returns false at once (see fx_memcg_fill).
 */
#define SB_MEMCG_MAX (16UL << 20)
static char sb_cg[PATH_MAX];   /* the case's memory cgroup, "" when it has none */
static int sb_cg_v1;           /* it is of a cgroup v1 hierarchy */

static int sb_cg_fail(const char *what, int e)
{
	snprintf(sb_res->why, sizeof(sb_res->why), "memcg: %s: %s", what, strerror(e));
	sb_res->state = 2;
	return -1;
}

/* Writes text to dir/file; 0, or an errno. */
static int sb_cg_put(const char *dir, const char *file, const char *text)
{
	char path[PATH_MAX + 64];
	ssize_t n = (ssize_t)strlen(text);
	int fd, e = 0;
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	if (write(fd, text, n) != n)
		e = errno ? errno : EIO;
	close(fd);
	return e;
}

/* Whether the line-or-space separated list in path holds word. */
static int sb_cg_has(const char *path, const char *word)
{
	char buf[1024], *t, *save;
	if (sb_slurp(path, buf, sizeof(buf)) < 0)
		return 0;
	for (t = strtok_r(buf, " \n", &save); t; t = strtok_r(NULL, " \n", &save))
		if (!strcmp(t, word))
			return 1;
	return 0;
}

static int sb_memcg_make(int id)
{
	char parent[PATH_MAX], own[2048], max[32], *l;
	struct statfs fs;
	int v1, e;
	if (!statfs("/sys/fs/cgroup", &fs) && fs.f_type == CGROUP2_SUPER_MAGIC) {
		if (!sb_cg_has("/sys/fs/cgroup/cgroup.subtree_control", "memory"))
			return sb_cg_fail("cgroup v2 at /sys/fs/cgroup does not enable the memory controller for its children", ENOENT);
		snprintf(parent, sizeof(parent), "/sys/fs/cgroup");
		v1 = 0;
	} else if (!statfs("/sys/fs/cgroup/memory", &fs) && fs.f_type == CGROUP_SUPER_MAGIC &&
		   !access("/sys/fs/cgroup/memory/memory.limit_in_bytes", F_OK)) {
		/* The program's own memory cgroup, from its "N:memory:/PATH" line. */
		if (sb_slurp("/proc/self/cgroup", own, sizeof(own)) < 0)
			return sb_cg_fail("/proc/self/cgroup", errno);
		l = strstr(own, ":memory:/");
		if (!l)
			return sb_cg_fail("no memory line in /proc/self/cgroup", ENOENT);
		l += 8;
		l[strcspn(l, "\n")] = 0;
		if (strstr(l, "..") || snprintf(parent, sizeof(parent), "/sys/fs/cgroup/memory%s", strcmp(l, "/") ? l : "") >= (int)sizeof(parent))
			return sb_cg_fail("the program's memory cgroup", ENAMETOOLONG);
		v1 = 1;
	} else {
		return sb_cg_fail("/sys/fs/cgroup is not cgroup v2 with the memory controller and has no cgroup v1 memory hierarchy", ENOENT);
	}
	if (snprintf(sb_cg, sizeof(sb_cg), "%s/kapi-%d-%d", parent, (int)getpid(), id) >= (int)sizeof(sb_cg)) {
		sb_cg[0] = 0;
		return sb_cg_fail("cgroup name", ENAMETOOLONG);
	}
	if (mkdir(sb_cg, 0755)) {
		e = errno;
		sb_cg[0] = 0;
		return sb_cg_fail("mkdir of the case's cgroup", e);
	}
	sb_cg_v1 = v1;
	snprintf(max, sizeof(max), "%lu", SB_MEMCG_MAX);
	/* No swap: memory.swap.max (v2), or memory+swap no larger than memory (v1); absent without swap accounting. */
	if ((e = sb_cg_put(sb_cg, v1 ? "memory.limit_in_bytes" : "memory.max", max)) ||
	    ((e = sb_cg_put(sb_cg, v1 ? "memory.memsw.limit_in_bytes" : "memory.swap.max", v1 ? max : "0")) && e != ENOENT) ||
	    (v1 && (e = sb_cg_put(sb_cg, "memory.oom_control", "1")))) {
		rmdir(sb_cg);
		sb_cg[0] = 0;
		return sb_cg_fail("setting the case's memory limit", e);
	}
	return 0;
}

/* In the supervisor, before it makes the namespaces: one CPU, not to be OOM-killed, in the cgroup. */
static void sb_memcg_enter(void)
{
	cpu_set_t set, one;
	char pid[32];
	int e, cpu;
	if (sched_getaffinity(0, sizeof(set), &set))
		sb_fail("memcg: sched_getaffinity");
	for (cpu = 0; cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &set); cpu++)
		;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (cpu == CPU_SETSIZE || sched_setaffinity(0, sizeof(one), &one))
		sb_fail("memcg: pinning to one CPU");
	/* cgroup v1 has the OOM killer disabled for the cgroup instead (memory.oom_control). */
	if (!sb_cg_v1 && (e = sb_cg_put("/proc/self", "oom_score_adj", "-1000"))) {
		errno = e;
		sb_fail("memcg: oom_score_adj -1000 (needs CAP_SYS_RESOURCE)");
	}
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	if ((e = sb_cg_put(sb_cg, "cgroup.procs", pid))) {
		errno = e;
		sb_fail("memcg: moving the supervisor into the case's cgroup");
	}
}

/* After the supervisor is gone (and so every process of the case): the cgroup goes too. */
static void sb_memcg_remove(void)
{
	int e = 0;
	if (!sb_cg[0])
		return;
	/* A process that has just exited can keep the cgroup busy for a moment: wait up to 2 s. */
	for (int i = 0; i < 200; i++) {
		struct timespec ms10 = { 0, 10000000L };
		if (!rmdir(sb_cg) || errno == ENOENT) {
			e = 0;
			break;
		}
		e = errno;
		nanosleep(&ms10, NULL);
	}
	if (e && sb_res->state != 2)
		sb_cg_fail("removing the case's cgroup", e);
	sb_cg[0] = 0;
}

/* In the new namespaces, as their pid 1: finish the set-up, then run the case in a child and
 * reap every process until the case is gone. Returns only in that child. */
static void sb_init(int go)
{
	pid_t pid;
	char c;
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL))
		sb_fail("prctl(PR_SET_PDEATHSIG)");
	if (read(go, &c, 1) != 1)
		_exit(118); /* the supervisor is gone */
	/* Become the namespace's root, so that files are made as its (unprivileged) host ids. */
	if (setgroups(0, NULL) || setresgid(0, 0, 0) || setresuid(0, 0, 0))
		sb_fail("becoming root of the user namespace");
	/* A change of ids clears the parent-death signal: set it again, then make sure the supervisor
	 * did not go in between (it holds the other end of go open for as long as it lives). */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL))
		sb_fail("prctl(PR_SET_PDEATHSIG)");
	{
		struct pollfd p = { .fd = go, .events = POLLIN };
		if (poll(&p, 1, 0) != 0)
			_exit(118);
	}
	close(go);
	/* A copy of the supervisor's mounts, owned by this user namespace: the kernel locks them. */
	if (unshare(CLONE_NEWNS))
		sb_fail("unshare(CLONE_NEWNS) in the user namespace");
	if (setsid() < 0)
		sb_fail("setsid");
	{
		struct ifreq ifr;
		int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		memset(&ifr, 0, sizeof(ifr));
		strcpy(ifr.ifr_name, "lo");
		if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr))
			sb_fail("loopback");
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(s, SIOCSIFFLAGS, &ifr))
			sb_fail("loopback up");
		close(s);
	}
	if (sethostname("kapi-sandbox", 12))
		sb_fail("sethostname");
	pid = fork();
	if (pid < 0)
		sb_fail("fork");
	if (pid == 0)
		return;
	for (;;) {
		int st;
		pid_t w = waitpid(-1, &st, __WALL);
		if (w == pid) {
			sb_res->status = st;
			sb_res->have_status = 1;
			break;
		}
		if (w < 0 && errno != EINTR)
			break;
	}
	_exit(0);
}

/* The case's own process: limits, no new privileges, optionally no capabilities at all. */
static void sb_case(const char *dir)
{
	unsigned secs = (sb_timeout_ms + 999) / 1000;
	struct rlimit cpu = { secs, secs }, fsize = { 1 << 24, 1 << 24 }, nofile = { 256, 256 };
	struct rlimit nproc = { 64, 64 }, as = { 1UL << 30, 1UL << 30 }, core = { 0, 0 };
	int null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		sb_fail("/dev/null");
	if (null > 2)
		close(null);
	if (chdir(dir))
		sb_fail("chdir to the scratch directory");
	if (setrlimit(RLIMIT_CPU, &cpu) || setrlimit(RLIMIT_FSIZE, &fsize) || setrlimit(RLIMIT_NOFILE, &nofile) ||
	    setrlimit(RLIMIT_NPROC, &nproc) || setrlimit(RLIMIT_AS, &as) || setrlimit(RLIMIT_CORE, &core))
		sb_fail("setrlimit");
	if (sb_unprivileged) {
		for (int cap = 0; cap <= 63; cap++)
			if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) && errno != EINVAL)
				sb_fail("PR_CAPBSET_DROP");
		if (setgroups(0, NULL) || setresgid(SB_NOBODY, SB_NOBODY, SB_NOBODY) || setresuid(SB_NOBODY, SB_NOBODY, SB_NOBODY))
			sb_fail("dropping to nobody");
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		sb_fail("PR_SET_NO_NEW_PRIVS");
}

/* Outside the namespaces (but in a mount namespace of its own): prepares the mounts, starts the
 * namespaces' init, gives it its id maps, and kills it when the case overruns its time. */
/*
 * Per-user limits of the case's own user namespace to lower before the case starts (ucount.NAME=N
 * in a condition; -1 leaves one alone): /proc/sys/user/max_* shows the limits of the user
 * namespace of whoever opens it, and only a writer with CAP_SYS_RESOURCE there may change them,
 * so a child of sb_proc's helper joins the case's user namespace (the supervisor is root of its
 * parent) and writes them through the proc just mounted, before it is made read-only. The
 * initial namespace's limits are not touched.
 */
static long sb_ucount[2] = { -1, -1 };
static const char *const sb_ucount_file[2] = { "/proc/sys/user/max_inotify_instances", "/proc/sys/user/max_inotify_watches" };
static void sb_ucounts(void)
{
	pid_t c;
	int st;
	if (sb_ucount[0] < 0 && sb_ucount[1] < 0)
		return;
	c = fork();
	if (c < 0)
		sb_fail("fork");
	if (c == 0) {
		int ns = open("/proc/1/ns/user", O_RDONLY | O_CLOEXEC);
		if (ns < 0 || setns(ns, CLONE_NEWUSER))
			_exit(1);
		close(ns);
		for (int k = 0; k < 2; k++) {
			char v[32];
			int fd, n;
			if (sb_ucount[k] < 0)
				continue;
			n = snprintf(v, sizeof(v), "%ld\n", sb_ucount[k]);
			fd = open(sb_ucount_file[k], O_WRONLY | O_CLOEXEC);
			if (fd < 0 || write(fd, v, n) != n || close(fd))
				_exit(1);
		}
		_exit(0);
	}
	if (waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		errno = EPERM;
		sb_fail("lowering a limit of the case's user namespace (/proc/sys/user)");
	}
}

/*
 * Mounts the proc of the case's pid namespace over /proc in the supervisor's mount namespace, and
 * writes the init's id maps through it. A helper does it from inside that pid namespace (proc
 * shows the pid namespace of whoever mounts it) but with the supervisor's privileges, so the init
 * finds the mount already there when it copies the namespace, locked like every other.
 */
static void sb_proc(pid_t init)
{
	char path[64], map[64];
	int ns, st;
	pid_t h;
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)init);
	ns = open(path, O_RDONLY | O_CLOEXEC);
	if (ns < 0 || setns(ns, CLONE_NEWPID))
		sb_fail("joining the case's pid namespace");
	close(ns);
	h = fork();
	if (h < 0)
		sb_fail("fork");
	if (h == 0) {
		sb_mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
		snprintf(map, sizeof(map), "0 %u %u\n", SB_IDS, SB_NIDS);
		sb_write_file("/proc/1/uid_map", map);
		sb_write_file("/proc/1/gid_map", map);
		sb_ucounts();
		sb_setattr("/proc", 0, MOUNT_ATTR_RDONLY, 0);
		_exit(0);
	}
	if (waitpid(h, &st, 0) != h || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		errno = ECHILD;
		sb_fail("mounting the case's proc");
	}
}

static void sb_supervise(pid_t parent, const char *dir)
{
	int go[2], tree;
	pid_t init;
	sigset_t chld;
	struct timespec end, now;
	int null;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != parent)
		_exit(117);
	if (sb_cg[0])
		sb_memcg_enter();
	if (unshare(CLONE_NEWNS))
		sb_fail("unshare(CLONE_NEWNS)");
	sb_mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
	/* The case's directory, detached, to be put at SB_CASE_DIR on the case's own /tmp. */
	tree = (int)syscall(SYS_open_tree, AT_FDCWD, dir, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	if (tree < 0)
		sb_fail("open_tree of the case directory");
	sb_dev();
	/* Only the program itself holds its output: whoever reads it sees the end when it ends. */
	null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		sb_fail("/dev/null");
	if (null > 2)
		close(null);
	sb_mount("kapi-tmp", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777,size=16m,nr_inodes=4096");
	if (mkdir(SB_CASE_DIR, 0755))
		sb_fail(SB_CASE_DIR);
	if (syscall(SYS_move_mount, tree, "", AT_FDCWD, SB_CASE_DIR, MOVE_MOUNT_F_EMPTY_PATH))
		sb_fail("move_mount of the case directory");
	close(tree);
	sb_setattr("/", AT_RECURSIVE, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, 0);
	sb_setattr("/tmp", 0, 0, MOUNT_ATTR_RDONLY);
	sb_setattr(SB_CASE_DIR, 0, 0, MOUNT_ATTR_RDONLY);
	sb_setattr("/dev", 0, 0, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODEV);
	if (sb_prepare)
		sb_prepare();
	if (pipe2(go, O_CLOEXEC))
		sb_fail("pipe");
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	clock_gettime(CLOCK_MONOTONIC, &end);
	/* The init makes its own mount namespace (see sb_init), after sb_proc has mounted its proc. */
	init = (pid_t)syscall(SYS_clone, CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS |
			      CLONE_NEWCGROUP | SIGCHLD, 0, 0, 0, 0);
	if (init < 0)
		sb_fail("clone(CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_NEWIPC|CLONE_NEWUTS|CLONE_NEWCGROUP)");
	if (init == 0) {
		close(go[1]);
		sb_init(go[0]);
		sb_case(SB_CASE_DIR);
		return;
	}
	close(go[0]);
	sb_proc(init);
	if (write(go[1], "g", 1) != 1)
		sb_fail("starting the case");
	/* go[1] stays open: the init sees it close when the supervisor is gone. */
	end.tv_sec += sb_timeout_ms / 1000;
	end.tv_nsec += (long)(sb_timeout_ms % 1000) * 1000000L;
	if (end.tv_nsec >= 1000000000L) {
		end.tv_sec++;
		end.tv_nsec -= 1000000000L;
	}
	for (;;) {
		struct timespec left;
		int st;
		if (waitpid(init, &st, WNOHANG) == init) {
			sb_res->init_status = st;
			sb_res->have_init = 1;
			_exit(0);
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		left.tv_sec = end.tv_sec - now.tv_sec;
		left.tv_nsec = end.tv_nsec - now.tv_nsec;
		if (left.tv_nsec < 0) {
			left.tv_sec--;
			left.tv_nsec += 1000000000L;
		}
		if (left.tv_sec < 0)
			break;
		sigtimedwait(&chld, NULL, &left);
	}
	sb_res->timed_out = 1;
	kill(init, SIGKILL);
	waitpid(init, NULL, 0);
	_exit(0);
}

/* Runs case id in a fresh sandbox under scratch (the case's own directory is made here), in a
 * memory cgroup of its own when memcg is set, and leaves the outcome in *sb_res. Returns 0, or -1 when not even the supervisor could start. */
static int sb_run(int id, void (*fn)(void), const char *scratch, int memcg)
{
	char dir[PATH_MAX];
	pid_t sup, self = getpid();
	int st;
	memset(sb_res, 0, sizeof(*sb_res));
	sb_res->effects = -1;
	sb_case_id = id;
	if (snprintf(dir, sizeof(dir), "%.*s/case-%d", PATH_MAX - 32, scratch, id) >= (int)sizeof(dir)) {
		snprintf(sb_res->why, sizeof(sb_res->why), "the scratch directory's name is too long");
		sb_res->state = 2;
		return -1;
	}
	if (mkdir(dir, 0700) || chown(dir, SB_IDS + (sb_unprivileged ? SB_NOBODY : 0), SB_IDS + (sb_unprivileged ? SB_NOBODY : 0))) {
		snprintf(sb_res->why, sizeof(sb_res->why), "case directory: %s", strerror(errno));
		sb_res->state = 2;
		return -1;
	}
	if (memcg && sb_memcg_make(id))
		return -1;
	fflush(stdout);
	sup = fork();
	if (sup < 0) {
		snprintf(sb_res->why, sizeof(sb_res->why), "fork: %s", strerror(errno));
		sb_res->state = 2;
		sb_memcg_remove();
		return -1;
	}
	if (sup == 0) {
		sb_supervise(self, dir);
		fn();
		_exit(0);
	}
	while (waitpid(sup, &st, 0) < 0 && errno == EINTR)
		;
	if (sb_res->state == 0 && !sb_res->have_status && !sb_res->timed_out && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
		snprintf(sb_res->why, sizeof(sb_res->why), "the supervisor ended with status 0x%x", st);
		sb_res->state = 2;
	}
	sb_memcg_remove();
	return 0;
}

/* The outcome as the result line's tail: "ret RET ERRNO end HOW" or "none end HOW", where HOW is
 * "exit N", "signal N", "timeout after MS ms", "sandbox: WHY", "skip: WHY" or "lost". No control
 * characters. */
static void sb_describe(char *out, size_t n)
{
	const struct sb_result *r = sb_res;
	char how[300];
	if (r->state == 2)
		snprintf(how, sizeof(how), "sandbox: %s", r->why);
	else if (r->state == 3)
		snprintf(how, sizeof(how), "skip: %s", r->why);
	else if (r->timed_out)
		snprintf(how, sizeof(how), "timeout after %u ms", sb_timeout_ms);
	else if (r->have_status && WIFSIGNALED(r->status))
		snprintf(how, sizeof(how), "signal %d", WTERMSIG(r->status));
	else if (r->have_status)
		snprintf(how, sizeof(how), "exit %d", WEXITSTATUS(r->status));
	else if (r->have_init && WIFSIGNALED(r->init_status))
		snprintf(how, sizeof(how), "signal %d to the namespace init", WTERMSIG(r->init_status));
	else
		snprintf(how, sizeof(how), "lost");
	if (r->state == 1) {
		char eff[32] = "";
		if (r->effects >= 0)
			snprintf(eff, sizeof(eff), " effects %d", r->effects);
		if (r->changed[0])
			snprintf(out, n, "ret %ld %d changed %s%s end %s", r->ret, r->err, r->changed, eff, how);
		else
			snprintf(out, n, "ret %ld %d%s end %s", r->ret, r->err, eff, how);
	}
	else
		snprintf(out, n, "none end %s", how);
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = '?';
}

/* Removes a scratch tree this program made (kselftest runs); never follows a link. */
static int sb_rm(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st; (void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static void sb_rmtree(const char *dir)
{
	nftw(dir, sb_rm, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

static int sb_setup(void)
{
	sb_res = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	return sb_res == MAP_FAILED ? -1 : 0;
}
`;
