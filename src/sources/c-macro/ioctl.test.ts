// The ioctl headers' macros (RFC v1 ioctl_api_spec.h, RFC v2 kernel_api_spec.h): each parameter
// helper yields exactly the parameter its definition expands to, each start form its command
// fields, and the outputs show them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec, Param } from '../../model/types.js';
import { FIXTURES, diagLines, kapi, readFixture } from '../../testutil.js';
import { bufferHasMarker } from '../scan.js';
import { mayHoldSpecs, specsFromC } from '../index.js';

const spec = (file: string, name: string): ApiSpec => {
  const s = readFixture(file).specs.find((x) => x.name === name);
  assert.ok(s, `${file}: ${name}`);
  return s;
};

/** A parameter without its source position, bigint values kept. */
function plain(p: Param): Omit<Param, 'at'> {
  const { at, ...rest } = p;
  void at;
  return rest;
}

const c = (text: string, value?: bigint) => (value === undefined ? { text } : { text, value });

/** What each helper expands to, for the arguments the fixtures give it. */
const SIZE: Omit<Param, 'at'> = {
  index: 0, name: 'size', c_type: '__u32', type: 'uint', flags: ['in'], description: 'Size of the structure',
  constraint: { kind: 'custom', description: 'Must match sizeof(struct)' },
};
const FLAGS: Omit<Param, 'at'> = {
  index: 1, name: 'flags', c_type: '__u32', type: 'uint', flags: ['in'], description: 'Feature flags',
  constraint: { kind: 'mask', mask: c('0', 0n) },
};
const len = (index: number, name: string, description: string, max: { text: string; value?: bigint }): Omit<Param, 'at'> => ({
  index, name, c_type: '__u32', type: 'uint', flags: ['in', 'out'], description,
  constraint: { kind: 'range', min: c('0', 0n), max },
});
const buf = (index: number, name: string, description: string, dir: 'in' | 'out', size: { index: number; name: string }): Omit<Param, 'at'> => ({
  index, name, c_type: '__aligned_u64', type: 'user_ptr', flags: [dir, 'user'], description, size_param: size,
});

describe('ioctl parameter helpers', () => {
  it('RFC v1 struct kapi_ioctl_spec wrapper: SIZE, LEN, USER_BUF, USER_OUT_BUF', () => {
    const s = spec('rfc1-ioctl-fwctl.c', 'fwctl_rpc');
    assert.deepEqual(s.params!.map((p) => p.index), [0, 1, 2, 3, 4, 5]);
    const p = s.params!.map(plain);
    assert.deepEqual(p[0], SIZE);
    assert.equal(p[1]!.name, 'scope');
    assert.deepEqual(p[2], len(2, 'in_len', 'Bytes of request in the in buffer', c('MAX_RPC_LEN')));
    assert.deepEqual(p[3], len(3, 'out_len', 'Room for the reply in the out buffer', c('MAX_RPC_LEN')));
    assert.deepEqual(p[4], buf(4, 'in', 'The request', 'in', { index: 2, name: 'in_len' }));
    assert.deepEqual(p[5], buf(5, 'out', 'Where the reply is written', 'out', { index: 3, name: 'out_len' }));
    assert.equal(s.ioctl!.cmd!.text, 'FWCTL_RPC');
    assert.equal(s.ioctl!.file_ops_name, 'fwctl_fops');
  });

  it('RFC v1 DEFINE_IOCTL_HANDLER: SIZE, FLAGS, LEN, USER_OUT_BUF and the command from the macro', () => {
    const s = spec('rfc1-ioctl-fwctl.c', 'fwctl_info_handler');
    const p = s.params!.map(plain);
    assert.deepEqual(p.map((x) => x.name), ['size', 'flags', 'out_device_type', 'device_data_len', 'out_device_data']);
    assert.deepEqual(p[0], SIZE);
    assert.deepEqual(p[1], FLAGS);
    assert.deepEqual(p[3], len(3, 'device_data_len', 'Room for the driver data', c('INT_MAX', 2147483647n)));
    assert.deepEqual(p[4], buf(4, 'out_device_data', 'Where the driver data is written', 'out', { index: 3, name: 'device_data_len' }));
    assert.equal(s.kind, 'ioctl');
    assert.equal(s.source_format, 'c-macro/rfc-v1');
    assert.deepEqual(s.ioctl, {
      cmd: c('FWCTL_INFO'), cmd_name: 'FWCTL_INFO',
      input_size: c('sizeof(struct fwctl_info)', 24n), output_size: c('sizeof(struct fwctl_info)', 24n),
    });
  });

  it('RFC v1 DEFINE_IOCTL_API_SPEC with KAPI_IOCTL_SIZE/KAPI_IOCTL_FILE_OPS, and KAPI_DEFINE_IOCTL_SPEC', () => {
    const wr = spec('rfc1-ioctl-binder.c', 'binder_ioctl_write_read');
    const p = wr.params!.map(plain);
    assert.deepEqual(p[2], buf(2, 'write_buffer', 'Commands for the driver', 'in', { index: 0, name: 'write_size' }));
    assert.deepEqual(p[5], buf(5, 'read_buffer', 'Return codes and transactions for the caller', 'out', { index: 3, name: 'read_size' }));
    assert.deepEqual(wr.ioctl, {
      cmd: c('BINDER_WRITE_READ'), cmd_name: 'BINDER_WRITE_READ', file_ops_name: 'binder_fops',
      input_size: c('sizeof(struct binder_write_read)', 48n), output_size: c('sizeof(struct binder_write_read)', 48n),
    });
    const fr = spec('rfc1-ioctl-binder.c', 'binder_ioctl_freeze');
    assert.deepEqual(fr.params!.map((x) => x.name), ['pid', 'enable', 'timeout_ms']);
    assert.deepEqual(fr.ioctl, {
      cmd: c('BINDER_FREEZE'), cmd_name: 'BINDER_FREEZE', file_ops_name: 'binder_fops',
      input_size: c('sizeof(struct binder_freeze_info)'), output_size: c('0', 0n),
    });
  });

  it('RFC v2 DEFINE_KAPI_IOCTL_SPEC: SIZE, FLAGS, USER_BUF, USER_OUT_BUF', () => {
    const info = spec('rfc2-ioctl.c', 'fwctl_ioctl_info');
    assert.equal(info.source_format, 'c-macro/rfc-v2');
    const p = info.params!.map(plain);
    assert.deepEqual(p[0], SIZE);
    assert.deepEqual(p[1], FLAGS);
    assert.deepEqual(p[4], buf(4, 'out_device_data', 'Where the driver data is written', 'out', { index: 3, name: 'device_data_len' }));
    const rpc = spec('rfc2-ioctl.c', 'fwctl_ioctl_rpc').params!.map(plain);
    assert.deepEqual(rpc[0], SIZE);
    assert.deepEqual(rpc[4], buf(4, 'in', 'The request', 'in', { index: 2, name: 'in_len' }));
    assert.deepEqual(rpc[5], buf(5, 'out', 'Where the reply is written', 'out', { index: 3, name: 'out_len' }));
  });

  it('the fixtures read with no diagnostic at all (no unknown macro, no count mismatch)', () => {
    for (const f of ['rfc1-ioctl-fwctl.c', 'rfc1-ioctl-binder.c', 'rfc2-ioctl.c', 'rfc1-ioctl.c']) {
      assert.deepEqual(diagLines(readFixture(f).diags), [], f);
    }
  });

  it('the existing wrapper and DEFINE_KAPI_IOCTL_SPEC fixtures are unchanged', () => {
    const w = spec('rfc1-ioctl.c', 'fwctl_info');
    assert.deepEqual(w.params!.map((p) => p.name), ['size', 'flags', 'device_data_len', 'out_device_data']);
    assert.equal(w.ioctl!.cmd_name, 'FWCTL_INFO');
    const b = spec('rfc2-macro.c', 'binder_write_read');
    assert.equal(b.params!.length, 6);
    assert.equal(b.ioctl!.file_ops_name, 'binder_fops');
  });
});

describe('ioctl macros: bad input', () => {
  const read = (text: string) => {
    const d = new DiagSink();
    const specs = specsFromC(text, 'bad.c', d);
    return { specs, diags: d.items.map((x) => `${x.at} ${x.severity} ${x.code}: ${x.message} (in ${x.spec})`) };
  };

  it('a helper with too few arguments is reported where it is and skipped', () => {
    const { specs, diags } = read(`DEFINE_KAPI_IOCTL_SPEC(demo)
	KAPI_IOCTL_PARAM_SIZE
	KAPI_IOCTL_PARAM_USER_BUF(1, "in", "The request")
KAPI_END_SPEC;
`);
    assert.deepEqual(diags, ['bad.c:3:2 error bad-syntax: KAPI_IOCTL_PARAM_USER_BUF takes 4 arguments, got 3 (in demo)']);
    assert.deepEqual(specs[0]!.params!.map((p) => p.name), ['size']);
  });

  it('a helper and KAPI_PARAM on the same index are a duplicate entry', () => {
    const { diags } = read(`DEFINE_KAPI_IOCTL_SPEC(demo)
	KAPI_IOCTL_PARAM_SIZE
	KAPI_PARAM(0, "len", "__u32", "Length")
	KAPI_PARAM_END
KAPI_END_SPEC;
`);
    assert.deepEqual(diags, ['bad.c:3:2 warning duplicate-entry: params[0] is opened twice (in demo)']);
  });

  it('start macros with too few arguments are reported, the spec is still read', () => {
    const { specs, diags } = read(`DEFINE_IOCTL_HANDLER(demo_handler, DEMO_CMD)
	KAPI_DESCRIPTION("Short")
KAPI_IOCTL_HANDLER_END;
KAPI_DEFINE_IOCTL_SPEC(demo_spec, DEMO_CMD, "DEMO_CMD")
	KAPI_DESCRIPTION("Short too")
KAPI_END_IOCTL_SPEC;
`);
    assert.deepEqual(diags, [
      'bad.c:1:1 error bad-syntax: DEFINE_IOCTL_HANDLER takes 4 arguments, got 2 (in demo_handler)',
      'bad.c:4:1 error bad-syntax: KAPI_DEFINE_IOCTL_SPEC takes 6 arguments, got 3 (in demo_spec)',
    ]);
    assert.deepEqual(specs.map((s) => [s.name, s.ioctl?.cmd?.text, s.description]), [
      ['demo_handler', 'DEMO_CMD', 'Short'], ['demo_spec', 'DEMO_CMD', 'Short too'],
    ]);
  });

  it('a spec left open before the next KAPI_DEFINE_IOCTL_SPEC is unterminated, the next one is read', () => {
    const { specs, diags } = read(`DEFINE_IOCTL_API_SPEC(first, FIRST_CMD, "FIRST_CMD")
	KAPI_DESCRIPTION("No end")
KAPI_DEFINE_IOCTL_SPEC(second, SECOND_CMD, "SECOND_CMD", 0, 0, "demo_fops")
	KAPI_DESCRIPTION("Second")
KAPI_END_IOCTL_SPEC;
`);
    assert.deepEqual(diags, ['bad.c:3:1 error unterminated-spec: spec \'first\' has no KAPI_END_SPEC before KAPI_DEFINE_IOCTL_SPEC (in first)']);
    assert.deepEqual(specs.map((s) => s.name), ['first', 'second']);
  });
});

describe('files holding only the RFC v1 ioctl start forms are read', () => {
  const texts = [
    'KAPI_DEFINE_IOCTL_SPEC(demo, DEMO_CMD, "DEMO_CMD", 0, 0, "demo_fops")\n\tKAPI_DESCRIPTION("D")\nKAPI_END_IOCTL_SPEC;\n',
    'DEFINE_IOCTL_HANDLER(demo, DEMO_CMD, demo_fn, struct demo_arg, last)\n\tKAPI_DESCRIPTION("D")\nKAPI_IOCTL_HANDLER_END;\n',
  ];
  for (const t of texts) {
    it(t.slice(0, t.indexOf('(')), () => {
      assert.ok(mayHoldSpecs(t));
      assert.ok(bufferHasMarker(Buffer.from(t)));
      const d = new DiagSink();
      assert.deepEqual(specsFromC(t, 'demo.c', d).map((s) => [s.name, s.kind]), [['demo', 'ioctl']]);
      assert.deepEqual(d.items, []);
    });
  }
});

describe('the outputs show the helper parameters', () => {
  const file = `${FIXTURES}/rfc1-ioctl-fwctl.c`;
  it('JSON', () => {
    const r = kapi(['--source', file, '-f', 'json', 'fwctl_rpc']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout) as { specs: { params: Record<string, unknown>[] }[] };
    const p = doc.specs[0]!.params;
    assert.deepEqual(p.map((x) => x['name']), ['size', 'scope', 'in_len', 'out_len', 'in', 'out']);
    assert.equal(p[0]!['c_type'], '__u32');
    assert.deepEqual(p[0]!['constraint'], { kind: 'custom', description: 'Must match sizeof(struct)' });
    assert.deepEqual(p[4]!['flags'], ['in', 'user']);
    assert.deepEqual(p[4]!['size_param'], { index: 2, name: 'in_len' });
    assert.deepEqual((p[3]!['constraint'] as Record<string, unknown>)['max'], { text: 'MAX_RPC_LEN' });
  });
  it('plain text', () => {
    const r = kapi(['--source', file, 'fwctl_info_handler']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /Parameters \(5\):/);
    assert.match(r.stdout, /\[0\] size \(__u32\)\n\s+description: Size of the structure\n\s+type: uint\n\s+flags: in\n\s+constraint: custom\n\s+constraint text: Must match sizeof\(struct\)/);
    assert.match(r.stdout, /\[1\] flags \(__u32\)[^[]*constraint: mask\n\s+valid mask: 0\n/);
    assert.match(r.stdout, /\[3\] device_data_len \(__u32\)[^[]*flags: in, out\n\s+constraint: range\n\s+range: 0 \.\. INT_MAX/);
    assert.match(r.stdout, /\[4\] out_device_data \(__aligned_u64\)[^[]*type: user_ptr\n\s+flags: out, user\n\s+size from: device_data_len \(parameter 3\)/);
    assert.match(r.stdout, /command name: FWCTL_INFO/);
  });
});
