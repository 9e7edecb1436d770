// Findings out: text (`file:line:col: level[id]: message`), JSON, SARIF 2.1.0, GitHub workflow
// annotations and Markdown. Shared by lint and diff. Pure: findings in, string out.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeControls } from '../diag/index.js';
import type { Finding, Level } from '../lint/types.js';

export interface RuleInfo { id: string; level: Level; summary: string; why?: string }

export interface Where { file: string; line?: number; col?: number; offset?: number }

/** `file:line:col`, `file+0xOFF`, `file#/json/path` or a bare path. */
export function where(at: string): Where {
  let m = /^(.*):(\d+):(\d+)$/.exec(at);
  if (m) return { file: m[1]!, line: Number(m[2]), col: Number(m[3]) };
  m = /^(.*)\+0x([0-9a-f]+)$/.exec(at);
  if (m) return { file: m[1]!, offset: parseInt(m[2]!, 16) };
  return { file: at.replace(/#.*$/, '') };
}

const rank: Record<Level, number> = { info: 0, warning: 1, error: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort((a, b) => {
    const x = where(a.at), y = where(b.at);
    return cmp(x.file, y.file)
      || (x.line ?? 0) - (y.line ?? 0) || (x.col ?? 0) - (y.col ?? 0) || (x.offset ?? 0) - (y.offset ?? 0)
      || cmp(a.id, b.id) || cmp(a.message, b.message) || cmp(a.spec ?? '', b.spec ?? '');
  });
}

export function counts(fs: readonly Finding[]): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, info: 0 };
  for (const f of fs) c[f.level]++;
  return c;
}

export function atLeast(fs: readonly Finding[], level: Level): number {
  return fs.filter((f) => rank[f.level] >= rank[level]).length;
}

export function formatText(fs: readonly Finding[], extra: (f: Finding) => string = () => ''): string {
  const lines = sortFindings(fs).map((f) => escapeControls(`${f.at}: ${f.level}[${f.id}]: ${f.message}${f.spec ? ` (in ${f.spec})` : ''}${extra(f)}`));
  const c = counts(fs);
  lines.push(`${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`);
  return lines.join('\n') + '\n';
}

export function formatJson(fs: readonly Finding[], meta: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...meta, counts: counts(fs), findings: sortFindings(fs) }, null, 2) + '\n';
}

/** GitHub Actions workflow commands: one annotation per finding. */
export function formatGithub(fs: readonly Finding[]): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const cmd: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return sortFindings(fs).map((f) => {
    const w = where(f.at);
    const pos = [`file=${prop(w.file)}`, ...(w.line ? [`line=${w.line}`] : []), ...(w.col ? [`col=${w.col}`] : []), `title=${prop(f.id)}`];
    return `::${cmd[f.level]} ${pos.join(',')}::${esc(f.message)}${f.spec ? esc(` (in ${f.spec})`) : ''}`;
  }).join('\n') + (fs.length ? '\n' : '');
}

const SARIF_LEVEL: Record<Level, string> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF artifact URI: file:// for absolute paths, percent-encoded segments for relative ones. */
function fileUri(p: string): string {
  return isAbsolute(p) ? pathToFileURL(p).href : p.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, one run, the rules given as the tool's rule metadata. */
export function formatSarif(fs: readonly Finding[], tool: string, version: string, rules: readonly RuleInfo[]): string {
  const ids = [...new Set([...rules.map((r) => r.id), ...fs.map((f) => f.id)])];
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool, version, informationUri: 'https://kapi.invalid/',
          rules: ids.map((id) => {
            const r = rules.find((x) => x.id === id);
            return {
              id, shortDescription: { text: r?.summary ?? id },
              ...(r?.why ? { fullDescription: { text: r.why } } : {}),
              defaultConfiguration: { level: SARIF_LEVEL[r?.level ?? 'warning'] },
            };
          }),
        },
      },
      results: sortFindings(fs).map((f) => {
        const w = where(f.at);
        const region = w.line ? { startLine: w.line, ...(w.col ? { startColumn: w.col } : {}) } : w.offset !== undefined ? { byteOffset: w.offset } : undefined;
        return {
          ruleId: f.id, ruleIndex: ruleIndex.get(f.id), level: SARIF_LEVEL[f.level],
          message: { text: f.spec ? `${f.message} (in ${f.spec})` : f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(w.file) }, ...(region ? { region } : {}) } }],
        };
      }),
    }],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
