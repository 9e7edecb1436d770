// Sources: every way specs come in. In: a path (a C file, a kernel tree, a JSON snapshot).
// Out: ApiSpec[] in a deterministic order plus diagnostics. Bad input is reported, never thrown.

import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromC } from './c-source.js';
import { specsFromJson } from './json/index.js';
import { scanTree } from './scan.js';

export { specsFromC, mayHoldSpecs } from './c-source.js';
export { specsFromJson } from './json/index.js';


export interface ScanOptions {
  /** Called with the tree's path when a tree scan starts (for a terminal progress line). */
  progress?: (path: string) => void;
  /** Shown instead of the tree's path in positions (the bundled corpus shows as `specs`). */
  displayRoot?: string;
}

function readText(path: string, diags: DiagSink): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    diags.report('unreadable', path, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    return undefined;
  }
}

/** Reads specs from a file or a tree; `display` paths are relative to the tree's parent. */
export async function readSourcePath(path: string, diags: DiagSink, opts: ScanOptions = {}): Promise<ApiSpec[]> {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    diags.report('unreadable', path, `no such file or directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return [];
  }
  if (st.isDirectory()) {
    opts.progress?.(path);
    const { candidates, failures } = await scanTree(path);
    for (const f of failures) diags.report('unreadable', f.file, `cannot read file: ${f.code}`);
    const shown = (f: string) => (opts.displayRoot === undefined ? f : join(opts.displayRoot, relative(path, f)));
    return candidates.flatMap((c) => specsFromC(c.text, shown(c.file), diags));
  }
  const text = readText(path, diags);
  if (text === undefined) return [];
  if (/^\s*\{/.test(text)) return specsFromJson(text, path, diags);
  return specsFromC(text, path, diags);
}
