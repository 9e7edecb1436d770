// A path of any kind kapi reads, recognised by its content: a debugfs root (has kapi/), a source
// tree or C file, an ELF file, or a JSON snapshot.

import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromDebugfs } from './debugfs/index.js';
import { specsFromElf } from './elf/index.js';
import { readSourcePath } from './index.js';

export type InputKind = 'debugfs' | 'tree' | 'elf' | 'json' | 'c';

function head(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(64);
    return b.subarray(0, readSync(fd, b, 0, 64, 0));
  } finally {
    closeSync(fd);
  }
}

export function inputKind(path: string): InputKind {
  if (statSync(path).isDirectory()) return existsSync(join(path, 'kapi')) ? 'debugfs' : 'tree';
  const h = head(path);
  if (h.length >= 4 && h.readUInt32BE(0) === 0x7f454c46) return 'elf';
  return /^\s*\{/.test(h.toString('latin1')) ? 'json' : 'c';
}

/** Reads specs from any path; unreadable paths are reported. */
export async function readAny(path: string, diags: DiagSink): Promise<{ kind?: InputKind; specs: ApiSpec[] }> {
  if (!existsSync(path)) {
    diags.report('unreadable', path, 'no such file or directory');
    return { specs: [] };
  }
  const kind = inputKind(path);
  if (kind === 'debugfs') return { kind, specs: specsFromDebugfs(path, diags).specs };
  if (kind === 'elf') return { kind, specs: specsFromElf(path, diags).specs };
  return { kind, specs: await readSourcePath(path, diags) };
}
