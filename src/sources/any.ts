// A path of any kind kapi reads, recognised by its content: a debugfs root (has kapi/), a source
// tree or C file, an ELF file or x86 bzImage, or a JSON snapshot. A path that is not a directory or a regular
// file (a FIFO, a device, a socket) is reported and never opened.

import { closeSync, existsSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { specsFromDebugfs } from './debugfs/index.js';
import { isBzImage } from './elf/bzimage.js';
import { specsFromElf } from './elf/index.js';
import { readSource, type ScanOptions } from './index.js';
import { isProblem, notRegular, openRegular, type ReadProblem } from './read.js';

export type InputKind = 'debugfs' | 'tree' | 'elf' | 'json' | 'c';

/** The first bytes of a regular file (through the x86 setup header), opened without blocking. */
function head(path: string): Buffer | ReadProblem {
  const o = openRegular(path, Number.MAX_SAFE_INTEGER);
  if (isProblem(o)) return o;
  try {
    const b = Buffer.alloc(0x210);
    return b.subarray(0, readSync(o.fd, b, 0, b.length, 0));
  } finally {
    closeSync(o.fd);
  }
}

/** What a path holds, or why it cannot be read; a non-regular file is never opened. */
export function inputKind(path: string): InputKind | ReadProblem {
  const st = statSync(path);
  if (st.isDirectory()) return existsSync(join(path, 'kapi')) ? 'debugfs' : 'tree';
  if (!st.isFile()) return notRegular(st);
  const h = head(path);
  if (isProblem(h)) return h;
  if ((h.length >= 4 && h.readUInt32BE(0) === 0x7f454c46) || isBzImage(h)) return 'elf';
  return /^\s*[[{]/.test(h.toString('latin1')) || path.endsWith('.json') ? 'json' : 'c';
}

/**
 * Reads specs from any path. `kind` is absent when nothing could be read from the path as a
 * whole (missing, not a regular file, too large, not a snapshot): the caller exits 2.
 */
export async function readAny(path: string, diags: DiagSink, opts: ScanOptions = {}): Promise<{ kind?: InputKind; specs: ApiSpec[] }> {
  if (!existsSync(path)) {
    diags.report('unreadable', path, 'no such file or directory');
    return { specs: [] };
  }
  const kind = inputKind(path);
  if (isProblem(kind)) {
    diags.report(kind.code, path, kind.message);
    return { specs: [] };
  }
  if (kind === 'debugfs') return { kind, specs: specsFromDebugfs(path, diags, opts).specs };
  if (kind === 'elf') return { kind, specs: specsFromElf(path, diags).specs };
  const r = await readSource(path, diags, opts);
  return r.failed ? { specs: [] } : { kind, specs: r.specs };
}
