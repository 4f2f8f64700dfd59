// ca_chan cancellation safety: a recv and a send dropped by ca_timeout_ms
// have had no effect (no element taken, none sent, no waiter left behind);
// a send woken by a free slot and dropped before it ran passes the wake-up
// to the next send, and likewise a woken receive; and a producer and a
// consumer that both retry under short timeouts (many of their operations
// dropped) transfer 1..300 exactly once and in order.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static ca_chan c;
static int buf[1];
static int dropped_sends, dropped_recvs;

async int send_one(int v) { return await(ca_chan_send(&c, &v)); }

async int recv_one(void) {
  int v = -1;
  await(ca_chan_recv(&c, &v));
  return v;
}

async void producer(int n) {
  for (int v = 1; v <= n; v++) {
    int rc = -1;
    while (await(ca_timeout_ms((uint64_t)(v % 2), rc = ca_chan_send(&c, &v))))
      dropped_sends++;
    if (rc != 0)
      printf("send %d: %d\n", v, rc);
    if (v % 50 == 0)
      await(ca_sleep_ms(2)); /* the consumer's recvs time out */
  }
}

async int consumer(int n) {
  int expect = 1, bad = 0;
  while (expect <= n) {
    int v = -1, rc = -1;
    if (await(
            ca_timeout_ms((uint64_t)(expect % 3), rc = ca_chan_recv(&c, &v)))) {
      dropped_recvs++;
      bad += v != -1; /* a dropped recv wrote nothing */
      continue;
    }
    bad += rc != 0 || v != expect;
    expect++;
    if (expect % 40 == 0)
      await(ca_sleep_ms(2)); /* the producer's sends time out */
  }
  return bad;
}

async int run(void) {
  ca_chan_init(&c, buf, sizeof(int), 1);
  int v = -1, x = 5;
  int timed_out = await(ca_timeout_ms(1, ca_chan_recv(&c, &v)));
  int untouched = v;
  int sent = ca_chan_try_send(&c, &x);
  int got = ca_chan_try_recv(&c, &v);
  printf("recv dropped: %d, v %d; then try_send %d, try_recv %d (%d)\n",
         timed_out, untouched, sent, got, v);

  ca_chan_try_send(&c, &x);
  int y = 6;
  timed_out = await(ca_timeout_ms(1, ca_chan_send(&c, &y)));
  got = ca_chan_try_recv(&c, &v);
  size_t len = ca_chan_len(&c);
  sent = ca_chan_try_send(&c, &y);
  printf("send dropped: %d; len %zu after recv of %d (%d); try_send %d\n",
         timed_out, len, v, got, sent);
  ca_chan_try_recv(&c, &v);

  /* Full channel, sends 10 and 11 waiting: a recv wakes 10, which is
   * aborted before it runs; 11 must be woken instead. */
  ca_chan_try_send(&c, &x);
  ca_task *a = ca_spawn(send_one(10)), *b = ca_spawn(send_one(11));
  await(ca_yield());
  ca_chan_try_recv(&c, &v);
  ca_task_abort(a);
  int rb;
  await(ca_task_join(b, &rb));
  ca_chan_try_recv(&c, &v);
  printf("woken send aborted: the next sent %d (%d), len %zu\n", v, rb,
         ca_chan_len(&c));

  /* Empty channel, receives waiting: a send wakes the first, aborted
   * before it runs; the second gets the element. */
  ca_task *ra = ca_spawn(recv_one()), *rb_task = ca_spawn(recv_one());
  await(ca_yield());
  int z = 12;
  ca_chan_try_send(&c, &z);
  ca_task_abort(ra);
  await(ca_task_join(rb_task, &rb));
  printf("woken recv aborted: the next got %d, len %zu\n", rb, ca_chan_len(&c));

  ca_task *p = ca_spawn(producer(300));
  int bad = await(consumer(300));
  await(ca_task_wait(p));
  printf("300 transferred, %d wrong; sends dropped: %s, recvs dropped: %s; "
         "len %zu\n",
         bad, dropped_sends ? "some" : "none", dropped_recvs ? "some" : "none",
         ca_chan_len(&c));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      recv dropped: 1, v -1; then try_send 0, try_recv 0 (5)
// CHECK-NEXT: send dropped: 1; len 0 after recv of 5 (0); try_send 0
// CHECK-NEXT: woken send aborted: the next sent 11 (0), len 0
// CHECK-NEXT: woken recv aborted: the next got 12, len 0
// CHECK-NEXT: 300 transferred, 0 wrong; sends dropped: some, recvs dropped: some; len 0
