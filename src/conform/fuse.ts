// A FUSE filesystem the case serves itself, so that errors only a filesystem returns can be
// provoked: a child of the case answers the raw /dev/fuse protocol (<linux/fuse.h>, no libfuse)
// for a root directory holding `file` (regular, 4096 bytes, mode 0644) and `exec` (the same,
// mode 0755), `link` (a symbolic link to `file`) and `dir` (an empty directory), and answers one
// operation (FLUSH, READ, FALLOCATE, WRITE, CREATE with MKNOD, MKDIR and SYMLINK, OPEN, GETATTR,
// SETATTR or STATFS of a file, READLINK of the link, or UNLINK with RMDIR, RENAME and LINK) with
// -ERRNO, the errno of the error block the planner builds the case from; or it holds
// FLUSH until the kernel reports that a signal interrupted the caller (FUSE_INTERRUPT), and
// answers it with -ERRNO then, as a FUSE server does. emit.ts carries this C with its fixtures.
//
// The case is root of its user namespace, where fuse may be mounted (FS_USERNS_MOUNT): it opens
// /dev/fuse (sandbox.ts makes it in the sandbox's /dev), mounts `fuse-fs` in its scratch
// directory (nosuid, nodev), forks the server and closes its own copy of the descriptor, so the
// connection ends (every waiting request fails) as soon as the server is gone. The server dies
// with the case (PR_SET_PDEATHSIG, and the case's pid namespace); every read of /dev/fuse waits
// in poll with a timeout a little longer than the case's wall-clock limit, the loop is bounded,
// and any protocol error ends the server (the kernel then fails the request, the case never
// hangs on it). Fixture failures exit with 144 (no FUSE in this kernel: /dev/fuse cannot be
// opened) or 145 (anything else).

/** The C of the server and the fuse fixtures (needs the sandbox's includes and sb_timeout_ms). */
export const FUSE_C = String.raw`
#include <linux/fuse.h>
#include <sys/uio.h>

/* The operation a fuse fixture makes fail. */
enum { FX_FUSE_FLUSH = 1, FX_FUSE_FLUSH_WAIT, FX_FUSE_READ, FX_FUSE_FALLOCATE, FX_FUSE_WRITE, FX_FUSE_CREATE, FX_FUSE_OPEN, FX_FUSE_GETATTR, FX_FUSE_FSYNC,
       FX_FUSE_READDIR, FX_FUSE_ACCESS, FX_FUSE_LOOKUP, FX_FUSE_READLINK, FX_FUSE_SETATTR, FX_FUSE_STATFS, FX_FUSE_ALIEN, FX_FUSE_CHANGE, FX_FUSE_UNMAPPED,
	/* GETXATTR, SETXATTR, LISTXATTR and REMOVEXATTR answer the errno; _HUGE: an attribute value and a
	 * list larger than any buffer (a size of 128 KiB when asked for it, else ERANGE) */
	FX_FUSE_XATTR, FX_FUSE_XATTR_HUGE };
/* An owner no user namespace of the sandbox maps (FX_FUSE_UNMAPPED): the kernel stores an invalid uid. */
#define FX_FUSE_NOBODY 3000000000u
#define FX_FUSE_DIR "fuse-fs"
#define FX_FUSE_SIZE 4096

/* One reply; a reply the kernel does not take is a protocol error: the server ends. */
static void fx_fuse_reply(int fd, unsigned long long unique, int err, const void *data, size_t len)
{
	struct fuse_out_header h = { .len = (unsigned)(sizeof(h) + (err ? 0 : len)), .error = -err, .unique = unique };
	struct iovec iov[2] = { { &h, sizeof(h) }, { (void *)data, err ? 0 : len } };
	if (writev(fd, iov, 2) != (ssize_t)h.len)
		_exit(0);
}

/*
 * Node 1 is the root directory, 2 "file", 3 "exec", 4 "link" (a symbolic link to "file"), 5
 * "alien" (a regular file whose owner and group, FX_FUSE_ALIEN_ID, no user namespace of the
 * sandbox maps: the kernel gives the inode INVALID_UID and INVALID_GID), 6 "dir" (an empty
 * directory); with FX_FUSE_UNMAPPED, "file", "exec" and "dir" belong to an owner with no mapping.
 */
#define FX_FUSE_ALIEN_ID 4000000000u
#define FX_FUSE_LINK "file"
static void fx_fuse_attr(unsigned long long node, struct fuse_attr *a, int op)
{
	memset(a, 0, sizeof(*a));
	a->ino = node;
	a->mode = node == 1 || node == 6 ? S_IFDIR | 0755 : node == 2 || node == 5 ? S_IFREG | 0644 : node == 3 ? S_IFREG | 0755 : S_IFLNK | 0777;
	a->nlink = node == 1 || node == 6 ? 2 : 1;
	a->size = node == 1 || node == 6 ? 0 : node == 4 ? sizeof(FX_FUSE_LINK) - 1 : FX_FUSE_SIZE;
	a->blocks = node == 1 || node == 4 || node == 6 ? 0 : FX_FUSE_SIZE / 512;
	a->blksize = 4096;
	if (node == 5)
		a->uid = a->gid = FX_FUSE_ALIEN_ID;
	else if (op == FX_FUSE_UNMAPPED && (node == 2 || node == 3 || node == 6))
		a->uid = a->gid = FX_FUSE_NOBODY;
}

/* Serves requests until the connection ends, a read times out, or a request is malformed. */
static void fx_fuse_serve(int fd, int op, int err)
{
	static char buf[FUSE_MIN_READ_BUFFER + 65536];
	static char data[FX_FUSE_SIZE];
	unsigned long long held = 0; /* the FLUSH waiting for its INTERRUPT (FX_FUSE_FLUSH_WAIT) */
	memset(data, 'x', sizeof(data));
	for (int n = 0; n < 100000; n++) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		struct fuse_in_header *in = (struct fuse_in_header *)buf;
		const char *arg = buf + sizeof(*in);
		unsigned long long node;
		size_t alen;
		ssize_t len;
		if (poll(&p, 1, (int)sb_timeout_ms + 1000) != 1 || !(p.revents & POLLIN))
			_exit(0);
		len = read(fd, buf, sizeof(buf));
		if (len < (ssize_t)sizeof(*in) || in->len != (unsigned)len)
			_exit(0);
		alen = (size_t)len - sizeof(*in);
		node = in->nodeid;
		switch (in->opcode) {
		case FUSE_INIT: {
			const struct fuse_init_in *ii = (const void *)arg;
			struct fuse_init_out o;
			if (alen < 16 || ii->major != FUSE_KERNEL_VERSION || ii->minor < 31)
				_exit(0);
			memset(&o, 0, sizeof(o));
			o.major = FUSE_KERNEL_VERSION;
			o.minor = 31;
			o.max_readahead = ii->max_readahead;
			o.max_write = 65536;
			o.time_gran = 1;
			fx_fuse_reply(fd, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_LOOKUP: {
			struct fuse_entry_out o;
			unsigned long long child = 0;
			if (alen < 1 || arg[alen - 1] != 0)
				_exit(0);
			/* The fixture's LOOKUP fails, for every name (a walk ending in ESTALE asks again). */
			if (op == FX_FUSE_LOOKUP) {
				fx_fuse_reply(fd, in->unique, err, NULL, 0);
				break;
			}
			if (node == 1 && !strcmp(arg, "file"))
				child = 2;
			else if (node == 1 && !strcmp(arg, "exec"))
				child = 3;
			else if (node == 1 && !strcmp(arg, "link"))
				child = 4;
			else if (node == 1 && !strcmp(arg, "alien"))
				child = 5;
			else if (node == 1 && !strcmp(arg, "dir"))
				child = 6;
			if (!child) {
				fx_fuse_reply(fd, in->unique, ENOENT, NULL, 0);
				break;
			}
			memset(&o, 0, sizeof(o));
			o.nodeid = child;
			o.entry_valid = 60;
			/* Attributes the kernel may cache, except when GETATTR is to fail: then it must ask. */
			o.attr_valid = op == FX_FUSE_GETATTR ? 0 : 60;
			fx_fuse_attr(child, &o.attr, op);
			fx_fuse_reply(fd, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_GETATTR: {
			struct fuse_attr_out o;
			if (node < 1 || node > 6)
				_exit(0);
			if (op == FX_FUSE_GETATTR && node > 1) {
				/* Every GETATTR of a file: a stat ending in ESTALE walks again and asks again. */
				fx_fuse_reply(fd, in->unique, err, NULL, 0);
				break;
			}
			memset(&o, 0, sizeof(o));
			o.attr_valid = 60;
			fx_fuse_attr(node, &o.attr, op);
			fx_fuse_reply(fd, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_OPEN: {
			struct fuse_open_out o;
			if (node < 2 || node > 5 || node == 4)
				_exit(0);
			if (op == FX_FUSE_OPEN) {
				/* Every OPEN: an open ending in ESTALE walks again (LOOKUP_REVAL) and reopens. */
				fx_fuse_reply(fd, in->unique, err, NULL, 0);
				break;
			}
			memset(&o, 0, sizeof(o));
			o.fh = node;
			fx_fuse_reply(fd, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_READ: {
			const struct fuse_read_in *ri = (const void *)arg;
			size_t size;
			if (alen < sizeof(*ri))
				_exit(0);
			if (op == FX_FUSE_READ) {
				fx_fuse_reply(fd, in->unique, err, NULL, 0);
				break;
			}
			size = ri->offset >= FX_FUSE_SIZE ? 0 : FX_FUSE_SIZE - ri->offset;
			if (size > ri->size)
				size = ri->size;
			fx_fuse_reply(fd, in->unique, 0, data, size);
			break;
		}
		case FUSE_WRITE: {
			const struct fuse_write_in *wi = (const void *)arg;
			struct fuse_write_out o;
			if (alen < sizeof(*wi))
				_exit(0);
			if (op == FX_FUSE_WRITE) {
				fx_fuse_reply(fd, in->unique, err, NULL, 0);
				break;
			}
			memset(&o, 0, sizeof(o));
			o.size = wi->size;
			fx_fuse_reply(fd, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_FLUSH:
			if (op == FX_FUSE_FLUSH_WAIT) {
				if (held)
					_exit(0);
				held = in->unique;
				break;
			}
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_FLUSH ? err : 0, NULL, 0);
			break;
		case FUSE_INTERRUPT: {
			/* A signal interrupted the caller of the held FLUSH: it ends with the errno now. */
			const struct fuse_interrupt_in *ii = (const void *)arg;
			if (alen < sizeof(*ii))
				_exit(0);
			if (held && ii->unique == held) {
				fx_fuse_reply(fd, held, err, NULL, 0);
				held = 0;
			}
			break;
		}
		case FUSE_FALLOCATE:
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_FALLOCATE ? err : 0, NULL, 0);
			break;
		case FUSE_FSYNC:
			/* fsync and fdatasync (other fixtures: ENOSYS, which the kernel takes as "nothing to do"). */
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_FSYNC ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_READLINK:
			/* The link's target is not cached (no FUSE_CACHE_SYMLINKS): every readlink asks. */
			if (node != 4)
				_exit(0);
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_READLINK ? err : 0, FX_FUSE_LINK, sizeof(FX_FUSE_LINK) - 1);
			break;
		case FUSE_SETATTR:
			/* chmod, chown, utimensat of a file: nothing is changed, ever (ENOSYS otherwise). */
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_SETATTR ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_STATFS:
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_STATFS ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_CREATE:
		case FUSE_MKNOD:
		case FUSE_MKDIR:
		case FUSE_SYMLINK:
			/*
			 * open(O_CREAT) of a name LOOKUP did not find sends CREATE; a kernel told ENOSYS
			 * falls back to MKNOD; mkdir and symlink send MKDIR and SYMLINK. Nothing is
			 * ever created: ENOSYS unless it is the fixture's operation.
			 */
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_CREATE ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_GETXATTR:
		case FUSE_LISTXATTR:
			if (op == FX_FUSE_XATTR_HUGE) {
				const struct fuse_getxattr_in *gi = (const void *)arg;
				struct fuse_getxattr_out o = { .size = 131072 };
				if (alen < sizeof(*gi))
					_exit(0);
				fx_fuse_reply(fd, in->unique, gi->size ? ERANGE : 0, &o, sizeof(o));
				break;
			}
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_XATTR ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_SETXATTR:
		case FUSE_REMOVEXATTR:
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_XATTR ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_UNLINK:
		case FUSE_RMDIR:
		case FUSE_RENAME:
		case FUSE_RENAME2:
		case FUSE_LINK:
			/* Removing, moving or linking a name: only FX_FUSE_CHANGE gets this far with a reply of its own. */
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_CHANGE ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_RELEASE:
			fx_fuse_reply(fd, in->unique, 0, NULL, 0);
			break;
		case FUSE_ACCESS:
			/* ENOSYS: the kernel stops asking and allows every access (no_access). */
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_ACCESS ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_READDIR:
		case FUSE_READDIRPLUS:
			/* The fixture's READDIR fails; OPENDIR is answered ENOSYS (default), which a kernel takes for "no opendir needed". */
			fx_fuse_reply(fd, in->unique, op == FX_FUSE_READDIR ? err : ENOSYS, NULL, 0);
			break;
		case FUSE_FORGET:
		case FUSE_BATCH_FORGET:
			/* No reply: the kernel expects none. */
			break;
		default:
			fx_fuse_reply(fd, in->unique, ENOSYS, NULL, 0);
			break;
		}
	}
	_exit(0);
}

/* Mounts the filesystem at FX_FUSE_DIR and starts its server; once per case. */
static int fx_fuse_started;
static void fx_fuse(int op, int err)
{
	int started = fx_fuse_started;
	char opts[96];
	pid_t parent = getpid(), pid;
	int fd;
	if (started || err < 1 || err > 511)
		_exit(145);
	fx_fuse_started = 1;
	fd = open("/dev/fuse", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		_exit(144); /* the kernel has no FUSE */
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0", fd);
	if (mkdir(FX_FUSE_DIR, 0755) || mount("kapi-fuse", FX_FUSE_DIR, "fuse", MS_NOSUID | MS_NODEV, opts))
		_exit(145);
	pid = fork();
	if (pid < 0)
		_exit(145);
	if (pid == 0) {
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != parent)
			_exit(0);
		fx_fuse_serve(fd, op, err);
	}
	/* Only the server holds the connection: when it ends, every request fails at once. */
	close(fd);
}

/* A read-write descriptor of the FUSE file. */
static long fx_fuse_fd(int op, int err)
{
	int fd;
	fx_fuse(op, err);
	fd = open(FX_FUSE_DIR "/file", O_RDWR);
	if (fd < 0)
		_exit(145);
	return fd;
}

/* The root directory of the FUSE filesystem, opened. */
static long fx_fuse_dirfd(int op, int err)
{
	int fd;
	fx_fuse(op, err);
	fd = open(FX_FUSE_DIR, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		_exit(145);
	return fd;
}

/* The FUSE file by its name, for a walk whose LOOKUP of it fails. */
static long fx_fuse_lookup(int op, int err)
{
	fx_fuse(op, err);
	return (long)(FX_FUSE_DIR "/file");
}

/* The root directory of the FUSE filesystem, by its name. */
static long fx_fuse_dirpath(int op, int err)
{
	fx_fuse(op, err);
	return (long)FX_FUSE_DIR;
}

/* The FUSE executable (mode 0755; the mount is nosuid and nodev, not noexec). */
static long fx_fuse_path(int op, int err)
{
	fx_fuse(op, err);
	return (long)(FX_FUSE_DIR "/exec");
}

/* The FUSE executable, whose attribute values and list are larger than any buffer (FX_FUSE_XATTR_HUGE). */
static long fx_fuse_huge_path(void) { return fx_fuse_path(FX_FUSE_XATTR_HUGE, ERANGE); }
/* The FUSE symbolic link "link" (to "file"). */
static long fx_fuse_link(int op, int err)
{
	fx_fuse(op, err);
	return (long)(FX_FUSE_DIR "/link");
}

/* The FUSE file "alien", owned by a user and group no namespace of the sandbox maps. */
static long fx_fuse_alien(int op, int err)
{
	fx_fuse(op, err);
	return (long)(FX_FUSE_DIR "/alien");
}

/* A read-only descriptor of "alien". */
static long fx_fuse_alien_fd(int op, int err)
{
	int fd = open((const char *)fx_fuse_alien(op, err), O_RDONLY);
	if (fd < 0)
		_exit(145);
	return fd;
}

/* A name the FUSE filesystem does not have, on the mount an earlier argument made (whatever its
 * failing operation), or on one whose UNLINK, RMDIR, RENAME and LINK fail: a target on the same mount. */
static long fx_fuse_new_any(int op, int err)
{
	if (!fx_fuse_started)
		fx_fuse(op, err);
	return (long)(FX_FUSE_DIR "/new");
}

/* The FUSE file (dir = 0) or directory (dir = 1), for removing, renaming or linking. */
static long fx_fuse_name(int op, int dir, int err)
{
	fx_fuse(op, err);
	return (long)(dir ? FX_FUSE_DIR "/dir" : FX_FUSE_DIR "/file");
}

/* A name the FUSE filesystem does not have (its LOOKUP answers ENOENT), for creating. */
static long fx_fuse_new(int op, int err)
{
	fx_fuse(op, err);
	return (long)(FX_FUSE_DIR "/new");
}

/*
 * The FUSE file's read-write descriptor after a writeback of the file failed: a page dirtied
 * through a shared mapping of a second descriptor, written back by msync, whose WRITE answered
 * the errno (msync must return it). The file's mapping and superblock keep the error, which the
 * returned descriptor has not seen yet (fsync, sync_file_range, syncfs report it once to it).
 */
static long fx_fuse_wb_failed(int op, int err)
{
	long fd = fx_fuse_fd(op, err);
	int fd2 = open(FX_FUSE_DIR "/file", O_RDWR);
	char *p;
	if (fd2 < 0)
		_exit(145);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 0);
	if (p == MAP_FAILED)
		_exit(145);
	p[0] = 'y';
	if (msync(p, 4096, MS_SYNC) == 0 || errno != err || munmap(p, 4096) || close(fd2))
		_exit(145);
	return fd;
}

/* A one-page shared writable mapping of the FUSE file (its descriptor closed). */
static long fx_fuse_map(int op, int err)
{
	long fd = fx_fuse_fd(op, err);
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, (int)fd, 0);
	if (p == MAP_FAILED || close((int)fd))
		_exit(145);
	return (long)p;
}
`;
