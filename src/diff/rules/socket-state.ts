import type { SocketProtocol, SocketStateSpec } from '../../model/types.js';
import { added, nets } from '../compare.js';
import type { Change, Rule } from '../types.js';

type Dir = 'narrowed' | 'widened';

const join = (xs: readonly string[]) => xs.join(', ');

/** Protocols in `b` that `a` did not cover; `all` covers every protocol. */
function morePro(a: readonly SocketProtocol[], b: readonly SocketProtocol[]): string | undefined {
  if (a.includes('all')) return undefined;
  if (b.includes('all')) return 'all protocols';
  const x = added(a, b);
  return x.length ? join(x) : undefined;
}

/**
 * How the states a call accepts moved. Both specs have networking: a socket state group missing
 * on one side is the empty one (the C struct is zero-initialised: no requirement, no result).
 */
function moves(a: SocketStateSpec, b: SocketStateSpec): [Dir, string][] {
  const out: [Dir, string][] = [];
  const ra = a.required ?? [], rb = b.required ?? [];
  if (!ra.length && rb.length) out.push(['narrowed', `the socket must now be in state ${rb.join(' or ')}`]);
  else if (ra.length && !rb.length) out.push(['widened', `the socket no longer has to be in state ${ra.join(' or ')}`]);
  else {
    for (const s of added(rb, ra)) out.push(['narrowed', `a socket in state ${s} is no longer accepted`]);
    for (const s of added(ra, rb)) out.push(['widened', `a socket in state ${s} is now accepted`]);
  }
  for (const s of added(a.forbidden, b.forbidden)) out.push(['narrowed', `a socket in state ${s} is now refused`]);
  for (const s of added(b.forbidden, a.forbidden)) out.push(['widened', `a socket in state ${s} is no longer refused`]);
  if (a.protocols && b.protocols) {
    const more = morePro(a.protocols, b.protocols);
    const fewer = morePro(b.protocols, a.protocols);
    if (more) out.push(['narrowed', `the socket state requirement now applies to ${more}`]);
    if (fewer) out.push(['widened', `the socket state requirement no longer applies to ${fewer}`]);
  }
  return out;
}

function stateRule(dir: Dir): Rule['check'] {
  return (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    const [a, b] = p;
    const at = b.socket_state?.at ?? n!.at;
    return moves(a.socket_state ?? { at }, b.socket_state ?? { at }).filter(([d]) => d === dir).map(([, message]): Change => ({ at, message }));
  };
}

export const socketStateNarrowed: Rule = {
  id: 'socket-state-narrowed', level: 'error', summary: 'the call accepts a socket in fewer states',
  why: 'callers that make the call on a socket in a state now excluded get an error (EINVAL, ENOTCONN, EISCONN ...) where it used to work',
  check: stateRule('narrowed'),
};

export const socketStateWidened: Rule = {
  id: 'socket-state-widened', level: 'info', summary: 'the call accepts a socket in more states',
  why: 'every call that worked still works; only callers that relied on the error for the newly accepted states notice',
  check: stateRule('widened'),
};

/** The state a successful call leaves the socket in: changed, gone or new. */
function transition(which: 'changed' | 'added'): Rule['check'] {
  return (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    const [a, b] = p;
    const ra = a.socket_state?.result, rb = b.socket_state?.result;
    const at = b.socket_state?.at ?? n!.at;
    if (which === 'added') return !ra && rb ? [{ at, message: `a successful call now leaves the socket in state ${rb}` }] : [];
    if (ra && rb && ra !== rb) return [{ at, message: `a successful call leaves the socket in state ${rb}, was ${ra}` }];
    if (ra && !rb) return [{ at, message: `the socket state transition to ${ra} was removed` }];
    return [];
  };
}

export const socketTransitionChanged: Rule = {
  id: 'socket-transition-changed', level: 'error', summary: 'a successful call leaves the socket in another state, or in none given',
  why: 'callers go on with the next call of the protocol (accept after listen, send after connect) assuming the state the call used to leave the socket in',
  check: transition('changed'),
};

export const socketTransitionAdded: Rule = {
  id: 'socket-transition-added', level: 'info', summary: 'the state a successful call leaves the socket in is now given',
  why: 'it documents what the call does; no caller depended on the spec not saying it',
  check: transition('added'),
};
