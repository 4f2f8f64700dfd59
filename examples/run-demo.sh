#!/bin/sh
# run-demo.sh BUILD_DIR: compiles every example with cawait-cc, showing the
# frame-size report of each async function, and runs it.
set -eu
build=${1:-build}
here=$(dirname "$0")
out="$build/examples"
mkdir -p "$out"
for src in "$here"/*.c; do
  name=$(basename "$src" .c)
  echo "== $name: cawait-cc -fplugin-arg-cawait-frame-report $src"
  "$build/bin/cawait-cc" -O2 -Wall -Rremark-backend-plugin \
    -fplugin-arg-cawait-frame-report "$src" -o "$out/$name"
  echo "== running $name"
  "$out/$name"
done
