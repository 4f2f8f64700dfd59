// ca_dump_tasks of a task awaiting ca_blocking: the leaf names the function
// it runs on the blocking threads (not its job's state, which the workers
// own); read without a race (TSan).
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 blocking.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc %tsan_flags blocking.c -o %t.tsan
// RUN: %t.tsan | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait/dump.h>
#include <stdio.h>
#include <unistd.h>

static long slow_job(void *arg) {
  (void)arg;
  usleep(100 * 1000);
  return 7;
}

async long offload(void) { return await(ca_blocking(slow_job, NULL)); }

async void run(void) {
  ca_task *t = ca_spawn(offload());
  await(ca_sleep_ms(20));
  ca_dump_tasks(stdout);
  long r;
  await(ca_task_join(t, &r));
  printf("job: %ld\n", r);
}

int main(void) {
  printf("slow_job %p\n", (void *)(size_t)slow_job);
  ca_block_on(run());
  return 0;
}

// CHECK:slow_job [[FN:0x[0-9a-f]+]]
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 offload, waiting
// CHECK-NEXT:  offload at blocking.c:18 → ca_blocking (function [[FN]], a blocking job)
// CHECK-NEXT:job: 7
// CHECK-EMPTY:
