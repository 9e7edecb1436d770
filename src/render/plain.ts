// Plain text: what a person reads in a terminal. Pure: model in, string out. Spec text never
// reaches the terminal raw: each output line has its control characters escaped (tabs kept), so
// the only line breaks are the renderer's own and a value's newline cannot fake a line.

import { escapeControls } from '../diag/index.js';
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
