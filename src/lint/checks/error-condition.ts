import { runnable } from '../../conform/plan.js';
import type { Check } from '../types.js';

/**
 * A syscall's documented error that conformance cannot try: no `kapi-cond:` saying how to bring
 * it about, and no `kapi-unprovokable:` saying why user space cannot (docs/dsl.md).
 */
export const errorCondition: Check = {
  id: 'error-condition', level: 'warning', summary: 'a syscall error with neither kapi-cond nor kapi-unprovokable',
  run(s) {
    if (!runnable(s)) return [];
    return (s.errors ?? []).filter((e) => e.ext?.['kapi-cond'] === undefined && e.ext?.['kapi-unprovokable'] === undefined).map((e) => ({
      at: e.at,
      message: `${e.name} has no kapi-cond (how to bring it about) and no kapi-unprovokable (why user space cannot); conformance cannot prove it`,
    }));
  },
};
