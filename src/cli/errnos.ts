// `kapi errnos`: the errnos each syscall of a tree can return, found by following the errno flow
// over the whole-tree function index (src/facts/tree.ts, flow.ts), each with one shortest call
// chain to its return site, and what the analysis did not see.

import { statSync } from 'node:fs';
import { escapeControls } from '../diag/index.js';
import { formatChain, indirectText, resolver, syscallErrnos, type SyscallErrnos } from '../facts/flow.js';
import { indexTree } from '../facts/tree.js';
import { checkFormat, UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';

const HELP = `Usage: kapi errnos --source TREE [-f text|json] [--cache DIR | --no-cache] [SYSCALL...]

For each syscall defined under TREE (or only the named ones, 'openat' or 'sys_openat'), the
errnos its code can return, each with one shortest call chain from the syscall to the return
site, and a coverage line: errnos found, calls whose result is returned but whose code the tree
does not have (unresolved), and calls through function pointers (indirect). A call through a
pointer is followed into the implementations of a fixed list of common objects (pipes, tmpfs
and ext4 files and directories, UDP, TCP and Unix sockets, eventfd, epoll, ptys, /proc/PID/mem,
/dev/null and /dev/zero, ELF executables and scripts); a chain step taken that way names the
object and the pointer (pipe_read [pipe: f_op->read_iter]), and the errors of the other
implementations are not included. The index of the tree is cached under --cache DIR (default
$XDG_CACHE_HOME/kapi, else ~/.cache/kapi): a second run reads only the files that changed.

Exit status: 0 success; 1 a named syscall was not found; 2 usage error or unreadable tree.
`;

function text(r: SyscallErrnos): string {
  const lines = [`${r.name} (${r.file}:${r.line})`];
  for (const e of r.errors) lines.push(`  ${e.name}${e.internal ? ' (kernel-internal)' : ''}: ${formatChain(e.chain)}`);
  for (const i of r.indirect) lines.push(`  indirect: ${indirectText(i)}`);
  lines.push(`  coverage: ${r.errors.length} errnos found; ${r.unresolved.length} calls unresolved${r.unresolved.length ? ` (${r.unresolved.join(', ')})` : ''}; ${r.indirect.length} indirect calls; ${r.functions} functions followed`);
  return lines.map((l) => escapeControls(l)).join("\n") + "\n";
}

async function run(o: GlobalOptions): Promise<number> {
  if (o.selection.kind !== 'source' || o.selection.paths.length !== 1) throw new UsageError('kapi errnos needs one --source TREE (a kernel tree)');
  const format = checkFormat(o, ['text', 'plain', 'json'], 'text');
  const root = o.selection.paths[0]!;
  try {
    if (!statSync(root).isDirectory()) throw new Error();
  } catch {
    process.stderr.write(escapeControls(`kapi: ${root}: not a directory`) + '\n');
    return 2;
  }
  const cacheDir = o.extra.has('--no-cache') ? false : o.extra.get('--cache')?.at(-1);
  const index = await indexTree(root, { cacheDir, maxFileSize: o.maxFileSize });
  const { results, missing, cached } = await syscallErrnos(resolver(index), o.rest);
  for (const f of index.failures) process.stderr.write(escapeControls(`${f.file}: warning: ${f.message}`) + '\n');
  if (format === 'json') {
    process.stdout.write(JSON.stringify(results.map((r) => ({
      name: r.name, file: r.file, line: r.line, errors: r.errors, unresolved: r.unresolved, indirect: r.indirect, ambiguous: r.ambiguous,
    })), null, 2) + '\n');
  } else process.stdout.write(results.map(text).join(''));
  if (!o.quiet) {
    const s = index.stats;
    process.stderr.write(`kapi errnos: ${results.length} syscalls; index of ${s.files} files (${s.scanned} scanned, ${s.cached} from the cache), ` +
      `${cached ? 'results of the last run reused (no file, name or kapi code changed)' : `${index.files.size} summarised (${s.parsed} lexed in this run, ${s.rehashed} taken from the cache after a hash check)`}${index.failures.length ? `; ${index.failures.length} not read` : ''}\n`);
  }
  for (const n of missing) process.stderr.write(escapeControls(`kapi: no SYSCALL_DEFINE for '${n}' under ${root}`) + '\n');
  return missing.length ? 1 : 0;
}

export const ERRNOS: CommandModule = { run, help: HELP, options: { '--cache': 'value', '--no-cache': 'flag' } };
