// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the access, faccessat and faccessat2 system calls (fs/open.c, Linux 6.1).

/**
 * sys_access - check whether the caller's real ids may access a file
 * @filename: path of the file, relative to the current working directory if not absolute
 * @mode: F_OK, or an OR of R_OK, W_OK and X_OK
 *
 * long-desc: Resolves filename, following symbolic links, and checks the
 *   asked access against the file's permissions as the caller's real user
 *   and group ids would be checked, not the effective ones: for the length of
 *   the call the kernel swaps in credentials whose fsuid and fsgid are the
 *   real ids (and, for a real uid of 0, full capabilities unless the
 *   SECURE_NO_SETUID_FIXUP bit says otherwise; for another real uid, none).
 *   F_OK (0) only asks that the file exist.  W_OK on a regular file,
 *   directory or symbolic link of a read-only mount fails even when the mode
 *   bits would allow it.  Nothing is opened.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   kapi-semantic: path:exec
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file to check.
 *
 * param: mode
 *   type: int, input
 *   constraint-type: mask(R_OK | W_OK | X_OK)
 *   constraint: F_OK is 0; any bit outside S_IRWXO (R_OK | W_OK | X_OK)
 *     gives EINVAL.  X_OK on a regular file needs an execute bit set for
 *     someone even for root, and a mount that is not noexec.
 *   desc: The accesses to check.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 when every asked access is allowed (or, for F_OK, the file
 *     exists), a negative errno otherwise.
 *
 * error: EACCES, an asked access, or search permission on a path directory, is denied
 *   kapi-cond: filename=path:noperm, mode=R_OK, caps=none; filename=path:nosearch, mode=F_OK, caps=none; filename=path:file, mode=X_OK
 *   desc: The mode bits or ACL deny the access to the real ids; a directory of
 *     the path lacks search permission; X_OK was asked for a regular file
 *     with no execute bit (root too: the capability does not grant execute
 *     then) or on a noexec mount; W_OK for a file whose owner or group has no
 *     mapping in the caller's user namespace; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, mode has a bit outside R_OK, W_OK and X_OK
 *   kapi-cond: mode=8; mode=-1
 *   desc: Checked before the lookup.
 *
 * error: EIO, the filesystem failed to read what the check needs
 *   kapi-cond: filename=path:fuse-getattr-fails, mode=X_OK
 *   desc: An inode, directory block or ACL could not be read, or a FUSE or
 *     network server answered with EIO: a FUSE filesystem without
 *     default_permissions asks the server for fresh attributes before an
 *     execute check of a regular file, and sends the other checks as FUSE
 *     ACCESS requests.
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
 *   desc: The temporary credentials, the path buffer or a dentry could not
 *     be allocated.  The credentials and a dentry for a name not in the cache
 *     are charged to the caller's memory cgroup.
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
 * error: EPERM, W_OK was asked for an immutable file
 *   kapi-cond: filename=path:immutable, mode=W_OK
 *   desc: Nobody gets write access to a file marked immutable (chattr +i),
 *     root included.  The man page does not list this case.
 *
 * error: EROFS, W_OK was asked for a file on a read-only filesystem
 *   kapi-cond: filename=path:rofs-file, mode=W_OK
 *   desc: The file is a regular file, directory or symbolic link and its
 *     mount or filesystem is read-only; device nodes, FIFOs and sockets are
 *     not affected.  Only checked once the mode bits allow the write.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails, mode=X_OK
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered with ESTALE, on the walk and on a second walk with
 *     every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: caller's credentials, during the call only
 *   desc: The real-id credentials replace the caller's subjective ones while
 *     the check runs and are dropped before the call returns.
 *   reversible: yes
 *   kapi-unobservable: the override ends before the call returns, and a successful call changes nothing a caller can see; conform still checks that nothing changed
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: read and write access whatever the mode bits, and execute when some execute bit is set
 *   without: EACCES when the bits deny the access
 *   condition: the real uid is 0 (the temporary credentials keep the capabilities), or the caller's effective set has it with AT_EACCESS
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: read access to files and search access to directories
 *   without: EACCES when read or search permission is missing
 *   condition: read or search permission is missing
 *   priority: 1
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: 6.1 does not refuse W_OK for a running executable: do_faccessat
 *   checks no write denial, so ETXTBSY, which the man page lists, is never
 *   returned; only an open for writing fails then.  The result may be stale
 *   the moment it is returned, so checking with access() before opening is
 *   racy; open the file and handle the error instead.
 */
SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
}

/**
 * sys_faccessat - check whether the caller's real ids may access a file named relative to a directory
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @filename: path of the file
 * @mode: F_OK, or an OR of R_OK, W_OK and X_OK
 *
 * long-desc: access() from a directory descriptor: resolves filename from dfd
 *   (from the current directory for AT_FDCWD), following symbolic links, and
 *   checks the
 *   asked access against the file's permissions as the caller's real user
 *   and group ids would be checked, not the effective ones: for the length of
 *   the call the kernel swaps in credentials whose fsuid and fsgid are the
 *   real ids (and, for a real uid of 0, full capabilities unless the
 *   SECURE_NO_SETUID_FIXUP bit says otherwise; for another real uid, none).
 *   F_OK (0) only asks that the file exist.  W_OK on a regular file,
 *   directory or symbolic link of a read-only mount fails even when the mode
 *   bits would allow it.  Nothing is opened.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor (O_PATH accepted).  Used only
 *     for a relative filename; it must then be a directory.
 *   desc: Starting point of the lookup.
 *
 * param: filename
 *   kapi-semantic: path:exec
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file to check.
 *
 * param: mode
 *   type: int, input
 *   constraint-type: mask(R_OK | W_OK | X_OK)
 *   constraint: F_OK is 0; any bit outside S_IRWXO (R_OK | W_OK | X_OK)
 *     gives EINVAL.  X_OK on a regular file needs an execute bit set for
 *     someone even for root, and a mount that is not noexec.
 *   desc: The accesses to check.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 when every asked access is allowed (or, for F_OK, the file
 *     exists), a negative errno otherwise.
 *
 * error: EACCES, an asked access, or search permission on a path directory, is denied
 *   kapi-cond: filename=path:noperm, mode=R_OK, caps=none; filename=path:nosearch, mode=F_OK, caps=none; filename=path:file, mode=X_OK
 *   desc: The mode bits or ACL deny the access to the real ids; a directory of
 *     the path lacks search permission; X_OK was asked for a regular file
 *     with no execute bit (root too: the capability does not grant execute
 *     then) or on a noexec mount; W_OK for a file whose owner or group has no
 *     mapping in the caller's user namespace; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Not checked for an absolute filename.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, mode has a bit outside R_OK, W_OK and X_OK
 *   kapi-cond: mode=8; mode=-1
 *   desc: Checked before the lookup.
 *
 * error: EIO, the filesystem failed to read what the check needs
 *   kapi-cond: filename=path:fuse-getattr-fails, mode=X_OK
 *   desc: An inode, directory block or ACL could not be read, or a FUSE or
 *     network server answered with EIO: a FUSE filesystem without
 *     default_permissions asks the server for fresh attributes before an
 *     execute check of a regular file, and sends the other checks as FUSE
 *     ACCESS requests.
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
 *   desc: The temporary credentials, the path buffer or a dentry could not
 *     be allocated.  The credentials and a dentry for a name not in the cache
 *     are charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: filename=path:notdir; dfd=fd:file
 *   desc: A non-final component is a regular file or another non-directory,
 *     or filename is relative and non-empty and dfd does not refer to a
 *     directory.
 *
 * error: EPERM, W_OK was asked for an immutable file
 *   kapi-cond: filename=path:immutable, mode=W_OK
 *   desc: Nobody gets write access to a file marked immutable (chattr +i),
 *     root included.  The man page does not list this case.
 *
 * error: EROFS, W_OK was asked for a file on a read-only filesystem
 *   kapi-cond: filename=path:rofs-file, mode=W_OK
 *   desc: The file is a regular file, directory or symbolic link and its
 *     mount or filesystem is read-only; device nodes, FIFOs and sockets are
 *     not affected.  Only checked once the mode bits allow the write.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails, mode=X_OK
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered with ESTALE, on the walk and on a second walk with
 *     every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: caller's credentials, during the call only
 *   desc: The real-id credentials replace the caller's subjective ones while
 *     the check runs and are dropped before the call returns.
 *   reversible: yes
 *   kapi-unobservable: the override ends before the call returns, and a successful call changes nothing a caller can see; conform still checks that nothing changed
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: read and write access whatever the mode bits, and execute when some execute bit is set
 *   without: EACCES when the bits deny the access
 *   condition: the real uid is 0 (the temporary credentials keep the capabilities), or the caller's effective set has it with AT_EACCESS
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: read access to files and search access to directories
 *   without: EACCES when read or search permission is missing
 *   condition: read or search permission is missing
 *   priority: 1
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: The syscall has no flags argument: the C library's faccessat()
 *   takes one and implements AT_EACCESS and AT_SYMLINK_NOFOLLOW itself (or
 *   calls faccessat2()).  6.1 does not refuse W_OK for a running executable: do_faccessat
 *   checks no write denial, so ETXTBSY, which the man page lists, is never
 *   returned; only an open for writing fails then.  The result may be stale
 *   the moment it is returned, so checking with access() before opening is
 *   racy; open the file and handle the error instead.
 */
SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
}

/**
 * sys_faccessat2 - check access to a file named relative to a directory, with flags
 * @dfd: directory the path is resolved from when it is relative, or AT_FDCWD
 * @filename: path of the file; empty with AT_EMPTY_PATH to check dfd itself
 * @mode: F_OK, or an OR of R_OK, W_OK and X_OK
 * @flags: AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 *
 * long-desc: faccessat() with flags (Linux 5.8).  Resolves filename from dfd,
 *   following symbolic links unless AT_SYMLINK_NOFOLLOW is given, and checks
 *   the asked access against the file's permissions.  With AT_EACCESS the
 *   caller's own (effective) credentials are used; without it the check is
 *   made as for the real user and group ids: for the length of
 *   the call the kernel swaps in credentials whose fsuid and fsgid are the
 *   real ids (and, for a real uid of 0, full capabilities unless the
 *   SECURE_NO_SETUID_FIXUP bit says otherwise; for another real uid, none).
 *   F_OK (0) only asks that the file exist.  W_OK on a regular file,
 *   directory or symbolic link of a read-only mount fails even when the mode
 *   bits would allow it.  Nothing is opened.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor (O_PATH accepted).  Used only
 *     for a relative filename; it must then be a directory, unless filename
 *     is empty under AT_EMPTY_PATH.
 *   desc: Starting point of the lookup.
 *
 * param: filename
 *   kapi-semantic: path:exec
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file to check.
 *
 * param: mode
 *   type: int, input
 *   constraint-type: mask(R_OK | W_OK | X_OK)
 *   constraint: F_OK is 0; any bit outside S_IRWXO (R_OK | W_OK | X_OK)
 *     gives EINVAL.  X_OK on a regular file needs an execute bit set for
 *     someone even for root, and a mount that is not noexec.
 *   desc: The accesses to check.
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)
 *   constraint: Any other bit gives EINVAL.  AT_EMPTY_PATH with an empty
 *     filename checks the file dfd refers to.
 *   desc: Lookup flags and which credentials to check with.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 when every asked access is allowed (or, for F_OK, the file
 *     exists), a negative errno otherwise.
 *
 * error: EACCES, an asked access, or search permission on a path directory, is denied
 *   kapi-cond: filename=path:noperm, mode=R_OK, caps=none; filename=path:nosearch, mode=F_OK, caps=none; filename=path:file, mode=X_OK
 *   desc: The mode bits or ACL deny the access to the real ids; a directory of
 *     the path lacks search permission; X_OK was asked for a regular file
 *     with no execute bit (root too: the capability does not grant execute
 *     then) or on a noexec mount; W_OK for a file whose owner or group has no
 *     mapping in the caller's user namespace; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Not checked for an absolute filename.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, mode has a bit outside R_OK, W_OK and X_OK, or flags an unknown bit
 *   kapi-cond: mode=8; mode=-1; flags=0x1; flags=AT_REMOVEDIR | AT_SYMLINK_FOLLOW
 *   desc: Both are checked before the lookup.
 *
 * error: EIO, the filesystem failed to read what the check needs
 *   kapi-cond: filename=path:fuse-getattr-fails, mode=X_OK
 *   desc: An inode, directory block or ACL could not be read, or a FUSE or
 *     network server answered with EIO: a FUSE filesystem without
 *     default_permissions asks the server for fresh attributes before an
 *     execute check of a regular file, and sends the other checks as FUSE
 *     ACCESS requests.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop; filename=path:loop-below, flags=AT_SYMLINK_NOFOLLOW
 *   desc: More than 40 links, the final one included unless
 *     AT_SYMLINK_NOFOLLOW is given.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing; filename=path:dangling; filename=path:empty
 *   desc: Includes a followed final symbolic link to nothing, and an empty
 *     filename without AT_EMPTY_PATH.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: filename=path:missing, memcg=full
 *   desc: The temporary credentials, the path buffer or a dentry could not
 *     be allocated.  The credentials and a dentry for a name not in the cache
 *     are charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: filename=path:notdir; dfd=fd:file
 *   desc: A non-final component is a regular file or another non-directory,
 *     or filename is relative and non-empty and dfd does not refer to a
 *     directory.
 *
 * error: EPERM, W_OK was asked for an immutable file
 *   kapi-cond: filename=path:immutable, mode=W_OK
 *   desc: Nobody gets write access to a file marked immutable (chattr +i),
 *     root included.  The man page does not list this case.
 *
 * error: EROFS, W_OK was asked for a file on a read-only filesystem
 *   kapi-cond: filename=path:rofs-file, mode=W_OK
 *   desc: The file is a regular file, directory or symbolic link and its
 *     mount or filesystem is read-only; device nodes, FIFOs and sockets are
 *     not affected.  Only checked once the mode bits allow the write.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-getattr-fails, mode=X_OK
 *   desc: A network filesystem's server no longer knows the file, or a FUSE
 *     server answered with ESTALE, on the walk and on a second walk with
 *     every cached name revalidated (LOOKUP_REVAL).
 *
 * side-effect: modify_state
 *   target: caller's credentials, during the call only
 *   desc: The real-id credentials replace the caller's subjective ones while
 *     the check runs and are dropped before the call returns.
 *   reversible: yes
 *   kapi-unobservable: the override ends before the call returns, and a successful call changes nothing a caller can see; conform still checks that nothing changed
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: read and write access whatever the mode bits, and execute when some execute bit is set
 *   without: EACCES when the bits deny the access
 *   condition: the real uid is 0 (the temporary credentials keep the capabilities), or the caller's effective set has it with AT_EACCESS
 *   priority: 0
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: read access to files and search access to directories
 *   without: EACCES when read or search permission is missing
 *   condition: read or search permission is missing
 *   priority: 1
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: AT_EACCESS makes a difference only when the real and effective
 *   ids differ (a set-user-ID program); the case's ids are all equal.  6.1 does not refuse W_OK for a running executable: do_faccessat
 *   checks no write denial, so ETXTBSY, which the man page lists, is never
 *   returned; only an open for writing fails then.  The result may be stale
 *   the moment it is returned, so checking with access() before opening is
 *   racy; open the file and handle the error instead.
 */
SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode,
		int, flags)
{
}
