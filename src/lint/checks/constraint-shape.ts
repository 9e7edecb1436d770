import type { Check } from '../types.js';

export const constraintShape: Check = {
  id: 'constraint-shape', level: 'warning', summary: 'a constraint kind without the values it needs',
  run(s) {
    const out = [];
    for (const p of s.params ?? []) {
      const c = p.constraint;
      const need = c?.kind === 'range' ? !c.min && !c.max : c?.kind === 'mask' ? !c.mask : c?.kind === 'enum' ? !c.values?.length : c?.kind === 'alignment' ? !c.alignment && !p.alignment : false;
      if (need) out.push({ at: p.at, message: `parameter '${p.name}': constraint kind '${c!.kind}' has no ${c!.kind === 'enum' ? 'values' : c!.kind === 'mask' ? 'mask' : 'bounds'}` });
      if (c && !c.kind && (c.min || c.max || c.mask || c.values)) out.push({ at: p.at, message: `parameter '${p.name}': bounds or values are given but no constraint kind, so nothing checks them` });
    }
    return out;
  },
};
