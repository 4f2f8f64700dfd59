#!/bin/sh
# core-headers.sh SRC CLANG PICOLIBC_INCLUDE: compiles the runtime's
# portable core (runtime/core-sources.txt) and the Cortex-M platform for a
# Cortex-M3, freestanding, with clang and with arm-none-eabi-gcc, -Werror,
# and prints every header they include, by where it comes from:
# "runtime: <path under runtime/>", "compiler: <name>" (the compiler's own
# freestanding headers), "libc: <path under picolibc's include>", or
# "OTHER: <path>".
set -eu
src=$1; clang=$2; pico=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files="$(sed "s|^|$src/runtime/|" "$src/runtime/core-sources.txt") $src/runtime/src/platform/cortex-m.c"
flags="-mcpu=cortex-m3 -mthumb -Os -std=gnu11 -ffreestanding -Wall -Wextra -Werror -I$src/runtime/include"
n=0
for f in $files; do
  "$clang" --target=thumbv7m-none-eabi $flags -isystem "$pico" -c "$f" -o "$tmp/c$n.o" -MD -MF "$tmp/c$n.d"
  arm-none-eabi-gcc $flags --specs=picolibc.specs -c "$f" -o "$tmp/g$n.o" -MD -MF "$tmp/g$n.d"
  n=$((n + 1))
done
gccinc=$(arm-none-eabi-gcc -print-file-name=include)
clanginc=$("$clang" -print-resource-dir)/include
cat "$tmp"/*.d | tr ' \\' '\n\n' | grep '\.h$' | while read -r h; do
  h=$(realpath -m "$h")
  case "$h" in
    "$src"/runtime/*) echo "runtime: ${h#"$src"/runtime/}" ;;
    "$(realpath -m "$clanginc")"/*) echo "compiler: ${h##*/}" ;;
    "$(realpath -m "$gccinc")"/*) echo "compiler: ${h##*/}" ;;
    "$(realpath -m "$pico")"/*) echo "libc: ${h#"$(realpath -m "$pico")"/}" ;;
    *) echo "OTHER: $h" ;;
  esac
done | sort -u
