// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the memory locking system calls (mm/mlock.c, Linux 6.1).

/**
 * sys_mlock - lock a range of the caller's address space into RAM
 * @start: first address of the range; rounded down to a page boundary
 * @len: length of the range in bytes; the end is rounded up to a page boundary
 *
 * long-desc: Sets VM_LOCKED on every mapping that covers the page-rounded range
 *   [start, start + len) and then faults in all of its pages, so that they stay
 *   resident and are never written to swap until they are unlocked.  The range
 *   must be fully mapped.  Locks do not nest: one munlock() undoes any number of
 *   mlock() calls on the same pages.  The raw syscall returns 0 on success and a
 *   negative errno on failure.
 * contexts: process, sleepable
 *
 * param: start
 *   kapi-semantic: addr:mapped
 *   type: uint, input
 *   constraint: Any value is accepted.  The address tag is stripped and the
 *     value is rounded down to a multiple of PAGE_SIZE; no alignment is
 *     required of the caller.
 *   desc: User virtual address at which the range to lock begins.
 *
 * param: len
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint: After adding the offset of start within its page and rounding
 *     up to PAGE_SIZE, start + len must not wrap past the top of the address
 *     space.  A length that rounds to zero succeeds without doing anything.
 *   desc: Number of bytes to lock.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 when the whole range is locked and populated, a negative errno
 *     otherwise.
 *
 * error: EPERM, RLIMIT_MEMLOCK is 0 and the caller lacks CAP_IPC_LOCK
 *   kapi-cond: rlimit.MEMLOCK=0
 *   desc: Checked before anything else; an unprivileged caller with a zero
 *     memory-lock limit may not lock any memory at all.
 *
 * error: EINTR, a fatal signal arrived while waiting for mmap_lock in write mode
 *   kapi-unprovokable: only a fatal signal interrupts the killable wait for mmap_lock, and the task is killed before user space can see the return value
 *   desc: The lock is taken with a killable wait.  Nothing has been changed,
 *     and the task is being killed, so user space never observes the value.
 *
 * error: ENOMEM, part of the range is unmapped, or RLIMIT_MEMLOCK would be exceeded
 *   kapi-cond: start=ptr:unmapped; rlimit.MEMLOCK=1
 *   desc: Returned when the range (after rounding) contains a hole or lies
 *     outside the address space; when the pages already locked by the process
 *     plus the newly requested pages exceed RLIMIT_MEMLOCK and the caller lacks
 *     CAP_IPC_LOCK (pages in the range that are already locked are not counted
 *     twice); when splitting a mapping would exceed vm.max_map_count; or when
 *     faulting the pages in failed with EFAULT (for example a file mapping
 *     beyond end of file).
 *
 * error: EINVAL, start + len wraps around after page rounding
 *   kapi-cond: start=0xfffffffffffff000
 *   desc: The computed end of the range is lower than its start.
 *
 * error: EAGAIN, some or all of the pages could not be faulted in and locked
 *   kapi-cond: memcg=full
 *   kapi-nonatomic: the mappings stay marked locked (and counted in VmLck) when populating them fails
 *   desc: The mappings were marked locked, but populating them ran out of
 *     memory; the kernel reports this fault-in ENOMEM as EAGAIN.
 *
 * lock: mmap_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing (killable) while the rlimit is checked and the
 *     mappings are split, merged and flagged; released, then taken for reading
 *     while the pages are faulted in.  Not held on return.
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting for mmap_lock or while
 *     faulting pages in
 *   desc: The call gives up with EINTR and the task dies; ordinary signals do
 *     not interrupt mlock.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: VMA flags, mm->locked_vm, VMA layout
 *   desc: VM_LOCKED is set on the covered mappings, which may be split at the
 *     range boundaries or merged with neighbours, and the process's locked page
 *     count grows by the newly locked pages.
 *   reversible: yes
 *   kapi-effect: mem:locked=start,len
 *
 * side-effect: alloc_memory
 *   target: physical pages and page tables of the range
 *   desc: Every page of the range is faulted in (written-to private mappings get
 *     a private copy) and moved to the unevictable list.
 *   reversible: yes
 *   kapi-effect: mem:resident=start,len
 *
 * state-trans: locked state of the range
 *   object: pages of [start, start + len)
 *   from: unlocked, evictable
 *   to: locked (VM_LOCKED), resident and unevictable
 *   desc: The pages stay in RAM until munlock, munlockall, munmap or exit.
 *   kapi-effect: mem:locked=start,len; mem:resident=start,len
 *
 * capability: CAP_IPC_LOCK
 *   type: bypass_check
 *   allows: locking memory regardless of RLIMIT_MEMLOCK, including when it is 0
 *   without: the call fails with EPERM if the limit is 0 and with ENOMEM if it
 *     would be exceeded
 *   condition: RLIMIT_MEMLOCK is 0 or the request would exceed it
 *   priority: 0
 *
 * constraint: RLIMIT_MEMLOCK accounting
 *   desc: Without CAP_IPC_LOCK the pages already locked by the process plus the
 *     not yet locked pages of the range must fit in RLIMIT_MEMLOCK.
 *   expr: (mm->locked_vm << PAGE_SHIFT) + len <= rlimit(RLIMIT_MEMLOCK)
 *
 * constraint: range does not wrap
 *   desc: The page-rounded end of the range must not be below its start.
 *   expr: start + len >= start
 *
 * kapi-not-returned: EFAULT __mlock_posix_error_return turns populate's -EFAULT into ENOMEM (and
 *   -ENOMEM into EAGAIN); EBUSY, EMLINK, EEXIST internal codes of __get_user_pages: -EBUSY (a fault
 *   that dropped the lock and was retried) becomes 0, -EMLINK makes it fault the page in, and
 *   -EEXIST (a DAX mapping without struct pages) is skipped when no page array is passed, as
 *   populate passes none; EHWPOISON, EOPNOTSUPP need gup flags populate does not pass
 *   (FOLL_HWPOISON, FOLL_LONGTERM)
 *
 * notes: VM_IO, VM_PFNMAP, hugetlb, DAX, secretmem and gate mappings inside the
 *   range are accepted but silently left unlocked and not counted against the
 *   limit.  Mappings are processed in address order and nothing is rolled back,
 *   so a failure part-way (for example a hole found after the first mapping)
 *   leaves the earlier mappings locked.  The rlimit is checked against the
 *   whole range even if pages are already resident.  Locks are not inherited
 *   across fork() and are dropped by execve().
 */
SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
}

/**
 * sys_mlock2 - lock a range into RAM, optionally only as pages are faulted in
 * @start: first address of the range; rounded down to a page boundary
 * @len: length of the range in bytes; the end is rounded up to a page boundary
 * @flags: 0 or MLOCK_ONFAULT
 *
 * long-desc: Behaves like mlock() when flags is 0.  With MLOCK_ONFAULT the
 *   mappings are marked VM_LOCKED | VM_LOCKONFAULT: pages already present are
 *   locked, no other page is faulted in by the call, and each further page is
 *   locked when it is first touched.  The raw syscall returns 0 on success and a
 *   negative errno on failure.
 * contexts: process, sleepable
 *
 * param: start
 *   kapi-semantic: addr:mapped
 *   type: uint, input
 *   constraint: Any value is accepted; the tag is stripped and the address is
 *     rounded down to a multiple of PAGE_SIZE.
 *   desc: User virtual address at which the range to lock begins.
 *
 * param: len
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint: The page-rounded end of the range must not wrap past the top
 *     of the address space.  A length that rounds to zero is a successful no-op.
 *   desc: Number of bytes to lock.
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(MLOCK_ONFAULT)
 *   constraint: Any bit other than MLOCK_ONFAULT is rejected with EINVAL
 *     before any other check.
 *   desc: Locking mode; MLOCK_ONFAULT defers faulting in to first access.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 when the range is locked, a negative errno otherwise.
 *
 * error: EINVAL, flags has a bit other than MLOCK_ONFAULT, or start + len wraps
 *   kapi-cond: flags=2; start=0xfffffffffffff000
 *   desc: Unknown flags are rejected first; a range whose page-rounded end is
 *     below its start is rejected after the permission and rlimit checks.
 *
 * error: EPERM, RLIMIT_MEMLOCK is 0 and the caller lacks CAP_IPC_LOCK
 *   kapi-cond: rlimit.MEMLOCK=0
 *   desc: An unprivileged caller with a zero memory-lock limit may not lock
 *     any memory.
 *
 * error: EINTR, a fatal signal arrived while waiting for mmap_lock in write mode
 *   kapi-unprovokable: only a fatal signal interrupts the killable wait for mmap_lock, and the task is killed before user space can see the return value
 *   desc: Nothing has been changed; the task is being killed.
 *
 * error: ENOMEM, part of the range is unmapped, or RLIMIT_MEMLOCK would be exceeded
 *   kapi-cond: start=ptr:unmapped; rlimit.MEMLOCK=1
 *   desc: Returned for a hole in the range or an address outside the address
 *     space; for exceeding RLIMIT_MEMLOCK without CAP_IPC_LOCK (the whole range
 *     is counted even with MLOCK_ONFAULT, minus pages already locked); when a
 *     split would exceed vm.max_map_count; or when faulting in failed with
 *     EFAULT.
 *
 * error: EAGAIN, some or all of the pages could not be faulted in and locked
 *   kapi-cond: memcg=full
 *   kapi-nonatomic: the mappings stay marked locked (and counted in VmLck) when populating them fails
 *   desc: Populating the range ran out of memory.  Not expected with
 *     MLOCK_ONFAULT, which skips the fault-in step.
 *
 * lock: mmap_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing (killable) to check the limit and update the
 *     mappings, then for reading while pages are faulted in.
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting for mmap_lock or while
 *     faulting pages in
 *   desc: The call returns EINTR and the task dies.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: VMA flags, mm->locked_vm, VMA layout
 *   desc: VM_LOCKED (and VM_LOCKONFAULT with MLOCK_ONFAULT) is set on the
 *     covered mappings, which may be split or merged; the locked page count
 *     grows by the whole newly locked range.
 *   reversible: yes
 *   kapi-effect: mem:locked=start,len
 *
 * side-effect: alloc_memory
 *   target: physical pages and page tables of the range
 *   condition: flags is 0
 *   desc: All pages of the range are faulted in and made unevictable.
 *   reversible: yes
 *   kapi-effect: mem:resident=start,len if flags=0
 *
 * state-trans: locked state of the range
 *   object: pages of [start, start + len)
 *   from: unlocked, evictable
 *   to: locked now (flags 0) or locked on first fault (MLOCK_ONFAULT)
 *   desc: The lock lasts until munlock, munlockall, munmap or exit.
 *   kapi-effect: mem:locked=start,len
 *
 * capability: CAP_IPC_LOCK
 *   type: bypass_check
 *   allows: locking memory regardless of RLIMIT_MEMLOCK, including when it is 0
 *   without: EPERM if the limit is 0, ENOMEM if it would be exceeded
 *   condition: RLIMIT_MEMLOCK is 0 or the request would exceed it
 *   priority: 0
 *
 * constraint: RLIMIT_MEMLOCK accounting
 *   desc: Without CAP_IPC_LOCK the locked pages plus the not yet locked pages of
 *     the range must fit in RLIMIT_MEMLOCK.
 *   expr: (mm->locked_vm << PAGE_SHIFT) + len <= rlimit(RLIMIT_MEMLOCK)
 *
 * kapi-not-returned: EFAULT __mlock_posix_error_return turns populate's -EFAULT into ENOMEM (and
 *   -ENOMEM into EAGAIN); EBUSY, EMLINK, EEXIST internal codes of __get_user_pages: -EBUSY (a fault
 *   that dropped the lock and was retried) becomes 0, -EMLINK makes it fault the page in, and
 *   -EEXIST (a DAX mapping without struct pages) is skipped when no page array is passed, as
 *   populate passes none; EHWPOISON, EOPNOTSUPP need gup flags populate does not pass
 *   (FOLL_HWPOISON, FOLL_LONGTERM)
 *
 * notes: Calling mlock2() with MLOCK_ONFAULT on an already fully locked range
 *   switches it to lock-on-fault and vice versa; the lock mode is a property of
 *   the mapping, not a counter.  Special mappings (VM_IO, VM_PFNMAP, hugetlb,
 *   DAX, secretmem) are skipped silently.  No rollback happens on a partial
 *   failure.
 */
SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
}

/**
 * sys_munlock - unlock a range of the caller's address space
 * @start: first address of the range; rounded down to a page boundary
 * @len: length of the range in bytes; the end is rounded up to a page boundary
 *
 * long-desc: Clears VM_LOCKED and VM_LOCKONFAULT on every mapping covering the
 *   page-rounded range [start, start + len) and makes its pages evictable
 *   again, whatever number of lock calls was made on them.  The range must be
 *   fully mapped.  No privilege or rlimit check applies.  The raw syscall
 *   returns 0 on success and a negative errno on failure.
 * contexts: process, sleepable
 *
 * param: start
 *   kapi-semantic: addr:mapped
 *   type: uint, input
 *   constraint: Any value; the tag is stripped and the address is rounded down
 *     to a multiple of PAGE_SIZE.
 *   desc: User virtual address at which the range to unlock begins.
 *
 * param: len
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint: The page-rounded end of the range must not wrap past the top
 *     of the address space.  A length that rounds to zero is a successful no-op.
 *   desc: Number of bytes to unlock.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 on success, a negative errno otherwise.
 *
 * error: EINTR, a fatal signal arrived while waiting for mmap_lock in write mode
 *   kapi-unprovokable: only a fatal signal interrupts the killable wait for mmap_lock, and the task is killed before user space can see the return value
 *   desc: Nothing has been changed; the task is being killed.
 *
 * error: EINVAL, start + len wraps around after page rounding
 *   kapi-cond: start=0xfffffffffffff000
 *   desc: The computed end of the range is lower than its start.
 *
 * error: ENOMEM, part of the range is unmapped, or a split exceeds vm.max_map_count
 *   kapi-cond: start=ptr:unmapped
 *   desc: A hole in the range, or an address outside the address space, stops
 *     the walk; so does unlocking the middle of a locked mapping when the
 *     resulting split would exceed the per-process mapping limit.
 *
 * lock: mmap_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Held for writing (killable wait) for the whole update.
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting for mmap_lock
 *   desc: The call returns EINTR and the task dies.
 *   errno: EINTR
 *   timing: before
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: VMA flags, mm->locked_vm, VMA layout
 *   desc: The lock flags are cleared on the covered mappings, which may be
 *     split or merged, and the locked page count drops accordingly.
 *   reversible: yes
 *   kapi-effect: mem:unlocked=start,len
 *   kapi-effect-case: start=addr:locked
 *
 * state-trans: locked state of the range
 *   object: pages of [start, start + len)
 *   from: locked, unevictable
 *   to: unlocked, evictable
 *   desc: Pages may be reclaimed or swapped out again.
 *   kapi-effect: mem:unlocked=start,len
 *
 * notes: Unlocking a range that is not locked is not an error.  Mappings are
 *   processed in address order without rollback, so a hole found late leaves
 *   earlier mappings already unlocked.
 */
SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
}

/**
 * sys_mlockall - lock all current and/or future mappings of the caller
 * @flags: MCL_CURRENT, MCL_FUTURE, optionally with MCL_ONFAULT
 *
 * long-desc: With MCL_CURRENT every existing mapping is marked locked and the
 *   whole address space is faulted in.  With MCL_FUTURE the lock bits are put in
 *   the mm's default VMA flags so that every mapping created later (mmap, brk,
 *   stack growth) starts out locked.  MCL_ONFAULT, combined with either, makes
 *   the locks take effect page by page on first access instead of faulting in.
 *   Each call replaces the defaults set by the previous one.  The raw syscall
 *   returns 0 on success and a negative errno on failure.
 * contexts: process, sleepable
 *
 * param: flags
 *   kapi-valid: MCL_CURRENT
 *   type: int, input
 *   constraint-type: mask(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)
 *   constraint: Must be nonzero, contain no other bit, and not be MCL_ONFAULT
 *     alone.  The MCL_* values differ on some architectures (alpha, powerpc,
 *     sparc).
 *   desc: Which mappings to lock and how.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 on success, a negative errno otherwise.
 *
 * error: EINVAL, flags is 0, has an unknown bit, or is MCL_ONFAULT alone
 *   kapi-cond: flags=0; flags=MCL_ONFAULT; flags=8
 *   desc: Checked first, before any privilege test.
 *
 * error: EPERM, RLIMIT_MEMLOCK is 0 and the caller lacks CAP_IPC_LOCK
 *   kapi-cond: rlimit.MEMLOCK=0
 *   desc: An unprivileged caller with a zero memory-lock limit may not lock
 *     any memory, even for MCL_FUTURE only.
 *
 * error: EINTR, a fatal signal arrived while waiting for mmap_lock in write mode
 *   kapi-unprovokable: only a fatal signal interrupts the killable wait for mmap_lock, and the task is killed before user space can see the return value
 *   desc: Nothing has been changed; the task is being killed.
 *
 * error: ENOMEM, MCL_CURRENT and the address space exceeds RLIMIT_MEMLOCK
 *   kapi-cond: rlimit.MEMLOCK=1
 *   desc: With MCL_CURRENT, the total size of all mappings (total_vm) must not
 *     exceed RLIMIT_MEMLOCK unless the caller has CAP_IPC_LOCK.  Nothing is
 *     changed in that case.
 *
 * lock: mmap_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for writing (killable) while the default flags and all
 *     mappings are updated, then for reading while the address space is
 *     faulted in for MCL_CURRENT.
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting for mmap_lock or while
 *     faulting pages in
 *   desc: The call returns EINTR if still waiting for the lock; the task dies.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: mm->def_flags, flags of every VMA, mm->locked_vm
 *   desc: The lock bits of the default flags are reset and set per MCL_FUTURE;
 *     with MCL_CURRENT every mapping is relocked (and may be merged).
 *   reversible: yes
 *   kapi-effect: mem:locked-all if flags&MCL_CURRENT; mem:locked-future if flags&MCL_FUTURE
 *
 * side-effect: alloc_memory
 *   target: all pages of the address space
 *   condition: MCL_CURRENT without MCL_ONFAULT
 *   desc: The whole address space is faulted in; failures during this step are
 *     ignored.
 *   reversible: yes
 *   kapi-effect: mem:resident-all if flags=MCL_CURRENT
 *
 * state-trans: process memory-lock mode
 *   object: mm_struct and its mappings
 *   from: mappings unlocked, new mappings unlocked
 *   to: existing mappings locked (MCL_CURRENT), new ones locked (MCL_FUTURE)
 *   desc: Persists until munlockall() or a later mlockall() with other flags.
 *   kapi-effect: mem:locked-all if flags&MCL_CURRENT; mem:locked-future if flags&MCL_FUTURE
 *
 * capability: CAP_IPC_LOCK
 *   type: bypass_check
 *   allows: locking the whole address space regardless of RLIMIT_MEMLOCK
 *   without: EPERM if the limit is 0, ENOMEM with MCL_CURRENT if the address
 *     space is larger than the limit
 *   condition: RLIMIT_MEMLOCK is 0 or smaller than the address space
 *   priority: 0
 *
 * constraint: valid flag combination
 *   desc: At least one of MCL_CURRENT and MCL_FUTURE must be present.
 *   expr: (flags & (MCL_CURRENT | MCL_FUTURE)) != 0
 *
 * constraint: RLIMIT_MEMLOCK with MCL_CURRENT
 *   desc: Without CAP_IPC_LOCK the whole address space must fit in the limit.
 *   expr: !(flags & MCL_CURRENT) || (mm->total_vm << PAGE_SHIFT) <= rlimit(RLIMIT_MEMLOCK)
 *
 * notes: Unlike mlock(), errors while faulting pages in are not reported and
 *   per-mapping update failures are ignored, so success does not guarantee that
 *   every page is resident.  MCL_FUTURE alone leaves existing mappings as they
 *   are; later mmap() or brk() calls may then fail when a new locked mapping
 *   would exceed RLIMIT_MEMLOCK.  Calling mlockall(MCL_CURRENT) after an earlier
 *   MCL_FUTURE call clears the future-lock default.
 */
SYSCALL_DEFINE1(mlockall, int, flags)
{
}

/**
 * sys_munlockall - unlock every mapping of the caller and stop future locking
 *
 * long-desc: Clears the lock bits from the mm's default VMA flags, so new
 *   mappings are no longer locked, and clears VM_LOCKED and VM_LOCKONFAULT on
 *   every existing mapping, making all pages evictable again.  Needs no
 *   privilege.  The raw syscall returns 0 on success and a negative errno on
 *   failure.
 * contexts: process, sleepable
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 on success, a negative errno otherwise.
 *
 * error: EINTR, a fatal signal arrived while waiting for mmap_lock in write mode
 *   kapi-unprovokable: only a fatal signal interrupts the killable wait for mmap_lock, and the task is killed before user space can see the return value
 *   desc: The only failure left in 6.1; nothing has been changed and the task
 *     is being killed.
 *
 * lock: mmap_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Held for writing (killable wait) while all mappings are updated.
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting for mmap_lock
 *   desc: The call returns EINTR and the task dies.
 *   errno: EINTR
 *   timing: before
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: mm->def_flags, flags of every VMA, mm->locked_vm
 *   desc: All lock bits are cleared; mappings may be merged with neighbours.
 *   reversible: yes
 *   kapi-effect: mem:unlocked-all
 *   kapi-effect-case: locked=all
 *
 * state-trans: process memory-lock mode
 *   object: mm_struct and its mappings
 *   from: some or all mappings locked, possibly future mappings locked
 *   to: nothing locked, future mappings unlocked
 *   desc: Locked pages become reclaimable again.
 *   kapi-effect: mem:unlocked-all
 *
 * notes: Old kernels required CAP_IPC_LOCK here; 6.1 does not.  Errors from
 *   updating individual mappings are ignored.
 */
SYSCALL_DEFINE0(munlockall)
{
}
