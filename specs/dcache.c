// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of getcwd (defined in fs/d_path.c, the path walk of the dentry cache
// that fs/dcache.c keeps), Linux 6.1.

/**
 * sys_getcwd - copy the absolute path of the current working directory to a user buffer
 * @buf: user buffer that receives the NUL-terminated path
 * @size: size of buf in bytes
 *
 * long-desc: Builds the path of the caller's current directory from its
 *   dentry upwards to the caller's root directory (both read under RCU from
 *   the task's fs_struct), and copies it, NUL included, into buf.  The path
 *   is the one seen from the caller's root and mount namespace; a current
 *   directory that cannot be reached from the root (after chroot() or
 *   pivot_root(), or in another mount namespace) gets the prefix
 *   "(unreachable)" instead of a leading "/".  No permission on any
 *   directory of the path is needed.  The raw syscall returns the length of
 *   the path including the terminating NUL, not a pointer: the C library's
 *   getcwd() turns that into buf (and allocates a buffer itself when buf is
 *   NULL, which the kernel does not).
 * contexts: process, sleepable
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(1)
 *   constraint: size bytes of writable user memory; only the first ret bytes
 *     are written.  NULL is not special to the kernel (EFAULT).
 *   desc: Receives the path.
 *
 * param: size
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint: At least the length of the path plus one for the NUL, else
 *     ERANGE; any larger value is accepted (the path never exceeds
 *     PATH_MAX, 4096 bytes with the NUL).
 *   desc: Room in buf.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 2, PATH_MAX
 *   desc: The number of bytes written to buf, the path and its NUL ("/" gives
 *     2), or a negative errno.
 *   kapi-effect: mem:filled=buf,ret
 *
 * error: EFAULT, buf points to memory the call cannot write
 *   kapi-cond: buf=ptr:unmapped; buf=ptr:readonly; buf=ptr:null
 *   desc: copy_to_user() of the path faulted.  Only tried once the path is
 *     known to fit in size.
 *
 * error: ENAMETOOLONG, the path of the current directory is longer than PATH_MAX
 *   kapi-cond: cwd=deep
 *   desc: The current directory lies so deep that its path with the NUL needs
 *     more than 4096 bytes; the kernel builds the path in one PATH_MAX buffer
 *     and gives up.  The man page lists this only for the C library's
 *     allocation; the syscall returns it whatever size is.
 *
 * error: ENOENT, the current directory was removed
 *   kapi-cond: cwd=removed
 *   desc: The caller's current directory has been unlinked (d_unlinked());
 *     checked before size, so a small buffer still gives ENOENT.
 *
 * error: ENOMEM, no page for building the path could be allocated
 *   kapi-unprovokable: the buffer comes from names_cache, a slab cache without SLAB_ACCOUNT: a memory cgroup's limit does not apply to it, and only memory running out for the whole machine makes it fail
 *   desc: __getname() failed.  Not in the man page.
 *
 * error: ERANGE, size is smaller than the path and its NUL
 *   kapi-cond: size=1; size=0
 *   desc: Nothing is written.  A size of 0 is not special (the C library's
 *     EINVAL for it happens before the syscall).
 *
 * side-effect: modify_state
 *   target: buf
 *   desc: The path and its NUL are written to the first ret bytes of buf;
 *     the rest of buf is left alone.
 *   reversible: yes
 *   kapi-effect: mem:filled=buf,ret
 *
 * notes: The kernel returns the length, including the NUL; the C library
 *   wrapper returns buf (or a buffer it allocated) instead, so the man page's
 *   RETURN VALUE describes the wrapper, not this syscall.  The C library also
 *   turns a path that begins with "(unreachable)" into ENOENT, which the
 *   kernel does not.  The path is built without locks (RCU and the rename
 *   sequence count), so a concurrent rename can give a path that names the
 *   directory by its old or its new place.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
}
