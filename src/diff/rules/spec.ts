import type { Rule } from '../types.js';

export const specRemoved: Rule = {
  id: 'spec-removed', level: 'error', summary: 'an API is gone',
  why: 'programs that call it get ENOSYS or fail to build against the new headers',
  check: (o, n) => (o && !n ? [{ at: o.at, message: `${o.name} was removed` }] : []),
};

export const specAdded: Rule = {
  id: 'spec-added', level: 'info', summary: 'a new API',
  why: 'nothing existing calls it yet',
  check: (o, n) => (!o && n ? [{ at: n.at, message: `${n.name} is new` }] : []),
};
