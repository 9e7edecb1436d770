// Chooses and reads the spec set every command works on: --source PATH..., --vmlinux, --debugfs,
// or the default (debugfs when the running kernel has it, else the bundled corpus). A path given
// directly that cannot be read at all (not a regular file, over --max-file-size) is unreadable
// input: every path is still read and reported, and the command exits 2.

import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DiagSink, escapeControls, formatDiagnostic, sortDiagnostics } from '../diag/index.js';
import { normalize } from '../model/normalize.js';
import type { ApiSpec, SpecSet } from '../model/types.js';
import { readSource, readSourcePath } from '../sources/index.js';
import { specsFromElf } from '../sources/elf/index.js';
import { specsFromDebugfs } from '../sources/debugfs/index.js';
import { isProblem, statRegular } from '../sources/read.js';
import { DEFAULT_DEBUGFS, type GlobalOptions } from './args.js';

/** The bundled corpus, `specs/` at the package root (three levels above dist/src/cli). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../specs/', import.meta.url));

export interface Loaded {
  set: SpecSet;
  diags: DiagSink;
  /** Set when the input could not be read at all (exit 2): the message, or '' when the
   *  diagnostics already say why. */
  fatal?: string;
}

function progressReporter(quiet: boolean): ((path: string) => void) | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  return (path) => process.stderr.write(`\rkapi: scanning ${path} ...`);
}

function debugfsDir(root: string): string {
  return join(root, 'kapi');
}

export async function loadSpecs(o: GlobalOptions): Promise<Loaded> {
  const diags = new DiagSink();
  const done = (specs: ApiSpec[], fatal?: string): Loaded => {
    const l: Loaded = { set: normalize(specs, diags), diags };
    if (fatal !== undefined) l.fatal = fatal;
    return l;
  };
  const sel = o.selection;
  switch (sel.kind) {
    case 'source': {
      const progress = progressReporter(o.quiet);
      const specs: ApiSpec[] = [];
      let unreadable = false;
      for (const p of sel.paths) {
        if (!existsSync(p)) return done([], `${p}: no such file or directory`);
        const r = await readSource(p, diags, { maxFileSize: o.maxFileSize, ...(progress ? { progress } : {}) });
        specs.push(...r.specs);
        if (r.failed === 'unreadable') unreadable = true;
      }
      if (progress) process.stderr.write('\r\x1b[K');
      return done(specs, unreadable ? '' : undefined);
    }
    case 'vmlinux': {
      if (!existsSync(sel.path)) return done([], `${sel.path}: no such file or directory`);
      // The ELF reader opens what it is given: a FIFO or a device must not get that far.
      const st = statRegular(sel.path);
      if (isProblem(st)) {
        diags.report(st.code, sel.path, st.message);
        return done([], '');
      }
      const r = specsFromElf(sel.path, diags);
      // One line for a bzImage's payload, one for the ELF file.
      if (o.verbose && r.summary) for (const line of r.summary.split('\n')) process.stderr.write(`kapi: ${line}\n`);
      // A file that is not ELF, or has no specs at all, is unreadable input.
      const unreadable = r.specs.length === 0 && diags.items.some((d) => d.severity === 'error');
      return done(r.specs, unreadable ? '' : undefined);
    }
    case 'debugfs': {
      if (!existsSync(sel.root)) return done([], `${sel.root}: no such directory`);
      if (!existsSync(debugfsDir(sel.root))) {
        return done([], `${debugfsDir(sel.root)}: no kapi directory: this kernel does not expose API specifications (CONFIG_KAPI_SPEC_DEBUGFS)`);
      }
      const r = specsFromDebugfs(sel.root, diags, { maxFileSize: o.maxFileSize });
      if (o.verbose && r.summary) process.stderr.write(`kapi: ${r.summary}\n`);
      return done(r.specs, r.specs.length === 0 && diags.errorCount ? '' : undefined);
    }
    case 'default': {
      const live = debugfsDir(DEFAULT_DEBUGFS);
      if (existsSync(live) && statSync(live).isDirectory()) {
        const r = specsFromDebugfs(DEFAULT_DEBUGFS, diags, { maxFileSize: o.maxFileSize });
        if (o.verbose && r.summary) process.stderr.write(`kapi: ${r.summary}\n`);
        return done(r.specs);
      }
      if (!o.quiet) process.stderr.write(`kapi: no --source given and no ${live}: reading the bundled corpus (${CORPUS_DIR})\n`);
      return done(await readSourcePath(CORPUS_DIR, diags, { displayRoot: 'specs', maxFileSize: o.maxFileSize }));
    }
  }
}

/** Prints diagnostics to stderr; returns how many were errors. */
export function printDiagnostics(l: Loaded): number {
  for (const d of sortDiagnostics(l.diags.items)) process.stderr.write(formatDiagnostic(d) + '\n');
  return l.diags.errorCount;
}

/**
 * loadSpecs for commands that print reader diagnostics as they are: the specs and the number of
 * error diagnostics, or undefined, after saying why, when the input cannot be read (exit 2).
 */
export async function loadOrExplain(o: GlobalOptions): Promise<{ specs: readonly ApiSpec[]; errors: number } | undefined> {
  const loaded = await loadSpecs(o);
  const errors = printDiagnostics(loaded);
  if (loaded.fatal !== undefined) {
    if (loaded.fatal) process.stderr.write(escapeControls(`kapi: ${loaded.fatal}`) + '\n');
    return undefined;
  }
  return { specs: loaded.set.specs, errors };
}

/** The specs named on the command line (`read` or `sys_read`), all when none are named. */
export function selectApis(specs: readonly ApiSpec[], names: readonly string[]): ApiSpec[] {
  const wanted = new Set(names.map((n) => (n.startsWith('sys_') ? n : `sys_${n}`)));
  // An API that is no syscall (an ioctl request, tty_ioctl_tcgets) is named as it is.
  const exact = new Set(names);
  return specs.filter((s) => !wanted.size || wanted.has(s.name) || (!s.name.startsWith('sys_') && exact.has(s.name)));
}
