// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the fadvise64 system call (mm/fadvise.c, Linux 6.1).

/**
 * sys_fadvise64 - tell the kernel how a range of a file will be accessed
 * @fd: descriptor of the file
 * @offset: start of the range, in bytes
 * @len: length of the range in bytes; 0 means up to the end of the file
 * @advice: one POSIX_FADV_* value
 *
 * long-desc: The x86-64 posix_fadvise() (syscall 221).  Gives the page cache a
 *   hint about fd's file in [offset, offset + len): POSIX_FADV_NORMAL restores
 *   the default readahead window, POSIX_FADV_RANDOM turns readahead off for this
 *   open file description, POSIX_FADV_SEQUENTIAL doubles the window,
 *   POSIX_FADV_WILLNEED starts reading the range into the cache,
 *   POSIX_FADV_DONTNEED starts writing back the range's dirty pages and drops
 *   its clean, whole pages from the cache, and POSIX_FADV_NOREUSE does nothing.
 *   A filesystem may have its own method (tmpfs has none in 6.1).  On a file
 *   whose backing device has no writeback (tmpfs, proc, sockets) or on DAX, the
 *   advice is only checked and ignored.  The raw syscall returns 0 or a negative
 *   errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: An open descriptor (O_PATH ones count as not open: EBADF); any
 *     access mode will do; a pipe or FIFO gives ESPIPE.
 *   desc: The file the advice is about.
 *
 * param: offset
 *   kapi-valid: 0
 *   type: int, input
 *   kapi-test: no-invalid, no-boundary
 *   constraint: Any value is accepted, including one past the end of the file
 *     or a negative one (the range arithmetic is unsigned).
 *   desc: Start of the range.
 *
 * param: len
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint-type: range(0, SIZE_MAX)
 *   kapi-test: no-boundary
 *   constraint: Read as a signed loff_t: values above LLONG_MAX are negative
 *     and give EINVAL.  0, or a range that wraps past 2^64, means to the end of
 *     the file.
 *   desc: Length of the range.
 *
 * param: advice
 *   type: int, input
 *   constraint-type: enum(POSIX_FADV_NORMAL, POSIX_FADV_RANDOM, POSIX_FADV_SEQUENTIAL, POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE)
 *   constraint: Other values give EINVAL, also on files whose advice is ignored.
 *     x86-64 numbers DONTNEED 4 and NOREUSE 5 (s390x uses 6 and 7).
 *   desc: The access pattern.
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
 * error: EINVAL, advice is unknown, len is above LLONG_MAX, or the file has no page cache mapping
 *   kapi-cond: advice=99; len=0x8000000000000000
 *   desc: generic_fadvise() refuses a negative len and a file without an
 *     address_space before looking at advice, then an unknown advice; a
 *     filesystem's own method may refuse more.
 *
 * error: ESPIPE, fd refers to a pipe or FIFO
 *   kapi-cond: fd=fd:pipe; fd=fd:fifo
 *   desc: Tested first in generic_fadvise(), before len and advice.
 *
 * side-effect: modify_state
 *   target: the open file description's readahead state (f_ra, FMODE_RANDOM)
 *   condition: advice is POSIX_FADV_NORMAL, POSIX_FADV_RANDOM or
 *     POSIX_FADV_SEQUENTIAL, on a file with writeback
 *   desc: The readahead window or random-access mode changes for this open
 *     file description only.
 *   kapi-unobservable: the readahead window and FMODE_RANDOM are kernel-internal: neither
 *     fdinfo nor fcntl shows them
 *
 * side-effect: modify_state | alloc_memory
 *   target: page cache of the range
 *   condition: advice is POSIX_FADV_WILLNEED or POSIX_FADV_DONTNEED, on a file
 *     with writeback
 *   desc: WILLNEED schedules reads of the range into the cache; DONTNEED
 *     starts writeback of dirty pages and drops clean whole pages.
 *   kapi-unobservable: the page cache of a file is not compared (mincore of a mapping would
 *     show it, but the scratch directory's tmpfs ignores the advice)
 *
 * notes: The man page lists EINVAL for an unknown advice only; the kernel
 *   also returns it for a len above LLONG_MAX (negative as a loff_t).  The advice is accepted and ignored on tmpfs; on 6.1 a descriptor open only
 *   for writing is accepted.  glibc's posix_fadvise() returns the error number
 *   instead of setting errno; the raw syscall returns it negated.
 */
SYSCALL_DEFINE4(fadvise64, int, fd, loff_t, offset, size_t, len, int, advice)
{
}
