#!/usr/bin/env bash
# Benchmark: `kapi --vmlinux` on (1) a large ELF built here with gcc, holding many PATCH v4 specs
# and 256 MiB of other read-only data, and (2) a big real binary without .kapi_specs (the node
# executable). Each is timed against reading the whole file once in the same run: `cat FILE >
# /dev/null` (which may not copy the data at all) and `dd bs=1M` (which does); medians of RUNS
# runs, and kapi's peak memory. kapi decodes every spec fully and prints the list.
#   bash bench/elf.sh            (RUNS=5 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib.sh
. bench/lib.sh
export RUNS=${RUNS:-5}
work=${KAPI_BENCH_DIR:-$here/bench/.cache/elf}
mkdir -p "$work"
[ -f dist/src/cli/main.js ] || npm run -s build

# 1. A large image: the corpus renamed 50 times (900 specs) plus 256 MiB of .rodata.
big=$work/big.elf
if [ ! -f "$big" ]; then
  node --input-type=module -e "
    import { readSourcePath } from './dist/src/sources/index.js';
    import { emitC } from './dist/src/sources/elf/fixture-c.js';
    import { DiagSink } from './dist/src/diag/index.js';
    import { writeFileSync } from 'node:fs';
    const specs = await readSourcePath('specs', new DiagSink());
    const many = [];
    for (let i = 0; i < 50; i++) for (const s of specs) many.push({ ...s, name: s.name + '_' + i });
    writeFileSync('$work/big.c', emitC(many, 'v4', 'specs/ x 50') +
      '\nconst char kapi_bench_padding[256 << 20] __attribute__((used)) = { 1 };\n');
  "
  gcc -c -O1 -I include/kapi -o "$work/big.o" "$work/big.c"
  ld -T include/kapi/kapi.lds --defsym=KAPI_BASE=0xffffffff81000000 -e 0 -o "$big" "$work/big.o"
  rm -f "$work/big.o"
fi
real=$(node -p process.execPath)


for f in "$big" "$real"; do
  cat "$f" >/dev/null   # warm the page cache for both commands alike
  size=$(stat -c %s "$f")
  specs=$(node dist/src/cli/main.js -q --vmlinux "$f" 2>/dev/null | sed -n 's/^Total specifications found: //p' || true)
  t_cat=$(time_runs cat "$f")
  t_dd=$(time_runs dd if="$f" of=/dev/null bs=1M)
  t_kapi=$(time_runs node dist/src/cli/main.js -q --vmlinux "$f")
  rss=$(peak node dist/src/cli/main.js -q --vmlinux "$f")
  printf '%s: %d MiB, %s specs\n' "$f" "$(( size >> 20 ))" "${specs:-0}"
  printf '  %-30s %8.3f s\n' "cat FILE > /dev/null" "$t_cat" "dd if=FILE bs=1M" "$t_dd" "kapi --vmlinux FILE" "$t_kapi"
  printf '  ratio kapi / cat: %.2f, kapi / dd: %.2f; kapi peak memory: %d MiB (file: %d MiB)\n' \
    "$(echo "$t_kapi / $t_cat" | bc -l)" "$(echo "$t_kapi / $t_dd" | bc -l)" "$(( rss / 1024 ))" "$(( size >> 20 ))"
done
