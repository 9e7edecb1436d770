// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of the program execution system calls (fs/exec.c, Linux 6.1).

/**
 * sys_execve - run a new program in the calling process
 * @filename: path name of the program file
 * @argv: NULL-terminated array of argument string pointers, or NULL
 * @envp: NULL-terminated array of environment string pointers, or NULL
 *
 * long-desc: Replaces the program running in the calling process by the one
 *   stored in the file named by filename.  The kernel opens the file for
 *   execution, copies the argument and environment strings into a new stack,
 *   lets the first binary format handler that recognises the file build a new
 *   user address space (an ELF loader, the "#!" script handler, binfmt_misc),
 *   and starts the program at its entry point.  Script and binfmt_misc
 *   handlers substitute an interpreter and restart the search; an ELF file
 *   with a PT_INTERP segment also gets its program interpreter loaded.  The
 *   process keeps its PID, parent, working and root directories, umask,
 *   resource limits, blocked-signal mask and pending signals, and all open
 *   descriptors except those marked close-on-exec.  A set-user-ID or
 *   set-group-ID bit and file capabilities of the program may raise the
 *   credentials.  In a multithreaded process every other thread is killed
 *   and the caller continues as the only thread, under the thread-group ID.
 *   Failures detected before the old address space is torn down return a
 *   negative errno with the old program intact; a failure after that point
 *   kills the process with SIGSEGV.
 * contexts: process, sleepable
 *
 * param: filename
 *   kapi-semantic: path:exec
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: A readable NUL-terminated string, non-empty and shorter than
 *     PATH_MAX bytes.  Relative names resolve against the working directory.
 *   desc: Names a regular file with execute permission, on a mount that is
 *     not noexec; it may be a binary or a "#!" interpreter script.
 *
 * param: argv
 *   kapi-semantic: ptr:argv
 *   type: user_ptr, input, optional
 *   constraint: NULL, or a readable array of string pointers ended by a NULL
 *     entry, holding at most MAX_ARG_STRINGS strings, each at most
 *     MAX_ARG_STRLEN bytes including its NUL.
 *   desc: The argument vector of the new program.  NULL, or an array that is
 *     empty, gives the program a single empty string as argv[0].
 *
 * param: envp
 *   kapi-semantic: ptr:envp
 *   type: user_ptr, input, optional
 *   constraint: NULL, or a readable array of string pointers ended by a NULL
 *     entry, with the same count and length limits as argv.
 *   desc: The environment of the new program; NULL means an empty one.
 *
 * return:
 *   type: int
 *   check-type: no_return
 *   desc: On success the call does not return: the new program starts
 *     running instead.  On failure before the point of no return a negative
 *     errno is returned to the unchanged program.
 *
 * error: E2BIG, too many or too long argument/environment strings
 *   kapi-cond: argv=ptr:argv-toolong
 *   desc: argv or envp has more than MAX_ARG_STRINGS entries, a single string
 *     is longer than MAX_ARG_STRLEN bytes, or the strings plus their pointers
 *     exceed the room allowed for them: a quarter of RLIMIT_STACK, at most
 *     three quarters of _STK_LIM, but never less than ARG_MAX.
 *
 * error: EACCES, no search or execute permission, not a regular file, or noexec
 *   kapi-cond: filename=path:file; filename=path:dir
 *   desc: A directory in the path prefix of the program or of a script or
 *     ELF interpreter is not searchable; the program or an interpreter lacks
 *     execute permission; it is a directory, device, FIFO or socket rather
 *     than a regular file; it lives on a noexec mount; or a security module
 *     refuses the execution.
 *
 * error: EAGAIN, the real UID is still above RLIMIT_NPROC after a set*uid()
 *   kapi-cond: rlimit.NPROC=0, uid=1000
 *   desc: An earlier setuid(), setreuid() or setresuid() switched to a real
 *     user that exceeded RLIMIT_NPROC, which the kernel only noted then; the
 *     exec fails while that user is still over the limit.
 *
 * error: EFAULT, filename, argv, envp or a string they point to is unreadable
 *   kapi-cond: filename=ptr:null; argv=ptr:unmapped; envp=ptr:unmapped
 *   desc: A pointer in the path name, the two vectors or the strings lies
 *     outside the caller's accessible address space.
 *
 * error: EINVAL, the program file carries a malformed capability attribute
 *   kapi-unprovokable: needs a security.capability attribute the kernel cannot parse; setxattr validates the attribute (cap_convert_nscap), so only a filesystem image written elsewhere has one
 *   desc: The security.capability extended attribute of the file cannot be
 *     parsed.  The manual's PT_INTERP case does not apply to 6.1, whose ELF
 *     loader only uses the first PT_INTERP segment.
 *
 * error: EIO, an I/O error occurred while reading the program or interpreter
 *   kapi-cond: filename=path:fuse-read-fails
 *   desc: Reading the file headers or program headers failed or came back
 *     short; the filesystem's read reports the error (a failing device, or
 *     a FUSE server answering READ with EIO).  The first read (the file's
 *     first 256 bytes, prepare_binprm) comes before the point of no return
 *     (begin_new_exec), so the call returns with the process unchanged.
 *
 * error: ELIBBAD, the ELF program interpreter is not in a usable ELF format
 *   kapi-cond: filename=path:exec-badinterp
 *   desc: The file named by PT_INTERP lacks the ELF magic or is built for
 *     another architecture.
 *
 * error: ELOOP, too many symlinks, or too deeply nested script interpreters
 *   kapi-cond: filename=path:loop
 *   desc: Resolving the path of the program or of an interpreter met more
 *     than 40 symbolic links, or the chain of interpreter substitutions by
 *     "#!" scripts and binfmt_misc is longer than the kernel allows (5).
 *
 * error: ENAMETOOLONG, filename or a component of it is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     file system's NAME_MAX limit.
 *
 * error: ENFILE, the system-wide number of open files reached fs.file-max
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Opening the program or an interpreter needed a new open file while
 *     the global limit was reached and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENOENT, the program or an interpreter does not exist, or filename is ""
 *   kapi-cond: filename=path:missing; filename=path:empty; filename=path:dangling
 *   desc: A component of the path is missing, a symbolic link dangles, the
 *     script or ELF interpreter named by the program is missing, or filename
 *     is the empty string.
 *
 * error: ENOEXEC, no binary format handler recognises the file
 *   kapi-cond: filename=path:exec-junk
 *   desc: The file has no known format, is built for another architecture,
 *     has corrupt headers, or is a "#!" script whose first line names no
 *     interpreter.
 *
 * error: ENOMEM, kernel memory ran out while preparing the new program
 *   kapi-cond: memcg=full
 *   desc: Allocating the exec state, the new memory descriptor, credentials,
 *     headers or interpreter names failed before the point of no return.  The
 *     memory descriptor and its page tables are charged to the caller's memory
 *     cgroup; in a full cgroup bprm_mm_init fails first, and the caller keeps
 *     running.
 *
 * error: ENOTDIR, a path prefix component is not a directory
 *   kapi-cond: filename=path:notdir
 *   desc: Applies to the path of the program and to interpreter paths.
 *
 * error: EPERM, file capabilities cannot all be granted, or a security module
 *   kapi-unprovokable: needs file capabilities the task cannot be granted, or a security module's denial; the sandbox runs with no_new_privs, under which the kernel ignores file capabilities instead of failing, and no LSM policy is loaded for the case
 *   desc: The program has file capabilities with the effective bit set, but
 *     some of its permitted capabilities are neither in the bounding set nor
 *     granted through the inheritable sets, so a program unaware of
 *     capabilities would run short of privilege; or a security module
 *     forbids the transition.
 *     A nosuid mount or a tracer does not give EPERM in 6.1: the set-ID bits
 *     are then ignored or downgraded instead.
 *
 * error: ESTALE, the filesystem reported the file handle of the program stale
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: Opening the program or an interpreter reached a filesystem that
 *     found the object behind its file handle gone: a network filesystem
 *     (NFS) whose server no longer knows the handle, or a FUSE server that
 *     answered the open request with ESTALE.  The open walks the path a second time with every
 *     cached name checked again (LOOKUP_REVAL) before it gives up; the
 *     failure comes before the point of no return, so the caller keeps
 *     running unchanged.
 *
 * error: ETXTBSY, the program or an interpreter is open for writing
 *   kapi-cond: filename=path:exec-busy
 *   desc: Some process holds a writable open file on it, so write access
 *     cannot be denied for the run time of the program.
 *
 * lock: signal->cred_guard_mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken interruptibly at the start and held until the new
 *     credentials are installed (or the exec fails), so that ptrace attach
 *     and seccomp thread sync see either the old or the new credentials.
 *
 * lock: signal->exec_update_lock
 *   type: semaphore
 *   scope: internal
 *   desc: Read-write semaphore taken for writing, killably, while the address
 *     space and credentials are swapped; readers such as /proc and perf wait.
 *
 * lock: mm->mmap_lock
 *   type: semaphore
 *   scope: internal
 *   desc: Read-locked, killably, on the old address space while the task
 *     switches over to the new one.
 *
 * lock: binfmt_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Read-locked while the list of binary format handlers is walked.
 *
 * lock: inode->i_rwsem
 *   type: semaphore
 *   scope: internal
 *   desc: Taken on the program's inode to read its mode and owner together
 *     when it has a set-user-ID or set-group-ID bit.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while descriptors marked close-on-exec are picked out and
 *     closed.
 *
 * lock: sighand->siglock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while other threads are killed, per-thread CPU timers and
 *     timer_create() timers are dropped, and signal handlers are reset.
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: a signal arrives while waiting for
 *     cred_guard_mutex
 *   desc: The wait is abandoned, the handler runs, and the call is restarted
 *     transparently; the caller never sees an error.
 *   timing: before
 *   restartable: yes
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while strings are counted or copied,
 *     or while the exec waits for a lock or for other threads to exit
 *   desc: The exec is abandoned and the process dies; no error is seen.
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: send
 *   action: terminate
 *   condition: the calling process has other threads
 *   desc: Every other thread of the thread group is killed and waited for
 *     before the old address space is released.
 *   target: other threads of the calling process
 *   timing: during
 *
 * signal: SIGSEGV
 *   direction: send
 *   action: coredump
 *   condition: the exec fails after the point of no return
 *   desc: The old program is already gone, so the process is killed with a
 *     forced SIGSEGV unless a fatal signal is already pending.
 *   target: calling process
 *   timing: after
 *
 * signal: SIGTRAP
 *   direction: send
 *   action: stop
 *   condition: the caller is traced with ptrace attach or traceme and the
 *     tracer did not set PTRACE_O_TRACEEXEC
 *   desc: Sent to the caller after a successful exec so the tracer can
 *     inspect the new program; with PTRACE_O_TRACEEXEC a PTRACE_EVENT_EXEC
 *     stop happens instead.
 *   target: calling process
 *   timing: after
 *
 * signal: ANY
 *   direction: handle
 *   action: default
 *   condition: a signal has a handler installed at
 *     exec time
 *   desc: Handlers cannot survive the address space, so their dispositions
 *     become SIG_DFL.  Ignored signals stay ignored, and the blocked mask and
 *     pending signals carry over, except signals queued by deleted
 *     timer_create() timers.  The alternate signal stack is dropped.
 *   timing: after
 *
 * side-effect: process_state | irreversible | free_memory | alloc_memory
 *   target: user address space of the calling process
 *   condition: the exec reaches the point of no return
 *   desc: The old memory descriptor and all its mappings are released and a
 *     new one is built with the program's segments, heap start, stack holding
 *     the strings and auxiliary vector, and the vDSO.
 *   reversible: no
 *   kapi-effect: exec:replaced
 *
 * side-effect: resource_destroy | signal_send
 *   target: other threads, close-on-exec descriptors, POSIX timers, io_uring
 *   condition: the exec reaches the point of no return
 *   desc: Other threads are killed, descriptors marked close-on-exec are
 *     closed, timers made with timer_create() are deleted along with their
 *     queued signals, and pending io_uring work of the task is cancelled.
 *     Timers from setitimer() and alarm() survive.
 *   reversible: no
 *   kapi-unobservable: the new program is a copy of /bin/true, which reports nothing but its
 *     exit status, so what became of the old image's threads, close-on-exec
 *     descriptors, timers and credentials cannot be seen from the case
 *
 * side-effect: modify_state
 *   target: credentials, dumpable flag, command name, personality
 *   condition: the exec succeeds
 *   desc: Effective and saved IDs and capability sets are recomputed from the
 *     file; the command name becomes the file's base name; dumpability
 *     falls to fs.suid_dumpable if the IDs differ or the file is unreadable;
 *     personality flags unsafe for set-ID programs are cleared; a secure exec
 *     also clears the parent-death signal and caps RLIMIT_STACK at _STK_LIM.
 *   reversible: no
 *   kapi-unobservable: the new program is a copy of /bin/true, which reports nothing but its
 *     exit status, so what became of the old image's threads, close-on-exec
 *     descriptors, timers and credentials cannot be seen from the case
 *
 * side-effect: modify_state
 *   target: descriptor table and signal handler table sharing, vfork parent
 *   condition: the exec succeeds
 *   desc: A descriptor table or handler table shared through clone() is
 *     copied so it becomes private, and a parent blocked in vfork() is
 *     released.  The program file stays write-denied while the program runs.
 *   reversible: no
 *   kapi-unobservable: the new program is a copy of /bin/true, which reports nothing but its
 *     exit status, so what became of the old image's threads, close-on-exec
 *     descriptors, timers and credentials cannot be seen from the case
 *
 * state-trans: program image
 *   object: calling process
 *   from: running the old program
 *   to: running the program loaded from filename
 *   condition: success
 *   desc: The PID stays the same; no new process is created.
 *   kapi-effect: exec:replaced
 *
 * state-trans: thread group
 *   object: thread group of the calling process
 *   from: several threads
 *   to: a single thread holding the thread-group ID
 *   condition: the caller was multithreaded
 *   desc: If a thread other than the leader calls exec it takes over the
 *     leader's PID and the old leader is released.
 *   kapi-unobservable: the case is single-threaded, and a second thread could not report after
 *     the exec
 *
 * state-trans: credentials
 *   object: credentials of the calling process
 *   from: caller's IDs and capabilities
 *   to: IDs and capabilities derived from the program file
 *   condition: the file is set-user-ID, set-group-ID or has file capabilities
 *   desc: Not raised on a nosuid mount, under no_new_privs, or when the exec
 *     is unsafe (traced, or sharing its fs_struct) without privilege.
 *   kapi-unobservable: the sandbox sets no_new_privs, under which the kernel ignores set-user-
 *     ID bits and file capabilities, and /bin/true reports nothing about its
 *     credentials
 *
 * capability: CAP_SETUID
 *   type: override_restriction
 *   allows: set-user-ID and set-group-ID bits to change the effective IDs
 *     even though the exec is unsafe; file capabilities stay limited to the
 *     old permitted set either way
 *   without: the effective and saved IDs fall back to the real IDs
 *   condition: a set-ID or capability-raising exec while the caller is traced
 *     by a tracer without privilege over the new credentials, or shares its
 *     fs_struct with another process; never with no_new_privs set
 *   priority: 0
 *
 * capability: CAP_SYS_ADMIN
 *   type: bypass_check
 *   allows: opening the program when fs.file-max open files already exist
 *   without: the call fails with ENFILE once the global limit is reached
 *   condition: the system-wide open-file count is at or above fs.file-max
 *   priority: 0
 *
 * constraint: string count
 *   desc: Neither argv nor envp may hold more than MAX_ARG_STRINGS strings
 *     before its terminating NULL entry.
 *
 * constraint: string length
 *   desc: Each argument or environment string, with its NUL, fits in
 *     MAX_ARG_STRLEN bytes (32 pages).
 *
 * constraint: argument space
 *   desc: All strings plus one pointer per string fit within the larger of
 *     ARG_MAX and the smaller of RLIMIT_STACK / 4 and _STK_LIM / 4 * 3.
 *
 * constraint: path length
 *   desc: The path name with its NUL fits in PATH_MAX bytes.
 *   expr: strlen(filename) < PATH_MAX
 *
 * kapi-not-returned: EBADF execve walks the path from AT_FDCWD, never from a descriptor; EEXIST,
 *   EISDIR, EROFS, EOPNOTSUPP, EOVERFLOW do_open_execat opens the program without O_CREAT or
 *   O_TMPFILE (open_exec_flags), so the create and temporary-file steps of the walk are never taken;
 *   ENODEV, ENOTRECOVERABLE WARN_ONs (an inode without file operations in do_dentry_open, set_root
 *   in a scoped walk): kernel bugs, not outcomes; EXDEV exec's walk is never scoped (only openat2's
 *   RESOLVE_BENEATH, RESOLVE_IN_ROOT and RESOLVE_NO_XDEV scope one); EINTR count() returns
 *   -ERESTARTNOHAND only when a fatal signal is pending, and the task dies without returning
 *
 * notes: The kernel never returns EISDIR (a directory as interpreter gives
 *   EACCES), and EMFILE can only arise after the point of no return, where
 *   it kills the process instead; the manual's nosuid and tracing EPERM
 *   cases likewise end in ignored set-ID bits rather than an error.
 *   Internal restart codes are never visible to user space.  Passing NULL or
 *   an empty argv makes the kernel insert an empty argv[0] and log a one-time
 *   warning.  On success the syscall-level value is 0, but only tracers see
 *   it, as the registers belong to the new program.
 */
SYSCALL_DEFINE3(execve,
		const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
}

/**
 * sys_execveat - run a new program named relative to a directory descriptor
 * @fd: directory descriptor, AT_FDCWD, or with AT_EMPTY_PATH the program itself
 * @filename: path name of the program, or "" together with AT_EMPTY_PATH
 * @argv: NULL-terminated array of argument string pointers, or NULL
 * @envp: NULL-terminated array of environment string pointers, or NULL
 * @flags: 0 or a combination of AT_EMPTY_PATH and AT_SYMLINK_NOFOLLOW
 *
 * long-desc: Behaves like execve(), except for how the program file is
 *   found.  A relative filename is resolved against the directory referred to
 *   by fd, or against the working directory when fd is AT_FDCWD; an absolute
 *   filename ignores fd.  With AT_EMPTY_PATH and an empty filename the file
 *   referred to by fd is executed itself, which makes fexecve() possible
 *   without /proc; fd may then be an O_PATH descriptor.  With
 *   AT_SYMLINK_NOFOLLOW a final symbolic link is not followed and the exec
 *   fails.  When fd is not AT_FDCWD and filename is relative or empty, the
 *   name handed to a script interpreter is /dev/fd/N or /dev/fd/N/filename,
 *   so such scripts cannot run if fd is close-on-exec.
 * contexts: process, sleepable
 *
 * param: fd
 *   kapi-semantic: fd:cwd
 *   type: fd, input
 *   constraint: AT_FDCWD or an open descriptor.  It must refer to a directory
 *     when filename is relative and non-empty, and to the program itself when
 *     filename is empty under AT_EMPTY_PATH.  Ignored for absolute filenames.
 *   desc: Starting point of the lookup, or the program file.
 *
 * param: filename
 *   kapi-semantic: path:exec
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: A readable NUL-terminated string shorter than PATH_MAX bytes;
 *     it may be empty only when flags holds AT_EMPTY_PATH.  NULL is not
 *     accepted.
 *   desc: Names the program relative to fd.
 *
 * param: argv
 *   kapi-semantic: ptr:argv
 *   type: user_ptr, input, optional
 *   constraint: NULL, or a readable array of string pointers ended by a NULL
 *     entry, holding at most MAX_ARG_STRINGS strings, each at most
 *     MAX_ARG_STRLEN bytes including its NUL.
 *   desc: The argument vector of the new program; NULL or empty yields a
 *     single empty argv[0].
 *
 * param: envp
 *   kapi-semantic: ptr:envp
 *   type: user_ptr, input, optional
 *   constraint: NULL, or a readable array of string pointers ended by a NULL
 *     entry, with the same count and length limits as argv.
 *   desc: The environment of the new program; NULL means an empty one.
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)
 *   kapi-accepts: 0x10000
 *   kapi-note: 0x10000 is AT_EXECVE_CHECK, accepted since Linux 6.14: the call then only
 *     checks that the file could be executed and returns 0.  The 6.1 code rejects it with
 *     EINVAL.  kapi conform found it accepted.
 *   constraint: Other bits give EINVAL, but only once the strings have been
 *     copied.
 *   desc: Lookup modifiers.
 *
 * return:
 *   type: int
 *   check-type: no_return
 *   desc: On success the call does not return: the new program starts
 *     running instead.  On failure before the point of no return a negative
 *     errno is returned to the unchanged program.
 *
 * error: E2BIG, too many or too long argument/environment strings
 *   kapi-cond: argv=ptr:argv-toolong
 *   desc: argv or envp has more than MAX_ARG_STRINGS entries, a single string
 *     is longer than MAX_ARG_STRLEN bytes, or the strings plus their pointers
 *     exceed the room allowed for them: a quarter of RLIMIT_STACK, at most
 *     three quarters of _STK_LIM, but never less than ARG_MAX.
 *
 * error: EACCES, no search or execute permission, not a regular file, or noexec
 *   kapi-cond: filename=path:file; filename=path:dir
 *   desc: A directory on the lookup path is not searchable; the program or an
 *     interpreter lacks execute permission; it is not a regular file (for
 *     example fd names a directory under AT_EMPTY_PATH); it lives on a noexec
 *     mount; or a security module refuses the execution.
 *
 * error: EAGAIN, the real UID is still above RLIMIT_NPROC after a set*uid()
 *   kapi-cond: rlimit.NPROC=0, uid=1000
 *   desc: An earlier set*uid() call moved the process to a real user over
 *     RLIMIT_NPROC, and that user is still over the limit now.
 *
 * error: EBADF, filename is relative or empty and fd is not AT_FDCWD or open
 *   kapi-cond: fd=fd:closed; fd=-1
 *   desc: fd is needed for the lookup but is not a valid descriptor.
 *
 * error: EFAULT, filename, argv, envp or a string they point to is unreadable
 *   kapi-cond: filename=ptr:null; argv=ptr:unmapped; envp=ptr:unmapped
 *   desc: A pointer in the path name, the two vectors or the strings lies
 *     outside the caller's accessible address space.
 *
 * error: EINVAL, flags has an unknown bit, or the file's capability data is bad
 *   kapi-cond: flags=1
 *   desc: flags holds a bit other than AT_EMPTY_PATH and AT_SYMLINK_NOFOLLOW,
 *     or the security.capability extended attribute of the program cannot be
 *     parsed.
 *
 * error: EIO, an I/O error occurred while reading the program or interpreter
 *   kapi-cond: filename=path:fuse-read-fails
 *   desc: Reading the file headers or program headers failed or came back
 *     short; the filesystem's read reports the error (a failing device, or
 *     a FUSE server answering READ with EIO).  The first read (the file's
 *     first 256 bytes, prepare_binprm) comes before the point of no return
 *     (begin_new_exec), so the call returns with the process unchanged.
 *
 * error: ELIBBAD, the ELF program interpreter is not in a usable ELF format
 *   kapi-cond: filename=path:exec-badinterp
 *   desc: The file named by PT_INTERP lacks the ELF magic or is built for
 *     another architecture.
 *
 * error: ELOOP, final symlink with AT_SYMLINK_NOFOLLOW, too many links, or nesting
 *   kapi-cond: filename=path:loop; filename=path:symlink, flags=AT_SYMLINK_NOFOLLOW
 *   desc: flags holds AT_SYMLINK_NOFOLLOW and filename names a symbolic link;
 *     or resolving a path met more than 40 symbolic links; or the chain of
 *     interpreter substitutions is longer than the kernel allows (5).
 *
 * error: ENAMETOOLONG, filename or a component of it is too long
 *   kapi-cond: filename=path:toolong; filename=path:name-toolong
 *   desc: The path is PATH_MAX bytes or longer, or a component exceeds the
 *     file system's NAME_MAX limit.
 *
 * error: ENFILE, the system-wide number of open files reached fs.file-max
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Opening the program or an interpreter needed a new open file while
 *     the global limit was reached and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENOENT, program or interpreter missing, "" without AT_EMPTY_PATH, or cloexec fd
 *   kapi-cond: filename=path:missing; filename=path:empty; filename=path:dangling
 *   desc: A path component is missing or a link dangles; filename is empty
 *     but flags lacks AT_EMPTY_PATH; or the program is a "#!" script reached
 *     through a close-on-exec fd with a relative or empty filename, so the
 *     interpreter could not open /dev/fd/N after the exec.
 *
 * error: ENOEXEC, no binary format handler recognises the file
 *   kapi-cond: filename=path:exec-junk
 *   desc: The file has no known format, is built for another architecture,
 *     has corrupt headers, or is a "#!" script whose first line names no
 *     interpreter.
 *
 * error: ENOMEM, kernel memory ran out while preparing the new program
 *   kapi-cond: memcg=full
 *   desc: Allocating the exec state, the /dev/fd name, the new memory
 *     descriptor, credentials or headers failed before the point of no
 *     return.  The memory descriptor and its page tables are charged to the
 *     caller's memory cgroup; in a full cgroup bprm_mm_init fails first, and
 *     the caller keeps running.
 *
 * error: ENOTDIR, filename is relative and fd is not a directory, or bad prefix
 *   kapi-cond: filename=path:notdir; fd=fd:file
 *   desc: fd refers to a non-directory while a non-empty relative filename
 *     is given, or a component in a path prefix is not a directory.
 *
 * error: EPERM, file capabilities cannot all be granted, or a security module
 *   kapi-unprovokable: needs file capabilities the task cannot be granted, or a security module's denial; the sandbox runs with no_new_privs, under which the kernel ignores file capabilities instead of failing, and no LSM policy is loaded for the case
 *   desc: The program has file capabilities with the effective bit set but
 *     some of its permitted capabilities are neither in the bounding set nor
 *     granted through the inheritable sets, or a security module forbids the
 *     transition.
 *
 * error: ESTALE, the filesystem reported the file handle of the program stale
 *   kapi-cond: filename=path:fuse-open-fails
 *   desc: Opening the program or an interpreter reached a filesystem that
 *     found the object behind its file handle gone: a network filesystem
 *     (NFS) whose server no longer knows the handle, or a FUSE server that
 *     answered the open request with ESTALE.  The open walks the path a second time with every
 *     cached name checked again (LOOKUP_REVAL) before it gives up; the
 *     failure comes before the point of no return, so the caller keeps
 *     running unchanged.
 *
 * error: ETXTBSY, the program or an interpreter is open for writing
 *   kapi-cond: filename=path:exec-busy
 *   desc: Some process holds a writable open file on it.
 *
 * lock: signal->cred_guard_mutex
 *   type: mutex
 *   scope: internal
 *   desc: Taken interruptibly before the program is opened and held until
 *     the new credentials are installed, or until the exec fails.
 *
 * lock: signal->exec_update_lock
 *   type: semaphore
 *   scope: internal
 *   desc: Read-write semaphore taken for writing, killably, while the address
 *     space and credentials are swapped.
 *
 * lock: binfmt_lock
 *   type: rwlock
 *   scope: internal
 *   desc: Read-locked while the list of binary format handlers is walked.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while descriptors marked close-on-exec, possibly fd itself,
 *     are picked out and closed.
 *
 * lock: sighand->siglock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while other threads are killed and handlers are reset.
 *
 * signal: ANY
 *   direction: receive
 *   action: restart
 *   condition: a signal arrives while waiting for
 *     cred_guard_mutex
 *   desc: The handler runs and the call is restarted transparently.
 *   timing: before
 *   restartable: yes
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *   condition: a fatal signal is pending while strings are counted or copied,
 *     or while the exec waits for a lock or for other threads to exit
 *   desc: The exec is abandoned and the process dies.
 *   timing: during
 *   restartable: no
 *   interruptible: yes
 *
 * signal: SIGKILL
 *   direction: send
 *   action: terminate
 *   condition: the calling process has other threads
 *   desc: All other threads of the thread group are killed.
 *   target: other threads of the calling process
 *   timing: during
 *
 * signal: SIGSEGV
 *   direction: send
 *   action: coredump
 *   condition: the exec fails after the point of no return
 *   desc: The process is killed with a forced SIGSEGV unless a fatal signal
 *     is already pending.
 *   target: calling process
 *   timing: after
 *
 * signal: SIGTRAP
 *   direction: send
 *   action: stop
 *   condition: the caller is traced without PTRACE_O_TRACEEXEC
 *   desc: Reports the successful exec to the tracer.
 *   target: calling process
 *   timing: after
 *
 * signal: ANY
 *   direction: handle
 *   action: default
 *   condition: a signal has a handler installed at
 *     exec time
 *   desc: Its disposition becomes SIG_DFL; ignored signals, the blocked mask
 *     and pending signals carry over.
 *   timing: after
 *
 * side-effect: process_state | irreversible | free_memory | alloc_memory
 *   target: user address space of the calling process
 *   condition: the exec reaches the point of no return
 *   desc: The old address space is released and a new one is built for the
 *     program, as for execve().
 *   reversible: no
 *   kapi-effect: exec:replaced
 *
 * side-effect: resource_destroy | signal_send
 *   target: other threads, close-on-exec descriptors, POSIX timers, io_uring
 *   condition: the exec reaches the point of no return
 *   desc: Other threads are killed, close-on-exec descriptors (possibly fd
 *     itself) are closed, timer_create() timers are deleted, and io_uring
 *     work is cancelled.
 *   reversible: no
 *   kapi-unobservable: the new program is a copy of /bin/true, which reports nothing but its
 *     exit status, so what became of the old image's threads, close-on-exec
 *     descriptors, timers and credentials cannot be seen from the case
 *
 * side-effect: modify_state
 *   target: credentials, dumpable flag, command name, personality
 *   condition: the exec succeeds
 *   desc: Credentials are recomputed from the file.  With AT_EMPTY_PATH and
 *     an empty filename the command name is taken from the file's directory
 *     entry rather than from the synthesised /dev/fd/N name.
 *   reversible: no
 *   kapi-unobservable: the new program is a copy of /bin/true, which reports nothing but its
 *     exit status, so what became of the old image's threads, close-on-exec
 *     descriptors, timers and credentials cannot be seen from the case
 *
 * state-trans: program image
 *   object: calling process
 *   from: running the old program
 *   to: running the program found through fd and filename
 *   condition: success
 *   desc: The PID stays the same.
 *   kapi-effect: exec:replaced
 *
 * state-trans: thread group
 *   object: thread group of the calling process
 *   from: several threads
 *   to: a single thread holding the thread-group ID
 *   condition: the caller was multithreaded
 *   desc: Other threads are terminated before the new image is installed.
 *   kapi-unobservable: the case is single-threaded, and a second thread could not report after
 *     the exec
 *
 * capability: CAP_SETUID
 *   type: override_restriction
 *   allows: set-user-ID and set-group-ID bits to change the effective IDs
 *     even though the exec is unsafe; file capabilities stay limited to the
 *     old permitted set either way
 *   without: the effective and saved IDs fall back to the real IDs
 *   condition: a set-ID or capability-raising exec while traced by an
 *     unprivileged tracer or while sharing the fs_struct; never with
 *     no_new_privs set
 *   priority: 0
 *
 * capability: CAP_SYS_ADMIN
 *   type: bypass_check
 *   allows: opening the program when fs.file-max open files already exist
 *   without: the call fails with ENFILE once the global limit is reached
 *   condition: the system-wide open-file count is at or above fs.file-max
 *   priority: 0
 *
 * constraint: empty path needs AT_EMPTY_PATH
 *   desc: An empty filename selects fd itself and is allowed only with the
 *     flag.
 *   expr: filename[0] != '\0' || (flags & AT_EMPTY_PATH)
 *
 * constraint: string count
 *   desc: Neither argv nor envp may hold more than MAX_ARG_STRINGS strings
 *     before its terminating NULL entry.
 *
 * constraint: path length
 *   desc: The path name with its NUL fits in PATH_MAX bytes.
 *   expr: strlen(filename) < PATH_MAX
 *
 * kapi-not-returned: EEXIST, EISDIR, EROFS, EOPNOTSUPP, EOVERFLOW do_open_execat opens the program
 *   without O_CREAT or O_TMPFILE (open_exec_flags), so the create and temporary-file steps of the
 *   walk are never taken; ENODEV, ENOTRECOVERABLE WARN_ONs (an inode without file operations in
 *   do_dentry_open, set_root in a scoped walk): kernel bugs, not outcomes; EXDEV exec's walk is
 *   never scoped (only openat2's RESOLVE_BENEATH, RESOLVE_IN_ROOT and RESOLVE_NO_XDEV scope one);
 *   EINTR count() returns -ERESTARTNOHAND only when a fatal signal is pending, and the task dies
 *   without returning
 *
 * notes: Added in Linux 3.19.  Errors are found in this order: the path name
 *   copy (EFAULT, ENAMETOOLONG, ENOENT for ""), EAGAIN, string counting and
 *   copying (EFAULT, E2BIG), then flags (EINVAL) and the lookup through fd.
 *   Like execve(), the call does not return EISDIR, and EMFILE arises only
 *   after the point of no return.
 */
SYSCALL_DEFINE5(execveat,
		int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp,
		int, flags)
{
}
