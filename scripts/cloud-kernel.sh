#!/usr/bin/env bash
# Prints the path of a Debian cloud kernel image (vmlinuz), downloading the package the
# linux-image-cloud-amd64 metapackage currently points at and unpacking it on first use.
# Used by the qemu conformance test.   scripts/cloud-kernel.sh [CACHE_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${KAPI_CACHE:-$here/bench/.cache}}/cloud-kernel
pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-cloud-amd64\)$/\1/p' | head -1)
if [ -z "$pkg" ]; then
  apt-get update -qq >&2
  pkg=$(apt-cache depends linux-image-cloud-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-cloud-amd64\)$/\1/p' | head -1)
fi
[ -n "$pkg" ] || { echo "cloud-kernel: no linux-image-cloud-amd64 package found" >&2; exit 1; }
img=$(ls "$cache/$pkg"/boot/vmlinuz-* 2>/dev/null | head -1 || true)
if [ -z "$img" ]; then
  mkdir -p "$cache/$pkg"
  (cd "$cache" && apt-get download -qq "$pkg" 2>/dev/null)
  dpkg-deb -x "$cache/$pkg"_*.deb "$cache/$pkg"
  rm -f "$cache/$pkg"_*.deb
  img=$(ls "$cache/$pkg"/boot/vmlinuz-* | head -1)
fi
echo "$img"
