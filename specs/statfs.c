// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the statfs system calls (fs/statfs.c, Linux 6.1).

/**
 * sys_statfs - report the usage and limits of the filesystem a path lies on
 * @pathname: path of any file on the filesystem, relative to the current working directory if not absolute
 * @buf: user buffer that receives a struct statfs
 *
 * long-desc: Resolves pathname from the current directory, following
 *   symbolic links and triggering an automount at the end of the path, and
 *   asks the filesystem the file lies on for its statistics: its type
 *   (f_type, a magic number such as TMPFS_MAGIC or EXT4_SUPER_MAGIC), block
 *   size, blocks in total, free and available to unprivileged users, inodes
 *   in total and free, its id, the longest name, the fragment size and the
 *   mount flags (ST_RDONLY, ST_NOSUID, ... with ST_VALID).  A filesystem
 *   fills what it knows; fields it does not know are zero (or -1 for the
 *   inode counts of some).  No permission on the file is needed, only
 *   search permission on the directories of the path.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  Any kind of file will do.
 *   desc: A file on the filesystem to describe.
 *
 * param: buf
 *   type: user_ptr, output
 *   size: sizeof(struct statfs)
 *   constraint: sizeof(struct statfs) (120 bytes on x86-64) of writable user
 *     memory.  The whole structure is written, the spare fields zeroed.
 *   desc: Receives the statistics.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the statistics are in buf, a negative errno otherwise.
 *   kapi-effect: mem:filled=buf,sizeof(struct statfs)
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller (and it has no CAP_DAC_READ_SEARCH), or a security module
 *     refused the lookup or the statfs.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path, the final component included,
 *     whose new mount would repeat the mount it lies on.
 *
 * error: EFAULT, pathname or buf points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; pathname=ptr:null; buf=ptr:unmapped; buf=ptr:readonly
 *   desc: Reading the path or writing the result faulted.  The filesystem is
 *     asked first, so a bad buf is only seen for a path that exists.
 *
 * error: EIO, the filesystem failed to produce its statistics
 *   kapi-cond: pathname=path:fuse-statfs-fails
 *   desc: A block of the path could not be read, or the filesystem's statfs
 *     method failed: a FUSE or network server that answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop
 *   desc: More than 40 links in the walk, the final one included.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:dangling; pathname=path:empty
 *   desc: Includes a final symbolic link to nothing.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on the path would add one more.
 *
 * error: ENOSYS, the filesystem has no statfs operation
 *   kapi-cond: pathname=path:fuse-statfs-fails
 *   desc: statfs_by_dentry() gives ENOSYS for a superblock without a statfs
 *     method, and a filesystem's method may say the same: a FUSE server that
 *     does not implement STATFS answers ENOSYS, which the kernel passes on.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-statfs-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered STATFS with ESTALE.  The lookup and the statfs are done
 *     once more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * side-effect: modify_state
 *   target: buf
 *   desc: The struct statfs is written in full; the filesystem is not
 *     changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=buf,sizeof(struct statfs)
 *   kapi-effect-case: pathname=path:dir; pathname=path:symlink; pathname=path:fifo; pathname=path:rofs-file
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EOVERFLOW do_statfs_native checks field widths only when struct statfs and
 *   struct kstatfs differ in size, and on x86-64 they are the same, so the result is copied whole;
 *   EINVAL do_add_mount refuses an automounted mount whose root is a symbolic link, and the
 *   automount methods (autofs, NFS, AFS, CIFS) mount directories; EPERM inode_permission gives it
 *   only for MAY_WRITE, and the walk asks for MAY_EXEC; EROFS sb_permission gives it only for
 *   MAY_WRITE; EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only
 *   openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF the walk starts at AT_FDCWD, never at a descriptor
 *
 * notes: f_type differs per filesystem (TMPFS_MAGIC, EXT4_SUPER_MAGIC,
 *   XFS_SUPER_MAGIC, BTRFS_SUPER_MAGIC, OVERLAYFS_SUPER_MAGIC,
 *   FUSE_SUPER_MAGIC), and so does what the counts mean: tmpfs without a
 *   size limit reports its share of memory, btrfs estimates free space.  The
 *   man page lists EINTR; the generic code has none, only a filesystem's
 *   statfs method could return it.  The generic ENOSYS needs a superblock
 *   without a statfs method; the pseudo filesystems made with init_pseudo()
 *   (anonymous inodes), pipefs and sockfs all have simple_statfs().  The man
 *   page has no ESTALE.
 *   statfs64() is the 32-bit variant with a size argument; x86-64 has this
 *   call only.
 */
SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
}

/**
 * sys_fstatfs - report the usage and limits of the filesystem an open file lies on
 * @fd: open descriptor of any file on the filesystem
 * @buf: user buffer that receives a struct statfs
 *
 * long-desc: Asks the filesystem that fd's file lies on for its statistics
 *   (type, block size and counts, inode counts, id, name length, fragment
 *   size, mount flags) and copies them into the caller's struct statfs.  Any
 *   descriptor will do, O_PATH ones included; a pipe or a socket reports
 *   the kernel's internal filesystem it lives on.  No permission is
 *   checked.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor of the caller, O_PATH descriptors
 *     included (fdget_raw).
 *   desc: A file on the filesystem to describe.
 *
 * param: buf
 *   type: user_ptr, output
 *   size: sizeof(struct statfs)
 *   constraint: sizeof(struct statfs) (120 bytes on x86-64) of writable user
 *     memory.  The whole structure is written, the spare fields zeroed.
 *   desc: Receives the statistics.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the statistics are in buf, a negative errno otherwise.
 *   kapi-effect: mem:filled=buf,sizeof(struct statfs)
 *
 * error: EBADF, fd is not an open descriptor of the caller
 *   kapi-cond: fd=fd:closed; fd=-1
 *   desc: O_PATH descriptors are accepted, so only a closed or out-of-range
 *     number fails.
 *
 * error: EFAULT, buf points outside the caller's accessible address space
 *   kapi-cond: buf=ptr:unmapped; buf=ptr:readonly; buf=ptr:null
 *   desc: Writing the result faulted.
 *
 * error: EIO, the filesystem failed to produce its statistics
 *   kapi-cond: fd=fd:fuse-statfs-fails
 *   desc: The filesystem's statfs method failed: a FUSE or network server
 *     that answered with EIO.
 *
 * error: ENOSYS, the filesystem has no statfs operation
 *   kapi-cond: fd=fd:fuse-statfs-fails
 *   desc: statfs_by_dentry() gives ENOSYS for a superblock without a statfs
 *     method; a FUSE server that does not implement STATFS answers ENOSYS,
 *     which the kernel passes on.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-statfs-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered STATFS with ESTALE.  There is no path to walk again, so
 *     the error is returned at once.  Not in the man page.
 *
 * side-effect: modify_state
 *   target: buf
 *   desc: The struct statfs is written in full; the filesystem is not
 *     changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=buf,sizeof(struct statfs)
 *   kapi-effect-case: fd=fd:opath; fd=fd:dir; fd=fd:pipe; fd=fd:udp; fd=fd:eventfd; fd=fd:epoll
 *
 * kapi-not-returned: EOVERFLOW do_statfs_native checks field widths only when struct statfs and
 *   struct kstatfs differ in size, and on x86-64 they are the same, so the result is copied whole
 *
 * notes: Pipes report PIPEFS_MAGIC, sockets SOCKFS_MAGIC, eventfd and epoll
 *   descriptors ANON_INODE_FS_MAGIC; these pseudo filesystems all have a
 *   statfs method (simple_statfs), so they never give ENOSYS.  The man page lists EINTR; the generic code has
 *   none.  fstatfs64() is the 32-bit variant.
 */
SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
}
