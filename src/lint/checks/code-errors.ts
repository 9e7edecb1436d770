// The errors the code returns against the errors a spec lists. With a kernel tree (kapi lint
// --tree, or a spec inside one), the code is the whole tree's errno flow from the syscall
// (flow.ts), each errno with its chain; without one, the returns of the spec's own file.
// Aliases are one errno (EWOULDBLOCK is EAGAIN, ...); kernel-internal codes (512 and up) are never
// missing, and a restart code the flow found counts as the EINTR user space sees.

import { join } from 'node:path';
import { formatChain, type IndirectCall } from '../../facts/flow.js';
import { canonicalErrno } from '../../facts/recall.js';
import { errnoNumber } from '../../sources/consts/index.js';
import type { Check } from '../types.js';

/** Kernel-internal codes (ERESTARTSYS and the others from 512 up) never reach user space. */
const userVisible = (e: string) => (errnoNumber(e) ?? 0) < 512;

/** How many names a message shows before "and N more". */
const FEW = 4;

function few(names: readonly string[]): string {
  return names.length > FEW ? `${names.slice(0, FEW).join(', ')} and ${names.length - FEW} more` : names.join(', ');
}

const indirectName = (i: IndirectCall) => `${i.name} (${i.implementations} implementation${i.implementations === 1 ? '' : 's'})`;

/** Errors the code returns that the spec does not list. */
export const codeErrorMissing: Check = {
  id: 'code-error-missing', level: 'warning', summary: 'an errno the code returns that the spec does not list',
  run(s, ctx) {
    const t = ctx.tree?.(s);
    if (t) {
      const listed = new Set((s.errors ?? []).map((e) => canonicalErrno(e.name)));
      return t.errnos.errors.filter((e) => !e.internal && !listed.has(canonicalErrno(e.name))).map((e) => {
        const last = e.chain[e.chain.length - 1]!;
        const what = e.via ? `-${e.via} (which user space sees as EINTR)` : `-${e.name}`;
        return {
          at: `${join(t.root, last.file)}:${last.line}:1`,
          message: `the code can return ${what}, but ${s.name} does not list ${e.name}: ${formatChain(e.chain)}`,
        };
      });
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

/** Listed errors no path of the code produces: a hint, they may come from what was not followed. */
export const codeErrorUnseen: Check = {
  id: 'code-error-unseen', level: 'info', summary: 'a listed errno that no path the code analysis follows returns',
  run(s, ctx) {
    const t = ctx.tree?.(s);
    if (t) {
      const r = t.errnos;
      const found = new Set(r.errors.map((e) => canonicalErrno(e.name)));
      const notSeen = [
        r.indirect.length ? `${r.indirect.length} indirect call${r.indirect.length === 1 ? '' : 's'} not followed (${few(r.indirect.map(indirectName))})` : '',
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
