// CA_TASK_POOL: static slots for tasks of one function, no heap at all
// (malloc aborts while the executor runs). A full pool gives NULL without
// evaluating the arguments; a slot is reused once its task was joined,
// aborted or (detached) completed; a pending pool task dropped when
// ca_block_on returns gives its slot back. A slot is the 32-byte task
// header and the frame, rounded up to max_align_t.
// RUN: %cawait-cc -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s -o %t 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#if defined(__has_feature) && __has_feature(address_sanitizer)
static int forbidden; /* ASan owns malloc */
#else
#include "../Inputs/forbid-malloc.h"
#endif

async int worker(int id, int ms) {
  char buf[20];
  snprintf(buf, sizeof buf, "w%d", id);
  await(ca_sleep_ms((uint64_t)ms));
  printf("%s done\n", buf);
  return id * 10;
}
// REPORT: remark: frame of 'worker': 64 bytes

CA_TASK_POOL(workers, worker, 3);

static int evaluated;
static int arg(int v) {
  evaluated++;
  return v;
}

async int run(void) {
  ca_task *t[4];
  for (int i = 0; i < 4; i++)
    t[i] = ca_spawn_in(&workers, worker(i, arg(30 - 10 * i)));
  printf("4th %s, arguments evaluated %d times\n", t[3] ? "WRONG" : "NULL",
         evaluated);
  int sum = 0;
  for (int i = 0; i < 3; i++) {
    int r;
    await(ca_task_join(t[i], &r));
    sum += r;
  }
  printf("sum %d\n", sum);
  /* All three slots are free again. */
  ca_task *a = ca_spawn_in(&workers, worker(7, 1));
  ca_task *b = ca_spawn_in(&workers, worker(8, 10000));
  ca_spawn_in(&workers, worker(9, 2)); /* detached */
  printf("full again: %s\n", ca_spawn_in(&workers, worker(10, 1)) ? "WRONG" : "yes");
  ca_task_abort(b);
  int r;
  await(ca_task_join(a, &r));
  await(ca_sleep_ms(5)); /* worker 9 completes: its slot is free */
  ca_task *c = ca_spawn_in(&workers, worker(11, 1));
  ca_task *d = ca_spawn_in(&workers, worker(12, 1));
  printf("after abort and detach: %s %s\n", c ? "slot" : "NULL", d ? "slot" : "NULL");
  await(ca_task_wait(c));
  await(ca_task_wait(d));
  ca_spawn_in(&workers, worker(13, 10000)); /* dropped by block_on */
  ca_spawn_in(&workers, worker(14, 10000));
  await(ca_yield());
  return r;
}

int main(void) {
  printf("slot %zu bytes, %u slots\n", workers.slot_size, workers.capacity);
  forbidden = 1;
  int r = ca_block_on(run());
  int again = ca_block_on(run());
  forbidden = 0;
  printf("run returned %d %d, slots ever used %u\n", r, again, workers.used);
  return 0;
}
// CHECK:      slot 96 bytes, 3 slots
// CHECK-NEXT: 4th NULL, arguments evaluated 3 times
// CHECK-NEXT: w2 done
// CHECK-NEXT: w1 done
// CHECK-NEXT: w0 done
// CHECK-NEXT: sum 30
// CHECK-NEXT: full again: yes
// CHECK-NEXT: w7 done
// CHECK-NEXT: w9 done
// CHECK-NEXT: after abort and detach: slot slot
// CHECK-NEXT: w11 done
// CHECK-NEXT: w12 done
// CHECK-NEXT: 4th NULL, arguments evaluated 6 times
// CHECK:      run returned 70 70, slots ever used 3
// An unused pool draws no warning, as without the plugin.
// RUN: %cawait-cc -Wall -Werror -DUNUSED_POOL -fsyntax-only %s
#ifdef UNUSED_POOL
CA_TASK_POOL(idle, worker, 2);
#endif
