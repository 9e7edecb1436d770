import { both, pair } from '../compare.js';
import type { Rule } from '../types.js';

const byIndex = (p: { index: number }) => String(p.index);

export const paramAdded: Rule = {
  id: 'param-added', level: 'error', summary: 'a parameter was added',
  why: 'existing callers pass one argument fewer: the new one receives whatever is left in the register',
  check: (o, n) => (both(o, n) ? pair(o.params, n!.params, byIndex).filter(([a, b]) => !a && b).map(([, b]) => ({ at: b!.at, message: `parameter ${b!.index} '${b!.name}' was added` })) : []),
};

export const paramRemoved: Rule = {
  id: 'param-removed', level: 'error', summary: 'a parameter was removed',
  why: 'existing callers still pass it, and the kernel now ignores what they meant by it',
  check: (o, n) => (both(o, n) ? pair(o.params, n!.params, byIndex).filter(([a, b]) => a && !b).map(([a]) => ({ at: n!.at, message: `parameter ${a!.index} '${a!.name}' was removed` })) : []),
};

export const paramRenamed: Rule = {
  id: 'param-renamed', level: 'info', summary: 'a parameter has a new name',
  why: 'names are not part of the binary interface; only documentation and source users see it',
  check: (o, n) => (both(o, n) ? pair(o.params, n!.params, byIndex).filter(([a, b]) => a && b && a.name !== b.name).map(([a, b]) => ({ at: b!.at, message: `parameter ${b!.index} is now '${b!.name}', was '${a!.name}'` })) : []),
};

const norm = (t: string | undefined) => t?.replace(/\s+/g, ' ').replace(/ \*/g, '*').trim();

export const paramRetyped: Rule = {
  id: 'param-retyped', level: 'error', summary: 'a parameter has a new type',
  why: 'callers pass values of the old type: a changed width, signedness or kind (fd, pointer, path) changes what the kernel reads',
  check: (o, n) => (both(o, n) ? pair(o.params, n!.params, byIndex).flatMap(([a, b]) => {
    if (!a || !b) return [];
    const out = [];
    if (a.type && b.type && a.type !== b.type) out.push({ at: b.at, message: `parameter '${b.name}' is now ${b.type}, was ${a.type}` });
    if (a.c_type && b.c_type && norm(a.c_type) !== norm(b.c_type)) out.push({ at: b.at, message: `parameter '${b.name}' is now '${b.c_type}', was '${a.c_type}'` });
    return out;
  }) : []),
};
