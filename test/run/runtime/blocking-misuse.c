// ca_blocking misused: a NULL function aborts with a message naming
// ca_blocking (with the plugin, when the call is made: before anything is
// queued; without it, the same message); CA_BLOCKING_THREADS that is not a
// number from 1 to 64 aborts when the pool starts, naming the variable.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: not --crash %t null 2>&1 | FileCheck %s --check-prefix=NULL
// RUN: %clang -std=gnu11 -O1 -Wall -Werror -I%cawait_include %s %cawait_lib -o %t.sync
// RUN: not --crash %t.sync null 2>&1 | FileCheck %s --check-prefix=NULL
// RUN: env CA_BLOCKING_THREADS=0 not --crash %t env 2>&1 | FileCheck %s --check-prefix=ENV0
// RUN: env CA_BLOCKING_THREADS=4x not --crash %t env 2>&1 | FileCheck %s --check-prefix=ENVX
// RUN: env CA_BLOCKING_THREADS=1 %t env 2>&1 | FileCheck %s --check-prefix=ENV1
#include <cawait.h>
#include <stdio.h>
#include <string.h>

static long one(void *arg) {
  (void)arg;
  return 1;
}

async int run(int null) {
  long (*fn)(void *) = null ? NULL : one;
  printf("calling\n");
  long r = await(ca_blocking(fn, NULL));
  printf("result %ld\n", r);
  return 0;
}

int main(int argc, char **argv) {
  return ca_block_on(run(argc > 1 && !strcmp(argv[1], "null")));
}
// NULL:      calling
// NULL-NEXT: cawait: ca_blocking: the function is NULL
// NULL-NOT:  result
// ENV0:      calling
// ENV0-NEXT: cawait: ca_blocking: CA_BLOCKING_THREADS=0 is not a number from 1 to 64
// ENVX:      cawait: ca_blocking: CA_BLOCKING_THREADS=4x is not a number from 1 to 64
// ENV1:      calling
// ENV1-NEXT: result 1
