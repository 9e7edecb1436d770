// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the epoll system calls (fs/eventpoll.c, Linux 6.1).

/**
 * sys_epoll_create - create an epoll instance, legacy form with a size hint
 * @size: obsolete capacity hint, only checked for being positive
 *
 * long-desc: Allocates a new epoll instance, wraps it in an anonymous
 *   "[eventpoll]" file opened for reading and writing, and installs that file
 *   at the lowest free slot of the caller's descriptor table.  The size value
 *   does not influence any allocation any more; the kernel only rejects values
 *   that are not positive so that programs written for early kernels keep
 *   their behaviour.  Apart from that check the call behaves exactly like
 *   epoll_create1() with flags 0, so the descriptor is not close-on-exec.
 * contexts: process, sleepable
 *
 * param: size
 *   type: int, input
 *   constraint-type: range(1, INT_MAX)
 *   constraint: Must be greater than zero; any positive value has the same
 *     effect.
 *   desc: Historic estimate of how many descriptors would be watched.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The new epoll descriptor on success, a negative errno on failure.
 *   kapi-effect: fd:new=ret; fd:epoll=ret
 *
 * error: EINVAL, size is zero or negative
 *   kapi-cond: size=0; size=-1
 *   desc: Tested first, before any memory or descriptor is allocated.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table of the process is full up to its soft
 *     RLIMIT_NOFILE limit.  Linux 6.1 has no per-user cap on epoll instances,
 *     so this is the only source of EMFILE here.
 *
 * error: ENFILE, the system-wide number of open files reached fs.file-max
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: The anonymous epoll file could not be allocated because the global
 *     open-file count is at fs.file-max and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENOMEM, kernel memory for the instance, its file or the table ran out
 *   kapi-cond: memcg=full
 *   desc: Allocating struct eventpoll, the dentry and file of the anonymous
 *     inode, or growing the descriptor table failed.  All but struct eventpoll
 *     are charged to the caller's memory cgroup, so a full cgroup fails the
 *     call here.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Taken briefly while the lowest free descriptor number is reserved
 *     in the caller's descriptor table (and while the table is grown).
 *
 * side-effect: alloc_memory | resource_create
 *   target: struct eventpoll, anonymous "[eventpoll]" file, descriptor slot
 *   desc: A new epoll instance with an empty interest list and an empty ready
 *     list is created and bound to a new descriptor.  Every step is undone if
 *     a later step fails.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:epoll=ret
 *
 * state-trans: descriptor table slot
 *   object: descriptor table of the calling process
 *   from: lowest free slot unused
 *   to: slot refers to the new epoll file, close-on-exec clear
 *   desc: Closing the last descriptor that refers to the file destroys the
 *     instance and drops all of its registrations.
 *   kapi-effect: fd:new=ret
 *
 * capability: CAP_SYS_ADMIN
 *   type: bypass_check
 *   allows: creating the epoll file when fs.file-max open files already exist
 *   without: the call fails with ENFILE once the global limit is reached
 *   condition: the system-wide open-file count is at or above fs.file-max
 *   priority: 0
 *
 * kapi-not-returned: ENODEV, ENOENT __anon_inode_getfile fails so only when the anonymous inode
 *   could not be made at boot (ENODEV) or the file operations' module cannot be pinned (ENOENT), and
 *   eventpoll is built in with file operations that name no module
 *
 * notes: epoll_create1(0) is the modern equivalent.  The size argument has
 *   been ignored apart from the sign check since Linux 2.6.8.
 */
SYSCALL_DEFINE1(epoll_create, int, size)
{
}

/**
 * sys_epoll_create1 - create an epoll instance with creation flags
 * @flags: 0 or EPOLL_CLOEXEC
 *
 * long-desc: Allocates a new epoll instance, backs it with an anonymous
 *   "[eventpoll]" file opened for reading and writing, and returns the lowest
 *   free descriptor of the calling process, which now refers to that file.
 *   The descriptor is then used with epoll_ctl() to build the interest list
 *   and with the epoll_wait() family to collect readiness events.  With
 *   EPOLL_CLOEXEC the descriptor is marked close-on-exec atomically.
 * contexts: process, sleepable
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(EPOLL_CLOEXEC)
 *   constraint: No bit other than EPOLL_CLOEXEC may be set.  EPOLL_CLOEXEC has
 *     the same value as O_CLOEXEC.
 *   desc: Creation flags for the new descriptor.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The new epoll descriptor on success, a negative errno on failure.
 *   kapi-effect: fd:new=ret; fd:epoll=ret
 *
 * error: EINVAL, flags contains a bit other than EPOLL_CLOEXEC
 *   kapi-cond: flags=1
 *   desc: Unknown flags are refused before anything is allocated.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table of the process is full up to its soft
 *     RLIMIT_NOFILE limit.  Linux 6.1 has no per-user cap on epoll instances,
 *     so this is the only source of EMFILE here.
 *
 * error: ENFILE, the system-wide number of open files reached fs.file-max
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: The anonymous epoll file could not be allocated because the global
 *     open-file count is at fs.file-max and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENOMEM, kernel memory for the instance, its file or the table ran out
 *   kapi-cond: memcg=full
 *   desc: Allocating struct eventpoll, the dentry and file of the anonymous
 *     inode, or growing the descriptor table failed.  All but struct eventpoll
 *     are charged to the caller's memory cgroup, so a full cgroup fails the
 *     call here.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Taken briefly while the lowest free descriptor number is reserved
 *     in the caller's descriptor table and its close-on-exec bit is set.
 *
 * side-effect: alloc_memory | resource_create
 *   target: struct eventpoll, anonymous "[eventpoll]" file, descriptor slot
 *   desc: A new epoll instance with an empty interest list and an empty ready
 *     list is created and bound to a new descriptor.  Every step is undone if
 *     a later step fails.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:epoll=ret; fd:cloexec=ret if flags&EPOLL_CLOEXEC
 *
 * state-trans: descriptor table slot
 *   object: descriptor table of the calling process
 *   from: lowest free slot unused
 *   to: slot refers to the new epoll file
 *   condition: always on success
 *   desc: The close-on-exec bit of the slot is set exactly when flags holds
 *     EPOLL_CLOEXEC.
 *   kapi-effect: fd:new=ret; fd:cloexec=ret if flags&EPOLL_CLOEXEC
 *
 * capability: CAP_SYS_ADMIN
 *   type: bypass_check
 *   allows: creating the epoll file when fs.file-max open files already exist
 *   without: the call fails with ENFILE once the global limit is reached
 *   condition: the system-wide open-file count is at or above fs.file-max
 *   priority: 0
 *
 * kapi-not-returned: ENODEV, ENOENT __anon_inode_getfile fails so only when the anonymous inode
 *   could not be made at boot (ENODEV) or the file operations' module cannot be pinned (ENOENT), and
 *   eventpoll is built in with file operations that name no module
 *
 * notes: The returned descriptor can itself be polled, and added to another
 *   epoll instance; it reports readable while its ready list is not empty.
 */
SYSCALL_DEFINE1(epoll_create1, int, flags)
{
}

/**
 * sys_epoll_ctl - add, change or remove an entry of an epoll interest list
 * @epfd: descriptor of the epoll instance to operate on
 * @op: EPOLL_CTL_ADD, EPOLL_CTL_MOD or EPOLL_CTL_DEL
 * @fd: descriptor of the target file
 * @event: event mask and user data; ignored and may be NULL for EPOLL_CTL_DEL
 *
 * long-desc: Edits the interest list of the epoll instance behind epfd.  An
 *   entry is keyed by the pair of target open file and descriptor number fd.
 *   EPOLL_CTL_ADD creates an entry holding the event mask and the opaque
 *   64-bit data word from *event, hooks the instance into the target's poll
 *   wait queues and, if the target is already ready, queues it on the ready
 *   list and wakes waiters.  EPOLL_CTL_MOD replaces the mask and data of an
 *   existing entry (re-arming an EPOLLONESHOT entry) and re-evaluates its
 *   readiness.  EPOLL_CTL_DEL drops the entry.  For ADD and MOD the kernel
 *   always adds EPOLLERR and EPOLLHUP to the stored mask.  Besides the event
 *   bits, the mask may hold EPOLLET (edge-triggered), EPOLLONESHOT,
 *   EPOLLWAKEUP and, on ADD only, EPOLLEXCLUSIVE.  The target may itself be
 *   an epoll instance; the kernel then refuses cycles and overly deep nests.
 * contexts: process, sleepable
 *
 * param: epfd
 *   kapi-semantic: fd:epoll
 *   type: fd, input
 *   constraint: Must be open and refer to an epoll instance.
 *   desc: The epoll instance whose interest list is edited.
 *
 * param: op
 *   type: int, input
 *   constraint-type: enum(EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD)
 *   constraint: Any other value fails with EINVAL, but only after *event has
 *     been read and both descriptors have passed their checks.
 *   desc: The operation to perform.
 *
 * param: fd
 *   kapi-semantic: fd:pipe
 *   type: fd, input
 *   constraint: Must be open, its file must implement poll (regular files and
 *     directories do not), and it must not be the same open file as epfd.
 *   desc: The target whose readiness is to be watched, changed or forgotten.
 *
 * param: event
 *   kapi-semantic: ptr:buffer
 *   type: user_ptr, input, optional
 *   size: sizeof(struct epoll_event)
 *   constraint: Read whenever op is not EPOLL_CTL_DEL, so it must then point
 *     to a readable struct epoll_event; NULL is allowed only with
 *     EPOLL_CTL_DEL, where the pointer is never dereferenced.
 *   desc: The events field selects the readiness bits and behaviour flags;
 *     the data field is returned unchanged by the epoll_wait() family.
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *   desc: Zero on success, a negative errno on failure.
 *
 * error: EFAULT, op is not EPOLL_CTL_DEL and event cannot be read
 *   kapi-cond: event=ptr:null; event=ptr:unmapped
 *   desc: The event structure is copied in before any descriptor is looked
 *     up, so this takes precedence over every other error.  The manual page
 *     does not list it, but the raw call returns it.
 *
 * error: EBADF, epfd or fd is not an open file descriptor
 *   kapi-cond: epfd=fd:closed; fd=fd:closed
 *   desc: epfd is looked up first, then fd.
 *
 * error: EPERM, the file behind fd does not support poll
 *   kapi-cond: fd=fd:file; fd=fd:dir
 *   kapi-fs: fuse=SUCCESS a FUSE file has a poll method that asks the server (and
 *     reports the file always ready when the server does not answer polls), so
 *     epoll accepts a regular file on FUSE
 *   desc: Regular files and directories of most filesystems have no poll method
 *     and cannot be watched; FUSE files can.  Checked before the
 *     epoll-specific EINVAL cases.
 *
 * error: EINVAL, epfd not epoll, fd same as epfd, bad op, or EPOLLEXCLUSIVE misuse
 *   kapi-cond: epfd=fd:file; op=99
 *   desc: Returned when epfd does not refer to an epoll instance; when fd
 *     refers to the same open file as epfd; when op is not one of the three
 *     operations; when op is EPOLL_CTL_MOD and event->events has
 *     EPOLLEXCLUSIVE; when op is EPOLL_CTL_MOD on an entry that was added
 *     with EPOLLEXCLUSIVE; when op is EPOLL_CTL_ADD with EPOLLEXCLUSIVE and fd
 *     is an epoll instance; when op is EPOLL_CTL_ADD with EPOLLEXCLUSIVE and a
 *     bit outside EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, EPOLLWAKEUP and EPOLLET
 *     (for example EPOLLONESHOT or EPOLLRDHUP); and, not mentioned by the
 *     manual, when an ADD that needs the full topology check would give some
 *     watched file too many wakeup paths through nested epoll instances.
 *
 * error: ELOOP, adding an epoll fd would form a cycle or nest more than 5 deep
 *   kapi-cond: fd=fd:watcher@epfd
 *   desc: Only for EPOLL_CTL_ADD with an epoll instance as target: the add is
 *     refused if epfd is reachable from fd, or if the resulting chain of
 *     nested instances would be longer than EP_MAX_NESTS + 1 levels.
 *
 * error: EEXIST, op is EPOLL_CTL_ADD and fd is already registered with epfd
 *   kapi-cond: fd=fd:watched@epfd
 *   desc: The same open file under the same descriptor number already has an
 *     entry.  The same open file may still be added under a duplicate
 *     descriptor number.
 *
 * error: ENOENT, op is EPOLL_CTL_MOD or EPOLL_CTL_DEL and fd is not registered
 *   kapi-cond: op=EPOLL_CTL_DEL; op=EPOLL_CTL_MOD
 *   desc: No entry for this open file and descriptor number exists in epfd.
 *
 * error: ENOMEM, no kernel memory for the new entry or its wakeup hooks
 *   kapi-cond: memcg=full
 *   desc: Allocating the entry, the per-file list head, a poll wait queue
 *     hook or an EPOLLWAKEUP wakeup source failed during EPOLL_CTL_ADD.  The
 *     first three come from caches charged to the caller's memory cgroup, so a
 *     full cgroup makes the add fail.
 *
 * error: ENOSPC, EPOLL_CTL_ADD would exceed the per-user watch limit
 *   kapi-unprovokable: fs.epoll.max_user_watches is 4% of low memory divided by the size of an entry (millions of watches, hundreds of MiB of kernel memory) and read-only in the sandbox
 *   desc: The user owning the epoll instance already holds
 *     fs.epoll.max_user_watches registrations across all its instances.
 *
 * lock: ep->mtx
 *   type: mutex
 *   scope: internal
 *   desc: Per-instance mutex of epfd, held while the interest list is looked
 *     up and changed.  Nested instances are locked outward to inward.
 *
 * lock: epmutex
 *   type: mutex
 *   scope: internal
 *   desc: Global epoll topology mutex, taken before ep->mtx only for
 *     EPOLL_CTL_ADD when the target is an epoll instance, when epfd is itself
 *     watched by another instance, or when a topology check is in progress.
 *     It serialises the loop, depth and wakeup-path checks.
 *
 * lock: tep->mtx
 *   type: mutex
 *   scope: internal
 *   desc: The mutex of a target epoll instance, taken with a nested lockdep
 *     class while the new entry is linked into it during EPOLL_CTL_ADD.
 *
 * lock: ep->lock
 *   type: spinlock
 *   scope: internal
 *   desc: Interrupt-safe spinlock of epfd, held while an already-ready target
 *     is put on the ready list and waiters are woken.
 *
 * lock: tfile->f_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Spinlock of the target file, held while the new entry is linked
 *     into the list of epoll entries attached to that file.
 *
 * side-effect: alloc_memory | resource_create | modify_state
 *   target: struct epitem, poll wait queue hooks, per-user watch count
 *   condition: op is EPOLL_CTL_ADD and the call succeeds
 *   desc: A new entry is inserted into the interest list, the instance hooks
 *     itself into the target's wait queues, the user's watch count grows by
 *     one, and an EPOLLWAKEUP entry gets its own wakeup source.  If the target
 *     is already ready, the entry is queued and blocked waiters are woken.
 *   reversible: yes
 *   kapi-effect: epoll:added=epfd,fd if op=EPOLL_CTL_ADD
 *
 * side-effect: free_memory | resource_destroy | modify_state
 *   target: struct epitem, poll wait queue hooks, per-user watch count
 *   condition: op is EPOLL_CTL_DEL and the call succeeds
 *   desc: The entry is unhooked from the target's wait queues, removed from
 *     the ready list and freed; the user's watch count drops by one.
 *   reversible: yes
 *   kapi-effect: epoll:removed=epfd,fd if op=EPOLL_CTL_DEL
 *   kapi-effect-case: op=EPOLL_CTL_DEL, fd=fd:watched@epfd
 *
 * side-effect: modify_state
 *   target: event mask and data of an existing entry, its wakeup source
 *   condition: op is EPOLL_CTL_MOD and the call succeeds
 *   desc: The stored mask and data are replaced, a wakeup source is created
 *     or destroyed to follow EPOLLWAKEUP, and the target is polled again so
 *     that an already-ready target is queued and waiters are woken.
 *   reversible: yes
 *   kapi-effect: epoll:modified=epfd,fd if op=EPOLL_CTL_MOD
 *   kapi-effect-case: op=EPOLL_CTL_MOD, fd=fd:watched@epfd
 *
 * state-trans: interest list entry on add
 *   object: entry for (fd's open file, fd) in epfd
 *   from: absent
 *   to: registered with the given mask and data
 *   condition: op is EPOLL_CTL_ADD
 *   desc: The entry stays until EPOLL_CTL_DEL or until every descriptor that
 *     refers to the target's open file has been closed.
 *   kapi-effect: epoll:added=epfd,fd if op=EPOLL_CTL_ADD
 *
 * state-trans: interest list entry on delete
 *   object: entry for (fd's open file, fd) in epfd
 *   from: registered
 *   to: absent
 *   condition: op is EPOLL_CTL_DEL
 *   desc: Events already collected for the entry are discarded.
 *   kapi-effect: epoll:removed=epfd,fd if op=EPOLL_CTL_DEL
 *
 * state-trans: one-shot entry re-armed
 *   object: entry registered with EPOLLONESHOT
 *   from: disabled after an event was reported
 *   to: armed with the new mask
 *   condition: op is EPOLL_CTL_MOD
 *   desc: A reported one-shot entry keeps only its behaviour flags and
 *     reports nothing until a MOD installs a new mask.
 *   kapi-unobservable: needs an entry registered with EPOLLONESHOT whose event has already been
 *     reported; no fixture makes one yet, so only the plain EPOLL_CTL_MOD
 *     change (side-effect 3) is checked
 *
 * capability: CAP_BLOCK_SUSPEND
 *   type: grant_permission
 *   allows: keeping EPOLLWAKEUP, so pending events of the entry hold off
 *     system suspend through a wakeup source
 *   without: EPOLLWAKEUP is silently cleared from the mask and the call
 *     otherwise proceeds and succeeds; no error is reported
 *   condition: op is EPOLL_CTL_ADD or EPOLL_CTL_MOD and event->events holds
 *     EPOLLWAKEUP
 *   priority: 0
 *
 * constraint: event pointer required
 *   desc: Every operation except EPOLL_CTL_DEL reads a struct epoll_event.
 *   expr: op == EPOLL_CTL_DEL || event != NULL
 *
 * constraint: no self registration
 *   desc: The target must not be the epoll instance itself, whatever
 *     descriptor number is used to name it.
 *   expr: fd != epfd
 *
 * constraint: EPOLLEXCLUSIVE only on add
 *   desc: EPOLLEXCLUSIVE is accepted with EPOLL_CTL_ADD only, and an entry
 *     added with it can never be modified.
 *   expr: op == EPOLL_CTL_DEL || !(event->events & EPOLLEXCLUSIVE) ||
 *     op == EPOLL_CTL_ADD
 *
 * constraint: EPOLLEXCLUSIVE companion bits
 *   desc: With EPOLLEXCLUSIVE only a restricted set of bits may be given, and
 *     the target must not be an epoll instance.
 *   expr: !(event->events & EPOLLEXCLUSIVE) || !(event->events &
 *     ~(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | EPOLLET |
 *     EPOLLEXCLUSIVE))
 *
 * constraint: nesting depth
 *   desc: Chains of epoll instances watching epoll instances are limited to
 *     EP_MAX_NESTS levels below the outermost one, and must be acyclic.
 *
 * notes: Unknown bits in
 *   event->events are accepted and stored without complaint.  The order of
 *   checks is EFAULT, EBADF, EPERM, EINVAL, ELOOP, then the per-operation
 *   results.  Closing fd alone does not remove the entry while a duplicate of
 *   the same open file is still open.
 */
SYSCALL_DEFINE4(epoll_ctl, int, epfd, int, op, int, fd,
		struct epoll_event __user *, event)
{
}

/**
 * sys_epoll_wait - wait for readiness events on an epoll instance
 * @epfd: descriptor of the epoll instance
 * @events: user array that receives the ready events
 * @maxevents: capacity of @events, in entries
 * @timeout: longest wait in milliseconds; negative waits forever, 0 polls
 *
 * long-desc: Collects up to maxevents entries from the ready list of the
 *   epoll instance behind epfd and stores, for each, the currently pending
 *   event bits and the data word registered with epoll_ctl() in the caller's
 *   array.  If nothing is ready the caller sleeps interruptibly until an
 *   entry becomes ready, a signal arrives, or the timeout, measured on
 *   CLOCK_MONOTONIC, expires.  Level-triggered entries that are still ready
 *   are put back at the tail of the ready list, edge-triggered entries are
 *   not, and one-shot entries are disabled after being reported, so repeated
 *   calls cycle fairly through many ready descriptors.
 * contexts: process, sleepable
 *
 * param: epfd
 *   kapi-semantic: fd:epoll
 *   type: fd, input
 *   constraint: Must be open and refer to an epoll instance.
 *   desc: The epoll instance to wait on.
 *
 * param: events
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   size-multiplier: sizeof(struct epoll_event)
 *   constraint: Must be writable for maxevents entries; the whole range is
 *     checked to be a user address range before the wait starts.
 *   desc: Receives one struct epoll_event per ready entry, from index 0 on.
 *
 * param: maxevents
 *   type: int, input
 *   constraint-type: range(1, EP_MAX_EVENTS)
 *   constraint: At least 1 and at most INT_MAX / sizeof(struct epoll_event).
 *   desc: The largest number of events to return.
 *
 * param: timeout
 *   type: int, input
 *   constraint: Any value is valid.  A negative value blocks without limit,
 *     0 returns at once, a positive value is a relative limit in milliseconds.
 *   desc: How long to wait when no event is ready.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, EP_MAX_EVENTS
 *   desc: The number of events stored in events, never more than maxevents;
 *     0 if the timeout expired first; a negative errno on failure.
 *   kapi-effect: mem:filled=events,ret*12
 *
 * error: EINVAL, epfd is not an epoll fd, or maxevents is < 1 or > EP_MAX_EVENTS
 *   kapi-cond: epfd=fd:file; maxevents=0; maxevents=-1
 *   desc: The maxevents bounds are tested first of all; the epoll check
 *     follows the descriptor lookup.
 *
 * error: EFAULT, events is not a writable user range for maxevents entries
 *   kapi-cond: events=ptr:null; events=ptr:readonly
 *   desc: Either the range check before the wait fails, or storing the first
 *     collected event faults.  If a fault happens after at least one event
 *     was stored, the count stored so far is returned instead and the
 *     unreported entry stays on the ready list.
 *
 * error: EBADF, epfd is not an open file descriptor
 *   kapi-cond: epfd=fd:closed; epfd=-1
 *   desc: Checked after maxevents and the events range.
 *
 * error: EINTR, a signal arrived before any event was ready or the timeout ran out
 *   kapi-cond: epfd=fd:epoll-empty, timeout=-1, sig.ALRM=interrupt
 *   desc: A pending signal ends the wait.  The call is never restarted after
 *     a handler ran, whatever SA_RESTART says.  A pending fatal signal also
 *     stops event collection with this error.
 *
 * lock: ep->mtx
 *   type: mutex
 *   scope: internal
 *   desc: Per-instance mutex, held while ready entries are moved to user
 *     space; it keeps epoll_ctl() from changing entries meanwhile.
 *
 * lock: ep->lock
 *   type: spinlock
 *   scope: internal
 *   desc: Interrupt-safe spinlock, held while the ready list is rechecked and
 *     the caller queues itself exclusively on the instance wait queue.
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: an unblocked signal becomes pending
 *     while no event is ready
 *   desc: The sleeper wakes and the call returns EINTR, after which any
 *     handler runs; the call is not restarted automatically.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: SIGSTOP
 *   direction: receive
 *   action: stop
 *   condition: a stop signal arrives while the caller waits
 *   desc: The process stops; once continued by SIGCONT the call returns
 *     EINTR even though no handler ran.  SIGTSTP, SIGTTIN and SIGTTOU behave
 *     the same way.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting or collecting events
 *   desc: The wait ends, no events are transferred, and the task exits.
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: ready list and reported entries of the epoll instance
 *   condition: at least one event is returned
 *   desc: Reported entries leave the ready list; level-triggered entries that
 *     are still ready rejoin it at the tail; EPOLLONESHOT entries are disabled
 *     until re-armed with EPOLL_CTL_MOD.  Wakeup sources of EPOLLWAKEUP
 *     entries are released, the instance's own one taking over until the
 *     next call.
 *   reversible: no
 *   kapi-effect: mem:filled=events,ret*12
 *
 * side-effect: schedule
 *   target: calling task
 *   condition: no event is ready and timeout is not 0
 *   desc: The caller sleeps interruptibly on the instance wait queue, possibly
 *     after a short busy-poll phase for network sockets.
 *   reversible: yes
 *   kapi-unobservable: a sleep leaves nothing behind once the call has returned; the EINTR
 *     cases show that the call blocks
 *
 * state-trans: one-shot entry
 *   object: entry registered with EPOLLONESHOT
 *   from: armed
 *   to: disabled
 *   condition: its event is returned by this call
 *   desc: The entry stays in the interest list but reports nothing until an
 *     EPOLL_CTL_MOD installs a new mask.
 *   kapi-unobservable: needs an entry registered with EPOLLONESHOT; the fixture's entry is
 *     level-triggered, and no fixture makes a one-shot one yet
 *
 * state-trans: calling task
 *   object: calling task
 *   from: running
 *   to: interruptible sleep on the instance wait queue
 *   condition: nothing is ready and timeout is not 0
 *   desc: Ends when an entry becomes ready, a signal is pending or the timeout
 *     expires.
 *   kapi-unobservable: a sleep leaves nothing behind once the call has returned; the EINTR
 *     cases show that the call blocks
 *
 * constraint: events buffer size
 *   desc: The byte size of the events array must not overflow an int.
 *   expr: maxevents <= EP_MAX_EVENTS
 *
 * notes: The timeout is rounded up to the clock granularity, and the sleep
 *   may overrun slightly because of timer slack and scheduling.  Waiting on an
 *   instance with an empty interest list is allowed; the caller sleeps until
 *   another thread registers a target that becomes ready.  On x86-64 struct
 *   epoll_event is packed (12 bytes).
 */
SYSCALL_DEFINE4(epoll_wait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout)
{
}

/**
 * sys_epoll_pwait - wait for epoll events with a temporary signal mask
 * @epfd: descriptor of the epoll instance
 * @events: user array that receives the ready events
 * @maxevents: capacity of @events, in entries
 * @timeout: longest wait in milliseconds; negative waits forever, 0 polls
 * @sigmask: signal mask to apply while waiting, or NULL to keep the current one
 * @sigsetsize: size of *@sigmask in bytes
 *
 * long-desc: Works like epoll_wait(), but when sigmask is not NULL the
 *   caller's blocked-signal mask is replaced by *sigmask for the duration of
 *   the call and put back afterwards, so that unblocking signals and starting
 *   the wait happen as one step.  This lets a program block a signal
 *   everywhere except while it waits, without the race of changing the mask
 *   in a separate call.  With sigmask NULL the call is identical to
 *   epoll_wait() and sigsetsize is not examined.
 * contexts: process, sleepable
 *
 * param: epfd
 *   kapi-semantic: fd:epoll
 *   type: fd, input
 *   constraint: Must be open and refer to an epoll instance.
 *   desc: The epoll instance to wait on.
 *
 * param: events
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   size-multiplier: sizeof(struct epoll_event)
 *   constraint: Must be writable for maxevents entries.
 *   desc: Receives one struct epoll_event per ready entry, from index 0 on.
 *
 * param: maxevents
 *   type: int, input
 *   constraint-type: range(1, EP_MAX_EVENTS)
 *   constraint: At least 1 and at most INT_MAX / sizeof(struct epoll_event).
 *   desc: The largest number of events to return.
 *
 * param: timeout
 *   type: int, input
 *   constraint: Any value is valid.  A negative value blocks without limit,
 *     0 returns at once, a positive value is a relative limit in milliseconds.
 *   desc: How long to wait when no event is ready.
 *
 * param: sigmask
 *   kapi-semantic: ptr:sigset
 *   type: user_ptr, input, optional
 *   size: sizeof(sigset_t)
 *   constraint: NULL, or a readable kernel sigset_t (one bit for each of the
 *     _NSIG signals).  SIGKILL and SIGSTOP bits are ignored.
 *   desc: The blocked-signal mask in force during the wait.
 *
 * param: sigsetsize
 *   type: uint, input
 *   constraint-type: range(sizeof(sigset_t), sizeof(sigset_t))
 *   constraint: Must equal sizeof(sigset_t) (8 bytes on common
 *     architectures) whenever sigmask is not NULL; ignored otherwise.
 *   desc: Size of the kernel signal set, supplied by the C library.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, EP_MAX_EVENTS
 *   desc: The number of events stored in events, never more than maxevents;
 *     0 if the timeout expired first; a negative errno on failure.
 *   kapi-effect: mem:filled=events,ret*12
 *
 * error: EINVAL, bad sigsetsize, maxevents out of range, or epfd is not epoll
 *   kapi-cond: epfd=fd:file; maxevents=0; sigsetsize=1
 *   desc: sigsetsize differs from sizeof(sigset_t) while sigmask is not NULL
 *     (tested before anything else), maxevents is below 1 or above
 *     EP_MAX_EVENTS, or epfd does not refer to an epoll instance.
 *
 * error: EFAULT, sigmask cannot be read or events is not writable
 *   kapi-cond: events=ptr:null; sigmask=ptr:unmapped
 *   desc: Reading *sigmask faults, the events range for maxevents entries is
 *     not a user range, or storing the first collected event faults.  A fault
 *     after at least one event was stored returns that count instead.
 *
 * error: EBADF, epfd is not an open file descriptor
 *   kapi-cond: epfd=fd:closed; epfd=-1
 *   desc: Checked after the signal mask has been installed; the old mask is
 *     put back before returning.
 *
 * error: EINTR, a signal arrived before any event was ready or the timeout ran out
 *   kapi-cond: epfd=fd:epoll-empty, timeout=-1, sig.ALRM=interrupt
 *   desc: Only signals left unblocked by the temporary mask can cause this.
 *     The call is never restarted after a handler ran.
 *
 * lock: ep->mtx
 *   type: mutex
 *   scope: internal
 *   desc: Per-instance mutex, held while ready entries are moved to user
 *     space.
 *
 * lock: ep->lock
 *   type: spinlock
 *   scope: internal
 *   desc: Interrupt-safe spinlock, held while the ready list is rechecked and
 *     the caller queues itself on the instance wait queue.
 *
 * lock: current->sighand->siglock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while the blocked-signal mask is swapped and restored.
 *
 * signal: ANY
 *   direction: block
 *   action: queue
 *   condition: the signal (any but SIGKILL and SIGSTOP) is
 *     a member of *sigmask
 *   desc: Stays pending without waking the waiter; it is looked at again
 *     once the original mask is back.  SIGKILL and SIGSTOP are always
 *     dropped from the temporary mask and cannot be held off.
 *   timing: during
 *   interruptible: no
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a signal not blocked by the temporary
 *     mask becomes pending while no event is ready
 *   desc: The call returns EINTR.  The temporary mask stays in force while
 *     the handler runs, and the original mask is put back only when the
 *     handler returns, so a signal that sigmask unblocked is delivered
 *     before the old mask can block it again.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting or collecting events
 *   desc: Cannot be blocked by sigmask; the task exits.
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: blocked-signal mask of the calling thread
 *   condition: sigmask is not NULL and sigsetsize is valid
 *   desc: The mask is replaced by *sigmask for the wait.  It is restored
 *     before returning, except after EINTR, where the restore is deferred
 *     until signal delivery on the way back to user space.
 *   reversible: yes
 *   kapi-effect: keeps:signal-mask
 *
 * side-effect: modify_state
 *   target: ready list and reported entries of the epoll instance
 *   condition: at least one event is returned
 *   desc: As for epoll_wait(): reported entries leave the ready list,
 *     still-ready level-triggered ones rejoin it, one-shot ones are disabled.
 *   reversible: no
 *   kapi-effect: mem:filled=events,ret*12
 *
 * side-effect: schedule
 *   target: calling task
 *   condition: no event is ready and timeout is not 0
 *   desc: The caller sleeps interruptibly on the instance wait queue.
 *   reversible: yes
 *   kapi-unobservable: a sleep leaves nothing behind once the call has returned; the EINTR
 *     cases show that the call blocks
 *
 * state-trans: signal mask
 *   object: blocked-signal mask of the calling thread
 *   from: caller's mask
 *   to: *sigmask without SIGKILL and SIGSTOP, then the caller's mask again
 *   condition: sigmask is not NULL
 *   desc: After EINTR the caller's mask comes back when the handler returns.
 *   kapi-effect: keeps:signal-mask
 *
 * constraint: signal set size
 *   desc: A signal mask must come with the kernel's sigset_t size.
 *   expr: sigmask == NULL || sigsetsize == sizeof(sigset_t)
 *
 * constraint: events buffer size
 *   desc: The byte size of the events array must not overflow an int.
 *   expr: maxevents <= EP_MAX_EVENTS
 *
 * notes: Checks run in this order: sigsetsize and *sigmask, maxevents, the
 *   events range, epfd.  The glibc wrapper supplies sigsetsize itself.
 */
SYSCALL_DEFINE6(epoll_pwait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
}

/**
 * sys_epoll_pwait2 - wait for epoll events with a timespec timeout and signal mask
 * @epfd: descriptor of the epoll instance
 * @events: user array that receives the ready events
 * @maxevents: capacity of @events, in entries
 * @timeout: relative timeout with nanosecond resolution, or NULL to block
 * @sigmask: signal mask to apply while waiting, or NULL to keep the current one
 * @sigsetsize: size of *@sigmask in bytes
 *
 * long-desc: Works like epoll_pwait(), but takes the timeout as a pointer to
 *   a struct __kernel_timespec, giving nanosecond resolution.  A NULL pointer
 *   waits without limit, a zero interval returns at once, and any other valid
 *   interval is turned into an absolute CLOCK_MONOTONIC deadline before the
 *   wait starts.  The optional signal mask is swapped in and out as for
 *   epoll_pwait().
 * contexts: process, sleepable
 *
 * param: epfd
 *   kapi-semantic: fd:epoll
 *   type: fd, input
 *   constraint: Must be open and refer to an epoll instance.
 *   desc: The epoll instance to wait on.
 *
 * param: events
 *   type: user_ptr, output
 *   constraint-type: buffer(2)
 *   size-multiplier: sizeof(struct epoll_event)
 *   constraint: Must be writable for maxevents entries.
 *   desc: Receives one struct epoll_event per ready entry, from index 0 on.
 *
 * param: maxevents
 *   type: int, input
 *   constraint-type: range(1, EP_MAX_EVENTS)
 *   constraint: At least 1 and at most INT_MAX / sizeof(struct epoll_event).
 *   desc: The largest number of events to return.
 *
 * param: timeout
 *   kapi-semantic: ptr:timespec
 *   type: user_ptr, input, optional
 *   size: sizeof(struct __kernel_timespec)
 *   constraint: NULL, or a readable timespec with tv_sec >= 0 and tv_nsec in
 *     the range 0 to NSEC_PER_SEC - 1.
 *   desc: Relative time limit; NULL blocks until an event or a signal.
 *
 * param: sigmask
 *   kapi-semantic: ptr:sigset
 *   type: user_ptr, input, optional
 *   size: sizeof(sigset_t)
 *   constraint: NULL, or a readable kernel sigset_t (one bit for each of the
 *     _NSIG signals).  SIGKILL and SIGSTOP bits are ignored.
 *   desc: The blocked-signal mask in force during the wait.
 *
 * param: sigsetsize
 *   type: uint, input
 *   constraint-type: range(sizeof(sigset_t), sizeof(sigset_t))
 *   constraint: Must equal sizeof(sigset_t) whenever sigmask is not NULL;
 *     ignored otherwise.
 *   desc: Size of the kernel signal set.
 *
 * return:
 *   type: int
 *   check-type: range
 *   success-range: 0, EP_MAX_EVENTS
 *   desc: The number of events stored in events, never more than maxevents;
 *     0 if the timeout expired first; a negative errno on failure.
 *   kapi-effect: mem:filled=events,ret*12
 *
 * error: EINVAL, bad timeout or sigsetsize, maxevents out of range, epfd not epoll
 *   kapi-cond: epfd=fd:file; maxevents=0; sigsetsize=1
 *   desc: *timeout has a negative tv_sec or a tv_nsec outside 0 to
 *     NSEC_PER_SEC - 1 (tested first), sigsetsize differs from
 *     sizeof(sigset_t) while sigmask is not NULL, maxevents is below 1 or
 *     above EP_MAX_EVENTS, or epfd does not refer to an epoll instance.
 *
 * error: EFAULT, timeout or sigmask cannot be read, or events is not writable
 *   kapi-cond: events=ptr:null; sigmask=ptr:unmapped; timeout=ptr:unmapped
 *   desc: Reading *timeout or *sigmask faults, the events range for maxevents
 *     entries is not a user range, or storing the first collected event
 *     faults.  A fault after at least one event was stored returns that
 *     count instead.
 *
 * error: EBADF, epfd is not an open file descriptor
 *   kapi-cond: epfd=fd:closed; epfd=-1
 *   desc: Checked after the timeout and signal mask have been processed.
 *
 * error: EINTR, a signal arrived before any event was ready or the timeout ran out
 *   kapi-cond: epfd=fd:epoll-empty, timeout=ptr:null, sig.ALRM=interrupt
 *   desc: Only signals left unblocked by the temporary mask can cause this.
 *     The call is never restarted after a handler ran.
 *
 * lock: ep->mtx
 *   type: mutex
 *   scope: internal
 *   desc: Per-instance mutex, held while ready entries are moved to user
 *     space.
 *
 * lock: ep->lock
 *   type: spinlock
 *   scope: internal
 *   desc: Interrupt-safe spinlock, held while the ready list is rechecked and
 *     the caller queues itself on the instance wait queue.
 *
 * lock: current->sighand->siglock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while the blocked-signal mask is swapped and restored.
 *
 * signal: ANY
 *   direction: block
 *   action: queue
 *   condition: the signal (any but SIGKILL and SIGSTOP) is
 *     a member of *sigmask
 *   desc: Stays pending without waking the waiter.  SIGKILL and SIGSTOP are
 *     always dropped from the temporary mask and cannot be held off.
 *   timing: during
 *   interruptible: no
 *
 * signal: ANY
 *   direction: receive
 *   action: return
 *   condition: a signal not blocked by the temporary
 *     mask becomes pending while no event is ready
 *   desc: The call returns EINTR; the original mask is put back only when
 *     the handler returns.  The call is not restarted.
 *   errno: EINTR
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while waiting or collecting events
 *   desc: Cannot be blocked by sigmask; the task exits.
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * side-effect: modify_state
 *   target: blocked-signal mask of the calling thread
 *   condition: sigmask is not NULL and sigsetsize is valid
 *   desc: The mask is replaced by *sigmask for the wait and restored
 *     afterwards; after EINTR the restore is deferred until the handler
 *     returns.
 *   reversible: yes
 *   kapi-effect: keeps:signal-mask
 *
 * side-effect: modify_state
 *   target: ready list and reported entries of the epoll instance
 *   condition: at least one event is returned
 *   desc: As for epoll_wait(): reported entries leave the ready list,
 *     still-ready level-triggered ones rejoin it, one-shot ones are disabled.
 *   reversible: no
 *   kapi-effect: mem:filled=events,ret*12
 *
 * side-effect: schedule
 *   target: calling task
 *   condition: no event is ready and timeout is NULL or a non-zero interval
 *   desc: The caller sleeps interruptibly until the absolute deadline.
 *   reversible: yes
 *   kapi-unobservable: a sleep leaves nothing behind once the call has returned; the EINTR
 *     cases show that the call blocks
 *
 * state-trans: signal mask
 *   object: blocked-signal mask of the calling thread
 *   from: caller's mask
 *   to: *sigmask without SIGKILL and SIGSTOP, then the caller's mask again
 *   condition: sigmask is not NULL
 *   desc: After EINTR the caller's mask comes back when the handler returns.
 *   kapi-effect: keeps:signal-mask
 *
 * constraint: valid timeout
 *   desc: A given timespec must be normalised and not negative.
 *   expr: timeout == NULL || (timeout->tv_sec >= 0 && timeout->tv_nsec >= 0 &&
 *     timeout->tv_nsec < NSEC_PER_SEC)
 *
 * constraint: signal set size
 *   desc: A signal mask must come with the kernel's sigset_t size.
 *   expr: sigmask == NULL || sigsetsize == sizeof(sigset_t)
 *
 * constraint: events buffer size
 *   desc: The byte size of the events array must not overflow an int.
 *   expr: maxevents <= EP_MAX_EVENTS
 *
 * notes: Added in Linux 5.11.  Checks run in this order: *timeout, sigsetsize
 *   and *sigmask, maxevents, the events range, epfd.  Unlike ppoll(), the
 *   remaining time is not written back to *timeout.  Very large intervals
 *   saturate to an effectively infinite deadline.
 */
SYSCALL_DEFINE6(epoll_pwait2, int, epfd, struct epoll_event __user *, events,
		int, maxevents, const struct __kernel_timespec __user *, timeout,
		const sigset_t __user *, sigmask, size_t, sigsetsize)
{
}
