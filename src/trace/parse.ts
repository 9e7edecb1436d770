// strace output -> syscall events. Handles `-f` pid prefixes (`1234 ` and `[pid 1234] `), `-t`,
// `-tt` and `-ttt` timestamps, `-T` durations, `-X raw` and decoded arguments, `<unfinished ...>` /
// `<... resumed>` pairs, signals and exits. Lines it cannot read are reported by number, and the
// rest of the log is still read. Never throws on input.

export interface TraceEvent {
  /** 1-based line number (of the resumed line for joined pairs). */
  line: number;
  raw: string;
  pid?: number;
  name: string;
  /** Top-level arguments as printed. */
  args: string[];
  /** Undefined when the call did not return (`= ?`) or the log ended before it did. */
  ret?: bigint;
  errno?: string;
}

export interface Other { line: number; kind: 'signal' | 'exit' | 'killed'; pid?: number; detail: string }

export interface TraceProblem { line: number; message: string }

/** Longest line examined; longer ones are reported and skipped (strace truncates its own). */
export const MAX_LINE = 1 << 20;

const PREFIX = /^(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?(?:(\d{2}:\d{2}:\d{2}(?:\.\d+)?|\d+\.\d+)\s+)?/;
const RESULT = /\)\s*=\s*(\?|-?\d+|0x[0-9a-fA-F]+)(?:\s+([A-Z][A-Z0-9_]*)\s*(?:\([^)]*\))?)?(?:\s+\([^)]*\))?(?:\s+<[\d.]+>)?\s*$/;

/** Splits an argument list at top-level commas; strings, brackets and comments nest. */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      cur += s.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const j = s.indexOf('*/', i + 2);
      cur += s.slice(i, j < 0 ? s.length : j + 2);
      i = j < 0 ? s.length : j + 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== '' || out.length) out.push(cur.trim());
  return out;
}

/** Index of the `)` that closes the argument list opened at `open`, or -1. */
function closeParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) return i;
  }
  return -1;
}

/** Incremental parser: feed lines in order, collect events. */
export class TraceParser {
  readonly events: TraceEvent[] = [];
  readonly others: Other[] = [];
  readonly problems: TraceProblem[] = [];
  /** Unfinished calls by pid (or -1 without pids). */
  private readonly pending = new Map<number, { name: string; head: string; line: number }>();
  private n = 0;

  /**
   * `defaultPid` applies to logs written with `--output-separately` (FILE.PID). With `onEvent`,
   * events are handed over as they complete instead of being kept (for logs of any size).
   */
  constructor(private readonly defaultPid?: number, private readonly onEvent?: (e: TraceEvent) => void) {}

  push(raw: string): void {
    const lineNo = ++this.n;
    if (raw.length > MAX_LINE) {
      this.problems.push({ line: lineNo, message: `line is ${raw.length} bytes long; skipped` });
      return;
    }
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const pre = PREFIX.exec(line)!;
    const pid = pre[1] ? Number(pre[1]) : pre[2] ? Number(pre[2]) : this.defaultPid;
    const body = line.slice(pre[0].length);
    if (body.startsWith('--- ')) {
      this.others.push({ line: lineNo, kind: 'signal', ...(pid !== undefined ? { pid } : {}), detail: body.replace(/^--- | ---$/g, '') });
      return;
    }
    if (body.startsWith('+++ ')) {
      const killed = /killed by/.test(body);
      this.others.push({ line: lineNo, kind: killed ? 'killed' : 'exit', ...(pid !== undefined ? { pid } : {}), detail: body.replace(/^\+\+\+ | \+\+\+$/g, '') });
      return;
    }
    const resumed = /^<\.\.\. ([A-Za-z_][A-Za-z0-9_]*) resumed>\s?(.*)$/.exec(body);
    if (resumed) {
      const p = this.pending.get(pid ?? -1);
      if (!p || p.name !== resumed[1]) {
        this.problems.push({ line: lineNo, message: `'${resumed[1]}' resumed without an unfinished call` });
        return;
      }
      this.pending.delete(pid ?? -1);
      this.call(`${p.head}${resumed[2]}`, lineNo, raw, pid);
      return;
    }
    const unfinished = /^([A-Za-z_][A-Za-z0-9_]*)\((.*) <unfinished \.\.\.>$/.exec(body);
    if (unfinished) {
      const given = unfinished[2]!.replace(/[,\s]+$/, '');
      this.pending.set(pid ?? -1, { name: unfinished[1]!, head: `${unfinished[1]}(${given}${given ? ', ' : ''}`, line: lineNo });
      return;
    }
    this.call(body, lineNo, raw, pid);
  }

  private call(body: string, lineNo: number, raw: string, pid: number | undefined): void {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\(/.exec(body);
    if (!m) {
      this.problems.push({ line: lineNo, message: 'not a syscall, signal or exit line' });
      return;
    }
    const open = m[1]!.length;
    const close = closeParen(body, open);
    const res = close >= 0 ? RESULT.exec(body.slice(close)) : null;
    if (close < 0 || !res) {
      this.problems.push({ line: lineNo, message: `cannot read the result of '${m[1]}'` });
      return;
    }
    const ev: TraceEvent = { line: lineNo, raw, name: m[1]!, args: splitArgs(body.slice(open + 1, close).replace(/,\s*$/, '')) };
    if (pid !== undefined) ev.pid = pid;
    if (res[1] !== '?') {
      ev.ret = BigInt(res[1]!);
      if (res[2]) ev.errno = res[2];
    }
    if (this.onEvent) this.onEvent(ev);
    else this.events.push(ev);
  }

  /** Calls still unfinished at the end of the log. */
  finish(): void {
    for (const [, p] of this.pending) this.problems.push({ line: p.line, message: `'${p.name}' is never resumed` });
    this.pending.clear();
  }
}
