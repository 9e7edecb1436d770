// kernel-doc comments with 1M-character lines: runs of spaces before a carriage return, at the
// end of a line and before the closing marker are read in linear time (trailing-space patterns
// retried from every space: quadratic, minutes for one line), and the tags still come out.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagSink } from '../../diag/index.js';
import { specsFromC } from '../index.js';

const M = 1_000_000;
const spaces = ' '.repeat(M);

describe('kernel-doc lines a million characters long', () => {
  it('are read, with a carriage return inside a line taken for a space', { timeout: 120_000 }, () => {
    const text = `/**
 * sys_dup - duplicate a descriptor${spaces}
 * @fd: descriptor
 *
 * contexts: process${spaces}
 *
 * param: fd
 *   type:${spaces}int,\rinput
 *   constraint-type: range(0,${spaces}\r1024)${spaces}
 *${spaces}*/
SYSCALL_DEFINE1(dup, unsigned int, fd)
{
	return 0;
}
`;
    const d = new DiagSink();
    const [s, ...rest] = specsFromC(text, 'long.c', d);
    assert.deepEqual(d.items, []);
    assert.equal(rest.length, 0);
    assert.equal(s?.description, 'duplicate a descriptor');
    assert.deepEqual(s?.contexts, ['process']);
    const p = s?.params?.[0];
    assert.equal(p?.type, 'int');
    assert.deepEqual(p?.flags, ['in']);
    assert.equal(p?.constraint?.max?.value, 1024n);
  });
});
