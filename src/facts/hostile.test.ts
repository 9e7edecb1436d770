// Code facts on hostile C: long assignment chains, calls nested 100k deep and unbalanced
// parentheses at file scope are read in linear time (each used to rescan the rest per level and
// took minutes), and the facts are still right.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorFacts, fileFacts } from './index.js';

const N = 100_000;
const SLOW = { timeout: 120_000 };

describe('code facts on hostile C', () => {
  it('a 100k-long assignment chain: each assignment ends where the chain does', SLOW, () => {
    const text = `SYSCALL_DEFINE1(chain, int, x)\n{\n\tint a;\n\t${'a = '.repeat(N)}-EINVAL;\n\tif (x)\n\t\treturn a;\n\treturn -EBADF;\n}\n`;
    const ff = fileFacts(text, 'chain.c');
    const f = errorFacts(ff, 'sys_chain');
    assert.deepEqual([...f.errors].sort(), [['EBADF', 7], ['EINVAL', 4]]);
  });

  it('calls nested 100k deep in an assignment, and unbalanced calls at file scope', SLOW, () => {
    const text = `int junk = ${'f('.repeat(N)};\n` +
      `static int helper(int v)\n{\n\treturn -ENOENT;\n}\n` +
      `SYSCALL_DEFINE1(nest, int, x)\n{\n\tint a;\n\ta = helper(${'g('.repeat(N)}x${')'.repeat(N)});\n\treturn a;\n}\n`;
    const ff = fileFacts(text, 'nest.c');
    assert.deepEqual([...ff.functions.keys()], ['helper', 'sys_nest']);
    const f = errorFacts(ff, 'sys_nest');
    assert.deepEqual([...f.errors], [['ENOENT', 4]]);
  });
});
