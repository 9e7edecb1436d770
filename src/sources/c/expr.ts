// Constant-expression evaluation over C tokens. In: tokens and a name environment. Out: a BigInt,
// or undefined when any name is unknown or the expression is not a constant, or the token where
// it nests deeper than MAX_NESTING. Linear in the tokens, bounded recursion. Never throws.

import { own } from '../../model/own.js';
import { lex, type Token } from './lexer.js';

export interface EvalEnv {
  /** Value of an identifier (macro or enum constant). */
  ident(name: string): bigint | undefined;
  /** `sizeof(TYPE)` for a type written as text, e.g. `struct epoll_event`. */
  sizeof(type: string): bigint | undefined;
  /** Element count of a file-scope array, for `ARRAY_SIZE(x)`. */
  arrayLen?(name: string): number | undefined;
}

class Unknown {}
const UNKNOWN = new Unknown();

const TYPE_WORDS = new Set([
  'unsigned', 'signed', 'int', 'long', 'short', 'char', 'void', 'const', 'volatile', 'bool',
  's8', 's16', 's32', 's64', 'u8', 'u16', 'u32', 'u64', '__s8', '__s16', '__s32', '__s64', '__u8',
  '__u16', '__u32', '__u64', 'size_t', 'ssize_t', 'loff_t', 'umode_t', 'uintptr_t', 'intptr_t',
  'pid_t', 'uid_t', 'gid_t', '__user', '__force',
]);

const TAGS = new Set(['struct', 'union', 'enum']);

const BINARY: Record<string, [number, (a: bigint, b: bigint) => bigint]> = {
  '||': [2, (a, b) => (a !== 0n || b !== 0n ? 1n : 0n)],
  '&&': [3, (a, b) => (a !== 0n && b !== 0n ? 1n : 0n)],
  '|': [4, (a, b) => a | b],
  '^': [5, (a, b) => a ^ b],
  '&': [6, (a, b) => a & b],
  '==': [7, (a, b) => (a === b ? 1n : 0n)],
  '!=': [7, (a, b) => (a !== b ? 1n : 0n)],
  '<': [8, (a, b) => (a < b ? 1n : 0n)],
  '>': [8, (a, b) => (a > b ? 1n : 0n)],
  '<=': [8, (a, b) => (a <= b ? 1n : 0n)],
  '>=': [8, (a, b) => (a >= b ? 1n : 0n)],
  '<<': [9, (a, b) => (b < 0n || b > 127n ? fail() : a << b)],
  '>>': [9, (a, b) => (b < 0n || b > 127n ? fail() : a >> b)],
  '+': [10, (a, b) => a + b],
  '-': [10, (a, b) => a - b],
  '*': [11, (a, b) => a * b],
  '/': [11, (a, b) => (b === 0n ? fail() : a / b)],
  '%': [11, (a, b) => (b === 0n ? fail() : a % b)],
};

function fail(): never {
  throw UNKNOWN;
}

/** Values beyond any C integer type: a chain like `2 * 2 * ...` fails instead of growing without end. */
const MAX_VALUE = 1n << 256n;
const bounded = (v: bigint): bigint => (v > MAX_VALUE || v < -MAX_VALUE ? fail() : v);

/** Parses a C integer literal with any suffix. */
export function parseIntLiteral(text: string): bigint | undefined {
  if (text.length > 300) return undefined; // longer than any value below MAX_VALUE
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) return undefined;
  const body = m[1]!;
  if (/^0[0-7]+$/.test(body)) return BigInt('0o' + body.slice(1));
  return BigInt(body);
}

/** How deep an expression may nest (parentheses, casts, prefix operators, `?:`, call arguments). */
export const MAX_NESTING = 256;

/** Thrown when the nesting limit is passed, with the token where it was. */
class TooDeep {
  constructor(readonly tok: Token | undefined) {}
}

/** Built-ins whose arguments (by position) are text, not values: types and array names. */
const RAW_ARGS: Record<string, (k: number) => boolean> = {
  sizeof: () => true,
  ARRAY_SIZE: () => true,
  min_t: (k) => k === 0,
  max_t: (k) => k === 0,
  // `_AC(X, UL)`: only X is a value.
  _AC: (k) => k > 0, __AC: (k) => k > 0, UL: (k) => k > 0, ULL: (k) => k > 0, _UL: (k) => k > 0, _ULL: (k) => k > 0,
};
const EVAL_ARGS = new Set(['BIT', 'BIT_ULL', '_BITUL', '_BITULL', 'GENMASK', 'GENMASK_ULL', 'min', 'max']);

type Arg = bigint | Token[];

/**
 * Recursive descent over the token array in place: every token is looked at a bounded number of
 * times (no rescans, no copies per level), and the recursion is bounded by MAX_NESTING.
 */
class Parser {
  private i = 0;
  /** Current nesting; the top-level expression is level 0. */
  private depth = -1;
  constructor(private readonly t: Token[], private readonly env: EvalEnv) {}

  parse(): bigint {
    const v = this.ternary();
    if (this.i !== this.t.length) fail();
    return v;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep(this.t[Math.min(this.i, this.t.length - 1)]);
  }

  private peek(k = 0): Token | undefined {
    return this.t[this.i + k];
  }

  private eat(text: string): boolean {
    if (this.peek()?.text === text && this.peek()?.kind === 'punct') {
      this.i++;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.eat(text)) fail();
  }

  private ternary(): bigint {
    this.enter();
    const c = this.binary(1);
    let v = c;
    if (this.eat('?')) {
      const a = this.ternary();
      this.expect(':');
      const b = this.ternary();
      v = c !== 0n ? a : b;
    }
    this.depth--;
    return v;
  }

  private binary(minPrec: number): bigint {
    let left = this.unary();
    for (;;) {
      const tok = this.peek();
      const op = tok?.kind === 'punct' ? BINARY[tok.text] : undefined;
      if (!op || op[0] < minPrec) return left;
      this.i++;
      const right = this.binary(op[0] + 1);
      left = bounded(op[1](left, right));
    }
  }

  private unary(): bigint {
    const tok = this.peek();
    if (!tok) fail();
    if (tok.kind === 'punct') {
      if (tok.text === '(') return this.parenOrCast();
      const op = tok.text;
      if (op === '-' || op === '+' || op === '~' || op === '!') {
        this.enter();
        this.i++;
        const v = this.unary();
        this.depth--;
        return op === '-' ? -v : op === '+' ? v : op === '~' ? ~v : v === 0n ? 1n : 0n;
      }
    }
    return this.primary();
  }

  /** A token that may be part of a cast's type: a type word, `*`, or a tagged name. */
  private typeTok(k: number): boolean {
    const x = this.t[k]!;
    if (TYPE_WORDS.has(x.text) || x.text === '*') return true;
    if (TAGS.has(x.text) && this.t[k + 1]?.kind === 'ident') return true;
    return k > this.i + 1 && TAGS.has(this.t[k - 1]!.text);
  }

  private parenOrCast(): bigint {
    // `(TYPE)` followed by an operand is a cast; the look-ahead stops at the first non-type token.
    let k = this.i + 1;
    while (k < this.t.length && this.typeTok(k)) k++;
    if (k > this.i + 1 && this.t[k]?.text === ')' && k + 1 < this.t.length) {
      this.enter();
      this.i = k + 1;
      const v = this.unary();
      this.depth--;
      return v;
    }
    this.i++;
    const v = this.ternary();
    this.expect(')');
    return v;
  }

  /** Tokens of one argument taken as text: up to the `,` or `)` that ends it. */
  private rawArg(): Token[] {
    const start = this.i;
    let depth = 0;
    for (; this.i < this.t.length; this.i++) {
      const x = this.t[this.i]!.text;
      if (x === '(') depth++;
      else if (x === ')') { if (depth === 0) return this.t.slice(start, this.i); depth--; }
      else if (x === ',' && depth === 0) return this.t.slice(start, this.i);
    }
    return fail();
  }

  /** The arguments of a call at `(`, each evaluated or taken as text as `raw` says. */
  private args(raw: (k: number) => boolean): Arg[] {
    this.i++;
    const out: Arg[] = [];
    for (let k = 0; ; k++) {
      out.push(raw(k) ? this.rawArg() : this.ternary());
      if (this.eat(',')) continue;
      this.expect(')');
      return out;
    }
  }

  private primary(): bigint {
    const tok = this.t[this.i++]!;
    if (tok.kind === 'number') return parseIntLiteral(tok.text) ?? fail();
    if (tok.kind === 'char') return tok.str?.length === 1 ? BigInt(tok.str.charCodeAt(0)) : fail();
    if (tok.kind !== 'ident') fail();
    const callee = tok.text;
    if (this.peek()?.text === '(') {
      const raw = own(RAW_ARGS, callee);
      if (!raw && !EVAL_ARGS.has(callee)) return fail();
      return this.call(callee, this.args(raw ?? (() => false)));
    }
    if (callee === 'sizeof') return this.env.sizeof(this.t[this.i++]?.text ?? '') ?? fail();
    return this.env.ident(callee) ?? fail();
  }

  private call(name: string, a: Arg[]): bigint {
    const need = (n: number) => { if (a.length !== n) fail(); };
    const val = (x: Arg | undefined) => (typeof x === 'bigint' ? x : fail());
    const text = (x: Arg | undefined) => (Array.isArray(x) ? tokensText(x) : fail());
    const shift = (x: Arg | undefined) => {
      const v = val(x);
      return v < 0n || v > 127n ? fail() : v;
    };
    switch (name) {
      case 'sizeof': return this.env.sizeof(text(a[0])) ?? fail();
      case 'BIT': case 'BIT_ULL': case '_BITUL': case '_BITULL':
        need(1);
        return 1n << shift(a[0]);
      case 'GENMASK': case 'GENMASK_ULL': {
        need(2);
        const h = shift(a[0]), l = shift(a[1]);
        return h < l ? fail() : ((1n << (h - l + 1n)) - 1n) << l;
      }
      case 'ARRAY_SIZE': {
        need(1);
        const n = this.env.arrayLen?.(text(a[0]));
        return n === undefined ? fail() : BigInt(n);
      }
      case '_AC': case '__AC': case 'UL': case 'ULL': case '_UL': case '_ULL':
        return val(a[0]);
      case 'min': case 'min_t': return minMax(a.slice(name === 'min_t' ? 1 : 0).map(val), -1);
      case 'max': case 'max_t': return minMax(a.slice(name === 'max_t' ? 1 : 0).map(val), 1);
      default: return fail();
    }
  }
}

function minMax(v: bigint[], sign: number): bigint {
  if (v.length !== 2) fail();
  const [a, b] = v as [bigint, bigint];
  return (sign < 0 ? a < b : a > b) ? a : b;
}

/** The value of an expression, or the token where it nests deeper than MAX_NESTING. */
export interface EvalResult {
  value?: bigint;
  tooDeep?: Token;
}

/** Where a token run first nests its parentheses deeper than MAX_NESTING, if it does. */
function tooDeepAt(toks: readonly Token[]): Token | undefined {
  let depth = 0;
  for (const x of toks) {
    if (x.kind !== 'punct') continue;
    if (x.text === '(' && ++depth > MAX_NESTING) return x;
    if (x.text === ')') depth--;
  }
  return undefined;
}

/** Evaluates tokens as a C constant expression, in time linear in their number. */
export function evaluate(toks: Token[], env: EvalEnv): EvalResult {
  if (toks.length === 0) return {};
  const deep = tooDeepAt(toks);
  if (deep) return { tooDeep: deep };
  try {
    return { value: new Parser(toks, env).parse() };
  } catch (e) {
    if (e instanceof TooDeep) return e.tok ? { tooDeep: e.tok } : {};
    // RangeError: a BigInt too large; TypeError: a value of the wrong kind reached an operator.
    if (e === UNKNOWN || e instanceof RangeError || e instanceof TypeError) return {};
    throw e;
  }
}

/** Evaluates tokens as a C constant expression; undefined when it is not one kapi can evaluate. */
export function evalTokens(toks: Token[], env: EvalEnv): bigint | undefined {
  return evaluate(toks, env).value;
}

/** Evaluates C expression text (as written in a kernel-doc tag). */
export function evalText(text: string, env: EvalEnv): bigint | undefined {
  const r = lex(text);
  if (r.problems.length) return undefined;
  return evalTokens(r.tokens, env);
}

const NO_SPACE_AFTER = new Set(['(', '[', '~', '!', '.', '->', '#']);
const NO_SPACE_BEFORE = new Set([')', ']', ',', '.', '->', ';']);

/** Canonical text of a token run: single spaces, none inside brackets or after unary ops. */
export function tokensText(toks: readonly Token[]): string {
  let out = '';
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const prev = toks[k - 1];
    if (prev) {
      const unaryPrev = (prev.text === '-' || prev.text === '+' || prev.text === '*' || prev.text === '&') &&
        (k === 1 || (toks[k - 2]!.kind === 'punct' && !/^[)\]]$/.test(toks[k - 2]!.text)));
      const call = t.text === '(' && prev.kind === 'ident';
      const glue = NO_SPACE_AFTER.has(prev.text) || NO_SPACE_BEFORE.has(t.text) || unaryPrev || call;
      if (!glue) out += ' ';
    }
    out += t.text;
  }
  return out;
}
