// C tokenizer for spec extraction. In: file text. Out: tokens outside preprocessor directives,
// with 1-based line/col, plus every `/** ... */` comment. It never throws: an unterminated string
// or comment ends at the line or file end and is reported through `problems`.

export type TokKind = 'ident' | 'number' | 'string' | 'char' | 'punct';

export interface Token {
  kind: TokKind;
  /** Source text of the token. */
  text: string;
  /** Decoded contents for string literals. */
  str?: string;
  line: number;
  col: number;
}

export interface DocComment {
  /** The comment text including the opening and closing markers. */
  text: string;
  line: number;
  col: number;
  /** Line of the closing marker. */
  endLine: number;
  /** Index in `tokens` of the first token after the comment. */
  nextToken: number;
}

export interface LexResult {
  tokens: Token[];
  docs: DocComment[];
  problems: { line: number; col: number; message: string }[];
}

const PUNCT3 = new Set(['...', '<<=', '>>=']);
const PUNCT2 = new Set([
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '##',
]);

/** First characters of the punctuators longer than one character. */
const MULTI_START = new Set([...PUNCT3, ...PUNCT2].map((p) => p.charCodeAt(0)));

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdChar = (c: number) => isIdStart(c) || isDigit(c);

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v',
  '\\': '\\', '"': '"', "'": "'", '?': '?',
};

const HEX_ESC = /[0-9a-fA-F]+/y;
const OCT_ESC = /[0-7]{1,3}/y;

/** Decodes the body of a C string literal (between the quotes). */
export function decodeCString(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const e = body[++i]!;
    if (e === 'x') {
      // Sticky matches at the cursor: no copy of the rest of the literal per escape.
      HEX_ESC.lastIndex = i + 1;
      const m = HEX_ESC.exec(body);
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16) & 0xff);
        i += m[0].length;
        continue;
      }
    } else if (e >= '0' && e <= '7') {
      OCT_ESC.lastIndex = i;
      const m = OCT_ESC.exec(body)!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length - 1;
      continue;
    } else if (e === '\n') {
      continue; // line splice
    }
    out += SIMPLE_ESCAPES[e] ?? e;
  }
  return out;
}

class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  readonly out: LexResult = { tokens: [], docs: [], problems: [] };
  private pendingDocs: DocComment[] = [];

  constructor(private readonly s: string) {}

  run(): LexResult {
    const s = this.s;
    let atLineStart = true;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 10) {
        this.newline(this.i + 1);
        this.i++;
        atLineStart = true;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
        this.i++;
        continue;
      }
      if (c === 47 && s.charCodeAt(this.i + 1) === 42) {
        this.blockComment();
        continue;
      }
      if (c === 47 && s.charCodeAt(this.i + 1) === 47) {
        this.skipLine();
        continue;
      }
      if (this.splice()) continue;
      if (c === 35 && atLineStart) {
        this.directive();
        continue;
      }
      atLineStart = false;
      this.token(c);
    }
    this.flushDocs();
    return this.out;
  }

  /** Consumes a backslash-newline line splice at the cursor, if there is one. */
  private splice(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.i) !== 92) return false;
    const len = s.charCodeAt(this.i + 1) === 10 ? 2 : s.charCodeAt(this.i + 1) === 13 && s.charCodeAt(this.i + 2) === 10 ? 3 : 0;
    if (!len) return false;
    this.i += len;
    this.newline(this.i);
    return true;
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at;
  }

  private col(at: number): number {
    return at - this.lineStart + 1;
  }

  private problem(line: number, col: number, message: string): void {
    this.out.problems.push({ line, col, message });
  }

  private blockComment(): void {
    const s = this.s;
    const start = this.i;
    const line = this.line;
    const col = this.col(start);
    let j = start + 2;
    for (;;) {
      if (j >= s.length) {
        this.problem(line, col, 'unterminated comment');
        break;
      }
      const c = s.charCodeAt(j);
      if (c === 42 && s.charCodeAt(j + 1) === 47) {
        j += 2;
        break;
      }
      if (c === 10) this.newline(j + 1);
      j++;
    }
    this.i = Math.min(j, s.length);
    // kernel-doc opens with `/**` and white space; `/***` banners and `/**/` are not doc comments.
    const isDoc = s.charCodeAt(start + 2) === 42 && /\s/.test(s[start + 3] ?? '');
    if (isDoc) {
      const text = s.slice(start, this.i);
      this.pendingDocs.push({ text, line, col, endLine: this.line, nextToken: -1 });
    }
  }

  private skipLine(): void {
    const s = this.s;
    while (this.i < s.length && s.charCodeAt(this.i) !== 10) {
      if (!this.splice()) this.i++;
    }
  }

  /** Skips a preprocessor directive with its continuation lines and comments. */
  private directive(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 10) return;
      if (this.splice()) continue;
      if (c === 47 && s.charCodeAt(this.i + 1) === 42) {
        this.blockComment();
        continue;
      }
      if (c === 47 && s.charCodeAt(this.i + 1) === 47) {
        this.skipLine();
        return;
      }
      if (c === 34 || c === 39) {
        this.quoted(c, true);
        continue;
      }
      this.i++;
    }
  }

  private flushDocs(): void {
    for (const d of this.pendingDocs) {
      d.nextToken = this.out.tokens.length;
      this.out.docs.push(d);
    }
    this.pendingDocs = [];
  }

  private push(kind: TokKind, start: number, line: number, str?: string, col = start - this.lineStart + 1): void {
    if (this.pendingDocs.length) this.flushDocs();
    const t: Token = { kind, text: this.s.slice(start, this.i), line, col };
    if (str !== undefined) t.str = str;
    this.out.tokens.push(t);
  }

  private token(c: number): void {
    const s = this.s;
    const start = this.i;
    const line = this.line;
    if (isIdStart(c)) {
      let j = this.i + 1;
      while (j < s.length && isIdChar(s.charCodeAt(j))) j++;
      // String literal prefixes: L"..", u8"..", u"..", U"..".
      const q = s.charCodeAt(j);
      const word = s.slice(start, j);
      if ((q === 34 || q === 39) && (word === 'L' || word === 'u8' || word === 'u' || word === 'U')) {
        this.i = j;
        this.quotedToken(q, start, line);
        return;
      }
      this.i = j;
      this.push('ident', start, line);
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.i + 1)))) {
      let j = this.i + 1;
      const hex = c === 48 && (s.charCodeAt(j) | 32) === 120;
      for (;;) {
        const d = s.charCodeAt(j);
        if (isIdChar(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(s[j - 1]!) && !hex) j++;
        else break;
      }
      this.i = j;
      this.push('number', start, line);
      return;
    }
    if (c === 34 || c === 39) {
      this.quotedToken(c, start, line);
      return;
    }
    if (MULTI_START.has(c)) {
      const three = s.slice(this.i, this.i + 3);
      const two = s.slice(this.i, this.i + 2);
      this.i += PUNCT3.has(three) ? 3 : PUNCT2.has(two) ? 2 : 1;
    } else this.i++;
    this.push('punct', start, line);
  }

  private quotedToken(q: number, start: number, line: number): void {
    // A line splice inside the literal moves lineStart: take the column first.
    const col = start - this.lineStart + 1;
    const bodyStart = this.i + 1;
    const closed = this.quoted(q, false);
    const bodyEnd = closed ? this.i - 1 : this.i;
    const body = this.s.slice(bodyStart, bodyEnd);
    this.push(q === 34 ? 'string' : 'char', start, line, decodeCString(body), col);
  }

  /** Advances past a quoted literal; returns false when it is unterminated. */
  private quoted(q: number, inDirective: boolean): boolean {
    const s = this.s;
    const line = this.line;
    const col = this.col(this.i);
    let j = this.i + 1;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 92) {
        if (s.charCodeAt(j + 1) === 10) this.newline(j + 2);
        j += 2;
        continue;
      }
      if (c === q) {
        this.i = j + 1;
        return true;
      }
      if (c === 10) break;
      j++;
    }
    this.i = Math.min(j, s.length);
    if (!inDirective) this.problem(line, col, q === 34 ? 'unterminated string literal' : 'unterminated character literal');
    return false;
  }
}

export function lex(text: string): LexResult {
  return new Lexer(text).run();
}
