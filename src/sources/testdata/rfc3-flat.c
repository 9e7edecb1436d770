// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: RFC v3 kernel-doc specification, flat tag style.
 *
 * Excerpt modelled on mm/mlock.c as the third RFC posting annotated it: the
 * specification lives in the kernel-doc comment above SYSCALL_DEFINE2() and
 * the build turns it into mlock.apispec.h.  Wording is our own.
 */

#include <linux/capability.h>
#include <linux/mman.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

#include "internal.h"

#ifdef CONFIG_KAPI_SPEC
#include "mlock.apispec.h"
#endif

/**
 * memlock_allows() - check a lock request against RLIMIT_MEMLOCK
 * @mm: address space the pages belong to
 * @nr_pages: number of additional pages the caller wants to lock
 *
 * Privileged callers are never limited.
 *
 * Return: true if the request may proceed.
 */
static bool memlock_allows(struct mm_struct *mm, unsigned long nr_pages)
{
	unsigned long limit;

	if (capable(CAP_IPC_LOCK))
		return true;

	limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	return mm->locked_vm + nr_pages <= limit;
}

/**
 * sys_mlock - lock a range of the address space into RAM
 * @start: first address of the range
 * @len: number of bytes to lock
 *
 * long-desc: Makes every page overlapping the range resident and keeps it
 *   resident until it is unlocked, unmapped, or the process exits.  The
 *   pages are charged to RLIMIT_MEMLOCK unless the caller holds CAP_IPC_LOCK.
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 * param-count: 2
 * param-type: start, KAPI_TYPE_UINT
 * param-flags: start, KAPI_PARAM_IN
 * param-constraint-type: start, KAPI_CONSTRAINT_NONE
 * param-constraint: start, rounded down to the beginning of its page
 * param-type: len, KAPI_TYPE_UINT
 * param-flags: len, KAPI_PARAM_IN
 * param-constraint-type: len, KAPI_CONSTRAINT_RANGE
 * param-range: len, 0, LONG_MAX
 * param-constraint: len, rounded up so that the last partial page is covered
 * return-type: KAPI_TYPE_INT
 * return-check-type: KAPI_RETURN_EXACT
 * return-success: 0
 * error-code: -ENOMEM, ENOMEM, Range problem,
 *   part of the range is not mapped, locking it would take an unprivileged
 *   caller over RLIMIT_MEMLOCK, or too many mappings would result.
 * error-code: -EPERM, EPERM, Not permitted, RLIMIT_MEMLOCK is zero and CAP_IPC_LOCK is not held
 * error-code: -EINVAL, EINVAL, Wrap-around, start + len overflows once rounded to pages
 * error-code: -EAGAIN, EAGAIN, Partial failure, some pages could not be made resident
 * error-code: -EINTR, EINTR, Killed, a fatal signal arrived while waiting for mmap_lock
 * since-version: 2.0
 * lock: mmap_lock, KAPI_LOCK_RWLOCK
 * lock-acquired: true
 * lock-released: true
 * lock-desc: taken for writing, with a killable wait, while VM_LOCKED is
 *   applied to the affected VMAs
 * signal: FATAL
 * signal-direction: KAPI_SIGNAL_RECEIVE
 * signal-action: KAPI_SIGNAL_ACTION_RETURN
 * signal-condition: a fatal signal is pending while waiting for mmap_lock
 * signal-desc: the lock wait is abandoned and the call fails
 * signal-error: -EINTR
 * signal-timing: KAPI_SIGNAL_TIME_DURING
 * signal-interruptible: yes
 * side-effect: KAPI_EFFECT_MODIFY_STATE, vma flags, VM_LOCKED is set on every VMA in the range, reversible=yes
 * side-effect: KAPI_EFFECT_ALLOC_MEMORY, process memory, pages not yet present are faulted in
 * state-trans: memory pages, unlocked, locked, pages in the range become unevictable
 * capability: CAP_IPC_LOCK, KAPI_CAP_BYPASS_CHECK, CAP_IPC_LOCK
 * capability-allows: locking more memory than RLIMIT_MEMLOCK permits
 * capability-without: the call fails with ENOMEM or EPERM once the limit is reached
 * capability-condition: the request would exceed RLIMIT_MEMLOCK
 * capability-priority: 0
 * examples: mlock(buf, 4096);
 * notes: Locks do not nest; one munlock() undoes any number of mlock() calls
 *   on the same pages.
 *
 * Return: 0 on success, a negative error code on failure.
 */
SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	vm_flags_t lock_flags = VM_LOCKED;

	return do_mlock(start, len, lock_flags);
}
