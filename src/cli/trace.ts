// `kapi check-trace FILE...`, `kapi trace -- CMD`, `kapi inject --api NAME -- CMD`: the specs
// against real syscalls, as strace sees them.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ApiSpec } from '../model/types.js';
import { isErrnoName, tableName } from '../sources/consts/index.js';
import { Checker } from '../trace/check.js';
import { commandProblem, execFailure, statOrWhy } from '../trace/command.js';
import { readLines } from '../trace/lines.js';
import { TraceParser, type TraceEvent } from '../trace/parse.js';
import { escapeControls, MAX_JSON_PROBLEMS, TraceReport } from '../trace/report.js';
import { checkFormat, UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';
import { findApi, loadOrExplain } from './load.js';

const EXIT_HELP = `Exit status: 0 no finding; 1 findings; 2 usage error, unreadable log, or a command that
cannot be run; 3 internal error. The traced program's own exit status is reported, not passed
through.`;

async function specsOf(o: GlobalOptions): Promise<ApiSpec[] | undefined> {
  const loaded = await loadOrExplain(o);
  return loaded ? [...loaded.specs] : undefined;
}

const say = (s: string) => process.stderr.write(`kapi: ${escapeControls(s)}\n`);

/** stdout in batches (64 KiB, or what one piece of a log found), written as the report is made;
 *  a closed stdout (EPIPE) ends it. */
class Output {
  private buf: string[] = [];
  private size = 0;
  broken = false;

  constructor() {
    process.stdout.on('error', () => {
      this.broken = true;
    });
  }

  readonly write = (s: string): void => {
    if (this.broken) return;
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 16) this.flush();
  };

  flush(): void {
    if (this.buf.length && !this.broken) process.stdout.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
}

/** Why a log cannot be read, before reading it: only regular files and pipes are logs. */
function logProblem(file: string): string | undefined {
  const st = statOrWhy(file);
  if (typeof st === 'string') return st;
  if (st.isDirectory()) return 'is a directory, not a strace log';
  if (!st.isFile() && !st.isFIFO()) return 'is not a regular file or a pipe; not read';
  return undefined;
}

interface Log { path: string; label: string }

/**
 * Checks logs line by line (any size, lines up to MAX_LINE), writing findings and unreadable lines
 * to `report` as they are found. `take` may keep an event from the checker. Logs that cannot be
 * read are said on stderr and counted; the others are still checked.
 */
async function checkLogs(logs: Log[], specs: ApiSpec[], report: TraceReport, out: Output, take?: (e: TraceEvent) => boolean): Promise<{ checker: Checker; unreadable: number }> {
  let label = '';
  const checker = new Checker(specs, (f) => report.finding({ ...f, file: label }));
  let unreadable = 0;
  for (const log of logs) {
    if (out.broken) break;
    label = log.label;
    const why = logProblem(log.path);
    if (why) {
      say(`${label}: ${why}`);
      unreadable++;
      continue;
    }
    const pid = /\.(\d{1,10})$/.exec(basename(log.path))?.[1];
    const parser = new TraceParser(pid ? Number(pid) : undefined, {
      event: (e) => {
        if (!take || take(e)) checker.check(e);
      },
      problem: (p) => report.problem({ ...p, file: label }),
      other: () => {},
    });
    try {
      await readLines(log.path, { line: (l) => parser.push(l), tooLong: (n) => parser.skip(n) }, undefined, () => {
        // What each piece of the log found goes out before the next is read (a log may be a pipe).
        out.flush();
        return out.broken;
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      say(`${label}: cannot be read after line ${parser.lines}: ${err.code ?? err.message}`);
      unreadable++;
    }
    parser.finish();
  }
  return { checker, unreadable };
}

/** Checks the logs and writes the report; the exit status. */
async function checkAndReport(o: GlobalOptions, format: 'text' | 'json', logs: Log[], specs: ApiSpec[], head: Record<string, unknown> = {}, take?: (e: TraceEvent) => boolean): Promise<number> {
  const out = new Output();
  const report = new TraceReport(format, out.write, head);
  let r: { checker: Checker; unreadable: number };
  try {
    r = await checkLogs(logs, specs, report, out, take);
    report.end(r.checker);
  } finally {
    out.flush();
  }
  if (report.problemsOmitted && !o.quiet) say(`${report.problemsOmitted} more unreadable lines are not listed in the JSON output (it keeps the first ${MAX_JSON_PROBLEMS}; -f text lists them all)`);
  return r.unreadable ? 2 : r.checker.count ? 1 : 0;
}

const formatOf = (o: GlobalOptions) => (checkFormat(o, ['text', 'plain', 'json'], 'text') === 'json' ? 'json' : 'text');

async function checkTrace(o: GlobalOptions): Promise<number> {
  if (!o.rest.length) throw new UsageError('kapi check-trace needs a strace log');
  const format = formatOf(o);
  const bad = o.rest.filter((f) => logProblem(f) !== undefined);
  if (bad.length === o.rest.length) {
    for (const f of bad) say(`${f}: ${logProblem(f)!}`);
    return 2;
  }
  const specs = await specsOf(o);
  if (!specs) return 2;
  return checkAndReport(o, format, o.rest.map((f) => ({ path: f, label: f })), specs);
}

function describeExit(r: ReturnType<typeof spawnSync>): string {
  return r.signal ? `killed by ${r.signal}` : `exited with ${r.status}`;
}

/** The command a user asked to run: a usage error when there is none, exit 2 when it cannot run. */
function runnable(o: GlobalOptions): boolean {
  const why = commandProblem(o.rest[0]!);
  if (why) say(`cannot run '${o.rest[0]!}': ${why}`);
  return why === undefined;
}

const logSize = (log: string) => {
  try {
    return statSync(log).size;
  } catch {
    return 0;
  }
};

/** After strace ran: whether the command itself started (said on stderr when not). */
async function started(o: GlobalOptions, r: ReturnType<typeof spawnSync>, log: string, execTraced: boolean): Promise<boolean> {
  if (r.status === 0) return true;
  if (logSize(log) === 0) {
    // With -q every program that ran leaves at least its `+++ exited` line.
    const own = typeof r.stderr === 'string' ? r.stderr.split('\n').find((l) => l.startsWith('strace: ')) : undefined;
    say(`strace could not run '${o.rest[0]!}' (${own ?? 'its message above says why'})`);
    return false;
  }
  const why = execTraced ? await execFailure(log) : undefined;
  if (why) say(`cannot run '${o.rest[0]!}': ${why}`);
  return why === undefined;
}

async function trace(o: GlobalOptions): Promise<number> {
  if (!o.rest.length) throw new UsageError('kapi trace needs a command: kapi trace [OPTIONS] -- CMD [ARGS]');
  const format = formatOf(o);
  if (!runnable(o)) return 2;
  const specs = await specsOf(o);
  if (!specs) return 2;
  const names = new Checker(specs).names;
  // execve is traced in any case: strace's own execve of CMD says whether CMD could start.
  const extraExec = !names.includes('execve');
  const dir = mkdtempSync(join(tmpdir(), 'kapi-trace-'));
  try {
    const log = join(dir, 'strace.log');
    const r = spawnSync('strace', ['-f', '-q', '-X', 'raw', '--seccomp-bpf', '-e', `trace=${[...names, ...(extraExec ? ['execve'] : [])].join(',')}`, '-o', log, '--', ...o.rest], { stdio: 'inherit' });
    if (r.error) {
      say(`cannot run strace: ${r.error.message}`);
      return 2;
    }
    if (!(await started(o, r, log, true))) return 2;
    return await checkAndReport(o, format, [{ path: log, label: 'trace' }], specs, { program: describeExit(r) }, extraExec ? (e) => e.name !== 'execve' : undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--errno` values: errno names (a leading `-` allowed), comma-separated or repeated. */
function errnosOf(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((e) => e.trim()).filter((e) => e !== '');
  if (!names.length) throw new UsageError('--errno needs errno names, such as --errno EINVAL,ENOMEM');
  for (const n of names) if (!isErrnoName(n.replace(/^-/, ''))) throw new UsageError(`unknown errno '${escapeControls(n)}' in --errno (expected names such as EINVAL)`);
  return [...new Set(names.map((n) => n.replace(/^-/, '')))];
}

/** Lines of a log showing a call of `name` (unfinished ones included). */
async function countCalls(log: string, name: string): Promise<number> {
  let n = 0;
  const call = `${name}(`;
  await readLines(log, {
    line: (l) => {
      if (l.startsWith(call) || l.includes(` ${call}`) || l.includes(`\t${call}`)) n++;
    },
    tooLong: () => {},
  });
  return n;
}

async function inject(o: GlobalOptions): Promise<number> {
  const api = o.extra.get('--api')?.at(-1);
  if (!api || !o.rest.length) throw new UsageError('kapi inject needs --api NAME and a command: kapi inject --api NAME -- CMD [ARGS]');
  const format = formatOf(o);
  const only = errnosOf(o.extra.get('--errno'));
  if (!runnable(o)) return 2;
  const specs = await specsOf(o);
  if (!specs) return 2;
  const spec = findApi(specs, api);
  if (!spec) {
    say(`API '${api}' not found`);
    return 1;
  }
  const name = tableName(spec.signature?.name ?? spec.name.replace(/^sys_/, ''));
  const listed = (spec.errors ?? []).map((e) => e.name);
  const errnos = only ?? listed;
  if (!errnos.length) throw new UsageError(`${spec.name} lists no errors; name the ones to inject with --errno`);
  const unlisted = errnos.filter((e) => !listed.includes(e));
  if (unlisted.length && !o.quiet) say(`${unlisted.join(', ')} ${unlisted.length > 1 ? 'are' : 'is'} not among the errors ${spec.name} lists; injected all the same`);
  const dir = mkdtempSync(join(tmpdir(), 'kapi-inject-'));
  const rows: { errno: string; listed: boolean; program: string; calls: number; retried: boolean }[] = [];
  try {
    for (const e of errnos) {
      const log = join(dir, `${e}.log`);
      const execTraced = name !== 'execve';
      const r = spawnSync('strace', ['-f', '-q', '-X', 'raw', '-o', log, '-e', `trace=${name}${execTraced ? ',execve' : ''}`, '-e', `inject=${name}:error=${e}:when=1`, '--', ...o.rest], { encoding: 'utf8', timeout: 60_000 });
      if (r.error) {
        say(`cannot run strace: ${r.error.message}`);
        return 2;
      }
      if (!(await started(o, r, log, execTraced))) return 2;
      const calls = await countCalls(log, name);
      rows.push({ errno: e, listed: listed.includes(e), program: describeExit(r), calls, retried: calls > 1 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (format === 'json') process.stdout.write(JSON.stringify({ api: spec.name, command: o.rest, results: rows }, null, 2) + '\n');
  else {
    process.stdout.write(escapeControls(`${spec.name}: the first ${name}() call of '${o.rest.join(' ')}' fails with each ${only ? 'errno given' : 'documented errno'}`) + '\n');
    for (const r of rows) process.stdout.write(`  ${r.errno.padEnd(14)} program ${r.program.padEnd(18)} ${name}() calls: ${r.calls}${r.retried ? ' (retried)' : ''}${r.listed ? '' : ` (not listed by ${spec.name})`}\n`);
  }
  return 0;
}

export const CHECK_TRACE: CommandModule = {
  run: checkTrace, options: {},
  help: `Usage: kapi check-trace [--source PATH...] [-f text|json] FILE...

Check an existing strace log (with or without -f pids, -t/-tt/-ttt timestamps, -X raw or
decoded arguments, <unfinished ...>/<... resumed> pairs; several FILE.PID logs from
--output-separately) against the specs: errnos a spec does not list, arguments a spec calls
invalid that the kernel accepted, EINVAL for arguments the spec calls valid, and calls that
return though the spec says they do not. Each finding names its line.

Logs of any size are read as a stream, and findings are written as they are found (text), or
one by one into the JSON 'findings' array. Lines that cannot be read, lines longer than 1 MiB,
and unpaired <unfinished ...>/<... resumed> lines are reported by number and the rest is still
checked; JSON lists the first 1000 of them and counts the rest in 'problems_omitted'. A log that
cannot be read (missing, a directory, a device) is said on stderr, the others are still checked,
and the exit status is 2.

${EXIT_HELP}
`,
};

export const TRACE: CommandModule = {
  run: trace, options: {},
  help: `Usage: kapi trace [--source PATH...] [-f text|json] -- CMD [ARGS...]

Run CMD under strace, tracing only the syscalls the specs cover (with --seccomp-bpf, so other
calls run at full speed), and check every traced call as 'kapi check-trace' does.

${EXIT_HELP}
`,
};

export const INJECT: CommandModule = {
  run: inject, options: { '--api': 'value', '--errno': 'value' },
  help: `Usage: kapi inject [--source PATH...] --api NAME [--errno E1,E2] [-f text|json] -- CMD [ARGS...]

Run CMD once per errno NAME's spec documents (or the ones given), with strace making the first
NAME() call fail with it, and report how the program behaved: its exit status or signal, and
whether it called NAME() again (retried).

An errno the spec does not list may be given; the output says it is not listed. An unknown
errno name is a usage error.

Exit status: 0 success; 1 NAME not found; 2 usage error (an unknown errno, a spec without
errors and no --errno), strace missing, or a command that cannot be run.
`,
};
