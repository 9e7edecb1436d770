// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the umask system call (kernel/sys.c, Linux 6.1).

/**
 * sys_umask - set the file mode creation mask and return the previous one
 * @mask: the new mask; only its permission bits (0777) are kept
 *
 * long-desc: Replaces the calling process's file mode creation mask with
 *   mask & 0777 in one atomic exchange and returns the mask it replaced.  The
 *   mask lives in the process's fs_struct, so it is shared with every thread
 *   and process made with CLONE_FS and copied by fork().  Calls that create
 *   files, directories, FIFOs, sockets and device nodes (open with O_CREAT,
 *   creat, mkdir, mknod, bind of a UNIX socket, ...) clear the mask's bits
 *   from the mode they are given, except where the parent directory has a
 *   default ACL, which then decides.  The call cannot fail.
 * contexts: process
 *
 * param: mask
 *   kapi-test: no-invalid
 *   type: int, input
 *   constraint-type: mask(S_IRWXUGO)
 *   constraint: Any int is accepted: bits outside S_IRWXUGO (the
 *     set-user-ID, set-group-ID and sticky bits, and everything above) are
 *     dropped silently, never reported, so there is no invalid value.
 *   desc: Permission bits to clear from the mode of files the process
 *     creates from now on.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, 0777
 *   desc: The mask before the call, always within 0 to 0777.
 *   kapi-effect: umask:was=ret
 *
 * side-effect: modify_state
 *   target: current->fs->umask
 *   desc: The mask becomes mask & 0777 for the process and every task sharing
 *     its fs_struct; it is inherited across fork() and kept across execve().
 *   reversible: yes
 *   kapi-effect: umask:set=mask
 *   kapi-effect-case: mask=-1; mask=0777; mask=022; mask=07022
 *
 * state-trans: file mode creation mask
 *   object: the process's fs_struct
 *   from: any mask
 *   to: mask & 0777
 *   desc: Takes effect for the next creating call; existing files keep their
 *     modes.
 *   kapi-effect: umask:set=mask; umask:was=ret
 *
 * constraint: result range
 *   desc: Both the returned and the stored mask lie within 0777.
 *   expr: ret >= 0 && ret <= 0777
 *
 * notes: No lock is taken: xchg() swaps the value atomically, so callers
 *   sharing an fs_struct each get back the mask the other set.  There is no way to read the mask without setting it other than
 *   /proc/PID/status (its Umask line, Linux 4.7), so programs that only want
 *   to look call umask() twice, which races with other threads that create
 *   files.  The mask is not applied to O_TMPFILE files linked later, nor to
 *   modes given to chmod() or fchmod().
 */
SYSCALL_DEFINE1(umask, int, mask)
{
}
