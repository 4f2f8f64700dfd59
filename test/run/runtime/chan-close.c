// ca_chan_close wakes every waiter: three sends waiting on a full channel
// fail with -EPIPE (none of them sent), and three receives waiting on
// another channel drain its elements in FIFO order, then fail with -EPIPE;
// operations after the close fail at once.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static ca_chan full, empty;
static int full_buf[1], empty_buf[4];

async int sender(int v) { return await(ca_chan_send(&full, &v)); }

async int receiver(int id) {
  int v = -1;
  int rc = await(ca_chan_recv(&empty, &v));
  printf("receiver %d: %d (%d)\n", id, rc, v);
  return rc;
}

async int run(void) {
  ca_chan_init(&full, full_buf, sizeof(int), 1);
  ca_chan_init(&empty, empty_buf, sizeof(int), 4);
  int one = 1;
  ca_chan_try_send(&full, &one);
  ca_task *s[3], *r[3];
  for (int k = 0; k < 3; k++) {
    s[k] = ca_spawn(sender(10 + k));
    r[k] = ca_spawn(receiver(k));
  }
  await(ca_sleep_ms(1)); /* all six wait */
  /* Two elements arrive (waking receiver 0, not yet run), then the close. */
  int a = 7, b = 8;
  ca_chan_try_send(&empty, &a);
  ca_chan_try_send(&empty, &b);
  printf("try_send while receives wait: len %zu\n", ca_chan_len(&empty));
  ca_chan_close(&full);
  ca_chan_close(&empty);
  for (int k = 0; k < 3; k++) {
    int rc;
    await(ca_task_join(s[k], &rc));
    printf("sender %d: %d\n", k, rc);
  }
  for (int k = 0; k < 3; k++)
    await(ca_task_wait(r[k]));
  int v = 0, rc = await(ca_chan_recv(&full, &v));
  int again = await(ca_chan_recv(&full, &v));
  printf("full channel: recv %d (%d), then %d\n", rc, v, again);
  rc = await(ca_chan_send(&empty, &a));
  printf("send after close %d\n", rc);
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      try_send while receives wait: len 2
// CHECK-DAG:  receiver 0: 0 (7)
// CHECK-DAG:  receiver 1: 0 (8)
// CHECK-DAG:  receiver 2: -32 (-1)
// CHECK-DAG:  sender 0: -32
// CHECK-DAG:  sender 1: -32
// CHECK-DAG:  sender 2: -32
// CHECK:      full channel: recv 0 (1), then -32
// CHECK-NEXT: send after close -32
