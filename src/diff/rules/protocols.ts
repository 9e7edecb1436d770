import type { ProtocolBehavior } from '../../model/types.js';
import { nets, pair, prose, sameConst, show } from '../compare.js';
import type { Change, Rule } from '../types.js';

/** Behaviours are paired by the protocols they apply to. */
export const behaviorKey = (b: ProtocolBehavior) => (b.protocols?.length ? b.protocols.join(', ') : '(protocols not named)');

export const protocolBehaviorChanged: Rule = {
  id: 'protocol-behavior-changed', level: 'warning', summary: 'the call behaves differently for a protocol',
  why: 'programs that use that protocol were written against the behaviour and protocol flags described before; review whether they still hold',
  check: (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return pair(p[0].protocol_behaviors, p[1].protocol_behaviors, behaviorKey).flatMap(([a, b, k]): Change[] => {
      if (!a) return [];
      if (!b) return [{ at: n!.at, message: `the behaviour for ${k} is no longer described` }];
      const out: Change[] = [];
      if (!sameConst(a.flags, b.flags)) out.push({ at: b.at, message: `protocol flags for ${k} are ${show(b.flags)}, were ${show(a.flags)}` });
      if (prose(a.description) !== prose(b.description)) out.push({ at: b.at, message: `the behaviour for ${k} changed` });
      return out;
    });
  },
};

export const protocolBehaviorAdded: Rule = {
  id: 'protocol-behavior-added', level: 'info', summary: 'a behaviour for more protocols is described',
  why: 'it documents how the call treats a protocol; existing callers are not affected by the spec saying more',
  check: (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return pair(p[0].protocol_behaviors, p[1].protocol_behaviors, behaviorKey).filter(([a, b]) => !a && b)
      .map(([, b, k]) => ({ at: b!.at, message: `the behaviour for ${k} is now described` }));
  },
};
