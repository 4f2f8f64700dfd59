// Start sites: ca_block_on and ca_spawn outside async code, ca_spawn and
// ca_spawn_in inside an async function (listed with it), a start inside
// another's arguments (nested), a spawn whose handle is dropped
// (discarded), and the pools of CA_TASK_POOL.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int work(int x) {
  await(ca_yield());
  return x;
}

CA_TASK_POOL(workers, work, 4);

async int boss(void) {
  ca_task *t = ca_spawn(work(1));
  ca_spawn_in(&workers, work(2));
  int r = 0;
  await(ca_task_join(t, &r));
  return r;
}

int arg(int x) { return x; }

int main(void) {
  ca_spawn(work(3));
  return ca_block_on(boss()) + ca_block_on(work(arg(ca_block_on(work(4)))));
}

// CHECK:      === discover
// CHECK-NEXT: async 'work' at [[FILE]]:8:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:9:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'boss' at [[FILE]]:15:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:19:3: call 'ca__task_join' (leaf), statement
// CHECK-NEXT:   ca_spawn at [[FILE]]:16:16: 'work' (defined here) in 'boss'
// CHECK-NEXT:   ca_spawn_in at [[FILE]]:17:3: 'work' (defined here) in 'boss', pool 'workers', discarded
// CHECK-NEXT: ca_spawn at [[FILE]]:26:3: 'work' (defined here) in 'main', discarded
// CHECK-NEXT: ca_block_on at [[FILE]]:27:10: 'boss' (defined here) in 'main'
// CHECK-NEXT: ca_block_on at [[FILE]]:27:32: 'work' (defined here) in 'main'
// CHECK-NEXT: ca_block_on at [[FILE]]:27:53: 'work' (defined here) in 'main', nested
// CHECK-NEXT: pool 'workers' at [[FILE]]:13:14: 'work' (defined here), 4 tasks
// CHECK-EMPTY:
