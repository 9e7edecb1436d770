import { both, pair } from '../compare.js';
import type { Change, Rule } from '../types.js';

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export const docChanged: Rule = {
  id: 'doc-changed', level: 'info', summary: 'only the documentation changed',
  why: 'descriptions, notes and examples do not change behaviour',
  check: (o, n) => {
    if (!both(o, n)) return [];
    const out: Change[] = [];
    for (const f of ['description', 'long_description', 'notes', 'examples'] as const) {
      if (norm(o[f]) !== norm(n![f])) out.push({ at: n!.at, message: `${f.replace('_', ' ')} changed` });
    }
    for (const [a, b] of pair(o.params, n!.params, (p) => String(p.index))) {
      if (a && b && (norm(a.description) !== norm(b.description) || norm(a.constraint?.description) !== norm(b.constraint?.description))) out.push({ at: b.at, message: `description of parameter '${b.name}' changed` });
    }
    for (const [a, b] of pair(o.errors, n!.errors, (e) => e.name)) {
      if (a && b && (norm(a.condition) !== norm(b.condition) || norm(a.description) !== norm(b.description))) out.push({ at: b.at, message: `wording of ${b.name} changed` });
    }
    return out;
  },
};
