// strace output -> syscall events. Handles `-f` pid prefixes (`1234 ` and `[pid 1234] `), `-t`,
// `-tt` and `-ttt` timestamps, `-T` durations, `-X raw` and decoded arguments, `<unfinished ...>` /
// `<... resumed>` pairs, signals and exits. Lines it cannot read are reported by number, and the
// rest of the log is still read. Never throws on input, and every line costs time linear in its
// length: the line is read by hand-written scanning, no regular expression that can backtrack.
// With a sink, events, signals and problems are handed over as they come, never kept.

import { MAX_LINE } from './lines.js';

export { MAX_LINE };

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

/** Where the parser's output goes; a kind without a handler is collected in the parser's arrays. */
export interface TraceSink {
  event?(e: TraceEvent): void;
  other?(o: Other): void;
  problem?(p: TraceProblem): void;
}

/** Unfinished calls kept at most (their text), beyond which the oldest are dropped and reported. */
export const MAX_PENDING_BYTES = 64 << 20;

/** Longest number read as a value (64-bit values need 23 characters at most). */
const MAX_NUMBER = 40;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => isDigit(c) || (c !== undefined && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
const isIdentStart = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || isUpper(c) || c === '_');
const isIdent = (c: string | undefined) => isIdentStart(c) || isDigit(c);

/** Index after the run of characters from `i` that `ok` accepts. */
function run(s: string, i: number, ok: (c: string | undefined) => boolean): number {
  while (i < s.length && ok(s[i])) i++;
  return i;
}

/** Index after the identifier at `i`, or `i` when there is none. */
function identEnd(s: string, i: number): number {
  return isIdentStart(s[i]) ? run(s, i + 1, isIdent) : i;
}

/** A name as shown in a message: over-long ones are cut. */
export function shown(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}...` : name;
}

/**
 * The `-f` pid and `-t`/`-tt`/`-ttt` timestamp prefix: `[pid N] ` or `N `, then `HH:MM:SS[.us] `
 * or `SECS.us `. Returns the pid and where the body starts.
 */
export function linePrefix(line: string): { pid?: number; at: number } {
  let at = 0;
  let pid: number | undefined;
  const digits = (from: number, to: number) => (to > from && to - from <= 10 ? Number(line.slice(from, to)) : undefined);
  if (line.startsWith('[pid')) {
    const d = run(line, 4, isSpace);
    const e = run(line, d, isDigit);
    const s = line[e] === ']' ? run(line, e + 1, isSpace) : e;
    if (d > 4 && s > e + 1 && digits(d, e) !== undefined) {
      pid = digits(d, e);
      at = s;
    }
  } else {
    const e = run(line, 0, isDigit);
    const s = run(line, e, isSpace);
    if (s > e && digits(0, e) !== undefined) {
      pid = digits(0, e);
      at = s;
    }
  }
  const e = run(line, at, isDigit);
  let t = -1;
  if (e - at === 2 && line[e] === ':' && isDigit(line[e + 1]) && isDigit(line[e + 2]) && line[e + 3] === ':' && isDigit(line[e + 4]) && isDigit(line[e + 5])) {
    t = e + 6;
    if (line[t] === '.' && isDigit(line[t + 1])) t = run(line, t + 1, isDigit);
  } else if (e > at && line[e] === '.' && isDigit(line[e + 1])) t = run(line, e + 1, isDigit);
  if (t >= 0) {
    const s = run(line, t, isSpace);
    if (s > t) at = s;
  }
  return pid === undefined ? { at } : { pid, at };
}

/**
 * The result after the `)` at `i`, to the end of the line:
 * `) = RET [ERRNO [(text)]] [(text)] [<secs>]`, RET being `?`, a decimal or a hex number.
 * Returns undefined when the tail is not of that form.
 */
export function resultTail(s: string, i: number): { ret?: string; errno?: string } | undefined {
  if (s[i] !== ')') return undefined;
  i = run(s, i + 1, isSpace);
  if (s[i] !== '=') return undefined;
  i = run(s, i + 1, isSpace);
  const out: { ret?: string; errno?: string } = {};
  if (s[i] === '?') i++;
  else {
    const start = i;
    if (s[i] === '0' && s[i + 1] === 'x' && isHex(s[i + 2])) i = run(s, i + 2, isHex);
    else {
      if (s[i] === '-') i++;
      const d = run(s, i, isDigit);
      if (d === i) return undefined;
      i = d;
    }
    out.ret = s.slice(start, i);
  }
  /** `\s+(text)` at `from`: the index after it, or `from`. */
  const paren = (from: number, needSpace: boolean) => {
    const p = run(s, from, isSpace);
    if ((needSpace && p === from) || s[p] !== '(') return from;
    const c = s.indexOf(')', p + 1);
    return c < 0 ? from : c + 1;
  };
  let sp = run(s, i, isSpace);
  if (sp > i && isUpper(s[sp])) {
    const e = run(s, sp + 1, (c) => isUpper(c) || isDigit(c) || c === '_');
    out.errno = s.slice(sp, e);
    i = paren(e, false);
  }
  i = paren(i, true);
  sp = run(s, i, isSpace);
  if (sp > i && s[sp] === '<') {
    const e = run(s, sp + 1, (c) => isDigit(c) || c === '.');
    if (e > sp + 1 && s[e] === '>') i = e + 1;
  }
  return run(s, i, isSpace) === s.length ? out : undefined;
}

/** Splits an argument list at top-level commas; strings, brackets and comments nest. */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const j = s.indexOf('*/', i + 2);
      i = j < 0 ? s.length : j + 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '' || out.length) out.push(last);
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

/** A number as printed (decimal, `-` decimal, `0x` hex) as a bigint; undefined when too long to be one. */
export function intOf(text: string): bigint | undefined {
  return text.length <= MAX_NUMBER ? BigInt(text) : undefined;
}

const UNFINISHED = ' <unfinished ...>';

interface Pending { name: string; head: string; line: number }

/** Incremental parser: feed lines in order, collect events. */
export class TraceParser {
  readonly events: TraceEvent[] = [];
  readonly others: Other[] = [];
  readonly problems: TraceProblem[] = [];
  /** Unfinished calls by pid (or -1 without pids), oldest first. */
  private readonly pending = new Map<number, Pending>();
  private pendingBytes = 0;
  private n = 0;
  private readonly sink: TraceSink;

  /**
   * `defaultPid` applies to logs written with `--output-separately` (FILE.PID). With a sink (or an
   * event handler), what it handles is handed over as it completes instead of being kept (for logs
   * of any size).
   */
  constructor(private readonly defaultPid?: number, sink: TraceSink | ((e: TraceEvent) => void) = {}) {
    this.sink = typeof sink === 'function' ? { event: sink } : sink;
  }

  /** Lines read so far (pushed or skipped). */
  get lines(): number {
    return this.n;
  }

  private problem(line: number, message: string): void {
    if (this.sink.problem) this.sink.problem({ line, message });
    else this.problems.push({ line, message });
  }

  private other(o: Other): void {
    if (this.sink.other) this.sink.other(o);
    else this.others.push(o);
  }

  /** A line too long to be read, by its length only (see `LineSplitter`). */
  skip(bytes: number): void {
    this.problem(++this.n, `line is ${bytes} bytes long, over the limit of ${MAX_LINE}; skipped`);
  }

  push(raw: string): void {
    const lineNo = ++this.n;
    if (raw.length > MAX_LINE) {
      this.problem(lineNo, `line is ${raw.length} bytes long, over the limit of ${MAX_LINE}; skipped`);
      return;
    }
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const pre = linePrefix(line);
    const pid = pre.pid ?? this.defaultPid;
    const key = pid ?? -1;
    const body = line.slice(pre.at);
    const withPid = pid !== undefined ? { pid } : {};
    if (body.startsWith('--- ')) {
      this.other({ line: lineNo, kind: 'signal', ...withPid, detail: body.slice(4, body.endsWith(' ---') && body.length >= 8 ? -4 : undefined) });
      return;
    }
    if (body.startsWith('+++ ')) {
      const kind = body.includes('killed by') ? 'killed' : 'exit';
      this.other({ line: lineNo, kind, ...withPid, detail: body.slice(4, body.endsWith(' +++') && body.length >= 8 ? -4 : undefined) });
      return;
    }
    if (body.startsWith('<... ')) {
      const e = identEnd(body, 5);
      if (e > 5 && body.startsWith(' resumed>', e)) {
        const name = body.slice(5, e);
        const p = this.pending.get(key);
        if (!p || p.name !== name) {
          this.problem(lineNo, `'${shown(name)}' resumed without an unfinished call`);
          return;
        }
        this.unpend(key, p);
        let rest = e + ' resumed>'.length;
        if (isSpace(body[rest])) rest++;
        this.call(`${p.head}${body.slice(rest)}`, lineNo, raw, pid);
        return;
      }
    }
    if (body.endsWith(UNFINISHED)) {
      const e = identEnd(body, 0);
      if (e > 0 && body[e] === '(') {
        let end = body.length - UNFINISHED.length;
        while (end > e + 1 && (body[end - 1] === ',' || isSpace(body[end - 1]))) end--;
        const name = body.slice(0, e);
        const given = body.slice(e + 1, end);
        const old = this.pending.get(key);
        if (old) {
          this.unpend(key, old);
          this.problem(old.line, `'${shown(old.name)}' is never resumed: line ${lineNo} starts '${shown(name)}' <unfinished ...> on the same ${pid !== undefined ? `pid (${pid})` : 'process'} before it`);
        }
        this.pend(key, { name, head: `${name}(${given}${given ? ', ' : ''}`, line: lineNo });
        return;
      }
    }
    this.call(body, lineNo, raw, pid);
  }

  private pend(key: number, p: Pending): void {
    this.pending.set(key, p);
    this.pendingBytes += p.head.length + 64;
    for (const [k, old] of this.pending) {
      if (this.pendingBytes <= MAX_PENDING_BYTES || k === key) break;
      this.unpend(k, old);
      this.problem(old.line, `'${shown(old.name)}' is not followed: more than ${MAX_PENDING_BYTES >> 20} MiB of unfinished calls are pending at line ${p.line}`);
    }
  }

  private unpend(key: number, p: Pending): void {
    this.pending.delete(key);
    this.pendingBytes -= p.head.length + 64;
  }

  private call(body: string, lineNo: number, raw: string, pid: number | undefined): void {
    const open = identEnd(body, 0);
    if (open === 0 || body[open] !== '(') {
      this.problem(lineNo, 'not a syscall, signal or exit line');
      return;
    }
    const name = body.slice(0, open);
    const close = closeParen(body, open);
    // The result is read from the closing parenthesis; failing that, from one of the last three
    // (a result tail holds at most three), so each line is read a bounded number of times.
    let res = close >= 0 ? resultTail(body, close) : undefined;
    if (!res && close >= 0) {
      const tries: number[] = [];
      for (let at = body.length; tries.length < 3; ) {
        at = body.lastIndexOf(')', at - 1);
        if (at <= close) break;
        tries.unshift(at);
      }
      for (const t of tries) if ((res = resultTail(body, t))) break;
    }
    const ret = res?.ret !== undefined ? intOf(res.ret) : undefined;
    if (close < 0 || !res || (res.ret !== undefined && ret === undefined)) {
      this.problem(lineNo, `cannot read the result of '${shown(name)}'`);
      return;
    }
    let args = body.slice(open + 1, close);
    let end = args.length;
    while (end > 0 && isSpace(args[end - 1])) end--;
    if (args[end - 1] === ',') args = args.slice(0, end - 1);
    const ev: TraceEvent = { line: lineNo, raw, name, args: splitArgs(args) };
    if (pid !== undefined) ev.pid = pid;
    if (ret !== undefined) {
      ev.ret = ret;
      if (res.errno) ev.errno = res.errno;
    }
    if (this.sink.event) this.sink.event(ev);
    else this.events.push(ev);
  }

  /** Calls still unfinished at the end of the log. */
  finish(): void {
    for (const [, p] of this.pending) this.problem(p.line, `'${shown(p.name)}' is never resumed`);
    this.pending.clear();
    this.pendingBytes = 0;
  }
}
