#!/bin/sh
# differential.sh SRC TMP [CFLAGS...]: the differential oracle. Builds SRC
# three ways: with the cawait plugin, with the plugin under ASan+UBSan, and
# as plain synchronous C without it (await(e) is e). Runs the three, and the
# plugin build once more under valgrind, and fails unless all outputs and
# exit codes are identical and valgrind saw no error or leak; prints the
# output so the test can FileCheck it. With GCC_DRIVER set (lit does), also
# builds it by gcc through cawait-gcc (below).
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
# Built by gcc through cawait-gcc (GCC_DRIVER): at -O0, at -O2 and under
# gcc's ASan+UBSan, each must print what the synchronous program built by
# gcc prints (the reference for gcc is plain gcc, as plain clang is for
# clang: the order of a call's arguments, for one, is gcc's own). A file
# that needs what gcc lacks is in gcc-unsupported.txt, with why.
if [ -n "${GCC_DRIVER:-}" ]; then
  name=$(printf '%s' "$src" | sed 's|.*/test/run/|run/|')
  gcc_runs=yes
  while IFS= read -r line; do
    key=${line%%:*}
    case "$key" in
      "#"*|"") ;;
      -*) for flag in "$@"; do [ "$flag" = "$key" ] && gcc_runs=no; done ;;
      *) [ "$key" = "$name" ] && gcc_runs=no ;;
    esac
  done <"$(dirname "$0")/gcc-unsupported.txt"
  if [ $gcc_runs = yes ]; then
    "${CAWAIT_GCC:-gcc}" -std=gnu11 -O1 -I"$CAWAIT_INCLUDE" "$@" "$src" \
      "$CAWAIT_LIB" -o "$tmp.gccsync"
    run "$tmp.gccsync" "$tmp.gccsync.out"
    "$GCC_DRIVER" -std=gnu11 -g -O0 -Wall -Werror "$@" "$src" -o "$tmp.gcc0"
    "$GCC_DRIVER" -std=gnu11 -O2 "$@" "$src" -o "$tmp.gcc2"
    "$GCC_DRIVER" -std=gnu11 -g -O1 -fsanitize=address,undefined \
      -fno-sanitize-recover=all "$@" "$src" -o "$tmp.gccsan"
    for build in gcc0 gcc2 gccsan; do
      run "$tmp.$build" "$tmp.$build.out"
      diff -u "$tmp.gccsync.out" "$tmp.$build.out" >&2
    done
  fi
fi
cat "$tmp.async.out"
