// `kapi conform`: plan test cases from the specs, run them against this kernel, report in KTAP.

import { writeFileSync } from 'node:fs';
import { escapeControls, formatDiagnostic } from '../diag/index.js';
import { isProblem, readRegularText } from '../sources/read.js';
import { planSpec, type Case, type Plan } from '../conform/plan.js';
import { junit, ktap, oneLine, summarize, totals, type ApiResult } from '../conform/report.js';
import { BuildError, runCases, type Outcome } from '../conform/run.js';
import { runInVm, runOnFilesystemsInVm } from '../conform/qemu.js';
import { fsDifferences, parseFsList, runOnFilesystems, type FsKind } from '../conform/fs.js';
import type { ApiSpec } from '../model/types.js';
import { UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';
import { findApi, loadOrExplain, selectApis } from './load.js';

const HELP = `Usage: kapi conform [--source PATH... | --vmlinux PATH | --debugfs [DIR]] [OPTIONS] [API...]

Plan test cases from each syscall spec (a valid call, then each parameter set to values the spec
says are invalid, each with the outcome the spec predicts), compile them with the system cc, run
each case in a sandbox of its own (user, pid, mount, network, IPC and UTS namespaces; the host's
files read-only; limits; a wall-clock timeout), and report in KTAP on stdout.

Options:
  --json FILE          per-API results and every case as JSON
  --junit FILE         JUnit XML
  --timeout SEC        wall-clock limit per case, 0.1 to 3600 (default 5)
  --kernel VMLINUZ     run the cases on that kernel in qemu (TCG) instead of this one: the
                       test program, built static, is the init of a minimal initramfs
  --allow-dangerous    also run the syscalls whose effects no namespace contains (clock
                       setting, kexec, modules, swap, accounting, kernel log, I/O ports)
  --unprivileged       run the cases as nobody with no capabilities, so that permission
                       errors (EPERM, EACCES) can happen
  --fs KIND,...        run the cases once per filesystem, the scratch directory on one made
                       for the run and removed after it: tmpfs, ext2, ext3, ext4, xfs, btrfs,
                       vfat (loop-mounted images), overlay (over a tmpfs), fuse (bindfs over a
                       tmpfs); one KTAP subtest per API and filesystem (sys_open@ext4), then the
                       cases whose outcome differs between filesystems. A kind this kernel lacks
                       (or whose mkfs is not installed) is skipped, saying so. With --kernel,
                       one boot per filesystem, mounted in the guest (the disk kinds are image
                       files made here with mkfs, attached as virtio disks; no root needed);
                       fuse is skipped there (the guest has no FUSE server)
  --compare A.json B.json
                       show the cases whose outcome differs between two --json results
                       (for example from two kernels); runs nothing
  -q, --quiet          no informational lines on stderr

Exit status: 0 every case passed; 1 a case failed or did not run (a spec conform cannot run,
a sandbox that could not be set up, an interrupted run); 2 usage error, unreadable input, or
the generated C did not compile.
`;

interface Saved { results: { api: string; outcomes: { case: number; what: string; ret?: string; errno?: string; end: string; pass: boolean }[] }[] }

/** `--compare A B`: cases whose outcome differs between two result files. */
function compare(a: string, b: string): number {
  const read = (f: string): Saved => {
    const text = readRegularText(f);
    if (isProblem(text)) throw new Error(`${f}: ${text.message}`);
    const doc = JSON.parse(text) as Saved & { filesystems?: { fs: string; results: Saved['results'] }[] };
    // A --fs result: each filesystem's APIs as API@FS.
    if (!doc?.results && Array.isArray(doc?.filesystems) && doc.filesystems.every((f) => typeof f?.fs === 'string' && Array.isArray(f.results))) {
      doc.results = doc.filesystems.flatMap((f) => f.results.map((r) => ({ ...r, api: r.api.endsWith(`@${f.fs}`) ? r.api : `${r.api}@${f.fs}` })));
    }
    if (!Array.isArray(doc?.results) || !doc.results.every((r) => typeof r?.api === 'string' && Array.isArray(r.outcomes))) throw new Error(`${f}: not a kapi conform --json result`);
    return doc;
  };
  let A: Saved, B: Saved;
  try {
    [A, B] = [read(a), read(b)];
  } catch (e) {
    process.stderr.write(`kapi: cannot read the results: ${escapeControls((e as Error).message)}\n`);
    return 2;
  }
  const key = (api: string, what: string) => `${api}: ${what}`;
  const outcome = (x: Saved['results'][number]['outcomes'][number]) => (x.ret === undefined ? `no return (${x.end})` : Number(x.ret) < 0 ? `${x.errno}` : `returns ${x.ret}`);
  const left = new Map(A.results.flatMap((r) => r.outcomes.map((x) => [key(r.api, x.what), x] as const)));
  const right = new Map(B.results.flatMap((r) => r.outcomes.map((x) => [key(r.api, x.what), x] as const)));
  const lines: string[] = [];
  for (const k of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const x = left.get(k), y = right.get(k);
    if (!x || !y) lines.push(`${k}: only in ${x ? a : b}`);
    else if (outcome(x) !== outcome(y) || x.pass !== y.pass) lines.push(`${k}: ${outcome(x)}${x.pass ? '' : ' (fail)'} in ${a}, ${outcome(y)}${y.pass ? '' : ' (fail)'} in ${b}`);
  }
  process.stdout.write(lines.length ? lines.join('\n') + '\n' : 'same behaviour\n');
  return lines.length ? 1 : 0;
}

/** `--timeout SEC`: a plain decimal number of seconds within bounds, in milliseconds. */
export function timeoutMs(o: GlobalOptions): number {
  const t = o.extra.get('--timeout')?.at(-1);
  if (t === undefined) return 5000;
  const ms = /^\d{1,4}(\.\d{1,3})?$/.test(t) ? Math.round(Number(t) * 1000) : NaN;
  if (!(ms >= 100 && ms <= 3_600_000)) throw new UsageError(`--timeout takes seconds from 0.1 to 3600, not '${t}'`);
  return ms;
}

async function run(o: GlobalOptions): Promise<number> {
  if (o.extra.has('--compare')) {
    if (o.rest.length !== 2) throw new UsageError('--compare takes two result files: A.json B.json');
    return compare(o.rest[0]!, o.rest[1]!);
  }
  const timeout = timeoutMs(o);
  const kernel = o.extra.get('--kernel')?.at(-1);
  const unprivileged = o.extra.has('--unprivileged');
  // The sandbox maps the cases' ids and sets up mounts as root; in a VM the program is root.
  if (!kernel && process.getuid?.() !== 0 && o.extra.has('--fs')) {
    throw new UsageError('kapi conform --fs makes, mounts and removes a filesystem of each kind (loop devices, tmpfs, overlay, FUSE), and runs each case in namespaces it sets up, all as root: run it as root');
  }
  if (!kernel && process.getuid?.() !== 0) {
    throw new UsageError('kapi conform runs each case in namespaces it sets up as root: run it as root, or use --kernel VMLINUZ (qemu needs no root)');
  }
  const fsText = o.extra.get('--fs')?.at(-1);
  let kinds: FsKind[] | undefined;
  if (fsText !== undefined) {
    try {
      kinds = parseFsList(fsText);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const loaded = await loadOrExplain(o);
  if (!loaded) return 2;
  const specs = selectApis(loaded.specs, o.rest);
  for (const n of o.rest) if (!findApi(loaded.specs, n)) {
    process.stderr.write(`kapi: API '${n}' not found\n`);
    return 1;
  }
  const allowDangerous = o.extra.has('--allow-dangerous');
  const plans: [ApiSpec, Plan][] = specs.map((s) => [s, planSpec(s, { allowDangerous, unprivileged })]);
  for (const [s, p] of plans) {
    if (p.problem) process.stderr.write(formatDiagnostic({ code: 'cannot-run', severity: 'error', at: s.at, message: p.problem, spec: s.name }) + '\n');
    for (const c of p.conditionProblems ?? []) {
      process.stderr.write(formatDiagnostic({ code: 'bad-condition', severity: 'warning', at: s.at, message: `kapi-cond of ${c}; that condition is left out`, spec: s.name }) + '\n');
    }
    for (const c of p.effectProblems ?? []) {
      process.stderr.write(formatDiagnostic({ code: 'bad-effect', severity: 'warning', at: s.at, message: `${c}; that part is left out`, spec: s.name }) + '\n');
    }
  }
  const all = plans.flatMap(([, p]) => (p.problem ? [] : p.cases));
  const byName = new Map(specs.map((s) => [s.name, s]));
  if (kinds) return runFs(o, plans, byName, all, kinds, { timeoutMs: timeout, unprivileged, ...(kernel ? { kernel } : {}) });
  let outcomes: Outcome[];
  let cut: string | undefined;
  try {
    if (kernel) {
      const vm = runInVm(kernel, byName, all, { timeoutMs: timeout, unprivileged });
      outcomes = vm.outcomes;
      if (vm.reported !== all.length) {
        cut = `the VM reported ${vm.reported} of ${all.length} cases`;
        process.stderr.write(`kapi: ${cut}; its console ended with:\n${vm.console.split('\n').slice(-10).join('\n')}\n`);
      }
    } else {
      const r = await runCases(byName, all, { timeoutMs: timeout, unprivileged });
      outcomes = r.outcomes;
      cut = r.cut;
      if (cut) process.stderr.write(`kapi: ${cut}: ${outcomes.filter((x) => x.end !== 'not run').length} of ${all.length} cases ran\n`);
    }
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    process.stderr.write(`kapi: ${e.message}\n`);
    return 2;
  }
  const results: { result: ApiResult; outcomes: Outcome[] }[] = plans.map(([s, p]) => {
    const mine = p.problem ? [] : outcomes.filter((x) => x.case.api === s.name);
    return { result: summarize(s, p, mine), outcomes: mine };
  });
  process.stdout.write(ktap(results));
  const json = o.extra.get('--json')?.at(-1);
  if (json) {
    writeFileSync(json, JSON.stringify({
      kernel: kernel ?? 'running', ...(cut ? { cut } : {}), totals: totals(results), results: results.map((r) => ({
        ...r.result, outcomes: r.outcomes.map(savedOutcome),
      })),
    }, null, 2) + '\n');
  }
  const ju = o.extra.get('--junit')?.at(-1);
  if (ju) writeFileSync(ju, junit(results));
  return cut || results.some((r) => r.result.failed.length || r.result.problem) ? 1 : 0;
}

/** `--fs`: the plan once per filesystem; KTAP subtests `API@FS`, then the differences. */
async function runFs(o: GlobalOptions, plans: [ApiSpec, Plan][], byName: Map<string, ApiSpec>, all: Case[], kinds: FsKind[],
  opts: { timeoutMs: number; unprivileged: boolean; kernel?: string }): Promise<number> {
  let r;
  try {
    // With --kernel, each filesystem is made in the guest (an image disk for the disk kinds).
    r = opts.kernel ? runOnFilesystemsInVm(opts.kernel, byName, all, kinds, opts) : await runOnFilesystems(byName, all, kinds, opts);
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    process.stderr.write(`kapi: ${e.message}\n`);
    return 2;
  }
  const quiet = o.quiet;
  const perFs = r.runs.map((run) => ({
    run,
    results: plans.map(([s, p]) => {
      const mine = p.problem || run.lacking || run.error ? [] : run.outcomes.filter((x) => x.case.api === s.name);
      const plan = run.lacking ? { ...p, skipped: `${run.fs}: ${run.lacking}` } : run.error && !p.skipped ? { ...p, problem: `${run.fs}: ${run.error}` } : p;
      const result = summarize(s, plan, mine);
      return { result: { ...result, api: `${s.name}@${run.fs}` }, outcomes: mine };
    }),
  }));
  for (const { run } of perFs) {
    if (run.lacking && !quiet) process.stderr.write(`kapi: ${run.fs} skipped: ${run.lacking}\n`);
    if (run.error) process.stderr.write(`kapi: ${run.fs}: ${oneLine(run.error)}\n`);
    if (run.cut) process.stderr.write(`kapi: ${run.fs}: ${run.cut}: ${run.outcomes.filter((x) => x.end !== 'not run').length} of ${all.length} cases ran\n`);
  }
  for (const l of r.leftovers) process.stderr.write(`kapi: ${l}\n`);
  const diffs = fsDifferences(r.runs);
  const flat = perFs.flatMap((x) => x.results);
  const ran = r.runs.filter((x) => !x.lacking && !x.error).map((x) => x.fs);
  process.stdout.write(ktap(flat) + `# filesystems: ${ran.join(' ') || 'none'}${r.runs.some((x) => x.lacking) ? `; skipped: ${r.runs.filter((x) => x.lacking).map((x) => `${x.fs} (${oneLine(x.lacking!)})`).join(', ')}` : ''}\n` +
    `# differences between filesystems: ${diffs.length}\n` + diffs.map((d) => `# ${oneLine(d)}\n`).join(''));
  const json = o.extra.get('--json')?.at(-1);
  if (json) {
    writeFileSync(json, JSON.stringify({
      kernel: opts.kernel ?? 'running', ...(r.cut ? { cut: r.cut } : {}), differences: diffs,
      filesystems: perFs.map(({ run, results }) => ({
        fs: run.fs, ...(run.lacking ? { lacking: run.lacking } : {}), ...(run.error ? { error: run.error } : {}), ...(run.cut ? { cut: run.cut } : {}),
        totals: totals(results), results: results.map((x) => ({ ...x.result, outcomes: x.outcomes.map(savedOutcome) })),
      })),
    }, null, 2) + '\n');
  }
  const ju = o.extra.get('--junit')?.at(-1);
  if (ju) writeFileSync(ju, junit(flat));
  return r.cut || r.leftovers.length || r.runs.some((x) => x.cut || x.error) || flat.some((x) => x.result.failed.length || x.result.problem) ? 1 : 0;
}

const savedOutcome = (x: Outcome) => ({ case: x.case.n, what: x.case.what, expect: x.case.expect, ret: x.ret?.toString(), errno: x.errno, end: x.end, pass: x.pass, reason: x.reason, ...(x.note ? { note: x.note } : {}), ...(x.skip !== undefined ? { skip: x.skip } : {}), ...(x.effects !== undefined ? { effects: x.effects } : {}) });

export const CONFORM: CommandModule = {
  run, help: HELP,
  options: { '--json': 'value', '--junit': 'value', '--timeout': 'value', '--allow-dangerous': 'flag', '--unprivileged': 'flag', '--compare': 'flag', '--kernel': 'value', '--fs': 'value' },
};
