// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the descriptor-table system calls dup, dup2, dup3 (fs/file.c) and
// close_range (defined in fs/open.c, its work done by __close_range() in fs/file.c), Linux 6.1.

/**
 * sys_dup - copy a file descriptor to the lowest free descriptor number
 * @fildes: descriptor to copy
 *
 * long-desc: Makes a second descriptor for the open file description behind
 *   fildes and returns it.  The new descriptor is the lowest number not in use
 *   in the caller's descriptor table; both descriptors share the file offset,
 *   the status flags and any locks tied to the open file description, while
 *   the close-on-exec flag belongs to each descriptor and is clear on the new
 *   one.  O_PATH descriptors can be copied too (the lookup is fget_raw()).
 * contexts: process, sleepable
 *
 * param: fildes
 *   type: fd, input
 *   constraint: Must be an open descriptor of the caller; any kind of file,
 *     O_PATH included.
 *   desc: The descriptor whose open file description is shared.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The new descriptor, or a negative errno.
 *   kapi-effect: fd:new=ret; fd:dup=ret,fildes
 *
 * error: EBADF, fildes is not an open descriptor of the caller
 *   kapi-cond: fildes=fd:closed; fildes=-1
 *   desc: Nothing is allocated; a negative number is a huge unsigned one and
 *     is never open.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0; fildes=fd:crowded, rlimit.NOFILE=64
 *   desc: alloc_fd() found every descriptor number below the limit in use.
 *
 * error: ENOMEM, the descriptor table had to grow and its allocation failed
 *   kapi-cond: fildes=fd:crowded, memcg=full
 *   desc: The lowest free number lies beyond the current table, so
 *     expand_files() allocates a larger one (charged to the caller's memory
 *     cgroup), and that allocation failed.  Not in the manual page.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while a free number is picked and reserved; dropped while a
 *     larger table is allocated.
 *
 * side-effect: resource_create
 *   target: descriptor table slot
 *   desc: A new descriptor referring to the same open file description is
 *     installed at the lowest free number, without FD_CLOEXEC.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:dup=ret,fildes
 *   kapi-effect-case: fildes=fd:opath; fildes=fd:pipe
 *
 * side-effect: alloc_memory
 *   target: descriptor table
 *   condition: the lowest free number lies beyond the current table
 *   desc: The table is replaced by one twice as large or more; the old one
 *     is freed after an RCU grace period.
 *   reversible: no
 *   kapi-unobservable: the table's size is not visible to user space (only its effect on
 *     which numbers fit, which the return value shows)
 *
 * state-trans: descriptor table slot
 *   object: lowest free descriptor number
 *   from: free
 *   to: refers to the open file description of fildes
 *   desc: The reference count of the open file description grows by one.
 *   kapi-effect: fd:new=ret; fd:dup=ret,fildes
 *
 * constraint: descriptor limit
 *   desc: The new descriptor is below RLIMIT_NOFILE.
 *   expr: ret < rlimit(RLIMIT_NOFILE)
 *
 * notes: dup() is fcntl(fildes, F_DUPFD, 0) without the close-on-exec choice.
 *   The copy shares the offset: a read or lseek through one descriptor moves
 *   the other.
 */
SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
}

/**
 * sys_dup2 - copy a file descriptor to a given descriptor number
 * @oldfd: descriptor to copy
 * @newfd: descriptor number the copy gets
 *
 * long-desc: Makes newfd refer to the open file description of oldfd.  If
 *   newfd was open, its file is closed first, in the same step as far as
 *   other threads can tell; errors of that close (a flush that fails) are not
 *   reported.  The close-on-exec flag of newfd is cleared.  When oldfd and
 *   newfd are equal the call only checks that oldfd is open and returns it,
 *   changing nothing.  Returns newfd.
 * contexts: process, sleepable
 *
 * param: oldfd
 *   type: fd, input
 *   constraint: Must be an open descriptor of the caller (O_PATH included).
 *   desc: The descriptor whose open file description is shared.
 *
 * param: newfd
 *   kapi-valid: 10
 *   kapi-test: no-invalid
 *   type: fd, input
 *   constraint: Must be below the caller's RLIMIT_NOFILE; it need not be open.
 *     A number taken by an open() of another thread that has not finished
 *     gives EBUSY.
 *   desc: The descriptor number to make the copy at.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: newfd, or a negative errno.
 *   kapi-effect: fd:dup=ret,oldfd
 *
 * error: EBADF, oldfd is not open, or newfd is not below RLIMIT_NOFILE
 *   kapi-cond: oldfd=fd:closed; oldfd=-1; newfd=256; newfd=-1; oldfd=fd:closed, newfd=fd:same@oldfd
 *   desc: The limit check on newfd comes before oldfd is looked up.  With
 *     oldfd == newfd, EBADF means oldfd is not open.  A newfd at or beyond
 *     fs.nr_open (possible only when that sysctl was lowered below the limit)
 *     is reported as EBADF too: ksys_dup3() turns expand_files()'s EMFILE into
 *     EBADF.  The manual page says EMFILE is possible; the 6.1 kernel never
 *     returns it from dup2.
 *
 * error: EBUSY, newfd is taken by an open() of another thread that has not finished
 *   kapi-cond: newfd=fd:reserved
 *   desc: With a descriptor table shared between threads, open() (and every
 *     call that makes a descriptor) first reserves a number and installs the
 *     file only when it is ready; do_dup2() finds such a number marked open
 *     with no file and refuses to replace it.  Linux-specific.
 *
 * error: ENOMEM, the descriptor table had to grow to hold newfd and its allocation failed
 *   kapi-cond: newfd=200, memcg=full
 *   desc: newfd lies beyond the current table, so expand_files() allocates a
 *     larger one (charged to the caller's memory cgroup).  Not in the manual
 *     page.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held from the lookup of oldfd until newfd is installed; dropped
 *     while a larger table is allocated.  The replaced file is closed after
 *     the lock is released.
 *
 * side-effect: modify_state
 *   target: descriptor newfd
 *   desc: newfd refers to the open file description of oldfd, without
 *     FD_CLOEXEC; a file it held before is closed (its flush runs, errors
 *     ignored; the last reference releases it, which drops the caller's
 *     record locks on it).
 *   reversible: no
 *   kapi-effect: fd:dup=ret,oldfd
 *   kapi-effect-case: newfd=fd:pipe; oldfd=fd:opath; newfd=fd:same@oldfd
 *
 * side-effect: alloc_memory
 *   target: descriptor table
 *   condition: newfd lies beyond the current table
 *   desc: The table is replaced by a larger one.
 *   reversible: no
 *   kapi-unobservable: the table's size is not visible to user space
 *
 * state-trans: descriptor newfd
 *   object: descriptor table slot newfd
 *   from: free, or referring to another open file
 *   to: referring to the open file description of oldfd
 *   condition: oldfd != newfd
 *   desc: The change is atomic for other threads: no moment shows newfd
 *     closed.
 *   kapi-effect: fd:dup=ret,oldfd
 *
 * constraint: descriptor limit
 *   desc: newfd is below RLIMIT_NOFILE.
 *   expr: newfd < rlimit(RLIMIT_NOFILE)
 *
 * notes: Unlike close(), dup2() reports nothing of the replaced file's flush:
 *   filp_close()'s result is dropped, so dup2() cannot fail with EINTR or EIO
 *   on account of it (the manual page's EINTR does not happen on 6.1).  Use
 *   dup3() to set close-on-exec at the same time.
 *
 * kapi-not-returned: EINVAL ksys_dup3() checks flags and oldfd == newfd, but sys_dup2 passes
 *   flags 0 and handles oldfd == newfd itself before calling it; EMFILE ksys_dup3() turns
 *   expand_files()'s EMFILE into EBADF
 */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
}

/**
 * sys_dup3 - copy a file descriptor to a given number, choosing close-on-exec
 * @oldfd: descriptor to copy
 * @newfd: descriptor number the copy gets; must differ from oldfd
 * @flags: zero or O_CLOEXEC
 *
 * long-desc: Like dup2(), but the close-on-exec flag of newfd is set when
 *   flags has O_CLOEXEC (and cleared otherwise), and oldfd == newfd is an
 *   error instead of a no-op.  Returns newfd.
 * contexts: process, sleepable
 *
 * param: oldfd
 *   type: fd, input
 *   constraint: Must be an open descriptor of the caller (O_PATH included)
 *     and differ from newfd.
 *   desc: The descriptor whose open file description is shared.
 *
 * param: newfd
 *   kapi-valid: 10
 *   kapi-test: no-invalid
 *   type: fd, input
 *   constraint: Must differ from oldfd and be below the caller's
 *     RLIMIT_NOFILE; it need not be open.
 *   desc: The descriptor number to make the copy at.
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(O_CLOEXEC)
 *   constraint: O_CLOEXEC or 0; any other bit gives EINVAL.
 *   desc: Close-on-exec choice for newfd.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: newfd, or a negative errno.
 *   kapi-effect: fd:dup=ret,oldfd; fd:cloexec=ret if flags&O_CLOEXEC
 *
 * error: EINVAL, flags has a bit other than O_CLOEXEC, or oldfd equals newfd
 *   kapi-cond: newfd=fd:same@oldfd; flags=O_NONBLOCK; oldfd=fd:closed, newfd=fd:same@oldfd
 *   desc: Both checks come first: oldfd == newfd gives EINVAL even when oldfd
 *     is not open.
 *
 * error: EBADF, oldfd is not open, or newfd is not below RLIMIT_NOFILE
 *   kapi-cond: oldfd=fd:closed; oldfd=-1; newfd=256; newfd=-1
 *   desc: As for dup2(): the limit check on newfd comes before oldfd is
 *     looked up, and a newfd at or beyond fs.nr_open gives EBADF as well
 *     (ksys_dup3() turns expand_files()'s EMFILE into EBADF).
 *
 * error: EBUSY, newfd is taken by an open() of another thread that has not finished
 *   kapi-cond: newfd=fd:reserved
 *   desc: As for dup2(): do_dup2() refuses a number reserved by a call that
 *     is still making its descriptor.
 *
 * error: ENOMEM, the descriptor table had to grow to hold newfd and its allocation failed
 *   kapi-cond: newfd=200, memcg=full
 *   desc: newfd lies beyond the current table, and the larger table expand_files()
 *     allocates (charged to the memory cgroup) could not be had.  Not in the
 *     manual page.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held from the lookup of oldfd until newfd is installed.
 *
 * side-effect: modify_state
 *   target: descriptor newfd
 *   desc: newfd refers to the open file description of oldfd, with
 *     FD_CLOEXEC as flags asks; a file it held before is closed, errors of
 *     its flush ignored.
 *   reversible: no
 *   kapi-effect: fd:dup=ret,oldfd; fd:cloexec=ret if flags&O_CLOEXEC
 *   kapi-effect-case: newfd=fd:pipe; newfd=fd:pipe, flags=O_CLOEXEC; oldfd=fd:opath, flags=O_CLOEXEC
 *
 * side-effect: alloc_memory
 *   target: descriptor table
 *   condition: newfd lies beyond the current table
 *   desc: The table is replaced by a larger one.
 *   reversible: no
 *   kapi-unobservable: the table's size is not visible to user space
 *
 * state-trans: descriptor newfd
 *   object: descriptor table slot newfd
 *   from: free, or referring to another open file
 *   to: referring to the open file description of oldfd
 *   desc: Atomic for other threads, as with dup2().
 *   kapi-effect: fd:dup=ret,oldfd
 *
 * constraint: distinct descriptors
 *   desc: oldfd and newfd must differ.
 *   expr: oldfd != newfd
 *
 * notes: The flags are checked as an int, so O_CLOEXEC is the only bit that
 *   passes.  Linux-specific (since 2.6.27).
 *
 * kapi-not-returned: EMFILE ksys_dup3() turns expand_files()'s EMFILE into EBADF
 */
SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
}

/**
 * sys_close_range - close, or mark close-on-exec, every descriptor in a range
 * @fd: first descriptor of the range
 * @max_fd: last descriptor of the range (inclusive)
 * @flags: zero, or CLOSE_RANGE_UNSHARE and CLOSE_RANGE_CLOEXEC ORed
 *
 * long-desc: Closes every open descriptor from fd to max_fd, both included,
 *   or with CLOSE_RANGE_CLOEXEC sets close-on-exec on each of them instead.
 *   Numbers in the range that are not open are skipped, and max_fd may lie far
 *   beyond the table (~0U means "to the end").  With CLOSE_RANGE_UNSHARE a
 *   descriptor table shared with other processes or threads (CLONE_FILES) is
 *   first replaced by a private copy, so that the others keep their
 *   descriptors; the copy leaves out the range when it is to be closed.
 *   Errors of the closed files' flush methods are not reported.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-valid: 100
 *   type: uint, input
 *   constraint: Must not be greater than max_fd.
 *   desc: The first descriptor number of the range.
 *
 * param: max_fd
 *   kapi-valid: 150
 *   type: uint, input
 *   constraint: Must be at least fd; any larger value is accepted, and the
 *     range is cut at the end of the descriptor table.
 *   desc: The last descriptor number of the range.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)
 *   constraint: Any other bit gives EINVAL.
 *   desc: CLOSE_RANGE_UNSHARE: work on a private copy of a shared table.
 *     CLOSE_RANGE_CLOEXEC: mark the descriptors close-on-exec instead of
 *     closing them.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EINVAL, flags has an unknown bit, or fd is greater than max_fd
 *   kapi-cond: fd=5, max_fd=4; flags=1
 *   desc: Both are checked before anything changes.
 *
 * error: ENOMEM, a shared table was to be unshared and its copy could not be allocated
 *   kapi-cond: flags=CLOSE_RANGE_UNSHARE, files=shared, memcg=full
 *   desc: Only with CLOSE_RANGE_UNSHARE, and only when the table is shared
 *     (a table used by this task alone is worked on in place): dup_fd()'s
 *     allocation of the new files_struct or of a larger table failed.
 *     Nothing was closed.
 *
 * error: EMFILE, the private copy of the table would exceed fs.nr_open
 *   kapi-unprovokable: the copy needs more slots than fs.nr_open only when that sysctl was lowered below an open descriptor's number after it was opened; fs.nr_open belongs to the initial namespace, and /proc/sys is read-only in the sandbox
 *   desc: With CLOSE_RANGE_UNSHARE on a shared table, dup_fd() sizes the copy
 *     by the highest descriptor it keeps, and alloc_fdtable() refuses a table
 *     beyond fs.nr_open.  Not in the manual page.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Taken for each descriptor as it is removed from the table (or
 *     marked close-on-exec); the file is closed after the lock is dropped,
 *     with a reschedule point between descriptors.
 *
 * side-effect: resource_destroy
 *   target: descriptors fd to max_fd
 *   condition: flags has no CLOSE_RANGE_CLOEXEC
 *   desc: Each open descriptor of the range is removed from the table and its
 *     file closed (flush method, record locks of the caller dropped, the open
 *     file description released with its last reference).
 *   reversible: no
 *   kapi-effect: fd:closed-range=fd,max_fd if flags!&CLOSE_RANGE_CLOEXEC
 *   kapi-effect-case: fd=fd:file, max_fd=fd:same@fd; fd=fd:pipe, max_fd=-1; fd=fd:file, max_fd=fd:same@fd, flags=CLOSE_RANGE_UNSHARE, files=shared
 *
 * side-effect: modify_state
 *   target: close-on-exec flags of descriptors fd to max_fd
 *   condition: flags has CLOSE_RANGE_CLOEXEC
 *   desc: Each open descriptor of the range gets FD_CLOEXEC; nothing is
 *     closed.
 *   reversible: yes
 *   kapi-effect: fd:cloexec-range=fd,max_fd if flags&CLOSE_RANGE_CLOEXEC
 *   kapi-effect-case: fd=fd:file, max_fd=fd:same@fd, flags=CLOSE_RANGE_CLOEXEC; fd=fd:pipe, max_fd=-1, flags=CLOSE_RANGE_CLOEXEC; fd=fd:file, max_fd=fd:same@fd, flags=CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC, files=shared
 *
 * side-effect: alloc_memory | modify_state
 *   target: the caller's descriptor table
 *   condition: flags has CLOSE_RANGE_UNSHARE and the table is shared
 *   desc: The caller gets a private copy of the table (without the range,
 *     unless CLOSE_RANGE_CLOEXEC is given); the processes it shared the old
 *     one with keep it, descriptors of the range included.
 *   reversible: no
 *   kapi-unobservable: kapi has no claim that compares the caller's descriptor table with another
 *     process's; the cases with files=shared check the caller's side only
 *
 * state-trans: descriptor
 *   object: each open descriptor from fd to max_fd
 *   from: open
 *   to: closed, or open with FD_CLOEXEC
 *   desc: Closed without CLOSE_RANGE_CLOEXEC, marked close-on-exec with it.
 *   kapi-effect: fd:closed-range=fd,max_fd if flags!&CLOSE_RANGE_CLOEXEC; fd:cloexec-range=fd,max_fd if flags&CLOSE_RANGE_CLOEXEC
 *
 * constraint: ordered range
 *   desc: The range must not be empty in the wrong direction.
 *   expr: fd <= max_fd
 *
 * notes: The syscall is defined in fs/open.c; __close_range() in fs/file.c
 *   does the work.  Unlike close(), close_range() cannot fail once its
 *   arguments are accepted (unless unsharing fails): flush errors (EIO, EINTR
 *   of a FUSE or network filesystem) are dropped.  A typical use before
 *   execve() is close_range(3, ~0U, CLOSE_RANGE_UNSHARE).  Since Linux 5.9;
 *   CLOSE_RANGE_CLOEXEC since 5.11.
 */
SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd,
		unsigned int, flags)
{
}
