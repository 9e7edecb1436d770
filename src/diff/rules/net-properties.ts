import type { NetworkSpec } from '../../model/types.js';
import { nets, pair, prose, sameConst, show } from '../compare.js';
import type { Change, Rule } from '../types.js';
import { familyKey, familyLabel } from './addr-families.js';
import { behaviorKey } from './protocols.js';

// Both specs have networking: a property left out is false, as in the zero-initialised C struct.

const SEMANTICS = { connection_oriented: 'connection-oriented', message_oriented: 'message-oriented' } as const;
const FEATURES = {
  supports_oob: 'out-of-band data', supports_peek: 'peeking at data', supports_select_poll: 'select and poll',
  reentrant: 'reentrant calls',
} as const;

export const netSemanticsChanged: Rule = {
  id: 'net-semantics-changed', level: 'error', summary: 'the call is connection- or message-oriented where it was not, or the reverse',
  why: 'callers are written for one model: they connect first or not, and read byte streams or whole messages',
  check: (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return (Object.keys(SEMANTICS) as (keyof typeof SEMANTICS)[]).flatMap((k): Change[] => {
      const x = p[0][k] ?? false, y = p[1][k] ?? false;
      return x === y ? [] : [{ at: n!.at, message: `the call is ${y ? 'now' : 'no longer'} ${SEMANTICS[k]}` }];
    });
  },
};

function feature(lost: boolean): Rule['check'] {
  return (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return (Object.keys(FEATURES) as (keyof typeof FEATURES)[]).flatMap((k): Change[] => {
      const x = p[0][k] ?? false, y = p[1][k] ?? false;
      if (lost ? x && !y : !x && y) return [{ at: n!.at, message: `${FEATURES[k]} ${lost ? 'no longer supported' : 'now supported'}` }];
      return [];
    });
  };
}

export const netFeatureLost: Rule = {
  id: 'net-feature-lost', level: 'error', summary: 'out-of-band data, peeking, select/poll or reentrancy is no longer supported',
  why: 'callers that use MSG_OOB or MSG_PEEK, wait with select or poll, or make the call from several threads at once relied on it',
  check: feature(true),
};

export const netFeatureGained: Rule = {
  id: 'net-feature-gained', level: 'info', summary: 'out-of-band data, peeking, select/poll or reentrancy is now supported',
  why: 'existing callers do not depend on it; new ones must check for it on older kernels',
  check: feature(false),
};

/** What differs in the prose and hints of the networking part. */
function texts(a: NetworkSpec, b: NetworkSpec): string[] {
  const out: string[] = [];
  const t = (what: string, x: string | undefined, y: string | undefined) => {
    if (prose(x) !== prose(y)) out.push(y === undefined ? `${what} is no longer given` : x === undefined ? `${what} is now given` : `${what} changed`);
  };
  t('the connection establishment', a.connection_establishment, b.connection_establishment);
  t('the connection termination', a.connection_termination, b.connection_termination);
  t('the data transfer semantics', a.data_transfer, b.data_transfer);
  t('the socket state condition', a.socket_state?.condition, b.socket_state?.condition);
  for (const [x, y, k] of pair(a.protocol_behaviors, b.protocol_behaviors, behaviorKey)) {
    if (x && y) t(`the protocol flags description for ${k}`, x.flags_description, y.flags_description);
  }
  for (const [x, y] of pair(a.addr_families, b.addr_families, familyKey)) {
    if (!x || !y) continue;
    const k = familyLabel(y);
    t(`the name of ${k}`, x.name || undefined, y.name || undefined);
    t(`the address format of ${k}`, x.format, y.format);
    t(`the special addresses of ${k}`, x.special, y.special);
  }
  t('the partial transfer rules', a.buffer?.partial_rules, b.buffer?.partial_rules);
  t('the fragmentation rules', a.buffer?.fragmentation_rules, b.buffer?.fragmentation_rules);
  if (!sameConst(a.buffer?.optimal_size, b.buffer?.optimal_size)) out.push(`the optimal buffer size is ${show(b.buffer?.optimal_size)}, was ${show(a.buffer?.optimal_size)}`);
  t('the completion condition', a.async?.completion, b.async?.completion);
  t('the timeout behaviour', a.async?.timeout_description, b.async?.timeout_description);
  if (!a.async?.nonblock_error && b.async?.nonblock_error) out.push(`a call that would block is now said to fail with ${b.async.nonblock_error}`);
  return out;
}

export const networkDocChanged: Rule = {
  id: 'network-doc-changed', level: 'info', summary: 'only networking descriptions or hints changed',
  why: 'descriptions, address formats, rules in words and the optimal buffer size do not change what callers may pass or get',
  check: (o, n) => {
    const p = nets(o, n);
    return p ? texts(p[0], p[1]).map((message) => ({ at: n!.at, message })) : [];
  },
};
