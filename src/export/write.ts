// Writing an export directory without clobbering or following links (kapi often runs as root).
// The directory must be missing, empty, or overwritten on purpose (`force`); a symbolic link as the
// directory is refused, never followed. Files are written through the opened directory
// (`/proc/self/fd/N`, so the directory cannot be swapped for a link under kapi), each to a fresh
// temporary name (O_CREAT | O_EXCL | O_NOFOLLOW) renamed over its final name: a symlink already
// there is replaced, never written through.

import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileKind } from '../sources/read.js';

/** A directory kapi will not write into, or a file in the way: a usage error for the command. */
export class ExportError extends Error {}

function kindOf(st: Stats): string {
  return st.isSymbolicLink() ? 'a symbolic link' : fileKind(st);
}

/** `dir` without trailing slashes (with one, lstat would follow a link). */
function bare(dir: string): string {
  let end = dir.length;
  while (end > 1 && dir[end - 1] === '/') end--;
  return dir.slice(0, end);
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new ExportError(`${path}: a parent of it is not a directory`);
    throw new ExportError(`${path}: cannot be examined (${code ?? String(e)})`);
  }
}

function refuseLink(dir: string): never {
  let to = '';
  try {
    to = ` (to ${readlinkSync(dir)})`;
  } catch {
    // the link went away; say what it was
  }
  throw new ExportError(`${dir} is a symbolic link${to}; kapi does not write through it: give the directory itself`);
}

/**
 * Checks `dir` before anything is written: missing (it will be created), an empty directory, or
 * with `force` a directory holding anything. Throws ExportError saying what is in the way.
 */
export function checkExportDir(dir: string, names: readonly string[], force: boolean): void {
  const path = bare(dir);
  const st = lstatOrUndefined(path);
  if (!st) return;
  if (st.isSymbolicLink()) refuseLink(path);
  if (!st.isDirectory()) throw new ExportError(`${path} exists and is ${kindOf(st)}, not a directory`);
  let entries: string[];
  try {
    entries = readdirSync(path).sort();
  } catch (e) {
    throw new ExportError(`${path}: cannot be listed (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (entries.length && !force) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, and ${entries.length - 5} more` : '');
    throw new ExportError(`${path} is not empty (it holds ${shown}); --force overwrites ${names.join(', ')} in it`);
  }
}

/** Writes `files` (name -> text) into `dir`, creating it when missing. Throws ExportError. */
export function writeExportDir(dir: string, files: ReadonlyMap<string, string>): void {
  const path = bare(dir);
  if (!lstatOrUndefined(path)) {
    try {
      mkdirSync(path, { recursive: true });
    } catch (e) {
      throw new ExportError(`${path}: cannot be created (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const st = lstatOrUndefined(path);
    if (st?.isSymbolicLink()) refuseLink(path);
    if (st && !st.isDirectory()) throw new ExportError(`${path} exists and is ${kindOf(st)}, not a directory`);
    throw new ExportError(`${path}: cannot be opened (${code ?? String(e)})`);
  }
  const pinned = `/proc/self/fd/${fd}`;
  const base = existsSync(pinned) ? pinned : path;
  const temps: string[] = [];
  try {
    for (const [name, text] of files) {
      const final = join(base, name);
      const there = lstatOrUndefined(final);
      if (there?.isDirectory()) throw new ExportError(`${join(path, name)} is a directory; not replaced`);
      const tmp = join(base, `.${name}.kapi-${randomBytes(6).toString('hex')}`);
      let f: number;
      try {
        f = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      } catch (e) {
        throw new ExportError(`${path}: cannot write ${name} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      temps.push(tmp);
      try {
        const data = Buffer.from(text);
        for (let at = 0; at < data.length; ) at += writeSync(f, data, at);
      } catch (e) {
        throw new ExportError(`${join(path, name)}: cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      } finally {
        closeSync(f);
      }
      try {
        renameSync(tmp, final);
      } catch (e) {
        throw new ExportError(`${join(path, name)}: cannot be replaced (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      temps.pop();
    }
  } finally {
    for (const t of temps) rmSync(t, { force: true });
    closeSync(fd);
  }
}
