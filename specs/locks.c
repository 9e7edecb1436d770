// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the flock system call (fs/locks.c), Linux 6.1. The record lock
// commands of fcntl, which live in the same file, are in specs/fcntl.c.

/**
 * sys_flock - take, convert or release a whole-file advisory lock on an open file
 * @fd: descriptor of the open file to lock
 * @cmd: LOCK_SH, LOCK_EX or LOCK_UN, optionally ORed with LOCK_NB
 *
 * long-desc: Places a shared (LOCK_SH, 1) or exclusive (LOCK_EX, 2) lock on
 *   the whole file, or removes one (LOCK_UN, 8).  The lock belongs to the
 *   open file description, not to the process or the descriptor: every
 *   descriptor of that open file description (dup(), fork()) shares it, a
 *   second open() of the same file gets a lock of its own that conflicts
 *   with it, and it is released when the last descriptor of the open file
 *   description is closed.  An exclusive lock conflicts with every other
 *   lock of the file; shared locks coexist.  A conflicting request waits
 *   (interruptibly) until it can be granted, or fails at once with LOCK_NB
 *   (4).  A request on an open file that already holds a lock converts it:
 *   the old lock is removed first, so the conversion is not atomic and
 *   another waiter may get in between.  flock() locks and record locks
 *   (fcntl F_SETLK) do not see each other on local filesystems.  A file
 *   system may supply its own flock method (NFS and SMB turn the call into
 *   byte-range locks on the server; FUSE asks its server when it
 *   implements locking).
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor, not O_PATH (the lookup is
 *     fdget()); to take a lock (not to release one) the file must be open
 *     for reading or writing, which any open but one with access mode 3
 *     is.  Any kind of file can be locked: a directory, a pipe, a device.
 *   desc: The open file whose lock is taken or released.
 *
 * param: cmd
 *   kapi-valid: 2
 *   kapi-test: no-invalid
 *   type: uint, input
 *   constraint-type: enum(1, 2, 8, 5, 6, 12)
 *   constraint: With LOCK_NB (4) masked off it must be exactly LOCK_SH (1),
 *     LOCK_EX (2) or LOCK_UN (8); anything else gives EINVAL, except that a
 *     value with the old LOCK_MAND bit (32) is accepted and ignored: the
 *     call returns 0 and locks nothing (so the usual invalid value -1 is no
 *     error; the conditions below list the invalid values instead).
 *   desc: The operation: shared, exclusive or unlock, and whether to wait.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.  The cases of this block run the
 *     operations that change nothing (an old LOCK_MAND request, which
 *     6.1 ignores with a warning in the kernel log once per boot) and check
 *     that nothing at all changed.
 *   kapi-effect: keeps:signal-mask
 *   kapi-effect-case: cmd=32; cmd=-1; fd=fd:opath, cmd=34
 *
 * error: EBADF, fd is not an open descriptor, or is O_PATH, or is open for neither reading nor writing
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: fdget() does not return O_PATH files, so they are not open here;
 *     a file opened with access mode 3 (used by some ioctl-only device
 *     opens) is refused for LOCK_SH and LOCK_EX, but may be unlocked.
 *
 * error: EINVAL, cmd is not LOCK_SH, LOCK_EX or LOCK_UN, with or without LOCK_NB
 *   kapi-cond: cmd=0; cmd=3; cmd=4; cmd=9; cmd=16; cmd=0x80000002
 *   desc: flock_translate_cmd() knows exactly the three operations; two of
 *     them together, LOCK_NB alone, or an unknown bit are refused before the
 *     descriptor is looked up, unless the LOCK_MAND bit (32) is set.
 *
 * error: EAGAIN, LOCK_NB was given and another open file holds a conflicting lock
 *   kapi-cond: fd=fd:locked-other, cmd=6; fd=fd:locked-other, cmd=5
 *   desc: The lock held through another open file description (of this
 *     process or another) conflicts: an exclusive one with any request, a
 *     shared one with LOCK_EX.  When the call converts a lock, the old one
 *     is already gone at that point, so a failed conversion leaves the
 *     open file without any lock.  The manual page calls it EWOULDBLOCK,
 *     which is the same number on Linux; flock_lock_inode() returns
 *     -EAGAIN.
 *
 * error: EINTR, a signal arrived while the call waited for a conflicting lock
 *   kapi-cond: fd=fd:locked-other, cmd=2, sig.ALRM=interrupt; fd=fd:locked-other, cmd=1, sig.ALRM=interrupt
 *   desc: Without LOCK_NB the wait is interruptible; a handler installed
 *     with SA_RESTART restarts the call instead.
 *
 * error: ENOMEM, the lock context of the inode or the lock structure could not be allocated
 *   kapi-unprovokable: struct file_lock_context and struct file_lock come from caches that 6.1 does not charge to a memory cgroup, so only memory pressure of the whole machine makes them fail; the sandbox does not exhaust the host
 *   desc: flock_lock_inode() allocates the inode's lock context (once per
 *     inode) and the lock it inserts.  Not in the manual page.
 *
 * side-effect: lock_acquire
 *   target: flock lock of the open file description of fd
 *   condition: cmd is LOCK_SH or LOCK_EX (with or without LOCK_NB)
 *   desc: The open file's lock is set to the type asked, replacing a lock
 *     of the other type it held; requests of the same type as the held lock
 *     change nothing.  Waiting requests of others may be woken when a lock
 *     is converted down.
 *   reversible: yes
 *   kapi-effect: lock:flock-held=fd if cmd!&40
 *   kapi-effect-case: cmd=1; cmd=5; cmd=6; fd=fd:rdonly, cmd=1; fd=fd:wronly, cmd=2; fd=fd:dir, cmd=2; fd=fd:pipe, cmd=6
 *
 * side-effect: lock_release
 *   target: flock lock of the open file description of fd
 *   condition: cmd is LOCK_UN
 *   desc: The open file's lock, if it has one, is removed and waiters are
 *     woken; an open file without a lock is no error.  The last close of
 *     the open file description does the same.
 *   reversible: yes
 *   kapi-effect: lock:flock-free=fd if cmd&8
 *   kapi-effect-case: cmd=8; cmd=12
 *
 * state-trans: flock lock of an open file description
 *   object: the lock of the open file description of fd
 *   from: none, shared or exclusive
 *   to: shared, exclusive, or none
 *   condition: the request is granted
 *   desc: Shared and exclusive swap through "none": the old lock is
 *     removed before the new one is tried.
 *   kapi-effect: lock:flock-held=fd if cmd!&40; lock:flock-free=fd if cmd&8
 *
 * lock: inode->i_flctx->flc_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Guards the inode's list of flock locks while it is searched and
 *     changed; file_rwsem (a per-CPU rwsem) is held for reading around it.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: the call waits for a conflicting lock
 *   desc: The wait ends; without SA_RESTART the call fails with EINTR.
 *   errno: EINTR
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *
 * notes: The manual page says EINVAL for an unknown operation; 6.1
 *   instead returns 0 for any cmd with the LOCK_MAND bit (32), since the
 *   old mandatory-share locks were dropped in 5.15 (a warning is logged
 *   once).  The manual page's ENOLCK ("out of memory for lock records")
 *   is ENOMEM on 6.1 for the local filesystems; ENOLCK comes only from a
 *   filesystem's own flock method (NFS, for instance).  flock() locks
 *   survive execve() with the descriptor and are shared across fork().
 *
 * kapi-not-returned: ENOLCK locks_lock_inode_wait() returns it for a lock that is neither a POSIX nor a flock lock, after a WARN_ON_ONCE, and flock_make_lock() always makes a flock lock
 */
SYSCALL_DEFINE2(flock, unsigned int, fd, unsigned int, cmd)
{
}
