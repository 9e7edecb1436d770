// Value helpers shared by the text sources: constants as written plus their evaluated value.

import type { ConstVal } from '../model/types.js';
import { tokensText, evaluate, type EvalEnv } from './c/expr.js';
import { lex, type Token } from './c/lexer.js';
import { kernelEnv } from './consts/index.js';
import { kapiBitConst } from '../model/tables.js';

/** The environment for spec expressions: kernel constants and the KAPI_* bit macros. */
export const SPEC_ENV: EvalEnv = kernelEnv(kapiBitConst);

/** Called with the token where an expression nests deeper than MAX_NESTING; it gets no value. */
export type OnTooDeep = (at: Token) => void;

export function constOfTokens(toks: Token[], env: EvalEnv = SPEC_ENV, onTooDeep?: OnTooDeep): ConstVal {
  const c: ConstVal = { text: tokensText(toks) };
  const r = evaluate(toks, env);
  if (r.value !== undefined) c.value = r.value;
  if (r.tooDeep) onTooDeep?.(r.tooDeep);
  return c;
}

/** A constant from expression text (kernel-doc); the text is kept whitespace-normalised. */
export function constOfText(text: string, env: EvalEnv = SPEC_ENV, onTooDeep?: OnTooDeep): ConstVal {
  const r = lex(text);
  const norm = text.trim().replace(/\s+/g, ' ');
  if (r.problems.length || r.tokens.length === 0) return { text: norm };
  return constOfTokens(r.tokens, env, onTooDeep);
}

/** Splits a comma list at depth-0 commas (parentheses nest), trimming each part. */
export function splitTopLevel(s: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length) out.push(cur.trim());
  return out;
}

/** yes/no/true/false/1/0 -> boolean, else undefined. */
export function parseBool(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'n'].includes(v)) return false;
  return undefined;
}
