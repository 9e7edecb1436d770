// The recall table on hand-made inputs: per syscall and overall, aliases compared as one errno,
// and the edge cases (nothing listed, nothing found, no man page), text and JSON.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalErrno, foundFromErrnosJson, kindsOf, notReturnedFromSpecs, listedFromSpecs, manErrnoSets, provokedFromConform, recallJson, recallTable, recallText } from './recall.js';

const m = (o: Record<string, string[]>) => new Map(Object.entries(o).map(([k, v]) => [k, new Set(v)]));

describe('recall table', () => {
  const input = {
    found: m({ sys_open: ['EACCES', 'ENOENT', 'EINVAL', 'ESTALE'], sys_read: ['EBADF', 'EWOULDBLOCK'], sys_close: [] }),
    listed: m({ sys_open: ['EACCES', 'ENOENT', 'EINVAL', 'EFAULT'], sys_read: ['EBADF', 'EAGAIN', 'EIO'], sys_close: ['EBADF'], sys_none: [] }),
    provoked: m({ sys_open: ['EACCES', 'EFAULT'], sys_read: ['EAGAIN'], sys_close: ['EBADF'] }),
    man: m({ sys_open: ['EACCES', 'ENOENT', 'EFAULT', 'EMFILE'], sys_read: ['EBADF', 'EWOULDBLOCK', 'EAGAIN'], sys_none: [] }),
  };

  it('per syscall: recall of provoked, listed and man page errnos; extras; man errnos the spec lacks', () => {
    const t = recallTable(input);
    assert.deepEqual(t.rows.map((r) => r.syscall), ['sys_close', 'sys_none', 'sys_open', 'sys_read']);
    const open = t.rows.find((r) => r.syscall === 'sys_open')!;
    assert.deepEqual(open.provoked, { found: 1, of: 2, pct: 50, missed: ['EFAULT'] });
    assert.deepEqual(open.listed, { found: 3, of: 4, pct: 75, missed: ['EFAULT'] });
    assert.deepEqual(open.man, { found: 2, of: 4, pct: 50, missed: ['EFAULT', 'EMFILE'] });
    assert.deepEqual(open.extra, ['ESTALE']);
    assert.deepEqual(open.manNotListed, ['EMFILE']);
    // EWOULDBLOCK is EAGAIN: found, provoked and in the man page as one errno.
    const read = t.rows.find((r) => r.syscall === 'sys_read')!;
    assert.deepEqual(read.found, ['EAGAIN', 'EBADF']);
    assert.deepEqual(read.provoked, { found: 1, of: 1, pct: 100, missed: [] });
    assert.deepEqual(read.listed, { found: 2, of: 3, pct: 66.7, missed: ['EIO'] });
    assert.deepEqual(read.man, { found: 2, of: 2, pct: 100, missed: [] });
    assert.deepEqual(read.extra, []);
  });

  it('edge cases: nothing found (recall 0), nothing listed (no figure), no man page', () => {
    const t = recallTable(input);
    const close = t.rows.find((r) => r.syscall === 'sys_close')!;
    assert.deepEqual(close.found, []);
    assert.deepEqual(close.listed, { found: 0, of: 1, pct: 0, missed: ['EBADF'] });
    assert.deepEqual(close.man, { found: 0, of: 0, pct: null, missed: [] });
    assert.equal(close.hasMan, false);
    const none = t.rows.find((r) => r.syscall === 'sys_none')!;
    assert.equal(none.listed.pct, null);
    assert.equal(none.provoked.pct, null);
    assert.equal(none.hasMan, true);
    const empty = recallTable({ found: new Map(), listed: new Map(), provoked: new Map(), man: new Map() });
    assert.deepEqual(empty.rows, []);
    assert.deepEqual(empty.overall.listed, { found: 0, of: 0, pct: null, missed: [] });
  });

  it('overall: sums over the syscalls; the rows can be chosen', () => {
    const t = recallTable(input);
    assert.deepEqual(t.overall.provoked, { found: 2, of: 4, pct: 50, missed: [] });
    assert.deepEqual(t.overall.listed, { found: 5, of: 8, pct: 62.5, missed: [] });
    assert.deepEqual(t.overall.man, { found: 4, of: 6, pct: 66.7, missed: [] });
    assert.equal(t.overall.extra, 1);
    assert.equal(t.overall.found, 6);
    const one = recallTable({ ...input, syscalls: ['sys_read', 'sys_missing'] });
    assert.deepEqual(one.rows.map((r) => r.syscall), ['sys_read', 'sys_missing']);
    assert.equal(one.rows[1]!.found.length, 0);
  });

  it('text: fixed columns, - where nothing is listed, deterministic; JSON: the same figures', () => {
    const t = recallTable(input);
    const text = recallText(t);
    assert.equal(text, recallText(recallTable(input)));
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[0]!, /^syscall +found +provoked +listed +man +objects +explained +extra/);
    assert.match(lines.find((l) => l.startsWith('sys_close'))!, /^sys_close +0 +0\/1 0\.0% +0\/1 0\.0% +no page +0 +0 +-$/);
    assert.match(lines.find((l) => l.startsWith('sys_open'))!, /1\/2 50\.0% +3\/4 75\.0% +2\/4 50\.0% +0 +0 +ESTALE$/);
    assert.match(lines.at(-1)!, /^overall +6 +2\/4 50\.0% +5\/8 62\.5% +4\/6 66\.7% +0 +0 +1$/);
    const j = JSON.parse(JSON.stringify(recallJson(t))) as { rows: { syscall: string; extra: string[]; man_not_listed: string[] }[]; overall: { listed: { pct: number } } };
    assert.deepEqual(j.rows.find((r) => r.syscall === 'sys_open')!.extra, ['ESTALE']);
    assert.deepEqual(j.rows.find((r) => r.syscall === 'sys_open')!.man_not_listed, ['EMFILE']);
    assert.equal(j.overall.listed.pct, 62.5);
  });

  it('extras: kernel-internal codes are never extra; errnos found through an object are counted apart', () => {
    const results = [{ name: 'sys_open', errors: [
      { name: 'ESTALE', chain: [{}] }, { name: 'ERESTARTSYS', internal: true, chain: [{}] },
      { name: 'ECONNRESET', chain: [{}, { through: { slot: 'f_op->open', object: 'TCP socket' } }] },
    ] }];
    const kinds = kindsOf(results);
    assert.deepEqual([...kinds.get('sys_open')!], [['ERESTARTSYS', 'internal'], ['ECONNRESET', 'object']]);
    const found = new Map([['sys_open', new Set(['ESTALE', 'ERESTARTSYS', 'ECONNRESET', 'EACCES'])]]);
    const t = recallTable({ ...input, found, kinds });
    const open = t.rows.find((r) => r.syscall === 'sys_open')!;
    assert.deepEqual(open.extra, ['ESTALE']);
    assert.deepEqual(open.extraObjects, ['ECONNRESET']);
    assert.equal(t.overall.extraObjects, 1);
    // kapi-not-returned explains an extra.
    const nr = recallTable({ ...input, found, kinds, notReturned: notReturnedFromSpecs([{ name: 'sys_open', ext: { 'kapi-not-returned': 'ESTALE only on NFS' } }]) });
    assert.deepEqual(nr.rows.find((r) => r.syscall === 'sys_open')!.extra, []);
    assert.deepEqual(nr.rows.find((r) => r.syscall === 'sys_open')!.explained, ['ESTALE']);
    assert.equal(nr.overall.explained, 1);
    // Without kinds, every unlisted errno is extra.
    assert.deepEqual(recallTable({ ...input, found }).rows.find((r) => r.syscall === 'sys_open')!.extra, ['ECONNRESET', 'ERESTARTSYS', 'ESTALE']);
  });

  it('inputs: spec errors, conform --json (plain and --fs), man page lookups', () => {
    const listed = listedFromSpecs([{ name: 'sys_open', errors: [{ name: 'EACCES', at: 'x:1:1' }, { name: 'EFAULT', at: 'x:2:1' }] }, { name: 'sys_sync' }]);
    assert.deepEqual([...listed].map(([k, v]) => [k, [...v]]), [['sys_open', ['EACCES', 'EFAULT']], ['sys_sync', []]]);
    const plain = provokedFromConform({ results: [{ api: 'sys_read', provoked: ['EBADF'] }, { api: 'sys_open', provoked: [] }] });
    assert.deepEqual([...plain].map(([k, v]) => [k, [...v]]), [['sys_read', ['EBADF']], ['sys_open', []]]);
    const fs = provokedFromConform({ filesystems: [
      { fs: 'tmpfs', results: [{ api: 'sys_open@tmpfs', provoked: ['EACCES'] }] },
      { fs: 'ext4', results: [{ api: 'sys_open@ext4', provoked: ['EACCES', 'EROFS'] }] },
    ] });
    assert.deepEqual([...fs].map(([k, v]) => [k, [...v]]), [['sys_open', ['EACCES', 'EROFS']]]);
    assert.throws(() => provokedFromConform({}), /not a kapi conform --json result/);
    assert.throws(() => provokedFromConform({ results: [{ api: 'sys_x', provoked: [1] }] }), /not a kapi conform --json result/);
    assert.throws(() => provokedFromConform(null), /not a kapi conform --json result/);
    const found = foundFromErrnosJson([
      { name: 'sys_openat', errors: [{ name: 'EFAULT', chain: ['sys_openat', 'getname'] }, { name: 'ENOENT', chain: [] }] },
      { name: 'sys_sync', errors: [] },
    ]);
    assert.deepEqual([...found].map(([k, v]) => [k, [...v]]), [['sys_openat', ['EFAULT', 'ENOENT']], ['sys_sync', []]]);
    assert.throws(() => foundFromErrnosJson({ name: 'sys_x' }), /not a kapi errnos -f json result/);
    assert.throws(() => foundFromErrnosJson([{ name: 'sys_x', errors: [{ chain: [] }] }]), /sys_x without a name/);
    const man = manErrnoSets(['sys_open', 'sys_nopage'], (c) => (c === 'open' ? new Set(['ENOENT']) : undefined));
    assert.deepEqual([...man].map(([k, v]) => [k, [...v]]), [['sys_open', ['ENOENT']]]);
    assert.equal(canonicalErrno('EWOULDBLOCK'), 'EAGAIN');
    assert.equal(canonicalErrno('ENOTSUP'), 'EOPNOTSUPP');
    assert.equal(canonicalErrno('EINVAL'), 'EINVAL');
  });
});
