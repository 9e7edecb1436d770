// SPDX-License-Identifier: GPL-2.0
// Kernel API specification of the ioctl system call (fs/ioctl.c, Linux 6.1): the dispatcher and
// the requests do_vfs_ioctl() answers for every file. The requests of one kind of file (a
// terminal's, in specs/tty_ioctl.c) are specified apart.

/**
 * sys_ioctl - perform a control request on an open file
 * @fd: descriptor the request is made on
 * @cmd: request number
 * @arg: the request's argument: an integer, or the address of the request's data
 *
 * long-desc: Looks up fd, lets the security module veto the request, then
 *   hands it to do_vfs_ioctl(), which answers a fixed set of requests for every
 *   kind of file: FIOCLEX and FIONCLEX (set or clear the descriptor's
 *   close-on-exec flag), FIONBIO and FIOASYNC (set or clear O_NONBLOCK or
 *   O_ASYNC from an int the argument points to), FIOQSIZE (the bytes a
 *   regular file, directory or symlink uses), FIFREEZE and FITHAW,
 *   FS_IOC_FIEMAP, FIGETBSZ (the filesystem's block size), FICLONE,
 *   FICLONERANGE and FIDEDUPERANGE (share extents between files),
 *   FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_IOC_FSGETXATTR and FS_IOC_FSSETXATTR
 *   (inode attributes through the filesystem's fileattr methods), FIONREAD on
 *   a regular file (the bytes from the file offset to the end of the file),
 *   and, on regular files only, FIBMAP and the XFS space-reservation requests
 *   FS_IOC_RESVSP, FS_IOC_UNRESVSP and FS_IOC_ZERO_RANGE (fallocate() under
 *   another name).  Any other request, and FIONREAD on anything but a
 *   regular file, goes to the file's own unlocked_ioctl method; a file
 *   without one, or whose method does not know the request (ENOIOCTLCMD),
 *   gives ENOTTY.  The raw syscall returns what the request returns: 0 for
 *   every generic request, a request-defined value for some driver requests,
 *   or a negative errno.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint: Must be an open descriptor; fdget() skips O_PATH descriptors,
 *     which give EBADF.  Every generic request works on a descriptor open for
 *     reading or writing alike, except the extent-sharing ones (FICLONE and
 *     FICLONERANGE write to fd, FIDEDUPERANGE reads from it).
 *   desc: The file the request is made on.
 *
 * param: cmd
 *   type: uint, input
 *   constraint-type: enum(FIOCLEX, FIONCLEX, FIONBIO, FIOASYNC, FIOQSIZE, FIFREEZE, FITHAW, FS_IOC_FIEMAP, FIGETBSZ, FICLONE, FICLONERANGE, FIDEDUPERANGE, FIONREAD, FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_IOC_FSGETXATTR, FS_IOC_FSSETXATTR, FIBMAP)
 *   kapi-valid: FIONREAD
 *   kapi-test: no-invalid
 *   constraint: The generic requests are listed; any other number is passed
 *     to the file's own handler, so an unlisted number is not invalid as
 *     such: it gives ENOTTY only when the file does not handle it (a
 *     terminal's TCGETS on a regular file).  That is why no unlisted value is
 *     tested as an error here; ENOTTY's condition covers it.
 *   desc: The request.  Its number encodes, by convention (_IO, _IOR, _IOW,
 *     _IOWR), the direction and size of the data, but the kernel does not
 *     check that encoding here: each request reads arg its own way.
 *
 * param: arg
 *   type: user_ptr, inout
 *   size: 64
 *   kapi-semantic: ptr:buffer
 *   constraint: Its meaning changes with cmd.  Ignored by FIOCLEX, FIONCLEX,
 *     FIFREEZE and FITHAW.  An int value, not an address, for FICLONE: the
 *     descriptor of the source file.  The address of an int the kernel reads
 *     for FIONBIO and FIOASYNC (non-zero sets the flag) and for FIBMAP (a
 *     block number, also written back); the address of an int the kernel
 *     writes for FIGETBSZ and FIONREAD, of an unsigned int for
 *     FS_IOC_GETFLAGS (read for FS_IOC_SETFLAGS), of a loff_t for FIOQSIZE;
 *     the address of a struct file_clone_range (FICLONERANGE, read), a
 *     struct file_dedupe_range with its trailing array (FIDEDUPERANGE, read
 *     and written back), a struct fsxattr (FS_IOC_FSGETXATTR written,
 *     FS_IOC_FSSETXATTR read), a struct fiemap (read and written) or a struct
 *     space_resv (read).  For a driver's request, whatever that driver
 *     defines.  An address the request cannot read or write gives EFAULT.
 *   desc: The request's argument; the valid call passes 64 zeroed bytes.
 *
 * return:
 *   type: int
 *   check-type: error_check
 *   success: 0
 *   desc: 0 for every generic request; a driver's request may return a
 *     non-negative value of its own.  A negative errno on failure.
 *   kapi-effect: mem:filled=arg,4 if cmd=FIONREAD; mem:filled=arg,4 if cmd=FIGETBSZ
 *   kapi-effect-case: cmd=FIGETBSZ
 *   kapi-fs: overlay=EINVAL an overlayfs superblock has no block size of its own (s_blocksize 0), so FIGETBSZ refuses
 *
 * error: EBADF, fd is not an open descriptor, or a source or target of FICLONE is not usable
 *   kapi-cond: fd=fd:closed; fd=fd:opath; cmd=FICLONE, arg=-1; cmd=FICLONE, arg=fd:wronly; cmd=FICLONE, fd=fd:rdonly, arg=fd:file
 *   desc: fd is not open or is an O_PATH descriptor.  For FICLONE and
 *     FICLONERANGE, also when the source descriptor (arg, or the structure's
 *     src_fd) is not open, is not open for reading, or fd is not open for
 *     writing or is in append mode (generic_file_rw_checks()).
 *
 * error: EFAULT, arg is not an address the request can read or write
 *   kapi-cond: arg=ptr:unmapped; cmd=FIOQSIZE, arg=ptr:readonly; cmd=FIONBIO, arg=ptr:unmapped; cmd=FIDEDUPERANGE, arg=ptr:unmapped
 *   desc: get_user(), put_user() or copy_from_user() on arg faulted; for
 *     FIONREAD and FIOQSIZE after the value was computed, with nothing
 *     changed.
 *
 * error: ENOTTY, the file has no handler for the request
 *   kapi-cond: cmd=TCGETS; cmd=TCGETS, fd=fd:pipe; cmd=FIOQSIZE, fd=fd:pipe; cmd=FIOASYNC, arg=addr:filled
 *   desc: The request is not a generic one and the file has no
 *     unlocked_ioctl method, or its method does not know the request
 *     (ENOIOCTLCMD becomes ENOTTY).  So a terminal request on a regular file
 *     or a pipe: isatty() is TCGETS and sees ENOTTY.  Also FIOQSIZE on a file
 *     that is no regular file, directory or symlink, and FIOASYNC setting
 *     O_ASYNC on a file whose operations have no fasync method (a regular
 *     file of most filesystems).
 *
 * error: EINVAL, the file or argument does not suit the request
 *   kapi-cond: cmd=FIDEDUPERANGE, fd=fd:wronly; cmd=FIDEDUPERANGE, fd=fd:pipe; cmd=FICLONE, arg=fd:fifo
 *   desc: FIDEDUPERANGE on a descriptor not open for reading, on a file that
 *     is no regular file or directory, with non-zero reserved fields, or a
 *     range past the end of the source; FICLONE and FICLONERANGE with a
 *     source or target that is no regular file, a negative offset or
 *     length, overlapping ranges in one file, or a clone shorter than asked;
 *     FIBMAP with a negative block; FIGETBSZ on a filesystem without a block
 *     size (overlayfs: seen on 6.18 with --fs overlay); the whence of a space_resv that is no SEEK_*; and a filesystem's
 *     own checks of FS_IOC_SETFLAGS and FS_IOC_FSSETXATTR values.
 *
 * error: EISDIR, a directory was given to an extent-sharing request
 *   kapi-cond: cmd=FIDEDUPERANGE, fd=fd:dir; cmd=FICLONE, arg=fd:dir
 *   desc: FIDEDUPERANGE's source, or FICLONE's source or target, is a
 *     directory.  Not in the manual page of ioctl.
 *
 * error: EXDEV, FICLONE's source is on another filesystem
 *   kapi-cond: cmd=FICLONE, arg=fd:pipe
 *   desc: do_clone_file_range() compares the superblocks of the two inodes
 *     before anything else: a pipe (pipefs) is on another one.
 *
 * error: EOPNOTSUPP, the filesystem cannot do the request
 *   kapi-cond: cmd=FIDEDUPERANGE; cmd=FICLONE, arg=fd:rdonly
 *   kapi-fs: xfs=SUCCESS,EINVAL xfs shares extents (remap_file_range): a dedupe of nothing succeeds and a clone of a file onto itself is an overlap, EINVAL; btrfs=SUCCESS,EINVAL btrfs shares extents too, the same answers as xfs; overlay=SUCCESS overlayfs has a remap_file_range method (it passes the request to the upper file), so a dedupe of nothing succeeds before the upper filesystem is asked
 *   desc: The file's operations have no remap_file_range method (tmpfs,
 *     ext4, FUSE: only btrfs, xfs, OCFS2, NFS, CIFS and overlayfs over one of
 *     them share extents), for FICLONE, FICLONERANGE and FIDEDUPERANGE; the
 *     filesystem has no freeze method, for FIFREEZE; or its fileattr methods
 *     do not support the flag asked for.
 *
 * error: EPERM, the request needs a privilege the caller lacks
 *   kapi-cond: cmd=FIBMAP; cmd=FIFREEZE, caps=none; cmd=FITHAW, caps=none
 *   desc: FIBMAP needs CAP_SYS_RAWIO in the initial user namespace (no
 *     process in a container has it); FIFREEZE and FITHAW need CAP_SYS_ADMIN
 *     over the filesystem's user namespace; FS_IOC_SETFLAGS and
 *     FS_IOC_FSSETXATTR need ownership of the file, and CAP_LINUX_IMMUTABLE
 *     to change the immutable or append-only attribute.
 *
 * error: ENOMEM, FIDEDUPERANGE's destination count does not fit a page
 *   kapi-cond: cmd=FIDEDUPERANGE, arg=addr:filled
 *   desc: offsetof(struct file_dedupe_range, info[dest_count]) is more than
 *     PAGE_SIZE, so the copy is refused; the kernel's own allocation of the
 *     copy may fail the same way.
 *
 * error: EIO, the terminal was hung up
 *   kapi-cond: cmd=TCGETS, fd=fd:pty-master-closed
 *   desc: A hung-up terminal's file answers every request but TIOCSPGRP
 *     with EIO (specs/tty_ioctl.c); drivers give it for device failures too.
 *
 * error: ENODEV, a notification-pipe request on an ordinary pipe
 *   kapi-cond: cmd=0x5760, fd=fd:pipe, config.WATCH_QUEUE=y
 *   desc: IOC_WATCH_QUEUE_SET_SIZE (0x5760) and IOC_WATCH_QUEUE_SET_FILTER
 *     on a pipe that was not made with O_NOTIFICATION_PIPE (a kernel without
 *     CONFIG_WATCH_QUEUE gives ENOTTY); drivers give ENODEV for a device
 *     that is gone.
 *
 * error: EBUSY, FIFREEZE on a filesystem already frozen or FITHAW on one that is not
 *   kapi-unprovokable: a caller with CAP_SYS_ADMIN over a filesystem of its own that can be frozen would be needed: tmpfs, the scratch filesystem of the sandbox, has no freeze method and the others are mounted by the initial namespace
 *   desc: freeze_super() and thaw_super() refuse a state change that is
 *     already made, or a filesystem that is being unmounted or remounted.
 *
 * error: ERANGE, FIBMAP's block number is beyond INT_MAX
 *   kapi-unprovokable: FIBMAP needs CAP_SYS_RAWIO in the initial user namespace, which no case has (it gives EPERM first)
 *   desc: The mapped block does not fit the int the result is written to.
 *
 * error: ETXTBSY, a space-reservation request on an active swap file
 *   kapi-unprovokable: a swap file is made active by swapon(), which needs CAP_SYS_ADMIN in the initial user namespace (and the call is one conform never makes)
 *   desc: FS_IOC_RESVSP, FS_IOC_UNRESVSP and FS_IOC_ZERO_RANGE go through
 *     vfs_fallocate(), which refuses to change a file the kernel swaps to.
 *     Not in the manual page of ioctl.
 *
 * error: ENOKEY, FS_IOC_SETFLAGS asks for casefolding on an encrypted directory whose key is absent
 *   kapi-unprovokable: needs a filesystem with encryption enabled (ext4 or f2fs made with the encrypt feature) and an encrypted directory, which the sandbox's filesystems do not offer
 *   desc: fscrypt_prepare_setflags() must see the directory's key before it
 *     lets FS_CASEFOLD_FL be set.  Not in the manual page.
 *
 * lock: file->f_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while FIONBIO changes the status flags.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   scope: internal
 *   desc: Held while FIOCLEX and FIONCLEX change the close-on-exec bit.
 *
 * side-effect: modify_state
 *   target: descriptor's close-on-exec flag
 *   condition: cmd is FIOCLEX or FIONCLEX
 *   desc: FIOCLEX sets the descriptor's close-on-exec flag, FIONCLEX clears
 *     it; the open file description is not touched.
 *   reversible: yes
 *   kapi-effect: fd:cloexec-range=fd,fd if cmd=FIOCLEX
 *   kapi-effect-case: cmd=FIOCLEX; cmd=FIONCLEX
 *
 * side-effect: modify_state
 *   target: open file description's status flags
 *   condition: cmd is FIONBIO or FIOASYNC
 *   desc: FIONBIO sets O_NONBLOCK when the int arg points to is non-zero and
 *     clears it otherwise; FIOASYNC does the same for O_ASYNC through the
 *     file's fasync method.  Every descriptor of the open file description
 *     sees the change.
 *   reversible: yes
 *   kapi-unobservable: the valid call's int is zero, which clears flags the fixture file does not have, so nothing changes; kapi has no claim for a status flag being set
 *
 * side-effect: modify_state | filesystem
 *   target: the file's extents or attributes
 *   condition: cmd is FICLONE, FICLONERANGE, FIDEDUPERANGE, FS_IOC_SETFLAGS or FS_IOC_FSSETXATTR
 *   desc: The extent-sharing requests make fd's range share the source's
 *     blocks (its content then equals the source's); the attribute requests
 *     change the inode's flags.  FIFREEZE blocks every writer of the
 *     filesystem until FITHAW.
 *   reversible: yes
 *   kapi-unobservable: no filesystem a case writes to shares extents on every kernel (tmpfs does not), and changing attributes needs the supervisor's help (see path:immutable)
 *
 * kapi-not-returned: ESPIPE vfs_fallocate() gives it for a FIFO only, and do_vfs_ioctl() passes the space-reservation requests to it for regular files only (file_ioctl())
 *
 * notes: The manual page lists ENOTTY as "fd is not associated with a
 *   character special device"; in the code it means that the file's handler
 *   does not know the request, whatever the file is (a character device may
 *   give it too, and a regular file answers the generic requests).  The
 *   manual page does not mention EISDIR, EXDEV, EOPNOTSUPP, EPERM or ENOMEM,
 *   which the generic requests return.  The requests FIONREAD, FIONBIO and
 *   FIOASYNC exist for sockets and terminals too, where the driver answers
 *   FIONREAD (do_vfs_ioctl() answers it only for regular files).  FIOQSIZE
 *   reports the blocks the inode has been charged (i_blocks), not its size:
 *   it may be 0 for a file just written, before the filesystem allocated
 *   its blocks (seen on 6.18 on ext4, which allocates at writeback), so kapi
 *   claims nothing about what it writes.
 */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
}
