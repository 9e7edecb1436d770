// Binds a kernel-doc spec to the function definition that follows it: SYSCALL_DEFINEn,
// COMPAT_SYSCALL_DEFINEn, an ioctl handler or a plain C function.

import type { Kind, Signature } from '../../model/types.js';
import { tokensText } from '../c/expr.js';
import type { Token } from '../c/lexer.js';
import { closing, splitArgs } from '../c-macro/parse.js';

export interface Bound {
  name: string;
  kind: Kind;
  signature: Signature;
}

/** Lines between the end of the comment and the function that may separate them. */
const MAX_GAP = 10;

export function bindFunction(t: Token[], from: number, endLine: number, file: string): Bound | undefined {
  const first = t[from];
  if (!first || first.line > endLine + MAX_GAP) return undefined;
  const at = `${file}:${first.line}:${first.col}`;
  const sys = /^(COMPAT_)?SYSCALL_DEFINE(\d)$/.exec(first.text);
  if (sys && t[from + 1]?.text === '(') {
    const c = closing(t, from + 1);
    if (c < 0) return undefined;
    const args = splitArgs(t.slice(from + 2, c));
    const name = args[0]?.length === 1 ? args[0][0]!.text : undefined;
    if (!name) return undefined;
    const params: Signature['params'] = [];
    for (let k = 1; k + 1 < args.length; k += 2) {
      params.push({ c_type: tokensText(args[k]!), name: tokensText(args[k + 1]!) });
    }
    return {
      name: `${sys[1] ? 'compat_' : ''}sys_${name}`, kind: 'syscall',
      signature: { form: first.text, name, params, at },
    };
  }
  return plainFunction(t, from, at);
}

/** `[static] [inline] TYPE NAME(TYPE a, TYPE b)` followed by `{` (a definition). */
function plainFunction(t: Token[], from: number, at: string): Bound | undefined {
  let k = from;
  while (k < t.length && (t[k]!.kind === 'ident' || t[k]!.text === '*') && k - from < 12) k++;
  if (t[k]?.text !== '(' || k - from < 2 || t[k - 1]!.kind !== 'ident') return undefined;
  const name = t[k - 1]!.text;
  const c = closing(t, k);
  if (c < 0 || t[c + 1]?.text !== '{') return undefined;
  const ret = t.slice(from, k - 1).filter((x) => !['static', 'inline', '__init', 'noinline', 'notrace', '__always_inline'].includes(x.text));
  const params = splitArgs(t.slice(k + 1, c))
    .filter((a) => !(a.length === 1 && a[0]!.text === 'void'))
    .map((a) => {
      const last = a[a.length - 1]!;
      return last.kind === 'ident' && a.length > 1
        ? { c_type: tokensText(a.slice(0, -1)), name: last.text }
        : { c_type: tokensText(a), name: '' };
    });
  return {
    name,
    kind: /ioctl/.test(name) ? 'ioctl' : 'function',
    signature: { form: tokensText(ret), name, params, at },
  };
}
