// Compiling and running the planned cases, and judging each outcome against the spec. The program
// runs in a scratch directory kapi creates and removes; nothing outside it is touched.

import { spawnSync } from 'node:child_process';
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
  /** How the child ended: `exit N`, `signal N`. */
  end: string;
  pass: boolean;
  /** Why it failed, naming what was expected and what happened. */
  reason?: string;
}

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

export function judge(spec: ApiSpec, c: Case, ret: bigint | undefined, errno: string | undefined, end: string): Outcome {
  const o: Outcome = { case: c, end, pass: false };
  if (ret !== undefined) o.ret = ret;
  if (errno) o.errno = errno;
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

export interface RunOptions {
  cc?: string;
  timeoutSec?: number;
  keep?: boolean;
  /** Run in a new user namespace, as an unprivileged user with no capabilities here. */
  unprivileged?: boolean;
}

/** Compiles and runs the cases; returns an outcome per case, in order. */
export function runCases(specs: Map<string, ApiSpec>, cases: readonly Case[], opts: RunOptions = {}): Outcome[] {
  if (!cases.length) return [];
  const dir = mkdtempSync(join(tmpdir(), 'kapi-conform-'));
  try {
    const src = join(dir, 'conform.c');
    const bin = join(dir, 'conform');
    writeFileSync(src, emitProgram(cases, opts.timeoutSec ?? 5));
    const cc = spawnSync(opts.cc ?? 'cc', ['-O0', '-w', '-o', bin, src], { encoding: 'utf8' });
    if (cc.status !== 0) throw new BuildError(`the generated C does not compile:\n${cc.stderr}`);
    const work = join(dir, 'scratch');
    mkdirSync(work);
    // The namespace's user is nobody here: it needs to reach the program and write its scratch.
    if (opts.unprivileged) for (const p of [dir, work]) chmodSync(p, 0o777);
    const [cmd, args] = opts.unprivileged ? ['unshare', ['--user', bin]] : [bin, []];
    const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', timeout: (opts.timeoutSec ?? 5) * 1000 * (cases.length + 2), maxBuffer: 1 << 26 });
    if (r.error) throw new BuildError(`cannot run the test program: ${r.error.message}`);
    const rets = new Map<number, [bigint, string | undefined]>();
    const ends = new Map<number, string>();
    for (const line of (r.stdout ?? '').split('\n')) {
      const m = /^R (\d+) (-?\d+) (\d+)$/.exec(line);
      if (m) rets.set(Number(m[1]), [BigInt(m[2]!), Number(m[3]) ? errnoName(Number(m[3])) ?? `errno ${m[3]}` : undefined]);
      const x = /^X (\d+) (.*)$/.exec(line);
      if (x) ends.set(Number(x[1]), x[2]!);
    }
    return cases.map((c, i) => {
      const rv = rets.get(i);
      return judge(specs.get(c.api)!, c, rv?.[0], rv?.[1], ends.get(i) ?? 'not run');
    });
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}
