// Diagnostics: the one way every stage reports bad input. In: code, severity, position, message.
// Out: sorted, formatted lines. Stages never throw for bad input; they report here and go on.

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  /** Stable kebab-case code, listed in CODES. */
  code: DiagCode;
  severity: Severity;
  /** `file:line:col` or `file+0xOFFSET` or a bare path. */
  at: string;
  /** Lower case, names the offending thing and what was expected, no trailing period. */
  message: string;
  /** The spec the diagnostic concerns, when there is one. */
  spec?: string;
}

/** Every diagnostic code with its default severity and a line for the docs. */
export const CODES = {
  'unreadable': { severity: 'error', doc: 'a path could not be read' },
  'not-regular': { severity: 'error', doc: 'a FIFO, device, socket or directory where a regular file is read; never opened' },
  'too-large': { severity: 'error', doc: 'a file larger than the read limit (--max-file-size); skipped' },
  'count-mismatch': { severity: 'warning', doc: 'a count written in the source disagrees with the entries' },
  'unterminated-spec': { severity: 'error', doc: 'a spec has no end before the end of the file' },
  'bad-syntax': { severity: 'error', doc: 'a spec could not be parsed at this point' },
  'too-deep': { severity: 'error', doc: 'an expression or initializer nested deeper than kapi follows (256 levels)' },
  'unknown-macro': { severity: 'warning', doc: 'a KAPI_* macro kapi does not know' },
  'unknown-field': { severity: 'warning', doc: 'a designated initializer field kapi does not know' },
  'unknown-tag': { severity: 'warning', doc: 'a kernel-doc spec tag kapi does not know' },
  'unknown-param': { severity: 'error', doc: 'a parameter block names a parameter the signature lacks' },
  'unknown-context': { severity: 'error', doc: 'a context name outside the known set' },
  'unknown-token': { severity: 'error', doc: 'a type, flag, kind or action name outside the known set' },
  'unknown-errno': { severity: 'error', doc: 'an error name that is not an errno' },
  'errno-mismatch': { severity: 'warning', doc: 'an error code and its name disagree' },
  'bad-constraint': { severity: 'error', doc: 'a constraint that cannot be parsed' },
  'bad-value': { severity: 'error', doc: 'a value of the wrong shape (number, yes/no, list)' },
  'duplicate-spec': { severity: 'error', doc: 'two specs with the same name' },
  'duplicate-entry': { severity: 'warning', doc: 'the same index or name twice in one list' },
  'no-function': { severity: 'error', doc: 'a kernel-doc spec not followed by the function it describes' },
  'bad-json': { severity: 'error', doc: 'a JSON snapshot that is not valid kapi JSON' },
  'not-implemented': { severity: 'error', doc: 'a source kind this version cannot read yet' },
  'bad-elf': { severity: 'error', doc: 'a file that is not a readable ELF file, a range outside it, or a table, index or record in it that is cut short or out of range' },
  'bad-image': { severity: 'error', doc: 'an x86 bzImage whose setup header or compressed payload kapi cannot read: a boot protocol before 2.08, a payload outside the file, an unknown, corrupt or over-limit compression' },
  'no-specs': { severity: 'error', doc: 'an ELF file or debugfs tree without kernel API specifications' },
  'unknown-layout': { severity: 'error', doc: '.kapi_specs holds data in no layout kapi knows' },
  'bad-count': { severity: 'error', doc: 'a count in a binary record larger than its array' },
  'bad-btf': { severity: 'warning', doc: 'BTF or DWARF type information kapi cannot use' },
  'bad-magic': { severity: 'warning', doc: 'a PATCH v4 magic word that is not in place' },
  'bad-debugfs': { severity: 'error', doc: 'a debugfs file kapi cannot parse' },
  'bad-condition': { severity: 'warning', doc: 'a kapi-cond or kapi-unprovokable tag kapi cannot read' },
  'bad-effect': { severity: 'warning', doc: 'a kapi-effect, kapi-effect-case or kapi-unobservable tag kapi cannot read' },
  'cannot-run': { severity: 'error', doc: 'a syscall spec kapi conform cannot turn into cases (unknown syscall, impossible sizes)' },
} as const satisfies Record<string, { severity: Severity; doc: string }>;

export type DiagCode = keyof typeof CODES;

/** Collects diagnostics; passed down to every stage. */
export class DiagSink {
  readonly items: Diagnostic[] = [];

  report(code: DiagCode, at: string, message: string, spec?: string): void {
    const d: Diagnostic = { code, severity: CODES[code].severity, at, message };
    if (spec !== undefined) d.spec = spec;
    this.items.push(d);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }
}

/** Splits `file:line:col` into parts for sorting; binaries and bare paths sort by text. */
function sortKey(at: string): [string, number, number] {
  const m = /^(.*):(\d+):(\d+)$/.exec(at);
  if (m) return [m[1]!, Number(m[2]), Number(m[3])];
  return [at, 0, 0];
}

export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    const [fa, la, ca] = sortKey(a.at);
    const [fb, lb, cb] = sortKey(b.at);
    if (fa !== fb) return fa < fb ? -1 : 1;
    return la - lb || ca - cb || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}

/**
 * Characters that must not reach a terminal raw: C0 controls (newline and tab too), DEL, C1
 * controls, the line and paragraph separators, and the bidirectional controls.
 */
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** Text with every control character written as `\xNN` or `\uNNNN`; `keep` lists ones left as they are. */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : escapeOne(c)));
}

/** A short, escaped excerpt of input text for a message: at most `max` characters, then `...`. */
export function excerpt(text: string, max = 60): string {
  const cut = [...text.slice(0, max * 2)].slice(0, max).join('');
  return escapeControls(cut) + (cut.length < text.length ? '...' : '');
}

/** `file:line:col: severity[code]: message` — the one diagnostic format, control characters escaped. */
export function formatDiagnostic(d: Diagnostic): string {
  const spec = d.spec ? ` (in ${d.spec})` : '';
  return escapeControls(`${d.at}: ${d.severity}[${d.code}]: ${d.message}${spec}`);
}
