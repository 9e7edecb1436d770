import type { Constraint, Param } from '../../model/types.js';
import { both, pair, sameConst, show, val } from '../compare.js';
import type { Change, Rule } from '../types.js';

type Dir = 'narrowed' | 'widened';

/** The ways a parameter's accepted values changed, each marked narrower or wider. */
function moves(a: Constraint | undefined, b: Constraint | undefined, p: Param): [Dir, string][] {
  const out: [Dir, string][] = [];
  const lo = (c?: Constraint) => val(c?.min);
  const hi = (c?: Constraint) => val(c?.max);
  if (lo(a) !== undefined && lo(b) !== undefined && lo(a) !== lo(b)) out.push([lo(b)! > lo(a)! ? 'narrowed' : 'widened', `minimum of '${p.name}' is ${show(b!.min)}, was ${show(a!.min)}`]);
  if (hi(a) !== undefined && hi(b) !== undefined && hi(a) !== hi(b)) out.push([hi(b)! < hi(a)! ? 'narrowed' : 'widened', `maximum of '${p.name}' is ${show(b!.max)}, was ${show(a!.max)}`]);
  if (lo(a) === undefined && lo(b) !== undefined) out.push(['narrowed', `'${p.name}' now has a minimum, ${show(b!.min)}`]);
  if (hi(a) === undefined && hi(b) !== undefined) out.push(['narrowed', `'${p.name}' now has a maximum, ${show(b!.max)}`]);
  if (lo(a) !== undefined && lo(b) === undefined && b?.kind !== 'range') out.push(['widened', `'${p.name}' has no minimum any more`]);
  if (hi(a) !== undefined && hi(b) === undefined && b?.kind !== 'range') out.push(['widened', `'${p.name}' has no maximum any more`]);
  const va = new Map((a?.values ?? []).map((v) => [val(v)?.toString() ?? v.text, v]));
  const vb = new Map((b?.values ?? []).map((v) => [val(v)?.toString() ?? v.text, v]));
  if (va.size && vb.size) {
    for (const [k, v] of va) if (!vb.has(k)) out.push(['narrowed', `value ${show(v)} of '${p.name}' is no longer accepted`]);
    for (const [k, v] of vb) if (!va.has(k)) out.push(['widened', `value ${show(v)} of '${p.name}' is now accepted`]);
  }
  const al = (c?: Constraint) => val(c?.alignment);
  if (al(a) !== undefined && al(b) !== undefined && al(a) !== al(b)) out.push([al(b)! > al(a)! ? 'narrowed' : 'widened', `alignment of '${p.name}' is ${show(b!.alignment)}, was ${show(a!.alignment)}`]);
  if (a?.kind !== b?.kind && !(a?.kind === undefined && b?.kind === 'none') && !(a?.kind === 'none' && b?.kind === undefined)) {
    const none = (k?: string) => !k || k === 'none';
    if (none(a?.kind)) out.push(['narrowed', `'${p.name}' is now constrained (${b!.kind})`]);
    else if (none(b?.kind)) out.push(['widened', `'${p.name}' is no longer constrained (was ${a!.kind})`]);
    else out.push(['narrowed', `constraint of '${p.name}' is now ${b!.kind}, was ${a!.kind}`]);
  }
  return out;
}

function rule(dir: Dir): Rule['check'] {
  return (o, n) => (both(o, n) ? pair(o.params, n!.params, (p) => String(p.index)).flatMap(([a, b]): Change[] =>
    a && b ? moves(a.constraint, b.constraint, b).filter(([d]) => d === dir).map(([, m]) => ({ at: b.at, message: m })) : []) : []);
}

export const constraintNarrowed: Rule = {
  id: 'constraint-narrowed', level: 'error', summary: 'a parameter accepts fewer values',
  why: 'a value existing callers pass may now be rejected with EINVAL',
  check: rule('narrowed'),
};

export const constraintWidened: Rule = {
  id: 'constraint-widened', level: 'info', summary: 'a parameter accepts more values',
  why: 'every call that worked still works; only callers that relied on an error for the new values notice',
  check: rule('widened'),
};

function maskBits(which: 'removed' | 'added'): Rule['check'] {
  return (o, n) => (both(o, n) ? pair(o.params, n!.params, (p) => String(p.index)).flatMap(([a, b]): Change[] => {
    const ma = a?.constraint?.mask, mb = b?.constraint?.mask;
    if (!a || !b || ma?.value === undefined || mb?.value === undefined || sameConst(ma, mb)) return [];
    const [x, y] = [BigInt.asUintN(64, ma.value), BigInt.asUintN(64, mb.value)];
    const bits = which === 'removed' ? x & ~y : y & ~x;
    return bits ? [{ at: b.at, message: `'${b.name}' ${which === 'removed' ? 'no longer accepts' : 'now accepts'} flag bits 0x${bits.toString(16)} (mask ${show(mb)}, was ${show(ma)})` }] : [];
  }) : []);
}

export const flagsRemoved: Rule = {
  id: 'flags-removed', level: 'error', summary: 'accepted flag bits were removed',
  why: 'callers that pass the flag now get EINVAL, or have it silently ignored',
  check: maskBits('removed'),
};

export const flagsAdded: Rule = {
  id: 'flags-added', level: 'info', summary: 'new flag bits are accepted',
  why: 'old callers never set them; new callers must probe for support on old kernels',
  check: maskBits('added'),
};
