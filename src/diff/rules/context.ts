import { both } from '../compare.js';
import type { Change, Rule } from '../types.js';

/** Removing a context, or adding `sleepable`, takes something away from callers. */
function changes(o: Parameters<Rule['check']>[0], n: Parameters<Rule['check']>[1], narrower: boolean): Change[] {
  if (!both(o, n) || !o.contexts || !n!.contexts) return [];
  const a = new Set(o.contexts), b = new Set(n!.contexts);
  const out: Change[] = [];
  for (const c of a) if (!b.has(c) && (c === 'sleepable') !== narrower) out.push({ at: n!.at, message: c === 'sleepable' ? 'no longer sleeps' : `can no longer be called in ${c} context` });
  for (const c of b) if (!a.has(c) && (c === 'sleepable') === narrower) out.push({ at: n!.at, message: c === 'sleepable' ? 'may now sleep' : `can now be called in ${c} context` });
  return out;
}

export const contextNarrowed: Rule = {
  id: 'context-narrowed', level: 'error', summary: 'callable in fewer contexts, or newly may sleep',
  why: 'callers in atomic or interrupt context that were correct before can now deadlock or trigger might_sleep warnings',
  check: (o, n) => changes(o, n, true),
};

export const contextWidened: Rule = {
  id: 'context-widened', level: 'info', summary: 'callable in more contexts, or no longer sleeps',
  why: 'every existing caller stays correct',
  check: (o, n) => changes(o, n, false),
};
