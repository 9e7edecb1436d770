import type { Check } from '../types.js';

export const missingDescription: Check = {
  id: 'missing-description', level: 'info', summary: 'a spec, parameter or error without a description',
  run(s) {
    const out = [];
    if (!s.description?.trim()) out.push({ at: s.at, message: `${s.name} has no description` });
    for (const p of s.params ?? []) if (!p.description?.trim()) out.push({ at: p.at, message: `parameter '${p.name}' has no description` });
    for (const e of s.errors ?? []) if (!e.description?.trim() && !e.condition?.trim()) out.push({ at: e.at, message: `${e.name} has neither condition nor description` });
    return out;
  },
};
