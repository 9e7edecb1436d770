// The objects whose implementations the errno flow follows through function pointers, written
// as data. A call through a pointer (`file->f_op->read_iter(...)`) can reach any of the tree's
// implementations of that member, and which one runs depends on the object at hand. The flow
// does not guess: it follows the implementations of the objects named here (the descriptors and
// files everyday programs use, and the ones kapi conform builds), and every errno found that way
// carries the object and the pointer in its chain, so a reader sees "when fd is a pipe". The
// other implementations are not followed; the indirect call is still reported with their count.
//
// Each object names the initialised structs (the ops tables) that give it its behaviour, with
// the file that defines them in the 6.1 tree; a test checks each one is there with that type.

export interface ObjectTables {
  /** Short name used in chains and messages: `pipe`, `tmpfs file`. */
  name: string;
  /** What it is and how it gets these tables. */
  what: string;
  /** [file relative to the tree root, table variable] */
  tables: [string, string][];
}

const sock: [string, string] = ['net/socket.c', 'socket_file_ops'];

export const OBJECTS: readonly ObjectTables[] = [
  { name: 'pipe', what: 'a pipe or FIFO (init_special_inode gives a FIFO pipefifo_fops)', tables: [['fs/pipe.c', 'pipefifo_fops']] },
  {
    name: 'tmpfs file', what: 'a regular file on tmpfs or a memfd (mm/shmem.c)',
    tables: [['mm/shmem.c', 'shmem_file_operations'], ['mm/shmem.c', 'shmem_inode_operations'], ['mm/shmem.c', 'shmem_aops']],
  },
  {
    name: 'tmpfs directory', what: 'a directory on tmpfs (shmem_get_inode gives it simple_dir_operations)',
    tables: [['mm/shmem.c', 'shmem_dir_inode_operations'], ['fs/libfs.c', 'simple_dir_operations']],
  },
  {
    name: 'ext4 file', what: 'a regular file on ext4 (delayed allocation, the default)',
    tables: [['fs/ext4/file.c', 'ext4_file_operations'], ['fs/ext4/file.c', 'ext4_file_inode_operations'], ['fs/ext4/inode.c', 'ext4_da_aops']],
  },
  {
    name: 'ext4 directory', what: 'a directory on ext4',
    tables: [['fs/ext4/dir.c', 'ext4_dir_operations'], ['fs/ext4/namei.c', 'ext4_dir_inode_operations']],
  },
  { name: 'UDP socket', what: 'an AF_INET SOCK_DGRAM socket', tables: [sock, ['net/ipv4/af_inet.c', 'inet_dgram_ops'], ['net/ipv4/udp.c', 'udp_prot']] },
  { name: 'TCP socket', what: 'an AF_INET SOCK_STREAM socket', tables: [sock, ['net/ipv4/af_inet.c', 'inet_stream_ops'], ['net/ipv4/tcp_ipv4.c', 'tcp_prot']] },
  { name: 'Unix socket', what: 'an AF_UNIX stream or datagram socket', tables: [sock, ['net/unix/af_unix.c', 'unix_stream_ops'], ['net/unix/af_unix.c', 'unix_dgram_ops']] },
  { name: 'eventfd', what: 'an eventfd', tables: [['fs/eventfd.c', 'eventfd_fops']] },
  { name: 'epoll', what: 'an epoll instance', tables: [['fs/eventpoll.c', 'eventpoll_fops']] },
  {
    name: 'pty', what: 'a Unix 98 pseudo-terminal, either side (ptmx_fops is a copy of tty_fops made at boot by tty_default_fops; the line discipline is n_tty)',
    tables: [['drivers/tty/tty_io.c', 'tty_fops'], ['drivers/tty/n_tty.c', 'n_tty_ops'], ['drivers/tty/pty.c', 'ptm_unix98_ops'], ['drivers/tty/pty.c', 'pty_unix98_ops']],
  },
  { name: '/proc/PID/mem', what: "a process's memory file", tables: [['fs/proc/base.c', 'proc_mem_operations']] },
  { name: '/dev/null, /dev/zero', what: 'the memory character devices', tables: [['drivers/char/mem.c', 'null_fops'], ['drivers/char/mem.c', 'zero_fops']] },
  { name: 'ELF executable', what: 'a program exec loads with binfmt_elf', tables: [['fs/binfmt_elf.c', 'elf_format']] },
  { name: 'script', what: 'a #! script exec hands to its interpreter', tables: [['fs/binfmt_script.c', 'script_format']] },
];

/**
 * The struct a pointer member's owner points to, as kernel code names it (`file->f_op->read`
 * is a `struct file_operations` member). A slot whose owner is not here (`ops->read`, which is a
 * line discipline's, a tty driver's or a socket's) matches the member in every table of the
 * objects.
 */
export const SLOT_TYPES: Readonly<Record<string, string>> = {
  f_op: 'file_operations', i_op: 'inode_operations', d_op: 'dentry_operations', a_ops: 'address_space_operations',
  s_op: 'super_operations', fmt: 'linux_binfmt', sk_prot: 'proto', prot: 'proto',
};

/** The table files of the objects, sorted (the flow loads them first). */
export function objectFiles(objects: readonly ObjectTables[] = OBJECTS): string[] {
  return [...new Set(objects.flatMap((o) => o.tables.map(([f]) => f)))].sort();
}
