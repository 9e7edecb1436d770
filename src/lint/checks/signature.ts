import type { Check } from '../types.js';

const norm = (t: string) => t.replace(/\s+/g, ' ').replace(/ \*/g, '*').trim();

export const signature: Check = {
  id: 'signature', level: 'error', summary: 'parameters that disagree with the SYSCALL_DEFINEn they describe',
  run(s) {
    const sig = s.signature;
    if (!sig || !s.params) return [];
    const out = [];
    if (s.params.length !== sig.params.length) {
      out.push({ at: s.at, message: `the spec has ${s.params.length} parameters, ${sig.form} ${sig.name} has ${sig.params.length}` });
    }
    for (const p of s.params) {
      const real = sig.params[p.index];
      if (!real) continue;
      if (real.name !== p.name) out.push({ at: p.at, message: `parameter ${p.index} is '${p.name}' in the spec but '${real.name}' in the code` });
      else if (p.c_type && norm(p.c_type) !== norm(real.c_type)) out.push({ at: p.at, message: `parameter '${p.name}' is '${p.c_type}' in the spec but '${real.c_type}' in the code` });
    }
    return out;
  },
};
