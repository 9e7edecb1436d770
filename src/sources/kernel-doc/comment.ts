// kernel-doc comments, syntax stage. In: one `/** ... */` comment. Out: its lines with the
// comment prefix removed (positions kept), grouped into top-level tags and their sub-fields.

export interface DocLine {
  /** Text after ` * `, indentation kept. */
  text: string;
  line: number;
  /** 1-based column of text[0] in the file. */
  col: number;
}

/**
 * Strips `/**`, `*\/` and the leading ` * ` of every line. A carriage return or Unicode line
 * separator inside a line counts as a space: the tag patterns then never fail at one and
 * backtrack over the whole line (quadratic on a long line), and columns stay as they are.
 * Each line is examined in time linear in its length.
 */
export function docLines(comment: string, firstLine: number, firstCol: number): DocLine[] {
  const raw = comment.replace(/[\r\u2028\u2029]/g, ' ').split('\n');
  const out: DocLine[] = [];
  raw.forEach((l, k) => {
    let start = 0;
    let text = l;
    if (k === 0) {
      start = 3;
      text = l.slice(3);
    } else {
      const m = /^\s*\*(?!\/) ?/.exec(l);
      if (m) {
        start = m[0].length;
        text = l.slice(start);
      }
    }
    // trimEnd, not /\s+$/: that pattern retries from every space of a long run (quadratic).
    if (k === raw.length - 1) {
      text = text.trimEnd();
      if (text.endsWith('*/')) text = text.slice(0, -2).trimEnd();
    }
    const col = (k === 0 ? firstCol : 1) + start;
    if (k === 0 && text.trim() === '') return;
    out.push({ text: text.trimEnd(), line: firstLine + k, col });
  });
  while (out.length && out[out.length - 1]!.text === '') out.pop();
  return out;
}

export interface Field {
  key: string;
  value: string;
  line: number;
  col: number;
  /** Column where the value starts. */
  valueCol: number;
}

export interface Tag extends Field {
  /** `@name:` kernel-doc parameter line. */
  at: boolean;
  sub: Field[];
}

const TOP = /^(@?)([A-Za-z][\w.-]*)\s*:(?:\s+|$)(.*)$/;
const SUB = /^(\s+)([a-z][\w-]*)\s*:(?:\s+|$)(.*)$/;

/** Text tags whose values keep their line breaks. */
const KEEP_NEWLINES = new Set(['examples', 'example']);

function indentOf(s: string): number {
  const m = /^[ \t]*/.exec(s)![0];
  return m.replace(/\t/g, '        ').length;
}

/**
 * Groups lines into tags. A top-level `key: value` opens a tag; indented `key: value` lines whose
 * key is in `subKeys(tag)` are its sub-fields; other indented lines continue the last value.
 * `isSub` decides which indented keys are sub-fields of a given tag.
 */
export function groupTags(lines: DocLine[], isSub: (tag: string, key: string) => boolean): { title?: DocLine; tags: Tag[] } {
  const tags: Tag[] = [];
  let title: DocLine | undefined;
  let cur: Tag | undefined;
  let last: Field | undefined;
  let lastIndent = 0;
  let blank = false;
  lines.forEach((l, k) => {
    if (l.text.trim() === '') {
      blank = true;
      return;
    }
    const indent = indentOf(l.text);
    if (indent === 0) {
      blank = false;
      const m = TOP.exec(l.text);
      if (m) {
        const valueCol = l.col + l.text.length - m[3]!.length;
        cur = { key: m[2]!, value: m[3]!, line: l.line, col: l.col, valueCol, at: m[1] === '@', sub: [] };
        tags.push(cur);
        last = cur;
        lastIndent = 0;
        return;
      }
      if (k === 0) title = l;
      // Free text (an ordinary paragraph) ends the current tag.
      cur = undefined;
      last = undefined;
      return;
    }
    const m = SUB.exec(l.text);
    if (cur && m && isSub(cur.key, m[2]!) && (!last || last === cur || indent <= lastIndent || blank)) {
      const f: Field = { key: m[2]!, value: m[3]!, line: l.line, col: l.col + indent, valueCol: l.col + l.text.length - m[3]!.length };
      cur.sub.push(f);
      last = f;
      lastIndent = indent;
      blank = false;
      return;
    }
    if (last && !blank) {
      const sep = KEEP_NEWLINES.has(last.key) ? '\n' : ' ';
      last.value = last.value === '' ? l.text.trim() : `${last.value}${sep}${l.text.trim()}`;
      return;
    }
    blank = false;
  });
  return title ? { title, tags } : { tags };
}
