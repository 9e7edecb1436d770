// One spec record (RFC v1 packed or PATCH v4 pointer layout) -> ApiSpec. Fields a layout stores
// as zero or empty are left out, as a source that never set them would leave them out.

import type { DiagSink } from '../../diag/index.js';
import {
  CAP_ACTION_NUM, CONSTRAINT_NUM_V4, CONTEXT_BITS, EFFECT_BITS, LOCK_SCOPE_NUM, LOCK_TYPE_NUM,
  PARAM_FLAG_BITS, PARAM_TYPE_NUM, RETURN_CHECK_NUM, SIGNAL_ACTION_NUM, SIGNAL_DIRECTION_BITS,
  SIGNAL_STATE_BITS, decodeBits,
} from '../../model/tables.js';
import type {
  ApiSpec, ConstVal, Constraint, ConstraintKind, ErrorSpec, LockSpec, Param, ReturnSpec,
  SignalSpec, SourceFormat,
} from '../../model/types.js';
import { errnoName } from '../consts/index.js';
import { kindFromName } from '../c-macro/lower.js';
import { mapLegacyLock } from '../lock-scope.js';
import { MAGICS as MAGIC_WORDS } from './layout.js';
import type { StructReader as Record } from './record.js';

export type LayoutKind = 'v1' | 'v4';

/** RFC v1 numbering of the constraint kinds (CUSTOM moved to 12 later). */
const CONSTRAINT_NUM_V1: Partial<Record_<ConstraintKind, number>> = { none: 0, range: 1, mask: 2, enum: 3, custom: 4 };
type Record_<K extends string, V> = { [k in K]: V };

function byNumber<N extends string>(table: Partial<Record_<N, number>>, v: number): N | undefined {
  return (Object.entries(table) as [N, number][]).find(([, n]) => n === v)?.[0];
}

/** Most values an enum or error array may hold before its count is taken for corrupt. */
const MAX_VALUES = 4096;

const dec = (v: bigint): ConstVal => ({ text: v.toString(), value: v });
const hex = (v: bigint): ConstVal => ({ text: `${v < 0n ? '-' : ''}0x${(v < 0n ? -v : v).toString(16)}`, value: v });

export class Decoder {
  constructor(readonly file: string, readonly layout: LayoutKind, readonly diags: DiagSink, readonly errnoArch: string) {}

  at(off: number): string {
    return `${this.file}+0x${off.toString(16)}`;
  }

  private count(r: Record, countField: string, arrayField: string, spec: string): number {
    const n = r.num(countField);
    const cap = r.capacity(arrayField);
    if (n > cap) {
      this.diags.report('bad-count', this.at(r.offsetOf(countField)), `${countField} is ${n} but the array holds at most ${cap}`, spec);
      return cap;
    }
    return n;
  }

  private list<T>(r: Record, countField: string, arrayField: string, spec: string, one: (e: Record, i: number) => T): T[] | undefined {
    const n = this.count(r, countField, arrayField, spec);
    if (n === 0) return undefined;
    return Array.from({ length: n }, (_, i) => one(r.elem(arrayField, i), i));
  }

  /** The s64 array a pointer field points to, as many elements as `countField` says. */
  private s64Array(r: Record, ptrField: string, countField: string, spec: string): bigint[] | undefined {
    const p = r.big(ptrField);
    const count = r.num(countField);
    if (p === 0n || count === 0) return undefined;
    // Upstream arrays hold at most a few hundred values; more is a corrupt count.
    if (count > MAX_VALUES) {
      this.diags.report('bad-count', this.at(r.offsetOf(countField)), `${countField} is ${count}, more than the ${MAX_VALUES} values kapi takes for real: ${ptrField} is not read`, spec);
      return undefined;
    }
    const off = r.elf.offsetOf(p, count * 8);
    if (off === undefined) {
      this.diags.report('bad-elf', this.at(r.offsetOf(ptrField)), `${ptrField} points to 0x${p.toString(16)} (${count} values), outside the file's data: not read`, spec);
      return undefined;
    }
    const b = r.elf.read(off, count * 8);
    return Array.from({ length: count }, (_, i) => r.elf.i64(b, i * 8));
  }

  private constraint(e: Record, spec: string): Constraint | undefined {
    const kindNum = e.num('constraint_type');
    const kind = this.layout === 'v1' ? byNumber(CONSTRAINT_NUM_V1, kindNum) : byNumber(CONSTRAINT_NUM_V4, kindNum);
    if (kind === undefined) this.diags.report('unknown-token', this.at(e.offsetOf('constraint_type')), `unknown constraint type ${kindNum}`, spec);
    const c: Constraint = {};
    if (kind && kind !== 'none') c.kind = kind;
    const min = e.big('min_value');
    const max = e.big('max_value');
    if (kind === 'range' || min !== 0n || max !== 0n) {
      c.min = dec(min);
      c.max = dec(max);
    }
    const mask = e.big('valid_mask');
    if (kind === 'mask' || mask !== 0n) c.mask = hex(mask);
    return c;
  }

  private param(e: Record, i: number, spec: string): Param {
    const p: Param = { index: i, name: e.str('name') ?? '', at: this.at(e.fileOffset) };
    const cType = e.str('type_name');
    if (cType) p.c_type = cType;
    const t = byNumber(PARAM_TYPE_NUM, e.num('type'));
    if (t && t !== 'void') p.type = t;
    const flags = decodeBits(e.big('flags'), PARAM_FLAG_BITS).names;
    if (flags.length) p.flags = flags;
    const c = this.constraint(e, spec) ?? {};
    const values = this.s64Array(e, 'enum_values', 'enum_count', spec);
    if (values) c.values = values.map(dec);
    if (e.big('validate') !== 0n) c.validator = `0x${e.big('validate').toString(16)}`;
    const ctext = e.str('constraints');
    if (ctext) c.description = ctext;
    if (Object.keys(c).length) p.constraint = c;
    if (e.big('size') !== 0n) p.size = dec(e.big('size'));
    if (e.big('alignment') !== 0n) p.alignment = dec(e.big('alignment'));
    const sp = e.num('size_param_idx');
    const idx = this.layout === 'v1' ? sp : sp - 1;
    if (idx >= 0 && !(this.layout === 'v1' && sp === 0 && e.big('size_multiplier') === 0n)) p.size_param = { index: idx };
    if (e.big('size_multiplier') !== 0n) p.size_multiplier = dec(e.big('size_multiplier'));
    const d = e.str('description');
    if (d) p.description = d;
    if (e.has('sysfs_path')) {
      const sy: NonNullable<Param['sysfs']> = {};
      const path = e.str('sysfs_path');
      if (path) sy.path = path;
      if (e.has('sysfs_permissions') && e.num('sysfs_permissions')) sy.permissions = { text: `0${e.num('sysfs_permissions').toString(8)}`, value: e.big('sysfs_permissions') };
      for (const [k, f] of [['default', 'default_value'], ['units', 'units']] as const) {
        const v = e.has(f) ? e.str(f) : undefined;
        if (v) sy[k] = v;
      }
      if (e.has('step') && e.big('step')) sy.step = dec(e.big('step'));
      if (Object.keys(sy).length) p.sysfs = sy;
    }
    return p;
  }

  private ret(r: Record, spec: string): ReturnSpec | undefined {
    const ct = r.str('type_name');
    const check = byNumber(RETURN_CHECK_NUM, r.num('check_type'));
    const d = r.str('description');
    if (!ct && !d && r.num('type') === 0 && r.num('check_type') === 0 && r.big('success_value') === 0n) return undefined;
    const out: ReturnSpec = { at: this.at(r.fileOffset) };
    if (ct) out.c_type = ct;
    const t = byNumber(PARAM_TYPE_NUM, r.num('type'));
    if (t && t !== 'void') out.type = t;
    if (check) out.check = check;
    if (check === 'exact') out.success = dec(r.big('success_value'));
    if (check === 'range' || r.big('success_min') !== 0n || r.big('success_max') !== 0n) {
      out.success_min = dec(r.big('success_min'));
      out.success_max = dec(r.big('success_max'));
    }
    const ev = this.s64Array(r, 'error_values', 'error_count', spec);
    if (ev) out.error_values = ev.map((v) => (v < 0n ? errnoName(Number(-v)) ?? v.toString() : v.toString()));
    if (d) out.description = d;
    return out;
  }

  private error(e: Record): ErrorSpec {
    const code = e.num('error_code');
    const name = e.str('name') ?? (code < 0 ? errnoName(-code) : undefined) ?? `E?${code}`;
    const out: ErrorSpec = { name, at: this.at(e.fileOffset) };
    const c = e.str('condition');
    if (c) out.condition = c;
    const d = e.str('description');
    if (d) out.description = d;
    return out;
  }

  private lock(e: Record): LockSpec {
    const l: LockSpec = { name: e.str('lock_name') ?? '', at: this.at(e.fileOffset) };
    const t = byNumber(LOCK_TYPE_NUM, e.num('lock_type'));
    if (t && t !== 'none') l.type = t;
    const d = e.str('description');
    if (d) l.description = d;
    if (e.has('scope')) {
      const s = byNumber(LOCK_SCOPE_NUM, e.num('scope'));
      if (s) l.scope = s;
      return l;
    }
    const b = {
      acquired: e.num('acquired') !== 0, released: e.num('released') !== 0,
      held_on_entry: e.num('held_on_entry') !== 0, held_on_exit: e.num('held_on_exit') !== 0,
    };
    const given = Object.fromEntries(Object.entries(b).filter(([, v]) => v));
    return mapLegacyLock(l, given);
  }

  private signal(e: Record): SignalSpec {
    const s: SignalSpec = { name: e.str('signal_name') ?? '', at: this.at(e.fileOffset) };
    if (e.num('signal_num') !== 0) s.number = dec(BigInt(e.num('signal_num')));
    const dir = decodeBits(e.big('direction'), SIGNAL_DIRECTION_BITS).names;
    if (dir.length) s.direction = dir;
    const a = byNumber(SIGNAL_ACTION_NUM, e.num('action'));
    if (a) s.action = a;
    for (const [k, f] of [['target', 'target'], ['condition', 'condition'], ['description', 'description']] as const) {
      const v = e.str(f);
      if (v) s[k] = v;
    }
    if (e.num('restartable')) s.restartable = true;
    // Fields RFC v2 added; present in every later layout.
    if (e.has('interruptible')) {
      if (e.num('interruptible')) s.interruptible = true;
      const err = e.num('error_on_signal');
      if (err) s.error = errnoName(Math.abs(err)) ?? String(err);
      if (e.num('transform_to')) s.transform_to = String(e.num('transform_to'));
      const timing = e.str('timing');
      if (timing) s.timing = timing;
      if (e.num('priority')) s.priority = e.num('priority');
      const q = e.str('queue_behavior');
      if (q) s.queue = q;
      if (e.big('sa_flags_required')) s.sa_flags_required = hex(e.big('sa_flags_required'));
      if (e.big('sa_flags_forbidden')) s.sa_flags_forbidden = hex(e.big('sa_flags_forbidden'));
      const req = decodeBits(e.big('state_required'), SIGNAL_STATE_BITS).names;
      if (req.length) s.state_required = req;
      const forb = decodeBits(e.big('state_forbidden'), SIGNAL_STATE_BITS).names;
      if (forb.length) s.state_forbidden = forb;
    }
    return s;
  }

  /** Decodes one spec record. */
  spec(r: Record, format: SourceFormat): ApiSpec {
    const name = r.str('name') ?? `<unnamed at 0x${r.fileOffset.toString(16)}>`;
    const s: ApiSpec = { name, kind: kindFromName(name), source_format: format, at: this.at(r.fileOffset) };
    // RFC v2 stores the kind (function 0, ioctl 1, sysfs 2); RFC v1 and PATCH v4 only imply it.
    // Syscall specs leave it 0 (function): the name says what they are.
    if (r.has('api_type') && (r.num('api_type') === 1 || r.num('api_type') === 2)) s.kind = r.num('api_type') === 1 ? 'ioctl' : 'sysfs';
    this.ioctlAndSysfs(r, s);
    const v = r.num('version');
    if (v) s.version = v;
    for (const k of ['description', 'long_description', 'examples', 'notes'] as const) {
      const x = r.str(k);
      if (x) s[k] = x;
    }
    const ctx = decodeBits(r.big('context_flags'), CONTEXT_BITS).names;
    if (ctx.length) s.contexts = ctx;
    this.magics(r, name);
    const params = this.list(r, 'param_count', 'params', name, (e, i) => this.param(e, i, name));
    if (params) {
      for (const p of params) if (p.size_param) {
        const n = params[p.size_param.index]?.name;
        if (n) p.size_param.name = n;
      }
      s.params = params;
    }
    const ret = this.ret(r.sub('return_spec'), name);
    if (ret) s.return = ret;
    const set = <K extends keyof ApiSpec>(k: K, v: ApiSpec[K] | undefined) => { if (v !== undefined) s[k] = v; };
    set('errors', this.list(r, 'error_count', 'errors', name, (e) => this.error(e)));
    set('locks', this.list(r, 'lock_count', 'locks', name, (e) => this.lock(e)));
    set('constraints', this.list(r, 'constraint_count', 'constraints', name, (e) => {
      const c: NonNullable<ApiSpec['constraints']>[number] = { name: e.str('name') ?? '', at: this.at(e.fileOffset) };
      const d = e.str('description');
      if (d) c.description = d;
      const x = e.str('expression');
      if (x) c.expression = x;
      return c;
    }));
    set('signals', this.list(r, 'signal_count', 'signals', name, (e) => this.signal(e)));
    set('signal_masks', this.list(r, 'signal_mask_count', 'signal_masks', name, (e) => {
      const n = this.count(e, 'signal_count', 'signals', name);
      const m: NonNullable<ApiSpec['signal_masks']>[number] = {
        name: e.str('mask_name') ?? '', signals: Array.from({ length: n }, (_, i) => dec(e.item('signals', i))), at: this.at(e.fileOffset),
      };
      const d = e.str('description');
      if (d) m.description = d;
      return m;
    }));
    set('struct_specs', this.list(r, 'struct_spec_count', 'struct_specs', name, (e) => this.structSpec(e, name)));
    set('side_effects', this.list(r, 'side_effect_count', 'side_effects', name, (e) => {
      const x: NonNullable<ApiSpec['side_effects']>[number] = {
        effects: decodeBits(e.big('type'), EFFECT_BITS).names, at: this.at(e.fileOffset),
      };
      for (const k of ['target', 'condition', 'description'] as const) {
        const v = e.str(k);
        if (v) x[k] = v;
      }
      if (e.num('reversible')) x.reversible = true;
      return x;
    }));
    set('state_transitions', this.list(r, 'state_trans_count', 'state_transitions', name, (e) => {
      const t: NonNullable<ApiSpec['state_transitions']>[number] = { at: this.at(e.fileOffset) };
      const pairs = [['object', 'object'], ['from', 'from_state'], ['to', 'to_state'], ['condition', 'condition'], ['description', 'description']] as const;
      for (const [k, f] of pairs) {
        const v = e.str(f);
        if (v) t[k] = v;
      }
      return t;
    }));
    if (r.has('capabilities')) set('capabilities', this.list(r, 'capability_count', 'capabilities', name, (e) => this.capability(e, name)));
    if (r.has('since_version')) {
      const sv = r.str('since_version');
      if (sv) s.since_version = sv;
      if (r.num('deprecated')) s.deprecated = true;
      const rep = r.str('replacement');
      if (rep) s.replacement = rep;
    }
    return s;
  }

  private structSpec(e: Record, spec: string): NonNullable<ApiSpec['struct_specs']>[number] {
    const st: NonNullable<ApiSpec['struct_specs']>[number] = { name: e.str('name') ?? '', fields: [], at: this.at(e.fileOffset) };
    if (e.big('size')) st.size = dec(e.big('size'));
    if (e.big('alignment')) st.alignment = dec(e.big('alignment'));
    const d = e.str('description');
    if (d) st.description = d;
    st.fields = this.list(e, 'field_count', 'fields', spec, (f) => {
      const out: NonNullable<ApiSpec['struct_specs']>[number]['fields'][number] = { name: f.str('name') ?? '', at: this.at(f.fileOffset) };
      const t = byNumber(PARAM_TYPE_NUM, f.num('type'));
      if (t && t !== 'void') out.type = t;
      const ct = f.str('type_name');
      if (ct) out.c_type = ct;
      if (f.big('offset')) out.offset = dec(f.big('offset'));
      if (f.big('size')) out.size = dec(f.big('size'));
      const flags = decodeBits(f.big('flags'), PARAM_FLAG_BITS).names;
      if (flags.length) out.flags = flags;
      const c = this.constraint(f, spec);
      if (f.has('enum_values')) {
        const ev = f.str('enum_values');
        if (ev && c) c.values = ev.split(',').map((x) => x.trim()).filter(Boolean).map((text) => ({ text }));
      }
      if (c && Object.keys(c).length) out.constraint = c;
      const fd = f.str('description');
      if (fd) out.description = fd;
      return out;
    }) ?? [];
    return st;
  }

  private capability(e: Record, spec: string): NonNullable<ApiSpec['capabilities']>[number] {
    const c: NonNullable<ApiSpec['capabilities']>[number] = { name: e.str('cap_name') ?? '', at: this.at(e.fileOffset) };
    c.number = dec(BigInt(e.num('capability')));
    const a = byNumber(CAP_ACTION_NUM, e.num('action'));
    if (a) c.action = a;
    const pairs = [['allows', 'allows'], ['without', 'without_cap'], ['condition', 'check_condition']] as const;
    for (const [k, f] of pairs) {
      const v = e.str(f);
      if (v) c[k] = v;
    }
    if (e.num('priority')) c.priority = e.num('priority');
    const n = this.count(e, 'alternative_count', 'alternative', spec);
    if (n) c.alternatives = Array.from({ length: n }, (_, i) => dec(e.item('alternative', i)));
    return c;
  }

  /** RFC v2's ioctl and sysfs members, where the layout has them. */
  private ioctlAndSysfs(r: Record, s: ApiSpec): void {
    if (r.has('cmd') && (r.num('cmd') || r.str('cmd_name'))) {
      const io: NonNullable<ApiSpec['ioctl']> = { cmd: hex(r.big('cmd')) };
      const n = r.str('cmd_name');
      if (n) io.cmd_name = n;
      if (r.has('input_size') && r.big('input_size')) io.input_size = dec(r.big('input_size'));
      if (r.has('output_size') && r.big('output_size')) io.output_size = dec(r.big('output_size'));
      const f = r.has('file_ops_name') ? r.str('file_ops_name') : undefined;
      if (f) io.file_ops_name = f;
      s.ioctl = io;
    }
    const sub = r.has('subsystem') ? r.str('subsystem') : undefined;
    const dev = r.has('device_type') ? r.str('device_type') : undefined;
    if (sub || dev) s.sysfs = { ...(sub ? { subsystem: sub } : {}), ...(dev ? { device_type: dev } : {}) };
  }

  /** Layouts with magic words (RFC v4 on): each must be in place, or the layout is not what kapi thinks. */
  private magics(r: Record, spec: string): void {
    for (const [field, want] of Object.entries(MAGIC_WORDS)) {
      if (!r.has(field)) continue;
      const got = r.num(field);
      // Macros write a magic only for what a spec has; zero means "not written".
      if (got !== 0 && got !== want) {
        this.diags.report('bad-magic', this.at(r.offsetOf(field)), `${field} is 0x${got.toString(16)}, expected 0x${want.toString(16)}`, spec);
      }
    }
  }
}

