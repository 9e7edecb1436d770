// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: RFC v1 C-macro specifications.
 *
 * Two excerpts stitched together: the mlock2() entry point from mm/mlock.c
 * and the epoll_ctl()/epoll_wait() entry points from fs/eventpoll.c, each
 * preceded by its DEFINE_KERNEL_API_SPEC() block the way the first RFC
 * posting laid them out.  Descriptions are written for this fixture.
 */

#include <linux/capability.h>
#include <linux/mman.h>
#include <linux/mm.h>
#include <linux/sched/user.h>
#include <linux/syscalls.h>
#include <linux/eventpoll.h>
#include <linux/file.h>
#include <linux/uaccess.h>
#include <linux/kernel_api_spec.h>
#include <linux/syscall_api_spec.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* mm/mlock.c                                                          */
/* ------------------------------------------------------------------ */

/*
 * Accepted values of the mlock2() flags argument; MLOCK_ONFAULT is the
 * only bit defined so far.
 */
static const s64 mlock2_flag_values[] = {
	0,
	MLOCK_ONFAULT,
};

static inline bool mlock2_flags_valid(int flags)
{
	return (flags & ~MLOCK_ONFAULT) == 0;
}

DEFINE_KERNEL_API_SPEC(sys_mlock2)
	KAPI_DESCRIPTION("Lock a range of pages in memory, optionally on fault")
	KAPI_LONG_DESC("Marks every page overlapping [start, start + len) as locked "
		       "so that it cannot be written out to swap.  Without flags "
		       "the whole range is faulted in before the call returns; "
		"with MLOCK_ONFAULT the range is only marked and pages become "
	    "resident as they are touched (the \"lock on fault\" mode).\n"
		       "Locked memory is charged against RLIMIT_MEMLOCK.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	/* Parameters */
	KAPI_PARAM(0, "start", "unsigned long", "First address of the range to lock")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
		.constraint_type = KAPI_CONSTRAINT_NONE,
		.constraints = "Rounded down to the containing page boundary",
	KAPI_PARAM_END

	KAPI_PARAM(1, "len", "size_t", "Length of the range in bytes")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
		.constraint_type = KAPI_CONSTRAINT_RANGE,
		KAPI_PARAM_RANGE(0, LONG_MAX)
		.constraints = "Rounded up so that the last touched page is included",
	KAPI_PARAM_END

	KAPI_PARAM(2, "flags", "int", "Locking mode")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_INT,
		.constraint_type = KAPI_CONSTRAINT_MASK,
		.valid_mask = MLOCK_ONFAULT,
		.enum_values = mlock2_flag_values,
		.enum_count = ARRAY_SIZE(mlock2_flag_values),
		.constraints = "Zero or MLOCK_ONFAULT; any other bit is rejected",
	KAPI_PARAM_END

	/* Return value */
	KAPI_RETURN("long", "Zero on success, a negative error code on failure")
		.type = KAPI_TYPE_INT,
		.check_type = KAPI_RETURN_EXACT,
		.success_value = 0,
	KAPI_RETURN_END

	/* Errors */
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Unknown bit in flags",
		   "flags holds a bit other than MLOCK_ONFAULT, or start + len wraps around")
	KAPI_ERROR(1, -ENOMEM, "ENOMEM", "Range not fully mapped",
		   "Part of the range has no mapping, or locking it would push the "
		   "caller over RLIMIT_MEMLOCK without CAP_IPC_LOCK")
	KAPI_ERROR(2, -EPERM, "EPERM", "Locking not permitted",
		   "RLIMIT_MEMLOCK is zero and the caller lacks CAP_IPC_LOCK")
	KAPI_ERROR(3, -EAGAIN, "EAGAIN", "Pages could not be locked",
		   "Some pages in the range could not be made resident")
	KAPI_ERROR(4, -EINTR, "EINTR", "Killed while waiting",
		   "A fatal signal arrived while waiting for mmap_lock")

	.error_count = 5,
	.param_count = 3,
	.since_version = "4.4",
	.notes = "Locks do not stack: locking a page twice and unlocking it once "
		 "leaves it unlocked.  "
		 "Child processes created by fork() do not inherit the locks.",
	.examples = "mlock2(buf, 4096, 0);\n"
		    "mlock2(buf, len, MLOCK_ONFAULT);",

	/* Locking */
	KAPI_LOCK(0, "mmap_lock", KAPI_LOCK_RWLOCK)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Taken for writing (killable) while the VMA flags are changed")
	KAPI_LOCK_END

	.lock_count = 1,

	/* Signals */
	KAPI_SIGNAL(0, SIGKILL, "SIGKILL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_TERMINATE)
		KAPI_SIGNAL_CONDITION("Delivered while waiting for mmap_lock")
		KAPI_SIGNAL_DESC("The killable lock wait is abandoned and the call "
				 "fails with -EINTR on its way to process exit")
	KAPI_SIGNAL_END

	.signal_count = 1,

	/* Side effects */
	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY,
			 "process memory",
			 "Sets VM_LOCKED on the VMAs in the range and populates them")
		KAPI_EFFECT_CONDITION("The range is mapped and the limit allows it")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT_COUNT(1)

	/* State transitions */
	KAPI_STATE_TRANS(0, "page", "unlocked", "locked",
			 "Pages in the range become unevictable")
		KAPI_STATE_TRANS_COND("MLOCK_ONFAULT is not set, or the page was faulted in")
	KAPI_STATE_TRANS_END

	KAPI_STATE_TRANS_COUNT(1)

	/* Constraints */
	KAPI_CONSTRAINT(0, "memlock limit",
			"The locked total must stay within RLIMIT_MEMLOCK unless CAP_IPC_LOCK is held")
		KAPI_CONSTRAINT_EXPR("locked_vm + len / PAGE_SIZE <= rlimit(RLIMIT_MEMLOCK) / PAGE_SIZE || capable(CAP_IPC_LOCK)")
	KAPI_CONSTRAINT_END

	.constraint_count = 1,
KAPI_END_SPEC;

SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	vm_flags_t lock_flags;

	if (!mlock2_flags_valid(flags))
		return -EINVAL;

	lock_flags = VM_LOCKED;
	if (flags & MLOCK_ONFAULT)
		lock_flags |= VM_LOCKONFAULT;

	return do_mlock(start, len, lock_flags);
}

/* ------------------------------------------------------------------ */
/* fs/eventpoll.c                                                      */
/* ------------------------------------------------------------------ */

DEFINE_KERNEL_API_SPEC(sys_epoll_ctl)
	KAPI_DESCRIPTION("Add, modify or remove an entry of an epoll interest list")
	KAPI_LONG_DESC("Changes the set of file descriptors watched by the epoll "
		       "instance epfd.  op selects whether fd is added, has its "
		       "event mask replaced, or is removed.\n"
		"Nested epoll instances are allowed up to a fixed depth; loops are "
		"refused.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "epfd", "int", "Descriptor of the epoll instance")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_FD,
		.constraints = "Must refer to an epoll file",
	KAPI_PARAM_END

	KAPI_PARAM(1, "op", "int", "Operation to perform")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_INT,
		.constraint_type = KAPI_CONSTRAINT_ENUM,
		.enum_values = (const s64[]){ EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD },
		.enum_count = 3,
	KAPI_PARAM_END

	KAPI_PARAM(2, "fd", "int", "Target file descriptor")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_FD,
		.constraints = "Must support poll and must not be epfd itself",
	KAPI_PARAM_END

	KAPI_PARAM(3, "event", "struct epoll_event __user *", "Requested events and user data")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL)
		.type = KAPI_TYPE_USER_PTR,
		.size = sizeof(struct epoll_event),
		.constraints = "Not read for EPOLL_CTL_DEL and may then be NULL",
	KAPI_PARAM_END

	KAPI_RETURN("long", "Zero on success, a negative error code on failure")
		.type = KAPI_TYPE_INT,
		.check_type = KAPI_RETURN_EXACT,
		.success_value = 0,
	KAPI_RETURN_END

	KAPI_ERROR(0, -EBADF, "EBADF", "Bad descriptor",
		   "epfd or fd is not an open file descriptor")
	KAPI_ERROR(1, -EEXIST, "EEXIST", "Already registered",
		   "op is EPOLL_CTL_ADD and fd is already in the interest list")
	KAPI_ERROR(2, -EFAULT, "EFAULT", "Bad event pointer",
		   "event could not be read from user memory")
	KAPI_ERROR(3, -EINVAL, "EINVAL", "Invalid request",
		   "epfd is not an epoll file, fd equals epfd, op is unknown, or "
		   "EPOLLEXCLUSIVE is combined with a forbidden flag")
	KAPI_ERROR(4, -ELOOP, "ELOOP", "Nesting problem",
		   "Adding fd would create a cycle or exceed the nesting depth")
	KAPI_ERROR(5, -ENOENT, "ENOENT", "Not registered",
		   "op is EPOLL_CTL_MOD or EPOLL_CTL_DEL and fd is not in the list")
	KAPI_ERROR(6, -ENOMEM, "ENOMEM", "Out of memory",
		   "The watch entry could not be allocated")
	KAPI_ERROR(7, -ENOSPC, "ENOSPC", "Watch limit reached",
		   "max_user_watches would be exceeded")
	KAPI_ERROR(8, -EPERM, "EPERM", "Target cannot be polled",
		   "fd refers to a file without poll support, such as a regular file")

	.error_count = 9,
	.param_count = 4,
	.since_version = "2.6",
	.notes = "Registration is keyed on the (file, descriptor) pair; closing "
		 "a duplicated descriptor does not remove the entry.",
	.examples = "struct epoll_event ev = { .events = EPOLLIN, .data.fd = sock };\n"
		    "epoll_ctl(epfd, EPOLL_CTL_ADD, sock, &ev);",

	KAPI_LOCK(0, "ep->mtx", KAPI_LOCK_MUTEX)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Serialises changes to the interest list of one instance")
	KAPI_LOCK_END

	KAPI_LOCK(1, "epnested_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Global lock held while loop and depth checks run for nested instances")
	KAPI_LOCK_END

	.lock_count = 2,

	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_ALLOC_MEMORY | KAPI_EFFECT_MODIFY_STATE,
			 "epoll interest list",
			 "Allocates a watch entry and hooks it into the target's wait queue")
		KAPI_EFFECT_CONDITION("op is EPOLL_CTL_ADD")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT(1, KAPI_EFFECT_FREE_MEMORY | KAPI_EFFECT_MODIFY_STATE,
			 "epoll interest list",
			 "Unhooks and frees the watch entry")
		KAPI_EFFECT_CONDITION("op is EPOLL_CTL_DEL")
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT_COUNT(2)

	/* Layout of the event argument */
	KAPI_STRUCT_SPEC(0, epoll_event, "Event mask plus an opaque user value")
		KAPI_STRUCT_SIZE(sizeof(struct epoll_event), 4)
		KAPI_STRUCT_FIELD_COUNT(2)

		KAPI_STRUCT_FIELD(0, "events", KAPI_TYPE_UINT, "__u32",
				  "Requested event bits and input flags")
			KAPI_FIELD_OFFSET(0)
			KAPI_FIELD_SIZE(4)
			KAPI_FIELD_CONSTRAINT_MASK(EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLERR |
						   EPOLLHUP | EPOLLRDHUP | EPOLLET |
						   EPOLLONESHOT | EPOLLWAKEUP | EPOLLEXCLUSIVE)
		KAPI_STRUCT_FIELD_END

		KAPI_STRUCT_FIELD(1, "data", KAPI_TYPE_UINT, "__u64",
				  "Returned unchanged by epoll_wait()")
			KAPI_FIELD_OFFSET(4)
			KAPI_FIELD_SIZE(8)
		KAPI_STRUCT_FIELD_END
	KAPI_STRUCT_SPEC_END

	KAPI_STRUCT_SPEC_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE4(epoll_ctl, int, epfd, int, op, int, fd,
		struct epoll_event __user *, event)
{
	struct epoll_event kev;

	if (ep_op_has_event(op) &&
	    copy_from_user(&kev, event, sizeof(kev)))
		return -EFAULT;

	return do_epoll_ctl(epfd, op, fd, &kev, false);
}

DEFINE_KERNEL_API_SPEC(sys_epoll_wait)
	KAPI_DESCRIPTION("Wait for events "
			 "on an epoll instance")
	KAPI_LONG_DESC("Sleeps until at least one watched descriptor is ready, the "
		       "timeout expires, or a signal handler runs, then copies up to "
		       "maxevents ready entries to user memory.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "epfd", "int", "Descriptor of the epoll instance")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_FD,
	KAPI_PARAM_END

	KAPI_PARAM(1, "events", "struct epoll_event __user *", "Buffer receiving ready events")
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER)
		.type = KAPI_TYPE_USER_PTR,
		.size_param_idx = 2,
		.size_multiplier = sizeof(struct epoll_event),
		.constraints = "Must be writable for maxevents entries",
	KAPI_PARAM_END

	KAPI_PARAM(2, "maxevents", "int", "Capacity of events, in entries")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_INT,
		.constraint_type = KAPI_CONSTRAINT_RANGE,
		KAPI_PARAM_RANGE(1, INT_MAX / sizeof(struct epoll_event))
	KAPI_PARAM_END

	KAPI_PARAM(3, "timeout", "int", "Timeout in milliseconds")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_INT,
		.constraint_type = KAPI_CONSTRAINT_RANGE,
		KAPI_PARAM_RANGE(-1, INT_MAX)
		.constraints = "-1 waits forever, 0 polls without sleeping",
	KAPI_PARAM_END

	KAPI_RETURN("long", "Number of entries stored in events, or a negative error code")
		.type = KAPI_TYPE_INT,
		.check_type = KAPI_RETURN_RANGE,
		.success_min = 0,
		.success_max = INT_MAX,
	KAPI_RETURN_END

	KAPI_ERROR(0, -EBADF, "EBADF", "Bad descriptor", "epfd is not an open file descriptor")
	KAPI_ERROR(1, -EFAULT, "EFAULT", "Bad buffer", "events is not writable")
	KAPI_ERROR(2, -EINTR, "EINTR", "Interrupted",
		   "A signal was delivered before any event became ready")
	KAPI_ERROR(3, -EINVAL, "EINVAL", "Invalid arguments",
		   "epfd is not an epoll file or maxevents is out of range")

	.error_count = 4,
	.param_count = 4,
	.since_version = "2.6",

	KAPI_SIGNAL(0, 0, "ANY", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("An unblocked signal with a handler arrives while sleeping")
		KAPI_SIGNAL_DESC("The wait ends with -EINTR; SA_RESTART does not apply")
	KAPI_SIGNAL_END

	.signal_count = 1,
KAPI_END_SPEC;

SYSCALL_DEFINE4(epoll_wait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout)
{
	struct timespec64 deadline;

	return do_epoll_wait(epfd, events, maxevents,
			     ep_timeout_to_timespec(&deadline, timeout));
}
