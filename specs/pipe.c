// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the pipe and pipe2 system calls (fs/pipe.c, Linux 6.1).

/**
 * sys_pipe - make a pipe and return descriptors of its two ends
 * @fildes: array of two ints that receives the descriptors
 *
 * long-desc: Creates an anonymous pipe (an inode of the internal pipefs) with
 *   two open files, a read end opened O_RDONLY and a write end opened
 *   O_WRONLY, and installs them at the two lowest free descriptor numbers:
 *   fildes[0] gets the read end, fildes[1] the write end.  Neither has
 *   O_NONBLOCK or FD_CLOEXEC.  The pipe holds 16 pages by default (2 when a
 *   user without CAP_SYS_RESOURCE and CAP_SYS_ADMIN is over
 *   fs.pipe-user-pages-soft, fewer when fs.pipe-max-size is smaller).  Both descriptors are chosen before the array is written, and
 *   they are installed only after it was, so a bad array leaves no
 *   descriptor behind.  Returns 0.
 * contexts: process, sleepable
 *
 * param: fildes
 *   type: user_ptr, output
 *   size: 2 * sizeof(int)
 *   constraint: Must point to 8 writable bytes (two ints) of the caller's
 *     address space; they are written with one copy_to_user().
 *   desc: Receives the read end's descriptor, then the write end's.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EFAULT, fildes is not writable memory of the caller
 *   kapi-cond: fildes=ptr:unmapped; fildes=ptr:null; fildes=ptr:readonly
 *   desc: The copy of the two numbers failed; the pipe is freed and the two
 *     reserved numbers are given back.
 *
 * error: EMFILE, fewer than two free descriptors below RLIMIT_NOFILE
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The pipe was made first and is freed again; a first number already
 *     reserved is given back.
 *
 * error: ENFILE, the pipe's inode or pipe structure could not be had
 *   kapi-cond: memcg=full
 *   desc: create_pipe_files() reports any failure of get_pipe_inode() as
 *     ENFILE: the inode or the pipe_inode_info (both charged to the caller's
 *     memory cgroup) could not be allocated, or the user is over
 *     fs.pipe-user-pages-hard without CAP_SYS_RESOURCE and CAP_SYS_ADMIN.
 *     The system-wide open-file limit (fs.file-max) gives ENFILE as well when
 *     one of the two files is allocated, for callers without CAP_SYS_ADMIN;
 *     that limit is global and read-only in the sandbox.  The manual page
 *     names only the file limits.
 *
 * error: ENOMEM, the files or dentry of the pipe could not be allocated
 *   kapi-unprovokable: the inode and the pipe_inode_info are allocated (and charged to the memory cgroup) before the dentry and the two files, so a full memory cgroup fails them first and the call returns ENFILE; a charge that succeeds leaves a page of precharged bytes, enough for the rest
 *   desc: alloc_file_pseudo() or alloc_file_clone() failed for lack of
 *     memory after the inode was made.  Not in the manual page.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Initialised here; not contended, as no one else can reach the pipe
 *     before the descriptors are installed.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while each of the two descriptor numbers is reserved and while
 *     each file is installed.
 *
 * side-effect: resource_create | alloc_memory
 *   target: pipe inode, two open files, two descriptor table slots
 *   desc: The read end and the write end are installed at the two lowest free
 *     descriptors, in that order, and their numbers written to fildes.
 *   reversible: yes
 *   kapi-effect: fd:pair=fildes
 *
 * side-effect: modify_state
 *   target: the user's pipe buffer accounting
 *   desc: The pages the pipe may use are added to the user's count, which
 *     fs.pipe-user-pages-soft and -hard limit.
 *   reversible: yes
 *   kapi-unobservable: the per-user count of pipe pages is not shown to user space
 *
 * state-trans: descriptor table
 *   object: the two lowest free descriptor numbers
 *   from: free
 *   to: read end and write end of the new pipe
 *   desc: Both are installed only when the call succeeds.
 *   kapi-effect: fd:pair=fildes
 *
 * constraint: descriptor limit
 *   desc: Both descriptors are below RLIMIT_NOFILE.
 *   expr: fildes[1] < rlimit(RLIMIT_NOFILE)
 *
 * notes: pipe() is pipe2(fildes, 0).  Writes of up to PIPE_BUF (4096) bytes
 *   are atomic.  The descriptors are not guaranteed to be consecutive: the
 *   second is the lowest free number above the first.
 *
 * kapi-not-returned: EINVAL sys_pipe passes flags 0 to do_pipe2(), so __do_pipe_flags()'s flag
 *   check never fails
 */
SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
}

/**
 * sys_pipe2 - make a pipe with flags and return descriptors of its two ends
 * @fildes: array of two ints that receives the descriptors
 * @flags: zero, or O_CLOEXEC, O_NONBLOCK, O_DIRECT and O_NOTIFICATION_PIPE ORed
 *
 * long-desc: Like pipe(), with flags applied: O_CLOEXEC sets FD_CLOEXEC on
 *   both descriptors, O_NONBLOCK sets O_NONBLOCK on both open files, O_DIRECT
 *   opens the write end in packet mode (each write is one packet, and a read
 *   takes at most one packet), and O_NOTIFICATION_PIPE (the value of O_EXCL)
 *   makes a notification pipe, which only the kernel fills, with watch_queue
 *   notifications (a write() to it fails with EXDEV).  Returns 0.
 * contexts: process, sleepable
 *
 * param: fildes
 *   type: user_ptr, output
 *   size: 2 * sizeof(int)
 *   constraint: Must point to 8 writable bytes (two ints) of the caller's
 *     address space.
 *   desc: Receives the read end's descriptor, then the write end's.
 *
 * param: flags
 *   kapi-test: no-valid-bits
 *   type: int, input
 *   constraint-type: mask(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE)
 *   constraint: Any other bit gives EINVAL.  O_NOTIFICATION_PIPE is accepted
 *     by the flag check on every kernel but needs CONFIG_WATCH_QUEUE (ENOPKG
 *     without it), so the bits are tested one by one in the effect cases.
 *   desc: Flags for the two ends.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EINVAL, flags has a bit other than the four accepted ones
 *   kapi-cond: flags=O_RDWR; flags=O_CLOEXEC | O_APPEND
 *   desc: Checked before anything is allocated.  O_RDONLY, O_WRONLY and
 *     O_RDWR are bits too (the access modes of the ends are fixed).
 *
 * error: EFAULT, fildes is not writable memory of the caller
 *   kapi-cond: fildes=ptr:unmapped; fildes=ptr:null; fildes=ptr:readonly
 *   desc: The copy of the two numbers failed; the pipe is freed and the two
 *     reserved numbers are given back.
 *
 * error: EMFILE, fewer than two free descriptors below RLIMIT_NOFILE
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The pipe was made first and is freed again.
 *
 * error: ENFILE, the pipe's inode or pipe structure could not be had
 *   kapi-cond: memcg=full
 *   desc: As for pipe(): any failure of get_pipe_inode() (an allocation
 *     charged to the memory cgroup, or fs.pipe-user-pages-hard for an
 *     unprivileged user) is reported as ENFILE, and so is the system-wide
 *     fs.file-max limit, which is global and read-only in the sandbox.
 *
 * error: ENOMEM, the watch queue, the files or the dentry could not be allocated
 *   kapi-unprovokable: watch_queue_init()'s allocation (O_NOTIFICATION_PIPE) is not charged to the memory cgroup, and the files and dentry come after the inode and pipe structure, which a full memory cgroup fails first (ENFILE)
 *   desc: With O_NOTIFICATION_PIPE, watch_queue_init() could not allocate the
 *     queue; or alloc_file_pseudo() or alloc_file_clone() failed for lack of
 *     memory.  Not in the manual page.
 *
 * error: ENOPKG, O_NOTIFICATION_PIPE was given and the kernel has no notification pipes
 *   kapi-cond: flags=O_NOTIFICATION_PIPE, config.WATCH_QUEUE=n
 *   kapi-note: the case runs only on a kernel built without CONFIG_WATCH_QUEUE (the 6.18 kernel kapi is developed on and the Debian 6.1 cloud kernel both lack it); on a kernel with the option it is skipped, and the effect case with O_NOTIFICATION_PIPE runs instead
 *   desc: Without CONFIG_WATCH_QUEUE, watch_queue_init() is a stub that
 *     returns ENOPKG; the flag check in __do_pipe_flags() accepts the bit
 *     all the same.  Not in the manual page.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while each of the two descriptor numbers is reserved and while
 *     each file is installed.
 *
 * side-effect: resource_create | alloc_memory
 *   target: pipe inode, two open files, two descriptor table slots
 *   desc: The read end and the write end are installed at the two lowest free
 *     descriptors, in that order, with the flags asked for: FD_CLOEXEC on
 *     both, O_NONBLOCK on both, O_DIRECT on the write end only.
 *   reversible: yes
 *   kapi-effect: fd:pair=fildes; fd:pair-cloexec=fildes if flags&O_CLOEXEC; fd:pair-nonblock=fildes if flags&O_NONBLOCK; fd:pair-direct=fildes if flags&O_DIRECT
 *   kapi-effect-case: flags=O_CLOEXEC; flags=O_NONBLOCK; flags=O_DIRECT; flags=O_CLOEXEC | O_NONBLOCK | O_DIRECT; flags=O_NOTIFICATION_PIPE, config.WATCH_QUEUE=y
 *
 * side-effect: alloc_memory
 *   target: watch queue of the pipe
 *   condition: flags has O_NOTIFICATION_PIPE
 *   desc: The pipe gets a watch queue; its buffer is sized later with the
 *     IOC_WATCH_QUEUE_SET_SIZE ioctl.  write() to a notification pipe always
 *     fails with EXDEV: only the kernel posts to it.
 *   reversible: yes
 *   kapi-unobservable: kapi has no claim for a notification pipe; the ioctl that would tell one
 *     from an ordinary pipe changes it
 *
 * side-effect: modify_state
 *   target: the user's pipe buffer accounting
 *   desc: The pages the pipe may use are added to the user's count.
 *   reversible: yes
 *   kapi-unobservable: the per-user count of pipe pages is not shown to user space
 *
 * state-trans: descriptor table
 *   object: the two lowest free descriptor numbers
 *   from: free
 *   to: read end and write end of the new pipe
 *   desc: Both are installed only when the call succeeds.
 *   kapi-effect: fd:pair=fildes
 *
 * notes: pipe2() is Linux-specific (since 2.6.27); O_DIRECT since 3.4,
 *   O_NOTIFICATION_PIPE since 5.8.  The kernel accepts O_NOTIFICATION_PIPE in
 *   its flag mask whatever the configuration, so a kernel without watch
 *   queues fails late, with ENOPKG, not with EINVAL.
 */
SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
}
