// ca_block_on's hot path (a future that woke itself is polled again at
// once) keeps wake order with tasks: a task spawned while the future had
// already woken itself runs after the future's next poll, and once the
// future wakes itself behind a queued task, the task goes first. The
// future then yields until both tasks finished (tasks it spawned and
// left pending would be dropped when ca_block_on returns).
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
static int finished;
async void worker(int id) {
  for (int i = 0; i < 2; i++) { printf("task %d step %d\n", id, i); await(ca_yield()); }
  finished++;
}
async void spawner(int id) {
  ca_spawn(worker(id));
}
async int main_loop(void) {
  for (int i = 0; i < 2; i++) {
    printf("main round %d\n", i);
    await(ca_join(ca_yield(), spawner(i)));
  }
  printf("main done\n");
  while (finished < 2)
    await(ca_yield());
  return 0;
}
int main(void) { ca_block_on(main_loop()); printf("finished %d\n", finished); return 0; }
// CHECK:      main round 0
// CHECK-NEXT: main round 1
// CHECK-NEXT: task 0 step 0
// CHECK-NEXT: main done
// CHECK-NEXT: task 1 step 0
// CHECK-NEXT: task 0 step 1
// CHECK-NEXT: task 1 step 1
// CHECK-NEXT: finished 2
