import { both, pair } from '../compare.js';
import type { Rule } from '../types.js';

function listRule(id: string, level: Rule['level'], summary: string, why: string, list: 'locks' | 'capabilities' | 'signals', what: 'added' | 'removed'): Rule {
  const key = (x: { name: string; direction?: string[] }) => `${x.name}${x.direction ? `/${x.direction.join('|')}` : ''}`;
  return {
    id, level, summary, why,
    check: (o, n) => (both(o, n) ? pair(o[list] as { name: string; at: string }[] | undefined, n![list] as { name: string; at: string }[] | undefined, key)
      .filter(([a, b]) => (what === 'added' ? !a && b : a && !b))
      .map(([a, b]) => ({ at: b?.at ?? n!.at, message: `${list === 'locks' ? 'lock' : list === 'capabilities' ? 'capability' : 'signal'} ${(a ?? b)!.name} was ${what}` })) : []),
  };
}

export const lockAdded = listRule('lock-added', 'warning', 'the API takes a new lock', 'callers that hold a lock the new one nests under can now deadlock', 'locks', 'added');
export const lockRemoved = listRule('lock-removed', 'info', 'the API no longer takes a lock', 'callers lose serialisation they may have relied on, but nothing new can deadlock', 'locks', 'removed');
export const capabilityAdded = listRule('capability-added', 'error', 'a capability is now involved', 'unprivileged callers that used to succeed may now get EPERM', 'capabilities', 'added');
export const capabilityRemoved = listRule('capability-removed', 'info', 'a capability is no longer involved', 'privileged callers keep working; unprivileged ones may now succeed', 'capabilities', 'removed');
export const signalAdded = listRule('signal-added', 'warning', 'a signal is now involved', 'callers may see new interruptions (EINTR) or deliveries they do not handle', 'signals', 'added');
export const signalRemoved = listRule('signal-removed', 'info', 'a signal is no longer involved', 'callers that relied on it being delivered or honoured notice', 'signals', 'removed');
