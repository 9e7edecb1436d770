// A checker for syzkaller descriptions (syzlang), at least as strict as syzkaller's own compiler
// (pkg/compiler, linux/amd64) for everything `kapi export syzlang` writes. It reads the text as
// syzkaller's scanner and parser do, then checks in syzkaller's two phases: declarations and
// types first (names, argument versus field forms, the arguments each type takes, resource
// bases, directions), then, only when that passed, values and the whole description (ranges,
// sizes, constants, unused and undefined names, resources nothing creates or consumes, variable
// sizes, recursion). Messages are kapi's own words, `FILE:LINE:COL: MESSAGE`, sorted.
//
// Deliberately stricter than syzkaller: a constant name must be `define`d in the text or known
// from `consts` (syzkaller only disables the call), a `define` must be used, a call's name must
// be an x86-64 syscall (syzkaller disables unknown ones), and constructs the export never writes
// (type aliases and templates, path expressions, `proc`, `text`, `fmt`, conditional fields, ...)
// are rejected as not checked.

import { SYSCALLS_X86_64 } from '../sources/consts/generated.js';

export interface SyzCheckOptions {
  /** File name used in messages (default `input.txt`). */
  file?: string;
  /** Constant values known without a `define` (what syzkaller's `.const` files hold). */
  consts?: Readonly<Record<string, bigint>>;
  /** Resources the text may use without declaring them, with their base; default syzkaller's `fd`. */
  external?: Readonly<Record<string, string>>;
  /** Known syscall names (default: the x86-64 table); `null` turns the check off. */
  syscalls?: Readonly<Record<string, unknown>> | null;
}

interface Pos { line: number; col: number }

interface Node { pos: Pos }
/** A type or type argument: an identifier, a number or a string, an optional `:second`, and `[args]`. */
interface TypeN extends Node {
  ident?: string;
  value?: bigint;
  str?: string;
  colon?: { pos: Pos; ident?: string; value?: bigint };
  args: TypeN[];
}
interface IntN extends Node { ident?: string; value?: bigint }
interface Field extends Node { name: string; type: TypeN; attrs: TypeN[] }
interface Call extends Node { name: string; args: Field[]; ret?: TypeN; attrs: TypeN[] }
interface Struct extends Node { name: string; union: boolean; fields: Field[]; attrs: TypeN[] }
interface Resource extends Node { name: string; base: TypeN; values: IntN[] }
interface Flags extends Node { name: string; values: IntN[] }
interface StrFlags extends Node { name: string; values: { pos: Pos; value: string }[] }
interface Define extends Node { name: string; text: string; value?: bigint; ident?: string }

type Decl =
  | { k: 'comment'; n: Node & { text: string } }
  | { k: 'include'; n: Node & { file: string } }
  | { k: 'define'; n: Define }
  | { k: 'resource'; n: Resource }
  | { k: 'flags'; n: Flags }
  | { k: 'strflags'; n: StrFlags }
  | { k: 'call'; n: Call }
  | { k: 'struct'; n: Struct };

// ---------------------------------------------------------------- scanning

type Tok = 'ident' | 'int' | 'string' | 'cexpr' | 'comment' | 'nl' | 'eof' | '(' | ')' | '[' | ']' | '{' | '}' | '=' | ',' | ':' | 'bad';

class Stop extends Error {}

class Scanner {
  private off = 0;
  private line = 1;
  private col = 1;
  _tok: Tok = 'nl';
  /** The current token (a method, so that checks after a call are not narrowed away). */
  t(): Tok { return this._tok; }
  lit = '';
  value = 0n;
  pos: Pos = { line: 1, col: 1 };

  constructor(private readonly src: string, private readonly err: (p: Pos, m: string) => void) {}

  private peek(k = 0): string { return this.src[this.off + k] ?? ''; }
  private adv(): void {
    if (this.src[this.off] === '\n') { this.line++; this.col = 1; } else this.col++;
    this.off++;
    while (this.src[this.off] === '\r') this.off++;
  }

  /** The rest of the current line as one token (a `define`'s value). */
  restOfLine(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.adv();
    this.pos = { line: this.line, col: this.col };
    const start = this.off;
    while (this.off < this.src.length && this.peek() !== '\n') this.adv();
    this._tok = 'cexpr';
    this.lit = this.src.slice(start, this.off).replace(/\r/g, '').trimEnd();
  }

  next(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r') this.adv();
    this.pos = { line: this.line, col: this.col };
    const c = this.peek();
    const start = this.off;
    if (this.off >= this.src.length) { this._tok = 'eof'; return; }
    if (c === '\n') { this.adv(); this._tok = 'nl'; return; }
    if (c === '#') {
      while (this.off < this.src.length && this.peek() !== '\n') this.adv();
      this._tok = 'comment';
      this.lit = this.src.slice(start + 1, this.off);
      return;
    }
    if (c === '`') {
      this.adv();
      while (this.off < this.src.length && this.peek() !== '`' && this.peek() !== '\n') this.adv();
      if (this.peek() !== '`') { this.err(this.pos, 'C expression in backquotes is not closed on its line'); this._tok = 'bad'; return; }
      this.lit = this.src.slice(start + 1, this.off);
      this.adv();
      this._tok = 'cexpr';
      return;
    }
    if (c === '"' || c === '<') {
      const close = c === '"' ? '"' : '>';
      this.adv();
      while (this.peek() !== close) {
        if (this.off >= this.src.length || this.peek() === '\n') { this.err(this.pos, 'string is not closed on its line'); this._tok = 'bad'; return; }
        const code = this.peek().charCodeAt(0);
        if (code < 0x20 || code >= 0x80) { this.err({ line: this.line, col: this.col }, `character U+${code.toString(16).padStart(4, '0').toUpperCase()} is not allowed in a string`); this._tok = 'bad'; return; }
        this.adv();
      }
      this.lit = this.src.slice(start + 1, this.off);
      this.adv();
      this._tok = 'string';
      return;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(this.peek(1)))) {
      if (c === '-') this.adv();
      while (/[0-9a-fA-Fx]/.test(this.peek())) this.adv();
      const text = this.src.slice(start, this.off);
      const body = text.replace(/^-/, '');
      const ok = /^[0-9]+$/.test(body) || /^0x[0-9a-fA-F]+$/.test(body);
      this._tok = 'int';
      this.lit = text;
      if (!ok || BigInt(body) > 0xffffffffffffffffn) {
        this.err(this.pos, `'${text}' is not a number (decimal or 0x hex, at most 64 bits)`);
        this.value = 0n;
      } else this.value = text.startsWith('-') ? BigInt.asUintN(64, -BigInt(body)) : BigInt(body);
      return;
    }
    if (c === "'") {
      this.adv();
      const ch = this.peek();
      this.adv();
      if (this.peek() !== "'") { this.err(this.pos, 'character literal is not closed'); this._tok = 'bad'; return; }
      this.adv();
      this._tok = 'int';
      this.lit = `'${ch}'`;
      this.value = BigInt(ch.charCodeAt(0));
      return;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (/[A-Za-z0-9_$]/.test(this.peek())) this.adv();
      this._tok = 'ident';
      this.lit = this.src.slice(start, this.off);
      return;
    }
    if ('()[]{}=,:'.includes(c)) { this.adv(); this._tok = c as Tok; return; }
    this.err(this.pos, `character ${JSON.stringify(c)} is not allowed here`);
    this.adv();
    this._tok = 'bad';
  }
}

// ---------------------------------------------------------------- parsing

const TOK_NAME: Partial<Record<Tok, string>> = { nl: 'end of line', eof: 'end of file', ident: 'identifier', int: 'number', string: 'string', comment: 'comment', cexpr: 'C expression' };
const tokName = (t: Tok) => TOK_NAME[t] ?? `'${t}'`;

class Parser {
  readonly decls: Decl[] = [];
  constructor(private readonly s: Scanner, private readonly err: (p: Pos, m: string) => void) {}

  private expect(...toks: Tok[]): void {
    if (toks.includes(this.s.t())) return;
    if (this.s.t() !== 'bad') this.err(this.s.pos, `expected ${toks.map(tokName).join(' or ')}, found ${tokName(this.s.t())}${this.s.t() === 'ident' ? ` '${this.s.lit}'` : ''}`);
    throw new Stop();
  }
  private take(t: Tok): void { this.expect(t); this.s.next(); }
  private ident(): { pos: Pos; name: string } {
    this.expect('ident');
    const r = { pos: this.s.pos, name: this.s.lit };
    this.s.next();
    return r;
  }

  parse(): void {
    this.s.next();
    while (this.s.t() !== 'eof') {
      try {
        this.top();
        if (this.s.t() !== 'eof') this.take('nl');
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        while (this.s.t() !== 'nl' && this.s.t() !== 'eof') this.s.next();
        if (this.s.t() === 'nl') this.s.next();
      }
    }
  }

  private top(): void {
    const s = this.s;
    const pos = s.pos;
    if (s.t() === 'nl') return;
    if (s.t() === 'comment') { this.decls.push({ k: 'comment', n: { pos, text: s.lit } }); s.next(); return; }
    if (s.t() !== 'ident') this.expect('ident', 'comment');
    const word = s.lit;
    if (word === 'include' || word === 'incdir') {
      s.next();
      this.expect('string');
      this.decls.push({ k: 'include', n: { pos, file: `${word} ${s.lit}` } });
      s.next();
      return;
    }
    if (word === 'define') {
      s.next();
      this.expect('ident');
      const name = { pos: s.pos, name: s.lit };
      s.restOfLine();
      const text = s.lit;
      if (!text) { this.err(s.pos, `define ${name.name} has no value`); throw new Stop(); }
      const d: Define = { pos, name: name.name, text };
      const num = /^(-?)(0x[0-9a-fA-F]+|[0-9]+)$/.exec(text);
      if (num) d.value = BigInt.asUintN(64, (num[1] ? -1n : 1n) * BigInt(num[2]!));
      else if (/^[A-Za-z_]\w*$/.test(text)) d.ident = text;
      this.decls.push({ k: 'define', n: d });
      s.next();
      return;
    }
    if (word === 'resource') {
      s.next();
      const name = this.ident();
      this.take('[');
      const base = this.type();
      this.take(']');
      const values: IntN[] = [];
      if (s.t() === ':') {
        s.next();
        values.push(this.int());
        while (s.t() === ',') { s.next(); values.push(this.int()); }
      }
      this.decls.push({ k: 'resource', n: { pos, name: name.name, base, values } });
      return;
    }
    if (word === 'type') { this.err(pos, 'type aliases and templates are not checked by kapi and not allowed here'); throw new Stop(); }
    if (word === 'meta') { this.err(pos, 'meta directives are not checked by kapi and not allowed here'); throw new Stop(); }
    const name = this.ident();
    switch (s.t() as Tok) {
      case '(': this.call(name); return;
      case '{': case '[': this.struct(name); return;
      case '=': this.flags(name); return;
      default: this.expect('(', '{', '[', '=');
    }
  }

  private int(): IntN {
    const s = this.s;
    this.expect('int', 'ident');
    const r: IntN = s.t() === 'int' ? { pos: s.pos, value: s.value } : { pos: s.pos, ident: s.lit };
    s.next();
    return r;
  }

  private call(name: { pos: Pos; name: string }): void {
    const s = this.s;
    const c: Call = { pos: name.pos, name: name.name, args: [], attrs: [] };
    this.take('(');
    while (s.t() !== ')') {
      c.args.push(this.field(false));
      this.expect(',', ')');
      if (s.t() === ',') s.next();
    }
    s.next();
    if (s.t() !== 'nl' && s.t() !== 'eof' && s.t() !== '(') c.ret = this.type();
    if (s.t() === '(') c.attrs = this.list('(', ')');
    this.decls.push({ k: 'call', n: c });
  }

  private list(open: Tok, close: Tok): TypeN[] {
    this.take(open);
    const r = [this.type()];
    while (this.s.t() === ',') { this.s.next(); r.push(this.type()); }
    this.take(close);
    return r;
  }

  private field(attrs: boolean): Field {
    const name = this.ident();
    const f: Field = { pos: name.pos, name: name.name, type: this.type(), attrs: [] };
    if (attrs && this.s.t() === '(') f.attrs = this.list('(', ')');
    return f;
  }

  private struct(name: { pos: Pos; name: string }): void {
    const s = this.s;
    const union = s.t() === '[';
    const close: Tok = union ? ']' : '}';
    const st: Struct = { pos: name.pos, name: name.name, union, fields: [], attrs: [] };
    s.next();
    this.take('nl');
    for (;;) {
      while (s.t() === 'nl' || s.t() === 'comment') {
        const wasComment = s.t() === 'comment';
        s.next();
        if (wasComment) this.take('nl');
      }
      if (s.t() === close) { s.next(); break; }
      if (s.t() === 'eof') { this.err(s.pos, `${union ? 'union' : 'struct'} ${st.name} is not closed`); throw new Stop(); }
      st.fields.push(this.field(true));
      this.take('nl');
    }
    if (s.t() === '[') st.attrs = this.list('[', ']');
    this.decls.push({ k: 'struct', n: st });
  }

  private flags(name: { pos: Pos; name: string }): void {
    const s = this.s;
    s.next();
    if (s.t() === 'string') {
      const values: StrFlags['values'] = [];
      for (;;) {
        this.expect('string');
        values.push({ pos: s.pos, value: s.lit });
        s.next();
        if (s.t() !== ',') break;
        s.next();
      }
      this.decls.push({ k: 'strflags', n: { pos: name.pos, name: name.name, values } });
      return;
    }
    const values = [this.int()];
    while (s.t() === ',') { s.next(); values.push(this.int()); }
    this.decls.push({ k: 'flags', n: { pos: name.pos, name: name.name, values } });
  }

  type(): TypeN {
    const s = this.s;
    const t: TypeN = { pos: s.pos, args: [] };
    this.expect('ident', 'int', 'string');
    if (s.t() === 'string') { t.str = s.lit; s.next(); }
    else {
      if (s.t() === 'ident') t.ident = s.lit; else t.value = s.value;
      s.next();
      if (s.t() === ':') {
        s.next();
        this.expect('ident', 'int');
        t.colon = s.t() === 'ident' ? { pos: s.pos, ident: s.lit } : { pos: s.pos, value: s.value };
        s.next();
      }
    }
    if (s.t() === '[') t.args = this.list('[', ']');
    return t;
  }
}

// ---------------------------------------------------------------- type table

const INT_SIZES: Record<string, number> = { int8: 1, int16: 2, int32: 4, int64: 8, int16be: 2, int32be: 4, int64be: 8, intptr: 8 };
const LEN_NAMES = ['len', 'bytesize', 'bytesize2', 'bytesize4', 'bytesize8', 'bitsize'];
const DIRS = ['in', 'out', 'inout'];
const RESERVED = new Set(['opt', 'in', 'out', 'inout']);
/** syzkaller's builtin aliases: name -> what it stands for. */
const ALIASES: Record<string, string> = { bool8: 'int8', bool16: 'int16', bool32: 'int32', bool64: 'int64', boolptr: 'intptr' };
const NOT_CHECKED = new Set(['proc', 'csum', 'text', 'fmt', 'glob', 'compressed_image', 'offsetof', 'optional', 'fileoff']);
const BUILTIN = new Set([...Object.keys(INT_SIZES), ...LEN_NAMES, ...Object.keys(ALIASES), ...NOT_CHECKED,
  'const', 'flags', 'ptr', 'ptr64', 'array', 'string', 'stringnoz', 'filename', 'vma', 'vma64', 'void', 'buffer']);
const STRUCT_ATTRS = new Set(['packed', 'align', 'size']);
const UNION_ATTRS = new Set(['varlen', 'size']);
const CALL_ATTRS = new Set(['disabled', 'ignore_return', 'breaks_returns', 'no_generate', 'no_minimize', 'remote_cover', 'timeout', 'prog_timeout']);
const FIELD_ATTRS = new Set(['in', 'out', 'inout', 'out_overlay']);
const MAX_ARGS = 9;
const U64 = (1n << 64n) - 1n;
/** syzkaller's builtin string flags `filename` (`"", "."`). */
const FILENAME_STRINGS = ['', '.'];

/** Where a type stands: a syscall argument, a syscall return, a struct field, a resource base, or inside another type. */
interface Ctx { arg?: boolean; ret?: boolean; field?: boolean; resBase?: boolean }

type Kind = 'int' | 'const' | 'flags' | 'len' | 'ptr' | 'array' | 'string' | 'filename' | 'vma' | 'void' | 'buffer' | 'resource' | 'struct';

const fmtPos = (p: Pos) => `${p.line}:${p.col}`;
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------- checking

class Checker {
  private readonly errors: { pos: Pos; msg: string }[] = [];
  private readonly resources = new Map<string, Resource>();
  private readonly structs = new Map<string, Struct>();
  private readonly flags = new Map<string, Flags>();
  private readonly strflags = new Map<string, StrFlags>();
  private readonly defines = new Map<string, Define>();
  private readonly calls: Call[] = [];
  private readonly external: Record<string, string>;
  /** Constant names used, with where. */
  private readonly constUses: { name: string; pos: Pos }[] = [];

  constructor(private readonly decls: Decl[], private readonly opts: SyzCheckOptions) {
    this.external = { ...(opts.external ?? { fd: 'int32' }) };
  }

  err(pos: Pos, msg: string): void { this.errors.push({ pos, msg }); }
  count(): number { return this.errors.length; }
  result(file: string): string[] {
    return this.errors
      .sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col || (a.msg < b.msg ? -1 : a.msg > b.msg ? 1 : 0))
      .map((e) => `${file}:${fmtPos(e.pos)}: ${e.msg}`);
  }

  // ---- phase 1: names and declarations

  names(): void {
    const seen = new Map<string, { what: string; pos: Pos }>();
    for (const [name, base] of Object.entries(this.external)) seen.set(name, { what: `resource (syzkaller's, base ${base})`, pos: { line: 0, col: 0 } });
    const callsSeen = new Map<string, Pos>();
    const definesSeen = new Map<string, Pos>();
    const includes = new Set<string>();
    const typeName = (what: string, name: string, pos: Pos): boolean => {
      if (RESERVED.has(name)) { this.err(pos, `${what} ${name}: the name is reserved (opt, in, out, inout)`); return false; }
      if (BUILTIN.has(name)) { this.err(pos, `${what} ${name}: the name is a builtin type`); return false; }
      const prev = seen.get(name);
      if (prev) {
        this.err(pos, `${what} ${name} is declared twice: it is already a ${prev.what}${prev.pos.line ? ` at ${fmtPos(prev.pos)}` : ''}`);
        return false;
      }
      seen.set(name, { what, pos });
      return true;
    };
    for (const d of this.decls) {
      switch (d.k) {
        case 'comment':
          if (/^\s*(include|incdir|define)/.test(d.n.text)) this.err(d.n.pos, 'a comment must not start like a directive (include, incdir, define): syzkaller rejects it as confusing');
          break;
        case 'include':
          if (includes.has(d.n.file)) this.err(d.n.pos, `duplicate ${d.n.file}`);
          includes.add(d.n.file);
          break;
        case 'define': {
          const prev = definesSeen.get(d.n.name);
          if (prev) this.err(d.n.pos, `define ${d.n.name} is repeated (first at ${fmtPos(prev)})`);
          else definesSeen.set(d.n.name, d.n.pos);
          if (!this.defines.has(d.n.name)) this.defines.set(d.n.name, d.n);
          break;
        }
        case 'resource': if (typeName('resource', d.n.name, d.n.pos)) this.resources.set(d.n.name, d.n); break;
        case 'struct': if (typeName(d.n.union ? 'union' : 'struct', d.n.name, d.n.pos)) this.structs.set(d.n.name, d.n); break;
        case 'flags': case 'strflags': {
          const map = d.k === 'flags' ? this.flags : this.strflags;
          const what = d.k === 'flags' ? 'flag set' : 'string flag set';
          if (RESERVED.has(d.n.name)) { this.err(d.n.pos, `${what} ${d.n.name}: the name is reserved (opt, in, out, inout)`); break; }
          const prev = map.get(d.n.name) ?? (d.k === 'strflags' && d.n.name === 'filename' ? { pos: { line: 0, col: 0 } } : undefined);
          if (prev) { this.err(d.n.pos, `${what} ${d.n.name} is declared twice${prev.pos.line ? ` (first at ${fmtPos(prev.pos)})` : ' (syzkaller declares it)'}`); break; }
          (map as Map<string, Flags | StrFlags>).set(d.n.name, d.n);
          break;
        }
        case 'call': {
          const c = d.n;
          const prev = callsSeen.get(c.name);
          if (prev) this.err(c.pos, `syscall ${c.name} is declared twice (first at ${fmtPos(prev)})`);
          else callsSeen.set(c.name, c.pos);
          this.calls.push(c);
          this.callName(c);
          break;
        }
      }
    }
    for (const f of this.flags.values()) {
      let refs = false;
      for (const v of f.values) {
        if (v.ident !== undefined && this.flags.has(v.ident)) refs = true;
        else if (refs) { this.err(f.pos, `flag set ${f.name}: names of other flag sets must come after all values`); break; }
      }
    }
    for (const c of this.calls) this.fieldGroup(c.args, 'argument', `syscall ${c.name}`);
    for (const c of this.calls) if (c.args.length > MAX_ARGS) this.err(c.pos, `syscall ${c.name} has ${c.args.length} arguments; syzkaller allows at most ${MAX_ARGS}`);
    for (const st of this.structs.values()) {
      const what = st.union ? 'union' : 'struct';
      this.fieldGroup(st.fields, 'field', `${what} ${st.name}`);
      if (!st.fields.length) this.err(st.pos, `${what} ${st.name} has no fields`);
    }
  }

  private callName(c: Call): void {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\$[A-Za-z0-9_]+)?$/.exec(c.name);
    if (!m) { this.err(c.pos, `syscall name ${c.name} is not NAME or NAME$VARIANT (letters, digits, _)`); return; }
    const table = this.opts.syscalls === undefined ? SYSCALLS_X86_64 : this.opts.syscalls;
    if (table && !Object.prototype.hasOwnProperty.call(table, m[1]!)) this.err(c.pos, `${m[1]} is not a linux/amd64 syscall: syzkaller would disable ${c.name}`);
  }

  private fieldGroup(fields: Field[], what: string, ctx: string): void {
    const seen = new Set<string>();
    for (const f of fields) {
      if (f.name === 'parent' || f.name === 'syscall') this.err(f.pos, `${what} name ${f.name} is reserved (in ${ctx})`);
      if (seen.has(f.name)) this.err(f.pos, `${what} ${f.name} appears twice in ${ctx}`);
      seen.add(f.name);
    }
  }

  // ---- phase 1: types

  types(): void {
    for (const r of this.resources.values()) this.checkType(r.base, { resBase: true });
    for (const st of this.structs.values()) {
      for (const f of st.fields) {
        this.checkType(f.type, { field: !st.union });
        this.fieldAttrs(st, f);
      }
      this.attrs(st.attrs, st.union ? UNION_ATTRS : STRUCT_ATTRS, `${st.union ? 'union' : 'struct'} ${st.name}`);
    }
    for (const c of this.calls) {
      for (const a of c.args) this.checkType(a.type, { arg: true });
      if (c.ret) this.checkType(c.ret, { arg: true, ret: true });
      this.attrs(c.attrs, CALL_ATTRS, `syscall ${c.name}`);
    }
  }

  private fieldAttrs(st: Struct, f: Field): void {
    if (st.union && f.attrs.length) { this.err(f.attrs[0]!.pos, `union options take no attributes (${st.name}.${f.name})`); return; }
    let dirs = 0;
    for (const a of f.attrs) {
      if (!a.ident || !FIELD_ATTRS.has(a.ident) || a.args.length || a.colon) { this.err(a.pos, `unknown field attribute ${a.ident ?? a.str ?? a.value} (in, out, inout, out_overlay)`); continue; }
      if (DIRS.includes(a.ident)) dirs++;
      if (a.ident === 'out_overlay' && st.fields[0] === f) this.err(a.pos, `out_overlay cannot be on the first field of ${st.name}`);
    }
    if (dirs > 1) this.err(f.pos, `field ${f.name} has more than one direction attribute`);
  }

  private attrs(attrs: TypeN[], allowed: Set<string>, ctx: string): void {
    for (const a of attrs) {
      if (!a.ident || !allowed.has(a.ident) || a.colon) { this.err(a.pos, `unknown attribute ${a.ident ?? a.str ?? a.value} of ${ctx} (allowed: ${[...allowed].join(', ')})`); continue; }
      const takesInt = a.ident === 'align' || a.ident === 'size' || a.ident === 'timeout' || a.ident === 'prog_timeout';
      if (takesInt !== (a.args.length === 1) || a.args.length > 1) { this.err(a.pos, `attribute ${a.ident} of ${ctx} ${takesInt ? 'takes one number' : 'takes no arguments'}`); continue; }
      if (takesInt) this.intArg(a.args[0]!, a.ident, 'value', false);
    }
  }

  private kindOf(name: string): Kind | undefined {
    if (INT_SIZES[name] !== undefined || ALIASES[name] !== undefined) return 'int';
    if (LEN_NAMES.includes(name)) return 'len';
    const direct: Record<string, Kind> = {
      const: 'const', flags: 'flags', ptr: 'ptr', ptr64: 'ptr', array: 'array', string: 'string', stringnoz: 'string',
      filename: 'filename', vma: 'vma', vma64: 'vma', void: 'void', buffer: 'buffer',
    };
    if (direct[name]) return direct[name];
    if (this.resources.has(name) || this.external[name] !== undefined) return 'resource';
    if (this.structs.has(name)) return 'struct';
    return undefined;
  }

  /** Whether a type may be a syscall argument (a union only when every option may). */
  private canBeArg(k: Kind, name: string, seen = new Set<string>()): boolean {
    if (k === 'struct') {
      const st = this.structs.get(name)!;
      if (!st.union || seen.has(name)) return false;
      seen.add(name);
      return st.fields.every((f) => {
        const fk = f.type.ident ? this.kindOf(f.type.ident) : undefined;
        return fk !== undefined && fk !== 'struct' && this.canBeArg(fk, f.type.ident!, seen);
      });
    }
    return !['array', 'string', 'filename', 'void'].includes(k);
  }

  checkType(t: TypeN, ctx: Ctx): void {
    if (t.ident === undefined) {
      this.err(t.pos, `expected a type, found ${t.str !== undefined ? `string "${t.str}"` : `number ${t.value}`}`);
      return;
    }
    const name = t.ident;
    if (NOT_CHECKED.has(name)) { this.err(t.pos, `${name} is not checked by kapi and not allowed here`); return; }
    const k = this.kindOf(name);
    if (!k) { this.err(t.pos, `unknown type ${name}`); return; }
    // bitfields
    if (t.colon) {
      if (k !== 'int' || ALIASES[name]) { this.err(t.colon.pos, `${name} cannot be a bitfield (':')`); return; }
      if (!ctx.field) { this.err(t.colon.pos, `only struct fields can be bitfields (':')`); return; }
      if (t.colon.value === undefined) { this.err(t.colon.pos, 'a bitfield width must be a number'); return; }
      if (t.colon.value === 0n) { this.err(t.colon.pos, 'a bitfield cannot be 0 bits wide'); return; }
      if (t.colon.value > BigInt(INT_SIZES[name]! * 8)) { this.err(t.colon.pos, `a ${t.colon.value}-bit bitfield does not fit in ${name}`); return; }
    }
    if (ctx.resBase && !(k === 'resource' || (k === 'int' && !name.endsWith('be') && !ALIASES[name]))) {
      this.err(t.pos, `${name} cannot be the base of a resource: only int8, int16, int32, int64, intptr or another resource can`);
      return;
    }
    if (ctx.ret && k !== 'resource') { this.err(t.pos, `${name} cannot be a syscall's return type: only a resource can`); return; }
    if (ctx.arg && !this.canBeArg(k, name)) {
      this.err(t.pos, `${name} cannot be a syscall argument${k === 'array' || k === 'string' || k === 'filename' ? `: pass it by pointer (ptr[DIR, ${name}...])` : ''}`);
      return;
    }
    let args = t.args;
    const last = args[args.length - 1];
    if (last && last.ident === 'opt') {
      if (last.args.length || last.colon) { this.err(last.pos, 'opt takes no arguments'); return; }
      const noOpt = ctx.resBase || ['const', 'flags', 'len', 'array', 'void', 'struct'].includes(k);
      if (noOpt) { this.err(last.pos, `${ctx.resBase ? 'a resource base' : name} cannot be opt`); return; }
      args = args.slice(0, -1);
    }
    this.typeArgs(t, name, k, args, ctx);
  }

  private typeArgs(t: TypeN, name: string, k: Kind, args: TypeN[], ctx: Ctx): void {
    const needsBase = (k === 'const' || k === 'flags' || k === 'len') && !ctx.arg;
    const forms: Record<Kind, [min: number, max: number, names: string]> = {
      int: ALIASES[name] ? [0, 0, 'no arguments'] : [0, 2, '[RANGE, [ALIGN]]'],
      const: [1, 1, 'VALUE'], flags: [1, 1, 'SET'], len: [1, 1, 'TARGET'],
      ptr: [2, 2, 'DIRECTION, TYPE'], array: [1, 2, 'TYPE, [SIZE]'], string: [0, 2, '[LITERAL or SET, [SIZE]]'],
      filename: [0, 0, 'no arguments'], vma: [0, 1, '[PAGES]'], void: [0, 0, 'no arguments'], buffer: [1, 1, 'DIRECTION'],
      resource: [0, 0, 'no arguments'], struct: [0, 0, 'no arguments'],
    };
    let [min, max, form] = forms[k];
    if (needsBase) { min++; max++; form += ', BASE'; }
    if (args.length < min || args.length > max) {
      const where = ctx.arg ? 'as a syscall argument' : ctx.field ? 'as a struct field' : ctx.resBase ? 'as a resource base' : 'inside another type';
      let why = '';
      if ((k === 'const' || k === 'flags' || k === 'len') && ctx.arg && args.length === max + 1) why = ': a base type is allowed only in struct fields and pointed-to types, a syscall argument is always pointer-sized';
      if (needsBase && args.length === min - 1) why = ': outside syscall arguments the base type (int8 ... int64, intptr) is required';
      const takes = max === 0 ? `no arguments${k === 'resource' || k === 'string' || k === 'filename' ? ' but opt' : ''}` : `${min === max ? plural(min, 'argument') : `${min} to ${max} arguments`} (${form})`;
      this.err(t.pos, `${name} takes ${takes} ${where}, found ${args.length}${why}`);
      return;
    }
    if (needsBase) {
      const base = args[args.length - 1]!;
      args = args.slice(0, -1);
      if (!base.ident || INT_SIZES[base.ident] === undefined || base.args.length) this.err(base.pos, `the base type of ${name} must be one of ${Object.keys(INT_SIZES).join(', ')}`);
      else if (base.colon) {
        if (!ctx.field) this.err(base.colon.pos, 'only struct fields can be bitfields (\':\')');
        else if (base.colon.value === undefined || base.colon.value === 0n || base.colon.value > BigInt(INT_SIZES[base.ident]! * 8)) this.err(base.colon.pos, `bad bitfield width for ${base.ident}`);
      }
    }
    switch (k) {
      case 'int':
        if (args[0]) {
          const a = args[0];
          if (a.ident !== undefined && !a.colon && this.flags.has(a.ident)) {
            if (a.args.length) this.err(a.pos, `flag set ${a.ident} takes no arguments`);
            if (args[1]) this.err(args[1].pos, `${name}[SET] takes no alignment`);
          } else {
            this.intArg(a, name, 'range', true);
            if (args[1]) {
              if (!a.colon) this.err(args[1].pos, `${name} takes an alignment only after a range`);
              this.intArg(args[1], name, 'alignment', false);
            }
          }
        }
        return;
      case 'const': this.intArg(args[0]!, name, 'value', false); return;
      case 'flags': {
        const a = args[0]!;
        if (a.ident === undefined || a.colon || a.args.length) this.err(a.pos, `flags takes the name of a flag set`);
        else if (!this.flags.has(a.ident)) this.err(a.pos, `flag set ${a.ident} is not declared`);
        return;
      }
      case 'len': {
        const a = args[0]!;
        if (a.ident === undefined || a.args.length) this.err(a.pos, `${name} takes the name of an argument or field`);
        else if (a.colon) this.err(a.pos, `path expressions (${a.ident}:...) are not checked by kapi and not allowed here`);
        return;
      }
      case 'ptr': case 'buffer': {
        const d = args[0]!;
        if (d.ident === undefined || !DIRS.includes(d.ident) || d.args.length || d.colon) this.err(d.pos, `the direction of ${name} must be in, out or inout, found ${d.ident ?? d.str ?? d.value}`);
        if (k === 'ptr') this.checkType(args[1]!, {});
        return;
      }
      case 'array':
        this.checkType(args[0]!, {});
        if (args[1]) this.intArg(args[1], name, 'size', true);
        return;
      case 'string':
        if (args[0]) {
          const a = args[0];
          if (a.str === undefined && (a.ident === undefined || a.colon || a.args.length)) this.err(a.pos, `${name} takes a string literal or the name of a string flag set`);
          else if (a.ident !== undefined && a.ident !== 'filename' && !this.strflags.has(a.ident)) this.err(a.pos, `string flag set ${a.ident} is not declared`);
          if (args[1]) {
            if (name === 'stringnoz') this.err(args[0].pos, 'stringnoz cannot have a size');
            this.intArg(args[1], name, 'size', false);
          }
        }
        return;
      case 'vma':
        if (args[0]) this.intArg(args[0], name, 'pages', true);
        return;
      default:
    }
  }

  /** A number or constant name (with `:end` where ranges are allowed). */
  private intArg(a: TypeN, owner: string, what: string, range: boolean): void {
    if (a.str !== undefined) { this.err(a.pos, `the ${what} of ${owner} must be a number or constant name, found a string`); return; }
    if (a.args.length) { this.err(a.pos, `the ${what} of ${owner} takes no arguments`); return; }
    if (a.colon && !range) { this.err(a.colon.pos, `the ${what} of ${owner} cannot be a range`); return; }
    if (a.ident !== undefined) this.constUses.push({ name: a.ident, pos: a.pos });
    if (a.colon?.ident !== undefined) this.constUses.push({ name: a.colon.ident, pos: a.colon.pos });
  }

  // ---- phase 2: values and the whole description

  private constValue(ident: string | undefined, value: bigint | undefined): bigint | undefined {
    if (ident === undefined) return value;
    const d = this.defines.get(ident);
    if (d) return d.value ?? (d.ident !== undefined && this.opts.consts ? this.opts.consts[d.ident] : undefined);
    const v = this.opts.consts?.[ident];
    return v === undefined ? undefined : BigInt.asUintN(64, v);
  }

  values(): void {
    const usedDefines = new Set<string>();
    const known = (name: string, pos: Pos) => {
      if (this.defines.has(name)) { usedDefines.add(name); return; }
      if (this.opts.consts && Object.prototype.hasOwnProperty.call(this.opts.consts, name)) return;
      this.err(pos, `constant ${name} is neither defined here (define ${name} VALUE) nor known: syzkaller would disable what uses it`);
    };
    for (const u of this.constUses) known(u.name, u.pos);
    for (const f of this.flags.values()) for (const v of f.values) if (v.ident !== undefined && !this.flags.has(v.ident)) known(v.ident, v.pos);
    for (const r of this.resources.values()) for (const v of r.values) if (v.ident !== undefined) known(v.ident, v.pos);
    for (const d of this.defines.values()) {
      if (this.flags.has(d.name)) this.err(d.pos, `constant ${d.name} has the name of a flag set`);
      const k = this.opts.consts?.[d.name];
      if (k !== undefined && d.value !== undefined && BigInt.asUintN(64, k) !== d.value) this.err(d.pos, `define ${d.name} ${d.text} differs from the known value ${k}`);
      if (!usedDefines.has(d.name)) this.err(d.pos, `define ${d.name} is not used`);
    }
    for (const f of this.flags.values()) {
      const vals = f.values.filter((v) => v.ident === undefined || !this.flags.has(v.ident)).map((v) => this.constValue(v.ident, v.value));
      if (vals.length >= 2 && vals.every((v) => v !== undefined && v === vals[0])) this.err(f.pos, `all values of flag set ${f.name} are equal (${vals[0]})`);
    }
    this.walkAll((t, k, ctx) => this.typeValues(t, k, ctx));
  }

  /** Calls `fn` on every type of every declaration, with its resolved kind. */
  private walkAll(fn: (t: TypeN, k: Kind, ctx: Ctx) => void): void {
    const walk = (t: TypeN, ctx: Ctx) => {
      const k = t.ident ? this.kindOf(t.ident) : undefined;
      if (!k) return;
      fn(t, k, ctx);
      const args = t.args.filter((a) => a.ident !== 'opt');
      if (k === 'ptr' && args[1]) walk(args[1], {});
      if (k === 'array' && args[0]) walk(args[0], {});
    };
    for (const r of this.resources.values()) walk(r.base, { resBase: true });
    for (const st of this.structs.values()) for (const f of st.fields) walk(f.type, { field: !st.union });
    for (const c of this.calls) {
      for (const a of c.args) walk(a.type, { arg: true });
      if (c.ret) walk(c.ret, { arg: true, ret: true });
    }
  }

  private typeValues(t: TypeN, k: Kind, ctx: Ctx): void {
    const args = t.args.filter((a) => a.ident !== 'opt');
    const name = t.ident!;
    if (k === 'int' && args[0] && !(args[0].ident !== undefined && !args[0].colon && this.flags.has(args[0].ident))) {
      const a = args[0];
      const begin = this.constValue(a.ident, a.value);
      const end = a.colon ? this.constValue(a.colon.ident, a.colon.value) : begin;
      if (begin === undefined || end === undefined) return;
      const bits = BigInt(t.colon?.value !== undefined ? Number(t.colon.value) : (INT_SIZES[ALIASES[name] ?? name] ?? 8) * 8);
      const align = args[1] ? this.constValue(args[1].ident, args[1].value) : undefined;
      const rangeEnd = align !== undefined && begin === 0n && end === U64 ? (1n << bits) - 1n : end;
      if (!(align !== undefined && begin === 0n && end === U64) && BigInt.asUintN(64, end - begin) > U64 - (1n << 32n) + 1n) {
        this.err(a.pos, `bad range [${sgn(begin)}:${sgn(end)}] of ${name}: the start is above the end`);
        return;
      }
      if (bits < 64n && !rangeFits(begin, rangeEnd, Number(bits))) {
        this.err(a.colon?.pos ?? a.pos, `range [${sgn(begin)}:${sgn(end)}] does not fit in ${bits}-bit ${name}`);
        return;
      }
      if (align !== undefined) {
        if (align <= 1n) this.err(args[1]!.pos, `alignment ${align} of ${name} must be above 1`);
        else if (BigInt.asUintN(64, rangeEnd - begin) / align === 0n) this.err(args[1]!.pos, `alignment ${align} of ${name} is larger than the range [${sgn(begin)}:${sgn(end)}]`);
      }
    }
    if ((k === 'array' && args[1]) || (k === 'vma' && args[0])) {
      const a = k === 'array' ? args[1]! : args[0]!;
      const begin = this.constValue(a.ident, a.value);
      const end = a.colon ? this.constValue(a.colon.ident, a.colon.value) : begin;
      if (begin === undefined || end === undefined) return;
      if (k === 'array' && begin === 0n && end === 0n) this.err(a.pos, 'arrays of size 0 are not allowed');
      else if (begin > end || begin > 1000000n || end > 1000000n) this.err(a.pos, `bad size [${begin}:${end}] of ${name}: at most 1000000, start not above end`);
    }
    if (k === 'string' && args[1] && args[0]) {
      const size = this.constValue(args[1].ident, args[1].value);
      const strs = args[0].str !== undefined ? [args[0].str] : this.strflags.get(args[0].ident ?? '')?.values.map((v) => v.value) ?? [];
      for (const s of strs) if (size !== undefined && BigInt(s.length) > size) this.err(args[0].pos, `string "${s}" is longer than ${name}'s size ${size}`);
    }
    void ctx;
  }

  /** Names reachable from the calls: resources (with their bases), structs, flag sets, string flag sets. */
  private used(): Set<string> {
    const used = new Set<string>();
    const visit = (t: TypeN | undefined) => {
      if (!t?.ident) return;
      const k = this.kindOf(t.ident);
      if (k === 'resource') {
        for (let r: string | undefined = t.ident; r !== undefined && !used.has(`r:${r}`); r = this.resources.get(r)?.base.ident) used.add(`r:${r}`);
        return;
      }
      if (k === 'struct') {
        if (used.has(`s:${t.ident}`)) return;
        used.add(`s:${t.ident}`);
        for (const f of this.structs.get(t.ident)!.fields) visit(f.type);
        return;
      }
      if (k === 'flags' || (k === 'int' && t.args[0]?.ident !== undefined && this.flags.has(t.args[0].ident))) {
        const mark = (n: string) => {
          if (used.has(`f:${n}`)) return;
          used.add(`f:${n}`);
          for (const v of this.flags.get(n)?.values ?? []) if (v.ident && this.flags.has(v.ident)) mark(v.ident);
        };
        if (t.args[0]?.ident) mark(t.args[0].ident);
        return;
      }
      if (k === 'string') {
        if (t.args[0]?.ident) used.add(`t:${t.args[0].ident}`);
        return;
      }
      const args = t.args.filter((a) => a.ident !== 'opt');
      if (k === 'ptr') visit(args[1]);
      if (k === 'array') visit(args[0]);
    };
    for (const c of this.calls) {
      for (const a of c.args) visit(a.type);
      visit(c.ret);
    }
    return used;
  }

  whole(): void {
    const used = this.used();
    for (const f of this.flags.values()) if (!used.has(`f:${f.name}`)) this.err(f.pos, `flag set ${f.name} is not used by any syscall`);
    for (const f of this.strflags.values()) if (!used.has(`t:${f.name}`)) this.err(f.pos, `string flag set ${f.name} is not used by any syscall`);
    for (const r of this.resources.values()) if (!used.has(`r:${r.name}`)) this.err(r.pos, `resource ${r.name} is not used by any syscall`);
    for (const st of this.structs.values()) if (!used.has(`s:${st.name}`)) this.err(st.pos, `${st.union ? 'union' : 'struct'} ${st.name} is not used by any syscall`);
    this.resourceRecursion();
    this.structRecursion();
    this.lenTargets();
    this.constructors(used);
    this.varlens();
  }

  private resourceRecursion(): void {
    for (const r of this.resources.values()) {
      const chain: string[] = [];
      for (let n: string | undefined = r.name; n !== undefined && this.resources.has(n); n = this.resources.get(n)!.base.ident) {
        if (chain.includes(n)) { this.err(r.pos, `resource ${r.name} is its own base: ${[...chain, n].join(' -> ')}`); break; }
        chain.push(n);
      }
    }
  }

  private structRecursion(): void {
    const done = new Set<string>();
    const visit = (name: string, path: { st: string; f: Field }[]): void => {
      if (done.has(name)) return;
      const i = path.findIndex((p) => p.st === name);
      if (i >= 0) {
        const loop = path.slice(i);
        this.err(loop[0]!.f.pos, `recursive declaration ${loop.map((p) => `${p.st}.${p.f.name}`).join(' -> ')} -> ${name}: make a pointer on the way opt`);
        done.add(name);
        return;
      }
      for (const f of this.structs.get(name)!.fields) inner(f.type, [...path, { st: name, f }]);
      done.add(name);
    };
    const inner = (t: TypeN, path: { st: string; f: Field }[]) => {
      const k = t.ident ? this.kindOf(t.ident) : undefined;
      if (k === 'struct') return visit(t.ident!, path);
      if (k === 'ptr' && t.args[t.args.length - 1]?.ident === 'opt') return;
      if (k === 'ptr' && t.args[1]) inner(t.args[1], path);
      if (k === 'array' && t.args[0]) inner(t.args[0], path);
    };
    for (const st of this.structs.keys()) visit(st, []);
  }

  private lenTargets(): void {
    const check = (fields: Field[], where: string, inStruct: boolean) => {
      for (const f of fields) {
        const targets: TypeN[] = [];
        const find = (t: TypeN) => {
          const k = t.ident ? this.kindOf(t.ident) : undefined;
          if (k === 'len') { if (t.args[0]) targets.push(t.args[0]); return; }
          if (k === 'ptr' && t.args[1]) find(t.args[1]);
          if (k === 'array' && t.args[0]) find(t.args[0]);
        };
        find(f.type);
        for (const a of targets) {
          if (a.ident === undefined || a.colon) continue;
          if (inStruct && a.ident === 'parent') continue;
          if (a.ident === f.name) { this.err(a.pos, `${f.type.ident} of ${f.name} refers to itself`); continue; }
          if (!fields.some((g) => g.name === a.ident)) this.err(a.pos, `length target ${a.ident} is not ${inStruct ? 'a field' : 'an argument'} of ${where}${inStruct ? " (kapi checks sibling fields and 'parent' only)" : ''}`);
        }
      }
    };
    for (const c of this.calls) check(c.args, `syscall ${c.name}`, false);
    for (const st of this.structs.values()) check(st.fields, `${st.union ? 'union' : 'struct'} ${st.name}`, true);
  }

  private constructors(used: Set<string>): void {
    const made = new Set<string>();
    const input = new Set<string>();
    const seen = new Set<string>();
    const up = (set: Set<string>, r: string | undefined) => {
      for (; r !== undefined && !set.has(r); r = this.resources.get(r)?.base.ident) set.add(r);
    };
    const walk = (t: TypeN | undefined, dir: 'in' | 'out' | 'inout', canCreate: boolean) => {
      if (!t?.ident) return;
      const k = this.kindOf(t.ident);
      const opt = t.args[t.args.length - 1]?.ident === 'opt';
      if (opt) canCreate = false;
      if (k === 'resource') {
        if (canCreate && dir !== 'in') up(made, t.ident);
        if (dir !== 'out') up(input, t.ident);
        return;
      }
      if (k === 'struct') {
        const st = this.structs.get(t.ident)!;
        const key = `${st.name}/${dir}/${canCreate}`;
        if (seen.has(key)) return;
        seen.add(key);
        for (const f of st.fields) {
          const d = f.attrs.find((a) => a.ident && DIRS.includes(a.ident))?.ident as typeof dir | undefined;
          walk(f.type, d ?? dir, canCreate && !st.union);
        }
        return;
      }
      if (k === 'ptr') {
        const d = t.args[0]?.ident;
        walk(t.args[1], d === 'out' || d === 'inout' ? d : 'in', canCreate);
        return;
      }
      if (k === 'array') walk(t.args[0], dir, canCreate);
    };
    for (const c of this.calls) {
      for (const a of c.args) walk(a.type, 'in', true);
      walk(c.ret, 'out', true);
    }
    for (const r of this.resources.values()) {
      if (!used.has(`r:${r.name}`)) continue;
      if (!made.has(r.name)) this.err(r.pos, `resource ${r.name} is never created: no syscall returns it or writes it through an out pointer`);
      if (!input.has(r.name)) this.err(r.pos, `resource ${r.name} is never consumed: no syscall takes it as input`);
    }
  }

  private isVarlen(t: TypeN, seen = new Set<string>()): boolean {
    const k = t.ident ? this.kindOf(t.ident) : undefined;
    const args = t.args.filter((a) => a.ident !== 'opt');
    switch (k) {
      case 'array': {
        if (this.isZeroSize(args[0]!)) return false;
        if (this.isVarlen(args[0]!, seen)) return true;
        const size = args[1];
        if (!size) return true;
        return size.colon !== undefined && this.constValue(size.ident, size.value) !== this.constValue(size.colon.ident, size.colon.value);
      }
      case 'string': {
        if (args[1]) return false;
        if (!args[0]) return true;
        if (args[0].str !== undefined) return false;
        const vals = args[0].ident === 'filename' ? FILENAME_STRINGS : (this.strflags.get(args[0].ident ?? '')?.values.map((v) => v.value) ?? []);
        return new Set(vals.map((v) => v.length)).size > 1;
      }
      case 'filename': return true;
      case 'struct': {
        const st = this.structs.get(t.ident!)!;
        if (seen.has(st.name)) return false;
        seen.add(st.name);
        if (st.union) return st.attrs.some((a) => a.ident === 'varlen');
        return st.fields.some((f) => this.isVarlen(f.type, seen));
      }
      default: return false;
    }
  }

  private isZeroSize(t: TypeN): boolean {
    const k = t.ident ? this.kindOf(t.ident) : undefined;
    if (k === 'void') return true;
    if (k === 'array' && t.args[0]) return this.isZeroSize(t.args[0]);
    return false;
  }

  private varlens(): void {
    for (const st of this.structs.values()) {
      if (st.union ? st.attrs.some((a) => a.ident === 'varlen') : st.attrs.some((a) => a.ident === 'packed')) continue;
      st.fields.forEach((f, i) => {
        if (!st.union && i === st.fields.length - 1) return;
        if (this.isVarlen(f.type)) {
          this.err(f.pos, st.union
            ? `option ${f.name} has a variable size, so union ${st.name} must be [varlen]`
            : `field ${f.name} has a variable size and is not the last one, so struct ${st.name} must be [packed]`);
        }
      });
    }
  }
}

/** Two's complement display of a 64-bit value that reads as negative. */
const sgn = (v: bigint) => (v >= 1n << 63n ? (v - (1n << 64n)).toString() : v.toString());

/**
 * Whether [begin:end] (64-bit values, negative ones as two's complement) fits an integer of
 * `bits` bits, signed or unsigned, by syzkaller's arithmetic: unsigned [0 : 2^n-1], or signed
 * [-(2^(n-1)-1) : 2^(n-1)] (so int8[-128:127] does not fit, int8[-127:127] does).
 */
export function rangeFits(begin: bigint, end: bigint, bits: number): boolean {
  if (bits >= 64) return true;
  const b = BigInt.asUintN(64, begin);
  const e = BigInt.asUintN(64, end);
  const maxU = (1n << BigInt(bits)) - 1n;
  const maxS = (1n << BigInt(bits - 1)) - 1n;
  const unsigned = b <= maxU && e <= maxU;
  const signed = BigInt.asUintN(64, b + maxS) <= maxU && BigInt.asUintN(64, e + maxS) <= maxU;
  return unsigned || signed;
}

/** Checks a syzlang text; returns `FILE:LINE:COL: MESSAGE` lines, sorted, empty when it passes. */
export function checkSyzlang(text: string, opts: SyzCheckOptions = {}): string[] {
  const file = opts.file ?? 'input.txt';
  const parseErrors: { pos: Pos; msg: string }[] = [];
  const perr = (pos: Pos, msg: string) => { parseErrors.push({ pos, msg }); };
  // syzkaller's scanner skips carriage returns everywhere, without counting them as columns.
  const p = new Parser(new Scanner(text.replace(/\r/g, ''), perr), perr);
  p.parse();
  if (parseErrors.length) return parseErrors.sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col).map((e) => `${file}:${fmtPos(e.pos)}: ${e.msg}`);
  const c = new Checker(p.decls, opts);
  c.names();
  c.types();
  if (!c.count()) {
    c.values();
    c.whole();
  }
  return c.result(file);
}
