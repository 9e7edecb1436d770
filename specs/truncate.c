// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the system calls that set a file's size or its allocated space:
// truncate and ftruncate (do_sys_truncate(), do_sys_ftruncate(), do_truncate() in fs/open.c) and
// fallocate (vfs_fallocate() in fs/open.c), Linux 6.1.

/**
 * sys_truncate - set the size of a file named by a path
 * @path: the file
 * @length: its new size in bytes
 *
 * long-desc: Makes the regular file at path exactly length bytes long.  A
 *   file that was longer loses its bytes past length; a shorter one grows,
 *   and the new bytes read as zeros (usually without disk space until they
 *   are written).  The path is followed through symlinks.  Before the size
 *   changes the caller must have write permission on the file, the mount
 *   must be writable, the file must not be append-only or immutable or
 *   being executed, and any lease on it is broken (which may wait for the
 *   lease holder).  Set-user-ID and set-group-ID bits and file capabilities
 *   are removed as by a write.  The file's modification and change times
 *   are updated when the size changes.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: path
 *   type: path, input
 *   constraint: A NUL-terminated path, relative to the current directory,
 *     of at most PATH_MAX bytes; its last component is followed if it is a
 *     symlink.  It must name a regular file.
 *   desc: The file whose size is set.
 *
 * param: length
 *   type: int, input
 *   kapi-valid: 100
 *   constraint-type: range(0, LLONG_MAX)
 *   kapi-test: no-boundary
 *   constraint: Non-negative; above the file's size it must stay within the
 *     caller's RLIMIT_FSIZE and the filesystem's largest file size.
 *   desc: The new size in bytes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the size is set, or a negative errno.
 *
 * error: EINVAL, length is negative or path is not a regular file
 *   kapi-cond: length=-1; path=path:fifo
 *   desc: A negative length is refused before the path is looked up; a
 *     FIFO, socket or device node cannot be given a size.
 *
 * error: EISDIR, path is a directory
 *   kapi-cond: path=path:dir
 *   desc: Checked before any permission.
 *
 * error: ENOENT, a component of path does not exist, or path is empty
 *   kapi-cond: path=path:missing; path=path:empty; path=path:dangling
 *   desc: Including a final symlink whose target does not exist.
 *
 * error: ENOTDIR, a directory component of path is not a directory
 *   kapi-cond: path=path:notdir
 *
 * error: ENAMETOOLONG, path or one of its components is too long
 *   kapi-cond: path=path:toolong; path=path:name-toolong
 *
 * error: ELOOP, too many symbolic links were met while resolving path
 *   kapi-cond: path=path:loop
 *
 * error: EFAULT, path points outside the caller's address space
 *   kapi-cond: path=ptr:unmapped
 *
 * error: EACCES, write permission on the file, or search permission on a directory of path, is denied
 *   kapi-cond: path=path:noperm, caps=none; path=path:nosearch, caps=none; uid=1000
 *   desc: inode_permission(MAY_WRITE) on the file, or the walk through a
 *     directory without search permission.  The fixture file has mode 0600
 *     and belongs to the case's root, so another user may not write it.
 *
 * error: EPERM, the file is append-only or immutable
 *   kapi-cond: path=path:append-only; path=path:immutable
 *   desc: An immutable file fails the write permission check itself; an
 *     append-only one is refused after it.  Not for appending-only
 *     descriptors: truncate has no descriptor.
 *
 * error: EROFS, the file is on a read-only filesystem or mount
 *   kapi-cond: path=path:rofs-file
 *   desc: mnt_want_write() refused.
 *
 * error: ETXTBSY, the file is being executed
 *   kapi-cond: path=path:exec-running
 *   desc: get_write_access() fails while a process runs the file (its
 *     i_writecount is negative).  An active swap file gives it too, when it
 *     would shrink.
 *
 * error: EFBIG, length is beyond the caller's file size limit or the filesystem's largest file
 *   kapi-cond: length=8192, rlimit.FSIZE=4096, sig.XFSZ=ignore
 *   desc: Only when the file grows: inode_newsize_ok() compares length with
 *     RLIMIT_FSIZE, sending SIGXFSZ, and with the superblock's s_maxbytes.
 *     The manual page says EINVAL for a length larger than the maximum file
 *     size; the kernel gives EFBIG.
 *
 * error: EINTR, a signal arrived while the call waited for a lease to be broken
 *   kapi-cond: path=path:leased, sig.ALRM=interrupt
 *   desc: break_lease() asks the lease holder to give the lease up and waits
 *     for it (or for lease-break-time); a signal with a handler ends the wait.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: path=path:missing, memcg=full
 *   desc: The path buffer or a dentry for a name not in the cache could not
 *     be allocated (the dentry is charged to the caller's memory cgroup).
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-unprovokable: the walk's complete_walk() gets it from d_weak_revalidate(), which only network filesystems (NFS) have; conform's FUSE server can fail GETATTR, but truncate's walk and its write permission check (without default_permissions) ask no attributes, and the server answers SETATTR with ENOSYS
 *   desc: A network filesystem's server no longer knows the file, on the
 *     walk and again on a second walk with every cached name revalidated
 *     (LOOKUP_REVAL).
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Held for writing while notify_change() sets the size.
 *
 * side-effect: modify_state | filesystem
 *   target: the file's size, data and times
 *   desc: The size becomes length; bytes past it are freed, bytes added read
 *     as zeros; the modification and change times are updated.
 *   reversible: no
 *   kapi-effect: file:size=path,length
 *   kapi-effect-case: length=0; length=8192
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode; EOPNOTSUPP notify_change gives it for a mode change of a symlink, and truncate
 *   changes the mode (dropping set-user-ID bits) of regular files only; EOVERFLOW notify_change gives
 *   it for an owner change, which truncate never asks for
 *
 * notes: The manual page gives EINVAL for a length beyond the largest file
 *   size; 6.1 gives EFBIG (inode_newsize_ok()).  It does not mention EINTR,
 *   which a lease break can give.  The filesystem's setattr method adds its
 *   own errors (EIO of a failing device, ENOSPC or EDQUOT where shrinking
 *   needs a journal or quota change, a FUSE server's answer to SETATTR),
 *   which are not listed here.
 */
SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
}

/**
 * sys_ftruncate - set the size of an open file
 * @fd: descriptor of the file, open for writing
 * @length: its new size in bytes
 *
 * long-desc: Makes the regular file behind fd exactly length bytes long,
 *   as truncate does for a path.  The descriptor must be open for writing
 *   (and not an O_PATH descriptor); no write permission on the file is
 *   checked again, except that a caller who does not own the file must be
 *   allowed to write it for its times to be set.  The file offset does not
 *   move.  On x86-64 every descriptor is a large-file one, so a length
 *   above 2 GiB is no error.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor, opened for writing, of a regular file.
 *   desc: The file whose size is set.
 *
 * param: length
 *   type: int, input
 *   kapi-valid: 100
 *   constraint-type: range(0, LLONG_MAX)
 *   kapi-test: no-boundary
 *   constraint: Non-negative; above the file's size it must stay within
 *     RLIMIT_FSIZE and the filesystem's largest file size.
 *   desc: The new size in bytes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the size is set, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:closed; fd=fd:opath
 *   desc: O_PATH descriptors are not looked at.
 *
 * error: EINVAL, length is negative, or fd is not a regular file open for writing
 *   kapi-cond: length=-1; fd=fd:rdonly; fd=fd:pipe; fd=fd:dir
 *   desc: A descriptor opened read-only gives EINVAL here, not EBADF as the
 *     manual page has it for a descriptor "not open for writing"; so does a
 *     pipe, a socket or a directory.
 *
 * error: EPERM, the file is append-only
 *   kapi-cond: fd=fd:append-only
 *   desc: IS_APPEND() of the open inode (the upper one under overlayfs);
 *     an immutable file cannot be open for writing at all.
 *
 * error: EFBIG, length is beyond the caller's file size limit or the filesystem's largest file
 *   kapi-cond: length=8192, rlimit.FSIZE=4096, sig.XFSZ=ignore
 *   desc: Only when the file grows (inode_newsize_ok()); SIGXFSZ is sent
 *     for RLIMIT_FSIZE.
 *
 * error: ETXTBSY, the file is an active swap file and would shrink
 *   kapi-unprovokable: a swap file is made active by swapon(), which needs CAP_SYS_ADMIN in the initial user namespace
 *   desc: inode_newsize_ok() refuses to shrink a file the kernel swaps to.
 *     A file being executed cannot be open for writing, so that cause of
 *     truncate's ETXTBSY does not arise here.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Held for writing while notify_change() sets the size.
 *
 * side-effect: modify_state | filesystem
 *   target: the file's size, data and times
 *   desc: The size becomes length; bytes past it are freed, bytes added read
 *     as zeros.  The file offset stays where it was, even past the new end.
 *   reversible: no
 *   kapi-effect: fd:size=fd,length
 *   kapi-effect-case: length=0; length=8192
 *
 * kapi-not-returned: EOPNOTSUPP notify_change gives it for a mode change of a symlink, and ftruncate
 *   works on regular files only; EOVERFLOW notify_change gives it for an owner change, which ftruncate
 *   never asks for; EACCES,EROFS may_setattr asks for write permission (inode_permission, whose
 *   sb_permission gives EROFS) only under ATTR_TOUCH, which utimes with no times sets and ftruncate
 *   does not (a caller that does not own the file but holds it open for writing may truncate it, seen
 *   on 6.18 as uid 1000)
 *
 * notes: The manual page says EBADF or EINVAL for a descriptor not open
 *   for writing; 6.1 gives EINVAL.  EACCES for a caller that is not the
 *   owner is not in the manual page.  The filesystem's setattr method adds
 *   its own errors (EIO of a failing device, a FUSE server's answer to
 *   SETATTR), which are not listed here.
 */
SYSCALL_DEFINE2(ftruncate, unsigned int, fd, off_t, length)
{
}

/**
 * sys_fallocate - allocate, free or shift the space of an open file
 * @fd: descriptor of the file, open for writing
 * @mode: what to do with the range
 * @offset: start of the range in bytes
 * @len: length of the range in bytes
 *
 * long-desc: With mode 0, makes sure the disk space for the bytes from
 *   offset to offset + len is allocated, growing the file when the range
 *   ends past its end (the new bytes read as zeros).  FALLOC_FL_KEEP_SIZE
 *   allocates without changing the size.  FALLOC_FL_PUNCH_HOLE (only with
 *   FALLOC_FL_KEEP_SIZE) frees the range, which then reads as zeros;
 *   FALLOC_FL_ZERO_RANGE zeroes it; FALLOC_FL_COLLAPSE_RANGE removes it and
 *   shifts the rest of the file down; FALLOC_FL_INSERT_RANGE inserts a hole
 *   and shifts the rest up; FALLOC_FL_UNSHARE_RANGE makes shared extents
 *   private.  vfs_fallocate() checks the mode, the descriptor and the file
 *   type, then calls the filesystem's fallocate method, which decides which
 *   modes it supports (EOPNOTSUPP otherwise) and its own alignment rules.
 *   The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor, opened for writing, of a regular file
 *     or a block device.
 *   desc: The file.
 *
 * param: mode
 *   type: int, input
 *   constraint-type: mask(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE)
 *   kapi-test: no-invalid, no-valid-bits
 *   constraint: 0 or one operation: FALLOC_FL_PUNCH_HOLE needs
 *     FALLOC_FL_KEEP_SIZE and excludes FALLOC_FL_ZERO_RANGE,
 *     FALLOC_FL_COLLAPSE_RANGE and FALLOC_FL_INSERT_RANGE stand alone,
 *     FALLOC_FL_UNSHARE_RANGE goes with FALLOC_FL_KEEP_SIZE only.  A bit
 *     outside the mask (FALLOC_FL_NO_HIDE_STALE included) gives EOPNOTSUPP,
 *     not EINVAL, so bits are not tested one by one here: the errors'
 *     conditions cover them, and whether a filesystem supports a mode is
 *     its own (tmpfs: 0, FALLOC_FL_KEEP_SIZE and FALLOC_FL_PUNCH_HOLE only).
 *   desc: The operation.
 *
 * param: offset
 *   type: int, input
 *   constraint-type: range(0, LLONG_MAX)
 *   kapi-test: no-boundary
 *   constraint: Non-negative; offset + len must not pass the filesystem's
 *     largest file size (nor wrap around).
 *   desc: Start of the range.
 *
 * param: len
 *   type: int, input
 *   kapi-valid: 8192
 *   constraint-type: range(1, LLONG_MAX)
 *   kapi-test: no-boundary
 *   constraint: Positive.
 *   desc: Length of the range.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the range is done, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor, or is not open for writing
 *   kapi-cond: fd=fd:closed; fd=fd:opath; fd=fd:rdonly
 *   desc: The write check comes after the mode checks: a read-only
 *     descriptor with a bad mode gives EINVAL or EOPNOTSUPP.
 *
 * error: EINVAL, offset is negative, len is not positive, or the mode combines operations that stand alone
 *   kapi-cond: offset=-1; len=0; len=-1
 *   desc: In 6.1 also FALLOC_FL_COLLAPSE_RANGE or FALLOC_FL_INSERT_RANGE
 *     with another bit, and FALLOC_FL_UNSHARE_RANGE with a bit other than
 *     FALLOC_FL_KEEP_SIZE (6.18 gives EOPNOTSUPP for these, so they are not
 *     tested).  Also from a filesystem for a range it cannot take
 *     (FALLOC_FL_COLLAPSE_RANGE or FALLOC_FL_INSERT_RANGE not aligned to its
 *     blocks, or reaching the end of the file).
 *
 * error: EOPNOTSUPP, the mode is unknown or invalid, or the filesystem does not support it
 *   kapi-cond: mode=0x100; mode=FALLOC_FL_NO_HIDE_STALE; mode=FALLOC_FL_PUNCH_HOLE; mode=FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE
 *   desc: A bit outside FALLOC_FL_SUPPORTED_MASK, FALLOC_FL_PUNCH_HOLE
 *     without FALLOC_FL_KEEP_SIZE or with FALLOC_FL_ZERO_RANGE; or the file's
 *     operations have no fallocate method, or the method does not support
 *     the mode (tmpfs supports no FALLOC_FL_ZERO_RANGE).
 *
 * error: EPERM, the file is append-only and the mode is more than FALLOC_FL_KEEP_SIZE, or the file is immutable
 *   kapi-cond: fd=fd:append-only, mode=FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE
 *   desc: An append-only file may only be given space (mode 0 or
 *     FALLOC_FL_KEEP_SIZE), not have its data freed, zeroed or shifted.  An
 *     immutable file cannot be open for writing, so its EPERM needs a
 *     descriptor opened before the attribute was set.
 *
 * error: ESPIPE, fd is a pipe or FIFO
 *   kapi-cond: fd=fd:fifo; fd=fd:pipe-write
 *
 * error: ENODEV, fd is neither a regular file nor a block device, nor a pipe or directory
 *   kapi-cond: fd=fd:eventfd; fd=fd:udp; fd=fd:pty
 *   desc: A socket, a character device or an anonymous inode.
 *
 * error: EFBIG, offset + len passes the largest file size, or the caller's file size limit
 *   kapi-cond: offset=0x7ffffffffffff000; len=8192, rlimit.FSIZE=4096, sig.XFSZ=ignore
 *   desc: vfs_fallocate() compares offset + len, and a sum that wraps below
 *     zero, with s_maxbytes; a filesystem that grows the file checks
 *     RLIMIT_FSIZE (inode_newsize_ok(), SIGXFSZ sent).
 *
 * error: ENOSPC, the filesystem has no room for the range
 *   kapi-cond: fd=fd:fs-full
 *   desc: The allocation found no free blocks (tmpfs: no pages left under
 *     its size limit).
 *
 * error: ETXTBSY, the file is an active swap file
 *   kapi-unprovokable: a swap file is made active by swapon(), which needs CAP_SYS_ADMIN in the initial user namespace
 *   desc: No fallocate operation is allowed on it.
 *
 * error: EIO, the filesystem failed to do the operation
 *   kapi-cond: fd=fd:fuse-fallocate-fails
 *   desc: From the filesystem's fallocate method: a device error, or a FUSE
 *     server's answer to FALLOCATE, which the kernel passes on.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken by the filesystem's method while it changes the range.
 *
 * side-effect: modify_state | filesystem
 *   target: the file's allocated space and size
 *   desc: With mode 0 the file's size becomes offset + len when that is
 *     more; FALLOC_FL_KEEP_SIZE keeps it; the range's space is allocated.
 *   reversible: no
 *   kapi-effect: fd:size=fd,len if mode=0
 *   kapi-effect-case: mode=FALLOC_FL_KEEP_SIZE
 *
 * kapi-fs: fuse=EOPNOTSUPP the FUSE server kapi conform --fs mounts (bindfs) does not implement FALLOCATE, and the kernel answers a server's ENOSYS with EOPNOTSUPP from then on
 *
 * kapi-not-returned: EISDIR vfs_fallocate() checks FMODE_WRITE before the file type and no directory can be open for writing
 *
 * notes: The valid call (mode 0, offset 0, len 8192 on a 4096-byte file)
 *   grows the file to len bytes, which is what the effect claims.  The
 *   manual page's EINVAL for FALLOC_FL_PUNCH_HOLE without
 *   FALLOC_FL_KEEP_SIZE is EOPNOTSUPP in 6.1.  EISDIR, which it lists for a
 *   directory, cannot arise: a directory cannot be open for writing, and the
 *   write check comes first (EBADF).  A filesystem's method adds its own
 *   errors, not listed here: tmpfs gives ENOMEM when the pages of the range
 *   cannot be charged to the caller's memory cgroup and EINTR when a signal
 *   arrives between pages; ext4 and others EDQUOT, EIO.  In 6.1 tmpfs
 *   supports only modes 0, FALLOC_FL_KEEP_SIZE and FALLOC_FL_PUNCH_HOLE; ext4
 *   also zeroes, collapses and inserts ranges.
 */
SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
}
