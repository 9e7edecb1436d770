import { errnoNumber } from '../../sources/consts/index.js';
import type { Check } from '../types.js';

/** Kernel-internal codes (ERESTARTSYS and the others from 512 up) never reach user space. */
const userVisible = (e: string) => (errnoNumber(e) ?? 0) < 512;

/** Errors the code returns that the spec does not list. */
export const codeErrorMissing: Check = {
  id: 'code-error-missing', level: 'warning', summary: 'an errno the code returns that the spec does not list',
  run(s, ctx) {
    const f = ctx.code(s);
    if (!f) return [];
    const listed = new Set((s.errors ?? []).map((e) => e.name));
    const file = f.at.replace(/:\d+:\d+$/, '');
    return [...f.errors].filter(([e]) => !listed.has(e) && userVisible(e)).map(([e, line]) => ({
      at: `${file}:${line}:1`, message: `the code returns -${e} here, but ${s.name} does not list ${e}`,
    }));
  },
};

/** Listed errors no return in the function's own file produces: a hint, they may come from elsewhere. */
export const codeErrorUnseen: Check = {
  id: 'code-error-unseen', level: 'info', summary: 'a listed errno that no return in the same file produces',
  run(s, ctx) {
    const f = ctx.code(s);
    if (!f) return [];
    const via = f.unresolved.size ? ` (it may come from ${[...f.unresolved].sort().slice(0, 3).join(', ')}${f.unresolved.size > 3 ? ', ...' : ''})` : '';
    return (s.errors ?? []).filter((e) => !f.errors.has(e.name)).map((e) => ({
      at: e.at, message: `${e.name} is listed, but no return in ${f.at.replace(/:\d+:\d+$/, '')} produces it${via}`,
    }));
  },
};
