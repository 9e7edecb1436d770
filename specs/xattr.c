// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the extended attribute system calls (fs/xattr.c, Linux 6.1):
// getxattr, lgetxattr, fgetxattr, setxattr, lsetxattr, fsetxattr, listxattr, llistxattr,
// flistxattr, removexattr, lremovexattr, fremovexattr.

/**
 * sys_getxattr - read the value of an extended attribute of a file named by a path
 * @pathname: path of the file, a final symbolic link followed
 * @name: attribute name with its namespace prefix, such as "user.mime_type"
 * @value: user buffer that receives the value
 * @size: length of value in bytes; 0 asks for the value's length only
 *
 * long-desc: Resolves pathname from the current directory (following every
 *   symbolic link, the last one included), copies the attribute name in,
 *   checks that the caller may read that namespace of that file and asks the
 *   filesystem's handler for the prefix for the value.  The value is read
 *   into a kernel buffer of size bytes (at most XATTR_SIZE_MAX, 64 KiB; a
 *   larger size is lowered to it) and copied out; with size 0 nothing is
 *   copied and the call returns how long the value is, so that a caller can
 *   size its buffer.  Reading needs read permission on the file for user.*
 *   attributes, nothing for security.* and system.*, and CAP_SYS_ADMIN for
 *   trusted.* (without it a trusted attribute reads as absent).  The raw
 *   syscall returns the length or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file whose attribute is read.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * param: value
 *   type: user_ptr, output
 *   size: XATTR_SIZE_MAX
 *   constraint-type: buffer(3)
 *   constraint: size bytes of writable user memory when size is not 0 (only
 *     the value's length is written); ignored when size is 0.
 *   desc: Receives the value, which is not NUL-terminated.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4096
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: 0 to learn the value's length; otherwise the length of
 *     value, which must hold the whole value.  Sizes above XATTR_SIZE_MAX
 *     are treated as XATTR_SIZE_MAX.
 *   desc: Length of the buffer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, XATTR_SIZE_MAX
 *   desc: The length of the value in bytes (written to value unless size is
 *     0), a negative errno otherwise.
 *   kapi-effect: mem:filled=value,ret if size!=0
 *
 * error: E2BIG, the filesystem holds a value longer than XATTR_SIZE_MAX
 *   kapi-cond: pathname=path:fuse-xattr-huge, size=XATTR_SIZE_MAX
 *   desc: The buffer was XATTR_SIZE_MAX bytes (size at least that) and the
 *     filesystem still found it too short (ERANGE), which the call reports
 *     as E2BIG.  No local filesystem can hold such a value, since setxattr
 *     refuses one; a FUSE or network server can report it.
 *
 * error: EACCES, the caller may not read the attribute, or search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: For a user.* attribute the caller needs read permission on the
 *     file (or CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH); a directory of the
 *     path lacks execute permission; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname, name or value points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; name=ptr:unmapped, pathname=path:file; value=ptr:unmapped; value=ptr:readonly
 *   desc: Reading the path or the name, or writing the value, faulted.  The
 *     value is written only after the filesystem produced it, so a bad
 *     value pointer is seen only for an attribute that exists (and never
 *     with size 0).
 *
 * error: EINVAL, name is a namespace prefix with nothing after it
 *   kapi-cond: name=str:xattr-prefix-only
 *   desc: A name such as "user." matches the prefix of a handler that needs
 *     a suffix (the man page does not list this).
 *
 * error: EIO, the filesystem failed to read the attribute
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The inode is a bad inode (the filesystem failed to read it), a
 *     block holding the attribute could not be read, or a FUSE or network
 *     server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop
 *   desc: More than 40 links in the walk, the final one included.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  A name that is too long gives ERANGE,
 *     not this.
 *
 * error: ENODATA, the file has no attribute of that name, or the caller may not see it
 *   kapi-cond: name=str:xattr-missing; name=str:xattr-trusted; pathname=path:fifo
 *   desc: No attribute name exists on the file.  Also for a trusted.*
 *     name when the caller lacks CAP_SYS_ADMIN in the initial user namespace
 *     (the sandbox never has it), and for a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket, a
 *     symbolic link reached without following it), where user attributes
 *     cannot exist.  The most common failure: programs probe attributes
 *     (ACLs, capabilities, SELinux labels) most files do not have.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:dangling; pathname=path:empty
 *   desc: Includes a final symbolic link to nothing.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or the kernel copy of the value (size
 *     bytes) could not be allocated; a dentry for a name not in the cache is
 *     charged to the caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, pathname=path:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs; tmpfs before 6.6
 *     keeps no user.* attributes; a FUSE server that does not implement
 *     them).
 *
 * error: ERANGE, value is too small for the value, or name is empty or too long
 *   kapi-cond: size=1; name=str:empty, pathname=path:file; name=str:xattr-toolong, pathname=path:file
 *   desc: A size other than 0 that is less than the value's length (call
 *     again with size 0 to learn it, the value may have grown), an empty
 *     name, or a name longer than XATTR_NAME_MAX bytes.  The name checks come
 *     before anything else.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the read are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state
 *   target: value
 *   desc: The value's bytes are written to the start of value, nothing past
 *     them; with size 0 nothing is written.  The file is not changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=value,ret if size!=0
 *   kapi-effect-case: size=0; size=10; pathname=path:xattr-symlink; size=XATTR_SIZE_MAX
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: reading trusted.* attributes
 *   without: a trusted.* attribute reads as absent (ENODATA)
 *   condition: the name begins with trusted.
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: reading user.* attributes of a file the caller may not read
 *   without: EACCES
 *   condition: the file's mode denies the caller read permission
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU walk),
 *   and xattr_permission asks in blocking mode; EPERM xattr_permission and inode_permission give it
 *   only for MAY_WRITE, and a read asks for MAY_READ; EROFS sb_permission gives it only for MAY_WRITE
 *
 * notes: getxattr with size 0 is how callers size their buffer; the value
 *   can change between the two calls, so ERANGE on the second is possible.
 *   The x86-64 getxattr(2) follows a final symbolic link; lgetxattr does not.
 *   The man page lists neither EINVAL (a bare prefix) nor E2BIG; it says
 *   ENOTSUP, which is EOPNOTSUPP on Linux.
 */
SYSCALL_DEFINE4(getxattr, const char __user *, pathname,
		const char __user *, name, void __user *, value, size_t, size)
{
}

/**
 * sys_lgetxattr - read the value of an extended attribute of a file named by a path, not following a final symbolic link
 * @pathname: path of the file; a final symbolic link is not followed
 * @name: attribute name with its namespace prefix, such as "user.mime_type"
 * @value: user buffer that receives the value
 * @size: length of value in bytes; 0 asks for the value's length only
 *
 * long-desc: Resolves pathname from the current directory, following the
 *   symbolic links of its directories but not a final one, which is the
 *   file the call works on, copies the attribute name in, checks that the
 *   caller may read that namespace of that file and asks the filesystem's
 *   handler for the prefix for the value.  The value is read into a kernel
 *   buffer of size bytes (at most XATTR_SIZE_MAX, 64 KiB; a larger size is
 *   lowered to it) and copied out; with size 0 nothing is copied and the
 *   call returns how long the value is.  Reading needs read permission on
 *   the file for user.* attributes, nothing for security.* and system.*,
 *   and CAP_SYS_ADMIN for trusted.* (without it a trusted attribute reads as
 *   absent).
 *   On a symbolic link only the namespaces other than user.* can hold
 *   attributes (security labels, mostly); lgetxattr is what a program
 *   that copies or lists links without following them calls.  The raw syscall returns the length or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  A final symbolic link is not followed:
 *     it is the file the call works on, so a final link that loops or
 *     dangles is no error of the walk (the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error).
 *   desc: Path of the file whose attribute is read; a final symbolic link is that file.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * param: value
 *   type: user_ptr, output
 *   size: XATTR_SIZE_MAX
 *   constraint-type: buffer(3)
 *   constraint: size bytes of writable user memory when size is not 0 (only
 *     the value's length is written); ignored when size is 0.
 *   desc: Receives the value, which is not NUL-terminated.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4096
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: 0 to learn the value's length; otherwise the length of
 *     value, which must hold the whole value.  Sizes above XATTR_SIZE_MAX
 *     are treated as XATTR_SIZE_MAX.
 *   desc: Length of the buffer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, XATTR_SIZE_MAX
 *   desc: The length of the value in bytes (written to value unless size is
 *     0), a negative errno otherwise.
 *   kapi-effect: mem:filled=value,ret if size!=0
 *
 * error: E2BIG, the filesystem holds a value longer than XATTR_SIZE_MAX
 *   kapi-cond: pathname=path:fuse-xattr-huge, size=XATTR_SIZE_MAX
 *   desc: The buffer was XATTR_SIZE_MAX bytes (size at least that) and the
 *     filesystem still found it too short (ERANGE), which the call reports
 *     as E2BIG.  No local filesystem can hold such a value, since setxattr
 *     refuses one; a FUSE or network server can report it.
 *
 * error: EACCES, the caller may not read the attribute, or search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: For a user.* attribute the caller needs read permission on the
 *     file (or CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH); a directory of the
 *     path lacks execute permission; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname, name or value points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped; name=ptr:unmapped, pathname=path:file; value=ptr:unmapped; value=ptr:readonly
 *   desc: Reading the path or the name, or writing the value, faulted.  The
 *     value is written only after the filesystem produced it, so a bad
 *     value pointer is seen only for an attribute that exists (and never
 *     with size 0).
 *
 * error: EINVAL, name is a namespace prefix with nothing after it
 *   kapi-cond: name=str:xattr-prefix-only
 *   desc: A name such as "user." matches the prefix of a handler that needs
 *     a suffix (the man page does not list this).
 *
 * error: EIO, the filesystem failed to read the attribute
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The inode is a bad inode (the filesystem failed to read it), a
 *     block holding the attribute could not be read, or a FUSE or network
 *     server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a directory of the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links while resolving the directories of the path.
 *     A final link is not followed, so a final link that loops is the
 *     file the call works on and gives no ELOOP.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENODATA, the file has no attribute of that name, or the caller may not see it
 *   kapi-cond: name=str:xattr-missing; name=str:xattr-trusted; pathname=path:xattr-symlink; pathname=path:fifo
 *   desc: No attribute name exists on the file.  Also for a trusted.*
 *     name when the caller lacks CAP_SYS_ADMIN in the initial user namespace
 *     (the sandbox never has it), and for a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket, a symbolic link: a final symbolic link here is not followed, so a user.* name on it always gives ENODATA, whatever its target has),
 *     where user attributes cannot exist.  The most common failure:
 *     programs probe attributes (ACLs, capabilities, SELinux labels) most
 *     files do not have.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:empty
 *   desc: A final symbolic link to nothing is not followed and gives no
 *     ENOENT: the link itself is the file.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the value could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, pathname=path:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: ERANGE, value is too small for the value, or name is empty or too long
 *   kapi-cond: size=1; name=str:empty, pathname=path:file; name=str:xattr-toolong, pathname=path:file
 *   desc: A size other than 0 that is less than the value's length (call
 *     again with size 0 to learn it, the value may have grown), an empty
 *     name, or a name longer than XATTR_NAME_MAX bytes.  The name checks come
 *     before the filesystem is asked.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state
 *   target: value
 *   desc: The value's bytes are written to the start of value, nothing past
 *     them; with size 0 nothing is written.  The file is not changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=value,ret if size!=0
 *   kapi-effect-case: size=0; size=10; size=XATTR_SIZE_MAX
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: reading trusted.* attributes
 *   without: a trusted.* attribute reads as absent (ENODATA)
 *   condition: the name begins with trusted.
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: reading user.* attributes of a file the caller may not read
 *   without: EACCES
 *   condition: the file's mode denies the caller read permission
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU
 *   walk), and xattr_permission asks in blocking mode; EPERM xattr_permission and inode_permission
 *   give it only for MAY_WRITE, and a read asks for MAY_READ; EROFS sb_permission gives it only for
 *   MAY_WRITE
 *
 * notes: Callers size their buffer with a first call of size 0; the value
 *   can change before the second call, so ERANGE then is possible.  The man
 *   page lists neither EINVAL (a bare prefix) nor E2BIG; it says ENOTSUP,
 *   which is EOPNOTSUPP on Linux. Unlike getxattr, a final symbolic link is the file read: a user.* name on it gives ENODATA.
 */
SYSCALL_DEFINE4(lgetxattr, const char __user *, pathname,
		const char __user *, name, void __user *, value, size_t, size)
{
}

/**
 * sys_fgetxattr - read the value of an extended attribute of an open file
 * @fd: open descriptor of the file
 * @name: attribute name with its namespace prefix, such as "user.mime_type"
 * @value: user buffer that receives the value
 * @size: length of value in bytes; 0 asks for the value's length only
 *
 * long-desc: Takes the file fd refers to (any open descriptor but an O_PATH
 *   one), copies the attribute name in, checks that the
 *   caller may read that namespace of that file and asks the filesystem's
 *   handler for the prefix for the value.  The value is read into a kernel
 *   buffer of size bytes (at most XATTR_SIZE_MAX, 64 KiB; a larger size is
 *   lowered to it) and copied out; with size 0 nothing is copied and the
 *   call returns how long the value is.  Reading needs read permission on
 *   the file for user.* attributes, nothing for security.* and system.*,
 *   and CAP_SYS_ADMIN for trusted.* (without it a trusted attribute reads as
 *   absent).
 *   The descriptor's access mode does not matter: the permission check is
 *   the file's mode, as for getxattr.  The raw syscall returns the length or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:xattr
 *   type: fd, input
 *   constraint: An open descriptor of any kind and any access mode, except
 *     an O_PATH one (EBADF).  Permission is checked against the file's
 *     mode, not the descriptor's access mode.
 *   desc: Descriptor of the file whose attribute is read.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * param: value
 *   type: user_ptr, output
 *   size: XATTR_SIZE_MAX
 *   constraint-type: buffer(3)
 *   constraint: size bytes of writable user memory when size is not 0 (only
 *     the value's length is written); ignored when size is 0.
 *   desc: Receives the value, which is not NUL-terminated.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4096
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: 0 to learn the value's length; otherwise the length of
 *     value, which must hold the whole value.  Sizes above XATTR_SIZE_MAX
 *     are treated as XATTR_SIZE_MAX.
 *   desc: Length of the buffer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, XATTR_SIZE_MAX
 *   desc: The length of the value in bytes (written to value unless size is
 *     0), a negative errno otherwise.
 *   kapi-effect: mem:filled=value,ret if size!=0
 *
 * error: E2BIG, the filesystem holds a value longer than XATTR_SIZE_MAX
 *   kapi-cond: fd=fd:fuse-xattr-huge, size=XATTR_SIZE_MAX
 *   desc: The buffer was XATTR_SIZE_MAX bytes (size at least that) and the
 *     filesystem still found it too short (ERANGE), which the call reports
 *     as E2BIG.  No local filesystem can hold such a value, since setxattr
 *     refuses one; a FUSE or network server can report it.
 *
 * error: EACCES, the caller may not read the attribute
 *   kapi-cond: fd=fd:xattr-noperm, caps=none
 *   desc: For a user.* attribute the caller needs read permission on the
 *     file by its mode (or CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH), even
 *     when fd is open for reading; or a security module refused.
 *
 * error: EBADF, fd is not an open descriptor, or it was opened with O_PATH
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: An O_PATH descriptor names a file but gives no access to it.
 *
 * error: EFAULT, name or value points outside the caller's accessible address space
 *   kapi-cond: name=ptr:unmapped, fd=fd:file; value=ptr:unmapped; value=ptr:readonly
 *   desc: Reading the name, or writing the value, faulted.  The
 *     value is written only after the filesystem produced it, so a bad
 *     value pointer is seen only for an attribute that exists (and never
 *     with size 0).
 *
 * error: EINVAL, name is a namespace prefix with nothing after it
 *   kapi-cond: name=str:xattr-prefix-only
 *   desc: A name such as "user." matches the prefix of a handler that needs
 *     a suffix (the man page does not list this).
 *
 * error: EIO, the filesystem failed to read the attribute
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: The inode is a bad inode (the filesystem failed to read it), a
 *     block holding the attribute could not be read, or a FUSE or network
 *     server answered the request with EIO.
 *
 * error: ENODATA, the file has no attribute of that name, or the caller may not see it
 *   kapi-cond: name=str:xattr-missing; name=str:xattr-trusted; fd=fd:fifo
 *   desc: No attribute name exists on the file.  Also for a trusted.*
 *     name when the caller lacks CAP_SYS_ADMIN in the initial user namespace
 *     (the sandbox never has it), and for a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket),
 *     where user attributes cannot exist.  The most common failure:
 *     programs probe attributes (ACLs, capabilities, SELinux labels) most
 *     files do not have.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-unprovokable: the only allocation, the kernel copy of the value (kvzalloc of size bytes), is not charged to the memory cgroup (no __GFP_ACCOUNT), so no limit the sandbox can set makes it fail
 *   desc: The kernel buffer for the value could not be allocated.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, fd=fd:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: ERANGE, value is too small for the value, or name is empty or too long
 *   kapi-cond: size=1; name=str:empty, fd=fd:file; name=str:xattr-toolong, fd=fd:file
 *   desc: A size other than 0 that is less than the value's length (call
 *     again with size 0 to learn it, the value may have grown), an empty
 *     name, or a name longer than XATTR_NAME_MAX bytes.  The name checks come
 *     before the filesystem is asked.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  A descriptor
 *     cannot be looked up again, so there is no retry.
 *
 * side-effect: modify_state
 *   target: value
 *   desc: The value's bytes are written to the start of value, nothing past
 *     them; with size 0 nothing is written.  The file is not changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=value,ret if size!=0
 *   kapi-effect-case: size=0; size=10; size=XATTR_SIZE_MAX
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: reading trusted.* attributes
 *   without: a trusted.* attribute reads as absent (ENODATA)
 *   condition: the name begins with trusted.
 *   priority: 0
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: reading user.* attributes of a file the caller may not read
 *   without: EACCES
 *   condition: the file's mode denies the caller read permission
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN check_acl returns it only under MAY_NOT_BLOCK, which xattr_permission
 *   never passes; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU walk), and
 *   xattr_permission asks in blocking mode; EPERM xattr_permission and inode_permission give it
 *   only for MAY_WRITE, and a read asks for MAY_READ; EROFS sb_permission gives it only for
 *   MAY_WRITE
 *
 * notes: Callers size their buffer with a first call of size 0; the value
 *   can change before the second call, so ERANGE then is possible.  The man
 *   page lists neither EINVAL (a bare prefix) nor E2BIG; it says ENOTSUP,
 *   which is EOPNOTSUPP on Linux.
 */
SYSCALL_DEFINE4(fgetxattr, int, fd, const char __user *, name,
		void __user *, value, size_t, size)
{
}

/**
 * sys_setxattr - create or replace an extended attribute of a file named by a path
 * @pathname: path of the file, symbolic links followed
 * @name: attribute name with its namespace prefix, such as "user.mime_type"
 * @value: the new value, size bytes
 * @size: length of the value, at most XATTR_SIZE_MAX
 * @flags: 0, XATTR_CREATE or XATTR_REPLACE
 *
 * long-desc: Resolves pathname from the current directory (following every
 *   symbolic link, the last one included), makes sure the mount is writable, checks the flags, copies
 *   the name and the value in and asks the filesystem's handler for the
 *   name's prefix to store the attribute, under the inode's lock.  With
 *   flags 0 the attribute is created or its value replaced; XATTR_CREATE
 *   fails if it exists, XATTR_REPLACE if it does not.  A value of size 0
 *   is an empty value, not a removal.  Writing needs write permission on
 *   the file for user.* attributes (on regular files and directories only),
 *   CAP_SYS_ADMIN for trusted.*, and what the security module asks for
 *   security.*.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file whose attribute is set, symbolic links followed.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * param: value
 *   type: user_ptr, input
 *   size: XATTR_SIZE_MAX
 *   constraint-type: buffer(3)
 *   constraint: size bytes of readable user memory; not read when size is
 *     0.  Any bytes: the value is not a string.
 *   desc: The new value.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4
 *   kapi-test: no-invalid
 *   constraint-type: range(0, XATTR_SIZE_MAX)
 *   constraint: 0 to XATTR_SIZE_MAX (65536); larger gives E2BIG (not
 *     EINVAL, so the generic out-of-range case does not apply; the E2BIG
 *     condition provokes it).  The filesystem may allow less and refuse a
 *     large value with ENOSPC or E2BIG: ext4 keeps a value within one block
 *     unless it has the ea_inode feature, and tmpfs on 6.18 refused a
 *     64 KiB value with ENOSPC.
 *   desc: Length of the value.
 *
 * param: flags
 *   type: int, input
 *   kapi-test: no-valid-bits
 *   constraint-type: mask(XATTR_CREATE | XATTR_REPLACE)
 *   constraint: Any other bit gives EINVAL.  Each bit alone depends on
 *     whether the attribute exists (the effect cases show both), so the
 *     generic allowed-bit cases do not apply.  Both bits together are
 *     accepted by the VFS; what they do is the filesystem's choice.
 *   desc: Create-only or replace-only.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attribute is stored, a negative errno otherwise.
 *
 * error: E2BIG, size is larger than XATTR_SIZE_MAX
 *   kapi-cond: size=0x10001, pathname=path:file
 *   desc: Values are limited to 64 KiB; checked after the lookup, before the
 *     value is copied in.
 *
 * error: EACCES, the caller may not write the attribute, or search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: For a user.* attribute the caller needs write permission on the
 *     file (or CAP_DAC_OVERRIDE); a directory of the path lacks execute
 *     permission; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EDQUOT, the caller's disk quota is exhausted
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The filesystem charges the attribute's storage to the owner's quota
 *     (ext4 and xfs, for a value outside the inode) and the quota is full;
 *     a FUSE or network server can report it too.
 *
 * error: EEXIST, XATTR_CREATE was given and the attribute exists
 *   kapi-cond: flags=XATTR_CREATE
 *   desc: The existing value is left as it was.
 *
 * error: EFAULT, pathname, name or value points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; name=ptr:unmapped, pathname=path:file; value=ptr:unmapped
 *   desc: Reading the path, the name or the size bytes of value faulted.
 *     With size 0 value is not read.
 *
 * error: EINVAL, flags has a bit other than XATTR_CREATE and XATTR_REPLACE, or name is a bare prefix
 *   kapi-cond: flags=0x4; name=str:xattr-prefix-only
 *   desc: The flags are checked after the lookup, before the name is copied.
 *     A name such as "user." matches the prefix of a handler that needs a
 *     suffix (the man page lists only the flags).  Setting
 *     security.capability with a malformed value is EINVAL too.
 *
 * error: EIO, the filesystem failed to store the attribute
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The inode is a bad inode, a block could not be read or written,
 *     or a FUSE or network server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop
 *   desc: More than 40 links in the walk, the final one included.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENODATA, XATTR_REPLACE was given and the attribute does not exist
 *   kapi-cond: flags=XATTR_REPLACE, name=str:xattr-missing
 *   desc: Nothing is created.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:dangling; pathname=path:empty
 *   desc: Includes a final symbolic link to nothing.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the value could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, the filesystem has no room for the attribute
 *   kapi-cond: pathname=path:xattr-nospace; pathname=path:fuse-xattr-fails
 *   desc: No free block for the value, or (tmpfs, since 6.6) the inode
 *     space that user.* attributes are charged to is used up; a FUSE or
 *     network server can report it.  Also an automount on the path that would exceed the mount limit (fs.mount-max), which needs an automount point the sandbox cannot have.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, pathname=path:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: EPERM, the caller may not write an attribute of that namespace on that file
 *   kapi-cond: name=str:xattr-trusted; pathname=path:fifo; pathname=path:immutable
 *   desc: A trusted.* name without CAP_SYS_ADMIN in the initial user
 *     namespace (the sandbox never has it); a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket),
 *     or on a sticky directory the caller does not own; an immutable or
 *     append-only file; a file whose owner has no mapping in the mount's
 *     user namespace; a security.* name other than security.capability
 *     without CAP_SYS_ADMIN over the filesystem.
 *
 * error: ERANGE, name is empty or longer than XATTR_NAME_MAX
 *   kapi-cond: name=str:empty, pathname=path:file; name=str:xattr-toolong, pathname=path:file
 *   desc: The name is copied in first, before the filesystem is asked, so
 *     these come before any error about the attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: pathname=path:rofs-file
 *   desc: Checked (mnt_want_write) before the flags and the name.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state | filesystem
 *   target: the attribute name of the file
 *   desc: The attribute exists with the new value of size bytes; the inode's
 *     change time is updated and an inotify IN_ATTRIB event is sent.  A
 *     failed call leaves the attribute as it was.
 *   reversible: yes
 *   kapi-effect: xattr:set=pathname,name,size
 *   kapi-effect-case: flags=XATTR_CREATE, name=str:xattr-missing; flags=XATTR_REPLACE; size=256; pathname=path:xattr-symlink
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: writing trusted.* attributes, and security.* ones the LSM guards
 *   without: EPERM
 *   condition: the name begins with trusted. or security.
 *   priority: 0
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: writing user.* attributes of a sticky directory the caller does not own
 *   without: EPERM
 *   condition: the directory has the sticky bit and another owner
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU
 *   walk), and xattr_permission asks in blocking mode
 *
 * notes: The man page's ENOTSUP is EOPNOTSUPP on Linux; it does not list
 *   EINVAL for a bare prefix, EROFS, or EPERM for trusted.* and user.* on
 *   special files.
 */
SYSCALL_DEFINE5(setxattr, const char __user *, pathname,
		const char __user *, name, const void __user *, value,
		size_t, size, int, flags)
{
}

/**
 * sys_lsetxattr - create or replace an extended attribute of a file named by a path, not following a final symbolic link
 * @pathname: path of the file; a final symbolic link is not followed
 * @name: attribute name with its namespace prefix, such as "user.mime_type"
 * @value: the new value, size bytes
 * @size: length of the value, at most XATTR_SIZE_MAX
 * @flags: 0, XATTR_CREATE or XATTR_REPLACE
 *
 * long-desc: Resolves pathname from the current directory, following the
 *   symbolic links of its directories but not a final one, which is the
 *   file the call works on, makes sure the mount is writable, checks the flags, copies
 *   the name and the value in and asks the filesystem's handler for the
 *   name's prefix to store the attribute, under the inode's lock.  With
 *   flags 0 the attribute is created or its value replaced; XATTR_CREATE
 *   fails if it exists, XATTR_REPLACE if it does not.  A value of size 0
 *   is an empty value, not a removal.  Writing needs write permission on
 *   the file for user.* attributes (on regular files and directories only),
 *   CAP_SYS_ADMIN for trusted.*, and what the security module asks for
 *   security.*.
 *   A user.* attribute cannot be set on a symbolic link (EPERM); other
 *   namespaces (security labels) can.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  A final symbolic link is not followed:
 *     it is the file the call works on, so a final link that loops or
 *     dangles is no error of the walk (the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error).
 *   desc: Path of the file whose attribute is set; a final symbolic link is that file.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * param: value
 *   type: user_ptr, input
 *   size: XATTR_SIZE_MAX
 *   constraint-type: buffer(3)
 *   constraint: size bytes of readable user memory; not read when size is
 *     0.  Any bytes: the value is not a string.
 *   desc: The new value.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4
 *   kapi-test: no-invalid
 *   constraint-type: range(0, XATTR_SIZE_MAX)
 *   constraint: 0 to XATTR_SIZE_MAX (65536); larger gives E2BIG (not
 *     EINVAL, so the generic out-of-range case does not apply; the E2BIG
 *     condition provokes it).  The filesystem may allow less and refuse a
 *     large value with ENOSPC or E2BIG: ext4 keeps a value within one block
 *     unless it has the ea_inode feature, and tmpfs on 6.18 refused a
 *     64 KiB value with ENOSPC.
 *   desc: Length of the value.
 *
 * param: flags
 *   type: int, input
 *   kapi-test: no-valid-bits
 *   constraint-type: mask(XATTR_CREATE | XATTR_REPLACE)
 *   constraint: Any other bit gives EINVAL.  Each bit alone depends on
 *     whether the attribute exists (the effect cases show both), so the
 *     generic allowed-bit cases do not apply.  Both bits together are
 *     accepted by the VFS; what they do is the filesystem's choice.
 *   desc: Create-only or replace-only.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attribute is stored, a negative errno otherwise.
 *
 * error: E2BIG, size is larger than XATTR_SIZE_MAX
 *   kapi-cond: size=0x10001, pathname=path:file
 *   desc: Values are limited to 64 KiB; checked after the lookup, before the
 *     value is copied in.
 *
 * error: EACCES, the caller may not write the attribute, or search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: For a user.* attribute the caller needs write permission on the
 *     file (or CAP_DAC_OVERRIDE); a directory of the path lacks execute
 *     permission; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EDQUOT, the caller's disk quota is exhausted
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The filesystem charges the attribute's storage to the owner's quota
 *     (ext4 and xfs, for a value outside the inode) and the quota is full;
 *     a FUSE or network server can report it too.
 *
 * error: EEXIST, XATTR_CREATE was given and the attribute exists
 *   kapi-cond: flags=XATTR_CREATE
 *   desc: The existing value is left as it was.
 *
 * error: EFAULT, pathname, name or value points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped; name=ptr:unmapped, pathname=path:file; value=ptr:unmapped
 *   desc: Reading the path, the name or the size bytes of value faulted.
 *     With size 0 value is not read.
 *
 * error: EINVAL, flags has a bit other than XATTR_CREATE and XATTR_REPLACE, or name is a bare prefix
 *   kapi-cond: flags=0x4; name=str:xattr-prefix-only
 *   desc: The flags are checked after the lookup, before the name is copied.
 *     A name such as "user." matches the prefix of a handler that needs a
 *     suffix (the man page lists only the flags).  Setting
 *     security.capability with a malformed value is EINVAL too.
 *
 * error: EIO, the filesystem failed to store the attribute
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The inode is a bad inode, a block could not be read or written,
 *     or a FUSE or network server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a directory of the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links while resolving the directories of the path.
 *     A final link is not followed, so a final link that loops is the
 *     file the call works on and gives no ELOOP.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENODATA, XATTR_REPLACE was given and the attribute does not exist
 *   kapi-cond: flags=XATTR_REPLACE, name=str:xattr-missing
 *   desc: Nothing is created.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:empty
 *   desc: A final symbolic link to nothing is not followed and gives no
 *     ENOENT: the link itself is the file.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the value could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, the filesystem has no room for the attribute
 *   kapi-cond: pathname=path:xattr-nospace; pathname=path:fuse-xattr-fails
 *   desc: No free block for the value, or (tmpfs, since 6.6) the inode
 *     space that user.* attributes are charged to is used up; a FUSE or
 *     network server can report it.  Also an automount on the path that would exceed the mount limit (fs.mount-max), which needs an automount point the sandbox cannot have.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, pathname=path:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: EPERM, the caller may not write an attribute of that namespace on that file
 *   kapi-cond: name=str:xattr-trusted; pathname=path:xattr-symlink; pathname=path:fifo; pathname=path:immutable
 *   desc: A trusted.* name without CAP_SYS_ADMIN in the initial user
 *     namespace (the sandbox never has it); a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket, or a final symbolic link, which lsetxattr does not follow),
 *     or on a sticky directory the caller does not own; an immutable or
 *     append-only file; a file whose owner has no mapping in the mount's
 *     user namespace; a security.* name other than security.capability
 *     without CAP_SYS_ADMIN over the filesystem.
 *
 * error: ERANGE, name is empty or longer than XATTR_NAME_MAX
 *   kapi-cond: name=str:empty, pathname=path:file; name=str:xattr-toolong, pathname=path:file
 *   desc: The name is copied in first, before the filesystem is asked, so
 *     these come before any error about the attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: pathname=path:rofs-file
 *   desc: Checked (mnt_want_write) before the flags and the name.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state | filesystem
 *   target: the attribute name of the file
 *   desc: The attribute exists with the new value of size bytes; the inode's
 *     change time is updated and an inotify IN_ATTRIB event is sent.  A
 *     failed call leaves the attribute as it was.
 *   reversible: yes
 *   kapi-effect: xattr:set=pathname,name,size
 *   kapi-effect-case: flags=XATTR_CREATE, name=str:xattr-missing; flags=XATTR_REPLACE; size=256
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: writing trusted.* attributes, and security.* ones the LSM guards
 *   without: EPERM
 *   condition: the name begins with trusted. or security.
 *   priority: 0
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: writing user.* attributes of a sticky directory the caller does not own
 *   without: EPERM
 *   condition: the directory has the sticky bit and another owner
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU
 *   walk), and xattr_permission asks in blocking mode
 *
 * notes: The man page's ENOTSUP is EOPNOTSUPP on Linux; it does not list
 *   EINVAL for a bare prefix, EROFS, or EPERM for trusted.* and user.* on
 *   special files.  A user.* name on a final symbolic link is EPERM, since lsetxattr does not follow it.
 */
SYSCALL_DEFINE5(lsetxattr, const char __user *, pathname,
		const char __user *, name, const void __user *, value,
		size_t, size, int, flags)
{
}

/**
 * sys_fsetxattr - create or replace an extended attribute of an open file
 * @fd: open descriptor of the file
 * @name: attribute name with its namespace prefix, such as "user.mime_type"
 * @value: the new value, size bytes
 * @size: length of the value, at most XATTR_SIZE_MAX
 * @flags: 0, XATTR_CREATE or XATTR_REPLACE
 *
 * long-desc: Takes the file fd refers to (any open descriptor but an O_PATH
 *   one), makes sure the mount is writable, checks the flags, copies
 *   the name and the value in and asks the filesystem's handler for the
 *   name's prefix to store the attribute, under the inode's lock.  With
 *   flags 0 the attribute is created or its value replaced; XATTR_CREATE
 *   fails if it exists, XATTR_REPLACE if it does not.  A value of size 0
 *   is an empty value, not a removal.  Writing needs write permission on
 *   the file for user.* attributes (on regular files and directories only),
 *   CAP_SYS_ADMIN for trusted.*, and what the security module asks for
 *   security.*.
 *   fd may be open read-only: the check is the file's mode, not the
 *   descriptor's access mode.  The raw syscall returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:xattr
 *   type: fd, input
 *   constraint: An open descriptor of any kind and any access mode, except
 *     an O_PATH one (EBADF).  Permission is checked against the file's
 *     mode, not the descriptor's access mode.
 *   desc: Descriptor of the file whose attribute is set.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * param: value
 *   type: user_ptr, input
 *   size: XATTR_SIZE_MAX
 *   constraint-type: buffer(3)
 *   constraint: size bytes of readable user memory; not read when size is
 *     0.  Any bytes: the value is not a string.
 *   desc: The new value.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4
 *   kapi-test: no-invalid
 *   constraint-type: range(0, XATTR_SIZE_MAX)
 *   constraint: 0 to XATTR_SIZE_MAX (65536); larger gives E2BIG (not
 *     EINVAL, so the generic out-of-range case does not apply; the E2BIG
 *     condition provokes it).  The filesystem may allow less and refuse a
 *     large value with ENOSPC or E2BIG: ext4 keeps a value within one block
 *     unless it has the ea_inode feature, and tmpfs on 6.18 refused a
 *     64 KiB value with ENOSPC.
 *   desc: Length of the value.
 *
 * param: flags
 *   type: int, input
 *   kapi-test: no-valid-bits
 *   constraint-type: mask(XATTR_CREATE | XATTR_REPLACE)
 *   constraint: Any other bit gives EINVAL.  Each bit alone depends on
 *     whether the attribute exists (the effect cases show both), so the
 *     generic allowed-bit cases do not apply.  Both bits together are
 *     accepted by the VFS; what they do is the filesystem's choice.
 *   desc: Create-only or replace-only.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attribute is stored, a negative errno otherwise.
 *
 * error: E2BIG, size is larger than XATTR_SIZE_MAX
 *   kapi-cond: size=0x10001, fd=fd:file
 *   desc: Values are limited to 64 KiB; checked after the lookup, before the
 *     value is copied in.
 *
 * error: EACCES, the caller may not write the attribute
 *   kapi-cond: fd=fd:xattr-noperm, caps=none
 *   desc: For a user.* attribute the caller needs write permission on the
 *     file by its mode (or CAP_DAC_OVERRIDE), whatever fd's access mode;
 *     or a security module refused.
 *
 * error: EBADF, fd is not an open descriptor, or it was opened with O_PATH
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: An O_PATH descriptor names a file but gives no access to it.
 *
 * error: EDQUOT, the caller's disk quota is exhausted
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: The filesystem charges the attribute's storage to the owner's quota
 *     (ext4 and xfs, for a value outside the inode) and the quota is full;
 *     a FUSE or network server can report it too.
 *
 * error: EEXIST, XATTR_CREATE was given and the attribute exists
 *   kapi-cond: flags=XATTR_CREATE
 *   desc: The existing value is left as it was.
 *
 * error: EFAULT, name or value points outside the caller's accessible address space
 *   kapi-cond: name=ptr:unmapped, fd=fd:file; value=ptr:unmapped
 *   desc: Reading the name or the size bytes of value faulted.
 *     With size 0 value is not read.
 *
 * error: EINVAL, flags has a bit other than XATTR_CREATE and XATTR_REPLACE, or name is a bare prefix
 *   kapi-cond: flags=0x4; name=str:xattr-prefix-only
 *   desc: The flags are checked after the lookup, before the name is copied.
 *     A name such as "user." matches the prefix of a handler that needs a
 *     suffix (the man page lists only the flags).  Setting
 *     security.capability with a malformed value is EINVAL too.
 *
 * error: EIO, the filesystem failed to store the attribute
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: The inode is a bad inode, a block could not be read or written,
 *     or a FUSE or network server answered the request with EIO.
 *
 * error: ENODATA, XATTR_REPLACE was given and the attribute does not exist
 *   kapi-cond: flags=XATTR_REPLACE, name=str:xattr-missing
 *   desc: Nothing is created.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-unprovokable: the only allocation, the kernel copy of the value (vmemdup_user of size bytes, GFP_USER), is not charged to the memory cgroup, so no limit the sandbox can set makes it fail
 *   desc: The kernel copy of the value could not be allocated.
 *
 * error: ENOSPC, the filesystem has no room for the attribute
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: No free block for the value, or (tmpfs, since 6.6) the inode
 *     space that user.* attributes are charged to is used up; a FUSE or
 *     network server can report it.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, fd=fd:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: EPERM, the caller may not write an attribute of that namespace on that file
 *   kapi-cond: name=str:xattr-trusted; fd=fd:fifo
 *   desc: A trusted.* name without CAP_SYS_ADMIN in the initial user
 *     namespace (the sandbox never has it); a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket),
 *     or on a sticky directory the caller does not own; an immutable or
 *     append-only file; a file whose owner has no mapping in the mount's
 *     user namespace; a security.* name other than security.capability
 *     without CAP_SYS_ADMIN over the filesystem.
 *
 * error: ERANGE, name is empty or longer than XATTR_NAME_MAX
 *   kapi-cond: name=str:empty, fd=fd:file; name=str:xattr-toolong, fd=fd:file
 *   desc: The name is copied in first, before the filesystem is asked, so
 *     these come before any error about the attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: fd=fd:rofs-file
 *   desc: Checked (mnt_want_write_file) before the flags and the name.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  A descriptor
 *     cannot be looked up again, so there is no retry.
 *
 * side-effect: modify_state | filesystem
 *   target: the attribute name of the file
 *   desc: The attribute exists with the new value of size bytes; the inode's
 *     change time is updated and an inotify IN_ATTRIB event is sent.  A
 *     failed call leaves the attribute as it was.
 *   reversible: yes
 *   kapi-effect: xattr:set=fd,name,size
 *   kapi-effect-case: flags=XATTR_CREATE, name=str:xattr-missing; flags=XATTR_REPLACE; size=256
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: writing trusted.* attributes, and security.* ones the LSM guards
 *   without: EPERM
 *   condition: the name begins with trusted. or security.
 *   priority: 0
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: writing user.* attributes of a sticky directory the caller does not own
 *   without: EPERM
 *   condition: the directory has the sticky bit and another owner
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN check_acl returns it only under MAY_NOT_BLOCK, which xattr_permission
 *   never passes; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU walk), and
 *   xattr_permission asks in blocking mode
 *
 * notes: The man page's ENOTSUP is EOPNOTSUPP on Linux; it does not list
 *   EINVAL for a bare prefix, EROFS, or EPERM for trusted.* and user.* on
 *   special files.
 */
SYSCALL_DEFINE5(fsetxattr, int, fd, const char __user *, name,
		const void __user *,value, size_t, size, int, flags)
{
}

/**
 * sys_listxattr - list the names of the extended attributes of a file named by a path
 * @pathname: path of the file, symbolic links followed
 * @list: user buffer that receives the names, each NUL-terminated
 * @size: length of list in bytes; 0 asks for the list's length only
 *
 * long-desc: Resolves pathname from the current directory (following every
 *   symbolic link, the last one included), and asks the filesystem for the names of its attributes,
 *   one after the other, each ending in a NUL byte, into a kernel buffer of
 *   size bytes (at most XATTR_LIST_MAX, 64 KiB; a larger size is lowered to
 *   it), then copies them out; with size 0 it returns the length the list
 *   needs.  No permission on the file is checked: names the caller could
 *   not read are listed too, except that trusted.* names are left out
 *   without CAP_SYS_ADMIN, and filesystems leave out what they keep
 *   hidden (POSIX ACLs the file does not have).  The security module adds
 *   its label (security.selinux) where it has one.  The raw syscall
 *   returns the length or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file whose attributes are listed, symbolic links followed.
 *
 * param: list
 *   type: user_ptr, output
 *   size: XATTR_LIST_MAX
 *   constraint-type: buffer(2)
 *   constraint: size bytes of writable user memory when size is not 0 (only
 *     the list's length is written); ignored when size is 0.
 *   desc: Receives the names.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4096
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: 0 to learn the list's length; otherwise the length of list,
 *     which must hold the whole list.  Sizes above XATTR_LIST_MAX are
 *     treated as XATTR_LIST_MAX.
 *   desc: Length of the buffer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, XATTR_LIST_MAX
 *   desc: The length of the list in bytes (written to list unless size is
 *     0; 0 for a file with no attributes), a negative errno otherwise.
 *   kapi-effect: mem:filled=list,ret if size!=0
 *
 * error: E2BIG, the filesystem holds a list longer than XATTR_LIST_MAX
 *   kapi-cond: pathname=path:fuse-xattr-huge, size=XATTR_LIST_MAX
 *   desc: The buffer was XATTR_LIST_MAX bytes (size at least that) and the
 *     filesystem still found it too short (ERANGE), which the call reports
 *     as E2BIG; a FUSE or network server can report such a list.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: Listing needs no permission on the file itself, only the walk's;
 *     or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname or list points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; list=ptr:unmapped; list=ptr:readonly
 *   desc: Reading the path or writing the list faulted; the list is written only
 *     when it is not empty and size is not 0.
 *
 * error: EINVAL, an automount on the path produced a mount whose root is a symbolic link
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point, and the filesystem
 *     it mounted has a symbolic link as its root, which cannot be mounted.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A block holding attributes could not be read, or a FUSE or
 *     network server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop
 *   desc: More than 40 links in the walk, the final one included.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:dangling; pathname=path:empty
 *   desc: Includes a final symbolic link to nothing.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the list could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem does not implement listing attributes
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: Only a filesystem that has a listxattr operation and refuses it:
 *     a FUSE server that does not implement LISTXATTR (the kernel turns its
 *     ENOSYS into EOPNOTSUPP) or that answers EOPNOTSUPP.  A filesystem
 *     without the operation (procfs, tmpfs before 6.6 for user.*) lists
 *     only the security module's attributes, no error.
 *
 * error: ERANGE, list is too small for the list of names
 *   kapi-cond: size=1
 *   desc: A size other than 0 that is less than the list's length; call
 *     again with size 0 to learn it (it may have grown in between).
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state
 *   target: list
 *   desc: The names are written to the start of list, nothing past them;
 *     with size 0, or no attributes, nothing is written.  The file is not
 *     changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=list,ret if size!=0
 *   kapi-effect-case: size=0; size=10; size=XATTR_LIST_MAX; pathname=path:xattr-symlink
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: seeing trusted.* names in the list
 *   without: they are left out
 *   condition: the file has trusted.* attributes
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; EPERM inode_permission gives it only for MAY_WRITE, and the walk
 *   asks for MAY_EXEC; EROFS sb_permission gives it only for MAY_WRITE
 *
 * notes: The order of the names is the filesystem's.  The man page's
 *   ENOTSUP is EOPNOTSUPP on Linux; it does not list E2BIG.
 */
SYSCALL_DEFINE3(listxattr, const char __user *, pathname, char __user *, list,
		size_t, size)
{
}

/**
 * sys_llistxattr - list the names of the extended attributes of a file named by a path, not following a final symbolic link
 * @pathname: path of the file; a final symbolic link is not followed
 * @list: user buffer that receives the names, each NUL-terminated
 * @size: length of list in bytes; 0 asks for the list's length only
 *
 * long-desc: Resolves pathname from the current directory, following the
 *   symbolic links of its directories but not a final one, whose own
 *   attributes are listed, and asks the filesystem for the names of its attributes,
 *   one after the other, each ending in a NUL byte, into a kernel buffer of
 *   size bytes (at most XATTR_LIST_MAX, 64 KiB; a larger size is lowered to
 *   it), then copies them out; with size 0 it returns the length the list
 *   needs.  No permission on the file is checked: names the caller could
 *   not read are listed too, except that trusted.* names are left out
 *   without CAP_SYS_ADMIN, and filesystems leave out what they keep
 *   hidden (POSIX ACLs the file does not have).  The security module adds
 *   its label (security.selinux) where it has one.  The raw syscall
 *   returns the length or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  A final symbolic link is not followed:
 *     it is the file the call works on, so a final link that loops or
 *     dangles is no error of the walk (the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error).
 *   desc: Path of the file whose attributes are listed; a final symbolic link is that file.
 *
 * param: list
 *   type: user_ptr, output
 *   size: XATTR_LIST_MAX
 *   constraint-type: buffer(2)
 *   constraint: size bytes of writable user memory when size is not 0 (only
 *     the list's length is written); ignored when size is 0.
 *   desc: Receives the names.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4096
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: 0 to learn the list's length; otherwise the length of list,
 *     which must hold the whole list.  Sizes above XATTR_LIST_MAX are
 *     treated as XATTR_LIST_MAX.
 *   desc: Length of the buffer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, XATTR_LIST_MAX
 *   desc: The length of the list in bytes (written to list unless size is
 *     0; 0 for a file with no attributes), a negative errno otherwise.
 *   kapi-effect: mem:filled=list,ret if size!=0
 *
 * error: E2BIG, the filesystem holds a list longer than XATTR_LIST_MAX
 *   kapi-cond: pathname=path:fuse-xattr-huge, size=XATTR_LIST_MAX
 *   desc: The buffer was XATTR_LIST_MAX bytes (size at least that) and the
 *     filesystem still found it too short (ERANGE), which the call reports
 *     as E2BIG; a FUSE or network server can report such a list.
 *
 * error: EACCES, search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:nosearch, caps=none
 *   desc: Listing needs no permission on the file itself, only the walk's;
 *     or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname or list points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped; list=ptr:unmapped; list=ptr:readonly
 *   desc: Reading the path or writing the list faulted; the list is written only
 *     when it is not empty and size is not 0.
 *
 * error: EINVAL, an automount on the path produced a mount whose root is a symbolic link
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point, and the filesystem
 *     it mounted has a symbolic link as its root, which cannot be mounted.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A block holding attributes could not be read, or a FUSE or
 *     network server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a directory of the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links while resolving the directories of the path.
 *     A final link is not followed, so a final link that loops is the
 *     file the call works on and gives no ELOOP.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:empty
 *   desc: A final symbolic link to nothing is not followed and gives no
 *     ENOENT: the link itself is the file.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the list could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem does not implement listing attributes
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: Only a filesystem that has a listxattr operation and refuses it:
 *     a FUSE server that does not implement LISTXATTR (the kernel turns its
 *     ENOSYS into EOPNOTSUPP) or that answers EOPNOTSUPP.  A filesystem
 *     without the operation (procfs, tmpfs before 6.6 for user.*) lists
 *     only the security module's attributes, no error.
 *
 * error: ERANGE, list is too small for the list of names
 *   kapi-cond: size=1
 *   desc: A size other than 0 that is less than the list's length; call
 *     again with size 0 to learn it (it may have grown in between).
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state
 *   target: list
 *   desc: The names are written to the start of list, nothing past them;
 *     with size 0, or no attributes, nothing is written.  The file is not
 *     changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=list,ret if size!=0
 *   kapi-effect-case: size=0; size=10; size=XATTR_LIST_MAX; pathname=path:xattr-symlink
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: seeing trusted.* names in the list
 *   without: they are left out
 *   condition: the file has trusted.* attributes
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; EPERM inode_permission gives it only for MAY_WRITE, and the walk
 *   asks for MAY_EXEC; EROFS sb_permission gives it only for MAY_WRITE
 *
 * notes: The order of the names is the filesystem's.  The man page's
 *   ENOTSUP is EOPNOTSUPP on Linux; it does not list E2BIG.
 */
SYSCALL_DEFINE3(llistxattr, const char __user *, pathname, char __user *, list,
		size_t, size)
{
}

/**
 * sys_flistxattr - list the names of the extended attributes of an open file
 * @fd: open descriptor of the file
 * @list: user buffer that receives the names, each NUL-terminated
 * @size: length of list in bytes; 0 asks for the list's length only
 *
 * long-desc: Takes the file fd refers to (any open descriptor but an O_PATH
 *   one), and asks the filesystem for the names of its attributes,
 *   one after the other, each ending in a NUL byte, into a kernel buffer of
 *   size bytes (at most XATTR_LIST_MAX, 64 KiB; a larger size is lowered to
 *   it), then copies them out; with size 0 it returns the length the list
 *   needs.  No permission on the file is checked: names the caller could
 *   not read are listed too, except that trusted.* names are left out
 *   without CAP_SYS_ADMIN, and filesystems leave out what they keep
 *   hidden (POSIX ACLs the file does not have).  The security module adds
 *   its label (security.selinux) where it has one.  The raw syscall
 *   returns the length or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:xattr
 *   type: fd, input
 *   constraint: An open descriptor of any kind and any access mode, except
 *     an O_PATH one (EBADF).  Permission is checked against the file's
 *     mode, not the descriptor's access mode.
 *   desc: Descriptor of the file whose attributes are listed.
 *
 * param: list
 *   type: user_ptr, output
 *   size: XATTR_LIST_MAX
 *   constraint-type: buffer(2)
 *   constraint: size bytes of writable user memory when size is not 0 (only
 *     the list's length is written); ignored when size is 0.
 *   desc: Receives the names.
 *
 * param: size
 *   type: uint, input
 *   kapi-valid: 4096
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: 0 to learn the list's length; otherwise the length of list,
 *     which must hold the whole list.  Sizes above XATTR_LIST_MAX are
 *     treated as XATTR_LIST_MAX.
 *   desc: Length of the buffer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, XATTR_LIST_MAX
 *   desc: The length of the list in bytes (written to list unless size is
 *     0; 0 for a file with no attributes), a negative errno otherwise.
 *   kapi-effect: mem:filled=list,ret if size!=0
 *
 * error: E2BIG, the filesystem holds a list longer than XATTR_LIST_MAX
 *   kapi-cond: fd=fd:fuse-xattr-huge, size=XATTR_LIST_MAX
 *   desc: The buffer was XATTR_LIST_MAX bytes (size at least that) and the
 *     filesystem still found it too short (ERANGE), which the call reports
 *     as E2BIG; a FUSE or network server can report such a list.
 *
 * error: EBADF, fd is not an open descriptor, or it was opened with O_PATH
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: An O_PATH descriptor names a file but gives no access to it.
 *
 * error: EFAULT, list points outside the caller's accessible address space
 *   kapi-cond: list=ptr:unmapped; list=ptr:readonly
 *   desc: Writing the list faulted; the list is written only
 *     when it is not empty and size is not 0.
 *
 * error: EIO, the filesystem failed to read the attributes
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: A block holding attributes could not be read, or a FUSE or
 *     network server answered the request with EIO.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-unprovokable: the only allocation, the kernel buffer for the list (kvmalloc of size bytes), is not charged to the memory cgroup (no __GFP_ACCOUNT), so no limit the sandbox can set makes it fail
 *   desc: The kernel buffer for the list could not be allocated.
 *
 * error: EOPNOTSUPP, the filesystem does not implement listing attributes
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: Only a filesystem that has a listxattr operation and refuses it:
 *     a FUSE server that does not implement LISTXATTR (the kernel turns its
 *     ENOSYS into EOPNOTSUPP) or that answers EOPNOTSUPP.  A filesystem
 *     without the operation (procfs, tmpfs before 6.6 for user.*) lists
 *     only the security module's attributes, no error.
 *
 * error: ERANGE, list is too small for the list of names
 *   kapi-cond: size=1
 *   desc: A size other than 0 that is less than the list's length; call
 *     again with size 0 to learn it (it may have grown in between).
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  A descriptor
 *     cannot be looked up again, so there is no retry.
 *
 * side-effect: modify_state
 *   target: list
 *   desc: The names are written to the start of list, nothing past them;
 *     with size 0, or no attributes, nothing is written.  The file is not
 *     changed.
 *   reversible: yes
 *   kapi-effect: mem:filled=list,ret if size!=0
 *   kapi-effect-case: size=0; size=10; size=XATTR_LIST_MAX
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: seeing trusted.* names in the list
 *   without: they are left out
 *   condition: the file has trusted.* attributes
 *   priority: 0
 *
 * notes: The order of the names is the filesystem's.  The man page's
 *   ENOTSUP is EOPNOTSUPP on Linux; it does not list E2BIG.
 */
SYSCALL_DEFINE3(flistxattr, int, fd, char __user *, list, size_t, size)
{
}

/**
 * sys_removexattr - remove an extended attribute of a file named by a path
 * @pathname: path of the file, symbolic links followed
 * @name: attribute name with its namespace prefix
 *
 * long-desc: Resolves pathname from the current directory (following every
 *   symbolic link, the last one included), makes sure the mount is writable, copies the name in
 *   (onto the kernel stack: there is no allocation of its own), checks
 *   that the caller may write that namespace of that file and asks the
 *   filesystem's handler for the prefix to remove the attribute, under the
 *   inode's lock.  The permission rules are setxattr's.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.
 *   desc: Path of the file whose attribute is removed, symbolic links followed.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attribute is gone, a negative errno otherwise.
 *
 * error: EACCES, the caller may not remove the attribute, or search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: For a user.* attribute the caller needs write permission on the
 *     file (or CAP_DAC_OVERRIDE); a directory of the path lacks execute
 *     permission; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname or name points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:unmapped; name=ptr:unmapped, pathname=path:file
 *   desc: Reading the path or the name faulted.
 *
 * error: EINVAL, name is a namespace prefix with nothing after it
 *   kapi-cond: name=str:xattr-prefix-only
 *   desc: A name such as "user." matches the prefix of a handler that needs
 *     a suffix (the man page does not list this).
 *
 * error: EIO, the filesystem failed to remove the attribute
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The inode is a bad inode, a block could not be read or written,
 *     or a FUSE or network server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving the path
 *   kapi-cond: pathname=path:loop
 *   desc: More than 40 links in the walk, the final one included.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENODATA, the file has no attribute of that name
 *   kapi-cond: name=str:xattr-missing
 *   desc: Nothing to remove.  A trusted.* name without CAP_SYS_ADMIN gives
 *     EPERM here, not ENODATA.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:dangling; pathname=path:empty
 *   desc: Includes a final symbolic link to nothing.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the call could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, pathname=path:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: EPERM, the caller may not remove an attribute of that namespace from that file
 *   kapi-cond: name=str:xattr-trusted; pathname=path:fifo; pathname=path:immutable
 *   desc: A trusted.* name without CAP_SYS_ADMIN in the initial user
 *     namespace (the sandbox never has it); a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket),
 *     or on a sticky directory the caller does not own; an immutable or
 *     append-only file; a file whose owner has no mapping in the mount's
 *     user namespace; a security.* name without CAP_SYS_ADMIN over the
 *     filesystem.
 *
 * error: ERANGE, name is empty or longer than XATTR_NAME_MAX
 *   kapi-cond: name=str:empty, pathname=path:file; name=str:xattr-toolong, pathname=path:file
 *   desc: The name is copied in first, before the filesystem is asked, so
 *     these come before any error about the attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: pathname=path:rofs-file
 *   desc: Checked (mnt_want_write) before the name is read.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state | filesystem
 *   target: the attribute name of the file
 *   desc: The attribute no longer exists; the inode's change time is
 *     updated and an inotify IN_ATTRIB event is sent.
 *   reversible: no
 *   kapi-effect: xattr:removed=pathname,name
 *   kapi-effect-case: pathname=path:xattr-symlink
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: removing trusted.* attributes, and security.* ones the LSM guards
 *   without: EPERM
 *   condition: the name begins with trusted. or security.
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU
 *   walk), and xattr_permission asks in blocking mode
 *
 * notes: The man page's ENOTSUP is EOPNOTSUPP on Linux; it does not list
 *   EINVAL, EPERM, EROFS or ERANGE.  A name longer than XATTR_NAME_MAX
 *   gives ERANGE, as for the other calls.
 */
SYSCALL_DEFINE2(removexattr, const char __user *, pathname,
		const char __user *, name)
{
}

/**
 * sys_lremovexattr - remove an extended attribute of a file named by a path, not following a final symbolic link
 * @pathname: path of the file; a final symbolic link is not followed
 * @name: attribute name with its namespace prefix
 *
 * long-desc: Resolves pathname from the current directory, following the
 *   symbolic links of its directories but not a final one, which is the
 *   file the call works on, makes sure the mount is writable, copies the name in
 *   (onto the kernel stack: there is no allocation of its own), checks
 *   that the caller may write that namespace of that file and asks the
 *   filesystem's handler for the prefix to remove the attribute, under the
 *   inode's lock.  The permission rules are setxattr's.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: pathname
 *   kapi-semantic: path:xattr
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory, shorter than
 *     PATH_MAX bytes; each component at most the filesystem's name limit.
 *     The empty string gives ENOENT.  A final symbolic link is not followed:
 *     it is the file the call works on, so a final link that loops or
 *     dangles is no error of the walk (the generic invalid-path cases do not
 *     apply; the error conditions below provoke each error).
 *   desc: Path of the file whose attribute is removed; a final symbolic link is that file.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attribute is gone, a negative errno otherwise.
 *
 * error: EACCES, the caller may not remove the attribute, or search permission is denied on a directory of the path
 *   kapi-cond: pathname=path:noperm, caps=none; pathname=path:nosearch, caps=none
 *   desc: For a user.* attribute the caller needs write permission on the
 *     file (or CAP_DAC_OVERRIDE); a directory of the path lacks execute
 *     permission; or a security module refused.
 *
 * error: EBUSY, an automount on the path met a mount of the same filesystem at that place
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: A directory of the path is an automount point whose new mount
 *     would repeat the mount it lies on.
 *
 * error: EFAULT, pathname or name points outside the caller's accessible address space
 *   kapi-cond: pathname=ptr:null; pathname=ptr:unmapped; name=ptr:unmapped, pathname=path:file
 *   desc: Reading the path or the name faulted.
 *
 * error: EINVAL, name is a namespace prefix with nothing after it
 *   kapi-cond: name=str:xattr-prefix-only
 *   desc: A name such as "user." matches the prefix of a handler that needs
 *     a suffix (the man page does not list this).
 *
 * error: EIO, the filesystem failed to remove the attribute
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: The inode is a bad inode, a block could not be read or written,
 *     or a FUSE or network server answered the request with EIO.
 *
 * error: ELOOP, too many symbolic links were followed while resolving a directory of the path
 *   kapi-cond: pathname=path:loop-below
 *   desc: More than 40 links while resolving the directories of the path.
 *     A final link is not followed, so a final link that loops is the
 *     file the call works on and gives no ELOOP.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   kapi-cond: pathname=path:toolong; pathname=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     filesystem's name length limit.  An attribute name that is too long
 *     gives ERANGE, not this.
 *
 * error: ENODATA, the file has no attribute of that name
 *   kapi-cond: name=str:xattr-missing
 *   desc: Nothing to remove.  A trusted.* name without CAP_SYS_ADMIN gives
 *     EPERM here, not ENODATA.
 *
 * error: ENOENT, a component of the path does not exist, or pathname is empty
 *   kapi-cond: pathname=path:missing; pathname=path:empty
 *   desc: A final symbolic link to nothing is not followed and gives no
 *     ENOENT: the link itself is the file.
 *
 * error: ENOMEM, kernel memory ran out
 *   kapi-cond: pathname=path:missing, memcg=full
 *   desc: The path buffer, a dentry or a kernel buffer for the call could not be
 *     allocated; a dentry for a name not in the cache is charged to the
 *     caller's memory cgroup.
 *
 * error: ENOSPC, an automount on the path would exceed the mount limit
 *   kapi-unprovokable: needs an automount point (autofs, NFS, AFS or CIFS referrals); none of these can be mounted in the sandbox's user namespace
 *   desc: The mount namespace holds fs.mount-max mounts and an automount
 *     on a directory of the path would add one more.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   kapi-cond: pathname=path:notdir
 *   desc: A non-final component is a regular file or another non-directory.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, pathname=path:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: EPERM, the caller may not remove an attribute of that namespace from that file
 *   kapi-cond: name=str:xattr-trusted; pathname=path:xattr-symlink; pathname=path:fifo; pathname=path:immutable
 *   desc: A trusted.* name without CAP_SYS_ADMIN in the initial user
 *     namespace (the sandbox never has it); a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket, or a final symbolic link, which lremovexattr does not follow),
 *     or on a sticky directory the caller does not own; an immutable or
 *     append-only file; a file whose owner has no mapping in the mount's
 *     user namespace; a security.* name without CAP_SYS_ADMIN over the
 *     filesystem.
 *
 * error: ERANGE, name is empty or longer than XATTR_NAME_MAX
 *   kapi-cond: name=str:empty, pathname=path:file; name=str:xattr-toolong, pathname=path:file
 *   desc: The name is copied in first, before the filesystem is asked, so
 *     these come before any error about the attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: pathname=path:rofs-file
 *   desc: Checked (mnt_want_write) before the name is read.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: pathname=path:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  The lookup and
 *     the request are done once more with every cached name revalidated
 *     (LOOKUP_REVAL) before the error is returned.
 *
 * side-effect: modify_state | filesystem
 *   target: the attribute name of the file
 *   desc: The attribute no longer exists; the inode's change time is
 *     updated and an inotify IN_ATTRIB event is sent.
 *   reversible: no
 *   kapi-effect: xattr:removed=pathname,name
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: removing trusted.* attributes, and security.* ones the LSM guards
 *   without: EPERM
 *   condition: the name begins with trusted. or security.
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN path_init returns it for LOOKUP_CACHED, which only openat2 sets; EXDEV
 *   only openat2's RESOLVE_* flags scope a walk; ENOTRECOVERABLE a WARN_ON in set_root for a scoped
 *   walk: a kernel bug; EISDIR follow_automount's EISDIR tells __traverse_mounts to stop and is
 *   turned into 0 there; EBADF path_init gives it only for a dfd other than AT_FDCWD, and the call
 *   always walks from AT_FDCWD; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU
 *   walk), and xattr_permission asks in blocking mode
 *
 * notes: The man page's ENOTSUP is EOPNOTSUPP on Linux; it does not list
 *   EINVAL, EPERM, EROFS or ERANGE.  A name longer than XATTR_NAME_MAX
 *   gives ERANGE, as for the other calls.
 */
SYSCALL_DEFINE2(lremovexattr, const char __user *, pathname,
		const char __user *, name)
{
}

/**
 * sys_fremovexattr - remove an extended attribute of an open file
 * @fd: open descriptor of the file
 * @name: attribute name with its namespace prefix
 *
 * long-desc: Takes the file fd refers to (any open descriptor but an O_PATH
 *   one), makes sure the mount is writable, copies the name in
 *   (onto the kernel stack: there is no allocation of its own), checks
 *   that the caller may write that namespace of that file and asks the
 *   filesystem's handler for the prefix to remove the attribute, under the
 *   inode's lock.  The permission rules are setxattr's.  The raw syscall
 *   returns 0 or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:xattr
 *   type: fd, input
 *   constraint: An open descriptor of any kind and any access mode, except
 *     an O_PATH one (EBADF).  Permission is checked against the file's
 *     mode, not the descriptor's access mode.
 *   desc: Descriptor of the file whose attribute is removed.
 *
 * param: name
 *   kapi-semantic: str:xattr
 *   type: user_ptr, input
 *   constraint-type: user_string(XATTR_NAME_MAX)
 *   constraint: NUL-terminated string of 1 to XATTR_NAME_MAX (255) bytes in
 *     readable user memory, beginning with a namespace prefix the file's
 *     filesystem has a handler for (user., trusted., security., system.)
 *     followed by at least one more byte.
 *   desc: Name of the attribute.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 once the attribute is gone, a negative errno otherwise.
 *
 * error: EACCES, the caller may not remove the attribute
 *   kapi-cond: fd=fd:xattr-noperm, caps=none
 *   desc: For a user.* attribute the caller needs write permission on the
 *     file by its mode (or CAP_DAC_OVERRIDE), whatever fd's access mode;
 *     or a security module refused.
 *
 * error: EBADF, fd is not an open descriptor, or it was opened with O_PATH
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: An O_PATH descriptor names a file but gives no access to it.
 *
 * error: EFAULT, name points outside the caller's accessible address space
 *   kapi-cond: name=ptr:unmapped, fd=fd:file
 *   desc: Reading the name faulted.
 *
 * error: EINVAL, name is a namespace prefix with nothing after it
 *   kapi-cond: name=str:xattr-prefix-only
 *   desc: A name such as "user." matches the prefix of a handler that needs
 *     a suffix (the man page does not list this).
 *
 * error: EIO, the filesystem failed to remove the attribute
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: The inode is a bad inode, a block could not be read or written,
 *     or a FUSE or network server answered the request with EIO.
 *
 * error: ENODATA, the file has no attribute of that name
 *   kapi-cond: name=str:xattr-missing
 *   desc: Nothing to remove.  A trusted.* name without CAP_SYS_ADMIN gives
 *     EPERM here, not ENODATA.
 *
 * error: EOPNOTSUPP, the filesystem has no handler for the name's namespace
 *   kapi-cond: name=str:xattr-noprefix, fd=fd:file
 *   desc: The name has no known prefix, or the file's filesystem keeps no
 *     attributes of that namespace or none at all (procfs, pipes and
 *     sockets; tmpfs before 6.6 keeps no user.* attributes; a FUSE server
 *     that does not implement them).
 *
 * error: EPERM, the caller may not remove an attribute of that namespace from that file
 *   kapi-cond: name=str:xattr-trusted; fd=fd:fifo
 *   desc: A trusted.* name without CAP_SYS_ADMIN in the initial user
 *     namespace (the sandbox never has it); a user.* name on a file that is
 *     neither a regular file nor a directory (a FIFO, a device, a socket),
 *     or on a sticky directory the caller does not own; an immutable or
 *     append-only file; a file whose owner has no mapping in the mount's
 *     user namespace; a security.* name without CAP_SYS_ADMIN over the
 *     filesystem.
 *
 * error: ERANGE, name is empty or longer than XATTR_NAME_MAX
 *   kapi-cond: name=str:empty, fd=fd:file; name=str:xattr-toolong, fd=fd:file
 *   desc: The name is copied in first, before the filesystem is asked, so
 *     these come before any error about the attribute.
 *
 * error: EROFS, the file is on a read-only mount or filesystem
 *   kapi-cond: fd=fd:rofs-file
 *   desc: Checked (mnt_want_write_file) before the name is read.
 *
 * error: ESTALE, the filesystem reported the file handle stale
 *   kapi-cond: fd=fd:fuse-xattr-fails
 *   desc: A network or FUSE server no longer knows the file.  A descriptor
 *     cannot be looked up again, so there is no retry.
 *
 * side-effect: modify_state | filesystem
 *   target: the attribute name of the file
 *   desc: The attribute no longer exists; the inode's change time is
 *     updated and an inotify IN_ATTRIB event is sent.
 *   reversible: no
 *   kapi-effect: xattr:removed=fd,name
 *
 * capability: CAP_SYS_ADMIN
 *   type: access_resource
 *   allows: removing trusted.* attributes, and security.* ones the LSM guards
 *   without: EPERM
 *   condition: the name begins with trusted. or security.
 *   priority: 0
 *
 * kapi-not-returned: EAGAIN check_acl returns it only under MAY_NOT_BLOCK, which xattr_permission
 *   never passes; ECHILD check_acl returns it only under MAY_NOT_BLOCK (the RCU walk), and
 *   xattr_permission asks in blocking mode
 *
 * notes: The man page's ENOTSUP is EOPNOTSUPP on Linux; it does not list
 *   EINVAL, EPERM, EROFS or ERANGE.  A name longer than XATTR_NAME_MAX
 *   gives ERANGE, as for the other calls.
 */
SYSCALL_DEFINE2(fremovexattr, int, fd, const char __user *, name)
{
}
