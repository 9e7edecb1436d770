// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the system calls that make, remove and move names: mkdir, rmdir,
// unlink, rename, link, symlink and mknod with their *at forms (fs/namei.c, Linux 6.1).

/**
 * sys_mkdir - make a directory
 * @pathname: path of the new directory, relative to the current working directory if not absolute
 * @mode: permission bits of the new directory, before the umask
 *
 * long-desc: The x86-64 mkdir() (syscall 83): mkdirat() from AT_FDCWD.
 *   Resolves the directories of pathname, following symbolic links in them,
 *   and makes an empty directory under the final name, which must not exist
 *   (a final symbolic link is not followed: even a dangling one counts as
 *   existing).  The new directory's permission bits are mode's S_IRWXUGO and
 *   S_ISVTX bits less the umask, or as the parent's default ACL says; its
 *   owner is the caller's fsuid, its group the fsgid or, below a set-group-ID
 *   directory, the parent's group, and then it is set-group-ID too.  The
 *   caller needs write and search permission on the parent.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; the final component at most the filesystem's name
 *     limit, not "." or "..", and not an existing name.  A trailing slash is
 *     allowed.  A final component that is a symbolic link loop exists, so it
 *     gives EEXIST and not ELOOP, and a missing final name is what the call
 *     wants: the generic invalid-path cases do not apply; the error
 *     conditions below provoke each error.
 *   desc: Where the new directory goes.
 *
 * param: mode
 *   kapi-valid: 0755
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(S_IRWXUGO | S_ISVTX)
 *   constraint: Only the permission bits and S_ISVTX are used; every other
 *     bit (S_ISUID, S_ISGID, file type bits, anything above 07777) is
 *     ignored, never an error, so no invalid value exists.
 *   desc: Permission bits of the new directory before the umask.
 *   kapi-fs: fuse=EFFECT bindfs makes the directory without the sticky bit asked for
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the directory exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE (nor, for search, CAP_DAC_READ_SEARCH); or a security
 *     module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EDQUOT, the user's inode or block quota on the filesystem is exhausted
 *   kapi-cond: pathname=path:quota-new
 *   desc: The new directory's inode (or its first block, on a filesystem
 *     that gives a directory one) would exceed the caller's quota.  The man
 *     page names only the inode quota.
 *
 * error: EEXIST, the final name exists, or it is "." or ".."
 *   kapi-cond: pathname=path:file; pathname=path:dir; pathname=path:dangling; pathname=path:dot
 *   desc: Any kind of file, a symbolic link included, which is not followed
 *     (a dangling one too).  A final component "." or ".." (or a path of only
 *     slashes) gives EEXIST before anything is looked up; the man page does
 *     not say so.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to make the new one
 *   kapi-cond: pathname=path:fuse-create-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's mkdir failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed (it gives EEXIST).
 *
 * error: EMLINK, the parent directory has the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4 without dir_nlink, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: Each subdirectory adds a link to its parent; the filesystem's
 *     s_max_links (ext2's 32000, for example) is reached.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit (the new name's too).
 *
 * error: ENOENT, a directory of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing-parent; pathname=path:empty
 *   desc: Includes a dangling symbolic link among the directories of the
 *     path, a parent removed while the call waited for it, and an empty
 *     pathname.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The path buffer, the new name's dentry or the new inode could not
 *     be allocated; dentries and inodes are charged to the caller's memory
 *     cgroup, so a full cgroup fails the call.
 *
 * error: ENOSPC, the filesystem has no room for the new directory, or an automount would exceed the mount limit
 *   kapi-cond: pathname=path:nospace-new
 *   desc: No free inode (tmpfs's nr_inodes) or block for the directory; or
 *     a directory of the path is an automount point and the mount namespace
 *     already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A directory of the path is a regular file or another
 *     non-directory.
 *
 * error: EOVERFLOW, the caller's fsuid or fsgid has no mapping in the filesystem's user namespace
 *   kapi-unprovokable: needs a filesystem mounted in a user namespace that does not map the caller's ids; the case's own mounts belong to its namespace, which maps them, and it cannot reach a mount of a namespace below it through its working directory
 *   desc: The new inode's owner could not be stored: the filesystem was
 *     mounted in a user namespace (or through an idmapped mount) that has no
 *     mapping for the caller's fsuid or fsgid.  Not in the man page.
 *
 * error: EPERM, the filesystem of the parent does not support directories being made
 *   kapi-cond: pathname=path:mqueue-new
 *   desc: The parent's inode has no mkdir operation (mqueue, for example),
 *     or a security module refused.
 *
 * error: EROFS, the parent directory is on a read-only mount
 *   kapi-cond: pathname=path:rofs-new
 *   desc: Reported only when the name does not exist yet: an existing name
 *     gives EEXIST even on a read-only mount.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: pathname=path:fuse-create-fails
 *   desc: A network filesystem's server no longer knows a directory of the
 *     path, or a FUSE server answered the MKDIR with ESTALE.  The call is
 *     made once more with every cached name revalidated (LOOKUP_REVAL)
 *     before the error is returned.
 *
 * side-effect: filesystem | resource_create
 *   target: the new directory
 *   desc: An empty directory appears under the final name, with mode's
 *     permission and sticky bits less the umask; the parent's link count goes
 *     up by one and its modification and change times are updated.
 *   reversible: yes
 *   kapi-effect: path:dir=pathname,mode
 *   kapi-effect-case: mode=0700; mode=01777; mode=07777; mode=0
 *   kapi-fs: fuse=EFFECT bindfs makes the directory without the sticky bit asked for
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: making a directory in a parent without write or search permission
 *   without: EACCES
 *   condition: the parent lacks write or execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: A trailing slash is allowed ("new/" makes "new").  The man page's
 *   EINVAL for a final component the filesystem refuses comes from
 *   filesystem-specific lookups (vfat, for example); on tmpfs every name
 *   NAME_MAX bytes or shorter without a slash is accepted.
 */
SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
}

/**
 * sys_mkdirat - make a directory named relative to a directory descriptor
 * @dfd: directory a relative pathname is resolved from, or AT_FDCWD
 * @pathname: path of the new directory
 * @mode: permission bits of the new directory, before the umask
 *
 * long-desc: Resolves the directories of pathname from dfd (from the
 *   current directory when dfd is AT_FDCWD; dfd is ignored when pathname is
 *   absolute), following symbolic links in them,
 *   and makes an empty directory under the final name, which must not exist
 *   (a final symbolic link is not followed: even a dangling one counts as
 *   existing).  The new directory's permission bits are mode's S_IRWXUGO and
 *   S_ISVTX bits less the umask, or as the parent's default ACL says; its
 *   owner is the caller's fsuid, its group the fsgid or, below a set-group-ID
 *   directory, the parent's group, and then it is set-group-ID too.  The
 *   caller needs write and search permission on the parent.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted).  Used only when pathname is relative.
 *   desc: Starting point of the lookup.
 *
 * param: pathname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; the final component at most the filesystem's name
 *     limit, not "." or "..", and not an existing name.  A trailing slash is
 *     allowed.  A final component that is a symbolic link loop exists, so it
 *     gives EEXIST and not ELOOP, and a missing final name is what the call
 *     wants: the generic invalid-path cases do not apply; the error
 *     conditions below provoke each error.
 *   desc: Where the new directory goes.
 *
 * param: mode
 *   kapi-valid: 0755
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(S_IRWXUGO | S_ISVTX)
 *   constraint: Only the permission bits and S_ISVTX are used; every other
 *     bit (S_ISUID, S_ISGID, file type bits, anything above 07777) is
 *     ignored, never an error, so no invalid value exists.
 *   desc: Permission bits of the new directory before the umask.
 *   kapi-fs: fuse=EFFECT bindfs makes the directory without the sticky bit asked for
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the directory exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE (nor, for search, CAP_DAC_READ_SEARCH); or a security
 *     module refused.
 *
 * error: EBADF, pathname is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Not checked for an absolute pathname.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EDQUOT, the user's inode or block quota on the filesystem is exhausted
 *   kapi-cond: pathname=path:quota-new
 *   desc: The new directory's inode (or its first block, on a filesystem
 *     that gives a directory one) would exceed the caller's quota.  The man
 *     page names only the inode quota.
 *
 * error: EEXIST, the final name exists, or it is "." or ".."
 *   kapi-cond: pathname=path:file; pathname=path:dir; pathname=path:dangling; pathname=path:dot
 *   desc: Any kind of file, a symbolic link included, which is not followed
 *     (a dangling one too).  A final component "." or ".." (or a path of only
 *     slashes) gives EEXIST before anything is looked up; the man page does
 *     not say so.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to make the new one
 *   kapi-cond: pathname=path:fuse-create-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's mkdir failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed (it gives EEXIST).
 *
 * error: EMLINK, the parent directory has the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4 without dir_nlink, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: Each subdirectory adds a link to its parent; the filesystem's
 *     s_max_links (ext2's 32000, for example) is reached.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit (the new name's too).
 *
 * error: ENOENT, a directory of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing-parent; pathname=path:empty
 *   desc: Includes a dangling symbolic link among the directories of the
 *     path, a parent removed while the call waited for it, and an empty
 *     pathname.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The path buffer, the new name's dentry or the new inode could not
 *     be allocated; dentries and inodes are charged to the caller's memory
 *     cgroup, so a full cgroup fails the call.
 *
 * error: ENOSPC, the filesystem has no room for the new directory, or an automount would exceed the mount limit
 *   kapi-cond: pathname=path:nospace-new
 *   desc: No free inode (tmpfs's nr_inodes) or block for the directory; or
 *     a directory of the path is an automount point and the mount namespace
 *     already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: pathname=path:notdir; dfd=fd:file
 *   desc: A directory of the path is a regular file or another
 *     non-directory, or pathname is relative and dfd refers to something
 *     other than a directory.
 *
 * error: EOVERFLOW, the caller's fsuid or fsgid has no mapping in the filesystem's user namespace
 *   kapi-unprovokable: needs a filesystem mounted in a user namespace that does not map the caller's ids; the case's own mounts belong to its namespace, which maps them, and it cannot reach a mount of a namespace below it through its working directory
 *   desc: The new inode's owner could not be stored: the filesystem was
 *     mounted in a user namespace (or through an idmapped mount) that has no
 *     mapping for the caller's fsuid or fsgid.  Not in the man page.
 *
 * error: EPERM, the filesystem of the parent does not support directories being made
 *   kapi-cond: pathname=path:mqueue-new
 *   desc: The parent's inode has no mkdir operation (mqueue, for example),
 *     or a security module refused.
 *
 * error: EROFS, the parent directory is on a read-only mount
 *   kapi-cond: pathname=path:rofs-new
 *   desc: Reported only when the name does not exist yet: an existing name
 *     gives EEXIST even on a read-only mount.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: pathname=path:fuse-create-fails
 *   desc: A network filesystem's server no longer knows a directory of the
 *     path, or a FUSE server answered the MKDIR with ESTALE.  The call is
 *     made once more with every cached name revalidated (LOOKUP_REVAL)
 *     before the error is returned.
 *
 * side-effect: filesystem | resource_create
 *   target: the new directory
 *   desc: An empty directory appears under the final name, with mode's
 *     permission and sticky bits less the umask; the parent's link count goes
 *     up by one and its modification and change times are updated.
 *   reversible: yes
 *   kapi-effect: path:dir=pathname,mode
 *   kapi-effect-case: mode=0700; mode=01777; mode=07777; mode=0
 *   kapi-fs: fuse=EFFECT bindfs makes the directory without the sticky bit asked for
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: making a directory in a parent without write or search permission
 *   without: EACCES
 *   condition: the parent lacks write or execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: mkdir(pathname, mode) is mkdirat(AT_FDCWD, pathname, mode).  A
 *   trailing slash is allowed ("new/" makes "new").  The man page's
 *   EINVAL for a final component the filesystem refuses comes from
 *   filesystem-specific lookups (vfat, for example); on tmpfs every name
 *   NAME_MAX bytes or shorter without a slash is accepted.
 */
SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
}

/**
 * sys_rmdir - remove an empty directory
 * @pathname: path of the directory, relative to the current working directory if not absolute
 *
 * long-desc: The x86-64 rmdir() (syscall 84): unlinkat() from AT_FDCWD
 *   with AT_REMOVEDIR.  Resolves the directories of pathname, following
 *   symbolic links in them, and removes the final name, which must be an
 *   empty directory (a final symbolic link is not followed: it is not a
 *   directory).  The caller needs write and search permission on the
 *   parent; in a sticky parent it must also own the directory or the parent
 *   or have CAP_FOWNER.  The directory's inode lives on while it is open or
 *   some process has it as its working directory, but it can hold no new
 *   entries.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:dir
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit,
 *     naming an empty directory that is not a mount point.  A final "."
 *     gives EINVAL and ".." ENOTEMPTY; a final symbolic link loop is a
 *     symbolic link, not a directory (ENOTDIR, not ELOOP), so the generic
 *     invalid-path cases do not apply; the error conditions below provoke
 *     each error.
 *   desc: The directory to remove.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the name is gone, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBUSY, the directory is a mount point or the root, or an automount on the path failed so
 *   kapi-cond: pathname=path:notmpfile-dir
 *   desc: Something is mounted on the directory in the caller's mount
 *     namespace, pathname names the root ("/"), or the directory is a
 *     filesystem's root; also when a directory of the path is an automount
 *     point whose new mount would repeat the mount it lies on.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to remove the name
 *   kapi-cond: pathname=path:fuse-rmdir-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's rmdir failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: EINVAL, the final component of pathname is "."
 *   kapi-cond: pathname=path:dot
 *   desc: Checked before the name is looked up.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:missing-parent; pathname=path:empty
 *   desc: The directory or one of the directories of its path is missing,
 *     or the parent was removed while the call waited for it.
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
 * error: ENOTDIR, pathname is not a directory, or a component used as a directory is not one
 *   kapi-cond: pathname=path:file; pathname=path:dangling; pathname=path:notdir
 *   desc: The final name is a regular file, a symbolic link (not
 *     followed, a dangling one too) or another non-directory, or a directory
 *     of the path is not a directory.
 *
 * error: ENOTEMPTY, the directory has entries other than "." and "..", or the final component is ".."
 *   kapi-cond: pathname=path:dir-full; pathname=path:dotdot
 *   desc: The filesystem refuses a directory that still holds names.  A
 *     final ".." gives ENOTEMPTY before any lookup.  The man page allows
 *     EEXIST too; Linux's filesystems return ENOTEMPTY.
 *
 * error: EOVERFLOW, the directory's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: pathname=path:fuse-unmapped-dir
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, which cannot be written back: it is not
 *     removed.  Not in the man page.
 *
 * error: EPERM, the parent is sticky and the caller owns neither, or the directory is immutable or append-only
 *   kapi-cond: pathname=path:sticky-dir, uid=1000
 *   desc: A sticky parent (mode S_ISVTX) lets only the owner of the
 *     directory or of the parent, or a caller with CAP_FOWNER, remove it;
 *     also an immutable or append-only directory or parent, a filesystem
 *     without directory removal, or a security module's refusal.
 *
 * error: EROFS, the directory is on a read-only mount
 *   kapi-cond: pathname=path:rofs-new
 *   desc: Checked before the final name is looked up: a missing name on a
 *     read-only mount gives EROFS, not ENOENT.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: pathname=path:fuse-rmdir-fails
 *   desc: A network filesystem's server no longer knows the directory or
 *     one of its path, or a FUSE server answered the RMDIR with ESTALE.  The
 *     call is made once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: filesystem | resource_destroy
 *   target: the directory's name
 *   desc: The name disappears from the parent, whose link count goes down
 *     by one; the directory's inode is freed once nothing holds it.
 *   reversible: no
 *   kapi-effect: path:absent=pathname
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: removing a directory of another user from a sticky parent
 *   without: EPERM
 *   condition: the parent has S_ISVTX and the caller owns neither it nor the directory
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: rmdir(pathname) is unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR).  A
 *   trailing slash is allowed.  The man page's EINVAL for ".", ENOTEMPTY for
 *   ".." and EBUSY for a mount point agree with the kernel.
 */
SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
}

/**
 * sys_unlink - remove a name of a file
 * @pathname: path of the name to remove, relative to the current working directory if not absolute
 *
 * long-desc: The x86-64 unlink() (syscall 87): unlinkat() from AT_FDCWD
 *   without flags.  Resolves the directories of pathname, following
 *   symbolic links in them, and removes the final name from its directory;
 *   a final symbolic link is removed itself, not followed.  The file's link
 *   count goes down by one; once it reaches zero and no process holds the
 *   file open or mapped, the file is freed.  Directories are never removed
 *   (rmdir() does that).  The caller needs write and search permission on
 *   the parent; in a sticky parent it must also own the file or the parent
 *   or have CAP_FOWNER.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit,
 *     naming something other than a directory.  A final symbolic link loop
 *     is a valid argument (the link is removed), so the generic invalid-path
 *     cases do not apply; the error conditions below provoke each error.
 *   desc: The name to remove.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the name is gone, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBUSY, the file is a mount point, or an automount on the path failed so
 *   kapi-cond: pathname=path:mounted-file
 *   desc: Something is mounted on the file (a bind mount) in the caller's
 *     mount namespace; also when a directory of the path is an automount
 *     point whose new mount would repeat the mount it lies on.  The man page
 *     names only a file in use by the system.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to remove the name
 *   kapi-cond: pathname=path:fuse-change-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's unlink failed: a FUSE or network server that answered
 *     the request with EIO.
 *
 * error: EISDIR, pathname names a directory, or its final component is "." or ".."
 *   kapi-cond: pathname=path:dir; pathname=path:dot; pathname=path:dotdot
 *   desc: Linux never unlinks a directory and says EISDIR (POSIX allows
 *     EPERM).  A final "." or ".." gives EISDIR before any lookup, as does a
 *     trailing slash after a directory's name.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:missing-parent; pathname=path:empty
 *   desc: The name or a directory of its path is missing, or the parent
 *     was removed while the call waited for it.
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
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A directory of the path is a regular file or another
 *     non-directory, or pathname ends in a slash after a non-directory.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: pathname=path:fuse-unmapped
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, which cannot be written back: its name is
 *     not removed.  Not in the man page.
 *
 * error: EPERM, the parent is sticky and the caller owns neither, or the file is immutable or append-only
 *   kapi-cond: pathname=path:sticky-file, uid=1000; pathname=path:immutable
 *   desc: A sticky parent (mode S_ISVTX) lets only the owner of the file or
 *     of the parent, or a caller with CAP_FOWNER, remove the name; also an
 *     immutable or append-only file or parent, an active swap file, a
 *     filesystem without unlink, or a security module's refusal.
 *
 * error: EROFS, the name is on a read-only mount
 *   kapi-cond: pathname=path:rofs-file; pathname=path:rofs-new
 *   desc: Checked before the final name is looked up: a missing name on a
 *     read-only mount gives EROFS, not ENOENT.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: pathname=path:fuse-change-fails
 *   desc: A network filesystem's server no longer knows the file or a
 *     directory of its path, or a FUSE server answered the UNLINK with
 *     ESTALE.  The call is made once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: filesystem | resource_destroy
 *   target: the name
 *   desc: The name disappears from its directory and the file's link count
 *     goes down; the file itself is freed once it has no name and nothing
 *     holds it open.
 *   reversible: no
 *   kapi-effect: path:absent=pathname
 *   kapi-effect-case: pathname=path:symlink; pathname=path:dangling; pathname=path:loop; pathname=path:fifo
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: removing a name of another user's file from a sticky directory
 *   without: EPERM
 *   condition: the parent has S_ISVTX and the caller owns neither it nor the file
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; ECHILD check_acl
 *   returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in reference
 *   mode
 *
 * notes: unlink(pathname) is unlinkat(AT_FDCWD, pathname, 0).  An open
 *   descriptor of the file stays usable after its last name is gone.  The
 *   man page's EPERM for a directory is POSIX's; Linux says EISDIR.
 */
SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
}

/**
 * sys_unlinkat - remove a name of a file, or an empty directory, relative to a directory descriptor
 * @dfd: directory a relative pathname is resolved from, or AT_FDCWD
 * @pathname: path of the name to remove
 * @flag: 0, or AT_REMOVEDIR to remove an empty directory
 *
 * long-desc: Without flags, unlink() from dfd: resolves the directories of
 *   pathname from dfd (from the current directory when dfd is AT_FDCWD;
 *   dfd is ignored when pathname is absolute), following symbolic links in
 *   them, and removes the final name, which must not be a directory; a
 *   final symbolic link is removed itself.  With AT_REMOVEDIR, rmdir() from
 *   dfd: the final name must be an empty directory.  The caller needs write
 *   and search permission on the parent; in a sticky parent it must also own
 *   the file or the parent or have CAP_FOWNER.  The raw syscall returns 0
 *   or a negative errno.
 * contexts: process, sleepable
 *
 * param: dfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted).  Used only when pathname is relative.
 *   desc: Starting point of the lookup.
 *
 * param: pathname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit;
 *     a non-directory without AT_REMOVEDIR, an empty directory with it.  A
 *     final symbolic link loop is a valid argument without AT_REMOVEDIR (the
 *     link is removed), so the generic invalid-path cases do not apply; the
 *     error conditions below provoke each error.
 *   desc: The name to remove.
 *
 * param: flag
 *   kapi-test: no-valid-bits
 *   type: int, input
 *   constraint-type: mask(AT_REMOVEDIR)
 *   constraint: Any other bit gives EINVAL, checked first.  AT_REMOVEDIR
 *     changes what pathname must name (an empty directory), so it is not
 *     tried on the baseline's regular file: the effect cases below use it on
 *     a directory.
 *   desc: What to remove.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the name is gone, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: pathname=path:nosearch, caps=none; pathname=path:nosearch, flag=AT_REMOVEDIR, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBADF, pathname is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Not checked for an absolute pathname.
 *
 * error: EBUSY, the file or directory is a mount point or the root, or an automount on the path failed so
 *   kapi-cond: pathname=path:mounted-file; pathname=path:notmpfile-dir, flag=AT_REMOVEDIR
 *   desc: Something is mounted on the name in the caller's mount namespace;
 *     with AT_REMOVEDIR also the root ("/") or a filesystem's root; or a
 *     directory of the path is an automount point whose new mount would
 *     repeat the mount it lies on.
 *
 * error: EFAULT, pathname points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EINVAL, flag has a bit other than AT_REMOVEDIR, or AT_REMOVEDIR with a final "."
 *   kapi-cond: flag=AT_SYMLINK_NOFOLLOW; flag=AT_EMPTY_PATH; pathname=path:dot, flag=AT_REMOVEDIR
 *   desc: The flag check comes before anything else.
 *
 * error: EIO, the filesystem failed to read a directory or to remove the name
 *   kapi-cond: pathname=path:fuse-change-fails; pathname=path:fuse-rmdir-fails, flag=AT_REMOVEDIR
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's unlink or rmdir failed: a FUSE or network server that
 *     answered the request with EIO.
 *
 * error: EISDIR, without AT_REMOVEDIR, pathname names a directory or ends in "." or ".."
 *   kapi-cond: pathname=path:dir; pathname=path:dot; pathname=path:dotdot
 *   desc: Without AT_REMOVEDIR a directory is never removed (POSIX allows
 *     EPERM; Linux says EISDIR).
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:missing-parent; pathname=path:empty
 *   desc: The name or a directory of its path is missing, or the parent
 *     was removed while the call waited for it.  AT_EMPTY_PATH is not
 *     accepted, so an empty pathname never names dfd.
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
 * error: ENOTDIR, a component used as a directory is not one, dfd is not a directory, or AT_REMOVEDIR on a non-directory
 *   kapi-cond: pathname=path:notdir; dfd=fd:file; pathname=path:file, flag=AT_REMOVEDIR
 *   desc: A directory of the path is not a directory, pathname is relative
 *     and dfd refers to something other than a directory, or AT_REMOVEDIR
 *     names a regular file, a symbolic link or another non-directory.
 *
 * error: ENOTEMPTY, with AT_REMOVEDIR, the directory is not empty or the final component is ".."
 *   kapi-cond: pathname=path:dir-full, flag=AT_REMOVEDIR; pathname=path:dotdot, flag=AT_REMOVEDIR
 *   desc: The man page allows EEXIST too; Linux's filesystems return
 *     ENOTEMPTY.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: pathname=path:fuse-unmapped; pathname=path:fuse-unmapped-dir, flag=AT_REMOVEDIR
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, which cannot be written back: its name is
 *     not removed.  Not in the man page.
 *
 * error: EPERM, the parent is sticky and the caller owns neither, or the file is immutable or append-only
 *   kapi-cond: pathname=path:sticky-file, uid=1000; pathname=path:sticky-dir, flag=AT_REMOVEDIR, uid=1000; pathname=path:immutable
 *   desc: A sticky parent (mode S_ISVTX) lets only the owner of the file or
 *     of the parent, or a caller with CAP_FOWNER, remove the name; also an
 *     immutable or append-only file or parent, an active swap file, a
 *     filesystem without unlink or rmdir, or a security module's refusal.
 *
 * error: EROFS, the name is on a read-only mount
 *   kapi-cond: pathname=path:rofs-file; pathname=path:rofs-new, flag=AT_REMOVEDIR
 *   desc: Checked before the final name is looked up: a missing name on a
 *     read-only mount gives EROFS, not ENOENT.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: pathname=path:fuse-change-fails; pathname=path:fuse-rmdir-fails, flag=AT_REMOVEDIR
 *   desc: A network filesystem's server no longer knows the file or a
 *     directory of its path, or a FUSE server answered the UNLINK or RMDIR
 *     with ESTALE.  The call is made once more with every cached name
 *     revalidated (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: filesystem | resource_destroy
 *   target: the name
 *   desc: The name disappears from its directory and the file's link count
 *     goes down (a removed directory's parent loses a link too); the file
 *     is freed once it has no name and nothing holds it open.
 *   reversible: no
 *   kapi-effect: path:absent=pathname
 *   kapi-effect-case: pathname=path:dir, flag=AT_REMOVEDIR; pathname=path:symlink; pathname=path:loop; pathname=path:fifo
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: removing a name of another user's file from a sticky directory
 *   without: EPERM
 *   condition: the parent has S_ISVTX and the caller owns neither it nor the file
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; ECHILD check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk,
 *   which then starts again in reference mode
 *
 * notes: unlink() and rmdir() are unlinkat() from AT_FDCWD without and with
 *   AT_REMOVEDIR.  Unlike most *at calls, unlinkat() takes no AT_EMPTY_PATH
 *   and no AT_SYMLINK_NOFOLLOW (a final link is never followed anyway).
 */
SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
}

/**
 * sys_rename - move a file to another name, replacing what is there
 * @oldname: path of the file to move, relative to the current working directory if not absolute
 * @newname: its new path
 *
 * long-desc: The x86-64 rename() (syscall 82): renameat2() from AT_FDCWD
 *   for both names, without flags.  Resolves the directories of both
 *   paths, following symbolic links in them (final symbolic links are moved
 *   or replaced themselves, never followed), and gives the file at oldname
 *   the name newname, in one step: if newname exists it is replaced
 *   atomically, so it never stops existing.  A directory may replace only
 *   an empty directory; a non-directory only a non-directory.  Both names
 *   must be on the same mount.  Renaming a file to a name it already has
 *   (the same inode, a hard link) succeeds and changes nothing.  The caller
 *   needs write and search permission on both parents; sticky parents limit
 *   it as for unlink(); moving a directory to another parent also needs
 *   write permission on it (its ".." changes).  The raw syscall returns 0 or
 *   a negative errno.
 * contexts: process, sleepable
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit;
 *     not ending in "." or "..".  A final symbolic link loop is a valid
 *     argument (the link is moved), so the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error.
 *   desc: The file to move.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: As oldname, on the same mount; a missing final name is
 *     what the call makes, so the generic invalid-path cases do not apply.
 *   desc: The new name.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the file has its new name, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of a path, or write permission on a parent, is denied
 *   kapi-cond: oldname=path:nosearch, caps=none
 *   desc: A directory of either path lacks execute permission for the
 *     caller, a parent lacks write or execute permission, or a directory
 *     moved to another parent is not writable, and the caller has no
 *     CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBUSY, a name is a mount point or ends in "." or "..", or an automount on a path failed so
 *   kapi-cond: oldname=path:mounted-file; oldname=path:notmpfile-dir; oldname=path:dot; newname=path:dotdot
 *   desc: Something is mounted on oldname or newname in the caller's mount
 *     namespace, or the final component of either path is "." or ".." (or a
 *     path is only slashes); or a directory of a path is an automount point
 *     whose new mount would repeat the mount it lies on.
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a path from user memory faulted.
 *
 * error: EINVAL, a directory would move into itself or one of its own subdirectories
 *   kapi-cond: oldname=path:dir, newname=path:dir-below
 *   desc: newname lies below oldname.
 *
 * error: EIO, the filesystem failed to read a directory or to rename
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A directory block could not be read during a lookup, or the
 *     filesystem's rename failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: EISDIR, newname is a directory and oldname is not
 *   kapi-cond: newname=path:dir
 *   desc: A non-directory cannot replace a directory.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a path
 *   kapi-cond: oldname=path:loop-below; newname=path:loop-below
 *   desc: More than 40 links in the directories of a path.  Final symbolic
 *     links are not followed.
 *
 * error: EMLINK, a directory would move to a parent with the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4 without dir_nlink, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: Moving a directory to another parent adds a link to the new
 *     parent; the filesystem's s_max_links is reached.
 *
 * error: ENAMETOOLONG, a path or one of its components is too long
 *   kapi-cond: oldname=path:toolong; oldname=path:name-toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: A path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, oldname does not exist, a directory of a path does not exist, or a path is empty
 *   kapi-cond: oldname=path:missing; oldname=path:empty; newname=path:missing-parent; newname=path:empty
 *   desc: Includes a parent removed while the call waited for it.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: oldname=path:missing, memcg=full
 *   desc: A path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on a path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of a path would add one more.  A filesystem that
 *     needs room to store the new name (ext4, for example) may also give
 *     ENOSPC when full.
 *
 * error: ENOTDIR, a component used as a directory is not one, or oldname is a directory and newname is not
 *   kapi-cond: oldname=path:notdir; newname=path:notdir; oldname=path:dir, newname=path:file
 *   desc: A directory of a path is not a directory; a directory cannot
 *     replace a non-directory; a trailing slash follows a non-directory.
 *
 * error: ENOTEMPTY, newname is a directory that is not empty
 *   kapi-cond: oldname=path:dir, newname=path:dir-full
 *   kapi-fs: xfs=EEXIST xfs reports a non-empty target directory as EEXIST, which POSIX allows
 *   desc: Also when newname is an ancestor of oldname.  The man page allows
 *     EEXIST too: tmpfs, ext4 and btrfs return ENOTEMPTY, xfs EEXIST.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: oldname=path:fuse-unmapped, newname=path:fuse-new
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, which cannot be written back: it is not
 *     moved.  Not in the man page.
 *
 * error: EPERM, a sticky parent forbids it, a file is immutable or append-only, or the filesystem cannot rename
 *   kapi-cond: oldname=path:sticky-file, uid=1000; oldname=path:mqueue-file, newname=path:mqueue-new
 *   desc: A sticky parent (mode S_ISVTX) of oldname or of an existing
 *     newname lets only the owner of that file or of the parent, or a
 *     caller with CAP_FOWNER, move or replace it; an immutable or
 *     append-only file or parent, or an active swap file, cannot be moved or
 *     replaced; the parent's filesystem has no rename (mqueue); or a
 *     security module refused.
 *
 * error: EROFS, the names are on a read-only mount
 *   kapi-cond: oldname=path:rofs-new, newname=path:rofs-new
 *   desc: Checked before the final names are looked up: a missing oldname
 *     on a read-only mount gives EROFS, not ENOENT.
 *
 * error: ESTALE, the filesystem reported a file handle of a path stale
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A network filesystem's server no longer knows a file or
 *     directory of the paths, or a FUSE server answered the RENAME with
 *     ESTALE.  The call is made once more with every cached name
 *     revalidated (LOOKUP_REVAL) before the error is returned.
 *
 * error: EXDEV, oldname and newname are not on the same mount
 *   kapi-cond: newname=path:nospace-new; newname=path:rofs-new
 *   desc: Two mounts of the same filesystem count as different: a rename
 *     never crosses a mount point.
 *
 * side-effect: filesystem | modify_state
 *   target: the names oldname and newname
 *   desc: The file is at newname and oldname is gone; a file that was at
 *     newname loses that name (and is freed once it has no name and nothing
 *     holds it).  The parents' modification times change.
 *   reversible: yes
 *   kapi-effect: path:renamed=oldname,newname
 *   kapi-effect-case: oldname=path:dir; oldname=path:symlink; oldname=path:dangling; newname=path:symlink; oldname=path:fifo, newname=path:file
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: moving or replacing another user's file in a sticky directory
 *   without: EPERM
 *   condition: a parent has S_ISVTX and the caller owns neither it nor the file
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walks start at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; ENOTRECOVERABLE a WARN_ON in set_root for
 *   a scoped walk: a kernel bug; ECHILD check_acl returns it only under MAY_NOT_BLOCK, during an RCU
 *   walk, which then starts again in reference mode; EEXIST do_renameat2 gives it only under
 *   RENAME_NOREPLACE, and rename passes no flags
 *
 * notes: rename(old, new) is renameat2(AT_FDCWD, old, AT_FDCWD, new, 0).
 *   The man page's EEXIST for a non-empty target directory is allowed by
 *   POSIX; tmpfs, ext4 and btrfs say ENOTEMPTY, xfs EEXIST.  EXDEV is reported
 *   before EROFS and before any final name is looked up.
 */
SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
}

/**
 * sys_renameat - move a file to another name, each named relative to a directory descriptor
 * @olddfd: directory a relative oldname is resolved from, or AT_FDCWD
 * @oldname: path of the file to move
 * @newdfd: directory a relative newname is resolved from, or AT_FDCWD
 * @newname: its new path
 *
 * long-desc: renameat2() without flags.  Resolves the directories of
 *   oldname from olddfd and of newname from newdfd (from the current
 *   directory for AT_FDCWD; a descriptor is ignored for an absolute name),
 *   following symbolic links in them (final symbolic links are moved
 *   or replaced themselves, never followed), and gives the file at oldname
 *   the name newname, in one step: if newname exists it is replaced
 *   atomically, so it never stops existing.  A directory may replace only
 *   an empty directory; a non-directory only a non-directory.  Both names
 *   must be on the same mount.  Renaming a file to a name it already has
 *   (the same inode, a hard link) succeeds and changes nothing.  The caller
 *   needs write and search permission on both parents; sticky parents limit
 *   it as for unlink(); moving a directory to another parent also needs
 *   write permission on it (its ".." changes).  The raw syscall returns 0 or
 *   a negative errno.
 * contexts: process, sleepable
 *
 * param: olddfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted).  Used only when oldname is relative.
 *   desc: Starting point of oldname's lookup.
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit;
 *     not ending in "." or "..".  A final symbolic link loop is a valid
 *     argument (the link is moved), so the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error.
 *   desc: The file to move.
 *
 * param: newdfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: As olddfd, for newname.
 *   desc: Starting point of newname's lookup.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: As oldname, on the same mount; a missing final name is
 *     what the call makes, so the generic invalid-path cases do not apply.
 *   desc: The new name.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the file has its new name, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of a path, or write permission on a parent, is denied
 *   kapi-cond: oldname=path:nosearch, caps=none
 *   desc: A directory of either path lacks execute permission for the
 *     caller, a parent lacks write or execute permission, or a directory
 *     moved to another parent is not writable, and the caller has no
 *     CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBADF, a relative name's descriptor is not an open descriptor
 *   kapi-cond: olddfd=fd:closed; olddfd=-1; newdfd=fd:closed; newdfd=-1
 *   desc: Not checked for an absolute name.
 *
 * error: EBUSY, a name is a mount point or ends in "." or "..", or an automount on a path failed so
 *   kapi-cond: oldname=path:mounted-file; oldname=path:notmpfile-dir; oldname=path:dot; newname=path:dotdot
 *   desc: Something is mounted on oldname or newname in the caller's mount
 *     namespace, or the final component of either path is "." or ".." (or a
 *     path is only slashes); or a directory of a path is an automount point
 *     whose new mount would repeat the mount it lies on.
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a path from user memory faulted.
 *
 * error: EINVAL, a directory would move into itself or one of its own subdirectories
 *   kapi-cond: oldname=path:dir, newname=path:dir-below
 *   desc: newname lies below oldname.
 *
 * error: EIO, the filesystem failed to read a directory or to rename
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A directory block could not be read during a lookup, or the
 *     filesystem's rename failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: EISDIR, newname is a directory and oldname is not
 *   kapi-cond: newname=path:dir
 *   desc: A non-directory cannot replace a directory.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a path
 *   kapi-cond: oldname=path:loop-below; newname=path:loop-below
 *   desc: More than 40 links in the directories of a path.  Final symbolic
 *     links are not followed.
 *
 * error: EMLINK, a directory would move to a parent with the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4 without dir_nlink, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: Moving a directory to another parent adds a link to the new
 *     parent; the filesystem's s_max_links is reached.
 *
 * error: ENAMETOOLONG, a path or one of its components is too long
 *   kapi-cond: oldname=path:toolong; oldname=path:name-toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: A path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, oldname does not exist, a directory of a path does not exist, or a path is empty
 *   kapi-cond: oldname=path:missing; oldname=path:empty; newname=path:missing-parent; newname=path:empty
 *   desc: Includes a parent removed while the call waited for it.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: oldname=path:missing, memcg=full
 *   desc: A path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on a path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of a path would add one more.  A filesystem that
 *     needs room to store the new name (ext4, for example) may also give
 *     ENOSPC when full.
 *
 * error: ENOTDIR, a component used as a directory is not one, a descriptor is not a directory, or oldname is a directory and newname is not
 *   kapi-cond: oldname=path:notdir; newname=path:notdir; oldname=path:dir, newname=path:file; olddfd=fd:file; newdfd=fd:file
 *   desc: A directory of a path is not a directory; a name is relative and
 *     its descriptor refers to something other than a directory; a
 *     directory cannot replace a non-directory; a trailing slash follows a
 *     non-directory.
 *
 * error: ENOTEMPTY, newname is a directory that is not empty
 *   kapi-cond: oldname=path:dir, newname=path:dir-full
 *   kapi-fs: xfs=EEXIST xfs reports a non-empty target directory as EEXIST, which POSIX allows
 *   desc: Also when newname is an ancestor of oldname.  The man page allows
 *     EEXIST too: tmpfs, ext4 and btrfs return ENOTEMPTY, xfs EEXIST.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: oldname=path:fuse-unmapped, newname=path:fuse-new
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, which cannot be written back: it is not
 *     moved.  Not in the man page.
 *
 * error: EPERM, a sticky parent forbids it, a file is immutable or append-only, or the filesystem cannot rename
 *   kapi-cond: oldname=path:sticky-file, uid=1000; oldname=path:mqueue-file, newname=path:mqueue-new
 *   desc: A sticky parent (mode S_ISVTX) of oldname or of an existing
 *     newname lets only the owner of that file or of the parent, or a
 *     caller with CAP_FOWNER, move or replace it; an immutable or
 *     append-only file or parent, or an active swap file, cannot be moved or
 *     replaced; the parent's filesystem has no rename (mqueue); or a
 *     security module refused.
 *
 * error: EROFS, the names are on a read-only mount
 *   kapi-cond: oldname=path:rofs-new, newname=path:rofs-new
 *   desc: Checked before the final names are looked up: a missing oldname
 *     on a read-only mount gives EROFS, not ENOENT.
 *
 * error: ESTALE, the filesystem reported a file handle of a path stale
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A network filesystem's server no longer knows a file or
 *     directory of the paths, or a FUSE server answered the RENAME with
 *     ESTALE.  The call is made once more with every cached name
 *     revalidated (LOOKUP_REVAL) before the error is returned.
 *
 * error: EXDEV, oldname and newname are not on the same mount
 *   kapi-cond: newname=path:nospace-new; newname=path:rofs-new
 *   desc: Two mounts of the same filesystem count as different: a rename
 *     never crosses a mount point.
 *
 * side-effect: filesystem | modify_state
 *   target: the names oldname and newname
 *   desc: The file is at newname and oldname is gone; a file that was at
 *     newname loses that name (and is freed once it has no name and nothing
 *     holds it).  The parents' modification times change.
 *   reversible: yes
 *   kapi-effect: path:renamed=oldname,newname
 *   kapi-effect-case: oldname=path:dir; oldname=path:symlink; oldname=path:dangling; newname=path:symlink; oldname=path:fifo, newname=path:file
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: moving or replacing another user's file in a sticky directory
 *   without: EPERM
 *   condition: a parent has S_ISVTX and the caller owns neither it nor the file
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; ENOTRECOVERABLE a WARN_ON in set_root for
 *   a scoped walk: a kernel bug; ECHILD check_acl returns it only under MAY_NOT_BLOCK, during an RCU
 *   walk, which then starts again in reference mode; EEXIST do_renameat2 gives it only under
 *   RENAME_NOREPLACE, and renameat passes no flags
 *
 * notes: renameat(od, old, nd, new) is renameat2(od, old, nd, new, 0).
 *   The man page's EEXIST for a non-empty target directory is allowed by
 *   POSIX; tmpfs, ext4 and btrfs say ENOTEMPTY, xfs EEXIST.  EXDEV is reported
 *   before EROFS and before any final name is looked up.
 */
SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname)
{
}

/**
 * sys_renameat2 - move a file to another name, or exchange two files, each named relative to a directory descriptor
 * @olddfd: directory a relative oldname is resolved from, or AT_FDCWD
 * @oldname: path of the file to move
 * @newdfd: directory a relative newname is resolved from, or AT_FDCWD
 * @newname: its new path
 * @flags: 0, or RENAME_NOREPLACE, RENAME_EXCHANGE or RENAME_WHITEOUT
 *
 * long-desc: Resolves the directories of oldname from olddfd and of
 *   newname from newdfd (from the current directory for AT_FDCWD; a
 *   descriptor is ignored for an absolute name), following symbolic links in them (final symbolic links are moved
 *   or replaced themselves, never followed), and gives the file at oldname
 *   the name newname, in one step: if newname exists it is replaced
 *   atomically, so it never stops existing.  A directory may replace only
 *   an empty directory; a non-directory only a non-directory.  Both names
 *   must be on the same mount.  Renaming a file to a name it already has
 *   (the same inode, a hard link) succeeds and changes nothing.  The caller
 *   needs write and search permission on both parents; sticky parents limit
 *   it as for unlink(); moving a directory to another parent also needs
 *   write permission on it (its ".." changes).  The raw syscall returns 0 or
 *   a negative errno.  Three flags change this: RENAME_NOREPLACE fails
 *   with EEXIST instead of replacing; RENAME_EXCHANGE swaps the two names,
 *   which must both exist and may be of different types; RENAME_WHITEOUT
 *   (for overlay filesystems) leaves a whiteout, a character device 0:0,
 *   at oldname.  The filesystem must support the flag asked for.
 * contexts: process, sleepable
 *
 * param: olddfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted).  Used only when oldname is relative.
 *   desc: Starting point of oldname's lookup.
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit;
 *     not ending in "." or "..".  A final symbolic link loop is a valid
 *     argument (the link is moved), so the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error.
 *   desc: The file to move.
 *
 * param: newdfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: As olddfd, for newname.
 *   desc: Starting point of newname's lookup.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: As oldname, on the same mount; a missing final name is
 *     what the call makes, so the generic invalid-path cases do not apply.
 *   desc: The new name.
 *
 * param: flags
 *   kapi-test: no-valid-bits
 *   type: uint, input
 *   constraint-type: mask(0x7)
 *   constraint: RENAME_NOREPLACE (0x1), RENAME_EXCHANGE (0x2) and
 *     RENAME_WHITEOUT (0x4); any other bit gives EINVAL, as does
 *     RENAME_EXCHANGE with either of the others.  Checked before any
 *     lookup.  RENAME_EXCHANGE needs an existing newname, so the flags are
 *     tried in the effect cases below, each with the names it needs.
 *   desc: How to rename.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the file has its new name, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of a path, or write permission on a parent, is denied
 *   kapi-cond: oldname=path:nosearch, caps=none
 *   desc: A directory of either path lacks execute permission for the
 *     caller, a parent lacks write or execute permission, or a directory
 *     moved to another parent is not writable, and the caller has no
 *     CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBADF, a relative name's descriptor is not an open descriptor
 *   kapi-cond: olddfd=fd:closed; olddfd=-1; newdfd=fd:closed; newdfd=-1
 *   desc: Not checked for an absolute name.
 *
 * error: EBUSY, a name is a mount point or ends in "." or "..", or an automount on a path failed so
 *   kapi-cond: oldname=path:mounted-file; oldname=path:notmpfile-dir; oldname=path:dot; newname=path:dotdot
 *   desc: Something is mounted on oldname or newname in the caller's mount
 *     namespace, or the final component of either path is "." or ".." (or a
 *     path is only slashes); or a directory of a path is an automount point
 *     whose new mount would repeat the mount it lies on.
 *
 * error: EEXIST, RENAME_NOREPLACE was given and newname exists
 *   kapi-cond: flags=0x1, newname=path:dir; flags=0x1, newname=path:symlink; flags=0x1, newname=path:dot
 *   desc: Also a newname ending in "." or ".." under RENAME_NOREPLACE
 *     (EBUSY without it).
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a path from user memory faulted.
 *
 * error: EINVAL, flags are unknown or conflict, the filesystem lacks a flag, or a directory would move below itself
 *   kapi-cond: flags=0x8; flags=0x3; flags=0x6; oldname=path:dir, newname=path:dir-below; flags=0x1, oldname=path:fuse-open-fails, newname=path:fuse-new
 *   desc: A bit outside the three, or RENAME_EXCHANGE with
 *     RENAME_NOREPLACE or RENAME_WHITEOUT, is refused first; a filesystem
 *     refuses a flag its rename does not implement (a FUSE server that
 *     answers RENAME2 with ENOSYS, for example); and newname must not lie
 *     below oldname (nor, for RENAME_EXCHANGE, oldname below newname).
 *
 * error: EIO, the filesystem failed to read a directory or to rename
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A directory block could not be read during a lookup, or the
 *     filesystem's rename failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: EISDIR, newname is a directory and oldname is not
 *   kapi-cond: newname=path:dir
 *   desc: A non-directory cannot replace a directory.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a path
 *   kapi-cond: oldname=path:loop-below; newname=path:loop-below
 *   desc: More than 40 links in the directories of a path.  Final symbolic
 *     links are not followed.
 *
 * error: EMLINK, a directory would move to a parent with the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4 without dir_nlink, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: Moving a directory to another parent adds a link to the new
 *     parent; the filesystem's s_max_links is reached.
 *
 * error: ENAMETOOLONG, a path or one of its components is too long
 *   kapi-cond: oldname=path:toolong; oldname=path:name-toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: A path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, oldname does not exist, RENAME_EXCHANGE without newname, a directory of a path does not exist, or a path is empty
 *   kapi-cond: oldname=path:missing; oldname=path:empty; newname=path:missing-parent; newname=path:empty; flags=0x2
 *   desc: RENAME_EXCHANGE needs both names to exist.  Includes a parent
 *     removed while the call waited for it.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: oldname=path:missing, memcg=full
 *   desc: A path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on a path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of a path would add one more.  A filesystem that
 *     needs room to store the new name (ext4, for example) may also give
 *     ENOSPC when full.
 *
 * error: ENOTDIR, a component used as a directory is not one, a descriptor is not a directory, or oldname is a directory and newname is not
 *   kapi-cond: oldname=path:notdir; newname=path:notdir; oldname=path:dir, newname=path:file; olddfd=fd:file; newdfd=fd:file
 *   desc: A directory of a path is not a directory; a name is relative and
 *     its descriptor refers to something other than a directory; a
 *     directory cannot replace a non-directory; a trailing slash follows a
 *     non-directory.
 *
 * error: ENOTEMPTY, newname is a directory that is not empty
 *   kapi-cond: oldname=path:dir, newname=path:dir-full
 *   kapi-fs: xfs=EEXIST xfs reports a non-empty target directory as EEXIST, which POSIX allows
 *   desc: Also when newname is an ancestor of oldname.  The man page allows
 *     EEXIST too: tmpfs, ext4 and btrfs return ENOTEMPTY, xfs EEXIST.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: oldname=path:fuse-unmapped, newname=path:fuse-new
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, which cannot be written back: it is not
 *     moved.  Not in the man page.
 *
 * error: EPERM, a sticky parent forbids it, a file is immutable or append-only, or the filesystem cannot rename
 *   kapi-cond: oldname=path:sticky-file, uid=1000; oldname=path:mqueue-file, newname=path:mqueue-new
 *   desc: A sticky parent (mode S_ISVTX) of oldname or of an existing
 *     newname lets only the owner of that file or of the parent, or a
 *     caller with CAP_FOWNER, move or replace it; an immutable or
 *     append-only file or parent, or an active swap file, cannot be moved or
 *     replaced; the parent's filesystem has no rename (mqueue); or a
 *     security module refused.
 *
 * error: EROFS, the names are on a read-only mount
 *   kapi-cond: oldname=path:rofs-new, newname=path:rofs-new
 *   desc: Checked before the final names are looked up: a missing oldname
 *     on a read-only mount gives EROFS, not ENOENT.
 *
 * error: ESTALE, the filesystem reported a file handle of a path stale
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A network filesystem's server no longer knows a file or
 *     directory of the paths, or a FUSE server answered the RENAME with
 *     ESTALE.  The call is made once more with every cached name
 *     revalidated (LOOKUP_REVAL) before the error is returned.
 *
 * error: EXDEV, oldname and newname are not on the same mount
 *   kapi-cond: newname=path:nospace-new; newname=path:rofs-new
 *   desc: Two mounts of the same filesystem count as different: a rename
 *     never crosses a mount point.
 *
 * side-effect: filesystem | modify_state
 *   target: the names oldname and newname
 *   desc: The file is at newname and oldname is gone; a file that was at
 *     newname loses that name (and is freed once it has no name and nothing
 *     holds it).  With RENAME_EXCHANGE the two files swap names; with
 *     RENAME_WHITEOUT a whiteout is left at oldname.  The parents'
 *     modification times change.
 *   reversible: yes
 *   kapi-effect: path:renamed=oldname,newname if flags!&0x6; path:exchanged=oldname,newname if flags&0x2; path:renamed-whiteout=oldname,newname if flags&0x4
 *   kapi-effect-case: oldname=path:dir; oldname=path:symlink; oldname=path:dangling; newname=path:symlink; oldname=path:fifo, newname=path:file; flags=0x1; flags=0x2, newname=path:dir; flags=0x2, oldname=path:dir, newname=path:symlink; flags=0x4; flags=0x4, newname=path:symlink
 *   kapi-fs: fuse=EINVAL bindfs implements none of the renameat2 flags; overlay=EINVAL overlayfs refuses RENAME_WHITEOUT
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: moving or replacing another user's file in a sticky directory
 *   without: EPERM
 *   condition: a parent has S_ISVTX and the caller owns neither it nor the file
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; ENOTRECOVERABLE a WARN_ON in set_root for
 *   a scoped walk: a kernel bug; ECHILD check_acl returns it only under MAY_NOT_BLOCK, during an RCU
 *   walk, which then starts again in reference mode
 *
 * notes: rename() and renameat() are renameat2() without flags.  The kernel
 *   refuses RENAME_WHITEOUT without CAP_MKNOD only in kernels before 5.8;
 *   6.1 lets any caller make the whiteout.
 *   The man page's EEXIST for a non-empty target directory is allowed by
 *   POSIX; tmpfs, ext4 and btrfs say ENOTEMPTY, xfs EEXIST.  EXDEV is reported
 *   before EROFS and before any final name is looked up.
 */
SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, unsigned int, flags)
{
}

/**
 * sys_link - give a file another name
 * @oldname: path of the existing file, relative to the current working directory if not absolute
 * @newname: path of the new name
 *
 * long-desc: The x86-64 link() (syscall 86): linkat() from AT_FDCWD for
 *   both names, without flags.  Resolves both paths, following symbolic
 *   links in their directories but not a final one (a final symbolic link
 *   at oldname gets the new name itself), and adds newname, which must not
 *   exist, as one more name of oldname's file: a hard link, with the same
 *   inode, whose link count goes up by one.  Directories cannot be linked.
 *   Both names must be on the same mount.  The caller needs write and
 *   search permission on newname's parent; with fs.protected_hardlinks set
 *   (the usual setting) a caller that does not own the file also needs read
 *   and write permission on it, a regular file that is not set-user-ID or
 *   executable set-group-ID, or CAP_FOWNER.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit,
 *     naming an existing non-directory.  A final symbolic link loop is a
 *     valid argument (the link itself is linked), so the generic
 *     invalid-path cases do not apply; the error conditions below provoke
 *     each error.
 *   desc: The file to link.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: As oldname, on the same mount, naming nothing yet (a final
 *     dangling symbolic link counts as existing); a missing final name is
 *     what the call makes, so the generic invalid-path cases do not apply.
 *   desc: The new name.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the new name exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of a path, or write permission on newname's parent, is denied
 *   kapi-cond: oldname=path:nosearch, caps=none
 *   desc: A directory of either path lacks execute permission for the
 *     caller, or newname's parent lacks write or execute permission, and the
 *     caller has no CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBUSY, an automount on a path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of a path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EEXIST, newname exists, or it is "." or ".."
 *   kapi-cond: newname=path:file; newname=path:dangling; newname=path:dot
 *   desc: Any kind of file, a symbolic link included, not followed.  A
 *     final component "." or ".." gives EEXIST before any lookup.
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to add the name
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A directory block could not be read during a lookup, or the
 *     filesystem's link failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a path
 *   kapi-cond: oldname=path:loop-below; newname=path:loop-below
 *   desc: More than 40 links in the directories of a path.  Final symbolic
 *     links are not followed.
 *
 * error: EMLINK, the file has the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: The filesystem's s_max_links (ext4's 65000, for example) is
 *     reached.
 *
 * error: ENAMETOOLONG, a path or one of its components is too long
 *   kapi-cond: oldname=path:toolong; oldname=path:name-toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: A path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, oldname or a directory of a path does not exist, or a path is empty
 *   kapi-cond: oldname=path:missing; oldname=path:empty; newname=path:missing-parent; newname=path:empty
 *   desc: Also when the file of oldname lost its last name during the call
 *     (an unlinked file cannot be linked again, except an O_TMPFILE file
 *     opened without O_EXCL, through linkat()).
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: A path buffer or the new name's dentry could not be allocated;
 *     dentries are charged to the caller's memory cgroup.
 *
 * error: ENOSPC, the filesystem has no room for the new name, or an automount would exceed the mount limit
 *   kapi-cond: oldname=path:nospace-file, newname=path:nospace-file-new
 *   desc: tmpfs counts every hard link against its nr_inodes, so a full
 *     tmpfs refuses one; a disk filesystem may need a directory block it
 *     cannot get; or a directory of a path is an automount point and the
 *     mount namespace already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: oldname=path:notdir; newname=path:notdir
 *   desc: A directory of a path is a regular file or another
 *     non-directory.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: oldname=path:fuse-unmapped, newname=path:fuse-new
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, whose link count cannot be written back; or
 *     the caller's fsuid or fsgid has no mapping there.  Not in the man page.
 *
 * error: EPERM, oldname is a directory, the filesystem has no hard links, or the file may not be linked
 *   kapi-cond: oldname=path:dir; oldname=path:mqueue-file, newname=path:mqueue-new
 *   desc: Directories are never linked; the parent's filesystem has no
 *     link operation (mqueue); the file is immutable or append-only; or
 *     fs.protected_hardlinks refuses a file the caller neither owns nor may
 *     read and write, one that is set-user-ID, or executable set-group-ID,
 *     or not a regular file.
 *
 * error: EROFS, newname's parent is on a read-only mount
 *   kapi-cond: newname=path:rofs-new
 *   desc: Reported before the check that both names are on one mount.
 *
 * error: ESTALE, the filesystem reported a file handle of a path stale
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A network filesystem's server no longer knows the file or a
 *     directory of the paths, or a FUSE server answered the LINK with
 *     ESTALE.  The call is made once more with every cached name
 *     revalidated (LOOKUP_REVAL) before the error is returned.
 *
 * error: EXDEV, oldname and newname are not on the same mount
 *   kapi-cond: newname=path:nospace-new
 *   desc: Two mounts of the same filesystem count as different.
 *
 * side-effect: filesystem | modify_state
 *   target: newname, and the file's link count
 *   desc: newname is one more name of oldname's file; the file's link
 *     count and change time, and the parent's modification time, change.
 *   reversible: yes
 *   kapi-effect: path:linked=oldname,newname
 *   kapi-effect-case: oldname=path:symlink; oldname=path:dangling; oldname=path:fifo; oldname=path:loop
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: linking a file of another user that fs.protected_hardlinks would refuse
 *   without: EPERM
 *   condition: fs.protected_hardlinks is 1 and the file is not a safe source for the caller
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walks start at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; ENOTRECOVERABLE a WARN_ON in set_root for
 *   a scoped walk: a kernel bug; ECHILD check_acl returns it only under MAY_NOT_BLOCK, during an RCU
 *   walk, which then starts again in reference mode; EISDIR follow_automount's EISDIR tells
 *   __traverse_mounts to stop and is turned into 0 there; EINVAL do_linkat gives it for flags other
 *   than AT_SYMLINK_FOLLOW and AT_EMPTY_PATH, and link passes none
 *
 * notes: link(old, new) is linkat(AT_FDCWD, old, AT_FDCWD, new, 0): unlike
 *   POSIX's suggestion, Linux does not follow a final symbolic link at
 *   oldname.  A disk filesystem that needs a new directory block or, for
 *   ext4's inline-data directories, an extended attribute for the name can
 *   also fail with that filesystem's own errors (EDQUOT among them); tmpfs
 *   charges a link to no quota.
 */
SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
}

/**
 * sys_linkat - give a file another name, each named relative to a directory descriptor
 * @olddfd: directory a relative oldname is resolved from, or AT_FDCWD
 * @oldname: path of the existing file
 * @newdfd: directory a relative newname is resolved from, or AT_FDCWD
 * @newname: path of the new name
 * @flags: AT_SYMLINK_FOLLOW, AT_EMPTY_PATH
 *
 * long-desc: Resolves oldname from olddfd and newname from newdfd (from
 *   the current directory for AT_FDCWD; a descriptor is ignored for an
 *   absolute name), following symbolic links in their directories; a final
 *   symbolic link at oldname is followed only with AT_SYMLINK_FOLLOW
 *   (without it the link itself gets the new name); with AT_EMPTY_PATH an
 *   empty oldname names the file of olddfd, which needs CAP_DAC_READ_SEARCH
 *   in the initial user namespace.  The call adds newname, which must not
 *   exist, as one more name of oldname's file: a hard link, with the same
 *   inode, whose link count goes up by one.  Directories cannot be linked.
 *   Both names must be on the same mount.  The caller needs write and
 *   search permission on newname's parent; with fs.protected_hardlinks set
 *   (the usual setting) a caller that does not own the file also needs read
 *   and write permission on it, a regular file that is not set-user-ID or
 *   executable set-group-ID, or CAP_FOWNER.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: olddfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted); with AT_EMPTY_PATH and an empty oldname,
 *     a descriptor of the file to link.
 *   desc: Starting point of oldname's lookup.
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes, each component at most the filesystem's name limit,
 *     naming an existing non-directory.  A final symbolic link loop is a
 *     valid argument (the link itself is linked), so the generic
 *     invalid-path cases do not apply; the error conditions below provoke
 *     each error.
 *   desc: The file to link.
 *
 * param: newdfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory, used only
 *     when newname is relative.
 *   desc: Starting point of newname's lookup.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: As oldname, on the same mount, naming nothing yet (a final
 *     dangling symbolic link counts as existing); a missing final name is
 *     what the call makes, so the generic invalid-path cases do not apply.
 *   desc: The new name.
 *
 * param: flags
 *   kapi-test: no-valid-bits
 *   type: int, input
 *   constraint-type: mask(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)
 *   constraint: Any other bit gives EINVAL, checked first.  AT_EMPTY_PATH
 *     without CAP_DAC_READ_SEARCH in the initial user namespace gives
 *     ENOENT even with a non-empty oldname, which a sandboxed caller never
 *     has; AT_SYMLINK_FOLLOW is tried in the effect cases below on a
 *     symbolic link.
 *   desc: Lookup flags for oldname.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the new name exists, a negative errno otherwise.
 *
 * error: EBADF, a relative name's descriptor is not an open descriptor
 *   kapi-cond: olddfd=fd:closed; olddfd=-1; newdfd=fd:closed; newdfd=-1
 *   desc: Not checked for an absolute name.
 *
 * error: EACCES, search permission on a directory of a path, or write permission on newname's parent, is denied
 *   kapi-cond: oldname=path:nosearch, caps=none
 *   desc: A directory of either path lacks execute permission for the
 *     caller, or newname's parent lacks write or execute permission, and the
 *     caller has no CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBUSY, an automount on a path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of a path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EEXIST, newname exists, or it is "." or ".."
 *   kapi-cond: newname=path:file; newname=path:dangling; newname=path:dot
 *   desc: Any kind of file, a symbolic link included, not followed.  A
 *     final component "." or ".." gives EEXIST before any lookup.
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a path from user memory faulted.
 *
 * error: EINVAL, flags has a bit other than AT_SYMLINK_FOLLOW and AT_EMPTY_PATH
 *   kapi-cond: flags=AT_SYMLINK_NOFOLLOW; flags=AT_REMOVEDIR
 *   desc: Checked before anything else.
 *
 * error: EIO, the filesystem failed to read a directory or to add the name
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A directory block could not be read during a lookup, or the
 *     filesystem's link failed: a FUSE or network server that answered the
 *     request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a path
 *   kapi-cond: oldname=path:loop-below; newname=path:loop-below
 *   desc: More than 40 links in the directories of a path.  Final symbolic
 *     links are not followed.
 *
 * error: EMLINK, the file has the largest link count its filesystem allows
 *   kapi-unprovokable: needs a filesystem with a link count limit (s_max_links: ext2, ext4, minix, ...); none can be mounted in the sandbox's user namespace, and tmpfs has no limit
 *   desc: The filesystem's s_max_links (ext4's 65000, for example) is
 *     reached.
 *
 * error: ENAMETOOLONG, a path or one of its components is too long
 *   kapi-cond: oldname=path:toolong; oldname=path:name-toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: A path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.
 *
 * error: ENOENT, oldname or a directory of a path does not exist, a path is empty, or AT_EMPTY_PATH without the capability
 *   kapi-cond: oldname=path:missing; oldname=path:empty; newname=path:missing-parent; newname=path:empty; oldname=path:dangling, flags=AT_SYMLINK_FOLLOW
 *   kapi-note: 6.18 lets a sandboxed caller use AT_EMPTY_PATH (a later kernel relaxed the capability check), so that cause of ENOENT is not among the conditions: they must hold on both kernels
 *   desc: In 6.1 AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH in the initial
 *     user namespace, or the call fails with ENOENT before any lookup; with
 *     AT_SYMLINK_FOLLOW a dangling final symbolic link at oldname gives
 *     ENOENT.  Also when the file of oldname lost its last name during the call (an
 *     unlinked file cannot be linked again, except an O_TMPFILE file opened
 *     without O_EXCL, through AT_EMPTY_PATH or /proc/self/fd).
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: A path buffer or the new name's dentry could not be allocated;
 *     dentries are charged to the caller's memory cgroup.
 *
 * error: ENOSPC, the filesystem has no room for the new name, or an automount would exceed the mount limit
 *   kapi-cond: oldname=path:nospace-file, newname=path:nospace-file-new
 *   desc: tmpfs counts every hard link against its nr_inodes, so a full
 *     tmpfs refuses one; a disk filesystem may need a directory block it
 *     cannot get; or a directory of a path is an automount point and the
 *     mount namespace already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component used as a directory is not one, or a descriptor is not a directory
 *   kapi-cond: oldname=path:notdir; newname=path:notdir; olddfd=fd:file; newdfd=fd:file
 *   desc: A directory of a path is a regular file or another
 *     non-directory, or a name is relative and its descriptor refers to
 *     something other than a directory.
 *
 * error: EOVERFLOW, the file's owner or group has no mapping in the filesystem's user namespace
 *   kapi-cond: oldname=path:fuse-unmapped, newname=path:fuse-new
 *   desc: A FUSE (or other user-namespace-mounted) filesystem reported an
 *     owner its user namespace does not map, so the kernel holds an invalid
 *     uid or gid for the inode, whose link count cannot be written back; or
 *     the caller's fsuid or fsgid has no mapping there.  Not in the man page.
 *
 * error: EPERM, oldname is a directory, the filesystem has no hard links, or the file may not be linked
 *   kapi-cond: oldname=path:dir; oldname=path:mqueue-file, newname=path:mqueue-new
 *   desc: Directories are never linked; the parent's filesystem has no
 *     link operation (mqueue); the file is immutable or append-only; or
 *     fs.protected_hardlinks refuses a file the caller neither owns nor may
 *     read and write, one that is set-user-ID, or executable set-group-ID,
 *     or not a regular file.
 *
 * error: EROFS, newname's parent is on a read-only mount
 *   kapi-cond: newname=path:rofs-new
 *   desc: Reported before the check that both names are on one mount.
 *
 * error: ESTALE, the filesystem reported a file handle of a path stale
 *   kapi-cond: oldname=path:fuse-change-fails, newname=path:fuse-new
 *   desc: A network filesystem's server no longer knows the file or a
 *     directory of the paths, or a FUSE server answered the LINK with
 *     ESTALE.  The call is made once more with every cached name
 *     revalidated (LOOKUP_REVAL) before the error is returned.
 *
 * error: EXDEV, oldname and newname are not on the same mount
 *   kapi-cond: newname=path:nospace-new
 *   desc: Two mounts of the same filesystem count as different.
 *
 * side-effect: filesystem | modify_state
 *   target: newname, and the file's link count
 *   desc: newname is one more name of oldname's file; the file's link
 *     count and change time, and the parent's modification time, change.
 *   reversible: yes
 *   kapi-effect: path:linked=oldname,newname
 *   kapi-effect-case: oldname=path:symlink; oldname=path:dangling; oldname=path:fifo; oldname=path:loop; oldname=path:symlink, flags=AT_SYMLINK_FOLLOW
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: linking a file of another user that fs.protected_hardlinks would refuse
 *   without: EPERM
 *   condition: fs.protected_hardlinks is 1 and the file is not a safe source for the caller
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; ENOTRECOVERABLE a WARN_ON in set_root for
 *   a scoped walk: a kernel bug; ECHILD check_acl returns it only under MAY_NOT_BLOCK, during an RCU
 *   walk, which then starts again in reference mode; EISDIR follow_automount's EISDIR tells
 *   __traverse_mounts to stop and is turned into 0 there
 *
 * notes: link(old, new) is linkat(AT_FDCWD, old, AT_FDCWD, new, 0).  The
 *   man page says AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; the kernel asks
 *   for it in the initial user namespace (capable()), so a container's
 *   root lacks it.  A disk filesystem that needs a new directory block or, for
 *   ext4's inline-data directories, an extended attribute for the name can
 *   also fail with that filesystem's own errors (EDQUOT among them); tmpfs
 *   charges a link to no quota.
 */
SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, int, flags)
{
}

/**
 * sys_symlink - make a symbolic link
 * @oldname: the link's content, the path it will lead to
 * @newname: path of the new link, relative to the current working directory if not absolute
 *
 * long-desc: The x86-64 symlink() (syscall 88): symlinkat() from
 *   AT_FDCWD.  Resolves the directories of newname, following symbolic
 *   links in them, and makes a symbolic link under the final name, which
 *   must not exist, holding the string oldname.  oldname is not looked up:
 *   it may name nothing (a dangling link), and a relative one is resolved
 *   later from the link's directory.  The link's mode is always 0777; its
 *   owner is the caller's fsuid.  The caller needs write and search
 *   permission on the parent.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, not empty
 *     and shorter than PATH_MAX bytes (and than the filesystem's limit for
 *     link contents).  Any string is stored as it is, a missing file or a
 *     loop included, so the generic invalid-path cases do not apply; the
 *     error conditions below provoke each error.
 *   desc: What the link will hold.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; the final component at most the filesystem's name
 *     limit, not "." or "..", not an existing name, and with no trailing
 *     slash.  A missing final name is what the call wants, so the generic
 *     invalid-path cases do not apply.
 *   desc: Where the new link goes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the link exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: newname=path:nosearch, caps=none
 *   desc: A directory of newname's path lacks execute permission for the
 *     caller, or the parent lacks write or execute permission, and the
 *     caller has no CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of newname's path is an automount point whose new
 *     mount would repeat the mount it lies on.
 *
 * error: EDQUOT, the user's inode or block quota on the filesystem is exhausted
 *   kapi-cond: newname=path:quota-new
 *   desc: The link's inode (or the block holding a long content) would
 *     exceed the caller's quota.
 *
 * error: EEXIST, newname exists, or it is "." or ".."
 *   kapi-cond: newname=path:file; newname=path:dangling; newname=path:dot
 *   desc: Any kind of file, a symbolic link included, not followed.  A
 *     final component "." or ".." gives EEXIST before any lookup.
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a string from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to make the link
 *   kapi-cond: newname=path:fuse-create-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's symlink failed: a FUSE or network server that answered
 *     the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving newname
 *   kapi-cond: newname=path:loop-below
 *   desc: More than 40 links in the directories of newname's path.
 *     oldname is never resolved, so a loop there is no error.
 *
 * error: ENAMETOOLONG, a string or a component of newname is too long
 *   kapi-cond: oldname=path:toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: oldname or newname is PATH_MAX bytes or longer, a component of
 *     newname exceeds the filesystem's name length limit, or oldname is
 *     longer than the filesystem keeps in a link (tmpfs: a page).
 *
 * error: ENOENT, a directory of newname does not exist, or a string is empty
 *   kapi-cond: newname=path:missing-parent; newname=path:empty; oldname=path:empty
 *   desc: An empty oldname is refused as well as an empty newname; the
 *     parent removed while the call waited for it counts too.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: A string buffer, the new name's dentry, the inode or the link's
 *     content could not be allocated; they are charged to the caller's
 *     memory cgroup.
 *
 * error: ENOSPC, the filesystem has no room for the link, or an automount would exceed the mount limit
 *   kapi-cond: newname=path:nospace-new
 *   desc: No free inode (tmpfs's nr_inodes) or block for the link; or a
 *     directory of the path is an automount point and the mount namespace
 *     already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component of newname used as a directory is not one
 *   kapi-cond: newname=path:notdir
 *   desc: A directory of newname's path is a regular file or another
 *     non-directory.
 *
 * error: EOVERFLOW, the caller's fsuid or fsgid has no mapping in the filesystem's user namespace
 *   kapi-unprovokable: needs a filesystem mounted in a user namespace that does not map the caller's ids; the case's own mounts belong to its namespace, which maps them, and it cannot reach a mount of a namespace below it through its working directory
 *   desc: The new inode's owner could not be stored.  Not in the man page.
 *
 * error: EPERM, the filesystem of the parent does not support symbolic links
 *   kapi-cond: newname=path:mqueue-new
 *   desc: The parent's inode has no symlink operation (mqueue, vfat), or a
 *     security module refused.
 *
 * error: EROFS, the parent directory is on a read-only mount
 *   kapi-cond: newname=path:rofs-new
 *   desc: Reported only when the name does not exist yet.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: newname=path:fuse-create-fails
 *   desc: A network filesystem's server no longer knows a directory of the
 *     path, or a FUSE server answered the SYMLINK with ESTALE.  The call is
 *     made once more with every cached name revalidated (LOOKUP_REVAL)
 *     before the error is returned.
 *
 * side-effect: filesystem | resource_create
 *   target: the new symbolic link
 *   desc: A symbolic link holding oldname appears under newname; the
 *     parent's modification time changes.
 *   reversible: yes
 *   kapi-effect: path:symlink=newname,oldname
 *   kapi-effect-case: oldname=path:missing; oldname=path:dir; oldname=path:notdir; oldname=path:name-toolong
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: making a link in a parent without write or search permission
 *   without: EACCES
 *   condition: the parent lacks write or execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: symlink(old, new) is symlinkat(old, AT_FDCWD, new).  The content
 *   is not checked at all: any non-empty string shorter than PATH_MAX is
 *   kept.
 */
SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
}

/**
 * sys_symlinkat - make a symbolic link named relative to a directory descriptor
 * @oldname: the link's content, the path it will lead to
 * @newdfd: directory a relative newname is resolved from, or AT_FDCWD
 * @newname: path of the new link
 *
 * long-desc: Resolves the directories of newname from newdfd (from the
 *   current directory for AT_FDCWD; newdfd is ignored for an absolute
 *   newname), following symbolic
 *   links in them, and makes a symbolic link under the final name, which
 *   must not exist, holding the string oldname.  oldname is not looked up:
 *   it may name nothing (a dangling link), and a relative one is resolved
 *   later from the link's directory.  The link's mode is always 0777; its
 *   owner is the caller's fsuid.  The caller needs write and search
 *   permission on the parent.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: oldname
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, not empty
 *     and shorter than PATH_MAX bytes (and than the filesystem's limit for
 *     link contents).  Any string is stored as it is, a missing file or a
 *     loop included, so the generic invalid-path cases do not apply; the
 *     error conditions below provoke each error.
 *   desc: What the link will hold.
 *
 * param: newdfd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor of a directory (O_PATH
 *     descriptors are accepted).  Used only when newname is relative.
 *   desc: Starting point of newname's lookup.
 *
 * param: newname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; the final component at most the filesystem's name
 *     limit, not "." or "..", not an existing name, and with no trailing
 *     slash.  A missing final name is what the call wants, so the generic
 *     invalid-path cases do not apply.
 *   desc: Where the new link goes.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the link exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: newname=path:nosearch, caps=none
 *   desc: A directory of newname's path lacks execute permission for the
 *     caller, or the parent lacks write or execute permission, and the
 *     caller has no CAP_DAC_OVERRIDE; or a security module refused.
 *
 * error: EBADF, newname is relative and newdfd is not an open descriptor
 *   kapi-cond: newdfd=fd:closed; newdfd=-1
 *   desc: Not checked for an absolute newname.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of newname's path is an automount point whose new
 *     mount would repeat the mount it lies on.
 *
 * error: EDQUOT, the user's inode or block quota on the filesystem is exhausted
 *   kapi-cond: newname=path:quota-new
 *   desc: The link's inode (or the block holding a long content) would
 *     exceed the caller's quota.
 *
 * error: EEXIST, newname exists, or it is "." or ".."
 *   kapi-cond: newname=path:file; newname=path:dangling; newname=path:dot
 *   desc: Any kind of file, a symbolic link included, not followed.  A
 *     final component "." or ".." gives EEXIST before any lookup.
 *
 * error: EFAULT, oldname or newname points outside the caller's accessible address space
 *   kapi-cond: oldname=ptr:null; oldname=ptr:unmapped; newname=ptr:null; newname=ptr:unmapped
 *   desc: Copying a string from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to make the link
 *   kapi-cond: newname=path:fuse-create-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's symlink failed: a FUSE or network server that answered
 *     the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving newname
 *   kapi-cond: newname=path:loop-below
 *   desc: More than 40 links in the directories of newname's path.
 *     oldname is never resolved, so a loop there is no error.
 *
 * error: ENAMETOOLONG, a string or a component of newname is too long
 *   kapi-cond: oldname=path:toolong; newname=path:toolong; newname=path:name-toolong
 *   desc: oldname or newname is PATH_MAX bytes or longer, a component of
 *     newname exceeds the filesystem's name length limit, or oldname is
 *     longer than the filesystem keeps in a link (tmpfs: a page).
 *
 * error: ENOENT, a directory of newname does not exist, or a string is empty
 *   kapi-cond: newname=path:missing-parent; newname=path:empty; oldname=path:empty
 *   desc: An empty oldname is refused as well as an empty newname; the
 *     parent removed while the call waited for it counts too.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: A string buffer, the new name's dentry, the inode or the link's
 *     content could not be allocated; they are charged to the caller's
 *     memory cgroup.
 *
 * error: ENOSPC, the filesystem has no room for the link, or an automount would exceed the mount limit
 *   kapi-cond: newname=path:nospace-new
 *   desc: No free inode (tmpfs's nr_inodes) or block for the link; or a
 *     directory of the path is an automount point and the mount namespace
 *     already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component of newname used as a directory is not one, or newdfd is not a directory
 *   kapi-cond: newname=path:notdir; newdfd=fd:file
 *   desc: A directory of newname's path is a regular file or another
 *     non-directory, or newname is relative and newdfd refers to something
 *     other than a directory.
 *
 * error: EOVERFLOW, the caller's fsuid or fsgid has no mapping in the filesystem's user namespace
 *   kapi-unprovokable: needs a filesystem mounted in a user namespace that does not map the caller's ids; the case's own mounts belong to its namespace, which maps them, and it cannot reach a mount of a namespace below it through its working directory
 *   desc: The new inode's owner could not be stored.  Not in the man page.
 *
 * error: EPERM, the filesystem of the parent does not support symbolic links
 *   kapi-cond: newname=path:mqueue-new
 *   desc: The parent's inode has no symlink operation (mqueue, vfat), or a
 *     security module refused.
 *
 * error: EROFS, the parent directory is on a read-only mount
 *   kapi-cond: newname=path:rofs-new
 *   desc: Reported only when the name does not exist yet.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: newname=path:fuse-create-fails
 *   desc: A network filesystem's server no longer knows a directory of the
 *     path, or a FUSE server answered the SYMLINK with ESTALE.  The call is
 *     made once more with every cached name revalidated (LOOKUP_REVAL)
 *     before the error is returned.
 *
 * side-effect: filesystem | resource_create
 *   target: the new symbolic link
 *   desc: A symbolic link holding oldname appears under newname; the
 *     parent's modification time changes.
 *   reversible: yes
 *   kapi-effect: path:symlink=newname,oldname
 *   kapi-effect-case: oldname=path:missing; oldname=path:dir; oldname=path:notdir; oldname=path:name-toolong
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: making a link in a parent without write or search permission
 *   without: EACCES
 *   condition: the parent lacks write or execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: symlink(old, new) is symlinkat(old, AT_FDCWD, new).  The content
 *   is not checked at all: any non-empty string shorter than PATH_MAX is
 *   kept.
 */
SYSCALL_DEFINE3(symlinkat, const char __user *, oldname,
		int, newdfd, const char __user *, newname)
{
}

/**
 * sys_mknod - make a regular file, FIFO, socket or device node
 * @filename: path of the new file, relative to the current working directory if not absolute
 * @mode: file type and permission bits, before the umask
 * @dev: device number of a character or block device node
 *
 * long-desc: The x86-64 mknod() (syscall 133): mknodat() from AT_FDCWD.
 *   Resolves the directories of filename, following symbolic links in them,
 *   and makes a file of mode's type under the final name, which must not
 *   exist (a final symbolic link is not followed).  The type is S_IFREG (or
 *   0), S_IFIFO, S_IFSOCK, S_IFCHR or S_IFBLK; a device node needs
 *   CAP_MKNOD in the initial user namespace, except a character device
 *   0:0, a whiteout, which anyone may make.  dev is used for devices only.
 *   The permission bits are mode's less the umask, or as the parent's
 *   default ACL says.  The
 *   caller needs write and search permission on the parent.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; the final component at most the filesystem's name
 *     limit, not "." or "..", and not an existing name.  A trailing slash is
 *     allowed.  A final component that is a symbolic link loop exists, so it
 *     gives EEXIST and not ELOOP, and a missing final name is what the call
 *     wants: the generic invalid-path cases do not apply; the error
 *     conditions below provoke each error.
 *   desc: Where the new directory goes.
 *
 * param: mode
 *   kapi-valid: 0755
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(S_IRWXUGO | S_ISVTX)
 *   constraint: Only the permission bits and S_ISVTX are used; every other
 *     bit (S_ISUID, S_ISGID, file type bits, anything above 07777) is
 *     ignored, never an error, so no invalid value exists.
 *   desc: Permission bits of the new directory before the umask.
 *   kapi-fs: fuse=EFFECT bindfs makes the directory without the sticky bit asked for
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the file exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE (nor, for search, CAP_DAC_READ_SEARCH); or a security
 *     module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EDQUOT, the user's inode or block quota on the filesystem is exhausted
 *   kapi-cond: filename=path:quota-new
 *   desc: The new directory's inode (or its first block, on a filesystem
 *     that gives a directory one) would exceed the caller's quota.  The man
 *     page names only the inode quota.
 *
 * error: EEXIST, the final name exists, or it is "." or ".."
 *   kapi-cond: filename=path:file; filename=path:dir; filename=path:dangling; filename=path:dot
 *   desc: Any kind of file, a symbolic link included, which is not followed
 *     (a dangling one too).  A final component "." or ".." (or a path of only
 *     slashes) gives EEXIST before anything is looked up; the man page does
 *     not say so.
 *
 * error: EINVAL, mode's type is not one mknod makes
 *   kapi-cond: mode=0xe000 | 0644; mode=0xf000
 *   desc: Checked before the lookup.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:null; filename=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to make the new one
 *   kapi-cond: filename=path:fuse-create-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's mknod or create failed: a FUSE or network server that
 *     answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed (it gives EEXIST).
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit (the new name's too).
 *
 * error: ENOENT, a directory of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing-parent; filename=path:empty
 *   desc: Includes a dangling symbolic link among the directories of the
 *     path, a parent removed while the call waited for it, and an empty
 *     filename.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The path buffer, the new name's dentry or the new inode could not
 *     be allocated; dentries and inodes are charged to the caller's memory
 *     cgroup, so a full cgroup fails the call.
 *
 * error: ENOSPC, the filesystem has no room for the new directory, or an automount would exceed the mount limit
 *   kapi-cond: filename=path:nospace-new
 *   desc: No free inode (tmpfs's nr_inodes) or block for the directory; or
 *     a directory of the path is an automount point and the mount namespace
 *     already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: filename=path:notdir
 *   desc: A directory of the path is a regular file or another
 *     non-directory.
 *
 * error: EOVERFLOW, the caller's fsuid or fsgid has no mapping in the filesystem's user namespace
 *   kapi-unprovokable: needs a filesystem mounted in a user namespace that does not map the caller's ids; the case's own mounts belong to its namespace, which maps them, and it cannot reach a mount of a namespace below it through its working directory
 *   desc: The new inode's owner could not be stored: the filesystem was
 *     mounted in a user namespace (or through an idmapped mount) that has no
 *     mapping for the caller's fsuid or fsgid.  Not in the man page.
 *
 * error: EPERM, a device node without CAP_MKNOD, a directory, or a filesystem that cannot make the type
 *   kapi-cond: mode=S_IFCHR | 0644, dev=0x103; mode=S_IFBLK | 0644; mode=S_IFDIR | 0755; filename=path:mqueue-new, mode=S_IFIFO | 0644
 *   desc: A character or block device (other than a whiteout) needs
 *     CAP_MKNOD in the initial user namespace; mknod never makes
 *     directories (S_IFDIR); the parent's filesystem has no mknod operation
 *     (mqueue) for a FIFO, socket or device; or a security module or the
 *     device cgroup refused.
 *
 * error: EROFS, the parent directory is on a read-only mount
 *   kapi-cond: filename=path:rofs-new
 *   desc: Reported only when the name does not exist yet: an existing name
 *     gives EEXIST even on a read-only mount.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: filename=path:fuse-create-fails
 *   desc: A network filesystem's server no longer knows a directory of the
 *     path, or a FUSE server answered the MKDIR with ESTALE.  The call is
 *     made once more with every cached name revalidated (LOOKUP_REVAL)
 *     before the error is returned.
 *
 * side-effect: filesystem | resource_create
 *   target: the new file
 *   desc: A file of mode's type appears under the final name with mode's
 *     permission bits less the umask; the parent's modification time
 *     changes.
 *   reversible: yes
 *   kapi-effect: path:node=filename,mode
 *   kapi-effect-case: mode=S_IFREG | 0600; mode=0; mode=S_IFSOCK | 0755; mode=S_IFCHR | 0600; mode=S_IFIFO | 0640, dev=0x103
 *   kapi-fs: overlay=EPERM overlayfs refuses a whiteout (a character device 0:0) made through mknod
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: making a file in a parent without write or search permission
 *   without: EACCES
 *   condition: the parent lacks write or execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: mode 0 makes a regular file, as S_IFREG does (through the
 *   filesystem's create, as open(O_CREAT | O_EXCL) would, without opening
 *   it).  A character device 0:0 is a whiteout and needs no capability,
 *   which the man page does not say.  A trailing slash gives ENOENT.
 */
SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned, dev)
{
}


/**
 * sys_mknodat - make a regular file, FIFO, socket or device node named relative to a directory descriptor
 * @dfd: directory a relative filename is resolved from, or AT_FDCWD
 * @filename: path of the new file
 * @mode: file type and permission bits, before the umask
 * @dev: device number of a character or block device node
 *
 * long-desc: Resolves the directories of filename from dfd (from the
 *   current directory for AT_FDCWD; dfd is ignored for an absolute
 *   filename), following symbolic links in them,
 *   and makes a file of mode's type under the final name, which must not
 *   exist (a final symbolic link is not followed).  The type is S_IFREG (or
 *   0), S_IFIFO, S_IFSOCK, S_IFCHR or S_IFBLK; a device node needs
 *   CAP_MKNOD in the initial user namespace, except a character device
 *   0:0, a whiteout, which anyone may make.  dev is used for devices only.
 *   The permission bits are mode's less the umask, or as the parent's
 *   default ACL says.  The
 *   caller needs write and search permission on the parent.  The raw syscall
 *   returns 0 or a negative errno.
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
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; the final component at most the filesystem's name
 *     limit, not "." or "..", and not an existing name.  A trailing slash is
 *     allowed.  A final component that is a symbolic link loop exists, so it
 *     gives EEXIST and not ELOOP, and a missing final name is what the call
 *     wants: the generic invalid-path cases do not apply; the error
 *     conditions below provoke each error.
 *   desc: Where the new directory goes.
 *
 * param: mode
 *   kapi-valid: 0755
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: mask(S_IRWXUGO | S_ISVTX)
 *   constraint: Only the permission bits and S_ISVTX are used; every other
 *     bit (S_ISUID, S_ISGID, file type bits, anything above 07777) is
 *     ignored, never an error, so no invalid value exists.
 *   desc: Permission bits of the new directory before the umask.
 *   kapi-fs: fuse=EFFECT bindfs makes the directory without the sticky bit asked for
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the file exists, a negative errno otherwise.
 *
 * error: EACCES, search permission on a directory of the path, or write permission on the parent, is denied
 *   kapi-cond: filename=path:nosearch, caps=none
 *   desc: A directory of the path lacks execute permission for the caller,
 *     or the parent lacks write or execute permission, and the caller has no
 *     CAP_DAC_OVERRIDE (nor, for search, CAP_DAC_READ_SEARCH); or a security
 *     module refused.
 *
 * error: EBADF, filename is relative and dfd is not an open descriptor
 *   kapi-cond: dfd=fd:closed; dfd=-1
 *   desc: Not checked for an absolute filename.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EDQUOT, the user's inode or block quota on the filesystem is exhausted
 *   kapi-cond: filename=path:quota-new
 *   desc: The new directory's inode (or its first block, on a filesystem
 *     that gives a directory one) would exceed the caller's quota.  The man
 *     page names only the inode quota.
 *
 * error: EEXIST, the final name exists, or it is "." or ".."
 *   kapi-cond: filename=path:file; filename=path:dir; filename=path:dangling; filename=path:dot
 *   desc: Any kind of file, a symbolic link included, which is not followed
 *     (a dangling one too).  A final component "." or ".." (or a path of only
 *     slashes) gives EEXIST before anything is looked up; the man page does
 *     not say so.
 *
 * error: EINVAL, mode's type is not one mknod makes
 *   kapi-cond: mode=0xe000 | 0644; mode=0xf000
 *   desc: Checked before the lookup.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:null; filename=ptr:unmapped
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read a directory or to make the new one
 *   kapi-cond: filename=path:fuse-create-fails
 *   desc: A directory block could not be read during the lookup, or the
 *     filesystem's mknod or create failed: a FUSE or network server that
 *     answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: filename=path:loop-below
 *   desc: More than 40 links in the directories of the path.  A final
 *     symbolic link is not followed (it gives EEXIST).
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit (the new name's too).
 *
 * error: ENOENT, a directory of the path does not exist, or filename is empty
 *   kapi-cond: filename=path:missing-parent; filename=path:empty
 *   desc: Includes a dangling symbolic link among the directories of the
 *     path, a parent removed while the call waited for it, and an empty
 *     filename.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: memcg=full
 *   desc: The path buffer, the new name's dentry or the new inode could not
 *     be allocated; dentries and inodes are charged to the caller's memory
 *     cgroup, so a full cgroup fails the call.
 *
 * error: ENOSPC, the filesystem has no room for the new directory, or an automount would exceed the mount limit
 *   kapi-cond: filename=path:nospace-new
 *   desc: No free inode (tmpfs's nr_inodes) or block for the directory; or
 *     a directory of the path is an automount point and the mount namespace
 *     already holds fs.mount-max mounts.
 *
 * error: ENOTDIR, a component used as a directory is not one, or dfd is not a directory
 *   kapi-cond: filename=path:notdir; dfd=fd:file
 *   desc: A directory of the path is a regular file or another
 *     non-directory, or filename is relative and dfd refers to something
 *     other than a directory.
 *
 * error: EOVERFLOW, the caller's fsuid or fsgid has no mapping in the filesystem's user namespace
 *   kapi-unprovokable: needs a filesystem mounted in a user namespace that does not map the caller's ids; the case's own mounts belong to its namespace, which maps them, and it cannot reach a mount of a namespace below it through its working directory
 *   desc: The new inode's owner could not be stored: the filesystem was
 *     mounted in a user namespace (or through an idmapped mount) that has no
 *     mapping for the caller's fsuid or fsgid.  Not in the man page.
 *
 * error: EPERM, a device node without CAP_MKNOD, a directory, or a filesystem that cannot make the type
 *   kapi-cond: mode=S_IFCHR | 0644, dev=0x103; mode=S_IFBLK | 0644; mode=S_IFDIR | 0755; filename=path:mqueue-new, mode=S_IFIFO | 0644
 *   desc: A character or block device (other than a whiteout) needs
 *     CAP_MKNOD in the initial user namespace; mknod never makes
 *     directories (S_IFDIR); the parent's filesystem has no mknod operation
 *     (mqueue) for a FIFO, socket or device; or a security module or the
 *     device cgroup refused.
 *
 * error: EROFS, the parent directory is on a read-only mount
 *   kapi-cond: filename=path:rofs-new
 *   desc: Reported only when the name does not exist yet: an existing name
 *     gives EEXIST even on a read-only mount.
 *
 * error: ESTALE, the filesystem reported a file handle of the path stale
 *   kapi-cond: filename=path:fuse-create-fails
 *   desc: A network filesystem's server no longer knows a directory of the
 *     path, or a FUSE server answered the MKDIR with ESTALE.  The call is
 *     made once more with every cached name revalidated (LOOKUP_REVAL)
 *     before the error is returned.
 *
 * side-effect: filesystem | resource_create
 *   target: the new file
 *   desc: A file of mode's type appears under the final name with mode's
 *     permission bits less the umask; the parent's modification time
 *     changes.
 *   reversible: yes
 *   kapi-effect: path:node=filename,mode
 *   kapi-effect-case: mode=S_IFREG | 0600; mode=0; mode=S_IFSOCK | 0755; mode=S_IFCHR | 0600; mode=S_IFIFO | 0640, dev=0x103
 *   kapi-fs: overlay=EPERM overlayfs refuses a whiteout (a character device 0:0) made through mknod
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: making a file in a parent without write or search permission
 *   without: EACCES
 *   condition: the parent lacks write or execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV only openat2's RESOLVE_* flags scope
 *   a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode
 *
 * notes: mknod(filename, mode, dev) is mknodat(AT_FDCWD, filename, mode,
 *   dev).  mode 0 makes a regular file, as S_IFREG does (through the
 *   filesystem's create, as open(O_CREAT | O_EXCL) would, without opening
 *   it).  A character device 0:0 is a whiteout and needs no capability,
 *   which the man page does not say.  A trailing slash gives ENOENT.
 */
SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
}

