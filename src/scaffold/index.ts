// Scaffold: a spec skeleton in the PATCH v4 kernel-doc DSL for a syscall, from its SYSCALL_DEFINEn
// (parameters, C types, a KAPI type guessed from each) and the errors its code returns: those of
// the syscall's own file (per-file facts), or those the whole-tree errno flow finds (flow.ts), each
// with the chain from the syscall to its return site. The prose is left as TODO for a person; the
// skeleton itself reads back through kapi without diagnostics.

import type { ErrorFacts, FnDef } from '../facts/index.js';
import type { ChainStep, SyscallErrnos, SyscallError } from '../facts/flow.js';

export interface Skeleton {
  name: string;
  text: string;
  /** Errors listed in the skeleton. */
  errors: number;
  /** Per-file: functions of other files whose errors are not listed. Tree: calls left unresolved. */
  unresolved: string[];
  /** Tree only: calls through function pointers not followed. */
  indirect?: number;
  /** Tree only: kernel-internal codes found and not listed. */
  internal?: string[];
  /** Tree only: the coverage line (also in the skeleton's notes). */
  coverage?: string;
}

/** A KAPI type and flags for a parameter, from its C type and name. */
export function guessType(cType: string, name: string): { type: string; flags: string[]; hint?: string } {
  const t = cType.replace(/\s+/g, ' ');
  const user = /__user/.test(t) && /\*/.test(t);
  const isConst = /\bconst\b/.test(t);
  if (user && /\bchar\b/.test(t) && /name|path|file|dir/.test(name)) return { type: 'path', flags: ['input'] };
  if (user) return { type: 'user_ptr', flags: [isConst ? 'input' : 'output'], hint: isConst ? undefined : 'check the direction: the pointer is not const' };
  if (/\*/.test(t)) return { type: 'ptr', flags: ['input'] };
  if (/fd$|^fd|fildes/.test(name) && /\bint\b|unsigned/.test(t)) return { type: 'fd', flags: ['input'] };
  if (/\bunsigned\b|size_t|\bu(8|16|32|64)\b|__u(8|16|32|64)|umode_t|uid_t|gid_t/.test(t)) return { type: 'uint', flags: ['input'] };
  return { type: 'int', flags: ['input'] };
}

/** Width the DSL lines are wrapped to (the ` * ` prefix included). */
export const WRAP = 100;

/**
 * ` * TAG TEXT` as lines of at most WRAP columns where the text has spaces to break at; the
 * continuation lines are indented two columns deeper than `indent`, which the kernel-doc reader
 * joins to the value (an indented line that is not a sub-field continues the last value).
 */
export function wrapTag(indent: string, tag: string, text: string, width = WRAP): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  const first = ` * ${indent}${tag}`;
  const cont = ` * ${indent}  `;
  const out: string[] = [];
  let line = first;
  let start = true;
  for (const w of words) {
    if (!start && line.length + 1 + w.length > width) {
      out.push(line);
      line = cont + w;
    } else line = start ? line + w : `${line} ${w}`;
    start = false;
  }
  out.push(line);
  return out;
}

interface ErrorBlock { name: string; desc: string }

/**
 * Text from the tree (its file names are anyone's) made safe inside a DSL comment: control
 * characters (a newline would end the tag) become '?', and a comment end is split.
 */
export const commentSafe = (t: string) => t.replace(/[\x00-\x1f\x7f]/g, '?').replace(/\*\//g, '* /');

function render(fn: FnDef, errors: readonly ErrorBlock[], notes: string): string {
  const name = fn.syscall!;
  const lines: string[] = [
    '/**', ` * sys_${name} - TODO: what ${name} does, in one line`,
    ...fn.params.map((p) => ` * @${p.name}: TODO`), ' *',
    ...wrapTag('', 'long-desc: ', `TODO: what ${name} does and when.`),
    ' * contexts: process, sleepable', ' *',
  ];
  for (const p of fn.params) {
    const g = guessType(p.c_type, p.name);
    lines.push(` * param: ${p.name}`, ` *   type: ${[g.type, ...g.flags].join(', ')}`);
    if (/flags|mode|how|options|advice/.test(p.name)) lines.push(' *   constraint: TODO: which values or bits are valid');
    if (/(len|count|size)$/.test(p.name) && g.type === 'uint') lines.push(' *   constraint: TODO: the limit, and what a larger value does');
    lines.push(` *   desc: TODO${g.hint ? ` (${g.hint})` : ''}`, ' *');
  }
  lines.push(' * return:', ' *   type: long', ' *   check-type: exact', ' *   success: 0', ' *   desc: TODO: the result on success; a negative errno on failure', ' *');
  for (const e of errors) lines.push(` * error: ${e.name}, TODO: when`, ...wrapTag('  ', 'desc: ', commentSafe(e.desc)), ' *');
  lines.push(...wrapTag('', 'notes: ', commentSafe(notes)));
  lines.push(' */');
  const sig = `SYSCALL_DEFINE${fn.params.length}(${[name, ...fn.params.flatMap((p) => [p.c_type, p.name])].join(', ')})`;
  return `${lines.join('\n')}\n${sig}\n{\n}\n`;
}

/** A skeleton from the per-file facts of the syscall's own file (`origin` is `file:line:col`). */
export function skeleton(fn: FnDef, facts: ErrorFacts, origin: string, note = ''): Skeleton {
  const file = origin.replace(/:\d+:\d+$/, '');
  const errs = [...facts.errors.keys()].sort();
  const unresolved = [...facts.unresolved].sort();
  const notes = `Scaffolded by kapi from ${origin}.${unresolved.length ? ` Errors of ${unresolved.join(', ')} (other files) are not listed yet.` : ''}${note ? ` ${note}` : ''}`;
  const text = render(fn, errs.map((e) => ({ name: e, desc: `returned at ${file}:${facts.errors.get(e)}` })), notes);
  return { name: `sys_${fn.syscall}`, text, errors: errs.length, unresolved };
}

/** `sys_open -> do_sys_open -> ... -> do_open`: every step, the path of the chain. */
const path = (c: readonly ChainStep[]) => c.map((s) => s.function).join(' -> ');

/** The desc of a tree error: where the code returns it and the chain to there. */
export function chainDesc(e: SyscallError): string {
  const last = e.chain[e.chain.length - 1]!;
  const what = e.via ? `${e.via} (which user space sees as EINTR when a signal handler runs)` : 'it';
  if (last.wrapper) {
    const before = e.chain.slice(0, -1);
    return `TODO; the code returns ${what} through ${last.function} (${last.wrapper}), called at ${last.file}:${last.line} via ${path(before.length ? before : e.chain)}`;
  }
  return `TODO; the code returns ${what} at ${last.file}:${last.line} via ${path(e.chain)}`;
}

/** `27 errnos found; 4 calls unresolved (a, b); 2 indirect calls (d_op->d_hash: 16 implementations, ...)`. */
export function coverageLine(r: SyscallErrnos): string {
  const visible = r.errors.filter((e) => !e.internal);
  const internal = r.errors.filter((e) => e.internal).map((e) => e.name);
  return `${visible.length} errnos found${internal.length ? ` (and kernel-internal ${internal.join(', ')}, not listed)` : ''}; ` +
    `${r.unresolved.length} calls unresolved${r.unresolved.length ? ` (${r.unresolved.join(', ')})` : ''}; ` +
    `${r.indirect.length} indirect calls${r.indirect.length ? ` (${r.indirect.map((i) => `${i.name}: ${i.implementations} implementation${i.implementations === 1 ? '' : 's'}${i.followed?.length ? `, followed for ${i.followed.join(', ')}` : ', not followed'}`).join('; ')})` : ''}`;
}

/**
 * A skeleton from the whole-tree errno flow: every user-visible errno the syscall's code can
 * return (kernel-internal codes from 512 up are left out; EINTR found through a restart code is
 * listed and says so), each with its chain, and the coverage line in the notes.
 */
export function treeSkeleton(fn: FnDef, r: SyscallErrnos, origin: string): Skeleton {
  const errors = r.errors.filter((e) => !e.internal);
  const coverage = coverageLine(r);
  const notes = `Scaffolded by kapi from ${origin}, errors from the whole tree (${r.functions} functions followed). Coverage: ${coverage}.`;
  const text = render(fn, errors.map((e) => ({ name: e.name, desc: chainDesc(e) })), notes);
  return {
    name: `sys_${fn.syscall}`, text, errors: errors.length, unresolved: r.unresolved, indirect: r.indirect.length,
    internal: r.errors.filter((e) => e.internal).map((e) => e.name), coverage,
  };
}
