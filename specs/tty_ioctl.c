// SPDX-License-Identifier: GPL-2.0
// Kernel API specifications of two terminal requests of ioctl(2) that programs make to learn
// whether a descriptor is a terminal and how large it is: TCGETS and TIOCGWINSZ (tty_ioctl() in
// drivers/tty/tty_io.c, tty_mode_ioctl() in drivers/tty/tty_ioctl.c, Linux 6.1). Each is a
// request of the ioctl system call (specs/ioctl.c), with cmd fixed to the request's number.

/**
 * tty_ioctl_tcgets - read the settings of a terminal (TCGETS)
 * @fd: descriptor of a terminal
 * @cmd: TCGETS
 * @arg: address of the struct termios the settings are written to
 *
 * long-desc: ioctl(fd, TCGETS, arg) copies the terminal's current settings
 *   (input, output, control and local mode flags, line discipline number and
 *   control characters) into the struct termios at arg.  The request is not
 *   a generic one, so do_vfs_ioctl() passes it to the file's own
 *   unlocked_ioctl method; for a terminal that is tty_ioctl(), which hands it
 *   through the driver (a pseudo-terminal's does not know it) to the line
 *   discipline and on to tty_mode_ioctl().  On the master side of a
 *   pseudo-terminal the settings read are the slave's.  isatty() and
 *   tcgetattr() are this request: on any file that is not a terminal it
 *   fails with ENOTTY, which is how a program learns that its output is not
 *   a terminal.  The settings are read under the terminal's termios lock; the
 *   call does not block otherwise.
 * contexts: process, sleepable
 * api-type: ioctl
 *
 * param: fd
 *   type: fd, input
 *   kapi-semantic: fd:pty
 *   constraint: An open descriptor (not O_PATH) of a terminal: a console,
 *     a serial line, or either side of a pseudo-terminal.  Open for reading
 *     or writing alike.
 *   desc: The terminal.
 *
 * param: cmd
 *   type: uint, input
 *   constraint-type: enum(TCGETS)
 *   kapi-valid: TCGETS
 *   kapi-test: no-invalid
 *   constraint: The request number TCGETS (0x5401 on x86-64); other numbers
 *     are other requests (specs/ioctl.c).
 *   desc: The request.
 *
 * param: arg
 *   type: user_ptr, output
 *   size: sizeof(struct termios)
 *   constraint: The address of a writable struct termios (36 bytes on
 *     x86-64: four tcflag_t flag words, c_line and NCCS = 19 control
 *     characters).  Here ioctl's third argument is a pointer the kernel
 *     writes; the speeds of struct termios2 (TCGETS2) are not part of it.
 *   desc: Receives the settings.
 *
 * return:
 *   type: int
 *   check-type: error_check
 *   success: 0
 *   desc: 0 once the settings are copied, or a negative errno.
 *   kapi-effect: mem:filled=arg,sizeof(struct termios)
 *   kapi-effect-case: fd=fd:pty-slave-closed
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:closed; fd=fd:opath
 *   desc: Checked by ioctl(2) before the request is looked at; O_PATH
 *     descriptors do not count.
 *
 * error: ENOTTY, fd is not a terminal
 *   kapi-cond: fd=fd:file; fd=fd:pipe; fd=fd:dir; fd=fd:udp; fd=fd:eventfd
 *   desc: The file has no unlocked_ioctl method (a regular file of tmpfs, a
 *     directory, an eventfd), or its method does not know TCGETS (a pipe's
 *     pipe_ioctl(), a socket's sock_ioctl(), ext4's, xfs's): the ENOIOCTLCMD
 *     it returns becomes ENOTTY.  This is the error isatty() turns into 0.
 *
 * error: EFAULT, arg is not a writable struct termios
 *   kapi-cond: arg=ptr:unmapped; arg=ptr:readonly
 *   desc: The copy to user space faulted; the settings were read and
 *     nothing changed.
 *
 * error: EIO, the terminal was hung up
 *   kapi-cond: fd=fd:pty-master-closed
 *   desc: After a hangup (the master of a pseudo-terminal closed, the
 *     modem line dropped, vhangup()) the kernel replaces the file's
 *     operations with hung_up_tty_fops, whose ioctl method answers every
 *     request but TIOCSPGRP with EIO; a terminal without a line discipline
 *     answers the same way.  Not in the manual page.
 *
 * lock: tty->termios_rwsem
 *   type: semaphore
 *   scope: internal
 *   desc: Taken for reading while the settings are copied out of the tty.
 *
 * side-effect: modify_state
 *   target: the struct termios at arg
 *   desc: The caller's structure is overwritten with the settings; the
 *     terminal itself does not change.
 *   reversible: yes
 *   kapi-effect: mem:filled=arg,sizeof(struct termios)
 *
 * notes: The manual pages (ioctl_tty(2), termios(3)) speak of the C
 *   library's struct termios, whose layout glibc converts; the kernel writes
 *   its own 36-byte struct termios, without the speed fields glibc adds.
 *   The manual page of ioctl describes ENOTTY as a file that is no character
 *   device; the kernel gives it for any file whose handler does not know the
 *   request, and a character device that is no terminal (/dev/null) gives it
 *   too.
 */
static long tty_ioctl_tcgets(unsigned int fd, unsigned int cmd, struct termios __user *arg)
{
}

/**
 * tty_ioctl_tiocgwinsz - read the window size of a terminal (TIOCGWINSZ)
 * @fd: descriptor of a terminal
 * @cmd: TIOCGWINSZ
 * @arg: address of the struct winsize the size is written to
 *
 * long-desc: ioctl(fd, TIOCGWINSZ, arg) copies the window size the terminal
 *   records (rows, columns and the unused pixel sizes) into the struct
 *   winsize at arg.  The kernel only stores what TIOCSWINSZ set last (a
 *   terminal emulator sets it on the master of its pseudo-terminal); a new
 *   pseudo-terminal reports 0 rows and 0 columns.  tty_ioctl() answers the
 *   request itself, for the slave's tty when fd is a master.  Programs
 *   (ls, less, shells) make it to lay out their output and treat ENOTTY as
 *   "not a terminal".
 * contexts: process, sleepable
 * api-type: ioctl
 *
 * param: fd
 *   type: fd, input
 *   kapi-semantic: fd:pty
 *   constraint: An open descriptor (not O_PATH) of a terminal, either side
 *     of a pseudo-terminal included.
 *   desc: The terminal.
 *
 * param: cmd
 *   type: uint, input
 *   constraint-type: enum(TIOCGWINSZ)
 *   kapi-valid: TIOCGWINSZ
 *   kapi-test: no-invalid
 *   constraint: The request number TIOCGWINSZ (0x5413 on x86-64).
 *   desc: The request.
 *
 * param: arg
 *   type: user_ptr, output
 *   size: sizeof(struct winsize)
 *   constraint: The address of a writable struct winsize (four unsigned
 *     shorts, 8 bytes): here ioctl's third argument is a pointer the kernel
 *     writes.
 *   desc: Receives the window size.
 *
 * return:
 *   type: int
 *   check-type: error_check
 *   success: 0
 *   desc: 0 once the size is copied, or a negative errno.
 *   kapi-effect: mem:filled=arg,sizeof(struct winsize)
 *   kapi-effect-case: fd=fd:pty-slave-closed
 *
 * error: EBADF, fd is not an open descriptor
 *   kapi-cond: fd=fd:closed; fd=fd:opath
 *   desc: Checked by ioctl(2) before the request is looked at.
 *
 * error: ENOTTY, fd is not a terminal
 *   kapi-cond: fd=fd:file; fd=fd:pipe; fd=fd:udp
 *   desc: The file has no ioctl method, or its method does not know
 *     TIOCGWINSZ (ENOIOCTLCMD becomes ENOTTY).
 *
 * error: EFAULT, arg is not a writable struct winsize
 *   kapi-cond: arg=ptr:unmapped; arg=ptr:readonly
 *   desc: copy_to_user() of the size faulted.
 *
 * error: EIO, the terminal was hung up
 *   kapi-cond: fd=fd:pty-master-closed
 *   desc: A hung-up terminal's file answers every request but TIOCSPGRP
 *     with EIO.  Not in the manual page.
 *
 * lock: tty->winsize_mutex
 *   type: mutex
 *   scope: internal
 *   desc: Held while the size is copied out.
 *
 * side-effect: modify_state
 *   target: the struct winsize at arg
 *   desc: The caller's structure is overwritten with the stored size.
 *   reversible: yes
 *   kapi-effect: mem:filled=arg,sizeof(struct winsize)
 *
 * notes: The size is only what user space stored: the kernel does not
 *   measure anything.  A hung-up terminal gives EIO here, not ENOTTY, so a
 *   program that treats every error as "not a terminal" misreads it.
 */
static long tty_ioctl_tiocgwinsz(unsigned int fd, unsigned int cmd, struct winsize __user *arg)
{
}
