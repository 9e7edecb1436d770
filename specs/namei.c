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
