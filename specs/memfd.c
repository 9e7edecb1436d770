// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the memfd_create system call (mm/memfd.c, Linux 6.1).

/**
 * sys_memfd_create - create an anonymous memory-backed file and return a descriptor for it
 * @uname: name for the file, shown in /proc/self/fd and /proc/self/maps
 * @flags: MFD_CLOEXEC, MFD_ALLOW_SEALING, MFD_HUGETLB and a huge page size
 *
 * long-desc: Makes an unlinked regular file of size 0 on the kernel's
 *   internal tmpfs mount (or, with MFD_HUGETLB, on the internal hugetlbfs
 *   mount of the asked huge page size) and installs a read-write open file
 *   description of it in the lowest free descriptor.  The file lives in
 *   memory only, is freed when the last descriptor and mapping are gone, and
 *   can be resized, written, mapped and passed to other processes like any
 *   tmpfs file.  Its name is "memfd:" followed by uname; names need not be
 *   unique and have no meaning beyond display.  Unless MFD_ALLOW_SEALING is
 *   given the file carries F_SEAL_SEAL from the start, so fcntl(F_ADD_SEALS)
 *   can add nothing.  The raw syscall returns the new descriptor or a
 *   negative errno.
 * contexts: process, sleepable
 *
 * param: uname
 *   kapi-semantic: path:new
 *   kapi-test: no-invalid
 *   type: path, input
 *   constraint-type: user_path
 *   constraint: NUL-terminated string in readable user memory of at most
 *     249 bytes before the terminator (NAME_MAX less the 6 bytes of the
 *     "memfd:" prefix); any bytes are allowed, "/" and the empty string
 *     included.  Never looked up as a path, so the generic path cases do not
 *     apply: a name that names nothing is valid (the error conditions below
 *     give the invalid ones).
 *   desc: The name of the file, for display only.
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB)
 *   kapi-accepts: MFD_HUGE_2MB, MFD_HUGE_1GB, 0x8, 0x10
 *   kapi-note: Linux 6.3 added MFD_NOEXEC_SEAL (0x8) and MFD_EXEC (0x10), which 6.1 rejects with EINVAL and 6.18 accepts
 *   constraint: Any other bit gives EINVAL, except that with MFD_HUGETLB bits
 *     26 to 31 may hold the base-2 logarithm of a huge page size
 *     (MFD_HUGE_2MB, MFD_HUGE_1GB, ...; 0 is the default huge page size).
 *     6.1 knows no MFD_NOEXEC_SEAL or MFD_EXEC (Linux 6.3).
 *   desc: MFD_CLOEXEC sets FD_CLOEXEC on the descriptor; MFD_ALLOW_SEALING
 *     lets fcntl() add seals later; MFD_HUGETLB backs the file with huge pages.
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *   desc: The lowest-numbered descriptor not open in the process, open for
 *     reading and writing, or a negative errno.
 *   kapi-effect: fd:new=ret; fd:memfd=ret; fd:cloexec=ret if flags&MFD_CLOEXEC
 *
 * error: EFAULT, uname points outside the caller's accessible address space
 *   kapi-cond: uname=ptr:null; uname=ptr:unmapped
 *   desc: Measuring the name (strnlen_user) or copying it faulted, or the
 *     terminator was gone by the time the name was copied (another thread
 *     changed the string).
 *
 * error: EINVAL, an unknown flag, a huge page size without MFD_HUGETLB, or a name too long
 *   kapi-cond: flags=0x20; flags=0x80000; flags=MFD_HUGE_2MB; uname=path:name-toolong; uname=path:toolong
 *   desc: A bit outside MFD_CLOEXEC, MFD_ALLOW_SEALING and MFD_HUGETLB (bits
 *     26 to 31 only count as a page size together with MFD_HUGETLB), or a
 *     name of 250 bytes or more.  The flags are checked before the name.
 *
 * error: EMFILE, no free descriptor below the caller's RLIMIT_NOFILE limit
 *   kapi-cond: rlimit.NOFILE=0
 *   desc: The descriptor table is full up to the soft RLIMIT_NOFILE limit (or
 *     fs.nr_open, whichever is lower).
 *
 * error: ENFILE, the system-wide limit on open files (fs.file-max) was reached
 *   kapi-unprovokable: fs.file-max is system-wide, in the hundreds of thousands or more and read-only in the sandbox; the case's RLIMIT_NOFILE stops it long before
 *   desc: Only callers without CAP_SYS_ADMIN are held to this limit.
 *
 * error: ENODEV, MFD_HUGETLB asked for a huge page size the machine does not have
 *   kapi-cond: flags=MFD_HUGETLB | 0x40000000
 *   desc: The size given in bits 26 to 31 (here 64 KiB, 16 << 26) matches no
 *     huge page size (hstate) of the kernel; x86-64 has 2 MiB and, where the
 *     CPU supports them, 1 GiB pages.
 *
 * error: ENOENT, MFD_HUGETLB asked for a huge page size whose internal mount is missing
 *   kapi-unprovokable: the kernel mounts hugetlbfs for every huge page size at boot; the mount is missing only if that mount failed, which no process can cause
 *   desc: The page size exists but its internal hugetlbfs mount could not be
 *     made at boot.
 *
 * error: ENOMEM, kernel memory for the name or the file ran out
 *   kapi-unprovokable: the name buffer is not charged to a memory cgroup, and the charged objects after it (the dentry, the file) are allocated only once the inode's charge has succeeded, which fails first in a full cgroup, with ENOSPC
 *   desc: The buffer for "memfd:" and the name, the pseudo dentry or the
 *     file structure could not be allocated.
 *
 * error: ENOSPC, no inode could be allocated for the file
 *   kapi-cond: memcg=full; flags=MFD_HUGETLB, memcg=full
 *   desc: tmpfs (shmem_file_setup) and hugetlbfs (hugetlb_file_setup) report
 *     a failed inode allocation as ENOSPC, not ENOMEM; the inode is charged
 *     to the caller's memory cgroup, so a full cgroup gives ENOSPC.  The man
 *     page does not list it.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while a free descriptor slot is found and reserved.
 *
 * side-effect: resource_create | alloc_memory
 *   target: descriptor table slot, struct file, tmpfs or hugetlbfs inode
 *   desc: An unlinked, empty regular file is made on the internal mount and
 *     bound to the lowest free descriptor, read-write, with FD_CLOEXEC when
 *     MFD_CLOEXEC is given.  Its memory is charged as it is written.
 *   reversible: yes
 *   kapi-effect: fd:new=ret; fd:memfd=ret; fd:cloexec=ret if flags&MFD_CLOEXEC
 *   kapi-effect-case: flags=MFD_HUGETLB | MFD_CLOEXEC; flags=MFD_HUGETLB | MFD_HUGE_2MB | MFD_ALLOW_SEALING; uname=path:empty
 *
 * state-trans: seals of the new file
 *   object: the file's seal set
 *   from: none (no file)
 *   to: empty with MFD_ALLOW_SEALING, F_SEAL_SEAL without it
 *   desc: With MFD_ALLOW_SEALING fcntl(F_ADD_SEALS) may add seals until
 *     F_SEAL_SEAL is added; without it the set is closed from the start.
 *   kapi-effect: fd:sealable=ret if flags&MFD_ALLOW_SEALING; fd:unsealable=ret if flags!&MFD_ALLOW_SEALING
 *   kapi-effect-case: flags=MFD_ALLOW_SEALING
 *
 * capability: CAP_SYS_ADMIN
 *   type: increase_limit
 *   allows: opening files beyond the system-wide fs.file-max limit
 *   without: the call fails with ENFILE
 *   condition: the number of open files has reached fs.file-max
 *   priority: 0
 *
 * constraint: huge page size needs MFD_HUGETLB
 *   desc: Bits 26 to 31 may be set only together with MFD_HUGETLB.
 *   expr: (flags & MFD_HUGETLB) || !(flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING))
 *
 * constraint: name length
 *   desc: The name holds at most 249 bytes before its terminator.
 *   expr: strlen(uname) <= 249
 *
 * kapi-not-returned: EFBIG, ETXTBSY ramfs_nommu_expand_for_mapping, the size
 *   check of shmem_file_setup on kernels without an MMU: x86-64 builds the MMU version, which returns 0;
 *   EPERM hugetlb_file_setup refuses callers outside vm.hugetlb_shm_group only for SysV shared
 *   memory (HUGETLB_SHMFS_INODE), and memfd_create passes HUGETLB_ANONHUGE_INODE
 *
 * notes: MFD_HUGETLB succeeds on a machine with no huge pages reserved
 *   (vm.nr_hugepages 0): the file is made with size 0 and VM_NORESERVE, and
 *   a fault on it fails later (SIGBUS).  The kernel and the man page
 *   disagree twice: the man page gives EINVAL for MFD_HUGETLB together with
 *   MFD_ALLOW_SEALING, which 6.1 accepts (hugetlbfs files take seals since
 *   Linux 4.16), and EPERM for MFD_HUGETLB by a caller outside
 *   vm.hugetlb_shm_group without CAP_IPC_LOCK, a check 6.1 makes only for
 *   SysV shared memory.  The name's length limit counts the prefix: 255
 *   bytes for "memfd:" and the name.
 */
SYSCALL_DEFINE2(memfd_create, const char __user *, uname, unsigned int, flags)
{
}
