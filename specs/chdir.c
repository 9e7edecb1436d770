// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of chdir and fchdir, which change the current working directory
// (fs/open.c, Linux 6.1).

/**
 * sys_chdir - make the directory a path names the current working directory
 * @filename: path of the new current directory
 *
 * long-desc: Resolves filename (from the current directory when it is
 *   relative), following symbolic links including a final one, requires the
 *   result to be a directory the caller may search, and makes it the
 *   caller's current directory: the starting point of every later relative
 *   path lookup that uses AT_FDCWD.  The current directory belongs to the
 *   task's fs_struct, shared with the threads and CLONE_FS children that
 *   share it, and is inherited across fork() and execve().  The old
 *   directory's reference is dropped.  The raw syscall returns 0 or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: filename
 *   kapi-semantic: path:dir
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     Must name a directory (after following links); the empty string gives
 *     ENOENT.
 *   desc: The directory to change to.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the current directory is changed, a negative errno
 *     otherwise.
 *
 * error: EACCES, search permission is denied on the directory or on a directory of the path
 *   kapi-cond: filename=path:dir-nosearch, caps=none; filename=path:nosearch, caps=none
 *   desc: The final directory lacks execute (search) permission for the
 *     caller, or a directory the walk passes through does, and the caller
 *     has no CAP_DAC_READ_SEARCH; or a security module refused.  A FUSE
 *     server that answers the ACCESS request with EACCES gives it too.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path, or the final one, is an automount point
 *     whose new mount would repeat the mount it lies on.
 *
 * error: EFAULT, filename points outside the caller's accessible address space
 *   kapi-cond: filename=ptr:unmapped; filename=ptr:null
 *   desc: Copying the path from user memory faulted.
 *
 * error: EIO, the filesystem failed to read what the lookup or the check needs
 *   kapi-cond: filename=path:fuse-access-fails
 *   desc: An inode, directory block or ACL could not be read, or a FUSE or
 *     network server answered with EIO: a FUSE filesystem mounted without
 *     default_permissions sends the search check of chdir to its server as
 *     an ACCESS request, and passes its errno on.
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
 *   desc: Includes a final symbolic link to nothing.  A directory that was
 *     removed cannot be named any more, so it gives ENOENT too.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: filename=path:missing, memcg=full
 *   desc: The path buffer or a dentry could not be allocated; a dentry for a
 *     name not in the cache is charged to the caller's memory cgroup, so in a
 *     full cgroup the lookup fails before the name is found missing.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount on
 *     the path would add one more.
 *
 * error: ENOTDIR, filename does not name a directory, or a component used as a directory is not one
 *   kapi-cond: filename=path:file; filename=path:notdir; filename=path:symlink
 *   desc: The final component (after following a symbolic link) is a regular
 *     file or another non-directory (LOOKUP_DIRECTORY), or a non-final
 *     component is.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: filename=path:fuse-access-fails
 *   desc: A network filesystem's server no longer knows the directory, or a
 *     FUSE server answered with ESTALE; the walk and the check are done once
 *     more with every cached name revalidated (LOOKUP_REVAL) before the
 *     error is returned.
 *
 * lock: fs->lock
 *   type: spinlock
 *   scope: internal
 *   desc: Taken by set_fs_pwd() (with the fs_struct's sequence count) while
 *     the current directory is replaced.
 *
 * side-effect: modify_state
 *   target: the caller's current working directory (fs_struct pwd)
 *   desc: The directory filename names becomes the current directory of the
 *     caller and of every task sharing its fs_struct.
 *   reversible: yes
 *   kapi-effect: cwd:set=filename
 *   kapi-effect-case: filename=path:cwd
 *
 * state-trans: current working directory
 *   object: fs_struct pwd
 *   from: the old directory
 *   to: the directory filename names
 *   desc: The old directory loses the reference the task held on it.
 *   kapi-effect: cwd:set=filename
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: changing to, and walking through, directories without search permission
 *   without: EACCES
 *   condition: the directory, or one of the path, lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EBADF the walk starts at AT_FDCWD, never at a descriptor; EAGAIN path_init
 *   returns it for LOOKUP_CACHED, which only openat2 sets, and check_acl only under MAY_NOT_BLOCK,
 *   whose walk then starts again in reference mode; EXDEV only openat2's RESOLVE_* flags scope a
 *   walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped walk: a kernel bug; EISDIR
 *   follow_automount's EISDIR tells __traverse_mounts to stop and is turned into 0 there; ECHILD
 *   check_acl returns it only under MAY_NOT_BLOCK, during an RCU walk, which then starts again in
 *   reference mode; EPERM inode_permission gives it only for MAY_WRITE, and chdir asks for
 *   MAY_EXEC | MAY_CHDIR; EROFS sb_permission gives it only for MAY_WRITE
 *
 * notes: A relative path that begins with ".." from a removed current
 *   directory still works.  The man page's list matches the kernel's, but
 *   for EIO through a FUSE server and ENOMEM from the memory cgroup.
 */
SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
}

/**
 * sys_fchdir - make the directory an open descriptor refers to the current working directory
 * @fd: descriptor of the new current directory
 *
 * long-desc: Like chdir(), for the directory behind an open descriptor: the
 *   file must be a directory the caller may search, and it becomes the
 *   caller's current directory.  O_PATH descriptors are accepted (the file is
 *   looked up with fdget_raw()), so a directory opened only to be named can
 *   be changed to.  No path is resolved: a directory that was removed since
 *   it was opened can still be made current (getcwd() then fails with
 *   ENOENT).  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:dir
 *   type: fd, input
 *   constraint: An open descriptor (O_PATH included) of a directory.
 *   desc: The directory to change to.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the current directory is changed, a negative errno
 *     otherwise.
 *
 * error: EACCES, search permission is denied on the directory
 *   kapi-cond: fd=fd:dir-nosearch, caps=none
 *   desc: The directory lacks execute permission for the caller (checked
 *     now, not when it was opened) and the caller has no
 *     CAP_DAC_READ_SEARCH, or a security module refused, or a FUSE server
 *     answered the ACCESS request with EACCES.
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:closed; fd=-1
 *   desc: A negative number is a huge unsigned one and is never open.
 *
 * error: EIO, the filesystem failed to check the permission
 *   kapi-cond: fd=fd:fuse-access-fails
 *   desc: An ACL could not be read, or a FUSE filesystem without
 *     default_permissions sent the check to its server (ACCESS), which
 *     answered with EIO.  Not in the man page.
 *
 * error: ENOTDIR, fd does not refer to a directory
 *   kapi-cond: fd=fd:file; fd=fd:pipe; fd=fd:opath
 *   desc: The file is a regular file, pipe, socket or device, whatever the
 *     descriptor's mode (an O_PATH descriptor of a file too).
 *
 * lock: fs->lock
 *   type: spinlock
 *   scope: internal
 *   desc: Taken by set_fs_pwd() while the current directory is replaced.
 *
 * side-effect: modify_state
 *   target: the caller's current working directory (fs_struct pwd)
 *   desc: The directory of fd becomes the current directory of the caller
 *     and of every task sharing its fs_struct; the descriptor itself is not
 *     changed and may be closed afterwards.
 *   reversible: yes
 *   kapi-effect: cwd:set=fd
 *   kapi-effect-case: fd=fd:dir-removed
 *
 * state-trans: current working directory
 *   object: fs_struct pwd
 *   from: the old directory
 *   to: the directory of fd
 *   desc: The task takes a reference on the new directory and drops the
 *     one on the old.
 *   kapi-effect: cwd:set=fd
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: bypass_check
 *   allows: changing to a directory without search permission
 *   without: EACCES
 *   condition: the directory lacks execute permission for the caller
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN check_acl returns it only under MAY_NOT_BLOCK, which fchdir's
 *   permission check never sets; ECHILD check_acl returns it only under MAY_NOT_BLOCK; EPERM
 *   inode_permission gives it only for MAY_WRITE, and fchdir asks for MAY_EXEC | MAY_CHDIR; EROFS
 *   sb_permission gives it only for MAY_WRITE
 *
 * notes: Unlike the man page's list, the kernel also returns EIO (from a
 *   filesystem's permission check).  fchdir() to a removed directory
 *   succeeds; relative lookups from there find nothing but "." and "..".
 */
SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
}
