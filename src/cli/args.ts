// argv -> options, shared by every command: the spec selection (--source, --vmlinux,
// --debugfs [DIR]), the read limit (--max-file-size) and the output format (-f). Pure: errors
// come back as UsageError.

import { statSync } from 'node:fs';
import { own } from '../model/own.js';
import { DEFAULT_MAX_FILE_SIZE } from '../sources/read.js';

export class UsageError extends Error {}

/** Output formats of the default (show) command. */
export const FORMATS = ['plain', 'json', 'rst', 'man'] as const;
export type Format = (typeof FORMATS)[number];

/** Options a command may take besides the global ones: name -> takes a value (repeatable). */
export type ExtraOptions = Record<string, 'value' | 'flag'>;

export type Selection =
  | { kind: 'default' }
  | { kind: 'source'; paths: string[] }
  | { kind: 'vmlinux'; path: string }
  | { kind: 'debugfs'; root: string };

export interface GlobalOptions {
  selection: Selection;
  /** Lower-cased `-f` value; each command checks it against the formats it writes. */
  format: string;
  /** Whether -f was given (commands default differently). */
  formatGiven: boolean;
  /** Command-specific options: every value given, in order. */
  extra: Map<string, string[]>;
  arch: string;
  /** Bytes a file read whole may have (--max-file-size). */
  maxFileSize: number;
  quiet: boolean;
  /** Say on stderr how each input was read (layouts, sections). */
  verbose: boolean;
  help: boolean;
  version: boolean;
  /** Positional arguments left for the command. */
  rest: string[];
}

export const DEFAULT_DEBUGFS = '/sys/kernel/debug';

/** `--debugfs` takes the next argument only when it is an existing directory. */
const isDirectory = (a: string) => {
  try {
    return statSync(a).isDirectory();
  } catch {
    return false;
  }
};

/** The option's value: `--opt=V`, or the next argument whatever it looks like (`--errno -EINVAL`). */
function takeValue(argv: string[], i: number, name: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) return [inline, i];
  const v = argv[i + 1];
  if (v === undefined || v === '--') throw new UsageError(`option ${name} needs a value`);
  return [v, i + 1];
}

const SUFFIX: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size in bytes: a positive integer, optionally with a K, M or G suffix (powers of 1024). */
export function parseSize(v: string, name = '--max-file-size'): number {
  const m = /^([0-9]+)([kmg]?)$/i.exec(v.trim());
  const n = m ? Number(m[1]) * SUFFIX[m[2]!.toLowerCase()]! : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${name} takes a positive number of bytes, optionally with K, M or G (e.g. 64M), got '${v}'`);
  return n;
}

export function parseGlobal(argv: string[], allowed: ExtraOptions = {}): GlobalOptions {
  const o: GlobalOptions = { selection: { kind: 'default' }, format: 'plain', formatGiven: false, extra: new Map(), arch: 'generic', maxFileSize: DEFAULT_MAX_FILE_SIZE, quiet: false, verbose: false, help: false, version: false, rest: [] };
  const sources: string[] = [];
  const chosen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { o.rest.push(...argv.slice(i + 1)); break; }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    switch (name) {
      case '-h': case '--help': o.help = true; break;
      case '-V': case '--version': o.version = true; break;
      case '-q': case '--quiet': o.quiet = true; break;
      case '-v': case '--verbose': o.verbose = true; break;
      case '-f': case '--format': {
        const [v, j] = takeValue(argv, i, name, inline);
        i = j;
        o.format = v.toLowerCase();
        o.formatGiven = true;
        break;
      }
      case '--arch': { const [v, j] = takeValue(argv, i, name, inline); i = j; o.arch = v; break; }
      case '--max-file-size': { const [v, j] = takeValue(argv, i, name, inline); i = j; o.maxFileSize = parseSize(v); break; }
      case '--source': { const [v, j] = takeValue(argv, i, name, inline); i = j; sources.push(v); chosen.add('--source'); break; }
      case '--vmlinux': {
        const [v, j] = takeValue(argv, i, name, inline);
        i = j;
        chosen.add('--vmlinux');
        o.selection = { kind: 'vmlinux', path: v };
        break;
      }
      case '--debugfs': {
        chosen.add('--debugfs');
        let root = inline ?? DEFAULT_DEBUGFS;
        const next = argv[i + 1];
        if (inline === undefined && next !== undefined && isDirectory(next)) { root = next; i++; }
        o.selection = { kind: 'debugfs', root };
        break;
      }
      default:
        if (own(allowed, name)) {
          const list = o.extra.get(name) ?? [];
          if (allowed[name] === 'value') {
            const [v, j] = takeValue(argv, i, name, inline);
            i = j;
            list.push(v);
          } else list.push('');
          o.extra.set(name, list);
          break;
        }
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
        o.rest.push(a);
    }
  }
  if (chosen.size > 1) throw new UsageError(`${[...chosen].join(', ')} cannot be used together`);
  if (sources.length) o.selection = { kind: 'source', paths: sources };
  return o;
}

/** Checks -f against the formats a command writes. */
export function checkFormat(o: GlobalOptions, formats: readonly string[], fallback: string): string {
  const f = o.formatGiven ? o.format : fallback;
  if (!formats.includes(f)) throw new UsageError(`unknown output format '${o.format}' (expected ${formats.join(', ')})`);
  return f;
}
