// JSON snapshot source: what `kapi -f json` wrote, read back into the same model.
// The envelope (`{"kapi": 1, "specs": [...]}`) is checked first: a document that is not a
// snapshot is reported as such. Then each spec on its own, against the spec schema and for exact
// 64-bit values: a bad one is reported (by index and name) and skipped, the others are kept.
// Nothing here throws for bad input.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { excerpt, type DiagSink } from '../../diag/index.js';
import { reviveConsts } from '../../model/json.js';
import type { ApiSpec } from '../../model/types.js';

type Validate = ((doc: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
interface Validators { doc: Validate; envelope: Validate; spec: Validate }
let validators: Validators | undefined;

/** Path of the published schema, from dist/src/sources/json or src/sources/json. */
export const SCHEMA_URL = new URL('../../../../schema/kapi.schema.json', import.meta.url);

interface Ajv { compile(s: object): Validate; addSchema(s: object): void; getSchema(ref: string): Validate | undefined }

function compiled(): Validators {
  if (!validators) {
    const require = createRequire(import.meta.url);
    const AjvClass = require('ajv') as new (o: object) => Ajv;
    let url = SCHEMA_URL;
    try { readFileSync(url); } catch { url = new URL('../../../schema/kapi.schema.json', import.meta.url); }
    const schema = JSON.parse(readFileSync(url, 'utf8')) as { $id: string; required: string[]; properties: Record<string, object> };
    const ajv = new AjvClass({ allErrors: false, strict: false });
    ajv.addSchema(schema);
    // The document's own level, with the specs left to be checked one by one.
    const envelope = { type: 'object', additionalProperties: false, required: schema.required, properties: { ...schema.properties, specs: { type: 'array' } } };
    validators = { doc: ajv.getSchema(schema.$id)!, envelope: ajv.compile(envelope), spec: ajv.getSchema(`${schema.$id}#/definitions/spec`)! };
  }
  return validators;
}

function firstProblem(v: Validate, doc: unknown, prefix = ''): string | undefined {
  if (v(doc)) return undefined;
  const e = v.errors?.[0];
  return e ? `${prefix}${e.instancePath}${e.instancePath || prefix ? '' : '/'} ${e.message ?? 'is invalid'}` : 'does not match the schema';
}

/** Checks a whole document against the schema; returns the first problem or undefined. */
export function schemaProblem(doc: unknown): string | undefined {
  return firstProblem(compiled().doc, doc);
}

/** Position of a JSON.parse error as line:col, from its character offset. */
function parsePos(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  const offset = m ? Number(m[1]) : /end of JSON input/i.test(err.message) ? text.length : 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${before.length - before.lastIndexOf('\n')}`;
}

/** What the envelope of a snapshot must look like, for messages. */
export const SNAPSHOT_SHAPE = 'expected {"kapi": 1, "specs": [...]}';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Why a parsed document is not a snapshot's envelope, or undefined when it is one. */
function envelopeProblem(doc: unknown): string | undefined {
  if (!isObject(doc) || (!('kapi' in doc) && !('specs' in doc))) return `not a kapi snapshot (${SNAPSHOT_SHAPE})`;
  const p = firstProblem(compiled().envelope, doc);
  return p && `not a kapi snapshot (${SNAPSHOT_SHAPE}): ${p}`;
}

const MIN_VALUE = -(2n ** 63n);
const MAX_VALUE = 2n ** 64n - 1n;

/** The JSON pointer and problem of the first constant value that is not an exact 64-bit integer. */
function badValue(v: unknown, path: string): string | undefined {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = badValue(v[i], `${path}/${i}`);
      if (p) return p;
    }
  } else if (isObject(v)) {
    // The objects reviveConsts turns into BigInt values: `{ text, value }`.
    if (typeof v['text'] === 'string' && 'value' in v) {
      const x = v['value'];
      const exact = typeof x === 'number' ? Number.isSafeInteger(x) : typeof x === 'string' ? /^-?\d{1,40}$/.test(x) : true;
      const shown = typeof x === 'number' ? (Number.isFinite(x) ? String(x) : 'beyond the range of a JSON number') : `'${excerpt(String(x), 24)}'`;
      if (!exact) return `${path}/value (${shown}) is not an exact integer (values beyond 2^53 are written as decimal strings)`;
      if (typeof x === 'number' || typeof x === 'string') {
        const b = BigInt(x);
        if (b < MIN_VALUE || b > MAX_VALUE) return `${path}/value (${shown}) is outside the 64-bit range`;
      }
    }
    for (const k of Object.keys(v)) {
      if (k === 'value') continue;
      const p = badValue(v[k], `${path}/${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

/** One spec of a snapshot, checked and revived; or the problem that makes it skipped. */
function readSpec(spec: unknown, i: number): ApiSpec | string {
  const problem = firstProblem(compiled().spec, spec, `/specs/${i}`) ?? badValue(spec, `/specs/${i}`);
  return problem ?? (reviveConsts(spec) as ApiSpec);
}

export interface SnapshotRead {
  specs: ApiSpec[];
  /** The document as a whole is not valid JSON or not a snapshot: nothing could be read from it. */
  rejected: boolean;
}

/** Reads a snapshot: its good specs, with every bad one and every bad document reported. */
export function readSnapshot(text: string, file: string, diags: DiagSink): SnapshotRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    diags.report('bad-json', `${file}:${parsePos(text, e as Error)}`, `not valid JSON: ${(e as Error).message.replace(/^.*?: /, '').toLowerCase()}`);
    return { specs: [], rejected: true };
  }
  const problem = envelopeProblem(doc);
  if (problem) {
    diags.report('bad-json', file, problem);
    return { specs: [], rejected: true };
  }
  const specs: ApiSpec[] = [];
  (doc as { specs: unknown[] }).specs.forEach((raw, i) => {
    const s = readSpec(raw, i);
    if (typeof s !== 'string') { specs.push(s); return; }
    const name = isObject(raw) && typeof raw['name'] === 'string' ? excerpt(raw['name'], 80) : undefined;
    diags.report('bad-json', file, `specs[${i}] is not a valid spec and is skipped: ${s}`, name);
  });
  return { specs, rejected: false };
}

export function specsFromJson(text: string, file: string, diags: DiagSink): ApiSpec[] {
  return readSnapshot(text, file, diags).specs;
}
