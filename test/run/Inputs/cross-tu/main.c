/* main.c - awaits, joins, spawns and block_ons functions whose bodies are
 * in worker.c, and calls them through an async function pointer. */
#include "worker.h"
#include <stdio.h>

typedef async_budget(128) int fetch_fn(int id, int ms);

async int run(fetch_fn *f) {
  int a = await(fetch(1, 2));
  await(ping());
  int b = 0, c = 0;
  await(ca_join(b = fetch(2, 6), c = fetch(3, 1)));
  ca_task *t = ca_spawn(fetch(4, 1));
  struct big g = await(fill(40));
  int d = 0;
  await(ca_task_join(t, &d));
  int e = await(f(5, 1));
  return a + b + c + d + e + (int)g.v[3];
}

int main(void) {
  printf("run %d\n", ca_block_on(run(fetch)));
  printf("fetch %d\n", ca_block_on(fetch(9, 0)));
  return 0;
}
