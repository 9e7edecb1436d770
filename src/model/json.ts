// The JSON form of the model: `{ "kapi": SCHEMA_VERSION, "specs": [...] }`. Keys are written in
// a fixed order (identity first, then alphabetical) so output is byte-for-byte deterministic.
// ConstVal values are numbers, or decimal strings beyond 2^53; reading turns them back into BigInt.

import type { ApiSpec, SpecSet } from './types.js';

export const SCHEMA_VERSION = 1;

/** Keys written first, in this order; all others follow alphabetically. */
const FIRST = ['name', 'kind', 'index', 'source_format', 'at', 'text', 'value'];

function rank(k: string): number {
  const i = FIRST.indexOf(k);
  return i < 0 ? FIRST.length : i;
}

function canon(v: unknown): unknown {
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v.toString();
  }
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined && !k.startsWith('_'));
    keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = canon((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The document `-f json` writes. */
export function toJsonDoc(set: SpecSet): unknown {
  return { kapi: SCHEMA_VERSION, specs: set.specs.map(canon) };
}

export function specToJson(spec: ApiSpec): unknown {
  return canon(spec);
}

export function stringifyDoc(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Turns JSON ConstVals (`{text, value}`) back into BigInt values, in place. */
export function reviveConsts(v: unknown): unknown {
  if (Array.isArray(v)) {
    v.forEach(reviveConsts);
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['text'] === 'string' && 'value' in o && (typeof o['value'] === 'number' || typeof o['value'] === 'string')) {
      o['value'] = BigInt(o['value'] as number | string);
    }
    for (const k of Object.keys(o)) if (k !== 'value') reviveConsts(o[k]);
  }
  return v;
}
