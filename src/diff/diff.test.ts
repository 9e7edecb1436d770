// Every diff rule alone on a base/revision pair, realistic evolutions, the rule registry, and
// `kapi diff` end to end (formats, --fail-on, suppressions, inputs of every kind).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import type { ApiSpec } from '../model/types.js';
import { emitC } from '../sources/elf/fixture-c.js';
import { readSourcePath, specsFromC } from '../sources/index.js';
import { stringifyDoc, toJsonDoc } from '../model/json.js';
import { specsFromJson } from '../sources/json/index.js';
import { kapi, readFixture, repoPath, tempDir } from '../testutil.js';
import { diffSets, parseSuppressions, RULES } from './index.js';

const BASE = `/**
 * sys_demo - a demo call
 * @fd: a descriptor
 * @flags: flags
 *
 * long-desc: Does a demo thing.
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *   desc: d
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(O_CLOEXEC | O_NONBLOCK)
 *   desc: f
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *
 * error: EBADF, fd is not open
 *   desc: d
 *
 * lock: demo_lock
 *   type: mutex
 *
 * signal: SIGKILL
 *   direction: receive
 *   action: terminate
 *
 * side-effect: modify_state
 *   target: demo state
 *   reversible: yes
 */
SYSCALL_DEFINE2(demo, int, fd, unsigned int, flags)
{
}
`;

const parse = (text: string): ApiSpec[] => specsFromC(text, 'demo.c', new DiagSink());
const ids = (a: string, b: string) => diffSets(parse(a), parse(b)).map((f) => f.id).sort();

/** The networking rules: RFC v2 C macros only can say what they compare (NET_CASES below). */
type NetRule =
  | 'socket-state-narrowed' | 'socket-state-widened' | 'socket-transition-changed' | 'socket-transition-added'
  | 'protocol-behavior-changed' | 'protocol-behavior-added' | 'addr-family-removed' | 'addr-family-added'
  | 'addr-family-narrowed' | 'addr-family-widened' | 'buffer-narrowed' | 'buffer-widened' | 'async-narrowed'
  | 'async-widened' | 'net-semantics-changed' | 'net-feature-lost' | 'net-feature-gained' | 'network-doc-changed';

/** rule -> the edit of BASE that must trigger it (and only it, or with the rules listed). */
const CASES: Record<Exclude<keyof typeof RULES, NetRule>, [edit: (s: string) => string, also?: string[]]> = {
  'spec-removed': [() => ''],
  'spec-added': [(s) => s + s.replace(/demo/g, 'demo2')],
  'param-added': [(s) => s.replace('SYSCALL_DEFINE2(demo, int, fd, unsigned int, flags)', 'SYSCALL_DEFINE3(demo, int, fd, unsigned int, flags, int, extra)').replace(' * param: flags', ' * param: extra\n *   type: int, input\n *\n * param: flags')],
  'param-removed': [(s) => s.replace(', unsigned int, flags)', ')').replace('SYSCALL_DEFINE2', 'SYSCALL_DEFINE1').replace(/ \* param: flags\n( \*  .*\n)*/, '').replace(' * @flags: flags\n', '')],
  'param-renamed': [(s) => s.replace(/flags/g, 'mode').replace('O_CLOEXEC | O_NONBLOCK', 'O_CLOEXEC | O_NONBLOCK')],
  'param-retyped': [(s) => s.replace('unsigned int, flags', 'unsigned long, flags')],
  'constraint-narrowed': [(s) => s.replace('range(0, INT_MAX)', 'range(0, 1023)')],
  'constraint-widened': [(s) => s.replace('range(0, INT_MAX)', 'range(-1, INT_MAX)')],
  'flags-removed': [(s) => s.replace('mask(O_CLOEXEC | O_NONBLOCK)', 'mask(O_CLOEXEC)')],
  'flags-added': [(s) => s.replace('mask(O_CLOEXEC | O_NONBLOCK)', 'mask(O_CLOEXEC | O_NONBLOCK | O_DIRECT)')],
  'errno-added': [(s) => s.replace(' * lock: demo_lock', ' * error: EINVAL, flags has unknown bits\n *\n * lock: demo_lock')],
  'errno-removed': [(s) => s.replace(' * error: EBADF, fd is not open\n *   desc: d\n', '')],
  'return-changed': [(s) => s.replace('  check-type: exact\n *   success: 0', '  check-type: fd\n *   success-range: 0, INT_MAX')],
  'context-narrowed': [(s) => s.replace('contexts: process, sleepable', 'contexts: sleepable')],
  'context-widened': [(s) => s.replace('contexts: process, sleepable', 'contexts: process, sleepable, softirq')],
  'lock-added': [(s) => s.replace(' * signal: SIGKILL', ' * lock: other_lock\n *   type: spinlock\n *\n * signal: SIGKILL')],
  'lock-removed': [(s) => s.replace(' * lock: demo_lock\n *   type: mutex\n', '')],
  'capability-added': [(s) => s.replace(' * signal: SIGKILL', ' * capability: CAP_SYS_ADMIN\n *   type: bypass_check\n *\n * signal: SIGKILL')],
  'capability-removed': [(s) => s, []],
  'signal-added': [(s) => s.replace(' * side-effect:', ' * signal: ANY\n *   direction: receive\n *   action: return\n *\n * side-effect:')],
  'signal-removed': [(s) => s.replace(' * signal: SIGKILL\n *   direction: receive\n *   action: terminate\n', '')],
  'side-effects-changed': [(s) => s.replace('  reversible: yes', '  reversible: no')],
  'doc-changed': [(s) => s.replace('Does a demo thing.', 'Does a demo thing, now better described.')],
};

describe('each diff rule on its own base/revision pair', () => {
  for (const [id, [edit, also]] of Object.entries(CASES)) {
    it(id, () => {
      if (id === 'capability-removed') {
        // The reverse of capability-added.
        assert.deepEqual(ids(CASES['capability-added'][0](BASE), BASE), ['capability-removed']);
        return;
      }
      assert.deepEqual(ids(BASE, edit(BASE)), [id, ...(also ?? [])].sort());
    });
  }
  it('an unchanged spec has no finding', () => assert.deepEqual(ids(BASE, BASE), []));
  it('a range dropped altogether loses both ends', () => {
    const msgs = diffSets(parse(BASE), parse(BASE.replace(/ \*   constraint-type: range\(0, INT_MAX\)\n/, ''))).map((f) => `${f.id}: ${f.message}`);
    assert.deepEqual(msgs.filter((m) => /any more/.test(m)).sort(), [
      "constraint-widened: 'fd' has no maximum any more",
      "constraint-widened: 'fd' has no minimum any more",
    ]);
  });
});

const NET_BASE = `
DEFINE_KERNEL_API_SPEC(sys_demo)
	KAPI_DESCRIPTION("a demo socket call")
	KAPI_PARAM(0, "fd", "int", "the socket")
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
	KAPI_PARAM_END
	KAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_BOUND, KAPI_SOCK_STATE_LISTEN)
	KAPI_SOCKET_STATE_FORBID(KAPI_SOCK_STATE_CONNECTED)
	KAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_LISTEN)
	KAPI_SOCKET_STATE_COND("bound first")
	KAPI_SOCKET_STATE_PROTOS(KAPI_PROTO_TCP | KAPI_PROTO_UNIX)
	KAPI_SOCKET_STATE_END
	KAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_TCP, "streams")
		KAPI_PROTOCOL_FLAGS(0, "none")
	KAPI_PROTOCOL_BEHAVIOR_END
	KAPI_BUFFER_SPEC(KAPI_BUF_PEEK)
	KAPI_BUFFER_SIZE(1, 4096, 1024)
	KAPI_BUFFER_PARTIAL(false, "whole")
	KAPI_BUFFER_FRAGMENT("never")
	KAPI_BUFFER_END
	KAPI_ASYNC_SPEC(KAPI_ASYNC_NONBLOCK, -EAGAIN)
	KAPI_ASYNC_POLL(POLLIN, 0)
	KAPI_ASYNC_COMPLETION("data")
	KAPI_ASYNC_TIMEOUT(true, "SO_RCVTIMEO")
	KAPI_ASYNC_END
	KAPI_ADDR_FAMILY(0, AF_INET, "AF_INET", 16, 16, 16)
		KAPI_ADDR_FORMAT("sockaddr_in")
		KAPI_ADDR_FEATURES(true, false, false)
		KAPI_ADDR_SPECIAL("INADDR_ANY")
		KAPI_ADDR_PORTS(1, 65535)
	KAPI_ADDR_FAMILY_END
	KAPI_NET_CONNECTION_ORIENTED
	KAPI_NET_SUPPORTS_PEEK
	KAPI_NET_CONN_ESTABLISH("queued")
KAPI_END_SPEC;
`;

const sub = (from: string, to: string) => (s: string) => {
  assert.ok(s.includes(from), from);
  return s.replace(from, to);
};
const same = (s: string) => s;
const FAMILY = /\tKAPI_ADDR_FAMILY\(0[^]*KAPI_ADDR_FAMILY_END\n/;

/** rule -> how the old and the new side are made from NET_BASE (and the other rules expected). */
const NET_CASES: Record<NetRule, [old: (s: string) => string, now: (s: string) => string, also?: string[]]> = {
  'socket-state-narrowed': [same, sub('KAPI_SOCK_STATE_BOUND, KAPI_SOCK_STATE_LISTEN', 'KAPI_SOCK_STATE_BOUND')],
  'socket-state-widened': [same, sub('\tKAPI_SOCKET_STATE_FORBID(KAPI_SOCK_STATE_CONNECTED)\n', '')],
  'socket-transition-changed': [same, sub('RESULT(KAPI_SOCK_STATE_LISTEN)', 'RESULT(KAPI_SOCK_STATE_CONNECTED)')],
  'socket-transition-added': [sub('\tKAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_LISTEN)\n', ''), same],
  'protocol-behavior-changed': [same, sub('"streams"', '"byte streams, no boundaries"')],
  'protocol-behavior-added': [same, sub('\tKAPI_BUFFER_SPEC', '\tKAPI_PROTOCOL_BEHAVIOR(1, KAPI_PROTO_UDP, "datagrams")\n\tKAPI_PROTOCOL_BEHAVIOR_END\n\tKAPI_BUFFER_SPEC')],
  'addr-family-removed': [same, (s) => s.replace(FAMILY, '')],
  'addr-family-added': [(s) => s.replace(FAMILY, ''), same],
  'addr-family-narrowed': [same, sub('PORTS(1, 65535)', 'PORTS(1024, 65535)')],
  'addr-family-widened': [same, sub('FEATURES(true, false, false)', 'FEATURES(true, true, false)')],
  'buffer-narrowed': [same, sub('KAPI_BUFFER_SPEC(KAPI_BUF_PEEK)', 'KAPI_BUFFER_SPEC(0)')],
  'buffer-widened': [same, sub('SIZE(1, 4096, 1024)', 'SIZE(1, 8192, 1024)')],
  'async-narrowed': [same, sub('POLL(POLLIN, 0)', 'POLL(POLLPRI, 0)')],
  'async-widened': [same, sub('SPEC(KAPI_ASYNC_NONBLOCK,', 'SPEC(KAPI_ASYNC_NONBLOCK | KAPI_ASYNC_EPOLL,')],
  'net-semantics-changed': [same, sub('\tKAPI_NET_CONNECTION_ORIENTED\n', '')],
  'net-feature-lost': [same, sub('\tKAPI_NET_SUPPORTS_PEEK\n', '')],
  'net-feature-gained': [same, sub('\tKAPI_NET_SUPPORTS_PEEK\n', '\tKAPI_NET_SUPPORTS_PEEK\n\tKAPI_NET_SUPPORTS_OOB\n')],
  'network-doc-changed': [same, sub('"queued"', '"queued for accept()"')],
};

const netSpecs = (text: string): ApiSpec[] => {
  const d = new DiagSink();
  const specs = specsFromC(text, 'demo.c', d);
  assert.deepEqual(d.items, [], 'the networking base and its edits read cleanly');
  return specs;
};

describe('each networking diff rule on its own base/revision pair', () => {
  for (const [id, [old, now, also]] of Object.entries(NET_CASES)) {
    it(id, () => {
      const got = diffSets(netSpecs(old(NET_BASE)), netSpecs(now(NET_BASE)));
      assert.deepEqual(got.map((f) => f.id).sort(), [id, ...(also ?? [])].sort(), got.map((f) => f.message).join('; '));
    });
  }
  it('an unchanged networking spec has no finding', () => assert.deepEqual(diffSets(netSpecs(NET_BASE), netSpecs(NET_BASE)), []));
  it('values, not spelling: EWOULDBLOCK is EAGAIN, 1 << 0 is KAPI_PROTO_TCP', () => {
    const respelled = NET_BASE.replace('-EAGAIN)', '-EWOULDBLOCK)').replace('PROTOS(KAPI_PROTO_TCP | KAPI_PROTO_UNIX)', 'PROTOS((1 << 0) | 4)');
    assert.notEqual(respelled, NET_BASE);
    assert.deepEqual(diffSets(netSpecs(NET_BASE), netSpecs(respelled)), []);
  });
  it('the messages name what changed', () => {
    const msg = (id: NetRule) => {
      const [old, now] = NET_CASES[id];
      return diffSets(netSpecs(old(NET_BASE)), netSpecs(now(NET_BASE))).map((f) => f.message);
    };
    assert.deepEqual(msg('socket-state-narrowed'), ['a socket in state listen is no longer accepted']);
    assert.deepEqual(msg('socket-transition-changed'), ['a successful call leaves the socket in state connected, was listen']);
    assert.deepEqual(msg('addr-family-removed'), ['address family AF_INET is no longer supported']);
    assert.deepEqual(msg('addr-family-narrowed'), ['the lowest port of AF_INET is 1024, was 1']);
    assert.deepEqual(msg('protocol-behavior-changed'), ['the behaviour for tcp changed']);
    assert.deepEqual(msg('buffer-narrowed'), ['buffer behaviour peek is gone']);
    assert.deepEqual(msg('async-narrowed'), ['poll events for input are POLLPRI, were POLLIN']);
  });
  it('a transition removed with its whole socket state group is still reported', () => {
    const got = diffSets(netSpecs(NET_BASE), netSpecs(NET_BASE.replace(/\tKAPI_SOCKET_STATE_REQ[^]*KAPI_SOCKET_STATE_END\n/, '')));
    assert.deepEqual(got.map((f) => `${f.id}: ${f.message}`).sort(), [
      'network-doc-changed: the socket state condition is no longer given',
      'socket-state-widened: a socket in state connected is no longer refused',
      'socket-state-widened: the socket no longer has to be in state bound or listen',
      'socket-transition-changed: the socket state transition to listen was removed',
    ]);
  });
  it('a side without any networking (a later DSL generation) says nothing about it', () => {
    const bare = NET_BASE.split('\n').filter((l) => !/KAPI_(SOCKET|PROTOCOL|BUFFER|ASYNC|ADDR|NET)_|^\t\t?KAPI_ADDR/.test(l)).join('\n');
    assert.equal(netSpecs(bare)[0]!.network, undefined);
    assert.deepEqual(diffSets(netSpecs(NET_BASE), netSpecs(bare)), []);
  });
  it('the networking fixture diffs as no change against itself and its JSON snapshot', () => {
    const specs = readFixture('rfc2-net.c').specs;
    const snap = specsFromJson(stringifyDoc(toJsonDoc(readFixture('rfc2-net.c').set)), 'snap.json', new DiagSink());
    assert.deepEqual(diffSets(specs, snap), []);
  });
});

describe('the rule registry', () => {
  it('keys are ids; every rule has a level, a summary, a reason, and a test', () => {
    for (const [k, r] of Object.entries(RULES)) {
      assert.equal(r.id, k);
      assert.ok(['error', 'warning', 'info'].includes(r.level));
      assert.ok(r.why.length > 20 && r.summary.length > 5);
      assert.ok(k in CASES || k in NET_CASES);
    }
  });
});

describe('realistic evolutions', () => {
  let corpus: ApiSpec[] = [];
  before(async () => { corpus = await readSourcePath(repoPath('specs'), new DiagSink(), { displayRoot: 'specs' }); });

  it('a spec moved from the C-macro DSL to kernel-doc is no semantic change', () => {
    const asMacros = specsFromC(emitC(corpus, 'v4', 'specs'), 'generated.c', new DiagSink());
    assert.deepEqual(diffSets(asMacros, corpus), []);
  });
  it('mlock2 gains a flag and an errno; madvise narrows its start', () => {
    const edit = (s: ApiSpec): ApiSpec => {
      if (s.name === 'sys_mlock2') {
        const p = s.params!.map((x) => (x.name === 'flags' ? { ...x, constraint: { ...x.constraint, mask: { text: 'MLOCK_ONFAULT | 2', value: 3n } } } : x));
        return { ...s, params: p, errors: [...s.errors!, { name: 'EOVERFLOW', at: s.at, condition: 'too big' }] };
      }
      return s;
    };
    const got = diffSets(corpus, corpus.map(edit)).map((f) => `${f.spec} ${f.id}`).sort();
    assert.deepEqual(got, ['sys_mlock2 errno-added', 'sys_mlock2 flags-added']);
  });
});

describe('kapi diff', () => {
  const dir = tempDir('kapi-diff-');
  const old = join(dir, 'old.c');
  const now = join(dir, 'new.c');
  writeFileSync(old, BASE);
  writeFileSync(now, CASES['flags-removed'][0](CASES['errno-added'][0](BASE)));

  it('text output; exit 0 without --fail-on, 1 with it', () => {
    const r = kapi(['diff', old, now]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /new\.c:14:4: error\[flags-removed\]: 'flags' no longer accepts flag bits 0x800/);
    assert.match(r.stdout, /warning\[errno-added\]: EINVAL can now be returned: flags has unknown bits/);
    assert.equal(kapi(['diff', old, now, '--fail-on', 'error']).code, 1);
    assert.equal(kapi(['diff', old, old, '--fail-on', 'info']).code, 0);
    assert.equal(kapi(['diff', old, old]).stdout, 'no semantic change\n');
  });
  it('suppressions keep findings visible, with their reason, and out of --fail-on', () => {
    const sup = join(dir, 'sup.txt');
    writeFileSync(sup, '# accepted\nflags-removed sys_demo O_NONBLOCK was never implemented\n');
    const r = kapi(['diff', old, now, '--suppress', sup, '--fail-on', 'error']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /error\[flags-removed\].*\[suppressed: O_NONBLOCK was never implemented\]/);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'flags-removed sys_demo\n');
    assert.equal(kapi(['diff', old, now, '--suppress', bad]).code, 2);
    assert.deepEqual(parseSuppressions('nope x y').errors, ["line 1: unknown rule 'nope'"]);
    const mixed = parseSuppressions('  # whole-line comment\nflags-removed sys_demo see bug #123 # trailing comment\ndoc-changed sys_demo reworded #\n');
    assert.deepEqual(mixed.errors, []);
    assert.deepEqual(mixed.items.map((i) => [i.line, i.reason]), [[2, 'see bug #123'], [3, 'reworded']]);
  });
  it('json, markdown and sarif', () => {
    const j = JSON.parse(kapi(['diff', old, now, '-f', 'json']).stdout);
    assert.deepEqual(j.findings.map((f: { id: string }) => f.id).sort(), ['errno-added', 'flags-removed']);
    assert.ok(j.findings.every((f: { why: string }) => f.why.length > 0));
    assert.match(kapi(['diff', old, now, '-f', 'markdown']).stdout, /^\| error \| `flags-removed` \| `sys_demo` \|/m);
    const s = JSON.parse(kapi(['diff', old, now, '-f', 'sarif']).stdout);
    assert.equal(s.runs[0].results.length, 2);
  });
  it('any input kind on either side: snapshot, C, ELF, debugfs', () => {
    const snap = join(dir, 'snap.json');
    writeFileSync(snap, kapi(['-q', '-f', 'json']).stdout);
    assert.equal(kapi(['diff', snap, repoPath('specs')]).stdout, 'no semantic change\n');
    assert.equal(kapi(['diff', '/nonexistent', snap]).code, 2);
    assert.equal(kapi(['diff', snap]).code, 2);
  });
});
