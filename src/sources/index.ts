// Sources: every way specs come in. In: a path (a C file, a kernel tree, a JSON snapshot).
// Out: ApiSpec[] in a deterministic order plus diagnostics. Bad input is reported, never thrown:
// only regular files are read, each within the size limit (see read.ts).

import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromC } from './c-source.js';
import { readSnapshot } from './json/index.js';
import { isProblem, notRegular, readRegularText, type ReadLimits } from './read.js';
import { scanTree } from './scan.js';

export { specsFromC, mayHoldSpecs } from './c-source.js';
export { specsFromJson } from './json/index.js';


export interface ScanOptions extends ReadLimits {
  /** Called with the tree's path when a tree scan starts (for a terminal progress line). */
  progress?: (path: string) => void;
  /** Shown instead of the tree's path in positions (the bundled corpus shows as `specs`). */
  displayRoot?: string;
}

export interface SourceRead {
  specs: ApiSpec[];
  /**
   * Why nothing could be read from the path as a whole: `unreadable` (missing, not a regular
   * file, over the size limit, a read error) or `rejected` (a JSON document that is not a
   * snapshot). Absent when the path was read, whatever it held.
   */
  failed?: 'unreadable' | 'rejected';
}

/** Scalars JSON may start with besides `{` and `[`: a file of only `null`, `"x"` or `42`. */
const JSON_SCALAR = /^\s*(null|true|false|"|-?\d)/;

/** Is this a JSON document (read as a snapshot) rather than C? By name, or by content. */
export function looksLikeJson(path: string, text: string): boolean {
  if (path.endsWith('.json') || /^\s*[[{]/.test(text)) return true;
  if (!JSON_SCALAR.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function readTree(path: string, diags: DiagSink, opts: ScanOptions): Promise<ApiSpec[]> {
  opts.progress?.(path);
  const { candidates, failures } = await scanTree(path, 'specs', opts);
  const shown = (f: string) => (opts.displayRoot === undefined ? f : join(opts.displayRoot, relative(path, f)));
  for (const f of failures) {
    if (f.problem) diags.report(f.problem.code, shown(f.file), f.problem.message);
    else diags.report('unreadable', shown(f.file), `cannot read file: ${f.code}`);
  }
  return candidates.flatMap((c) => specsFromC(c.text, shown(c.file), diags));
}

/** Reads specs from a file or a tree, saying when the path itself could not be read. */
export async function readSource(path: string, diags: DiagSink, opts: ScanOptions = {}): Promise<SourceRead> {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    diags.report('unreadable', path, `no such file or directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return { specs: [], failed: 'unreadable' };
  }
  if (st.isDirectory()) return { specs: await readTree(path, diags, opts) };
  const text = st.isFile() ? readRegularText(path, opts) : notRegular(st);
  if (isProblem(text)) {
    diags.report(text.code, path, text.message);
    return { specs: [], failed: 'unreadable' };
  }
  if (!looksLikeJson(path, text)) return { specs: specsFromC(text, path, diags) };
  const r = readSnapshot(text, path, diags);
  return r.rejected ? { specs: [], failed: 'rejected' } : { specs: r.specs };
}

/** Reads specs from a file or a tree; `display` paths are relative to the tree's parent. */
export async function readSourcePath(path: string, diags: DiagSink, opts: ScanOptions = {}): Promise<ApiSpec[]> {
  return (await readSource(path, diags, opts)).specs;
}
