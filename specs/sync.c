// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the sync system calls (fs/sync.c, Linux 6.1).

/**
 * sys_sync - write every filesystem's cached data and metadata to storage
 *
 * long-desc: Starts writeback of dirty inodes and pages on every mounted,
 *   writable filesystem, calls each filesystem's sync_fs method, then waits
 *   for the data and flushes the block devices.  Errors of the filesystems are
 *   not reported: sync() always returns 0.  The mounts the caller cannot see
 *   are synced too (the call works on superblocks, not on the mount namespace).
 * contexts: process, sleepable
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: Always 0.
 *
 * lock: sb->s_umount
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for reading on each superblock while it is synced.
 *
 * side-effect: filesystem | hardware
 *   target: dirty pages and inodes of all filesystems, block device caches
 *   desc: Dirty data and metadata are written and the devices' caches flushed;
 *     the writes of other processes' data are included.
 *   kapi-unobservable: writing cached data to storage changes nothing a caller can read
 *     back: the page cache already holds the same contents
 *
 * notes: POSIX lets sync() return before the writes are done; Linux waits for
 *   them.  The man page lists no errors for sync(), and 6.1 returns none.
 */
SYSCALL_DEFINE0(sync)
{
}

/**
 * sys_syncfs - write the cached data and metadata of one filesystem to storage
 * @fd: a descriptor of any file on the filesystem
 *
 * long-desc: sync() for the one filesystem (superblock) that holds fd's file:
 *   writeback of its dirty inodes and pages, its sync_fs method, and its block
 *   device.  Unlike sync() it reports errors: the sync_fs method's or the block
 *   device's, and otherwise any writeback error recorded on the superblock
 *   since this open file description last reported one (each error is
 *   reported once per open file description).  A read-only filesystem is not
 *   synced.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor (O_PATH ones count as not open: EBADF) of
 *     any file, pipe or socket; any access mode.
 *   desc: Names the filesystem to sync.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:opath
 *   desc: fdget() does not look up O_PATH descriptors for this call.
 *
 * error: EIO, writing back failed, now or earlier, on the filesystem
 *   kapi-cond: fd=fd:fuse-writeback-failed
 *   desc: The sync_fs method or the block device's writeback failed, or a
 *     writeback error was recorded on the superblock since this open file
 *     description was opened or last reported one (in the case, a failed
 *     writeback of a FUSE file through another descriptor).
 *
 * error: ENOSPC, a writeback ran out of space on the filesystem
 *   kapi-cond: fd=fd:fuse-writeback-failed
 *   desc: As EIO: the block device's writeback records ENOSPC apart
 *     (filemap_check_errors()), and a filesystem may record it as its
 *     writeback error.
 *
 * error: EDQUOT, a writeback exceeded a disk quota
 *   kapi-cond: fd=fd:fuse-writeback-failed
 *   desc: A writeback error a filesystem recorded on the superblock, as EIO.
 *
 * lock: sb->s_umount
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for reading around sync_filesystem().
 *
 * side-effect: filesystem | hardware
 *   target: dirty pages and inodes of fd's filesystem, its block device cache
 *   desc: The filesystem's dirty data and metadata are written; the error
 *     sequence of the open file description advances past any writeback error
 *     it reports.
 *   kapi-unobservable: writing cached data to storage changes nothing a caller can read
 *     back, and the error sequence of an open file description is kernel-internal
 *
 * notes: Before Linux 5.8 syncfs() always returned 0 on success of the call
 *   itself; since then writeback errors on the filesystem are reported, once
 *   to each open file description, as the man page says.
 */
SYSCALL_DEFINE1(syncfs, int, fd)
{
}

/**
 * sys_fsync - write a file's cached data and metadata to storage
 * @fd: descriptor of the file
 *
 * long-desc: Asks fd's filesystem, through its fsync method, to write the
 *   file's dirty pages and its inode (size, times, blocks) to storage and to
 *   wait until the device has them, flushing its cache.  Writeback errors
 *   recorded on the file since this open file description last saw them are
 *   reported here (once each).  A file without an fsync method (pipes,
 *   sockets, eventfd, epoll) gives EINVAL.  The data of the directory entry
 *   naming the file is not included: fsync the directory for that.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor (O_PATH ones count as not open: EBADF); any
 *     access mode, so a read-only descriptor may be synced; the file must have
 *     an fsync method (EINVAL).
 *   desc: The file to sync.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:opath
 *   desc: O_PATH descriptors are not looked up for this call.
 *
 * error: EINVAL, the file cannot be synced
 *   kapi-cond: fd=fd:pipe; fd=fd:eventfd; fd=fd:udp; fd=fd:epoll
 *   desc: vfs_fsync_range() refuses a file whose file_operations have no fsync
 *     method: pipes, FIFOs, sockets, eventfd and epoll instances, many
 *     character devices.
 *
 * error: EIO, the filesystem could not write the data or metadata
 *   kapi-cond: fd=fd:fuse-fsync-fails; fd=fd:fuse-writeback-failed
 *   desc: A device error during this writeback or an earlier one not yet
 *     reported to this open file description; ext4 also returns it after a
 *     forced shutdown.  A FUSE server reports it in answer to FSYNC.
 *
 * error: ENOSPC, the filesystem had no room for delayed allocations
 *   kapi-cond: fd=fd:fuse-fsync-fails
 *   desc: Reported by filesystems that allocate blocks at writeback time (or
 *     by a network or FUSE filesystem, whose server answers FSYNC with it), as
 *     a writeback error.
 *
 * error: EDQUOT, a disk quota was exceeded while writing back
 *   kapi-cond: fd=fd:fuse-fsync-fails
 *   desc: As ENOSPC, for a quota the filesystem's server or writeback checks.
 *
 * error: EROFS, the filesystem went read-only after an error
 *   kapi-cond: fd=fd:fuse-fsync-fails
 *   desc: ext4_sync_file() returns it when the filesystem was aborted and
 *     remounted read-only; a FUSE server may answer FSYNC with it.
 *
 * lock: inode->i_rwsem
 *   type: rwlock
 *   scope: internal
 *   desc: Taken by many fsync methods (generic_file_fsync(), FUSE's) around the
 *     metadata writeback.
 *
 * side-effect: filesystem | hardware
 *   target: the file's dirty pages and inode, the device's write cache
 *   desc: The data and metadata reach storage; the error sequence of the open
 *     file description advances past any writeback error reported.
 *   kapi-unobservable: writing cached data to storage changes nothing a caller can read
 *     back, and the error sequence of an open file description is kernel-internal
 *
 * notes: The man page's EROFS and EINVAL for special files hold; EINVAL is
 *   returned for any file whose operations have no fsync method.  Since Linux
 *   4.13 a writeback error is reported once to each open file description
 *   that was open when it happened.  tmpfs's fsync does nothing and succeeds.
 */
SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
}

/**
 * sys_fdatasync - write a file's cached data, and the metadata needed to read it, to storage
 * @fd: descriptor of the file
 *
 * long-desc: fsync() that may leave out metadata not needed to read the data
 *   back (the modification and access times): the size and block allocation
 *   are still written.  The same fsync method is called with datasync set, and
 *   the same errors are reported.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor (O_PATH ones count as not open: EBADF) of a
 *     file with an fsync method (EINVAL).
 *   desc: The file to sync.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:opath
 *   desc: O_PATH descriptors are not looked up for this call.
 *
 * error: EINVAL, the file cannot be synced
 *   kapi-cond: fd=fd:pipe; fd=fd:eventfd; fd=fd:udp; fd=fd:epoll
 *   desc: The file's operations have no fsync method.
 *
 * error: EIO, the filesystem could not write the data
 *   kapi-cond: fd=fd:fuse-fsync-fails; fd=fd:fuse-writeback-failed
 *   desc: As for fsync(); FUSE sends FSYNC with FUSE_FSYNC_FDATASYNC.
 *
 * error: ENOSPC, the filesystem had no room for delayed allocations
 *   kapi-cond: fd=fd:fuse-fsync-fails
 *   desc: As for fsync().
 *
 * error: EDQUOT, a disk quota was exceeded while writing back
 *   kapi-cond: fd=fd:fuse-fsync-fails
 *   desc: As for fsync().
 *
 * error: EROFS, the filesystem went read-only after an error
 *   kapi-cond: fd=fd:fuse-fsync-fails
 *   desc: As for fsync().
 *
 * side-effect: filesystem | hardware
 *   target: the file's dirty pages and the metadata needed to read them
 *   desc: The data reach storage; times may stay dirty.
 *   kapi-unobservable: writing cached data to storage changes nothing a caller can read
 *     back, and the error sequence of an open file description is kernel-internal
 *
 * notes: Before writing, fsync() (datasync 0) also marks an inode whose times
 *   are dirty (lazytime) for writing; fdatasync() does not.
 */
SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
}

/**
 * sys_sync_file_range - start or wait for writeback of a range of a file
 * @fd: descriptor of the file
 * @offset: start of the range in bytes
 * @nbytes: length of the range in bytes; 0 means to the end of the file
 * @flags: SYNC_FILE_RANGE_WAIT_BEFORE, SYNC_FILE_RANGE_WRITE, SYNC_FILE_RANGE_WAIT_AFTER
 *
 * long-desc: Controls writeback of the pages of [offset, offset + nbytes) of
 *   fd's file, without the filesystem's fsync method and without metadata:
 *   SYNC_FILE_RANGE_WAIT_BEFORE waits for writeback already in flight,
 *   SYNC_FILE_RANGE_WRITE starts writeback of the dirty pages (as a data
 *   integrity writeback when all three flags are given), and
 *   SYNC_FILE_RANGE_WAIT_AFTER waits for it.  flags 0 checks the arguments and
 *   does nothing.  Only regular files, block devices, directories and symbolic
 *   links may be synced this way.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor (O_PATH ones count as not open: EBADF) of a
 *     regular file, block device or directory; other files give ESPIPE.
 *   desc: The file.
 *
 * param: offset
 *   kapi-valid: 0
 *   type: int, input
 *   constraint-type: range(0, LLONG_MAX)
 *   constraint: Negative values give EINVAL.
 *   desc: Start of the range.
 *
 * param: nbytes
 *   kapi-valid: 4096
 *   type: int, input
 *   constraint-type: range(0, LLONG_MAX)
 *   constraint: Negative values give EINVAL, and so does a range whose end,
 *     offset + nbytes, passes LLONG_MAX.  0 means to the end of the file.
 *   desc: Length of the range.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)
 *   constraint: Other bits give EINVAL, checked before anything else but the
 *     descriptor.
 *   desc: What to do with the range.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0, or a negative errno.
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:opath
 *   desc: O_PATH descriptors are not looked up for this call.
 *
 * error: EINVAL, flags has an unknown bit, or the range is negative or overflows
 *   kapi-cond: offset=-1; nbytes=-1; offset=LLONG_MAX, nbytes=1; fd=fd:pipe, flags=8
 *   desc: Checked in this order: the flags, a negative offset, a negative end
 *     (offset + nbytes wrapping past LLONG_MAX), an end below the start; all
 *     before the file type, so a pipe with bad flags gives EINVAL.
 *
 * error: EIO, a writeback of the file failed, now or earlier
 *   kapi-cond: fd=fd:fuse-writeback-failed, flags=SYNC_FILE_RANGE_WAIT_BEFORE; fd=fd:fuse-writeback-failed, flags=SYNC_FILE_RANGE_WAIT_AFTER
 *   desc: With a wait flag, file_fdatawait_range() reports a writeback error
 *     recorded on the file's mapping since this open file description last saw
 *     one (once); SYNC_FILE_RANGE_WRITE reports errors of starting writeback.
 *
 * error: ENOSPC, a writeback of the file ran out of space
 *   kapi-cond: fd=fd:fuse-writeback-failed, flags=SYNC_FILE_RANGE_WAIT_AFTER
 *   desc: As EIO, for a filesystem that allocates at writeback time.
 *
 * error: ESPIPE, fd is not a regular file, block device, directory or symbolic link
 *   kapi-cond: fd=fd:pipe; fd=fd:fifo; fd=fd:udp; fd=fd:eventfd
 *   desc: Pipes, FIFOs, sockets, character devices and anonymous inodes have
 *     no pages to write back.
 *
 * side-effect: filesystem
 *   target: the range's dirty pages
 *   condition: flags has SYNC_FILE_RANGE_WRITE
 *   desc: Writeback of the dirty pages starts (and with the WAIT flags, is
 *     waited for); metadata is not written.
 *   kapi-unobservable: writing cached data to storage changes nothing a caller can read
 *     back
 *
 * notes: The man page also lists ENOMEM from writeback: in 6.1 it comes from a
 *   filesystem's writepages method (ext4's allocations), not from this call.
 *   The man page's ESPIPE list (regular files, block devices
 *   and directories allowed) misses symbolic links, which the kernel accepts
 *   but an open descriptor cannot refer to except through O_PATH, which gives
 *   EBADF.
 */
SYSCALL_DEFINE4(sync_file_range, int, fd, loff_t, offset, loff_t, nbytes,
		unsigned int, flags)
{
}
