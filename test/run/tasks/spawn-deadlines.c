// Spawned tasks that sleep for different times finish in deadline order,
// interleaved with the block_on future; ca_spawn works from main and from
// async functions, and ca_run waits for the rest. The printed times are in
// units of SCALE ms, so deadlines are at least 60 ms apart: under valgrind
// on a loaded machine a first poll can come tens of milliseconds late.
// RUN: %cawait-cc %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define SCALE 4

async void sleeper(const char *name, int ms) {
  int before = ms * 2;
  await(ca_sleep_ms((uint64_t)ms * SCALE));
  printf("%s woke after %d ms (%d)\n", name, ms, before);
}

async int parent(void) {
  ca_spawn(sleeper("child-a", 30));
  await(ca_sleep_ms(15 * SCALE));
  printf("parent at 15\n");
  ca_spawn(sleeper("child-b", 30)); /* deadline 45, from its first poll */
  await(ca_sleep_ms(80 * SCALE));
  printf("parent at 95\n");
  return 7;
}

int main(void) {
  ca_spawn(sleeper("main-1", 150));
  ca_spawn(sleeper("main-2", 5));
  int r = ca_block_on(parent());
  printf("parent returned %d\n", r);
  ca_run();
  printf("all done\n");
  return 0;
}
// CHECK:      main-2 woke after 5 ms (10)
// CHECK-NEXT: parent at 15
// CHECK-NEXT: child-a woke after 30 ms (60)
// CHECK-NEXT: child-b woke after 30 ms (60)
// CHECK-NEXT: parent at 95
// CHECK-NEXT: parent returned 7
// CHECK-NEXT: main-1 woke after 150 ms (300)
// CHECK-NEXT: all done
