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

/**
 * sys_lseek - move the file offset of an open file description
 * @fd: descriptor whose offset is moved
 * @offset: new position, or a distance from the place whence names
 * @whence: what offset is measured from
 *
 * long-desc: Sets the file offset of the open file description behind fd,
 *   which every descriptor duplicated from it (dup(), fork()) shares, and
 *   returns the new offset counted in bytes from the start of the file.
 *   SEEK_SET takes offset as the new position, SEEK_CUR adds it to the current
 *   one and SEEK_END to the file size.  SEEK_DATA and SEEK_HOLE find the first
 *   byte at or after offset that belongs to data, or to a hole (the end of file
 *   counts as a hole); a filesystem that does not track holes treats the whole
 *   file as data.  A position past the end of file is allowed: a later write
 *   there leaves a hole.  The file's own llseek method does the work, so its
 *   limits (the filesystem's maximum file size, a directory's cookie space)
 *   decide which positions are accepted.  Nothing is read or written.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor other than an O_PATH one; pipes,
 *     FIFOs and sockets have no offset and fail with ESPIPE.
 *   desc: The descriptor whose offset changes.
 *
 * param: offset
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: A signed 64-bit value.  The resulting position must not be
 *     negative (except on files with unsigned offsets such as /proc/PID/mem)
 *     and not beyond the filesystem's maximum file size; for SEEK_DATA and
 *     SEEK_HOLE it must be below the file size.
 *   desc: The position (SEEK_SET) or the distance to add (SEEK_CUR, SEEK_END),
 *     or where the search starts (SEEK_DATA, SEEK_HOLE).
 *
 * param: whence
 *   type: uint, input
 *   constraint-type: enum(SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE)
 *   constraint: Any value above SEEK_MAX (SEEK_HOLE) gives EINVAL before the
 *     file is consulted; a file may refuse SEEK_DATA and SEEK_HOLE, or accept
 *     only some of the five.
 *   desc: SEEK_SET (0), SEEK_CUR (1), SEEK_END (2), SEEK_DATA (3) or
 *     SEEK_HOLE (4).
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_LFS_FILESIZE
 *   desc: The new offset in bytes from the start of the file, or a negative
 *     errno.  A file with unsigned offsets (/proc/PID/mem) may report a
 *     position that reads as negative, and one from -4095 to -1 cannot be
 *     told from an error.
 *
 * error: EBADF, fd is not an open descriptor, or an O_PATH one
 *   kapi-cond: fd=fd:opath
 *   desc: fdget_pos() finds no file for the number; O_PATH descriptors are
 *     refused as well.
 *
 * error: EINVAL, whence is not one of the five values, or the position is not allowed
 *   kapi-cond: offset=-1; offset=-8192, whence=SEEK_END
 *   desc: whence is above SEEK_MAX, or the file's llseek method refuses the
 *     result: it would be negative on a file whose offsets are signed, or
 *     beyond the filesystem's maximum file size (vfs_setpos()), or the method
 *     does not support whence.
 *
 * error: ENXIO, SEEK_DATA or SEEK_HOLE starts at or past the end of file
 *   kapi-cond: offset=4096, whence=SEEK_DATA; offset=8192, whence=SEEK_HOLE
 *   desc: There is no data and no hole at or after offset (the fixture file
 *     holds 4096 bytes), or offset is negative for one of these two searches.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO or socket
 *   kapi-cond: fd=fd:pipe; fd=fd:fifo; fd=fd:udp
 *   desc: Pipes and FIFOs are opened as streams (stream_open() clears
 *     FMODE_LSEEK), so vfs_llseek() refuses them; sockets have no_llseek()
 *     as their method, which gives the same error.
 *
 * lock: file->f_pos_lock
 *   type: mutex
 *   scope: internal
 *   desc: Taken by fdget_pos() for regular files and directories whose open
 *     file description is shared (FMODE_ATOMIC_POS), so that the read of the
 *     old offset and the store of the new one are not interleaved with a
 *     concurrent read, write or lseek.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken by filesystems whose SEEK_DATA or SEEK_HOLE search must see
 *     a stable file: shared by ext4 around its extent search, exclusive by
 *     tmpfs around its page-cache search.
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the call succeeds
 *   desc: The offset of the open file description becomes the returned value,
 *     for every descriptor that shares it.
 *   reversible: yes
 *   kapi-effect: fd:offset-set=fd
 *   kapi-effect-case: whence=SEEK_CUR; whence=SEEK_END; whence=SEEK_DATA; whence=SEEK_HOLE
 *
 * state-trans: file offset
 *   object: open file description
 *   from: offset pos
 *   to: the position whence and offset name
 *   condition: the call succeeds
 *   desc: On failure the offset is left as it was.
 *   kapi-effect: fd:offset-set=fd
 *
 * constraint: resulting position
 *   desc: For signed-offset files the new position lies between 0 and the
 *     filesystem's maximum file size.
 *   expr: pos >= 0 && pos <= sb->s_maxbytes
 *
 * kapi-not-returned: EOVERFLOW ksys_lseek() returns it only when the loff_t result does not fit
 *   off_t, and on x86-64 both are 64 bits
 *
 * notes: On x86-64 off_t and loff_t are both 64 bits, so the EOVERFLOW check of
 *   ksys_lseek() (a 64-bit result that does not fit a 32-bit off_t) never
 *   fires; 32-bit programs use _llseek() or the compat entry, where it does.
 *   The man page lists EOVERFLOW for the native call; the kernel cannot return
 *   it there.  Seeking a directory is allowed and positions getdents64() at a
 *   filesystem-specific cookie.  Seeking past the end of a file does not change
 *   its size.
 */
SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
}

/**
 * sys_pread64 - read bytes at a given position without moving the file offset
 * @fd: descriptor to read from; must be open for reading and seekable
 * @buf: user buffer that receives the data
 * @count: maximum number of bytes to read
 * @pos: file position the read starts at
 *
 * long-desc: Like read(), but the transfer starts at pos instead of the
 *   file offset, and the offset of the open file description is neither used
 *   nor changed, so threads sharing a descriptor can read at their own
 *   positions without seeking.  The file must allow positioned reads
 *   (FMODE_PREAD, which open() gives every file it opens and which streams,
 *   pipes, sockets, terminals and most anonymous-inode files lack).  A pos at
 *   or past the end of file reads 0 bytes.  Exported to C libraries as
 *   pread(); the raw syscall returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with read access on a file that
 *     supports positioned reads; O_WRONLY and O_PATH descriptors give EBADF,
 *     pipes, FIFOs and sockets ESPIPE.
 *   desc: The descriptor to read from.
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   constraint: [buf, buf + count) must lie in the user address space and be
 *     writable, as for read().
 *   desc: Destination of the data; only the bytes reported are meaningful.
 *
 * param: count
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: Any value; counts above MAX_RW_COUNT are clamped to it.  pos +
 *     count must not pass the top of the signed offset range.
 *   desc: Size of buf and upper bound of the transfer.
 *
 * param: pos
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: Must not be negative (EINVAL, checked before the descriptor),
 *     and pos + count must not overflow a loff_t on files with signed offsets.
 *   desc: Byte position in the file where the read starts.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes read (0 at or past end of file), or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor or is not open for reading
 *   kapi-cond: fd=fd:wronly; fd=fd:opath
 *   desc: Includes O_WRONLY descriptors and O_PATH descriptors.
 *
 * error: EFAULT, buf lies outside the caller's accessible address space
 *   kapi-cond: buf=ptr:unmapped; buf=ptr:readonly
 *   desc: The range fails access_ok(), or copying to it faults before any
 *     byte was transferred.
 *
 * error: EINVAL, pos is negative, pos + count overflows, or the file refuses the read
 *   kapi-cond: pos=-1; pos=LLONG_MAX
 *   desc: ksys_pread64() refuses a negative pos at once; rw_verify_area()
 *     refuses a range whose end passes the top of the offset range; the file
 *     has no read method; or O_DIRECT is set and buf, count or pos are not
 *     suitably aligned.
 *
 * error: EIO, low-level I/O error, or a /proc/PID/mem read of memory that is not mapped
 *   kapi-cond: fd=fd:mem-top
 *   desc: A device or filesystem read failed, or the descriptor is
 *     /proc/PID/mem and nothing at pos is mapped in that process (mem_rw()
 *     copies nothing and reports EIO; the fixture reads at address 16).
 *
 * error: EISDIR, fd refers to a directory
 *   kapi-cond: fd=fd:dir
 *   desc: Directories are read with getdents64().
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned reads
 *   kapi-cond: fd=fd:pipe; fd=fd:fifo; fd=fd:udp; fd=fd:epoll; fd=fd:eventfd
 *   desc: The open file description lacks FMODE_PREAD: stream_open() clears
 *     it for pipes and FIFOs, nonseekable_open() for terminals, and the files
 *     the kernel makes for sockets, epoll and eventfd instances
 *     (alloc_file_pseudo()) never have it.
 *
 * side-effect: modify_state
 *   target: user buffer
 *   condition: the read succeeds
 *   desc: The first bytes of buf, as many as returned, hold the file's data
 *     from pos on.
 *   reversible: no
 *   kapi-effect: mem:filled=buf,ret
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the read succeeds
 *   desc: The file offset is not changed: vfs_read() works on a copy of pos.
 *   reversible: yes
 *   kapi-effect: fd:offset-kept=fd
 *
 * side-effect: modify_state
 *   target: inode access time, task I/O accounting
 *   condition: data was read
 *   desc: As for read(): the access time may be updated, and rchar and syscr
 *     in /proc/PID/io grow.
 *   kapi-unobservable: access-time updates depend on the mount (relatime, noatime), and task
 *     I/O accounting is not compared
 *
 * kapi-not-returned: EOVERFLOW rw_verify_area() returns it only for a negative pos on a file with
 *   unsigned offsets, and ksys_pread64() refuses every negative pos with EINVAL first
 *
 * notes: Unlike read(), pread64() takes no f_pos_lock: it does not touch the
 *   offset.  The signal and blocking errors of read() (EAGAIN, EINTR) come from
 *   pipes, sockets and terminals, which pread64() refuses with ESPIPE.  The
 *   man page's EOVERFLOW for pread cannot happen on x86-64: a negative pos is
 *   EINVAL.
 */
SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf,
		size_t, count, loff_t, pos)
{
}

/**
 * sys_pwrite64 - write bytes at a given position without moving the file offset
 * @fd: descriptor to write to; must be open for writing and seekable
 * @buf: user buffer holding the data
 * @count: number of bytes to write
 * @pos: file position the write starts at
 *
 * long-desc: Like write(), but the data goes to pos instead of the file
 *   offset, and the offset of the open file description is neither used nor
 *   changed.  The file must allow positioned writes (FMODE_PWRITE, which
 *   open() and memfd_create() give and which pipes, sockets and terminals
 *   lack).  Writing past the end of a regular file extends it, leaving a hole
 *   between the old end and pos.  Exported to C libraries as pwrite(); the raw
 *   syscall returns the byte count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with write access on a file that
 *     supports positioned writes; O_RDONLY and O_PATH descriptors give EBADF,
 *     pipes, FIFOs and sockets ESPIPE.
 *   desc: The descriptor to write to.
 *
 * param: buf
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: [buf, buf + count) must lie in the user address space and be
 *     readable, as for write().
 *   desc: Source of the data.
 *
 * param: count
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   constraint: Any value; counts above MAX_RW_COUNT are clamped to it.  pos +
 *     count must not pass the top of the signed offset range.
 *   desc: Number of bytes to write.
 *
 * param: pos
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: Must not be negative (EINVAL, checked before the descriptor),
 *     and pos + count must not overflow a loff_t on files with signed offsets.
 *   desc: Byte position in the file where the write starts.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes written, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor or is not open for writing
 *   kapi-cond: fd=fd:rdonly; fd=fd:opath
 *   desc: Includes O_RDONLY descriptors and O_PATH descriptors.
 *
 * error: EDQUOT, the user's disk quota on the file's filesystem is exhausted
 *   kapi-cond: fd=fd:quota-full, pos=1048576; fd=fd:fuse-write-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: The data needs blocks beyond the user's limit (the quota case
 *     writes at 1 MiB, past the blocks already charged), or a FUSE server
 *     that keeps quotas itself answers the WRITE with EDQUOT.
 *
 * error: EFAULT, buf lies outside the caller's accessible address space
 *   kapi-cond: buf=ptr:unmapped; buf=ptr:null
 *   desc: The range fails access_ok(), or reading it faults before any byte
 *     was transferred.
 *
 * error: EFBIG, pos is at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: pos is at or past RLIMIT_FSIZE (SIGXFSZ is sent too), past the
 *     filesystem's maximum file size, or past 2 GiB - 1 without O_LARGEFILE.
 *     A write crossing a limit is shortened instead.
 *
 * error: EINVAL, pos is negative, pos + count overflows, or the file refuses the write
 *   kapi-cond: pos=-1; pos=LLONG_MAX
 *   desc: ksys_pwrite64() refuses a negative pos at once; rw_verify_area()
 *     refuses a range whose end passes the top of the offset range; the file
 *     has no write method; or O_DIRECT is set and buf, count or pos are not
 *     suitably aligned.
 *
 * error: EIO, a low-level I/O error occurred
 *   kapi-cond: fd=fd:fuse-write-fails
 *   desc: The device or filesystem failed (the fixture's FUSE server answers
 *     the WRITE with EIO), or a write-back error of an earlier write is
 *     reported.
 *
 * error: ENOSPC, the device holding the file has no room for the data
 *   kapi-cond: fd=fd:fs-full, pos=1048576
 *   desc: Nothing could be written (the fixture's one-page tmpfs is full, and
 *     the write at 1 MiB needs a new page); a partial write returns a short
 *     count.
 *
 * error: EPERM, the write is forbidden by a file seal or security policy
 *   kapi-cond: fd=fd:sealed
 *   desc: A memfd has F_SEAL_WRITE, F_SEAL_FUTURE_WRITE or (to grow it)
 *     F_SEAL_GROW, or a fanotify listener denied the access.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned writes
 *   kapi-cond: fd=fd:pipe-write; fd=fd:fifo; fd=fd:udp; fd=fd:eventfd
 *   desc: The open file description lacks FMODE_PWRITE: stream_open() clears
 *     it for pipes and FIFOs, nonseekable_open() for terminals, and the files
 *     the kernel makes for sockets and eventfd instances never have it.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing by regular-file write methods around the size
 *     checks and the copy, as for write().
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection taken for reading around the write.
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: pos is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned; the default action dumps core.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * side-effect: filesystem | modify_state
 *   target: file data, size and timestamps
 *   condition: the write succeeds
 *   desc: The bytes at pos are replaced or the file grows; modification and
 *     change times are updated and set-user-ID and set-group-ID bits may be
 *     cleared, as for write().
 *   reversible: no
 *   kapi-effect: file:written=fd
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the write succeeds
 *   desc: The file offset is not changed: vfs_write() works on a copy of pos.
 *   reversible: yes
 *   kapi-effect: fd:offset-kept=fd
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
 * kapi-not-returned: EOVERFLOW rw_verify_area() returns it only for a negative pos on a file with
 *   unsigned offsets, and ksys_pwrite64() refuses every negative pos with EINVAL first
 *
 * notes: With O_APPEND the kernel ignores pos and appends at the end of file
 *   (generic_write_checks() sets the position to i_size for IOCB_APPEND); the
 *   man page calls this a bug, the kernel keeps it.  The errors of write()
 *   that come from streams (EAGAIN, EDESTADDRREQ, EINTR, EPIPE) cannot happen:
 *   those files fail with ESPIPE first.
 */
SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count, loff_t, pos)
{
}

/**
 * sys_readv - read from a file descriptor into several user buffers
 * @fd: descriptor to read from; must be open for reading
 * @vec: array of vlen struct iovec, each naming one buffer
 * @vlen: number of entries in vec
 *
 * long-desc: Reads like read(), but scatters the data over the buffers vec
 *   describes, filling each completely before moving to the next, as one
 *   transfer: for a file with a position it starts at the current offset,
 *   which then advances by the total read.  The kernel first copies the whole
 *   array in (import_iovec()), refusing more than UIO_MAXIOV entries and any
 *   length above SSIZE_MAX, and checks every buffer with access_ok(); the total
 *   is silently capped at MAX_RW_COUNT.  This happens after the descriptor is
 *   looked up but before its access mode is checked; from there the checks and
 *   the read are those of read().  The raw syscall returns the byte count or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor whose open file description has
 *     read access; O_WRONLY and O_PATH descriptors give EBADF.
 *   desc: The descriptor to read from.
 *
 * param: vec
 *   kapi-semantic: ptr:iovec
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: vlen readable struct iovec entries; each iov_len must be at
 *     most SSIZE_MAX and each [iov_base, iov_base + iov_len) must pass
 *     access_ok() and be writable.  Entries of length 0 are allowed.
 *   desc: The buffers, in the order they are filled.
 *
 * param: vlen
 *   kapi-valid: 2
 *   type: uint, input
 *   constraint-type: range(0, UIO_MAXIOV)
 *   constraint: At most UIO_MAXIOV (1024); 0 reads nothing and returns 0
 *     once the descriptor is checked.
 *   desc: The number of entries of vec.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes read, over all buffers (0 at end of file), or a
 *     negative errno.
 *
 * error: EAGAIN, fd is non-blocking and no data is available
 *   kapi-cond: fd=fd:pipe-empty-nonblock
 *   desc: As for read(); EWOULDBLOCK is the same value.
 *
 * error: EBADF, fd is not an open descriptor or is not open for reading
 *   kapi-cond: fd=fd:wronly; fd=fd:opath
 *   desc: Includes O_WRONLY descriptors and O_PATH descriptors.
 *
 * error: EFAULT, vec or one of its buffers lies outside the accessible address space
 *   kapi-cond: vec=ptr:iovec-unmapped
 *   desc: The array cannot be copied in, a buffer fails access_ok(), or
 *     copying to the first buffer faults before any byte was transferred (a
 *     fault after some data gives a short count instead).
 *
 * error: EINTR, a signal with a handler arrived before any data was read
 *   kapi-cond: fd=fd:pipe-empty, sig.ALRM=interrupt
 *   desc: As for read().
 *
 * error: EINVAL, too many entries, a length above SSIZE_MAX, or fd cannot be read
 *   kapi-cond: vlen=1025; vec=ptr:iovec-badlen; fd=fd:epoll
 *   desc: vlen is above UIO_MAXIOV, an iov_len is negative as an ssize_t
 *     (copy_iovec_from_user()), the file has no read method (an epoll
 *     instance), O_DIRECT alignment is wrong, or the object needs a minimum
 *     size.  A total above SSIZE_MAX is not an error on Linux: the total is
 *     capped at MAX_RW_COUNT (the man page says EINVAL).
 *
 * error: EIO, low-level I/O error, or a terminal whose other side is gone
 *   kapi-cond: fd=fd:pty-slave-closed
 *   desc: As for read(): a device or filesystem read failed, or the
 *     descriptor is a pseudo-terminal master whose slave side was closed.
 *
 * error: EISDIR, fd refers to a directory
 *   kapi-cond: fd=fd:dir
 *   desc: The directory's read method (generic_read_dir()) refuses.
 *
 * error: ENOMEM, no memory for a copy of a long iovec array
 *   kapi-unprovokable: the copy of more than UIO_FASTIOV (8) entries is one kmalloc of at most 16 KiB (UIO_MAXIOV entries) without __GFP_ACCOUNT, so a full memory cgroup does not fail it, and the page allocator retries such small allocations instead of failing them
 *   desc: iovec_from_user() could not allocate the kernel's copy of an array
 *     with more than UIO_FASTIOV entries.
 *
 * error: EOVERFLOW, the position plus the total passes the end of an unsigned-offset file
 *   kapi-cond: fd=fd:mem-top
 *   desc: As for read(): rw_verify_area() refuses a transfer from a position
 *     that reads as negative (/proc/PID/mem at 2^64 - 1) that would wrap.
 *
 * lock: file->f_pos_lock
 *   type: mutex
 *   scope: internal
 *   desc: Held by fdget_pos() across the read for files with
 *     FMODE_ATOMIC_POS whose open file description is shared.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken by the pipe and FIFO read method while copying.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the read sleeps, before any data
 *     was copied, and the handler lacks SA_RESTART
 *   desc: The call fails with EINTR; with data copied the count is returned.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * side-effect: modify_state
 *   target: user buffers
 *   condition: the read succeeds
 *   desc: The first bytes of the buffers, as many as returned, in array
 *     order, hold the data read.
 *   reversible: no
 *   kapi-effect: mem:filled=vec,ret
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
 *   desc: The bytes read are consumed.
 *   reversible: no
 *   kapi-effect: mem:filled=vec,ret; fd:drained=fd
 *   kapi-effect-case: fd=fd:pipe
 *
 * side-effect: modify_state
 *   target: inode access time, task I/O accounting
 *   condition: data was read
 *   desc: As for read().
 *   kapi-unobservable: access-time updates depend on the mount (relatime, noatime), and task
 *     I/O accounting is not compared
 *
 * constraint: transfer size clamp
 *   desc: The lengths are summed and capped at MAX_RW_COUNT; entries past the
 *     cap take no data.
 *   expr: min(sum(iov_len), MAX_RW_COUNT)
 *
 * kapi-not-returned: EOPNOTSUPP do_loop_readv_writev() refuses RWF_* flags other than RWF_HIPRI,
 *   and readv() passes none
 *
 * notes: The read is one call to the file's read_iter method, so for regular
 *   files it is atomic with respect to other readers and writers as far as a
 *   single read() is.  Files with only a read method get one call per buffer
 *   (do_loop_readv_writev()).
 */
SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
}

/**
 * sys_writev - write the contents of several user buffers to a file descriptor
 * @fd: descriptor to write to; must be open for writing
 * @vec: array of vlen struct iovec, each naming one buffer
 * @vlen: number of entries in vec
 *
 * long-desc: Writes like write(), but gathers the data from the buffers vec
 *   describes, in array order, as one transfer: for a file with a position it
 *   goes to the current offset (the end of file with O_APPEND), which then
 *   advances by the total written.  The kernel first copies the whole array in
 *   (import_iovec()), refusing more than UIO_MAXIOV entries and any length above
 *   SSIZE_MAX, and checks every buffer with access_ok(); the total is silently
 *   capped at MAX_RW_COUNT.  This happens after the descriptor is looked up but
 *   before its access mode is checked; from there the checks and the write are
 *   those of write().  The raw syscall returns the byte count or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor whose open file description has
 *     write access; O_RDONLY and O_PATH descriptors give EBADF.
 *   desc: The descriptor to write to.
 *
 * param: vec
 *   kapi-semantic: ptr:iovec
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: vlen readable struct iovec entries; each iov_len must be at
 *     most SSIZE_MAX and each [iov_base, iov_base + iov_len) must pass
 *     access_ok() and be readable.  Entries of length 0 are allowed.
 *   desc: The buffers, in the order they are written.
 *
 * param: vlen
 *   kapi-valid: 2
 *   type: uint, input
 *   constraint-type: range(0, UIO_MAXIOV)
 *   constraint: At most UIO_MAXIOV (1024); 0 writes nothing and returns 0
 *     once the descriptor is checked.
 *   desc: The number of entries of vec.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes written, over all buffers, or a negative errno.
 *
 * error: EAGAIN, fd is non-blocking and the write would block
 *   kapi-cond: fd=fd:pipe-full-nonblock
 *   desc: As for write(); EWOULDBLOCK is the same value.
 *
 * error: EBADF, fd is not an open descriptor or is not open for writing
 *   kapi-cond: fd=fd:rdonly; fd=fd:opath
 *   desc: Includes O_RDONLY descriptors and O_PATH descriptors.
 *
 * error: EDESTADDRREQ, fd is a datagram socket without a peer address
 *   kapi-cond: fd=fd:udp
 *   desc: The socket was not connected, so the data has no destination.
 *
 * error: EDQUOT, the user's disk quota on the file's filesystem is exhausted
 *   kapi-cond: fd=fd:quota-full; fd=fd:fuse-write-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: As for write(): the kernel's quota code refuses the blocks, or a
 *     FUSE server that keeps quotas itself answers the WRITE with EDQUOT.
 *
 * error: EFAULT, vec or one of its buffers lies outside the accessible address space
 *   kapi-cond: vec=ptr:iovec-unmapped
 *   desc: The array cannot be copied in, a buffer fails access_ok(), or
 *     reading the first buffer faults before any byte was transferred (a
 *     fault after some data gives a short count instead).
 *
 * error: EFBIG, the write starts at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: As for write(): the offset is at or past RLIMIT_FSIZE (SIGXFSZ is
 *     sent too) or the filesystem's maximum file size.
 *
 * error: EINTR, a signal with a handler arrived before any data was written
 *   kapi-cond: fd=fd:pipe-full, sig.ALRM=interrupt
 *   desc: As for write().
 *
 * error: EINVAL, too many entries, a length above SSIZE_MAX, or fd cannot be written
 *   kapi-cond: vlen=1025; vec=ptr:iovec-badlen; fd=fd:epoll
 *   desc: vlen is above UIO_MAXIOV, an iov_len is negative as an ssize_t
 *     (copy_iovec_from_user()), the file has no write method (an epoll
 *     instance), or O_DIRECT alignment is wrong.  A total above SSIZE_MAX is
 *     not an error on Linux: the total is capped at MAX_RW_COUNT (the man page
 *     says EINVAL).
 *
 * error: EIO, a low-level I/O error occurred, or the terminal was hung up
 *   kapi-cond: fd=fd:pty-master-closed
 *   desc: As for write(): the device or filesystem failed, or the descriptor
 *     is a pseudo-terminal slave whose master was closed.
 *
 * error: ENOMEM, no memory for a copy of a long iovec array
 *   kapi-unprovokable: the copy of more than UIO_FASTIOV (8) entries is one kmalloc of at most 16 KiB (UIO_MAXIOV entries) without __GFP_ACCOUNT, so a full memory cgroup does not fail it, and the page allocator retries such small allocations instead of failing them
 *   desc: iovec_from_user() could not allocate the kernel's copy of an array
 *     with more than UIO_FASTIOV entries.
 *
 * error: ENOSPC, the device holding the file has no room for the data
 *   kapi-cond: fd=fd:fs-full
 *   desc: Nothing could be written; a partial write returns a short count.
 *
 * error: EOVERFLOW, the position plus the total passes the end of an unsigned-offset file
 *   kapi-unprovokable: the only such file the sandbox reaches is /proc/PID/mem, and it cannot be opened for writing there: the sandbox's /proc is read-only and locked (EROFS), as for write()
 *   desc: As for write(): rw_verify_area() refuses a transfer from a position
 *     that reads as negative that would wrap.
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
 *   desc: Held by fdget_pos() across the write for files with
 *     FMODE_ATOMIC_POS whose open file description is shared.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing by regular-file write methods around the whole
 *     gathered write, so the buffers land contiguously.
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection taken by vfs_writev() (file_start_write()) around
 *     the write.
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: terminate
 *   condition: the write targets a pipe, FIFO or stream socket with no reader
 *   desc: Sent to the calling thread before EPIPE is returned.
 *   target: calling thread
 *   timing: during
 *   errno: EPIPE
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: the file offset is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: fd is not a stream and the write succeeds
 *   desc: The offset advances by the number of bytes written.
 *   reversible: yes
 *   kapi-effect: fd:offset=fd
 *
 * side-effect: filesystem | modify_state
 *   target: file data, size and timestamps
 *   condition: fd refers to a regular file or block device
 *   desc: The gathered data replaces or extends the file; times and
 *     set-user-ID bits change as for write().
 *   reversible: no
 *   kapi-effect: file:written=fd
 *
 * side-effect: modify_state
 *   target: pipe, FIFO, socket or device
 *   condition: fd is a stream or device
 *   desc: The data is queued for the reader.
 *   reversible: no
 *   kapi-effect: fd:queued=fd
 *   kapi-effect-case: fd=fd:pipe-write
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
 *   desc: The lengths are summed and capped at MAX_RW_COUNT.
 *   expr: min(sum(iov_len), MAX_RW_COUNT)
 *
 * kapi-not-returned: EOPNOTSUPP do_loop_readv_writev() refuses RWF_* flags other than RWF_HIPRI,
 *   and writev() passes none
 *
 * notes: A pipe write of at most PIPE_BUF bytes in total is atomic, however
 *   many buffers it is gathered from.  Files with only a write method get one
 *   call per buffer (do_loop_readv_writev()), so there the buffers are not
 *   written atomically.
 */
SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
}

/**
 * sys_preadv - read at a given position into several user buffers
 * @fd: descriptor to read from; must be open for reading and seekable
 * @vec: array of vlen struct iovec, each naming one buffer
 * @vlen: number of entries in vec
 * @pos_l: file position the read starts at (low word)
 * @pos_h: high word of the position, for 32-bit callers
 *
 * long-desc: Combines readv() and pread64(): the data is scattered over the
 *   buffers vec describes, read from position pos, and the file offset is
 *   neither used nor changed.  The position arrives split in two words so that
 *   32-bit callers can pass 64 bits (pos_from_hilo()); on x86-64 the low word
 *   is the whole position and pos_h is ignored.  The array is copied in and
 *   checked as for readv(), before the descriptor's read checks.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with read access on a file that
 *     supports positioned reads; O_WRONLY and O_PATH descriptors give EBADF,
 *     pipes, FIFOs, sockets and epoll instances ESPIPE.
 *   desc: The descriptor to read from.
 *
 * param: vec
 *   kapi-semantic: ptr:iovec
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: vlen readable struct iovec entries, each iov_len at most
 *     SSIZE_MAX and each buffer passing access_ok() and writable.
 *   desc: The buffers, in the order they are filled.
 *
 * param: vlen
 *   kapi-valid: 2
 *   type: uint, input
 *   constraint-type: range(0, UIO_MAXIOV)
 *   constraint: At most UIO_MAXIOV (1024); 0 reads nothing.
 *   desc: The number of entries of vec.
 *
 * param: pos_l
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: Taken as a signed 64-bit position on x86-64: it must not be
 *     negative (EINVAL, before the descriptor is looked at), and the position
 *     plus the total length must not overflow a loff_t.
 *   desc: The position (the low word where longs have 32 bits).
 *
 * param: pos_h
 *   kapi-valid: 0
 *   type: uint, input
 *   kapi-test: no-invalid, no-boundary
 *   constraint: Ignored on 64-bit kernels (it is shifted out of the result).
 *   desc: The high 32 bits of the position for 32-bit callers.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes read, over all buffers (0 at or past end of file),
 *     or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor or is not open for reading
 *   kapi-cond: fd=fd:wronly; fd=fd:opath
 *   desc: Includes O_WRONLY descriptors and O_PATH descriptors.
 *
 * error: EFAULT, vec or one of its buffers lies outside the accessible address space
 *   kapi-cond: vec=ptr:iovec-unmapped
 *   desc: As for readv(): the array cannot be copied in, a buffer fails
 *     access_ok(), or the copy to the first buffer faults.
 *
 * error: EINVAL, a negative position, too many entries, a length above SSIZE_MAX, or an overflowing range
 *   kapi-cond: pos_l=-1; vlen=1025; vec=ptr:iovec-badlen; pos_l=LLONG_MAX
 *   desc: do_preadv() refuses a negative position; import_iovec() refuses
 *     more than UIO_MAXIOV entries or a negative length; rw_verify_area()
 *     refuses a position plus total past the top of the offset range; or the
 *     O_DIRECT alignment is wrong.  A total above SSIZE_MAX is capped, not
 *     refused.
 *
 * error: EIO, low-level I/O error, or a /proc/PID/mem read of memory that is not mapped
 *   kapi-cond: fd=fd:mem-top
 *   desc: As for pread64(): the device or filesystem failed, or nothing is
 *     mapped at the position of a /proc/PID/mem read (address 16 here).
 *
 * error: EISDIR, fd refers to a directory
 *   kapi-cond: fd=fd:dir
 *   desc: The directory's read method refuses.
 *
 * error: ENOMEM, no memory for a copy of a long iovec array
 *   kapi-unprovokable: the copy of more than UIO_FASTIOV (8) entries is one kmalloc of at most 16 KiB (UIO_MAXIOV entries) without __GFP_ACCOUNT, so a full memory cgroup does not fail it, and the page allocator retries such small allocations instead of failing them
 *   desc: iovec_from_user() could not allocate the kernel's copy of an array
 *     with more than UIO_FASTIOV entries.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned reads
 *   kapi-cond: fd=fd:pipe; fd=fd:fifo; fd=fd:udp; fd=fd:epoll
 *   desc: The open file description lacks FMODE_PREAD, as for pread64().
 *
 * side-effect: modify_state
 *   target: user buffers
 *   condition: the read succeeds
 *   desc: The first bytes of the buffers, as many as returned, in array
 *     order, hold the file's data from the position on.
 *   reversible: no
 *   kapi-effect: mem:filled=vec,ret
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the read succeeds
 *   desc: The file offset is not changed.
 *   reversible: yes
 *   kapi-effect: fd:offset-kept=fd
 *
 * side-effect: modify_state
 *   target: inode access time, task I/O accounting
 *   condition: data was read
 *   desc: As for read().
 *   kapi-unobservable: access-time updates depend on the mount (relatime, noatime), and task
 *     I/O accounting is not compared
 *
 * kapi-not-returned: EOPNOTSUPP do_loop_readv_writev() and kiocb_set_rw_flags() refuse only RWF_*
 *   flags, and preadv() passes none; EOVERFLOW rw_verify_area() returns it only for a negative
 *   position on a file with unsigned offsets, and do_preadv() refuses every negative position
 *   with EINVAL first
 *
 * notes: The man page describes the C library's preadv(fd, iov, iovcnt,
 *   offset); the library splits offset into pos_l and pos_h.  Calling the raw
 *   syscall with a 64-bit position in pos_l works on x86-64 only.
 */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
}

/**
 * sys_pwritev - write several user buffers at a given position
 * @fd: descriptor to write to; must be open for writing and seekable
 * @vec: array of vlen struct iovec, each naming one buffer
 * @vlen: number of entries in vec
 * @pos_l: file position the write starts at (low word)
 * @pos_h: high word of the position, for 32-bit callers
 *
 * long-desc: Combines writev() and pwrite64(): the data is gathered from the
 *   buffers vec describes and written at position pos, and the file offset is
 *   neither used nor changed.  The position arrives split in two words for
 *   32-bit callers (pos_from_hilo()); on x86-64 pos_l is the whole position and
 *   pos_h is ignored.  The array is copied in and checked as for writev(),
 *   before the descriptor's write checks.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with write access on a file that
 *     supports positioned writes; O_RDONLY and O_PATH descriptors give EBADF,
 *     pipes, FIFOs, sockets and eventfds ESPIPE.
 *   desc: The descriptor to write to.
 *
 * param: vec
 *   kapi-semantic: ptr:iovec
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: vlen readable struct iovec entries, each iov_len at most
 *     SSIZE_MAX and each buffer passing access_ok() and readable.
 *   desc: The buffers, in the order they are written.
 *
 * param: vlen
 *   kapi-valid: 2
 *   type: uint, input
 *   constraint-type: range(0, UIO_MAXIOV)
 *   constraint: At most UIO_MAXIOV (1024); 0 writes nothing.
 *   desc: The number of entries of vec.
 *
 * param: pos_l
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: Taken as a signed 64-bit position on x86-64: it must not be
 *     negative (EINVAL, before the descriptor is looked at), and the position
 *     plus the total length must not overflow a loff_t.
 *   desc: The position (the low word where longs have 32 bits).
 *
 * param: pos_h
 *   kapi-valid: 0
 *   type: uint, input
 *   kapi-test: no-invalid, no-boundary
 *   constraint: Ignored on 64-bit kernels (it is shifted out of the result).
 *   desc: The high 32 bits of the position for 32-bit callers.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes written, over all buffers, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor or is not open for writing
 *   kapi-cond: fd=fd:rdonly; fd=fd:opath
 *   desc: Includes O_RDONLY descriptors and O_PATH descriptors.
 *
 * error: EDQUOT, the user's disk quota on the file's filesystem is exhausted
 *   kapi-cond: fd=fd:quota-full, pos_l=1048576; fd=fd:fuse-write-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: As for pwrite64(): the kernel's quota code refuses new blocks (the
 *     quota case writes at 1 MiB), or a FUSE server answers the WRITE with
 *     EDQUOT.
 *
 * error: EFAULT, vec or one of its buffers lies outside the accessible address space
 *   kapi-cond: vec=ptr:iovec-unmapped
 *   desc: As for writev(): the array cannot be copied in, a buffer fails
 *     access_ok(), or reading the first buffer faults.
 *
 * error: EFBIG, the position is at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: As for pwrite64(): the position is at or past RLIMIT_FSIZE (SIGXFSZ
 *     is sent too) or the filesystem's maximum file size.
 *
 * error: EINVAL, a negative position, too many entries, a length above SSIZE_MAX, or an overflowing range
 *   kapi-cond: pos_l=-1; vlen=1025; vec=ptr:iovec-badlen; pos_l=LLONG_MAX
 *   desc: do_pwritev() refuses a negative position; import_iovec() refuses
 *     more than UIO_MAXIOV entries or a negative length; rw_verify_area()
 *     refuses a position plus total past the top of the offset range; or the
 *     O_DIRECT alignment is wrong.
 *
 * error: EIO, a low-level I/O error occurred
 *   kapi-cond: fd=fd:fuse-write-fails
 *   desc: The device or filesystem failed (the fixture's FUSE server answers
 *     the WRITE with EIO), or a write-back error is reported.
 *
 * error: ENOMEM, no memory for a copy of a long iovec array
 *   kapi-unprovokable: the copy of more than UIO_FASTIOV (8) entries is one kmalloc of at most 16 KiB (UIO_MAXIOV entries) without __GFP_ACCOUNT, so a full memory cgroup does not fail it, and the page allocator retries such small allocations instead of failing them
 *   desc: iovec_from_user() could not allocate the kernel's copy of an array
 *     with more than UIO_FASTIOV entries.
 *
 * error: ENOSPC, the device holding the file has no room for the data
 *   kapi-cond: fd=fd:fs-full, pos_l=1048576
 *   desc: Nothing could be written (the write at 1 MiB on the full one-page
 *     tmpfs needs a new page); a partial write returns a short count.
 *
 * error: EPERM, the write is forbidden by a file seal or security policy
 *   kapi-cond: fd=fd:sealed
 *   desc: A memfd has F_SEAL_WRITE, F_SEAL_FUTURE_WRITE or (to grow it)
 *     F_SEAL_GROW, or a fanotify listener denied the access.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned writes
 *   kapi-cond: fd=fd:pipe-write; fd=fd:fifo; fd=fd:udp; fd=fd:eventfd
 *   desc: The open file description lacks FMODE_PWRITE, as for pwrite64().
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing by regular-file write methods around the whole
 *     gathered write.
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection taken by vfs_writev() around the write.
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: the position is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * side-effect: filesystem | modify_state
 *   target: file data, size and timestamps
 *   condition: the write succeeds
 *   desc: The gathered data replaces or extends the file at the position;
 *     times and set-user-ID bits change as for write().
 *   reversible: no
 *   kapi-effect: file:written=fd
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the write succeeds
 *   desc: The file offset is not changed.
 *   reversible: yes
 *   kapi-effect: fd:offset-kept=fd
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
 * kapi-not-returned: EOPNOTSUPP do_loop_readv_writev() and kiocb_set_rw_flags() refuse only RWF_*
 *   flags, and pwritev() passes none; EOVERFLOW rw_verify_area() returns it only for a negative
 *   position on a file with unsigned offsets, and do_pwritev() refuses every negative position
 *   with EINVAL first
 *
 * notes: With O_APPEND the data goes to the end of file whatever the
 *   position, as for pwrite64().  The C library's pwritev(fd, iov, iovcnt,
 *   offset) splits offset into pos_l and pos_h.
 */
SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
}

/**
 * sys_preadv2 - read into several user buffers, at a position or the file offset, with flags
 * @fd: descriptor to read from; must be open for reading
 * @vec: array of vlen struct iovec, each naming one buffer
 * @vlen: number of entries in vec
 * @pos_l: file position the read starts at (low word), or -1 for the file offset
 * @pos_h: high word of the position, for 32-bit callers
 * @flags: RWF_* flags for this one call
 *
 * long-desc: preadv() with per-call flags.  A position of -1 means the
 *   current file offset, which then advances as for readv() (and streams such
 *   as pipes are allowed); any other position must not be negative and reads
 *   like preadv() without touching the offset.  flags are checked when the
 *   read is started (kiocb_set_rw_flags()): bits outside RWF_SUPPORTED and
 *   RWF_NOWAIT on a file that does not support non-blocking reads
 *   (FMODE_NOWAIT) give EOPNOTSUPP; files with only a read method take no flag
 *   but RWF_HIPRI.  On x86-64 pos_l is the whole position and pos_h is ignored.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with read access; for a position
 *     other than -1 the file must support positioned reads (ESPIPE otherwise).
 *   desc: The descriptor to read from.
 *
 * param: vec
 *   kapi-semantic: ptr:iovec
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: vlen readable struct iovec entries, each iov_len at most
 *     SSIZE_MAX and each buffer passing access_ok() and writable.
 *   desc: The buffers, in the order they are filled.
 *
 * param: vlen
 *   kapi-valid: 2
 *   type: uint, input
 *   constraint-type: range(0, UIO_MAXIOV)
 *   constraint: At most UIO_MAXIOV (1024); 0 reads nothing.
 *   desc: The number of entries of vec.
 *
 * param: pos_l
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: -1 selects the file offset; any other negative value gives
 *     EINVAL; the position plus the total length must not overflow a loff_t.
 *   desc: The position (the low word where longs have 32 bits).
 *
 * param: pos_h
 *   kapi-valid: 0
 *   type: uint, input
 *   kapi-test: no-invalid, no-boundary
 *   constraint: Ignored on 64-bit kernels.
 *   desc: The high 32 bits of the position for 32-bit callers.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND)
 *   kapi-test: no-invalid, no-valid-bits
 *   constraint: Unknown bits give EOPNOTSUPP, not EINVAL (the conditions
 *     below test them); RWF_NOWAIT needs FMODE_NOWAIT, which ext4, xfs and
 *     btrfs files have and tmpfs files lack on 6.1, so whether it is accepted
 *     depends on the filesystem; RWF_DSYNC, RWF_SYNC and RWF_APPEND mean
 *     nothing for a read and are accepted.
 *   desc: RWF_HIPRI (poll for completion of direct I/O), RWF_NOWAIT (fail
 *     with EAGAIN instead of blocking), and the write flags.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes read, over all buffers, or a negative errno.
 *
 * error: EAGAIN, the read would block: a non-blocking stream, or RWF_NOWAIT with data not at hand
 *   kapi-cond: fd=fd:pipe-empty-nonblock, pos_l=-1
 *   desc: At the file offset a non-blocking pipe, FIFO or socket has nothing
 *     to read; or RWF_NOWAIT is set and the data is not in the page cache.
 *
 * error: EBADF, fd is not an open descriptor or is not open for reading
 *   kapi-cond: fd=fd:wronly; fd=fd:opath
 *   desc: Includes O_WRONLY descriptors and O_PATH descriptors.
 *
 * error: EFAULT, vec or one of its buffers lies outside the accessible address space
 *   kapi-cond: vec=ptr:iovec-unmapped
 *   desc: As for readv().
 *
 * error: EINTR, a signal with a handler arrived before any data was read
 *   kapi-cond: fd=fd:pipe-empty, pos_l=-1, sig.ALRM=interrupt
 *   desc: At the file offset (pos -1) a read that slept on an empty pipe or
 *     similar was interrupted; without SA_RESTART this is EINTR.
 *
 * error: EINVAL, a bad position, too many entries, a length above SSIZE_MAX, or fd cannot be read
 *   kapi-cond: pos_l=-2; vlen=1025; vec=ptr:iovec-badlen; pos_l=LLONG_MAX; fd=fd:epoll, pos_l=-1
 *   desc: A negative position other than -1; more than UIO_MAXIOV entries or
 *     a negative length; a range past the top of the offset range; at the file
 *     offset, a file without a read method (an epoll instance); or wrong
 *     O_DIRECT alignment.
 *
 * error: EIO, low-level I/O error, or a /proc/PID/mem read of memory that is not mapped
 *   kapi-cond: fd=fd:mem-top
 *   desc: As for pread64(): nothing is mapped at address 16 of the process
 *     whose /proc/PID/mem is read.
 *
 * error: EISDIR, fd refers to a directory
 *   kapi-cond: fd=fd:dir
 *   desc: The directory's read method refuses.
 *
 * error: ENOMEM, no memory for a copy of a long iovec array
 *   kapi-unprovokable: the copy of more than UIO_FASTIOV (8) entries is one kmalloc of at most 16 KiB (UIO_MAXIOV entries) without __GFP_ACCOUNT, so a full memory cgroup does not fail it, and the page allocator retries such small allocations instead of failing them
 *   desc: iovec_from_user() could not allocate the kernel's copy of an array
 *     with more than UIO_FASTIOV entries.
 *
 * error: EOPNOTSUPP, flags has an unknown bit, or a flag the file cannot honour
 *   kapi-cond: flags=0x80000000; fd=fd:mem-top, flags=RWF_NOWAIT
 *   kapi-note: later kernels define more flags (RWF_NOAPPEND 0x20 in 6.9, RWF_ATOMIC 0x40, RWF_DONTCACHE 0x80), so the case uses bit 31, unknown to all of them
 *   desc: kiocb_set_rw_flags() refuses bits outside RWF_SUPPORTED and
 *     RWF_NOWAIT on a file without FMODE_NOWAIT; do_loop_readv_writev(), for
 *     files with only a read method (/proc/PID/mem), refuses every flag but
 *     RWF_HIPRI.
 *
 * error: EOVERFLOW, the file offset plus the total passes the end of an unsigned-offset file
 *   kapi-cond: fd=fd:mem-top, pos_l=-1
 *   desc: At the file offset (pos -1) of /proc/PID/mem positioned at 2^64 - 1,
 *     rw_verify_area() refuses a transfer that would wrap.
 *
 * error: ESPIPE, a position other than -1 on a file without positioned reads
 *   kapi-cond: fd=fd:pipe; fd=fd:fifo; fd=fd:udp
 *   desc: As for preadv(); with pos -1 the same files are read as streams.
 *
 * side-effect: modify_state
 *   target: user buffers
 *   condition: the read succeeds
 *   desc: The first bytes of the buffers, as many as returned, hold the data.
 *   reversible: no
 *   kapi-effect: mem:filled=vec,ret
 *   kapi-effect-case: flags=RWF_HIPRI; flags=RWF_DSYNC; flags=RWF_SYNC; flags=RWF_APPEND
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the read succeeds
 *   desc: With a position of -1 the offset advances by the bytes returned;
 *     with any other position it is not changed.
 *   reversible: yes
 *   kapi-effect: fd:offset=fd if pos_l=-1; fd:offset-kept=fd if pos_l!=-1
 *   kapi-effect-case: pos_l=-1
 *
 * side-effect: modify_state | irreversible
 *   target: pipe, FIFO or socket buffer
 *   condition: fd is a stream, read at pos -1
 *   desc: The bytes read are consumed.
 *   reversible: no
 *   kapi-effect: mem:filled=vec,ret; fd:drained=fd
 *   kapi-effect-case: fd=fd:pipe, pos_l=-1
 *
 * side-effect: modify_state
 *   target: inode access time, task I/O accounting
 *   condition: data was read
 *   desc: As for read().
 *   kapi-unobservable: access-time updates depend on the mount (relatime, noatime), and task
 *     I/O accounting is not compared
 *
 * notes: The man page lists EINVAL for invalid flags; the kernel returns
 *   EOPNOTSUPP.  The C library's preadv2(fd, iov, iovcnt, offset, flags)
 *   splits offset into pos_l and pos_h.
 */
SYSCALL_DEFINE6(preadv2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h,
		rwf_t, flags)
{
}

/**
 * sys_pwritev2 - write several user buffers, at a position or the file offset, with flags
 * @fd: descriptor to write to; must be open for writing
 * @vec: array of vlen struct iovec, each naming one buffer
 * @vlen: number of entries in vec
 * @pos_l: file position the write starts at (low word), or -1 for the file offset
 * @pos_h: high word of the position, for 32-bit callers
 * @flags: RWF_* flags for this one call
 *
 * long-desc: pwritev() with per-call flags.  A position of -1 means the
 *   current file offset, which then advances as for writev() (and streams
 *   such as pipes are allowed); any other position must not be negative and
 *   writes like pwritev() without touching the offset.  RWF_DSYNC and RWF_SYNC
 *   make this one write synchronous as O_DSYNC and O_SYNC would, RWF_APPEND
 *   appends it as O_APPEND would, RWF_NOWAIT fails instead of blocking.  flags
 *   are checked when the write is started (kiocb_set_rw_flags()): bits outside
 *   RWF_SUPPORTED, and RWF_NOWAIT on a file without FMODE_NOWAIT, give
 *   EOPNOTSUPP.  On x86-64 pos_l is the whole position and pos_h is ignored.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with write access; for a position
 *     other than -1 the file must support positioned writes (ESPIPE otherwise).
 *   desc: The descriptor to write to.
 *
 * param: vec
 *   kapi-semantic: ptr:iovec
 *   type: user_ptr, input
 *   constraint-type: buffer(2)
 *   constraint: vlen readable struct iovec entries, each iov_len at most
 *     SSIZE_MAX and each buffer passing access_ok() and readable.
 *   desc: The buffers, in the order they are written.
 *
 * param: vlen
 *   kapi-valid: 2
 *   type: uint, input
 *   constraint-type: range(0, UIO_MAXIOV)
 *   constraint: At most UIO_MAXIOV (1024); 0 writes nothing.
 *   desc: The number of entries of vec.
 *
 * param: pos_l
 *   kapi-valid: 16
 *   type: int, input
 *   constraint: -1 selects the file offset; any other negative value gives
 *     EINVAL; the position plus the total length must not overflow a loff_t.
 *   desc: The position (the low word where longs have 32 bits).
 *
 * param: pos_h
 *   kapi-valid: 0
 *   type: uint, input
 *   kapi-test: no-invalid, no-boundary
 *   constraint: Ignored on 64-bit kernels.
 *   desc: The high 32 bits of the position for 32-bit callers.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND)
 *   kapi-test: no-invalid, no-valid-bits
 *   constraint: Unknown bits give EOPNOTSUPP, not EINVAL (the conditions
 *     below test them); RWF_NOWAIT needs FMODE_NOWAIT, which ext4, xfs and
 *     btrfs files have and tmpfs files lack on 6.1, so whether it is accepted
 *     depends on the filesystem.
 *   desc: RWF_HIPRI, RWF_DSYNC, RWF_SYNC, RWF_NOWAIT, RWF_APPEND.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: Number of bytes written, over all buffers, or a negative errno.
 *
 * error: EAGAIN, the write would block: a full non-blocking stream, or RWF_NOWAIT
 *   kapi-cond: fd=fd:pipe-full-nonblock, pos_l=-1
 *   desc: At the file offset a non-blocking pipe, FIFO or socket is full; or
 *     RWF_NOWAIT is set and the write would have to wait.
 *
 * error: EBADF, fd is not an open descriptor or is not open for writing
 *   kapi-cond: fd=fd:rdonly; fd=fd:opath
 *   desc: Includes O_RDONLY descriptors and O_PATH descriptors.
 *
 * error: EDESTADDRREQ, at the file offset, fd is a datagram socket without a peer address
 *   kapi-cond: fd=fd:udp, pos_l=-1
 *   desc: The socket was not connected, so the data has no destination.
 *
 * error: EDQUOT, the user's disk quota on the file's filesystem is exhausted
 *   kapi-cond: fd=fd:quota-full, pos_l=1048576; fd=fd:fuse-write-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: As for pwrite64().
 *
 * error: EFAULT, vec or one of its buffers lies outside the accessible address space
 *   kapi-cond: vec=ptr:iovec-unmapped
 *   desc: As for writev().
 *
 * error: EFBIG, the position is at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: As for pwrite64(); SIGXFSZ is sent too.
 *
 * error: EINTR, a signal with a handler arrived before any data was written
 *   kapi-cond: fd=fd:pipe-full, pos_l=-1, sig.ALRM=interrupt
 *   desc: At the file offset (pos -1) a write that slept on a full pipe was
 *     interrupted; without SA_RESTART this is EINTR.
 *
 * error: EINVAL, a bad position, too many entries, a length above SSIZE_MAX, or fd cannot be written
 *   kapi-cond: pos_l=-2; vlen=1025; vec=ptr:iovec-badlen; pos_l=LLONG_MAX; fd=fd:epoll, pos_l=-1
 *   desc: A negative position other than -1; more than UIO_MAXIOV entries or
 *     a negative length; a range past the top of the offset range; at the file
 *     offset, a file without a write method (an epoll instance); or wrong
 *     O_DIRECT alignment.
 *
 * error: EIO, a low-level I/O error occurred
 *   kapi-cond: fd=fd:fuse-write-fails
 *   desc: The device or filesystem failed (the fixture's FUSE server answers
 *     the WRITE with EIO), or a write-back error is reported.
 *
 * error: ENOMEM, no memory for a copy of a long iovec array
 *   kapi-unprovokable: the copy of more than UIO_FASTIOV (8) entries is one kmalloc of at most 16 KiB (UIO_MAXIOV entries) without __GFP_ACCOUNT, so a full memory cgroup does not fail it, and the page allocator retries such small allocations instead of failing them
 *   desc: iovec_from_user() could not allocate the kernel's copy of an array
 *     with more than UIO_FASTIOV entries.
 *
 * error: ENOSPC, the device holding the file has no room for the data
 *   kapi-cond: fd=fd:fs-full, pos_l=1048576
 *   desc: Nothing could be written (the write at 1 MiB on the full one-page
 *     tmpfs needs a new page).
 *
 * error: EOPNOTSUPP, flags has an unknown bit, or a flag the file cannot honour
 *   kapi-cond: flags=0x80000000
 *   kapi-note: later kernels define more flags (RWF_NOAPPEND 0x20 in 6.9, RWF_ATOMIC 0x40, RWF_DONTCACHE 0x80), so the case uses bit 31, unknown to all of them
 *   desc: kiocb_set_rw_flags() refuses bits outside RWF_SUPPORTED and
 *     RWF_NOWAIT on a file without FMODE_NOWAIT; files with only a write
 *     method refuse every flag but RWF_HIPRI.
 *
 * error: EOVERFLOW, the file offset plus the total passes the end of an unsigned-offset file
 *   kapi-unprovokable: the only such file the sandbox reaches is /proc/PID/mem, and it cannot be opened for writing there: the sandbox's /proc is read-only and locked (EROFS), as for write()
 *   desc: At the file offset (pos -1), rw_verify_area() refuses a transfer
 *     from a position that reads as negative that would wrap.
 *
 * error: EPERM, the write is forbidden by a file seal or security policy
 *   kapi-cond: fd=fd:sealed
 *   desc: A memfd has F_SEAL_WRITE, F_SEAL_FUTURE_WRITE or (to grow it)
 *     F_SEAL_GROW, or a fanotify listener denied the access.
 *
 * error: EPIPE, at the file offset, fd is a pipe, FIFO or socket whose reading end is closed
 *   kapi-cond: fd=fd:pipe-broken, pos_l=-1, sig.PIPE=ignore
 *   desc: SIGPIPE is sent as well, so the error is only seen if that signal
 *     is caught, blocked or ignored.
 *
 * error: ESPIPE, a position other than -1 on a file without positioned writes
 *   kapi-cond: fd=fd:pipe-write; fd=fd:fifo; fd=fd:udp; fd=fd:eventfd
 *   desc: As for pwritev(); with pos -1 the same files are written as streams.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing by regular-file write methods around the whole
 *     gathered write.
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection taken by vfs_writev() around the write.
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: terminate
 *   condition: at the file offset, the write targets a pipe, FIFO or stream
 *     socket with no reader
 *   desc: Sent to the calling thread before EPIPE is returned.
 *   target: calling thread
 *   timing: during
 *   errno: EPIPE
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: the position is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * side-effect: filesystem | modify_state
 *   target: file data, size and timestamps
 *   condition: the write succeeds on a regular file
 *   desc: The gathered data replaces or extends the file at the position (at
 *     the end of file with RWF_APPEND); times and set-user-ID bits change as
 *     for write().
 *   reversible: no
 *   kapi-effect: file:written=fd
 *   kapi-effect-case: flags=RWF_HIPRI; flags=RWF_DSYNC; flags=RWF_SYNC; flags=RWF_APPEND
 *
 * side-effect: file_position
 *   target: file->f_pos
 *   condition: the write succeeds
 *   desc: With a position of -1 the offset advances by the bytes written;
 *     with any other position it is not changed (RWF_APPEND included).
 *   reversible: yes
 *   kapi-effect: fd:offset=fd if pos_l=-1; fd:offset-kept=fd if pos_l!=-1
 *   kapi-effect-case: pos_l=-1
 *
 * side-effect: modify_state
 *   target: pipe, FIFO or socket
 *   condition: fd is a stream, written at pos -1
 *   desc: The data is queued for the reader.
 *   reversible: no
 *   kapi-effect: fd:queued=fd
 *   kapi-effect-case: fd=fd:pipe-write, pos_l=-1
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
 * notes: The man page lists EINVAL for invalid flags; the kernel returns
 *   EOPNOTSUPP.  RWF_APPEND at a position other than -1 appends without moving
 *   the file offset.  The C library's pwritev2(fd, iov, iovcnt, offset, flags)
 *   splits offset into pos_l and pos_h.
 */
SYSCALL_DEFINE6(pwritev2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h,
		rwf_t, flags)
{
}

/**
 * sys_sendfile64 - copy bytes from one descriptor to another inside the kernel
 * @out_fd: descriptor the data goes to; must be open for writing
 * @in_fd: descriptor the data comes from; must be open for reading
 * @offset: where in in_fd to start, updated on return; NULL for in_fd's file offset
 * @count: largest number of bytes to copy
 *
 * long-desc: The x86-64 sendfile() (syscall 40, entry point sys_sendfile64).
 *   Moves up to count bytes from in_fd to out_fd without a user buffer, by
 *   splicing through a pipe the kernel keeps for the task (or straight into
 *   out_fd when that is a pipe).  in_fd is read at *offset when offset is given
 *   (in_fd's file offset is then left alone and *offset is advanced by the bytes
 *   copied), else at its file offset, which advances.  out_fd is written at its
 *   file offset, which advances, or queued when out_fd is a pipe.  in_fd must
 *   have a splice_read method (regular files, block devices, sockets; not
 *   epoll or eventfd instances, nor directories); out_fd a splice_write method
 *   or be a pipe.  The copy is shortened at in_fd's end of file, at the space
 *   left in a pipe, and at MAX_RW_COUNT.  The raw syscall returns the byte
 *   count or a negative errno.
 * contexts: process, sleepable
 *
 * param: out_fd
 *   kapi-semantic: fd:empty
 *   type: fd, input
 *   constraint: Must be an open descriptor with write access (EBADF otherwise),
 *     not in O_APPEND mode unless it is a pipe (EINVAL), and a file with a
 *     splice_write method or a pipe (EINVAL otherwise).
 *   desc: The destination.
 *
 * param: in_fd
 *   type: fd, input
 *   constraint: Must be an open descriptor with read access (EBADF otherwise);
 *     with offset given, the file must allow positioned reads (ESPIPE for pipes,
 *     FIFOs and sockets); it must have a splice_read method (EINVAL).
 *   desc: The source.
 *
 * param: offset
 *   kapi-semantic: ptr:buffer
 *   type: user_ptr, inout, optional
 *   size: sizeof(long long)
 *   constraint: NULL, or a readable and writable loff_t holding a position that
 *     is not negative (EINVAL) and from which count bytes do not pass the
 *     largest file size of the two filesystems (EOVERFLOW when the position is
 *     already past it).  A fault reading or writing it gives EFAULT; a fault on
 *     the write-back after a successful copy loses the count.
 *   desc: The position in in_fd, read before and written after the copy.
 *
 * param: count
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   kapi-test: no-boundary
 *   constraint: Values above SSIZE_MAX give EINVAL (rw_verify_area() reads the
 *     count as signed); otherwise counts above MAX_RW_COUNT are clamped to it.  0
 *     goes through the checks and returns 0.
 *   desc: The most bytes to copy.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: The number of bytes copied (0 at in_fd's end of file), or a negative
 *     errno.
 *
 * error: EAGAIN, out_fd is non-blocking and the write would block
 *   kapi-cond: out_fd=fd:pipe-full-nonblock
 *   desc: out_fd is a pipe with O_NONBLOCK and no room, or a socket with
 *     O_NONBLOCK and a full send buffer: the call fails at once.  O_NONBLOCK
 *     on in_fd is not looked at (the kernel keeps that test disabled), so a
 *     socket in_fd may still block.
 *
 * error: EBADF, a descriptor is not open, in_fd is not readable, or out_fd is not writable
 *   kapi-cond: in_fd=fd:wronly; in_fd=fd:opath; out_fd=fd:rdonly; out_fd=fd:opath
 *   desc: O_PATH descriptors count as not open.
 *
 * error: EFAULT, offset points outside the caller's accessible memory
 *   kapi-cond: offset=ptr:unmapped
 *   desc: The loff_t could not be read before the copy, or written after it (the
 *     count is then lost although the bytes were copied).
 *
 * error: EFBIG, the write starts at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: out_fd's position is at or past RLIMIT_FSIZE (SIGXFSZ is sent too) or
 *     the filesystem's largest file size; a copy that crosses the limit is
 *     shortened instead.
 *
 * error: EINTR, a signal with a handler arrived while waiting for room in the out_fd pipe
 *   kapi-cond: out_fd=fd:pipe-full, sig.ALRM=interrupt
 *   desc: The call slept on a full pipe (or on a socket in_fd) and a caught signal
 *     without SA_RESTART ended it before any byte was copied.
 *
 * error: EINVAL, a bad position or count, a file that cannot be spliced, or an O_APPEND out_fd
 *   kapi-cond: offset=ptr:loff-neg; count=0x8000000000000000; in_fd=fd:epoll, offset=0; out_fd=fd:epoll; in_fd=fd:dir, offset=0
 *   desc: The position read through offset is negative, or count is above
 *     SSIZE_MAX (rw_verify_area()); in_fd has no splice_read method (an epoll
 *     instance, a directory) or out_fd no splice_write method; out_fd is a
 *     file open with O_APPEND (do_splice_direct() refuses it); or O_DIRECT
 *     alignment is not met.
 *
 * error: EIO, a low-level I/O error occurred on either file
 *   kapi-cond: out_fd=fd:fuse-write-fails
 *   desc: A read or write of the device or filesystem failed; the fixture's FUSE
 *     server answers the WRITE of the copied bytes with EIO.
 *
 * error: EDQUOT, the user's disk quota on out_fd's filesystem is exhausted
 *   kapi-cond: out_fd=fd:quota-full; out_fd=fd:fuse-write-fails
 *   kapi-note: the quota case needs tmpfs quotas (Linux 6.6 and later, CONFIG_TMPFS_QUOTA): on 6.1, and on a kernel built without them, it is skipped
 *   desc: As for write(): the quota code refuses the blocks, or a filesystem
 *     that keeps quotas itself reports it when asked to store the data.
 *
 * error: ENOMEM, no memory for the task's internal pipe
 *   kapi-cond: memcg=full
 *   desc: The first copy between two files that are not pipes allocates the
 *     pipe the task keeps for such copies (an accounted allocation); later calls
 *     reuse it.
 *
 * error: ENOSPC, out_fd's device has no room for the data
 *   kapi-cond: out_fd=fd:fs-full
 *   desc: Nothing could be written; a partial copy returns a short count.
 *
 * error: EOVERFLOW, in_fd's position is at or past the largest size of the two files' filesystems
 *   kapi-cond: in_fd=fd:mem-top, offset=0
 *   desc: do_sendfile() refuses a start at or past the smaller s_maxbytes and
 *     shortens a copy that would cross it; rw_verify_area() refuses a transfer
 *     that would wrap on a file with unsigned offsets, as /proc/PID/mem
 *     positioned at 2^64 - 1 is.
 *
 * error: EPERM, the write is forbidden by a file seal or security policy
 *   kapi-cond: out_fd=fd:sealed
 *   desc: out_fd is a memfd sealed against writing, or a fanotify listener
 *     denied the access.
 *
 * error: EPIPE, out_fd is a pipe whose read end is closed
 *   kapi-cond: out_fd=fd:pipe-broken, sig.PIPE=ignore
 *   desc: SIGPIPE is sent to the caller as well, so the error is only seen if
 *     that signal is caught, blocked or ignored.
 *
 * error: ESPIPE, offset is given but in_fd has no positioned reads
 *   kapi-cond: in_fd=fd:pipe; in_fd=fd:fifo
 *   desc: Pipes, FIFOs and sockets have no position to read at; with offset
 *     NULL they are read as streams.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken on out_fd's pipe while it is filled, and dropped while waiting
 *     for room.
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection of out_fd's filesystem, taken around a copy into a
 *     file that is not a pipe.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a caught signal arrives while the call waits for room in out_fd's
 *     pipe, before any byte was copied
 *   desc: The call fails with EINTR (or is restarted with SA_RESTART).
 *   errno: EINTR
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: terminate
 *   condition: out_fd is a pipe with no reader
 *   desc: Sent to the calling thread before EPIPE is returned.
 *   target: calling thread
 *   timing: during
 *   errno: EPIPE
 *
 * signal: SIGXFSZ
 *   direction: send
 *   action: coredump
 *   condition: out_fd's position is at or beyond RLIMIT_FSIZE
 *   desc: Sent before EFBIG is returned.
 *   target: calling thread
 *   timing: before
 *   errno: EFBIG
 *
 * side-effect: filesystem | modify_state
 *   target: out_fd's file data, size and timestamps
 *   condition: the copy succeeds and out_fd is a file
 *   desc: The bytes read from in_fd replace or extend out_fd's file at its
 *     offset.
 *   reversible: no
 *   kapi-effect: file:written=out_fd
 *   kapi-effect-case: offset=0
 *
 * side-effect: file_position
 *   target: out_fd's file->f_pos
 *   condition: the copy succeeds and out_fd is not a pipe
 *   desc: out_fd's offset advances by the bytes copied.
 *   reversible: yes
 *   kapi-effect: fd:offset=out_fd
 *
 * side-effect: file_position
 *   target: in_fd's file->f_pos, or *offset
 *   condition: the copy succeeds
 *   desc: With offset NULL, in_fd's file offset advances by the bytes copied;
 *     with offset given, *offset does and in_fd's file offset stays.
 *   reversible: yes
 *   kapi-effect: fd:offset=in_fd if offset=0; mem:filled=offset,8
 *   kapi-effect-case: offset=0
 *
 * side-effect: modify_state
 *   target: out_fd's pipe
 *   condition: out_fd is a pipe
 *   desc: The bytes are queued for the pipe's reader.
 *   reversible: no
 *   kapi-effect: fd:queued=out_fd
 *   kapi-effect-case: out_fd=fd:pipe-write
 *
 * side-effect: modify_state | alloc_memory
 *   target: the task's splice pipe, task I/O accounting, access times
 *   condition: out_fd is not a pipe (the pipe); a copy was made (the rest)
 *   desc: The first such call allocates a pipe the task keeps until it exits;
 *     rchar, wchar, syscr and syscw in /proc/PID/io grow; access and
 *     modification events are sent.
 *   kapi-unobservable: the task's splice pipe has no descriptor, and task I/O accounting and
 *     access times are not compared
 *
 * notes: The man page says in_fd must support mmap-like operations and cannot
 *   be a socket; in 6.1 any file with a splice_read method will do, sockets
 *   included (with offset NULL).  Its EINVAL for an O_APPEND out_fd holds
 *   (do_splice_direct()).  Its EOVERFLOW for a count that is too large does
 *   not: such a copy is shortened, and only a start at or past the limit
 *   fails.  The 32-bit sendfile() with an off_t offset is another entry point;
 *   this one takes a loff_t.
 */
SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
}

/**
 * sys_copy_file_range - copy a range of bytes from one regular file to another
 * @fd_in: descriptor of the source file; must be open for reading
 * @off_in: where in fd_in to start, updated on return; NULL for fd_in's file offset
 * @fd_out: descriptor of the destination file; must be open for writing
 * @off_out: where in fd_out to start, updated on return; NULL for fd_out's file offset
 * @len: largest number of bytes to copy
 * @flags: must be 0
 *
 * long-desc: Copies up to len bytes from fd_in at *off_in (or its file offset)
 *   to fd_out at *off_out (or its file offset), inside the kernel.  Both must
 *   be regular files.  The filesystem may do it its own way (a server-side copy
 *   of a network filesystem, a reflink of btrfs or xfs); otherwise the kernel
 *   splices the bytes through the task's internal pipe.  Without a
 *   filesystem method of its own, both files must be on the same superblock.
 *   The copy is shortened at fd_in's end of file, at the file size limits of
 *   fd_out and at MAX_RW_COUNT; each position given is advanced by the bytes
 *   copied, and each file offset used moves likewise.  A range within one
 *   file must not overlap.  The raw syscall returns the byte count or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: fd_in
 *   type: fd, input
 *   constraint: An open descriptor of a regular file with read access: a
 *     directory gives EISDIR, other non-regular files EINVAL, a descriptor
 *     without read access EBADF.
 *   desc: The source.
 *
 * param: off_in
 *   kapi-semantic: ptr:buffer
 *   type: user_ptr, inout, optional
 *   size: sizeof(long long)
 *   constraint: NULL, or a readable and writable loff_t; a negative position
 *     wraps the range check (EOVERFLOW), or with len 0 fails rw_verify_area()
 *     (EINVAL).
 *   desc: The position in fd_in, read before and written after the copy.
 *
 * param: fd_out
 *   kapi-semantic: fd:empty
 *   type: fd, input
 *   constraint: An open descriptor of a regular file with write access, not
 *     open with O_APPEND (EBADF), on the same superblock as fd_in unless both
 *     files' filesystem has a copy method of its own (EXDEV), and not immutable
 *     (EPERM) nor an active swap file (ETXTBSY).
 *   desc: The destination.
 *
 * param: off_out
 *   kapi-semantic: ptr:buffer
 *   type: user_ptr, inout, optional
 *   size: sizeof(long long)
 *   constraint: NULL, or a readable and writable loff_t; a negative position
 *     gives EOVERFLOW.
 *   desc: The position in fd_out, read before and written after the copy.
 *
 * param: len
 *   kapi-valid: 16
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   kapi-test: no-boundary
 *   constraint: Clamped to the bytes fd_in has past its position; a len that
 *     makes either range wrap past 2^64 gives EOVERFLOW.  0 returns 0 after the
 *     checks.
 *   desc: The most bytes to copy.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: range(0, 0)
 *   constraint: Must be 0; anything else gives EINVAL (COPY_FILE_SPLICE is
 *     for the kernel's own callers and refused from user space too).
 *   desc: Reserved.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, MAX_RW_COUNT
 *   desc: The number of bytes copied (0 at fd_in's end of file), or a negative
 *     errno.
 *
 * error: EBADF, a descriptor is not open, fd_in is not readable, or fd_out is not writable or is O_APPEND
 *   kapi-cond: fd_in=fd:wronly; fd_in=fd:opath; fd_out=fd:rdonly; fd_out=fd:opath
 *   desc: O_PATH descriptors count as not open; an fd_out in O_APPEND mode is
 *     refused the same way.
 *
 * error: EFAULT, off_in or off_out points outside the caller's accessible memory
 *   kapi-cond: off_in=ptr:unmapped; off_out=ptr:unmapped
 *   desc: A position could not be read before the copy, or written after it
 *     (the count is then lost although the bytes were copied).
 *
 * error: EFBIG, fd_out's position is at or beyond the file size limit
 *   kapi-cond: rlimit.FSIZE=0, sig.XFSZ=ignore
 *   desc: generic_write_check_limits() refuses a start at or past RLIMIT_FSIZE
 *     (and sends SIGXFSZ) or past the filesystem's largest file size; a copy
 *     that crosses the limit is shortened.
 *
 * error: EINVAL, flags is not 0, a file is not regular, the ranges overlap, or a negative position
 *   kapi-cond: fd_out=fd:same@fd_in; fd_in=fd:pipe; fd_out=fd:pipe-write; fd_in=fd:epoll; off_in=ptr:loff-neg, len=0
 *   desc: flags other than 0; fd_in or fd_out is no regular file (a pipe, a
 *     socket, an epoll instance); the two ranges lie in the same file and
 *     overlap; a negative position with len 0, which passes the wrap check and
 *     fails rw_verify_area(); or a filesystem's copy method refuses the request.
 *
 * error: EISDIR, fd_in or fd_out refers to a directory
 *   kapi-cond: fd_in=fd:dir; fd_out=fd:dir
 *   desc: generic_file_rw_checks() tests for directories before any other file
 *     type; a directory fd_out is refused even though it is not writable.
 *
 * error: ENOMEM, no memory for the task's internal pipe or the filesystem's copy
 *   kapi-cond: memcg=full
 *   desc: The kernel's own copy allocates the pipe the task keeps for splicing
 *     between files (an accounted allocation); later calls reuse it.
 *
 * error: ENOSPC, fd_out's device has no room for the data
 *   kapi-cond: fd_in=fd:fs-full, fd_out=fd:same@fd_in, off_out=0
 *   desc: Nothing could be written; a partial copy returns a short count.  The
 *     case copies the full one-page tmpfs file's first bytes to its end, at its
 *     file offset.
 *
 * error: EOVERFLOW, a position plus len wraps past the end of the 64-bit range
 *   kapi-cond: off_in=ptr:loff-neg; off_out=ptr:loff-neg
 *   desc: generic_copy_file_checks() adds len to each position as unsigned
 *     64-bit numbers: a negative position, or a len near SIZE_MAX, wraps.
 *
 * error: EPERM, fd_out is immutable, sealed against writing, or the write is denied by policy
 *   kapi-cond: fd_in=fd:sealed, fd_out=fd:sealed
 *   desc: An immutable destination (which can be open for writing only if the
 *     attribute was set after the open) is refused before copying; a memfd
 *     sealed with F_SEAL_WRITE refuses the write; a fanotify listener may deny
 *     the access.  The case copies between two sealed memfds, which share the
 *     kernel's internal tmpfs.
 *
 * error: ETXTBSY, fd_in or fd_out is an active swap file
 *   kapi-unprovokable: a swap file needs swapon(), which needs CAP_SYS_ADMIN in the initial user namespace; the case is root of its own namespace only
 *   desc: Swap files are not copied to or from.
 *
 * error: EXDEV, the files are on different superblocks and no filesystem method copies between them
 *   kapi-cond: fd_out=fd:fs-full; fd_out=fd:sealed
 *   desc: Without a copy method of fd_out's filesystem, both files must share a
 *     superblock; with one, both files must have the same method.  The cases
 *     copy to a tmpfs mounted for the case and to a memfd.
 *   kapi-note: Linux 5.3 to 5.18 copied across superblocks; 5.19 went back to EXDEV
 *
 * lock: sb->s_writers
 *   type: rwlock
 *   scope: internal
 *   desc: Freeze protection of fd_out's filesystem, taken around the copy.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing on fd_out's inode by the write method each spliced
 *     chunk goes through.
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
 * side-effect: filesystem | modify_state
 *   target: fd_out's file data, size and timestamps
 *   condition: the copy succeeds
 *   desc: The bytes of fd_in's range replace or extend fd_out's file at the
 *     output position.
 *   reversible: no
 *   kapi-effect: file:written=fd_out
 *   kapi-effect-case: off_in=0, off_out=0
 *
 * side-effect: file_position
 *   target: *off_in or fd_in's file->f_pos, *off_out or fd_out's file->f_pos
 *   condition: the copy succeeds
 *   desc: Each position given through a pointer is advanced by the bytes
 *     copied; a file offset used in place of a NULL pointer moves likewise.
 *   reversible: yes
 *   kapi-effect: mem:filled=off_in,8; mem:filled=off_out,8; fd:offset=fd_in if off_in=0; fd:offset=fd_out if off_out=0
 *   kapi-effect-case: off_in=0, off_out=0; off_in=0; off_out=0
 *
 * side-effect: modify_state | alloc_memory
 *   target: the task's splice pipe, task I/O accounting, access times
 *   condition: the kernel's own copy is used (the pipe); bytes were copied
 *   desc: The first kernel copy allocates a pipe the task keeps until it exits;
 *     rchar, wchar, syscr and syscw grow; access and modification events are
 *     sent.
 *   kapi-unobservable: the task's splice pipe has no descriptor, and task I/O accounting and
 *     access times are not compared
 *
 * notes: EXDEV is what the man page describes since Linux 5.19: different
 *   superblocks are refused unless fd_out's filesystem has a copy method and
 *   fd_in's file the same one.  The man page's EOPNOTSUPP (since 5.19) can only
 *   come from a filesystem's own copy method (FUSE, ceph, SMB, NFS, overlayfs);
 *   FUSE's and overlayfs's fall back to the kernel's copy instead.  The man
 *   page's EOVERFLOW for a range too large for the types is the unsigned wrap
 *   check.  Unlike read() and write(), no f_pos_lock is taken when a file
 *   offset is used.  The errors of the
 *   destination's write method (EIO, EDQUOT, and ENOSPC listed above) and of the
 *   source's read method come back as they do for write() and read(); EIO and
 *   EDQUOT are not listed here because no case can show them: kapi's FUSE
 *   fixtures offer one file per mount, and a copy within one file at one
 *   offset is refused as overlapping first.
 */
SYSCALL_DEFINE6(copy_file_range, int, fd_in, loff_t __user *, off_in,
		int, fd_out, loff_t __user *, off_out,
		size_t, len, unsigned int, flags)
{
}
