// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the inotify system calls inotify_init1, inotify_add_watch and
// inotify_rm_watch (fs/notify/inotify/inotify_user.c), Linux 6.1.

/**
 * sys_inotify_init1 - open a new inotify instance
 * @flags: zero, or IN_NONBLOCK and IN_CLOEXEC
 *
 * long-desc: Makes a new inotify instance (an fsnotify group with an empty
 *   event queue of fs.inotify.max_queued_events entries) and returns a
 *   descriptor for it, the lowest free one, open for reading.  Watches are
 *   added with inotify_add_watch(); events are read from the descriptor as
 *   struct inotify_event records.  Each instance counts against the
 *   per-user limit max_inotify_instances of the caller's user namespace and
 *   of every namespace above it (/proc/sys/user/max_inotify_instances; the
 *   initial namespace's is also /proc/sys/fs/inotify/max_user_instances).
 *   The raw syscall returns the descriptor or a negative errno.
 * contexts: process, sleepable
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(IN_NONBLOCK | IN_CLOEXEC)
 *   constraint: IN_NONBLOCK (O_NONBLOCK: a read of an empty queue gives
 *     EAGAIN) and IN_CLOEXEC (O_CLOEXEC); any other bit gives EINVAL.
 *   desc: Flags of the new descriptor.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The new descriptor, or a negative errno.
 *   kapi-effect: fd:new=ret; fd:inotify=ret; fd:cloexec=ret if flags&IN_CLOEXEC
 *
 * error: EINVAL, flags has a bit other than IN_NONBLOCK and IN_CLOEXEC
 *   kapi-cond: flags=1; flags=IN_MODIFY
 *   desc: Checked before anything is allocated.
 *
 * error: EMFILE, the caller has as many inotify instances as its user may, or no free descriptor
 *   kapi-cond: ucount.INOTIFY_INSTANCES=0; rlimit.NOFILE=0
 *   desc: The user's count of instances in the caller's user namespace, or
 *     in a namespace above it, is at that namespace's max_inotify_instances
 *     (128 by default in the initial namespace); or no descriptor is free
 *     below RLIMIT_NOFILE.
 *
 * error: ENFILE, the system-wide limit on open files was reached
 *   kapi-unprovokable: needs fs.file-max open files on the whole machine; the sysctl belongs to the initial namespace, and filling it would starve every process of the host
 *   desc: alloc_empty_file() found fs.file-max files in use and the caller
 *     has no CAP_SYS_ADMIN.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The fsnotify group, its overflow event or the file could not be
 *     allocated; the group and the event are charged to the caller's memory
 *     cgroup.
 *
 * side-effect: resource_create
 *   target: inotify instance (fsnotify group) and a descriptor table slot
 *   desc: A new instance with no watches; its descriptor is installed at
 *     the lowest free number, with FD_CLOEXEC when IN_CLOEXEC is given.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:inotify=ret; fd:cloexec=ret if flags&IN_CLOEXEC
 *   kapi-effect-case: flags=IN_NONBLOCK | IN_CLOEXEC
 *
 * side-effect: modify_state
 *   target: the user's count of inotify instances
 *   desc: The count of the caller's user in its user namespace and in each
 *     one above it grows by one, until the descriptor's last close.
 *   reversible: yes
 *   kapi-unobservable: the counts are kept in the kernel's ucounts and no file shows them
 *
 * kapi-not-returned: ENODEV __anon_inode_getfile returns it when the anonymous inode is missing,
 *   which anon_inode_init makes at boot or panics; ENOENT __anon_inode_getfile returns it when the
 *   module owning the file operations is going away, and inotify_fops, built in, has no owner
 *
 * notes: inotify_init() (syscall 253) is this call with flags 0.  The man
 *   page's EMFILE names only the initial namespace's sysctl; the kernel
 *   counts per user namespace, and a container's root may lower the limit of
 *   its own namespace.  An instance's memory and events are charged to the
 *   memory cgroup of its creator.
 */
SYSCALL_DEFINE1(inotify_init1, int, flags)
{
}

/**
 * sys_inotify_add_watch - watch a file or directory through an inotify instance
 * @fd: the inotify instance
 * @pathname: path of the file or directory to watch
 * @mask: the events to report and IN_* flags
 *
 * long-desc: Resolves pathname from the current directory (following a
 *   final symbolic link unless IN_DONT_FOLLOW is given), requires read
 *   permission on it, and puts a watch for the events in mask on its inode
 *   in the instance of fd.  An inode has at most one watch per instance: if
 *   the instance already watches it, the watch's mask is replaced (or, with
 *   IN_MASK_ADD, extended) and its watch descriptor returned; with
 *   IN_MASK_CREATE that is an error instead.  A new watch gets the next
 *   watch descriptor of the instance (counting up from 1, not reused until
 *   the numbers wrap) and counts against the per-user limit
 *   max_inotify_watches of the caller's user namespace and those above it.
 *   The raw syscall returns the watch descriptor or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:inotify
 *   type: fd, input
 *   constraint: An open descriptor of an inotify instance (not O_PATH).
 *   desc: The instance the watch belongs to.
 *
 * param: pathname
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, naming a file or directory the caller may read; with
 *     IN_ONLYDIR it must be a directory.
 *   desc: What to watch.
 *
 * param: mask
 *   kapi-valid: IN_MODIFY
 *   kapi-test: no-valid-bits
 *   type: uint, input
 *   constraint-type: mask(IN_ALL_EVENTS | IN_UNMOUNT | IN_Q_OVERFLOW | IN_IGNORED | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK | IN_MASK_CREATE | IN_MASK_ADD | IN_ISDIR | IN_ONESHOT)
 *   constraint: Nonzero, within ALL_INOTIFY_BITS (the twelve events, the
 *     flags IN_ONLYDIR, IN_DONT_FOLLOW, IN_EXCL_UNLINK, IN_MASK_CREATE,
 *     IN_MASK_ADD, IN_ONESHOT, and IN_UNMOUNT, IN_Q_OVERFLOW, IN_IGNORED and
 *     IN_ISDIR, which are accepted but only ever reported); not both
 *     IN_MASK_ADD and IN_MASK_CREATE.  Its bits are not all tried one by one
 *     on the baseline: IN_ONLYDIR on the baseline's regular file is ENOTDIR.
 *   desc: Events to report and how to set the watch.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 1, INT_MAX
 *   desc: The watch descriptor, new or that of the inode's existing watch,
 *     or a negative errno.
 *
 * error: EACCES, read permission is denied on the file, or search permission on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: Watching needs read access to the file itself (a directory: its
 *     listing), as well as search permission along the path; root bypasses
 *     both with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.  A security module
 *     may refuse too.
 *
 * error: EBADF, fd is not an open descriptor, or is an O_PATH descriptor
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: Only checked after the mask: a bad mask gives EINVAL even with a
 *     bad fd.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EEXIST, IN_MASK_CREATE is given and the instance already watches the inode
 *   kapi-cond: mask=IN_MODIFY | IN_MASK_CREATE, pathname=path:cwd
 *   desc: The existing watch is left as it was.  Since Linux 4.18.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; pathname=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, mask is zero or has a bit outside the accepted set, both IN_MASK_ADD and IN_MASK_CREATE, or fd is no inotify instance
 *   kapi-cond: mask=0; mask=0x1000; mask=IN_MODIFY | IN_MASK_ADD | IN_MASK_CREATE; fd=fd:file; fd=fd:epoll
 *   desc: The mask checks come first (zero, or a bit outside
 *     ALL_INOTIFY_BITS), then fd is looked up, then the IN_MASK_ADD and
 *     IN_MASK_CREATE pair and the kind of file are checked.
 *
 * error: EIO, the filesystem failed to read what the lookup needs
 *   kapi-cond: pathname=path:fuse-lookup-fails
 *   desc: An inode, directory block or ACL could not be read, or a FUSE or
 *     network server answered the lookup with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop; pathname=path:loop-below, mask=IN_MODIFY | IN_DONT_FOLLOW
 *   desc: More than 40 links; with IN_DONT_FOLLOW a final link is watched
 *     itself, but a loop in a directory of the path still fails.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:dangling; pathname=path:empty
 *   desc: Includes a final symbolic link to nothing (unless IN_DONT_FOLLOW).
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The watch (inotify_inode_mark, from an accounted cache), its
 *     place in the instance's IDR, the inode's mark connector, the path
 *     buffer or a dentry could not be allocated.
 *
 * error: ENOSPC, the user has as many watches as it may, or the instance ran out of watch descriptors
 *   kapi-cond: ucount.INOTIFY_WATCHES=1
 *   desc: The count of watches of the caller's user in its user namespace,
 *     or in one above it, is at max_inotify_watches (in the initial
 *     namespace also /proc/sys/fs/inotify/max_user_watches); or the
 *     instance's IDR has no free watch descriptor up to INT_MAX.  Only a new
 *     watch counts: changing an existing one cannot fail so.
 *
 * error: ENOTDIR, IN_ONLYDIR is given and pathname is no directory, or a component used as a directory is not one
 *   kapi-cond: mask=IN_MODIFY | IN_ONLYDIR; pathname=path:notdir
 *   desc: IN_ONLYDIR makes the lookup require a directory
 *     (LOOKUP_DIRECTORY), so a regular file gives ENOTDIR with nothing set.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-lookup-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered with ESTALE, on the walk and on a second walk with
 *     every cached name revalidated (LOOKUP_REVAL).
 *
 * lock: group->mark_mutex
 *   type: mutex
 *   scope: internal
 *   desc: fsnotify_group_lock(): held while the existing watch is looked up
 *     and updated, or the new one is added, so two calls on one instance do
 *     not both add a watch of one inode.
 *
 * side-effect: resource_create
 *   target: a watch (inotify_inode_mark) of the instance on the inode
 *   condition: the instance did not watch the inode yet
 *   desc: A new watch with the next watch descriptor; the user's count of
 *     watches grows by one.  A mask of flags alone (IN_ONLYDIR) makes one
 *     too.
 *   reversible: yes
 *   kapi-effect: inotify:added=fd,ret if mask!&IN_MASK_ADD
 *   kapi-effect-case: mask=IN_MODIFY | IN_MASK_CREATE; mask=IN_ONLYDIR, pathname=path:dir
 *
 * side-effect: modify_state
 *   target: the existing watch of the instance on the inode
 *   condition: the instance already watches the inode
 *   desc: The watch's events are replaced by those of mask, or with
 *     IN_MASK_ADD the new ones are added to them; its flags (IN_ONESHOT,
 *     IN_EXCL_UNLINK) likewise.  Its watch descriptor is returned.
 *   reversible: yes
 *   kapi-effect: inotify:modified=fd,ret if mask&IN_MASK_ADD
 *   kapi-effect-case: mask=IN_MODIFY | IN_MASK_ADD, pathname=path:cwd
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: watching files the caller may not read, through directories it may not search
 *   without: EACCES
 *   condition: the file lacks read permission, or a directory of the path search permission, for the caller
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets, and check_acl only under MAY_NOT_BLOCK,
 *   whose walk then starts again in reference mode; EXDEV fsnotify_add_mark_list checks the fsid
 *   only for fanotify marks that pass one, and inotify passes none; ENODEV the same fsid check;
 *   ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode; EPERM inode_permission gives it only for MAY_WRITE, and the watch asks for
 *   MAY_READ; EROFS sb_permission gives it only for MAY_WRITE
 *
 * notes: Unlike what the man page suggests, a mask of flags alone (IN_ONLYDIR
 *   or IN_DONT_FOLLOW without an event) is accepted: 6.1 checks only that
 *   some bit of ALL_INOTIFY_BITS is set, so such a watch reports nothing but
 *   IN_IGNORED.  The man page lists ENOSPC only for the initial namespace's
 *   sysctl; the kernel counts per user namespace.  EFAULT is given for a
 *   pathname the kernel cannot read, as for every path.
 */
SYSCALL_DEFINE3(inotify_add_watch, int, fd, const char __user *, pathname,
		u32, mask)
{
}

/**
 * sys_inotify_rm_watch - remove a watch from an inotify instance
 * @fd: the inotify instance
 * @wd: watch descriptor of the watch to remove
 *
 * long-desc: Finds the watch with descriptor wd in the instance of fd and
 *   destroys it: the inode is no longer watched by this instance, an
 *   IN_IGNORED event for wd is queued on the instance, and the user's count
 *   of watches drops by one.  The descriptor number is not given out again
 *   until the instance's numbers wrap.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:inotify
 *   type: fd, input
 *   constraint: An open descriptor of an inotify instance (not O_PATH).
 *   desc: The instance the watch belongs to.
 *
 * param: wd
 *   kapi-valid: 1
 *   type: int, input
 *   constraint: A watch descriptor the instance has now, as
 *     inotify_add_watch() returned it.
 *   desc: The watch to remove.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the watch is gone, a negative errno otherwise.
 *
 * error: EBADF, fd is not an open descriptor, or is an O_PATH descriptor
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: fdget() finds no file.
 *
 * error: EINVAL, fd is no inotify instance, or it has no watch wd
 *   kapi-cond: wd=2; wd=0; wd=-1; fd=fd:file; fd=fd:epoll
 *   desc: A watch already removed (by this call, IN_ONESHOT, or because its
 *     inode was deleted or its filesystem unmounted) is no longer found.
 *
 * lock: group->mark_mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken while the watch is detached from its inode
 *     (fsnotify_destroy_mark()); the IDR has its own spinlock.
 *
 * side-effect: resource_destroy
 *   target: the watch wd of the instance
 *   desc: The watch is detached from the inode and freed after an SRCU
 *     grace period; the instance's queue gets an IN_IGNORED event for wd.
 *   reversible: no
 *   kapi-effect: inotify:removed=fd,wd
 *
 * notes: The IN_IGNORED event is queued even when the queue is full of other
 *   events (it may then be replaced by IN_Q_OVERFLOW).  Removing a watch does
 *   not flush events of it already queued.
 */
SYSCALL_DEFINE2(inotify_rm_watch, int, fd, __s32, wd)
{
}
