// The RFC v2 networking vocabulary of the C-macro DSL: macros and raw initializers give one model,
// and bad networking input is reported at its place, never thrown.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec, NetworkSpec } from '../../model/types.js';
import { kapi } from '../../testutil.js';
import { specsFromC } from '../index.js';

const read = (body: string, name = 'sys_x', head = ''): { spec: ApiSpec | undefined; diags: string[] } => {
  const d = new DiagSink();
  const specs = specsFromC(`${head}DEFINE_KERNEL_API_SPEC(${name})\n${body}KAPI_END_SPEC;\n`, 'net.c', d);
  return { spec: specs[0], diags: d.items.map((x) => `${x.at}: ${x.severity}[${x.code}]: ${x.message}`) };
};

/** The networking part without positions, to compare two spellings of it. */
const shape = (n: NetworkSpec | undefined) => JSON.parse(JSON.stringify(n, (k, v) => (k === 'at' ? undefined : typeof v === 'bigint' ? `${v}` : v)));

describe('macros and raw initializers say the same', () => {
  const macros = `\tKAPI_DESCRIPTION("x")
\tKAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_BOUND)
\tKAPI_SOCKET_STATE_FORBID(KAPI_SOCK_STATE_CONNECTED, KAPI_SOCK_STATE_CLOSED)
\tKAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_LISTEN)
\tKAPI_SOCKET_STATE_COND("c")
\tKAPI_SOCKET_STATE_PROTOS(KAPI_PROTO_TCP | KAPI_PROTO_DCCP)
\tKAPI_SOCKET_STATE_END
\tKAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_NETLINK, "b")
\t\tKAPI_PROTOCOL_FLAGS(1 << 3, "f")
\tKAPI_PROTOCOL_BEHAVIOR_END
\tKAPI_PROTOCOL_BEHAVIOR_COUNT(1)
\tKAPI_BUFFER_SPEC(KAPI_BUF_SCATTER | KAPI_BUF_ZERO_COPY | KAPI_BUF_KERNEL_ALLOC | KAPI_BUF_DMA_CAPABLE | KAPI_BUF_FRAGMENT)
\tKAPI_BUFFER_SIZE(1, 2, 3)
\tKAPI_BUFFER_PARTIAL(true, "p")
\tKAPI_BUFFER_FRAGMENT("fr")
\tKAPI_BUFFER_END
\tKAPI_ASYNC_SPEC(KAPI_ASYNC_SIGNAL_DRIVEN | KAPI_ASYNC_AIO | KAPI_ASYNC_IO_URING, EWOULDBLOCK)
\tKAPI_ASYNC_POLL(1, 4)
\tKAPI_ASYNC_COMPLETION("done")
\tKAPI_ASYNC_TIMEOUT(1, "t")
\tKAPI_ASYNC_END
\tKAPI_ADDR_FAMILY(0, 16, "AF_NETLINK", 12, 12, 12)
\t\tKAPI_ADDR_FORMAT("nl")
\t\tKAPI_ADDR_FEATURES(false, true, false)
\t\tKAPI_ADDR_SPECIAL("pid 0")
\t\tKAPI_ADDR_PORTS(0, 0)
\tKAPI_ADDR_FAMILY_END
\tKAPI_ADDR_FAMILY_COUNT(1)
\tKAPI_NET_CONNECTION_ORIENTED
\tKAPI_NET_MESSAGE_ORIENTED
\tKAPI_NET_SUPPORTS_OOB
\tKAPI_NET_SUPPORTS_PEEK
\tKAPI_NET_REENTRANT
\tKAPI_NET_CONN_ESTABLISH("e")
\tKAPI_NET_CONN_TERMINATE("t")
\tKAPI_NET_DATA_TRANSFER("d")
`;
  const raw = `\tKAPI_DESCRIPTION("x")
\t.socket_state = {
\t\t.required_states = { KAPI_SOCK_STATE_BOUND }, .required_state_count = 1,
\t\t.forbidden_states = { KAPI_SOCK_STATE_CONNECTED, KAPI_SOCK_STATE_CLOSED }, .forbidden_state_count = 2,
\t\t.resulting_state = KAPI_SOCK_STATE_LISTEN, .state_condition = "c",
\t\t.applicable_protocols = KAPI_PROTO_TCP | KAPI_PROTO_DCCP,
\t},
\t.protocol_behaviors[0] = { .applicable_protocols = KAPI_PROTO_NETLINK, .behavior = "b", .protocol_flags = 8, .flag_description = "f" },
\t.protocol_behavior_count = 1,
\t.buffer_spec = {
\t\t.buffer_behaviors = 124, .min_buffer_size = 1, .max_buffer_size = 2, .optimal_buffer_size = 3,
\t\t.can_partial_transfer = true, .partial_transfer_rules = "p", .fragmentation_rules = "fr",
\t},
\t.async_spec = {
\t\t.supported_modes = 28, .nonblock_errno = -EWOULDBLOCK, .poll_events_in = 1, .poll_events_out = 4,
\t\t.completion_condition = "done", .supports_timeout = true, .timeout_behavior = "t",
\t},
\t.addr_families[0] = {
\t\t.family = 16, .family_name = "AF_NETLINK", .addr_struct_size = 12, .min_addr_len = 12, .max_addr_len = 12,
\t\t.addr_format = "nl", .supports_wildcard = 0, .supports_multicast = 1, .supports_broadcast = 0,
\t\t.special_addresses = "pid 0", .port_range_min = 0, .port_range_max = 0,
\t},
\t.addr_family_count = 1,
\t.is_connection_oriented = true, .is_message_oriented = true, .supports_oob_data = true,
\t.supports_peek = true, .is_reentrant = true,
\t.connection_establishment = "e", .connection_termination = "t", .data_transfer_semantics = "d",
`;
  it('every networking field, both ways, with no diagnostic', () => {
    const a = read(macros), b = read(raw);
    assert.deepEqual(a.diags, []);
    assert.deepEqual(b.diags, []);
    const norm = (n: NetworkSpec | undefined) => {
      const s = shape(n);
      // The texts differ (`1 << 3` and `8`); the values do not.
      for (const p of s.protocol_behaviors) p.flags = p.flags.value;
      for (const f of s.addr_families) for (const k of Object.keys(f)) if (f[k]?.value !== undefined) f[k] = f[k].value;
      for (const k of ['min_size', 'max_size', 'optimal_size']) s.buffer[k] = s.buffer[k].value;
      for (const k of ['poll_in', 'poll_out']) s.async[k] = s.async[k].value;
      return s;
    };
    assert.deepEqual(norm(a.spec!.network), norm(b.spec!.network));
    const n = a.spec!.network!;
    assert.deepEqual(n.buffer!.behaviors, ['dma_capable', 'fragment', 'kernel_alloc', 'scatter', 'zero_copy']);
    assert.deepEqual(n.async!.modes, ['aio', 'io_uring', 'signal_driven']);
    assert.equal(n.async!.nonblock_error, 'EWOULDBLOCK', 'a positive errno name is the errno');
    assert.deepEqual(n.socket_state!.protocols, ['dccp', 'tcp']);
    assert.deepEqual(n.protocol_behaviors![0]!.flags, { text: '1 << 3', value: 8n });
    assert.equal(n.addr_families![0]!.family!.value, 16n);
  });
  it('networking fields make a spec RFC v2, whatever else it uses', () => {
    assert.equal(read('\tKAPI_DESCRIPTION("x")\n').spec!.source_format, 'c-macro/rfc-v1');
    assert.equal(read('\tKAPI_DESCRIPTION("x")\n\t.is_reentrant = true,\n').spec!.source_format, 'c-macro/rfc-v2');
    assert.deepEqual(read('\tKAPI_DESCRIPTION("x")\n\t.is_reentrant = true,\n').spec!.network, { reentrant: true });
  });
  it('KAPI_SIGNAL_MASK_COUNT counts signal masks', () => {
    const ok = read('\tKAPI_SIGNAL_MASK(0, "m", "d")\n\tKAPI_SIGNAL_MASK_END\n\tKAPI_SIGNAL_MASK_COUNT(1)\n');
    assert.deepEqual(ok.diags, []);
    assert.equal(ok.spec!.signal_masks!.length, 1);
    assert.deepEqual(read('\tKAPI_SIGNAL_MASK(0, "m", "d")\n\tKAPI_SIGNAL_MASK_END\n\tKAPI_SIGNAL_MASK_COUNT(2)\n').diags,
      ['net.c:4:2: warning[count-mismatch]: signal_mask_count is 2 but the spec has 1 signal masks']);
  });
});

describe('bad networking input is reported at its place', () => {
  const cases: [body: string, diags: string[]][] = [
    ['\tKAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_BOUND, KAPI_SOCK_STATE_BOGUS)\n\tKAPI_SOCKET_STATE_END\n',
      ["net.c:2:47: error[unknown-token]: required socket state 'KAPI_SOCK_STATE_BOGUS' is not one of the KAPI_SOCK_STATE_* names"]],
    ['\tKAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_OPEN, KAPI_SOCK_STATE_OPEN)\n\tKAPI_SOCKET_STATE_END\n',
      ['net.c:2:46: warning[duplicate-entry]: required socket state open is listed twice']],
    ['\tKAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_OPEN)\n\tKAPI_SOCKET_STATE_PROTOS(KAPI_PROTO_TCP | 0x100)\n\tKAPI_SOCKET_STATE_END\n',
      ['net.c:3:2: error[unknown-token]: socket state protocols has unknown bits 0x100']],
    ['\tKAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_QUIC, "q")\n\tKAPI_PROTOCOL_BEHAVIOR_END\n',
      ["net.c:2:2: error[unknown-token]: protocol behaviour protocols 'KAPI_PROTO_QUIC' uses a name kapi does not know"]],
    ['\tKAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_OPEN)\n',
      ['net.c:2:2: error[bad-syntax]: .resulting_state is set outside its group: it belongs between KAPI_SOCKET_STATE_REQ ... KAPI_SOCKET_STATE_END']],
    ['\tKAPI_BUFFER_SIZE(0, 1, 1)\n',
      ['net.c:2:2: error[bad-syntax]: .min_buffer_size is set outside its group: it belongs between KAPI_BUFFER_SPEC ... KAPI_BUFFER_END']],
    ['\tKAPI_ASYNC_SPEC(KAPI_ASYNC_NONBLOCK, -EFOO)\n\tKAPI_ASYNC_END\n',
      ["net.c:2:2: error[unknown-errno]: non-blocking errno '-EFOO' is not an errno"]],
    ['\tKAPI_ASYNC_SPEC(KAPI_ASYNC_NONBLOCK | 0x40, -EAGAIN)\n\tKAPI_ASYNC_END\n',
      ['net.c:2:2: error[unknown-token]: asynchronous modes has unknown bits 0x40']],
    ['\tKAPI_ADDR_FAMILY(0, AF_INET, "AF_INET", 16, 16)\n',
      ['net.c:2:2: error[bad-syntax]: KAPI_ADDR_FAMILY takes 6 arguments, got 5']],
    ['\tKAPI_ADDR_FAMILY(0, AF_INET, "AF_INET", 16, 16, 16)\n\tKAPI_ADDR_FAMILY_END\n\tKAPI_ADDR_FAMILY_COUNT(2)\n\tKAPI_PROTOCOL_BEHAVIOR_COUNT(1)\n',
      ['net.c:4:2: warning[count-mismatch]: addr_family_count is 2 but the spec has 1 address families',
        'net.c:5:2: warning[count-mismatch]: protocol_behavior_count is 1 but the spec has 0 protocol behaviours']],
    ['\t.socket_state = { .required_states = { KAPI_SOCK_STATE_OPEN }, .required_state_count = 2 },\n',
      ['net.c:2:65: warning[count-mismatch]: required_state_count is 2 but the spec has 1 required states']],
    ['\t.buffer_spec = 0,\n', ['net.c:2:2: error[bad-value]: buffer spec must be a braced initializer']],
    ['\t.is_reentrant = "yes",\n', ['net.c:2:2: error[bad-value]: is_reentrant must be an integer constant, got \'"yes"\'']],
  ];
  for (const [body, want] of cases) {
    it(body.trim().split('\n')[0]!, () => assert.deepEqual(read(body).diags.sort(), want));
  }
  it('a string where a yes/no belongs is no value, not a crash', () => {
    assert.equal(read('\t.is_reentrant = "yes",\n').spec!.network?.reentrant, undefined);
  });

  const dir = mkdtempSync(join(tmpdir(), 'kapi-net-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  it('the command line: file:line:col diagnostics, exit 1, no stack trace', () => {
    const f = join(dir, 'bad.c');
    writeFileSync(f, 'DEFINE_KERNEL_API_SPEC(sys_x)\n\tKAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_NOPE)\n\tKAPI_SOCKET_STATE_END\nKAPI_END_SPEC;\n');
    const r = kapi(['--source', f, 'sys_x']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.c:2:24: error\[unknown-token\]: required socket state 'KAPI_SOCK_STATE_NOPE' is not one of the KAPI_SOCK_STATE_\* names \(in sys_x\)/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.match(r.stdout, /Socket state:\n {2}required states: none\n/);
  });
});
