import { both, sameConst, show } from '../compare.js';
import type { Rule } from '../types.js';

export const returnChanged: Rule = {
  id: 'return-changed', level: 'error', summary: 'success is recognised differently',
  why: 'callers test the result the old way: a new success value or range can read as failure, or the reverse',
  check: (o, n) => {
    if (!both(o, n)) return [];
    const a = o.return, b = n!.return;
    if (!a || !b) return [];
    const out = [];
    if (a.check && b.check && a.check !== b.check) out.push({ at: b.at, message: `return check is ${b.check}, was ${a.check}` });
    if (!sameConst(a.success, b.success) && a.success && b.success) out.push({ at: b.at, message: `success value is ${show(b.success)}, was ${show(a.success)}` });
    if ((a.success_min || a.success_max) && (b.success_min || b.success_max) && (!sameConst(a.success_min, b.success_min) || !sameConst(a.success_max, b.success_max))) {
      out.push({ at: b.at, message: `success range is ${show(b.success_min)} .. ${show(b.success_max)}, was ${show(a.success_min)} .. ${show(a.success_max)}` });
    }
    return out;
  },
};
