// ca_task_group with and without the plugin: handles from ca_spawn used as
// an argument of ca_task_group_add, void and non-void tasks (results
// discarded), ca_task_group_wait over tasks still running (with the plugin) or
// already run (without), a group refilled after a wait, an abort of an
// empty group. The same output both ways.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int sum;

async void add_later(int x) {
  await(ca_sleep_ms((uint64_t)(x % 3)));
  sum += x;
}

async int twice(int x) {
  await(ca_yield());
  sum += 2 * x;
  return 2 * x;
}

async int run(void) {
  ca_task *slots[4];
  ca_task_group g;
  ca_task_group_init(&g, slots, 4);
  int rc = 0;
  for (int i = 1; i <= 3; i++)
    rc |= ca_task_group_add(&g, ca_spawn(add_later(i)));
  rc |= ca_task_group_add(&g, ca_spawn(twice(10)));
  int cancelled = await(ca_task_group_wait(&g));
  printf("added %d, waited %d: sum %d, left %u\n", rc, cancelled, sum,
         ca_task_group_len(&g));
  for (int i = 0; i < 4; i++)
    rc |= ca_task_group_add(&g, ca_spawn(twice(i)));
  cancelled = await(ca_task_group_wait(&g));
  printf("again %d, waited %d: sum %d, left %u\n", rc, cancelled, sum,
         ca_task_group_len(&g));
  printf("abort of an empty group: %d\n", ca_task_group_abort(&g));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      added 0, waited 0: sum 26, left 0
// CHECK-NEXT: again 0, waited 0: sum 38, left 0
// CHECK-NEXT: abort of an empty group: 0
// CHECK-NEXT: exit=0
