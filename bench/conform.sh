#!/usr/bin/env bash
# Benchmark: kapi conform on the bundled corpus, test cases per second (planned, compiled and run
# against this machine's kernel), beside compiling an empty C program with the same cc in the same
# run (the fixed cost every run pays), and the same corpus with --fs on the six filesystems (each
# made, mounted, run on and removed: cases per second counts every filesystem's cases, setup
# included). Median of RUNS runs. FS overrides the --fs list.
#   bash bench/conform.sh     (RUNS=3 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib.sh
. bench/lib.sh
export RUNS=${RUNS:-3}
[ -f dist/src/cli/main.js ] || npm run -s build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo 'int main(void) { return 0; }' > "$work/empty.c"


node dist/src/cli/main.js conform -q --json "$work/r.json" >/dev/null
cases=$(node -p "JSON.parse(require('fs').readFileSync('$work/r.json')).results.reduce((n, r) => n + r.cases, 0)")
t_cc=$(time_runs cc -O0 -o "$work/empty" "$work/empty.c")
t_conf=$(time_runs node dist/src/cli/main.js conform -q)
printf '%-36s %8.3f s\n' "cc empty.c (reference)" "$t_cc" "kapi conform (bundled corpus)" "$t_conf"
printf '%s cases: %.1f cases/s; ratio kapi conform / cc: %.1f\n' "$cases" "$(echo "$cases / $t_conf" | bc -l)" "$(echo "$t_conf / $t_cc" | bc -l)"

FS=${FS:-tmpfs,ext4,xfs,btrfs,overlay,fuse}
node dist/src/cli/main.js conform -q --fs "$FS" --json "$work/fs.json" >/dev/null || true
fs_cases=$(node -p "JSON.parse(require('fs').readFileSync('$work/fs.json')).filesystems.reduce((n, f) => n + f.results.reduce((m, r) => m + r.cases, 0), 0)")
nfs=$(node -p "JSON.parse(require('fs').readFileSync('$work/fs.json')).filesystems.filter((f) => !f.lacking).length")
t_fs=$(time_runs node dist/src/cli/main.js conform -q --fs "$FS")
printf '%-36s %8.3f s\n' "kapi conform --fs $FS" "$t_fs"
printf '%s cases on %s filesystems: %.1f cases/s; %.2f s per filesystem\n' "$fs_cases" "$nfs" "$(echo "$fs_cases / $t_fs" | bc -l)" "$(echo "$t_fs / $nfs" | bc -l)"
