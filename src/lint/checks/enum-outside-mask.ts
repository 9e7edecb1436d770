import type { Check } from '../types.js';

export const enumOutsideMask: Check = {
  id: 'enum-outside-mask', level: 'error', summary: 'an allowed value with bits outside the valid mask',
  run(s) {
    const out = [];
    for (const p of s.params ?? []) {
      const m = p.constraint?.mask?.value;
      if (m === undefined) continue;
      for (const v of p.constraint?.values ?? []) {
        if (v.value !== undefined && (v.value & ~m) !== 0n) {
          out.push({ at: p.at, message: `parameter '${p.name}': value ${v.text} has bits 0x${(v.value & ~m).toString(16)} outside the valid mask ${p.constraint!.mask!.text}` });
        }
      }
    }
    return out;
  },
};
