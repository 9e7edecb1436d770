// Value parsers for kernel-doc spec tags: short tokens (PATCH v3/v4) and KAPI_* names (RFC v3/v4)
// both map onto model names. Each returns the names it understood and the words it did not.

import { own } from '../../model/own.js';
import {
  CAP_ACTIONS, CONTEXTS, EFFECTS, LOCK_SCOPES, LOCK_TYPES, PARAM_TYPES, RETURN_CHECKS,
  SIGNAL_ACTIONS, SIGNAL_DIRECTIONS, SIGNAL_STATES,
  type ParamFlag, type ParamType,
} from '../../model/types.js';

export interface Parsed<T> { values: T[]; bad: string[] }

/** Splits on commas and `|`, drops empties. */
export function words(s: string): string[] {
  return s.split(/[,|]/).map((w) => w.trim()).filter(Boolean);
}

/** Maps `process`, `PROCESS`, `KAPI_CTX_PROCESS` onto a member of `set`. */
export function closedName<T extends string>(word: string, set: readonly T[], prefixes: string[], aliases: Record<string, T> = {}): T | undefined {
  let w = word.trim();
  for (const p of prefixes) if (w.startsWith(p)) w = w.slice(p.length);
  w = w.toLowerCase().replace(/-/g, '_');
  const alias = own(aliases, w);
  if (alias) return alias;
  return (set as readonly string[]).includes(w) ? (w as T) : undefined;
}

export function nameList<T extends string>(s: string, set: readonly T[], prefixes: string[], aliases: Record<string, T> = {}): Parsed<T> {
  const out: Parsed<T> = { values: [], bad: [] };
  for (const w of words(s)) {
    const v = closedName(w, set, prefixes, aliases);
    if (v) { if (!out.values.includes(v)) out.values.push(v); } else out.bad.push(w);
  }
  out.values.sort();
  return out;
}

export const parseContexts = (s: string) => nameList(s, CONTEXTS, ['KAPI_CTX_']);
export const parseEffects = (s: string) => nameList(s, EFFECTS, ['KAPI_EFFECT_']);
export const parseDirections = (s: string) => nameList(s, SIGNAL_DIRECTIONS, ['KAPI_SIGNAL_']);
export const parseStates = (s: string) => nameList(s, SIGNAL_STATES, ['KAPI_SIGNAL_STATE_']);

export const typeName = (w: string) => closedName<ParamType>(w, PARAM_TYPES, ['KAPI_TYPE_'], { uptr: 'user_ptr', pointer: 'ptr', fp: 'func_ptr' });
export const checkName = (w: string) => closedName(w, RETURN_CHECKS, ['KAPI_RETURN_'], { file_descriptor: 'fd', error: 'error_check', noreturn: 'no_return' });
export const lockTypeName = (w: string) => closedName(w, LOCK_TYPES, ['KAPI_LOCK_']);
export const lockScopeName = (w: string) => closedName(w, LOCK_SCOPES, ['KAPI_LOCK_']);
export const actionName = (w: string) => closedName(w, SIGNAL_ACTIONS, ['KAPI_SIGNAL_ACTION_']);
export const capActionName = (w: string) => closedName(w, CAP_ACTIONS, ['KAPI_CAP_']);

const FLAG_WORDS: Record<string, ParamFlag[]> = {
  in: ['in'], input: ['in'], out: ['out'], output: ['out'], inout: ['in', 'out'], in_out: ['in', 'out'],
  flags_inout: ['in', 'out'], flags_user: ['user', 'in'], user_ptr: ['user'],
  optional: ['optional'], const: ['const'], volatile: ['volatile'], user: ['user'], dma: ['dma'],
  aligned: ['aligned'], sysfs_readonly: ['sysfs_readonly'], sysfs_writeonly: ['sysfs_writeonly'],
  sysfs_rw: ['sysfs_rw'], sysfs_binary: ['sysfs_binary'],
};

export function parseFlags(s: string): Parsed<ParamFlag> {
  const out: Parsed<ParamFlag> = { values: [], bad: [] };
  for (const w of words(s)) {
    const f = own(FLAG_WORDS, w.replace(/^KAPI_PARAM_/, '').toLowerCase());
    if (!f) { out.bad.push(w); continue; }
    for (const x of f) if (!out.values.includes(x)) out.values.push(x);
  }
  out.values.sort();
  return out;
}

/** `type: uint, input` -> the type and its flags; types imply `user` where upstream does. */
export function parseTypeLine(s: string): { type?: ParamType; flags: ParamFlag[]; bad: string[] } {
  const [first, ...rest] = words(s);
  const type = first ? typeName(first) : undefined;
  const f = parseFlags(rest.join(','));
  const bad = [...(first && !type ? [first] : []), ...f.bad];
  const out: { type?: ParamType; flags: ParamFlag[]; bad: string[] } = { flags: f.values, bad };
  if (type) out.type = type;
  return out;
}
