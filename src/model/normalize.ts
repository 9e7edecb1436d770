// Normalisation: the last stage of every source. In: specs from any number of inputs.
// Out: a frozen SpecSet sorted by name; duplicate names are reported, the first one kept.

import type { DiagSink } from '../diag/index.js';
import type { ApiSpec, SpecSet } from './types.js';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

export function normalize(specs: ApiSpec[], diags: DiagSink): SpecSet {
  const byName = new Map<string, ApiSpec>();
  for (const s of specs) {
    const prev = byName.get(s.name);
    if (prev) {
      diags.report('duplicate-spec', s.at, `spec '${s.name}' is already defined at ${prev.at}`, s.name);
      continue;
    }
    byName.set(s.name, s);
  }
  const sorted = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return deepFreeze({ specs: sorted });
}
