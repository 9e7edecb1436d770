// Man page facts: the NAME names and ERRORS errnos of real section 2 pages (Debian's
// manpages-dev 6.03, as installed), redirects, per-call markers, hostile pages reported and
// skipped, and the whole of man2 read without a crash.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DiagSink } from '../diag/index.js';
import { readSource } from '../sources/index.js';
import { CORPUS18, repoPath } from '../testutil.js';
import { listedFromSpecs, manErrnoSets, recallTable } from './recall.js';
import { MAN_LIMITS, manErrnos, pageFor, parseManPage, readManDir, readManPage, type ManPage } from './manpages.js';

const MAN2 = '/usr/share/man/man2';
const HAVE = existsSync(join(MAN2, 'open.2.gz'));
const skip = HAVE ? false : `${MAN2} lacks open.2.gz (Debian's manpages-dev is not installed)`;

const errnosOf = (p: ManPage, call?: string) =>
  new Set(p.errors.filter((e) => !call || !e.calls || e.calls.includes(call)).flatMap((e) => e.errnos));

describe('man pages: real pages', { skip }, () => {
  it('open.2: the NAME names, errnos, and the entries marked (openat())', () => {
    const p = readManPage(join(MAN2, 'open.2.gz'));
    assert.deepEqual(p.names, ['open', 'openat', 'creat']);
    assert.equal(p.hasErrors, true);
    assert.equal(p.target, undefined);
    const all = errnosOf(p);
    for (const e of ['EACCES', 'EEXIST', 'EFAULT', 'ELOOP', 'EMFILE', 'ENAMETOOLONG', 'ENOENT', 'ETXTBSY', 'EWOULDBLOCK']) assert.ok(all.has(e), e);
    const ebadf = p.errors.filter((e) => e.errnos.includes('EBADF'));
    assert.equal(ebadf.length, 1);
    assert.deepEqual(ebadf[0]!.calls, ['openat']);
    assert.equal(errnosOf(p, 'open').has('EBADF'), false);
    assert.equal(errnosOf(p, 'openat').has('EBADF'), true);
    // Unmarked entries are for every call of the page.
    assert.equal(p.errors.find((e) => e.errnos.includes('EEXIST'))!.calls, undefined);
  });

  it('openat.2 and epoll_pwait2.2 redirect to the page that documents them', () => {
    const o = readManPage(join(MAN2, 'openat.2.gz'));
    assert.match(o.target ?? '', /\/open\.2\.gz$/);
    assert.ok(o.names.includes('openat'));
    const w = readManPage(join(MAN2, 'epoll_pwait2.2.gz'));
    assert.match(w.target ?? '', /\/epoll_wait\.2\.gz$/);
    assert.deepEqual(w.names, ['epoll_wait', 'epoll_pwait', 'epoll_pwait2']);
    assert.deepEqual([...errnosOf(w)].sort(), ['EBADF', 'EFAULT', 'EINTR', 'EINVAL']);
  });

  it('read.2: a tag naming two errnos gives both', () => {
    const p = readManPage(join(MAN2, 'read.2.gz'));
    assert.deepEqual(p.names, ['read']);
    const two = p.errors.find((e) => e.errnos.length === 2);
    assert.deepEqual(two?.errnos, ['EAGAIN', 'EWOULDBLOCK']);
    for (const e of ['EBADF', 'EFAULT', 'EINTR', 'EINVAL', 'EIO', 'EISDIR']) assert.ok(errnosOf(p).has(e), e);
  });

  it('epoll_ctl.2 and execve.2: errnos in page order, the (since Linux 3.1) qualifier kept', () => {
    const c = readManPage(join(MAN2, 'epoll_ctl.2.gz'));
    assert.deepEqual(c.names, ['epoll_ctl']);
    assert.deepEqual([...errnosOf(c)], ['EBADF', 'EEXIST', 'EINVAL', 'ELOOP', 'ENOENT', 'ENOMEM', 'ENOSPC', 'EPERM']);
    const x = readManPage(join(MAN2, 'execve.2.gz'));
    assert.deepEqual(x.names, ['execve']);
    for (const e of ['E2BIG', 'EACCES', 'ENOEXEC', 'ETXTBSY', 'ELIBBAD']) assert.ok(errnosOf(x).has(e), e);
    assert.equal(x.errors.find((e) => e.errnos[0] === 'EAGAIN')?.qualifier, 'since Linux 3.1');
  });

  it('mlock.2: entries for some of the five calls, (Not on Linux) left out of the call sets', () => {
    const p = readManPage(join(MAN2, 'mlock.2.gz'));
    assert.deepEqual(p.names, ['mlock', 'mlock2', 'munlock', 'mlockall', 'munlockall']);
    const eagain = p.errors.find((e) => e.errnos[0] === 'EAGAIN');
    assert.deepEqual(eagain?.calls, ['mlock', 'mlock2', 'munlock']);
    assert.ok(p.errors.some((e) => e.notLinux && e.errnos[0] === 'EINVAL'));
    const set = readManDir(MAN2);
    assert.deepEqual([...manErrnos(set, 'munlockall')!].sort(), ['ENOMEM', 'EPERM']);
    assert.deepEqual([...manErrnos(set, 'mlockall')!].sort(), ['EINVAL', 'ENOMEM', 'EPERM']);
    assert.deepEqual([...manErrnos(set, 'mlock2')!].sort(), ['EAGAIN', 'EINVAL', 'ENOMEM', 'EPERM']);
  });

  it('execveat.2 cites execve(2): its errnos count, and its tagless entry is reported as odd', () => {
    const set = readManDir(MAN2);
    const p = pageFor(set, 'execveat')!;
    assert.deepEqual(p.refers, ['execve']);
    assert.ok(p.odd.some((o) => o.tag === 'pathname'));
    const own = manErrnos(set, 'execveat', { followRefers: false })!;
    assert.deepEqual([...own].sort(), ['EINVAL', 'ELOOP', 'ENOENT', 'ENOTDIR']);
    const all = manErrnos(set, 'execveat')!;
    assert.ok(all.has('E2BIG') && all.has('ENOEXEC'));
  });

  it('unlink.2: the last sentence naming a call scopes the entries after it; pread64 (a link only) gets its page', () => {
    const set = readManDir(MAN2);
    const unlink = manErrnos(set, 'unlink', { followRefers: false })!, unlinkat = manErrnos(set, 'unlinkat', { followRefers: false })!;
    assert.ok(unlinkat.has('EBADF') && !unlink.has('EBADF'));
    assert.ok(unlink.has('EISDIR') && unlinkat.has('EISDIR'));
    assert.equal(pageFor(set, 'pread64'), undefined);
    const p64 = manErrnos(set, 'pread64')!;
    assert.ok(p64.has('ESPIPE') && p64.has('EBADF'), [...p64].join(' '));
  });

  it('the whole of man2: read without a crash, hundreds of pages with an ERRORS section', { timeout: 60_000 }, () => {
    const set = readManDir(MAN2);
    const withErrors = set.pages.filter((p) => p.hasErrors && p.errors.length);
    assert.ok(set.pages.length >= 400, `${set.pages.length} pages`);
    assert.ok(withErrors.length >= 350, `${withErrors.length} pages with errors`);
    for (const p of set.pages) {
      assert.ok(p.names.length > 0, p.file);
      for (const e of p.errors) for (const x of e.errnos) assert.match(x, /^E[A-Z0-9_]+$/, p.file);
    }
    // Problems carry their file; none on the installed pages is expected, but none may crash.
    for (const x of set.problems) assert.ok(x.file.startsWith(MAN2), x.file);
  });
});

describe('man pages: the corpus', { skip }, () => {
  it('every corpus syscall has a page with an ERRORS section, and the table compares them', async () => {
    const r = await readSource(repoPath(CORPUS18), new DiagSink());
    const listed = listedFromSpecs(r.specs.filter((s) => s.kind === 'syscall'));
    assert.equal(listed.size, 18);
    const set = readManDir(MAN2);
    const man = manErrnoSets([...listed.keys()], (c) => manErrnos(set, c));
    assert.deepEqual([...man.keys()].sort(), [...listed.keys()].sort());
    // The man page as the analysis: its own recall is total, the spec's errors are mostly named.
    const t = recallTable({ found: man, listed, provoked: new Map(), man });
    for (const row of t.rows) {
      assert.ok(row.man.of > 0 && row.man.pct === 100, row.syscall);
      assert.ok(row.hasMan, row.syscall);
    }
    assert.ok(t.overall.listed.pct! >= 80, `${t.overall.listed.pct}`);
  });
});

describe('man pages: hostile and malformed pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'kapi-man-'));
  const dir = join(root, 'man2');
  mkdirSync(dir);
  const gz = (name: string, text: string) => writeFileSync(join(dir, name), gzipSync(Buffer.from(text)));
  const GOOD = '.TH good 2\n.SH NAME\ngood, good2 \\- a page\n.SH ERRORS\n.TP\n.B EINVAL\nsomething.\n.TP\n.BR EPERM " or " EACCES\n.RB ( good2 ())\nsomething.\n.SH SEE ALSO\n';
  gz('good.2.gz', GOOD);
  writeFileSync(join(dir, 'notgzip.2.gz'), 'this is not gzip data\n');
  gz('noname.2.gz', '.TH noname 2\n.SH DESCRIPTION\ntext\n');
  gz('loop1.2.gz', '.so man2/loop2.2\n');
  gz('loop2.2.gz', '.so man2/loop1.2\n');
  const other = mkdtempSync(join(tmpdir(), 'kapi-man-other-'));
  writeFileSync(join(other, 'x.2'), GOOD);
  gz('escape.2.gz', `.so ${relative(root, join(other, 'x.2'))}\n`);
  gz('missing.2.gz', '.so man2/nowhere.2\n');
  gz('redir.2.gz', '.\\" a comment\n.so man2/good.2\n');
  symlinkSync('self.2.gz', join(dir, 'self.2.gz'));
  writeFileSync(join(dir, 'huge.2.gz'), gzipSync(Buffer.alloc(MAN_LIMITS.maxTextBytes + 10, 'a')));
  writeFileSync(join(dir, 'plain.2'), GOOD.replace(/good/g, 'plain'));
  after(() => { rmSync(root, { recursive: true, force: true }); rmSync(other, { recursive: true, force: true }); });

  it('each bad page is reported with its file and skipped; the good ones are read', () => {
    const set = readManDir(dir);
    const bad = new Map(set.problems.map((p) => [p.file.slice(dir.length + 1), p.message]));
    assert.deepEqual([...bad.keys()].sort(), ['escape.2.gz', 'huge.2.gz', 'loop1.2.gz', 'loop2.2.gz', 'missing.2.gz', 'noname.2.gz', 'notgzip.2.gz', 'self.2.gz']);
    assert.match(bad.get('notgzip.2.gz')!, /gunzip/);
    assert.match(bad.get('noname.2.gz')!, /no NAME section/);
    assert.match(bad.get('loop1.2.gz')!, /loop/);
    assert.match(bad.get('escape.2.gz')!, /outside/);
    assert.match(bad.get('missing.2.gz')!, /ENOENT/);
    assert.match(bad.get('self.2.gz')!, /ELOOP/);
    assert.match(bad.get('huge.2.gz')!, /gunzip|over/);
    assert.deepEqual(set.pages.map((p) => p.file.slice(dir.length + 1)), ['good.2.gz', 'plain.2', 'redir.2.gz']);
    const redir = set.pages[2]!;
    assert.match(redir.target!, /good\.2\.gz$/);
    assert.deepEqual(redir.errors.map((e) => [e.errnos, e.calls]), [[['EINVAL'], undefined], [['EPERM', 'EACCES'], ['good2']]]);
    assert.deepEqual([...manErrnos(set, 'good')!], ['EINVAL']);
    assert.deepEqual([...manErrnos(set, 'good2')!], ['EINVAL', 'EPERM', 'EACCES']);
    assert.equal(manErrnos(set, 'nosuchcall'), undefined);
  });

  it('a chain of .so redirects longer than the bound is refused', () => {
    for (let i = 0; i < 8; i++) gz(`chain${i}.2.gz`, `.so man2/chain${i + 1}.2\n`);
    gz('chain8.2.gz', GOOD);
    assert.throws(() => readManPage(join(dir, 'chain0.2.gz'), root), /more than 4 \.so redirects/);
    assert.equal(readManPage(join(dir, 'chain5.2.gz'), root).names[0], 'good');
  });

  it('parseManPage: a paragraph naming one of the calls scopes the entries after it; odd tags kept aside', () => {
    const p = parseManPage([
      '.SH NAME', 'link, linkat \\- make a link', '.SH ERRORS', '.TP', '.B EEXIST', 'x', '.TP', '.B SIGSEGV', 'x',
      '.PP', 'The following additional errors can occur for', '.BR linkat ():', '.TP', '.B EBADF', 'x',
      '.IP', 'still the EBADF entry, see', '.BR open (2).', '.TP', '.BR EINVAL " (since Linux 2.6.18)"', 'x', '.SH NOTES',
    ].join('\n'), 'link.2');
    assert.deepEqual(p.errors.map((e) => [e.errnos.join(), e.calls?.join() ?? '*']), [['EEXIST', '*'], ['EBADF', 'linkat'], ['EINVAL', 'linkat']]);
    assert.equal(p.errors[2]!.qualifier, 'since Linux 2.6.18');
    assert.deepEqual(p.refers, []);
    assert.deepEqual(p.odd.map((o) => o.tag), ['SIGSEGV']);
  });

  it('.TQ joins tags into one entry; entries past the bound are dropped and the page says so', () => {
    const p = parseManPage('.SH NAME\nx \\- y\n.SH ERRORS\n.TP\n.B ENOSPC\n.TQ\n.B EDQUOT\ntext\n', 'x.2');
    assert.deepEqual(p.errors.map((e) => e.errnos), [['ENOSPC', 'EDQUOT']]);
    const many = '.SH NAME\nx \\- y\n.SH ERRORS\n' + '.TP\n.B EINVAL\ntext\n'.repeat(30);
    const q = parseManPage(many, 'x.2', { ...MAN_LIMITS, maxEntries: 10 });
    assert.equal(q.errors.length, 10);
    assert.equal(q.truncated, true);
    assert.equal(parseManPage(many, 'x.2').truncated, undefined);
  });

  it('a hostile page at the text bound (long words, unclosed escapes, many entries) is read in linear time', { timeout: 30_000 }, () => {
    const n = 1 << 20;
    const text = '.SH NAME\nx \\- y\n.SH ERRORS\n' + 'a'.repeat(n) + '\n' + '\\f['.repeat(n / 4) + '\n' +
      '.TP\n.B EINVAL\n' + '('.repeat(n / 2) + '\n' + '.TP\n.BR EPERM " (" ' + 'b'.repeat(n / 2) + '\n';
    const t0 = Date.now();
    const p = parseManPage(text, 'x.2');
    assert.ok(Date.now() - t0 < 10_000, `${Date.now() - t0} ms`);
    assert.deepEqual(p.errors.map((e) => e.errnos[0]), ['EINVAL', 'EPERM']);
  });

  it('a page without an ERRORS section has no errnos, and manErrnos says it does not know', () => {
    gz('quiet.2.gz', '.SH NAME\nquiet \\- nothing\n.SH DESCRIPTION\ntext\n');
    const p = readManPage(join(dir, 'quiet.2.gz'), root);
    assert.equal(p.hasErrors, false);
    assert.equal(manErrnos({ pages: [p], problems: [] }, 'quiet'), undefined);
  });
});
