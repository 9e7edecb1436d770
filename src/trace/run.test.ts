// kapi trace and kapi inject with commands that cannot run (missing, a directory, not executable,
// a format the kernel refuses, a missing interpreter) and with errnos that are unknown or that the
// spec does not list: exit 2 with a message naming the command or errno, or a run that says so.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { kapi } from '../testutil.js';
import { commandProblem } from './command.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-run-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string, mode: number) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
};
const plain = file('plain.txt', 'just text\n', 0o644);
const garbage = file('garbage', 'not a program\n', 0o755);
const noInterp = file('no-interp.sh', '#!/nonexistent/interpreter\n', 0o755);
const script = file('ok.sh', '#!/bin/sh\nexit 3\n', 0o755);

describe('commands that cannot run', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing path', ['/nonexistent/kapi-test'], /cannot run '\/nonexistent\/kapi-test': no such file/],
    ['a name not in PATH', ['kapi-test-no-such-command'], /cannot run 'kapi-test-no-such-command': not found in PATH/],
    ['a directory', [dir], /: is a directory/],
    ['a file without execute permission', [plain], /plain\.txt': is not executable/],
    ['an executable the kernel refuses', [garbage], /garbage': execve failed with ENOEXEC/],
    ['a script whose interpreter is missing', [noInterp], /no-interp\.sh': execve failed with ENOENT \(no such file, or its interpreter/],
  ];
  for (const [what, cmd, message] of cases) {
    it(`kapi trace: ${what} is exit 2 with a clear message`, () => {
      const r = kapi(['trace', '-q', '--', ...cmd]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
  it('kapi inject: the same', () => {
    for (const cmd of [['/nonexistent/kapi-test'], [garbage]]) {
      const r = kapi(['inject', '-q', '--api', 'close', '--', ...cmd]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot run '/);
    }
  });
  it('a program that runs and fails is no such case: its status is reported', () => {
    const r = kapi(['trace', '-q', '--', script]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^program: exited with 3$/m);
  });
  it('commandProblem searches PATH as execvp does', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'tool'), 'x');
    writeFileSync(join(b, 'tool'), '#!/bin/sh\n');
    chmodSync(join(b, 'tool'), 0o755);
    assert.equal(commandProblem('tool', `${a}:${b}`), undefined);
    assert.match(commandProblem('tool', a)!, /not found in PATH \(.*a\/tool is not executable\)/);
    assert.equal(commandProblem('tool', `/nonexistent:${a}/tool`), 'not found in PATH');
    assert.equal(commandProblem(''), 'the command name is empty');
    assert.equal(commandProblem(join(b, 'tool')), undefined);
  });
});

describe('kapi inject errnos', () => {
  it('an unknown errno name is a usage error naming it, and nothing runs', () => {
    const r = kapi(['inject', '--api', 'close', '--errno', 'EINVAL,EFOO', '--', '/bin/true']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown errno 'EFOO' in --errno/);
    assert.equal(r.stdout, '');
    assert.equal(kapi(['inject', '--api', 'close', '--errno', ',', '--', '/bin/true']).code, 2);
  });
  it('an errno the spec does not list is injected, and the output says so', () => {
    const r = kapi(['inject', '--api', 'close', '--errno', 'EPERM,-EBADF', '-f', 'json', '--', 'sh', '-c', 'exec 3</dev/null; exec 3<&-']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /EPERM is not among the errors sys_close lists; injected all the same/);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.results.map((x: { errno: string; listed: boolean }) => [x.errno, x.listed]), [['EPERM', false], ['EBADF', true]]);
    assert.ok(j.results.every((x: { calls: number }) => x.calls >= 1), r.stdout);
    const t = kapi(['inject', '-q', '--api', 'close', '--errno', 'EPERM', '--', 'sh', '-c', 'exec 3</dev/null; exec 3<&-']);
    assert.match(t.stdout, /^ {2}EPERM .* \(not listed by sys_close\)$/m);
  });
});
