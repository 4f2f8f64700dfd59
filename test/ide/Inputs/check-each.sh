#!/bin/sh
# check-each.sh COMPILE_COMMANDS_DIR QUERY_DRIVER FILE...: `clangd --check`
# of each FILE (QUERY_DRIVER "" for none); prints clangd's error lines and
# its summary line for each.
dir=$1; driver=$2; shift 2
for f in "$@"; do
  if [ -n "$driver" ]; then
    clangd --query-driver="$driver" --compile-commands-dir="$dir" --check="$f"
  else
    clangd --compile-commands-dir="$dir" --check="$f"
  fi 2>&1 | grep -E '^E\[|All checks completed'
done
