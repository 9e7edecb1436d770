// Hostile inputs, as a user gives them on the command line: FIFOs, links to /dev/zero, sockets,
// sparse 1 GiB files, snapshots with bad specs, debugfs trees that point outside themselves and
// files full of escape sequences. Whatever could block runs in a child process with a timeout,
// so a reader that hangs fails the test instead of hanging it; every good input beside a bad one
// must be kept.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagSink } from '../diag/index.js';
import { repoPath, type Run, CORPUS18 } from '../testutil.js';
import { specsFromDebugfs } from './debugfs/index.js';
import { readSourcePath } from './index.js';

const FAST = { timeout: 20_000 };
const dir = mkdtempSync(join(tmpdir(), 'kapi-hostile-'));
const at = (...p: string[]) => join(dir, ...p);
const ESC = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
let server: Server;

/** Runs kapi with a timeout; a run that had to be killed fails here, naming the arguments. */
function kapi(args: string[]): Run {
  const r = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), ...args], { encoding: 'utf8', timeout: 15_000, cwd: dir, maxBuffer: 64 << 20 });
  assert.equal(r.signal, null, `kapi ${args.join(' ')} was killed (it hung): ${r.error?.message ?? ''}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the RFC v1 debugfs fixture (two good specs) to make hostile. */
function debugfsTree(name: string): string {
  const root = at(name);
  cpSync(repoPath('src/sources/debugfs/testdata/rfc1'), root, { recursive: true });
  return root;
}

before(async () => {
  execFileSync('mkfifo', [at('fifo')]);
  symlinkSync('/dev/zero', at('zero'));
  server = createServer();
  await new Promise<void>((r) => server.listen(at('sock'), r));
  writeFileSync(at('snap.json'), kapi(['-q', '-f', 'json', '--source', repoPath(CORPUS18)]).stdout);
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('only regular files are read', () => {
  for (const [name, what] of [['fifo', 'a FIFO'], ['zero', 'a character device'], ['sock', 'a socket']]) {
    it(`--source ${name}: ${what}, exit 2`, FAST, () => {
      const r = kapi(['--source', name!]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `${name}: error[not-regular]: is ${what}, not a regular file\n`);
    });
    it(`--vmlinux ${name}: ${what}, exit 2`, FAST, () => {
      const r = kapi(['--vmlinux', name!]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`^${name}: error\\[not-regular\\]: is ${what}, not a regular file$`, 'm'));
    });
    it(`kapi diff with ${name} on either side: exit 2`, FAST, () => {
      for (const args of [['diff', name!, 'snap.json'], ['diff', 'snap.json', name!]]) {
        const r = kapi(args);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, new RegExp(`^${name}: error\\[not-regular\\]: is ${what}, not a regular file$`, 'm'));
      }
    });
  }
  it('the other commands that read a file: lint, scaffold, diff --suppress', FAST, () => {
    assert.equal(kapi(['lint', '--source', 'fifo']).code, 2);
    const s = kapi(['scaffold', '--source', 'zero']);
    assert.equal(s.code, 2);
    assert.match(s.stderr, /^zero: error\[not-regular\]: is a character device/m);
    const d = kapi(['diff', 'snap.json', 'snap.json', '--suppress', 'fifo']);
    assert.equal(d.code, 2);
    assert.match(d.stderr, /fifo: cannot read the suppressions file: is a FIFO, not a regular file/);
  });
  it('lint does not follow a snapshot\'s positions into a FIFO or /dev/zero', FAST, () => {
    const snap = JSON.parse(readFileSync(at('snap.json'), 'utf8')) as { specs: { at: string; signature?: unknown }[] };
    assert.ok(snap.specs[0]!.signature && snap.specs[1]!.signature, 'corpus specs carry signatures');
    snap.specs[0]!.at = `${at('fifo')}:1:1`;
    snap.specs[1]!.at = `${at('zero')}:1:1`;
    writeFileSync(at('pointing.json'), JSON.stringify(snap));
    const r = kapi(['lint', '--source', 'pointing.json', '--fail-on', 'never']);
    assert.equal(r.code, 0, r.stderr);
  });
});

describe('reads are bounded', () => {
  const tree = at('tree');
  before(() => {
    mkdirSync(join(tree, 'fs'), { recursive: true });
    cpSync(repoPath(CORPUS18), join(tree, 'fs'), { recursive: true });
    // The big ones beside the good ones, in the same directory, and one before them.
    writeFileSync(join(tree, 'a-huge.c'), '');
    truncateSync(join(tree, 'a-huge.c'), 1024 ** 3);
    writeFileSync(join(tree, 'fs', 'big.c'), '');
    truncateSync(join(tree, 'fs', 'big.c'), 1024 ** 3);
    execFileSync('mkfifo', [join(tree, 'fs', 'fifo.c')]);
    symlinkSync('/dev/zero', join(tree, 'fs', 'zero.c'));
  });
  it('a tree with 1 GiB sparse files: they are reported and skipped, all 18 specs are read', FAST, () => {
    const r = kapi(['--source', 'tree']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^Total specifications found: 18$/m);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(lines, [
      'tree/a-huge.c: error[too-large]: file is 1073741824 bytes (1 GiB), over the limit of 67108864 bytes (64 MiB); raise it with --max-file-size BYTES (K, M, G suffixes)',
      'tree/fs/big.c: error[too-large]: file is 1073741824 bytes (1 GiB), over the limit of 67108864 bytes (64 MiB); raise it with --max-file-size BYTES (K, M, G suffixes)',
    ]);
  });
  it('peak memory stays far below the size of the sparse files', FAST, () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `
      const { readSourcePath } = await import(${JSON.stringify(new URL('./index.js', import.meta.url).href)});
      const { DiagSink } = await import(${JSON.stringify(new URL('../diag/index.js', import.meta.url).href)});
      const d = new DiagSink();
      const specs = await readSourcePath(${JSON.stringify(tree)}, d);
      console.log(JSON.stringify({ specs: specs.length, codes: d.items.map((x) => x.code), maxRss: process.resourceUsage().maxRSS }));`],
    { encoding: 'utf8', timeout: 15_000 });
    assert.equal(r.signal, null, 'the scan hung');
    const out = JSON.parse(r.stdout) as { specs: number; codes: string[]; maxRss: number };
    assert.equal(out.specs, 18);
    assert.deepEqual(out.codes, ['too-large', 'too-large']);
    assert.ok(out.maxRss < 400 * 1024, `peak RSS ${out.maxRss} KiB: no buffer the size of the big file`);
  });
  it('files bigger than the shared buffer (but within the limit) do not cost the files after them', FAST, async () => {
    const t = at('tree-big');
    mkdirSync(t);
    cpSync(repoPath(CORPUS18), t, { recursive: true });
    // 3 MiB of code before a spec, then a 100 MiB file over the limit: the rest of the tree is read.
    writeFileSync(join(t, 'aaa.c'), `${'int filler;\n'.repeat(3 << 18).slice(0, 3 << 20)}${readFileSync(repoPath(`${CORPUS18}/madvise.c`), 'utf8').replace(/madvise/g, 'xmadvise')}`);
    writeFileSync(join(t, 'aab.c'), '');
    truncateSync(join(t, 'aab.c'), 100 << 20);
    const d = new DiagSink();
    const specs = await readSourcePath(t, d, { maxFileSize: 8 << 20 });
    assert.equal(specs.length, 19, d.items.map((x) => x.message).join('\n'));
    assert.ok(specs.some((s) => s.name === 'sys_xmadvise'));
    assert.deepEqual(d.items.map((x) => `${x.code} ${x.at.slice(t.length)}`), ['too-large /aab.c']);
  });
  it('one file given directly over the limit: exit 2 (unreadable input)', FAST, () => {
    writeFileSync(at('big.c'), '');
    truncateSync(at('big.c'), 1024 ** 3);
    const r = kapi(['--source', 'big.c']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^big\.c: error\[too-large\]: file is 1073741824 bytes \(1 GiB\), over the limit of 67108864 bytes \(64 MiB\); raise it with --max-file-size/);
  });
  it('--max-file-size lowers and raises the limit', FAST, () => {
    const small = kapi(['--source', 'snap.json', '--max-file-size', '10K']);
    assert.equal(small.code, 2);
    assert.match(small.stderr, /^snap\.json: error\[too-large\]: file is \d+ bytes \(.*\), over the limit of 10240 bytes \(10 KiB\)/);
    const ok = kapi(['--source', 'snap.json', '--max-file-size=1M']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Total specifications found: 18/);
  });
  for (const bad of ['0', '-5', '1.5M', 'lots', '10T']) {
    it(`--max-file-size ${bad}: usage error, exit 2`, FAST, () => {
      const r = kapi(['--max-file-size', bad, '-q']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^kapi: --max-file-size takes a positive number of bytes, optionally with K, M or G/);
    });
  }
});

describe('JSON snapshots from the command line', () => {
  it('"value": 1e400 is a diagnostic, not an internal error; the other 17 specs are shown', FAST, () => {
    const text = readFileSync(at('snap.json'), 'utf8');
    const i = text.indexOf('"value":', text.indexOf('"name": "sys_epoll_create"'));
    writeFileSync(at('inf.json'), `${text.slice(0, i)}"value": 1e400${text.slice(text.indexOf('\n', i))}`);
    const r = kapi(['--source', 'inf.json']);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
    assert.match(r.stderr, /^inf\.json: error\[bad-json\]: specs\[1\] is not a valid spec and is skipped: .* is not an exact integer .*\(in sys_epoll_create\)$/m);
    assert.match(r.stdout, /Total specifications found: 17/);
  });
  for (const [name, text] of [['null.txt', 'null'], ['list.json', '[1,2,3]'], ['empty.json', '{}'], ['str.c', '"x"']]) {
    it(`${name} holding ${text}: not a kapi snapshot`, FAST, () => {
      writeFileSync(at(name!), `${text}\n`);
      const r = kapi(['--source', name!]);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, `${name}: error[bad-json]: not a kapi snapshot (expected {"kapi": 1, "specs": [...]})\n`);
    });
  }
  it('kapi diff against a file that is not a snapshot: exit 2, not "every spec removed"', FAST, () => {
    const r = kapi(['diff', 'snap.json', 'list.json']);
    assert.equal(r.code, 2, r.stdout);
    assert.equal(r.stdout, '');
  });
});

describe('debugfs trees that point outside themselves', () => {
  it('names from kapi/list are plain file names; symlinks out are refused; no content is quoted', FAST, () => {
    const root = debugfsTree('dbg');
    const k = join(root, 'kapi');
    const list = readFileSync(join(k, 'list'), 'utf8').replace('\nTotal:', ['', '../../../../etc/passwd - up', '/etc/passwd - absolute', '.. - parent', '. - self',
      'out - a link out', 'fifo - a FIFO', 'zero - a link to /dev/zero', 'esc - escapes', 'Total:'].join('\n'));
    writeFileSync(join(k, 'list'), list);
    symlinkSync('/etc/passwd', join(k, 'specs', 'out'));
    execFileSync('mkfifo', [join(k, 'specs', 'fifo')]);
    symlinkSync('/dev/zero', join(k, 'specs', 'zero'));
    writeFileSync(join(k, 'specs', 'esc'), `Kernel API Specification\n\nName: sys_esc\n\x1b]0;owned\x07\x1b[2J${'garbage '.repeat(5000)}\n`);
    const r = kapi(['--debugfs', root]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.match(/^ {2}sys_\S+/gm), ['  sys_epoll_create1', '  sys_esc', '  sys_mlock']);
    const e = r.stderr;
    assert.match(e, /kapi\/list:\d+:1: error\[bad-debugfs\]: '\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd' is not a spec file name \(it contains a \/\); skipped/);
    assert.match(e, /kapi\/list:\d+:1: error\[bad-debugfs\]: '\/etc\/passwd' is not a spec file name/);
    assert.match(e, /kapi\/list:\d+:1: error\[bad-debugfs\]: '\.\.' is not a spec file name/);
    assert.match(e, /kapi\/list:\d+:1: error\[bad-debugfs\]: '\.' is not a spec file name/);
    assert.match(e, /kapi\/specs\/out: error\[bad-debugfs\]: leads outside .* \(to \/etc\/passwd\); not read/);
    assert.match(e, /kapi\/specs\/zero: error\[bad-debugfs\]: leads outside .* \(to \/dev\/zero\); not read/);
    assert.match(e, /kapi\/specs\/fifo: error\[not-regular\]: is a FIFO, not a regular file/);
    assert.doesNotMatch(e, /root:/, 'nothing of /etc/passwd is shown');
    assert.doesNotMatch(e.replace(/\n/g, ''), ESC, 'no raw escape sequence on the terminal');
    assert.match(e, /unexpected line '\\x1b\]0;owned\\x07\\x1b\[2Jgarbage [^']{0,60}\.\.\.'/);
    assert.ok(e.length < 4000, 'a short excerpt, not the file');
  });
  it('a kapi directory that is a link out of the root is refused', FAST, () => {
    const outside = debugfsTree('elsewhere');
    const root = at('dbg-link');
    mkdirSync(root);
    symlinkSync(join(outside, 'kapi'), join(root, 'kapi'));
    const d = new DiagSink();
    assert.deepEqual(specsFromDebugfs(root, d).specs, []);
    assert.match(d.items.map((x) => x.message).join('\n'), /leads outside/);
  });
  it('a FIFO as kapi/list or as specs-json/<name>: reported, and the specs are read another way', FAST, () => {
    const root = debugfsTree('dbg-fifo');
    mkdirSync(join(root, 'kapi', 'specs-json'));
    execFileSync('mkfifo', [join(root, 'kapi', 'specs-json', 'sys_mlock')]);
    const r = kapi(['--debugfs', root, '-q']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.match(/^ {2}sys_\S+/gm), ['  sys_epoll_create1', '  sys_mlock']);
    assert.equal(r.stderr, `${root}/kapi/specs-json/sys_mlock: error[not-regular]: is a FIFO, not a regular file\n`);
    const root2 = debugfsTree('dbg-fifo-list');
    const list = join(root2, 'kapi', 'list');
    rmSync(list);
    execFileSync('mkfifo', [list]);
    const r2 = kapi(['--debugfs', root2, '-q']);
    assert.deepEqual(r2.stdout.match(/^ {2}sys_\S+/gm), ['  sys_epoll_create1', '  sys_mlock']);
    assert.equal(r2.stderr, `${list}: error[not-regular]: is a FIFO, not a regular file\n`);
  });
  it('a debugfs file over the limit is reported with the limit', FAST, () => {
    const root = debugfsTree('dbg-big');
    truncateSync(join(root, 'kapi', 'specs', 'sys_mlock'), 1024 ** 3);
    const d = new DiagSink();
    assert.deepEqual(specsFromDebugfs(root, d, { maxFileSize: 1 << 20 }).specs.map((s) => s.name), ['sys_epoll_create1']);
    assert.match(d.items.map((x) => `${x.code}: ${x.message}`).join('\n'), /^too-large: file is 1073741824 bytes \(1 GiB\), over the limit of 1048576 bytes \(1 MiB\)/);
  });
});

describe('control characters never reach the terminal raw', () => {
  it('spec text with escape sequences: the list and show output and the diagnostics escape them', FAST, () => {
    const text = readFileSync(repoPath(`${CORPUS18}/read_write.c`), 'utf8')
      .replace('read bytes from a file descriptor', 'read \x1b[2J\x1b]0;owned\x07bytes\u202e')
      .replace('desc: The descriptor to read from.', 'desc: The descriptor \x1b[31mto read from.')
      .replace(' * contexts: process, sleepable', ' * contexts: process, bogus\x1b[8m');
    writeFileSync(at('evil.c'), text);
    const list = kapi(['--source', 'evil.c']);
    const show = kapi(['--source', 'evil.c', 'read']);
    for (const r of [list, show]) {
      assert.doesNotMatch(r.stdout.replace(/\n/g, ''), ESC, r.stdout);
      assert.doesNotMatch(r.stderr.replace(/\n/g, ''), ESC, r.stderr);
    }
    assert.match(list.stdout, /^ {2}sys_read +read \\x1b\[2J\\x1b\]0;owned\\x07bytes\\u202e/m);
    assert.match(show.stdout, /descriptor \\x1b\[31mto read from/);
    assert.match(show.stderr, /error\[unknown-context\]: .*bogus\\x1b\[8m/);
  });
});
