// Hostile specs and options given to `kapi conform` and `kapi export kselftest`: nothing from a
// spec reaches the C but numbers and escaped strings; no case touches the host; odd options are
// usage errors; results are written and the scratch directory removed whatever happens.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagSink } from '../diag/index.js';
import { specsFromC } from '../sources/index.js';
import { specsFromJson } from '../sources/json/index.js';
import { kapi, repoPath } from '../testutil.js';
import { emitProgram } from './emit.js';
import { planSpec } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A private TMPDIR for one kapi run, to see that it leaves nothing behind. */
function privateTmp(name: string): string {
  const t = join(dir, name);
  mkdirSync(t);
  return t;
}

const snapshot = (): { kapi: number; specs: Record<string, unknown>[] } => JSON.parse(kapi(['-q', '-f', 'json', 'read', '--source', repoPath('specs')]).stdout);

/** A kernel-doc syscall spec. */
function kdoc(name: string, params: [string, string, string][], errors: string[]): string {
  return `/**\n * sys_${name} - ${name}\n${params.map(([, p]) => ` * @${p}: ${p}\n`).join('')} *\n * contexts: process, sleepable\n *\n` +
    params.map(([, p, block]) => ` * param: ${p}\n${block.split('\n').map((l) => ` *   ${l}\n`).join('')}`).join('') +
    ` *\n${errors.map((e) => ` * error: ${e}, it can happen\n`).join('')} */\n` +
    `SYSCALL_DEFINE${params.length}(${name}${params.map(([t, p]) => `, ${t}, ${p}`).join('')})\n{\n}\n`;
}

describe('hostile specs', () => {
  it('a syscall name carrying C is an unknown syscall: a diagnostic, nothing compiled, nothing created', () => {
    const evil = 'getpid, 0,0,0,0,0,0); {open("/tmp/PWNED", O_CREAT, 0644);} (void)(0';
    const snap = snapshot();
    const read = snap.specs[0]!;
    const f = join(dir, 'evil.json');
    writeFileSync(f, JSON.stringify({ kapi: 1, specs: [{ ...read, name: `sys_${evil}`, signature: { ...(read['signature'] as object), name: evil } }] }));
    rmSync('/tmp/PWNED', { force: true });
    const r = kapi(['conform', '-q', '--source', f]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /error\[cannot-run\]: unknown syscall "getpid, 0,0,0,0,0,0\); \{open\(\\"\/tmp\/PWNED\\"/);
    assert.match(r.stdout, /^not ok 1 sys_getpid, 0,0/m);
    assert.equal(existsSync('/tmp/PWNED'), false);
    const ks = join(dir, 'ks-evil');
    const e = kapi(['export', 'kselftest', ks, '-q', '--source', f]);
    assert.equal(e.code, 0, e.stderr);
    assert.match(e.stderr, /error\[cannot-run\]: left out of the kselftest: unknown syscall/);
    assert.equal(readFileSync(join(ks, 'kapi_conform.c'), 'utf8').includes('open("/tmp/PWNED"'), false);
  });

  it('names that only look like a syscall (reboot+0, READ, read\\n) are unknown; reboot itself is skipped by number', () => {
    const snap = snapshot();
    for (const name of ['reboot+0', 'READ', 'read\n', ' read', 'read/**/']) {
      const f = join(dir, 'near.json');
      writeFileSync(f, JSON.stringify({ kapi: 1, specs: [{ ...snap.specs[0], name: 'sys_x', signature: { ...(snap.specs[0]!['signature'] as object), name } }] }));
      const r = kapi(['conform', '-q', '--source', f]);
      assert.equal(r.code, 1, name);
      assert.match(r.stderr, /unknown syscall/, name);
    }
    const f = join(dir, 'reboot.c');
    writeFileSync(f, kdoc('reboot', [['int', 'magic', 'type: int, input'], ['int', 'magic2', 'type: int, input'], ['unsigned int', 'cmd', 'type: uint, input'], ['void __user *', 'arg', 'type: user_ptr, input']], ['EINVAL']));
    const r = kapi(['conform', '-q', '--source', f]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ok 1 sys_reboot # SKIP reboot \(169\) has effects no sandbox contains/m);
  });

  it('truncate of path:exec truncates the case\'s own copy, never /bin/true', () => {
    const before = createHash('sha256').update(readFileSync('/bin/true')).digest('hex');
    const f = join(dir, 'truncate.c');
    writeFileSync(f, kdoc('truncate', [['const char __user *', 'path', 'type: path, input\nkapi-semantic: path:exec'], ['long', 'length', 'type: int, input\nkapi-valid: 0']], ['ENOENT', 'EFAULT', 'ENAMETOOLONG', 'ENOTDIR', 'ELOOP', 'EACCES']));
    const r = kapi(['conform', '-q', '--source', f]);
    assert.match(r.stdout, /^ {4}ok 1 valid arguments succeed$/m, r.stdout);
    assert.equal(createHash('sha256').update(readFileSync('/bin/true')).digest('hex'), before);
  });

  it('kill(0, 64) and kill(-1, 64) as range boundaries signal only the sandbox; KTAP and JSON are written, nothing is left behind', () => {
    const t = privateTmp('kill');
    const json = join(dir, 'kill.json');
    for (const pid of ['0', '-1', '1']) {
      const f = join(dir, `kill${pid}.c`);
      writeFileSync(f, kdoc('kill', [['pid_t', 'pid', `type: int, input\nkapi-valid: ${pid}`], ['int', 'sig', 'type: int, input\nconstraint-type: range(0, 64)']], ['EINVAL', 'EPERM', 'ESRCH']));
      const r = kapi(['conform', '-q', '--source', f, '--json', json, '--timeout', '2'], { env: { TMPDIR: t } });
      assert.ok(r.code === 0 || r.code === 1, `pid ${pid}: ${r.code} ${r.stderr}`);
      assert.match(r.stdout, /^1\.\.1$/m);
      assert.match(r.stdout, /^(not )?ok 1 sys_kill$/m);
      assert.equal(JSON.parse(readFileSync(json, 'utf8')).results[0].cases, 4, pid);
      assert.deepEqual(readdirSync(t), [], 'the scratch directory is removed');
    }
  });
});

describe('options and interruptions', () => {
  it('--timeout must be seconds from 0.1 to 3600', () => {
    for (const t of ['0', '-1', 'abc', '0.05', '3601', '1e3', '', 'Infinity', '0x10']) {
      const r = kapi(['conform', '-q', '--timeout', t, 'close']);
      assert.equal(r.code, 2, `--timeout '${t}': ${r.stderr}`);
      assert.match(r.stderr, /--timeout takes seconds from 0\.1 to 3600/);
    }
    const r = kapi(['conform', '-q', '--timeout', '0.5', 'close']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ok 1 sys_close$/m);
  });

  it('--compare reads only regular files holding conform results', () => {
    const fifo = join(dir, 'results.fifo');
    spawnSync('mkfifo', [fifo]);
    const bad = join(dir, 'not-results.json');
    writeFileSync(bad, '[1, 2, 3]');
    const r = kapi(['conform', '--compare', fifo, bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /results\.fifo: is a FIFO, not a regular file/);
    const s = kapi(['conform', '--compare', bad, bad]);
    assert.equal(s.code, 2);
    assert.match(s.stderr, /not-results\.json: not a kapi conform --json result/);
  });

  it('without root, conform says it needs root (or --kernel) and runs nothing', () => {
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, repoPath('dist/src/cli/main.js'), 'conform', '-q', 'close'], { encoding: 'utf8', cwd: '/' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /runs each case in namespaces it sets up as root: run it as root, or use --kernel/);
    assert.equal(r.stdout, '');
  });

  it('a run interrupted by SIGINT still writes KTAP and JSON for the cases that ran, and removes its scratch directory', async () => {
    const t = privateTmp('sigint');
    const f = join(dir, 'pause.c');
    // pause() blocks until the case's time limit (30 s): the run is interrupted during it.
    writeFileSync(f, kdoc('pause', [], []) + kdoc('getpid', [], []));
    const json = join(dir, 'pause.json');
    const child = spawn(process.execPath, [repoPath('dist/src/cli/main.js'), 'conform', '-q', '--source', f, '--json', json, '--timeout', '30'], { env: { ...process.env, TMPDIR: t }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    // Interrupt once the second case (pause) has its scratch directory, however slow the build was.
    const started = (d: string, depth: number): boolean => readdirSync(d, { withFileTypes: true }).some((e) => e.isDirectory() && (e.name === 'case-1' || (depth > 0 && started(join(d, e.name), depth - 1))));
    for (let i = 0; i < 600 && !started(t, 3); i++) await new Promise((res) => setTimeout(res, 50));
    await new Promise((res) => setTimeout(res, 200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    assert.equal(code, 1, err);
    // sys_getpid comes first and finishes; sys_pause is cut.
    assert.match(err, /interrupted by SIGINT: 1 of 2 cases ran/);
    assert.match(out, /^KTAP version 1$/m);
    assert.match(out, /^ok 1 sys_getpid$/m);
    assert.match(out, /# sys_pause case 1: not run: the run ended before this case/);
    assert.match(out, /^not ok 2 sys_pause$/m);
    const saved = JSON.parse(readFileSync(json, 'utf8'));
    assert.match(saved.cut, /interrupted/);
    assert.equal(saved.results.length, 2);
    assert.deepEqual(readdirSync(t), [], 'the scratch directory is removed');
  });
});

describe('the generated C', () => {
  const base = snapshot().specs.find((s) => s['name'] === 'sys_read')!;
  /** Every line a case may contribute, and nothing else. */
  const CASE_LINE = /^(static void case_\d+\(void\)|\{|\}|\tatomic_begin\(\);|\tatomic_end\(r\);|\tsignal\(SIG[A-Z]+, SIG_IGN\);|\tfx_(?:interrupt|nocaps|reap)\(\);|\tfx_(?:user_child|setuid)\(\d+L\);|\t\{ struct rlimit rl = \{ \(long\)\d+UL, \(long\)\d+UL \}; if \(setrlimit\(RLIMIT_[A-Z]+, &rl\)\) _exit\(131\); \}|\tlong a[0-5] = (fx_[a-z_]+\((?:"[a-z-]+"|\d+UL|\d+UL, \d+|\d+L|\d|\d, \d|a[0-5]|O_[A-Z]+)?\)|\(long\)\d+UL|\(long\)\(-\d+L(?: - 1L)?\)|0L);|\tlong a\[6\] = \{ a0, a1, a2, a3, a4, a5 \};|\tstatic const struct sb_claim cl\[\] = \{ (?:\{ 0 \}|\{ CL_[A-Z_]+, \{ -?\d, -?\d, -?\d \}, \d+ \}(?:, \{ CL_[A-Z_]+, \{ -?\d, -?\d, -?\d \}, \d+ \})*) \};|\tsb_watch\([0-5], a[0-5], \d+UL\);|\tsb_begin\(a, cl, \d+, [01]\);|\tsb_end\(r\);|\tfx_lockall\(\);|\tlong r = syscall\(\d+L, a0, a1, a2, a3, a4, a5\);|\treport\(sb_case_id, r\);|)$/;
  const META_LINE = /^\t\{ \d+, "(?:[^"\\\n]|\\.)*", \{ [^\n]* \} \},$/;

  it('random names, texts and values from a snapshot never change its structure', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const big = fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n });
    let emitted = 0;
    fc.assert(fc.property(text, text, text, big, big, (pname, desc, what, lo, hi) => {
      const params = (base['params'] as Record<string, unknown>[]).map((p, i) => (i === 2 ? {
        ...p, name: pname, description: desc,
        constraint: { kind: 'range', min: { text: what, value: lo.toString() }, max: { text: what, value: hi.toString() } },
      } : p));
      const diags = new DiagSink();
      const [spec] = specsFromJson(JSON.stringify({ kapi: 1, specs: [{ ...base, name: 'sys_read', params }] }), 'x.json', diags);
      if (!spec) return;
      const plan = planSpec(spec);
      if (plan.problem) return;
      const c = emitProgram(plan.cases, new Map([[spec.name, spec]]), { timeoutMs: 1000, origin: what });
      const body = c.slice(c.indexOf('\nstatic void case_0(void)'), c.indexOf('static void (*const cases[])'));
      for (const l of body.split('\n')) assert.match(l, CASE_LINE);
      const meta = c.slice(c.indexOf('static const struct meta meta[] = {\n') + 36, c.indexOf('\n};\nstatic const int ncases'));
      for (const l of meta.split('\n')) assert.match(l, META_LINE);
      assert.equal((c.match(/^int main\(/gm) ?? []).length, 1);
      emitted++;
    }), { numRuns: 150, seed: 9 });
    assert.ok(emitted > 100, `only ${emitted} of 150 random specs were read and emitted`);
  });
  it('random kapi-cond texts over the new vocabulary never throw, and no text of theirs reaches the C', () => {
    // openat2 (structure fields), fcntl (pointer fixtures), setxattr (names) and inotify_add_watch (settings).
    const file = (f: string) => specsFromC(readFileSync(repoPath(`specs/${f}`), 'utf8'), f, new DiagSink());
    const specs = [...file('open.c'), ...file('fcntl.c'), ...file('xattr.c'), ...file('inotify.c')]
      .filter((x) => ['sys_openat2', 'sys_fcntl', 'sys_setxattr', 'sys_inotify_add_watch'].includes(x.name));
    assert.equal(specs.length, 4);
    const MARK = 'zq9"x';
    const token = fc.oneof(
      fc.constantFrom('how.flags', 'how.resolve', 'how.tail', 'arg', 'name', 'pathname', 'fd', 'cmd', 'mask', 'flags', 'size', 'value',
        'ucount.INOTIFY_WATCHES', 'cwd', 'caps', 'uid', 'rlimit.NOFILE', 'memcg', 'sig.ALRM'),
      fc.constantFrom('ptr:flock-wr', 'ptr:ones', 'ptr:open_how', 'str:xattr', 'str:xattr-toolong', 'path:xattr-symlink', 'fd:inotify', 'fd:locked-other',
        'path:fuse-xattr-fails', 'fd:lock-deadlock', 'removed', 'deep', 'none', 'full', 'interrupt', 'RESOLVE_CACHED', 'O_CREAT | 0x40', '-1', '1 << 70'),
      fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }).map(String),
      fc.string({ maxLength: 12 }).map((t) => `${MARK}${t}`));
    const setting = fc.tuple(token, token).map(([k, v]) => `${k}=${v}`);
    const cond = fc.array(fc.array(setting, { minLength: 1, maxLength: 3 }).map((a) => a.join(', ')), { minLength: 1, maxLength: 3 }).map((a) => a.join('; '));
    let emitted = 0;
    fc.assert(fc.property(fc.constantFrom(...specs), cond, (spec, text) => {
      const errors = (spec.errors ?? []).map((e, i) => (i === 0 ? { ...e, ext: { ...e.ext, 'kapi-cond': text } } : e));
      const plan = planSpec({ ...spec, errors });
      if (plan.problem || !plan.cases.length) return;
      const c = emitProgram(plan.cases.map((x) => ({ ...x, nr: 0 })), new Map([[spec.name, spec]]), { timeoutMs: 1000, origin: 'test' });
      assert.ok(!c.includes('zq9'), `text of the condition reached the C: ${text}`);
      emitted++;
    }), { numRuns: 300, seed: 13 });
    assert.ok(emitted > 200, `only ${emitted} of 300 random conditions were planned and emitted`);
  });
});
