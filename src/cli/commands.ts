// Commands. The default one lists or shows specs; subcommands (lint, diff, conform, ...) are
// registered here and loaded lazily, each choosing specs with loadSpecs() and output with -f.

import { escapeControls } from '../diag/index.js';
import { stringifyDoc, toJsonDoc } from '../model/json.js';
import type { ApiSpec } from '../model/types.js';
import { LIST_LIMIT, renderMan, renderPlainList, renderPlainSpec, renderPlainSummary, renderRstList, renderRstSpec } from '../render/index.js';
import { checkFormat, FORMATS, type ExtraOptions, type GlobalOptions } from './args.js';
import { findApi, loadOrExplain } from './load.js';

export type Command = (o: GlobalOptions) => number | Promise<number>;

export interface CommandModule {
  run: Command;
  /** Options beyond the global ones. */
  options: ExtraOptions;
  help: string;
}

/** Subcommands by name, imported on first use. */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  lint: async () => (await import('./lint.js')).LINT,
  diff: async () => (await import('./diff.js')).DIFF,
  scaffold: async () => (await import('./scaffold.js')).SCAFFOLD,
  errnos: async () => (await import('./errnos.js')).ERRNOS,
  conform: async () => (await import('./conform.js')).CONFORM,
  export: async () => (await import('./export.js')).EXPORT,
  'check-trace': async () => (await import('./trace.js')).CHECK_TRACE,
  trace: async () => (await import('./trace.js')).TRACE,
  inject: async () => (await import('./trace.js')).INJECT,
};

function renderList(o: GlobalOptions, specs: readonly ApiSpec[]): string | undefined {
  const set = { specs };
  switch (o.format) {
    // More than a screen: the summary by source file, unless --all asks for every name.
    case 'plain': return specs.length > LIST_LIMIT && !o.extra.has('--all') ? renderPlainSummary(set) : renderPlainList(set);
    case 'json': return stringifyDoc(toJsonDoc(set));
    case 'rst': return renderRstList(set);
    default: return undefined;
  }
}

function renderOne(o: GlobalOptions, spec: ApiSpec): string {
  switch (o.format) {
    case 'plain': return renderPlainSpec(spec);
    case 'json': return stringifyDoc(toJsonDoc({ specs: [spec] }));
    case 'rst': return renderRstSpec(spec);
    default: return renderMan(spec, o.arch);
  }
}

/** `kapi [API_NAME]`: list the specs, or show one. */
export const runShow: Command = async (o) => {
  if (o.rest.length > 1) {
    process.stderr.write(`kapi: unexpected argument '${o.rest[1]}'\nTry 'kapi --help' for more information.\n`);
    return 2;
  }
  o.format = checkFormat(o, FORMATS, 'plain');
  const loaded = await loadOrExplain(o);
  if (!loaded) return 2;
  const { specs, errors } = loaded;
  const name = o.rest[0];
  if (name === undefined) {
    const text = renderList(o, specs);
    if (text === undefined) {
      process.stderr.write("kapi: '-f man' writes one page: give an API_NAME\n");
      return 2;
    }
    process.stdout.write(text);
    return errors ? 1 : 0;
  }
  const spec = findApi(specs, name);
  if (!spec) {
    process.stderr.write(escapeControls(`kapi: API '${name}' not found`) + '\n\nAvailable APIs:\n');
    for (const s of specs) process.stderr.write(escapeControls(`  ${s.name} (${s.kind})`) + '\n');
    return 1;
  }
  process.stdout.write(renderOne(o, spec));
  return errors ? 1 : 0;
};
