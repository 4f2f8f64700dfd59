#!/bin/sh
# slow-cawait-cc.sh: cawait-cc ($CAWAIT_CC) whose programs first sleep
# $SLOW_SECONDS (a constructor from slow-start.c): a lowered program that
# only needs longer, for csmith-slow.test.
exec "$CAWAIT_CC" "$@" "$(dirname "$0")/slow-start.c"
