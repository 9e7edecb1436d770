import type { Check } from '../types.js';

export const sizeParam: Check = {
  id: 'size-param', level: 'error', summary: 'a size-parameter reference that points nowhere, or at itself',
  run(s) {
    const ps = s.params ?? [];
    return ps.flatMap((p) => {
      const sp = p.size_param;
      if (!sp) return [];
      const target = ps.find((q) => q.index === sp.index);
      if (!target) return [{ at: p.at, message: `parameter '${p.name}' takes its size from parameter ${sp.index}, which does not exist` }];
      if (target === p) return [{ at: p.at, message: `parameter '${p.name}' takes its size from itself` }];
      if (sp.name && sp.name !== target.name) return [{ at: p.at, message: `parameter '${p.name}': size parameter ${sp.index} is '${target.name}', not '${sp.name}'` }];
      return [];
    });
  },
};
