// Writes a debugfs `kapi/` tree from specs, as the kernel's kapi_debugfs.c prints it (RFC v1 text,
// or PATCH v4 text plus specs-json/). The tests build debugfs trees with it; no kernel on this
// machine has the framework.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAP_ACTION_NUM, CONTEXT_BITS, EFFECT_BITS, PARAM_FLAG_BITS, SIGNAL_DIRECTION_BITS } from '../../model/tables.js';
import type { ApiSpec } from '../../model/types.js';
import { errnoNumber } from '../consts/index.js';
import { CONTEXT_ORDER, DIRECTION_ORDER, FLAG_ORDER, LOCK_STR, SCOPE_STR, TYPE_STR, successLine, type DebugfsVersion } from './format.js';

function flagLine(flags: readonly string[] | undefined, v: DebugfsVersion): string {
  const f = new Set(flags ?? []);
  let out = '';
  for (const [tok, name] of FLAG_ORDER) {
    if (v === 'patch-v4' && (name === 'in' || name === 'out') && f.has('in') && f.has('out')) continue;
    if (f.has(name)) out += `${tok} `;
    if (name === 'out') {
      // RFC v1 tests `flags & KAPI_PARAM_INOUT` (IN|OUT): any IN or OUT parameter shows INOUT.
      if (v === 'rfc-v1' ? f.has('in') || f.has('out') : f.has('in') && f.has('out')) out += 'INOUT ';
    }
  }
  return out;
}

export function specText(s: ApiSpec, v: DebugfsVersion): string {
  const o: string[] = ['Kernel API Specification', '========================', '', `Name: ${s.name}`,
    `Version: ${s.version ?? 1}`, `Description: ${s.description ?? ''}`];
  if (s.long_description) o.push(`Long description: ${s.long_description}`);
  const ctx = new Set(s.contexts ?? []);
  o.push(`Context flags: ${CONTEXT_ORDER.filter(([, c]) => ctx.has(c)).map(([t]) => `${t} `).join('')}`, '');
  if (s.params?.length) {
    o.push(`Parameters (${s.params.length}):`);
    for (const p of s.params) {
      o.push(`  [${p.index}] ${p.name}:`, `    type: ${(p.type && TYPE_STR[p.type]) ?? 'unknown'} (${p.c_type ?? ''})`, `    flags: ${flagLine(p.flags, v)}`);
      if (p.description) o.push(`    description: ${p.description}`);
      if (p.size?.value) o.push(`    size: ${p.size.value}`);
      if (p.alignment?.value) o.push(`    alignment: ${p.alignment.value}`);
      const c = p.constraint;
      const kind = c?.kind;
      if (kind && kind !== 'none' && (v === 'patch-v4' || ['range', 'mask', 'enum', 'custom'].includes(kind))) {
        o.push('    constraints:', `      type: ${kind}`);
        if (kind === 'range') o.push(`      min: ${c.min?.value ?? 0n}`, `      max: ${c.max?.value ?? 0n}`);
        if (kind === 'mask') o.push(`      valid_bits: 0x${BigInt.asUintN(64, c.mask?.value ?? 0n).toString(16)}`);
        if (kind === 'enum') o.push(`      count: ${c.values?.length ?? 0}`);
        if (kind === 'custom' && c.description) o.push(`      description: ${c.description}`);
      }
      o.push('');
    }
  }
  const r = s.return;
  o.push('Return value:', `  type: ${r?.c_type ?? ''}`);
  if (r?.description) o.push(`  description: ${r.description}`);
  const sl = successLine(r?.check, { success: r?.success?.value, min: r?.success_min?.value, max: r?.success_max?.value });
  if (sl) o.push(`  success: ${sl}`);
  o.push('');
  if (s.errors?.length) {
    o.push(`Errors (${s.errors.length}):`);
    for (const e of s.errors) {
      o.push(`  ${e.name} (${-(errnoNumber(e.name) ?? 0)}): ${e.description ?? ''}`);
      if (e.condition) o.push(`    condition: ${e.condition}`);
    }
    o.push('');
  }
  if (s.locks?.length) {
    o.push(`Locks (${s.locks.length}):`);
    for (const l of s.locks) {
      o.push(`  ${l.name} (${(l.type && LOCK_STR[l.type]) ?? 'unknown'}): ${l.description ?? ''}`);
      if (v === 'patch-v4') o.push(`    scope: ${SCOPE_STR[l.scope ?? 'internal']}`);
      else {
        if (l.scope === 'internal' || l.scope === 'acquires') o.push('    acquired by function');
        if (l.scope === 'internal' || l.scope === 'releases') o.push('    released by function');
      }
    }
    o.push('');
  }
  if (s.constraints?.length) {
    o.push(`Additional constraints (${s.constraints.length}):`);
    for (const c of s.constraints) {
      if (v === 'rfc-v1') o.push(`  - ${c.description ?? ''}`);
      else {
        o.push(`  - ${c.name}${c.description ? `: ${c.description}` : ''}`);
        if (c.expression) o.push(`    expression: ${c.expression}`);
      }
    }
    o.push('');
  }
  if (s.signals?.length) {
    o.push(`Signal handling (${s.signals.length}):`);
    for (const g of s.signals) {
      const d = new Set(g.direction ?? []);
      o.push(`  ${g.name} (${g.number?.value ?? 0}):`, `    direction: ${DIRECTION_ORDER.filter(([, x]) => d.has(x)).map(([t]) => `${t} `).join('')}`,
        `    action: ${g.action ?? 'unknown'}`);
      if (g.description) o.push(`    description: ${g.description}`);
    }
    o.push('');
  }
  if (v === 'patch-v4') {
    if (s.side_effects?.length) {
      o.push(`Side effects (${s.side_effects.length}):`);
      for (const e of s.side_effects) o.push(`  - ${e.target ?? ''}${e.description ? `: ${e.description}` : ''}${e.reversible ? ' (reversible)' : ''}`);
      o.push('');
    }
    if (s.state_transitions?.length) {
      o.push(`State transitions (${s.state_transitions.length}):`);
      for (const t of s.state_transitions) {
        o.push(`  ${t.object ?? ''}: ${t.from ?? ''} -> ${t.to ?? ''}`);
        if (t.description) o.push(`    ${t.description}`);
      }
      o.push('');
    }
    if (s.capabilities?.length) {
      o.push(`Capabilities (${s.capabilities.length}):`);
      for (const c of s.capabilities) {
        o.push(`  ${c.name} (${c.number?.value ?? 0}):`);
        if (c.allows) o.push(`    allows: ${c.allows}`);
        if (c.without) o.push(`    without: ${c.without}`);
      }
      o.push('');
    }
  }
  if (s.examples) o.push('Examples:', s.examples, '');
  if (s.notes) o.push('Notes:', s.notes, '');
  if (v === 'rfc-v1') {
    if (s.since_version) o.push(`Since: ${s.since_version}`);
    if (s.deprecated) o.push(`DEPRECATED${s.replacement ? ` - use ${s.replacement} instead` : ''}`);
  }
  return o.join('\n') + '\n';
}

const bits = <N extends string>(names: readonly N[] | undefined, t: Record<N, number>) => (names ?? []).reduce((a, n) => a | t[n], 0);
const hex = (n: number) => `0x${n.toString(16)}`;
const TYPE_CLASS: Record<string, string> = {
  int: 'int', uint: 'uint', ptr: 'pointer', struct: 'struct', union: 'union', enum: 'enum', func_ptr: 'function_pointer',
  array: 'array', fd: 'file_descriptor', user_ptr: 'user_pointer', path: 'pathname', custom: 'custom',
};
const CHECK: Record<string, string> = { exact: 'exact', range: 'range', error_check: 'error_check', fd: 'file_descriptor', custom: 'custom', no_return: 'no_return' };

/** kapi_export_json's document for one spec (PATCH v4). */
export function specJson(s: ApiSpec): string {
  const r = s.return;
  const doc: Record<string, unknown> = {
    name: s.name, version: s.version ?? 1, description: s.description ?? '', long_description: s.long_description ?? '',
    context_flags: hex(bits(s.contexts, CONTEXT_BITS)),
    parameters: (s.params ?? []).map((p) => ({
      name: p.name, type: p.c_type ?? '', type_class: (p.type && TYPE_CLASS[p.type]) ?? 'void', flags: hex(bits(p.flags, PARAM_FLAG_BITS)), description: p.description ?? '',
    })),
    return: {
      type: r?.c_type ?? '', type_class: (r?.type && TYPE_CLASS[r.type]) ?? 'void', check_type: (r?.check && CHECK[r.check]) ?? 'exact',
      ...(r?.check === 'exact' ? { success_value: Number(r.success?.value ?? 0n) } : {}),
      ...(r?.check === 'range' ? { success_min: Number(r.success_min?.value ?? 0n), success_max: Number(r.success_max?.value ?? 0n) } : {}),
      description: r?.description ?? '',
    },
    errors: (s.errors ?? []).map((e) => ({ code: -(errnoNumber(e.name) ?? 0), name: e.name, condition: e.condition ?? '', description: e.description ?? '' })),
    locks: (s.locks ?? []).map((l) => ({ name: l.name, type: l.type ?? 'none', scope: l.scope ?? 'internal', description: l.description ?? '' })),
    capabilities: (s.capabilities ?? []).map((c) => ({
      capability: Number(c.number?.value ?? 0n), name: c.name, action: c.action ? CAP_ACTION_NUM[c.action] : 0, allows: c.allows ?? '',
      without_cap: c.without ?? '', check_condition: c.condition ?? '', priority: c.priority ?? 0, alternatives: (c.alternatives ?? []).map((a) => Number(a.value ?? 0n)),
    })),
    constraints: (s.constraints ?? []).map((c) => ({ name: c.name, description: c.description ?? '', expression: c.expression ?? '' })),
    signals: (s.signals ?? []).map((g) => ({
      signal_num: Number(g.number?.value ?? 0n), signal_name: g.name, direction: bits(g.direction, SIGNAL_DIRECTION_BITS), action: g.action ?? 'default',
      target: g.target ?? '', condition: g.condition ?? '', description: g.description ?? '', restartable: g.restartable ?? false,
      sa_flags_required: Number(g.sa_flags_required?.value ?? 0n), sa_flags_forbidden: Number(g.sa_flags_forbidden?.value ?? 0n),
      error_on_signal: g.error ? -(errnoNumber(g.error) ?? 0) : 0, transform_to: 0, timing: g.timing ?? '', priority: g.priority ?? 0,
      interruptible: g.interruptible ?? false, queue_behavior: g.queue ?? '', state_required: 0, state_forbidden: 0,
    })),
    side_effects: (s.side_effects ?? []).map((e) => ({
      type: bits(e.effects, EFFECT_BITS), target: e.target ?? '', condition: e.condition ?? '', description: e.description ?? '', reversible: e.reversible ?? false,
    })),
    examples: s.examples ?? '', notes: s.notes ?? '',
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Writes `<root>/kapi/{list,specs/,specs-json/}`. */
export function writeDebugfs(root: string, specs: readonly ApiSpec[], v: DebugfsVersion): void {
  const dir = join(root, 'kapi');
  mkdirSync(join(dir, 'specs'), { recursive: true });
  if (v === 'patch-v4') mkdirSync(join(dir, 'specs-json'), { recursive: true });
  const list = ['Available Kernel API Specifications', '===================================', '',
    ...specs.map((s) => `${s.name} - ${s.description ?? ''}`), '', `Total: ${specs.length} specifications`, ''];
  writeFileSync(join(dir, 'list'), list.join('\n'));
  for (const s of specs) {
    writeFileSync(join(dir, 'specs', s.name), specText(s, v));
    if (v === 'patch-v4') writeFileSync(join(dir, 'specs-json', s.name), specJson(s));
  }
}
