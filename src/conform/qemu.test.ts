// Other kernels: the initramfs archive, and the whole corpus run on a Debian cloud kernel booted
// in qemu (TCG). The kernel image comes from KAPI_TEST_KERNEL (.ci/run sets it with
// scripts/cloud-kernel.sh).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CORPUS_RUN_MS, corpusApiCount, corpusRun, corpusSyscallCount, failedCases, kapi } from '../testutil.js';
import { cpio } from './qemu.js';
import type { Totals } from './report.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-qemu-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('initramfs archive', () => {
  it('is a newc cpio archive that cpio lists', () => {
    const f = join(dir, 'a.cpio');
    writeFileSync(f, cpio([
      { name: 'dev', mode: 0o40755 }, { name: 'dev/console', mode: 0o20600, rdev: [5, 1] },
      { name: 'init', mode: 0o100755, data: Buffer.from('#!/bin/sh\n') },
    ]));
    const r = spawnSync('cpio', ['-tv', '--quiet'], { input: readFileSync(f), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split(/\s+/).pop()), ['dev', 'dev/console', 'init']);
    assert.match(lines[1]!, /^crw-------.* 5, +1 /);
    assert.match(lines[2]!, /^-rwxr-xr-x .* 10 /);
  });
});

describe('kapi conform --kernel', () => {
  const kernel = process.env['KAPI_TEST_KERNEL'];
  it('the corpus on a Debian cloud kernel in qemu, compared with this kernel', { skip: kernel ? false : 'KAPI_TEST_KERNEL is not set (.ci/run sets it)' }, () => {
    const vmJson = join(dir, 'vm.json');
    const vm = kapi(['conform', '-q', '--kernel', kernel!, '--json', vmJson], { timeout: CORPUS_RUN_MS });
    assert.equal(vm.code, 0, failedCases(vm));
    const n = corpusSyscallCount();
    assert.ok(vm.stdout.startsWith(`KTAP version 1\n1..${corpusApiCount()}\n`), vm.stdout.slice(0, 40));
    assert.equal(vm.stdout.split('\n').filter((l) => /^ok \d+ sys_/.test(l)).length, n);
    // The targets hold on the 6.1 kernel too: at least 80% provoked, at most 15% unprovokable.
    const doc = JSON.parse(readFileSync(vmJson, 'utf8')) as { totals: Totals; results: { api: string; effects: { unchecked: string[] }; outcomes: { ret?: string; end: string }[] }[] };
    const t = doc.totals;
    assert.ok(t.provokedPct >= 80, `errors provoked in the guest: ${t.provoked}/${t.errors} (${t.provokedPct}%)`);
    assert.ok(t.unprovokablePct <= 15, `unprovokable: ${t.unprovokable}/${t.errors} (${t.unprovokablePct}%)`);
    // Every effect block is checked or unobservable in the guest, except those of a call none of
    // whose successful cases could run there (6.1's tmpfs keeps no user.* attributes: the xattr
    // cases are skipped); those are counted and must have no successful call that was not skipped.
    const blind = doc.results.filter((r) => r.effects.unchecked.length);
    for (const r of blind) {
      const ran = r.outcomes.filter((o) => !o.end.startsWith('skip') && o.ret !== undefined && !o.ret.startsWith('-'));
      assert.deepEqual(ran.length, 0, `${r.api}: effect blocks ${r.effects.unchecked.join(', ')} not checked after ${ran.length} successful calls`);
    }
    assert.equal(t.effectsChecked + t.unobservable + blind.reduce((n, r) => n + r.effects.unchecked.length, 0), t.effects);
    const host = corpusRun();
    assert.equal(host.code, 0, failedCases(host));
    const cmp = kapi(['conform', '--compare', host.json, vmJson]);
    assert.ok(cmp.code === 0 || cmp.code === 1);
    assert.ok(cmp.stdout === 'same behaviour\n' || cmp.stdout.split('\n').filter(Boolean).every((l) => /^sys_\w+: .* in .* in /.test(l)), cmp.stdout);
  });
});
