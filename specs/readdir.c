// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the directory-reading system call getdents64 (fs/readdir.c, Linux 6.1).

/**
 * sys_getdents64 - read entries of an open directory into a user buffer
 * @fd: descriptor of the directory, open for reading
 * @dirent: user buffer that receives struct linux_dirent64 records
 * @count: size of dirent in bytes
 *
 * long-desc: Asks the filesystem for the entries of the directory behind fd,
 *   starting at the descriptor's directory position, and packs as many as
 *   fit into dirent as variable-length struct linux_dirent64 records (inode
 *   number, the position of the next entry, the record length, the file type
 *   from DT_*, the NUL-terminated name, padded to a multiple of 8 bytes).
 *   The position then stands after the last entry copied, so the next call
 *   goes on from there; 0 is returned once no entry is left.  "." and ".."
 *   are entries like the others.  The position is an opaque cookie chosen by
 *   the filesystem (a hash on ext4, an index on tmpfs), not a byte offset;
 *   lseek() with a value a record gave goes back to it.  This is the call
 *   readdir() in the C library is built on.  The raw syscall returns the byte
 *   count or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:dir
 *   type: fd, input
 *   constraint: An open descriptor of a directory.  Its access mode does not
 *     matter (directories open O_RDONLY anyway); O_PATH descriptors give
 *     EBADF.  The descriptor's f_pos_lock is held for the call, so threads
 *     that share the open file description take turns.
 *   desc: The directory whose entries are read.
 *
 * param: dirent
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   constraint: count bytes of writable user memory.  No access_ok() check
 *     is done up front: each record is written with user_write_access_begin(),
 *     and a fault ends the call with EFAULT (or with the bytes already
 *     filled, when the fault hits a later record).
 *   desc: Receives the records; only the first ret bytes are meaningful.
 *
 * param: count
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint: Must hold at least the next record: 24 bytes for a name of up
 *     to 4 bytes, 8 more for each further 8 bytes of name.  The kernel keeps
 *     the room left in an int, so a count of 2^31 or more is negative to it
 *     and no record fits (EINVAL).
 *   desc: Size of dirent, the most the call fills.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, INT_MAX
 *   desc: The number of bytes of records written into dirent, 0 at the end
 *     of the directory, or a negative errno.
 *   kapi-effect: mem:filled=dirent,ret
 *
 * error: EBADF, fd is not an open descriptor, or is an O_PATH descriptor
 *   kapi-cond: fd=fd:closed; fd=-1; fd=fd:opath
 *   desc: fdget_pos() finds no file, or one opened with O_PATH.
 *
 * error: EFAULT, dirent points to memory the call cannot write
 *   kapi-cond: dirent=ptr:unmapped; dirent=ptr:readonly; dirent=ptr:null
 *   kapi-nonatomic: ext4's hashed directories move the position to the cookie of the entry that failed, although nothing was returned
 *   desc: Writing the first record faulted.  A fault on a later record ends
 *     the call with the bytes of the records before it, not with EFAULT;
 *     so does a fault on the final update of the last record's d_off only
 *     if that record was written (then EFAULT after all).
 *
 * error: EINVAL, count is too small for the next entry
 *   kapi-cond: count=1; count=0; count=0x80000000
 *   kapi-nonatomic: ext4's hashed directories move the position to the cookie of the entry that did not fit, although nothing was returned
 *   desc: The first record does not fit: count below its length, or count
 *     of 2^31 or more, which is negative as the kernel's int.  Not returned
 *     when at least one record fit.  The position need not stay where it
 *     was: an ext4 directory with a hash index turns a position of 0 into
 *     the hash cookie of its first entry (the next call starts at that entry
 *     all the same); tmpfs leaves it alone.
 *
 * error: EIO, the filesystem failed to read the directory
 *   kapi-cond: fd=fd:fuse-readdir-fails
 *   desc: A directory block could not be read, an entry name from the
 *     filesystem is empty or holds a '/' (verify_dirent_name() refuses it:
 *     a corrupted filesystem), or a FUSE or network server answered the
 *     read with EIO.
 *
 * error: ENOENT, the directory was removed
 *   kapi-cond: fd=fd:dir-removed
 *   desc: The directory behind fd was removed (rmdir) after it was opened;
 *     iterate_dir() finds it dead and lists nothing, not even "." and "..".
 *
 * error: ENOTDIR, fd does not refer to a directory
 *   kapi-cond: fd=fd:file; fd=fd:pipe
 *   desc: The file has neither an iterate nor an iterate_shared method:
 *     regular files, pipes, sockets, devices.
 *
 * lock: f_pos_lock
 *   type: mutex
 *   scope: internal
 *   desc: Taken by fdget_pos() when the open file description may be shared
 *     (a directory's always counts as positioned), so that concurrent reads
 *     of one description do not reuse a position.
 *
 * lock: inode->i_rwsem
 *   type: semaphore
 *   scope: internal
 *   desc: Held shared (iterate_shared, most filesystems) or exclusive
 *     (iterate) while the filesystem lists entries; the wait is killable.
 *
 * side-effect: file_position
 *   target: directory position of fd
 *   desc: The position moves past the entries returned; at the end of the
 *     directory (return 0) it stays.  The directory's access time is
 *     updated as for a read (file_accessed()), and an IN_ACCESS event is
 *     sent to inotify watchers.
 *   reversible: yes
 *   kapi-effect: fd:offset-moved=fd
 *   kapi-effect-case: fd=fd:dir-end
 *
 * side-effect: modify_state
 *   target: dirent
 *   desc: The first ret bytes of dirent are filled with records; bytes
 *     after them are not touched.
 *   reversible: yes
 *   kapi-effect: mem:filled=dirent,ret
 *
 * kapi-not-returned: EINTR down_read_killable() and down_write_killable() fail only for a fatal
 *   signal, whose task dies on the way back to user space and never sees the return
 *
 * notes: The man page describes the older getdents() and its struct
 *   linux_dirent with the type in the last byte; getdents64 carries d_type in
 *   its own field, and x86-64 has both calls.  The position a record gives in
 *   d_off is where the next entry starts, as the man page says; on tmpfs it is
 *   a small index, on ext4 a 63-bit hash.  Entries added or removed during a
 *   listing may or may not be seen.
 */
SYSCALL_DEFINE3(getdents64, unsigned int, fd,
		struct linux_dirent64 __user *, dirent, unsigned int, count)
{
}
