// ca_spawn(f(await(g()))) inside an async function: the awaits in the
// spawned call's arguments run in the spawning function, before the task
// is started (lazily on the unused side of ?: and &&), and the task sees
// their values. run() sleeps before it returns, so its tasks finish
// (the ones it left pending would be dropped when ca_block_on returns).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int total, calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}
async void worker(int v) {
  await(ca_yield());
  total += v;
}
async void pair(int a, int b) {
  await(ca_yield());
  total += a * b;
}

async int run(int n) {
  ca_spawn(worker(await(val(n)) * 10));
  ca_spawn(worker(n > 0 ? await(val(2)) : await(val(3))));
  if (n)
    ca_spawn(worker(await(val(await(val(4))))));
  ca_spawn(pair(await(val(5)), n && await(val(0))));
  for (int i = 0; i < 2; i++)
    ca_spawn(worker(i + await(val(100))));
  await(ca_sleep_ms(20));
  return await(val(1));
}

int main(void) {
  int r = ca_block_on(run(1));
  ca_run();
  printf("r=%d total=%d calls=%d\n", r, total, calls);
  return 0;
}
// CHECK: r=1 total=217 calls=9
// CHECK-NEXT: exit=0
