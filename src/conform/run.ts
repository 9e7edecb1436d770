// Compiling and running the planned cases, and judging each outcome against the spec. The program
// (emit.ts) runs every case in the sandbox of sandbox.ts, under a scratch directory kapi creates
// and always removes. Results stream back as `# result` lines, so the cases that finished are
// kept whatever happens to the rest: a run cut short by its time limit, a signal to kapi, or a
// program that dies.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiSpec } from '../model/types.js';
import { errnoName } from '../sources/consts/index.js';
import { emitProgram } from './emit.js';
import type { Case } from './plan.js';

export interface Outcome {
  case: Case;
  /** Return value, when the call returned. */
  ret?: bigint;
  errno?: string;
  /** How the case ended: `exit N`, `signal N`, `timeout after N ms`, `sandbox: WHY`, `skip: WHY`, `not run`. */
  end: string;
  pass: boolean;
  /** Why it failed, naming what was expected and what happened. */
  reason?: string;
  /** What the failing call changed, by the atomicity check (`fd:5:offset`, `mappings`, ...). */
  changed?: string;
  /** A passing case's remark: a difference the spec documents for this filesystem (`kapi-fs`). */
  note?: string;
  /** How many claimed effects the successful call was checked for; absent when none were. */
  effects?: number;
  /**
   * Why the case was skipped: a fixture found the kernel (or the scratch directory's filesystem)
   * lacks what the case needs (`sb_skip`). A skipped case is not a failure (KTAP
   * `ok N WHAT # SKIP WHY`), never counted as passed, and provokes nothing.
   */
  skip?: string;
}

/** What the program says of a successful call's effects: how many claims it checked, and the first problem. */
export interface EffectReport { checked: number; problem?: string }

export class BuildError extends Error {}

/** Did a successful return look like what the spec's return check says? */
function successMatches(spec: ApiSpec, ret: bigint): string | undefined {
  const r = spec.return;
  switch (r?.check) {
    case 'fd': return ret >= 0n ? undefined : `expected a descriptor, got ${ret}`;
    case 'exact': return r.success?.value === undefined || ret === r.success.value ? undefined : `expected ${r.success.text}, got ${ret}`;
    case 'range': {
      const lo = r.success_min?.value, hi = r.success_max?.value;
      return (lo === undefined || ret >= lo) && (hi === undefined || ret <= hi) ? undefined : `expected ${r.success_min?.text} .. ${r.success_max?.text}, got ${ret}`;
    }
    case 'no_return': return `expected no return, but it returned ${ret}`;
    default: return ret >= 0n ? undefined : `expected success, got ${ret}`;
  }
}

/**
 * Judges one case. `changed` names what a failing call changed (the program's atomicity check);
 * that fails the case unless the spec declares the error `kapi-nonatomic:`. On a filesystem
 * (`--fs`), a failure the spec records for it in a `kapi-fs` tag (plan.ts: `Case.fsAllow`)
 * passes, with the tag's reason as a note.
 */
export function judge(spec: ApiSpec, c: Case, ret: bigint | undefined, errno: string | undefined, end: string, how: { changed?: string; fs?: string; effects?: EffectReport } = {}): Outcome {
  const o = judgeSpec(spec, c, ret, errno, end, how.changed);
  if (how.effects) judgeEffects(spec, c, o, how.effects);
  const fs = how.fs;
  if (o.pass || !fs || ret === undefined) return o;
  // A documented difference: the call failed with an errno recorded for this filesystem, or it
  // succeeded where the spec predicts an error and the filesystem is recorded as SUCCESS, or it
  // succeeded but a claimed effect was not seen and the filesystem is recorded as EFFECT.
  const effect = c.expect.kind === 'success' && ret >= 0n && o.reason?.startsWith('claimed effect ') ? 'EFFECT' : undefined;
  const got = ret < 0n ? errno : c.expect.kind === 'errno' ? 'SUCCESS' : effect;
  if (!got) return o;
  const known = c.fsAllow?.find((a) => a.fs === fs && a.errnos.includes(got));
  if (!known) return o;
  const r: Outcome = { ...o, pass: true, note: `documented difference on ${fs} (${got === 'SUCCESS' ? 'succeeds' : got === 'EFFECT' ? 'effect not seen' : got}): ${known.reason}` };
  delete r.reason;
  return r;
}

/** A successful call's effects: every claim that applies seen, every change seen claimed. */
function judgeEffects(spec: ApiSpec, c: Case, o: Outcome, e: EffectReport): void {
  if (c.expect.kind !== 'success' || o.ret === undefined || o.ret < 0n) return;
  o.effects = e.checked;
  if (!o.pass || !e.problem) return;
  const names = (spec.params ?? []).map((p) => p.name);
  const argName = (t: string) => t.replace(/\barg([0-5])\b/g, (m, i: string) => names[Number(i)] ?? m);
  const missing = /^missing (\d+) (.*)$/.exec(e.problem);
  const unclaimed = /^unclaimed (.*)$/.exec(e.problem);
  o.pass = false;
  if (missing) {
    const k = Number(missing[1]);
    const cl = c.effects?.claims[k];
    o.reason = cl ? `claimed effect '${cl.text}' (${c.effects!.blocks[k]}) not seen: ${argName(missing[2]!)}` : `a claimed effect was not seen: ${argName(missing[2]!)}`;
  } else if (unclaimed) {
    o.reason = `the call changed ${argName(unclaimed[1]!)}, which no kapi-effect of the spec claims`;
  } else {
    o.reason = `effects: ${e.problem}`;
  }
}

function judgeSpec(spec: ApiSpec, c: Case, ret: bigint | undefined, errno: string | undefined, end: string, changed?: string): Outcome {
  const o: Outcome = { case: c, end, pass: false };
  if (ret !== undefined) o.ret = ret;
  if (errno) o.errno = errno;
  if (changed) o.changed = changed;
  const r = judgeReturn(spec, c, o, ret, errno, end);
  const nonatomic = (spec.errors ?? []).some((e) => e.name === errno && e.ext?.['kapi-nonatomic'] !== undefined);
  if (r.pass && changed && !nonatomic) {
    r.pass = false;
    r.reason = `the call failed with ${errno} but changed ${changed} (a failing call must leave the state as it was; kapi-nonatomic declares an exception)`;
  }
  return r;
}

function judgeReturn(spec: ApiSpec, c: Case, o: Outcome, ret: bigint | undefined, errno: string | undefined, end: string): Outcome {
  // Only the program's sb_skip ends a case so, before any call (a case that returned was not skipped).
  if (end.startsWith('skip: ') && ret === undefined) {
    o.pass = true;
    o.skip = end.slice(6);
    return o;
  }
  if (end.startsWith('sandbox:') || end === 'not run') {
    o.reason = `not run: ${end === 'not run' ? 'the run ended before this case' : `the ${end}`}`;
    return o;
  }
  const got = ret === undefined ? `no return (${end})` : ret < 0n ? `-1, errno ${errno}` : `${ret}`;
  if (c.expect.kind === 'success') {
    if (ret === undefined) {
      o.pass = spec.return?.check === 'no_return' && end === 'exit 0';
      if (!o.pass) o.reason = `expected success, got ${got}`;
      return o;
    }
    const bad = ret < 0n ? `expected success, got ${got}` : successMatches(spec, ret);
    o.pass = !bad;
    if (bad) o.reason = bad;
    return o;
  }
  o.pass = ret !== undefined && ret < 0n && !!errno && c.expect.errnos.includes(errno);
  if (!o.pass) o.reason = `expected ${c.expect.any ? 'one of the listed errors' : c.expect.errnos.join(' or ')}, got ${got}`;
  return o;
}

/** A result line of the program: `    # result ID ret RET ERRNO [changed WHAT] [effects N] end HOW` or `... none end HOW`. */
const RESULT = /^ {4}# result (\d+) (?:ret (-?\d+) (\d+)(?: changed ([!-~]+))?(?: effects (\d+))?|none) end ([ -~]*)$/;
/** The line before it when a successful call's effects are not as claimed: `    # effect ID WHY`. */
const EFFECT = /^ {4}# effect (\d+) ((?:missing \d+|unclaimed) [ -~]{1,300})$/;

/** Collects the outcomes of the result lines in a program's output, by case index. */
export class ResultReader {
  readonly outcomes = new Map<number, Outcome>();
  private partial = '';
  private readonly effect = new Map<number, string>();

  /** fs: the filesystem the scratch directory is on (`--fs`), for the spec's `kapi-fs` tags. */
  constructor(private readonly specs: Map<string, ApiSpec>, private readonly cases: readonly Case[], private readonly fs?: string) {}

  /** Feeds output as it arrives; lines may be split anywhere. */
  feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    // A line longer than any result line is noise (a guest's console); drop it, never keep it.
    if (this.partial.length > 4096) this.partial = '';
    for (const l of lines) this.line(l.replace(/\r$/, ''));
  }

  line(l: string): void {
    const f = EFFECT.exec(l);
    if (f) {
      if (!this.effect.has(Number(f[1]))) this.effect.set(Number(f[1]), f[2]!);
      return;
    }
    const m = RESULT.exec(l);
    if (!m) return;
    const id = Number(m[1]);
    const c = this.cases[id];
    if (!c || this.outcomes.has(id)) return;
    const ret = m[2] !== undefined ? BigInt(m[2]) : undefined;
    const errno = ret !== undefined && ret < 0n ? errnoName(Number(m[3])) ?? `errno ${m[3]}` : undefined;
    const how: { changed?: string; fs?: string; effects?: EffectReport } = {};
    if (m[4]) how.changed = m[4];
    if (m[5] !== undefined) {
      const problem = this.effect.get(id);
      how.effects = problem ? { checked: Number(m[5]), problem } : { checked: Number(m[5]) };
    }
    if (this.fs) how.fs = this.fs;
    this.outcomes.set(id, judge(this.specs.get(c.api)!, c, ret, errno, m[6]!, how));
  }

  /** Every case in order; those with no result line are `not run`. */
  all(): Outcome[] {
    this.feed('\n');
    return this.cases.map((c, i) => this.outcomes.get(i) ?? judge(this.specs.get(c.api)!, c, undefined, undefined, 'not run', this.fs ? { fs: this.fs } : {}));
  }
}

export interface RunOptions {
  cc?: string;
  /** Wall-clock limit per case, in milliseconds. */
  timeoutMs?: number;
  keep?: boolean;
  /** Cases run as nobody, with no capabilities. */
  unprivileged?: boolean;
}

export interface RunResult {
  outcomes: Outcome[];
  /** Set when the run did not finish: why (interrupted, the program died, out of time). */
  cut?: string;
}

/**
 * Makes a private working directory (mode 0700: the cases reach their part of it through a bind
 * mount, never through its path) with the program's scratch directory in it.
 */
export function workDir(prefix: string): { dir: string; scratch: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const scratch = join(dir, 'scratch');
  mkdirSync(scratch, 0o700);
  chmodSync(dir, 0o700);
  return { dir, scratch };
}

/** Writes and compiles the program for the cases into dir; returns the binary's path. */
export function buildProgram(dir: string, specs: Map<string, ApiSpec>, cases: readonly Case[], opts: RunOptions, timeoutMs: number): string {
  const src = join(dir, 'conform.c');
  const bin = join(dir, 'conform');
  writeFileSync(src, emitProgram(cases, specs, { timeoutMs, unprivileged: !!opts.unprivileged, origin: 'kapi conform' }));
  const cc = spawnSync(opts.cc ?? 'cc', ['-O0', '-w', '-o', bin, src], { encoding: 'utf8' });
  if (cc.error) throw new BuildError(`cannot run the C compiler '${opts.cc ?? 'cc'}': ${cc.error.message}`);
  if (cc.status !== 0) throw new BuildError(`the generated C does not compile:\n${cc.stderr}`);
  return bin;
}

/** The running test program, so that a signal handler can stop it. */
export interface Running { stop(reason: string): void }

/**
 * Runs the compiled program once over a scratch directory. `onStart` gets a handle to stop it
 * (the caller's signal handlers use it); the run's own guard stops a program that stopped moving.
 */
export function runProgram(bin: string, cwd: string, scratch: string, reader: ResultReader, ncases: number, timeoutMs: number,
  onStart: (r: Running | undefined) => void): Promise<string | undefined> {
  return new Promise<string | undefined>((resolve) => {
    const child = spawn(bin, [scratch], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let why: string | undefined;
    let stderr = '';
    const stop = (reason: string) => {
      why ??= reason;
      child.kill('SIGKILL');
    };
    onStart({ stop });
    // Each case has its own limit inside; this one only catches a program that stopped moving.
    const guard = setTimeout(() => stop('the run took longer than all its cases may'), (timeoutMs + 2000) * ncases + 30_000);
    child.stdout.setEncoding('utf8').on('data', (t: string) => reader.feed(t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => { if (stderr.length < 4096) stderr += t; });
    child.on('error', (e) => stop(`cannot run the test program: ${e.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      onStart(undefined);
      if (!why && signal) why = `the test program was killed by ${signal}${stderr ? `: ${stderr.trim()}` : ''}`;
      if (!why && code !== 0 && code !== 1) why = `the test program exited with status ${code}${stderr ? `: ${stderr.trim()}` : ''}`;
      resolve(why);
    });
  });
}

/** Compiles and runs the cases; returns an outcome per case, in order. */
export async function runCases(specs: Map<string, ApiSpec>, cases: readonly Case[], opts: RunOptions = {}): Promise<RunResult> {
  if (!cases.length) return { outcomes: [] };
  const timeoutMs = opts.timeoutMs ?? 5000;
  const { dir, scratch } = workDir('kapi-conform-');
  try {
    const bin = buildProgram(dir, specs, cases, opts, timeoutMs);
    const reader = new ResultReader(specs, cases);
    let running: Running | undefined;
    let why: string | undefined;
    const onSignal = (sig: NodeJS.Signals) => { why ??= `interrupted by ${sig}`; running?.stop(why); };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('SIGHUP', onSignal);
    let cut: string | undefined;
    try {
      cut = await runProgram(bin, dir, scratch, reader, cases.length, timeoutMs, (r) => { running = r; });
    } finally {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeListener(s, onSignal);
    }
    const r: RunResult = { outcomes: reader.all() };
    if (cut) r.cut = cut;
    return r;
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}
