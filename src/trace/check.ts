// Checking syscall events against the specs. Findings, each with its trace line:
//   unlisted-error     a failure with an errno the spec does not list
//   invalid-accepted   an argument the spec calls invalid (range, mask, enum), and the call succeeded
//   valid-failed       EINVAL although every argument is valid by the spec's constraints (and no
//                      documented condition makes EINVAL of the state of what an argument names)
//   returned           a call the spec says does not return, returned a value

import type { ApiSpec, Param } from '../model/types.js';
import { parseConditions } from '../conform/cond.js';
import { errnoNumber, tableName } from '../sources/consts/index.js';
import { constOfText } from '../sources/values.js';
import { shown, type TraceEvent } from './parse.js';

export type FindingKind = 'unlisted-error' | 'invalid-accepted' | 'valid-failed' | 'returned';
export const FINDING_KINDS: FindingKind[] = ['unlisted-error', 'invalid-accepted', 'valid-failed', 'returned'];

export interface TraceFinding { kind: FindingKind; line: number; raw: string; spec: string; message: string; pid?: number; file?: string }

export interface SyscallSummary { calls: number; findings: Record<FindingKind, number> }

/** Longest argument text read as a value: longer ones are no 64-bit number or known constant. */
const MAX_VALUE = 4096;

/** The text without its `/* ... *\/` comments (an unclosed one runs to the end). */
function dropComments(a: string): string {
  let out = '';
  let at = 0;
  for (let i = a.indexOf('/*'); i >= 0; i = a.indexOf('/*', at)) {
    out += a.slice(at, i);
    const j = a.indexOf('*/', i + 2);
    at = j < 0 ? a.length : j + 2;
  }
  return out + a.slice(at);
}

/** A numeric argument value: integers in any base, `NULL`, flag expressions (`O_RDONLY|O_CLOEXEC`,
 *  `EPOLL_CLOEXEC|0x2`), with strace's `/* ... *\/` annotations dropped. */
export function argValue(a: string): bigint | undefined {
  const t = dropComments(a).trim();
  if (t.length > MAX_VALUE) return undefined;
  if (t.includes('|')) {
    let v = 0n;
    for (const part of t.split('|')) {
      const x = argValue(part);
      if (x === undefined) return undefined;
      v |= x;
    }
    return v;
  }
  if (t.length > 64) return undefined;
  if (/^0[0-7]+$/.test(t)) return BigInt(`0o${t.slice(1)}`);
  if (/^-?\d+$/.test(t)) return BigInt(t);
  if (/^0x[0-9a-fA-F]+$/.test(t)) return BigInt(t);
  if (t === 'NULL') return 0n;
  if (/^[A-Z_][A-Z0-9_]*$/.test(t)) return constOfText(t).value;
  return undefined;
}

/** Why a value breaks a parameter's constraint, or undefined when it does not. */
export function violation(p: Param, v: bigint): string | undefined {
  const c = p.constraint;
  if (!c) return undefined;
  const width = /long|size_t|\*|64/.test(p.c_type ?? '') || p.type === 'user_ptr' || p.type === 'ptr' ? 64 : p.type === 'uint' && !p.c_type ? 64 : 32;
  const x = p.type === 'uint' ? BigInt.asUintN(width, v) : BigInt.asIntN(width, v);
  if (c.kind === 'range') {
    if (c.min?.value !== undefined && x < c.min.value) return `${p.name} = ${x} is below ${c.min.text}`;
    if (c.max?.value !== undefined && x > c.max.value) return `${p.name} = ${x} is above ${c.max.text}`;
  }
  if (c.kind === 'mask' && c.mask?.value !== undefined) {
    const extra = BigInt.asUintN(32, x) & ~BigInt.asUintN(32, c.mask.value);
    if (extra) return `${p.name} = 0x${BigInt.asUintN(32, x).toString(16)} has bits 0x${extra.toString(16)} outside ${c.mask.text}`;
  }
  if (c.kind === 'enum' && c.values?.length && !c.values.some((e) => e.value === x)) return `${p.name} = ${x} is not one of the listed values`;
  return undefined;
}

/** Distinct names of unchecked calls counted one by one; calls of further names are counted together. */
export const MAX_UNCHECKED_NAMES = 1024;

export class Checker {
  /** Findings, when no `onFinding` handler takes them. */
  readonly findings: TraceFinding[] = [];
  /** Findings made, whether kept or handed over. */
  count = 0;
  readonly summary = new Map<string, SyscallSummary>();
  /** Calls seen that no spec covers, by name (the first MAX_UNCHECKED_NAMES names). */
  readonly unchecked = new Map<string, number>();
  /** Calls no spec covers beyond MAX_UNCHECKED_NAMES distinct names. */
  uncheckedOther = 0;
  private readonly byName: Map<string, ApiSpec>;

  /** With `onFinding`, findings are handed over as they are made, not kept (logs of any size). */
  constructor(specs: readonly ApiSpec[], private readonly onFinding?: (f: TraceFinding) => void) {
    // Native syscalls only: a compat spec describes the same name for 32-bit callers. strace
    // names a call by the syscall table (stat, not the entry point's newstat).
    this.byName = new Map(specs.filter((s) => s.kind === 'syscall' && s.name.startsWith('sys_')).map((s) => [tableName(s.signature?.name ?? s.name.replace(/^sys_/, '')), s]));
  }

  /** Names of the syscalls the specs cover (for strace -e trace=). */
  get names(): string[] {
    return [...this.byName.keys()].sort();
  }

  private add(kind: FindingKind, ev: TraceEvent, spec: ApiSpec, message: string): void {
    const f: TraceFinding = { kind, line: ev.line, raw: ev.raw, spec: spec.name, message };
    if (ev.pid !== undefined) f.pid = ev.pid;
    this.count++;
    if (this.onFinding) this.onFinding(f);
    else this.findings.push(f);
    this.summary.get(ev.name)!.findings[kind]++;
  }

  private readonly stateEinval = new Map<ApiSpec, boolean>();

  /**
   * Whether the spec's EINVAL can come from the state of what an argument names, not from the
   * argument's value: a `kapi-cond:` alternative that provokes it with a fixture (readlink of a
   * file that is no symbolic link) or a set-up. Such an EINVAL cannot be judged from a trace line.
   */
  private fromState(spec: ApiSpec): boolean {
    let v = this.stateEinval.get(spec);
    if (v === undefined) {
      const text = spec.errors?.find((e) => e.name === 'EINVAL')?.ext?.['kapi-cond'];
      const alts = text === undefined ? [] : parseConditions(text, spec.params ?? []).conditions;
      v = alts.some((c) => c.settings.some((st) => st.kind !== 'field' && !(st.kind === 'arg' && 'int' in st.value)));
      this.stateEinval.set(spec, v);
    }
    return v;
  }

  check(ev: TraceEvent): void {
    const spec = this.byName.get(ev.name);
    if (!spec) {
      const name = shown(ev.name);
      const n = this.unchecked.get(name);
      if (n !== undefined || this.unchecked.size < MAX_UNCHECKED_NAMES) this.unchecked.set(name, (n ?? 0) + 1);
      else this.uncheckedOther++;
      return;
    }
    let sum = this.summary.get(ev.name);
    if (!sum) this.summary.set(ev.name, (sum = { calls: 0, findings: { 'unlisted-error': 0, 'invalid-accepted': 0, 'valid-failed': 0, returned: 0 } }));
    sum.calls++;
    if (ev.ret === undefined) return;
    const failed = ev.ret < 0n && ev.errno !== undefined;
    const bad = (spec.params ?? []).flatMap((p) => {
      const a = ev.args[p.index];
      const v = a === undefined ? undefined : argValue(a);
      const why = v === undefined ? undefined : violation(p, v);
      return why ? [why] : [];
    });
    if (failed) {
      const internal = (errnoNumber(ev.errno!) ?? 0) >= 512;
      if (!internal && !(spec.errors ?? []).some((e) => e.name === ev.errno)) {
        this.add('unlisted-error', ev, spec, `${ev.name} failed with ${ev.errno}, which ${spec.name} does not list`);
      }
      if (ev.errno === 'EINVAL' && bad.length === 0 && (spec.params ?? []).some((p) => p.constraint?.kind) && !this.fromState(spec)) {
        const cond = spec.errors?.find((e) => e.name === 'EINVAL')?.condition;
        this.add('valid-failed', ev, spec, `${ev.name} failed with EINVAL although every argument is valid by the spec${cond ? ` (EINVAL is documented for: ${cond})` : ''}`);
      }
      return;
    }
    for (const why of bad) this.add('invalid-accepted', ev, spec, `${ev.name} succeeded although ${why}`);
    if (spec.return?.check === 'no_return' && ev.ret > 0n) this.add('returned', ev, spec, `${ev.name} returned ${ev.ret}, but ${spec.name} does not return on success`);
  }
}
