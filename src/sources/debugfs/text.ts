// debugfs `kapi/specs/<name>` text -> ApiSpec (RFC v1 and PATCH v4 layouts of the file). The file
// prints counts and summaries for some fields; what it does not print stays absent. Lines kapi
// cannot place are reported with their line number and skipped.

import { excerpt, type DiagSink } from '../../diag/index.js';
import type { ApiSpec, ConstVal, Constraint, ErrorSpec, LockSpec, Param, SignalSpec } from '../../model/types.js';
import { kindFromName } from '../c-macro/lower.js';
import { ACTIONS, CONTEXT_ORDER, DIRECTION_ORDER, FLAG_ORDER, LOCK_STR, SCOPE_STR, TYPE_STR, type DebugfsVersion } from './format.js';

const num = (s: string): ConstVal => {
  const t = s.trim();
  if (!/^-?(\d+|0x[0-9a-fA-F]+)$/.test(t)) return { text: t };
  try {
    return { text: t, value: BigInt(t) };
  } catch {
    return { text: t };
  }
};
const invert = <K extends string>(m: Partial<Record<K, string>>) => new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
const TYPES = invert(TYPE_STR);
const LOCKS = invert(LOCK_STR);
const SCOPES = invert(SCOPE_STR);

const SECTION = /^(Parameters|Errors|Locks|Additional constraints|Signal handling|Side effects|State transitions|Capabilities) \((\d+)\):$/;

interface Ctx { file: string; diags: DiagSink; spec: string; lines: string[]; i: number; version: DebugfsVersion }

function bad(c: Ctx, msg: string): void {
  c.diags.report('bad-debugfs', `${c.file}:${c.i + 1}:1`, msg, c.spec);
}

const at = (c: Ctx) => `${c.file}:${c.i + 1}:1`;

/** Lines of the current block: indented lines, up to a blank line or the next heading. */
function blockLines(c: Ctx): [number, string][] {
  const out: [number, string][] = [];
  while (c.i < c.lines.length && c.lines[c.i] !== '' && /^\s/.test(c.lines[c.i]!)) {
    out.push([c.i, c.lines[c.i]!]);
    c.i++;
  }
  return out;
}

function flagsOf(s: string): Param['flags'] {
  const toks = s.trim().split(/\s+/).filter(Boolean);
  const out = new Set<NonNullable<Param['flags']>[number]>();
  for (const [tok, f] of FLAG_ORDER) if (toks.includes(tok)) out.add(f);
  // RFC v1 prints INOUT beside IN or OUT for any IN/OUT parameter; PATCH v4 prints it alone.
  if (toks.includes('INOUT') && !toks.includes('IN') && !toks.includes('OUT')) { out.add('in'); out.add('out'); }
  return [...out].sort();
}

function params(c: Ctx, s: ApiSpec): void {
  const ps: Param[] = [];
  let p: Param | undefined;
  let inConstraint = false;
  while (c.i < c.lines.length) {
    const line = c.lines[c.i]!;
    if (line !== '' && !/^\s/.test(line)) break;
    c.i++;
    if (line === '') continue;
    const head = /^ {2}\[(\d+)\] (.*):$/.exec(line);
    if (head) {
      p = { index: Number(head[1]), name: head[2]!, at: `${c.file}:${c.i}:3` };
      ps.push(p);
      inConstraint = false;
      continue;
    }
    const kv = /^( +)([a-z_ ]+):(?: (.*))?$/.exec(line);
    if (!p || !kv) { c.i--; bad(c, `unexpected line in Parameters: '${excerpt(line.trim())}'`); c.i++; continue; }
    const [, indent, key, value = ''] = kv;
    if (indent!.length >= 6 && inConstraint) { constraintLine(p, key!, value); continue; }
    inConstraint = false;
    switch (key) {
      case 'type': {
        const m = /^(\S+)(?: \((.*)\))?$/.exec(value);
        const t = m ? TYPES.get(m[1]!) : undefined;
        if (t) p.type = t;
        if (m?.[2]) p.c_type = m[2];
        break;
      }
      case 'flags': { const f = flagsOf(value); if (f?.length) p.flags = f; break; }
      case 'description': p.description = value; break;
      case 'size': p.size = num(value); break;
      case 'alignment': p.alignment = num(value); break;
      case 'constraints': inConstraint = true; p.constraint ??= {}; break;
      default: c.i--; bad(c, `unknown parameter field '${excerpt(key!)}'`); c.i++;
    }
  }
  if (ps.length) s.params = ps;
}

function constraintLine(p: Param, key: string, value: string): void {
  const k: Constraint = (p.constraint ??= {});
  switch (key) {
    case 'type': k.kind = value.trim() as Constraint['kind']; break;
    case 'min': k.min = num(value); break;
    case 'max': k.max = num(value); break;
    case 'valid_bits': k.mask = num(value); break;
    case 'description': k.description = value; break;
    case 'min_len': k.min_len = num(value); break;
    case 'max_len': k.max_len = num(value.replace(/^PATH_MAX \((\d+)\)$/, '$1')); break;
    case 'size': p.size = num(value.replace(/ bytes$/, '')); break;
    case 'alignment': k.alignment = num(value); break;
    default: break; // `count:` of an enum: the values themselves are not printed.
  }
}

function returnSection(c: Ctx, s: ApiSpec): void {
  const r: NonNullable<ApiSpec['return']> = { at: at(c) };
  for (const [, line] of blockLines(c)) {
    const m = /^ {2}([a-z]+): (.*)$/.exec(line);
    if (!m) continue;
    const v = m[2]!;
    if (m[1] === 'type') r.c_type = v;
    else if (m[1] === 'description') r.description = v;
    else if (m[1] === 'success') {
      const exact = /^== (-?\d+)$/.exec(v);
      const range = /^\[(-?\d+), (-?\d+)\]$/.exec(v);
      if (exact) { r.check = 'exact'; r.success = num(exact[1]!); }
      else if (range) { r.check = 'range'; r.success_min = num(range[1]!); r.success_max = num(range[2]!); }
      else if (v.startsWith('valid file descriptor')) r.check = 'fd';
      else if (v === 'error check') r.check = 'error_check';
      else if (v === 'custom check') r.check = 'custom';
    }
  }
  s.return = r;
}

type Handler = (c: Ctx, s: ApiSpec) => void;

const SECTIONS: Record<string, Handler> = {
  Parameters: params,
  Errors: (c, s) => {
    const out: ErrorSpec[] = [];
    for (const [i, line] of blockLines(c)) {
      const e = /^ {2}([A-Z0-9_]+) \((-?\d+)\): ?(.*)$/.exec(line);
      const cond = /^ {4}condition: (.*)$/.exec(line);
      if (e) {
        const x: ErrorSpec = { name: e[1]!, at: `${c.file}:${i + 1}:3` };
        if (e[3]) x.description = e[3];
        out.push(x);
      } else if (cond && out.length) out[out.length - 1]!.condition = cond[1]!;
    }
    s.errors = out;
  },
  Locks: (c, s) => {
    const out: LockSpec[] = [];
    const b: Record<number, { acquired?: boolean; released?: boolean }> = {};
    for (const [i, line] of blockLines(c)) {
      const l = /^ {2}(.+?) \(([a-z]+)\): ?(.*)$/.exec(line);
      if (l) {
        const x: LockSpec = { name: l[1]!, at: `${c.file}:${i + 1}:3` };
        const t = LOCKS.get(l[2]!);
        if (t) x.type = t;
        if (l[3]) x.description = l[3];
        out.push(x);
        continue;
      }
      const last = out[out.length - 1];
      if (!last) continue;
      const scope = /^ {4}scope: (\S+)$/.exec(line);
      if (scope) { const v = SCOPES.get(scope[1]!); if (v) last.scope = v; }
      if (line.trim() === 'acquired by function') (b[out.length - 1] ??= {}).acquired = true;
      if (line.trim() === 'released by function') (b[out.length - 1] ??= {}).released = true;
    }
    out.forEach((l, k) => {
      if (l.scope || !b[k]) return;
      l.scope = b[k]!.acquired && b[k]!.released ? 'internal' : b[k]!.acquired ? 'acquires' : 'releases';
    });
    s.locks = out;
  },
  'Additional constraints': (c, s) => {
    const out: NonNullable<ApiSpec['constraints']> = [];
    for (const [i, line] of blockLines(c)) {
      const m = /^ {2}- (.*)$/.exec(line);
      const ex = /^ {4}expression: (.*)$/.exec(line);
      if (m) {
        // RFC v1 prints the description alone; PATCH v4 prints `name[: description]`.
        const [name, ...rest] = c.version === 'patch-v4' ? m[1]!.split(/: (.*)/s) : ['', m[1]!];
        const x: NonNullable<ApiSpec['constraints']>[number] = { name: name ?? '', at: `${c.file}:${i + 1}:3` };
        const d = rest.filter(Boolean).join('');
        if (d) x.description = d;
        out.push(x);
      } else if (ex && out.length) out[out.length - 1]!.expression = ex[1]!;
    }
    s.constraints = out;
  },
  'Signal handling': (c, s) => {
    const out: SignalSpec[] = [];
    for (const [i, line] of blockLines(c)) {
      const h = /^ {2}(\S+) \((-?\d+)\):$/.exec(line);
      const kv = /^ {4}([a-z]+): (.*)$/.exec(line);
      if (h) {
        const x: SignalSpec = { name: h[1]!, at: `${c.file}:${i + 1}:3` };
        if (h[2] !== '0') x.number = num(h[2]!);
        out.push(x);
      } else if (kv && out.length) {
        const x = out[out.length - 1]!;
        if (kv[1] === 'direction') {
          const toks = kv[2]!.trim().split(/\s+/);
          const d = DIRECTION_ORDER.filter(([t]) => toks.includes(t)).map(([, v]) => v).sort();
          if (d.length) x.direction = d;
        } else if (kv[1] === 'action') {
          const a = ACTIONS.find((v) => v === kv[2]!.trim());
          if (a) x.action = a;
        } else if (kv[1] === 'description') x.description = kv[2]!;
      }
    }
    s.signals = out;
  },
  'Side effects': (c, s) => {
    s.side_effects = blockLines(c).flatMap(([i, line]) => {
      const m = /^ {2}- (.*?)(?: \(reversible\))?$/.exec(line);
      if (!m) return [];
      const [target, desc] = m[1]!.split(/: (.*)/s);
      const e: NonNullable<ApiSpec['side_effects']>[number] = { effects: [], at: `${c.file}:${i + 1}:3` };
      if (target) e.target = target;
      if (desc) e.description = desc;
      if (line.endsWith(' (reversible)')) e.reversible = true;
      return [e];
    });
  },
  'State transitions': (c, s) => {
    const out: NonNullable<ApiSpec['state_transitions']> = [];
    for (const [i, line] of blockLines(c)) {
      const m = /^ {2}(.*?): (.*) -> (.*)$/.exec(line);
      if (m) out.push({ object: m[1]!, from: m[2]!, to: m[3]!, at: `${c.file}:${i + 1}:3` });
      else if (/^ {4}\S/.test(line) && out.length) out[out.length - 1]!.description = line.trim();
    }
    s.state_transitions = out;
  },
  Capabilities: (c, s) => {
    const out: NonNullable<ApiSpec['capabilities']> = [];
    for (const [i, line] of blockLines(c)) {
      const h = /^ {2}(\S+) \((-?\d+)\):$/.exec(line);
      const kv = /^ {4}(allows|without): (.*)$/.exec(line);
      if (h) out.push({ name: h[1]!, number: num(h[2]!), at: `${c.file}:${i + 1}:3` });
      else if (kv && out.length) out[out.length - 1]![kv[1] as 'allows' | 'without'] = kv[2]!;
    }
    s.capabilities = out;
  },
};

/** Free text after `Examples:` / `Notes:`: up to the blank line pair the file prints after it. */
function textBlock(c: Ctx): string {
  const out: string[] = [];
  while (c.i < c.lines.length) {
    const line = c.lines[c.i]!;
    if (line === '' && (c.lines[c.i + 1] === '' || c.i + 1 >= c.lines.length || /^(Examples|Notes):$|^Since: |^DEPRECATED/.test(c.lines[c.i + 1]!))) break;
    out.push(line);
    c.i++;
  }
  return out.join('\n');
}

export function specFromText(text: string, file: string, version: DebugfsVersion, diags: DiagSink): ApiSpec | undefined {
  const lines = text.replace(/\n$/, '').split('\n');
  const c: Ctx = { file, diags, spec: '', lines, i: 0, version };
  if (lines[0] !== 'Kernel API Specification') {
    diags.report('bad-debugfs', `${file}:1:1`, "not a kapi spec file (expected 'Kernel API Specification')");
    return undefined;
  }
  const s: ApiSpec = { name: '', kind: 'function', source_format: `debugfs/${version}`, at: `${file}:1:1` };
  let last: 'description' | 'long_description' | undefined;
  for (c.i = 2; c.i < lines.length;) {
    const line = lines[c.i]!;
    const sec = SECTION.exec(line);
    c.i++;
    if (line === '') { last = undefined; continue; }
    if (sec) {
      SECTIONS[sec[1]!]!(c, s);
      const n = ({ Parameters: s.params, Errors: s.errors, Locks: s.locks, 'Additional constraints': s.constraints, 'Signal handling': s.signals, 'Side effects': s.side_effects, 'State transitions': s.state_transitions, Capabilities: s.capabilities } as Record<string, unknown[] | undefined>)[sec[1]!]?.length ?? 0;
      if (n !== Number(sec[2])) diags.report('count-mismatch', `${file}:${c.i}:1`, `${sec[1]} says ${sec[2]} but lists ${n}`, s.name);
      continue;
    }
    if (line === 'Return value:') { returnSection(c, s); continue; }
    if (line === 'Examples:') { s.examples = textBlock(c); continue; }
    if (line === 'Notes:') { s.notes = textBlock(c); continue; }
    const kv = /^([A-Z][a-z ]+): ?(.*)$/.exec(line);
    if (kv) {
      last = undefined;
      const v = kv[2]!;
      switch (kv[1]) {
        case 'Name': s.name = v; c.spec = v; s.kind = kindFromName(v); break;
        case 'Version': if (/^\d+$/.test(v)) s.version = Number(v); break;
        case 'Description': if (v) s.description = v; last = 'description'; break;
        case 'Long description': if (v) s.long_description = v; last = 'long_description'; break;
        case 'Context flags': {
          const toks = v.trim().split(/\s+/);
          const cs = CONTEXT_ORDER.filter(([t]) => toks.includes(t)).map(([, x]) => x).sort();
          if (cs.length) s.contexts = cs;
          break;
        }
        case 'Since': s.since_version = v; break;
        default: c.i--; bad(c, `unknown line '${excerpt(line)}'`); c.i++;
      }
      continue;
    }
    const dep = /^DEPRECATED(?: - use (.*) instead)?$/.exec(line);
    if (dep) {
      s.deprecated = true;
      if (dep[1]) s.replacement = dep[1];
      continue;
    }
    // A description with a newline in it continues on the following lines.
    if (last && s[last] !== undefined) { s[last] += `\n${line}`; continue; }
    c.i--;
    bad(c, `unexpected line '${excerpt(line)}'`);
    c.i++;
  }
  if (!s.name) {
    diags.report('bad-debugfs', `${file}:1:1`, 'spec file has no Name: line');
    return undefined;
  }
  return s;
}
