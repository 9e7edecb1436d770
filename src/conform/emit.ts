// Cases -> one C program. The program forks a child per case (or only the cases named on its
// command line); the child enters its own scratch directory, sets resource limits and an alarm,
// builds its arguments from fixtures, makes the raw syscall and writes `R <id> <ret> <errno>`;
// the parent writes `X <id> <how>` when the child is gone (exit status, signal, or timeout).

import type { ApiSpec } from '../model/types.js';
import { cString } from '../sources/elf/fixture-c.js';
import type { Arg, Case } from './plan.js';

/** Fixture helpers every program carries. */
const PRELUDE = String.raw`#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Not every program uses every fixture. */
#pragma GCC diagnostic ignored "-Wunused-function"

static long fx_file(void)
{
	int fd = open("fixture.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char buf[4096];
	memset(buf, 'x', sizeof(buf));
	if (fd < 0 || write(fd, buf, sizeof(buf)) != sizeof(buf))
		_exit(120);
	lseek(fd, 0, SEEK_SET);
	return fd;
}
static long fx_pipe(void)
{
	int p[2];
	if (pipe(p)) _exit(122);
	if (write(p[1], "x", 1) != 1) _exit(122);
	return p[0];
}
/* An epoll instance with one ready entry (a pipe with data), so waits return at once. */
static long fx_epoll(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int fd = epoll_create1(0);
	int r = fx_pipe();
	if (fd < 0 || epoll_ctl(fd, EPOLL_CTL_ADD, r, &ev)) _exit(121);
	return fd;
}
static long fx_dir(void) { int fd = open(".", O_RDONLY | O_DIRECTORY); if (fd < 0) _exit(123); return fd; }
/* A descriptor number that was open and is closed now; high, so no later fixture reuses it. */
static long fx_closed(void)
{
	int fd = open(".", O_RDONLY);
	if (fd < 0 || dup2(fd, 200) != 200) _exit(127);
	close(fd);
	close(200);
	return 200;
}
static long fx_buf(size_t n)
{
	void *p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) _exit(124);
	return (long)p; /* zero-filled: a valid all-zero struct or buffer */
}
static long fx_mapped(long pages) { return fx_buf(pages * sysconf(_SC_PAGESIZE)); }
static long fx_unmapped(void)
{
	long p = fx_buf(4096);
	munmap((void *)p, 4096);
	return p;
}
static long fx_readonly(void)
{
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) _exit(124);
	return (long)p;
}
static long fx_path(const char *which)
{
	static char longpath[8192];
	if (!strcmp(which, "file")) { close(fx_file()); return (long)"fixture.txt"; }
	if (!strcmp(which, "new")) return (long)"created-by-case";
	if (!strcmp(which, "exec")) return (long)"/bin/true";
	if (!strcmp(which, "missing")) return (long)"no-such-file";
	if (!strcmp(which, "empty")) return (long)"";
	if (!strcmp(which, "notdir")) { close(fx_file()); return (long)"fixture.txt/below"; }
	if (!strcmp(which, "loop")) {
		if (symlink("loop-b", "loop-a") || symlink("loop-a", "loop-b")) _exit(128);
		return (long)"loop-a";
	}
	memset(longpath, 'a', sizeof(longpath) - 1);
	return (long)longpath;
}
static long fx_argv(void) { static const char *argv[] = { "true", NULL }; return (long)argv; }
static long fx_envp(void) { static const char *envp[] = { NULL }; return (long)envp; }
static long fx_sigset(void) { static unsigned long set[16]; return (long)set; }
static long fx_timespec(void) { static struct timespec ts; return (long)&ts; }

static void report(int id, long ret)
{
	char line[96];
	int e = ret < 0 ? errno : 0;
	int n = snprintf(line, sizeof(line), "R %d %ld %d\n", id, ret, e);
	if (write(1, line, n) != n) _exit(125);
}
`;

function argExpr(a: Arg): string {
  switch (a.kind) {
    case 'int': return `(long)${a.value < 0n ? `(${a.value}L)` : `${a.value}UL`}`;
    case 'fd': return `fx_${a.fixture}()`;
    case 'buf': return `fx_buf(${a.size})`;
    case 'null': return '0L';
    case 'unmapped': return 'fx_unmapped()';
    case 'readonly': return 'fx_readonly()';
    case 'mapped': return `fx_mapped(${a.pages})`;
    case 'path': return `fx_path("${a.which}")`;
    case 'argv': return 'fx_argv()';
    case 'envp': return 'fx_envp()';
    case 'sigset': return 'fx_sigset()';
    case 'timespec': return 'fx_timespec()';
  }
}

function caseFn(c: Case, id: number): string {
  const args = c.args.map(argExpr);
  while (args.length < 6) args.push('0L');
  return [
    `static void case_${id}(void)`, '{',
    ...args.map((a, i) => `\tlong a${i} = ${a};`),
    `\tlong r = syscall(SYS_${c.syscall}, a0, a1, a2, a3, a4, a5);`,
    `\treport(${id}, r);`, '}', '',
  ].join('\n');
}

/** The expectation of a case, as C data for a program that judges itself. */
function expectInit(c: Case, spec: ApiSpec): string {
  const r = spec.return;
  const lit = (v: bigint | undefined, d: string) => (v === undefined ? d : `${BigInt.asIntN(64, v)}LL`);
  if (c.expect.kind === 'success') {
    const check = r?.check ?? 'exact';
    const [lo, hi] = check === 'exact' ? [r?.success?.value, r?.success?.value] : check === 'range' ? [r?.success_min?.value, r?.success_max?.value] : check === 'fd' ? [0n, undefined] : [0n, undefined];
    return `{ .success = 1, .noreturn = ${check === 'no_return' ? 1 : 0}, .lo = ${lit(lo, 'LLONG_MIN')}, .hi = ${hi !== undefined && BigInt.asIntN(64, hi) < 0n && hi > 0n ? 'LLONG_MAX' : lit(hi, 'LLONG_MAX')} }`;
  }
  const errs = c.expect.errnos.filter((e) => /^E[A-Z0-9]+$/.test(e)).map((e) => `\n#ifdef ${e}\n\t\t${e},\n#endif\n\t\t`);
  return `{ .nerr = ${c.expect.errnos.length}, .errs = { ${errs.join('')}0 } }`;
}

/**
 * A kselftest program: the same cases, judged by the program itself, KTAP on stdout, exit 1 when a
 * case fails. Needs nothing of kapi to build and run.
 */
export function emitSelftest(cases: readonly Case[], specs: Map<string, ApiSpec>, timeoutSec: number, origin: string): string {
  const apis = [...new Set(cases.map((c) => c.api))];
  const fns = cases.map((c, i) => caseFn(c, i)).join('\n');
  const table = `static void (*const cases[])(void) = { ${cases.map((_, i) => `case_${i}`).join(', ')} };`;
  const meta = cases.map((c) => `\t{ ${apis.indexOf(c.api)}, ${cString(c.what)}, ${expectInit(c, specs.get(c.api)!)} },`).join('\n');
  const head = `/* SPDX-License-Identifier: GPL-2.0 */\n/* Generated by kapi export kselftest from ${origin.replace(/\*\//g, '* /')}. */\n` +
    PRELUDE.replace('#include <errno.h>', '#include <errno.h>\n#include <limits.h>\n#include <sys/reboot.h>');
  return head + String.raw`
${fns}
${table}

struct expect { int success, noreturn; long long lo, hi; int nerr; int errs[64]; };
struct meta { int api; const char *what; struct expect e; };
static const char *const apis[] = { ${apis.map((a) => cString(a)).join(', ')} };
static const struct meta meta[] = {
${meta}
};

static int judge(const struct expect *e, int returned, long ret, int err, int exited0)
{
	if (e->success)
		return returned ? ret >= 0 && ret >= e->lo && ret <= e->hi : e->noreturn && exited0;
	if (!returned || ret >= 0)
		return 0;
	for (int k = 0; k < 64 && e->errs[k]; k++)
		if (e->errs[k] == err)
			return 1;
	return 0;
}

int main(void)
{
	int n = (int)(sizeof(cases) / sizeof(cases[0])), failed = 0;
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("KTAP version 1\n1..%d\n", (int)(sizeof(apis) / sizeof(apis[0])));
	for (int a = 0, id = 0; a < (int)(sizeof(apis) / sizeof(apis[0])); a++) {
		int k = 0, cnt = 0, bad = 0;
		for (int j = 0; j < n; j++)
			cnt += meta[j].api == a;
		printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", apis[a], cnt);
		for (; id < n && meta[id].api == a; id++) {
			int p[2], status, returned = 0, ok;
			long res[2] = { 0, 0 };
			if (pipe(p))
				return 2;
			pid_t pid = fork();
			if (pid == 0) {
				char dir[32];
				struct rlimit cpu = { ${timeoutSec}, ${timeoutSec} };
				close(p[0]);
				dup2(p[1], 1);
				snprintf(dir, sizeof(dir), "case-%d", id);
				if (mkdir(dir, 0700) || chdir(dir))
					_exit(126);
				setrlimit(RLIMIT_CPU, &cpu);
				alarm(${timeoutSec});
				cases[id]();
				_exit(0);
			}
			close(p[1]);
			{
				char line[96] = "";
				ssize_t got = read(p[0], line, sizeof(line) - 1);
				int cid;
				if (got > 0 && sscanf(line, "R %d %ld %ld", &cid, &res[0], &res[1]) == 3)
					returned = 1;
			}
			close(p[0]);
			waitpid(pid, &status, 0);
			ok = judge(&meta[id].e, returned, res[0], (int)res[1], WIFEXITED(status) && WEXITSTATUS(status) == 0);
			bad += !ok;
			printf("    %s %d %s\n", ok ? "ok" : "not ok", ++k, meta[id].what);
			/* What happened, for a reader that rebuilds the results (kapi conform --kernel). */
			if (returned)
				printf("    # result %d %ld %ld\n", id, res[0], res[1]);
			else
				printf("    # result %d none %d\n", id, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		}
		failed += bad > 0;
		printf("%s %d %s\n", bad ? "not ok" : "ok", a + 1, apis[a]);
	}
	/* As the init of a test VM: power off instead of returning (a returning init panics). */
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
	}
	return failed ? 1 : 0;
}
`;
}

export function emitProgram(cases: readonly Case[], timeoutSec: number): string {
  const fns = cases.map((c, i) => caseFn(c, i)).join('\n');
  const table = `static void (*const cases[])(void) = { ${cases.map((_, i) => `case_${i}`).join(', ')} };`;
  const main = String.raw`
static void run(int id)
{
	char dir[32];
	struct rlimit cpu = { ${timeoutSec}, ${timeoutSec} }, fsize = { 1 << 24, 1 << 24 }, nofile = { 256, 256 };
	snprintf(dir, sizeof(dir), "case-%d", id);
	if (mkdir(dir, 0700) || chdir(dir))
		_exit(126);
	setrlimit(RLIMIT_CPU, &cpu);
	setrlimit(RLIMIT_FSIZE, &fsize);
	setrlimit(RLIMIT_NOFILE, &nofile);
	alarm(${timeoutSec});
	cases[id]();
	_exit(0);
}

int main(int argc, char **argv)
{
	int n = (int)(sizeof(cases) / sizeof(cases[0]));
	setvbuf(stdout, NULL, _IONBF, 0);
	for (int id = 0; id < n; id++) {
		int status;
		pid_t pid;
		if (argc > 1) {
			int wanted = 0;
			for (int k = 1; k < argc; k++)
				wanted |= atoi(argv[k]) == id;
			if (!wanted)
				continue;
		}
		pid = fork();
		if (pid == 0)
			run(id);
		if (pid < 0 || waitpid(pid, &status, 0) != pid) {
			printf("X %d fork-failed\n", id);
			continue;
		}
		if (WIFSIGNALED(status))
			printf("X %d signal %d\n", id, WTERMSIG(status));
		else
			printf("X %d exit %d\n", id, WEXITSTATUS(status));
	}
	return 0;
}
`;
  return `/* Generated by kapi conform. */\n${PRELUDE}\n${fns}\n${table}\n${main}`;
}
