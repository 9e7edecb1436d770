// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the utimes family of system calls (fs/utimes.c, Linux 6.1).

/**
 * sys_utimensat - set the access and modification times of a file, to the nanosecond
 * @dfd: directory the path is resolved from when it is relative, AT_FDCWD, or with a NULL filename the file itself
 * @filename: path of the file; NULL to change dfd's file; empty with AT_EMPTY_PATH
 * @utimes: two struct __kernel_timespec (access time, then modification time), or NULL for now
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 *
 * long-desc: Sets the access time and the modification time of a file,
 *   which the kernel stamps with its coarse clock.  With utimes NULL, or
 *   both tv_nsec UTIME_NOW, both become the current time, and the owner or
 *   anyone with write permission may do it.  Otherwise each entry gives a
 *   time, or UTIME_NOW (now) or UTIME_OMIT (leave it) in tv_nsec, and only
 *   the owner, or a caller with CAP_FOWNER, may set explicit times.  Both
 *   UTIME_OMIT returns 0 before anything else is looked at.  The file is
 *   filename resolved from dfd (a final symbolic link followed unless
 *   AT_SYMLINK_NOFOLLOW), dfd's own file when filename is empty with
 *   AT_EMPTY_PATH, or, with filename NULL and dfd not AT_FDCWD, the file of
 *   descriptor dfd (what futimens() in the C library calls).  The change
 *   time is updated as well, and times are cut to the filesystem's
 *   granularity.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor.  For a relative filename it
 *     must be a directory (O_PATH accepted); for a NULL filename it is the
 *     file to change and must not be an O_PATH descriptor (fdget).
 *   desc: Starting point of the lookup, or the file itself.
 *
 * param: filename
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     NULL with a descriptor dfd names dfd's file; NULL with AT_FDCWD is a
 *     fault (EFAULT).  The empty string gives ENOENT unless AT_EMPTY_PATH is
 *     given.
 *   desc: Path of the file whose times change.
 *
 * param: utimes
 *   kapi-semantic: ptr:null
 *   kapi-test: no-invalid
 *   type: user_ptr, input
 *   constraint: NULL, or two struct __kernel_timespec (32 bytes) of readable
 *     user memory, read before anything else.  Each tv_nsec must be 0 to
 *     999999999, UTIME_NOW or UTIME_OMIT; tv_sec is taken as given.  NULL is
 *     valid (both times now), so the generic invalid-pointer cases do not
 *     apply; the error conditions below provoke each error.
 *   desc: The new access and modification times.
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)
 *   constraint: Any other bit gives EINVAL.  With a NULL filename and a
 *     descriptor dfd no flag at all is accepted (EINVAL).
 *   desc: Lookup flags.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the times are set (or nothing was asked), a negative errno
 *     otherwise.
 *
 * error: EACCES, search permission is denied on a directory of the path, or the times are to be now and the caller may not write the file
 *   kapi-cond: filename=path:nosearch, caps=none; filename=path:not-owned, caps=none; filename=path:not-owned, caps=none, utimes=ptr:utimes-now
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or, for times set to now, the caller neither owns the file (nor has
 *     CAP_FOWNER) nor may write it (inode_permission MAY_WRITE).
 *
 * error: EBADF, dfd is not an open descriptor where one is needed
 *   kapi-cond: dfd=fd:closed; dfd=-1; filename=ptr:null, dfd=fd:closed; filename=ptr:null, dfd=fd:opath
 *   desc: filename is relative and dfd is not open, or filename is NULL and
 *     dfd is not open or was opened with O_PATH.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: An automount point on the path whose new mount would repeat the
 *     mount it lies on.
 *
 * error: EFAULT, filename or utimes points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null; utimes=ptr:unmapped
 *   desc: Reading the two timespecs (first of all) or the path faulted; a
 *     NULL filename with dfd AT_FDCWD is read as a path and faults too.
 *
 * error: EINVAL, a flag outside the accepted set, a tv_nsec out of range, or a flag with a NULL filename
 *   kapi-cond: flags=0x1; flags=AT_REMOVEDIR; utimes=ptr:utimes-badnsec; filename=ptr:null, dfd=fd:file, flags=AT_SYMLINK_NOFOLLOW
 *   desc: tv_nsec must be 0 to 999999999, UTIME_NOW or UTIME_OMIT (checked
 *     after the lookup, in vfs_utimes); with a NULL filename and a
 *     descriptor dfd, flags must be 0.
 *
 * error: EIO, the filesystem failed to store the times
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A block of the path or the inode could not be read or written, or
 *     the filesystem's setattr failed: a FUSE or network server that
 *     answered with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop; filename=path:loop-below, flags=AT_SYMLINK_NOFOLLOW
 *   desc: More than 40 links in the walk; with AT_SYMLINK_NOFOLLOW a final
 *     link is changed itself.
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
 * error: EOVERFLOW, the file's owner or group has no mapping
 *   kapi-cond: filename=path:fuse-unmapped-owner, utimes=ptr:utimes
 *   desc: notify_change() changes nothing on an inode whose owner or group
 *     is invalid as seen through the mount: a FUSE file whose server reports
 *     ids the mount's user namespace does not map, or an idmapped mount the
 *     mapping leaves out.  For times set to now the permission check comes
 *     first, and a caller that neither owns nor may write such a file gets
 *     EACCES instead.  Not in the man page.
 *
 * error: EPERM, explicit times on a file the caller does not own, or the file is immutable or append-only
 *   kapi-cond: filename=path:not-owned, caps=none, utimes=ptr:utimes; filename=path:not-owned, caps=none, utimes=ptr:utimes-mixed; filename=path:immutable
 *   desc: Setting a time other than now needs ownership or CAP_FOWNER
 *     (setattr_prepare), even with write permission; an immutable inode
 *     refuses any change, an append-only one any but both times now.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: filename=path:rofs-file
 *   desc: mnt_want_write() refuses once the file is found.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-setattr-fails
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered SETATTR with ESTALE.  A path is walked once more with
 *     every cached name revalidated (LOOKUP_REVAL) before the error is
 *     returned.
 *
 * side-effect: modify_state
 *   target: the file's access and modification times
 *   desc: Each time is the one given, the time of the call (NULL, UTIME_NOW),
 *     or unchanged (UTIME_OMIT); the change time is now unless both were
 *     UTIME_OMIT.
 *   reversible: yes
 *   kapi-effect: file:times=dfd,filename,utimes if flags!&AT_SYMLINK_NOFOLLOW; file:times-nofollow=dfd,filename,utimes if flags&AT_SYMLINK_NOFOLLOW
 *   kapi-effect-case: utimes=ptr:utimes; utimes=ptr:utimes-now; utimes=ptr:utimes-omit; utimes=ptr:utimes-mixed; filename=path:symlink, flags=AT_SYMLINK_NOFOLLOW, utimes=ptr:utimes; filename=path:symlink, utimes=ptr:utimes; filename=ptr:null, dfd=fd:file, utimes=ptr:utimes; filename=ptr:null, dfd=fd:rdonly; filename=path:empty, dfd=fd:file, flags=AT_EMPTY_PATH, utimes=ptr:utimes; filename=path:dir, utimes=ptr:utimes
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: setting explicit times on, or touching, a file the caller does not own
 *   without: EPERM for explicit times, EACCES for now without write permission
 *   condition: the caller's filesystem uid is not the file's owner
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: setting both times to now on a file the caller may not write
 *   without: EACCES
 *   condition: utimes is NULL or both UTIME_NOW, the caller does not own the file and has no write permission
 *   priority: 1
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a
 *   scoped walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and
 *   is turned into 0 there; EOPNOTSUPP notify_change refuses only ATTR_MODE on a symbolic link, and
 *   vfs_utimes asks for times only
 *
 * notes: The man page lists ESRCH for a search permission denied on the
 *   path; the kernel gives EACCES and has no ESRCH here.  Both UTIME_OMIT
 *   succeeds even for a path that does not exist (kapi's time claim has no
 *   file to look at then, so no case shows it).  EOVERFLOW and ESTALE are
 *   not in the man page.  The set-user-ID bit is not touched.
 */
SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
}
