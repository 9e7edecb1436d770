import type { Check } from '../types.js';

/** Parameter indices must be 0, 1, 2, ... in order, each once. */
export const paramIndex: Check = {
  id: 'param-index', level: 'error', summary: 'parameter indices are not 0..n-1, each once',
  run(s) {
    return (s.params ?? []).flatMap((p, i) => (p.index === i ? [] : [{
      at: p.at, message: `parameter '${p.name}' has index ${p.index}, expected ${i}`,
    }]));
  },
};
