#!/usr/bin/env bash
# Benchmark: `kapi --source TREE` over Debian's linux-source-6.1 tree with spec files planted in
# it, against `rg -l` for the spec markers over the same tree, in the same run. Prints the
# median of RUNS runs of each, the ratio, and kapi's peak memory.
#   bash bench/scan.sh            (RUNS=5 by default; installs ripgrep and the tree if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib.sh
. bench/lib.sh
export RUNS=${RUNS:-5}

if ! command -v rg >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >&2
fi
[ -f dist/src/cli/main.js ] || npm run -s build
tree=$(scripts/kernel-tree.sh)

plant="$tree/kapi-bench-planted"
trap 'rm -rf "$plant"' EXIT
mkdir -p "$plant/fs" "$plant/mm/deep/er"
cp specs/*.c "$plant/fs/"
# Fixtures whose spec names the corpus does not also use.
for f in rfc1-ioctl rfc2-macro patch4-kdoc; do
  cp "src/sources/testdata/$f.c" "$plant/mm/deep/er/"
done
want=$(( $(node dist/src/cli/main.js -q --source specs -f json | grep -c '"source_format"') + 8 ))

pattern='DEFINE_KERNEL_API_SPEC|DEFINE_SYSFS_API_SPEC|DEFINE_KAPI_IOCTL_SPEC|kapi_ioctl_spec|context(s|-flags)?:'
kapi=(node dist/src/cli/main.js -q --source "$tree")
ref=(rg --no-ignore -l "$pattern" "$tree")

# Warm the page cache, and check both commands do their job.
"${ref[@]}" >/dev/null
got=$("${kapi[@]}" | sed -n 's/^Total specifications found: //p')
if [ "$got" != "$want" ]; then echo "bench: kapi found $got specs, expected $want" >&2; exit 1; fi


t_ref=$(time_runs "${ref[@]}")
t_kapi=$(time_runs "${kapi[@]}")
rss=$( { /usr/bin/time -f '%M' "${kapi[@]}" >/dev/null; } 2>&1 | tail -1)
files=$(find "$tree" -name '*.[ch]' | wc -l)

printf 'tree: %s (%s C files, %s specs planted)\n' "$tree" "$files" "$want"
printf '%-28s %8.3f s\n' "rg -l (reference)" "$t_ref" "kapi --source" "$t_kapi"
printf 'ratio kapi / rg: %.2f (target <= 1.5)\n' "$(echo "$t_kapi / $t_ref" | bc -l)"
printf 'kapi peak memory: %d MiB\n' "$(( rss / 1024 ))"
