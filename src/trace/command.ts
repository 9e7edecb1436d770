// Whether a command can be run under strace: found (a path, or a name searched in PATH as execvp
// does), a regular file, executable. strace reports a command it cannot run only on stderr, and
// exits 1 as the program could, so `kapi trace` and `kapi inject` check before, and read the
// first execve of the log after (an interpreter missing, a format the kernel does not run).

import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { readLines } from './lines.js';
import { TraceParser, type TraceEvent } from './parse.js';

/** The file's status (following links), or why there is none: `no such file`, `cannot be read (E...)`. */
export function statOrWhy(file: string): Stats | string {
  try {
    return statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot be read (${code ?? String(e)})`;
  }
}

/** Why `file` cannot be executed, or undefined when it can. */
function notRunnable(file: string): string | undefined {
  const st = statOrWhy(file);
  if (typeof st === 'string') return st;
  if (st.isDirectory()) return 'is a directory';
  if (!st.isFile()) return 'is not a regular file';
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return 'is not executable';
  }
  return undefined;
}

/** Why the command `cmd` cannot be run, or undefined when it can. */
export function commandProblem(cmd: string, path = process.env['PATH'] ?? ''): string | undefined {
  if (cmd === '') return 'the command name is empty';
  if (cmd.includes('/')) return notRunnable(cmd);
  let seen: string | undefined;
  for (const dir of path.split(':')) {
    const why = notRunnable(join(dir || '.', cmd));
    if (why === undefined) return undefined;
    if (why !== 'no such file') seen ??= `${join(dir || '.', cmd)} ${why}`;
  }
  return seen ? `not found in PATH (${seen})` : 'not found in PATH';
}

const EXEC_ERRORS = new Map([
  ['ENOENT', 'no such file, or its interpreter (#!) is missing'],
  ['ENOEXEC', 'not in a format the kernel can execute'],
  ['EACCES', 'permission denied'],
  ['ETXTBSY', 'the file is open for writing'],
]);

/** The first event of a log, reading no further than it. */
export async function firstEvent(log: string): Promise<TraceEvent | undefined> {
  let first: TraceEvent | undefined;
  const parser = new TraceParser(undefined, { event: (e) => (first ??= e), problem: () => {}, other: () => {} });
  await readLines(log, { line: (l) => parser.push(l), tooLong: (n) => parser.skip(n) }, undefined, () => first !== undefined);
  return first;
}

/** Why the traced command did not start, from the log's first event (strace's own execve). */
export async function execFailure(log: string): Promise<string | undefined> {
  const e = await firstEvent(log);
  if (!e || e.name !== 'execve' || e.ret === undefined || e.ret >= 0n) return undefined;
  return `execve failed with ${e.errno ?? e.ret}${e.errno && EXEC_ERRORS.has(e.errno) ? ` (${EXEC_ERRORS.get(e.errno)!})` : ''}`;
}
