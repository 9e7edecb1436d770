#!/usr/bin/env bash
# Benchmark: (1) check-trace throughput, lines per second, on a large strace log made by tracing
# real work (the TypeScript build of this project), against `grep -c` over the same file in the
# same run (the floor: reading the lines); (2) `kapi trace` overhead against plain `strace -f` on
# the same command, both beside the command alone. Medians of RUNS runs.
#   bash bench/trace.sh     (RUNS=3 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib.sh
. bench/lib.sh
export RUNS=${RUNS:-3}
[ -f dist/src/cli/main.js ] || npm run -s build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
job=(node node_modules/typescript/bin/tsc -p . --noEmit)

strace -f -o "$work/one.log" -- "${job[@]}"
# Twenty builds' worth of log: the same real lines, enough to measure throughput, not start-up.
for _ in $(seq 20); do cat "$work/one.log"; done > "$work/build.log"
lines=$(wc -l < "$work/build.log")


t_grep=$(time_runs grep -c . "$work/build.log")
t_check=$(time_runs node dist/src/cli/main.js check-trace -q "$work/build.log")
printf 'log: %s lines (20 x the trace of: %s)\n' "$lines" "${job[*]}"
printf '  %-32s %8.3f s  %12.0f lines/s\n' "grep -c (reference)" "$t_grep" "$(echo "$lines / $t_grep" | bc -l)" \
  "kapi check-trace" "$t_check" "$(echo "$lines / $t_check" | bc -l)"
printf '  ratio kapi / grep: %.1f\n' "$(echo "$t_check / $t_grep" | bc -l)"

t_plain=$(time_runs "${job[@]}")
t_strace=$(time_runs strace -f -o /dev/null -- "${job[@]}")
t_trace=$(time_runs node dist/src/cli/main.js trace -q -- "${job[@]}")
printf 'command: %s\n' "${job[*]}"
printf '  %-32s %8.3f s\n' "alone" "$t_plain" "strace -f (reference)" "$t_strace" "kapi trace" "$t_trace"
printf '  ratio kapi trace / strace -f: %.2f\n' "$(echo "$t_trace / $t_strace" | bc -l)"
