// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: an RFC v1 specification whose hand-written
 * counters disagree with the entries that follow them.  Excerpt modelled
 * on the munlock() entry point in mm/mlock.c.
 */

#include <linux/mman.h>
#include <linux/mm.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

#include "internal.h"

/*
 * Clear VM_LOCKED on every VMA overlapping the range.  Kept out of line so
 * that munlock() and munlockall() can share it.
 */
static int munlock_range(unsigned long start, size_t len)
{
	unsigned long end;
	int ret;

	start = untagged_addr(start);
	len = PAGE_ALIGN(len + (offset_in_page(start)));
	start &= PAGE_MASK;
	end = start + len;
	if (end < start)
		return -EINVAL;

	if (mmap_write_lock_killable(current->mm))
		return -EINTR;
	ret = apply_vma_lock_flags(start, len, 0);
	mmap_write_unlock(current->mm);

	return ret;
}

DEFINE_KERNEL_API_SPEC(sys_munlock)
	KAPI_DESCRIPTION("Unlock a range of pages")
	KAPI_LONG_DESC("Clears the locked state of every page overlapping the "
		       "range so that it may be reclaimed again.  Unlocking memory "
		       "that was never locked is not an error.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "start", "unsigned long", "First address of the range")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
	KAPI_PARAM_END

	KAPI_PARAM(1, "len", "size_t", "Length of the range in bytes")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_UINT,
		KAPI_PARAM_RANGE(0, LONG_MAX)
	KAPI_PARAM_END

	KAPI_RETURN("long", "Zero on success, a negative error code on failure")
		.type = KAPI_TYPE_INT,
		.check_type = KAPI_RETURN_EXACT,
		.success_value = 0,
	KAPI_RETURN_END

	KAPI_ERROR(0, -EINVAL, "EINVAL", "Range wraps",
		   "start + len overflows the address space")
	KAPI_ERROR(1, -EINTR, "EINTR", "Killed while waiting",
		   "A fatal signal arrived while waiting for mmap_lock")

	.error_count = 1,	/* expect: count-mismatch */
	.param_count = 3,	/* expect: count-mismatch */
	.since_version = "2.0",
KAPI_END_SPEC;

SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	return munlock_range(start, len);
}
