// The errors the code returns against the errors a spec lists. With a kernel tree (kapi lint
// --tree, or a spec inside one), the code is the whole tree's errno flow from the syscall
// (flow.ts), each errno with its chain; without one, the returns of the spec's own file.
// Aliases are one errno (EWOULDBLOCK is EAGAIN, ...); kernel-internal codes (512 and up) are never
// missing, and a restart code the flow found counts as the EINTR user space sees.

import { join } from 'node:path';
import { formatChain, objectsOf, type IndirectCall, type SyscallError } from '../../facts/flow.js';
import { canonicalErrno } from '../../facts/recall.js';
import { errnoNumber } from '../../sources/consts/index.js';
import { notReturnedMap } from '../not-returned.js';
import type { ApiSpec } from '../../model/types.js';
import type { Check, Finding } from '../types.js';

/** Kernel-internal codes (ERESTARTSYS and the others from 512 up) never reach user space. */
const userVisible = (e: string) => (errnoNumber(e) ?? 0) < 512;

/** How many names a message shows before "and N more". */
const FEW = 4;

function few(names: readonly string[]): string {
  return names.length > FEW ? `${names.slice(0, FEW).join(', ')} and ${names.length - FEW} more` : names.join(', ');
}

const indirectName = (i: IndirectCall) => `${i.name} (${i.implementations} implementation${i.implementations === 1 ? '' : 's'}, ${i.followed?.length ? `followed for ${i.followed.join(', ')} only` : 'not followed'})`;

/**
 * The tree errnos a spec does not list and does not mark kapi-not-returned, user-visible ones
 * only; `objects` picks those found through an object's implementation (objects.ts), or the others.
 */
function unlisted(s: ApiSpec, errors: readonly SyscallError[], objects: boolean): SyscallError[] {
  const listed = new Set((s.errors ?? []).map((e) => canonicalErrno(e.name)));
  const not = notReturnedMap(s.ext?.['kapi-not-returned']);
  return errors.filter((e) => !e.internal && !listed.has(canonicalErrno(e.name)) && !not.has(e.name) && (objectsOf(e.chain).length > 0) === objects);
}

function missingFinding(root: string, s: ApiSpec, e: SyscallError): Finding {
  const last = e.chain[e.chain.length - 1]!;
  const what = e.via ? `-${e.via} (which user space sees as EINTR)` : `-${e.name}`;
  const obj = objectsOf(e.chain)[0];
  return {
    at: `${join(root, last.file)}:${last.line}:1`,
    message: `${obj ? `for the object '${obj}', ` : ''}the code can return ${what}, but ${s.name} does not list ${e.name}: ${formatChain(e.chain)}`,
  } as Finding;
}

/** Errors the code returns that the spec does not list. */
export const codeErrorMissing: Check = {
  id: 'code-error-missing', level: 'warning', summary: 'an errno the code returns that the spec does not list',
  run(s, ctx) {
    const t = ctx.tree?.(s);
    if (t) {
      const out = unlisted(s, t.errnos.errors, false).map((e) => missingFinding(t.root, s, e));
      // A kapi-not-returned errno the code no longer returns: the note is stale.
      const found = new Set(t.errnos.errors.map((e) => e.name));
      for (const [e] of notReturnedMap(s.ext?.['kapi-not-returned'])) {
        if (!found.has(e)) out.push({ at: s.at, message: `kapi-not-returned names ${e}, but no path from ${t.errnos.name} in the tree returns it` } as Finding);
      }
      return out;
    }
    const f = ctx.code(s);
    if (!f) return [];
    const listed = new Set((s.errors ?? []).map((e) => e.name));
    const file = f.at.replace(/:\d+:\d+$/, '');
    return [...f.errors].filter(([e]) => !listed.has(e) && userVisible(e)).map(([e, line]) => ({
      at: `${file}:${line}:1`, message: `the code returns -${e} here, but ${s.name} does not list ${e}`,
    }));
  },
};

/**
 * Errors the code returns only when the object behind a descriptor or path is one of the common
 * objects whose implementations the flow follows (a UDP socket's ECONNREFUSED for write): a hint,
 * since a spec may keep to the errors every object shares.
 */
export const codeErrorObject: Check = {
  id: 'code-error-object', level: 'info', summary: 'an errno the code returns for one kind of object that the spec does not list',
  run(s, ctx) {
    const t = ctx.tree?.(s);
    return t ? unlisted(s, t.errnos.errors, true).map((e) => missingFinding(t.root, s, e)) : [];
  },
};

/** Listed errors no path of the code produces: a hint, they may come from what was not followed. */
export const codeErrorUnseen: Check = {
  id: 'code-error-unseen', level: 'info', summary: 'a listed errno that no path the code analysis follows returns',
  run(s, ctx) {
    const t = ctx.tree?.(s);
    if (t) {
      const r = t.errnos;
      const found = new Set(r.errors.map((e) => canonicalErrno(e.name)));
      const notSeen = [
        r.indirect.length ? `${r.indirect.length} indirect call${r.indirect.length === 1 ? '' : 's'} (${few([...r.indirect].sort((a, b) => Number(!!a.followed) - Number(!!b.followed)).map(indirectName))})` : '',
        r.unresolved.length ? `${r.unresolved.length} call${r.unresolved.length === 1 ? '' : 's'} unresolved (${few(r.unresolved)})` : '',
      ].filter((x) => x);
      const why = notSeen.length ? `; it may come from ${notSeen.join(', or ')}` : '';
      return (s.errors ?? []).filter((e) => !found.has(canonicalErrno(e.name))).map((e) => ({
        at: e.at, message: `${e.name} is listed, but no path from ${r.name} in the tree returns it (${r.functions} functions followed)${why}`,
      }));
    }
    const f = ctx.code(s);
    if (!f) return [];
    const via = f.unresolved.size ? ` (it may come from ${[...f.unresolved].sort().slice(0, 3).join(', ')}${f.unresolved.size > 3 ? ', ...' : ''})` : '';
    return (s.errors ?? []).filter((e) => !f.errors.has(e.name)).map((e) => ({
      at: e.at, message: `${e.name} is listed, but no return in ${f.at.replace(/:\d+:\d+$/, '')} produces it${via}`,
    }));
  },
};
