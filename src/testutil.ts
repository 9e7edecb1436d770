// Helpers for tests only: repository paths, fixture reading, expectation markers, running kapi.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagSink } from './diag/index.js';
import { normalize } from './model/normalize.js';
import type { ApiSpec, SpecSet } from './model/types.js';
import { specsFromC } from './sources/index.js';

/** Absolute path of a repository file (tests run from dist/src). */
export function repoPath(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}

export const FIXTURES = 'src/sources/testdata';

/**
 * Expectation markers: `expect: CODE` in a C comment or ` [expect: CODE]` at the end of a
 * kernel-doc line. Returns the expected `line:code` pairs and the text with the kernel-doc markers
 * removed (line numbers unchanged).
 */
export function expectations(text: string): { expected: string[]; stripped: string } {
  const expected: string[] = [];
  const lines = text.split('\n').map((l, i) => {
    for (const m of l.matchAll(/expect: ([a-z-]+)/g)) expected.push(`${i + 1}:${m[1]}`);
    return l.replace(/ \[expect: [a-z-]+\]/g, '');
  });
  return { expected: expected.sort(), stripped: lines.join('\n') };
}

/** Reads one fixture the way `--source FILE` does, markers stripped. */
export function readFixture(name: string): { specs: ApiSpec[]; set: SpecSet; diags: DiagSink; expected: string[] } {
  const rel = `${FIXTURES}/${name}`;
  const { expected, stripped } = expectations(readFileSync(repoPath(rel), 'utf8'));
  const diags = new DiagSink();
  const specs = specsFromC(stripped, name, diags);
  return { specs, set: normalize([...specs], new DiagSink()), diags, expected };
}

/** Diagnostics as sorted `line:code` pairs. */
export function diagLines(d: DiagSink): string[] {
  return d.items.map((x) => `${/:(\d+):\d+$/.exec(x.at)?.[1] ?? '?'}:${x.code}`).sort();
}

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the built kapi command; one stopped at its time limit says so on its stderr. */
export function kapi(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Run {
  const timeout = opts.timeout ?? 120_000;
  const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), ...args], {
    cwd: opts.cwd ?? repoPath('.'), env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout, maxBuffer: 1 << 30,
  });
  const late = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' ? `\n(the test stopped kapi after ${timeout} ms)\n` : '';
  return { code: r.status, stdout: r.stdout, stderr: r.stderr + late };
}

/** A corpus file with one text replaced (which must be there), written to DIR as NAME. */
export function mutatedIn(dir: string, corpus: string, name: string, from: string, to: string): string {
  const text = corpus.replace(from, to);
  if (text === corpus) throw new Error(`${from} is not in the corpus file`);
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The coverage line of one spec in a conform run's KTAP output (`# sys_dup: 3/3 passed; ...`). */
export function coverageLine(stdout: string, api: string): string {
  const m = new RegExp(`^ {4}# ${api}: \\d+/\\d+ passed.*$`, 'm').exec(stdout);
  if (!m) throw new Error(`no coverage line of ${api} in:\n${stdout}`);
  return m[0];
}

/** The time limit of a test's conform run over the whole corpus (it grows with the corpus). */
export const CORPUS_RUN_MS = 30 * 60_000;

/** Digest of the bundled corpus and the built kapi: a saved corpus run is reused only for both unchanged. */
function buildDigest(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(c|js)$/.test(e.name)) h.update(p).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(repoPath('specs'));
  walk(repoPath('dist/src'));
  return h.digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface CorpusRun extends Run { json: string; junit: string }

/**
 * `kapi conform -q --json --junit` over the bundled corpus on this kernel, run once per build:
 * the test files that read the corpus's results on this kernel share one run (it takes minutes).
 * The run is saved under the temporary directory, keyed by the test runner's pid and the digest
 * of specs/ and dist/; a file that finds another one running waits for it.
 */
export function corpusRun(): CorpusRun {
  // One run per test run: the test files of one `node --test` share its process as their parent.
  for (const e of readdirSync(tmpdir())) {
    const m = /^kapi-test-corpus-(\d+)-/.exec(e);
    if (m && !alive(Number(m[1]))) rmSync(join(tmpdir(), e), { recursive: true, force: true });
  }
  const dir = join(tmpdir(), `kapi-test-corpus-${process.ppid}-${buildDigest()}`);
  const done = join(dir, 'run.json');
  const json = join(dir, 'conform.json');
  const junit = join(dir, 'conform.xml');
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  const until = Date.now() + CORPUS_RUN_MS;
  for (;;) {
    if (existsSync(done)) return { ...(JSON.parse(readFileSync(done, 'utf8')) as Run), json, junit };
    // The lock is linked into place with the owner's pid already in it: never seen empty.
    const mine = join(dir, `lock.${process.pid}`);
    writeFileSync(mine, String(process.pid));
    try {
      linkSync(mine, lock);
      break;
    } catch {
      let owner: number;
      try {
        owner = Number(readFileSync(lock, 'utf8'));
      } catch {
        continue; // released meanwhile
      }
      if (!alive(owner)) rmSync(lock, { force: true });
      else if (Date.now() > until) throw new Error(`waited ${CORPUS_RUN_MS} ms for the corpus run of pid ${owner}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    } finally {
      rmSync(mine, { force: true });
    }
  }
  try {
    const r = kapi(['conform', '-q', '--json', json, '--junit', junit], { timeout: CORPUS_RUN_MS });
    // Only a complete run is kept; a failed one is run again by the next file that asks.
    if (r.code === 0) writeFileSync(done, JSON.stringify(r));
    return { ...r, json, junit };
  } finally {
    rmSync(lock, { force: true });
  }
}

/** A conform run's failed cases and case problems, with its stderr: the message of a failed assertion. */
export const failedCases = (r: Run): string => r.stdout.split('\n').filter((l) => /not ok|# sys_.* case/.test(l)).join('\n') + '\n' + r.stderr;

export const FIXTURE_FILES = [
  'rfc1-macro.c', 'rfc1-count-mismatch.c', 'rfc1-ioctl.c', 'rfc2-macro.c', 'rfc3-flat.c',
  'rfc4-block.c', 'patch4-kdoc.c', 'not-specs.c', 'malformed.c',
  'rfc2-epoll-pwait.c', 'rfc1-ioctl-fwctl.c', 'rfc1-ioctl-binder.c', 'rfc2-ioctl.c', 'rfc2-net.c', 'rfc2-net-bad.c',
];

/**
 * Specs without positions, in name order, BigInts as text: for comparing the specs of two files
 * that hold the same records at other offsets (a stripped image, a bzImage's payload).
 */
export function comparable(specs: readonly ApiSpec[]): unknown {
  const drop = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(drop);
    if (typeof v === 'bigint') return `${v}n`;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'at').map(([k, x]) => [k, drop(x)]));
    return v;
  };
  return [...specs].sort((a, b) => (a.name < b.name ? -1 : 1)).map(drop);
}

/**
 * FUSE mounts a case left behind: in the mount table of every process (a server left running
 * would keep its namespace), the ones mounted from `kapi-fuse` or at `fuse-fs`, and in this
 * process's table anything under a case's scratch directory. (Other runs on this machine have
 * scratch directories of their own, in their own namespaces: not looked for there.)
 */
export function fuseMountsLeft(): string[] {
  const left: string[] = [];
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    let text = '';
    try { text = readFileSync(`/proc/${p}/mountinfo`, 'utf8'); } catch { continue; }
    left.push(...text.split('\n').filter((l) => / kapi-fuse |\/fuse-fs /.test(l)).map((l) => `${p}: ${l}`));
  }
  left.push(...readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => /kapi-case|\/scratch\/case-\d+/.test(l)));
  return left;
}

const made: string[] = [];
/** A new temporary directory (`PREFIX` + random), removed when the test process exits. */
export function tempDir(prefix: string): string {
  if (!made.length) process.on('exit', () => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
  const d = mkdtempSync(`${tmpdir()}/${prefix}`);
  made.push(d);
  return d;
}

/**
 * The number of syscall specs (`sys_*`) in the bundled corpus (`specs/*.c`), for the tests that
 * run or export the whole corpus: they follow the corpus as specs are added.
 */
export function corpusSyscallCount(): number {
  return corpusSyscalls().length;
}

/**
 * The number of specs of every kind in the bundled corpus: what `kapi conform` lists (a syscall's,
 * or an ioctl request's such as tty_ioctl_tcgets, which conform runs as ioctl(2)).
 */
export function corpusApiCount(): number {
  const dir = repoPath('specs');
  let n = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.c'))) n += specsFromC(readFileSync(`${dir}/${f}`, 'utf8'), f, new DiagSink()).length;
  return n;
}

/** The names of the bundled corpus's syscall specs without `sys_` (`open`, `newfstatat`), sorted. */
export function corpusSyscalls(): string[] {
  const dir = repoPath('specs');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.c')).sort()) {
    for (const s of specsFromC(readFileSync(`${dir}/${f}`, 'utf8'), f, new DiagSink())) if (s.kind === 'syscall' && s.name.startsWith('sys_')) out.push(s.name.slice(4));
  }
  return out.sort();
}

/** The filesystem type of the mount a path is on, from /proc/self/mountinfo. */
export function fsType(path: string): string {
  let best = '', type = '';
  for (const l of readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean)) {
    const f = l.split(' '), mp = f[4]!, t = f[f.indexOf('-') + 1]!;
    if ((path === mp || path.startsWith(mp === '/' ? '/' : mp + '/')) && mp.length >= best.length) [best, type] = [mp, t];
  }
  return type;
}

/**
 * A frozen copy of the 18-spec corpus (as it stood when the ELF, snapshot and hostile-input tests
 * were written), for the tests that count records or specs of a compiled or copied corpus: the
 * bundled corpus under specs/ grows, these fixtures stay.
 */
export const CORPUS18 = 'src/sources/testdata/corpus18';
