// Every DSL generation on its realistic fixture: which specs, what they hold, which diagnostics.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiSpec } from '../model/types.js';
import { FIXTURE_FILES, diagLines, readFixture } from '../testutil.js';

type Counts = [params: number, errors: number, locks: number, signals: number, effects: number,
  trans: number, caps: number, constraints: number, structs: number];

/** name -> kind, source format and list sizes (P E L S SE ST C K SS). */
const EXPECTED: Record<string, Record<string, [ApiSpec['kind'], string, Counts]>> = {
  'rfc1-macro.c': {
    sys_mlock2: ['syscall', 'c-macro/rfc-v1', [3, 5, 1, 1, 1, 1, 0, 1, 0]],
    sys_epoll_ctl: ['syscall', 'c-macro/rfc-v1', [4, 9, 2, 0, 2, 0, 0, 0, 1]],
    sys_epoll_wait: ['syscall', 'c-macro/rfc-v1', [4, 4, 0, 1, 0, 0, 0, 0, 0]],
  },
  'rfc1-count-mismatch.c': { sys_munlock: ['syscall', 'c-macro/rfc-v1', [2, 2, 0, 0, 0, 0, 0, 0, 0]] },
  'rfc1-ioctl.c': { fwctl_info: ['ioctl', 'c-macro/rfc-v1', [4, 5, 1, 0, 0, 0, 0, 0, 0]] },
  'rfc2-macro.c': {
    sys_remap_file_pages: ['syscall', 'c-macro/rfc-v2', [5, 4, 1, 1, 1, 0, 1, 0, 0]],
    queue_max_sectors_kb: ['sysfs', 'c-macro/rfc-v2', [1, 1, 0, 0, 0, 0, 0, 0, 0]],
    binder_write_read: ['ioctl', 'c-macro/rfc-v2', [6, 3, 0, 0, 0, 0, 0, 0, 0]],
  },
  'rfc2-epoll-pwait.c': {
    sys_epoll_pwait: ['syscall', 'c-macro/rfc-v2', [6, 4, 0, 1, 0, 0, 0, 0, 0]],
    sys_epoll_pwait2: ['syscall', 'c-macro/rfc-v2', [6, 4, 0, 0, 0, 0, 0, 0, 0]],
  },
  'rfc1-ioctl-fwctl.c': {
    fwctl_rpc: ['ioctl', 'c-macro/rfc-v1', [6, 5, 0, 0, 0, 0, 0, 0, 0]],
    fwctl_info_handler: ['ioctl', 'c-macro/rfc-v1', [5, 2, 0, 0, 0, 0, 0, 0, 0]],
  },
  'rfc1-ioctl-binder.c': {
    binder_ioctl_write_read: ['ioctl', 'c-macro/rfc-v1', [6, 3, 0, 0, 0, 0, 0, 0, 0]],
    binder_ioctl_freeze: ['ioctl', 'c-macro/rfc-v1', [3, 2, 0, 0, 0, 0, 0, 0, 0]],
  },
  'rfc2-ioctl.c': {
    fwctl_ioctl_info: ['ioctl', 'c-macro/rfc-v2', [5, 2, 0, 0, 0, 0, 0, 0, 0]],
    fwctl_ioctl_rpc: ['ioctl', 'c-macro/rfc-v2', [6, 2, 0, 0, 0, 0, 0, 0, 0]],
  },
  'rfc2-net.c': {
    sys_socket: ['syscall', 'c-macro/rfc-v2', [3, 5, 0, 1, 1, 1, 1, 1, 0]],
    sys_recvfrom: ['syscall', 'c-macro/rfc-v2', [6, 5, 0, 1, 0, 0, 0, 0, 0]],
    sys_listen: ['syscall', 'c-macro/rfc-v2', [2, 4, 0, 0, 0, 0, 0, 0, 0]],
  },
  'rfc2-net-bad.c': { sys_connect: ['syscall', 'c-macro/rfc-v2', [3, 1, 0, 0, 0, 0, 0, 0, 0]] },
  'rfc3-flat.c': { sys_mlock: ['syscall', 'kernel-doc/rfc-v3', [2, 5, 1, 1, 2, 1, 1, 0, 0]] },
  'rfc4-block.c': { sys_execveat: ['syscall', 'kernel-doc/rfc-v4', [5, 8, 1, 1, 0, 0, 1, 0, 0]] },
  'patch4-kdoc.c': {
    sys_dup3: ['syscall', 'kernel-doc/patch-v4', [3, 4, 1, 0, 1, 1, 0, 0, 0]],
    sys_pipe2: ['syscall', 'kernel-doc/patch-v4', [2, 5, 0, 0, 1, 1, 0, 1, 0]],
    pipe_ioctl: ['ioctl', 'kernel-doc/patch-v4', [3, 2, 1, 0, 0, 0, 0, 0, 0]],
    kapi_demo_helper: ['function', 'kernel-doc/patch-v4', [1, 1, 0, 0, 0, 0, 0, 0, 0]],
  },
  'not-specs.c': {},
  'malformed.c': {
    sys_timerfd_create: ['syscall', 'kernel-doc/patch-v4', [2, 4, 0, 0, 0, 0, 1, 0, 0]],
    sys_timerfd_settime: ['syscall', 'kernel-doc/patch-v4', [4, 2, 0, 0, 0, 0, 0, 0, 0]],
    sys_timerfd_gettime: ['syscall', 'kernel-doc/patch-v4', [2, 3, 0, 0, 0, 0, 0, 0, 0]],
  },
};

function counts(s: ApiSpec): Counts {
  return [
    s.params?.length ?? 0, s.errors?.length ?? 0, s.locks?.length ?? 0, s.signals?.length ?? 0,
    s.side_effects?.length ?? 0, s.state_transitions?.length ?? 0, s.capabilities?.length ?? 0,
    s.constraints?.length ?? 0, s.struct_specs?.length ?? 0,
  ];
}

describe('fixtures: specs, kinds, generations and list sizes', () => {
  for (const file of FIXTURE_FILES) {
    it(file, () => {
      const { specs } = readFixture(file);
      const want = EXPECTED[file]!;
      assert.deepEqual(specs.map((s) => s.name).sort(), Object.keys(want).sort());
      for (const s of specs) {
        const [kind, format, c] = want[s.name]!;
        assert.equal(s.kind, kind, `${s.name} kind`);
        assert.equal(s.source_format, format, `${s.name} format`);
        assert.deepEqual(counts(s), c, `${s.name} counts`);
      }
    });
  }
});

describe('fixtures: diagnostics are exactly the expect markers', () => {
  for (const file of FIXTURE_FILES) {
    it(file, () => {
      const { diags, expected } = readFixture(file);
      assert.deepEqual(diagLines(diags), expected);
    });
  }
});

const spec = (file: string, name: string) => readFixture(file).specs.find((s) => s.name === name)!;
const param = (s: ApiSpec, name: string) => s.params!.find((p) => p.name === name)!;

describe('RFC v1 macro quirks', () => {
  const s = spec('rfc1-macro.c', 'sys_mlock2');
  it('joins adjacent literals exactly as C does, escapes decoded', () => {
    assert.match(s.long_description!, /lock on fault" mode\)\.\nLocked memory/);
    assert.doesNotMatch(s.long_description!, /"\s*\n\s*"/);
  });
  it('evaluates masks and keeps the text', () => {
    assert.deepEqual(param(s, 'flags').constraint!.mask, { text: 'MLOCK_ONFAULT', value: 1n });
  });
  it('reads file-scope helper arrays for enum values', () => {
    assert.deepEqual(param(s, 'flags').constraint!.values!.map((v) => v.text), ['0', 'MLOCK_ONFAULT']);
  });
  it('maps acquired+released onto the internal scope', () => {
    assert.equal(s.locks![0]!.scope, 'internal');
    assert.equal(s.locks![0]!.legacy, undefined);
  });
  it('keeps 64-bit limits exact', () => {
    assert.equal(param(s, 'len').constraint!.max!.value, 0x7fffffffffffffffn);
  });
  it('two-literal KAPI_DESCRIPTION is one description', () => {
    assert.ok(!spec('rfc1-macro.c', 'sys_epoll_wait').description!.includes('"'));
  });
  it('compound literals and sizeof multipliers', () => {
    const ctl = spec('rfc1-macro.c', 'sys_epoll_ctl');
    assert.deepEqual(param(ctl, 'op').constraint!.values!.map((v) => v.value), [1n, 2n, 3n]);
    const wait = spec('rfc1-macro.c', 'sys_epoll_wait');
    assert.equal(param(wait, 'events').size_param!.index, 2);
    assert.equal(param(wait, 'events').size_multiplier!.value, 12n);
  });
  it('struct specs with their fields', () => {
    const st = spec('rfc1-macro.c', 'sys_epoll_ctl').struct_specs![0]!;
    assert.equal(st.name, 'epoll_event');
    assert.equal(st.fields.length, 2);
  });
});

describe('RFC v1 ioctl and RFC v2 forms', () => {
  it('KAPI_PARAM_INOUT is IN|OUT as the RFC v1 header redefines it', () => {
    assert.deepEqual(param(spec('rfc1-ioctl.c', 'fwctl_info'), 'device_data_len').flags, ['in', 'out']);
  });
  it('ioctl wrapper struct: cmd and the nested api_spec', () => {
    const s = spec('rfc1-ioctl.c', 'fwctl_info');
    assert.equal(s.ioctl!.cmd!.text, 'FWCTL_INFO');
    assert.equal(s.ioctl!.file_ops_name, 'fwctl_fops');
  });
  it('sysfs attribute details', () => {
    const s = spec('rfc2-macro.c', 'queue_max_sectors_kb');
    const p = s.params![0]!;
    assert.equal(p.sysfs!.path, '/sys/block/<disk>/queue/max_sectors_kb');
    assert.equal(p.sysfs!.permissions!.value, 0o644n);
    assert.equal(p.sysfs!.units, 'KiB');
    assert.equal(s.sysfs!.subsystem, 'block');
  });
  it('capabilities, deprecation and signal extras', () => {
    const s = spec('rfc2-macro.c', 'sys_remap_file_pages');
    assert.equal(s.capabilities![0]!.name, 'CAP_IPC_LOCK');
    assert.equal(s.capabilities![0]!.action, 'bypass_check');
    assert.equal(s.deprecated, true);
    assert.equal(s.replacement, 'mmap');
    assert.equal(s.signals![0]!.error, 'EINTR');
    assert.equal(s.signals![0]!.timing, 'during');
  });
});

describe('kernel-doc generations', () => {
  it('RFC v3 flat tags land on the same fields as blocks', () => {
    const s = spec('rfc3-flat.c', 'sys_mlock');
    assert.deepEqual(s.contexts, ['process', 'sleepable']);
    assert.equal(s.signals![0]!.name, 'FATAL');
    assert.equal(s.side_effects![0]!.reversible, true);
    assert.equal(s.side_effects![1]!.reversible, undefined);
    assert.equal(s.since_version?.length ? true : false, true);
  });
  it('RFC v4 blocks: KAPI names, parameter named flags', () => {
    const s = spec('rfc4-block.c', 'sys_execveat');
    assert.equal(param(s, 'flags').type, 'int');
    assert.equal(s.capabilities![0]!.name, 'CAP_SYS_RESOURCE');
    assert.equal(s.params!.map((p) => p.index).join(','), '0,1,2,3,4');
  });
  it('PATCH v4 short tokens, arch masks and extensions', () => {
    const s = spec('patch4-kdoc.c', 'sys_pipe2');
    assert.equal(param(s, 'flags').arch_masks!.length, 3);
    assert.equal(param(s, 'fildes').ext!['kapi-semantic'], 'fd:pipe');
    assert.ok(param(s, 'fildes').flags!.includes('user'));
    assert.equal(spec('patch4-kdoc.c', 'kapi_demo_helper').ext!['kapi-note']?.length ? true : false, true);
  });
  it('C types come from the signature', () => {
    const s = spec('patch4-kdoc.c', 'sys_dup3');
    assert.equal(param(s, 'oldfd').c_type, 'unsigned int');
  });
  it('a malformed spec does not stop the others', () => {
    const { specs } = readFixture('malformed.c');
    assert.equal(specs.find((s) => s.name === 'sys_timerfd_gettime')!.errors!.length, 3);
  });
});

describe('RFC v2 networking', () => {
  const { specs, diags } = readFixture('rfc2-net.c');
  const get = (name: string) => specs.find((s) => s.name === name)!.network!;

  it('the posted socket() shape reads with no unknown macro or field', () => {
    assert.deepEqual(diags.items.filter((d) => /^unknown-/.test(d.code)), []);
    assert.deepEqual(diags.items, []);
  });
  it('socket(): state machine, protocol behaviours, empty buffer and blocking-only async', () => {
    const n = get('sys_socket');
    assert.deepEqual(n.socket_state, {
      required: ['unspec'], result: 'open', protocols: ['all'],
      condition: 'The socket is new: it starts open, unbound and unconnected', at: 'rfc2-net.c:93:2',
    });
    assert.deepEqual(n.protocol_behaviors!.map((b) => b.protocols), [['tcp'], ['udp'], ['unix'], ['packet', 'raw']]);
    assert.equal(n.protocol_behaviors![0]!.description, 'A stream socket: reliable, ordered bytes once connected, with no message boundaries');
    assert.deepEqual(n.protocol_behaviors![0]!.flags, { text: '0', value: 0n });
    assert.equal(n.protocol_behaviors![2]!.flags, undefined, 'no KAPI_PROTOCOL_FLAGS: no flags');
    assert.deepEqual(n.buffer!.behaviors, [], 'KAPI_BUFFER_SPEC(0) says: no behaviour');
    assert.deepEqual(n.buffer!.max_size, { text: '0', value: 0n });
    assert.deepEqual(n.async, { modes: [], at: 'rfc2-net.c:127:2' }, 'KAPI_ASYNC_BLOCK with errno 0: blocking, no errno');
  });
  it('socket(): address families with their features and ports', () => {
    const f = get('sys_socket').addr_families!;
    assert.deepEqual(f.map((a) => [a.name, a.family!.text, a.min_len!.value, a.max_len!.value]), [
      ['AF_UNIX/AF_LOCAL', 'AF_UNIX', 2n, 110n], ['AF_INET', 'AF_INET', 16n, 16n], ['AF_INET6', 'AF_INET6', 24n, 28n],
    ]);
    assert.deepEqual(f.map((a) => [a.wildcard, a.multicast, a.broadcast]), [[false, false, false], [true, true, true], [true, true, false]]);
    assert.deepEqual(f[1]!.addr_size, { text: 'sizeof(struct sockaddr_in)' });
    assert.deepEqual([f[1]!.port_min!.value, f[1]!.port_max!.value], [0n, 65535n]);
    assert.match(f[0]!.special!, /abstract namespace/);
  });
  it('socket(): raw .is_connection_oriented-style fields, false kept apart from absent', () => {
    const n = get('sys_socket');
    assert.deepEqual(
      [n.connection_oriented, n.message_oriented, n.supports_oob, n.supports_peek, n.supports_select_poll, n.reentrant],
      [false, false, false, false, false, true]);
    assert.equal(n.data_transfer, 'None: socket() only creates the endpoint');
    assert.equal(n.connection_establishment, undefined);
  });
  it('recvfrom(): forbidden states, buffer and async details, KAPI_NET_* properties', () => {
    const n = get('sys_recvfrom');
    assert.deepEqual(n.socket_state!.required, ['connected', 'established']);
    assert.deepEqual(n.socket_state!.forbidden, ['listen', 'closed']);
    assert.equal(n.socket_state!.result, undefined);
    assert.deepEqual(n.socket_state!.protocols, ['sctp', 'tcp', 'unix']);
    assert.deepEqual(n.protocol_behaviors!.map((b) => b.flags!.text), ['MSG_OOB', 'MSG_TRUNC']);
    assert.deepEqual(n.buffer!.behaviors, ['peek', 'truncate']);
    assert.equal(n.buffer!.max_size!.value, 0x7fffffffn);
    assert.equal(n.buffer!.partial, true);
    assert.match(n.buffer!.fragmentation_rules!, /never split/);
    assert.deepEqual(n.async!.modes, ['epoll', 'nonblock', 'poll_ready']);
    assert.equal(n.async!.nonblock_error, 'EAGAIN');
    assert.deepEqual(n.async!.poll_in, { text: 'POLLIN | POLLRDNORM' });
    assert.equal(n.async!.timeout, true);
    assert.deepEqual([n.supports_oob, n.supports_peek, n.supports_select_poll, n.reentrant], [true, true, true, true]);
    assert.equal(n.connection_oriented, undefined, 'not said: absent, not false');
    assert.match(n.connection_termination!, /orderly shutdown/);
    assert.equal(specs.find((s) => s.name === 'sys_recvfrom')!.signal_masks!.length, 1);
  });
  it('a spec with mistakes keeps what is right around them', () => {
    const n = readFixture('rfc2-net-bad.c').specs[0]!.network!;
    assert.deepEqual(n.socket_state!.required, ['open', 'bound']);
    assert.deepEqual([n.socket_state!.forbidden, n.socket_state!.result, n.socket_state!.protocols], [['listen'], 'syn_sent', ['tcp']]);
    assert.deepEqual(n.protocol_behaviors!.map((b) => [b.description, b.flags]), [['Starts the three-way handshake', undefined]]);
    assert.deepEqual([n.async!.modes, n.async!.nonblock_error, n.async!.poll_out], [['nonblock'], undefined, { text: 'POLLOUT' }]);
    const f = n.addr_families![0]!;
    assert.deepEqual([f.wildcard, f.multicast, f.broadcast, f.port_max!.value], [false, false, undefined, 65535n]);
    assert.equal(n.connection_oriented, true);
  });
  it('listen(): the same vocabulary as raw designated initializers', () => {
    const n = get('sys_listen');
    assert.deepEqual(n.socket_state, {
      required: ['bound', 'listen'], forbidden: ['connected'], result: 'listen',
      condition: 'Listening again only changes the backlog', protocols: ['sctp', 'tcp', 'unix'], at: 'rfc2-net.c:340:2',
    });
    assert.deepEqual(n.protocol_behaviors!.map((b) => [b.protocols, b.flags?.value]), [[['raw', 'udp'], 0n]]);
    assert.deepEqual(n.buffer!.behaviors, []);
    assert.deepEqual([n.async!.modes, n.async!.nonblock_error, n.async!.timeout], [[], undefined, false]);
    const f = n.addr_families![0]!;
    assert.deepEqual([f.name, f.family!.text, f.wildcard, f.multicast, f.broadcast, f.port_min!.value], ['AF_INET6', 'AF_INET6', true, false, undefined, 1n]);
    assert.deepEqual([n.connection_oriented, n.message_oriented, n.reentrant, n.supports_peek], [true, false, true, undefined]);
  });
});
