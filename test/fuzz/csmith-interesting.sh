#!/bin/sh
# csmith-interesting.sh [FILE.c]: cvise interestingness test for a failure of
# the Csmith campaign (csmith.py), kept to the same kind and message:
#   CS_KIND=build-error|rejected|plugin-crash  the plugin build fails and its
#       stderr contains the fixed string CS_MSG (for plugin-crash default
#       "PLEASE submit a bug report")
#   CS_KIND=mismatch  both build; outputs or exit codes differ; the plain
#       program is ASan+UBSan clean and (when gcc is installed, NO_GCC unset)
#       gcc's plain build prints the same as clang's (no unspecified order)
#   CS_KIND=timeout   the plain program ends within 2 s, the lowered one not
#       within 10 s
# In every case FILE.c must be valid C to plain clang (the warnings that mark
# invalid C are errors).  CS_OPT is the -O level (default 2).  Start from a
# self-contained copy (csmith.py --standalone FAIL.c t.c), then:
#   CS_KIND=build-error CS_MSG="const-qualified data member" \
#     cvise --not-c $PWD/test/fuzz/csmith-interesting.sh t.c
f=${1:-t.c}
root=${CAWAIT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cc=${CAWAIT_CC:-$root/build/bin/cawait-cc}
inc="$root/runtime/include"
O="-std=gnu11 -O${CS_OPT:-2}"
V="-Werror=implicit-function-declaration -Werror=implicit-int -Werror=int-conversion -Werror=incompatible-pointer-types -Werror=return-type -Werror=uninitialized -Werror=sometimes-uninitialized -Werror=int-to-pointer-cast -Werror=pointer-to-int-cast"
clang-19 $O -fsyntax-only $V -I"$inc" "$f" >/dev/null 2>&1 || exit 1
case "${CS_KIND:?set CS_KIND}" in
build-error|rejected|plugin-crash)
  msg=${CS_MSG:-PLEASE submit a bug report}
  timeout 120 "$cc" $O -w -c "$f" -o lowered.o >lowered.err 2>&1 && exit 1
  grep -qF -- "$msg" lowered.err
  ;;
mismatch|timeout)
  clang-19 $O -w -fsanitize=address,undefined -fno-sanitize-recover=all \
    -I"$inc" "$f" "$root/build/lib/libcawait-san.a" -o san.bin >/dev/null 2>&1 || exit 1
  timeout 2 ./san.bin >san.out 2>san.err || exit 1
  grep -q "runtime error\|AddressSanitizer" san.err && exit 1
  clang-19 $O -w -I"$inc" "$f" "$root/build/lib/libcawait.a" -o sync.bin \
    >/dev/null 2>&1 || exit 1
  timeout 2 ./sync.bin >sync.out 2>&1; echo "exit=$?" >>sync.out
  grep -q "exit=124" sync.out && exit 1
  if [ -z "${NO_GCC:-}" ] && command -v gcc >/dev/null 2>&1; then
    gcc $O -w -I"$inc" "$f" "$root/build/lib/libcawait.a" -o gcc.bin \
      >/dev/null 2>&1 || exit 1
    timeout 2 ./gcc.bin >gcc.out 2>&1; echo "exit=$?" >>gcc.out
    cmp -s sync.out gcc.out || exit 1
  fi
  timeout 120 "$cc" $O -w "$f" -o async.bin >/dev/null 2>&1 || exit 1
  if [ "$CS_KIND" = timeout ]; then
    timeout 10 ./async.bin >/dev/null 2>&1
    [ $? -eq 124 ]
  else
    timeout 10 ./async.bin >async.out 2>&1; echo "exit=$?" >>async.out
    grep -q "exit=124" async.out && exit 1
    ! cmp -s sync.out async.out
  fi
  ;;
*) exit 1 ;;
esac
