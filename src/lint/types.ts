// What a lint check is: a self-describing module with a stable id, a default level, and a pure
// run over one spec. Checks report findings; they never print, throw on bad specs, or read files.

import type { ApiSpec } from '../model/types.js';
import type { ErrorFacts } from '../facts/index.js';
import type { SyscallErrnos } from '../facts/flow.js';

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

/** The whole-tree errno flow of one syscall, and the tree's root as given (its files are relative to it). */
export interface TreeErrnoFacts { root: string; errnos: SyscallErrnos }

export interface LintContext {
  /** What the code of the spec's function can return; undefined when the code is not at hand. */
  code(spec: ApiSpec): (ErrorFacts & { at: string }) | undefined;
  /**
   * What the whole tree's code can return for a syscall spec (flow.ts, computed before the checks
   * run); undefined without a tree, for specs that are not syscalls, or when the tree does not
   * define the syscall. The code-error checks use it instead of `code` when it is there.
   */
  tree?(spec: ApiSpec): TreeErrnoFacts | undefined;
}

export interface Check {
  id: string;
  level: Level;
  /** One line: what the check finds. */
  summary: string;
  run(spec: ApiSpec, ctx: LintContext): Omit<Finding, 'id' | 'level' | 'spec'>[];
}
