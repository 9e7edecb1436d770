// `kapi-not-returned: ERRNO[,ERRNO] REASON[; ERRNO... REASON]`, a spec-level tag: errnos the
// whole-tree analysis finds on a path from the syscall that user space cannot take, each with the
// reason (a flag this syscall never passes, a WARN_ON that marks a kernel bug, a code a caller
// retries on). Lint's code-error-missing leaves them out, and says so when one is no longer found.

import { errnoNumber } from '../sources/consts/index.js';

export interface NotReturned { errnos: string[]; reason: string }

/** The entries of the tag's text, and what could not be read (one message per bad entry). */
export function parseNotReturned(text: string | undefined): { entries: NotReturned[]; problems: string[] } {
  const entries: NotReturned[] = [], problems: string[] = [];
  for (const raw of (text ?? '').split(';').map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const m = /^([A-Z][A-Z0-9]*(?:\s*,\s*[A-Z][A-Z0-9]*)*)\s+(\S.*)$/.exec(raw);
    if (!m) { problems.push(`'${raw.slice(0, 80)}' is not ERRNO[,ERRNO] REASON`); continue; }
    const errnos = m[1]!.split(',').map((x) => x.trim());
    const bad = errnos.filter((e) => errnoNumber(e) === undefined);
    if (bad.length) { problems.push(`unknown errno ${bad.join(', ')}`); continue; }
    entries.push({ errnos, reason: m[2]! });
  }
  return { entries, problems };
}

/** errno -> reason, for the errnos a spec says its syscall cannot return. */
export function notReturnedMap(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of parseNotReturned(text).entries) for (const n of e.errnos) if (!out.has(n)) out.set(n, e.reason);
  return out;
}
