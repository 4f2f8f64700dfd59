// ca_notify: notify_one with nobody waiting stores one permit (two store
// one), consumed by the next ca_notified at once; with waiters it wakes
// only the oldest; notify_all wakes every waiter and stores nothing; a
// ca_notified dropped after a notify_one reached it passes the
// notification on (to the next waiter, or back as the permit); a dropped
// ca_notified that was never notified takes nothing.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static ca_notify n;
static int woken[8], nwoken;

async void waiter(int id) {
  await(ca_notified(&n));
  woken[nwoken++] = id;
}

static void show(const char *what) {
  printf("%s:", what);
  for (int i = 0; i < nwoken; i++)
    printf(" w%d", woken[i]);
  printf("\n");
  nwoken = 0;
}

async int run(void) {
  ca_notify_init(&n);
  ca_notify_one(&n);
  ca_notify_one(&n);
  await(ca_notified(&n));
  int timed_out = await(ca_timeout_ms(1, ca_notified(&n)));
  printf("permit consumed; second wait timed out %d\n", timed_out);

  ca_task *t[3];
  for (int i = 0; i < 3; i++)
    t[i] = ca_spawn(waiter(i));
  await(ca_sleep_ms(1));
  ca_notify_one(&n);
  await(ca_sleep_ms(1));
  show("after notify_one");
  ca_notify_all(&n);
  await(ca_sleep_ms(1));
  show("after notify_all");
  for (int i = 0; i < 3; i++)
    await(ca_task_wait(t[i]));
  timed_out = await(ca_timeout_ms(1, ca_notified(&n)));
  printf("notify_all stored no permit: timed out %d\n", timed_out);

  /* Waiters 3 and 4: 3 is notified, then aborted before it ran. */
  t[0] = ca_spawn(waiter(3));
  t[1] = ca_spawn(waiter(4));
  await(ca_yield());
  ca_notify_one(&n);
  ca_task_abort(t[0]);
  await(ca_task_wait(t[1]));
  show("3 aborted after notify_one");

  /* A lone waiter notified then aborted: the permit comes back. */
  t[0] = ca_spawn(waiter(5));
  await(ca_yield());
  ca_notify_one(&n);
  ca_task_abort(t[0]);
  timed_out = await(ca_timeout_ms(1000, ca_notified(&n)));
  printf("permit back: timed out %d\n", timed_out);
  show("woken");
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      permit consumed; second wait timed out 1
// CHECK-NEXT: after notify_one: w0
// CHECK-NEXT: after notify_all: w1 w2
// CHECK-NEXT: notify_all stored no permit: timed out 1
// CHECK-NEXT: 3 aborted after notify_one: w4
// CHECK-NEXT: permit back: timed out 0
// CHECK-NEXT: woken:
