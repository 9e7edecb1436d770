// debugfs `kapi/specs-json/<name>` (PATCH v4, kapi_export_json) -> ApiSpec. Read leniently: hex
// strings or numbers, token strings or numbers; what the file does not carry stays absent.

import { own } from '../../model/own.js';
import type { DiagSink } from '../../diag/index.js';
import { CAP_ACTION_NUM, CONTEXT_BITS, EFFECT_BITS, LOCK_SCOPE_NUM, LOCK_TYPE_NUM, PARAM_FLAG_BITS, SIGNAL_ACTION_NUM, SIGNAL_DIRECTION_BITS, decodeBits } from '../../model/tables.js';
import type { ApiSpec, ConstVal, ParamType, ReturnCheck } from '../../model/types.js';
import { kindFromName } from '../c-macro/lower.js';
import { errnoName } from '../consts/index.js';

type J = Record<string, unknown>;

const TYPE_CLASS: Record<string, ParamType> = {
  int: 'int', uint: 'uint', pointer: 'ptr', struct: 'struct', union: 'union', enum: 'enum',
  function_pointer: 'func_ptr', array: 'array', file_descriptor: 'fd', user_pointer: 'user_ptr',
  pathname: 'path', custom: 'custom',
};
const CHECK: Record<string, ReturnCheck> = {
  exact: 'exact', range: 'range', error_check: 'error_check', file_descriptor: 'fd', custom: 'custom', no_return: 'no_return',
};

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
function big(v: unknown): bigint | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  const m = typeof v === 'string' ? /^(-?)(0x[0-9a-f]+|\d+)$/i.exec(v.trim()) : null;
  if (m) return m[1] ? -BigInt(m[2]!) : BigInt(m[2]!);
  return undefined;
}
const konst = (v: unknown): ConstVal | undefined => {
  const b = big(v);
  return b === undefined ? undefined : { text: String(v), value: b };
};
function token<N extends string>(v: unknown, table: Record<N, number>): N | undefined {
  if (typeof v === 'number') return (Object.entries(table) as [N, number][]).find(([, n]) => n === v)?.[0];
  if (typeof v !== 'string') return undefined;
  const w = v.toLowerCase().replace(/^kapi_[a-z]+_/, '');
  return Object.hasOwn(table, w) ? (w as N) : undefined;
}
const arr = (v: unknown): J[] => (Array.isArray(v) ? v.filter((x): x is J => !!x && typeof x === 'object') : []);

export function specFromJson(text: string, file: string, diags: DiagSink): ApiSpec | undefined {
  let j: J;
  try {
    j = JSON.parse(text) as J;
  } catch (e) {
    diags.report('bad-debugfs', file, `not valid JSON: ${(e as Error).message.toLowerCase()}`);
    return undefined;
  }
  const name = str(j?.['name']);
  if (!name) {
    diags.report('bad-debugfs', file, 'spec JSON has no name');
    return undefined;
  }
  const at = (k: string, i: number) => `${file}#/${k}/${i}`;
  const s: ApiSpec = { name, kind: kindFromName(name), source_format: 'debugfs/patch-v4', at: file };
  const v = big(j['version']);
  if (v !== undefined) s.version = Number(v);
  for (const k of ['description', 'long_description', 'examples', 'notes'] as const) {
    const x = str(j[k]);
    if (x) s[k] = x;
  }
  const ctx = big(j['context_flags']);
  if (ctx) s.contexts = decodeBits(ctx, CONTEXT_BITS).names;
  const ps = arr(j['parameters']);
  if (ps.length) s.params = ps.map((p, i) => {
    const out: NonNullable<ApiSpec['params']>[number] = { index: i, name: str(p['name']) ?? '', at: at('parameters', i) };
    const ct = str(p['type']);
    if (ct) out.c_type = ct;
    const t = own(TYPE_CLASS, String(p['type_class']));
    if (t) out.type = t;
    const f = big(p['flags']);
    if (f) out.flags = decodeBits(f, PARAM_FLAG_BITS).names;
    const d = str(p['description']);
    if (d) out.description = d;
    return out;
  });
  const r = j['return'];
  if (r && typeof r === 'object') {
    const rr = r as J;
    const out: NonNullable<ApiSpec['return']> = { at: `${file}#/return` };
    const ct = str(rr['type']);
    if (ct) out.c_type = ct;
    const t = own(TYPE_CLASS, String(rr['type_class']));
    if (t) out.type = t;
    const c = own(CHECK, String(rr['check_type']));
    if (c) out.check = c;
    const sv = konst(rr['success_value']);
    if (sv) out.success = sv;
    const mn = konst(rr['success_min']);
    const mx = konst(rr['success_max']);
    if (mn) out.success_min = mn;
    if (mx) out.success_max = mx;
    const d = str(rr['description']);
    if (d) out.description = d;
    s.return = out;
  }
  const errs = arr(j['errors']);
  if (errs.length) s.errors = errs.map((e, i) => {
    const code = big(e['code']);
    const out: NonNullable<ApiSpec['errors']>[number] = {
      name: str(e['name']) ?? (code !== undefined ? errnoName(Number(code < 0n ? -code : code)) ?? String(code) : ''),
      at: at('errors', i),
    };
    const c = str(e['condition']);
    if (c) out.condition = c;
    const d = str(e['description']);
    if (d) out.description = d;
    return out;
  });
  const locks = arr(j['locks']);
  if (locks.length) s.locks = locks.map((l, i) => {
    const out: NonNullable<ApiSpec['locks']>[number] = { name: str(l['name']) ?? '', at: at('locks', i) };
    const t = token(l['type'], LOCK_TYPE_NUM);
    if (t && t !== 'none') out.type = t;
    const sc = token(l['scope'], LOCK_SCOPE_NUM);
    if (sc) out.scope = sc;
    const d = str(l['description']);
    if (d) out.description = d;
    return out;
  });
  const caps = arr(j['capabilities']);
  if (caps.length) s.capabilities = caps.map((c, i) => {
    const out: NonNullable<ApiSpec['capabilities']>[number] = { name: str(c['name']) ?? '', at: at('capabilities', i) };
    const n = konst(c['capability']);
    if (n) out.number = n;
    const a = token(c['action'], CAP_ACTION_NUM);
    if (a) out.action = a;
    for (const [k, f] of [['allows', 'allows'], ['without', 'without_cap'], ['condition', 'check_condition']] as const) {
      const x = str(c[f]);
      if (x) out[k] = x;
    }
    const pr = big(c['priority']);
    if (pr) out.priority = Number(pr);
    const alts = Array.isArray(c['alternatives']) ? (c['alternatives'] as unknown[]).map(konst).filter((x): x is ConstVal => !!x) : [];
    if (alts.length) out.alternatives = alts;
    return out;
  });
  const cons = arr(j['constraints']);
  if (cons.length) s.constraints = cons.map((c, i) => {
    const out: NonNullable<ApiSpec['constraints']>[number] = { name: str(c['name']) ?? '', at: at('constraints', i) };
    const d = str(c['description']);
    if (d) out.description = d;
    const x = str(c['expression']);
    if (x) out.expression = x;
    return out;
  });
  const sigs = arr(j['signals']);
  if (sigs.length) s.signals = sigs.map((g, i) => {
    const out: NonNullable<ApiSpec['signals']>[number] = { name: str(g['signal_name']) ?? '', at: at('signals', i) };
    const n = big(g['signal_num']);
    if (n) out.number = { text: String(n), value: n };
    const d = big(g['direction']);
    if (d) out.direction = decodeBits(d, SIGNAL_DIRECTION_BITS).names;
    const a = token(g['action'], SIGNAL_ACTION_NUM);
    if (a) out.action = a;
    for (const k of ['target', 'condition', 'description', 'timing'] as const) {
      const x = str(g[k]);
      if (x) out[k] = x;
    }
    const q = str(g['queue_behavior']);
    if (q) out.queue = q;
    if (g['restartable'] === true) out.restartable = true;
    if (g['interruptible'] === true) out.interruptible = true;
    const pr = big(g['priority']);
    if (pr) out.priority = Number(pr);
    const err = big(g['error_on_signal']);
    if (err) out.error = errnoName(Number(err < 0n ? -err : err)) ?? String(err);
    for (const k of ['sa_flags_required', 'sa_flags_forbidden'] as const) {
      const x = big(g[k]);
      if (x) out[k] = { text: `0x${x.toString(16)}`, value: x };
    }
    return out;
  });
  const effs = arr(j['side_effects']);
  if (effs.length) s.side_effects = effs.map((e, i) => {
    const t = big(e['type']);
    const out: NonNullable<ApiSpec['side_effects']>[number] = { effects: t ? decodeBits(t, EFFECT_BITS).names : [], at: at('side_effects', i) };
    for (const k of ['target', 'condition', 'description'] as const) {
      const x = str(e[k]);
      if (x) out[k] = x;
    }
    if (e['reversible'] === true) out.reversible = true;
    return out;
  });
  return s;
}
