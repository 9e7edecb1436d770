// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the fcntl system call (fs/fcntl.c do_fcntl; the lock commands in
// fs/locks.c, the pipe commands in fs/pipe.c, the seal commands in mm/memfd.c, F_NOTIFY in
// fs/notify/dnotify/dnotify.c), Linux 6.1, x86-64.

/**
 * sys_fcntl - query or change a descriptor, its open file, or the locks on its file
 * @fd: descriptor to work on
 * @cmd: the command, one of the F_* values below
 * @arg: the command's argument: an integer or a user pointer, by command
 *
 * long-desc: One syscall multiplexing about thirty commands.  The
 *   descriptor is looked up with fdget_raw(), so O_PATH descriptors are
 *   found, but for them only F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD and
 *   F_GETFL are allowed.  The LSM hook security_file_fcntl() runs before
 *   the command.  The third argument is read three ways, by command:
 *   - ignored: F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE,
 *     F_GETPIPE_SZ, F_GET_SEALS;
 *   - an integer (the unsigned long itself, truncated to int where the
 *     command says): F_DUPFD and F_DUPFD_CLOEXEC (lowest descriptor number
 *     to use), F_SETFD (FD_CLOEXEC or 0), F_SETFL (status flags), F_SETOWN
 *     (pid, or -pgid), F_SETSIG (signal number, 0 for SIGIO), F_SETLEASE
 *     (F_RDLCK, F_WRLCK or F_UNLCK), F_NOTIFY (DN_* mask), F_SETPIPE_SZ
 *     (bytes), F_ADD_SEALS (F_SEAL_* mask, at most UINT_MAX);
 *   - a pointer into the caller's memory: struct flock for F_GETLK, F_SETLK,
 *     F_SETLKW, F_OFD_GETLK, F_OFD_SETLK and F_OFD_SETLKW (read, and
 *     written back by the two GETLK commands); struct f_owner_ex for
 *     F_GETOWN_EX (written) and F_SETOWN_EX (read); two uid_t for
 *     F_GETOWNER_UIDS (written); a u64 write-lifetime hint for
 *     F_GET_RW_HINT (written) and F_SET_RW_HINT (read).
 *   The return value's meaning depends on the command as well: a new
 *   descriptor, a flag word, an owner, a signal, a lease type, a pipe size,
 *   a seal mask, or 0.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor of the caller.  An O_PATH
 *     descriptor only with F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD or
 *     F_GETFL.  The lock commands need a descriptor open for reading
 *     (F_RDLCK) or writing (F_WRLCK); the pipe commands a pipe or FIFO; the
 *     seal commands a memfd (or another shmem or hugetlbfs file); F_NOTIFY a
 *     directory; F_SETLEASE a regular file.
 *   desc: The descriptor, its open file description, or its file's inode,
 *     by command.
 *
 * param: cmd
 *   kapi-valid: F_GETFD
 *   type: uint, input
 *   constraint-type: enum(F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_GETLK, F_SETLK, F_SETLKW, F_SETOWN, F_GETOWN, F_SETSIG, F_GETSIG, F_SETOWN_EX, F_GETOWN_EX, F_GETOWNER_UIDS, F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW, F_SETLEASE, F_GETLEASE, F_NOTIFY, F_DUPFD_CLOEXEC, F_SETPIPE_SZ, F_GETPIPE_SZ, F_ADD_SEALS, F_GET_SEALS, F_GET_RW_HINT, F_SET_RW_HINT)
 *   kapi-accepts: 1027, 1028
 *   kapi-note: 1027 is F_DUPFD_QUERY (Linux 6.10) and 1028 F_CREATED_QUERY (Linux 6.12); 6.1 gives EINVAL for both
 *   constraint: Any other value gives EINVAL, the removed F_GET_FILE_RW_HINT
 *     (1037) and F_SET_FILE_RW_HINT (1038) included.
 *   desc: Which command to run; it decides how arg is read (see above).
 *
 * param: arg
 *   kapi-valid: 0
 *   kapi-test: no-invalid
 *   type: custom, input
 *   constraint: By command: an integer, a pointer to the command's structure
 *     in the caller's memory (struct flock, struct f_owner_ex, uid_t[2], u64),
 *     or ignored (see the long description).
 *   desc: The command's argument; its meaning changes with cmd.
 *
 * return:
 *   type: int
 *   check-type: custom
 *   desc: By command: F_DUPFD and F_DUPFD_CLOEXEC the new descriptor;
 *     F_GETFD FD_CLOEXEC or 0; F_GETFL the status flags and access mode;
 *     F_GETOWN the owner's pid, or minus its process group (a negative
 *     success the raw syscall cannot tell from an error when the group is
 *     below 4096); F_GETSIG the signal; F_GETLEASE F_RDLCK, F_WRLCK or
 *     F_UNLCK; F_GETPIPE_SZ and F_SETPIPE_SZ the pipe's size in bytes;
 *     F_GET_SEALS the seal mask; every other command 0.  A negative errno on
 *     failure.  The cases below each check that nothing but what the command
 *     claims changed (descriptors, their flags and offsets, the scratch
 *     directory, the mappings) and that the signal mask is kept.
 *   kapi-effect: keeps:signal-mask
 *   kapi-effect-case: cmd=F_GETFL; cmd=F_GETOWN; cmd=F_GETSIG; cmd=F_GETOWN_EX, arg=ptr:owner-self; cmd=F_SETOWN_EX, arg=ptr:owner-self; cmd=F_GETLEASE; fd=fd:dir, cmd=F_NOTIFY, arg=4; fd=fd:dir, cmd=F_NOTIFY, arg=0; fd=fd:pipe, cmd=F_GETPIPE_SZ; fd=fd:sealed, cmd=F_GET_SEALS; cmd=F_GET_RW_HINT, arg=ptr:ones; cmd=F_SET_RW_HINT, arg=ptr:readonly; fd=fd:opath, cmd=F_GETFL
 *
 * error: EBADF, fd is not open; an O_PATH descriptor with another command; a lock whose type the open mode does not allow; a pipe command on a file that is no pipe
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath, cmd=F_SETFL; fd=fd:opath, cmd=F_SETLK, arg=ptr:flock-rd; fd=fd:rdonly, cmd=F_SETLK, arg=ptr:flock-wr; fd=fd:wronly, cmd=F_OFD_SETLK, arg=ptr:flock-rd; cmd=F_GETPIPE_SZ; cmd=F_SETPIPE_SZ, arg=65536
 *   desc: fdget_raw() found nothing; or the descriptor is O_PATH and the
 *     command is not one of the five O_PATH allows; or a record lock of
 *     type F_RDLCK was asked through a descriptor not open for reading, or
 *     F_WRLCK through one not open for writing (check_fmode_for_setlk());
 *     or F_GETPIPE_SZ or F_SETPIPE_SZ was given a file that is not a pipe
 *     or FIFO (get_pipe_info()).  fcntl_setlk() also returns EBADF when
 *     another thread closed the descriptor while the lock was being set
 *     (the lock is removed again).
 *
 * error: EINVAL, cmd is unknown, or the command's argument is out of its range
 *   kapi-cond: cmd=9999; cmd=1037; cmd=F_DUPFD, arg=64, rlimit.NOFILE=64; fd=fd:eventfd, cmd=F_SETFL, arg=O_DIRECT; cmd=F_SETLK, arg=ptr:flock-badwhence; cmd=F_GETLK, arg=ptr:ones; cmd=F_OFD_SETLK, arg=ptr:ones; cmd=F_SETSIG, arg=65; cmd=F_SETOWN, arg=INT_MIN; cmd=F_SETOWN_EX, arg=ptr:ones; fd=fd:pipe, cmd=F_SETLEASE, arg=F_RDLCK; cmd=F_SETLEASE, arg=7; fd=fd:pipe, cmd=F_SETPIPE_SZ, arg=0x80000001; fd=fd:pipe-write, cmd=F_ADD_SEALS, arg=F_SEAL_GROW; fd=fd:sealed, cmd=F_ADD_SEALS, arg=0x100; cmd=F_SET_RW_HINT, arg=ptr:ones
 *   desc: By command: an unknown cmd (do_fcntl()'s default); F_DUPFD and
 *     F_DUPFD_CLOEXEC with arg at or above RLIMIT_NOFILE; F_SETFL asking for
 *     O_DIRECT on a file that cannot do direct I/O (FMODE_CAN_ODIRECT unset;
 *     a pipe takes it as packet mode instead), or refused by the file's
 *     check_flags method; a lock command whose struct flock has an l_type
 *     other than F_RDLCK, F_WRLCK or F_UNLCK (GETLK: F_RDLCK or F_WRLCK
 *     only), an l_whence other than SEEK_SET, SEEK_CUR or SEEK_END, a start
 *     or length that makes the range begin below 0 or end beyond
 *     OFFSET_MAX, or, for the OFD commands, a nonzero l_pid; F_SETSIG with
 *     a number above _NSIG (64); F_SETOWN with INT_MIN; F_SETOWN_EX with a
 *     type other than F_OWNER_TID, F_OWNER_PID and F_OWNER_PGRP;
 *     F_SETLEASE on a file that is not regular, or with a type that is not
 *     F_RDLCK, F_WRLCK or F_UNLCK; F_SETPIPE_SZ with a size above 2^31
 *     (round_pipe_size() gives 0); F_ADD_SEALS with arg above UINT_MAX, an
 *     unknown seal bit, or a file that has no seals (not shmem or
 *     hugetlbfs); F_GET_SEALS on such a file; F_SET_RW_HINT with a hint that
 *     is not one of the RWH_WRITE_LIFE_* values; F_NOTIFY while
 *     fs.dir-notify-enable is 0; F_GETOWNER_UIDS in a kernel without
 *     CONFIG_CHECKPOINT_RESTORE.  In 6.1 the pipe and seal commands read
 *     arg as an unsigned long, so a size or seal mask above 32 bits is
 *     refused.
 *   kapi-note: later kernels (6.18) pass arg to the pipe and seal commands as an unsigned int: F_SETPIPE_SZ with 0x100000000 sets one page and F_ADD_SEALS with 0x100000001 adds F_SEAL_SEAL, where 6.1 gives EINVAL; the conditions above use values that both refuse
 *
 * error: EFAULT, the structure arg points to is not readable (or, for the commands that write one, not writable)
 *   kapi-cond: cmd=F_GETLK, arg=ptr:unmapped; cmd=F_SETLK, arg=ptr:unmapped; cmd=F_OFD_SETLKW, arg=ptr:null; cmd=F_GETOWN_EX, arg=ptr:readonly; cmd=F_SETOWN_EX, arg=ptr:unmapped; cmd=F_GETOWNER_UIDS, arg=ptr:null; cmd=F_GET_RW_HINT, arg=ptr:readonly; cmd=F_SET_RW_HINT, arg=ptr:unmapped
 *   desc: The copy of struct flock, struct f_owner_ex, the two uid_t or the
 *     u64 hint from or to user memory faulted.  For F_GETLK and
 *     F_OFD_GETLK the test is made before the result is copied back, so a
 *     read-only struct flock faults only on the way out.
 *
 * error: EMFILE, F_DUPFD or F_DUPFD_CLOEXEC found no free descriptor from arg up to RLIMIT_NOFILE
 *   kapi-cond: fd=fd:crowded, cmd=F_DUPFD, rlimit.NOFILE=64; fd=fd:crowded, cmd=F_DUPFD_CLOEXEC, rlimit.NOFILE=64
 *   desc: alloc_fd() found every number from arg to the limit in use.
 *
 * error: ENOMEM, a kernel allocation the command needs failed
 *   kapi-cond: fd=fd:pipe, cmd=F_SETFL, arg=FASYNC, memcg=full; fd=fd:pipe, cmd=F_SETPIPE_SZ, arg=131072, memcg=full; fd=fd:dir, cmd=F_NOTIFY, arg=4, memcg=full
 *   desc: The fasync entry F_SETFL's O_ASYNC (and F_SETLEASE) adds, the
 *     larger ring F_SETPIPE_SZ gives a pipe, or the dnotify structures of
 *     F_NOTIFY: all charged to the caller's memory cgroup.  F_GETLK's
 *     temporary lock comes from a cache that is not charged, so it fails
 *     only under memory pressure of the whole machine.
 *
 * error: EPERM, the change needs ownership or a privilege the caller lacks, or a seal forbids it
 *   kapi-cond: uid=1000, cmd=F_SETFL, arg=O_NOATIME; fd=fd:pipe, cmd=F_SETPIPE_SZ, arg=2097152; fd=fd:rdonly, cmd=F_ADD_SEALS, arg=F_SEAL_GROW
 *   desc: F_SETFL: clearing O_APPEND on an append-only file, or setting
 *     O_NOATIME on a file the caller does not own without CAP_FOWNER (in the
 *     file's user namespace).  F_SETPIPE_SZ: a size above fs.pipe-max-size
 *     (1 MiB by default) without CAP_SYS_RESOURCE in the initial user
 *     namespace, or growth beyond the user's pipe page limits
 *     (fs.pipe-user-pages-hard or -soft) without CAP_SYS_RESOURCE or
 *     CAP_SYS_ADMIN there; root of a user namespace is unprivileged for
 *     both.  F_ADD_SEALS: a descriptor not open for writing, or a file
 *     already sealed with F_SEAL_SEAL (every shmem file that is no memfd
 *     made with MFD_ALLOW_SEALING).  F_SET_RW_HINT: an immutable file.
 *
 * error: ESRCH, F_SETOWN names a process or process group that does not exist
 *   kapi-cond: cmd=F_SETOWN, arg=99999
 *   desc: find_vpid() found nothing in the caller's pid namespace; the same
 *     for the pid of F_SETOWN_EX's structure.
 *
 * error: EAGAIN, a conflicting lock is held, or the lease cannot be had
 *   kapi-cond: fd=fd:locked-other, cmd=F_SETLK, arg=ptr:flock-wr; fd=fd:locked-other, cmd=F_OFD_SETLK, arg=ptr:flock-rd; cmd=F_SETLEASE, arg=F_RDLCK; cmd=F_SETLEASE, arg=F_UNLCK
 *   desc: F_SETLK and F_OFD_SETLK do not wait: a record lock of another
 *     owner (a process, or for OFD locks another open file description)
 *     overlaps the range and conflicts with the type asked.  F_SETLEASE: a
 *     read lease on a file that is open for writing (the caller's own
 *     descriptor counts), a write lease on a file open by anyone else, or
 *     F_UNLCK when the caller's open file holds no lease.  The manual page
 *     allows EACCES for the lock conflict; the 6.1 kernel returns EAGAIN
 *     only, and does not name F_UNLCK without a lease.
 *
 * error: EACCES, F_SETLEASE on a file the caller does not own, without CAP_LEASE
 *   kapi-cond: uid=1000, cmd=F_SETLEASE, arg=F_RDLCK
 *   desc: generic_setlease() compares the file's owner with the caller's
 *     fsuid and checks CAP_LEASE in the initial user namespace, before
 *     anything else.
 *
 * error: EDEADLK, F_SETLKW would wait for a lock whose owner waits for the caller
 *   kapi-cond: fd=fd:lock-deadlock, cmd=F_SETLKW, arg=ptr:flock-wr
 *   desc: posix_locks_deadlock() follows the chain of owners waiting for
 *     each other (up to ten steps) and finds the caller at its end.  Only
 *     for process-owned record locks; F_OFD_SETLKW does no such check.
 *
 * error: EINTR, a signal arrived while F_SETLKW or F_OFD_SETLKW waited
 *   kapi-cond: fd=fd:locked-other, cmd=F_SETLKW, arg=ptr:flock-wr, sig.ALRM=interrupt; fd=fd:locked-other, cmd=F_OFD_SETLKW, arg=ptr:flock-rd, sig.ALRM=interrupt
 *   desc: The wait for the conflicting lock is interruptible; with a
 *     handler installed with SA_RESTART the call is restarted instead.
 *
 * error: EBUSY, F_SETPIPE_SZ would make the pipe smaller than what it holds
 *   kapi-cond: fd=fd:pipe-full, cmd=F_SETPIPE_SZ, arg=4096
 *   desc: pipe_resize_ring() refuses fewer slots than are in use; a
 *     notification pipe (O_NOTIFICATION_PIPE) cannot be resized at all.
 *     F_ADD_SEALS with F_SEAL_WRITE gives EBUSY too while the memfd has a
 *     writable shared mapping or pages pinned for I/O.
 *
 * error: ENOTDIR, F_NOTIFY on a descriptor that is not a directory
 *   kapi-cond: cmd=F_NOTIFY, arg=4
 *   desc: Checked after the mask: arg 0 (or DN_MULTISHOT alone) removes the
 *     caller's watches and succeeds on any file.
 *
 * error: ENOTTY, F_SETFL changes O_ASYNC of a terminal that was hung up
 *   kapi-cond: fd=fd:pty-master-closed, cmd=F_SETFL, arg=FASYNC
 *   desc: The fasync method of a hung-up terminal refuses.  Not in the
 *     manual page.
 *
 * error: ENOLCK, the lock structure for F_SETLK, F_SETLKW or the OFD variants could not be allocated
 *   kapi-unprovokable: struct file_lock comes from file_lock_cache, which is not charged to a memory cgroup in 6.1, so only memory pressure of the whole machine makes the allocation fail; the sandbox does not exhaust the host
 *   desc: fcntl_setlk() allocates the request first and returns ENOLCK when
 *     it cannot; posix_lock_inode() returns it too when a lock had to be
 *     split and the spare structures could not be had.  generic_setlease()
 *     returns it for a lease whose manager has no break method, a kernel
 *     bug (WARN_ON_ONCE).
 *
 * side-effect: resource_create
 *   target: descriptor table slot
 *   condition: cmd is F_DUPFD or F_DUPFD_CLOEXEC
 *   desc: A new descriptor for the same open file description, at the
 *     lowest free number not below arg; FD_CLOEXEC set with
 *     F_DUPFD_CLOEXEC, clear with F_DUPFD.
 *   reversible: yes
 *   kapi-effect: fd:new=ret if cmd=F_DUPFD; fd:dup=ret,fd if cmd=F_DUPFD; fd:new=ret if cmd=F_DUPFD_CLOEXEC; fd:dup=ret,fd if cmd=F_DUPFD_CLOEXEC; fd:cloexec=ret if cmd=F_DUPFD_CLOEXEC
 *   kapi-effect-case: cmd=F_DUPFD; cmd=F_DUPFD_CLOEXEC; fd=fd:pipe, cmd=F_DUPFD; fd=fd:opath, cmd=F_DUPFD_CLOEXEC
 *
 * side-effect: modify_state
 *   target: close-on-exec flag of fd
 *   condition: cmd is F_SETFD
 *   desc: FD_CLOEXEC of the descriptor is set to arg's FD_CLOEXEC bit;
 *     other bits of arg are ignored.
 *   reversible: yes
 *   kapi-effect: fd:fdflags=fd,arg if cmd=F_SETFD
 *   kapi-effect-case: cmd=F_SETFD, arg=FD_CLOEXEC; cmd=F_SETFD, arg=0; cmd=F_SETFD, arg=0xff; fd=fd:opath, cmd=F_SETFD, arg=FD_CLOEXEC
 *
 * side-effect: modify_state
 *   target: status flags of the open file description of fd
 *   condition: cmd is F_SETFL
 *   desc: O_APPEND, O_NONBLOCK (O_NDELAY), O_ASYNC, O_DIRECT and O_NOATIME
 *     are set to arg's; every other bit of arg (the access mode, O_CREAT,
 *     O_TRUNC, ...) is ignored.  The change is seen through every
 *     descriptor of the open file description.  O_ASYNC goes through the
 *     file's fasync method, which registers the descriptor for SIGIO.
 *   reversible: yes
 *   kapi-effect: fd:status=fd,arg if cmd=F_SETFL
 *   kapi-effect-case: cmd=F_SETFL, arg=O_NONBLOCK; cmd=F_SETFL, arg=O_APPEND | O_NONBLOCK; cmd=F_SETFL, arg=O_RDONLY | O_CREAT | O_TRUNC; fd=fd:pipe, cmd=F_SETFL, arg=O_DIRECT; fd=fd:pipe, cmd=F_SETFL, arg=FASYNC; cmd=F_SETFL, arg=O_NOATIME
 *
 * side-effect: lock_acquire
 *   target: record lock on the file of fd
 *   condition: cmd is F_SETLK, F_SETLKW, F_OFD_SETLK or F_OFD_SETLKW with l_type F_RDLCK or F_WRLCK
 *   desc: The range of struct flock (here the whole file) is locked for
 *     the caller: owned by its process (its descriptor table) for F_SETLK
 *     and F_SETLKW, by the open file description for the OFD commands.
 *     Locks of the same owner are merged or replaced; a process's locks are
 *     dropped when it closes any descriptor of the file, an OFD lock when
 *     the last descriptor of its open file description is closed.
 *     F_GETLK and F_OFD_GETLK take no lock.
 *   reversible: yes
 *   kapi-effect: lock:held=fd if cmd=F_SETLK; lock:held=fd if cmd=F_SETLKW; lock:held=fd if cmd=F_OFD_SETLK; lock:held=fd if cmd=F_OFD_SETLKW; lock:free=fd if cmd=F_GETLK; lock:free=fd if cmd=F_OFD_GETLK
 *   kapi-effect-case: cmd=F_SETLK, arg=ptr:flock-wr; cmd=F_SETLKW, arg=ptr:flock-rd; cmd=F_OFD_SETLK, arg=ptr:flock-rd; cmd=F_OFD_SETLKW, arg=ptr:flock-wr; cmd=F_GETLK, arg=ptr:flock-wr; cmd=F_OFD_GETLK, arg=ptr:flock-rd; fd=fd:wronly, cmd=F_SETLK, arg=ptr:flock-wr
 *
 * side-effect: lock_release
 *   target: record lock on the file of fd
 *   condition: a lock command with l_type F_UNLCK
 *   desc: The caller's locks in the range are removed (split where the
 *     range covers part of one); nothing to remove is no error.
 *   reversible: yes
 *   kapi-unobservable: kapi's guards read integer arguments only, so a claim cannot tell a struct flock with F_UNLCK from one with F_RDLCK; the release is not checked
 *
 * side-effect: lock_acquire
 *   target: lease on the file of fd
 *   condition: cmd is F_SETLEASE
 *   desc: F_RDLCK or F_WRLCK puts a lease of that type on the file for the
 *     open file description (replacing its earlier one), F_UNLCK removes
 *     it.  A lease registers the descriptor for the lease-break signal
 *     (SIGIO, or F_SETSIG's) like O_ASYNC does, so the open file gains
 *     O_ASYNC, and the caller becomes the file's owner (F_GETOWN); removing
 *     the lease clears O_ASYNC again.  Not in the manual page.
 *   reversible: yes
 *   kapi-effect: lock:lease=fd,arg if cmd=F_SETLEASE
 *   kapi-effect-case: fd=fd:rdonly, cmd=F_SETLEASE, arg=F_RDLCK
 *
 * side-effect: modify_state
 *   target: owner of the open file of fd
 *   condition: cmd is F_SETOWN or F_SETOWN_EX
 *   desc: The process (a positive arg), process group (a negative one) or,
 *     with F_SETOWN_EX, thread that gets SIGIO and SIGURG for the open file;
 *     0 removes the owner.  The caller's credentials are recorded with it,
 *     for the permission check when a signal is sent.
 *   reversible: yes
 *   kapi-effect: fd:owner=fd,arg if cmd=F_SETOWN
 *   kapi-effect-case: cmd=F_SETOWN, arg=0; cmd=F_SETOWN, arg=1; fd=fd:pipe, cmd=F_SETOWN, arg=1
 *
 * side-effect: modify_state
 *   target: signal of the open file of fd
 *   condition: cmd is F_SETSIG
 *   desc: The signal sent to the owner when I/O is possible, in place of
 *     SIGIO; 0 restores SIGIO.  With a real-time signal (or any nonzero
 *     one) the handler gets the descriptor in si_fd.
 *   reversible: yes
 *   kapi-effect: fd:signal=fd,arg if cmd=F_SETSIG
 *   kapi-effect-case: cmd=F_SETSIG, arg=10; cmd=F_SETSIG, arg=0; cmd=F_SETSIG, arg=64
 *
 * side-effect: alloc_memory | free_memory | modify_state
 *   target: ring of the pipe of fd
 *   condition: cmd is F_SETPIPE_SZ
 *   desc: The pipe's ring is replaced by one of the asked size rounded up
 *     to a power of two pages (at least one page), charged to the caller's
 *     memory cgroup; the pages it holds move over.  The return value is the
 *     new size in bytes.
 *   reversible: yes
 *   kapi-effect: fd:pipe-size=fd if cmd=F_SETPIPE_SZ
 *   kapi-effect-case: fd=fd:pipe, cmd=F_SETPIPE_SZ, arg=131072; fd=fd:pipe, cmd=F_SETPIPE_SZ, arg=5000; fd=fd:pipe-write, cmd=F_SETPIPE_SZ, arg=1; fd=fd:pipe, cmd=F_SETPIPE_SZ, arg=1048576
 *
 * side-effect: modify_state | irreversible
 *   target: seals of the memfd of fd
 *   condition: cmd is F_ADD_SEALS
 *   desc: The seals of arg are added to the file's; none is ever removed.
 *     F_SEAL_WRITE first denies new writable mappings, and waits a bounded
 *     time for pages pinned for I/O.
 *   reversible: no
 *   kapi-effect: fd:seals=fd,arg if cmd=F_ADD_SEALS
 *   kapi-effect-case: fd=fd:sealed, cmd=F_ADD_SEALS, arg=F_SEAL_GROW; fd=fd:sealed, cmd=F_ADD_SEALS, arg=F_SEAL_SEAL | F_SEAL_SHRINK; fd=fd:sealed, cmd=F_ADD_SEALS, arg=0
 *
 * side-effect: modify_state
 *   target: dnotify watch on the directory of fd
 *   condition: cmd is F_NOTIFY
 *   desc: A watch for the DN_* events of arg is added for the caller's
 *     descriptor table (merged with an earlier one of the same open file);
 *     without DN_MULTISHOT it is removed after the first event.  Events are
 *     reported as SIGIO (or F_SETSIG's signal) to the caller.  arg 0 removes
 *     the caller's watches on the directory.
 *   reversible: yes
 *   kapi-unobservable: the watch shows only in the signal an event sends, and kapi has no claim that makes an event and waits for its signal; the return value's cases run F_NOTIFY and check that nothing else changed
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Taken by F_DUPFD, F_GETFD, F_SETFD, and after a record lock was
 *     set, to see that fd still refers to the same file.
 *
 * lock: inode->i_flctx->flc_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Guards the inode's lists of record locks and leases while they
 *     are tested or changed; file_rwsem (a per-CPU rwsem) is held for
 *     reading around it.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Held by F_GETPIPE_SZ and F_SETPIPE_SZ.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: F_SETLKW or F_OFD_SETLKW is waiting for a conflicting lock
 *   desc: The wait ends; without SA_RESTART the call fails with EINTR.
 *   errno: EINTR
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *
 * capability: CAP_LEASE
 *   type: bypass_check
 *   allows: taking a lease on a file the caller does not own
 *   without: F_SETLEASE fails with EACCES
 *   condition: the file's owner is not the caller's fsuid
 *   priority: 0
 *
 * capability: CAP_SYS_RESOURCE
 *   type: increase_limit
 *   allows: F_SETPIPE_SZ above fs.pipe-max-size and the user's pipe page limits
 *   without: F_SETPIPE_SZ fails with EPERM
 *   condition: the new size is larger than the pipe's current one
 *   priority: 0
 *
 * capability: CAP_FOWNER
 *   type: bypass_check
 *   allows: setting O_NOATIME on a file the caller does not own
 *   without: F_SETFL fails with EPERM
 *   condition: arg has O_NOATIME and the file's owner is not the caller
 *   priority: 0
 *
 * constraint: descriptor limit
 *   desc: F_DUPFD's lower bound is below RLIMIT_NOFILE.
 *   expr: cmd != F_DUPFD || arg < rlimit(RLIMIT_NOFILE)
 *
 * notes: The lock commands on x86-64 take the 64-bit struct flock (the
 *   separate fcntl64 exists on 32-bit architectures only), so the F_GETLK
 *   result always fits and EOVERFLOW does not occur.  F_GETOWN's negative
 *   result for a process group is why glibc uses F_GETOWN_EX.  Record locks
 *   are advisory: mandatory locking was removed in 5.15.  The manual page
 *   lists EACCES for a lock conflict; the kernel returns EAGAIN.
 *
 * kapi-not-returned: EOVERFLOW posix_lock_to_flock() checks the range only when BITS_PER_LONG is 32; ENODEV fsnotify_add_mark_list() returns it for a zero fsid, and dnotify passes no fsid; EXDEV fsnotify_add_mark_list() returns it for an fsid mismatch, and dnotify passes no fsid; ENOENT fsnotify_add_mark_list() returns it when the inode's connector is being destroyed, which an open descriptor of the directory prevents; EEXIST fcntl_dirnotify() turns attach_dn()'s EEXIST (a watch of the same file exists) into success
 */
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
}
