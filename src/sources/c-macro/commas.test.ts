// The last entry before a closing brace needs no comma in C, and a macro whose expansion starts
// with `}` (KAPI_PARAM_END, KAPI_END_SPEC, ...) stands for that brace: every list form reads the
// same with and without the trailing comma, and without a diagnostic.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DiagSink } from '../../diag/index.js';
import type { ApiSpec } from '../../model/types.js';
import { FIXTURES, diagLines, expectations, repoPath } from '../../testutil.js';
import { lex } from '../c/lexer.js';
import { specsFromC } from '../index.js';
import { closesFirst, END_MACROS, MACROS } from './macros.js';
import { parseMacroFile } from './parse.js';

function read(text: string, file = 'x.c'): { specs: ApiSpec[]; diags: string[] } {
  const d = new DiagSink();
  const specs = specsFromC(text, file, d);
  return { specs, diags: d.items.map((x) => `${x.at}: ${x.code}: ${x.message}`) };
}

/** The text with every comma that directly precedes `}` or a brace-opening macro blanked out. */
function withoutTrailingCommas(text: string): { text: string; removed: number } {
  const toks = lex(text).tokens;
  const lines = text.split('\n');
  let removed = 0;
  for (let k = 0; k + 1 < toks.length; k++) {
    const x = toks[k]!;
    const next = toks[k + 1]!;
    const closes = next.text === '}' || (next.kind === 'ident' && closesFirst(next.text));
    if (x.kind !== 'punct' || x.text !== ',' || !closes) continue;
    const line = lines[x.line - 1]!;
    assert.equal(line[x.col - 1], ',', `token position ${x.line}:${x.col}`);
    lines[x.line - 1] = line.slice(0, x.col - 1) + ' ' + line.slice(x.col);
    removed++;
  }
  return { text: lines.join('\n'), removed };
}

describe('no trailing comma before a closing brace or *_END macro', () => {
  // The C-macro fixtures that write trailing commas (rfc2-macro.c writes macros only).
  const MACRO_FIXTURES = ['rfc1-macro.c', 'rfc1-count-mismatch.c', 'rfc1-ioctl.c', 'rfc1-ioctl-fwctl.c', 'rfc1-ioctl-binder.c'];
  for (const f of MACRO_FIXTURES) {
    it(`${f} reads the same with those commas removed`, () => {
      const { stripped } = expectations(readFileSync(repoPath(`${FIXTURES}/${f}`), 'utf8'));
      const { text, removed } = withoutTrailingCommas(stripped);
      assert.ok(removed >= 3, `${f}: only ${removed} commas removed`);
      const d1 = new DiagSink();
      const d2 = new DiagSink();
      const before = specsFromC(stripped, f, d1);
      const after = specsFromC(text, f, d2);
      assert.deepEqual(diagLines(d2), diagLines(d1));
      assert.deepEqual(after, before);
    });
  }

  it('a value ends at every macro whose expansion starts with a closing brace', () => {
    const names = [...END_MACROS, ...Object.keys(MACROS).filter((n) => closesFirst(n))];
    assert.ok(names.includes('KAPI_PARAM_END') && names.includes('KAPI_SIGNAL_MASK_END') && names.includes('KAPI_IOCTL_SIZE'));
    for (const n of names) {
      const text = `DEFINE_KERNEL_API_SPEC(sys_x)\n\t.notes = "a" "b"\n\t${n}\n\tKAPI_END_SPEC;\n`;
      const mf = parseMacroFile(lex(text).tokens, 'x.c', new DiagSink());
      const notes = mf.specs[0]!.root.fields.get('notes');
      assert.equal(notes?.kind, 'leaf', n);
      assert.deepEqual(notes.kind === 'leaf' && notes.toks.map((x) => x.text), ['"a"', '"b"'], n);
    }
  });

  it('every macro group: the last raw initializer before its *_END macro', () => {
    const { specs, diags } = read(`
DEFINE_KERNEL_API_SPEC(sys_groups)
	KAPI_DESCRIPTION("Every group with its last entry written without a comma")
	KAPI_PARAM(0, "buf", "void __user *", "Buffer")
		.type = KAPI_TYPE_USER_PTR,
		.size_param_idx = 1
	KAPI_PARAM_END
	KAPI_PARAM(1, "len", "size_t", "Length")
		.min_value = 0,
		.max_value = 4096
	KAPI_PARAM_END
	KAPI_RETURN("long", "Zero or a negative errno")
		.success_value = 0
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad length", "len is too large")
	KAPI_LOCK(0, "demo_mutex", KAPI_LOCK_MUTEX)
		.description = "Serialises the copy"
	KAPI_LOCK_END
	KAPI_CONSTRAINT(0, "fits", "The buffer holds len bytes")
		.expression = "len <= 4096"
	KAPI_CONSTRAINT_END
	KAPI_SIGNAL(0, SIGKILL, "SIGKILL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_TERMINATE)
		.condition = "Always"
	KAPI_SIGNAL_END
	KAPI_SIGNAL_MASK(0, "blocked", "Blocked while copying")
		.description = "Nothing is blocked"
	KAPI_SIGNAL_MASK_END
	KAPI_STRUCT_SPEC(0, demo_args, "The argument block")
		KAPI_STRUCT_FIELD(0, "len", KAPI_TYPE_UINT, "__u32", "Length")
			.offset = 0
		KAPI_STRUCT_FIELD_END
		.size = 8
	KAPI_STRUCT_SPEC_END
	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_MODIFY_STATE, "buffer", "Fills the buffer")
		.condition = "On success"
	KAPI_SIDE_EFFECT_END
	KAPI_STATE_TRANS(0, "buffer", "empty", "filled", "The copy")
		.condition = "On success"
	KAPI_STATE_TRANS_END
	KAPI_CAPABILITY(0, CAP_SYS_ADMIN, "CAP_SYS_ADMIN", KAPI_CAP_BYPASS_CHECK)
		.allows = "Larger copies"
	KAPI_CAPABILITY_END
	.param_count = 2,
	.since_version = "6.1"
KAPI_END_SPEC;
`);
    assert.deepEqual(diags, []);
    const s = specs[0]!;
    assert.equal(s.params![0]!.size_param!.name, 'len');
    assert.equal(s.params![1]!.constraint!.max!.value, 4096n);
    assert.equal(s.return!.success!.value, 0n);
    assert.equal(s.errors!.length, 1);
    assert.equal(s.locks![0]!.description, 'Serialises the copy');
    assert.equal(s.constraints![0]!.expression, 'len <= 4096');
    assert.equal(s.signals![0]!.condition, 'Always');
    assert.equal(s.signal_masks![0]!.description, 'Nothing is blocked');
    assert.equal(s.struct_specs![0]!.fields[0]!.offset!.value, 0n);
    assert.equal(s.struct_specs![0]!.size!.value, 8n);
    assert.equal(s.side_effects![0]!.condition, 'On success');
    assert.equal(s.state_transitions![0]!.condition, 'On success');
    assert.equal(s.capabilities![0]!.allows, 'Larger copies');
    assert.equal(s.since_version, '6.1');
  });

  it('braced initializers, arrays, compound literals and macro arguments', () => {
    const { specs, diags } = read(`
static const s64 demo_modes[] = { 1, 2, 4 };
DEFINE_KERNEL_API_SPEC(sys_lists)
	KAPI_DESCRIPTION("Lists without a trailing comma")
	.params[0] = {
		.name = "mode",
		.type = KAPI_TYPE_INT,
		.constraint_type = KAPI_CONSTRAINT_ENUM,
		.enum_values = demo_modes
	},
	.params[1] = {
		.name = "how",
		.constraint_type = KAPI_CONSTRAINT_ENUM,
		.enum_values = (const s64[]){ 0, 1 }
	},
	.params[2] = { .name = "level", .enum_values = { 3, 5 } },
	.return_spec = {
		.type_name = "long",
		.error_values = (const s64[]){ -EINVAL, -EPERM }
	},
	KAPI_SIGNAL_MASK(0, "blocked", "Blocked signals")
		KAPI_SIGNAL_MASK_SIGNALS(SIGINT, SIGTERM)
	KAPI_SIGNAL_MASK_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad mode", "mode is not listed")
	.param_count = 3
KAPI_END_SPEC;
`);
    assert.deepEqual(diags, []);
    const s = specs[0]!;
    assert.deepEqual(s.params!.map((p) => p.constraint?.values?.map((v) => v.value)), [[1n, 2n, 4n], [0n, 1n], [3n, 5n]]);
    assert.deepEqual(s.return!.error_values, ['EINVAL', 'EPERM']);
    assert.deepEqual(s.signal_masks![0]!.signals.map((x) => x.text), ['SIGINT', 'SIGTERM']);
    assert.equal(s.errors![0]!.description, 'mode is not listed');
  });

  it('the ioctl forms: wrapper braces, KAPI_IOCTL_SIZE and every ioctl end macro', () => {
    const { specs, diags } = read(`
static const struct kapi_ioctl_spec demo_wrapped_spec = {
	.cmd = DEMO_WRAPPED,
	.api_spec = {
		.name = "demo_wrapped",
		KAPI_DESCRIPTION("Wrapped")
		KAPI_PARAM(0, "size", "__u32", "Size")
			.type = KAPI_TYPE_UINT
		KAPI_PARAM_END
		.param_count = 1
	},
	.file_ops_name = "demo_fops"
};
DEFINE_IOCTL_API_SPEC(demo_sized, DEMO_SIZED, "DEMO_SIZED")
	KAPI_DESCRIPTION("Sized")
	.param_count = 0
KAPI_IOCTL_SIZE(8, 8)
	KAPI_IOCTL_FILE_OPS(demo_fops)
KAPI_IOCTL_END_SPEC
KAPI_DEFINE_IOCTL_SPEC(demo_defined, DEMO_DEFINED, "DEMO_DEFINED", 4, 0, "demo_fops")
	KAPI_DESCRIPTION("Defined")
	.since_version = "6.1"
KAPI_END_IOCTL_SPEC;
DEFINE_IOCTL_HANDLER(demo_handler, DEMO_HANDLER, demo_handle, struct demo_arg, last)
	KAPI_DESCRIPTION("Handler")
	.since_version = "6.2"
KAPI_IOCTL_HANDLER_END;
`);
    assert.deepEqual(diags, []);
    const by = (n: string) => specs.find((s) => s.name === n)!;
    assert.deepEqual(specs.map((s) => s.name), ['demo_wrapped', 'demo_sized', 'demo_defined', 'demo_handler']);
    assert.equal(by('demo_wrapped').params![0]!.type, 'uint');
    assert.equal(by('demo_wrapped').ioctl!.file_ops_name, 'demo_fops');
    assert.equal(by('demo_sized').ioctl!.input_size!.value, 8n);
    assert.equal(by('demo_defined').since_version, '6.1');
    assert.equal(by('demo_handler').since_version, '6.2');
  });
});
