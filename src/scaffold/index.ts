// Scaffold: a spec skeleton in the PATCH v4 kernel-doc DSL for a syscall, from its SYSCALL_DEFINEn
// (parameters, C types, a KAPI type guessed from each) and the errors its code returns. The prose
// is left as TODO for a person; the skeleton itself reads back through kapi without diagnostics.

import type { ErrorFacts, FnDef } from '../facts/index.js';

export interface Skeleton { name: string; text: string; errors: number; unresolved: string[] }

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

const wrap = (tag: string, text: string) => ` * ${tag}${text}`;

export function skeleton(fn: FnDef, facts: ErrorFacts, origin: string): Skeleton {
  const name = fn.syscall!;
  const lines: string[] = [
    '/**', ` * sys_${name} - TODO: what ${name} does, in one line`,
    ...fn.params.map((p) => ` * @${p.name}: TODO`), ' *',
    wrap('long-desc: ', `TODO: what ${name} does and when.`),
    ' * contexts: process, sleepable', ' *',
  ];
  for (const p of fn.params) {
    const g = guessType(p.c_type, p.name);
    lines.push(` * param: ${p.name}`, `${wrap('  type: ', [g.type, ...g.flags].join(', '))}`);
    if (/flags|mode|how|options|advice/.test(p.name)) lines.push(wrap('  constraint: ', 'TODO: which values or bits are valid'));
    if (/(len|count|size)$/.test(p.name) && g.type === 'uint') lines.push(wrap('  constraint: ', 'TODO: the limit, and what a larger value does'));
    lines.push(wrap('  desc: ', `TODO${g.hint ? ` (${g.hint})` : ''}`), ' *');
  }
  lines.push(' * return:', ' *   type: long', ' *   check-type: exact', ' *   success: 0', ' *   desc: TODO: the result on success; a negative errno on failure', ' *');
  const errs = [...facts.errors.keys()].sort();
  for (const e of errs) lines.push(` * error: ${e}, TODO: when`, ` *   desc: returned at ${origin.replace(/:\d+:\d+$/, '')}:${facts.errors.get(e)}`, ' *');
  const unresolved = [...facts.unresolved].sort();
  lines.push(wrap('notes: ', `Scaffolded by kapi from ${origin}.${unresolved.length ? ` Errors of ${unresolved.join(', ')} (other files) are not listed yet.` : ''}`));
  lines.push(' */');
  const sig = `${fn.syscall ? `SYSCALL_DEFINE${fn.params.length}` : fn.name}(${[name, ...fn.params.flatMap((p) => [p.c_type, p.name])].join(', ')})`;
  return { name: `sys_${name}`, text: `${lines.join('\n')}\n${sig}\n{\n}\n`, errors: errs.length, unresolved };
}
