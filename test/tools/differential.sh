#!/bin/sh
# differential.sh SRC TMP [CFLAGS...]: the differential oracle. Builds SRC
# three ways: with the cawait plugin, with the plugin under ASan+UBSan, and
# as plain synchronous C without it (await(e) is e). Runs the three, and the
# plugin build once more under valgrind, and fails unless all outputs and
# exit codes are identical and valgrind saw no error or leak; prints the
# output so the test can FileCheck it.
set -eu
src=$1; tmp=$2; shift 2
"$CAWAIT_CC" -std=gnu11 -gdwarf-4 -O1 -Wall -Werror "$@" "$src" -o "$tmp.async"
"$CAWAIT_CC" -std=gnu11 -g -O1 -fsanitize=address,undefined \
  -fno-sanitize-recover=all "$@" "$src" -o "$tmp.asan"
"$CLANG" -std=gnu11 -g -O1 -Wall -Werror -I"$CAWAIT_INCLUDE" "$@" "$src" \
  "$CAWAIT_LIB" -o "$tmp.sync"
run() { set +e; $1 >"$2" 2>&1; echo "exit=$?" >>"$2"; set -e; }
run "$tmp.async" "$tmp.async.out"
run "$tmp.asan" "$tmp.asan.out"
run "$tmp.sync" "$tmp.sync.out"
run "valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible $tmp.async" "$tmp.vg.out"
diff -u "$tmp.sync.out" "$tmp.async.out" >&2
diff -u "$tmp.sync.out" "$tmp.asan.out" >&2
diff -u "$tmp.sync.out" "$tmp.vg.out" >&2
cat "$tmp.async.out"
