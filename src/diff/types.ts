// What a diff rule is: a stable id, a default level, a sentence on why the change breaks (or does
// not break) callers, and a pure check over one paired spec (either side may be missing).

import type { ApiSpec } from '../model/types.js';
import type { Level } from '../lint/types.js';

export interface Change {
  /** Where the change is: the new side's position, or the old side's for removals. */
  at: string;
  message: string;
}

export interface Rule {
  id: string;
  level: Level;
  summary: string;
  /** Why this breaks callers, or why it does not. */
  why: string;
  check(old: ApiSpec | undefined, now: ApiSpec | undefined): Change[];
}
