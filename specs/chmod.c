// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the chmod and chown families of system calls (fs/open.c, Linux 6.1).

/**
 * sys_fchmodat - change the permission bits of a file named relative to a directory descriptor
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @filename: path of the file, symbolic links followed
 * @mode: the new permission bits, set-user-ID, set-group-ID and sticky bits
 *
 * long-desc: Resolves filename from dfd (from the current directory when dfd
 *   is AT_FDCWD, ignored when filename is absolute), following every
 *   symbolic link, and replaces the file's permission bits (S_IALLUGO, 07777)
 *   with those of mode; the file type bits cannot change.  Only the file's
 *   owner, or a caller with CAP_FOWNER over the owner's user namespace, may
 *   do so.  A set-group-ID bit asked for by a caller that is neither in the
 *   file's group nor has CAP_FSETID is silently dropped.  The change time is
 *   updated.  In 6.1 the syscall takes no flags argument: the C library's
 *   fchmodat() with AT_SYMLINK_NOFOLLOW is refused (or emulated) in user
 *   space, and the kernel never sees the flag.  The raw syscall returns 0 or
 *   a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted).  Used only when filename is relative.
 *   desc: Starting point of the lookup.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT (no AT_EMPTY_PATH here).  The file must
 *     be on a mount that is not read-only.
 *   desc: Path of the file whose mode changes.
 *
 * param: mode
 *   kapi-valid: 0640
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(07777)
 *   constraint: Only the low twelve bits (S_IALLUGO: S_ISUID, S_ISGID,
 *     S_ISVTX and the nine permission bits) are used; higher bits, file type
 *     bits included, are ignored without an error, so no value is invalid.
 *   desc: The new mode.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the mode is changed, a negative errno otherwise.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller (and it has no CAP_DAC_READ_SEARCH), or a security module
 *     refused the lookup.  No permission on the file itself is asked: the
 *     owner check gives EPERM.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Not checked for an absolute filename.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to store the new mode
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A block of the path or the inode could not be read or written, or
 *     the filesystem's setattr failed: a FUSE or network server that
 *     answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop
 *   desc: More than 40 links in the walk, the final one included.
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
 *     on the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: filename=path:notdir; dfd=fd:file
 *   desc: A non-final component is a regular file, or filename is relative
 *     and dfd refers to something other than a directory.
 *
 * error: EOPNOTSUPP, the path ends at a symbolic link itself
 *   kapi-cond: filename=path:proc-symlink
 *   desc: notify_change() refuses to change the mode of a symbolic link.  The
 *     walk follows links, so only a /proc/self/fd/N link of a descriptor
 *     opened with O_PATH | O_NOFOLLOW on a symbolic link gets there.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping
 *   kapi-cond: filename=path:fuse-unmapped-owner
 *   desc: notify_change() changes no attribute of an inode whose owner or
 *     group is invalid (INVALID_UID, INVALID_GID) as seen through the mount:
 *     a FUSE file whose server reports ids the mount's user namespace does
 *     not map, or a file on an idmapped mount whose ids the mapping leaves
 *     out.  Not in the man page.
 *
 * error: EPERM, the caller does not own the file, or the file is immutable or append-only
 *   kapi-cond: filename=path:not-owned, caps=none; filename=path:immutable
 *   desc: The caller's filesystem uid is not the file's owner and it has no
 *     CAP_FOWNER over the owner (setattr_prepare), or the inode has the
 *     immutable or append-only attribute (may_setattr), whoever the caller.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: filename=path:rofs-file
 *   desc: mnt_want_write() refuses before anything else is checked.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  The lookup and the change are done
 *     once more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * side-effect: modify_state
 *   target: the file's mode
 *   desc: The twelve low bits of the inode's mode are mode's (less S_ISGID
 *     for a caller outside the file's group without CAP_FSETID); the change
 *     time is now.
 *   reversible: yes
 *   kapi-effect: file:mode=filename,mode
 *   kapi-effect-case: mode=0; mode=07777; filename=path:dir, mode=0700; filename=path:symlink, mode=0604; filename=path:setuid, mode=0755
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: changing the mode of a file the caller does not own
 *   without: EPERM
 *   condition: the caller's filesystem uid is not the file's owner
 *   priority: 0
 *
 * capability: CAP_FSETID
 *   type: bypass_check
 *   allows: keeping a set-group-ID bit on a file of a group the caller is not in
 *   without: the bit is cleared, without an error
 *   condition: mode has S_ISGID and the caller is not in the file's group
 *   priority: 1
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 2
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a
 *   scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and
 *   is turned into 0 there
 *
 * notes: The man page's EINVAL and ENOTSUP for fchmodat() flags belong to
 *   the C library: the 6.1 syscall has three arguments and no flags
 *   (fchmodat2(), with AT_SYMLINK_NOFOLLOW, came in 6.6).  A symbolic link's
 *   own mode cannot be changed (EOPNOTSUPP), and a link's mode is never
 *   used.  EOVERFLOW and ESTALE are not in the man page.
 */
SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename,
		umode_t, mode)
{
}

/**
 * sys_chmod - change the permission bits of a file named by a path
 * @filename: path of the file, relative to the current working directory if not absolute; symbolic links followed
 * @mode: the new permission bits, set-user-ID, set-group-ID and sticky bits
 *
 * long-desc: fchmodat() from AT_FDCWD.  Resolves filename, following every
 *   symbolic link, and replaces the file's twelve low mode bits (S_IALLUGO)
 *   with those of mode; the file type cannot change.  Only the owner, or a
 *   caller with CAP_FOWNER over the owner's user namespace, may.  A
 *   set-group-ID bit asked for by a caller outside the file's group without
 *   CAP_FSETID is dropped without an error.  The change time is updated.
 *   The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  The file must be on a mount that is
 *     not read-only.
 *   desc: Path of the file whose mode changes.
 *
 * param: mode
 *   kapi-valid: 0640
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(07777)
 *   constraint: Only the low twelve bits are used; higher bits, file type
 *     bits included, are ignored without an error, so no value is invalid.
 *   desc: The new mode.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the mode is changed, a negative errno otherwise.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller, or a security module refused the lookup.  The file's own
 *     mode is not checked: a caller that is not the owner gets EPERM.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to store the new mode
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A block of the path or the inode could not be read or written, or
 *     the filesystem's setattr failed (a FUSE or network server answered
 *     with EIO).
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop
 *   desc: More than 40 links in the walk, the final one included.
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
 *     on the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: filename=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the path ends at a symbolic link itself
 *   kapi-cond: filename=path:proc-symlink
 *   desc: notify_change() refuses to change a symbolic link's mode.  Links
 *     are followed, so only a /proc/self/fd/N link of an O_PATH | O_NOFOLLOW
 *     descriptor of a symbolic link ends there.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping
 *   kapi-cond: filename=path:fuse-unmapped-owner
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount: a FUSE file whose server reports
 *     ids the mount's user namespace does not map, or a file on an idmapped
 *     mount the mapping leaves out.  Not in the man page.
 *
 * error: EPERM, the caller does not own the file, or the file is immutable or append-only
 *   kapi-cond: filename=path:not-owned, caps=none; filename=path:immutable
 *   desc: The caller's filesystem uid is not the file's owner and it has no
 *     CAP_FOWNER over the owner, or the inode has the immutable or
 *     append-only attribute, whoever the caller.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: filename=path:rofs-file
 *   desc: mnt_want_write() refuses before anything else is checked.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE, on the walk and again on a second
 *     walk with every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: the file's mode
 *   desc: The twelve low bits of the inode's mode are mode's (less S_ISGID
 *     for a caller outside the file's group without CAP_FSETID); the change
 *     time is now.
 *   reversible: yes
 *   kapi-effect: file:mode=filename,mode
 *   kapi-effect-case: mode=0; mode=07777; filename=path:dir, mode=0700; filename=path:symlink, mode=0604; filename=path:setuid, mode=0755; filename=path:fifo, mode=0666
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: changing the mode of a file the caller does not own
 *   without: EPERM
 *   condition: the caller's filesystem uid is not the file's owner
 *   priority: 0
 *
 * capability: CAP_FSETID
 *   type: bypass_check
 *   allows: keeping a set-group-ID bit on a file of a group the caller is not in
 *   without: the bit is cleared, without an error
 *   condition: mode has S_ISGID and the caller is not in the file's group
 *   priority: 1
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 2
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a
 *   scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and
 *   is turned into 0 there; EBADF the walk starts at AT_FDCWD, never at a descriptor
 *
 * notes: A symbolic link's own mode cannot be changed (EOPNOTSUPP) and is
 *   never used.  EOVERFLOW and ESTALE are not in the man page.
 */
SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
}

/**
 * sys_fchmod - change the permission bits of the file behind a descriptor
 * @fd: open descriptor of the file (not O_PATH)
 * @mode: the new permission bits, set-user-ID, set-group-ID and sticky bits
 *
 * long-desc: Replaces the twelve low mode bits (S_IALLUGO) of the file fd
 *   refers to with those of mode, as chmod() does for a path.  The
 *   descriptor's access mode does not matter (a read-only descriptor will
 *   do), but O_PATH descriptors are refused.  Only the owner, or a caller
 *   with CAP_FOWNER over the owner's user namespace, may; a set-group-ID bit
 *   asked for by a caller outside the file's group without CAP_FSETID is
 *   dropped.  The change time is updated.  Pipes and sockets have inodes
 *   too, so their mode can be changed.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor of the caller, opened without O_PATH
 *     (fdget); the file must be on a mount that is not read-only.
 *   desc: The file whose mode changes.
 *
 * param: mode
 *   kapi-valid: 0640
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(07777)
 *   constraint: Only the low twelve bits are used; higher bits are ignored
 *     without an error, so no value is invalid.
 *   desc: The new mode.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the mode is changed, a negative errno otherwise.
 *
 * error: EBADF, fd is not an open descriptor, or it was opened with O_PATH
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: fdget() does not return O_PATH files.
 *
 * error: EIO, the filesystem failed to store the new mode
 *   kapi-cond: fd=fd:fuse-setattr-fails
 *   desc: The inode could not be written, or the filesystem's setattr
 *     failed (a FUSE or network server answered with EIO).
 *
 * error: EOVERFLOW, the file's owner or group has no mapping
 *   kapi-cond: fd=fd:fuse-unmapped-owner
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount (a FUSE file whose server reports
 *     ids the mount's user namespace does not map, an idmapped mount).  Not in
 *     the man page.
 *
 * error: EPERM, the caller does not own the file, or the file is immutable or append-only
 *   kapi-cond: fd=fd:not-owned, caps=none; fd=fd:immutable
 *   desc: The caller's filesystem uid is not the file's owner and it has no
 *     CAP_FOWNER over the owner, or the inode has the immutable or
 *     append-only attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: fd=fd:rofs-file
 *   desc: mnt_want_write() on the descriptor's mount refuses.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  There is no path to walk again.
 *
 * side-effect: modify_state
 *   target: the file's mode
 *   desc: The twelve low bits of the inode's mode are mode's (less S_ISGID
 *     for a caller outside the file's group without CAP_FSETID); the change
 *     time is now.
 *   reversible: yes
 *   kapi-effect: file:mode=fd,mode
 *   kapi-effect-case: mode=0; mode=07777; fd=fd:rdonly; fd=fd:dir, mode=0700; fd=fd:setuid, mode=0644; fd=fd:pipe, mode=0600
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: changing the mode of a file the caller does not own
 *   without: EPERM
 *   condition: the caller's filesystem uid is not the file's owner
 *   priority: 0
 *
 * capability: CAP_FSETID
 *   type: bypass_check
 *   allows: keeping a set-group-ID bit on a file of a group the caller is not in
 *   without: the bit is cleared, without an error
 *   condition: mode has S_ISGID and the caller is not in the file's group
 *   priority: 1
 *
 * kapi-not-returned: EOPNOTSUPP notify_change refuses a symbolic link's mode, but a descriptor of a
 *   symbolic link can only be opened with O_PATH, which fdget refuses; EACCES may_setattr asks
 *   inode_permission only for ATTR_TOUCH (utimes without times), and chmod sets ATTR_MODE and
 *   ATTR_CTIME
 *
 * notes: EOVERFLOW and ESTALE are not in the man page.  A descriptor opened
 *   with O_PATH is refused here although fchmodat() on /proc/self/fd/N of it
 *   works.
 */
SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
}

/**
 * sys_fchownat - change the owner and group of a file named relative to a directory descriptor
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @filename: path of the file; empty with AT_EMPTY_PATH to change dfd's file
 * @user: the new owner, or -1 to keep it
 * @group: the new group, or -1 to keep it
 * @flag: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 *
 * long-desc: Resolves filename from dfd (a final symbolic link is followed
 *   unless AT_SYMLINK_NOFOLLOW is given; an empty filename with AT_EMPTY_PATH
 *   names dfd's own file) and sets the file's owner to user and its group to
 *   group, each read in the caller's user namespace; -1 leaves that one as
 *   it is.  Giving a file away, or to a group the caller is not in, needs
 *   CAP_CHOWN over the file's user namespace; the owner may set the group to
 *   one of its own groups, and anyone may "change" to the ids the file
 *   already has.  For anything but a directory the set-user-ID bit is
 *   cleared, and the set-group-ID bit when group execute is set (or the
 *   caller is outside the group without CAP_FSETID), even for a privileged
 *   caller and even when neither id changes; file capabilities are removed.
 *   The change time is updated.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor (O_PATH accepted).  Used only
 *     when filename is relative; it must then be a directory, unless
 *     filename is empty under AT_EMPTY_PATH.
 *   desc: Starting point of the lookup, or the file itself.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT unless AT_EMPTY_PATH is given.  The file
 *     must be on a mount that is not read-only.
 *   desc: Path of the file whose owner changes.
 *
 * param: user
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A uid mapped in the caller's user namespace, or -1
 *     ((uid_t)-1) to keep the owner.  An unmapped id gives EINVAL.
 *   desc: The new owner.
 *
 * param: group
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A gid mapped in the caller's user namespace, or -1 to keep
 *     the group.  An unmapped id gives EINVAL.
 *   desc: The new group.
 *
 * param: flag
 *   type: int, input
 *   constraint-type: mask(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)
 *   constraint: Any other bit gives EINVAL, checked first.
 *   desc: Lookup flags.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the owner and group are set, a negative errno otherwise.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller (and it has no CAP_DAC_READ_SEARCH), or a security module
 *     refused the lookup or the change.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Also for an empty filename under AT_EMPTY_PATH.  Not checked for
 *     an absolute filename.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, a flag outside the accepted set, or user or group is not mapped in the caller's user namespace
 *   kapi-cond: flag=0x1; flag=AT_REMOVEDIR; user=70000; group=70000; user=4294967294
 *   desc: The flag check comes before the lookup.  make_kuid() and
 *     make_kgid() find no mapping for the id (the sandbox maps 0 to 65535);
 *     that check is made once the file is found.  -1 is not an id: it
 *     means "keep".
 *
 * error: EIO, the filesystem failed to store the new owner
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A block of the path or the inode could not be read or written,
 *     or the filesystem's setattr failed: a FUSE or network server that
 *     answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop; filename=path:loop-below, flag=AT_SYMLINK_NOFOLLOW
 *   desc: More than 40 links in the walk; with AT_SYMLINK_NOFOLLOW a final
 *     link is changed itself, so only links in the directories count.
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
 *     and non-empty and dfd refers to something other than a directory.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping, or the new id none in the filesystem
 *   kapi-cond: filename=path:fuse-unmapped-owner, group=-1; filename=path:fuse-unmapped-owner, user=-1
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount, unless that id is being set: a
 *     FUSE file whose server reports ids the mount's user namespace does not
 *     map, or an idmapped mount the mapping leaves out.  It also refuses a
 *     new id the filesystem's user namespace cannot represent.  Not in the
 *     man page.
 *
 * error: EPERM, the caller may not make this change, or the file is immutable or append-only
 *   kapi-cond: user=1000, caps=none; group=1000, caps=none; filename=path:immutable
 *   desc: Without CAP_CHOWN, the owner cannot be changed (except to itself)
 *     and the group only by the owner to a group it is in (chown_ok,
 *     chgrp_ok); an immutable or append-only inode refuses any change.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: filename=path:rofs-file
 *   desc: mnt_want_write() refuses once the file is found.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  The lookup and the change are done
 *     once more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * side-effect: modify_state
 *   target: the file's owner, group and mode
 *   desc: The owner and group are the ones asked for (-1 keeping one); for
 *     a non-directory the set-user-ID bit is gone, and the set-group-ID bit
 *     when group execute is set; the change time is now.
 *   reversible: yes
 *   kapi-effect: file:owner=filename,user,group if flag!&AT_SYMLINK_NOFOLLOW; file:owner-nofollow=filename,user,group if flag&AT_SYMLINK_NOFOLLOW
 *   kapi-effect-case: user=1000; group=1000; user=-1, group=-1; filename=path:setuid, user=-1, group=-1; filename=path:setuid, user=1000; filename=path:dir, user=1000, group=1000; filename=path:symlink, user=1000; filename=path:symlink, user=1000, flag=AT_SYMLINK_NOFOLLOW
 *
 * capability: CAP_CHOWN
 *   type: bypass_check
 *   allows: giving a file to any mapped user, and to any mapped group
 *   without: EPERM
 *   condition: the new owner differs from the file's, or the new group is not one of the caller's
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 1
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a
 *   scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and
 *   is turned into 0 there;
 *   EOPNOTSUPP notify_change refuses ATTR_MODE on a symbolic link, and chown_common never asks for
 *   ATTR_MODE: notify_change adds it after that check, only to clear set-user-ID or set-group-ID
 *   bits, which a link does not have
 *
 * notes: Even a privileged caller loses the set-user-ID bit of the file, and
 *   a chown to the ids the file already has (or -1, -1) still clears it.
 *   EOVERFLOW and ESTALE are not in the man page.
 */
SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user,
		gid_t, group, int, flag)
{
}

/**
 * sys_chown - change the owner and group of a file named by a path, following symbolic links
 * @filename: path of the file, relative to the current working directory if not absolute
 * @user: the new owner, or -1 to keep it
 * @group: the new group, or -1 to keep it
 *
 * long-desc: fchownat() from AT_FDCWD with no flags.  Resolves filename,
 *   following every symbolic link, and sets the file's owner to user and its group to
 *   group, each read in the caller's user namespace; -1 leaves that one as
 *   it is.  Giving a file away, or to a group the caller is not in, needs
 *   CAP_CHOWN over the file's user namespace; the owner may set the group to
 *   one of its own groups, and anyone may "change" to the ids the file
 *   already has.  For anything but a directory the set-user-ID bit is
 *   cleared, and the set-group-ID bit when group execute is set (or the
 *   caller is outside the group without CAP_FSETID), even for a privileged
 *   caller and even when neither id changes; file capabilities are removed.
 *   The change time is updated.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  The file
 *     must be on a mount that is not read-only.
 *   desc: Path of the file whose owner changes.
 *
 * param: user
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A uid mapped in the caller's user namespace, or -1
 *     ((uid_t)-1) to keep the owner.  An unmapped id gives EINVAL.
 *   desc: The new owner.
 *
 * param: group
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A gid mapped in the caller's user namespace, or -1 to keep
 *     the group.  An unmapped id gives EINVAL.
 *   desc: The new group.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the owner and group are set, a negative errno otherwise.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller (and it has no CAP_DAC_READ_SEARCH), or a security module
 *     refused the lookup or the change.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, user or group is not mapped in the caller's user namespace
 *   kapi-cond: user=70000; group=70000; user=4294967294
 *   desc: make_kuid() and make_kgid() find no mapping for the id (the
 *     sandbox maps 0 to 65535); the check is made once the file is found.  -1 is not an id: it
 *     means "keep".
 *
 * error: EIO, the filesystem failed to store the new owner
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A block of the path or the inode could not be read or written,
 *     or the filesystem's setattr failed: a FUSE or network server that
 *     answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop
 *   desc: More than 40 links in the walk, the final one included.
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
 *     on the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: filename=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping, or the new id none in the filesystem
 *   kapi-cond: filename=path:fuse-unmapped-owner, group=-1; filename=path:fuse-unmapped-owner, user=-1
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount, unless that id is being set: a
 *     FUSE file whose server reports ids the mount's user namespace does not
 *     map, or an idmapped mount the mapping leaves out.  It also refuses a
 *     new id the filesystem's user namespace cannot represent.  Not in the
 *     man page.
 *
 * error: EPERM, the caller may not make this change, or the file is immutable or append-only
 *   kapi-cond: user=1000, caps=none; group=1000, caps=none; filename=path:immutable
 *   desc: Without CAP_CHOWN, the owner cannot be changed (except to itself)
 *     and the group only by the owner to a group it is in (chown_ok,
 *     chgrp_ok); an immutable or append-only inode refuses any change.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: filename=path:rofs-file
 *   desc: mnt_want_write() refuses once the file is found.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  The lookup and the change are done
 *     once more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * side-effect: modify_state
 *   target: the file's owner, group and mode
 *   desc: The owner and group are the ones asked for (-1 keeping one); for
 *     a non-directory the set-user-ID bit is gone, and the set-group-ID bit
 *     when group execute is set; the change time is now.
 *   reversible: yes
 *   kapi-effect: file:owner=filename,user,group
 *   kapi-effect-case: user=1000; group=1000; user=-1, group=-1; filename=path:setuid, user=-1, group=-1; filename=path:setuid, user=1000; filename=path:dir, user=1000, group=1000; filename=path:symlink, user=1000; filename=path:fifo, group=1000
 *
 * capability: CAP_CHOWN
 *   type: bypass_check
 *   allows: giving a file to any mapped user, and to any mapped group
 *   without: EPERM
 *   condition: the new owner differs from the file's, or the new group is not one of the caller's
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 1
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a
 *   scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and
 *   is turned into 0 there;
 *   EOPNOTSUPP notify_change refuses ATTR_MODE on a symbolic link, and chown_common never asks for
 *   ATTR_MODE: notify_change adds it after that check, only to clear set-user-ID or set-group-ID
 *   bits, which a link does not have; EBADF the walk starts at
 *   AT_FDCWD, never at a descriptor
 *
 * notes: Even a privileged caller loses the set-user-ID bit of the file, and
 *   a chown to the ids the file already has (or -1, -1) still clears it.
 *   EOVERFLOW and ESTALE are not in the man page.
 */
SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
}

/**
 * sys_lchown - change the owner and group of a file named by a path, not following a final symbolic link
 * @filename: path of the file, relative to the current working directory if not absolute
 * @user: the new owner, or -1 to keep it
 * @group: the new group, or -1 to keep it
 *
 * long-desc: fchownat() from AT_FDCWD with AT_SYMLINK_NOFOLLOW.  Resolves
 *   filename, following symbolic links in its directories but not a final
 *   one, which is changed itself, and sets the file's owner to user and its group to
 *   group, each read in the caller's user namespace; -1 leaves that one as
 *   it is.  Giving a file away, or to a group the caller is not in, needs
 *   CAP_CHOWN over the file's user namespace; the owner may set the group to
 *   one of its own groups, and anyone may "change" to the ids the file
 *   already has.  For anything but a directory the set-user-ID bit is
 *   cleared, and the set-group-ID bit when group execute is set (or the
 *   caller is outside the group without CAP_FSETID), even for a privileged
 *   caller and even when neither id changes; file capabilities are removed.
 *   The change time is updated.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  The file
 *     must be on a mount that is not read-only.  A final link that loops is
 *     a valid argument, so the generic invalid-path cases do not apply; the
 *     error conditions below provoke each error.
 *   desc: Path of the file whose owner changes.
 *
 * param: user
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A uid mapped in the caller's user namespace, or -1
 *     ((uid_t)-1) to keep the owner.  An unmapped id gives EINVAL.
 *   desc: The new owner.
 *
 * param: group
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A gid mapped in the caller's user namespace, or -1 to keep
 *     the group.  An unmapped id gives EINVAL.
 *   desc: The new group.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the owner and group are set, a negative errno otherwise.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory the walk passes through lacks execute permission for
 *     the caller (and it has no CAP_DAC_READ_SEARCH), or a security module
 *     refused the lookup or the change.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, user or group is not mapped in the caller's user namespace
 *   kapi-cond: user=70000; group=70000; user=4294967294
 *   desc: make_kuid() and make_kgid() find no mapping for the id (the
 *     sandbox maps 0 to 65535); the check is made once the file is found.  -1 is not an id: it
 *     means "keep".
 *
 * error: EIO, the filesystem failed to store the new owner
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A block of the path or the inode could not be read or written,
 *     or the filesystem's setattr failed: a FUSE or network server that
 *     answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop-below
 *   desc: More than 40 links in the directories of the path; a final link
 *     is not followed, so one that loops is changed like any other.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing; filename=path:empty
 *   desc: A final symbolic link to nothing is no error: the link changes.
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
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: filename=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping, or the new id none in the filesystem
 *   kapi-cond: filename=path:fuse-unmapped-owner, group=-1; filename=path:fuse-unmapped-owner, user=-1
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount, unless that id is being set: a
 *     FUSE file whose server reports ids the mount's user namespace does not
 *     map, or an idmapped mount the mapping leaves out.  It also refuses a
 *     new id the filesystem's user namespace cannot represent.  Not in the
 *     man page.
 *
 * error: EPERM, the caller may not make this change, or the file is immutable or append-only
 *   kapi-cond: user=1000, caps=none; group=1000, caps=none; filename=path:immutable
 *   desc: Without CAP_CHOWN, the owner cannot be changed (except to itself)
 *     and the group only by the owner to a group it is in (chown_ok,
 *     chgrp_ok); an immutable or append-only inode refuses any change.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: filename=path:rofs-file
 *   desc: mnt_want_write() refuses once the file is found.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  The lookup and the change are done
 *     once more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * side-effect: modify_state
 *   target: the file's owner, group and mode
 *   desc: The owner and group are the ones asked for (-1 keeping one); for
 *     a non-directory the set-user-ID bit is gone, and the set-group-ID bit
 *     when group execute is set; the change time is now.
 *   reversible: yes
 *   kapi-effect: file:owner-nofollow=filename,user,group
 *   kapi-effect-case: user=1000; group=1000; filename=path:setuid, user=-1, group=-1; filename=path:dir, user=1000, group=1000; filename=path:symlink, user=1000; filename=path:dangling, group=1000; filename=path:loop, user=1000
 *
 * capability: CAP_CHOWN
 *   type: bypass_check
 *   allows: giving a file to any mapped user, and to any mapped group
 *   without: EPERM
 *   condition: the new owner differs from the file's, or the new group is not one of the caller's
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: walking through directories without search permission
 *   without: EACCES on such a directory
 *   condition: a directory of the path lacks execute permission for the caller
 *   priority: 1
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a
 *   scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and
 *   is turned into 0 there;
 *   EOPNOTSUPP notify_change refuses ATTR_MODE on a symbolic link, and chown_common never asks for
 *   ATTR_MODE: notify_change adds it after that check, only to clear set-user-ID or set-group-ID
 *   bits, which a link does not have; EBADF the walk starts at
 *   AT_FDCWD, never at a descriptor
 *
 * notes: Even a privileged caller loses the set-user-ID bit of the file, and
 *   a chown to the ids the file already has (or -1, -1) still clears it.
 *   EOVERFLOW and ESTALE are not in the man page.
 */
SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
}

/**
 * sys_fchown - change the owner and group of the file behind a descriptor
 * @fd: open descriptor of the file (not O_PATH)
 * @user: the new owner, or -1 to keep it
 * @group: the new group, or -1 to keep it
 *
 * long-desc: Sets the owner and group of the file fd refers to, as chown()
 *   does for a path: each id read in the caller's user namespace, -1
 *   keeping one.  The descriptor's access mode does not matter, but O_PATH
 *   descriptors are refused.  Giving a file away, or to a group the caller
 *   is not in, needs CAP_CHOWN; for anything but a directory the
 *   set-user-ID bit is cleared, and the set-group-ID bit when group execute
 *   is set, even for a privileged caller.  The change time is updated.  The
 *   raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor of the caller, opened without O_PATH
 *     (fdget); the file must be on a mount that is not read-only.
 *   desc: The file whose owner changes.
 *
 * param: user
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A uid mapped in the caller's user namespace, or -1
 *     ((uid_t)-1) to keep the owner.  An unmapped id gives EINVAL.
 *   desc: The new owner.
 *
 * param: group
 *   kapi-valid: 0
 *   type: uint, input
 *   constraint: A gid mapped in the caller's user namespace, or -1 to keep
 *     the group.  An unmapped id gives EINVAL.
 *   desc: The new group.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the owner and group are set, a negative errno otherwise.
 *
 * error: EBADF, fd is not an open descriptor, or it was opened with O_PATH
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: fdget() does not return O_PATH files.
 *
 * error: EINVAL, user or group is not mapped in the caller's user namespace
 *   kapi-cond: user=70000; group=70000; user=4294967294
 *   desc: make_kuid() and make_kgid() find no mapping for the id (the
 *     sandbox maps 0 to 65535).  -1 is not an id: it means "keep".
 *
 * error: EIO, the filesystem failed to store the new owner
 *   kapi-cond: fd=fd:fuse-setattr-fails
 *   desc: The inode could not be written, or the filesystem's setattr
 *     failed: a FUSE or network server that answered with EIO.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping, or the new id none in the filesystem
 *   kapi-cond: fd=fd:fuse-unmapped-owner, group=-1; fd=fd:fuse-unmapped-owner, user=-1
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount, unless that id is being set: a
 *     FUSE file whose server reports ids the mount's user namespace does not
 *     map, or an idmapped mount the mapping leaves out.  It also refuses a
 *     new id the filesystem's user namespace cannot represent.  Not in the
 *     man page.
 *
 * error: EPERM, the caller may not make this change, or the file is immutable or append-only
 *   kapi-cond: user=1000, caps=none; group=1000, caps=none; fd=fd:immutable
 *   desc: Without CAP_CHOWN, the owner cannot be changed (except to itself)
 *     and the group only by the owner to a group it is in; an immutable or
 *     append-only inode refuses any change.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: fd=fd:rofs-file
 *   desc: mnt_want_write_file() on the descriptor's mount refuses.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  There is no path to walk again.
 *
 * side-effect: modify_state
 *   target: the file's owner, group and mode
 *   desc: The owner and group are the ones asked for (-1 keeping one); for
 *     a non-directory the set-user-ID bit is gone, and the set-group-ID bit
 *     when group execute is set; the change time is now.
 *   reversible: yes
 *   kapi-effect: file:owner=fd,user,group
 *   kapi-effect-case: user=1000; group=1000; user=-1, group=-1; fd=fd:setuid, user=-1, group=-1; fd=fd:setuid, group=1000; fd=fd:rdonly, user=1000; fd=fd:dir, user=1000, group=1000; fd=fd:pipe, user=1000
 *
 * capability: CAP_CHOWN
 *   type: bypass_check
 *   allows: giving a file to any mapped user, and to any mapped group
 *   without: EPERM
 *   condition: the new owner differs from the file's, or the new group is not one of the caller's
 *   priority: 0
 *
 * kapi-not-returned: EOPNOTSUPP notify_change refuses ATTR_MODE on a symbolic link, and a
 *   descriptor of a link can only be opened with O_PATH, which fdget refuses; EACCES may_setattr asks
 *   inode_permission only for ATTR_TOUCH (utimes without times), and chown asks for ATTR_UID,
 *   ATTR_GID, ATTR_CTIME and the ATTR_KILL_* bits
 *
 * notes: Even a privileged caller loses the set-user-ID bit of the file.
 *   Pipes and sockets have inodes with owners too.  EOVERFLOW and ESTALE are
 *   not in the man page.
 */
SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
}
