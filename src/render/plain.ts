// Plain text: what a person reads in a terminal. Pure: model in, string out. Spec text never
// reaches the terminal raw: each output line has its control characters escaped (tabs kept), so
// the only line breaks are the renderer's own and a value's newline cannot fake a line.

import { escapeControls } from '../diag/index.js';
import { where } from '../report/index.js';
import type { ApiSpec, SpecSet } from '../model/types.js';
import { wrap } from './text.js';
import { KIND_TITLES, specView, type Row } from './view.js';

const WIDTH = 100;

/** The document from its lines: each escaped, then joined by the renderer's newlines. */
const document = (lines: string[]): string => lines.map((l) => escapeControls(l, '\t')).join('\n') + '\n';

function rowLines(rows: Row[], indent: string): string[] {
  const out: string[] = [];
  for (const [label, value] of rows) {
    const head = `${indent}${label}: `;
    const body = wrap(value, Math.max(40, WIDTH - head.length));
    out.push(head + body[0], ...body.slice(1).map((l) => ' '.repeat(head.length) + l));
  }
  return out;
}

export function renderPlainList(set: SpecSet): string {
  const out: string[] = [];
  const width = Math.max(0, ...set.specs.map((s) => s.name.length));
  for (const kind of Object.keys(KIND_TITLES) as ApiSpec['kind'][]) {
    const specs = set.specs.filter((s) => s.kind === kind);
    if (!specs.length) continue;
    const title = `${KIND_TITLES[kind]}:`;
    out.push('', title, '-'.repeat(title.length));
    for (const s of specs) out.push(`  ${s.name.padEnd(width)}  ${s.description ?? ''}`.trimEnd());
  }
  out.push('', `Total specifications found: ${set.specs.length}`);
  return document(out);
}

/** Above this many specs, `kapi` without API_NAME prints a summary (renderPlainSummary), not every name. */
export const LIST_LIMIT = 20;

/**
 * The listing in brief, for a set too long for one screen: per kind, one line per source file
 * with its count and the names it holds (without `sys_`, cut to the line's width), then the total
 * and how to see the rest. Groups are sorted by file; names in set order.
 */
export function renderPlainSummary(set: SpecSet): string {
  const out: string[] = [];
  for (const kind of Object.keys(KIND_TITLES) as ApiSpec['kind'][]) {
    const specs = set.specs.filter((s) => s.kind === kind);
    if (!specs.length) continue;
    const groups = new Map<string, string[]>();
    for (const s of specs) {
      const file = where(s.at).file || '(unknown)';
      const l = groups.get(file) ?? [];
      l.push(kind === 'syscall' ? s.name.replace(/^sys_/, '') : s.name);
      groups.set(file, l);
    }
    const title = `${KIND_TITLES[kind]}: ${specs.length} in ${groups.size} file${groups.size === 1 ? '' : 's'}`;
    out.push('', title, '-'.repeat(title.length));
    const files = [...groups.keys()].sort();
    const fw = Math.min(40, Math.max(...files.map((f) => f.length)));
    const cw = String(Math.max(...[...groups.values()].map((l) => l.length))).length;
    for (const f of files) {
      const names = groups.get(f)!;
      const head = `  ${f.padEnd(fw)}  ${String(names.length).padStart(cw)}  `;
      let line = head;
      for (let i = 0; i < names.length; i++) {
        const more = names.length - i - 1;
        const next = `${line === head ? '' : ' '}${names[i]}`;
        if ((line + next).length > WIDTH - (more ? 6 : 0)) { line += ' ...'; break; }
        line += next;
      }
      out.push(line.trimEnd());
    }
  }
  out.push('', `Total specifications found: ${set.specs.length} (kapi --all lists each one; kapi NAME shows one)`);
  return document(out);
}

export function renderPlainSpec(spec: ApiSpec): string {
  const v = specView(spec);
  const title = `${v.name}${v.summary ? ` - ${v.summary}` : ''}`;
  const out: string[] = [title, '='.repeat(Math.min(title.length, WIDTH)), `kind: ${v.kind}`];
  for (const sec of v.sections) {
    out.push('', `${sec.title}:`);
    if (sec.text !== undefined) {
      const lines = sec.verbatim ? sec.text.split('\n') : wrap(sec.text, WIDTH - 2);
      out.push(...lines.map((l) => `  ${l}`.trimEnd()));
    }
    if (sec.rows) out.push(...rowLines(sec.rows, '  '));
    for (const it of sec.items ?? []) {
      out.push(`  ${it.heading}${it.detail ? ` (${it.detail})` : ''}`);
      out.push(...rowLines(it.rows, '      '));
    }
  }
  return document(out);
}

export function renderPlainSpecs(specs: readonly ApiSpec[]): string {
  return specs.map(renderPlainSpec).join('\n');
}
