#!/usr/bin/env bash
# Prints the path of an unpacked Debian linux-source-6.1 tree, installing the package and
# unpacking it on first use. Used by the whole-tree test and the benchmark.
#   scripts/kernel-tree.sh [CACHE_DIR]   (default: bench/.cache)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${KAPI_CACHE:-$here/bench/.cache}}
tarball=/usr/src/linux-source-6.1.tar.xz
tree=$cache/linux-source-6.1
if [ ! -f "$tree/.kapi-unpacked" ]; then
  if [ ! -f "$tarball" ]; then
    echo "kernel-tree: installing linux-source-6.1" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq linux-source-6.1 >&2
  fi
  echo "kernel-tree: unpacking $tarball into $cache" >&2
  mkdir -p "$cache"
  rm -rf "$tree"
  tar -C "$cache" -xf "$tarball"
  touch "$tree/.kapi-unpacked"
fi
echo "$tree"
