// Normalisation: the last stage of every source. In: specs from any number of inputs.
// Out: a frozen SpecSet sorted by name; duplicate names are reported, the first one kept.

import type { DiagSink } from '../diag/index.js';
import type { ApiSpec, NetworkSpec, SocketProtocol, SpecSet } from './types.js';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** A set of names as the model keeps it: sorted, each once. */
const nameSet = <T extends string>(xs: readonly T[]): T[] => [...new Set(xs)].sort();

/** Protocol sets: `all` covers every protocol, so a set with it is just `all`. */
const protocolSet = (xs: readonly SocketProtocol[]): SocketProtocol[] => (xs.includes('all') ? ['all'] : nameSet(xs));

/** States in source order, each once. */
const stateList = <T extends string>(xs: readonly T[]): T[] => [...new Set(xs)];

/**
 * The networking part in its one form, whichever source wrote it (a JSON snapshot may list names
 * in any order): bit sets sorted, `all` alone, state lists without repeats.
 */
function normalizeNetwork(n: NetworkSpec): NetworkSpec {
  const out: NetworkSpec = { ...n };
  if (n.socket_state) {
    const st = { ...n.socket_state };
    if (st.required) st.required = stateList(st.required);
    if (st.forbidden) st.forbidden = stateList(st.forbidden);
    if (st.protocols) st.protocols = protocolSet(st.protocols);
    out.socket_state = st;
  }
  if (n.protocol_behaviors) out.protocol_behaviors = n.protocol_behaviors.map((b) => (b.protocols ? { ...b, protocols: protocolSet(b.protocols) } : b));
  if (n.buffer?.behaviors) out.buffer = { ...n.buffer, behaviors: nameSet(n.buffer.behaviors) };
  if (n.async?.modes) out.async = { ...n.async, modes: nameSet(n.async.modes) };
  return out;
}

export function normalize(specs: ApiSpec[], diags: DiagSink): SpecSet {
  const byName = new Map<string, ApiSpec>();
  for (const raw of specs) {
    const s = raw.network ? { ...raw, network: normalizeNetwork(raw.network) } : raw;
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
