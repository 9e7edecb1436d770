// One C file -> specs, from every DSL generation it contains.

import type { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { lex } from './c/lexer.js';
import { lowerMacroSpec } from './c-macro/lower.js';
import { parseMacroFile } from './c-macro/parse.js';
import { kernelDocSpec } from './kernel-doc/index.js';

/** Stricter than the byte markers of scan.ts: the spec-starting names and the context tags. */
const MACRO_MARK = /API_SPEC|API_IOCTL_SPEC|DEFINE_IOCTL_SPEC|DEFINE_IOCTL_HANDLER|kapi_ioctl_spec/;
const DOC_MARK = /^[ \t]*\*[ \t]*context(s|-flags)?:/m;

export function mayHoldSpecs(text: string): boolean {
  return MACRO_MARK.test(text) || DOC_MARK.test(text);
}

export function specsFromC(text: string, file: string, diags: DiagSink): ApiSpec[] {
  if (!mayHoldSpecs(text)) return [];
  const lexed = lex(text);
  const out: ApiSpec[] = [];
  if (MACRO_MARK.test(text)) {
    const mf = parseMacroFile(lexed.tokens, file, diags);
    for (const raw of mf.specs) out.push(lowerMacroSpec(raw, mf, diags));
  }
  for (const doc of lexed.docs) {
    const s = kernelDocSpec(doc, lexed.tokens, file, diags);
    if (s) out.push(s);
  }
  // Lexer trouble matters only where specs were read: elsewhere it is code kapi does not parse.
  if (out.length) for (const p of lexed.problems) diags.report('bad-syntax', `${file}:${p.line}:${p.col}`, p.message);
  return out;
}
