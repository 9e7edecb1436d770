// Helpers for tests only: repository paths, fixture reading, expectation markers, running kapi.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Runs the built kapi command. */
export function kapi(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), ...args], {
    cwd: opts.cwd ?? repoPath('.'), env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout: opts.timeout ?? 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
