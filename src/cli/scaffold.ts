// `kapi scaffold`: spec skeletons for the syscalls of a tree, and how much of their error
// behaviour the code shows. A tree is followed whole (flow.ts: the errors of every callee, each
// with its chain); a single C file only shows the errors its own functions return.

import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { escapeControls, formatDiagnostic, type Diagnostic } from '../diag/index.js';
import { errorFacts, fileFacts, type ErrorFacts, type FnDef } from '../facts/index.js';
import { treeErrnos, type SyscallErrnos } from '../facts/flow.js';
import { skeleton, treeSkeleton, type Skeleton } from '../scaffold/index.js';
import { isProblem, readRegularText } from '../sources/read.js';
import { scanTree, type Candidate } from '../sources/scan.js';
import { UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';

const HELP = `Usage: kapi scaffold --source PATH [--out DIR] [--cache DIR | --no-cache] [SYSCALL...]

Write a spec skeleton in the kernel-doc DSL for each syscall defined under PATH (or only the
named ones, 'openat' or 'sys_openat'): its parameters with C types and a guessed KAPI type, and
the errors its code returns, with the prose left as TODO. Skeletons go to stdout, or one file
per syscall under --out DIR.

PATH a kernel tree (a directory): the errors come from the whole tree, as kapi errnos finds
  them: every user-visible errno any callee can return, each error's desc giving the return
  site and the call chain to it (kernel-internal codes from 512 up are not listed; EINTR found
  through a restart code is, and says so). The notes of each skeleton and a line per syscall on
  stderr give the coverage: errnos found, calls left unresolved, and calls through function
  pointers not followed (with the number of implementations the tree has). The index of the
  tree is cached under --cache DIR (default $XDG_CACHE_HOME/kapi, else ~/.cache/kapi).
PATH a C file: the errors its own functions return, and the notes name the functions of other
  files whose errors are not listed.

A summary line with the totals goes to stderr (-q: neither it nor the per-syscall lines).

Exit status: 0 success; 1 a named syscall was not found; 2 usage error or unreadable input.
`;

const say = (d: Omit<Diagnostic, 'severity'>) => process.stderr.write(formatDiagnostic({ ...d, severity: 'error' }) + '\n');

/** The C files to scaffold from: a tree's files that define syscalls, or the one file given. */
async function inputs(root: string, maxFileSize: number): Promise<{ files: Candidate[]; tree: boolean } | undefined> {
  let dir: boolean;
  try {
    dir = statSync(root).isDirectory();
  } catch {
    process.stderr.write(escapeControls(`kapi: ${root}: no such file or directory`) + '\n');
    return undefined;
  }
  if (dir) {
    const r = await scanTree(root, 'syscalls', { maxFileSize });
    for (const f of r.failures) say({ code: f.problem?.code ?? 'unreadable', at: f.file, message: f.problem?.message ?? `cannot read file: ${f.code}` });
    return { files: r.candidates, tree: true };
  }
  const text = readRegularText(root, { maxFileSize }, 'latin1');
  if (!isProblem(text)) return { files: [{ file: root, text }], tree: false };
  say({ code: text.code, at: root, message: text.message });
  return undefined;
}

/** One definition of a syscall: its parameters (body dropped), where, and its own file's error facts. */
interface Def { fn: FnDef; rel: string; origin: string; facts: ErrorFacts }

async function run(o: GlobalOptions): Promise<number> {
  if (o.selection.kind !== 'source' || o.selection.paths.length !== 1) throw new UsageError('kapi scaffold needs one --source PATH (a kernel tree or a C file)');
  const root = o.selection.paths[0]!;
  const input = await inputs(root, o.maxFileSize);
  if (!input) return 2;
  const wanted = new Set(o.rest.map((n) => n.replace(/^sys_/, '')));
  const defs = new Map<string, Def[]>();
  const skipped = new Set<string>();
  for (const { file, text } of input.files) {
    const ff = fileFacts(text, file);
    for (const fn of ff.functions.values()) {
      if (!fn.syscall || fn.name.startsWith('compat_') || (wanted.size && !wanted.has(fn.syscall))) continue;
      // Parameters spelled through macros (SC_ARG64(len)) have no name kernel-doc can use.
      if (!fn.params.every((p) => /^[A-Za-z_]\w*$/.test(p.name))) { skipped.add(fn.name); continue; }
      const origin = `${file}:${fn.line}:${fn.col}`;
      const list = defs.get(fn.name) ?? [];
      list.push({ fn: { ...fn, body: [] }, rel: relative(root, file), origin, facts: errorFacts(ff, fn.name) });
      defs.set(fn.name, list);
    }
  }
  const names = [...defs.keys()].sort();
  // The tree's errno flow for the syscalls found; per file for those it does not define.
  const flow = new Map<string, SyscallErrnos>();
  let tail = '';
  if (input.tree && names.length) {
    const cacheDir = o.extra.has('--no-cache') ? false : o.extra.get('--cache')?.at(-1);
    let t: Awaited<ReturnType<typeof treeErrnos>>;
    try {
      t = await treeErrnos(root, names, { cacheDir, maxFileSize: o.maxFileSize });
    } catch (e) {
      process.stderr.write(escapeControls(`kapi: ${root}: ${(e as Error).message}`) + '\n');
      return 2;
    }
    for (const f of t.failures) process.stderr.write(escapeControls(`${join(root, f.file)}: warning: ${f.message}`) + '\n');
    for (const r of t.results) flow.set(r.name, r);
    const s = t.stats;
    tail = `; index of ${s.files} files (${s.scanned} scanned, ${s.cached} from the cache), ${s.parsed} lexed in this run` +
      `${t.failures.length ? `, ${t.failures.length} not read` : ''}`;
  }
  const all: Skeleton[] = [];
  const perFile: string[] = [];
  for (const n of names) {
    const list = defs.get(n)!;
    const r = flow.get(n);
    // The same syscall is defined per architecture in places: the one the tree's flow followed,
    // else the first in path order.
    const d = (r && list.find((x) => x.rel === r.file)) ?? list[0]!;
    if (r && d.rel === r.file) all.push(treeSkeleton(d.fn, r, d.origin));
    else {
      if (input.tree) perFile.push(n);
      all.push(skeleton(d.fn, d.facts, d.origin, input.tree ? 'The whole-tree errno flow does not define this syscall: the errors are those of its own file only.' : ''));
    }
  }
  const out = o.extra.get('--out')?.at(-1);
  if (out) {
    mkdirSync(out, { recursive: true });
    for (const s of all) writeFileSync(join(out, `${s.name}.c`), `// SPDX-License-Identifier: GPL-2.0\n// Generated by kapi scaffold from ${root}.\n\n${s.text}`);
  } else process.stdout.write(all.map((s) => s.text).join('\n'));
  const withErrors = all.filter((s) => s.errors > 0).length;
  const unresolved = all.filter((s) => s.unresolved.length > 0).length;
  if (!o.quiet) {
    const skip = skipped.size ? `; ${skipped.size} skipped (parameters spelled through macros: ${[...skipped].sort().join(', ')})` : '';
    if (input.tree) {
      for (const s of all) if (s.coverage) process.stderr.write(escapeControls(`${s.name}: ${s.coverage}`) + '\n');
      const tr = all.filter((s) => s.coverage);
      const sum = (f: (s: Skeleton) => number) => tr.reduce((a, s) => a + f(s), 0);
      process.stderr.write(escapeControls(`kapi scaffold: ${all.length} syscalls found, ${tr.length} followed through the tree: ` +
        `${sum((s) => s.errors)} errnos listed in all (${tr.filter((s) => s.errors > 0).length} syscalls with errors, ${tr.filter((s) => s.errors === 0).length} with none found), ` +
        `${sum((s) => s.internal!.length)} kernel-internal codes not listed, ${sum((s) => s.unresolved.length)} calls unresolved, ${sum((s) => s.indirect!)} indirect calls` +
        `${perFile.length ? `; ${perFile.length} the tree's flow does not define, from their own file only (${perFile.join(', ')})` : ''}${skip}${tail}`) + '\n');
    } else {
      process.stderr.write(`kapi scaffold: ${all.length} syscalls found, ${withErrors} with errors found in their code, ` +
        `${unresolved} with error paths into other files (unresolved), ${all.length - withErrors} with no error found${skip}\n`);
    }
  }
  const missing = [...wanted].filter((n) => !defs.has(`sys_${n}`));
  for (const n of missing) process.stderr.write(escapeControls(`kapi: no SYSCALL_DEFINE for '${n}' under ${root}`) + '\n');
  return missing.length ? 1 : 0;
}

export const SCAFFOLD: CommandModule = { run, help: HELP, options: { '--out': 'value', '--cache': 'value', '--no-cache': 'flag' } };
