// `kapi conform --kernel VMLINUZ --fs KIND,...`: the per-filesystem runs in the qemu guest (the
// Debian cloud kernel from KAPI_TEST_KERNEL, .ci/run sets it with scripts/cloud-kernel.sh): the
// modules the guest needs, in dependency order; two specs on tmpfs and on an ext4 image disk,
// run as nobody (no root needed), both reported; kinds the guest lacks reported as lacking;
// nothing left in the work directory.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { failedCases, repoPath } from '../testutil.js';
import { guestModules } from './qemu.js';

const kernel = process.env['KAPI_TEST_KERNEL'];
const skip = kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)';
const dir = mkdtempSync(join(tmpdir(), 'kapi-qemu-fs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
chmodSync(dir, 0o755);

/** kapi as nobody, with its own TMPDIR (kapi's work directories go there) that nobody may write. */
function kapiAsNobody(args: string[], name: string): { code: number | null; stdout: string; stderr: string; tmp: string } {
  const tmp = join(dir, name);
  mkdirSync(tmp);
  chmodSync(tmp, 0o1777);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, repoPath('dist/src/cli/main.js'), ...args], {
    encoding: 'utf8', cwd: '/', env: { ...process.env, TMPDIR: tmp }, timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, tmp };
}

describe('conform --kernel --fs', () => {
  it('the guest gets each filesystem\'s modules after the ones they need', { skip }, () => {
    const names = guestModules(kernel!, ['fuse', 'virtio_pci', 'virtio_blk', 'xfs', 'btrfs', 'overlay']).map((m) => m.name);
    const at = (n: string) => { const i = names.indexOf(`${n}.ko`); assert.ok(i >= 0, `${n}.ko in ${names.join(' ')}`); return i; };
    assert.equal(new Set(names).size, names.length);
    for (const [m, deps] of [['virtio_pci', ['virtio', 'virtio_ring']], ['virtio_blk', ['virtio', 'virtio_ring']], ['xfs', ['libcrc32c']], ['btrfs', ['libcrc32c', 'xor', 'raid6_pq', 'zstd_compress']]] as const) {
      for (const d of deps) assert.ok(at(d) < at(m), `${d} before ${m}: ${names.join(' ')}`);
    }
    at('overlay');
    at('fuse');
  });

  it('open and write on tmpfs and on an ext4 disk in the guest pass, as nobody, and leave nothing behind', { skip }, () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o1777);
    const json = join(out, 'fs.json');
    const r = kapiAsNobody(['conform', '-q', '--kernel', kernel!, '--fs', 'tmpfs,ext4', '--json', json, 'open', 'write'], 'run');
    assert.equal(r.code, 0, failedCases(r));
    assert.equal(r.stderr, '');
    for (const fs of ['tmpfs', 'ext4']) {
      for (const api of ['sys_open', 'sys_write']) {
        assert.match(r.stdout, new RegExp(`^ok \\d+ ${api}@${fs}$`, 'm'));
        assert.match(r.stdout, new RegExp(`^ {4}# ${api}@${fs}: (\\d+)/\\d+ passed`, 'm'));
      }
    }
    assert.match(r.stdout, /^# filesystems: tmpfs ext4$/m);
    assert.match(r.stdout, /^# differences between filesystems: \d+$/m);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { kernel: string; filesystems: { fs: string; results: { api: string; outcomes: { pass: boolean }[] }[] }[] };
    assert.equal(doc.kernel, kernel);
    assert.deepEqual(doc.filesystems.map((f) => f.fs), ['tmpfs', 'ext4']);
    for (const f of doc.filesystems) {
      assert.deepEqual(f.results.map((x) => x.api), [`sys_open@${f.fs}`, `sys_write@${f.fs}`]);
      for (const x of f.results) assert.ok(x.outcomes.length > 10 && x.outcomes.every((o) => o.pass), `${x.api}`);
    }
    assert.deepEqual(readdirSync(r.tmp), [], 'the work directory and the images are removed');
  });

  it('a filesystem the guest kernel lacks, and fuse, are reported as lacking, not failed', { skip }, () => {
    // The same kernel image without its package's modules beside it: no overlay module in the guest.
    const boot = join(dir, 'bare', 'boot');
    mkdirSync(boot, { recursive: true });
    copyFileSync(kernel!, join(boot, basename(kernel!)));
    chmodSync(join(dir, 'bare'), 0o755);
    const r = kapiAsNobody(['conform', '--kernel', join(boot, basename(kernel!)), '--fs', 'overlay,fuse', 'close'], 'lacking');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /^kapi: overlay skipped: the guest kernel: this kernel has no overlay \(not in \/proc\/filesystems\)$/m);
    assert.match(r.stderr, /^kapi: fuse skipped: the guest has no FUSE server to mount/m);
    assert.match(r.stdout, /^ok 1 sys_close@overlay # SKIP overlay: the guest kernel: this kernel has no overlay/m);
    assert.match(r.stdout, /^ok 2 sys_close@fuse # SKIP fuse: /m);
    assert.match(r.stdout, /^# filesystems: none; skipped: overlay \(.*\), fuse \(.*\)$/m);
    assert.deepEqual(readdirSync(r.tmp), []);
  });
});
