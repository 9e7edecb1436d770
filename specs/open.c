// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the open and close system calls (fs/open.c, Linux 6.1).

/**
 * sys_open - open or create a file and return a new file descriptor for it
 * @filename: path of the file, relative to the current working directory if not absolute
 * @flags: access mode (O_RDONLY, O_WRONLY, O_RDWR) ORed with creation and status flags
 * @mode: permission bits for a newly created file; ignored unless a file is created
 *
 * long-desc: Resolves filename, optionally creates the file (O_CREAT) or an
 *   unnamed temporary file in the named directory (O_TMPFILE), checks the
 *   requested access against the file's permissions, calls the file's open
 *   method and installs a new open file description in the lowest free slot of
 *   the caller's descriptor table.  It is openat() with AT_FDCWD.  On 64-bit
 *   kernels O_LARGEFILE is added to flags unconditionally.  The raw syscall
 *   returns the new descriptor or a negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes including the terminator; each component at most the
 *     filesystem's name limit (usually NAME_MAX).  The empty string is
 *     rejected with ENOENT.
 *   desc: Path of the file to open or create.
 *
 * param: flags
 *   kapi-test: no-invalid, no-valid-bits
 *   type: int, input
 *   constraint-type: mask(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY |
 *     O_TRUNC | O_APPEND | O_NDELAY | O_NONBLOCK | O_DSYNC | __O_SYNC | FASYNC |
 *     O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC |
 *     O_PATH | __O_TMPFILE)
 *   constraint: The low bits (O_ACCMODE) select the access mode.  open() does
 *     not reject unknown bits: bits outside this set are silently dropped, and
 *     with O_PATH every flag except O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC is
 *     dropped too.  EINVAL results from O_CREAT together with O_DIRECTORY (so
 *     also O_CREAT with O_TMPFILE), from __O_TMPFILE without O_DIRECTORY, and
 *     from O_TMPFILE with read-only access.  O_SYNC is __O_SYNC | O_DSYNC;
 *     __O_SYNC alone is treated as O_SYNC.  O_NDELAY equals O_NONBLOCK except
 *     on sparc, where it carries one extra bit.
 *   desc: Access mode, file creation flags and file status flags.
 *
 * param: mode
 *   kapi-test: no-invalid, no-valid-bits
 *   type: uint, input
 *   constraint-type: mask(S_IALLUGO)
 *   constraint: Bits outside S_IALLUGO are discarded.  Used only when flags
 *     contains O_CREAT or __O_TMPFILE; otherwise the value is ignored, whatever
 *     it is.  The new file gets mode & ~umask, or the parent's default ACL.
 *   desc: Permission bits (including set-user-ID, set-group-ID and sticky)
 *     for a file the call creates.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The lowest-numbered descriptor not open in the process, or a
 *     negative errno.
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if flags&O_CLOEXEC
 *
 * error: EACCES, permission denied on the file, a path directory or the parent
 *   kapi-cond: filename=path:noperm, caps=none
 *   desc: Search permission is missing on a directory of the path; the file
 *     does not allow the requested access (O_TRUNC counts as write); the file
 *     must be created and the parent is not writable; a device node lies on a
 *     nodev mount; O_CREAT met an existing FIFO or regular file refused by
 *     fs.protected_fifos or fs.protected_regular in a sticky world- or
 *     group-writable directory; or a security module denied the open.
 *
 * error: EAGAIN, O_NONBLOCK was given and a conflicting lease is held on the file
 *   kapi-cond: filename=path:leased, flags=O_WRONLY | O_NONBLOCK
 *   desc: Breaking the lease would have to wait; the kernel returns
 *     EWOULDBLOCK, which is the same value as EAGAIN.
 *
 * error: EBUSY, O_EXCL was given for a block device that is already claimed
 *   kapi-unprovokable: needs a block device node; the sandbox's /dev has none and a user namespace cannot make device nodes
 *   desc: The device is mounted or opened exclusively by someone else.
 *
 * error: EDQUOT, O_CREAT must create the file and the user's quota is exhausted
 *   kapi-cond: filename=path:quota-new, flags=O_CREAT | O_WRONLY; filename=path:fuse-create-fails, flags=O_CREAT | O_WRONLY
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: Creating the file would pass the user's limit of inodes or blocks on
 *     that filesystem.  The kernel's quota code enforces the limit on
 *     filesystems that use it; a filesystem that keeps quotas itself (FUSE,
 *     network filesystems) reports the error as the answer to its create
 *     request, and open() passes it on.
 *
 * error: EEXIST, O_CREAT and O_EXCL were given and filename already exists
 *   kapi-cond: filename=path:file, flags=O_CREAT | O_EXCL
 *   desc: Also when the final component is a symbolic link, dangling or not,
 *     because O_EXCL stops the final symlink from being followed.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   desc: Copying the path from user memory failed.
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *
 * error: EINTR, a signal with a handler interrupted a blocking open
 *   kapi-cond: filename=path:fifo, flags=O_RDONLY, sig.ALRM=interrupt
 *   desc: The open slept (a FIFO waiting for its other end, a lease being
 *     broken, a device open method) and a signal arrived.  The kernel returns
 *     -ERESTARTSYS, which becomes EINTR unless the handler has SA_RESTART.
 *
 * error: EINVAL, invalid flag combination, O_DIRECT unsupported, or bad name
 *   kapi-cond: flags=O_TMPFILE
 *   desc: O_CREAT with O_DIRECTORY; __O_TMPFILE without O_DIRECTORY; O_TMPFILE
 *     without write access; O_DIRECT on a file whose filesystem cannot do
 *     direct I/O; or the filesystem rejects characters of the final component.
 *
 * error: EIO, the filesystem failed to read what the open needs
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: A lookup or the open method met an I/O error: an inode or a
 *     directory block that could not be read (ext4 reports a corrupted one
 *     as EIO too), or a FUSE or network server that answered the open with
 *     EIO.
 *
 * error: EISDIR, filename is a directory and write access or creation was asked
 *   kapi-cond: filename=path:dir, flags=O_WRONLY
 *   desc: O_WRONLY, O_RDWR or O_TRUNC on a directory; or O_CREAT on an existing
 *     directory or on a path ending in a slash.
 *
 * error: ELOOP, too many symbolic links, or O_NOFOLLOW on a final symbolic link
 *   kapi-cond: filename=path:symlink, flags=O_NOFOLLOW
 *   desc: More than 40 links were followed while resolving the path, or the
 *     last component is a symbolic link and O_NOFOLLOW was given without O_PATH.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table is full up to the soft RLIMIT_NOFILE limit (or
 *     fs.nr_open, whichever is lower).
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENFILE, the system-wide limit on open files (fs.file-max) was reached
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Only callers without CAP_SYS_ADMIN are held to this limit.
 *
 * error: ENODEV, the device or filesystem open method reported no such device
 *   kapi-unprovokable: needs a device node without a driver; a user namespace cannot make device nodes and the sandbox's /dev has only null, zero, full and the random devices
 *   desc: A driver's open method may fail this way; a device node with no
 *     registered driver normally yields ENXIO instead.
 *
 * error: ENOENT, a path component or the file itself does not exist
 *   desc: A directory of the path is missing or is a dangling symbolic link;
 *     the file is missing and O_CREAT was not given; or filename is empty.
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *
 * error: ENOMEM, kernel memory ran out, or a FIFO buffer exceeds the pipe limit
 *   kapi-cond: memcg=full
 *   desc: Allocation of the path buffer, file or lookup structures failed, or
 *     the FIFO's buffer could not be allocated because the per-user hard limit
 *     for pipe buffers is reached and the caller is unprivileged.  The file
 *     structure, taken before the path is looked up, is charged to the
 *     caller's memory cgroup: in a full cgroup the open fails there.
 *
 * error: ENOSPC, the file must be created and its filesystem has no room for it
 *   kapi-cond: filename=path:nospace-new, flags=O_CREAT | O_WRONLY
 *   desc: No free inode or no space for the new directory entry.
 *
 * error: ENOTDIR, a path component is not a directory, or O_DIRECTORY on a non-directory
 *   kapi-cond: filename=path:file, flags=O_DIRECTORY
 *   desc: A component used as a directory is a file, or O_DIRECTORY was given
 *     and filename does not name a directory.
 *
 * error: ENXIO, no reader on a FIFO, no device behind a device node, or a socket
 *   kapi-cond: filename=path:fifo, flags=O_WRONLY | O_NONBLOCK
 *   desc: O_WRONLY | O_NONBLOCK on a FIFO that no process has open for
 *     reading; a character or block device node with no driver or device; or
 *     filename names a UNIX domain socket.
 *
 * error: EOPNOTSUPP, O_TMPFILE was given and the filesystem does not support it
 *   kapi-cond: filename=path:notmpfile-dir, flags=O_TMPFILE | O_RDWR
 *   desc: The directory's filesystem has no way to create unnamed files.
 *
 * error: EOVERFLOW, a regular file too large for the caller is opened without O_LARGEFILE
 *   kapi-unprovokable: on x86-64 open() always adds O_LARGEFILE (force_o_largefile() in fs/open.c), so no file is too large for the caller
 *   desc: The file is larger than 2 GiB - 1 bytes (MAX_NON_LFS).  Only seen on
 *     32-bit kernels and the 32-bit compat entry, where O_LARGEFILE is not
 *     forced.  6.1 returns EOVERFLOW, never EFBIG, for this case.
 *
 * error: EPERM, O_NOATIME by a non-owner, or append-only, immutable or sealed file
 *   kapi-cond: filename=path:sealed, flags=O_RDWR | O_TRUNC
 *   desc: O_NOATIME was given by a caller that neither owns the file nor has
 *     CAP_FOWNER; an append-only file was opened for writing without O_APPEND
 *     or with O_TRUNC; an immutable file was opened for writing; O_TRUNC was
 *     refused by a memfd seal; or a fanotify listener denied the open.
 *
 * error: EROFS, write access, truncation or creation on a read-only filesystem
 *   kapi-cond: filename=path:rofs-new, flags=O_CREAT | O_WRONLY
 *   desc: The file, or the directory that would receive it, is on a read-only
 *     mount or filesystem.
 *
 * error: ESTALE, the filesystem reported the file handle of the file stale
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: The file's filesystem found the object behind its file handle
 *     gone: a network filesystem (NFS) whose server no longer knows the
 *     handle, or a FUSE server that answered the open request with ESTALE.
 *     The kernel does not give up at once: a walk that ends in
 *     ESTALE, or in the internal EOPENSTALE an NFS open returns for a cached
 *     name, is repeated once with every cached name checked again
 *     (LOOKUP_REVAL); only when that walk fails too does open() return
 *     ESTALE.
 *
 * error: ETXTBSY, write access to a file that is executing or being read by the kernel
 *   kapi-cond: filename=path:exec-running, flags=O_WRONLY
 *   desc: The file is a running executable or is being loaded by the kernel
 *     (modules, firmware) and write access was requested, or O_TRUNC was given
 *     for an active swap file.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while a free descriptor slot is found and reserved (and again if
 *     the reserved slot must be released after a failed open).
 *
 * lock: inode->i_rwsem of the parent directory
 *   type: rwlock
 *   scope: internal
 *   desc: Taken exclusively around the lookup and creation of the last
 *     component when O_CREAT is given, shared for a plain lookup that misses
 *     the dentry cache.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the open sleeps interruptibly,
 *     and the handler lacks SA_RESTART
 *   desc: The open fails with EINTR; no descriptor is installed.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: After the handler runs the open is transparently restarted.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * side-effect: resource_create | alloc_memory
 *   target: descriptor table slot, struct file
 *   desc: A new open file description is allocated and bound to the lowest free
 *     descriptor, with FD_CLOEXEC set if O_CLOEXEC was given.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if flags&O_CLOEXEC
 *
 * side-effect: filesystem
 *   target: parent directory, new inode
 *   condition: O_CREAT is given and the file does not exist
 *   desc: A regular file is created with the requested mode; the parent's
 *     modification and change times are updated.  It stays after close.
 *   reversible: no
 *   kapi-effect: file:created=filename,mode if flags&O_CREAT
 *   kapi-effect-case: filename=path:new, flags=O_CREAT | O_WRONLY, mode=0640
 *
 * side-effect: filesystem | resource_create
 *   target: unnamed inode in the named directory's filesystem
 *   condition: O_TMPFILE is given
 *   desc: An unnamed regular file is created; it is freed on last close unless
 *     linked into the namespace with linkat().
 *   reversible: yes
 *   kapi-effect: fd:unlinked=ret if flags&__O_TMPFILE
 *   kapi-effect-case: filename=path:dir, flags=O_TMPFILE | O_RDWR, mode=0600
 *   kapi-fs: fuse=EOPNOTSUPP the kernel sends O_TMPFILE to the FUSE server as
 *     FUSE_TMPFILE, which bindfs does not implement: ENOSYS becomes EOPNOTSUPP;
 *     overlay=EOPNOTSUPP 6.1's overlayfs has no tmpfile operation, so O_TMPFILE
 *     there gives EOPNOTSUPP (6.18's creates the file in the upper layer)
 *
 * side-effect: filesystem | irreversible
 *   target: file contents
 *   condition: O_TRUNC on an existing regular file opened with write permission
 *   desc: The file is truncated to length 0; its data is lost.
 *   reversible: no
 *   kapi-effect: file:truncated=filename if flags&O_TRUNC
 *   kapi-effect-case: filename=path:file, flags=O_TRUNC | O_WRONLY
 *
 * state-trans: descriptor table slot
 *   object: file descriptor table
 *   from: lowest free slot empty
 *   to: slot refers to the new open file description
 *   desc: The slot is reserved before the path is resolved and released again
 *     if the open fails.
 *   kapi-effect: fd:new=ret
 *
 * state-trans: file existence
 *   object: directory entry for filename
 *   from: absent
 *   to: regular file of the requested mode
 *   condition: O_CREAT and the file did not exist
 *   desc: Creation and open are atomic with O_EXCL.
 *   kapi-effect: file:created=filename,mode if flags&O_CREAT
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: using O_NOATIME on a file the caller does not own
 *   without: O_NOATIME on another user's file fails with EPERM
 *   condition: O_NOATIME is given and the caller's fsuid differs from the owner
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: opening and creating regardless of permission bits and ACLs
 *   without: the open fails with EACCES when the mode bits deny access
 *   condition: permission bits or ACLs deny the requested access
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: read access to files and search access to directories
 *   without: EACCES when read or search permission is missing
 *   condition: read or search permission is missing
 *   priority: 1
 *
 * capability: CAP_SYS_ADMIN
 *   type: increase_limit
 *   allows: opening files beyond the system-wide fs.file-max limit
 *   without: the open fails with ENFILE
 *   condition: the number of open files has reached fs.file-max
 *   priority: 0
 *
 * constraint: mode only applies to creation
 *   desc: mode is used when O_CREAT or O_TMPFILE creates a file and must then
 *     hold the wanted permission bits; in every other case the kernel zeroes it
 *     and any value is accepted.
 *
 * constraint: O_CREAT excludes O_DIRECTORY
 *   desc: Unless O_PATH is given, O_CREAT together with O_DIRECTORY (and hence
 *     with O_TMPFILE) is rejected with EINVAL.
 *   expr: (flags & O_PATH) || (flags & (O_CREAT | O_DIRECTORY)) != (O_CREAT | O_DIRECTORY)
 *
 * constraint: O_TMPFILE needs O_DIRECTORY
 *   desc: Unless O_PATH is given, __O_TMPFILE without O_DIRECTORY is rejected
 *     with EINVAL (O_TMPFILE includes O_DIRECTORY).
 *   expr: (flags & O_PATH) || !(flags & __O_TMPFILE) || (flags & O_DIRECTORY)
 *
 * constraint: O_TMPFILE needs write access
 *   desc: Unless O_PATH is given, O_TMPFILE with O_RDONLY access is rejected
 *     with EINVAL.
 *   expr: (flags & O_PATH) || !(flags & __O_TMPFILE) || (flags & O_ACCMODE) != O_RDONLY
 *
 * constraint: descriptor limit
 *   desc: The returned descriptor is below the caller's RLIMIT_NOFILE.
 *   expr: fd < rlimit(RLIMIT_NOFILE)
 *
 * kapi-not-returned: EBADF open walks the path from AT_FDCWD (do_sys_open), never from a
 *   descriptor; EXDEV only openat2's RESOLVE_BENEATH, RESOLVE_IN_ROOT and RESOLVE_NO_XDEV scope a
 *   walk, and open passes none of them; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a
 *   kernel bug, not an outcome
 *
 * notes: Unknown flag bits are ignored for compatibility, so open() cannot be
 *   used to probe for flag support; openat2() rejects them.  With O_CREAT and
 *   O_EXCL a final symbolic link is never followed.  Opening neither updates the
 *   access time nor checks O_DIRECT alignment.  A FIFO opened without
 *   O_NONBLOCK blocks until the other end is opened.
 */
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
}

/**
 * sys_openat - open or create a file named relative to a directory descriptor
 * @dfd: directory a relative filename is resolved from, or AT_FDCWD
 * @filename: path of the file, relative to dfd if not absolute
 * @flags: access mode (O_RDONLY, O_WRONLY, O_RDWR) ORed with creation and status flags
 * @mode: permission bits for a newly created file; ignored unless a file is created
 *
 * long-desc: open() with a starting directory: resolves filename from dfd
 *   (from the current working directory for AT_FDCWD, from the root for an
 *   absolute filename, dfd then unused), optionally creates the file (O_CREAT) or an
 *   unnamed temporary file in the named directory (O_TMPFILE), checks the
 *   requested access against the file's permissions, calls the file's open
 *   method and installs a new open file description in the lowest free slot of
 *   the caller's descriptor table.  open() and creat() are this call with
 *   AT_FDCWD; all three go through do_sys_open(), which builds the same open
 *   request as openat2() from flags and mode but first drops unknown bits
 *   instead of rejecting them.  On 64-bit kernels O_LARGEFILE is added to
 *   flags unconditionally.  The C library's open() is this syscall on most
 *   architectures.  The raw syscall
 *   returns the new descriptor or a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD, or an open descriptor of a directory (O_PATH ones
 *     included).  Looked at only when filename is relative and not empty:
 *     then a number that is not open gives EBADF and a descriptor of
 *     anything but a directory ENOTDIR.  Search permission on that directory
 *     is checked as for any other directory of the path.
 *   desc: Starting point of the lookup of a relative filename.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes including the terminator; each component at most the
 *     filesystem's name limit (usually NAME_MAX).  The empty string is
 *     rejected with ENOENT.
 *   desc: Path of the file to open or create.
 *
 * param: flags
 *   kapi-test: no-invalid, no-valid-bits
 *   type: int, input
 *   constraint-type: mask(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY |
 *     O_TRUNC | O_APPEND | O_NDELAY | O_NONBLOCK | O_DSYNC | __O_SYNC | FASYNC |
 *     O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC |
 *     O_PATH | __O_TMPFILE)
 *   constraint: The low bits (O_ACCMODE) select the access mode.  openat() does
 *     not reject unknown bits: bits outside this set are silently dropped, and
 *     with O_PATH every flag except O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC is
 *     dropped too.  EINVAL results from O_CREAT together with O_DIRECTORY (so
 *     also O_CREAT with O_TMPFILE), from __O_TMPFILE without O_DIRECTORY, and
 *     from O_TMPFILE with read-only access.  O_SYNC is __O_SYNC | O_DSYNC;
 *     __O_SYNC alone is treated as O_SYNC.  O_NDELAY equals O_NONBLOCK except
 *     on sparc, where it carries one extra bit.
 *   desc: Access mode, file creation flags and file status flags.
 *
 * param: mode
 *   kapi-test: no-invalid, no-valid-bits
 *   type: uint, input
 *   constraint-type: mask(S_IALLUGO)
 *   constraint: Bits outside S_IALLUGO are discarded.  Used only when flags
 *     contains O_CREAT or __O_TMPFILE; otherwise the value is ignored, whatever
 *     it is.  The new file gets mode & ~umask, or the parent's default ACL.
 *   desc: Permission bits (including set-user-ID, set-group-ID and sticky)
 *     for a file the call creates.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The lowest-numbered descriptor not open in the process, or a
 *     negative errno.
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if flags&O_CLOEXEC
 *
 * error: EACCES, permission denied on the file, a path directory or the parent
 *   kapi-cond: filename=path:noperm, caps=none
 *   desc: Search permission is missing on a directory of the path; the file
 *     does not allow the requested access (O_TRUNC counts as write); the file
 *     must be created and the parent is not writable; a device node lies on a
 *     nodev mount; O_CREAT met an existing FIFO or regular file refused by
 *     fs.protected_fifos or fs.protected_regular in a sticky world- or
 *     group-writable directory; or a security module denied the open.
 *
 * error: EAGAIN, O_NONBLOCK was given and a conflicting lease is held on the file
 *   kapi-cond: filename=path:leased, flags=O_WRONLY | O_NONBLOCK
 *   desc: Breaking the lease would have to wait; the kernel returns
 *     EWOULDBLOCK, which is the same value as EAGAIN.
 *
 * error: EBADF, filename is relative and dfd is neither AT_FDCWD nor an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: path_init() looks dfd up only for a relative, non-empty filename;
 *     an absolute one is resolved whatever dfd holds.
 *
 * error: EBUSY, a block device already claimed was opened with O_EXCL, or a terminal is exclusive
 *   kapi-cond: filename=path:pty-exclusive
 *   desc: With O_EXCL, a block device that is mounted or opened exclusively
 *     by someone else; with any flags, a terminal in exclusive mode
 *     (TIOCEXCL) when the caller lacks CAP_SYS_ADMIN in the initial user
 *     namespace.
 *
 * error: EDQUOT, O_CREAT must create the file and the user's quota is exhausted
 *   kapi-cond: filename=path:quota-new, flags=O_CREAT | O_WRONLY; filename=path:fuse-create-fails, flags=O_CREAT | O_WRONLY
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: Creating the file would pass the user's limit of inodes or blocks on
 *     that filesystem.  The kernel's quota code enforces the limit on
 *     filesystems that use it; a filesystem that keeps quotas itself (FUSE,
 *     network filesystems) reports the error as the answer to its create
 *     request, and openat() passes it on.
 *
 * error: EEXIST, O_CREAT and O_EXCL were given and filename already exists
 *   kapi-cond: filename=path:file, flags=O_CREAT | O_EXCL
 *   desc: Also when the final component is a symbolic link, dangling or not,
 *     because O_EXCL stops the final symlink from being followed.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   desc: Copying the path from user memory failed.
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *
 * error: EINTR, a signal with a handler interrupted a blocking open
 *   kapi-cond: filename=path:fifo, flags=O_RDONLY, sig.ALRM=interrupt
 *   desc: The open slept (a FIFO waiting for its other end, a lease being
 *     broken, a device open method) and a signal arrived.  The kernel returns
 *     -ERESTARTSYS, which becomes EINTR unless the handler has SA_RESTART.
 *
 * error: EINVAL, invalid flag combination, O_DIRECT unsupported, or bad name
 *   kapi-cond: flags=O_TMPFILE
 *   desc: O_CREAT with O_DIRECTORY; __O_TMPFILE without O_DIRECTORY; O_TMPFILE
 *     without write access; O_DIRECT on a file whose filesystem cannot do
 *     direct I/O; or the filesystem rejects characters of the final component.
 *
 * error: EIO, the filesystem failed to read what the open needs
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: A lookup or the open method met an I/O error: an inode or a
 *     directory block that could not be read (ext4 reports a corrupted one
 *     as EIO too), or a FUSE or network server that answered the open with
 *     EIO.
 *
 * error: EISDIR, filename is a directory and write access or creation was asked
 *   kapi-cond: filename=path:dir, flags=O_WRONLY
 *   desc: O_WRONLY, O_RDWR or O_TRUNC on a directory; or O_CREAT on an existing
 *     directory or on a path ending in a slash.
 *
 * error: ELOOP, too many symbolic links, or O_NOFOLLOW on a final symbolic link
 *   kapi-cond: filename=path:symlink, flags=O_NOFOLLOW
 *   desc: More than 40 links were followed while resolving the path, or the
 *     last component is a symbolic link and O_NOFOLLOW was given without O_PATH.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table is full up to the soft RLIMIT_NOFILE limit (or
 *     fs.nr_open, whichever is lower).
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENFILE, the system-wide limit on open files (fs.file-max) was reached
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Only callers without CAP_SYS_ADMIN are held to this limit.
 *
 * error: ENODEV, the device or filesystem open method reported no such device
 *   kapi-unprovokable: needs a device node without a driver; a user namespace cannot make device nodes and the sandbox's /dev has only null, zero, full and the random devices
 *   desc: A driver's open method may fail this way; a device node with no
 *     registered driver normally yields ENXIO instead.
 *
 * error: ENOENT, a path component or the file itself does not exist
 *   desc: A directory of the path is missing or is a dangling symbolic link;
 *     the file is missing and O_CREAT was not given; or filename is empty.
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *
 * error: ENOMEM, kernel memory ran out, or a FIFO buffer exceeds the pipe limit
 *   kapi-cond: memcg=full
 *   desc: Allocation of the path buffer, file or lookup structures failed, or
 *     the FIFO's buffer could not be allocated because the per-user hard limit
 *     for pipe buffers is reached and the caller is unprivileged.  The file
 *     structure, taken before the path is looked up, is charged to the
 *     caller's memory cgroup: in a full cgroup the open fails there.
 *
 * error: ENOSPC, the file must be created and its filesystem has no room for it
 *   kapi-cond: filename=path:nospace-new, flags=O_CREAT | O_WRONLY
 *   desc: No free inode or no space for the new directory entry.
 *
 * error: ENOTDIR, dfd or a path component is not a directory, or O_DIRECTORY on a non-directory
 *   kapi-cond: filename=path:file, flags=O_DIRECTORY; filename=path:notdir; dfd=fd:file
 *   desc: filename is relative and dfd refers to something other than a
 *     directory; a component used as a directory is a file; or O_DIRECTORY
 *     was given and filename does not name a directory.
 *
 * error: ENXIO, no reader on a FIFO, no device behind a device node, or a socket
 *   kapi-cond: filename=path:fifo, flags=O_WRONLY | O_NONBLOCK; filename=path:socket
 *   desc: O_WRONLY | O_NONBLOCK on a FIFO that no process has open for
 *     reading; a character or block device node with no driver or device; or
 *     filename names a UNIX domain socket.
 *
 * error: EOPNOTSUPP, O_TMPFILE was given and the filesystem does not support it
 *   kapi-cond: filename=path:notmpfile-dir, flags=O_TMPFILE | O_RDWR
 *   desc: The directory's filesystem has no way to create unnamed files.
 *
 * error: EOVERFLOW, a regular file too large for the caller is opened without O_LARGEFILE
 *   kapi-unprovokable: on x86-64 openat() always adds O_LARGEFILE (force_o_largefile() in fs/open.c), so no file is too large for the caller
 *   desc: The file is larger than 2 GiB - 1 bytes (MAX_NON_LFS).  Only seen on
 *     32-bit kernels and the 32-bit compat entry, where O_LARGEFILE is not
 *     forced.  6.1 returns EOVERFLOW, never EFBIG, for this case.
 *
 * error: EPERM, O_NOATIME by a non-owner, or append-only, immutable or sealed file
 *   kapi-cond: filename=path:sealed, flags=O_RDWR | O_TRUNC
 *   desc: O_NOATIME was given by a caller that neither owns the file nor has
 *     CAP_FOWNER; an append-only file was opened for writing without O_APPEND
 *     or with O_TRUNC; an immutable file was opened for writing; O_TRUNC was
 *     refused by a memfd seal; or a fanotify listener denied the open.
 *
 * error: EROFS, write access, truncation or creation on a read-only filesystem
 *   kapi-cond: filename=path:rofs-new, flags=O_CREAT | O_WRONLY
 *   desc: The file, or the directory that would receive it, is on a read-only
 *     mount or filesystem.
 *
 * error: ESTALE, the filesystem reported the file handle of the file stale
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: The file's filesystem found the object behind its file handle
 *     gone: a network filesystem (NFS) whose server no longer knows the
 *     handle, or a FUSE server that answered the open request with ESTALE.
 *     The kernel does not give up at once: a walk that ends in
 *     ESTALE, or in the internal EOPENSTALE an NFS open returns for a cached
 *     name, is repeated once with every cached name checked again
 *     (LOOKUP_REVAL); only when that walk fails too does openat() return
 *     ESTALE.
 *
 * error: ETXTBSY, write access to a file that is executing or being read by the kernel
 *   kapi-cond: filename=path:exec-running, flags=O_WRONLY
 *   desc: The file is a running executable or is being loaded by the kernel
 *     (modules, firmware) and write access was requested, or O_TRUNC was given
 *     for an active swap file.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while a free descriptor slot is found and reserved (and again if
 *     the reserved slot must be released after a failed open).
 *
 * lock: inode->i_rwsem of the parent directory
 *   type: rwlock
 *   scope: internal
 *   desc: Taken exclusively around the lookup and creation of the last
 *     component when O_CREAT is given, shared for a plain lookup that misses
 *     the dentry cache.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the open sleeps interruptibly,
 *     and the handler lacks SA_RESTART
 *   desc: The open fails with EINTR; no descriptor is installed.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: After the handler runs the open is transparently restarted.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * side-effect: resource_create | alloc_memory
 *   target: descriptor table slot, struct file
 *   desc: A new open file description is allocated and bound to the lowest free
 *     descriptor, with FD_CLOEXEC set if O_CLOEXEC was given.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if flags&O_CLOEXEC
 *
 * side-effect: filesystem
 *   target: parent directory, new inode
 *   condition: O_CREAT is given and the file does not exist
 *   desc: A regular file is created with the requested mode; the parent's
 *     modification and change times are updated.  It stays after close.
 *   reversible: no
 *   kapi-effect: file:created=filename,mode if flags&O_CREAT
 *   kapi-effect-case: filename=path:new, flags=O_CREAT | O_WRONLY, mode=0640
 *
 * side-effect: filesystem | resource_create
 *   target: unnamed inode in the named directory's filesystem
 *   condition: O_TMPFILE is given
 *   desc: An unnamed regular file is created; it is freed on last close unless
 *     linked into the namespace with linkat().
 *   reversible: yes
 *   kapi-effect: fd:unlinked=ret if flags&__O_TMPFILE
 *   kapi-effect-case: filename=path:dir, flags=O_TMPFILE | O_RDWR, mode=0600
 *   kapi-fs: fuse=EOPNOTSUPP the kernel sends O_TMPFILE to the FUSE server as
 *     FUSE_TMPFILE, which bindfs does not implement: ENOSYS becomes EOPNOTSUPP;
 *     overlay=EOPNOTSUPP 6.1's overlayfs has no tmpfile operation, so O_TMPFILE
 *     there gives EOPNOTSUPP (6.18's creates the file in the upper layer)
 *
 * side-effect: filesystem | irreversible
 *   target: file contents
 *   condition: O_TRUNC on an existing regular file opened with write permission
 *   desc: The file is truncated to length 0; its data is lost.
 *   reversible: no
 *   kapi-effect: file:truncated=filename if flags&O_TRUNC
 *   kapi-effect-case: filename=path:file, flags=O_TRUNC | O_WRONLY
 *
 * state-trans: descriptor table slot
 *   object: file descriptor table
 *   from: lowest free slot empty
 *   to: slot refers to the new open file description
 *   desc: The slot is reserved before the path is resolved and released again
 *     if the open fails.
 *   kapi-effect: fd:new=ret
 *
 * state-trans: file existence
 *   object: directory entry for filename
 *   from: absent
 *   to: regular file of the requested mode
 *   condition: O_CREAT and the file did not exist
 *   desc: Creation and open are atomic with O_EXCL.
 *   kapi-effect: file:created=filename,mode if flags&O_CREAT
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: using O_NOATIME on a file the caller does not own
 *   without: O_NOATIME on another user's file fails with EPERM
 *   condition: O_NOATIME is given and the caller's fsuid differs from the owner
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: opening and creating regardless of permission bits and ACLs
 *   without: the open fails with EACCES when the mode bits deny access
 *   condition: permission bits or ACLs deny the requested access
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: read access to files and search access to directories
 *   without: EACCES when read or search permission is missing
 *   condition: read or search permission is missing
 *   priority: 1
 *
 * capability: CAP_SYS_ADMIN
 *   type: increase_limit
 *   allows: opening files beyond the system-wide fs.file-max limit
 *   without: the open fails with ENFILE
 *   condition: the number of open files has reached fs.file-max
 *   priority: 0
 *
 * constraint: mode only applies to creation
 *   desc: mode is used when O_CREAT or O_TMPFILE creates a file and must then
 *     hold the wanted permission bits; in every other case the kernel zeroes it
 *     and any value is accepted.
 *
 * constraint: O_CREAT excludes O_DIRECTORY
 *   desc: Unless O_PATH is given, O_CREAT together with O_DIRECTORY (and hence
 *     with O_TMPFILE) is rejected with EINVAL.
 *   expr: (flags & O_PATH) || (flags & (O_CREAT | O_DIRECTORY)) != (O_CREAT | O_DIRECTORY)
 *
 * constraint: O_TMPFILE needs O_DIRECTORY
 *   desc: Unless O_PATH is given, __O_TMPFILE without O_DIRECTORY is rejected
 *     with EINVAL (O_TMPFILE includes O_DIRECTORY).
 *   expr: (flags & O_PATH) || !(flags & __O_TMPFILE) || (flags & O_DIRECTORY)
 *
 * constraint: O_TMPFILE needs write access
 *   desc: Unless O_PATH is given, O_TMPFILE with O_RDONLY access is rejected
 *     with EINVAL.
 *   expr: (flags & O_PATH) || !(flags & __O_TMPFILE) || (flags & O_ACCMODE) != O_RDONLY
 *
 * constraint: descriptor limit
 *   desc: The returned descriptor is below the caller's RLIMIT_NOFILE.
 *   expr: fd < rlimit(RLIMIT_NOFILE)
 *
 * kapi-not-returned: EXDEV only openat2's RESOLVE_BENEATH, RESOLVE_IN_ROOT and RESOLVE_NO_XDEV scope a
 *   walk, and openat passes none of them; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a
 *   kernel bug, not an outcome
 *
 * notes: Unknown flag bits are ignored for compatibility, so openat() cannot
 *   be used to probe for flag support; openat2() rejects them.  Since the
 *   directory is named by a descriptor, a program can resolve names below a
 *   directory that has been renamed or whose path is no longer reachable, and
 *   threads can use different starting directories without chdir().  With O_CREAT and
 *   O_EXCL a final symbolic link is never followed.  Opening neither updates the
 *   access time nor checks O_DIRECT alignment.  A FIFO opened without
 *   O_NONBLOCK blocks until the other end is opened.
 */
SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
}

/**
 * sys_openat2 - open or create a file, with strict flag checking and path resolution controls
 * @dfd: directory a relative filename is resolved from, or AT_FDCWD
 * @filename: path of the file, relative to dfd if not absolute
 * @how: struct open_how holding the open flags, the creation mode and RESOLVE_* flags
 * @usize: size of the structure how points to, as the caller knows it
 *
 * long-desc: openat() with its arguments in an extensible structure (Linux
 *   5.6).  The structure is copied in with copy_struct_from_user(): a caller
 *   built against an older, shorter struct open_how gets the missing fields
 *   zeroed, and a caller built against a newer, longer one is accepted as long
 *   as every byte past the kernel's structure is zero.  Unlike the older open
 *   calls every field is checked: unknown open flags, unknown resolve flags,
 *   and a mode given without O_CREAT or O_TMPFILE are rejected with EINVAL.
 *   The resolve field restricts how the path is walked: no mount crossings, no
 *   symbolic or magic links, no escape from dfd, dfd as the root, or only the
 *   dentry cache.  The rest (creation, permission checks, the file's open
 *   method, the lowest free descriptor) is the path every open call shares
 *   (do_sys_openat2()).  O_LARGEFILE is added to the flags on 64-bit kernels
 *   unless O_PATH is given.  The raw syscall returns the new descriptor or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD, or an open descriptor of a directory (O_PATH ones
 *     included).  Looked at when filename is relative and not empty, and
 *     always with RESOLVE_IN_ROOT (also for an absolute filename); a number
 *     that is not open then gives EBADF, anything but a directory ENOTDIR.
 *     With RESOLVE_BENEATH or RESOLVE_IN_ROOT it is also the boundary of the
 *     walk.
 *   desc: Starting point, and with the scoping flags the limit, of the lookup.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes including the terminator; each component at most the
 *     filesystem's name limit (usually NAME_MAX).  The empty string is
 *     rejected with ENOENT.
 *   desc: Path of the file to open or create.
 *
 * param: how
 *   kapi-semantic: ptr:open_how
 *   type: user_ptr, input
 *   constraint-type: buffer(usize)
 *   constraint: usize readable bytes holding struct open_how: __u64 flags,
 *     __u64 mode and __u64 resolve, 24 bytes in 6.1.  flags may hold only
 *     bits of VALID_OPEN_FLAGS (the O_* flags open() knows; O_CLOEXEC
 *     included); with O_PATH only O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC may
 *     join it.  mode must be 0 unless flags has O_CREAT or __O_TMPFILE, and
 *     may then hold only bits of S_IALLUGO (07777).  resolve may hold only
 *     RESOLVE_NO_XDEV (0x01), RESOLVE_NO_MAGICLINKS (0x02),
 *     RESOLVE_NO_SYMLINKS (0x04), RESOLVE_BENEATH (0x08), RESOLVE_IN_ROOT
 *     (0x10) and RESOLVE_CACHED (0x20), and not both RESOLVE_BENEATH and
 *     RESOLVE_IN_ROOT.  Bytes past the 24 the kernel knows must be zero.
 *   desc: What to open and how: the O_* flags, the permission bits of a new
 *     file and the RESOLVE_* restrictions on the walk.
 *
 * param: usize
 *   kapi-valid: 24
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: range(24, 4096)
 *   constraint: At least OPEN_HOW_SIZE_VER0 (24), else EINVAL; at most
 *     PAGE_SIZE, else E2BIG.  A value above 24 is accepted when the bytes
 *     past the kernel's structure are zero and gives E2BIG otherwise.
 *   desc: sizeof(struct open_how) as the caller was built with it.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The lowest-numbered descriptor not open in the process, or a
 *     negative errno.
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if how.flags&O_CLOEXEC
 *   kapi-effect-case: usize=4096; how.flags=O_CLOEXEC; how.resolve=RESOLVE_BENEATH; how.resolve=RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS | RESOLVE_NO_XDEV; how.flags=O_PATH | O_NOFOLLOW, filename=path:symlink
 *
 * error: E2BIG, usize is larger than a page, or the bytes past the kernel's structure are not all zero
 *   kapi-cond: usize=4097; how.tail=1, usize=32
 *   desc: A structure from a newer program that asks for something this
 *     kernel does not know is refused rather than half-honoured; one larger
 *     than PAGE_SIZE is refused before anything is read.
 *
 * error: EACCES, permission denied on the file, a path directory or the parent
 *   kapi-cond: filename=path:noperm, caps=none
 *   desc: As for openat(): a directory of the path lacks search permission;
 *     the file refuses the asked access (O_TRUNC counts as write); the parent
 *     of a file to create is not writable; a device node lies on a nodev
 *     mount; fs.protected_fifos or fs.protected_regular refused O_CREAT in a
 *     sticky directory; or a security module denied the open.
 *
 * error: EAGAIN, RESOLVE_CACHED could not be honoured, or O_NONBLOCK met a conflicting lease
 *   kapi-cond: how.resolve=RESOLVE_CACHED, how.flags=O_CREAT | O_WRONLY, filename=path:new; how.resolve=RESOLVE_CACHED, how.flags=O_TRUNC | O_WRONLY; filename=path:leased, how.flags=O_WRONLY | O_NONBLOCK
 *   desc: RESOLVE_CACHED is refused outright with O_CREAT, O_TRUNC or
 *     __O_TMPFILE, and otherwise fails when a component is not in the dentry
 *     cache or the walk would have to sleep (the caller may retry without
 *     the flag).  With RESOLVE_BENEATH or RESOLVE_IN_ROOT, a rename or mount
 *     anywhere during a ".." step means the walk cannot be sure it stayed
 *     below dfd (handle_dots), and the caller may retry.  Breaking a lease
 *     with O_NONBLOCK gives EWOULDBLOCK, the same value.
 *
 * error: EBADF, dfd is needed and is neither AT_FDCWD nor an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1; dfd=-1, filename=path:rofs-new, how.resolve=RESOLVE_IN_ROOT
 *   desc: dfd is looked up for a relative, non-empty filename, and with
 *     RESOLVE_IN_ROOT for an absolute one too.
 *
 * error: EBUSY, a block device already claimed was opened with O_EXCL, or a terminal is exclusive
 *   kapi-cond: filename=path:pty-exclusive
 *   desc: With O_EXCL, a block device that is mounted or opened exclusively
 *     by someone else; with any flags, a terminal in exclusive mode
 *     (TIOCEXCL) when the caller lacks CAP_SYS_ADMIN in the initial user
 *     namespace.
 *
 * error: EDQUOT, O_CREAT must create the file and the user's quota is exhausted
 *   kapi-cond: filename=path:quota-new, how.flags=O_CREAT | O_WRONLY; filename=path:fuse-create-fails, how.flags=O_CREAT | O_WRONLY
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: The kernel's quota code refused the new inode or block, or a
 *     filesystem that keeps quotas itself (FUSE, network filesystems)
 *     answered the create request with EDQUOT.
 *
 * error: EEXIST, O_CREAT and O_EXCL were given and filename already exists
 *   kapi-cond: filename=path:file, how.flags=O_CREAT | O_EXCL
 *   desc: A final symbolic link counts as existing, dangling or not.
 *
 * error: EFAULT, filename or how points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null; how=ptr:unmapped; how=ptr:null
 *   desc: Copying the structure (before anything else but the size checks)
 *     or the path from user memory failed.
 *
 * error: EINTR, a signal with a handler interrupted a blocking open
 *   kapi-cond: filename=path:fifo, sig.ALRM=interrupt
 *   desc: The open slept (a FIFO waiting for its other end, a lease being
 *     broken, a device open method) and a signal arrived; -ERESTARTSYS
 *     becomes EINTR unless the handler has SA_RESTART.
 *
 * error: EINVAL, usize too small, an unknown or conflicting flag, or a mode that does not belong
 *   kapi-cond: usize=23; usize=0; how.flags=0x100000000; how.flags=O_PATH | O_RDWR; how.flags=O_CREAT | O_DIRECTORY; how.flags=O_TMPFILE; how.mode=0600; how.flags=O_CREAT | O_WRONLY, how.mode=0x10000, filename=path:new; how.resolve=0x40; how.resolve=RESOLVE_BENEATH | RESOLVE_IN_ROOT
 *   desc: usize below 24; a flags bit outside VALID_OPEN_FLAGS (the upper 32
 *     bits included); a flag other than O_DIRECTORY, O_NOFOLLOW and
 *     O_CLOEXEC with O_PATH; O_CREAT with O_DIRECTORY; __O_TMPFILE without
 *     O_DIRECTORY or without write access; a nonzero mode without O_CREAT or
 *     __O_TMPFILE, or mode bits outside S_IALLUGO; an unknown resolve bit;
 *     RESOLVE_BENEATH together with RESOLVE_IN_ROOT; O_DIRECT on a file whose
 *     filesystem cannot do direct I/O; or a name the filesystem rejects.
 *
 * error: EIO, the filesystem failed to read what the open needs
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: A lookup or the open method met an I/O error: an unreadable inode
 *     or directory block, or a FUSE or network server that answered the open
 *     with EIO.
 *
 * error: EISDIR, filename is a directory and write access or creation was asked
 *   kapi-cond: filename=path:dir, how.flags=O_WRONLY
 *   desc: O_WRONLY, O_RDWR or O_TRUNC on a directory; or O_CREAT on an existing
 *     directory or on a path ending in a slash.
 *
 * error: ELOOP, too many links, a final link with O_NOFOLLOW, or a link RESOLVE_* forbids
 *   kapi-cond: filename=path:symlink, how.flags=O_NOFOLLOW; filename=path:symlink, how.resolve=RESOLVE_NO_SYMLINKS; filename=path:sealed, how.resolve=RESOLVE_NO_MAGICLINKS
 *   desc: More than 40 links were followed; the last component is a symbolic
 *     link and O_NOFOLLOW was given without O_PATH; RESOLVE_NO_SYMLINKS met a
 *     symbolic link the walk would follow (a final link that O_NOFOLLOW
 *     leaves unfollowed is no error); or RESOLVE_NO_MAGICLINKS (or
 *     RESOLVE_NO_SYMLINKS) met a /proc magic link such as /proc/self/fd/N.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table is full up to the soft RLIMIT_NOFILE limit (or
 *     fs.nr_open, whichever is lower).
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENFILE, the system-wide limit on open files (fs.file-max) was reached
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Only callers without CAP_SYS_ADMIN are held to this limit.
 *
 * error: ENODEV, the device or filesystem open method reported no such device
 *   kapi-unprovokable: needs a device node without a driver; a user namespace cannot make device nodes and the sandbox's /dev has only null, zero, full and the random devices
 *   desc: A driver's open method may fail this way.
 *
 * error: ENOENT, a path component or the file itself does not exist
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *   desc: A directory of the path is missing or a dangling symbolic link;
 *     the file is missing and O_CREAT was not given; or filename is empty.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The path buffer, the file structure or lookup structures could
 *     not be allocated, or a FIFO's buffer exceeds the per-user pipe limit of
 *     an unprivileged caller.  The file structure is charged to the caller's
 *     memory cgroup.
 *
 * error: ENOSPC, the file must be created and its filesystem has no room for it
 *   kapi-cond: filename=path:nospace-new, how.flags=O_CREAT | O_WRONLY
 *   desc: No free inode or no space for the new directory entry.
 *
 * error: ENOTDIR, dfd or a path component is not a directory, or O_DIRECTORY on a non-directory
 *   kapi-cond: filename=path:file, how.flags=O_DIRECTORY; filename=path:notdir; dfd=fd:file
 *   desc: dfd is needed and refers to something other than a directory; a
 *     component used as a directory is a file; or O_DIRECTORY was given and
 *     filename does not name a directory.
 *
 * error: ENXIO, no reader on a FIFO, no device behind a device node, or a socket
 *   kapi-cond: filename=path:fifo, how.flags=O_WRONLY | O_NONBLOCK; filename=path:socket
 *   desc: O_WRONLY | O_NONBLOCK on a FIFO that nobody has open for reading;
 *     a device node with no driver or device; or a UNIX domain socket.
 *
 * error: EOPNOTSUPP, O_TMPFILE was given and the filesystem does not support it
 *   kapi-cond: filename=path:notmpfile-dir, how.flags=O_TMPFILE | O_RDWR
 *   desc: The directory's filesystem cannot create unnamed files.
 *
 * error: EOVERFLOW, a regular file too large for the caller is opened without O_LARGEFILE
 *   kapi-unprovokable: on x86-64 openat2() adds O_LARGEFILE to every open but an O_PATH one, which never checks the size, so no file is too large for the caller
 *   desc: Only on 32-bit kernels, where O_LARGEFILE is not forced.
 *
 * error: EPERM, O_NOATIME by a non-owner, or append-only, immutable or sealed file
 *   kapi-cond: filename=path:sealed, how.flags=O_RDWR | O_TRUNC
 *   desc: O_NOATIME by a caller that neither owns the file nor has
 *     CAP_FOWNER; write access to an append-only file without O_APPEND or
 *     with O_TRUNC; write access to an immutable file; O_TRUNC against a
 *     memfd seal; or a fanotify listener said no.
 *
 * error: EROFS, write access, truncation or creation on a read-only filesystem
 *   kapi-cond: filename=path:rofs-new, how.flags=O_CREAT | O_WRONLY
 *   desc: The file, or the directory that would receive it, is on a read-only
 *     mount or filesystem.
 *
 * error: ESTALE, the filesystem reported the file handle of the file stale
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: A network filesystem's server no longer knows the object, or a FUSE
 *     server answered the open with ESTALE, on the walk and on the second
 *     walk with every cached name checked again (LOOKUP_REVAL).
 *
 * error: ETXTBSY, write access to a file that is executing or being read by the kernel
 *   kapi-cond: filename=path:exec-running, how.flags=O_WRONLY
 *   desc: A running executable, a file the kernel is loading, or (with
 *     O_TRUNC) an active swap file.
 *
 * error: EXDEV, the walk would leave dfd's tree or cross a mount the resolve flags forbid
 *   kapi-cond: filename=path:rofs-new, how.resolve=RESOLVE_BENEATH; filename=path:rofs-file, how.resolve=RESOLVE_NO_XDEV; filename=path:sealed, how.resolve=RESOLVE_NO_XDEV
 *   desc: RESOLVE_BENEATH met an absolute path, an absolute symbolic link or
 *     a ".." above dfd; RESOLVE_NO_XDEV met a mount point, a bind mount or a
 *     magic link into another mount (an absolute filename itself is allowed
 *     as the start), including a ".." that leaves a mount.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while a free descriptor slot is found and reserved (and again if
 *     the reserved slot must be released after a failed open).
 *
 * lock: inode->i_rwsem of the parent directory
 *   type: rwlock
 *   scope: internal
 *   desc: Taken exclusively around the lookup and creation of the last
 *     component when O_CREAT is given, shared for a plain lookup that misses
 *     the dentry cache.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the open sleeps interruptibly,
 *     and the handler lacks SA_RESTART
 *   desc: The open fails with EINTR; no descriptor is installed.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: After the handler runs the open is restarted.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * side-effect: resource_create | alloc_memory
 *   target: descriptor table slot, struct file
 *   desc: A new open file description is bound to the lowest free
 *     descriptor, with FD_CLOEXEC when flags has O_CLOEXEC.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if how.flags&O_CLOEXEC
 *
 * side-effect: filesystem
 *   target: parent directory, new inode
 *   condition: O_CREAT is given and the file does not exist
 *   desc: A regular file is created with mode less the umask (or the
 *     parent's default ACL); it stays after close.
 *   reversible: no
 *   kapi-effect: file:created=filename if how.flags&O_CREAT
 *   kapi-effect-case: filename=path:new, how.flags=O_CREAT | O_WRONLY, how.mode=0640; filename=path:new, how.flags=O_CREAT | O_EXCL | O_RDWR, how.mode=0600
 *
 * side-effect: filesystem | resource_create
 *   target: unnamed inode in the named directory's filesystem
 *   condition: O_TMPFILE is given
 *   desc: An unnamed regular file is created; it is freed on last close unless
 *     linked into the namespace with linkat().
 *   reversible: yes
 *   kapi-effect: fd:unlinked=ret if how.flags&__O_TMPFILE
 *   kapi-effect-case: filename=path:dir, how.flags=O_TMPFILE | O_RDWR, how.mode=0600
 *   kapi-fs: fuse=EOPNOTSUPP bindfs does not implement FUSE_TMPFILE, and the kernel turns its ENOSYS into EOPNOTSUPP;
 *     overlay=EOPNOTSUPP 6.1's overlayfs has no tmpfile operation (6.18's creates the file in the upper layer)
 *
 * side-effect: filesystem | irreversible
 *   target: file contents
 *   condition: O_TRUNC on an existing regular file opened with write permission
 *   desc: The file is truncated to length 0.
 *   reversible: no
 *   kapi-effect: file:truncated=filename if how.flags&O_TRUNC
 *   kapi-effect-case: filename=path:file, how.flags=O_TRUNC | O_WRONLY
 *
 * state-trans: descriptor table slot
 *   object: file descriptor table
 *   from: lowest free slot empty
 *   to: slot refers to the new open file description
 *   desc: Reserved after the structure and path are copied in, released if
 *     the open fails.
 *   kapi-effect: fd:new=ret
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: using O_NOATIME on a file the caller does not own
 *   without: O_NOATIME on another user's file fails with EPERM
 *   condition: O_NOATIME is given and the caller's fsuid differs from the owner
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: opening and creating regardless of permission bits and ACLs
 *   without: the open fails with EACCES when the mode bits deny access
 *   condition: permission bits or ACLs deny the requested access
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: read access to files and search access to directories
 *   without: EACCES when read or search permission is missing
 *   condition: read or search permission is missing
 *   priority: 1
 *
 * capability: CAP_SYS_ADMIN
 *   type: increase_limit
 *   allows: opening files beyond the system-wide fs.file-max limit
 *   without: the open fails with ENFILE
 *   condition: the number of open files has reached fs.file-max
 *   priority: 0
 *
 * constraint: structure size
 *   desc: usize lies between OPEN_HOW_SIZE_VER0 and PAGE_SIZE.
 *   expr: usize >= 24 && usize <= 4096
 *
 * constraint: mode only with creation
 *   desc: A nonzero mode is refused unless O_CREAT or __O_TMPFILE is given.
 *   expr: how->mode == 0 || (how->flags & (O_CREAT | __O_TMPFILE))
 *
 * constraint: one scope
 *   desc: RESOLVE_BENEATH and RESOLVE_IN_ROOT exclude each other.
 *   expr: (how->resolve & (RESOLVE_BENEATH | RESOLVE_IN_ROOT)) != (RESOLVE_BENEATH | RESOLVE_IN_ROOT)
 *
 * constraint: descriptor limit
 *   desc: The returned descriptor is below the caller's RLIMIT_NOFILE.
 *   expr: fd < rlimit(RLIMIT_NOFILE)
 *
 * kapi-not-returned: ENOTRECOVERABLE a WARN_ON in set_root when a walk scoped by
 *   RESOLVE_BENEATH or RESOLVE_IN_ROOT would jump to the real root: a kernel bug, not an outcome
 *
 * notes: Because unknown bits fail, openat2() can probe which flags a kernel
 *   supports, and a program can tell an old kernel by ENOSYS.  The man page
 *   says E2BIG for an over-long structure; the kernel also returns it for any
 *   usize above PAGE_SIZE, zero tail or not.  RESOLVE_IN_ROOT makes absolute
 *   paths and absolute symbolic links start at dfd and clamps ".." there, as
 *   a chroot would, without changing the caller's root.
 */
SYSCALL_DEFINE4(openat2, int, dfd, const char __user *, filename,
		struct open_how __user *, how, size_t, usize)
{
}

/**
 * sys_creat - create a file, or truncate an existing one, and open it for writing
 * @pathname: path of the file, relative to the current working directory if not absolute
 * @mode: permission bits for the file if it is created
 *
 * long-desc: open() with flags fixed to O_CREAT | O_WRONLY | O_TRUNC (and
 *   O_LARGEFILE on 64-bit kernels), from the current working directory:
 *   a missing file is created with mode less the umask, an existing regular
 *   file is opened for writing and cut to length 0, and the new descriptor is
 *   the lowest free one.  Every other outcome is open()'s for those flags: a
 *   final symbolic link is followed (a dangling one makes its target), O_TRUNC
 *   means nothing for a FIFO, a terminal or another device, and no close-on-exec
 *   flag can be asked for.  Kept for old programs; not on every architecture
 *   (alpha has none).  The raw syscall returns the new descriptor or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes including the terminator; each component at most the
 *     filesystem's name limit.  Every directory of the path must exist; the
 *     last component need not: a missing name is no invalid value here but
 *     the file to create, so the generic invalid-path cases do not apply (the
 *     error conditions below give the others).  The empty string gives
 *     ENOENT.
 *   desc: The file to create or truncate.
 *
 * param: mode
 *   kapi-test: no-invalid, no-valid-bits
 *   type: uint, input
 *   constraint-type: mask(S_IALLUGO)
 *   constraint: Bits outside S_IALLUGO are dropped.  Used only when the
 *     file is created; an existing file keeps its mode whatever the value.
 *   desc: Permission bits of a new file, before the umask (or the parent's
 *     default ACL) is applied.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The lowest-numbered descriptor not open in the process, open
 *     write-only, or a negative errno.
 *   kapi-effect: fd:new=ret
 *
 * error: EACCES, permission denied on the file, a path directory or the parent
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: Search permission is missing on a directory of the path; an
 *     existing file does not allow writing; the parent of a file to create
 *     is not writable; a device node lies on a nodev mount; fs.protected_fifos
 *     or fs.protected_regular refused an existing FIFO or file in a sticky
 *     directory; or a security module denied the open.
 *
 * error: EAGAIN, a terminal being closed for the last time was opened again
 *   kapi-unprovokable: tty_reopen() returns it only while another process's last close of the terminal is in progress, a window of a few instructions no case can hit on purpose
 *   desc: The terminal has no open count left but is not yet released.  A
 *     lease does not give EAGAIN here: without O_NONBLOCK, which creat()
 *     cannot pass, the open waits for the lease to be broken.
 *
 * error: EBUSY, the file is a terminal in exclusive mode
 *   kapi-cond: pathname=path:pty-exclusive
 *   desc: TIOCEXCL was set on the terminal and the caller lacks CAP_SYS_ADMIN
 *     in the initial user namespace.  creat() passes no O_EXCL, so a block
 *     device claimed by someone else does not give EBUSY.
 *
 * error: EDQUOT, the file must be created and the user's quota is exhausted
 *   kapi-cond: pathname=path:quota-new; pathname=path:fuse-create-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: The kernel's quota code refused the new inode or its blocks, or a
 *     filesystem that keeps quotas itself (FUSE, network filesystems)
 *     answered the create request with EDQUOT.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; pathname=ptr:null
 *   desc: Copying the path from user memory failed.
 *
 * error: EINTR, a signal with a handler interrupted a blocking open
 *   kapi-cond: pathname=path:fifo, sig.ALRM=interrupt; pathname=path:leased, sig.ALRM=interrupt
 *   desc: The open slept (a FIFO waiting for a reader, a lease being broken,
 *     a device open method) and a signal arrived; -ERESTARTSYS becomes EINTR
 *     unless the handler has SA_RESTART.
 *
 * error: EINVAL, the filesystem refuses the name of the file to create
 *   kapi-cond: pathname=path:fuse-create-fails
 *   desc: The flags creat() passes are always valid, so this comes from the
 *     filesystem: characters vfat does not allow, or a FUSE or network
 *     server that answered the create request with EINVAL.
 *
 * error: EIO, the filesystem failed to read or create what the open needs
 *   kapi-cond: pathname=path:fuse-open-fails
 *   desc: An inode or directory block could not be read, or a FUSE or
 *     network server answered the open of an existing file with EIO.
 *
 * error: EISDIR, pathname names a directory
 *   kapi-cond: pathname=path:dir
 *   desc: Also a path that ends in a slash.
 *
 * error: ELOOP, too many symbolic links were followed
 *   kapi-cond: pathname=path:loop
 *   desc: More than 40 links, the final one included.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table is full up to the soft RLIMIT_NOFILE limit (or
 *     fs.nr_open, whichever is lower).
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:name-toolong; pathname=path:toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENFILE, the system-wide limit on open files (fs.file-max) was reached
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Only callers without CAP_SYS_ADMIN are held to this limit.
 *
 * error: ENODEV, the device or filesystem open method reported no such device
 *   kapi-unprovokable: needs a device node without a driver; a user namespace cannot make device nodes and the sandbox's /dev has only null, zero, full and the random devices
 *   desc: A driver's open method may fail this way.
 *
 * error: ENOENT, a directory of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing-parent; pathname=path:empty
 *   desc: A missing or dangling final component is not an error (the file,
 *     or the link's target, is created), but a missing directory on the way
 *     is.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The path buffer, the file structure or lookup structures could
 *     not be allocated, or a FIFO's buffer exceeds the per-user pipe limit.
 *     The file structure is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, the file must be created and its filesystem has no room for it
 *   kapi-cond: pathname=path:nospace-new
 *   desc: No free inode or no space for the new directory entry.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A component before the last is a regular file or another
 *     non-directory.
 *
 * error: ENXIO, pathname names a UNIX domain socket, or a device node with no device
 *   kapi-cond: pathname=path:socket
 *   desc: Sockets cannot be opened through the filesystem; a character or
 *     block device node whose driver or device is missing fails the same way.
 *     A FIFO without a reader does not: without O_NONBLOCK the open waits.
 *
 * error: EPERM, the file is append-only, immutable or sealed, or fanotify refused
 *   kapi-cond: pathname=path:sealed; pathname=path:immutable
 *   desc: An append-only file cannot be opened for writing without O_APPEND,
 *     nor an immutable one at all; a memfd sealed against shrinking refuses
 *     the truncation; or a fanotify listener denied the open.
 *
 * error: EROFS, the file or its directory is on a read-only filesystem
 *   kapi-cond: pathname=path:rofs-new; pathname=path:rofs-file
 *   desc: Creating a file, or writing to an existing one, there.
 *
 * error: ESTALE, the filesystem reported the file handle of the file stale
 *   kapi-cond: pathname=path:fuse-open-fails
 *   desc: A network filesystem's server no longer knows the object, or a FUSE
 *     server answered the open with ESTALE, on the walk and on the second
 *     walk with every cached name checked again (LOOKUP_REVAL).
 *
 * error: ETXTBSY, the file is a running executable or is being read by the kernel
 *   kapi-cond: pathname=path:exec-running
 *   desc: Write access is refused while the file is executed, loaded as a
 *     module or firmware, or used as an active swap file.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while a free descriptor slot is found and reserved (and again if
 *     the reserved slot must be released after a failed open).
 *
 * lock: inode->i_rwsem of the parent directory
 *   type: rwlock
 *   scope: internal
 *   desc: Taken exclusively around the lookup and creation of the last
 *     component.
 *
 * lock: inode->i_rwsem of the file
 *   type: rwlock
 *   scope: internal
 *   desc: Taken exclusively while an existing regular file is truncated.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the open sleeps interruptibly,
 *     and the handler lacks SA_RESTART
 *   desc: The call fails with EINTR; no descriptor is installed.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: After the handler runs the call is restarted.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * side-effect: resource_create | alloc_memory
 *   target: descriptor table slot, struct file
 *   desc: A write-only open file description is bound to the lowest free
 *     descriptor, without FD_CLOEXEC.
 *   reversible: yes
 *   kapi-effect: fd:new=ret
 *
 * side-effect: filesystem
 *   target: parent directory, new inode
 *   condition: the file does not exist
 *   desc: A regular file is created with mode less the umask; the parent's
 *     modification and change times are updated.
 *   reversible: no
 *   kapi-effect: file:created=pathname,mode if pathname=path:new
 *   kapi-effect-case: pathname=path:new, mode=0640
 *
 * side-effect: filesystem | irreversible
 *   target: file contents
 *   condition: the file exists and is a regular file
 *   desc: The file is cut to length 0; its data is lost.  Its mode and owner
 *     are not changed.
 *   reversible: no
 *   kapi-effect: file:truncated=pathname if pathname=path:file
 *   kapi-effect-case: pathname=path:file
 *
 * state-trans: file existence
 *   object: directory entry for pathname
 *   from: absent
 *   to: empty regular file of the requested mode
 *   condition: the file did not exist
 *   desc: Not exclusive: two callers may both succeed, and the second
 *     truncates what the first wrote.
 *   kapi-effect: file:created=pathname,mode if pathname=path:new
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: creating and truncating regardless of permission bits and ACLs
 *   without: EACCES when the mode bits deny write access
 *   condition: permission bits or ACLs deny write access to the file or its directory
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: search access to the directories of the path
 *   without: EACCES when search permission is missing
 *   condition: search permission is missing on a directory of the path
 *   priority: 1
 *
 * capability: CAP_SYS_ADMIN
 *   type: increase_limit
 *   allows: opening files beyond fs.file-max, and opening a terminal in exclusive mode
 *   without: ENFILE at the limit, EBUSY for an exclusive terminal
 *   condition: the number of open files has reached fs.file-max, or the terminal has TIOCEXCL set
 *   priority: 0
 *
 * constraint: descriptor limit
 *   desc: The returned descriptor is below the caller's RLIMIT_NOFILE.
 *   expr: fd < rlimit(RLIMIT_NOFILE)
 *
 * kapi-not-returned: EBADF creat walks from AT_FDCWD (do_sys_open), never from a descriptor;
 *   EXDEV only openat2's RESOLVE_BENEATH, RESOLVE_IN_ROOT and RESOLVE_NO_XDEV scope a walk;
 *   ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EEXIST do_open returns
 *   it only for O_EXCL, which creat never passes; EOPNOTSUPP vfs_tmpfile returns it and creat never
 *   passes __O_TMPFILE; EOVERFLOW generic_file_open refuses a large file only without O_LARGEFILE,
 *   which creat adds on every 64-bit kernel (force_o_largefile), the compat entry included
 *
 * notes: creat(path, mode) is open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
 *   new code should call open() or openat(), which can add O_CLOEXEC or
 *   O_EXCL.  Since the file is opened write-only, it cannot be read through
 *   the returned descriptor.  The man page ties EBUSY to O_EXCL on a block
 *   device, which creat() cannot pass; the EBUSY it can return comes from a
 *   terminal in exclusive mode (tty_reopen), which the man page does not
 *   list.
 */
SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
}

/**
 * sys_close - release a file descriptor
 * @fd: descriptor to close
 *
 * long-desc: Removes fd from the caller's descriptor table, calls the file's
 *   flush method, drops the process's POSIX record locks on the file and
 *   releases the descriptor's reference to the open file description.  When it
 *   was the last reference the file is released on return to user space.  The
 *   slot is freed before anything can fail, so the descriptor is closed even
 *   when an error is returned.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor of the caller.  Values at or above
 *     the size of the descriptor table, and unused slots, give EBADF.
 *   desc: The descriptor to close.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 on success, a negative errno otherwise; fd is closed either way
 *     unless the error is EBADF.
 *
 * error: EBADF, fd is not an open descriptor of the caller
 *   kapi-cond: fd=fd:closed; fd=-1
 *   desc: The only error that leaves the descriptor table unchanged.
 *
 * error: EINTR, a signal interrupted the file's flush method
 *   kapi-cond: fd=fd:fuse-flush-waits, sig.ALRM=interrupt
 *   kapi-nonatomic: the descriptor is freed before the flush method runs
 *   desc: The flush method of a filesystem that waits for a server (NFS,
 *     FUSE) returned EINTR or a restart code after a signal; close turns a
 *     restart code into EINTR, because the descriptor is already gone and
 *     the call cannot be restarted.  FUSE tells its server of the signal
 *     (FUSE_INTERRUPT) and returns the server's answer to FLUSH, EINTR,
 *     unchanged.
 *
 * error: EIO, the flush method reported an I/O error
 *   kapi-cond: fd=fd:fuse-flush-fails
 *   kapi-nonatomic: the descriptor is freed before the flush method runs
 *   desc: Close returns what the file's flush method returns: a network
 *     filesystem failing to write back cached data, a write-back error
 *     recorded earlier on the file's mapping, or a FUSE server's answer to
 *     FLUSH (passed on unchanged; only ENOSYS is turned into success, and
 *     ends FLUSH requests on that connection).
 *
 * error: ENOSPC, the flush method found no space for previously written data
 *   kapi-cond: fd=fd:fuse-flush-fails
 *   kapi-nonatomic: the descriptor is freed before the flush method runs
 *   desc: The flush of a filesystem that writes back at close (NFS, FUSE)
 *     reports it: delayed write-back finds no space only now, not at write
 *     time.
 *
 * error: EDQUOT, the flush method found the quota exhausted for previously written data
 *   kapi-cond: fd=fd:fuse-flush-fails
 *   kapi-nonatomic: the descriptor is freed before the flush method runs
 *   desc: As for ENOSPC: the flush of a filesystem that writes back at close
 *     (NFS, FUSE) may see the quota failure first.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while the file is taken out of the descriptor table slot and
 *     the slot is marked free.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal interrupts a flush method that sleeps
 *     interruptibly
 *   desc: close() returns EINTR even with SA_RESTART; the descriptor is
 *     already closed and must not be closed again.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: resource_destroy
 *   target: descriptor table slot
 *   desc: The slot becomes free and may be reused at once, by another thread
 *     too.
 *   reversible: no
 *   kapi-effect: fd:closed=fd
 *
 * side-effect: free_memory | resource_destroy
 *   target: struct file and its resources
 *   condition: fd held the last reference to the open file description
 *   desc: The file's release method runs (deferred to the return to user
 *     space), which may free buffers, end a FIFO or socket connection, or
 *     delete an unlinked file.
 *   reversible: no
 *   kapi-unobservable: what a release method frees is private to the file's
 *     kind; the case's fixture is a regular file, whose release leaves nothing
 *     a caller can look at
 *
 * side-effect: modify_state | irreversible
 *   target: POSIX record locks of the process on the file
 *   desc: All fcntl() record locks the process holds on the underlying file
 *     are released, including ones taken through other descriptors.
 *   reversible: no
 *   kapi-unobservable: no fixture holds a record lock, and seeing one go takes
 *     a second process asking with F_GETLK
 *
 * side-effect: filesystem
 *   target: cached data of the file
 *   condition: the file has a flush method (network and FUSE filesystems)
 *   desc: Flush may write back dirty data; its result becomes the return value.
 *   kapi-unobservable: the fixtures' filesystems (tmpfs and the --fs ones, FUSE
 *     through bindfs) write nothing back at close that a caller could see
 *
 * state-trans: descriptor table slot
 *   object: file descriptor table
 *   from: slot refers to an open file description
 *   to: slot free
 *   desc: Happens before flush, so it holds even when close() fails.
 *   kapi-effect: fd:closed=fd
 *
 * notes: Do not retry close() after an error other than EBADF: the number may
 *   already belong to a descriptor opened by another thread.  A successful
 *   close() does not mean data reached the disk; use fsync() for that.  Closing
 *   a descriptor that another thread is blocked on does not interrupt that
 *   thread's call.
 */
SYSCALL_DEFINE1(close, unsigned int, fd)
{
}
