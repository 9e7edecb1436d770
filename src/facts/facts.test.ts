// Code facts: errors found through same-file calls, and constant arguments followed into callees
// so that a path the caller switches off does not count.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { errorFacts, fileFacts } from './index.js';

const C = `
static int take_lock(struct thing *t, bool try_only)
{
	if (!try_only) {
		lock_it(t);
		return 0;
	}
	if (try_lock_it(t))
		return 0;
	return -EAGAIN;
}

static int check(int mode, int strict)
{
	if (strict)
		return -EPERM;
	if (mode == 2)
		return -EINVAL;
	else
		return -ENOSYS;
	return 0;
}

static int changes(bool try_only)
{
	try_only = !try_only;
	if (!try_only)
		return 0;
	return -EBUSY;
}

int do_work(struct thing *t, int mode, bool try_only)
{
	int err;

	err = take_lock(t, try_only);
	if (err)
		return err;
	if (!t)
		return -EBADF;
	return check(mode, 0);
}

SYSCALL_DEFINE2(work, int, fd, int, mode)
{
	struct thing *t = lookup(fd);
	return do_work(t, mode, false);
}

SYSCALL_DEFINE1(trywork, int, fd)
{
	return do_work(lookup(fd), 2, true);
}

SYSCALL_DEFINE0(flip)
{
	return changes(false);
}

static int maybe_copy(void __user *p, int len)
{
	int err = 0;

	if (p) {
		if (len < 0)
			return -EINVAL;
		for (;;) { if (copy(p)) return -EFAULT; }
	}
	if (len == 0)
		return 0;
	err = -ENOSPC;
	return err;
}

static int jumpy(int x, int fast)
{
	if (x)
		goto out;
	if (fast)
		return 0;
	return -EIO;
out:
	return -ENOENT;
}

SYSCALL_DEFINE1(jump, int, x)
{
	return jumpy(x, 1);
}

static int chain(int x, int fast)
{
	if (x)
		x = 1;
	else if (fast)
		return 0;
	return -EXDEV;
}

SYSCALL_DEFINE1(chained, int, x)
{
	return chain(x, 1);
}

SYSCALL_DEFINE0(nocopy)
{
	return maybe_copy(NULL, 0);
}
`;

const errs = (name: string) => [...errorFacts(fileFacts(C, 'f.c'), name).errors.keys()].sort();

describe('code facts', () => {
  it('a function on its own has every path', () => {
    assert.deepEqual(errs('take_lock'), ['EAGAIN']);
    assert.deepEqual(errs('check'), ['EINVAL', 'ENOSYS', 'EPERM']);
    // Its own constant (strict=0) already drops EPERM from check's paths.
    assert.deepEqual(errs('do_work'), ['EAGAIN', 'EBADF', 'EINVAL', 'ENOSYS']);
  });
  it('a constant argument cuts the paths it switches off, through two calls', () => {
    // try_only=false: take_lock returns before its EAGAIN; strict=0 drops EPERM.
    assert.deepEqual(errs('sys_work'), ['EBADF', 'EINVAL', 'ENOSYS']);
  });
  it('the paths a constant switches on stay; an if with an else is not cut', () => {
    assert.deepEqual(errs('sys_trywork'), ['EAGAIN', 'EBADF', 'EINVAL', 'ENOSYS']);
  });
  it('NULL is a constant; nested ifs and loops inside a cut block go with it', () => {
    assert.deepEqual(errs('maybe_copy'), ['EFAULT', 'EINVAL', 'ENOSPC']);
    assert.deepEqual(errs('sys_nocopy'), []);
  });
  it('a label after a returning if stays reachable when an earlier goto leads there', () => {
    assert.ok(errs('sys_jump').includes('ENOENT'));
  });
  it('an else-if is part of its chain, not an if of its own', () => {
    assert.deepEqual(errs('sys_chained'), ['EXDEV']);
  });
  it('a parameter the callee assigns is not treated as a constant', () => {
    assert.deepEqual(errs('sys_flip'), ['EBUSY']);
  });
});

describe('code facts on token soup', () => {
  it('never throw or hang, whatever the statements look like', () => {
    const atoms = ['if', '(', ')', '{', '}', ';', 'return', '-EINVAL', '-EIO', 'goto', 'out', ':', 'else', 'do', 'while',
      'for', 'x', 'y', '0', '1', 'NULL', 'false', 'true', '=', '==', '!', 'f', 'g', ',', 'int', 'case', 'default', 'switch', '&', '++'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 120 }), (a) => {
      const body = a.join(' ');
      const text = `int f(int x, int y) {${body}}\nint g(int x) { return f(x, 0); }\nSYSCALL_DEFINE1(s, int, x) { return g(1); }\n${body}`;
      const ff = fileFacts(text, 't.c');
      for (const n of ff.functions.keys()) errorFacts(ff, n);
    }), { numRuns: 3000, seed: 17 });
  });
});
