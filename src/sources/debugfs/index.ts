// debugfs source: `<root>/kapi/list` and `kapi/specs/<name>` (RFC v1 text), plus
// `kapi/specs-json/<name>` (PATCH v4), preferred when present. In: the debugfs root. Out: specs,
// or one clear diagnostic when the kernel has no kapi directory.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { specFromJson } from './json.js';
import { specFromText } from './text.js';

/** Names from `kapi/list`: the lines between the `===` rule and `Total:`. */
export function parseList(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('==='));
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('Total:')) break;
    if (l.trim() === '') continue;
    out.push(l.split(' - ')[0]!.trim());
  }
  return out;
}

function read(path: string, diags: DiagSink): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    diags.report('unreadable', path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    return undefined;
  }
}

export interface DebugfsRead { specs: ApiSpec[]; summary?: string }

export function specsFromDebugfs(root: string, diags: DiagSink): DebugfsRead {
  const dir = join(root, 'kapi');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    diags.report('no-specs', dir, 'no kapi directory: this kernel does not expose API specifications (CONFIG_KAPI_SPEC_DEBUGFS)');
    return { specs: [] };
  }
  const jsonDir = join(dir, 'specs-json');
  const hasJson = existsSync(jsonDir);
  const listText = existsSync(join(dir, 'list')) ? read(join(dir, 'list'), diags) : undefined;
  let names = listText !== undefined ? parseList(listText) : [];
  if (listText === undefined) {
    try {
      names = readdirSync(join(dir, 'specs')).sort();
    } catch {
      diags.report('bad-debugfs', dir, 'neither kapi/list nor kapi/specs/ can be read');
      return { specs: [] };
    }
  }
  const specs: ApiSpec[] = [];
  for (const name of names) {
    const jf = join(jsonDir, name);
    if (hasJson && existsSync(jf)) {
      const t = read(jf, diags);
      const s = t === undefined ? undefined : specFromJson(t, jf, diags);
      if (s) { specs.push(s); continue; }
    }
    const tf = join(dir, 'specs', name);
    if (!existsSync(tf)) {
      diags.report('bad-debugfs', tf, `'${name}' is in kapi/list but has no spec file`, name);
      continue;
    }
    const t = read(tf, diags);
    const s = t === undefined ? undefined : specFromText(t, tf, hasJson ? 'patch-v4' : 'rfc-v1', diags);
    if (s) specs.push(s);
  }
  const layout = hasJson ? 'PATCH v4 (specs-json/ preferred, text as fallback)' : 'RFC v1 text';
  return { specs, summary: `${dir}: ${layout}, ${specs.length} of ${names.length} listed specs read` };
}
