// `kapi diff OLD NEW`: what changed between two spec sets, classified by a table of rules.

import { DiagSink, escapeControls, formatDiagnostic, sortDiagnostics } from '../diag/index.js';
import { diffSets, parseSuppressions, RULES, type DiffFinding, type Rule } from '../diff/index.js';
import { LEVELS, type Level } from '../lint/index.js';
import { normalize } from '../model/normalize.js';
import { atLeast, counts, formatJson, formatSarif, formatText, sortFindings } from '../report/index.js';
import { readAny } from '../sources/any.js';
import { isProblem, readRegularText } from '../sources/read.js';
import { checkFormat, UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';
import { VERSION } from './help.js';

const HELP = `Usage: kapi diff OLD NEW [-f text|json|markdown|sarif] [--fail-on LEVEL] [--suppress FILE]

Compare two spec sets and classify every change by what it does to callers. OLD and NEW are
any path kapi reads, recognised by content: a kernel tree or C file, a vmlinux (ELF), a debugfs
root, or a JSON snapshot written by 'kapi -f json'. Specs are paired by name; values are
compared, not spelling, so the same API in two DSL generations shows no change.

Options:
  -f, --format FMT    text (default), json, markdown, sarif
  --fail-on LEVEL     exit 1 when a finding that is not suppressed is at LEVEL or above
                      (error, warning, info); without it kapi diff exits 0 whatever it finds
  --suppress FILE     lines 'RULE SPEC REASON' ('*' for any rule or spec); suppressed findings
                      stay in the output with their reason and do not count for --fail-on

Rules:
${Object.values(RULES).map((r: Rule) => `  ${r.id.padEnd(22)}${r.level.padEnd(9)}${r.summary}`).join('\n')}

Exit status: 0 below the fail level (or no --fail-on); 1 findings at or above it; 2 usage
error or unreadable input; 3 internal error.
`;

function markdown(fs: DiffFinding[]): string {
  const c = counts(fs.filter((f) => !f.suppressed));
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = (sortFindings(fs) as DiffFinding[]).map((f) => escapeControls(`| ${f.level} | \`${f.id}\` | \`${f.spec}\` | ${esc(f.message)} | ${esc(f.suppressed ? `suppressed: ${f.suppressed}` : f.why)} |`));
  return [`## API changes`, '', `${c.error} breaking, ${c.warning} to check, ${c.info} informational${fs.some((f) => f.suppressed) ? `; ${fs.filter((f) => f.suppressed).length} suppressed` : ''}.`, '',
    ...(fs.length ? ['| Level | Rule | API | Change | Why |', '| --- | --- | --- | --- | --- |', ...rows] : ['No semantic change.']), ''].join('\n');
}

async function run(o: GlobalOptions): Promise<number> {
  const format = checkFormat(o, ['text', 'plain', 'json', 'markdown', 'sarif'], 'text');
  if (o.rest.length !== 2) throw new UsageError('kapi diff takes two paths: OLD NEW');
  const failOn = o.extra.get('--fail-on')?.at(-1);
  if (failOn !== undefined && !(LEVELS as string[]).includes(failOn)) throw new UsageError(`--fail-on takes error, warning or info, got '${failOn}'`);
  const suppressions = [];
  for (const f of o.extra.get('--suppress') ?? []) {
    const text = readRegularText(f, { maxFileSize: o.maxFileSize });
    if (isProblem(text)) {
      process.stderr.write(escapeControls(`kapi: ${f}: cannot read the suppressions file: ${text.message.replace(/^cannot read file: /, '')}`) + '\n');
      return 2;
    }
    const p = parseSuppressions(text);
    if (p.errors.length) throw new UsageError(`${f}: ${p.errors.join('; ')}`);
    suppressions.push(...p.items);
  }
  const diags = new DiagSink();
  const limits = { maxFileSize: o.maxFileSize };
  const [a, b] = [await readAny(o.rest[0]!, diags, limits), await readAny(o.rest[1]!, diags, limits)];
  const [old, now] = [normalize(a.specs, diags), normalize(b.specs, diags)];
  for (const d of sortDiagnostics(diags.items)) process.stderr.write(formatDiagnostic(d) + '\n');
  if (diags.errorCount && (!a.kind || !b.kind || (a.specs.length === 0 && b.specs.length === 0))) return 2;
  const found = diffSets(old.specs, now.specs, suppressions);
  const rules = Object.values(RULES).map((r: Rule) => ({ id: r.id, level: r.level, summary: r.summary, why: r.why }));
  const out = format === 'json' ? formatJson(found, { tool: 'kapi diff', old: o.rest[0], new: o.rest[1] })
    : format === 'sarif' ? formatSarif(found.filter((f) => !f.suppressed), 'kapi diff', VERSION, rules)
      : format === 'markdown' ? markdown(found)
        : found.length ? formatText(found, (f) => ((f as DiffFinding).suppressed ? ` [suppressed: ${(f as DiffFinding).suppressed}]` : ''))
          : 'no semantic change\n';
  process.stdout.write(out);
  const unsuppressed = found.filter((f) => !f.suppressed);
  for (const s of suppressions) {
    if (!found.some((f) => f.suppressedBy === s.line)) {
      process.stderr.write(`kapi: suppression on line ${s.line} (${s.rule} ${s.spec}) matched nothing\n`);
    }
  }
  return failOn && atLeast(unsuppressed, failOn as Level) > 0 ? 1 : 0;
}

export const DIFF: CommandModule = { run, help: HELP, options: { '--fail-on': 'value', '--suppress': 'value' } };
