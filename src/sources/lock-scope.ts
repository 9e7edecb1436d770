// Maps the RFC v1/v2 lock booleans onto one PATCH v4 scope, keeping the booleans only when the
// combination has no clean equivalent.

import type { LockScope, LockSpec } from '../model/types.js';

type Bools = NonNullable<LockSpec['legacy']>;

/** Clean mappings, keyed by acquired/released/held_on_entry/held_on_exit as 0/1 digits. */
const CLEAN: Record<string, LockScope> = {
  '0000': 'internal',
  '1100': 'internal',
  '1000': 'acquires',
  '1001': 'acquires',
  '0100': 'releases',
  '0110': 'releases',
  '0011': 'caller_held',
  '0010': 'caller_held',
  '0001': 'caller_held',
};

export function mapLegacyLock<T extends LockSpec & { _b?: Bools }>(l: T, b: Bools): LockSpec {
  const { _b, ...lock } = l;
  void _b;
  const given = Object.values(b).some((v) => v !== undefined);
  if (!given || lock.scope) return lock;
  const key = [b.acquired, b.released, b.held_on_entry, b.held_on_exit].map((v) => (v ? '1' : '0')).join('');
  const clean = CLEAN[key];
  if (clean) return { ...lock, scope: clean };
  const legacy: Bools = {};
  for (const k of ['acquired', 'released', 'held_on_entry', 'held_on_exit'] as const) if (b[k]) legacy[k] = true;
  const scope: LockScope = b.acquired ? 'acquires' : b.released ? 'releases' : 'caller_held';
  return { ...lock, scope, legacy };
}
