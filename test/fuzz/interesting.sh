#!/bin/sh
# interesting.sh FILE.c: cvise/creduce interestingness test for a lowering
# mismatch.  Succeeds when FILE.c compiles warning-free as plain C (ASan+UBSan
# clean at run time) and with the plugin, and the two programs' outputs or
# exit codes differ.  When gcc is installed the plain program built by gcc
# must print the same as the clang one (so the reduction does not wander
# into C's unspecified evaluation orders, which gcc and clang resolve
# differently; set NO_GCC=1 to skip).  Set CAWAIT_ROOT to the checkout
# (default: this script's ../..).  Usage with cvise:
#   cp failures/seed-N.c /tmp/r/t.c && cd /tmp/r &&
#   cvise --not-c /path/to/interesting.sh t.c   (or: cvise interesting.sh t.c)
f=${1:-t.c}
root=${CAWAIT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
inc="$root/runtime/include"
W="-Wall -Werror -Wno-unused -Werror=uninitialized -Werror=sometimes-uninitialized -Werror=return-type -Werror=implicit-int -Werror=implicit-function-declaration -Wno-unused-label -Wno-tautological-bitwise-compare -Wno-tautological-compare"
clang-19 -std=gnu11 -O1 $W -fsanitize=address,undefined -fno-sanitize-recover=all \
  -I"$inc" "$f" "$root/build/lib/libcawait-san.a" -o sync.bin >/dev/null 2>&1 || exit 1
"$root/build/bin/cawait-cc" -std=gnu11 -O1 "$f" -o async.bin >/dev/null 2>&1 || exit 1
timeout 5 ./sync.bin >sync.out 2>sync.err; echo "exit=$?" >>sync.out
grep -q "runtime error\|AddressSanitizer" sync.err && exit 1
if [ -z "${NO_GCC:-}" ] && command -v gcc >/dev/null 2>&1; then
  gcc -std=gnu11 -O1 -w -I"$inc" "$f" "$root/build/lib/libcawait.a" \
    -o gcc.bin >/dev/null 2>&1 || exit 1
  timeout 5 ./gcc.bin >gcc.out 2>&1; echo "exit=$?" >>gcc.out
  cmp -s sync.out gcc.out || exit 1
fi
timeout 5 ./async.bin >async.out 2>&1; echo "exit=$?" >>async.out
! cmp -s sync.out async.out
