import type { Check } from '../types.js';

export const duplicateError: Check = {
  id: 'duplicate-error', level: 'error', summary: 'the same errno is listed twice',
  run(s) {
    const seen = new Set<string>();
    return (s.errors ?? []).flatMap((e) => {
      if (!seen.has(e.name)) { seen.add(e.name); return []; }
      return [{ at: e.at, message: `${e.name} is listed more than once; merge the conditions into one entry` }];
    });
  },
};
