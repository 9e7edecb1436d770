// argv -> options, shared by every command: the spec selection (--source, --vmlinux,
// --debugfs [DIR]) and the output format (-f). Pure: errors come back as UsageError.

export class UsageError extends Error {}

export const FORMATS = ['plain', 'json', 'rst', 'man'] as const;
export type Format = (typeof FORMATS)[number];

export type Selection =
  | { kind: 'default' }
  | { kind: 'source'; paths: string[] }
  | { kind: 'vmlinux'; path: string }
  | { kind: 'debugfs'; root: string };

export interface GlobalOptions {
  selection: Selection;
  format: Format;
  arch: string;
  quiet: boolean;
  /** Say on stderr how each input was read (layouts, sections). */
  verbose: boolean;
  help: boolean;
  version: boolean;
  /** Positional arguments left for the command. */
  rest: string[];
}

export const DEFAULT_DEBUGFS = '/sys/kernel/debug';

/** Does this argument look like a debugfs directory rather than an API name? */
const looksLikePath = (a: string) => a.includes('/') || a === '.' || a === '..';

function takeValue(argv: string[], i: number, name: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) return [inline, i];
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`option ${name} needs a value`);
  return [v, i + 1];
}

export function parseGlobal(argv: string[]): GlobalOptions {
  const o: GlobalOptions = { selection: { kind: 'default' }, format: 'plain', arch: 'generic', quiet: false, verbose: false, help: false, version: false, rest: [] };
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
        const f = v.toLowerCase();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown output format '${v}' (expected ${FORMATS.join(', ')})`);
        o.format = f as Format;
        break;
      }
      case '--arch': { const [v, j] = takeValue(argv, i, name, inline); i = j; o.arch = v; break; }
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
        if (inline === undefined && next !== undefined && looksLikePath(next)) { root = next; i++; }
        o.selection = { kind: 'debugfs', root };
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
        o.rest.push(a);
    }
  }
  if (chosen.size > 1) throw new UsageError(`${[...chosen].join(', ')} cannot be used together`);
  if (sources.length) o.selection = { kind: 'source', paths: sources };
  return o;
}
