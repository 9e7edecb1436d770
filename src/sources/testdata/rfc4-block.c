// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test fixture for kapi: RFC v4 kernel-doc specification, block style.
 *
 * Excerpt modelled on fs/exec.c: execveat() with a specification written in
 * the "improved kerneldoc format" of the fourth RFC posting (param:, error:,
 * lock:, signal: and capability: blocks with indented sub-fields).  The
 * wording is our own.
 */

#include <linux/binfmts.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

#include "internal.h"

/*
 * Pick the lookup flags for the executable.  AT_EMPTY_PATH lets an empty
 * name refer to fd itself; AT_SYMLINK_NOFOLLOW refuses a final symlink.
 */
static int exec_lookup_flags(int flags)
{
	int lookup = LOOKUP_FOLLOW;

	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;

	return lookup;
}

/**
 * sys_execveat - run a program named relative to a directory descriptor
 * @fd: directory descriptor, AT_FDCWD, or the program itself
 * @filename: path of the program
 * @argv: argument vector for the new program
 * @envp: environment vector for the new program
 * @flags: AT_EMPTY_PATH and/or AT_SYMLINK_NOFOLLOW
 *
 * long-desc: Replaces the program running in the calling process with the
 *   one found at filename, resolved against fd the way openat() resolves
 *   relative names.  With AT_EMPTY_PATH and an empty filename the file that
 *   fd refers to is executed directly.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 * since-version: 3.19
 *
 * param: fd, KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: AT_FDCWD, INT_MAX
 *   constraint: an open descriptor, or AT_FDCWD for the current working
 *     directory
 *
 * param: filename, KAPI_TYPE_PATH
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_CUSTOM
 *   constraint: NUL-terminated and shorter than PATH_MAX; may be empty only
 *     together with AT_EMPTY_PATH
 *
 * param: argv, KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL
 *   constraint: NULL-terminated array of string pointers; a NULL array is
 *     treated as an empty one
 *
 * param: envp, KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL
 *   constraint: NULL-terminated array of string pointers; a NULL array is
 *     treated as an empty one
 *
 * param: flags, KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_MASK
 *   valid-mask: AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW
 *   constraint: any other bit is rejected
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_ERROR_CHECK
 *   success: 0
 *   desc: Does not return to the caller on success; the new program starts
 *     instead.  Failures before the point of no return yield a negative
 *     error code.
 *
 * error: E2BIG, argument list too long
 *   desc: The strings in argv and envp do not fit in the stack space allowed
 *     by RLIMIT_STACK.
 *
 * error: EACCES, permission denied, or the file is on a noexec mount
 *   desc: Search permission on a path component or execute permission on the
 *     file is missing, or the file is not a regular file.
 *
 * error: EAGAIN, process count limit exceeded
 *   desc: An earlier set*uid() call left the process above RLIMIT_NPROC.
 *
 * error: EBADF, bad directory descriptor
 *   desc: fd is neither AT_FDCWD nor an open descriptor.
 *
 * error: EFAULT, bad user pointer
 *   desc: filename, argv, envp or one of the strings cannot be read.
 *
 * error: EINVAL, invalid flags
 *   desc: flags holds a bit other than AT_EMPTY_PATH and AT_SYMLINK_NOFOLLOW.
 *
 * error: ENOENT, file not found
 *   desc: The program or a directory on its path does not exist, or filename
 *     is empty without AT_EMPTY_PATH.
 *
 * error: ENOEXEC, unrecognised executable format
 *   desc: No registered binary format handler accepted the file.
 *
 * lock: cred_guard_mutex, KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken interruptibly while the new credentials are computed, so
 *     that ptrace attach cannot race with a privilege change.
 *
 * signal: SIGKILL
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: something fails after the point of no return
 *   desc: The old program image is already gone, so the task is killed
 *     instead of seeing an error code.
 *
 * capability: CAP_SYS_RESOURCE, KAPI_CAP_BYPASS_CHECK, CAP_SYS_RESOURCE
 *   allows: switching user IDs without being held to RLIMIT_NPROC at exec time
 *   without: exec fails with EAGAIN while the process count is over the limit
 *   condition: the process changed its real user ID beforehand
 *   priority: 0
 *
 * notes: argv[0] is passed through as given; it need not match filename.
 *
 * Return: does not return on success, a negative error code otherwise.
 */
SYSCALL_DEFINE5(execveat,
		int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp,
		int, flags)
{
	int lookup = exec_lookup_flags(flags);

	if (lookup < 0)
		return lookup;

	return do_execveat(fd, getname_uflags(filename, flags),
			   native_arg(argv), native_arg(envp), flags);
}
