import type { AddrFamily } from '../../model/types.js';
import { nets, pair, sameConst, show, val } from '../compare.js';
import type { Change, Rule } from '../types.js';

/** Families are paired by their constant's value, else its text, else their name. */
export const familyKey = (f: AddrFamily) => val(f.family)?.toString() ?? f.family?.text ?? f.name;
export const familyLabel = (f: AddrFamily) => f.family?.text ?? f.name;

export const addrFamilyRemoved: Rule = {
  id: 'addr-family-removed', level: 'error', summary: 'an address family is no longer supported',
  why: 'programs that use the family now get EAFNOSUPPORT (or EINVAL) where the call used to work',
  check: (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return pair(p[0].addr_families, p[1].addr_families, familyKey).filter(([a, b]) => a && !b)
      .map(([a]) => ({ at: n!.at, message: `address family ${familyLabel(a!)} is no longer supported` }));
  },
};

export const addrFamilyAdded: Rule = {
  id: 'addr-family-added', level: 'info', summary: 'an address family is newly supported',
  why: 'existing programs do not use it; new ones must handle EAFNOSUPPORT on older kernels',
  check: (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return pair(p[0].addr_families, p[1].addr_families, familyKey).filter(([a, b]) => !a && b)
      .map(([, b]) => ({ at: b!.at, message: `address family ${familyLabel(b!)} is now supported` }));
  },
};

type Dir = 'narrowed' | 'widened';

/** How the addresses a family accepts moved. Features left out are false, as in the C struct. */
function moves(a: AddrFamily, b: AddrFamily): [Dir, string][] {
  const out: [Dir, string][] = [];
  const f = familyLabel(b);
  const bound = (x: bigint, y: bigint, what: string, raiseNarrows: boolean) => {
    if (x !== y) out.push([(y > x) === raiseNarrows ? 'narrowed' : 'widened', `${what} of ${f} is ${y}, was ${x}`]);
  };
  const [amin, bmin, amax, bmax] = [val(a.min_len), val(b.min_len), val(a.max_len), val(b.max_len)];
  if (amin !== undefined && bmin !== undefined) bound(amin, bmin, 'the shortest address', true);
  if (amax !== undefined && bmax !== undefined) bound(amax, bmax, 'the longest address', false);
  const [apmin, bpmin, apmax, bpmax] = [val(a.port_min), val(b.port_min), val(a.port_max), val(b.port_max)];
  if (apmin !== undefined && bpmin !== undefined) bound(apmin, bpmin, 'the lowest port', true);
  if (apmax !== undefined && bpmax !== undefined) bound(apmax, bpmax, 'the highest port', false);
  if (a.addr_size && b.addr_size && !sameConst(a.addr_size, b.addr_size)) {
    out.push(['narrowed', `the address structure of ${f} is ${show(b.addr_size)}, was ${show(a.addr_size)}`]);
  }
  for (const k of ['wildcard', 'multicast', 'broadcast'] as const) {
    const x = a[k] ?? false, y = b[k] ?? false;
    if (x && !y) out.push(['narrowed', `${f} no longer supports ${k} addresses`]);
    if (!x && y) out.push(['widened', `${f} now supports ${k} addresses`]);
  }
  return out;
}

function rule(dir: Dir): Rule['check'] {
  return (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    return pair(p[0].addr_families, p[1].addr_families, familyKey).flatMap(([a, b]): Change[] =>
      a && b ? moves(a, b).filter(([d]) => d === dir).map(([, message]) => ({ at: b.at, message })) : []);
  };
}

export const addrFamilyNarrowed: Rule = {
  id: 'addr-family-narrowed', level: 'error', summary: 'a supported address family accepts fewer addresses',
  why: 'addresses that callers pass (their length, port, structure size, or a wildcard, multicast or broadcast address) may now be rejected',
  check: rule('narrowed'),
};

export const addrFamilyWidened: Rule = {
  id: 'addr-family-widened', level: 'info', summary: 'a supported address family accepts more addresses',
  why: 'every address that worked still works',
  check: rule('widened'),
};
