// Lint: checks over the spec model, one file per check, listed here with stable ids. In: a
// SpecSet, a context with facts from the code, level overrides. Out: sorted findings.

import type { ApiSpec } from '../model/types.js';
import { codeErrorMissing, codeErrorObject, codeErrorUnseen } from './checks/code-errors.js';
import { constraintShape } from './checks/constraint-shape.js';
import { duplicateError } from './checks/duplicate-error.js';
import { effectClaim } from './checks/effect-claim.js';
import { errorCondition } from './checks/error-condition.js';
import { enumOutsideMask } from './checks/enum-outside-mask.js';
import { missingDescription } from './checks/missing-description.js';
import { paramIndex } from './checks/param-index.js';
import { rangeInverted } from './checks/range-inverted.js';
import { returnContradiction } from './checks/return-contradiction.js';
import { signature } from './checks/signature.js';
import { testTags } from './checks/test-tags.js';
import { sizeParam } from './checks/size-param.js';
import { unknownErrno } from './checks/unknown-errno.js';
import type { Check, Finding, Level, LintContext } from './types.js';

export type { Check, Finding, Level, LintContext } from './types.js';
export { LEVELS } from './types.js';

export const CHECKS = {
  'param-index': paramIndex,
  'duplicate-error': duplicateError,
  'error-condition': errorCondition,
  'effect-claim': effectClaim,
  'unknown-errno': unknownErrno,
  'missing-description': missingDescription,
  'range-inverted': rangeInverted,
  'enum-outside-mask': enumOutsideMask,
  'size-param': sizeParam,
  'constraint-shape': constraintShape,
  'return-contradiction': returnContradiction,
  signature,
  'test-tags': testTags,
  'code-error-missing': codeErrorMissing,
  'code-error-unseen': codeErrorUnseen,
  'code-error-object': codeErrorObject,
} satisfies Record<string, Check>;

export type CheckId = keyof typeof CHECKS;

/** Runs every check on every spec; `levels` overrides defaults (`off` drops a check). */
export function lint(specs: readonly ApiSpec[], ctx: LintContext, levels: Record<string, Level | 'off'> = {}): Finding[] {
  const out: Finding[] = [];
  for (const check of Object.values(CHECKS) as Check[]) {
    const level = levels[check.id] ?? check.level;
    if (level === 'off') continue;
    for (const s of specs) for (const f of check.run(s, ctx)) out.push({ id: check.id, level, spec: s.name, ...f });
  }
  return out;
}
