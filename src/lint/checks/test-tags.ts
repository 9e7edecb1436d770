import { effectBlocks } from '../../conform/effect.js';
import { parseConditions } from '../../conform/cond.js';
import { parseFsTag, runnable, SEMANTICS, tagList, TEST_SWITCHES } from '../../conform/plan.js';
import { constOfText } from '../../sources/values.js';
import { parseNotReturned } from '../not-returned.js';
import type { Check } from '../types.js';

const semantics: ReadonlySet<string> = new Set(SEMANTICS);
const switches: ReadonlySet<string> = new Set(TEST_SWITCHES);

/** The conformance tags of a parameter that kapi would silently ignore: a typo costs a test. */
export const testTags: Check = {
  id: 'test-tags', level: 'warning', summary: 'a kapi-* test tag whose value conform cannot use',
  run(s) {
    const out = [];
    for (const p of s.params ?? []) {
      const ext = p.ext ?? {};
      const where = `parameter '${p.name}'`;
      const sem = ext['kapi-semantic']?.trim();
      if (sem !== undefined && !semantics.has(sem)) {
        out.push({ at: p.at, message: `${where}: kapi-semantic '${sem}' is not one of ${SEMANTICS.join(', ')}` });
      }
      for (const sw of tagList(p, 'kapi-test')) {
        if (!switches.has(sw)) out.push({ at: p.at, message: `${where}: kapi-test '${sw}' is not one of ${TEST_SWITCHES.join(', ')}` });
      }
      const valid = ext['kapi-valid'];
      if (valid !== undefined && constOfText(valid).value === undefined) {
        out.push({ at: p.at, message: `${where}: kapi-valid '${valid.trim()}' has no known value` });
      }
      for (const v of tagList(p, 'kapi-accepts')) {
        if (constOfText(v).value === undefined) out.push({ at: p.at, message: `${where}: kapi-accepts '${v}' has no known value` });
      }
    }
    for (const e of s.errors ?? []) {
      const cond = e.ext?.['kapi-cond'];
      const why = e.ext?.['kapi-unprovokable'];
      if (cond !== undefined) {
        for (const p of parseConditions(cond, s.params ?? []).problems) out.push({ at: e.at, message: `error ${e.name}: kapi-cond ${p}` });
        if (why !== undefined) out.push({ at: e.at, message: `error ${e.name}: both kapi-cond and kapi-unprovokable` });
      }
      if (why !== undefined && !why.trim()) out.push({ at: e.at, message: `error ${e.name}: kapi-unprovokable needs a reason` });
    }
    // kapi-effect, kapi-effect-case, kapi-unobservable on effect blocks (conform leaves out what it cannot read).
    if (runnable(s)) for (const b of effectBlocks(s)) for (const m of b.problems) out.push({ at: b.at, message: `${b.label}: ${m}` });
    // kapi-fs (conform --fs) on the spec, a parameter or an error: an entry conform cannot read is ignored.
    const fsTag = (ext: Record<string, string> | undefined, at: typeof s.at, where: string) => {
      for (const m of parseFsTag(ext?.['kapi-fs']).problems) out.push({ at, message: `${where}: kapi-fs ${m}` });
    };
    fsTag(s.ext, s.at, 'spec');
    for (const p of s.params ?? []) fsTag(p.ext, p.at, `parameter '${p.name}'`);
    for (const e of s.errors ?? []) fsTag(e.ext, e.at, `error ${e.name}`);
    for (const b of effectBlocks(s)) fsTag(b.ext, b.at, b.label);
    // kapi-not-returned (code-error-missing leaves its errnos out): an entry lint cannot read is ignored.
    for (const m of parseNotReturned(s.ext?.['kapi-not-returned']).problems) out.push({ at: s.at, message: `spec: kapi-not-returned ${m}` });
    const listed = new Set((s.errors ?? []).map((e) => e.name));
    for (const e of parseNotReturned(s.ext?.['kapi-not-returned']).entries.flatMap((x) => x.errnos)) {
      if (listed.has(e)) out.push({ at: s.at, message: `spec: kapi-not-returned names ${e}, which the spec lists as an error` });
    }
    return out;
  },
};
