// ca_cancel_token: three workers each race their work against
// ca_cancel_token_wait(&stop) in a select; one ca_cancel_token_cancel stops them all (the work
// in progress dropped, the workers' cleanups run) and wakes two tasks that
// only await ca_cancel_token_wait; a select started after
// the cancel completes at once; a ca_cancel_token_wait dropped by a timeout leaves
// no waiter behind.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static ca_cancel_token stop;
static int cleanups, steps, stepped_once[3];

static void cleanup(int *id) { cleanups++, (void)id; }

async int step(int id) {
  await(ca_sleep_ms((uint64_t)(1 + id)));
  steps++;
  if (id < 3)
    stepped_once[id] = 1;
  return id;
}

async int worker(int id) {
  __attribute__((cleanup(cleanup))) int me = id;
  int done = 0, n = 0;
  while (await(ca_select(n = step(me), ca_cancel_token_wait(&stop))) == 0)
    done += n == me;
  return done > 0 ? 1 : 0;
}

static int idle_woken;

async void idle(void) {
  await(ca_cancel_token_wait(&stop));
  idle_woken++;
}

async int run(void) {
  ca_cancel_token_init(&stop);
  int timed_out = await(ca_timeout_ms(1, ca_cancel_token_wait(&stop)));
  printf("not cancelled: timed out %d, is_cancelled %d, waiters %s\n",
         timed_out, ca_cancel_token_is_cancelled(&stop),
         stop.ca__private.waiters.head ? "left" : "none");
  ca_task *t[3], *idlers[2];
  for (int i = 0; i < 3; i++)
    t[i] = ca_spawn(worker(i));
  for (int i = 0; i < 2; i++)
    idlers[i] = ca_spawn(idle());
  // Until each worker has stepped (a fixed sleep is not enough on a loaded
  // machine, where every timer may expire in the same round), 5 s at most.
  for (int ms = 0; ms < 5000 && !(stepped_once[0] && stepped_once[1] &&
                                  stepped_once[2]);
       ms++)
    await(ca_sleep_ms(1));
  ca_cancel_token_cancel(&stop);
  int stepped = 0;
  for (int i = 0; i < 3; i++) {
    int rc;
    await(ca_task_join(t[i], &rc));
    stepped += rc;
  }
  for (int i = 0; i < 2; i++)
    await(ca_task_wait(idlers[i]));
  printf("stopped 3 workers, %d had stepped, cleanups %d; idlers woken %d\n",
         stepped, cleanups, idle_woken);
  int before = steps;
  ca_task *late = ca_spawn(worker(7));
  int rc;
  await(ca_task_join(late, &rc));
  printf("a worker started after the cancel: stepped %d, steps %d, "
         "cleanups %d\n",
         rc, steps - before, cleanups);
  await(ca_cancel_token_wait(&stop));
  printf("cancelled awaited at once, is_cancelled %d\n",
         ca_cancel_token_is_cancelled(&stop));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      not cancelled: timed out 1, is_cancelled 0, waiters none
// CHECK-NEXT: stopped 3 workers, 3 had stepped, cleanups 3; idlers woken 2
// CHECK-NEXT: a worker started after the cancel: stepped 0, steps 0, cleanups 4
// CHECK-NEXT: cancelled awaited at once, is_cancelled 1
