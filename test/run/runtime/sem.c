// ca_sem: 3 permits limit 8 workers to 3 at a time (the most held at once
// is counted), the waiting ones acquire in FIFO order; a try_acquire does
// not overtake a woken waiter; an acquire dropped by a timeout takes no
// permit; a woken acquire aborted before it ran passes the permit on;
// closing fails every waiting acquire with -EPIPE.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static ca_sem sem;
static int held, most, order[8], norder;

async int worker(int id) {
  int rc = await(ca_sem_acquire(&sem));
  if (rc)
    return rc;
  order[norder++] = id;
  if (++held > most)
    most = held;
  await(ca_sleep_ms((uint64_t)(1 + id % 2)));
  held--;
  ca_sem_release(&sem);
  return 0;
}

async int run(void) {
  ca_sem_init(&sem, 3);
  ca_task *t[8];
  for (int i = 0; i < 8; i++)
    t[i] = ca_spawn(worker(i));
  for (int i = 0; i < 8; i++)
    await(ca_task_wait(t[i]));
  printf("most held at once %d, order:", most);
  for (int i = 0; i < norder; i++)
    printf(" %d", order[i]);
  printf(", permits %zu\n", ca_sem_available(&sem));

  ca_sem_init(&sem, 0);
  int timed_out = await(ca_timeout_ms(1, ca_sem_acquire(&sem)));
  ca_sem_release(&sem);
  printf("dropped acquire: timed out %d, then try %d\n", timed_out,
         ca_sem_try_acquire(&sem));

  norder = 0;
  t[0] = ca_spawn(worker(0));
  t[1] = ca_spawn(worker(1));
  await(ca_yield());
  ca_sem_release(&sem); /* wakes worker 0 */
  int overtake = ca_sem_try_acquire(&sem);
  ca_task_abort(t[0]); /* woken, not yet run: worker 1 gets the permit */
  await(ca_task_wait(t[1]));
  printf("try_acquire while a woken waiter waits %d; ran:", overtake);
  for (int i = 0; i < norder; i++)
    printf(" %d", order[i]);
  printf(", permits %zu\n", ca_sem_available(&sem));

  /* Worker 2 waits; a release wakes it, and an acquire awaited now queues
   * behind it instead of taking the permit. */
  norder = 0;
  ca_sem_try_acquire(&sem);
  t[2] = ca_spawn(worker(2));
  await(ca_yield());
  ca_sem_release(&sem);
  await(ca_sem_acquire(&sem));
  order[norder++] = 9;
  await(ca_task_wait(t[2]));
  printf("acquire after a release with a waiter: order %d %d, permits %zu\n",
         order[0], order[1], ca_sem_available(&sem));

  for (int i = 0; i < 3; i++)
    t[i] = ca_spawn(worker(i));
  await(ca_yield());
  ca_sem_close(&sem);
  printf("closed:");
  for (int i = 0; i < 3; i++) {
    int rc;
    await(ca_task_join(t[i], &rc));
    printf(" %d", rc);
  }
  printf(", try %d\n", ca_sem_try_acquire(&sem));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      most held at once 3, order: 0 1 2 3 4 5 6 7, permits 3
// CHECK-NEXT: dropped acquire: timed out 1, then try 0
// CHECK-NEXT: try_acquire while a woken waiter waits -11; ran: 1, permits 1
// CHECK-NEXT: acquire after a release with a waiter: order 2 9, permits 0
// CHECK-NEXT: closed: -32 -32 -32, try -32
