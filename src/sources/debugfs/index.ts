// debugfs source: `<root>/kapi/list` and `kapi/specs/<name>` (RFC v1 text), plus
// `kapi/specs-json/<name>` (PATCH v4), preferred when present. In: the debugfs root. Out: specs,
// or one clear diagnostic when the kernel has no kapi directory. Every name from an index must be
// a plain file name, every file must resolve (through symlinks) to a regular file inside the
// root, and is read within the size limit; anything else is reported and skipped.

import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { excerpt, type DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { isProblem, readRegularText, type ReadLimits } from '../read.js';
import { specFromJson } from './json.js';
import { specFromText } from './text.js';

export interface ListedName { name: string; line: number }

/** Names from `kapi/list`, with their line numbers: the lines between the `===` rule and `Total:`. */
export function parseListLines(text: string): ListedName[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('==='));
  const out: ListedName[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('Total:')) break;
    if (l.trim() === '') continue;
    out.push({ name: l.split(' - ')[0]!.trim(), line: i + 1 });
  }
  return out;
}

/** Why a name from an index cannot be a spec file's name: names are plain file names. */
export function badName(name: string): string | undefined {
  if (name === '.' || name === '..') return `'${name}' names a directory`;
  if (name.includes('/')) return 'it contains a /';
  if (name.includes('\0')) return 'it contains a NUL';
  return undefined;
}

/** Reads the files of one debugfs root, each checked to stay inside it. */
class Reader {
  constructor(private readonly root: string, private readonly diags: DiagSink, private readonly limits: ReadLimits) {}

  /** The file's text, or undefined after saying why it is not read. */
  read(path: string): string | undefined {
    const where = this.resolve(path);
    if (where.problem) {
      this.diags.report(where.code, path, where.problem);
      return undefined;
    }
    const t = readRegularText(path, this.limits);
    if (!isProblem(t)) return t;
    this.diags.report(t.code, path, t.message);
    return undefined;
  }

  /** Where a path leads: nowhere to complain about, or why it is not read (outside the root, unresolvable). */
  resolve(path: string): { code: 'bad-debugfs' | 'unreadable'; problem?: string } {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      return { code: 'unreadable', problem: `cannot read: ${(e as NodeJS.ErrnoException).code ?? 'error'}` };
    }
    const under = real === this.root || real.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
    return under ? { code: 'bad-debugfs' } : { code: 'bad-debugfs', problem: `leads outside ${this.root} (to ${real}); not read` };
  }
}

export interface DebugfsRead { specs: ApiSpec[]; summary?: string }

/** The names to read: from kapi/list when it can be read, else the files of kapi/specs/. */
function listedNames(dir: string, r: Reader, diags: DiagSink): ListedName[] | undefined {
  const list = join(dir, 'list');
  const text = existsSync(list) ? r.read(list) : undefined;
  if (text !== undefined) return checkedNames(parseListLines(text), list, diags);
  try {
    return readdirSync(join(dir, 'specs')).sort().map((name) => ({ name, line: 0 }));
  } catch {
    diags.report('bad-debugfs', dir, 'neither kapi/list nor kapi/specs/ can be read');
    return undefined;
  }
}

function checkedNames(names: ListedName[], list: string, diags: DiagSink): ListedName[] {
  return names.filter(({ name, line }) => {
    const why = badName(name);
    if (why) diags.report('bad-debugfs', `${list}:${line}:1`, `'${excerpt(name)}' is not a spec file name (${why}); skipped`);
    return !why;
  });
}

export function specsFromDebugfs(root: string, diags: DiagSink, limits: ReadLimits = {}): DebugfsRead {
  const dir = join(root, 'kapi');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    diags.report('no-specs', dir, 'no kapi directory: this kernel does not expose API specifications (CONFIG_KAPI_SPEC_DEBUGFS)');
    return { specs: [] };
  }
  const r = new Reader(realpathSync(root), diags, limits);
  const where = r.resolve(dir);
  if (where.problem) {
    diags.report(where.code, dir, where.problem);
    return { specs: [] };
  }
  const jsonDir = join(dir, 'specs-json');
  const hasJson = existsSync(jsonDir);
  const names = listedNames(dir, r, diags);
  if (!names) return { specs: [] };
  const specs: ApiSpec[] = [];
  for (const { name } of names) {
    const jf = join(jsonDir, name);
    if (hasJson && existsSync(jf)) {
      const t = r.read(jf);
      const s = t === undefined ? undefined : specFromJson(t, jf, diags);
      if (s) { specs.push(s); continue; }
    }
    const tf = join(dir, 'specs', name);
    if (!existsSync(tf)) {
      diags.report('bad-debugfs', tf, `'${excerpt(name)}' is in kapi/list but has no spec file`, excerpt(name));
      continue;
    }
    const t = r.read(tf);
    const s = t === undefined ? undefined : specFromText(t, tf, hasJson ? 'patch-v4' : 'rfc-v1', diags);
    if (s) specs.push(s);
  }
  const layout = hasJson ? 'PATCH v4 (specs-json/ preferred, text as fallback)' : 'RFC v1 text';
  return { specs, summary: `${dir}: ${layout}, ${specs.length} of ${names.length} listed specs read` };
}
