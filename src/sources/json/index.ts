// JSON snapshot source: what `kapi -f json` wrote, read back into the same model.
// The document is checked against schema/kapi.schema.json; a bad one is reported with the path
// of the first offending member, never thrown.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DiagSink } from '../../diag/index.js';
import { reviveConsts } from '../../model/json.js';
import type { ApiSpec } from '../../model/types.js';

type Validate = ((doc: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
let validator: Validate | undefined;

/** Path of the published schema, from dist/src/sources/json or src/sources/json. */
export const SCHEMA_URL = new URL('../../../../schema/kapi.schema.json', import.meta.url);

function compiled(): Validate {
  if (!validator) {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): Validate };
    let url = SCHEMA_URL;
    try { readFileSync(url); } catch { url = new URL('../../../schema/kapi.schema.json', import.meta.url); }
    const schema = JSON.parse(readFileSync(url, 'utf8')) as object;
    validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
  }
  return validator;
}

/** Checks a document against the schema; returns the first problem or undefined. */
export function schemaProblem(doc: unknown): string | undefined {
  const v = compiled();
  if (v(doc)) return undefined;
  const e = v.errors?.[0];
  return e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'does not match the schema';
}

/** Position of a JSON.parse error as line:col, from its character offset. */
function parsePos(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  const offset = m ? Number(m[1]) : /end of JSON input/i.test(err.message) ? text.length : 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${before.length - before.lastIndexOf('\n')}`;
}

export function specsFromJson(text: string, file: string, diags: DiagSink): ApiSpec[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    diags.report('bad-json', `${file}:${parsePos(text, e as Error)}`, `not valid JSON: ${(e as Error).message.replace(/^.*?: /, '').toLowerCase()}`);
    return [];
  }
  const problem = schemaProblem(doc);
  if (problem) {
    diags.report('bad-json', file, `not a kapi snapshot: ${problem}`);
    return [];
  }
  return (reviveConsts(doc) as { specs: ApiSpec[] }).specs;
}
