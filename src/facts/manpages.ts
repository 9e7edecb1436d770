// Facts from the Linux man pages of section 2 (Debian's manpages-dev: gzip'd roff in
// /usr/share/man/man2): per page, the names its NAME section documents and the errnos of its
// ERRORS section, with the calls an entry is for when the page says so (`.RB ( openat ())`,
// `.BR EINVAL " (" clone3 "() only)"`, or a paragraph such as "... additional errors ... for
// linkat():"). Only these facts are kept, never the prose. A page that cannot be read (bad gzip,
// over the size bounds, a `.so` or symlink loop, no NAME section) is reported with its file and
// skipped. Used as one of the truths the code's errno analysis is measured against.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isErrnoName } from '../sources/consts/index.js';

/** One entry of an ERRORS section: a `.TP` tag (and its `.TQ` continuations). */
export interface ManError {
  /** The errnos the tag names, in order (`EAGAIN or EWOULDBLOCK` gives both). */
  errnos: string[];
  /** The calls the entry is for, when the page restricts it; undefined: every call of the page. */
  calls?: string[];
  /** The tag's kernel version range, when it gives one (`since Linux 3.14`, `before Linux 2.6.26`,
   *  `Linux 3.11 to Linux 4.8`); other parenthesised text is not kept. */
  qualifier?: string;
  /** The entry says it does not apply to Linux (`(Not on Linux)`). */
  notLinux?: boolean;
  /** Line of the tag in the page that holds the text (1-based). */
  line: number;
}

export interface ManPage {
  /** The file read (the directory entry, e.g. `.../openat.2.gz`). */
  file: string;
  /** The file that holds the text when `file` is a symlink or a `.so` redirect. */
  target?: string;
  /** Names of the NAME section (`open`, `openat`, `creat`). */
  names: string[];
  /** Whether the page has an ERRORS section. */
  hasErrors: boolean;
  errors: ManError[];
  /** Pages the ERRORS section's paragraphs cite (`execve` for execveat: its errors apply too). */
  refers: string[];
  /** Entries of the ERRORS section whose tag names no errno (a signal, a malformed tag). */
  odd: { line: number; tag: string }[];
  /** The ERRORS section had more than `maxEntries` entries: the rest are not kept. */
  truncated?: true;
}

export interface ManProblem { file: string; message: string }

export interface ManSet { pages: ManPage[]; problems: ManProblem[] }

export interface ManLimits {
  /** Bytes of a page file as stored (compressed). */
  maxFileBytes: number;
  /** Bytes of a page's text after gunzip. */
  maxTextBytes: number;
  /** `.so` redirects followed per page. */
  maxRedirects: number;
  /** Pages read from one directory. */
  maxPages: number;
  /** Entries kept per ERRORS section. */
  maxEntries: number;
}

export const MAN_LIMITS: ManLimits = {
  maxFileBytes: 1 << 20, maxTextBytes: 4 << 20, maxRedirects: 4, maxPages: 20_000, maxEntries: 2_000,
};

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ERRNO_RE = /^E[A-Z0-9_]{2,}$/;
/** User-space spellings the kernel's errno list lacks (glibc's ENOTSUP is EOPNOTSUPP on Linux). */
const USER_ERRNOS = new Set(['ENOTSUP']);

const V = 'Linux \\d+(?:\\.\\d+)*';
const VERSION_RE = new RegExp(`^(?:(?:since|before|from) ${V}(?: to ${V})?|${V} to ${V}|${V} and (?:earlier|later))$`);

class PageError extends Error {}

/** Reads a page file's text: gunzip for `.gz`, bounded. */
function readText(path: string, lim: ManLimits): string {
  const st = statSync(path);
  if (!st.isFile()) throw new PageError('not a regular file');
  if (st.size > lim.maxFileBytes) throw new PageError(`over ${lim.maxFileBytes} bytes`);
  let buf = readFileSync(path);
  if (path.endsWith('.gz')) {
    try {
      buf = gunzipSync(buf, { maxOutputLength: lim.maxTextBytes });
    } catch (e) {
      throw new PageError(`cannot gunzip: ${(e as Error).message}`);
    }
  }
  if (buf.length > lim.maxTextBytes) throw new PageError(`text over ${lim.maxTextBytes} bytes`);
  if (buf.includes(0)) throw new PageError('binary content (NUL byte)');
  return buf.toString('utf8');
}

function inside(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && r !== '..');
}

/** Splits a roff macro's arguments: blanks separate, double quotes group. */
function macroArgs(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    if (s[i] === '"') {
      let j = i + 1, a = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') { a += '"'; j += 2; continue; }
          break;
        }
        a += s[j++];
      }
      out.push(a);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ' ' && s[j] !== '\t') j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** Roff escapes removed: fonts, sizes, special characters, zero-width and hyphen escapes. */
function unescape(s: string): string {
  return s
    .replace(/\\f(\[[^\]\n]{0,64}\]|\(..|.)/g, '')
    .replace(/\\s[-+]?\d/g, '')
    .replace(/\\\[[^\]\n]{0,64}\]/g, ' ')
    .replace(/\\\(../g, ' ')
    .replace(/\\[-]/g, '-')
    .replace(/\\[&:|^%]/g, '')
    .replace(/\\e/g, '\\')
    .replace(/\\ /g, ' ')
    .replace(/\\./g, '');
}

const ALTERNATING = new Set(['BR', 'RB', 'IR', 'RI', 'BI', 'IB']);
const FONT = new Set(['B', 'I', 'R', 'SM', 'SB']);

/** A line's visible text, or undefined for a control line that shows none. */
function lineText(line: string): string | undefined {
  const noComment = line.replace(/\\".*$/, '');
  if (noComment.startsWith('.') || noComment.startsWith("'")) {
    const m = /^[.'][ \t]*([A-Za-z]+)[ \t]*(.*)$/.exec(noComment);
    if (!m) return undefined;
    const [, mac, rest] = m as unknown as [string, string, string];
    if (ALTERNATING.has(mac)) return unescape(macroArgs(rest).join(''));
    if (FONT.has(mac)) return unescape(macroArgs(rest).join(' '));
    return undefined;
  }
  return unescape(noComment);
}

/** `mlock(), mlock2(), and munlock()` -> the names; undefined unless the text is only that. */
function callList(s: string): string[] | undefined {
  const parts = s.trim().replace(/\s+only$/, '').split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/).filter((p) => p !== '');
  if (!parts.length) return undefined;
  const names: string[] = [];
  for (const p of parts) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\(\)$/.exec(p);
    if (!m) return undefined;
    names.push(m[1]!);
  }
  return names;
}

/** The text inside the leading parenthesis of `s` (nested `()` allowed), or undefined. */
function leadingParen(s: string): string | undefined {
  if (!s.startsWith('(')) return undefined;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return s.slice(1, i);
  }
  return undefined;
}

interface Section { title: string; lines: { text: string; no: number }[] }

function sections(lines: string[]): Section[] {
  const out: Section[] = [];
  let cur: Section | undefined;
  lines.forEach((l, i) => {
    const m = /^\.SH[ \t]+(.*)$/.exec(l);
    if (m) {
      cur = { title: macroArgs(m[1]!).join(' ').trim().toUpperCase(), lines: [] };
      out.push(cur);
    } else if (cur) cur.lines.push({ text: l, no: i + 1 });
  });
  return out;
}

function parseNames(sec: Section): string[] {
  const text = sec.lines.map((l) => lineText(l.text)).filter((t): t is string => t !== undefined).join(' ');
  const dash = text.search(/\s-\s|\s-$/);
  const head = dash >= 0 ? text.slice(0, dash) : text;
  return [...new Set(head.split(',').map((s) => s.trim()).filter((s) => NAME_RE.test(s)))];
}

/** Errnos of a tag's text: the words before its first parenthesis that are errno names. */
function tagFacts(tag: string): { errnos: string[]; calls?: string[]; qualifier?: string } {
  const p = tag.indexOf('(');
  const head = p >= 0 ? tag.slice(0, p) : tag;
  const errnos = (head.match(/[A-Z][A-Z0-9_]+/g) ?? []).filter((w) => ERRNO_RE.test(w) && (isErrnoName(w) || USER_ERRNOS.has(w)));
  const out: { errnos: string[]; calls?: string[]; qualifier?: string } = { errnos };
  if (p >= 0) {
    const inner = leadingParen(tag.slice(p));
    if (inner !== undefined) {
      const calls = callList(inner);
      if (calls) out.calls = calls;
      else {
        const q = inner.replace(/\s+/g, ' ').trim();
        if (VERSION_RE.test(q)) out.qualifier = q;
      }
    }
  }
  return out;
}

function parseErrors(sec: Section, pageNames: readonly string[], lim: ManLimits): Pick<ManPage, 'errors' | 'refers' | 'odd' | 'truncated'> {
  const errors: ManError[] = [];
  const refers = new Set<string>();
  const odd: ManPage['odd'] = [];
  const all = new Set(pageNames);
  let scope: string[] | undefined;
  let para: string[] = [];
  // Tags collected for the current entry; body text lines after them.
  let tags: { text: string; no: number }[] = [];
  let body: string[] = [];
  let expectTag = false;
  let inEntry = false;
  let truncated = false;

  const flushPara = () => {
    const text = para.join(' ');
    para = [];
    if (!text.trim()) return;
    // The lookbehind starts a match only where a name starts: linear on a long word.
    for (const m of text.matchAll(/(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\(2\)/g)) refers.add(m[1]!);
    // The last sentence that names calls of the page says which calls the entries after it are
    // for ("The same errors ... for unlink() ... can also occur for unlinkat(). The following
    // additional errors can occur for unlinkat():" scopes to unlinkat).
    for (const sentence of text.split(/(?<=[.:;])\s+/).reverse()) {
      const named = [...new Set([...sentence.matchAll(/(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\(\)/g)].map((m) => m[1]!))].filter((n) => all.has(n));
      if (!named.length) continue;
      scope = named.length < all.size ? named.sort() : undefined;
      break;
    }
  };
  const flushEntry = () => {
    if (!tags.length) return;
    const joined = tags.map((t) => t.text).join(', ');
    const f = tagFacts(joined);
    if (!f.errnos.length) {
      odd.push({ line: tags[0]!.no, tag: joined.slice(0, 80) });
    } else if (errors.length >= lim.maxEntries) {
      truncated = true;
    } else {
      const e: ManError = { errnos: [...new Set(f.errnos)], line: tags[0]!.no };
      const lead = body.join(' ').trim();
      const inner = leadingParen(lead);
      const bodyCalls = inner !== undefined ? callList(inner) : undefined;
      const calls = f.calls ?? bodyCalls ?? scope;
      if (calls) e.calls = [...new Set(calls)];
      if (f.qualifier) e.qualifier = f.qualifier;
      if (/^\(Not on Linux\)/i.test(lead)) e.notLinux = true;
      errors.push(e);
    }
    tags = [];
    body = [];
  };

  for (const { text: raw, no } of sec.lines) {
    const ctl = /^[.'][ \t]*([A-Za-z]+)/.exec(raw)?.[1];
    if (ctl === 'TP') {
      flushEntry();
      if (!inEntry) flushPara();
      inEntry = true;
      expectTag = true;
      continue;
    }
    if (ctl === 'TQ') { expectTag = true; continue; }
    // `.IP` inside an entry continues it (an indented paragraph, a bullet list); `.RS`/`.RE`
    // only indent.
    if (ctl === 'RS' || ctl === 'RE' || (ctl === 'IP' && inEntry)) continue;
    if (ctl === 'PP' || ctl === 'P' || ctl === 'LP' || ctl === 'SS' || ctl === 'IP') {
      flushEntry();
      if (!inEntry) flushPara();
      inEntry = false;
      expectTag = false;
      if (ctl === 'SS') { const t = lineText(raw.replace(/^[.']\s*SS/, '.B')); if (t) para.push(t); }
      continue;
    }
    const t = lineText(raw);
    if (t === undefined) continue;
    if (expectTag) { tags.push({ text: t, no }); expectTag = false; continue; }
    if (inEntry) {
      // Only the first lines matter (a call list that opens the body); keep the body short.
      if (body.length < 8) body.push(t);
    } else para.push(t);
  }
  flushEntry();
  if (!inEntry) flushPara();
  const out: Pick<ManPage, 'errors' | 'refers' | 'odd' | 'truncated'> = { errors, refers: [...refers].sort(), odd: odd.slice(0, lim.maxEntries) };
  if (truncated) out.truncated = true;
  return out;
}

/** Facts of one page's text (no redirects followed: see readManPage). */
export function parseManPage(text: string, file: string, lim: ManLimits = MAN_LIMITS): ManPage {
  const lines = text.split(/\r?\n/);
  const secs = sections(lines);
  const nameSec = secs.find((s) => s.title === 'NAME');
  if (!nameSec) throw new PageError('no NAME section');
  const names = parseNames(nameSec);
  if (!names.length) throw new PageError('the NAME section names nothing');
  const errSec = secs.find((s) => s.title === 'ERRORS');
  const page: ManPage = { file, names, hasErrors: !!errSec, errors: [], refers: [], odd: [] };
  if (errSec) Object.assign(page, parseErrors(errSec, names, lim));
  return page;
}

/**
 * Reads one page: follows a symlink and `.so` redirects (at most `maxRedirects`, each staying
 * under `root`, the directory above man2), then parses it. Throws an Error with a message on a
 * page that cannot be read.
 */
export function readManPage(file: string, root: string = dirname(dirname(resolve(file))), lim: ManLimits = MAN_LIMITS): ManPage {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    throw new PageError(`man root ${root}: ${(e as Error).message}`);
  }
  let realDir: string;
  try {
    realDir = realpathSync(dirname(resolve(file)));
  } catch (e) {
    throw new PageError((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  let path = file;
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      throw new PageError(hop ? `.so target ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` : (e as NodeJS.ErrnoException).code ?? (e as Error).message);
    }
    if (!inside(realRoot, real)) throw new PageError(`${real} is outside ${realRoot}`);
    if (seen.has(real)) throw new PageError(`.so loop at ${real}`);
    seen.add(real);
    let text: string;
    try {
      text = readText(real, lim);
    } catch (e) {
      if (e instanceof PageError) throw e;
      throw new PageError((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    }
    const first = text.split('\n', 200).find((l) => l.trim() !== '' && !/^[.']\s*\\"/.test(l) && !/^[.']\s*$/.test(l));
    const so = first === undefined ? null : /^\.so[ \t]+(\S+)/.exec(first);
    if (so) {
      if (hop >= lim.maxRedirects) throw new PageError(`more than ${lim.maxRedirects} .so redirects`);
      const t = resolve(realRoot, so[1]!);
      path = statExists(t) ? t : statExists(`${t}.gz`) ? `${t}.gz` : t;
      continue;
    }
    const page = parseManPage(text, file, lim);
    if (real !== join(realDir, basename(file))) page.target = real;
    return page;
  }
}

function statExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Every page of a section directory (`*.2`, `*.2.gz`, ...), sorted by file name. Never throws
 *  on a page: a page that cannot be read is in `problems` and not in `pages`. */
export function readManDir(dir: string, lim: ManLimits = MAN_LIMITS): ManSet {
  const out: ManSet = { pages: [], problems: [] };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.\d[a-z]*(\.gz)?$/.test(n)).sort();
  } catch (e) {
    out.problems.push({ file: dir, message: (e as Error).message });
    return out;
  }
  if (names.length > lim.maxPages) {
    out.problems.push({ file: dir, message: `${names.length} pages, only the first ${lim.maxPages} read` });
    names = names.slice(0, lim.maxPages);
  }
  const root = dirname(resolve(dir));
  for (const n of names) {
    const file = join(dir, n);
    try {
      out.pages.push(readManPage(file, root, lim));
    } catch (e) {
      out.problems.push({ file, message: (e as Error).message });
    }
  }
  return out;
}

/** The page name of a file: `openat` for `openat.2.gz`. */
export function pageName(file: string): string {
  return basename(file).replace(/(\.gz)?$/, '').replace(/\.\d[a-z]*$/, '');
}

export interface ManErrnoOptions {
  /** Also count the errors of the pages the ERRORS section cites (one level). Default true. */
  followRefers?: boolean;
  /** Count entries marked `(Not on Linux)`. Default false. */
  notLinux?: boolean;
}

/**
 * The man page errnos of one call (`openat`, not `sys_openat`): the page whose NAME section
 * lists it (the first by file name when several do; a page named after the call wins), its
 * entries for every call or for this one. A call that no NAME section lists but a file is named
 * after (`pread64.2.gz`, a link to pread.2) gets every entry of that page, since the page's
 * per-call marks name its other calls. Undefined when no page documents the call or its page has
 * no ERRORS section.
 */
export function manErrnos(set: ManSet, call: string, o: ManErrnoOptions = {}): Set<string> | undefined {
  let page = pageFor(set, call);
  let as: string | undefined = call;
  if (!page) {
    page = set.pages.find((p) => pageName(p.file) === call);
    as = undefined;
  }
  if (!page || !page.hasErrors) return undefined;
  const out = errnosOf(page, as, o);
  if (o.followRefers ?? true) {
    for (const r of page.refers) {
      if (r === call || page.names.includes(r)) continue;
      const p = pageFor(set, r);
      if (p) for (const e of errnosOf(p, r, o)) out.add(e);
    }
  }
  return out;
}

/** Errnos of a page's entries for `call` (every entry when undefined). */
function errnosOf(page: ManPage, call: string | undefined, o: ManErrnoOptions): Set<string> {
  const out = new Set<string>();
  for (const e of page.errors) {
    if (e.notLinux && !o.notLinux) continue;
    if (call !== undefined && e.calls && !e.calls.includes(call)) continue;
    for (const x of e.errnos) out.add(x);
  }
  return out;
}

/** The page whose NAME section lists `call`; one named after the call first, else by file name. */
export function pageFor(set: ManSet, call: string): ManPage | undefined {
  const with_ = set.pages.filter((p) => p.names.includes(call));
  return with_.find((p) => pageName(p.file) === call) ?? with_[0];
}
