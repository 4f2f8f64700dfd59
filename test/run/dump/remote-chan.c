// ca_dump_tasks of a task awaiting ca_remote_chan_recv: the leaf names the
// channel by its address only (its length is under the lock other threads
// take); read without a race (TSan) while another thread may send.
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 remote-chan.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc %tsan_flags remote-chan.c -o %t.tsan
// RUN: %t.tsan | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait.h>
#include <cawait/dump.h>
#include <stdio.h>

static int buf[4];
static ca_remote_chan inbox;

async int receive(void) {
  int v = 0;
  await(ca_remote_chan_recv(&inbox, &v));
  return v;
}

async void run(void) {
  ca_task *t = ca_spawn(receive());
  await(ca_sleep_ms(20));
  ca_dump_tasks(stdout);
  int v = 7, r;
  ca_remote_chan_try_send(&inbox, &v);
  await(ca_task_join(t, &r));
  printf("received: %d\n", r);
}

int main(void) {
  ca_remote_chan_init(&inbox, buf, sizeof(int), 4);
  printf("inbox %p\n", (void *)&inbox);
  ca_block_on(run());
  return 0;
}

// CHECK:inbox [[C:0x[0-9a-f]+]]
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 receive, waiting
// CHECK-NEXT:  receive at remote-chan.c:17 → ca_remote_chan_recv (remote channel [[C]])
// CHECK-NEXT:received: 7
// CHECK-EMPTY:
