// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the read and write system calls (fs/read_write.c, Linux 6.1).

/**
 * sys_read - read bytes from a file descriptor into a user buffer
 * @fd: descriptor to read from; must be open for reading
 * @buf: user buffer that receives the data
 * @count: maximum number of bytes to read
 *
 * long-desc: Transfers up to count bytes from the object behind fd into buf.
 *   For files with a position (regular files, block devices, most character
 *   devices) the transfer starts at the current file offset, which then
 *   advances by the number of bytes read; stream files (pipes, FIFOs, sockets)
 *   have no offset.  Fewer bytes than requested is not an error.  A return of 0
 *   means end of file, or no writer left for a pipe.  If a signal arrives after
 *   some data has been copied, the byte count is returned instead of an error.
 *   The raw syscall returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor whose open file description has
 *     read access; O_WRONLY and O_PATH descriptors give EBADF.
 *   desc: The descriptor to read from.
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   constraint: [buf, buf + count) must lie in the user address space
 *     (checked with access_ok() before reading) and be writable; faults during
 *     the copy give EFAULT or a short count.  O_DIRECT files may require buf to
 *     be aligned to the device's logical block size.
 *   desc: Destination of the data; only the bytes reported are meaningful.
 *
 * param: count
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: Any value is accepted.  Counts larger than MAX_RW_COUNT
 *     (INT_MAX & PAGE_MASK) are silently clamped to MAX_RW_COUNT, not rejected.
 *     A count of 0 still goes through the descriptor, buffer and offset checks
 *     and then normally returns 0.
 *   desc: Size of buf in bytes and upper bound of the transfer.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes read (0 at end of file), or a negative errno.
 *   kapi-effect: mem:filled=buf,ret
 *
 * error: EAGAIN, fd is non-blocking and no data is available
 *   kapi-cond: fd=fd:pipe-empty-nonblock
 *   desc: O_NONBLOCK is set on a pipe, FIFO, socket, terminal or device with
 *     nothing to read; EWOULDBLOCK is the same value.
 *
 * error: EBADF, fd is not an open descriptor or is not open for reading
 *   kapi-cond: fd=fd:wronly; fd=fd:opath
 *   desc: Includes O_WRONLY descriptors and O_PATH descriptors.
 *
 * error: EFAULT, buf lies outside the caller's accessible address space
 *   desc: The range fails access_ok(), or copying to it faults before any
 *     byte was transferred.
 *   kapi-cond: buf=ptr:unmapped; buf=ptr:readonly
 *
 * error: EINTR, a signal with a handler arrived before any data was read
 *   kapi-cond: fd=fd:pipe-empty, sig.ALRM=interrupt
 *   desc: The read slept (empty pipe, socket, terminal) and was interrupted;
 *     without SA_RESTART the kernel's restart code becomes EINTR.
 *
 * error: EOVERFLOW, the position plus count passes the end of an unsigned-offset file
 *   kapi-cond: fd=fd:mem-top
 *   desc: Only for files with unsigned offsets (/proc/PID/mem, /dev/mem, DRM devices), whose
 *     position reads as negative: a transfer that would run past the top of the offset range
 *     fails.  Found by kapi lint in rw_verify_area().
 *
 * error: EINVAL, fd cannot be read, alignment is wrong for O_DIRECT, or bad size
 *   kapi-cond: fd=fd:epoll; fd=fd:eventfd, count=4
 *   desc: The file has no read method; O_DIRECT is set and buf, count or the
 *     file offset are not suitably aligned; the offset is negative for a file
 *     that does not allow it; or the object needs a minimum size (an eventfd
 *     or timerfd needs at least 8 bytes).
 *
 * error: EIO, low-level I/O error, a terminal whose other side is gone, or background read from the controlling tty
 *   kapi-cond: fd=fd:pty-slave-closed
 *   desc: A device or filesystem read failed; a network filesystem lost a
 *     lock; the descriptor is a pseudo-terminal master whose slave side was
 *     closed and nothing is left to read (n_tty_read() sees TTY_OTHER_CLOSED);
 *     or a process in a background process group read its controlling
 *     terminal while ignoring or blocking SIGTTIN, or from an orphaned
 *     process group.
 *
 * error: EISDIR, fd refers to a directory
 *   kapi-cond: fd=fd:dir
 *   desc: Directories must be read with getdents64().
 *
 * lock: file->f_pos_lock
 *   type: mutex
 *   scope: internal
 *   desc: Held across the whole read for regular files and directories
 *     (FMODE_ATOMIC_POS) whose open file description is shared by several
 *     descriptors or threads, so that concurrent reads see consistent offsets.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken by the pipe and FIFO read method while copying data out and
 *     dropped while sleeping for a writer.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the read sleeps on an empty pipe
 *     or similar, before any data was copied, and the handler lacks SA_RESTART
 *   desc: The read fails with EINTR; if data was already copied, the partial
 *     count is returned instead.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: After the handler runs the read is restarted transparently.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * signal: SIGTTIN
 *   direction: send
 *   action: stop
 *   condition: a member of a background process group reads its controlling
 *     terminal and neither ignores nor blocks SIGTTIN
 *   desc: The tty layer sends SIGTTIN to the process group; the read is
 *     restarted once the group is in the foreground.
 *   target: caller's process group
 *   timing: before
 *   restartable: yes
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: fd is not a stream and the read succeeds
 *   desc: The offset advances by the number of bytes returned.
 *   reversible: yes
 *   kapi-effect: fd:offset=fd
 *
 * side-effect: modify_state | irreversible
 *   target: pipe, FIFO, socket or terminal buffer
 *   condition: fd is a stream
 *   desc: The bytes read are consumed and no longer available to other readers.
 *   reversible: no
 *   kapi-effect: mem:filled=buf,ret; fd:drained=fd
 *   kapi-effect-case: fd=fd:pipe
 *
 * side-effect: modify_state
 *   target: inode access time, task I/O accounting
 *   condition: data was read
 *   desc: The access time may be updated according to the mount's atime
 *     policy and O_NOATIME; rchar and syscr in /proc/PID/io are increased.
 *   kapi-unobservable: access-time updates depend on the mount (relatime, noatime), and task
 *     I/O accounting is not compared
 *
 * state-trans: file offset
 *   object: open file description
 *   from: offset pos
 *   to: offset pos + bytes read
 *   condition: fd is not a stream
 *   desc: The offset is written back only when the read does not fail.
 *   kapi-effect: fd:offset=fd
 *
 * constraint: transfer size clamp
 *   desc: At most MAX_RW_COUNT bytes are transferred per call, whatever count is.
 *   expr: min(count, MAX_RW_COUNT)
 *
 * notes: The kernel reads into a copy of the offset and stores it back only on
 *   success, so a failed read leaves the offset unchanged.  Reads from regular
 *   files are not atomic with respect to concurrent writes unless f_pos_lock or
 *   filesystem locks order them.  Use pread() for reads at an explicit offset.
 */
SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
}

/**
 * sys_write - write bytes from a user buffer to a file descriptor
 * @fd: descriptor to write to; must be open for writing
 * @buf: user buffer holding the data
 * @count: number of bytes to write
 *
 * long-desc: Transfers up to count bytes from buf to the object behind fd.
 *   For files with a position the data goes to the current file offset, which
 *   then advances by the number of bytes written; with O_APPEND the offset is
 *   first moved to the end of file under the inode lock.  Writing past the end
 *   of a regular file extends it.  Fewer bytes than requested (a full disk,
 *   RLIMIT_FSIZE, a signal after partial progress) is not an error.  The raw
 *   syscall returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor whose open file description has
 *     write access; O_RDONLY and O_PATH descriptors give EBADF.
 *   desc: The descriptor to write to.
 *
 * param: buf
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: [buf, buf + count) must lie in the user address space
 *     (checked with access_ok()) and be readable; O_DIRECT files may require
 *     buf to be aligned to the device's logical block size.
 *   desc: Source of the data.
 *
 * param: count
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: Any value is accepted.  Counts larger than MAX_RW_COUNT
 *     (INT_MAX & PAGE_MASK) are silently clamped to MAX_RW_COUNT, not rejected.
 *     A count of 0 on a regular file returns 0 without writing.
 *   desc: Number of bytes to write.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes written, or a negative errno.
 *
 * error: EAGAIN, fd is non-blocking and the write would block
 *   kapi-cond: fd=fd:pipe-full-nonblock
 *   desc: O_NONBLOCK is set on a full pipe, FIFO, socket, terminal or device;
 *     EWOULDBLOCK is the same value.  O_NONBLOCK has no effect on regular files.
 *
 * error: EBADF, fd is not an open descriptor or is not open for writing
 *   kapi-cond: fd=fd:rdonly; fd=fd:opath
 *   desc: Includes O_RDONLY descriptors and O_PATH descriptors.
 *
 * error: EDESTADDRREQ, fd is a datagram socket without a peer address
 *   kapi-cond: fd=fd:udp
 *   desc: The socket was not connected, so write() has no destination.
 *
 * error: EDQUOT, the user's disk quota on the file's filesystem is exhausted
 *   kapi-cond: fd=fd:quota-full; fd=fd:fuse-write-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: The write needs blocks beyond the user's limit on that filesystem.
 *     The kernel's quota code enforces the limit on filesystems that use it;
 *     a filesystem that keeps quotas itself (FUSE, network filesystems)
 *     reports the error when it is asked to store the data: a FUSE write
 *     without writeback caching sends the request during the call, and
 *     write() returns the error when nothing was written.  A filesystem that
 *     caches writes may report it only later (fsync, close).
 *
 * error: EFAULT, buf lies outside the caller's accessible address space
 *   desc: The range fails access_ok(), or reading it faults before any byte
 *     was transferred.
 *   kapi-cond: buf=ptr:unmapped; buf=ptr:null
 *
 * error: EFBIG, the write starts at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: The offset is at or past RLIMIT_FSIZE (SIGXFSZ is also sent), past
 *     the filesystem's maximum file size, or past 2 GiB - 1 for a file opened
 *     without O_LARGEFILE.  A write that crosses a limit is shortened instead.
 *
 * error: EINTR, a signal with a handler arrived before any data was written
 *   kapi-cond: fd=fd:pipe-full, sig.ALRM=interrupt
 *   desc: The write slept (full pipe, socket) and was interrupted; without
 *     SA_RESTART the kernel's restart code becomes EINTR.
 *
 * error: EOVERFLOW, the position plus count passes the end of an unsigned-offset file
 *   kapi-unprovokable: the only such file the sandbox reaches is /proc/PID/mem, and it cannot be opened for writing there: the sandbox's /proc is mounted read-only and locked (EROFS), and a proc the case mounts itself must be read-only too (the kernel refuses a new proc mount that would be more permissive than the visible, locked one); /dev/mem and DRM devices are absent
 *   desc: Only for files with unsigned offsets (/proc/PID/mem, /dev/mem, DRM devices), whose
 *     position reads as negative: a transfer that would run past the top of the offset range
 *     fails.  Found by kapi lint in rw_verify_area().
 *
 * error: EINVAL, fd cannot be written, alignment is wrong for O_DIRECT, or bad size
 *   kapi-cond: fd=fd:epoll; fd=fd:eventfd, count=4
 *   desc: The file has no write method; O_DIRECT is set and buf, count or the
 *     offset are not suitably aligned; the offset is negative for a file that
 *     does not allow it; or the object needs a minimum size (an eventfd needs
 *     at least 8 bytes).
 *
 * error: EIO, a low-level I/O error occurred, or the terminal was hung up
 *   kapi-cond: fd=fd:pty-master-closed
 *   desc: The device or filesystem failed, a write-back error of an earlier
 *     write is reported, a network filesystem lost a lock, or the descriptor
 *     is a terminal that was hung up (a pseudo-terminal slave whose master
 *     was closed: its writes fail from then on).
 *
 * error: ENOSPC, the device holding the file has no room for the data
 *   kapi-cond: fd=fd:fs-full
 *   desc: Nothing could be written; a partial write returns a short count.
 *
 * error: EPERM, the write is forbidden by a file seal or security policy
 *   kapi-cond: fd=fd:sealed
 *   desc: A memfd has F_SEAL_WRITE, F_SEAL_FUTURE_WRITE or (to grow it)
 *     F_SEAL_GROW, or a fanotify listener denied the access.
 *
 * error: EPIPE, fd is a pipe, FIFO or socket whose reading end is closed
 *   kapi-cond: fd=fd:pipe-broken, sig.PIPE=ignore
 *   desc: SIGPIPE is sent to the caller as well, so the error is only seen if
 *     that signal is caught, blocked or ignored.
 *
 * lock: file->f_pos_lock
 *   type: mutex
 *   scope: internal
 *   desc: Held across the whole write for regular files (FMODE_ATOMIC_POS)
 *     whose open file description is shared by several descriptors or threads.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing by regular-file write methods (for example
 *     generic_file_write_iter()) around the size checks, the O_APPEND offset
 *     update and the copy, which makes each write atomic with respect to
 *     other writes to the same file.
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection taken for reading around writes to regular files;
 *     a write waits while the filesystem is frozen.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken by the pipe and FIFO write method while copying data in and
 *     dropped while sleeping for a reader.
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: terminate
 *   condition: the write targets a pipe, FIFO or stream socket with no reader
 *   desc: Sent to the calling thread before EPIPE is returned; the default
 *     action kills the process.
 *   target: calling thread
 *   timing: during
 *   errno: EPIPE
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: the file offset is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned; the default action dumps core.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the write sleeps on a full pipe
 *     or similar, before any data was copied, and the handler lacks SA_RESTART
 *   desc: The write fails with EINTR; if data was already copied, the partial
 *     count is returned instead.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: After the handler runs the write is restarted transparently.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: fd is not a stream and the write succeeds
 *   desc: The offset advances by the number of bytes written; with O_APPEND it
 *     ends at the new end of file.
 *   reversible: yes
 *   kapi-effect: fd:offset=fd
 *
 * side-effect: filesystem | modify_state
 *   target: file data, size and timestamps
 *   condition: fd refers to a regular file or block device
 *   desc: The data replaces or extends the file; modification and change
 *     times are updated, and the set-user-ID bit (and set-group-ID with group
 *     execute) of a regular file is cleared unless the caller has CAP_FSETID.
 *   reversible: no
 *   kapi-effect: file:written=fd
 *
 * side-effect: modify_state
 *   target: pipe, FIFO, socket or device
 *   condition: fd is a stream or device
 *   desc: The data is queued for the reader or handed to the driver.
 *   reversible: no
 *   kapi-effect: fd:queued=fd
 *   kapi-effect-case: fd=fd:pipe-write
 *
 * state-trans: file offset
 *   object: open file description
 *   from: offset pos (or end of file with O_APPEND)
 *   to: that offset plus the bytes written
 *   condition: fd is not a stream
 *   desc: The offset is written back only when the write does not fail.
 *   kapi-effect: fd:offset=fd
 *
 * capability: CAP_FSETID
 *   type: modify_behavior
 *   allows: writing a set-user-ID or set-group-ID file without clearing those
 *     bits
 *   without: the write clears the set-user-ID bit and, with group execute,
 *     the set-group-ID bit
 *   condition: the regular file has S_ISUID, or S_ISGID with S_IXGRP
 *   priority: 0
 *
 * constraint: transfer size clamp
 *   desc: At most MAX_RW_COUNT bytes are transferred per call, whatever count is.
 *   expr: min(count, MAX_RW_COUNT)
 *
 * constraint: file size limit
 *   desc: A regular-file write must start below RLIMIT_FSIZE and below the
 *     filesystem's maximum size; a write crossing either is shortened.
 *   expr: pos < rlimit(RLIMIT_FSIZE)
 *
 * notes: Writes of up to PIPE_BUF bytes to a pipe are atomic; larger ones may
 *   interleave with other writers.  Success only means the data reached the
 *   page cache or the object's queue; use fsync() or O_SYNC/O_DSYNC for
 *   durability, and expect delayed errors to show up in a later write, fsync()
 *   or close().  Use pwrite() for writes at an explicit offset.
 */
SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
		size_t, count)
{
}
