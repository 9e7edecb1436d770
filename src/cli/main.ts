#!/usr/bin/env node
// The kapi command. argv -> command -> exit code; the only module that exits the process.
//
// Exit codes (stable):
//   0  success
//   1  the requested API is not in the spec set, or the specs read had errors
//   2  usage error, or an input that cannot be read
//   3  internal error (a bug in kapi)

import { own } from '../model/own.js';
import { UsageError, parseGlobal } from './args.js';
import { COMMANDS, runShow } from './commands.js';
import { HELP, VERSION } from './help.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

async function main(argv: string[]): Promise<number> {
  const entry = argv[0] !== undefined ? own(COMMANDS, argv[0]) : undefined;
  const cmd = entry ? await entry() : { run: runShow, options: { '--all': 'flag' as const }, help: HELP };
  try {
    const opts = parseGlobal(entry ? argv.slice(1) : argv, cmd.options);
    if (opts.help) {
      process.stdout.write(cmd.help);
      return EXIT.ok;
    }
    if (opts.version) {
      process.stdout.write(`kapi ${VERSION}\n`);
      return EXIT.ok;
    }
    return await cmd.run(opts);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`kapi: ${e.message}\nTry 'kapi${entry ? ` ${argv[0]}` : ''} --help' for more information.\n`);
    return EXIT.usage;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const detail = e instanceof Error ? (process.env['KAPI_DEBUG'] ? e.stack ?? e.message : e.message) : String(e);
    process.stderr.write(`kapi: internal error: ${detail}\nThis is a bug in kapi; run with KAPI_DEBUG=1 for a backtrace.\n`);
    process.exitCode = EXIT.internal;
  },
);
