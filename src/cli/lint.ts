// `kapi lint`: checks the specs against themselves, their signatures and their code.

import { escapeControls, formatDiagnostic } from '../diag/index.js';
import { errorFacts, fileFacts, type FileFacts } from '../facts/index.js';
import { CHECKS, lint, LEVELS, type Finding, type Level, type LintContext } from '../lint/index.js';
import type { ApiSpec } from '../model/types.js';
import { isProblem, readRegularText, type ReadLimits } from '../sources/read.js';
import { atLeast, formatGithub, formatJson, formatSarif, formatText, where } from '../report/index.js';
import { checkFormat, UsageError, type GlobalOptions } from './args.js';
import type { CommandModule } from './commands.js';
import { VERSION } from './help.js';
import { loadSpecs } from './load.js';

const HELP = `Usage: kapi lint [--source PATH... | --vmlinux PATH | --debugfs [DIR]] [OPTIONS]

Check specs: model invariants, parameters against the SYSCALL_DEFINEn they describe, and the
errors the code returns against the errors listed. Reader diagnostics are reported too.

Options:
  -f, --format FMT      text (default), json, sarif (SARIF 2.1.0), github (annotations)
  --fail-on LEVEL       exit 1 when a finding is at LEVEL or above: error (default),
                        warning, info, or never
  --severity ID=LEVEL   change a check's level (error, warning, info) or turn it off (off);
                        repeatable
  -q, --quiet           no informational lines on stderr

Checks:
${Object.values(CHECKS).map((c) => `  ${c.id.padEnd(22)}${c.level.padEnd(9)}${c.summary}`).join('\n')}

Exit status: 0 no finding at the fail level; 1 findings at or above it; 2 usage error or
unreadable input; 3 internal error.
`;

function levels(o: GlobalOptions): Record<string, Level | 'off'> {
  const out: Record<string, Level | 'off'> = {};
  for (const v of o.extra.get('--severity') ?? []) {
    const m = /^([a-z-]+)=(error|warning|info|off)$/.exec(v);
    if (!m) throw new UsageError(`--severity takes ID=LEVEL (error, warning, info, off), got '${v}'`);
    out[m[1]!] = m[2] as Level | 'off';
  }
  return out;
}

function failLevel(o: GlobalOptions): Level | 'never' {
  const v = o.extra.get('--fail-on')?.at(-1) ?? 'error';
  if (v !== 'never' && !(LEVELS as string[]).includes(v)) throw new UsageError(`--fail-on takes error, warning, info or never, got '${v}'`);
  return v as Level | 'never';
}

/**
 * Facts from the code next to each spec: the file it was read from, when it has a body. The
 * file is named by the spec (a snapshot can name any path), so it is read as any input is.
 */
export function codeContext(limits: ReadLimits = {}): LintContext {
  const files = new Map<string, FileFacts | undefined>();
  return {
    code(spec: ApiSpec) {
      const file = where(spec.at).file;
      if (!spec.signature || where(spec.at).line === undefined) return undefined;
      if (!files.has(file)) {
        const text = readRegularText(file, limits, 'latin1');
        files.set(file, isProblem(text) ? undefined : fileFacts(text, file));
      }
      const ff = files.get(file);
      const fn = ff?.functions.get(spec.name) ?? ff?.functions.get(spec.signature.name);
      if (!ff || !fn || fn.body.length === 0) return undefined;
      return { ...errorFacts(ff, fn.name), at: `${file}:${fn.line}:${fn.col}` };
    },
  };
}

async function run(o: GlobalOptions): Promise<number> {
  if (o.rest.length) throw new UsageError(`unexpected argument '${o.rest[0]}'`);
  const format = checkFormat(o, ['text', 'plain', 'json', 'sarif', 'github'], 'text');
  const lv = levels(o);
  const fail = failLevel(o);
  const loaded = await loadSpecs(o);
  if (loaded.fatal !== undefined) {
    for (const d of loaded.diags.items) process.stderr.write(formatDiagnostic(d) + '\n');
    if (loaded.fatal) process.stderr.write(escapeControls(`kapi: ${loaded.fatal}`) + '\n');
    return 2;
  }
  const fromReaders: Finding[] = loaded.diags.items.map((d) => ({
    id: d.code, level: d.severity === 'note' ? 'info' : d.severity, at: d.at, message: d.message, ...(d.spec ? { spec: d.spec } : {}),
  }));
  const findings = [...fromReaders.filter((f) => lv[f.id] !== 'off').map((f) => ({ ...f, level: (lv[f.id] as Level | undefined) ?? f.level })),
    ...lint(loaded.set.specs, codeContext({ maxFileSize: o.maxFileSize }), lv)];
  const rules = Object.values(CHECKS).map((c) => ({ id: c.id, level: c.level, summary: c.summary }));
  const out = format === 'json' ? formatJson(findings, { tool: 'kapi lint', specs: loaded.set.specs.length })
    : format === 'sarif' ? formatSarif(findings, 'kapi lint', VERSION, rules)
      : format === 'github' ? formatGithub(findings) : formatText(findings);
  process.stdout.write(out);
  return fail !== 'never' && atLeast(findings, fail) > 0 ? 1 : 0;
}

export const LINT: CommandModule = {
  run, help: HELP,
  options: { '--fail-on': 'value', '--severity': 'value' },
};
