import { both, pair } from '../compare.js';
import type { Rule } from '../types.js';

export const sideEffectsChanged: Rule = {
  id: 'side-effects-changed', level: 'warning', summary: 'what the API changes besides its result is different',
  why: 'callers may depend on a side effect (a position moved, memory allocated, a descriptor created) or on its absence',
  check: (o, n) => (both(o, n) ? pair(o.side_effects, n!.side_effects, (e) => e.target ?? e.effects.join('|')).flatMap(([a, b, k]) => {
    if (!a) return [{ at: b!.at, message: `new side effect on ${k} (${b!.effects.join(', ') || 'kind not given'})` }];
    if (!b) return [{ at: n!.at, message: `side effect on ${k} is gone` }];
    const out = [];
    if (a.effects.join() !== b.effects.join()) out.push({ at: b.at, message: `side effect on ${k} is now ${b.effects.join(', ')}, was ${a.effects.join(', ')}` });
    if ((a.reversible ?? false) !== (b.reversible ?? false)) out.push({ at: b.at, message: `side effect on ${k} is ${b.reversible ? 'now' : 'no longer'} reversible` });
    return out;
  }) : []),
};
