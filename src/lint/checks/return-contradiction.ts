import { errnoNumber } from '../../sources/consts/index.js';
import type { Check } from '../types.js';

export const returnContradiction: Check = {
  id: 'return-contradiction', level: 'error', summary: 'a return check that contradicts itself or the listed errors',
  run(s) {
    const r = s.return;
    if (!r) return [];
    const out = [];
    if (r.check === 'fd' && r.success_min?.value !== undefined && r.success_min.value < 0n) {
      out.push({ at: r.at, message: `a descriptor is never negative, but the success range starts at ${r.success_min.text}` });
    }
    if (r.check === 'exact' && r.success?.value !== undefined && r.success.value < 0n) {
      const e = (s.errors ?? []).find((x) => errnoNumber(x.name) === Number(-r.success!.value!));
      if (e) out.push({ at: r.at, message: `success value ${r.success.text} is also the listed error ${e.name}` });
    }
    if (r.check === 'no_return' && (r.success || r.success_min || r.success_max)) {
      out.push({ at: r.at, message: 'check-type no_return cannot have a success value' });
    }
    if (r.check === 'range' && !r.success_min && !r.success_max) out.push({ at: r.at, message: 'check-type range without a success range' });
    if (r.check === 'exact' && !r.success) out.push({ at: r.at, message: 'check-type exact without a success value' });
    return out;
  },
};
