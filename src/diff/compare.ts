// Helpers the diff rules share: pairing list entries by name, comparing constants by value.

import type { ApiSpec, ConstVal, NetworkSpec } from '../model/types.js';

/** Same value (or, when either is unevaluated, same text). */
export function sameConst(a: ConstVal | undefined, b: ConstVal | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.value !== undefined && b.value !== undefined) return BigInt.asIntN(64, a.value) === BigInt.asIntN(64, b.value);
  return a.text === b.text;
}

export const show = (c: ConstVal | undefined) => (c ? (c.value !== undefined && c.text !== c.value.toString() ? `${c.text} (${c.value})` : c.text) : 'none');

/** Keys made unique: the second entry with key K is `K#2`. */
function keyed<T>(xs: readonly T[] | undefined, key: (x: T) => string): [string, T][] {
  const n = new Map<string, number>();
  return (xs ?? []).map((x) => {
    const k = key(x);
    const i = (n.get(k) ?? 0) + 1;
    n.set(k, i);
    return [i === 1 ? k : `${k}#${i}`, x];
  });
}

/** Entries of two lists paired by key (repeated keys by occurrence), old order then new-only. */
export function pair<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, key: (x: T) => string): [T | undefined, T | undefined, string][] {
  const bm = new Map(keyed(b, key));
  const out: [T | undefined, T | undefined, string][] = [];
  const seen = new Set<string>();
  for (const [k, x] of keyed(a, key)) {
    seen.add(k);
    out.push([x, bm.get(k), k]);
  }
  for (const [k, x] of bm) if (!seen.has(k)) out.push([undefined, x, k]);
  return out;
}

/** A constant's value as the kernel's s64 fields hold it (SIZE_MAX and -1 are the same). */
export const val = (c: ConstVal | undefined): bigint | undefined => (c?.value === undefined ? undefined : BigInt.asIntN(64, c.value));

/** Both sides present: the rule compares; otherwise spec-added/-removed speak. */
export function both(old: ApiSpec | undefined, now: ApiSpec | undefined): old is ApiSpec {
  return !!old && !!now;
}

/** Both specs' networking parts, when both have one; a spec without any says nothing about it. */
export function nets(old: ApiSpec | undefined, now: ApiSpec | undefined): [NetworkSpec, NetworkSpec] | undefined {
  return old?.network && now?.network ? [old.network, now.network] : undefined;
}

/** Names in `b` and not in `a`, in `b`'s order. */
export const added = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] => (b ?? []).filter((x) => !(a ?? []).includes(x));

/** Whitespace-normalised text, for comparing prose. */
export const prose = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
