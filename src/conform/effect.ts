// Effects in machine-readable form: the `kapi-effect:` tag of a `side-effect:` or `state-trans:`
// block says what a successful call changes that user space can see, `kapi-unobservable:` why
// user space cannot see it (docs/dsl.md). In: the tag's text and the spec's parameters. Out:
// claims, each maybe guarded by a test of an integer argument, or problems naming what is wrong.
//
//   kapi-effect: fd:new=ret; fd:cloexec=ret if flags&O_CLOEXEC
//   kapi-effect: epoll:added=epfd,fd if op=EPOLL_CTL_ADD
//   kapi-effect: mem:filled=events,ret*12
//   kapi-effect: mem:filled=statbuf,sizeof(struct stat)
//
// After a successful call the program compares what it saw before and after (observe.ts): every
// claim that applies must be seen, and every change seen must be explained by a claim.

import type { ApiSpec, Param } from '../model/types.js';
import { constOfText } from '../sources/values.js';
import { PATH_KINDS, parseConditions, structFields, type Condition } from './cond.js';

/** How a claim's arguments are written: `ret`, a parameter, a count (`ret`, `ret*K`), a VMA flag. */
type ArgSort = 'ret' | 'param' | 'count' | 'flag' | 'param?';

/** The claims, with the arguments each takes. The order gives the numbers the C uses (CL_*). */
export const CLAIMS = {
  'fd:new': ['ret'], 'fd:cloexec': ['ret'], 'fd:epoll': ['ret'], 'fd:unlinked': ['ret'],
  // memfd_create: an empty memfd; one that takes seals (none set yet), or refuses every seal.
  'fd:memfd': ['ret'], 'fd:sealable': ['ret'], 'fd:unsealable': ['ret'],
  // umask: ret is the file mode creation mask before the call; the mask is now PARAM & 0777.
  'umask:was': ['ret'], 'umask:set': ['param'],
  'fd:closed': ['param'], 'fd:offset': ['param'],
  'file:created': ['param', 'param?'], 'file:truncated': ['param'], 'file:written': ['param'],
  'mem:filled': ['param', 'count'], 'mem:locked': ['param', 'param'], 'mem:unlocked': ['param', 'param'],
  'mem:resident': ['param', 'param'], 'mem:zeroed': ['param', 'param'], 'mem:vmflag': ['param', 'param', 'flag'],
  'mem:locked-all': [], 'mem:locked-future': [], 'mem:unlocked-all': [],
  'epoll:added': ['param', 'param'], 'epoll:removed': ['param', 'param'], 'epoll:modified': ['param', 'param'],
  'keeps:signal-mask': [], 'exec:replaced': [],
  'fd:drained': ['param'], 'fd:queued': ['param'], 'mem:resident-all': [],
  'fd:offset-set': ['param'], 'fd:offset-kept': ['param'],
  'fd:dup': ['ret', 'param'], 'fd:closed-range': ['param', 'param'], 'fd:cloexec-range': ['param', 'param'],
  'fd:pair': ['param'], 'fd:pair-cloexec': ['param'], 'fd:pair-nonblock': ['param'], 'fd:pair-direct': ['param'],
  // fcntl: a descriptor's FD_CLOEXEC and status flags set from an argument; record and flock() locks of its file.
  'fd:fdflags': ['param', 'param'], 'fd:status': ['param', 'param'],
  'lock:held': ['param'], 'lock:free': ['param'], 'lock:flock-held': ['param'], 'lock:flock-free': ['param'],
  // fcntl: what F_GETLEASE, F_GETOWN, F_GETSIG, F_GETPIPE_SZ and F_GET_SEALS read back after a set.
  'lock:lease': ['param', 'param'], 'fd:owner': ['param', 'param'], 'fd:signal': ['param', 'param'], 'fd:pipe-size': ['param'], 'fd:seals': ['param', 'param'],
  // A directory offset (a cookie) moved; the current directory changed; an inotify watch appeared or went.
  'fd:offset-moved': ['param'], 'cwd:set': ['param'], 'inotify:added': ['param', 'ret'], 'inotify:removed': ['param', 'param'],
  'fd:inotify': ['ret'], 'inotify:modified': ['param', 'ret'],
  // extended attributes: TARGET (a path or a descriptor) has attribute NAME of SIZE bytes; has it no longer
  'xattr:set': ['param', 'param', 'param'], 'xattr:removed': ['param', 'param'],
  // The file a path (following links; -nofollow: not a final one) or a descriptor names: its
  // permission bits are now MODE's (chmod); its owner and group are the arguments', -1 keeping one,
  // and a set-user-ID bit is gone (chown).
  'file:mode': ['param', 'param'], 'file:owner': ['param', 'param', 'param'], 'file:owner-nofollow': ['param', 'param', 'param'],
  // utimensat: the file of DFD and PATH (NULL: DFD's own) has the access and modification times TIMES asks for.
  'file:times': ['param', 'param', 'param'], 'file:times-nofollow': ['param', 'param', 'param'],
  // The size of a file of the scratch directory after the call, by path or by descriptor.
  'file:size': ['param', 'count'], 'fd:size': ['param', 'count'],
  // Names made, removed and moved in the scratch directory (mkdir, mknod, symlink, unlink, rmdir, rename, link).
  'path:dir': ['param', 'param?'], 'path:node': ['param', 'param'], 'path:symlink': ['param', 'param'], 'path:absent': ['param'],
  'path:renamed': ['param', 'param'], 'path:exchanged': ['param', 'param'], 'path:linked': ['param', 'param'],
  'path:renamed-whiteout': ['param', 'param'],
} as const satisfies Record<string, readonly ArgSort[]>;
export type ClaimName = keyof typeof CLAIMS;
export const CLAIM_NAMES = Object.keys(CLAIMS) as ClaimName[];

/** The two-letter VMA flags of /proc/PID/smaps that `mem:vmflag` may name (those madvise sets). */
export const VM_FLAGS = ['rr', 'sr', 'dc', 'de', 'dd', 'wf', 'hg', 'nh', 'mg', 'lo'] as const;

/** One argument of a claim: an argument index (`param`), the return value times k, or a flag. */
export type ClaimArg = { param: number } | { ret: bigint } | { flag: string } | { bytes: bigint };

/** The largest constant count a claim may give (the C compares at most that much of a buffer). */
export const MAX_CLAIM_BYTES = 65536n;

/**
 * A test of an integer argument: `PARAM&CONST` (a bit set), `PARAM!&CONST` (every bit of CONST
 * clear), `PARAM=CONST`, `PARAM!=CONST`.
 */
export interface Guard { param: number; op: '&' | '!&' | '=' | '!='; value: bigint; text: string; field?: number; fixture?: string }

export interface Claim { name: ClaimName; args: ClaimArg[]; guard?: Guard; text: string }

const isClaim = (s: string): s is ClaimName => Object.hasOwn(CLAIMS, s);

function guard(text: string, params: readonly Param[]): Guard | string {
  // PARAM.FIELD: a 64-bit word of a structure argument (STRUCT_FIELDS in cond.ts).
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.([a-z_]+))?\s*(!&|&|!=|=)\s*(.+)$/.exec(text);
  if (!m) return `'if ${text}' is not PARAM&CONST, PARAM!&CONST, PARAM=CONST or PARAM!=CONST`;
  const param = params.findIndex((p) => p.name === m[1]);
  if (param < 0) return `'${m[1]}' in 'if ${text}' is not a parameter`;
  let field: number | undefined;
  if (m[2] !== undefined) {
    const fields = structFields(params[param]);
    if (!fields) return `'${m[1]}' in 'if ${text}' has no fields kapi knows`;
    field = fields.indexOf(m[2]);
    if (field < 0) return `'${m[2]}' in 'if ${text}' is not a field of ${m[1]} (${fields.join(', ')})`;
  }
  // PARAM=path:KIND, PARAM!=path:KIND: whether the argument is that path fixture.
  const fx = /^path:([a-z][a-z0-9-]*)$/.exec(m[4]!.trim());
  if (fx) {
    if (field !== undefined || (m[3] !== '=' && m[3] !== '!=')) return `'if ${text}': a path fixture is tested with PARAM=path:KIND or PARAM!=path:KIND only`;
    if (!(PATH_KINDS as readonly string[]).includes(fx[1]!)) return `unknown path 'path:${fx[1]}' in 'if ${text}'`;
    return { param, op: m[3] as Guard['op'], value: 0n, text, fixture: `path:${fx[1]}` };
  }
  const value = constOfText(m[4]!.trim()).value;
  if (value === undefined) return `'${m[4]!.trim()}' in 'if ${text}' is not a constant kapi can evaluate`;
  return { param, op: m[3] as Guard['op'], value, text, ...(field !== undefined ? { field } : {}) };
}

function claimArg(sort: ArgSort, text: string, params: readonly Param[]): ClaimArg | string {
  if (sort === 'ret') return text === 'ret' ? { ret: 1n } : `'${text}' must be 'ret'`;
  if (sort === 'flag') return (VM_FLAGS as readonly string[]).includes(text) ? { flag: text } : `unknown VMA flag '${text}' (expected ${VM_FLAGS.join(', ')})`;
  if (sort === 'count') {
    if (text === 'ret') return { ret: 1n };
    const m = /^ret\s*\*\s*(\d{1,6})$/.exec(text);
    if (m) return { ret: BigInt(m[1]!) };
    // A constant (`144`, `sizeof(struct stat)`): for a call that returns 0 and fills a fixed-size structure.
    if (!params.some((p) => p.name === text)) {
      const v = constOfText(text).value;
      if (v !== undefined) return v >= 1n && v <= MAX_CLAIM_BYTES ? { bytes: v } : `'${text}' is ${v}, not a count from 1 to ${MAX_CLAIM_BYTES}`;
    }
  }
  const i = params.findIndex((p) => p.name === text);
  if (i < 0) return `'${text}' is not a parameter${sort === 'count' ? ", 'ret', 'ret*K' or a constant" : ''}`;
  return { param: i };
}

function claim(text: string, params: readonly Param[]): Claim | string {
  const [body, cond, ...more] = text.split(/\s+if\s+/);
  if (more.length) return `'${text}' has more than one 'if'`;
  const eq = body!.indexOf('=');
  const name = (eq < 0 ? body! : body!.slice(0, eq)).trim();
  if (!isClaim(name)) return `unknown effect '${name}' (expected ${CLAIM_NAMES.join(', ')})`;
  const sorts: readonly ArgSort[] = CLAIMS[name];
  const raw = eq < 0 ? [] : body!.slice(eq + 1).split(',').map((x) => x.trim());
  const need = sorts.filter((s) => s !== 'param?').length;
  if (raw.length < need || raw.length > sorts.length) return `'${name}' takes ${sorts.length ? sorts.join(', ').replace('param?', '[param]') : 'no arguments'}, not '${body!.slice(eq + 1).trim()}'`;
  const args: ClaimArg[] = [];
  for (const [k, r] of raw.entries()) {
    const a = claimArg(sorts[k] === 'param?' ? 'param' : sorts[k]!, r, params);
    if (typeof a === 'string') return `${name}: ${a}`;
    args.push(a);
  }
  // What the C reads through a parameter must be of that kind (plan.ts checks each case's arguments too).
  const param = (k: number) => { const x = args[k]; return x && 'param' in x ? params[x.param] : undefined; };
  if ((name === 'file:created' || name === 'file:truncated' || name === 'file:size') && param(0) && param(0)!.type !== 'path') return `${name}: '${param(0)!.name}' is not a path parameter`;
  if (name === 'fd:size' && param(0) && param(0)!.type !== 'fd') return `${name}: '${param(0)!.name}' is not a descriptor parameter`;
  // The path claims read their names (path:symlink its target too) as strings; path:node's second argument is the mode.
  for (const k of name.startsWith('path:') ? (name === 'path:dir' || name === 'path:node' || name === 'path:absent' ? [0] : [0, 1]) : []) {
    if (param(k) && param(k)!.type !== 'path') return `${name}: '${param(k)!.name}' is not a path parameter`;
  }
  if ((name === 'mem:filled' || name.startsWith('fd:pair')) && param(0) && param(0)!.type !== 'user_ptr' && param(0)!.type !== 'ptr') return `${name}: '${param(0)!.name}' is not a pointer parameter`;
  const c: Claim = { name, args, text: text.replace(/\s+/g, ' ').trim() };
  if (cond !== undefined) {
    const g = guard(cond.trim(), params);
    if (typeof g === 'string') return `${name}: ${g}`;
    c.guard = g;
  }
  return c;
}

/** Parses a `kapi-effect:` text: claims separated by `;`, all of which must hold. */
export function parseEffects(text: string, params: readonly Param[]): { claims: Claim[]; problems: string[] } {
  const claims: Claim[] = [], problems: string[] = [];
  for (const part of text.split(';').map((x) => x.trim().replace(/\s+/g, ' '))) {
    if (!part) { problems.push('an empty effect'); continue; }
    const c = claim(part, params);
    if (typeof c === 'string') problems.push(c);
    else claims.push(c);
  }
  return { claims, problems };
}

/** One effect block of a spec (a `side-effect:` or `state-trans:`), as conform sees it. */
export interface EffectBlock {
  /** `side-effect 2` or `state-trans 1`, counting each kind from 1 in the spec's order. */
  label: string;
  /** The block's target (side-effect) or object (state-trans), for reports. */
  about: string;
  claims: Claim[];
  /** Settings for extra successful calls that show the effect (`kapi-effect-case:`). */
  cases: Condition[];
  unobservable?: string;
  problems: string[];
  /** Where the block is, for lint. */
  at: string;
  /** The block's own tags (its `kapi-fs` covers its `kapi-effect-case` calls). */
  ext?: Record<string, string>;
}

/** The spec's effect blocks with their tags read. */
export function effectBlocks(spec: ApiSpec): EffectBlock[] {
  const params = spec.params ?? [];
  const blocks: EffectBlock[] = [];
  const read = (label: string, about: string, ext: Record<string, string> | undefined, at: string) => {
    const b: EffectBlock = { label, about, claims: [], cases: [], problems: [], at, ...(ext ? { ext } : {}) };
    const e = ext?.['kapi-effect'], k = ext?.['kapi-effect-case'], u = ext?.['kapi-unobservable'];
    if (e !== undefined) {
      const r = parseEffects(e, params);
      b.claims = r.claims;
      b.problems.push(...r.problems.map((p) => `kapi-effect ${p}`));
    }
    if (k !== undefined) {
      if (e === undefined) b.problems.push('kapi-effect-case without kapi-effect: the case would check nothing of this block');
      const r = parseConditions(k, params);
      b.cases = r.conditions;
      b.problems.push(...r.problems.map((p) => `kapi-effect-case ${p}`));
    }
    if (u !== undefined) {
      if (!u.trim()) b.problems.push('kapi-unobservable needs a reason');
      else b.unobservable = u.trim();
      if (e !== undefined) b.problems.push('both kapi-effect and kapi-unobservable');
    }
    blocks.push(b);
  };
  if (spec.return?.ext?.['kapi-effect'] !== undefined || spec.return?.ext?.['kapi-effect-case'] !== undefined) read('return', 'the return value', spec.return.ext, spec.return.at ?? spec.at);
  (spec.side_effects ?? []).forEach((s, i) => read(`side-effect ${i + 1}`, s.target ?? s.effects.join(' | '), s.ext, s.at));
  (spec.state_transitions ?? []).forEach((s, i) => read(`state-trans ${i + 1}`, s.object ?? '', s.ext, s.at));
  return blocks;
}

/** Does the spec say anything about its effects? Only then are successful calls checked for them. */
export const effectsTagged = (blocks: readonly EffectBlock[]) => blocks.some((b) => b.claims.length || b.unobservable !== undefined);

/** Does the guard hold for these argument values (undefined: not an integer argument)? */
export function guardHolds(g: Guard | undefined, value: (param: number, field?: number) => bigint | string | undefined): boolean {
  if (!g) return true;
  const v = value(g.param, g.field);
  // A fixture argument (`path:KIND`) passes only a fixture test; an integer never passes one.
  if (g.fixture !== undefined) return typeof v === 'string' && (g.op === '=' ? v === g.fixture : v !== g.fixture);
  if (v === undefined || typeof v === 'string') return false;
  if (g.op === '&') return (v & g.value) !== 0n;
  if (g.op === '!&') return (v & g.value) === 0n;
  return g.op === '=' ? v === g.value : v !== g.value;
}
