// check-trace output, written as it is found: text lines per finding and unreadable line, or JSON
// whose `findings` array is written one finding at a time. Nothing grows with the log but JSON's
// `problems`, which keeps the first MAX_JSON_PROBLEMS and counts the rest (`problems_omitted`);
// text output lists every one. The per-syscall summary comes at the end.

import { FINDING_KINDS, type Checker, type TraceFinding } from './check.js';
import type { TraceProblem } from './parse.js';

export const MAX_JSON_PROBLEMS = 1000;

export type FileProblem = TraceProblem & { file: string };

/** Control characters (C0, DEL, C1) as `\xNN`, so a hostile log cannot drive the terminal. */
export function escapeControls(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export class TraceReport {
  private findings = 0;
  private readonly kept: FileProblem[] = [];
  private omitted = 0;

  /** `head` goes first (JSON) or last (text), e.g. `{ program: 'exited with 0' }`. */
  constructor(private readonly format: 'text' | 'json', private readonly write: (s: string) => void, private readonly head: Record<string, unknown> = {}) {
    if (format === 'json') {
      const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
      write(`{\n${fields.join('')}  "findings": [`);
    }
  }

  finding(f: TraceFinding): void {
    if (this.format === 'json') this.write(`${this.findings ? ',' : ''}\n    ${JSON.stringify(f)}`);
    else this.write(escapeControls(`${f.file ?? ''}:${f.line}: ${f.kind}: ${f.message} (in ${f.spec})\n    ${f.raw.trim()}`) + '\n');
    this.findings++;
  }

  problem(p: FileProblem): void {
    if (this.format === 'text') this.write(escapeControls(`${p.file}:${p.line}: unreadable: ${p.message}`) + '\n');
    else if (this.kept.length < MAX_JSON_PROBLEMS) this.kept.push(p);
    else this.omitted++;
  }

  /** Problems JSON output left out (beyond MAX_JSON_PROBLEMS). */
  get problemsOmitted(): number {
    return this.omitted;
  }

  end(c: Checker): void {
    const summary = [...c.summary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (this.format === 'json') {
      const list = (xs: unknown[]) => (xs.length ? `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]` : '[]');
      const tail: string[] = [`${this.findings ? '\n  ' : ''}],`, `  "problems": ${list(this.kept)},`];
      if (this.omitted) tail.push(`  "problems_omitted": ${this.omitted},`);
      tail.push(`  "summary": ${JSON.stringify(Object.fromEntries(summary))},`);
      tail.push(`  "unchecked": ${JSON.stringify(Object.fromEntries([...c.unchecked].sort()))}${c.uncheckedOther ? ',' : ''}`);
      if (c.uncheckedOther) tail.push(`  "unchecked_other": ${c.uncheckedOther}`);
      this.write(`${tail.join('\n')}\n}\n`);
      return;
    }
    const lines = ['', 'syscall'.padEnd(16) + 'calls'.padStart(7) + FINDING_KINDS.map((k) => k.padStart(18)).join('')];
    for (const [name, s] of summary) lines.push(name.padEnd(16) + String(s.calls).padStart(7) + FINDING_KINDS.map((k) => String(s.findings[k]).padStart(18)).join(''));
    for (const [k, v] of Object.entries(this.head)) lines.push(escapeControls(`${k}: ${String(v)}`));
    this.write(lines.join('\n') + '\n');
  }
}
