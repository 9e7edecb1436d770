// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the stat family of system calls (fs/stat.c, Linux 6.1).

/**
 * sys_newfstatat - report the attributes of a file named relative to a directory descriptor
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @filename: path of the file; empty with AT_EMPTY_PATH to describe dfd itself
 * @statbuf: user buffer that receives a struct stat
 * @flag: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT and the AT_STATX_* sync bits
 *
 * long-desc: Resolves filename from dfd (from the current directory when dfd
 *   is AT_FDCWD, ignored when filename is absolute), asks the filesystem for
 *   the basic attributes (type and mode, owner, link count, size, blocks,
 *   device numbers, inode number, the three timestamps) and copies them into
 *   the caller's struct stat.  No permission on the file itself is needed,
 *   only search permission on the directories of the path.  x86-64's stat()
 *   and lstat() are the same operation from AT_FDCWD; fstatat() in the C
 *   library calls this syscall.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor (O_PATH descriptors are
 *     accepted).  Used only when filename is relative; then it must be a
 *     directory, unless filename is empty under AT_EMPTY_PATH, where any
 *     descriptor names the file to report.
 *   desc: Starting point of the lookup.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string is an error (ENOENT) unless AT_EMPTY_PATH is given.
 *   desc: Path of the file whose attributes are wanted.
 *
 * param: statbuf
 *   type: user_ptr, output
 *   size: sizeof(struct stat)
 *   constraint: sizeof(struct stat) (144 bytes on x86-64) of writable user
 *     memory.  The whole structure is written, padding included (zeroed).
 *   desc: Receives the attributes.
 *
 * param: flag
 *   type: int, input
 *   constraint-type: mask(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
 *     AT_STATX_SYNC_TYPE)
 *   constraint: Any other bit gives EINVAL.  AT_NO_AUTOMOUNT is implied: the
 *     call never triggers an automount of the final component.  The
 *     AT_STATX_FORCE_SYNC and AT_STATX_DONT_SYNC bits are accepted (the mask
 *     check is shared with statx) and passed to the filesystem; unlike
 *     statx(), setting both is not rejected.
 *   desc: Lookup flags.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attributes are in statbuf, a negative errno otherwise.
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for the
 *     caller (and it has no CAP_DAC_READ_SEARCH), or a security module refused
 *     the lookup or the getattr.  The file's own mode does not matter.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Also when filename is empty under AT_EMPTY_PATH and dfd is not
 *     open.  Not checked for an absolute filename.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path (not the final component, which stat never
 *     automounts) is an automount point whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename or statbuf points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null; statbuf=ptr:unmapped; statbuf=ptr:readonly
 *   desc: Reading the path or writing the result faulted.  The lookup
 *     happens first, so a bad statbuf is only seen for a file that exists.
 *
 * error: EINVAL, flag has a bit outside the accepted set
 *   kapi-cond: flag=0x1; flag=AT_REMOVEDIR
 *   desc: Checked before the lookup.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: An inode or directory block could not be read during the lookup,
 *     or the filesystem's getattr failed: a FUSE or network server that
 *     answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop
 *   desc: More than 40 links in the walk.  With AT_SYMLINK_NOFOLLOW a final
 *     symbolic link is reported itself and gives no ELOOP.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *   desc: Includes a dangling symbolic link that is followed, and an empty
 *     filename without AT_EMPTY_PATH.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: filename=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated.  Looking up a
 *     name the dentry cache does not hold allocates a dentry, charged to the
 *     caller's memory cgroup: in a full cgroup the lookup fails with ENOMEM
 *     before the name is found missing.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: filename=path:notdir; dfd=fd:file
 *   desc: A non-final component is a regular file, or filename is relative
 *     and non-empty and dfd refers to something other than a directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered the getattr with ESTALE.  The lookup and getattr are
 *     done once more with every cached name revalidated (LOOKUP_REVAL) before
 *     the error is returned.
 *
 * side-effect: modify_state
 *   target: statbuf
 *   desc: The struct stat is written in full; nothing else changes (the
 *     access time is not updated).
 *   reversible: yes
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *   kapi-effect-case: filename=path:empty, flag=AT_EMPTY_PATH, dfd=fd:file; filename=path:symlink, flag=AT_SYMLINK_NOFOLLOW; filename=path:dir; dfd=fd:dir
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EOVERFLOW cp_new_stat fails only when a field of struct stat is narrower than
 *   the kernel's value, and x86-64's st_dev, st_ino, st_nlink and st_size are 64 bits wide (the size
 *   check is for BITS_PER_LONG == 32 only); EPERM inode_permission gives it only for MAY_WRITE, and
 *   the walk asks for MAY_EXEC; EROFS sb_permission gives it only for MAY_WRITE; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags
 *   scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there
 *
 * notes: Unlike the man page's list, the kernel accepts the AT_STATX_* sync
 *   bits here and does not reject both together.  Following a final symbolic
 *   link is the default.  Timestamps have only second and nanosecond fields;
 *   the birth time needs statx().
 */
SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
}

/**
 * sys_newstat - report the attributes of a file named by a path, following a final symbolic link
 * @filename: path of the file, relative to the current working directory if not absolute
 * @statbuf: user buffer that receives a struct stat
 *
 * long-desc: The x86-64 stat() (syscall 4, entry point sys_newstat): newfstatat()
 *   from AT_FDCWD with no flags.  Resolves filename, following symbolic
 *   links including a final one, asks the filesystem for the basic
 *   attributes and copies them into the caller's struct stat.  Only search
 *   permission on the directories of the path is needed.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file whose attributes are wanted.
 *
 * param: statbuf
 *   type: user_ptr, output
 *   size: sizeof(struct stat)
 *   constraint: sizeof(struct stat) (144 bytes on x86-64) of writable user
 *     memory.  The whole structure is written, padding included (zeroed).
 *   desc: Receives the attributes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attributes are in statbuf, a negative errno otherwise.
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for the
 *     caller, or a security module refused the lookup or the getattr.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, filename or statbuf points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null; statbuf=ptr:unmapped; statbuf=ptr:readonly
 *   desc: Reading the path or writing the result faulted; the result is only
 *     written for a file that was found.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: An inode or directory block could not be read, or the filesystem's
 *     getattr failed (a FUSE or network server answered with EIO).
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop
 *   desc: More than 40 links, the final one included.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *   desc: Includes a final symbolic link to nothing.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: filename=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: filename=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered the getattr with ESTALE, on the walk and again on the
 *     second walk with every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: statbuf
 *   desc: The struct stat is written in full; the file is not changed (the
 *     access time is not updated).
 *   reversible: yes
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *   kapi-effect-case: filename=path:symlink; filename=path:dir; filename=path:fifo
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EOVERFLOW cp_new_stat fails only when a field of struct stat is narrower than
 *   the kernel's value, and x86-64's st_dev, st_ino, st_nlink and st_size are 64 bits wide; EPERM
 *   inode_permission gives it only for MAY_WRITE, and the walk asks for MAY_EXEC; EROFS
 *   sb_permission gives it only for MAY_WRITE; EAGAIN path_init returns it for LOOKUP_CACHED, which
 *   only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON
 *   in set_root for a scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells
 *   __traverse_mounts to stop and is turned into 0 there; EBADF the walk starts at AT_FDCWD, never
 *   at a descriptor; EINVAL vfs_statx rejects unknown flags, and stat passes none
 *
 * notes: The C library's stat() on x86-64 may call newfstatat() instead; the
 *   result is the same.  The old 32-bit struct __old_kernel_stat syscall is
 *   not built on x86-64.
 */
SYSCALL_DEFINE2(newstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
}
/**
 * sys_newlstat - report the attributes of a file named by a path, not following a final symbolic link
 * @filename: path of the file, relative to the current working directory if not absolute
 * @statbuf: user buffer that receives a struct stat
 *
 * long-desc: The x86-64 lstat() (syscall 6, entry point sys_newlstat):
 *   newfstatat() from AT_FDCWD with AT_SYMLINK_NOFOLLOW.  Resolves filename,
 *   following symbolic links in the directories of the path but not a final
 *   one, which is reported itself; asks the filesystem for the basic
 *   attributes and copies them into the caller's struct stat.  Only search
 *   permission on the directories of the path is needed.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  A final symbolic link that loops is a
 *     valid argument (the link is reported), so the generic invalid-path
 *     cases do not apply; the error conditions below provoke each error.
 *   desc: Path of the file whose attributes are wanted.
 *
 * param: statbuf
 *   type: user_ptr, output
 *   size: sizeof(struct stat)
 *   constraint: sizeof(struct stat) (144 bytes on x86-64) of writable user
 *     memory.  The whole structure is written, padding included (zeroed).
 *   desc: Receives the attributes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attributes are in statbuf, a negative errno otherwise.
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for the
 *     caller, or a security module refused the lookup or the getattr.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, filename or statbuf points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null; statbuf=ptr:unmapped; statbuf=ptr:readonly
 *   desc: Reading the path or writing the result faulted; the result is only
 *     written for a file that was found.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: An inode or directory block could not be read, or the filesystem's
 *     getattr failed (a FUSE or network server answered with EIO).
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed: one that loops is reported itself.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing; filename=path:empty
 *   desc: A final symbolic link to nothing is not an error: lstat reports
 *     the link.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: filename=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: filename=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered the getattr with ESTALE, on the walk and again on the
 *     second walk with every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: statbuf
 *   desc: The struct stat is written in full; the file is not changed (the
 *     access time is not updated).
 *   reversible: yes
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *   kapi-effect-case: filename=path:symlink; filename=path:dangling; filename=path:loop; filename=path:dir
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EOVERFLOW cp_new_stat fails only when a field of struct stat is narrower than
 *   the kernel's value, and x86-64's st_dev, st_ino, st_nlink and st_size are 64 bits wide; EPERM
 *   inode_permission gives it only for MAY_WRITE, and the walk asks for MAY_EXEC; EROFS
 *   sb_permission gives it only for MAY_WRITE; EAGAIN path_init returns it for LOOKUP_CACHED, which
 *   only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON
 *   in set_root for a scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells
 *   __traverse_mounts to stop and is turned into 0 there; EBADF the walk starts at AT_FDCWD, never
 *   at a descriptor; EINVAL vfs_statx rejects unknown flags, and stat passes none
 *
 * notes: The C library's lstat() on x86-64 may call newfstatat() with
 *   AT_SYMLINK_NOFOLLOW instead; the result is the same.  For a symbolic link
 *   st_size is the length of its target.  The old 32-bit struct __old_kernel_stat syscall is
 *   not built on x86-64.
 */
SYSCALL_DEFINE2(newlstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
}

/**
 * sys_newfstat - report the attributes of the file behind a descriptor
 * @fd: open descriptor of the file
 * @statbuf: user buffer that receives a struct stat
 *
 * long-desc: The x86-64 fstat() (syscall 5, entry point sys_newfstat).  Asks
 *   the filesystem of the file fd refers to for its basic attributes and
 *   copies them into the caller's struct stat.  Any descriptor will do: one
 *   opened with O_PATH, a directory, a pipe, a socket (pipes and sockets
 *   report their inode on the kernel's internal filesystems).  No path is
 *   resolved and no permission is checked.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor of the caller, O_PATH descriptors
 *     included.
 *   desc: The file to describe.
 *
 * param: statbuf
 *   type: user_ptr, output
 *   size: sizeof(struct stat)
 *   constraint: sizeof(struct stat) (144 bytes on x86-64) of writable user
 *     memory.  The whole structure is written, padding included (zeroed).
 *   desc: Receives the attributes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attributes are in statbuf, a negative errno otherwise.
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *
 * error: EBADF, fd is not an open descriptor of the caller
 *   kapi-cond: fd=fd:closed; fd=-1
 *   desc: O_PATH descriptors are accepted (fdget_raw), so only a closed or
 *     out-of-range number fails.
 *
 * error: EFAULT, statbuf points outside the caller's accessible address space
 *   kapi-cond: statbuf=ptr:unmapped; statbuf=ptr:readonly; statbuf=ptr:null
 *   desc: Writing the result faulted.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: fd=fd:fuse-getattr-fails
 *   desc: The filesystem's getattr method failed: a FUSE or network server
 *     that answered with EIO, or an inode that could not be read again.
 *     Filesystems that keep the attributes in memory (tmpfs, ext4) do not
 *     fail here.  Not in the man page.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-getattr-fails
 *   desc: A network filesystem's server no longer knows the open file, or a
 *     FUSE server answered the getattr with ESTALE.  There is no path to walk
 *     again, so the error is returned at once.  Not in the man page.
 *
 * side-effect: modify_state
 *   target: statbuf
 *   desc: The struct stat is written in full; the file is not changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
 *   kapi-effect-case: fd=fd:opath; fd=fd:dir; fd=fd:pipe; fd=fd:udp
 *
 * kapi-not-returned: EOVERFLOW cp_new_stat fails only when a field of struct stat is narrower than
 *   the kernel's value, and x86-64's st_dev, st_ino, st_nlink and st_size are 64 bits wide
 *
 * notes: fstat() never blocks on the descriptor's object (a FIFO or socket
 *   is not read).  For a file on a network or FUSE filesystem the attributes
 *   may be fetched from the server first, and that request may fail.
 */
SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
}

/**
 * sys_statx - report selected, extended attributes of a file into a struct statx
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @filename: path of the file; empty with AT_EMPTY_PATH to describe dfd itself
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT and one AT_STATX_* sync mode
 * @mask: STATX_* bits of the attributes the caller wants
 * @buffer: user buffer that receives a struct statx
 *
 * long-desc: Resolves filename from dfd like newfstatat(), asks the filesystem
 *   for the attributes named in mask (it may return more or fewer) and copies
 *   a struct statx to buffer.  stx_mask says which fields hold values; the
 *   birth time (STATX_BTIME), the mount id (STATX_MNT_ID, always given) and
 *   direct I/O alignment (STATX_DIOALIGN) are beyond what struct stat holds,
 *   and stx_attributes carries flags such as STATX_ATTR_MOUNT_ROOT.  The sync
 *   mode tells a network filesystem whether to ask its server
 *   (AT_STATX_FORCE_SYNC) or to answer from its cache (AT_STATX_DONT_SYNC).
 *   The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor (O_PATH accepted).  Used only
 *     for a relative filename; it must then be a directory, unless filename
 *     is empty under AT_EMPTY_PATH.
 *   desc: Starting point of the lookup, or the file itself.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT unless AT_EMPTY_PATH is given.
 *   desc: Path of the file whose attributes are wanted.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
 *     AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC)
 *   constraint: Any other bit gives EINVAL, and so do AT_STATX_FORCE_SYNC and
 *     AT_STATX_DONT_SYNC together (AT_STATX_SYNC_TYPE).  Without
 *     AT_NO_AUTOMOUNT an automount point at the end of the path is mounted.
 *   desc: Lookup and synchronisation flags.
 *
 * param: mask
 *   kapi-valid: STATX_BASIC_STATS
 *   type: uint, input
 *   constraint-type: mask(~STATX__RESERVED)
 *   constraint: Only STATX__RESERVED (bit 31) is rejected, with EINVAL.  Bits
 *     that mean nothing yet are accepted and ignored, so that programs built
 *     for newer kernels run; stx_mask tells what was filled.  STATX_DIOALIGN
 *     is answered for block devices and the filesystems that support it.
 *   desc: The attributes wanted.
 *
 * param: buffer
 *   type: user_ptr, output
 *   size: sizeof(struct statx)
 *   constraint: sizeof(struct statx) (256 bytes) of writable user memory.
 *     The whole structure is written: fields not filled and the spare ones
 *     are zero.
 *   desc: Receives the attributes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attributes are in buffer, a negative errno otherwise.
 *   kapi-effect: mem:filled=buffer,sizeof(struct statx)
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for the
 *     caller, or a security module refused the lookup or the getattr.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Also for an empty filename under AT_EMPTY_PATH.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path, the final component too unless
 *     AT_NO_AUTOMOUNT is given, whose new mount would repeat the mount it lies
 *     on.
 *
 * error: EFAULT, filename or buffer points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null; buffer=ptr:unmapped; buffer=ptr:readonly
 *   desc: Reading the path or writing the result faulted; the result is
 *     written only once the file was found.
 *
 * error: EINVAL, a flag outside the accepted set, both sync modes, or STATX__RESERVED in mask
 *   kapi-cond: flags=0x1; flags=AT_STATX_SYNC_TYPE; mask=STATX__RESERVED
 *   desc: Checked before the lookup.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: An inode or directory block could not be read, or the filesystem's
 *     getattr failed (a FUSE or network server answered with EIO).
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop
 *   desc: More than 40 links; with AT_SYMLINK_NOFOLLOW a final link is
 *     reported itself.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *   desc: Includes a followed dangling symbolic link and an empty filename
 *     without AT_EMPTY_PATH.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: filename=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: filename=path:notdir; dfd=fd:file
 *   desc: A non-final component is a regular file, or filename is relative
 *     and non-empty and dfd does not refer to a directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered the getattr with ESTALE, on the walk and on a second
 *     walk with every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: buffer
 *   desc: The struct statx is written in full; the file is not changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=buffer,sizeof(struct statx)
 *   kapi-effect-case: filename=path:empty, flags=AT_EMPTY_PATH, dfd=fd:file; filename=path:empty, flags=AT_EMPTY_PATH, dfd=fd:opath; filename=path:symlink, flags=AT_SYMLINK_NOFOLLOW; mask=0; mask=STATX_ALL | STATX_MNT_ID | STATX_DIOALIGN
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EPERM inode_permission gives it only for MAY_WRITE, and the walk asks for
 *   MAY_EXEC; EROFS sb_permission gives it only for MAY_WRITE; EAGAIN path_init returns it for
 *   LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope a walk;
 *   ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there
 *
 * notes: statx() has no EOVERFLOW: every field of struct statx is wide enough.
 *   A mask of 0 is valid and still fills what the filesystem always
 *   reports, and STATX_MNT_ID is set in stx_mask whatever was asked.
 */
SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
}

/**
 * sys_readlinkat - copy the target of a symbolic link, named relative to a directory descriptor, into a buffer
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @pathname: path of the symbolic link; empty to read the link dfd itself refers to
 * @buf: user buffer that receives the target text
 * @bufsiz: size of buf in bytes
 *
 * long-desc: Resolves pathname from dfd without following a final symbolic
 *   link, and copies the text the link holds into buf: at most bufsiz bytes,
 *   with no terminating NUL added.  A target longer than bufsiz is cut at
 *   bufsiz bytes without any error.  An empty pathname names the file dfd
 *   refers to (a descriptor opened with O_PATH | O_NOFOLLOW on the link);
 *   for AT_FDCWD that is the current directory, which is no link.  The
 *   caller needs search permission on the directories of the path only; the
 *   link's own mode is not looked at.  The link's access time is updated.
 *   The raw syscall returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor (O_PATH descriptors are
 *     accepted).  Used only when pathname is relative; it must then be a
 *     directory, unless pathname is empty, where dfd names the link itself.
 *   desc: Starting point of the lookup.
 *
 * param: pathname
 *   kapi-semantic: path:symlink
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The final component must be a symbolic link, which is not followed:
 *     a link that loops or points nowhere is a valid argument, so the
 *     generic invalid-path cases do not apply; the error conditions below
 *     provoke each error.
 *   desc: Path of the symbolic link to read.
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(3)
 *   constraint: bufsiz bytes of writable user memory.  Only the first bytes,
 *     as many as the return value says, are written.
 *   desc: Receives the link's target, not NUL-terminated.
 *
 * param: bufsiz
 *   kapi-valid: 64
 *   type: int, input
 *   constraint-type: range(1, INT_MAX)
 *   constraint: Must be positive: 0 or a negative value gives EINVAL before
 *     the path is looked at.  A value smaller than the target's length cuts
 *     the copy.
 *   desc: Size of buf in bytes.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 1, INT_MAX
 *   desc: The number of bytes copied to buf (the target's length, or bufsiz
 *     when the target is longer), or a negative errno.
 *   kapi-effect: mem:filled=buf,ret
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller (and it has no CAP_DAC_READ_SEARCH), or a security module
 *     refused the lookup or the reading of the link.
 *
 * error: EBADF, pathname is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Also for an empty pathname.  Not checked for an absolute pathname.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname or buf points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; pathname=ptr:null; buf=ptr:unmapped; buf=ptr:readonly
 *   desc: Reading the path or writing the target faulted; buf is only
 *     written once the link was found.
 *
 * error: EINVAL, bufsiz is not positive, or the file named is not a symbolic link
 *   kapi-cond: bufsiz=0; bufsiz=-1; pathname=path:file; pathname=path:dir
 *   desc: The bufsiz check comes first.  A final component that exists but
 *     is a regular file, a directory or anything else but a link (and not an
 *     AFS mount point, which can be read like one) gives EINVAL.
 *
 * error: EIO, the filesystem failed to read the link
 *   kapi-cond: pathname=path:fuse-readlink-fails
 *   desc: A block of the path or of the link could not be read, or the
 *     filesystem's get_link failed: a FUSE server that answered READLINK
 *     with EIO.
 *
 * error: ELOOP, too many symbolic links were followed in the directories of the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links on the way to the last component.  The final
 *     link is not followed, so one that loops is read like any other.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty and dfd is no link
 *   kapi-cond: pathname=path:missing; pathname=path:empty; pathname=path:empty, dfd=fd:opath
 *   desc: An empty pathname is looked up as dfd's own file (LOOKUP_EMPTY);
 *     when that is not a symbolic link the error is ENOENT, not EINVAL.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: pathname=path:notdir; dfd=fd:file
 *   desc: A non-final component is a regular file, or pathname is relative
 *     and non-empty and dfd refers to something other than a directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-readlink-fails
 *   desc: A network filesystem's server no longer knows the link, or a FUSE
 *     server answered READLINK with ESTALE.  The lookup and the read are done
 *     once more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * side-effect: modify_state
 *   target: buf
 *   desc: The first bytes of buf, as many as returned, hold the target; the
 *     rest of buf is left as it was.
 *   reversible: yes
 *   kapi-effect: mem:filled=buf,ret
 *   kapi-effect-case: bufsiz=4; bufsiz=1; pathname=path:dangling; pathname=path:loop
 *
 * side-effect: modify_state
 *   target: the link's access time
 *   desc: touch_atime() marks the link accessed, as the mount's atime rules
 *     (relatime, noatime) allow.
 *   reversible: no
 *   kapi-unobservable: conform's snapshot compares no timestamps, and under the default relatime the update is skipped once the access time is newer than the change time
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EPERM inode_permission gives it only for MAY_WRITE, and the walk asks for
 *   MAY_EXEC; EROFS sb_permission gives it only for MAY_WRITE; EAGAIN path_init returns it for
 *   LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope a walk;
 *   ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there
 *
 * notes: The man page gives EINVAL for a file that is not a link; for an
 *   empty pathname the kernel says ENOENT instead.  ESTALE is not in the man
 *   page.  The links of /proc/PID (cwd, exe, fd/N) have a readlink method of
 *   their own that prints the object's path.  The
 *   result is not NUL-terminated: callers that want a string must allow one
 *   byte more and add the NUL, and a return equal to bufsiz may mean the
 *   target was cut.
 */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
}

/**
 * sys_readlink - copy the target of a symbolic link into a buffer
 * @path: path of the symbolic link, relative to the current working directory if not absolute
 * @buf: user buffer that receives the target text
 * @bufsiz: size of buf in bytes
 *
 * long-desc: readlinkat() from AT_FDCWD.  Resolves path without following a
 *   final symbolic link and copies the text the link holds into buf: at most
 *   bufsiz bytes, with no terminating NUL.  A longer target is cut at bufsiz
 *   bytes without an error.  Only search permission on the directories of
 *   the path is needed.  The link's access time is updated.  The raw syscall
 *   returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: path
 *   kapi-semantic: path:symlink
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The final component must be a symbolic link, which is not followed (a
 *     looping or dangling link is read like any other), so the generic
 *     invalid-path cases do not apply; the error conditions below provoke
 *     each error.  The empty string gives ENOENT.
 *   desc: Path of the symbolic link to read.
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   constraint: bufsiz bytes of writable user memory.  Only the first bytes,
 *     as many as the return value says, are written.
 *   desc: Receives the link's target, not NUL-terminated.
 *
 * param: bufsiz
 *   kapi-valid: 64
 *   type: int, input
 *   constraint-type: range(1, INT_MAX)
 *   constraint: Must be positive: 0 or a negative value gives EINVAL before
 *     the path is looked at.  A value smaller than the target's length cuts
 *     the copy.
 *   desc: Size of buf in bytes.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 1, INT_MAX
 *   desc: The number of bytes copied to buf (the target's length, or bufsiz
 *     when the target is longer), or a negative errno.
 *   kapi-effect: mem:filled=buf,ret
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: path=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller, or a security module refused the lookup or the reading of
 *     the link.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, path or buf points outside the caller's accessible address space
 *   kapi-cond: path=ptr:unmapped; path=ptr:null; buf=ptr:unmapped; buf=ptr:readonly
 *   desc: Reading the path or writing the target faulted; buf is only
 *     written once the link was found.
 *
 * error: EINVAL, bufsiz is not positive, or the file named is not a symbolic link
 *   kapi-cond: bufsiz=0; bufsiz=-1; path=path:file; path=path:dir; path=path:fifo
 *   desc: The bufsiz check comes first.  A final component that exists but
 *     is not a link (nor an AFS mount point, which reads like one) gives
 *     EINVAL.
 *
 * error: EIO, the filesystem failed to read the link
 *   kapi-cond: path=path:fuse-readlink-fails
 *   desc: A block of the path or of the link could not be read, or the
 *     filesystem's get_link failed: a FUSE server that answered READLINK
 *     with EIO.
 *
 * error: ELOOP, too many symbolic links were followed in the directories of the path
 *   kapi-cond: path=path:loop-below
 *   desc: More than 40 links on the way to the last component; the final
 *     link itself is not followed.
 *
 * error: ENAMETOOLONG, path or one of its components is too long
 *   kapi-cond: path=path:toolong; path=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or path is empty
 *   kapi-cond: path=path:missing; path=path:empty
 *   desc: An empty path names the current directory (LOOKUP_EMPTY), which is
 *     no link: ENOENT, not EINVAL.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: path=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: path=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: path=path:fuse-readlink-fails
 *   desc: A network filesystem's server no longer knows the link, or a FUSE
 *     server answered READLINK with ESTALE, on the walk and again on a
 *     second walk with every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: buf
 *   desc: The first bytes of buf, as many as returned, hold the target; the
 *     rest of buf is left as it was.
 *   reversible: yes
 *   kapi-effect: mem:filled=buf,ret
 *   kapi-effect-case: bufsiz=4; path=path:dangling; path=path:loop
 *
 * side-effect: modify_state
 *   target: the link's access time
 *   desc: touch_atime() marks the link accessed, as the mount's atime rules
 *     (relatime, noatime) allow.
 *   reversible: no
 *   kapi-unobservable: conform's snapshot compares no timestamps, and under the default relatime the update is skipped once the access time is newer than the change time
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EPERM inode_permission gives it only for MAY_WRITE, and the walk asks for
 *   MAY_EXEC; EROFS sb_permission gives it only for MAY_WRITE; EAGAIN path_init returns it for
 *   LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope a walk;
 *   ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; EBADF
 *   the walk starts at AT_FDCWD, never at a descriptor
 *
 * notes: The man page gives EINVAL for a file that is not a link; for an
 *   empty path the kernel says ENOENT.  ESTALE is not in the man page.  The
 *   result is not NUL-terminated, and a return equal to bufsiz may mean the
 *   target was cut.
 */
SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
}
