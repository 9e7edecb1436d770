// Conformance results: KTAP (the kernel's test output format), JSON and JUnit XML, and the
// per-API summary: cases, passed, failed, errnos the kernel returned that the spec does not list,
// and how many of the spec's errors the cases provoked.

import type { ApiSpec } from '../model/types.js';
import { effectBlocks } from './effect.js';
import type { Plan } from './plan.js';
import type { Outcome } from './run.js';

export interface ApiResult {
  api: string;
  cases: number;
  /** Cases that passed; skipped cases are not among them. */
  passed: number;
  /** Cases skipped because the kernel lacks what they need (each outcome's `skip` says what). */
  skips: number;
  failed: { case: number; what: string; reason: string }[];
  /** Errnos the kernel returned that the spec does not list. */
  unlisted: string[];
  /** The spec's errors that a passing case returned (a failing or skipped case provokes nothing). */
  provoked: string[];
  listed: number;
  /** provoked / listed, in percent (100 when nothing is listed). */
  coverage: number;
  /** The spec's errors that a skipped case expected and no passing case returned. */
  skippedErrors: string[];
  /** The spec's errors marked `kapi-unprovokable:`, never counted as provoked. */
  unprovokable: string[];
  /** Cases by kind: `valid` (success expected), `invalid` (one bad parameter), `condition`. */
  kinds: { valid: number; invalid: number; condition: number };
  /**
   * The spec's effect blocks (side-effect, state-trans, and a return block with a claim), by
   * label: `checked` when a passing case checked a claim of the block after a successful call,
   * `unobservable` when marked so, `unchecked` the rest (no tag, or no passing case checked it).
   */
  effects: { blocks: number; checked: string[]; unobservable: string[]; unchecked: string[] };
  /** Failed calls checked for failure atomicity (every case whose call returned an error). */
  atomicity: number;
  skipped?: string;
  /** Why the spec could not be run at all (an error in the spec). */
  problem?: string;
}

/** Text for one KTAP or XML line: no control characters (a spec's names cannot break a line). */
// eslint-disable-next-line no-control-regex
export const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');

export function summarize(spec: ApiSpec, plan: Plan, outcomes: readonly Outcome[]): ApiResult {
  const listed = new Set((spec.errors ?? []).map((e) => e.name));
  const seen = new Set(outcomes.map((o) => o.errno).filter((e): e is string => !!e));
  const provoked = [...new Set(outcomes.filter((o) => o.pass && !o.skip).map((o) => o.errno))].filter((e): e is string => !!e && listed.has(e)).sort();
  const r: ApiResult = {
    api: spec.name, cases: outcomes.length, passed: outcomes.filter((o) => o.pass && !o.skip).length, skips: outcomes.filter((o) => o.skip !== undefined).length,
    failed: outcomes.filter((o) => !o.pass).map((o) => ({ case: o.case.n, what: o.case.what, reason: o.reason ?? '' })),
    unlisted: [...seen].filter((e) => !listed.has(e)).sort(), provoked, listed: listed.size,
    coverage: listed.size ? Math.round((provoked.length / listed.size) * 1000) / 10 : 100,
    skippedErrors: [...new Set(outcomes.filter((o) => o.skip !== undefined && o.case.error).map((o) => o.case.error!))].filter((e) => !provoked.includes(e)).sort(),
    unprovokable: (spec.errors ?? []).filter((e) => e.ext?.['kapi-unprovokable'] !== undefined).map((e) => e.name).sort(),
    kinds: {
      valid: outcomes.filter((o) => o.case.expect.kind === 'success').length,
      invalid: outcomes.filter((o) => o.case.expect.kind === 'errno' && !o.case.error).length,
      condition: outcomes.filter((o) => !!o.case.error).length,
    },
    effects: effectCoverage(spec, outcomes),
    atomicity: outcomes.filter((o) => o.ret !== undefined && o.ret < 0n).length,
  };
  if (plan.skipped) r.skipped = plan.skipped;
  if (plan.problem) r.problem = plan.problem;
  return r;
}

function effectCoverage(spec: ApiSpec, outcomes: readonly Outcome[]): ApiResult['effects'] {
  const checked = new Set<string>();
  for (const o of outcomes) {
    if (!o.pass || !o.case.effects) continue;
    o.case.effects.blocks.forEach((label, k) => {
      // A call that returned was checked by the program; an exec that did not return shows
      // exec:replaced by the new program's exit status, which the judgement already required.
      if (o.effects !== undefined || (o.ret === undefined && o.case.effects!.claims[k]!.name === 'exec:replaced')) checked.add(label);
    });
  }
  const blocks = effectBlocks(spec);
  return {
    blocks: blocks.length,
    checked: blocks.filter((b) => checked.has(b.label)).map((b) => b.label),
    unobservable: blocks.filter((b) => !checked.has(b.label) && b.unobservable !== undefined).map((b) => b.label),
    unchecked: blocks.filter((b) => !checked.has(b.label) && b.unobservable === undefined).map((b) => b.label),
  };
}

/** The effects part of a spec's summary, for KTAP and JUnit. */
export function effectsLine(r: ApiResult): string {
  const e = r.effects;
  const list = (l: string[]) => (l.length ? ` (${l.join(', ')})` : '');
  return `effects checked ${e.checked.length}/${e.blocks}${list(e.checked)}; unobservable ${e.unobservable.length}${list(e.unobservable)}` +
    `${e.unchecked.length ? `; not checked ${e.unchecked.length}${list(e.unchecked)}` : ''}; failure atomicity checked after ${r.atomicity} failed calls`;
}

/** The whole run's coverage: cases, documented errors provoked and unprovokable, effect blocks. */
export interface Totals {
  cases: number; passed: number; skipped: number;
  errors: number; provoked: number; unprovokable: number;
  /** provoked / errors and unprovokable / errors, in percent (100 and 0 when nothing is listed). */
  provokedPct: number; unprovokablePct: number;
  effects: number; effectsChecked: number; unobservable: number; atomicity: number;
}

export function totals(results: readonly { result: ApiResult }[]): Totals {
  const sum = (f: (r: ApiResult) => number) => results.reduce((n, { result }) => n + f(result), 0);
  const errors = sum((r) => r.listed), provoked = sum((r) => r.provoked.length), unprovokable = sum((r) => r.unprovokable.length);
  const pct = (n: number) => (errors ? Math.round((n / errors) * 1000) / 10 : n ? 100 : 0);
  return {
    cases: sum((r) => r.cases), passed: sum((r) => r.passed), skipped: sum((r) => r.skips),
    errors, provoked, unprovokable, provokedPct: errors ? pct(provoked) : 100, unprovokablePct: pct(unprovokable),
    effects: sum((r) => r.effects.blocks), effectsChecked: sum((r) => r.effects.checked.length),
    unobservable: sum((r) => r.effects.unobservable.length), atomicity: sum((r) => r.atomicity),
  };
}

/** The totals as one KTAP comment line. */
export function totalsLine(t: Totals): string {
  return `# totals: ${t.passed}/${t.cases} passed${t.skipped ? `, ${t.skipped} skipped` : ''}; errors provoked ${t.provoked}/${t.errors} (${t.provokedPct}%); ` +
    `unprovokable ${t.unprovokable} (${t.unprovokablePct}%); effects checked ${t.effectsChecked}/${t.effects}; unobservable ${t.unobservable}; ` +
    `failure atomicity checked after ${t.atomicity} failed calls`;
}

/** KTAP v1: one subtest per API, one line per case. */
export function ktap(results: { result: ApiResult; outcomes: readonly Outcome[] }[]): string {
  const out = ['KTAP version 1', `1..${results.length}`];
  results.forEach(({ result: r, outcomes }, i) => {
    const api = oneLine(r.api);
    out.push('    KTAP version 1', `    # Subtest: ${api}`, `    1..${outcomes.length}`);
    for (const o of outcomes) {
      out.push(`    ${o.pass ? 'ok' : 'not ok'} ${o.case.n} ${oneLine(o.case.what)}${o.skip !== undefined ? ` # SKIP ${oneLine(o.skip)}` : ''}`);
      if (!o.pass) out.push(`    # ${api} case ${o.case.n}: ${oneLine(o.reason ?? '')}`);
    }
    if (r.problem) out.push(`    # ${api}: cannot be run: ${oneLine(r.problem)}`);
    out.push(`    # ${api}: ${r.passed}/${r.cases} passed${r.skips ? `, ${r.skips} skipped` : ''}; errors provoked ${r.provoked.length}/${r.listed} (${r.coverage}%)` +
      `${r.provoked.length ? `: ${r.provoked.join(' ')}` : ''}${r.skippedErrors.length ? `; skipped here ${r.skippedErrors.length}: ${r.skippedErrors.join(' ')}` : ''}${r.unprovokable.length ? `; unprovokable ${r.unprovokable.length}: ${r.unprovokable.join(' ')}` : ''}` +
      `${r.unlisted.length ? `; returned but not listed: ${r.unlisted.join(' ')}` : ''}`);
    out.push(`    # ${api}: cases by kind: ${r.kinds.valid} valid, ${r.kinds.invalid} invalid, ${r.kinds.condition} from error conditions`);
    out.push(`    # ${api}: ${oneLine(effectsLine(r))}`);
    const status = r.skipped ? `ok ${i + 1} ${api} # SKIP ${oneLine(r.skipped)}` : `${r.failed.length || r.problem ? 'not ok' : 'ok'} ${i + 1} ${api}`;
    out.push(status);
  });
  out.push(totalsLine(totals(results)));
  return out.join('\n') + '\n';
}

const x = (s: string) => oneLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junit(results: { result: ApiResult; outcomes: readonly Outcome[] }[]): string {
  const suites = results.map(({ result: r, outcomes }) => [
    `  <testsuite name="${x(r.api)}" tests="${outcomes.length}" failures="${r.failed.length}" skipped="${r.skipped ? 1 : r.skips}">`,
    '    <properties>',
    `      <property name="errors.listed" value="${r.listed}"/>`,
    `      <property name="errors.provoked" value="${r.provoked.length}"/>`,
    `      <property name="errors.provoked.names" value="${x(r.provoked.join(' '))}"/>`,
    `      <property name="errors.unprovokable" value="${r.unprovokable.length}"/>`,
    `      <property name="errors.unprovokable.names" value="${x(r.unprovokable.join(' '))}"/>`,
    `      <property name="errors.unlisted" value="${x(r.unlisted.join(' '))}"/>`,
    `      <property name="effects.blocks" value="${r.effects.blocks}"/>`,
    `      <property name="effects.checked" value="${r.effects.checked.length}"/>`,
    `      <property name="effects.unobservable" value="${r.effects.unobservable.length}"/>`,
    `      <property name="atomicity.checked" value="${r.atomicity}"/>`,
    `      <property name="cases.valid" value="${r.kinds.valid}"/>`,
    `      <property name="cases.invalid" value="${r.kinds.invalid}"/>`,
    `      <property name="cases.condition" value="${r.kinds.condition}"/>`,
    '    </properties>',
    ...outcomes.map((o) => `    <testcase classname="${x(r.api)}" name="${x(`${o.case.n} ${o.case.what}`)}">${o.skip !== undefined ? `<skipped message="${x(o.skip)}"/>` : o.pass ? '' : `<failure message="${x(o.reason ?? '')}"/>`}</testcase>`),
    '  </testsuite>',
  ].join('\n'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kapi conform">\n${suites.join('\n')}\n</testsuites>\n`;
}
