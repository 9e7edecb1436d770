#!/usr/bin/env bash
# Benchmark: `kapi lint` and `kapi scaffold` over Debian's whole linux-source-6.1 tree, time and
# peak memory, beside ripgrep listing the same tree's syscall files (`rg -l SYSCALL_DEFINE`) in
# the same run. For lint, the bundled corpus is planted into the real kernel files, right before
# the SYSCALL_DEFINEs it describes, so every spec is checked against its real code; the files are
# restored afterwards.
#   bash bench/lint-scaffold.sh     (RUNS=3 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib.sh
. bench/lib.sh
export RUNS=${RUNS:-3}
need_rg_and_kapi
tree=$(scripts/kernel-tree.sh)

files=(fs/eventpoll.c fs/exec.c mm/mlock.c fs/open.c fs/read_write.c mm/madvise.c)
backup=$(mktemp -d)
for f in "${files[@]}"; do mkdir -p "$backup/$(dirname "$f")"; cp "$tree/$f" "$backup/$f"; done
trap 'for f in "${files[@]}"; do cp "$backup/$f" "$tree/$f"; done; rm -rf "$backup"' EXIT
node --input-type=module -e "
  import { readFileSync, writeFileSync } from 'node:fs';
  const plant = { 'fs/eventpoll.c': 'specs/epoll.c', 'fs/exec.c': 'specs/exec.c', 'mm/mlock.c': 'specs/mlock.c',
    'fs/open.c': 'specs/open.c', 'fs/read_write.c': 'specs/read_write.c', 'mm/madvise.c': 'specs/madvise.c' };
  for (const [k, s] of Object.entries(plant)) {
    let code = readFileSync('$tree/' + k, 'latin1');
    const spec = readFileSync(s, 'latin1');
    for (const m of spec.matchAll(/(\/\*\*\n \* sys_(\w+) - [\s\S]*?\*\/\n)SYSCALL_DEFINE\d\(\2,/g)) {
      code = code.replace(new RegExp('\\\\nSYSCALL_DEFINE\\\\d\\\\(' + m[2] + ','), (x) => '\n' + m[1] + x.slice(1));
    }
    writeFileSync('$tree/' + k, code, 'latin1');
  }
"
specs=$(node dist/src/cli/main.js -q --source "$tree" | sed -n 's/^Total specifications found: //p')


rg --no-ignore -l SYSCALL_DEFINE "$tree" >/dev/null
t_rg=$(time_runs rg --no-ignore -l SYSCALL_DEFINE "$tree")
t_lint=$(time_runs node dist/src/cli/main.js lint -q --source "$tree")
m_lint=$(peak node dist/src/cli/main.js lint -q --source "$tree")
t_scaf=$(time_runs node dist/src/cli/main.js scaffold -q --source "$tree")
m_scaf=$(peak node dist/src/cli/main.js scaffold -q --source "$tree")
summary=$(node dist/src/cli/main.js lint -q --source "$tree" | tail -1)

printf 'tree: %s (%s specs planted into their kernel files)\n' "$tree" "$specs"
printf '%-34s %8.3f s\n' "rg -l SYSCALL_DEFINE (reference)" "$t_rg"
printf '%-34s %8.3f s  ratio %.2f  peak %d MiB  (%s)\n' "kapi lint" "$t_lint" "$(echo "$t_lint / $t_rg" | bc -l)" "$(( m_lint / 1024 ))" "$summary"
printf '%-34s %8.3f s  ratio %.2f  peak %d MiB\n' "kapi scaffold" "$t_scaf" "$(echo "$t_scaf / $t_rg" | bc -l)" "$(( m_scaf / 1024 ))"
