// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test fixture for kapi: two RFC v2 syscall specs in the style the posted
 * epoll_pwait and epoll_pwait2 specs use.  The last entry of several groups
 * has no comma before the macro that closes the group (valid C: the macro
 * expands to "},"): a raw initializer before KAPI_PARAM_END, KAPI_RETURN_END,
 * KAPI_SIGNAL_MASK_END, KAPI_SIGNAL_END and KAPI_END_SPEC.  Reading it must
 * give no diagnostic.
 */
#include <linux/eventpoll.h>
#include <linux/kernel_api_spec.h>
#include <linux/signal.h>
#include <linux/syscalls.h>

DEFINE_KERNEL_API_SPEC(sys_epoll_pwait)
	KAPI_DESCRIPTION("Wait for epoll events with a temporary signal mask")
	KAPI_LONG_DESC("Behaves as epoll_wait() while the signal mask of the "
		       "calling thread is replaced by the one the caller passes; "
		       "the previous mask is put back before the call returns.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "epfd", "int", "The epoll instance to wait on")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
	KAPI_PARAM_END

	KAPI_PARAM(1, "events", "struct epoll_event __user *", "Where ready events are stored")
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER)
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		.size_param_idx = 2,
		.size_multiplier = sizeof(struct epoll_event)
	KAPI_PARAM_END

	KAPI_PARAM(2, "maxevents", "int", "Capacity of the events array")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(1, INT_MAX / sizeof(struct epoll_event))
	KAPI_PARAM_END

	KAPI_PARAM(3, "timeout", "int", "Milliseconds to wait; -1 waits without limit")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
	KAPI_PARAM_END

	KAPI_PARAM(4, "sigmask", "const sigset_t __user *", "Mask installed while waiting, or NULL")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL)
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		.size_param_idx = 5
	KAPI_PARAM_END

	KAPI_PARAM(5, "sigsetsize", "size_t", "Size of *sigmask in bytes")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		.min_value = sizeof(sigset_t),
		.max_value = sizeof(sigset_t)
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(6)

	KAPI_RETURN("long", "The number of ready descriptors, or a negative errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_RANGE)
		.success_min = 0,
		.success_max = INT_MAX
	KAPI_RETURN_END

	KAPI_ERROR(0, -EBADF, "EBADF", "epfd is not open",
		   "The descriptor is not a valid open file")
	KAPI_ERROR(1, -EFAULT, "EFAULT", "Bad user memory",
		   "events or sigmask cannot be accessed")
	KAPI_ERROR(2, -EINTR, "EINTR", "Interrupted",
		   "A signal the temporary mask leaves unblocked arrived first")
	KAPI_ERROR(3, -EINVAL, "EINVAL", "Bad arguments",
		   "epfd is not an epoll instance, maxevents is not positive, "
		   "or sigsetsize is not sizeof(sigset_t)")

	KAPI_ERROR_COUNT(4)

	KAPI_SIGNAL(0, 0, "UNBLOCKED", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("The signal is not in the temporary mask")
		.description = "Ends the wait early; the call returns -EINTR"
	KAPI_SIGNAL_END

	KAPI_SIGNAL_COUNT(1)

	KAPI_SIGNAL_MASK(0, "caller_mask", "The mask passed in sigmask")
		.description = "Replaces the thread's mask for the duration of "
			       "the wait and is swapped back before returning"
	KAPI_SIGNAL_MASK_END

	.signal_mask_count = 1,
	KAPI_SINCE_VERSION("2.6.19")
	.notes = "Equivalent to setting the mask, calling epoll_wait() and "
		 "restoring the mask, done as one atomic step"
KAPI_END_SPEC;

SYSCALL_DEFINE6(epoll_pwait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	struct timespec64 to;

	return do_epoll_pwait(epfd, events, maxevents, ep_timeout_to_timespec(&to, timeout),
			      sigmask, sigsetsize);
}

DEFINE_KERNEL_API_SPEC(sys_epoll_pwait2)
	KAPI_DESCRIPTION("Wait for epoll events with a timespec timeout and a signal mask")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "epfd", "int", "The epoll instance to wait on")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
	KAPI_PARAM_END

	KAPI_PARAM(1, "events", "struct epoll_event __user *", "Where ready events are stored")
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER)
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		.size_param_idx = 2
	KAPI_PARAM_END

	KAPI_PARAM(2, "maxevents", "int", "Capacity of the events array")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(1, INT_MAX / sizeof(struct epoll_event))
	KAPI_PARAM_END

	KAPI_PARAM(3, "timeout", "const struct __kernel_timespec __user *", "How long to wait, or NULL to wait without limit")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL)
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		.size = sizeof(struct __kernel_timespec)
	KAPI_PARAM_END

	KAPI_PARAM(4, "sigmask", "const sigset_t __user *", "Mask installed while waiting, or NULL")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL)
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		.size_param_idx = 5
	KAPI_PARAM_END

	KAPI_PARAM(5, "sigsetsize", "size_t", "Size of *sigmask in bytes")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(sizeof(sigset_t), sizeof(sigset_t))
	KAPI_PARAM_END

	.param_count = 6,

	KAPI_RETURN("long", "The number of ready descriptors, or a negative errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_RANGE)
		KAPI_RETURN_SUCCESS_RANGE(0, INT_MAX)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EBADF, "EBADF", "epfd is not open",
		   "The descriptor is not a valid open file")
	KAPI_ERROR(1, -EFAULT, "EFAULT", "Bad user memory",
		   "events, timeout or sigmask cannot be accessed")
	KAPI_ERROR(2, -EINTR, "EINTR", "Interrupted",
		   "A signal the temporary mask leaves unblocked arrived first")
	KAPI_ERROR(3, -EINVAL, "EINVAL", "Bad arguments",
		   "maxevents is not positive, the timespec is out of range, "
		   "or sigsetsize is not sizeof(sigset_t)")

	.error_count = 4,

	KAPI_SIGNAL_MASK(0, "caller_mask", "The mask passed in sigmask")
		.description = "Applied and restored exactly as by epoll_pwait()"
	KAPI_SIGNAL_MASK_END

	.signal_mask_count = 1,
	.since_version = "5.11"
KAPI_END_SPEC;

SYSCALL_DEFINE6(epoll_pwait2, int, epfd, struct epoll_event __user *, events,
		int, maxevents, const struct __kernel_timespec __user *, timeout,
		const sigset_t __user *, sigmask, size_t, sigsetsize)
{
	return do_epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize);
}
