// cawait.h takes no name from the program: it includes no C library
// header that declares functions (ca_dump_tasks is in <cawait/dump.h>), so
// a program may name its own functions like <stdio.h>'s (remove, rename,
// printf) and <stdlib.h>'s (free, abort), with and without the plugin.
// RUN: %cawait-cc -std=gnu11 -Wall -Werror %s -o %t && %t
// RUN: %clang -std=gnu11 -Wall -Werror -I%cawait_include %s %cawait_lib -o %t.sync && %t.sync
#include <cawait.h>

static int removed;
static int remove(int x) { return removed += x; }
static int rename(int x) { return x * 2; }
static int printf(int x) { return x - 1; }
static void free(int *p) { *p = 0; }

async int work(int x) {
  await(ca_yield());
  return printf(rename(remove(x)));
}

int main(void) {
  int v = ca_block_on(work(21));
  int kept = v;
  free(&v);
  return kept == 41 && v == 0 && removed == 21 ? 0 : 1;
}
