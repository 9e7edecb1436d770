// Constant-expression evaluation over C tokens. In: tokens and a name environment. Out: a BigInt,
// or undefined when any name is unknown or the expression is not a constant. Never throws.

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

/** Parses a C integer literal with any suffix. */
export function parseIntLiteral(text: string): bigint | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) return undefined;
  const body = m[1]!;
  if (/^0[0-7]+$/.test(body)) return BigInt('0o' + body.slice(1));
  return BigInt(body);
}

class Parser {
  private i = 0;
  constructor(private readonly t: Token[], private readonly env: EvalEnv) {}

  parse(): bigint {
    const v = this.ternary();
    if (this.i !== this.t.length) fail();
    return v;
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
    const c = this.binary(1);
    if (!this.eat('?')) return c;
    const a = this.ternary();
    this.expect(':');
    const b = this.ternary();
    return c !== 0n ? a : b;
  }

  private binary(minPrec: number): bigint {
    let left = this.unary();
    for (;;) {
      const tok = this.peek();
      const op = tok?.kind === 'punct' ? BINARY[tok.text] : undefined;
      if (!op || op[0] < minPrec) return left;
      this.i++;
      const right = this.binary(op[0] + 1);
      left = op[1](left, right);
    }
  }

  private unary(): bigint {
    const tok = this.peek();
    if (!tok) fail();
    if (tok.kind === 'punct') {
      if (tok.text === '-') return this.i++, -this.unary();
      if (tok.text === '+') return this.i++, this.unary();
      if (tok.text === '~') return this.i++, ~this.unary();
      if (tok.text === '!') return this.i++, (this.unary() === 0n ? 1n : 0n);
      if (tok.text === '(') return this.parenOrCast();
    }
    return this.primary();
  }

  private parenOrCast(): bigint {
    const close = this.matching(this.i);
    const inner = this.t.slice(this.i + 1, close);
    const isType = inner.length > 0 && inner.every((x, k) =>
      TYPE_WORDS.has(x.text) || x.text === '*' ||
      ((x.text === 'struct' || x.text === 'union' || x.text === 'enum') && inner[k + 1]?.kind === 'ident') ||
      (k > 0 && ['struct', 'union', 'enum'].includes(inner[k - 1]!.text)));
    this.i++;
    if (isType && close + 1 < this.t.length) {
      this.i = close + 1;
      return this.unary();
    }
    const v = this.ternary();
    this.expect(')');
    return v;
  }

  /** Index of the `)` matching the `(` at `open`. */
  private matching(open: number): number {
    let depth = 0;
    for (let k = open; k < this.t.length; k++) {
      const x = this.t[k]!.text;
      if (x === '(') depth++;
      else if (x === ')' && --depth === 0) return k;
    }
    return fail();
  }

  private args(): Token[][] {
    const close = this.matching(this.i);
    const out: Token[][] = [[]];
    let depth = 0;
    for (let k = this.i + 1; k < close; k++) {
      const x = this.t[k]!;
      if (x.text === '(') depth++;
      if (x.text === ')') depth--;
      if (x.text === ',' && depth === 0) out.push([]);
      else out[out.length - 1]!.push(x);
    }
    this.i = close + 1;
    return out;
  }

  private sub(toks: Token[]): bigint {
    return new Parser(toks, this.env).parse();
  }

  private primary(): bigint {
    const tok = this.t[this.i++]!;
    if (tok.kind === 'number') return parseIntLiteral(tok.text) ?? fail();
    if (tok.kind === 'char') return tok.str?.length === 1 ? BigInt(tok.str.charCodeAt(0)) : fail();
    if (tok.kind !== 'ident') fail();
    const callee = tok.text;
    if (this.peek()?.text === '(') {
      if (callee === 'sizeof') return this.env.sizeof(tokensText(this.args()[0]!)) ?? fail();
      const a = this.args();
      return this.call(callee, a);
    }
    if (callee === 'sizeof') return this.env.sizeof(this.t[this.i++]?.text ?? '') ?? fail();
    return this.env.ident(callee) ?? fail();
  }

  private call(name: string, a: Token[][]): bigint {
    const need = (n: number) => { if (a.length !== n) fail(); };
    const shift = (t: Token[]) => {
      const v = this.sub(t);
      return v < 0n || v > 127n ? fail() : v;
    };
    switch (name) {
      case 'BIT': case 'BIT_ULL': case '_BITUL': case '_BITULL':
        need(1);
        return 1n << shift(a[0]!);
      case 'GENMASK': case 'GENMASK_ULL': {
        need(2);
        const h = shift(a[0]!), l = shift(a[1]!);
        return h < l ? fail() : ((1n << (h - l + 1n)) - 1n) << l;
      }
      case 'ARRAY_SIZE': {
        need(1);
        const n = this.env.arrayLen?.(tokensText(a[0]!));
        return n === undefined ? fail() : BigInt(n);
      }
      case '_AC': case '__AC': case 'UL': case 'ULL': case '_UL': case '_ULL':
        if (!a.length) fail();
        return this.sub(a[0]!);
      case 'min': case 'min_t': return minMax(a.slice(name === 'min_t' ? 1 : 0).map((x) => this.sub(x)), -1);
      case 'max': case 'max_t': return minMax(a.slice(name === 'max_t' ? 1 : 0).map((x) => this.sub(x)), 1);
      default: return fail();
    }
  }
}

function minMax(v: bigint[], sign: number): bigint {
  if (v.length !== 2) fail();
  const [a, b] = v as [bigint, bigint];
  return (sign < 0 ? a < b : a > b) ? a : b;
}

/** Evaluates tokens as a C constant expression. */
export function evalTokens(toks: Token[], env: EvalEnv): bigint | undefined {
  if (toks.length === 0) return undefined;
  try {
    return new Parser(toks, env).parse();
  } catch (e) {
    // RangeError: a BigInt too large; TypeError: a value of the wrong kind reached an operator.
    if (e === UNKNOWN || e instanceof RangeError || e instanceof TypeError) return undefined;
    throw e;
  }
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
