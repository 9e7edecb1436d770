// What a lint check is: a self-describing module with a stable id, a default level, and a pure
// run over one spec. Checks report findings; they never print, throw on bad specs, or read files.

import type { ApiSpec } from '../model/types.js';
import type { ErrorFacts } from '../facts/index.js';

export type Level = 'error' | 'warning' | 'info';
export const LEVELS: Level[] = ['info', 'warning', 'error'];

export interface Finding {
  /** Check id (or a reader's diagnostic code). */
  id: string;
  level: Level;
  /** `file:line:col`, or `file+0xOFFSET` for binaries. */
  at: string;
  message: string;
  spec?: string;
}

export interface LintContext {
  /** What the code of the spec's function can return; undefined when the code is not at hand. */
  code(spec: ApiSpec): (ErrorFacts & { at: string }) | undefined;
}

export interface Check {
  id: string;
  level: Level;
  /** One line: what the check finds. */
  summary: string;
  run(spec: ApiSpec, ctx: LintContext): Omit<Finding, 'id' | 'level' | 'spec'>[];
}
