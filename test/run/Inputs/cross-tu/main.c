/* main.c - awaits, joins, spawns and block_ons functions whose bodies are
 * in worker.c, and calls them through an async function pointer. */
#include "worker.h"
#include <stdio.h>

/* Only ca_spawn may allocate: malloc aborts around the rest. */
#if defined(__has_feature) && __has_feature(address_sanitizer)
static int forbidden; /* ASan owns malloc */
#elif defined(CA_LOWERED)
#include "../forbid-malloc.h"
#else
static int forbidden; /* without the plugin, ca_spawn's handle is malloc'd */
#endif

typedef async_budget(128) int fetch_fn(int id, int ms);

async int run(fetch_fn *f) {
  forbidden = 1;
  int a = await(fetch(1, 2));
  await(ping());
  int b = 0, c = 0;
  await(ca_join(b = fetch(2, 6), c = fetch(3, 1)));
  forbidden = 0;
  ca_task *t = ca_spawn(fetch(4, 1));
  forbidden = 1;
  struct big g = await(fill(40));
  int d = 0;
  await(ca_task_join(t, &d));
  int e = await(f(5, 1));
  forbidden = 0;
  return a + b + c + d + e + (int)g.v[3];
}

int main(void) {
  printf("start\n"); /* stdout's buffer is allocated before the checks */
  printf("run %d\n", ca_block_on(run(fetch)));
  printf("fetch %d\n", ca_block_on(fetch(9, 0)));
  return 0;
}
