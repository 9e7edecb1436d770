// The code's errno analysis measured against the truths kapi has, per syscall: the errnos the
// spec lists, those conform provoked on a kernel, and those the man page's ERRORS section names.
// Recall of each (how many of them the analysis finds), and the errnos found that neither the
// spec nor the man page lists (each either a gap in the spec or a path user space cannot reach).
// Aliases are compared as one errno (EWOULDBLOCK is EAGAIN, EDEADLOCK is EDEADLK, glibc's ENOTSUP
// is EOPNOTSUPP): the kernel returns the same number for both spellings.

import { notReturnedMap } from '../lint/not-returned.js';
import type { ApiSpec } from '../model/types.js';

/** Per syscall (`sys_openat`), a set of errno names. */
export type ErrnoSets = ReadonlyMap<string, ReadonlySet<string>>;

const ALIASES: Readonly<Record<string, string>> = { EWOULDBLOCK: 'EAGAIN', EDEADLOCK: 'EDEADLK', ENOTSUP: 'EOPNOTSUPP' };

/** The spelling errnos are compared in. */
export function canonicalErrno(name: string): string {
  return Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name;
}

function canon(s: Iterable<string> | undefined): Set<string> {
  return new Set([...(s ?? [])].map(canonicalErrno));
}

/** One recall figure: how many of `of` the analysis found; `pct` is null when `of` is 0. */
export interface Recall { found: number; of: number; pct: number | null; missed: string[] }

export interface RecallRow {
  syscall: string;
  /** The errnos the analysis finds (canonical spellings, sorted). */
  found: string[];
  provoked: Recall;
  listed: Recall;
  man: Recall;
  /**
   * Found, listed neither by the spec nor by the man page, on a path without function pointers
   * (kernel-internal codes are never extra).
   */
  extra: string[];
  /** Like extra, but found through an object's implementation (objects.ts): specific to that object. */
  extraObjects: string[];
  /** Found and unlisted, but named by the spec's kapi-not-returned with a reason: not extra. */
  explained: string[];
  /** Named by the man page, not listed by the spec. */
  manNotListed: string[];
  /** Whether a man page documents the syscall (with an ERRORS section). */
  hasMan: boolean;
}

export interface RecallTable {
  rows: RecallRow[];
  /** Sums over the rows (micro-averaged: found / of over every syscall). */
  overall: { provoked: Recall; listed: Recall; man: Recall; extra: number; extraObjects: number; explained: number; found: number };
}

export interface RecallInput {
  /** What the code analysis finds. */
  found: ErrnoSets;
  /** What each spec lists (`spec.errors[].name`). */
  listed: ErrnoSets;
  /** What conform provoked (see provokedFromConform). */
  provoked: ErrnoSets;
  /** What the man pages name, for the syscalls that have a page (see manErrnoSets). */
  man: ErrnoSets;
  /** The rows, in this order; default: the syscalls of `listed` and `provoked`, sorted. */
  syscalls?: readonly string[];
  /** How each found errno was found, where not by a plain path (see kindsOf). */
  kinds?: ErrnoKinds;
  /** The errnos each spec's kapi-not-returned explains (see notReturnedFromSpecs). */
  notReturned?: ErrnoSets;
}

/** The kapi-not-returned errnos per API. */
export function notReturnedFromSpecs(specs: readonly Pick<ApiSpec, 'name' | 'ext'>[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of specs) out.set(s.name, new Set([...notReturnedMap(s.ext?.['kapi-not-returned']).keys()].map(canonicalErrno)));
  return out;
}

/** Per syscall, the found errnos that are kernel-internal, or whose chain goes through an object's implementation. */
export type ErrnoKinds = ReadonlyMap<string, ReadonlyMap<string, 'internal' | 'object'>>;

/** The kinds of the errnos of `kapi errnos` results (or its JSON): internal codes, and chains through objects. */
export function kindsOf(results: readonly { name: string; errors: readonly { name: string; internal?: boolean; chain: readonly { through?: unknown }[] }[] }[]): Map<string, Map<string, 'internal' | 'object'>> {
  const out = new Map<string, Map<string, 'internal' | 'object'>>();
  for (const r of results) {
    const m = new Map<string, 'internal' | 'object'>();
    for (const e of r.errors) {
      if (e.internal) m.set(canonicalErrno(e.name), 'internal');
      else if (e.chain.some((c) => c.through)) m.set(canonicalErrno(e.name), 'object');
    }
    out.set(r.name, m);
  }
  return out;
}

function recall(found: ReadonlySet<string>, of: ReadonlySet<string>): Recall {
  const missed = [...of].filter((e) => !found.has(e)).sort();
  const hit = of.size - missed.length;
  return { found: hit, of: of.size, pct: of.size ? Math.round((hit / of.size) * 1000) / 10 : null, missed };
}

function sum(rs: Recall[]): Recall {
  const found = rs.reduce((a, r) => a + r.found, 0), of = rs.reduce((a, r) => a + r.of, 0);
  return { found, of, pct: of ? Math.round((found / of) * 1000) / 10 : null, missed: [] };
}

/** The spec errors per API (`sys_open` -> its listed errnos). */
export function listedFromSpecs(specs: readonly Pick<ApiSpec, 'name' | 'errors'>[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of specs) {
    const set = out.get(s.name) ?? new Set<string>();
    for (const e of s.errors ?? []) set.add(e.name);
    out.set(s.name, set);
  }
  return out;
}

/**
 * The errors conform provoked, from a `kapi conform --json` document (`results[].api`,
 * `results[].provoked`; with `--fs`, `filesystems[].results[]`, whose `api` ends in `@FS`: the
 * union over the filesystems). Throws on a document of another shape.
 */
export function provokedFromConform(doc: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const d = doc as { results?: unknown; filesystems?: unknown };
  const lists: unknown[] = [];
  if (d && typeof d === 'object' && Array.isArray(d.results)) lists.push(d.results);
  else if (d && typeof d === 'object' && Array.isArray(d.filesystems)) {
    for (const f of d.filesystems as { results?: unknown }[]) {
      if (!f || typeof f !== 'object' || !Array.isArray(f.results)) throw new Error('not a kapi conform --json result: a filesystem without results');
      lists.push(f.results);
    }
  } else throw new Error('not a kapi conform --json result: no results');
  for (const l of lists as unknown[][]) {
    for (const r of l as { api?: unknown; provoked?: unknown }[]) {
      if (!r || typeof r.api !== 'string' || !Array.isArray(r.provoked) || !r.provoked.every((x) => typeof x === 'string')) {
        throw new Error('not a kapi conform --json result: a result without api or provoked');
      }
      const api = r.api.replace(/@[^@]*$/, '');
      const set = out.get(api) ?? new Set<string>();
      for (const e of r.provoked as string[]) set.add(e);
      out.set(api, set);
    }
  }
  return out;
}

/**
 * What the code analysis finds, from `kapi errnos -f json` (a list of `{ name: 'sys_openat',
 * errors: [{ name: 'EFAULT', chain: [...] }, ...] }`; the chains are not needed here). Throws on a
 * document of another shape.
 */
export function foundFromErrnosJson(doc: unknown): Map<string, Set<string>> {
  const list = Array.isArray(doc) ? doc : (doc as { syscalls?: unknown } | null)?.syscalls;
  if (!Array.isArray(list)) throw new Error('not a kapi errnos -f json result: not a list');
  const out = new Map<string, Set<string>>();
  for (const x of list as { name?: unknown; errors?: unknown }[]) {
    if (!x || typeof x.name !== 'string' || !Array.isArray(x.errors)) throw new Error('not a kapi errnos -f json result: an entry without name or errors');
    const set = out.get(x.name) ?? new Set<string>();
    for (const e of x.errors as { name?: unknown }[]) {
      if (!e || typeof e.name !== 'string') throw new Error(`not a kapi errnos -f json result: an error of ${x.name} without a name`);
      set.add(e.name);
    }
    out.set(x.name, set);
  }
  return out;
}

/**
 * Man page errnos per syscall: `lookup` gives a call's errnos (`manErrnos(set, call)` of
 * manpages.ts) or undefined when no page documents it.
 */
export function manErrnoSets(syscalls: readonly string[], lookup: (call: string) => Set<string> | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of syscalls) {
    const e = lookup(s.replace(/^sys_/, ''));
    if (e) out.set(s, e);
  }
  return out;
}

export function recallTable(input: RecallInput): RecallTable {
  const names = input.syscalls ? [...input.syscalls] : [...new Set([...input.listed.keys(), ...input.provoked.keys()])].sort();
  const rows: RecallRow[] = names.map((syscall) => {
    const found = canon(input.found.get(syscall));
    const listed = canon(input.listed.get(syscall));
    const provoked = canon(input.provoked.get(syscall));
    const man = canon(input.man.get(syscall));
    const kind = input.kinds?.get(syscall);
    const not = canon(input.notReturned?.get(syscall));
    const unlisted = [...found].filter((e) => !listed.has(e) && !man.has(e) && kind?.get(e) !== 'internal' && !not.has(e)).sort();
    return {
      syscall,
      found: [...found].sort(),
      provoked: recall(found, provoked),
      listed: recall(found, listed),
      man: recall(found, man),
      extra: unlisted.filter((e) => kind?.get(e) !== 'object'),
      extraObjects: unlisted.filter((e) => kind?.get(e) === 'object'),
      explained: [...found].filter((e) => not.has(e) && !listed.has(e)).sort(),
      manNotListed: [...man].filter((e) => !listed.has(e)).sort(),
      hasMan: input.man.has(syscall),
    };
  });
  return {
    rows,
    overall: {
      provoked: sum(rows.map((r) => r.provoked)), listed: sum(rows.map((r) => r.listed)), man: sum(rows.map((r) => r.man)),
      extra: rows.reduce((a, r) => a + r.extra.length, 0), extraObjects: rows.reduce((a, r) => a + r.extraObjects.length, 0), explained: rows.reduce((a, r) => a + r.explained.length, 0), found: rows.reduce((a, r) => a + r.found.length, 0),
    },
  };
}

function cell(r: Recall): string {
  return r.of ? `${r.found}/${r.of} ${r.pct!.toFixed(1)}%` : '-';
}

/** A fixed-width text table: one row per syscall, then the totals; `-` where nothing is listed. */
export function recallText(t: RecallTable): string {
  const head = ['syscall', 'found', 'provoked', 'listed', 'man', 'objects', 'explained', 'extra (neither spec nor man)'];
  const body = t.rows.map((r) => [r.syscall, String(r.found.length), cell(r.provoked), cell(r.listed), r.hasMan ? cell(r.man) : 'no page', String(r.extraObjects.length), String(r.explained.length), r.extra.join(' ') || '-']);
  const total = ['overall', String(t.overall.found), cell(t.overall.provoked), cell(t.overall.listed), cell(t.overall.man), String(t.overall.extraObjects), String(t.overall.explained), String(t.overall.extra)];
  const all = [head, ...body, total];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join('  ').trimEnd();
  return [line(head), ...body.map(line), line(total)].join('\n') + '\n';
}

/** The JSON form: the same rows and totals, keys in a fixed order. */
export function recallJson(t: RecallTable): object {
  return {
    rows: t.rows.map((r) => ({
      syscall: r.syscall, found: r.found, provoked: r.provoked, listed: r.listed, man: r.man,
      has_man: r.hasMan, extra: r.extra, extra_objects: r.extraObjects, explained: r.explained, man_not_listed: r.manNotListed,
    })),
    overall: t.overall,
  };
}
