// ca_chan: three producers on a full channel of capacity 2 are served in
// the order they started waiting (FIFO), each producer's elements arrive
// in its own order, nothing is lost or duplicated; a try_send while sends
// wait fails with -EAGAIN even when a slot is free (no overtaking); a
// consumer that is slower than the producers keeps the channel full; a
// send (receive) that completes passes the wake-up on while room
// (elements) remain.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

static ca_chan chan;
static int buf[2];

async void produce(int base, int n) {
  for (int i = 0; i < n; i++) {
    int v = base + i;
    if (await(ca_chan_send(&chan, &v)) != 0)
      printf("send %d FAILED\n", v);
  }
}

async int recv_one(void) {
  int v = -1;
  await(ca_chan_recv(&chan, &v));
  return v;
}

async int run(void) {
  ca_chan_init(&chan, buf, sizeof(int), 2);
  int first = 1, second = 2;
  ca_chan_try_send(&chan, &first);
  ca_chan_try_send(&chan, &second);
  /* The channel is full: each producer waits at its first send, in
   * spawn order. */
  ca_task *p[3];
  for (int k = 0; k < 3; k++)
    p[k] = ca_spawn(produce(100 * (k + 1), 3));
  await(ca_yield());
  int v, extra = 99;
  await(ca_chan_recv(&chan, &v));
  printf("got %d, len %zu, try_send while sends wait: %d\n", v,
         ca_chan_len(&chan), ca_chan_try_send(&chan, &extra));
  int seen[4] = {0}, last[4] = {0}, order_ok = 1, total = 0;
  printf("order:");
  while (total < 9 + 1) {
    await(ca_chan_recv(&chan, &v));
    printf(" %d", v);
    total++;
    int k = v / 100;
    if (k >= 1 && k <= 3) {
      order_ok &= !seen[k] || v == last[k] + 1;
      seen[k]++;
      last[k] = v;
    }
    if (total % 3 == 0)
      await(ca_sleep_ms(1)); /* a slow consumer: the producers wait */
  }
  printf("\nper producer %d %d %d, in order %d, left %zu\n", seen[1], seen[2],
         seen[3], order_ok, ca_chan_len(&chan));
  for (int k = 0; k < 3; k++)
    await(ca_task_wait(p[k]));

  /* Two slots freed at once wake only the oldest send, which passes the
   * wake-up on to the next (else that one would wait forever). */
  ca_chan_try_send(&chan, &first);
  ca_chan_try_send(&chan, &second);
  p[0] = ca_spawn(produce(400, 1));
  p[1] = ca_spawn(produce(500, 1));
  await(ca_yield());
  ca_chan_try_recv(&chan, &v);
  ca_chan_try_recv(&chan, &v);
  await(ca_task_wait(p[0]));
  await(ca_task_wait(p[1]));
  int a = 0, b = 0;
  ca_chan_try_recv(&chan, &a);
  ca_chan_try_recv(&chan, &b);
  printf("two slots freed: sent %d %d\n", a, b);

  /* Likewise two elements for two waiting receives. */
  ca_task *r0 = ca_spawn(recv_one()), *r1 = ca_spawn(recv_one());
  await(ca_yield());
  ca_chan_try_send(&chan, &first);
  ca_chan_try_send(&chan, &second);
  await(ca_task_join(r0, &a));
  await(ca_task_join(r1, &b));
  printf("two elements: received %d %d\n", a, b);
  return 0;
}

int main(void) { return ca_block_on(run()); }
// The first recv wakes producer 1 (the oldest waiting send); it sends 100,
// then waits behind producers 2 and 3 for its next slot: a round-robin.
// CHECK:      got 1, len 1, try_send while sends wait: -11
// CHECK-NEXT: order: 2 100 200 300 101 201 301 102 202 302
// CHECK-NEXT: per producer 3 3 3, in order 1, left 0
// CHECK-NEXT: two slots freed: sent 400 500
// CHECK-NEXT: two elements: received 1 2
