// Sources: every way specs come in. In: a path (a C file, a kernel tree, a JSON snapshot).
// Out: ApiSpec[] in a deterministic order plus diagnostics. Bad input is reported, never thrown.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromC } from './c-source.js';
import { specsFromJson } from './json/index.js';

export { specsFromC, mayHoldSpecs } from './c-source.js';
export { specsFromJson } from './json/index.js';

/** Directories never scanned: version control and kapi's own build output. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.tmp_versions']);

/** Generated `*.apispec.h` headers repeat the kernel-doc specs of their `.c` file. */
const isSpecSource = (name: string) => (name.endsWith('.c') || name.endsWith('.h')) && !name.endsWith('.apispec.h');

export interface ScanOptions {
  /** Called every so often with the number of files read so far. */
  progress?: (filesRead: number) => void;
}

/** All C files under `dir`, sorted by path, symlinks not followed. */
export function listTree(dir: string, diags: DiagSink): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      diags.report('unreadable', d, `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(join(d, e.name));
      } else if (e.isFile() && isSpecSource(e.name)) {
        out.push(join(d, e.name));
      }
    }
  };
  walk(dir);
  return out;
}

function readText(path: string, diags: DiagSink): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch (e) {
    diags.report('unreadable', path, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    return undefined;
  }
}

/** Reads specs from a file or a tree; `display` paths are relative to the tree's parent. */
export function readSourcePath(path: string, diags: DiagSink, opts: ScanOptions = {}): ApiSpec[] {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    diags.report('unreadable', path, `no such file or directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return [];
  }
  if (st.isDirectory()) {
    const out: ApiSpec[] = [];
    const files = listTree(path, diags);
    files.forEach((f, k) => {
      const text = readText(f, diags);
      if (text !== undefined) out.push(...specsFromC(text, displayPath(path, f), diags));
      if (opts.progress && k % 512 === 0) opts.progress(k);
    });
    opts.progress?.(files.length);
    return out;
  }
  const text = readText(path, diags);
  if (text === undefined) return [];
  if (/^\s*\{/.test(text)) return specsFromJson(text, path, diags);
  return specsFromC(text, path, diags);
}

/** Paths inside a tree are shown relative to the tree root given on the command line. */
function displayPath(root: string, file: string): string {
  const rel = relative(root, file);
  return root === '.' ? rel : join(root, rel);
}
