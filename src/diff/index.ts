// Diff: two spec sets paired by name, compared by a table of rules, one file per rule, each with
// a stable id, a default level and why it matters to callers. Values are compared, not spelling:
// the same API written in two DSL generations diffs as no change.

import type { Finding, Level } from '../lint/types.js';
import type { ApiSpec } from '../model/types.js';
import { constraintNarrowed, constraintWidened, flagsAdded, flagsRemoved } from './rules/constraints.js';
import { contextNarrowed, contextWidened } from './rules/context.js';
import { docChanged } from './rules/docs.js';
import { errnoAdded, errnoRemoved } from './rules/errors.js';
import { paramAdded, paramRemoved, paramRenamed, paramRetyped } from './rules/params.js';
import { capabilityAdded, capabilityRemoved, lockAdded, lockRemoved, signalAdded, signalRemoved } from './rules/resources.js';
import { returnChanged } from './rules/return.js';
import { sideEffectsChanged } from './rules/side-effects.js';
import { specAdded, specRemoved } from './rules/spec.js';
import type { Rule } from './types.js';
import { addrFamilyAdded, addrFamilyNarrowed, addrFamilyRemoved, addrFamilyWidened } from './rules/addr-families.js';
import { asyncNarrowed, asyncWidened, bufferNarrowed, bufferWidened } from './rules/net-io.js';
import { netFeatureGained, netFeatureLost, netSemanticsChanged, networkDocChanged } from './rules/net-properties.js';
import { protocolBehaviorAdded, protocolBehaviorChanged } from './rules/protocols.js';
import { socketStateNarrowed, socketStateWidened, socketTransitionAdded, socketTransitionChanged } from './rules/socket-state.js';

export type { Rule } from './types.js';

export const RULES = {
  'spec-removed': specRemoved, 'spec-added': specAdded,
  'param-added': paramAdded, 'param-removed': paramRemoved, 'param-renamed': paramRenamed, 'param-retyped': paramRetyped,
  'constraint-narrowed': constraintNarrowed, 'constraint-widened': constraintWidened,
  'flags-removed': flagsRemoved, 'flags-added': flagsAdded,
  'errno-added': errnoAdded, 'errno-removed': errnoRemoved,
  'return-changed': returnChanged,
  'context-narrowed': contextNarrowed, 'context-widened': contextWidened,
  'lock-added': lockAdded, 'lock-removed': lockRemoved,
  'capability-added': capabilityAdded, 'capability-removed': capabilityRemoved,
  'signal-added': signalAdded, 'signal-removed': signalRemoved,
  'side-effects-changed': sideEffectsChanged,
  'socket-state-narrowed': socketStateNarrowed, 'socket-state-widened': socketStateWidened,
  'socket-transition-changed': socketTransitionChanged, 'socket-transition-added': socketTransitionAdded,
  'protocol-behavior-changed': protocolBehaviorChanged, 'protocol-behavior-added': protocolBehaviorAdded,
  'addr-family-removed': addrFamilyRemoved, 'addr-family-added': addrFamilyAdded,
  'addr-family-narrowed': addrFamilyNarrowed, 'addr-family-widened': addrFamilyWidened,
  'buffer-narrowed': bufferNarrowed, 'buffer-widened': bufferWidened,
  'async-narrowed': asyncNarrowed, 'async-widened': asyncWidened,
  'net-semantics-changed': netSemanticsChanged, 'net-feature-lost': netFeatureLost, 'net-feature-gained': netFeatureGained,
  'network-doc-changed': networkDocChanged,
  'doc-changed': docChanged,
} satisfies Record<string, Rule>;

export interface DiffFinding extends Finding { why: string; suppressed?: string; suppressedBy?: number }

export interface Suppression { rule: string; spec: string; reason: string; line: number }

/** Parses a suppressions file: `RULE SPEC REASON...`, `*` for any; blank lines and # comments skipped. */
export function parseSuppressions(text: string): { items: Suppression[]; errors: string[] } {
  const items: Suppression[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((l, i) => {
    // `#` starts a comment at the start of a line or after a space; a reason may say "bug #123".
    const line = l.replace(/^\s*#.*$|\s#(\s.*)?$/, '').trim();
    if (!line) return;
    const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(line);
    if (!m) errors.push(`line ${i + 1}: expected 'RULE SPEC REASON', and the reason is required`);
    else if (m[1] !== '*' && !(m[1]! in RULES)) errors.push(`line ${i + 1}: unknown rule '${m[1]}'`);
    else items.push({ rule: m[1]!, spec: m[2]!, reason: m[3]!, line: i + 1 });
  });
  return { items, errors };
}

/** Every rule over every pair of specs (by name). */
export function diffSets(old: readonly ApiSpec[], now: readonly ApiSpec[], suppressions: Suppression[] = []): DiffFinding[] {
  const a = new Map(old.map((s) => [s.name, s]));
  const b = new Map(now.map((s) => [s.name, s]));
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: DiffFinding[] = [];
  for (const name of names) {
    for (const rule of Object.values(RULES) as Rule[]) {
      for (const c of rule.check(a.get(name), b.get(name))) {
        const f: DiffFinding = { id: rule.id, level: rule.level as Level, at: c.at, message: c.message, spec: name, why: rule.why };
        const sup = suppressions.find((s) => (s.rule === '*' || s.rule === rule.id) && (s.spec === '*' || s.spec === name));
        if (sup) {
          f.suppressed = sup.reason;
          f.suppressedBy = sup.line;
        }
        out.push(f);
      }
    }
  }
  return out;
}
