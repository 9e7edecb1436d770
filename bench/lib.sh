# Shared by the benchmarks: timing and peak memory of commands. Source it; RUNS sets the count.

now() { date +%s.%N; }

# The median of numbers on stdin.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The median wall time of RUNS runs of a command, its output discarded.
time_runs() {
  for _ in $(seq "${RUNS:-3}"); do
    local t0 t1
    t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
    echo "$t1 - $t0" | bc -l
  done | median
}

# Peak resident memory of one run of a command, in KiB.
peak() {
  local out
  out=$(mktemp)
  /usr/bin/time -f '%M' -o "$out" "$@" >/dev/null 2>&1 || true
  tail -1 "$out"
  rm -f "$out"
}

# The tools the tree benchmarks need: ripgrep (the reference command) and a built kapi.
need_rg_and_kapi() {
  if ! command -v rg >/dev/null; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >&2; fi
  [ -f dist/src/cli/main.js ] || npm run -s build
}
