// What a call changed, as user space sees it: the C that every generated program carries after
// the sandbox. A snapshot right before the call and another right after; the differences are
// observations (`fd:3:opened`, `dir:fixture.txt:changed`, `mappings`, `arg1:written`, ...).
// A failing call must leave none (failure atomicity, unless its error is `kapi-nonatomic`); after
// a successful call each claim of the spec's `kapi-effect` tags that applies must be seen, and
// every observation must be explained by one of them (effect.ts says what each claim means).
//
// No allocation: static buffers and raw system calls, so that taking a snapshot changes nothing
// it records. The program prints the outcome on the case's result line (sandbox.ts).

import { CLAIM_NAMES } from './effect.js';

/** The C name of a claim's number (`fd:new` -> `CL_FD_NEW`). */
export const claimMacro = (name: string) => `CL_${name.replace(/[-:]/g, '_').toUpperCase()}`;

export const OBSERVE_C = String.raw`
#include <sys/file.h>
${CLAIM_NAMES.map((n, i) => `#define ${claimMacro(n)} ${i + 1}`).join('\n')}

#define SB_FDS 256
#define SB_ENTS 64
#define SB_BUFCAP 65536
#define SB_OBS 64

struct sb_fd { int open, fdflags, flflags; dev_t dev; ino_t ino; off_t pos; unsigned long long ep; int queued; };
struct sb_ent { unsigned long long key, hash, ino; char name[48]; unsigned mode, uid; long long size; unsigned long nlink; };
struct sb_snap {
	struct sb_fd fd[SB_FDS];
	struct sb_ent ent[SB_ENTS];
	int nent;
	char maps[16384];
	int mapslen;
	char vmlck[64];
	int future;  /* 1 when a new mapping is locked (mlockall(MCL_FUTURE)) */
	int blind;   /* the descriptor table was full: nothing that needs a descriptor was taken */
	dev_t cwd_dev; /* the current directory */
	ino_t cwd_ino;
	sigset_t mask;
};
static struct sb_snap sb_before, sb_after;

/* A claim of the spec, resolved by kapi for this case: p are argument indices (-1: the return
 * value; -2: a constant count, in k), k the return value's multiplier (mem:filled), a constant
 * count or a VMA flag's two letters. */
struct sb_claim { int kind; int p[3]; long long k; };

/* Buffers the case passes (arguments of kind buffer): their first bytes before the call. */
static struct { long addr; size_t len; unsigned char copy[SB_BUFCAP]; } sb_buf[6];

/* Observations: kind, and the descriptor, entry or argument it is about. */
struct sb_ob { char kind; int n; int explained; };
static struct sb_ob sb_obs[SB_OBS];
static int sb_nobs;

static unsigned long long sb_fnv(const void *p, size_t n, unsigned long long h)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ c[i]) * 1099511628211ULL;
	return h;
}
#define SB_FNV0 14695981039346656037ULL

/*
 * The lines of descriptor fd's fdinfo that start with prefix, when fd is the anonymous inode
 * anon (its /proc/self/fd link); -1 otherwise.
 */
static int sb_fdinfo_lines(int fd, const char *anon, const char *prefix, char *out, int cap)
{
	static char info[16384];
	char path[64], link[64];
	long n;
	int len = 0, plen = (int)strlen(prefix);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = syscall(SYS_readlinkat, AT_FDCWD, path, link, sizeof(link) - 1);
	if (n < 0)
		return -1;
	link[n] = 0;
	if (strcmp(link, anon))
		return -1;
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	if (sb_slurp(path, info, sizeof(info)) < 0)
		return -1;
	for (char *l = info; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0)) {
		int w = (int)strcspn(l, "\n");
		if (!strncmp(l, prefix, plen) && len + w + 1 < cap) {
			memcpy(out + len, l, w);
			len += w;
			out[len++] = '\n';
		}
	}
	out[len] = 0;
	return len;
}

/* The interest list of descriptor fd when it is an epoll instance: its fdinfo's "tfd:" lines. */
static int sb_epoll_list(int fd, char *out, int cap)
{
	return sb_fdinfo_lines(fd, "anon_inode:[eventpoll]", "tfd:", out, cap);
}

/* The watches of descriptor fd when it is an inotify instance: its fdinfo's "inotify wd:" lines. */
static int sb_inotify_list(int fd, char *out, int cap)
{
	return sb_fdinfo_lines(fd, "anon_inode:inotify", "inotify wd:", out, cap);
}

/* The line of watch descriptor wd in an inotify list (sb_inotify_list), its length in *len; NULL when there is none. */
static const char *sb_wd_line(const char *list, long wd, int *len)
{
	for (const char *l = list; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0)) {
		long w;
		if (sscanf(l, "inotify wd:%lx ", &w) == 1 && w == wd) {
			*len = (int)strcspn(l, "\n");
			return l;
		}
	}
	return NULL;
}

/*
 * A directory's device and inode number, from the attributes the kernel has cached
 * (AT_STATX_DONT_SYNC): a FUSE server may refuse to describe a directory that was removed, but
 * the kernel still knows which inode it is. 0 on success.
 */
static int sb_dir_id(int dfd, const char *path, int flags, dev_t *dev, ino_t *ino)
{
	struct statx sx;
	if (syscall(SYS_statx, dfd, path, flags | AT_STATX_DONT_SYNC, STATX_INO, &sx))
		return -1;
	*dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
	*ino = sx.stx_ino;
	return 0;
}

/* The tfd line of target in an interest list, or NULL. */
static const char *sb_tfd(const char *list, int target, int *len)
{
	for (const char *l = list; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0)) {
		/* fdinfo pads the number: compare the number, not the spacing */
		int t;
		if (sscanf(l, "tfd: %d ", &t) == 1 && t == target) {
			*len = (int)strcspn(l, "\n");
			return l;
		}
	}
	return NULL;
}

/* One VMA of /proc/self/smaps: its range, whether it is readable or the vsyscall page, and its
 * VmFlags as " f1 f2 ... " (so " lo " finds a flag). */
struct sb_vma { unsigned long start, end; int readable, special; char flags[256]; };
static char sb_smaps_text[262144];

/* Reads /proc/self/smaps; 0 on success. */
static int sb_smaps_read(void) { return sb_slurp("/proc/self/smaps", sb_smaps_text, sizeof(sb_smaps_text)) < 0 ? -1 : 0; }

/* The next VMA from *cursor (start it at sb_smaps_text): 1 with v filled, 0 at the end. */
static int sb_smaps_next(char **cursor, struct sb_vma *v)
{
	int have = 0;
	for (char *l = *cursor; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0)) {
		unsigned long a, b;
		char perms[8];
		int w = (int)strcspn(l, "\n");
		if (sscanf(l, "%lx-%lx %7s ", &a, &b, perms) == 3 && l[strspn(l, "0123456789abcdef")] == '-') {
			v->start = a;
			v->end = b;
			v->readable = perms[0] == 'r';
			v->special = w >= 10 && !memcmp(l + w - 10, "[vsyscall]", 10);
			have = 1;
			continue;
		}
		if (!have || strncmp(l, "VmFlags:", 8))
			continue;
		snprintf(v->flags, sizeof(v->flags), "%.*s ", w - 8 > 250 ? 250 : w - 8, l + 8);
		*cursor = l + w + (l[w] != 0);
		return 1;
	}
	return 0;
}

/* A VMA mlock never locks: VM_IO, VM_PFNMAP, VM_MIXEDMAP, VM_DONTEXPAND, the vsyscall page. */
static int sb_vma_unlockable(const struct sb_vma *v)
{
	return v->special || strstr(v->flags, " io ") || strstr(v->flags, " pf ") || strstr(v->flags, " mm ") || strstr(v->flags, " de ");
}

/*
 * The VMAs of /proc/self/smaps overlapping [lo, hi): how many there are, and how many carry the
 * two-letter flag. With lo == hi == 0 every VMA counts but the ones mlock never locks.
 */
static void sb_vmas(unsigned long lo, unsigned long hi, const char *flag, int *total, int *with)
{
	struct sb_vma v;
	char pat[8], *cur = sb_smaps_text;
	*total = *with = 0;
	if (sb_smaps_read())
		return;
	snprintf(pat, sizeof(pat), " %.2s ", flag);
	while (sb_smaps_next(&cur, &v)) {
		if (lo == 0 && hi == 0 ? sb_vma_unlockable(&v) : v.end <= lo || v.start >= hi)
			continue;
		++*total;
		*with += strstr(v.flags, pat) != NULL;
	}
}

/* Whether a mapping made now is locked (mlockall(MCL_FUTURE)); -1 when none can be made. */
static int sb_future_locked(void)
{
	long p = syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int total, with;
	if (p < 0 && p > -4096)
		return -1;
	sb_vmas((unsigned long)p, (unsigned long)p + 4096, "lo", &total, &with);
	syscall(SYS_munmap, p, 4096);
	return total && with == total;
}

/* Pages of locked, readable mappings that are not resident (mincore); -1 when it cannot tell. */
static long sb_locked_not_resident(void)
{
	static unsigned char vec[65536];
	struct sb_vma v;
	char *cur = sb_smaps_text;
	long missing = 0;
	if (sb_smaps_read())
		return -1;
	while (sb_smaps_next(&cur, &v)) {
		if (!v.readable || !strstr(v.flags, " lo ") || strstr(v.flags, " io ") || strstr(v.flags, " pf "))
			continue;
		for (unsigned long p = v.start; p < v.end; p += sizeof(vec) * 4096UL) {
			unsigned long n = (v.end - p) / 4096 < sizeof(vec) ? (v.end - p) / 4096 : sizeof(vec);
			if (syscall(SYS_mincore, p, n * 4096, vec))
				return -1;
			for (unsigned long k = 0; k < n; k++)
				missing += !(vec[k] & 1);
		}
	}
	return missing;
}

static void sb_take(struct sb_snap *s)
{
	static char ents[4096], data[SB_BUFCAP], list[8192];
	int dfd, low = 0;
	long n;
	/*
	 * Every descriptor below a power of two of at least 64 (the sizes a descriptor table has) is
	 * open: the table may be full, and a descriptor the snapshot opened would grow it, which the
	 * call may have to do itself (and fail to, dup's ENOMEM). Then the snapshot takes only what
	 * needs no descriptor: the descriptors themselves and the signal mask.
	 */
	while (low < SB_FDS && syscall(SYS_fcntl, low, F_GETFD) >= 0)
		low++;
	s->blind = low >= 64 && !(low & (low - 1));
	for (int fd = 0; fd < SB_FDS; fd++) {
		struct stat st;
		struct sb_fd *f = &s->fd[fd];
		f->fdflags = (int)syscall(SYS_fcntl, fd, F_GETFD);
		f->open = f->fdflags >= 0;
		if (!f->open)
			continue;
		f->flflags = (int)syscall(SYS_fcntl, fd, F_GETFL);
		f->dev = syscall(SYS_fstat, fd, &st) ? 0 : st.st_dev;
		f->ino = f->dev ? st.st_ino : 0;
		/* Bytes waiting in a pipe, FIFO or socket (FIONREAD); -1 for other files. */
		f->queued = -1;
		if (f->dev && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) && syscall(SYS_ioctl, fd, FIONREAD, &f->queued))
			f->queued = -1;
		f->pos = (off_t)syscall(SYS_lseek, fd, 0, SEEK_CUR);
		n = s->blind ? -1 : sb_epoll_list(fd, list, sizeof(list));
		/* An inotify instance's watches count as its interest list. */
		if (n < 0 && !s->blind)
			n = sb_inotify_list(fd, list, sizeof(list));
		f->ep = n < 0 ? 0 : sb_fnv(list, n, SB_FNV0);
	}
	if (sb_dir_id(AT_FDCWD, ".", 0, &s->cwd_dev, &s->cwd_ino))
		s->cwd_dev = s->cwd_ino = 0;
	s->nent = 0;
	s->mapslen = -1;
	s->vmlck[0] = 0;
	s->future = -1;
	if (s->blind) {
		syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &s->mask, 8);
		return;
	}
	/* The case's directory by its name: the call may have changed the current directory. */
	dfd = (int)syscall(SYS_openat, AT_FDCWD, SB_CASE_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		dfd = (int)syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	while (dfd >= 0 && (n = syscall(SYS_getdents64, dfd, ents, sizeof(ents))) > 0) {
		for (long off = 0; off < n && s->nent < SB_ENTS;) {
			struct { unsigned long long ino; long long off; unsigned short reclen; unsigned char type; char name[]; } *d = (void *)(ents + off);
			struct stat st;
			off += d->reclen;
			if (!strcmp(d->name, ".") || !strcmp(d->name, "..") || syscall(SYS_newfstatat, dfd, d->name, &st, AT_SYMLINK_NOFOLLOW))
				continue;
			{
				struct sb_ent *e = &s->ent[s->nent++];
				e->key = sb_fnv(d->name, strlen(d->name), SB_FNV0);
				snprintf(e->name, sizeof(e->name), "%s", d->name);
				e->mode = st.st_mode;
				e->uid = st.st_uid;
				e->size = st.st_size;
				e->nlink = st.st_nlink;
				e->ino = st.st_ino;
				e->hash = 0;
				/* A regular file's content: its first SB_BUFCAP bytes (never a FIFO: it would block). */
				if (S_ISREG(st.st_mode)) {
					int f = (int)syscall(SYS_openat, dfd, d->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOATIME);
					if (f < 0)
						f = (int)syscall(SYS_openat, dfd, d->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
					if (f >= 0) {
						long got = syscall(SYS_read, f, data, sizeof(data));
						e->hash = sb_fnv(data, got > 0 ? (size_t)got : 0, SB_FNV0 + 1);
						syscall(SYS_close, f);
					}
				}
			}
		}
	}
	if (dfd >= 0)
		syscall(SYS_close, dfd);
	s->mapslen = sb_slurp("/proc/self/maps", s->maps, sizeof(s->maps));
	{
		static char status[8192];
		char *l;
		s->vmlck[0] = 0;
		if (sb_slurp("/proc/self/status", status, sizeof(status)) > 0 && (l = strstr(status, "VmLck:")))
			snprintf(s->vmlck, sizeof(s->vmlck), "%.*s", (int)strcspn(l, "\n"), l);
	}
	s->future = sb_future_locked();
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &s->mask, 8);
}

static void sb_ob(char kind, int n)
{
	if (sb_nobs < SB_OBS)
		sb_obs[sb_nobs++] = (struct sb_ob){ kind, n, 0 };
}

static const struct sb_ent *sb_find(const struct sb_snap *s, unsigned long long key)
{
	for (int i = 0; i < s->nent; i++)
		if (s->ent[i].key == key)
			return &s->ent[i];
	return NULL;
}

/* Every difference between sb_before and sb_after, in a fixed order. */
static void sb_observe(void)
{
	const struct sb_snap *a = &sb_before, *b = &sb_after;
	sb_nobs = 0;
	for (int fd = 0; fd < SB_FDS; fd++) {
		const struct sb_fd *x = &a->fd[fd], *y = &b->fd[fd];
		if (x->open != y->open) {
			sb_ob(y->open ? 'O' : 'C', fd);
			if (y->open && (y->fdflags & FD_CLOEXEC))
				sb_ob('X', fd);
			continue;
		}
		if (!x->open)
			continue;
		if (x->dev != y->dev || x->ino != y->ino)
			sb_ob('F', fd);
		else if (x->flflags != y->flflags)
			sb_ob('L', fd);
		if ((x->fdflags ^ y->fdflags) & FD_CLOEXEC)
			sb_ob('X', fd);
		if (x->pos != y->pos)
			sb_ob('P', fd);
		if (x->ep != y->ep)
			sb_ob('E', fd);
		if (x->queued != y->queued)
			sb_ob('Q', fd);
	}
	if (a->blind || b->blind)
		goto untaken;
	for (int i = 0; i < a->nent; i++)
		if (!sb_find(b, a->ent[i].key))
			sb_ob('R', i);
	for (int i = 0; i < b->nent; i++) {
		const struct sb_ent *x = sb_find(a, b->ent[i].key), *y = &b->ent[i];
		if (!x)
			sb_ob('A', i);
		else if (x->mode != y->mode || x->uid != y->uid || x->size != y->size || x->nlink != y->nlink || x->ino != y->ino || x->hash != y->hash)
			sb_ob('D', i);
	}
	if (a->mapslen != b->mapslen || memcmp(a->maps, b->maps, a->mapslen > 0 ? a->mapslen : 0))
		sb_ob('M', 0);
	if (strcmp(a->vmlck, b->vmlck))
		sb_ob('K', 0);
	if (a->future != b->future)
		sb_ob('U', 0);
untaken:
	if (a->cwd_dev != b->cwd_dev || a->cwd_ino != b->cwd_ino)
		sb_ob('W', 0);
	if (memcmp(&a->mask, &b->mask, 8))
		sb_ob('S', 0);
	for (int i = 0; i < 6; i++) {
		size_t n = sb_buf[i].len < SB_BUFCAP ? sb_buf[i].len : SB_BUFCAP;
		if (sb_buf[i].addr && memcmp(sb_buf[i].copy, (void *)sb_buf[i].addr, n))
			sb_ob('B', i);
	}
}

/* An observation as text: "fd:3:opened", "dir:NAME:added", "arg1:written", "mappings", ... */
static void sb_ob_text(const struct sb_ob *o, char *out, size_t cap)
{
	const struct sb_ent *e = o->kind == 'R' ? &sb_before.ent[o->n] : &sb_after.ent[o->n];
	switch (o->kind) {
	case 'O': snprintf(out, cap, "fd:%d:opened", o->n); break;
	case 'C': snprintf(out, cap, "fd:%d:closed", o->n); break;
	case 'F': snprintf(out, cap, "fd:%d:file", o->n); break;
	case 'L': snprintf(out, cap, "fd:%d:flags", o->n); break;
	case 'X': snprintf(out, cap, "fd:%d:cloexec", o->n); break;
	case 'P': snprintf(out, cap, "fd:%d:offset", o->n); break;
	case 'E': snprintf(out, cap, "fd:%d:interest-list", o->n); break;
	case 'Q': snprintf(out, cap, "fd:%d:queued", o->n); break;
	case 'A': snprintf(out, cap, "dir:%s:added", e->name); break;
	case 'R': snprintf(out, cap, "dir:%s:removed", e->name); break;
	case 'D': snprintf(out, cap, "dir:%s:changed", e->name); break;
	case 'M': snprintf(out, cap, "mappings"); break;
	case 'K': snprintf(out, cap, "locked-memory"); break;
	case 'U': snprintf(out, cap, "future-mappings-locked"); break;
	case 'S': snprintf(out, cap, "signal-mask"); break;
	case 'W': snprintf(out, cap, "cwd"); break;
	case 'B': snprintf(out, cap, "arg%d:written", o->n); break;
	default: snprintf(out, cap, "?"); break;
	}
	for (char *p = out; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			*p = '?';
}

/* Marks the observations of kind (about n, or any n when n < 0) explained; how many there were. */
static int sb_explain(char kind, int n)
{
	int k = 0;
	for (int i = 0; i < sb_nobs; i++)
		if (sb_obs[i].kind == kind && (n < 0 || sb_obs[i].n == n)) {
			sb_obs[i].explained = 1;
			k++;
		}
	return k;
}

/* The pre-call state a claim needs: a path's entry, an interest list line. */
static struct { int have; struct sb_ent ent; char list[8192]; dev_t dev; ino_t ino; struct stat st; struct timespec t0; } sb_pre[16];
static const struct sb_claim *sb_claims;
static int sb_nclaims, sb_check_effects;
static unsigned sb_umask;
static const long *sb_args;

static const char *sb_path(long a)
{
	const char *p = (const char *)a;
	return p && !strchr(p, '/') && strlen(p) < 256 ? p : NULL;
}

/* The file a claim's target names: a descriptor (below SB_FDS) or a path (from the cwd). */
static int sb_target_stat(long v, int nofollow, struct stat *st)
{
	if (v >= 0 && v < SB_FDS)
		return (int)syscall(SYS_fstat, v, st);
	return (int)syscall(SYS_newfstatat, AT_FDCWD, (const char *)v, st, nofollow ? AT_SYMLINK_NOFOLLOW : 0);
}

/* utimensat's file: DFD and PATH as the call takes them (a NULL PATH: DFD's own file). */
static int sb_times_stat(const long *a, const struct sb_claim *c, struct stat *st)
{
	const char *p = (const char *)a[c->p[1]];
	int flags = AT_EMPTY_PATH | (c->kind == CL_FILE_TIMES_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0);
	return (int)syscall(SYS_newfstatat, (int)a[c->p[0]], p ? p : "", st, flags);
}

/* One timestamp against what utimensat was asked: "" when it holds. */
static void sb_time_check(const char *what, const struct timespec *got, const struct timespec *pre, const struct timespec *ask,
			  const struct timespec *t0, const struct timespec *t1, char *why, size_t cap)
{
	long nsec = ask ? ask->tv_nsec : UTIME_NOW;
	if (nsec == UTIME_OMIT) {
		if (got->tv_sec != pre->tv_sec || got->tv_nsec != pre->tv_nsec)
			snprintf(why, cap, "%s changed from %lld.%09ld to %lld.%09ld under UTIME_OMIT", what, (long long)pre->tv_sec, pre->tv_nsec, (long long)got->tv_sec, got->tv_nsec);
	} else if (nsec == UTIME_NOW) {
		if (got->tv_sec < t0->tv_sec || (got->tv_sec == t0->tv_sec && got->tv_nsec < t0->tv_nsec) ||
		    got->tv_sec > t1->tv_sec || (got->tv_sec == t1->tv_sec && got->tv_nsec > t1->tv_nsec))
			snprintf(why, cap, "%s is %lld.%09ld, not the time of the call (%lld.%09ld to %lld.%09ld)", what, (long long)got->tv_sec, got->tv_nsec,
				 (long long)t0->tv_sec, t0->tv_nsec, (long long)t1->tv_sec, t1->tv_nsec);
	} else if (got->tv_sec != ask->tv_sec || got->tv_nsec != ask->tv_nsec) {
		snprintf(why, cap, "%s is %lld.%09ld, not %lld.%09ld", what, (long long)got->tv_sec, got->tv_nsec, (long long)ask->tv_sec, ask->tv_nsec);
	}
}

/* Marks the change of the scratch directory's entry for inode ino (if it is one) explained. */
static void sb_explain_ino(unsigned long long ino)
{
	for (int j = 0; j < sb_after.nent; j++)
		if (sb_after.ent[j].ino == ino)
			sb_explain('D', j);
}

static void sb_watch(int i, long addr, size_t len)
{
	sb_buf[i].addr = addr;
	sb_buf[i].len = len;
	memcpy(sb_buf[i].copy, (void *)addr, len < SB_BUFCAP ? len : SB_BUFCAP);
}

/* Takes the snapshot before the call; claims (n of them, of this case's arguments a) are checked after it succeeds. */
static void sb_begin(const long *a, const struct sb_claim *cl, int n, int check)
{
	sb_args = a;
	sb_claims = cl;
	sb_nclaims = n < 16 ? n : 16;
	sb_check_effects = check;
	sb_umask = (unsigned)syscall(SYS_umask, 022);
	syscall(SYS_umask, sb_umask);
	for (int i = 0; i < sb_nclaims; i++) {
		const struct sb_claim *c = &cl[i];
		sb_pre[i].have = 0;
		if (c->kind == CL_FILE_CREATED || c->kind == CL_FILE_TRUNCATED) {
			const char *p = sb_path(a[c->p[0]]);
			struct stat st;
			if (p && !syscall(SYS_newfstatat, AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW)) {
				sb_pre[i].have = 1;
				sb_pre[i].ent.size = st.st_size;
			}
		} else if (c->kind == CL_FILE_TIMES || c->kind == CL_FILE_TIMES_NOFOLLOW) {
			sb_pre[i].have = !sb_times_stat(a, c, &sb_pre[i].st);
			/* The kernel stamps with the coarse clock, which is never ahead of this one. */
			syscall(SYS_clock_gettime, CLOCK_REALTIME_COARSE, &sb_pre[i].t0);
		} else if (c->kind == CL_FILE_MODE || c->kind == CL_FILE_OWNER || c->kind == CL_FILE_OWNER_NOFOLLOW) {
			sb_pre[i].have = !sb_target_stat(a[c->p[0]], c->kind == CL_FILE_OWNER_NOFOLLOW, &sb_pre[i].st);
		} else if (c->kind == CL_PATH_LINKED) {
			/* the old name's file, and the file a symbolic link there leads to (linkat's AT_SYMLINK_FOLLOW) */
			const char *p = (const char *)a[c->p[0]];
			struct stat st;
			sb_pre[i].ent.ino = sb_pre[i].ent.key = 0;
			if (p && !syscall(SYS_newfstatat, AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW)) {
				sb_pre[i].have = 1;
				sb_pre[i].ent.ino = st.st_ino;
				if (!syscall(SYS_newfstatat, AT_FDCWD, p, &st, 0))
					sb_pre[i].ent.key = st.st_ino;
			}
		} else if (c->kind == CL_EPOLL_ADDED || c->kind == CL_EPOLL_REMOVED || c->kind == CL_EPOLL_MODIFIED) {
			sb_pre[i].have = sb_epoll_list((int)a[c->p[0]], sb_pre[i].list, sizeof(sb_pre[i].list)) >= 0;
		} else if (c->kind == CL_INOTIFY_ADDED || c->kind == CL_INOTIFY_REMOVED || c->kind == CL_INOTIFY_MODIFIED) {
			sb_pre[i].have = sb_inotify_list((int)a[c->p[0]], sb_pre[i].list, sizeof(sb_pre[i].list)) >= 0;
		} else if (c->kind == CL_CWD_SET) {
			/* The directory the call is to make current: a descriptor's, or a path's (followed). */
			long v = a[c->p[0]];
			sb_pre[i].have = !(v >= 0 && v < SB_FDS ? sb_dir_id((int)v, "", AT_EMPTY_PATH, &sb_pre[i].dev, &sb_pre[i].ino)
							       : sb_dir_id(AT_FDCWD, (const char *)v, 0, &sb_pre[i].dev, &sb_pre[i].ino));
		}
	}
	sb_take(&sb_before);
}

static void __attribute__((unused)) atomic_begin(void) { sb_begin(NULL, NULL, 0, 0); }

/*
 * What another open file description of descriptor fd's file sees, from a child (a close by this
 * process would drop its record locks on the file): 1 when a lock conflicts with a write lock
 * over the whole file (F_OFD_GETLK; with flk, flock(LOCK_EX | LOCK_NB) fails with EWOULDBLOCK), 0
 * when none does, -1 when it cannot tell.
 */
static int sb_lock_probe(long fd, int flk)
{
	char path[64];
	int st;
	pid_t pid;
	if (fd < 0 || fd >= SB_FDS)
		return -1;
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
		int o = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (o < 0)
			_exit(3);
		if (flk)
			_exit(!syscall(SYS_flock, o, LOCK_EX | LOCK_NB) ? 0 : errno == EWOULDBLOCK ? 1 : 3);
		if (syscall(SYS_fcntl, o, F_OFD_GETLK, &l))
			_exit(3);
		_exit(l.l_type == F_UNLCK ? 0 : 1);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) > 1)
		return -1;
	return WEXITSTATUS(st);
}

/* The claim's check: "" when it holds, else what was missing (into why). Marks what it explains. */
static void sb_claim_check(int i, long r, char *why, size_t cap)
{
	const struct sb_claim *c = &sb_claims[i];
	const long *a = sb_args;
	long v0 = c->p[0] < 0 ? r : a[c->p[0]], v1 = c->p[1] < 0 ? r : a[c->p[1]];
	int total, with;
	why[0] = 0;
	switch (c->kind) {
	case CL_FD_NEW: {
		int low = 0;
		while (low < SB_FDS && sb_before.fd[low].open)
			low++;
		if (!sb_explain('O', (int)r))
			snprintf(why, cap, "descriptor %ld was not opened by the call", r);
		else if (r != low)
			snprintf(why, cap, "descriptor %ld is not the lowest free one (%d)", r, low);
		break;
	}
	case CL_FD_CLOEXEC:
		if (!sb_explain('X', (int)r))
			snprintf(why, cap, "descriptor %ld has no FD_CLOEXEC", r);
		break;
	case CL_FD_EPOLL: {
		char list[64];
		if (sb_epoll_list((int)r, list, sizeof(list)) < 0)
			snprintf(why, cap, "descriptor %ld is not an epoll instance", r);
		break;
	}
	case CL_FD_UNLINKED: {
		struct stat st;
		if (syscall(SYS_fstat, r, &st) || !S_ISREG(st.st_mode) || st.st_nlink != 0)
			snprintf(why, cap, "descriptor %ld is not an unlinked regular file", r);
		break;
	}
	case CL_FD_MEMFD: {
		/* A memfd: empty, unlinked, named "memfd:..." in /proc/self/fd, and it knows F_GET_SEALS. */
		struct stat st;
		char link[64], target[80];
		ssize_t n;
		snprintf(link, sizeof(link), "/proc/self/fd/%ld", r);
		n = readlink(link, target, sizeof(target) - 1);
		if (n < 0)
			n = 0;
		target[n] = 0;
		if (syscall(SYS_fstat, r, &st) || !S_ISREG(st.st_mode) || st.st_nlink != 0 || st.st_size != 0 ||
		    strncmp(target, "/memfd:", 7) || fcntl((int)r, F_GET_SEALS) < 0)
			snprintf(why, cap, "descriptor %ld is not an empty memfd (%s)", r, target);
		break;
	}
	case CL_FD_SEALABLE:
	case CL_FD_UNSEALABLE: {
		int seals = fcntl((int)r, F_GET_SEALS), want = c->kind == CL_FD_SEALABLE ? 0 : F_SEAL_SEAL;
		if (seals != want)
			snprintf(why, cap, "descriptor %ld has seals %d, not %d", r, seals, want);
		break;
	}
	case CL_UMASK_WAS:
		if ((unsigned long)r != sb_umask)
			snprintf(why, cap, "returned %ld, but the mask before the call was 0%o", r, sb_umask);
		break;
	case CL_UMASK_SET: {
		unsigned now = (unsigned)syscall(SYS_umask, 0);
		syscall(SYS_umask, now);
		if (now != ((unsigned long)v0 & 0777))
			snprintf(why, cap, "the mask is 0%o, not 0%lo", now, (unsigned long)v0 & 0777);
		break;
	}
	case CL_FD_CLOSED:
		if (!sb_explain('C', (int)v0))
			snprintf(why, cap, "descriptor %ld is still open", v0);
		break;
	case CL_FD_OFFSET: {
		int fd = (int)v0;
		if (fd < 0 || fd >= SB_FDS || !sb_before.fd[fd].open || sb_before.fd[fd].pos < 0)
			break; /* no offset (a pipe, a socket): nothing to see */
		sb_explain('P', fd);
		if (sb_after.fd[fd].pos != sb_before.fd[fd].pos + r)
			snprintf(why, cap, "offset of %d went from %lld to %lld, not by %ld", fd, (long long)sb_before.fd[fd].pos, (long long)sb_after.fd[fd].pos, r);
		break;
	}
	case CL_FD_OFFSET_SET:
	case CL_FD_OFFSET_KEPT: {
		int fd = (int)v0;
		long long want;
		if (fd < 0 || fd >= SB_FDS || !sb_before.fd[fd].open || sb_before.fd[fd].pos < 0) {
			snprintf(why, cap, "descriptor %d has no file offset", fd);
			break;
		}
		want = c->kind == CL_FD_OFFSET_SET ? (long long)r : (long long)sb_before.fd[fd].pos;
		if ((long long)sb_after.fd[fd].pos != want)
			snprintf(why, cap, "offset of %d went from %lld to %lld, not to %lld", fd, (long long)sb_before.fd[fd].pos, (long long)sb_after.fd[fd].pos, want);
		else
			sb_explain('P', fd);
		break;
	}
	case CL_FILE_CREATED: {
		const char *p = sb_path(v0);
		const struct sb_ent *e = p ? sb_find(&sb_after, sb_fnv(p, strlen(p), SB_FNV0)) : NULL;
		if (!p || sb_pre[i].have)
			break; /* existed before, or not a name in the scratch directory */
		if (!e || !S_ISREG(e->mode))
			snprintf(why, cap, "%.100s was not created as a regular file", p);
		else if (c->p[1] >= 0 && (e->mode & 07777) != ((unsigned)a[c->p[1]] & 07777 & ~sb_umask))
			snprintf(why, cap, "%.100s has mode %o, not %o", p, e->mode & 07777, (unsigned)a[c->p[1]] & 07777 & ~sb_umask);
		else
			sb_explain('A', (int)(e - sb_after.ent));
		break;
	}
	case CL_FILE_TRUNCATED: {
		const char *p = sb_path(v0);
		const struct sb_ent *e = p ? sb_find(&sb_after, sb_fnv(p, strlen(p), SB_FNV0)) : NULL;
		if (!p || !sb_pre[i].have || !sb_pre[i].ent.size)
			break;
		if (!e || e->size != 0)
			snprintf(why, cap, "%.100s still has %lld bytes", p, e ? e->size : -1LL);
		else
			sb_explain('D', (int)(e - sb_after.ent));
		break;
	}
	case CL_FILE_MODE: {
		struct stat st;
		unsigned want = (unsigned)v1 & 07777;
		if (sb_target_stat(v0, 0, &st))
			snprintf(why, cap, "the file of arg%d cannot be looked at: errno %d", c->p[0], errno);
		else if ((st.st_mode & 07777) != want)
			snprintf(why, cap, "the file of arg%d has mode %o, not %o", c->p[0], st.st_mode & 07777, want);
		else
			sb_explain_ino(st.st_ino);
		break;
	}
	case CL_FILE_TIMES:
	case CL_FILE_TIMES_NOFOLLOW: {
		struct stat st;
		struct timespec t1;
		const struct timespec *ask = (const struct timespec *)a[c->p[2]];
		syscall(SYS_clock_gettime, CLOCK_REALTIME, &t1);
		if (!sb_pre[i].have || sb_times_stat(a, c, &st)) {
			snprintf(why, cap, "the file of arg%d and arg%d cannot be looked at", c->p[0], c->p[1]);
			break;
		}
		sb_time_check("the access time", &st.st_atim, &sb_pre[i].st.st_atim, ask ? &ask[0] : NULL, &sb_pre[i].t0, &t1, why, cap);
		if (!why[0])
			sb_time_check("the modification time", &st.st_mtim, &sb_pre[i].st.st_mtim, ask ? &ask[1] : NULL, &sb_pre[i].t0, &t1, why, cap);
		break;
	}
	case CL_FILE_OWNER:
	case CL_FILE_OWNER_NOFOLLOW: {
		struct stat st;
		const struct stat *pre = &sb_pre[i].st;
		unsigned u = (unsigned)v1, g = (unsigned)(c->p[2] < 0 ? r : a[c->p[2]]), mode;
		if (!sb_pre[i].have || sb_target_stat(v0, c->kind == CL_FILE_OWNER_NOFOLLOW, &st)) {
			snprintf(why, cap, "the file of arg%d cannot be looked at", c->p[0]);
			break;
		}
		if (u == (unsigned)-1)
			u = pre->st_uid;
		if (g == (unsigned)-1)
			g = pre->st_gid;
		/* Not for a directory: set-user-ID goes, set-group-ID too when group execute is set. */
		mode = pre->st_mode & 07777;
		if (!S_ISDIR(pre->st_mode)) {
			mode &= ~(unsigned)S_ISUID;
			if (mode & S_IXGRP)
				mode &= ~(unsigned)S_ISGID;
		}
		if (st.st_ino != pre->st_ino)
			snprintf(why, cap, "arg%d names another file after the call", c->p[0]);
		else if (st.st_uid != u || st.st_gid != g)
			snprintf(why, cap, "the file of arg%d is owned by %u:%u, not %u:%u", c->p[0], st.st_uid, st.st_gid, u, g);
		else if ((st.st_mode & 07777) != mode)
			snprintf(why, cap, "the file of arg%d has mode %o, not %o", c->p[0], st.st_mode & 07777, mode);
		else
			sb_explain_ino(st.st_ino);
		break;
	}
	case CL_FILE_WRITTEN: {
		int fd = (int)v0, k = -1;
		if (r <= 0 || fd < 0 || fd >= SB_FDS || !sb_before.fd[fd].open)
			break;
		for (int j = 0; j < sb_after.nent; j++)
			if (sb_after.ent[j].ino == sb_before.fd[fd].ino && S_ISREG(sb_after.ent[j].mode))
				k = j;
		if (k < 0)
			break; /* not a file of the scratch directory */
		if (!sb_explain('D', k))
			snprintf(why, cap, "%.60s did not change", sb_after.ent[k].name);
		break;
	}
	case CL_FILE_SIZE:
	case CL_FD_SIZE: {
		long long want = c->p[1] >= 0 ? v1 : c->p[1] == -2 ? c->k : r * c->k;
		int k = -1;
		if (c->kind == CL_FILE_SIZE) {
			const char *p = sb_path(v0);
			const struct sb_ent *e = p ? sb_find(&sb_after, sb_fnv(p, strlen(p), SB_FNV0)) : NULL;
			if (!p)
				break; /* not a name in the scratch directory */
			k = e ? (int)(e - sb_after.ent) : -1;
		} else {
			int fd = (int)v0;
			if (fd < 0 || fd >= SB_FDS || !sb_before.fd[fd].open)
				break;
			for (int j = 0; j < sb_after.nent; j++)
				if (sb_after.ent[j].ino == sb_before.fd[fd].ino && S_ISREG(sb_after.ent[j].mode))
					k = j;
		}
		if (k < 0)
			snprintf(why, cap, "no regular file of the scratch directory is argument %d's", c->p[0]);
		else if (sb_after.ent[k].size != want)
			snprintf(why, cap, "%.60s has %lld bytes, not %lld", sb_after.ent[k].name, sb_after.ent[k].size, want);
		else
			sb_explain('D', k); /* its size or content changed, or nothing did */
		break;
	}
	case CL_MEM_FILLED: {
		int b = c->p[0];
		long cnt = c->p[1] >= 0 ? v1 : c->p[1] == -2 ? c->k : r * c->k;
		size_t n, cap2;
		if (b < 0 || b > 5 || !sb_buf[b].addr || cnt <= 0)
			break;
		n = (size_t)cnt;
		cap2 = sb_buf[b].len < SB_BUFCAP ? sb_buf[b].len : SB_BUFCAP;
		if (n > cap2)
			n = cap2;
		if (!memcmp(sb_buf[b].copy, (void *)sb_buf[b].addr, n))
			snprintf(why, cap, "nothing was written to the first %zu bytes of arg%d", n, b);
		else if (memcmp(sb_buf[b].copy + n, (char *)sb_buf[b].addr + n, cap2 - n))
			snprintf(why, cap, "arg%d was written past its first %zu bytes", b, n);
		else
			sb_explain('B', b);
		break;
	}
	case CL_MEM_LOCKED:
	case CL_MEM_UNLOCKED:
		sb_vmas((unsigned long)v0, (unsigned long)v0 + (unsigned long)v1, "lo", &total, &with);
		if (c->kind == CL_MEM_LOCKED ? !total || with != total : with != 0)
			snprintf(why, cap, "%d of %d mappings of the range are locked", with, total);
		sb_explain('K', 0);
		sb_explain('M', 0);
		break;
	case CL_MEM_RESIDENT: {
		static unsigned char vec[4096];
		unsigned long pages = ((unsigned long)v1 + 4095) / 4096;
		if (pages > sizeof(vec) || syscall(SYS_mincore, v0 & ~4095L, pages * 4096, vec)) {
			snprintf(why, cap, "mincore of the range failed");
			break;
		}
		for (unsigned long p = 0; p < pages; p++)
			if (!(vec[p] & 1)) {
				snprintf(why, cap, "page %lu of the range is not resident", p);
				break;
			}
		break;
	}
	case CL_MEM_ZEROED:
		for (long k = 0; k < v1; k++)
			if (((const char *)v0)[k]) {
				snprintf(why, cap, "byte %ld of the range is not zero", k);
				break;
			}
		break;
	case CL_MEM_VMFLAG: {
		char flag[3] = { (char)(c->k >> 8), (char)(c->k & 0xff), 0 };
		sb_vmas((unsigned long)v0, (unsigned long)v0 + (unsigned long)v1, flag, &total, &with);
		if (!total || with != total)
			snprintf(why, cap, "%d of %d mappings of the range have VmFlags %s", with, total, flag);
		sb_explain('M', 0);
		break;
	}
	case CL_MEM_LOCKED_ALL:
	case CL_MEM_UNLOCKED_ALL:
		sb_vmas(0, 0, "lo", &total, &with);
		if (c->kind == CL_MEM_LOCKED_ALL ? !total || with != total : with != 0)
			snprintf(why, cap, "%d of %d mappings are locked", with, total);
		else if (c->kind == CL_MEM_UNLOCKED_ALL && sb_after.future == 1)
			snprintf(why, cap, "new mappings are still locked");
		sb_explain('K', 0);
		sb_explain('M', 0);
		if (c->kind == CL_MEM_UNLOCKED_ALL)
			sb_explain('U', 0);
		break;
	case CL_MEM_LOCKED_FUTURE:
		if (sb_after.future != 1)
			snprintf(why, cap, "a new mapping is not locked");
		sb_explain('U', 0);
		sb_explain('M', 0);
		break;
	case CL_EPOLL_ADDED:
	case CL_EPOLL_REMOVED:
	case CL_EPOLL_MODIFIED: {
		static char now[8192];
		int ep = (int)v0, l0 = 0, l1 = 0;
		const char *was, *is;
		if (!sb_pre[i].have || sb_epoll_list(ep, now, sizeof(now)) < 0) {
			snprintf(why, cap, "descriptor %d is not an epoll instance", ep);
			break;
		}
		was = sb_tfd(sb_pre[i].list, (int)v1, &l0);
		is = sb_tfd(now, (int)v1, &l1);
		if (c->kind == CL_EPOLL_ADDED && (was || !is))
			snprintf(why, cap, "descriptor %ld was not added to the interest list of %d", v1, ep);
		else if (c->kind == CL_EPOLL_REMOVED && (!was || is))
			snprintf(why, cap, "descriptor %ld was not removed from the interest list of %d", v1, ep);
		else if (c->kind == CL_EPOLL_MODIFIED && (!was || !is || (l0 == l1 && !memcmp(was, is, l0))))
			snprintf(why, cap, "the entry of %ld in the interest list of %d did not change", v1, ep);
		else
			sb_explain('E', ep);
		break;
	}
	case CL_FD_DRAINED:
	case CL_FD_QUEUED: {
		int fd = (int)v0;
		long want;
		if (fd < 0 || fd >= SB_FDS || !sb_before.fd[fd].open || sb_before.fd[fd].queued < 0)
			break; /* not a pipe, FIFO or socket */
		want = sb_before.fd[fd].queued + (c->kind == CL_FD_QUEUED ? r : -r);
		if (sb_after.fd[fd].queued != want)
			snprintf(why, cap, "%d had %d bytes waiting and has %d, not %ld", fd, sb_before.fd[fd].queued, sb_after.fd[fd].queued, want);
		else /* every descriptor of the same pipe sees the same bytes */
			for (int k = 0; k < SB_FDS; k++)
				if (sb_before.fd[k].open && sb_before.fd[k].dev == sb_before.fd[fd].dev && sb_before.fd[k].ino == sb_before.fd[fd].ino)
					sb_explain('Q', k);
		break;
	}
	case CL_MEM_RESIDENT_ALL: {
		long n = sb_locked_not_resident();
		if (n)
			snprintf(why, cap, n < 0 ? "the residency of the locked mappings cannot be read" : "%ld pages of locked mappings are not resident", n);
		break;
	}
	case CL_FD_DUP: {
		int fd = (int)r, of = (int)v1;
		long same;
		if (r < 0 || r >= SB_FDS || v1 < 0 || v1 >= SB_FDS || !sb_after.fd[fd].open || !sb_after.fd[of].open) {
			snprintf(why, cap, "descriptor %ld or %ld is not open after the call", r, v1);
			break;
		}
		/* The same open file description: kcmp says so where the kernel has it, else the same
		 * file with the same status flags. */
		same = syscall(SYS_kcmp, getpid(), getpid(), 0 /* KCMP_FILE */, fd, of);
		if (same < 0 && errno != ENOSYS && errno != EPERM)
			snprintf(why, cap, "kcmp of %d and %d failed: %s", fd, of, strerror(errno));
		else if (same > 0 || sb_after.fd[fd].dev != sb_after.fd[of].dev || sb_after.fd[fd].ino != sb_after.fd[of].ino ||
			 sb_after.fd[fd].flflags != sb_after.fd[of].flflags)
			snprintf(why, cap, "descriptor %d does not refer to the open file of %d", fd, of);
		else {
			/* All that changed at fd comes with the other file, but a close-on-exec flag set. */
			sb_explain('O', fd);
			sb_explain('F', fd);
			sb_explain('L', fd);
			sb_explain('P', fd);
			sb_explain('Q', fd);
			sb_explain('E', fd);
			if (!(sb_after.fd[fd].fdflags & FD_CLOEXEC))
				sb_explain('X', fd);
		}
		break;
	}
	case CL_FD_CLOSED_RANGE:
	case CL_FD_CLOEXEC_RANGE: {
		/* Descriptor numbers are unsigned int to the kernel: -1 is the last one. */
		unsigned long first = (unsigned int)v0, last = (unsigned int)v1 < SB_FDS ? (unsigned int)v1 : SB_FDS - 1;
		for (unsigned long k = first; k <= last && !why[0]; k++) {
			if (!sb_before.fd[k].open)
				continue;
			if (c->kind == CL_FD_CLOSED_RANGE && sb_after.fd[k].open)
				snprintf(why, cap, "descriptor %lu is still open", k);
			else if (c->kind == CL_FD_CLOEXEC_RANGE && (!sb_after.fd[k].open || !(sb_after.fd[k].fdflags & FD_CLOEXEC)))
				snprintf(why, cap, "descriptor %lu %s", k, sb_after.fd[k].open ? "has no FD_CLOEXEC" : "was closed");
			else
				sb_explain(c->kind == CL_FD_CLOSED_RANGE ? 'C' : 'X', (int)k);
		}
		break;
	}
	case CL_FD_PAIR:
	case CL_FD_PAIR_CLOEXEC:
	case CL_FD_PAIR_NONBLOCK:
	case CL_FD_PAIR_DIRECT: {
		const int *pp = (const int *)v0;
		int r0, w1, low0 = 0, low1;
		struct stat st;
		if (!pp) {
			snprintf(why, cap, "no array");
			break;
		}
		r0 = pp[0];
		w1 = pp[1];
		if (r0 < 0 || r0 >= SB_FDS || w1 < 0 || w1 >= SB_FDS || !sb_after.fd[r0].open || !sb_after.fd[w1].open) {
			snprintf(why, cap, "the array holds %d and %d, not two open descriptors", r0, w1);
			break;
		}
		if (c->kind == CL_FD_PAIR_CLOEXEC) {
			if (!(sb_after.fd[r0].fdflags & FD_CLOEXEC) || !(sb_after.fd[w1].fdflags & FD_CLOEXEC))
				snprintf(why, cap, "descriptors %d and %d do not both have FD_CLOEXEC", r0, w1);
			sb_explain('X', r0);
			sb_explain('X', w1);
			break;
		}
		if (c->kind == CL_FD_PAIR_NONBLOCK) {
			if (!(sb_after.fd[r0].flflags & O_NONBLOCK) || !(sb_after.fd[w1].flflags & O_NONBLOCK))
				snprintf(why, cap, "descriptors %d and %d do not both have O_NONBLOCK", r0, w1);
			break;
		}
		if (c->kind == CL_FD_PAIR_DIRECT) {
			if (!(sb_after.fd[w1].flflags & O_DIRECT))
				snprintf(why, cap, "write end %d has no O_DIRECT", w1);
			break;
		}
		while (low0 < SB_FDS && sb_before.fd[low0].open)
			low0++;
		low1 = low0 + 1;
		while (low1 < SB_FDS && sb_before.fd[low1].open)
			low1++;
		if (sb_before.fd[r0].open || sb_before.fd[w1].open)
			snprintf(why, cap, "descriptor %d or %d was open before the call", r0, w1);
		else if (r0 != low0 || w1 != low1)
			snprintf(why, cap, "the array holds %d and %d, not the lowest free descriptors %d and %d", r0, w1, low0, low1);
		else if (syscall(SYS_fstat, r0, &st) || !S_ISFIFO(st.st_mode) || sb_after.fd[r0].dev != sb_after.fd[w1].dev ||
			 sb_after.fd[r0].ino != sb_after.fd[w1].ino)
			snprintf(why, cap, "descriptors %d and %d are not the two ends of one pipe", r0, w1);
		else if ((sb_after.fd[r0].flflags & O_ACCMODE) != O_RDONLY || (sb_after.fd[w1].flflags & O_ACCMODE) != O_WRONLY)
			snprintf(why, cap, "descriptor %d is not the read end and %d the write end", r0, w1);
		else {
			sb_explain('O', r0);
			sb_explain('O', w1);
			sb_explain('B', c->p[0]);
		}
		break;
	}
	case CL_FD_FDFLAGS:
	case CL_FD_STATUS: {
		/* The status flags F_SETFL changes (O_NDELAY is O_NONBLOCK here). */
		const int m = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME;
		int fd = (int)v0;
		if (v0 < 0 || v0 >= SB_FDS || !sb_after.fd[fd].open)
			snprintf(why, cap, "descriptor %ld is not open after the call", v0);
		else if (c->kind == CL_FD_FDFLAGS && (sb_after.fd[fd].fdflags & FD_CLOEXEC) != (v1 & FD_CLOEXEC))
			snprintf(why, cap, "descriptor %d has FD_CLOEXEC %d, not %ld", fd, sb_after.fd[fd].fdflags & FD_CLOEXEC, v1 & FD_CLOEXEC);
		else if (c->kind == CL_FD_STATUS && (sb_after.fd[fd].flflags & m) != (v1 & m))
			snprintf(why, cap, "descriptor %d has status flags %#x, not %#lx", fd, sb_after.fd[fd].flflags & m, v1 & m);
		else
			sb_explain(c->kind == CL_FD_FDFLAGS ? 'X' : 'L', fd);
		break;
	}
	case CL_LOCK_HELD:
	case CL_LOCK_FREE:
	case CL_LOCK_FLOCK_HELD:
	case CL_LOCK_FLOCK_FREE: {
		int want = c->kind == CL_LOCK_HELD || c->kind == CL_LOCK_FLOCK_HELD;
		const char *what = c->kind == CL_LOCK_HELD || c->kind == CL_LOCK_FREE ? "record" : "flock()";
		if (sb_pre[i].have < 0)
			snprintf(why, cap, "the locks of descriptor %ld's file could not be probed", v0);
		else if (sb_pre[i].have != want)
			snprintf(why, cap, "another open file of descriptor %ld's file sees %s %s lock", v0, want ? "no" : "a", what);
		break;
	}
	case CL_LOCK_LEASE: {
		/* A lease registers the descriptor for the lease-break signal: its open file gains
		 * O_ASYNC (and loses it with the lease). */
		int fd = (int)v0;
		long got = v0 < 0 || v0 >= SB_FDS ? -1 : syscall(SYS_fcntl, fd, F_GETLEASE);
		if (got != v1)
			snprintf(why, cap, "F_GETLEASE of descriptor %ld gives %ld, not %ld", v0, got, v1);
		else if (sb_after.fd[fd].open && ((sb_before.fd[fd].flflags ^ sb_after.fd[fd].flflags) & ~O_ASYNC) == 0 &&
			 !(sb_after.fd[fd].flflags & O_ASYNC) == (v1 == F_UNLCK))
			sb_explain('L', fd);
		break;
	}
	case CL_FD_OWNER:
	case CL_FD_SIGNAL:
	case CL_FD_PIPE_SIZE:
	case CL_FD_SEALS: {
		int q = c->kind == CL_FD_OWNER ? F_GETOWN : c->kind == CL_FD_SIGNAL ? F_GETSIG : c->kind == CL_FD_PIPE_SIZE ? F_GETPIPE_SZ : F_GET_SEALS;
		long want = c->kind == CL_FD_PIPE_SIZE ? r : c->kind == CL_FD_OWNER ? (long)(int)v1 : v1;
		long got = v0 < 0 || v0 >= SB_FDS ? -1 : syscall(SYS_fcntl, (int)v0, q);
		if (c->kind == CL_FD_SEALS ? got < 0 || (got & want) != want : got != want)
			snprintf(why, cap, "fcntl(%ld, %d) gives %ld, not %s%ld", v0, q, got, c->kind == CL_FD_SEALS ? "all bits of " : "", want);
		break;
	}
	case CL_FD_OFFSET_MOVED: {
		int fd = (int)v0;
		if (fd < 0 || fd >= SB_FDS || !sb_before.fd[fd].open || sb_before.fd[fd].pos < 0) {
			snprintf(why, cap, "descriptor %d has no offset", fd);
			break;
		}
		if (r > 0 && sb_after.fd[fd].pos == sb_before.fd[fd].pos)
			snprintf(why, cap, "offset of %d stayed at %lld", fd, (long long)sb_before.fd[fd].pos);
		else if (r == 0 && sb_after.fd[fd].pos != sb_before.fd[fd].pos)
			snprintf(why, cap, "offset of %d moved from %lld to %lld, with nothing returned", fd, (long long)sb_before.fd[fd].pos, (long long)sb_after.fd[fd].pos);
		else
			sb_explain('P', fd);
		break;
	}
	case CL_CWD_SET:
		if (!sb_pre[i].have)
			snprintf(why, cap, "the directory to change to could not be looked at before the call");
		else if (sb_after.cwd_dev != sb_pre[i].dev || sb_after.cwd_ino != sb_pre[i].ino)
			snprintf(why, cap, "the current directory is not the one the call names");
		else
			sb_explain('W', 0);
		break;
	case CL_INOTIFY_ADDED:
	case CL_INOTIFY_REMOVED:
	case CL_INOTIFY_MODIFIED: {
		static char now[8192];
		int fd = (int)v0, l0 = 0, l1 = 0;
		const char *was, *is;
		if (!sb_pre[i].have || sb_inotify_list(fd, now, sizeof(now)) < 0) {
			snprintf(why, cap, "descriptor %d is not an inotify instance", fd);
			break;
		}
		was = sb_wd_line(sb_pre[i].list, v1, &l0);
		is = sb_wd_line(now, v1, &l1);
		if (c->kind == CL_INOTIFY_ADDED && (was || !is))
			snprintf(why, cap, "no new watch %ld in inotify instance %d", v1, fd);
		else if (c->kind == CL_INOTIFY_REMOVED && (!was || is))
			snprintf(why, cap, "watch %ld of inotify instance %d was not removed", v1, fd);
		else if (c->kind == CL_INOTIFY_MODIFIED && (!was || !is || (l0 == l1 && !memcmp(was, is, l0))))
			snprintf(why, cap, "watch %ld of inotify instance %d did not change", v1, fd);
		else
			sb_explain('E', fd);
		break;
	}
	case CL_FD_INOTIFY: {
		char list[64];
		if (sb_inotify_list((int)r, list, sizeof(list)) < 0)
			snprintf(why, cap, "descriptor %ld is not an inotify instance", r);
		break;
	}
	case CL_PATH_DIR:
	case CL_PATH_NODE:
	case CL_PATH_SYMLINK: {
		/* a new name of the scratch directory, of the kind the call makes */
		const char *p = sb_path(v0);
		const struct sb_ent *e = p ? sb_find(&sb_after, sb_fnv(p, strlen(p), SB_FNV0)) : NULL;
		unsigned mode = c->p[1] >= 0 ? (unsigned)a[c->p[1]] : 0, type = mode & S_IFMT;
		static char link[PATH_MAX + 1];
		long n;
		if (!p || sb_find(&sb_before, sb_fnv(p, strlen(p), SB_FNV0)))
			break; /* not a name in the scratch directory, or it existed before */
		if (!e) {
			snprintf(why, cap, "%.100s was not made", p);
		} else if (c->kind == CL_PATH_DIR && !S_ISDIR(e->mode)) {
			snprintf(why, cap, "%.100s is not a directory", p);
		} else if (c->kind == CL_PATH_DIR && c->p[1] >= 0 && (e->mode & 07777) != (mode & 01777 & ~sb_umask)) {
			snprintf(why, cap, "%.100s has mode %o, not %o", p, e->mode & 07777, mode & 01777 & ~sb_umask);
		} else if (c->kind == CL_PATH_NODE && (e->mode & S_IFMT) != (type ? type : S_IFREG)) {
			snprintf(why, cap, "%.100s has type %o, not %o", p, e->mode & S_IFMT, type ? type : S_IFREG);
		} else if (c->kind == CL_PATH_NODE && (e->mode & 07777) != (mode & 07777 & ~sb_umask)) {
			snprintf(why, cap, "%.100s has mode %o, not %o", p, e->mode & 07777, mode & 07777 & ~sb_umask);
		} else if (c->kind == CL_PATH_SYMLINK && !S_ISLNK(e->mode)) {
			snprintf(why, cap, "%.100s is not a symbolic link", p);
		} else if (c->kind == CL_PATH_SYMLINK && ((n = syscall(SYS_readlinkat, AT_FDCWD, p, link, sizeof(link) - 1)) < 0 ||
							 (link[n] = 0, !a[c->p[1]]) || strcmp(link, (const char *)a[c->p[1]]))) {
			snprintf(why, cap, "%.100s does not lead to the target given", p);
		} else {
			sb_explain('A', (int)(e - sb_after.ent));
		}
		break;
	}
	case CL_PATH_ABSENT: {
		const char *p = sb_path(v0);
		const struct sb_ent *was = p ? sb_find(&sb_before, sb_fnv(p, strlen(p), SB_FNV0)) : NULL;
		if (!was)
			break; /* not a name in the scratch directory */
		if (sb_find(&sb_after, was->key))
			snprintf(why, cap, "%.100s still exists", p);
		else
			sb_explain('R', (int)(was - sb_before.ent));
		break;
	}
	case CL_PATH_RENAMED:
	case CL_PATH_RENAMED_WHITEOUT:
	case CL_PATH_EXCHANGED:
	case CL_PATH_LINKED: {
		/* two names of the scratch directory: the file of the first is now (also) at the second */
		const char *p = sb_path(v0), *q = sb_path(v1);
		const struct sb_ent *op, *oq, *np, *nq;
		if (!p || !q)
			break;
		op = sb_find(&sb_before, sb_fnv(p, strlen(p), SB_FNV0));
		oq = sb_find(&sb_before, sb_fnv(q, strlen(q), SB_FNV0));
		np = sb_find(&sb_after, sb_fnv(p, strlen(p), SB_FNV0));
		nq = sb_find(&sb_after, sb_fnv(q, strlen(q), SB_FNV0));
		if (!op) {
			snprintf(why, cap, "%.100s did not exist before the call", p);
		} else if (c->kind == CL_PATH_RENAMED) {
			if (!strcmp(p, q)) {
				if (!np || np->ino != op->ino)
					snprintf(why, cap, "%.100s changed", p);
			} else if (np || !nq || nq->ino != op->ino) {
				snprintf(why, cap, "%.60s is not now at %.60s", p, q);
			} else {
				sb_explain('R', (int)(op - sb_before.ent));
				sb_explain(oq ? 'D' : 'A', (int)(nq - sb_after.ent));
			}
		} else if (c->kind == CL_PATH_RENAMED_WHITEOUT) {
			/* RENAME_WHITEOUT: a whiteout (a character device) is left at the old name */
			if (!strcmp(p, q) || !np || !S_ISCHR(np->mode) || np->ino == op->ino || !nq || nq->ino != op->ino) {
				snprintf(why, cap, "%.60s is not now at %.60s with a whiteout left in its place", p, q);
			} else {
				sb_explain('D', (int)(np - sb_after.ent));
				sb_explain(oq ? 'D' : 'A', (int)(nq - sb_after.ent));
			}
		} else if (c->kind == CL_PATH_EXCHANGED) {
			if (!oq || !np || !nq || np->ino != oq->ino || nq->ino != op->ino) {
				snprintf(why, cap, "%.60s and %.60s were not exchanged", p, q);
			} else {
				sb_explain('D', (int)(np - sb_after.ent));
				sb_explain('D', (int)(nq - sb_after.ent));
			}
		} else {
			unsigned long long ino = nq ? nq->ino : 0;
			if (oq || !nq || !sb_pre[i].have || (ino != sb_pre[i].ent.ino && ino != sb_pre[i].ent.key)) {
				snprintf(why, cap, "%.60s is not a new name of the file of %.60s", q, p);
			} else {
				sb_explain('A', (int)(nq - sb_after.ent));
				/* the file's link count went up: explains the change of its other names here */
				for (int j = 0; j < sb_after.nent; j++)
					if (&sb_after.ent[j] != nq && sb_after.ent[j].ino == ino)
						sb_explain('D', j);
			}
		}
		break;
	}
	case CL_KEEPS_SIGNAL_MASK:
		if (memcmp(&sb_before.mask, &sb_after.mask, 8))
			snprintf(why, cap, "the signal mask changed");
		break;
	case CL_XATTR_SET:
	case CL_XATTR_REMOVED: {
		/* v0: a descriptor (below SB_FDS) or a path (a fixture's pointer); a[p1]: a str: fixture's name. */
		const char *nm = (const char *)a[c->p[1]];
		long got = v0 >= 0 && v0 < SB_FDS ? syscall(SYS_fgetxattr, v0, nm, NULL, 0L) : syscall(SYS_getxattr, (const char *)v0, nm, NULL, 0L);
		int e = got < 0 ? errno : 0;
		if (c->kind == CL_XATTR_SET && got != a[c->p[2]])
			snprintf(why, cap, "attribute %.60s %s, not %ld bytes", nm, got < 0 ? strerror(e) : "has another size", a[c->p[2]]);
		else if (c->kind == CL_XATTR_REMOVED && !(got < 0 && e == ENODATA))
			snprintf(why, cap, "attribute %.60s is still there (%ld)", nm, got);
		break;
	}
	default:
		break;
	}
}

/*
 * After the call. A failure: the first observation becomes sb_res->changed. A success, when the
 * spec's effects are checked: each claim must hold (the first that does not becomes
 * sb_res->effect, "missing N WHY" with N the claim's index), then each observation must be
 * explained ("unclaimed WHAT").
 */
static void sb_end(long r)
{
	int e = errno;
	char text[200];
	/* Locks first: the snapshot opens and closes the scratch directory's files, and a close drops
	 * this process's record locks on the file. */
	for (int i = 0; r >= 0 && sb_check_effects && i < sb_nclaims; i++) {
		int k = sb_claims[i].kind;
		if (k == CL_LOCK_HELD || k == CL_LOCK_FREE || k == CL_LOCK_FLOCK_HELD || k == CL_LOCK_FLOCK_FREE)
			sb_pre[i].have = sb_lock_probe(sb_claims[i].p[0] < 0 ? r : sb_args[sb_claims[i].p[0]], k == CL_LOCK_FLOCK_HELD || k == CL_LOCK_FLOCK_FREE);
	}
	sb_take(&sb_after);
	sb_observe();
	if (r < 0) {
		if (sb_nobs)
			sb_ob_text(&sb_obs[0], sb_res->changed, sizeof(sb_res->changed));
		errno = e;
		return;
	}
	if (!sb_check_effects) {
		errno = e;
		return;
	}
	sb_res->effects = sb_nclaims;
	for (int i = 0; i < sb_nclaims && !sb_res->effect[0]; i++) {
		sb_claim_check(i, r, text, sizeof(text));
		if (text[0])
			snprintf(sb_res->effect, sizeof(sb_res->effect), "missing %d %s", i, text);
	}
	for (int i = 0; i < sb_nobs && !sb_res->effect[0]; i++)
		if (!sb_obs[i].explained) {
			sb_ob_text(&sb_obs[i], text, sizeof(text));
			snprintf(sb_res->effect, sizeof(sb_res->effect), "unclaimed %s", text);
		}
	for (char *p = sb_res->effect; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = '?';
	errno = e;
}

static void __attribute__((unused)) atomic_end(long r) { sb_end(r); }
`;
