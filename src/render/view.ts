// A format-neutral view of one spec: titled sections of items with labelled rows. Every output
// format renders this view, so every format shows every field of the model.

import type { ApiSpec, ConstVal, Constraint, NetworkSpec, Param } from '../model/types.js';

export type Row = [label: string, value: string];

export interface Item {
  /** Short heading: a parameter name, an errno, a lock name ... */
  heading: string;
  /** A parenthesised detail shown after the heading (a C type, an errno number). */
  detail?: string;
  rows: Row[];
}

export type SectionId =
  | 'description' | 'context' | 'parameters' | 'return' | 'errors' | 'locks' | 'signals'
  | 'signal_masks' | 'side_effects' | 'state_transitions' | 'capabilities' | 'constraints'
  | 'struct_specs' | 'ioctl' | 'sysfs' | 'examples' | 'notes' | 'history' | 'extensions' | 'source'
  | 'socket_state' | 'protocol_behaviors' | 'addr_families' | 'buffer' | 'async' | 'network';

export interface Section {
  id: SectionId;
  title: string;
  /** Free text (description, examples, notes). */
  text?: string;
  /** Keep the text's line breaks (examples). */
  verbatim?: boolean;
  rows?: Row[];
  items?: Item[];
}

export interface SpecView {
  name: string;
  kind: ApiSpec['kind'];
  summary?: string;
  sections: Section[];
}

const hexish = (c: ConstVal) => /^0[xX]/.test(c.text) || /mask|flags/i.test(c.text);

/** `EPOLL_CLOEXEC (0x80000)`; a plain literal is shown once. */
export function constText(c: ConstVal, hex = false): string {
  if (c.value === undefined) return c.text;
  const v = c.value;
  const shown = hex || hexish(c) ? (v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`) : v.toString();
  if (c.text === shown || c.text === v.toString() || /^-?[0-9]+[uUlL]*$/.test(c.text)) return c.text;
  return `${c.text} (${shown})`;
}

const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join(', ') : undefined);

function push(rows: Row[], label: string, v: string | undefined | boolean | number): void {
  if (v === undefined || v === '') return;
  rows.push([label, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)]);
}

function extRows(rows: Row[], ext: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(ext ?? {}).sort()) push(rows, k, v);
}

export function constraintRows(rows: Row[], c: Constraint | undefined): void {
  if (!c) return;
  push(rows, 'constraint', c.kind);
  if (c.min || c.max) push(rows, 'range', `${c.min ? constText(c.min) : '-inf'} .. ${c.max ? constText(c.max) : '+inf'}`);
  if (c.mask) push(rows, 'valid mask', constText(c.mask, true));
  if (c.values) push(rows, 'values', c.values.map((v) => constText(v)).join(', '));
  if (c.alignment) push(rows, 'alignment', constText(c.alignment));
  if (c.min_len) push(rows, 'min length', constText(c.min_len));
  if (c.max_len) push(rows, 'max length', constText(c.max_len));
  push(rows, 'validator', c.validator);
  push(rows, 'constraint text', c.description);
}

function paramItem(p: Param): Item {
  const rows: Row[] = [];
  push(rows, 'description', p.description);
  push(rows, 'type', p.type);
  push(rows, 'flags', list(p.flags));
  constraintRows(rows, p.constraint);
  if (p.size) push(rows, 'size', constText(p.size));
  if (p.alignment) push(rows, 'alignment', constText(p.alignment));
  if (p.size_param) push(rows, 'size from', `${p.size_param.name ?? '?'} (parameter ${p.size_param.index})`);
  if (p.size_multiplier) push(rows, 'size multiplier', constText(p.size_multiplier));
  for (const a of p.arch_masks ?? []) push(rows, `mask on ${a.arch}`, constText(a.mask, true));
  const s = p.sysfs;
  if (s) {
    push(rows, 'sysfs path', s.path);
    if (s.permissions) push(rows, 'permissions', s.permissions.value !== undefined ? `0${s.permissions.value.toString(8)}` : s.permissions.text);
    push(rows, 'default', s.default);
    push(rows, 'units', s.units);
    if (s.step) push(rows, 'step', constText(s.step));
    push(rows, 'allowed strings', list(s.allowed_strings));
  }
  extRows(rows, p.ext);
  push(rows, 'at', p.at);
  const item: Item = { heading: `[${p.index}] ${p.name}`, rows };
  if (p.c_type) item.detail = p.c_type;
  return item;
}

function returnRows(s: ApiSpec): Row[] {
  const r = s.return!;
  const rows: Row[] = [];
  push(rows, 'description', r.description);
  push(rows, 'C type', r.c_type);
  push(rows, 'type', r.type);
  push(rows, 'check', r.check);
  if (r.success) push(rows, 'success value', constText(r.success));
  if (r.success_min || r.success_max) {
    push(rows, 'success range', `${r.success_min ? constText(r.success_min) : '-inf'} .. ${r.success_max ? constText(r.success_max) : '+inf'}`);
  }
  push(rows, 'error values', list(r.error_values));
  extRows(rows, r.ext);
  push(rows, 'at', r.at);
  return rows;
}

type Builder = (s: ApiSpec) => Section | undefined;

/** `LO .. HI` for a pair of bounds; either may be missing. */
function bounds(lo: ConstVal | undefined, hi: ConstVal | undefined): string | undefined {
  if (!lo && !hi) return undefined;
  return `${lo ? constText(lo) : '?'} .. ${hi ? constText(hi) : '?'}`;
}

/** A list of names, `none` when the spec gives an empty one. */
const names = (xs: readonly string[] | undefined, none = 'none') => (xs ? (xs.length ? xs.join(', ') : none) : undefined);

/** The networking sections (RFC v2): each part of `network` present is a section of its own. */
function socketStateSection(n: NetworkSpec | undefined): Section | undefined {
  const st = n?.socket_state;
  if (!st) return undefined;
  const rows: Row[] = [];
  push(rows, 'required states', names(st.required));
  push(rows, 'forbidden states', names(st.forbidden));
  push(rows, 'resulting state', st.result);
  push(rows, 'condition', st.condition);
  push(rows, 'protocols', names(st.protocols));
  extRows(rows, st.ext);
  push(rows, 'at', st.at);
  return { id: 'socket_state', title: 'Socket state', rows };
}

function protocolSection(n: NetworkSpec | undefined): Section | undefined {
  const list = n?.protocol_behaviors;
  return list && {
    id: 'protocol_behaviors', title: `Protocol behaviours (${list.length})`,
    items: list.map((b) => {
      const rows: Row[] = [];
      push(rows, 'behaviour', b.description);
      if (b.flags) push(rows, 'protocol flags', constText(b.flags, true));
      push(rows, 'flags description', b.flags_description);
      extRows(rows, b.ext);
      push(rows, 'at', b.at);
      return { heading: names(b.protocols) ?? '(protocols not named)', rows };
    }),
  };
}

function addrFamilySection(n: NetworkSpec | undefined): Section | undefined {
  const list = n?.addr_families;
  return list && {
    id: 'addr_families', title: `Address families (${list.length})`,
    items: list.map((a) => {
      const rows: Row[] = [];
      if (a.addr_size) push(rows, 'address size', constText(a.addr_size));
      push(rows, 'address length', bounds(a.min_len, a.max_len));
      push(rows, 'format', a.format);
      push(rows, 'wildcard', a.wildcard);
      push(rows, 'multicast', a.multicast);
      push(rows, 'broadcast', a.broadcast);
      push(rows, 'special addresses', a.special);
      push(rows, 'ports', bounds(a.port_min, a.port_max));
      extRows(rows, a.ext);
      push(rows, 'at', a.at);
      const item: Item = { heading: a.name || a.family?.text || '(family not named)', rows };
      if (a.family && a.family.text !== a.name) item.detail = constText(a.family);
      return item;
    }),
  };
}

function bufferSection(n: NetworkSpec | undefined): Section | undefined {
  const b = n?.buffer;
  if (!b) return undefined;
  const rows: Row[] = [];
  push(rows, 'behaviours', names(b.behaviors));
  if (b.min_size) push(rows, 'minimum size', constText(b.min_size));
  if (b.max_size) push(rows, 'maximum size', constText(b.max_size));
  if (b.optimal_size) push(rows, 'optimal size', constText(b.optimal_size));
  push(rows, 'partial transfers', b.partial);
  push(rows, 'partial transfer rules', b.partial_rules);
  push(rows, 'fragmentation rules', b.fragmentation_rules);
  extRows(rows, b.ext);
  push(rows, 'at', b.at);
  return { id: 'buffer', title: 'Buffers', rows };
}

function asyncSection(n: NetworkSpec | undefined): Section | undefined {
  const a = n?.async;
  if (!a) return undefined;
  const rows: Row[] = [];
  push(rows, 'modes', names(a.modes, 'blocking only'));
  push(rows, 'non-blocking error', a.nonblock_error);
  if (a.poll_in) push(rows, 'poll events in', constText(a.poll_in, true));
  if (a.poll_out) push(rows, 'poll events out', constText(a.poll_out, true));
  push(rows, 'completion', a.completion);
  push(rows, 'timeout', a.timeout);
  push(rows, 'timeout behaviour', a.timeout_description);
  extRows(rows, a.ext);
  push(rows, 'at', a.at);
  return { id: 'async', title: 'Blocking and asynchronous use', rows };
}

function networkSection(n: NetworkSpec | undefined): Section | undefined {
  if (!n) return undefined;
  const rows: Row[] = [];
  push(rows, 'connection oriented', n.connection_oriented);
  push(rows, 'message oriented', n.message_oriented);
  push(rows, 'out-of-band data', n.supports_oob);
  push(rows, 'peek', n.supports_peek);
  push(rows, 'select and poll', n.supports_select_poll);
  push(rows, 'reentrant', n.reentrant);
  push(rows, 'connection establishment', n.connection_establishment);
  push(rows, 'connection termination', n.connection_termination);
  push(rows, 'data transfer', n.data_transfer);
  return rows.length ? { id: 'network', title: 'Network semantics', rows } : undefined;
}

const BUILDERS: Builder[] = [
  (s) => (s.long_description ? { id: 'description', title: 'Description', text: s.long_description } : undefined),
  (s) => (s.contexts ? { id: 'context', title: 'Execution context', rows: [['contexts', s.contexts.length ? s.contexts.join(', ') : 'none']] } : undefined),
  (s) => (s.params ? { id: 'parameters', title: `Parameters (${s.params.length})`, items: s.params.map(paramItem) } : undefined),
  (s) => (s.return ? { id: 'return', title: 'Return value', rows: returnRows(s) } : undefined),
  (s) => s.errors && {
    id: 'errors', title: `Errors (${s.errors.length})`,
    items: s.errors.map((e) => {
      const rows: Row[] = [];
      push(rows, 'condition', e.condition);
      push(rows, 'description', e.description);
      extRows(rows, e.ext);
      push(rows, 'at', e.at);
      return { heading: e.name, rows };
    }),
  },
  (s) => s.locks && {
    id: 'locks', title: `Locks (${s.locks.length})`,
    items: s.locks.map((l) => {
      const rows: Row[] = [];
      push(rows, 'type', l.type);
      push(rows, 'scope', l.scope);
      if (l.legacy) push(rows, 'as written', Object.keys(l.legacy).join(', '));
      push(rows, 'description', l.description);
      extRows(rows, l.ext);
      push(rows, 'at', l.at);
      return { heading: l.name, rows };
    }),
  },
  (s) => s.signals && {
    id: 'signals', title: `Signals (${s.signals.length})`,
    items: s.signals.map((g) => {
      const rows: Row[] = [];
      if (g.number) push(rows, 'number', constText(g.number));
      push(rows, 'direction', list(g.direction));
      push(rows, 'action', g.action);
      push(rows, 'target', g.target);
      push(rows, 'condition', g.condition);
      push(rows, 'description', g.description);
      push(rows, 'error', g.error);
      push(rows, 'transform to', g.transform_to);
      push(rows, 'timing', g.timing);
      push(rows, 'priority', g.priority);
      push(rows, 'restartable', g.restartable);
      push(rows, 'interruptible', g.interruptible);
      push(rows, 'queue', g.queue);
      if (g.sa_flags_required) push(rows, 'sa_flags required', constText(g.sa_flags_required, true));
      if (g.sa_flags_forbidden) push(rows, 'sa_flags forbidden', constText(g.sa_flags_forbidden, true));
      push(rows, 'state required', list(g.state_required));
      push(rows, 'state forbidden', list(g.state_forbidden));
      extRows(rows, g.ext);
      push(rows, 'at', g.at);
      return { heading: g.name, rows };
    }),
  },
  (s) => s.signal_masks && {
    id: 'signal_masks', title: `Signal masks (${s.signal_masks.length})`,
    items: s.signal_masks.map((m) => {
      const rows: Row[] = [];
      push(rows, 'signals', m.signals.map((x) => constText(x)).join(', '));
      push(rows, 'description', m.description);
      push(rows, 'at', m.at);
      return { heading: m.name, rows };
    }),
  },
  (s) => s.side_effects && {
    id: 'side_effects', title: `Side effects (${s.side_effects.length})`,
    items: s.side_effects.map((e) => {
      const rows: Row[] = [];
      push(rows, 'kinds', e.effects.join(', ') || 'none');
      push(rows, 'description', e.description);
      push(rows, 'condition', e.condition);
      push(rows, 'reversible', e.reversible);
      extRows(rows, e.ext);
      push(rows, 'at', e.at);
      return { heading: e.target ?? e.effects.join(' | '), rows };
    }),
  },
  (s) => s.state_transitions && {
    id: 'state_transitions', title: `State transitions (${s.state_transitions.length})`,
    items: s.state_transitions.map((t) => {
      const rows: Row[] = [];
      push(rows, 'from', t.from);
      push(rows, 'to', t.to);
      push(rows, 'condition', t.condition);
      push(rows, 'description', t.description);
      extRows(rows, t.ext);
      push(rows, 'at', t.at);
      return { heading: t.object ?? '(object not named)', rows };
    }),
  },
  (s) => s.capabilities && {
    id: 'capabilities', title: `Capabilities (${s.capabilities.length})`,
    items: s.capabilities.map((c) => {
      const rows: Row[] = [];
      if (c.number) push(rows, 'number', constText(c.number));
      push(rows, 'action', c.action);
      push(rows, 'allows', c.allows);
      push(rows, 'without it', c.without);
      push(rows, 'condition', c.condition);
      push(rows, 'priority', c.priority);
      if (c.alternatives) push(rows, 'alternatives', c.alternatives.map((a) => constText(a)).join(', '));
      extRows(rows, c.ext);
      push(rows, 'at', c.at);
      return { heading: c.name, rows };
    }),
  },
  (s) => s.constraints && {
    id: 'constraints', title: `Constraints (${s.constraints.length})`,
    items: s.constraints.map((c) => {
      const rows: Row[] = [];
      push(rows, 'description', c.description);
      push(rows, 'expression', c.expression);
      extRows(rows, c.ext);
      push(rows, 'at', c.at);
      return { heading: c.name, rows };
    }),
  },
  (s) => s.struct_specs && {
    id: 'struct_specs', title: `Structures (${s.struct_specs.length})`,
    items: s.struct_specs.flatMap((st) => {
      const rows: Row[] = [];
      if (st.size) push(rows, 'size', constText(st.size));
      if (st.alignment) push(rows, 'alignment', constText(st.alignment));
      push(rows, 'description', st.description);
      push(rows, 'at', st.at);
      const fields = st.fields.map((f) => {
        const fr: Row[] = [];
        push(fr, 'type', f.type);
        if (f.offset) push(fr, 'offset', constText(f.offset));
        if (f.size) push(fr, 'size', constText(f.size));
        push(fr, 'flags', list(f.flags));
        constraintRows(fr, f.constraint);
        push(fr, 'description', f.description);
        push(fr, 'at', f.at);
        const item: Item = { heading: `${st.name}.${f.name}`, rows: fr };
        if (f.c_type) item.detail = f.c_type;
        return item;
      });
      return [{ heading: st.name, rows }, ...fields];
    }),
  },
  (s) => {
    const i = s.ioctl;
    if (!i) return undefined;
    const rows: Row[] = [];
    if (i.cmd) push(rows, 'command', constText(i.cmd, true));
    push(rows, 'command name', i.cmd_name);
    if (i.input_size) push(rows, 'input size', constText(i.input_size));
    if (i.output_size) push(rows, 'output size', constText(i.output_size));
    push(rows, 'file operations', i.file_ops_name);
    return { id: 'ioctl', title: 'ioctl', rows };
  },
  (s) => {
    if (!s.sysfs) return undefined;
    const rows: Row[] = [];
    push(rows, 'subsystem', s.sysfs.subsystem);
    push(rows, 'device type', s.sysfs.device_type);
    return { id: 'sysfs', title: 'sysfs', rows };
  },
  // RFC v2 networking, after sysfs as the RFC v2 tool shows it.
  (s) => socketStateSection(s.network),
  (s) => protocolSection(s.network),
  (s) => addrFamilySection(s.network),
  (s) => bufferSection(s.network),
  (s) => asyncSection(s.network),
  (s) => networkSection(s.network),
  (s) => (s.examples ? { id: 'examples', title: 'Examples', text: s.examples, verbatim: true } : undefined),
  (s) => (s.notes ? { id: 'notes', title: 'Notes', text: s.notes } : undefined),
  (s) => {
    const rows: Row[] = [];
    push(rows, 'since', s.since_version);
    push(rows, 'deprecated', s.deprecated);
    push(rows, 'replacement', s.replacement);
    return rows.length ? { id: 'history', title: 'History', rows } : undefined;
  },
  (s) => {
    const rows: Row[] = [];
    extRows(rows, s.ext);
    return rows.length ? { id: 'extensions', title: 'Extensions', rows } : undefined;
  },
  (s) => {
    const rows: Row[] = [['read as', s.source_format], ['at', s.at]];
    push(rows, 'version', s.version);
    if (s.signature) {
      const sig = s.signature;
      const args = sig.params.map((p) => `${p.c_type} ${p.name}`.trim());
      push(rows, 'definition', sig.form.startsWith('SYSCALL_DEFINE') || sig.form.startsWith('COMPAT_SYSCALL_DEFINE')
        ? `${sig.form}(${[sig.name, ...args].join(', ')})`
        : `${sig.form} ${sig.name}(${args.join(', ')})`);
      push(rows, 'definition at', sig.at);
    }
    return { id: 'source', title: 'Source', rows };
  },
];

export function specView(s: ApiSpec): SpecView {
  const sections = BUILDERS.map((b) => b(s)).filter((x): x is Section => !!x);
  const v: SpecView = { name: s.name, kind: s.kind, sections };
  if (s.description) v.summary = s.description;
  return v;
}

/** List-mode groups in display order. */
export const KIND_TITLES: Record<ApiSpec['kind'], string> = {
  syscall: 'System Calls', ioctl: 'IOCTLs', function: 'Functions', sysfs: 'Sysfs Attributes',
};
