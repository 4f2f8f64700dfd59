// Awaits twice() of unit.c, spawns a task and prints __FILE__ and a macro
// from the command line (multi-file.test, debug.test).
#include <cawait.h>
#include <stdio.h>
#include "unit.h"

/* Before the first lowered function: only the #line at the top of the
 * lowered text names this file here. */
static const char *const file = __FILE__;

static async int sum(int n) {
  int s = 0;
  for (int i = 1; i <= n; i++)
    s += await(twice(i));
  return s;
}

int main(void) {
  int out = 0;
  ca_task *t = ca_spawn(sum(3));
  ca_block_on(ca_task_join(t, &out));
  printf("%s sum %d value %d\n", file, out, VALUE);
  return 0;
}
