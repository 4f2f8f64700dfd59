// A task that spawns itself (recursion through ca_spawn) with kept locals,
// tasks of different return types spawned from main and from tasks, and
// ca_executor_shutdown dropping tasks suspended deep in nested awaits on
// sleep timers (their timers must be disarmed: a later block_on still works
// and the sanitizers see no use after free or leak).
// RUN: %cawait-cc %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined %s -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static long total;

async void countdown(int n, int depth) {
  long mine = (long)n * depth;
  await(ca_yield());
  total += mine;
  if (n > 0)
    ca_spawn(countdown(n - 1, depth + 1));
}

async int nap(int ms) {
  await(ca_sleep_ms((uint64_t)ms));
  return ms;
}

async long deep(int ms) {
  long got = await(nap(ms));
  total += 1000000; /* never reached for the long sleeps */
  return got;
}

async double value(double x) {
  await(ca_yield());
  total += (long)x;
  return x;
}

int main(void) {
  ca_spawn(countdown(4, 1));
  ca_spawn(value(0.5e3));
  ca_run();
  printf("total=%ld\n", total);
  ca_spawn(deep(60000));
  ca_spawn(deep(70000));
  ca_spawn(value(7));
  int short_nap = ca_block_on(nap(5));
  printf("nap=%d total=%ld\n", short_nap, total);
  printf("dropped=%d\n", ca_executor_shutdown());
  printf("nap=%d\n", ca_block_on(nap(1)));
  printf("total=%ld\n", total);
  return 0;
}
// CHECK: total=520
// CHECK-NEXT: nap=5 total=527
// CHECK-NEXT: dropped=2
// CHECK-NEXT: nap=1
// CHECK-NEXT: total=527
