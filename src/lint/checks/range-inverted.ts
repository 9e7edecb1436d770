import type { Check } from '../types.js';

export const rangeInverted: Check = {
  id: 'range-inverted', level: 'error', summary: 'a range whose minimum is above its maximum',
  run(s) {
    const out = [];
    for (const p of s.params ?? []) {
      const c = p.constraint;
      if (c?.min?.value !== undefined && c.max?.value !== undefined && c.min.value > c.max.value) {
        out.push({ at: p.at, message: `parameter '${p.name}': range ${c.min.text} .. ${c.max.text} is empty (minimum ${c.min.value} > maximum ${c.max.value})` });
      }
    }
    const r = s.return;
    if (r?.success_min?.value !== undefined && r.success_max?.value !== undefined && r.success_min.value > r.success_max.value) {
      out.push({ at: r.at, message: `success range ${r.success_min.text} .. ${r.success_max.text} is empty` });
    }
    return out;
  },
};
