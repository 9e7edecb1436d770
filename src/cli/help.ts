// Help text and version. The exit codes listed here are the ones main.ts returns.

export const VERSION = '0.1.0';

export const HELP = `Usage: kapi [OPTIONS] [API_NAME]
       kapi COMMAND [OPTIONS] [ARGS]

Read Linux kernel API specifications and show them. Without API_NAME, list the
specs grouped by kind (more than 20: a summary by source file, with a count and
the names each holds; --all lists every one); with it, show that one spec in full.

Commands (each has --help):
  lint       check specs against themselves, their signatures and their code
  diff       classify the changes between two spec sets
  scaffold   write spec skeletons for the syscalls of a tree
  errnos     the errnos each syscall of a tree can return, with call chains
  conform    generate tests from the specs and run them against this kernel
  export     the specs as a kselftest directory, or as syzkaller descriptions
  trace      run a program under strace and check its syscalls against the specs
  check-trace  check an existing strace log against the specs
  inject     run a program once per documented errno of a syscall, failing it

Choosing specs (one of; default: debugfs when the running kernel has
/sys/kernel/debug/kapi, else the corpus bundled with kapi):
  --source PATH       a C file, a kernel tree, or a JSON snapshot written by
                      '-f json'; may be given more than once
  --vmlinux PATH      a vmlinux (or any ELF file) with a .kapi_specs section
  --debugfs [DIR]     the debugfs mount (default /sys/kernel/debug)
  --max-file-size N   skip (and report) files read whole that are larger than N
                      bytes; K, M, G suffixes (default 64M)

Output:
  -f, --format FMT    plain (default), json, rst or man (man needs API_NAME)
  --all               list every spec, however many (plain format)
  --arch ARCH         errno numbers of ARCH: generic (x86, arm, ...), alpha,
                      mips, parisc, sparc, powerpc
  -q, --quiet         no progress or informational lines on stderr
  -v, --verbose       say how each input was read (layout, section, byte order)
  -h, --help          this text
  -V, --version       the version

Diagnostics go to stderr as FILE:LINE:COL: SEVERITY[CODE]: MESSAGE.

Exit status:
  0  success
  1  API_NAME is not in the spec set, or the specs read had errors
  2  usage error, or an input that cannot be read
  3  internal error (a bug in kapi)
`;
