// Spawned tasks that sleep different durations print in deadline order,
// whatever order they were spawned in; a task spawned from a task runs too.
// RUN: %cawait-cc %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined %s -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int order;

async void sleeper(int id, int ms) {
  int start = order;
  await(ca_sleep_ms((uint64_t)ms));
  printf("task %d woke after %dms (#%d, start %d)\n", id, ms, ++order, start);
}

async void parent(int ms) {
  await(ca_sleep_ms((uint64_t)ms));
  printf("parent woke (#%d)\n", ++order);
  ca_spawn(sleeper(99, 100));
}

int main(void) {
  ca_spawn(sleeper(1, 330));
  ca_spawn(sleeper(2, 50));
  ca_spawn(parent(150));
  ca_spawn(sleeper(3, 200));
  ca_spawn(sleeper(4, 0));
  printf("spawned\n");
  ca_run();
  printf("done order=%d\n", order);
  return 0;
}
// CHECK: spawned
// CHECK-NEXT: task 4 woke after 0ms (#1, start 0)
// CHECK-NEXT: task 2 woke after 50ms (#2, start 0)
// CHECK-NEXT: parent woke (#3)
// CHECK-NEXT: task 3 woke after 200ms (#4, start 0)
// CHECK-NEXT: task 99 woke after 100ms (#5, start 3)
// CHECK-NEXT: task 1 woke after 330ms (#6, start 0)
// CHECK-NEXT: done order=6
