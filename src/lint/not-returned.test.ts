// The kapi-not-returned tag: entries, reasons, and the errors a bad entry gets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { notReturnedMap, parseNotReturned } from './not-returned.js';

describe('kapi-not-returned', () => {
  it('reads ERRNO[,ERRNO] REASON entries separated by ;', () => {
    const r = parseNotReturned('EXDEV, ENOTRECOVERABLE only openat2 sets RESOLVE_* flags;\n  EBADF open always walks from AT_FDCWD');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.entries, [
      { errnos: ['EXDEV', 'ENOTRECOVERABLE'], reason: 'only openat2 sets RESOLVE_* flags' },
      { errnos: ['EBADF'], reason: 'open always walks from AT_FDCWD' },
    ]);
    assert.deepEqual([...notReturnedMap('EIO a WARN_ON; EIO again')], [['EIO', 'a WARN_ON']]);
  });

  it('names what it cannot read: no reason, an unknown errno, lower case', () => {
    assert.deepEqual(parseNotReturned('EXDEV').problems, ["'EXDEV' is not ERRNO[,ERRNO] REASON"]);
    assert.deepEqual(parseNotReturned('EFOOBAR some reason').problems, ['unknown errno EFOOBAR']);
    assert.deepEqual(parseNotReturned('exdev reason').problems, ["'exdev reason' is not ERRNO[,ERRNO] REASON"]);
    assert.deepEqual(parseNotReturned(undefined), { entries: [], problems: [] });
  });

  it('never throws on hostile text, and keeps only known errnos', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (t) => {
      const r = parseNotReturned(t);
      for (const e of r.entries) assert.ok(e.errnos.every((x) => /^E[A-Z0-9]+$/.test(x)) && e.reason.length > 0);
    }), { numRuns: 500 });
  });
});
