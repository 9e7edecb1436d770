import { effectBlocks } from '../../conform/effect.js';
import { runnable } from '../../conform/plan.js';
import type { Check } from '../types.js';

/**
 * A syscall's effect block (side-effect or state-trans) that conformance cannot check: no
 * `kapi-effect:` saying what a caller sees after a successful call, and no `kapi-unobservable:`
 * saying why a caller cannot see it (docs/dsl.md).
 */
export const effectClaim: Check = {
  id: 'effect-claim', level: 'warning', summary: 'a syscall effect block with neither kapi-effect nor kapi-unobservable',
  run(s) {
    if (!runnable(s)) return [];
    return effectBlocks(s).filter((b) => b.label !== 'return' && !b.claims.length && b.unobservable === undefined && !b.problems.length).map((b) => ({
      at: b.at,
      message: `${b.label} (${b.about}) has no kapi-effect (what a caller sees) and no kapi-unobservable (why it cannot); conformance cannot prove it`,
    }));
  },
};
