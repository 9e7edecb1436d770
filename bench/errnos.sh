#!/usr/bin/env bash
# Benchmark: `kapi errnos` over Debian's whole linux-source-6.1 tree (every syscall), with a cold
# cache (an empty cache directory: every file read, hashed and scanned, the files the errno flow
# reaches summarised), a warm one (the cache of the cold run: no source file read, and the last
# run's results reused since nothing changed) and a warm one without the results (the flow run
# again on the cached summaries, as after an edit to kapi's code or another choice of syscalls), beside
# ripgrep listing the tree's syscall files (`rg -l SYSCALL_DEFINE`) in the same run, with peak
# memory. The page cache is warm for both (rg runs once before it is timed).
#   bash bench/errnos.sh     (RUNS=3 by default; KAPI_KERNEL_TREE overrides the tree)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib.sh
. bench/lib.sh
export RUNS=${RUNS:-3}
need_rg_and_kapi
tree=${KAPI_KERNEL_TREE:-$(scripts/kernel-tree.sh)}
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

cold() { rm -rf "$cache/c"; node dist/src/cli/main.js errnos -q --source "$tree" --cache "$cache/c" -f json; }
warm() { node dist/src/cli/main.js errnos -q --source "$tree" --cache "$cache/w" -f json; }
flow() { rm -f "$cache"/w/*/results.json; warm; }

rg --no-ignore -l SYSCALL_DEFINE "$tree" >/dev/null
t_rg=$(time_runs rg --no-ignore -l SYSCALL_DEFINE "$tree")
t_cold=$(time_runs cold)
m_cold=$(peak bash -c "$(declare -f cold); cache=$cache tree=$tree; cold")
warm >/dev/null 2>&1 || true
t_warm=$(time_runs warm)
t_flow=$(time_runs flow)
warm >/dev/null 2>&1 || true
m_warm=$(peak node dist/src/cli/main.js errnos -q --source "$tree" --cache "$cache/w" -f json)
summary=$(node dist/src/cli/main.js errnos --source "$tree" --cache "$cache/w" -f json 2>&1 >/dev/null | tail -1)
count=$(node dist/src/cli/main.js errnos -q --source "$tree" --cache "$cache/w" -f json | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const a=JSON.parse(s);console.log(a.length+' syscalls, '+a.filter(x=>x.errors.length).length+' with errors, '+a.reduce((n,x)=>n+x.errors.length,0)+' errnos with chains')})")

printf 'tree: %s (%s)\n' "$tree" "$count"
printf '%-34s %8.3f s\n' "rg -l SYSCALL_DEFINE (reference)" "$t_rg"
printf '%-34s %8.3f s  ratio %.2f  peak %d MiB\n' "kapi errnos, cold cache" "$t_cold" "$(echo "$t_cold / $t_rg" | bc -l)" "$(( m_cold / 1024 ))"
printf '%-34s %8.3f s  ratio %.2f  peak %d MiB\n' "kapi errnos, warm cache" "$t_warm" "$(echo "$t_warm / $t_rg" | bc -l)" "$(( m_warm / 1024 ))"
printf '%-34s %8.3f s  ratio %.2f\n' "kapi errnos, warm, flow run again" "$t_flow" "$(echo "$t_flow / $t_rg" | bc -l)"
printf '%s\n' "$summary"
