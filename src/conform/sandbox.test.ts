// The sandbox holds: hand-written hostile cases (signals to every process and to the caller's
// group, writes to /etc and to a host file, unmounting and remounting /, a fork bomb, reboot,
// devices, sysctls, another host process, the host's network) leave the host and the rest of the
// run untouched. They run in a qemu guest first; on this machine only after a harmless probe has
// shown that the namespaces hold. And the sandbox fails closed.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cString } from '../sources/elf/fixture-c.js';
import { programFromCases, type ProgramCase } from './emit.js';
import { bootProgram } from './qemu.js';
import { workDir } from './run.js';
import { SANDBOX_HOST_ID } from './sandbox.js';

// Outside /tmp (the cases get a /tmp of their own), in a directory anyone may write on the host.
const tmp = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'kapi-sandbox-test-'));
const kernel = process.env['KAPI_TEST_KERNEL'];
const ESCAPE = '/etc/kapi-sandbox-escape';
const TMP_FILE = '/tmp/kapi-sandbox-private';

/** A case whose C statements compute `r` and report it. */
const call = (what: string, stmts: string): ProgramCase => ({
  api: 'sandbox', what, body: `${stmts}\n\treport(sb_case_id, r);`, expect: '{ .success = 1, .lo = LLONG_MIN, .hi = LLONG_MAX }',
});
const sys = (what: string, expr: string) => call(what, `\tlong r = ${expr};`);

interface Result { ret?: number; errno?: number; changed?: string; end: string }

/** The `# result` lines of a run, by case index. */
function results(out: string): Map<number, Result> {
  const m = new Map<number, Result>();
  for (const l of out.split('\n')) {
    const x = /^ {4}# result (\d+) (?:ret (-?\d+) (\d+)(?: changed (\S+))?|none) end (.*)$/.exec(l);
    if (x) m.set(Number(x[1]), { ...(x[2] !== undefined ? { ret: Number(x[2]), errno: Number(x[3]) } : {}), ...(x[4] ? { changed: x[4] } : {}), end: x[5]! });
  }
  return m;
}

/** Compiles a program of cases and runs it here with a fresh scratch directory. */
function runHere(cases: ProgramCase[], timeoutMs: number, wrap: string[] = [], unprivileged = false): { out: string; scratch: string } {
  const { dir, scratch } = workDir('kapi-sandbox-run-');
  assert.equal(statSync(dir).mode & 0o777, 0o700, 'the working directory is private');
  const src = join(dir, 'p.c');
  writeFileSync(src, programFromCases(cases, { timeoutMs, unprivileged, origin: 'the sandbox test' }));
  const cc = spawnSync('cc', ['-O0', '-w', '-o', join(dir, 'p'), src], { encoding: 'utf8' });
  assert.equal(cc.status, 0, cc.stderr);
  const r = spawnSync(wrap[0] ?? join(dir, 'p'), [...wrap.slice(1), ...(wrap.length ? [join(dir, 'p')] : []), scratch], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined);
  return { out: r.stdout, scratch };
}

const ERRNO = { ESRCH: 3, EACCES: 13, EROFS: 30, EPERM: 1, EINVAL: 22, ECONNREFUSED: 111, ENETUNREACH: 101 };

/** The probe: harmless checks that the namespaces are in place. */
function probe(port: number, canary: string): ProgramCase[] {
  return [
    sys('pid namespace: the case has a small pid of its own', 'syscall(SYS_getpid)'),
    sys('user namespace: root inside', 'syscall(SYS_getuid)'),
    sys('a host file is read-only', `syscall(SYS_open, ${cString(canary)}, O_WRONLY)`),
    call('network namespace: the host\'s loopback is not reachable', [
      '\tstruct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(' + port + '), .sin_addr.s_addr = htonl(0x7f000001) };',
      '\tlong s = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);',
      '\tlong r = s < 0 ? s : syscall(SYS_connect, s, &sa, sizeof(sa));',
    ].join('\n')),
    call('the scratch directory is writable, as the sandbox\'s host id', '\tlong r = syscall(SYS_open, "made-here", O_WRONLY | O_CREAT, 0600);'),
  ];
}

function checkProbe(r: Map<number, Result>): void {
  assert.ok(r.get(0)!.ret! > 1 && r.get(0)!.ret! < 10, `getpid: ${JSON.stringify(r.get(0))}`);
  assert.equal(r.get(1)?.ret, 0, `getuid: ${JSON.stringify(r.get(1))}`);
  assert.equal(r.get(2)?.ret, -1);
  assert.equal(r.get(2)!.errno, ERRNO.EROFS, `open of a world-writable host file: ${JSON.stringify(r.get(2))}`);
  assert.equal(r.get(3)?.ret, -1);
  assert.ok([ERRNO.ECONNREFUSED, ERRNO.ENETUNREACH].includes(r.get(3)!.errno!), `connect: ${JSON.stringify(r.get(3))}`);
  assert.ok(r.get(4)!.ret! >= 0, `open in scratch: ${JSON.stringify(r.get(4))}`);
}

/** Cases that would harm the machine if the sandbox did not hold; the last one must still run. */
function hostile(sentinel: number, canary: string): ProgramCase[] {
  return [
    sys('kill(-1, SIGKILL)', 'syscall(SYS_kill, -1, SIGKILL)'),
    sys('kill(0, SIGKILL)', 'syscall(SYS_kill, 0, SIGKILL)'),
    sys('create a file in /etc', `syscall(SYS_open, ${cString(ESCAPE)}, O_WRONLY | O_CREAT, 0644)`),
    sys('truncate a host file', `syscall(SYS_truncate, ${cString(canary)}, 0)`),
    sys('unmount /', 'syscall(SYS_umount2, "/", MNT_DETACH)'),
    sys('remount / read-write', 'syscall(SYS_mount, 0, "/", 0, MS_REMOUNT | MS_BIND, 0)'),
    sys('unmount the read-only proc to find the host\'s', 'syscall(SYS_umount2, "/proc", MNT_DETACH)'),
    sys('make a device node for memory', 'syscall(SYS_mknod, "mem", S_IFCHR | 0600, makedev(1, 1))'),
    sys('write a sysctl', 'syscall(SYS_open, "/proc/sys/kernel/hostname", O_WRONLY)'),
    sys('signal a host process', `syscall(SYS_kill, ${sentinel}, SIGKILL)`),
    sys('set the host name', 'syscall(SYS_sethostname, "kapi-pwned", 10)'),
    call('fork without end', '\tlong r = 0;\n\tfor (;;)\n\t\tif (syscall(SYS_fork) < 0)\n\t\t\tr++;'),
    sys('power off', 'syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, 0)'),
    sys('create a file in /tmp (the case\'s own)', `syscall(SYS_open, ${cString(TMP_FILE)}, O_WRONLY | O_CREAT, 0644)`),
    sys('the run goes on: getpid', 'syscall(SYS_getpid)'),
  ];
}

function checkHostile(r: Map<number, Result>, n: number): void {
  assert.equal(r.size, n, `every case reported: ${[...r.keys()].join(' ')}`);
  const at = (i: number) => r.get(i)!;
  assert.ok(at(0).ret !== undefined || at(0).end.startsWith('signal'), JSON.stringify(at(0)));
  assert.equal(at(1).end, 'signal 9', 'kill(0) kills only the case\'s own group');
  for (const i of [2, 3, 4, 5, 6, 7, 8, 9]) assert.equal(at(i).ret, -1, `case ${i}: ${JSON.stringify(at(i))}`);
  assert.equal(at(9).errno, ERRNO.ESRCH, 'host processes are not visible');
  assert.equal(at(10).ret, 0, 'the host name is the UTS namespace\'s own');
  assert.match(at(11).end, /^timeout after \d+ ms$/, 'a fork bomb ends at the time limit');
  assert.match(at(12).end, /namespace init|exit|signal/, JSON.stringify(at(12)));
  assert.ok(at(13).ret! >= 0, `the case's /tmp is writable: ${JSON.stringify(at(13))}`);
  assert.ok(at(14).ret! > 1 && at(14).ret! < 10, 'a later case still runs, in a fresh pid namespace');
}

describe('the sandbox', () => {
  let server: Server;
  let port = 0;
  let sentinel: ReturnType<typeof spawn>;
  const canary = join(tmp, 'canary');
  let guestDone = false;
  let probed = false;
  before(async () => {
    writeFileSync(canary, 'untouched\n', { mode: 0o666 });
    chmodSync(canary, 0o666);
    chmodSync(tmp, 0o1777);
    server = createServer((s) => s.end());
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
    port = (server.address() as { port: number }).port;
    sentinel = spawn('sleep', ['600'], { stdio: 'ignore' });
  });
  after(() => {
    server.close();
    sentinel.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('holds in a qemu guest: hostile cases leave the guest\'s run going', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)' }, () => {
    const cases = hostile(4000, '/init');
    const { lines } = bootProgram(kernel!, programFromCases(cases, { timeoutMs: 3000, origin: 'the sandbox test' }));
    const r = results(lines.join('\n'));
    checkHostile(r, cases.length);
    assert.ok(lines.some((l) => /^(not )?ok 1 sandbox$/.test(l)), 'the guest\'s program finished its KTAP');
    guestDone = true;
  });

  it('a harmless probe shows the namespaces hold on this machine', () => {
    const { out, scratch } = runHere(probe(port, canary), 5000);
    checkProbe(results(out));
    const made = statSync(join(scratch, 'case-4', 'made-here'));
    assert.equal(made.uid, SANDBOX_HOST_ID, 'files are made as the sandbox\'s host id, not as root');
    rmSync(join(scratch, '..'), { recursive: true, force: true });
    probed = true;
  });

  it('hostile cases leave this machine and the rest of the run untouched', () => {
    assert.ok(probed, 'the probe did not show the namespaces hold: hostile cases are not run here');
    assert.ok(guestDone || !kernel, 'the guest run failed: hostile cases are not run here');
    const name = hostname();
    const cases = hostile(sentinel.pid!, canary);
    const { out, scratch } = runHere(cases, 3000);
    checkHostile(results(out), cases.length);
    assert.equal(readFileSync(canary, 'utf8'), 'untouched\n');
    assert.equal(existsSync(ESCAPE), false);
    assert.equal(existsSync(TMP_FILE), false, 'the case\'s /tmp is not the host\'s');
    assert.equal(hostname(), name);
    assert.equal(sentinel.exitCode, null, 'the host process is alive');
    assert.doesNotThrow(() => process.kill(sentinel.pid!, 0));
    rmSync(join(scratch, '..'), { recursive: true, force: true });
  });

  it('failure atomicity: a failing call that leaves a change behind is caught, naming the change', () => {
    assert.ok(probed, 'the probe did not show the namespaces hold');
    // close(-1) fails with EBADF (9), which each case expects.
    const failing = (what: string, before: string, change: string): ProgramCase => ({
      ...call(what, `${before}\tatomic_begin();\n${change}\tlong r = syscall(SYS_close, -1);\n\tatomic_end(r);`),
      expect: '{ .nonatomic = 0, .errs = { 9, 0 } }',
    });
    const cases = [
      failing('nothing changes', '', ''),
      failing('a descriptor is opened', '', '\tsyscall(SYS_dup, 0);\n'),
      failing('a descriptor is closed', '\tlong fd = fx_file();\n', '\tsyscall(SYS_close, fd);\n'),
      failing('a file offset moves', '\tlong fd = fx_file();\n', '\tsyscall(SYS_lseek, fd, 5, SEEK_SET);\n'),
      failing('close-on-exec is set', '\tlong fd = fx_file();\n', '\tsyscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);\n'),
      failing('a directory appears in scratch', '', '\tsyscall(SYS_mkdir, "made", 0700);\n'),
      failing('a mapping appears', '', '\tsyscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);\n'),
      failing('memory is locked', '\tlong p = fx_buf(4096);\n', '\tsyscall(SYS_mlock, p, 4096);\n'),
      failing('the signal mask changes', '\tsigset_t set;\n\tsigemptyset(&set);\n\tsigaddset(&set, SIGUSR1);\n', '\tsigprocmask(SIG_BLOCK, &set, NULL);\n'),
    ];
    const { out, scratch } = runHere(cases, 5000);
    const r = results(out);
    assert.deepEqual([...r.values()].map((x) => x.changed ?? ''), ['', 'fd:3:opened', 'fd:3:closed', 'fd:3:offset', 'fd:3:cloexec', 'dir:made:added', 'mappings', 'locked-memory', 'signal-mask']);
    // The program's own judgement fails a case whose failing call changed something.
    assert.match(out, /^ {4}ok 1 nothing changes$/m);
    assert.match(out, /^ {4}not ok 2 a descriptor is opened$/m);
    rmSync(join(scratch, '..'), { recursive: true, force: true });
  });

  it('--unprivileged: the case is nobody, without capabilities, and can still use its scratch directory', () => {
    assert.ok(probed, 'the probe did not show the namespaces hold');
    const cases = [
      sys('getuid', 'syscall(SYS_getuid)'),
      sys('mount needs a capability', 'syscall(SYS_mount, "none", ".", "tmpfs", 0, 0)'),
      sys('a file in the scratch directory', 'syscall(SYS_open, "mine", O_WRONLY | O_CREAT, 0600)'),
      call('no capability left', '\tstruct { unsigned v; int pid; } h = { 0x20080522, 0 };\n\tunsigned d[6];\n\tlong r = syscall(SYS_capget, &h, d);\n\tif (r == 0) r = d[0] | d[1] | d[3] | d[4];'),
    ];
    const { out, scratch } = runHere(cases, 5000, [], true);
    const r = results(out);
    assert.equal(r.get(0)?.ret, 65534);
    assert.deepEqual([r.get(1)?.ret, r.get(1)?.errno], [-1, ERRNO.EPERM]);
    assert.ok(r.get(2)!.ret! >= 0, JSON.stringify(r.get(2)));
    assert.equal(r.get(3)?.ret, 0, 'effective and permitted sets are empty');
    rmSync(join(scratch, '..'), { recursive: true, force: true });
  });

  it('fails closed: without the privilege to make namespaces, no case runs and each says why', () => {
    const cases = [call('would leave a mark', '\tlong r = syscall(SYS_open, "mark", O_WRONLY | O_CREAT, 0600);')];
    const { out, scratch } = runHere(cases, 5000, ['setpriv', '--bounding-set=-sys_admin', '--inh-caps=-sys_admin', '--']);
    const r = results(out).get(0)!;
    assert.equal(r.ret, undefined);
    assert.match(r.end, /^sandbox: unshare\(CLONE_NEWNS\): Operation not permitted$/);
    assert.match(out, /^ {4}not ok 1 would leave a mark$/m);
    assert.equal(existsSync(join(scratch, 'case-0', 'mark')), false);
    rmSync(join(scratch, '..'), { recursive: true, force: true });
  });
});
