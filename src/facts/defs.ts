// The first pass of the tree index (tree.ts): where functions are defined, read from the bytes of
// every file without lexing it. In: a file's bytes. Out: its function definitions (name,
// static or not) and its struct initialisers `.member = fn` (the implementations of function
// pointers), both compact.
//
// Definitions are found the way kernel style writes them: a body's `{` at the start of a line,
// after the `)` of the parameter list (attributes such as `__releases(x)` in between are skipped),
// the name before the `(`; SYSCALL_DEFINEn(name, ...) gives `sys_name`. In headers, also
// `static inline` / `static __always_inline` functions written on one line. A definition written
// another way is not in the first pass; the second pass (summary.ts, lexing the file) sees every
// definition of the files it reads.

const NL = 0x0a, LBRACE = 0x7b, RPAREN = 0x29, LPAREN = 0x28;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === NL || c === 0x0d || c === 0x0c;
const isId = (c: number | undefined) => c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);

/** Function-like annotations written between the parameter list and the body. */
const ATTRIBUTES = new Set(['__acquires', '__releases', '__must_hold', '__attribute__', '__printf', '__scanf', '__cond_lock', '__section', '__aligned', '__alloc_size', '__malloc', '__nocfi', '__no_kcsan', 'notrace', '__init', '__exit']);

export interface DefSite { name: string; isStatic: boolean }

export interface FileDefs {
  /** `name` or `name:s` (static), space-separated (the line comes with the summary). */
  defs: string;
  /** `member=fn`, space-separated. */
  impls: string;
}

export function decodeDefs(defs: string): DefSite[] {
  if (!defs) return [];
  return defs.split(' ').map((d) => {
    const [name, s] = d.split(':');
    return { name: name!, isStatic: s === 's' };
  });
}

export function decodeImpls(impls: string): [string, string][] {
  if (!impls) return [];
  return impls.split(' ').map((x) => {
    const eq = x.indexOf('=');
    return [x.slice(0, eq), x.slice(eq + 1)];
  });
}

/** The identifier that ends just before `end` (exclusive): [start, text], or undefined. */
function identBefore(b: Buffer, end: number): [number, string] | undefined {
  let s = end;
  while (s > 0 && isId(b[s - 1])) s--;
  if (s === end || (b[s]! >= 0x30 && b[s]! <= 0x39)) return undefined;
  return [s, b.toString('latin1', s, end)];
}

/** The `(` matching the `)` at `close`, scanning back at most `limit` bytes; -1 when none. */
function openBefore(b: Buffer, close: number, limit = 4096): number {
  let depth = 0;
  for (let k = close; k >= 0 && close - k < limit; k--) {
    const c = b[k];
    if (c === RPAREN) depth++;
    else if (c === LPAREN && --depth === 0) return k;
    else if (c === 0x3b || c === LBRACE || c === 0x7d) return -1; // `;`, `{`, `}`: not a parameter list
  }
  return -1;
}

/** Is `static` a word in the declaration that starts before `at` (back to the previous `;`, `}`, `{`, `*​/`, `#`)? */
function staticBefore(b: Buffer, at: number): boolean {
  let k = at - 1;
  for (let n = 0; k >= 0 && n < 400; k--, n++) {
    const c = b[k];
    if (c === 0x3b || c === 0x7d || c === LBRACE) break;
    if (c === 0x2f && b[k - 1] === 0x2a) break;
    if (c === 0x23 && (k === 0 || b[k - 1] === NL)) break;
  }
  // `static` as a word of the bytes k+1..at (as /\bstatic\b/ on their text: the ends count as boundaries).
  for (let j = k + 1; j + 6 <= at; j++) {
    if (b[j] === 0x73 && b[j + 1] === 0x74 && b[j + 2] === 0x61 && b[j + 3] === 0x74 && b[j + 4] === 0x69 && b[j + 5] === 0x63
      && (j === k + 1 || !isId(b[j - 1])) && (j + 6 === at || !isId(b[j + 6]))) return true;
  }
  return false;
}


/** The definition whose parameter list closes at `close` (a `)`), or undefined. */
function defAt(b: Buffer, close: number): { start: number; name: string } | undefined {
  for (let guard = 0; guard < 8; guard++) {
    const open = openBefore(b, close);
    if (open < 0) return undefined;
    let e = open;
    while (e > 0 && (b[e - 1] === 0x20 || b[e - 1] === 0x09)) e--;
    const id = identBefore(b, e);
    if (!id) return undefined;
    if (ATTRIBUTES.has(id[1])) {
      let k = id[0] - 1;
      while (k >= 0 && isSpace(b[k])) k--;
      if (b[k] !== RPAREN) return undefined;
      close = k;
      continue;
    }
    const sys = id[1].includes('SYSCALL_DEFINE') ? /^(COMPAT_)?SYSCALL_DEFINE\d$/.exec(id[1]) : null;
    if (sys) {
      let k = open + 1;
      while (isSpace(b[k])) k++;
      let e2 = k;
      while (isId(b[e2])) e2++;
      if (e2 === k) return undefined;
      return { start: id[0], name: `${sys[1] ? 'compat_' : ''}sys_${b.toString('latin1', k, e2)}` };
    }
    if (NOT_NAMES.has(id[1])) return undefined;
    return { start: id[0], name: id[1] };
  }
  return undefined;
}

const NOT_NAMES = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof']);
const INLINE_MARKS = [Buffer.from('static inline '), Buffer.from('static __always_inline ')];

export function scanDefs(b: Buffer, header: boolean): FileDefs {
  const found: { at: number; name: string; isStatic: boolean }[] = [];
  // `\n{` found by its `{` (a one-byte search is much faster, and `{` is rarer than a newline).
  for (let q = b.indexOf(LBRACE, 1); q >= 0; q = b.indexOf(LBRACE, q + 1)) {
    if (b[q - 1] !== NL) continue;
    const p = q - 1;
    let k = p - 1;
    while (k >= 0 && isSpace(b[k])) k--;
    // `#endif` (or another directive) between the head and its body: per-configuration heads
    // (kernel/fork.c's SYSCALL_DEFINE5(clone, ...)) share one body; the last head is taken.
    for (let guard = 0; guard < 8 && k >= 0 && b[k] !== RPAREN; guard++) {
      let ls = k;
      while (ls > 0 && b[ls - 1] !== NL) ls--;
      let f = ls;
      while (b[f] === 0x20 || b[f] === 0x09) f++;
      if (b[f] !== 0x23) break;
      k = ls - 1;
      while (k >= 0 && isSpace(b[k])) k--;
    }
    if (b[k] !== RPAREN) continue;
    const d = defAt(b, k);
    if (d) found.push({ at: d.start, name: d.name, isStatic: staticBefore(b, d.start) });
  }
  if (header) {
    const seen = new Set(found.map((f) => f.at));
    for (const mark of INLINE_MARKS) {
      for (let p = b.indexOf(mark); p >= 0; p = b.indexOf(mark, p + mark.length)) {
        // The first `(` of the declaration, the name before it; a body `{` before any `;`.
        let k = p + mark.length;
        while (k < b.length && b[k] !== LPAREN && b[k] !== 0x3b && b[k] !== LBRACE && k - p < 300) k++;
        if (b[k] !== LPAREN) continue;
        let e = k;
        while (e > 0 && b[e - 1] === 0x20) e--;
        const id = identBefore(b, e);
        if (!id || seen.has(id[0])) continue;
        let j = k;
        while (j < b.length && b[j] !== LBRACE && b[j] !== 0x3b && j - k < 2000) j++;
        if (b[j] !== LBRACE) continue;
        seen.add(id[0]);
        found.push({ at: id[0], name: id[1], isStatic: true });
      }
    }
    found.sort((x, y) => x.at - y.at);
  }
  const defs = found.map((f) => `${f.name}${f.isStatic ? ':s' : ''}`);
  // `.member = fn,` at the start of a line (kernel style initialisers).
  const impls: string[] = [];
  // `\n\t.` found by its `.`, as `\n{` above.
  for (let q = b.indexOf(0x2e, 2); q >= 0; q = b.indexOf(0x2e, q + 1)) {
    if (b[q - 1] !== 0x09 || b[q - 2] !== NL) continue;
    let k = q + 1, s = k;
    while (isId(b[k])) k++;
    if (k === s) continue;
    const member = b.toString('latin1', s, k);
    while (b[k] === 0x20 || b[k] === 0x09) k++;
    if (b[k] !== 0x3d) continue;
    k++;
    while (b[k] === 0x20 || b[k] === 0x09) k++;
    s = k;
    while (isId(b[k])) k++;
    if (k === s || (b[k] !== 0x2c && b[k] !== NL && b[k] !== 0x20)) continue;
    const fn = b.toString('latin1', s, k);
    if (fn === 'NULL' || !/[a-z]/.test(fn) || /^\d/.test(fn)) continue;
    impls.push(`${member}=${fn}`);
  }
  return { defs: defs.join(' '), impls: [...new Set(impls)].join(' ') };
}
