// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the splice and tee system calls (fs/splice.c, Linux 6.1).

/**
 * sys_splice - move bytes between a pipe and another descriptor inside the kernel
 * @fd_in: descriptor the data comes from; must be open for reading
 * @off_in: where in fd_in to read, updated on return; NULL for its file offset; must be NULL for a pipe
 * @fd_out: descriptor the data goes to; must be open for writing
 * @off_out: where in fd_out to write, updated on return; NULL for its file offset; must be NULL for a pipe
 * @len: largest number of bytes to move
 * @flags: SPLICE_F_MOVE, SPLICE_F_NONBLOCK, SPLICE_F_MORE, SPLICE_F_GIFT
 *
 * long-desc: Moves up to len bytes between two descriptors of which at least
 *   one is a pipe, without copying them through user memory.  From a pipe to
 *   a file (or socket), the pipe's buffers are consumed and written at *off_out
 *   or at fd_out's file offset; from a file to a pipe, the file is read at
 *   *off_in or at its file offset into the pipe's free slots; between two
 *   pipes, buffers move from one to the other.  A position given through a
 *   pointer is advanced by the bytes moved, and a file offset used in its place
 *   moves likewise.  A pipe has no position: a pointer given for it gives
 *   ESPIPE.  An empty pipe with writers, or a full one, makes the call wait,
 *   unless SPLICE_F_NONBLOCK is given or a pipe involved is in O_NONBLOCK
 *   mode.  len 0 returns 0 at once, before any other check.  The raw syscall
 *   returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd_in
 *   kapi-semantic: fd:pipe
 *   type: fd, input
 *   constraint: An open descriptor with read access (EBADF otherwise); a pipe,
 *     or a file with a splice_read method when fd_out is a pipe (EINVAL
 *     otherwise).
 *   desc: The source.
 *
 * param: off_in
 *   kapi-valid: 0
 *   type: user_ptr, inout, optional
 *   size: sizeof(long long)
 *   constraint: NULL when fd_in is a pipe (ESPIPE otherwise); else NULL or a
 *     readable and writable loff_t holding a position that is not negative
 *     (EINVAL), in a file that allows positioned reads (EINVAL otherwise).
 *   desc: The position in fd_in.
 *
 * param: fd_out
 *   kapi-semantic: fd:empty
 *   type: fd, input
 *   constraint: An open descriptor with write access (EBADF otherwise); a pipe,
 *     or when fd_in is a pipe a file with a splice_write method that is not in
 *     O_APPEND mode (EINVAL otherwise); the same pipe as fd_in gives EINVAL.
 *   desc: The destination.
 *
 * param: off_out
 *   kapi-semantic: ptr:buffer
 *   type: user_ptr, inout, optional
 *   size: sizeof(long long)
 *   constraint: NULL when fd_out is a pipe (ESPIPE otherwise); else NULL or a
 *     readable and writable loff_t holding a position that is not negative
 *     (EINVAL), in a file that allows positioned writes (EINVAL otherwise).
 *   desc: The position in fd_out.
 *
 * param: len
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   kapi-test: no-boundary
 *   constraint: 0 returns 0 before the flags and descriptors are looked at.
 *     A move from a file into a pipe is shortened to the pipe's free slots; one
 *     out of a pipe to what it holds.
 *   desc: The most bytes to move.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(SPLICE_F_ALL)
 *   constraint: Bits outside SPLICE_F_ALL give EINVAL.  SPLICE_F_NONBLOCK makes
 *     pipe waits fail with EAGAIN (the file side may still block);
 *     SPLICE_F_MORE hints a socket that more data follows; SPLICE_F_MOVE and
 *     SPLICE_F_GIFT are accepted and have no effect here (vmsplice uses GIFT).
 *   desc: SPLICE_F_MOVE, SPLICE_F_NONBLOCK, SPLICE_F_MORE, SPLICE_F_GIFT.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: The number of bytes moved (0 when there was nothing to move and no
 *     writer left, or at end of file), or a negative errno.
 *
 * error: EAGAIN, a pipe would make the call wait and SPLICE_F_NONBLOCK or O_NONBLOCK is in effect
 *   kapi-cond: fd_in=fd:pipe-empty-nonblock; fd_in=fd:pipe-empty, flags=SPLICE_F_NONBLOCK; fd_in=fd:file, off_in=0, fd_out=fd:pipe-full-nonblock, off_out=0
 *   desc: The source pipe is empty with a writer left, or the destination pipe
 *     is full, and SPLICE_F_NONBLOCK is given or the pipe (fd_in's when reading
 *     from a pipe, fd_out's when writing to one) is in O_NONBLOCK mode.
 *
 * error: EBADF, a descriptor is not open, fd_in is not readable, or fd_out is not writable
 *   kapi-cond: fd_in=fd:pipe-write; fd_in=fd:opath; fd_out=fd:rdonly; fd_out=fd:opath; fd_in=fd:wronly, off_in=0
 *   desc: O_PATH descriptors count as not open; a pipe's write end cannot be
 *     fd_in, nor its read end fd_out.
 *
 * error: EFAULT, off_in or off_out points outside the caller's accessible memory
 *   kapi-cond: off_out=ptr:unmapped; fd_in=fd:file, off_in=ptr:unmapped, fd_out=fd:pipe-write, off_out=0
 *   desc: A position could not be read before the move, or written after it
 *     (the count is then lost although the bytes moved).
 *
 * error: EFBIG, the write to fd_out starts at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: The write method refuses a position at or past RLIMIT_FSIZE (and
 *     sends SIGXFSZ) or past the filesystem's largest file size.
 *
 * error: EINTR, a signal with a handler arrived while the call waited on a pipe
 *   kapi-cond: fd_in=fd:pipe-empty, sig.ALRM=interrupt; fd_in=fd:file, off_in=0, fd_out=fd:pipe-full, off_out=0, sig.ALRM=interrupt
 *   desc: The call slept on an empty source pipe or a full destination pipe
 *     and a caught signal without SA_RESTART ended it before any byte moved.
 *
 * error: EINVAL, unknown flags, no pipe, a negative position, or a file that cannot be spliced
 *   kapi-cond: fd_in=fd:file, off_in=0; off_out=ptr:loff-neg; fd_out=fd:epoll, off_out=0; fd_in=fd:epoll, fd_out=fd:pipe-write, off_out=0; fd_in=fd:file, off_in=ptr:loff-neg, fd_out=fd:pipe-write, off_out=0; fd_in=fd:fifo, fd_out=fd:same@fd_in, off_out=0
 *   desc: flags has a bit outside SPLICE_F_ALL; neither descriptor is a pipe;
 *     fd_in and fd_out are the same pipe; a position is negative
 *     (rw_verify_area()) or given for a file without positioned I/O; fd_out is
 *     in O_APPEND mode; the file side has no splice_write or splice_read method
 *     (an epoll instance); or O_DIRECT alignment is not met.
 *
 * error: EIO, a low-level I/O error occurred on the file side
 *   kapi-cond: fd_out=fd:fuse-write-fails, off_out=0
 *   desc: A read or write of the device or filesystem failed; the fixture's
 *     FUSE server answers the WRITE of the spliced bytes with EIO.
 *
 * error: EDQUOT, the user's disk quota on fd_out's filesystem is exhausted
 *   kapi-cond: fd_out=fd:quota-full, off_out=0; fd_out=fd:fuse-write-fails, off_out=0
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: As for write(): the quota code refuses the blocks, or a filesystem
 *     that keeps quotas itself reports it when asked to store the data.
 *
 * error: ENOMEM, no memory for the list of pipe buffers a write to a file goes through
 *   kapi-unprovokable: iter_file_splice_write() allocates the array with kcalloc(GFP_KERNEL) and without __GFP_ACCOUNT, at most a few KiB for a pipe's slots, so a full memory cgroup does not fail it and the page allocator retries such small allocations instead of failing them
 *   desc: A move from a pipe to a file allocates one bio_vec per pipe slot.
 *
 * error: ENOSPC, fd_out's device has no room for the data
 *   kapi-cond: fd_out=fd:fs-full, off_out=0
 *   desc: Nothing could be written; a partial move returns a short count.
 *
 * error: EOVERFLOW, the read position plus len passes the end of an unsigned-offset file
 *   kapi-cond: fd_in=fd:mem-top, off_in=0, fd_out=fd:pipe-write, off_out=0
 *   desc: rw_verify_area() refuses a move into a pipe from a file with
 *     unsigned offsets (/proc/PID/mem positioned at 2^64 - 1) that would wrap.
 *
 * error: EPERM, the write is forbidden by a file seal or security policy
 *   kapi-cond: fd_out=fd:sealed, off_out=0
 *   desc: fd_out is a memfd sealed against writing, or a fanotify listener
 *     denied the access.
 *
 * error: EPIPE, fd_out is a pipe whose read end is closed
 *   kapi-cond: fd_in=fd:file, off_in=0, fd_out=fd:pipe-broken, off_out=0, sig.PIPE=ignore
 *   desc: SIGPIPE is sent to the caller as well, so the error is only seen if
 *     that signal is caught, blocked or ignored.
 *
 * error: ESPIPE, a position is given for a pipe
 *   kapi-cond: off_in=ptr:loff-neg; fd_out=fd:pipe-write
 *   desc: __do_splice() refuses any pointer (its value is not read) for a
 *     pipe side; in the second case fd_out is a pipe and off_out the
 *     baseline's pointer.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken on each pipe while its buffers are filled or consumed (both,
 *     in address order, between two pipes), and dropped while waiting.
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection of fd_out's filesystem around a write to a file.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the call waits on a pipe, before
 *     any byte moved
 *   desc: The call fails with EINTR (or is restarted with SA_RESTART).
 *   errno: EINTR
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: terminate
 *   condition: fd_out is a pipe with no reader
 *   desc: Sent to the calling thread before EPIPE is returned.
 *   target: calling thread
 *   timing: during
 *   errno: EPIPE
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: fd_out's position is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * side-effect: modify_state | irreversible
 *   target: fd_in's pipe
 *   condition: fd_in is a pipe
 *   desc: The bytes moved are taken out of the pipe.
 *   reversible: no
 *   kapi-effect: fd:drained=fd_in
 *
 * side-effect: modify_state
 *   target: fd_out's pipe
 *   condition: fd_out is a pipe
 *   desc: The bytes moved are queued for the pipe's reader.
 *   reversible: no
 *   kapi-effect: fd:queued=fd_out
 *   kapi-effect-case: fd_in=fd:file, off_in=0, fd_out=fd:pipe-write, off_out=0; fd_out=fd:pipe-write, off_out=0
 *
 * side-effect: filesystem | modify_state
 *   target: fd_out's file data, size and timestamps
 *   condition: fd_out is a file
 *   desc: The bytes replace or extend the file at the output position.
 *   reversible: no
 *   kapi-effect: file:written=fd_out
 *   kapi-effect-case: off_out=0
 *
 * side-effect: file_position
 *   target: *off_in or fd_in's file->f_pos, *off_out or fd_out's file->f_pos
 *   condition: the move succeeds, for the side that is not a pipe
 *   desc: A position given through a pointer is advanced by the bytes moved;
 *     a file offset used in place of a NULL pointer moves likewise.
 *   reversible: yes
 *   kapi-effect: mem:filled=off_out,8; fd:offset=fd_out if off_out=0; fd:offset=fd_in if off_in=0
 *   kapi-effect-case: off_out=0; fd_in=fd:file, off_in=0, fd_out=fd:pipe-write, off_out=0
 *
 * notes: The man page's EINVAL for an offset given for a nonseekable device
 *   holds for files without positioned I/O; for a pipe ESPIPE comes first, as
 *   its ESPIPE entry says.  Its EINVAL for a target opened in append mode and
 *   for the same pipe twice (a FIFO open read-write in the case) hold.
 *   Since Linux 5.10 splice no longer falls back to read and write for files
 *   without splice methods: they give EINVAL.
 */
SYSCALL_DEFINE6(splice, int, fd_in, loff_t __user *, off_in,
		int, fd_out, loff_t __user *, off_out,
		size_t, len, unsigned int, flags)
{
}

/**
 * sys_tee - duplicate the bytes of one pipe into another without consuming them
 * @fdin: read end of the pipe whose bytes are duplicated
 * @fdout: write end of the pipe that receives them
 * @len: largest number of bytes to duplicate
 * @flags: SPLICE_F_MOVE, SPLICE_F_NONBLOCK, SPLICE_F_MORE, SPLICE_F_GIFT
 *
 * long-desc: Makes fdout's pipe refer to the first bytes of fdin's pipe, up to
 *   len, without copying them and without taking them out of fdin's pipe: a
 *   later read of fdin sees them again.  Both descriptors must be pipes, and
 *   not the same pipe.  The call waits for data in fdin's pipe while a writer
 *   is left, and for room in fdout's, unless SPLICE_F_NONBLOCK is given or
 *   either pipe is in O_NONBLOCK mode.  An empty fdin pipe without writers
 *   gives 0.  flags are checked first, then len 0 returns 0.  The raw syscall
 *   returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fdin
 *   kapi-semantic: fd:pipe
 *   type: fd, input
 *   constraint: An open descriptor with read access (EBADF otherwise) of a pipe
 *     or FIFO (EINVAL otherwise).
 *   desc: The source pipe.
 *
 * param: fdout
 *   kapi-semantic: fd:pipe-write
 *   type: fd, input
 *   constraint: An open descriptor with write access (EBADF otherwise) of a
 *     pipe or FIFO other than fdin's (EINVAL otherwise).
 *   desc: The destination pipe.
 *
 * param: len
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   kapi-test: no-boundary
 *   constraint: 0 returns 0 once flags passed.  The duplicate is shortened to
 *     the bytes fdin's pipe holds and to fdout's free slots (a last buffer is
 *     cut at len).
 *   desc: The most bytes to duplicate.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(SPLICE_F_ALL)
 *   constraint: Bits outside SPLICE_F_ALL give EINVAL, even with len 0; only
 *     SPLICE_F_NONBLOCK changes anything.
 *   desc: SPLICE_F_* flags.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, SIZE_MAX
 *   desc: The number of bytes duplicated (0 if fdin's pipe is empty and has no
 *     writer), or a negative errno.
 *
 * error: EAGAIN, a pipe would make the call wait and SPLICE_F_NONBLOCK or O_NONBLOCK is in effect
 *   kapi-cond: fdin=fd:pipe-empty-nonblock; fdin=fd:pipe-empty, flags=SPLICE_F_NONBLOCK; fdout=fd:pipe-full-nonblock
 *   desc: fdin's pipe is empty with a writer left, or fdout's pipe is full, and
 *     SPLICE_F_NONBLOCK is given or either pipe is in O_NONBLOCK mode.
 *
 * error: EBADF, a descriptor is not open, fdin is not readable, or fdout is not writable
 *   kapi-cond: fdin=fd:pipe-write; fdout=fd:pipe; fdin=fd:opath; fdout=fd:rdonly
 *   desc: O_PATH descriptors count as not open; the write end of a pipe cannot
 *     be fdin, nor the read end fdout.
 *
 * error: EFAULT, a page of fdin's pipe has no references left to take
 *   kapi-unprovokable: try_get_page() fails only when the page's reference count has overflowed to zero or below (it warns, WARN_ON_ONCE): that takes about 2^31 references to one page, far beyond the memory and descriptor limits of a case
 *   desc: link_pipe() returns EFAULT when it cannot take a reference to a
 *     buffer's page and nothing was duplicated yet; the kernel checks this to
 *     stop reference count overflows.
 *
 * error: EINTR, a signal with a handler arrived while the call waited on a pipe
 *   kapi-cond: fdin=fd:pipe-empty, sig.ALRM=interrupt; fdout=fd:pipe-full, sig.ALRM=interrupt
 *   desc: The call slept on an empty fdin pipe or a full fdout pipe and a
 *     caught signal without SA_RESTART ended it.
 *
 * error: EINVAL, unknown flags, a descriptor that is not a pipe, or the same pipe twice
 *   kapi-cond: fdin=fd:file; fdout=fd:empty; fdin=fd:fifo, fdout=fd:same@fdin
 *   desc: flags has a bit outside SPLICE_F_ALL; fdin or fdout is not a pipe or
 *     FIFO; or both refer to the same pipe (a FIFO open read-write is both
 *     ends of one pipe).
 *
 * error: EPIPE, fdout's pipe has no reader
 *   kapi-cond: fdout=fd:pipe-broken, sig.PIPE=ignore
 *   desc: SIGPIPE is sent to the caller as well, so the error is only seen if
 *     that signal is caught, blocked or ignored.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Each pipe's mutex is taken alone while waiting for data or room, then
 *     both together, in address order, while buffers are linked.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the call waits on a pipe
 *   desc: The call fails with EINTR (or is restarted with SA_RESTART).
 *   errno: EINTR
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: terminate
 *   condition: fdout's pipe has no reader
 *   desc: Sent to the calling thread before EPIPE is returned.
 *   target: calling thread
 *   timing: during
 *   errno: EPIPE
 *
 * side-effect: modify_state
 *   target: fdout's pipe
 *   condition: bytes were duplicated
 *   desc: fdout's pipe holds references to the duplicated buffers, queued for
 *     its reader; fdin's pipe keeps its bytes (nothing to claim: it does not
 *     change).
 *   reversible: no
 *   kapi-effect: fd:queued=fdout
 *
 * notes: The man page's EINVAL for two descriptors of the same pipe holds.
 *   Unlike splice(), tee() checks flags before len.  The bytes are shared, not
 *   copied: both pipes' buffers refer to the same pages.
 */
SYSCALL_DEFINE4(tee, int, fdin, int, fdout, size_t, len, unsigned int, flags)
{
}
