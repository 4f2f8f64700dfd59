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
# A multi-file program built by its own CMake project against this build,
# installed into a prefix (find_package(cawait)).
echo "== multi-file: cmake project examples/multi-file (find_package(cawait))"
prefix=$(cd "$out" && pwd)/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
cmake -S "$here/multi-file" -B "$out/multi-file" -G Ninja \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$out/multi-file"
echo "== running multi-file"
"$out/multi-file/sensors"
