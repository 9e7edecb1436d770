// reStructuredText, for kernel Documentation/ and Sphinx. Pure: model in, string out.
// Every piece of spec text is escaped so that docutils in strict mode accepts the document.

import type { ApiSpec, SpecSet } from '../model/types.js';
import { KIND_TITLES, specView, type Row } from './view.js';

/** Escapes inline markup characters; text is shown literally. */
export function rstEscape(s: string): string {
  const t = s
    .replace(/\\/g, '\\\\')
    .replace(/([*`_|])/g, '\\$1')
    .replace(/::/g, '\\:\\:')
    .replace(/\s+/g, ' ')
    .trim();
  // A line of punctuation alone would be a transition, a title rule or a table border; an escaped
  // space (which renders as nothing) in front makes it plain text, even a line of backslashes.
  if (/^[!-/:-@[-`{-~][!-/:-@[-`{-~ ]*$/.test(t)) return `\\ ${t}`;
  // List markers, enumerators, field names, comments and doctest blocks at the start.
  return t.replace(/^(\.\.|:|[-+*•‣⁃](?= |$)|(?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)](?= |$)|\((?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\)(?= |$)|>>>)/, '\\$1');
}

/** A field-list label: markup escaped, and every colon, once. */
function rstLabel(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([*`_|:])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

function title(text: string, ch: string, over = false): string[] {
  const t = rstEscape(text);
  const line = ch.repeat(Math.max(t.length, 3));
  return over ? [line, t, line, ''] : [t, line, ''];
}

function fields(rows: Row[], indent: string): string[] {
  return rows.map(([label, value]) => `${indent}:${rstLabel(label)}: ${rstEscape(value)}`);
}

export function renderRstList(set: SpecSet): string {
  const out: string[] = [...title('Kernel API specifications', '=', true)];
  for (const kind of Object.keys(KIND_TITLES) as ApiSpec['kind'][]) {
    const specs = set.specs.filter((s) => s.kind === kind);
    if (!specs.length) continue;
    out.push(...title(KIND_TITLES[kind], '='));
    for (const s of specs) out.push(`* ${rstEscape(s.name)}${s.description ? ` - ${rstEscape(s.description)}` : ''}`);
    out.push('');
  }
  out.push(`Total specifications found: ${set.specs.length}`, '');
  return out.join('\n');
}

export function renderRstSpec(spec: ApiSpec): string {
  const v = specView(spec);
  const out: string[] = [...title(v.name, '=')];
  if (v.summary) out.push(rstEscape(v.summary), '');
  out.push(`:kind: ${v.kind}`, '');
  for (const sec of v.sections) {
    out.push(...title(sec.title, '-'));
    if (sec.text !== undefined) {
      if (sec.verbatim && sec.text.trim()) out.push('::', '', ...sec.text.split('\n').map((l) => `   ${l}`.trimEnd()), '');
      else if (sec.text.trim()) out.push(rstEscape(sec.text), '');
    }
    if (sec.rows?.length) out.push(...fields(sec.rows, ''), '');
    for (const it of sec.items ?? []) {
      out.push(`**${rstEscape(it.heading) || '(unnamed)'}**${it.detail ? ` (${rstEscape(it.detail)})` : ''}`);
      out.push(...(it.rows.length ? fields(it.rows, '   ') : ['   (no details)']), '');
    }
  }
  return out.join('\n');
}

export function renderRstSpecs(specs: readonly ApiSpec[]): string {
  return specs.map(renderRstSpec).join('\n');
}
