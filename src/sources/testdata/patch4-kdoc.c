// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: PATCH v4 kernel-doc specifications (short tokens).
 *
 * Excerpts modelled on fs/file.c (dup3) and fs/pipe.c (pipe2, the pipe
 * ioctl handler) plus a small exported helper, each preceded by a
 * specification in the final kernel-doc form.  Wording is our own.
 */

#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/module.h>
#include <linux/pipe_fs_i.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/watch_queue.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* fs/file.c                                                           */
/* ------------------------------------------------------------------ */

/**
 * sys_dup3 - duplicate a descriptor onto a chosen number
 * @oldfd: descriptor to duplicate
 * @newfd: number the duplicate should get
 * @flags: zero or O_CLOEXEC
 *
 * long-desc: Makes newfd refer to the same open file description as oldfd.
 *   If newfd is already open it is closed first, silently, and the close
 *   and the reuse happen as one step so that no other thread can take the
 *   number in between.
 * contexts: process, sleepable
 *
 * param: oldfd
 *   type: fd, input
 *   desc: Must be an open descriptor.
 *
 * param: newfd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *   constraint: below RLIMIT_NOFILE and different from oldfd
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(O_CLOEXEC)
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: newfd on success, a negative error code on failure.
 *
 * error: EBADF, oldfd is not open, or newfd is not below RLIMIT_NOFILE
 *   desc: Checked before anything is changed.
 *
 * error: EBUSY, newfd is being installed by a concurrent open
 *   desc: The slot is reserved but not yet filled; retrying usually works.
 *
 * error: EINVAL, flags has a bit other than O_CLOEXEC, or oldfd equals newfd
 *
 * error: EMFILE, the descriptor table cannot grow to hold newfd
 *   desc: newfd is at or above the fs.nr_open limit.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Protects the descriptor table while the slot is replaced.
 *
 * side-effect: resource_destroy | modify_state
 *   target: file previously open as newfd
 *   condition: newfd was open before the call
 *   desc: The old file is closed and any error from that close is lost.
 *   reversible: no
 *
 * state-trans: descriptor slot newfd
 *   object: descriptor slot newfd
 *   from: unused, or open on another file
 *   to: refers to the file of oldfd
 *   condition: the call succeeds
 *   desc: The close-on-exec bit of the slot follows O_CLOEXEC.
 *
 * Context: Process context.  Takes and releases files->file_lock.
 * Return: @newfd on success, a negative error code on failure.
 */
SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (unlikely(oldfd == newfd))
		return -EINVAL;

	return replace_fd_slot(oldfd, newfd, flags);
}

/* ------------------------------------------------------------------ */
/* fs/pipe.c                                                           */
/* ------------------------------------------------------------------ */

/**
 * pipe_unread_bytes() - count the bytes waiting in a pipe
 * @pipe: the pipe to inspect
 *
 * Walks the occupied slots between tail and head.
 *
 * Context: Caller holds pipe->mutex.
 * Return: number of unread bytes.
 */
static unsigned int pipe_unread_bytes(struct pipe_inode_info *pipe)
{
	unsigned int head = pipe->head, tail = pipe->tail;
	unsigned int mask = pipe->ring_size - 1;
	unsigned int bytes = 0;

	for (; tail != head; tail++)
		bytes += pipe->bufs[tail & mask].len;

	return bytes;
}

/**
 * sys_pipe2 - create a pipe, with flags
 * @fildes: user array receiving the read and write descriptors
 * @flags: O_CLOEXEC, O_NONBLOCK, O_DIRECT and/or O_NOTIFICATION_PIPE
 *
 * long-desc: Creates an anonymous pipe and stores two new descriptors in
 *   fildes: fildes[0] is the read end and fildes[1] the write end.
 *   O_DIRECT selects packet mode, in which every write is delivered as a
 *   separate message.  O_NOTIFICATION_PIPE prepares the pipe for the watch
 *   queue mechanism instead of ordinary writes.
 * contexts: process, sleepable
 *
 * param: fildes
 *   type: user_ptr, output
 *   size: 2 * sizeof(int)
 *   constraint-type: user_ptr
 *   kapi-semantic: fd:pipe
 *   desc: Receives the read end in fildes[0] and the write end in fildes[1].
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE)
 *   arch-mask: alpha = O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE
 *   arch-mask: parisc = O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE
 *   arch-mask: sparc = O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE
 *   constraint: O_NOTIFICATION_PIPE needs CONFIG_WATCH_QUEUE; the flag values
 *     differ between architectures, hence the per-architecture masks.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 on success, a negative error code on failure.
 *
 * error: EFAULT, fildes is not writable
 *   desc: Both descriptors are released again before returning.
 *
 * error: EINVAL, flags holds an unknown bit
 *
 * error: EMFILE, the per-process descriptor limit was reached
 *
 * error: ENFILE, the system-wide file limit or the pipe buffer budget was reached
 *   desc: Unprivileged users are also bound by fs.pipe-user-pages-hard.
 *
 * error: ENOPKG, O_NOTIFICATION_PIPE without watch queue support
 *
 * side-effect: alloc_memory | resource_create
 *   target: pipe buffer ring, two open files, two descriptor slots
 *   desc: Allocates the pipe and installs both ends in the descriptor table.
 *   reversible: yes
 *
 * state-trans: descriptor table
 *   object: descriptor table
 *   from: two slots unused
 *   to: the slots hold the read and the write end
 *   desc: The lowest free numbers are used.
 *
 * constraint: pipe buffer budget
 *   desc: unprivileged users may not exceed fs.pipe-user-pages-hard
 *   expr: user_pipe_pages <= pipe_user_pages_hard || capable(CAP_SYS_RESOURCE)
 *
 * examples: int fds[2];
 *   if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
 *       err(1, "pipe2");
 * notes: pipe() behaves like pipe2() with flags set to zero.
 *
 * Context: Process context; may sleep while allocating.
 * Return: 0 on success, a negative error code on failure.
 */
SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

/**
 * pipe_ioctl - ioctl handler for both ends of a pipe
 * @file: the pipe file
 * @cmd: ioctl command
 * @arg: command argument
 *
 * long-desc: Reports the number of unread bytes for FIONREAD and, on
 *   notification pipes, sizes the watch queue or installs its filter.
 * contexts: process, sleepable
 *
 * param: file
 *   type: ptr, input
 *   desc: Either end of the pipe.
 *
 * param: cmd
 *   type: uint, input
 *   constraint-type: enum(FIONREAD, IOC_WATCH_QUEUE_SET_SIZE, IOC_WATCH_QUEUE_SET_FILTER)
 *
 * param: arg
 *   type: uint, input
 *   desc: For FIONREAD a user pointer to an int; for the watch queue
 *     commands a slot count or a user pointer to a filter.
 *
 * return:
 *   type: int
 *   check-type: error_check
 *   success: 0
 *
 * error: EFAULT, the FIONREAD result could not be stored
 *
 * error: EINVAL, watch queue command on an ordinary pipe, or a bad argument
 *   desc: Unknown commands are passed back to the VFS, which reports them
 *     to user space as ENOTTY.
 *
 * lock: pipe->mutex
 *   type: mutex
 *   scope: internal
 *   desc: Held while the unread bytes are counted.
 *
 * Context: Process context.
 * Return: 0 on success, a negative error code on failure.
 */
static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	unsigned int count;

	switch (cmd) {
	case FIONREAD:
		mutex_lock(&pipe->mutex);
		count = pipe_unread_bytes(pipe);
		mutex_unlock(&pipe->mutex);
		return put_user(count, (int __user *)arg);

#ifdef CONFIG_WATCH_QUEUE
	case IOC_WATCH_QUEUE_SET_SIZE:
		return watch_queue_resize(pipe, arg);

	case IOC_WATCH_QUEUE_SET_FILTER:
		return watch_queue_filter(pipe, (void __user *)arg);
#endif

	default:
		return -ENOIOCTLCMD;
	}
}

/**
 * kapi_demo_helper - double a small non-negative value
 * @x: value to double
 *
 * contexts: process, softirq, hardirq
 * kapi-note: exported only so that the kapi self-tests have a target
 *
 * param: x
 *   type: int, input
 *   constraint-type: range(0, 255)
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, 510
 *   desc: Twice x.
 *
 * error: EINVAL, x is outside 0..255
 *
 * Context: Any context.
 * Return: 2 * @x on success, -EINVAL otherwise.
 */
int kapi_demo_helper(int x)
{
	if (x < 0 || x > 255)
		return -EINVAL;

	return 2 * x;
}
EXPORT_SYMBOL_GPL(kapi_demo_helper);
