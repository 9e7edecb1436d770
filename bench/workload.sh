#!/usr/bin/env bash
# Workload coverage: runs a fixed set of everyday commands under `strace -f -c` (ls, cp, tar,
# git, python3, gcc, node, find | xargs grep, sort | uniq, each in a scratch directory) and prints,
# for the syscalls they make, the share the corpus specifies: of the distinct syscalls, of the
# calls, and of the failed calls, per command and over the whole workload. Deterministic inputs
# (files under /usr and /etc, a repository made here); the counts vary a little between runs
# (timing-dependent calls such as futex).
#   bash bench/workload.sh            (KAPI_SPECS=DIR reads another corpus; -v lists the syscalls)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
verbose=0
[ "${1:-}" = -v ] && verbose=1
for t in strace git python3 gcc; do
  command -v "$t" >/dev/null || { echo "workload: $t is not installed" >&2; exit 2; }
done
[ -f dist/src/cli/main.js ] || npm run -s build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The specified syscalls: the corpus's sys_NAME specs, by their x86-64 table name (newstat is stat).
specs=${KAPI_SPECS:-specs}
node dist/src/cli/main.js -q --source "$specs" -f json |
  node --input-type=module -e 'import { tableName } from "./dist/src/sources/consts/index.js"; let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { for (const x of JSON.parse(s).specs) if (x.kind === "syscall") console.log(tableName(x.name.replace(/^sys_/, ""))); });' |
  sort -u >"$work/specified"

mkdir -p "$work/run"
cd "$work/run"
printf 'int main(void) { return 0; }\n' >hello.c
git init -q repo && git -C repo config user.email k@example.org && git -C repo config user.name k
cp /etc/services repo/ && git -C repo add services && git -C repo commit -qm one && echo x >>repo/services

names=(ls cp tar git python3 gcc node find-grep sort-uniq)
cmds=(
  'ls -la /usr/bin >/dev/null'
  'cp -r /usr/share/doc/bash copy && rm -r copy'
  'tar cf x.tar -C /usr/share/doc bash && mkdir -p out && tar xf x.tar -C out && rm -r out x.tar'
  'git -C repo status --short >/dev/null'
  'python3 -c "import json, os; json.dumps(sorted(os.listdir(\"/usr/lib\")))"'
  'gcc -c hello.c -o hello.o && rm hello.o'
  'node -e "require(\"fs\").readdirSync(\"/usr/lib\")"'
  'find /usr/include/linux -name "*.h" | xargs grep -l EINVAL >/dev/null'
  'sort /etc/services | uniq -c >/dev/null'
)
for i in "${!names[@]}"; do
  strace -f -c -o "$work/${names[$i]}.strace" -- sh -c "${cmds[$i]}" >/dev/null 2>&1 || true
done

# strace -c table: `% time seconds usecs/call calls [errors] syscall`, between dashed lines.
node - "$work" "$verbose" "${names[@]}" <<'EOF'
const fs = require('fs');
const [dir, verbose, ...names] = process.argv.slice(2);
const specified = new Set(fs.readFileSync(`${dir}/specified`, 'utf8').split('\n').filter(Boolean));
const parse = (file) => {
  const out = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || !/^\d/.test(f[0]) || f[f.length - 1] === 'total') continue;
    const name = f[f.length - 1];
    const calls = Number(f[3]);
    const errors = f.length >= 6 ? Number(f[4]) : 0;
    const had = out.get(name) ?? { calls: 0, errors: 0 };
    out.set(name, { calls: had.calls + calls, errors: had.errors + errors });
  }
  return out;
};
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
const row = (label, m) => {
  let calls = 0, cov = 0, errs = 0, ecov = 0, dist = 0, dcov = 0;
  for (const [n, v] of m) {
    dist++; calls += v.calls; errs += v.errors;
    if (specified.has(n)) { dcov++; cov += v.calls; ecov += v.errors; }
  }
  console.log(`${label.padEnd(10)} ${`${dcov}/${dist}`.padStart(7)} ${pct(dcov, dist).padStart(6)}  ${`${cov}/${calls}`.padStart(13)} ${pct(cov, calls).padStart(6)}  ${`${ecov}/${errs}`.padStart(11)} ${pct(ecov, errs).padStart(6)}`);
};
console.log(`corpus: ${specified.size} syscalls specified`);
console.log(`${'command'.padEnd(10)} ${'distinct'.padStart(14)}  ${'calls'.padStart(20)}  ${'failed calls'.padStart(18)}`);
const all = new Map();
for (const n of names) {
  const m = parse(`${dir}/${n}.strace`);
  row(n, m);
  for (const [k, v] of m) {
    const had = all.get(k) ?? { calls: 0, errors: 0 };
    all.set(k, { calls: had.calls + v.calls, errors: had.errors + v.errors });
  }
}
row('workload', all);
if (verbose === '1') {
  for (const [n, v] of [...all].sort((a, b) => b[1].calls - a[1].calls)) console.log(`  ${specified.has(n) ? '+' : '-'} ${n} ${v.calls} calls, ${v.errors} failed`);
}
EOF
