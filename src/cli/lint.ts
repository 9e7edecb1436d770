// `kapi lint`: checks the specs against themselves, their signatures and their code.

import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { escapeControls, formatDiagnostic } from '../diag/index.js';
import { errorFacts, fileFacts, type FileFacts } from '../facts/index.js';
import { treeErrnos, type SyscallErrnos } from '../facts/flow.js';
import type { IndexOptions } from '../facts/tree.js';
import { CHECKS, lint, LEVELS, type Finding, type Level, type LintContext } from '../lint/index.js';
import type { TreeErrnoFacts } from '../lint/types.js';
import type { ApiSpec } from '../model/types.js';
import { isProblem, readRegularText, type ReadLimits } from '../sources/read.js';
import { atLeast, formatGithub, formatJson, formatSarif, formatText, where } from '../report/index.js';
import { checkFormat, UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';
import { VERSION } from './help.js';
import { loadSpecs } from './load.js';

const HELP = `Usage: kapi lint [--source PATH... | --vmlinux PATH | --debugfs [DIR]] [OPTIONS]

Check specs: model invariants, parameters against the SYSCALL_DEFINEn they describe, and the
errors the code returns against the errors listed. Reader diagnostics are reported too.

The code of a syscall spec is the whole kernel tree's (as kapi errnos follows it: every callee,
each errno with a shortest call chain) when --tree DIR is given, or when the spec's file lies
inside a kernel tree (a directory above it has Kbuild or Kconfig, MAINTAINERS, fs/ and
kernel/): code-error-missing then points at the return site in the tree and gives the chain,
and code-error-unseen names the calls through function pointers the analysis did not follow
and the calls it could not resolve. Aliases are one errno (EWOULDBLOCK is EAGAIN, EDEADLOCK
EDEADLK, ENOTSUP EOPNOTSUPP); kernel-internal codes (512 and up) are never reported missing,
and a restart code counts as EINTR. Other specs, and every spec without a tree, are checked
against the returns of the spec's own file.

Options:
  -f, --format FMT      text (default), json, sarif (SARIF 2.1.0), github (annotations)
  --fail-on LEVEL       exit 1 when a finding is at LEVEL or above: error (default),
                        warning, info, or never
  --severity ID=LEVEL   change a check's level (error, warning, info) or turn it off (off);
                        repeatable
  --tree DIR            the kernel tree the syscall specs' code is followed in
  --cache DIR           where the tree's index is cached (default $XDG_CACHE_HOME/kapi,
                        else ~/.cache/kapi): a second run reads only the files that changed
  --no-cache            index the tree without a cache
  -q, --quiet           no informational lines on stderr

Checks:
${Object.values(CHECKS).map((c) => `  ${c.id.padEnd(22)}${c.level.padEnd(9)}${c.summary}`).join('\n')}

Exit status: 0 no finding at the fail level; 1 findings at or above it; 2 usage error or
unreadable input; 3 internal error.
`;

function levels(o: GlobalOptions): Record<string, Level | 'off'> {
  const out: Record<string, Level | 'off'> = {};
  for (const v of o.extra.get('--severity') ?? []) {
    const m = /^([a-z-]+)=(error|warning|info|off)$/.exec(v);
    if (!m) throw new UsageError(`--severity takes ID=LEVEL (error, warning, info, off), got '${v}'`);
    out[m[1]!] = m[2] as Level | 'off';
  }
  return out;
}

function failLevel(o: GlobalOptions): Level | 'never' {
  const v = o.extra.get('--fail-on')?.at(-1) ?? 'error';
  if (v !== 'never' && !(LEVELS as string[]).includes(v)) throw new UsageError(`--fail-on takes error, warning, info or never, got '${v}'`);
  return v as Level | 'never';
}

/**
 * Facts from the code next to each spec: the file it was read from, when it has a body. The
 * file is named by the spec (a snapshot can name any path), so it is read as any input is.
 */
export function codeContext(limits: ReadLimits = {}): LintContext {
  const files = new Map<string, FileFacts | undefined>();
  return {
    code(spec: ApiSpec) {
      const file = where(spec.at).file;
      if (!spec.signature || where(spec.at).line === undefined) return undefined;
      if (!files.has(file)) {
        const text = readRegularText(file, limits, 'latin1');
        files.set(file, isProblem(text) ? undefined : fileFacts(text, file));
      }
      const ff = files.get(file);
      const fn = ff?.functions.get(spec.name) ?? ff?.functions.get(spec.signature.name);
      if (!ff || !fn || fn.body.length === 0) return undefined;
      return { ...errorFacts(ff, fn.name), at: `${file}:${fn.line}:${fn.col}` };
    },
  };
}

/** A kernel tree's top directory: Kbuild or Kconfig, MAINTAINERS, fs/ and kernel/. */
export function isKernelRoot(dir: string): boolean {
  const is = (name: string, dir_: boolean) => {
    try {
      const st = statSync(join(dir, name));
      return dir_ ? st.isDirectory() : st.isFile();
    } catch {
      return false;
    }
  };
  return (is('Kbuild', true) || is('Kbuild', false) || is('Kconfig', false)) && is('MAINTAINERS', false) && is('fs', true) && is('kernel', true);
}

/** The kernel tree a file lies in: the nearest directory above it that looks like a tree's top, walking up to the filesystem root. */
export function treeAbove(file: string, memo = new Map<string, string | null>()): string | undefined {
  const seen: string[] = [];
  let found: string | null = null;
  for (let d = dirname(file); ; d = dirname(d)) {
    const m = memo.get(d);
    if (m !== undefined) { found = m; break; }
    seen.push(d);
    if (isKernelRoot(d)) { found = d; break; }
    if (dirname(d) === d) break;
  }
  for (const d of seen) memo.set(d, found);
  return found ?? undefined;
}

/** A syscall spec's name in the tree (`sys_open`), or undefined for ioctls and other APIs. */
const syscallOf = (s: ApiSpec) => (s.kind === 'syscall' && /^sys_\w+$/.test(s.name) ? s.name : undefined);

export interface TreeLookup {
  tree(spec: ApiSpec): TreeErrnoFacts | undefined;
  /** Warnings for stderr: files of a tree that could not be read, syscalls a tree does not define. */
  notes: string[];
}

/**
 * The whole-tree errno flow of every syscall spec, computed once per tree before the checks run:
 * the tree is `tree` when given (for specs from any source), else the kernel tree the spec's C
 * file lies in (none for specs read from a binary or debugfs, or outside any tree). Throws when
 * a tree cannot be indexed.
 */
export async function treeLookup(specs: readonly ApiSpec[], tree: string | undefined, opts: IndexOptions = {}): Promise<TreeLookup> {
  const memo = new Map<string, string | null>();
  const rootOf = new Map<ApiSpec, string>();
  const byRoot = new Map<string, string[]>();
  for (const s of specs) {
    const name = syscallOf(s);
    if (!name) continue;
    // Walked up from the absolute path; named as the spec's file is (relative stays relative).
    // Only a spec read from C (a position with a line, a signature) has a file to walk up from.
    const pos = where(s.at);
    const file = pos.file;
    const above = tree === undefined && pos.line !== undefined && s.signature ? treeAbove(resolve(file), memo) : undefined;
    const root = tree ?? (above === undefined ? undefined : isAbsolute(file) ? above : relative('.', above) || '.');
    if (root === undefined) continue;
    rootOf.set(s, root);
    const names = byRoot.get(root) ?? [];
    if (!names.includes(name)) names.push(name);
    byRoot.set(root, names);
  }
  const results = new Map<string, Map<string, SyscallErrnos>>();
  const notes: string[] = [];
  for (const [root, names] of [...byRoot].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let t: Awaited<ReturnType<typeof treeErrnos>>;
    try {
      t = await treeErrnos(root, names, opts);
    } catch (e) {
      throw new Error(`${root}: cannot index the tree: ${(e as Error).message}`);
    }
    results.set(root, new Map(t.results.map((r) => [r.name, r])));
    for (const f of t.failures) notes.push(`${join(root, f.file)}: warning: ${f.message}`);
    for (const n of [...t.missing].sort()) notes.push(`kapi lint: no SYSCALL_DEFINE for '${n}' under ${root}: its spec is checked against its own file only`);
  }
  return {
    tree(spec) {
      const root = rootOf.get(spec);
      const r = root === undefined ? undefined : results.get(root)?.get(spec.name);
      return r && root !== undefined ? { root, errnos: r } : undefined;
    },
    notes,
  };
}

async function run(o: GlobalOptions): Promise<number> {
  if (o.rest.length) throw new UsageError(`unexpected argument '${o.rest[0]}'`);
  const format = checkFormat(o, ['text', 'plain', 'json', 'sarif', 'github'], 'text');
  const lv = levels(o);
  const fail = failLevel(o);
  const loaded = await loadSpecs(o);
  if (loaded.fatal !== undefined) {
    for (const d of loaded.diags.items) process.stderr.write(formatDiagnostic(d) + '\n');
    if (loaded.fatal) process.stderr.write(escapeControls(`kapi: ${loaded.fatal}`) + '\n');
    return 2;
  }
  const fromReaders: Finding[] = loaded.diags.items.map((d) => ({
    id: d.code, level: d.severity === 'note' ? 'info' : d.severity, at: d.at, message: d.message, ...(d.spec ? { spec: d.spec } : {}),
  }));
  const treeDir = o.extra.get('--tree')?.at(-1);
  if (treeDir !== undefined) {
    let dir = false;
    try { dir = statSync(treeDir).isDirectory(); } catch { /* reported below */ }
    if (!dir) {
      process.stderr.write(escapeControls(`kapi: ${treeDir}: not a directory (--tree takes a kernel tree)`) + '\n');
      return 2;
    }
  }
  const ctx = codeContext({ maxFileSize: o.maxFileSize });
  const codeChecks = lv['code-error-missing'] !== 'off' || lv['code-error-unseen'] !== 'off';
  if (codeChecks) {
    const cacheDir = o.extra.has('--no-cache') ? false : o.extra.get('--cache')?.at(-1);
    let t: TreeLookup;
    try {
      t = await treeLookup(loaded.set.specs, treeDir, { cacheDir, maxFileSize: o.maxFileSize });
    } catch (e) {
      process.stderr.write(escapeControls(`kapi: ${(e as Error).message}`) + '\n');
      return 2;
    }
    if (!o.quiet) for (const n of t.notes) process.stderr.write(escapeControls(n) + '\n');
    ctx.tree = t.tree;
  }
  const findings = [...fromReaders.filter((f) => lv[f.id] !== 'off').map((f) => ({ ...f, level: (lv[f.id] as Level | undefined) ?? f.level })),
    ...lint(loaded.set.specs, ctx, lv)];
  const rules = Object.values(CHECKS).map((c) => ({ id: c.id, level: c.level, summary: c.summary }));
  const out = format === 'json' ? formatJson(findings, { tool: 'kapi lint', specs: loaded.set.specs.length })
    : format === 'sarif' ? formatSarif(findings, 'kapi lint', VERSION, rules)
      : format === 'github' ? formatGithub(findings) : formatText(findings);
  process.stdout.write(out);
  return fail !== 'never' && atLeast(findings, fail) > 0 ? 1 : 0;
}

export const LINT: CommandModule = {
  run, help: HELP,
  options: { '--fail-on': 'value', '--severity': 'value', '--tree': 'value', '--cache': 'value', '--no-cache': 'flag' },
};
