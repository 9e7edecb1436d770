// Conformance results: KTAP (the kernel's test output format), JSON and JUnit XML, and the
// per-API summary: cases, passed, failed, errnos the kernel returned that the spec does not list,
// and how many of the spec's errors the cases provoked.

import type { ApiSpec } from '../model/types.js';
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
  };
  if (plan.skipped) r.skipped = plan.skipped;
  if (plan.problem) r.problem = plan.problem;
  return r;
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
    const status = r.skipped ? `ok ${i + 1} ${api} # SKIP ${oneLine(r.skipped)}` : `${r.failed.length || r.problem ? 'not ok' : 'ok'} ${i + 1} ${api}`;
    out.push(status);
  });
  return out.join('\n') + '\n';
}

const x = (s: string) => oneLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junit(results: { result: ApiResult; outcomes: readonly Outcome[] }[]): string {
  const suites = results.map(({ result: r, outcomes }) => [
    `  <testsuite name="${x(r.api)}" tests="${outcomes.length}" failures="${r.failed.length}" skipped="${r.skipped ? 1 : r.skips}">`,
    ...outcomes.map((o) => `    <testcase classname="${x(r.api)}" name="${x(`${o.case.n} ${o.case.what}`)}">${o.skip !== undefined ? `<skipped message="${x(o.skip)}"/>` : o.pass ? '' : `<failure message="${x(o.reason ?? '')}"/>`}</testcase>`),
    '  </testsuite>',
  ].join('\n'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kapi conform">\n${suites.join('\n')}\n</testsuites>\n`;
}
