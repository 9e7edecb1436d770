// `kapi check-trace FILE...`, `kapi trace -- CMD`, `kapi inject --api NAME -- CMD`: the specs
// against real syscalls, as strace sees them.

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ApiSpec } from '../model/types.js';
import { Checker, FINDING_KINDS } from '../trace/check.js';
import { TraceParser, type TraceProblem } from '../trace/parse.js';
import { checkFormat, UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';
import { loadOrExplain } from './load.js';

const EXIT_HELP = `Exit status: 0 no finding; 1 findings; 2 usage error or unreadable input. The traced
program's own exit status is reported, not passed through.`;

async function specsOf(o: GlobalOptions): Promise<ApiSpec[] | undefined> {
  const loaded = await loadOrExplain(o);
  return loaded ? [...loaded.specs] : undefined;
}

interface Checked { checker: Checker; problems: (TraceProblem & { file: string })[] }

/** Reads logs line by line (any size), checking events as they complete. */
async function checkFiles(files: string[], specs: ApiSpec[]): Promise<Checked> {
  const checker = new Checker(specs);
  const problems: Checked['problems'] = [];
  for (const file of files) {
    const pid = /\.(\d+)$/.exec(basename(file))?.[1];
    const before = checker.findings.length;
    const parser = new TraceParser(pid ? Number(pid) : undefined, (e) => checker.check(e));
    const rl = createInterface({ input: createReadStream(file, { encoding: 'latin1' }), crlfDelay: Infinity });
    for await (const line of rl) parser.push(line);
    parser.finish();
    for (const f of checker.findings.slice(before)) f.file = file;
    for (const p of parser.problems) problems.push({ ...p, file });
  }
  return { checker, problems };
}

function report(o: GlobalOptions, c: Checked, files: string[], extra: Record<string, unknown> = {}): string {
  const format = checkFormat(o, ['text', 'plain', 'json'], 'text');
  if (format === 'json') {
    return JSON.stringify({
      ...extra, findings: c.checker.findings, problems: c.problems,
      summary: Object.fromEntries([...c.checker.summary].sort()), unchecked: Object.fromEntries([...c.checker.unchecked].sort()),
    }, null, 2) + '\n';
  }
  const lines = c.checker.findings.map((f) => `${f.file ?? files[0]}:${f.line}: ${f.kind}: ${f.message} (in ${f.spec})\n    ${f.raw.trim()}`);
  for (const p of c.problems) lines.push(`${p.file}:${p.line}: unreadable: ${p.message}`);
  lines.push('', 'syscall'.padEnd(16) + 'calls'.padStart(7) + FINDING_KINDS.map((k) => k.padStart(18)).join(''));
  for (const [name, s] of [...c.checker.summary].sort()) {
    lines.push(name.padEnd(16) + String(s.calls).padStart(7) + FINDING_KINDS.map((k) => String(s.findings[k]).padStart(18)).join(''));
  }
  for (const [k, v] of Object.entries(extra)) lines.push(`${k}: ${String(v)}`);
  return lines.join('\n') + '\n';
}

async function checkTrace(o: GlobalOptions): Promise<number> {
  if (!o.rest.length) throw new UsageError('kapi check-trace needs a strace log');
  for (const f of o.rest) if (!existsSync(f)) {
    process.stderr.write(`kapi: ${f}: no such file\n`);
    return 2;
  }
  const specs = await specsOf(o);
  if (!specs) return 2;
  const c = await checkFiles(o.rest, specs);
  process.stdout.write(report(o, c, o.rest));
  return c.checker.findings.length ? 1 : 0;
}

function describeExit(r: ReturnType<typeof spawnSync>): string {
  return r.signal ? `killed by ${r.signal}` : `exited with ${r.status}`;
}

async function trace(o: GlobalOptions): Promise<number> {
  if (!o.rest.length) throw new UsageError('kapi trace needs a command: kapi trace [OPTIONS] -- CMD [ARGS]');
  const specs = await specsOf(o);
  if (!specs) return 2;
  const names = new Checker(specs).names;
  const dir = mkdtempSync(join(tmpdir(), 'kapi-trace-'));
  try {
    const log = join(dir, 'strace.log');
    const r = spawnSync('strace', ['-f', '-qq', '-X', 'raw', '--seccomp-bpf', '-e', `trace=${names.join(',')}`, '-o', log, '--', ...o.rest], { stdio: 'inherit' });
    if (r.error) {
      process.stderr.write(`kapi: cannot run strace: ${r.error.message}\n`);
      return 2;
    }
    if (!existsSync(log)) {
      process.stderr.write('kapi: strace wrote no log\n');
      return 2;
    }
    const c = await checkFiles([log], specs);
    process.stdout.write(report(o, c, ["trace"], { program: describeExit(r) }));
    return c.checker.findings.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inject(o: GlobalOptions): Promise<number> {
  const api = o.extra.get('--api')?.at(-1);
  if (!api || !o.rest.length) throw new UsageError('kapi inject needs --api NAME and a command: kapi inject --api NAME -- CMD [ARGS]');
  const specs = await specsOf(o);
  if (!specs) return 2;
  const spec = specs.find((s) => s.name === api || s.name === `sys_${api}`);
  if (!spec) {
    process.stderr.write(`kapi: API '${api}' not found\n`);
    return 1;
  }
  const name = spec.signature?.name ?? spec.name.replace(/^sys_/, '');
  const only = o.extra.get('--errno')?.flatMap((e) => e.split(',')).map((e) => e.trim());
  const errnos = (spec.errors ?? []).map((e) => e.name).filter((e) => !only || only.includes(e));
  const dir = mkdtempSync(join(tmpdir(), 'kapi-inject-'));
  const rows: { errno: string; program: string; calls: number; retried: boolean }[] = [];
  try {
    for (const e of errnos) {
      const log = join(dir, `${e}.log`);
      const r = spawnSync('strace', ['-f', '-qq', '-X', 'raw', '-o', log, '-e', `trace=${name}`, '-e', `inject=${name}:error=${e}:when=1`, '--', ...o.rest], { encoding: 'utf8', timeout: 60_000 });
      if (r.error) {
        process.stderr.write(`kapi: cannot run strace: ${r.error.message}\n`);
        return 2;
      }
      const calls = existsSync(log) ? readFileSync(log, 'latin1').split('\n').filter((l) => new RegExp(`(^|\\s)${name}\\(`).test(l)).length : 0;
      rows.push({ errno: e, program: describeExit(r), calls, retried: calls > 1 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const format = checkFormat(o, ['text', 'plain', 'json'], 'text');
  if (format === 'json') process.stdout.write(JSON.stringify({ api: spec.name, command: o.rest, results: rows }, null, 2) + '\n');
  else {
    process.stdout.write(`${spec.name}: the first ${name}() call of '${o.rest.join(' ')}' fails with each documented errno\n`);
    for (const r of rows) process.stdout.write(`  ${r.errno.padEnd(14)} program ${r.program.padEnd(18)} ${name}() calls: ${r.calls}${r.retried ? ' (retried)' : ''}\n`);
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

Exit status: 0 success; 1 NAME not found; 2 usage error or strace missing.
`,
};
