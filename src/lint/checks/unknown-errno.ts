import { isErrnoName } from '../../sources/consts/index.js';
import type { Check } from '../types.js';

export const unknownErrno: Check = {
  id: 'unknown-errno', level: 'error', summary: 'an error or error value that is not an errno name',
  run(s) {
    const out = (s.errors ?? []).filter((e) => !isErrnoName(e.name)).map((e) => ({ at: e.at, message: `'${e.name}' is not an errno name` }));
    for (const v of s.return?.error_values ?? []) {
      if (!isErrnoName(v) && !/^-?\d+$/.test(v)) out.push({ at: s.return!.at, message: `return error value '${v}' is not an errno name` });
    }
    return out;
  },
};
