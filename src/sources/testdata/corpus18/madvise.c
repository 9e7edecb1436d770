// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the madvise system call (mm/madvise.c, Linux 6.1).

/**
 * sys_madvise - give advice about the use of a range of the caller's memory
 * @start: page-aligned first address of the range
 * @len_in: length of the range in bytes; rounded up to a multiple of PAGE_SIZE
 * @behavior: the advice, one MADV_* value
 *
 * long-desc: Applies the advice in behavior to every mapping that overlaps the
 *   range [start, start + len_in rounded up to PAGE_SIZE).  Some advice only
 *   changes flags of the mappings (access pattern, fork and core-dump
 *   behaviour, KSM and transparent huge page eligibility); some acts on the
 *   pages at once (discarding, freeing, prefaulting, reclaiming, collapsing);
 *   MADV_HWPOISON and MADV_SOFT_OFFLINE are memory-failure test tools for
 *   privileged callers.  Unmapped gaps inside the range do not stop the call:
 *   the advice is applied to the mapped parts and ENOMEM is reported at the
 *   end.  The raw syscall returns 0 on success and a negative errno on failure.
 * contexts: process, sleepable
 *
 * param: start
 *   kapi-semantic: addr:mapped
 *   type: uint, input
 *   constraint-type: page_aligned
 *   constraint: Must be a multiple of PAGE_SIZE after the address tag is
 *     stripped; otherwise EINVAL.
 *   desc: User virtual address at which the range begins.
 *
 * param: len_in
 *   kapi-valid: 4096
 *   type: uint, input
 *   constraint: Rounded up to a multiple of PAGE_SIZE.  A length that rounds up
 *     to zero from a nonzero value, or a range whose end wraps past the top of
 *     the address space, gives EINVAL; a length of 0 succeeds without doing
 *     anything.
 *   desc: Length of the range in bytes.
 *
 * param: behavior
 *   type: int, input
 *   constraint-type: enum(MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
 *     MADV_DONTNEED, MADV_FREE, MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK,
 *     MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE, MADV_NOHUGEPAGE,
 *     MADV_DONTDUMP, MADV_DODUMP, MADV_WIPEONFORK, MADV_KEEPONFORK, MADV_COLD,
 *     MADV_PAGEOUT, MADV_POPULATE_READ, MADV_POPULATE_WRITE, MADV_DONTNEED_LOCKED,
 *     MADV_COLLAPSE, MADV_HWPOISON, MADV_SOFT_OFFLINE)
 *   kapi-accepts: 102, 103
 *   kapi-note: 102 and 103 are MADV_GUARD_INSTALL and MADV_GUARD_REMOVE, accepted since
 *     Linux 6.13; the 6.1 code rejects them with EINVAL.  kapi conform found them accepted.
 *   constraint: Any other value gives EINVAL.  MADV_MERGEABLE and
 *     MADV_UNMERGEABLE exist only with CONFIG_KSM; MADV_HUGEPAGE,
 *     MADV_NOHUGEPAGE and MADV_COLLAPSE only with CONFIG_TRANSPARENT_HUGEPAGE;
 *     MADV_HWPOISON and MADV_SOFT_OFFLINE only with CONFIG_MEMORY_FAILURE.
 *     Without the option the value is rejected as unknown.
 *   desc: The advice to apply.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: 0 on success, a negative errno otherwise.
 *
 * error: EACCES, MADV_REMOVE on a mapping that is not shared and writable
 *   kapi-cond: start=addr:file-private, behavior=MADV_REMOVE
 *   desc: Punching a hole needs a MAP_SHARED mapping that may be written.
 *
 * error: EAGAIN, a kernel resource was temporarily unavailable
 *   kapi-cond: start=addr:maps-full, behavior=MADV_RANDOM
 *   desc: Splitting or merging a mapping for a flag-changing advice failed for
 *     lack of memory or because vm.max_map_count would be exceeded; KSM could
 *     not register the process; or MADV_COLLAPSE met a page that was locked,
 *     had extra references or was off the LRU list.
 *
 * error: EBADF, MADV_WILLNEED on an anonymous mapping in a kernel without swap
 *   kapi-unprovokable: only a kernel built without CONFIG_SWAP returns it; the stock kernels (Debian's, this machine's) have swap support, where MADV_WILLNEED on anonymous memory succeeds
 *   desc: Only with CONFIG_SWAP disabled: there is no file to read ahead from.
 *
 * error: EBUSY, MADV_COLLAPSE memcg charge failed, or a page could not be offlined
 *   kapi-cond: start=addr:collapsible, len_in=0x200000, behavior=MADV_COLLAPSE, memcg=full
 *   desc: MADV_COLLAPSE could not charge the huge page to the memory cgroup;
 *     MADV_HWPOISON or MADV_SOFT_OFFLINE could not isolate, migrate or handle
 *     a page.
 *
 * error: EFAULT, prefaulting hit a bad access, or an injection target is unmapped
 *   kapi-cond: start=addr:beyond-eof, behavior=MADV_POPULATE_READ
 *   desc: MADV_POPULATE_READ or MADV_POPULATE_WRITE failed because an access
 *     would raise SIGBUS or SIGSEGV (for example a file mapping beyond end of
 *     file); or MADV_HWPOISON or MADV_SOFT_OFFLINE could not pin the page at
 *     an address of the range.
 *
 * error: EFBIG, MADV_REMOVE past the largest file the filesystem allows
 *   kapi-cond: start=addr:beyond-maxbytes, behavior=MADV_REMOVE
 *   desc: The file offset at which the range ends lies beyond the maximum
 *     file size of the mapped file's filesystem (s_maxbytes), checked by
 *     vfs_fallocate before the filesystem sees the hole.  mmap accepts any
 *     offset of a regular file up to MAX_LFS_FILESIZE, so a mapping can lie
 *     past that maximum: on ext2, ext3 and ext4 (16 TiB - 4 KiB for ext4
 *     with 4 KiB blocks), not on tmpfs, xfs or btrfs, which allow
 *     MAX_LFS_FILESIZE.
 *
 * error: EHWPOISON, a hardware-poisoned page was met
 *   kapi-unprovokable: needs a hardware-poisoned page; poisoning one takes MADV_HWPOISON with CAP_SYS_ADMIN in the initial namespace, which the sandbox never has
 *   desc: MADV_POPULATE_READ or MADV_POPULATE_WRITE reached a poisoned page,
 *     or MADV_HWPOISON targeted a page that was already poisoned.
 *
 * error: EINTR, a signal interrupted the call
 *   kapi-unprovokable: a fatal signal kills the task before the return is seen, and a signal landing inside MADV_UNMERGEABLE's page loop is a race no case can time
 *   desc: A fatal signal arrived while waiting for mmap_lock in write mode or
 *     while prefaulting; or any signal was pending during MADV_UNMERGEABLE,
 *     whose restart code becomes EINTR unless the handler has SA_RESTART.
 *
 * error: EINVAL, bad start, length or advice, or advice not allowed on a mapping
 *   kapi-cond: behavior=-1; start=0xfffffffffffff000; behavior=MADV_REMOVE
 *   desc: start is not page-aligned, the rounded range wraps, or behavior is
 *     unknown or not built in.  Per mapping: MADV_DONTNEED or MADV_FREE on a
 *     VM_LOCKED or VM_PFNMAP mapping (MADV_DONTNEED_LOCKED allows locked ones);
 *     MADV_FREE on a hugetlb, shared or file-backed mapping; MADV_DONTNEED on hugetlb
 *     with start not huge-page aligned; MADV_COLD or MADV_PAGEOUT on locked,
 *     hugetlb or VM_PFNMAP mappings; MADV_REMOVE on a locked or non-file
 *     mapping; MADV_WIPEONFORK on a shared or file mapping; MADV_DOFORK on a
 *     VM_IO mapping; MADV_DODUMP on a special non-hugetlb mapping; the populate
 *     advice on VM_IO, VM_PFNMAP or secretmem mappings or without the needed
 *     protection; MADV_COLLAPSE on an unsuitable mapping or after a failure
 *     that retrying will not fix.
 *
 * error: EIO, MADV_SOFT_OFFLINE met an unhandlable page, or hole punching failed
 *   kapi-cond: start=addr:fuse-fallocate-fails, behavior=MADV_REMOVE
 *   desc: The page is not online memory or cannot be handled by the soft
 *     offline code; or the filesystem reported an I/O error while
 *     MADV_REMOVE punched the hole (vfs_fallocate with
 *     FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE; FUSE passes on its
 *     server's answer to FALLOCATE).
 *
 * error: ENOMEM, part of the range is unmapped, or memory ran out
 *   kapi-cond: start=ptr:unmapped
 *   desc: Some address of the range is not mapped or is outside the address
 *     space (the advice is still applied to the mapped parts); prefaulting for
 *     MADV_POPULATE_READ or MADV_POPULATE_WRITE ran out of memory; or
 *     MADV_COLLAPSE could not allocate a huge page.
 *
 * error: ENODEV, MADV_REMOVE on a mapping of neither a regular file nor a block device
 *   kapi-cond: start=addr:aio-ring, behavior=MADV_REMOVE
 *   desc: The shared writable mapping is of an object with no holes to
 *     punch: its inode is neither a regular file nor a block device, as for
 *     the ring io_setup maps for an AIO context, the rings of an io_uring or
 *     the packet ring of an AF_PACKET socket (each file is open for writing,
 *     so the checks before this one pass).
 *
 * error: EOPNOTSUPP, MADV_REMOVE on a file whose filesystem cannot punch holes
 *   kapi-cond: start=addr:fuse-fallocate-fails, behavior=MADV_REMOVE
 *   desc: vfs_fallocate found no fallocate method for the mapping's file, or
 *     the filesystem does not support FALLOC_FL_PUNCH_HOLE (FUSE passes on its
 *     server's answer to FALLOCATE, and one that does not implement it gives
 *     EOPNOTSUPP from then on).
 *
 * error: EPERM, injection without CAP_SYS_ADMIN, or hole punching not permitted
 *   kapi-cond: start=addr:memfd-sealed, behavior=MADV_REMOVE
 *   desc: MADV_HWPOISON or MADV_SOFT_OFFLINE was used by a caller without
 *     CAP_SYS_ADMIN; or MADV_REMOVE targeted an append-only or immutable file
 *     or a memfd sealed against writing.
 *
 * error: ETXTBSY, MADV_REMOVE on an active swap file
 *   kapi-unprovokable: needs a file in use as swap space; swapon takes CAP_SYS_ADMIN in the initial user namespace and changes the memory of the whole machine, which no case may do
 *   desc: The mapped file is in use as swap space (S_SWAPFILE), and no
 *     hole may be punched in it.
 *
 * lock: mmap_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Taken for reading for MADV_REMOVE, MADV_WILLNEED, MADV_DONTNEED,
 *     MADV_DONTNEED_LOCKED, MADV_FREE, MADV_COLD, MADV_PAGEOUT, the two
 *     populate advice and MADV_COLLAPSE (some of them drop and retake it);
 *     taken for writing, with a killable wait, for every advice that changes
 *     mapping flags.  Not taken for MADV_HWPOISON and MADV_SOFT_OFFLINE.
 *
 * lock: mf_mutex
 *   type: mutex
 *   scope: internal
 *   desc: Serialises memory-failure handling for MADV_HWPOISON and
 *     MADV_SOFT_OFFLINE, one page at a time.
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting for mmap_lock in write
 *     mode or while the populate advice faults pages in
 *   desc: The call returns EINTR and the task dies.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a signal is pending while MADV_UNMERGEABLE breaks up merged
 *     pages, and the handler lacks SA_RESTART
 *   desc: The call stops with EINTR; the pages already unmerged stay so.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *   sa-flags-forbidden: SA_RESTART
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: the same interruption when the handler has SA_RESTART
 *   desc: The call is restarted after the handler and unmerges the rest.
 *   timing: during
 *   restartable: yes
 *   interruptible: yes
 *   sa-flags-required: SA_RESTART
 *
 * signal: SIGBUS
 *   direction: send
 *   action: terminate
 *   condition: MADV_HWPOISON poisons a page mapped by processes that asked for
 *     early kill (PR_MCE_KILL or vm.memory_failure_early_kill)
 *   desc: Those processes get SIGBUS with BUS_MCEERR_AO at once; others,
 *     including the caller, get SIGBUS when they next touch the page.
 *   target: processes mapping the poisoned page
 *   timing: during
 *
 * side-effect: modify_state
 *   target: VMA flags and VMA layout
 *   condition: MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_DONTFORK,
 *     MADV_DOFORK, MADV_WIPEONFORK, MADV_KEEPONFORK, MADV_DONTDUMP, MADV_DODUMP,
 *     MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE or MADV_NOHUGEPAGE
 *   desc: The matching VM_* flags are set or cleared on the covered mappings,
 *     which may be split at the range boundaries or merged with neighbours.
 *   reversible: yes
 *   kapi-effect: mem:vmflag=start,len_in,rr if behavior=MADV_RANDOM; mem:vmflag=start,len_in,sr
 *     if behavior=MADV_SEQUENTIAL; mem:vmflag=start,len_in,dc if
 *     behavior=MADV_DONTFORK; mem:vmflag=start,len_in,wf if behavior=MADV_WIPEONFORK
 *   kapi-effect-case: behavior=MADV_RANDOM; behavior=MADV_SEQUENTIAL; behavior=MADV_DONTFORK;
 *     behavior=MADV_WIPEONFORK
 *
 * side-effect: free_memory | irreversible
 *   target: pages and page-table entries of the range
 *   condition: MADV_DONTNEED or MADV_DONTNEED_LOCKED
 *   desc: The pages are unmapped at once.  Private anonymous data is lost and
 *     reads back as zeros; private file mappings are re-read from the file;
 *     shared mappings keep their data in the file or shared memory object.
 *   reversible: no
 *   kapi-effect: mem:zeroed=start,len_in if behavior=MADV_DONTNEED
 *   kapi-effect-case: start=addr:filled, behavior=MADV_DONTNEED
 *
 * side-effect: free_memory | irreversible
 *   target: private anonymous pages of the range
 *   condition: MADV_FREE
 *   desc: Clean pages may be freed lazily under memory pressure; a page written
 *     again before that keeps its new data, otherwise it reads back as zeros.
 *   reversible: no
 *   kapi-unobservable: MADV_FREE frees the pages only under memory pressure, so whether the
 *     data is still there afterwards is not decided by the call
 *
 * side-effect: filesystem | free_memory | irreversible
 *   target: backing file or shared memory object
 *   condition: MADV_REMOVE
 *   desc: A hole is punched in the backing store for the range; the data is
 *     gone for every process mapping it.
 *   reversible: no
 *   kapi-unobservable: not checked yet: it needs a shared mapping of a file with data, and no
 *     address fixture makes one
 *
 * side-effect: alloc_memory
 *   target: pages of the range
 *   condition: MADV_WILLNEED, MADV_POPULATE_READ, MADV_POPULATE_WRITE or
 *     MADV_COLLAPSE
 *   desc: Pages are read ahead from swap or file, faulted in (MADV_POPULATE_WRITE
 *     breaks copy-on-write and dirties them), or collapsed into newly allocated
 *     transparent huge pages.
 *   reversible: yes
 *   kapi-effect: mem:resident=start,len_in if behavior=MADV_POPULATE_WRITE
 *   kapi-effect-case: behavior=MADV_POPULATE_WRITE
 *
 * side-effect: modify_state | hardware
 *   target: LRU lists, swap or backing file
 *   condition: MADV_COLD or MADV_PAGEOUT
 *   desc: Pages are moved to the inactive list, or reclaimed at once with dirty
 *     ones written to swap or their file.
 *   reversible: yes
 *   kapi-unobservable: the sandbox has no swap, so paging out anonymous memory does nothing,
 *     and cold pages look no different to the caller
 *
 * side-effect: hardware | irreversible
 *   target: physical pages backing the range
 *   condition: MADV_HWPOISON or MADV_SOFT_OFFLINE
 *   desc: The page is marked hardware-poisoned, or its contents are migrated
 *     and the page is taken out of use.  Not undone by any syscall.
 *   reversible: no
 *   kapi-unobservable: needs CAP_SYS_ADMIN in the initial namespace, which the sandbox never
 *     has (the EPERM case shows it is refused)
 *
 * state-trans: pages discarded
 *   object: pages of the range
 *   from: present with data
 *   to: not present; next access faults in zeros or file data
 *   condition: MADV_DONTNEED or MADV_DONTNEED_LOCKED
 *   desc: The change is immediate and cannot be undone.
 *   kapi-effect: mem:zeroed=start,len_in if behavior=MADV_DONTNEED
 *
 * state-trans: fork inheritance
 *   object: VMAs of the range
 *   from: copied into the child on fork
 *   to: left out of the child (MADV_DONTFORK) or zero-filled in it
 *     (MADV_WIPEONFORK)
 *   desc: Reverted by MADV_DOFORK and MADV_KEEPONFORK respectively.
 *   kapi-effect: mem:vmflag=start,len_in,dc if behavior=MADV_DONTFORK;
 *     mem:vmflag=start,len_in,wf if behavior=MADV_WIPEONFORK
 *
 * state-trans: physical page health
 *   object: physical pages backing the range
 *   from: healthy
 *   to: poisoned (MADV_HWPOISON) or offline (MADV_SOFT_OFFLINE)
 *   desc: Used to test memory-failure handling.
 *   kapi-unobservable: needs CAP_SYS_ADMIN in the initial namespace, which the sandbox never
 *     has (the EPERM case shows it is refused)
 *
 * capability: CAP_SYS_ADMIN
 *   type: perform_operation
 *   allows: injecting memory failures with MADV_HWPOISON and MADV_SOFT_OFFLINE
 *   without: both advice fail with EPERM
 *   condition: behavior is MADV_HWPOISON or MADV_SOFT_OFFLINE
 *   priority: 0
 *
 * capability: CAP_FOWNER
 *   type: modify_behavior
 *   allows: MADV_PAGEOUT reclaiming page cache of a file the caller does not
 *     own and cannot write
 *   without: such file-backed mappings are skipped silently
 *   condition: behavior is MADV_PAGEOUT on a file mapping
 *   priority: 0
 *
 * constraint: start alignment
 *   desc: start must be page aligned.
 *   expr: (start & (PAGE_SIZE - 1)) == 0
 *
 * constraint: range does not wrap
 *   desc: The page-rounded length must not round to zero from a nonzero value,
 *     and the end of the range must not wrap.
 *   expr: start + PAGE_ALIGN(len_in) >= start && (len_in == 0 || PAGE_ALIGN(len_in) != 0)
 *
 * kapi-not-returned: ESPIPE, EISDIR vfs_fallocate's FIFO and directory checks: neither can be
 *   mapped, so MADV_REMOVE never reaches them; EMLINK, EEXIST internal codes of get_user_pages:
 *   -EMLINK from follow_page_pte makes __get_user_pages fault the page in, and -EEXIST needs a
 *   caller passing neither FOLL_GET nor FOLL_PIN, while get_user_pages_fast passes FOLL_GET; ENXIO
 *   soft_offline_page's pfn_valid check fails only for a page frame without a memory map, which a
 *   page of the caller's mapping always has; ENOSYS migrate_folio_unmap refuses a transparent huge
 *   page only where THP migration is not supported, and x86-64 supports it
 *
 * notes: Advice is processed mapping by mapping without rollback, so an error
 *   on a later mapping leaves earlier ones changed.  MADV_HWPOISON and
 *   MADV_SOFT_OFFLINE do not walk the mappings: they pin and handle the range
 *   page by page.  MADV_DONTNEED on hugetlb rounds the end down to a huge page
 *   boundary.  Read-ahead failures of MADV_WILLNEED are ignored.  Further codes
 *   not listed in the manual can escape: MADV_REMOVE passes on filesystem hole
 *   punching errors such as EOPNOTSUPP, and MADV_HWPOISON can return ENXIO for
 *   memory the kernel does not manage.  On alpha MADV_DONTNEED has the value 6.
 */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
}
