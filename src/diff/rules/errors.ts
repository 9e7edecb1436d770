import { both, pair } from '../compare.js';
import type { Rule } from '../types.js';

export const errnoAdded: Rule = {
  id: 'errno-added', level: 'warning', summary: 'the API can return a new errno',
  why: 'callers written against the old list may not handle it, and may treat it as a fatal error',
  check: (o, n) => (both(o, n) ? pair(o.errors, n!.errors, (e) => e.name).filter(([a, b]) => !a && b).map(([, b]) => ({ at: b!.at, message: `${b!.name} can now be returned${b!.condition ? `: ${b!.condition}` : ''}` })) : []),
};

export const errnoRemoved: Rule = {
  id: 'errno-removed', level: 'info', summary: 'an errno is no longer returned',
  why: 'callers keep working; their handling of it becomes dead code, unless they relied on the failure',
  check: (o, n) => (both(o, n) ? pair(o.errors, n!.errors, (e) => e.name).filter(([a, b]) => a && !b).map(([a]) => ({ at: n!.at, message: `${a!.name} is no longer listed` })) : []),
};
