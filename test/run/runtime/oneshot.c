// ca_oneshot awaited: a receive waiting for a send from another task; a
// receive dropped by a timeout leaves the value for the next one; a close
// wakes a waiting receive with -EPIPE; a value sent before the close is
// still received; of two waiting receives the first gets the value, and
// when it is aborted after being woken the second gets it.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct reply {
  int code;
  char text[12];
};

static ca_oneshot o;
static struct reply slot;

async void answer_later(int code) {
  await(ca_sleep_ms(1));
  struct reply r = {code, "ok"};
  printf("send: %d\n", ca_oneshot_send(&o, &r));
}

async void close_later(void) {
  await(ca_sleep_ms(1));
  ca_oneshot_close(&o);
}

async int recv_code(void) {
  struct reply r = {-1, ""};
  int rc = await(ca_oneshot_recv(&o, &r));
  return rc ? rc : r.code;
}

async int run(void) {
  struct reply r = {0, ""};
  ca_oneshot_init(&o, &slot, sizeof slot);
  ca_spawn(answer_later(200));
  int rc = await(ca_oneshot_recv(&o, &r));
  printf("received %d: %d %s\n", rc, r.code, r.text);

  ca_oneshot_init(&o, &slot, sizeof slot);
  r.code = -1;
  int timed_out = await(ca_timeout_ms(1, ca_oneshot_recv(&o, &r)));
  printf("dropped recv: timed out %d, code %d\n", timed_out, r.code);
  ca_spawn(answer_later(201));
  rc = await(ca_oneshot_recv(&o, &r));
  printf("next recv %d: %d\n", rc, r.code);

  ca_oneshot_init(&o, &slot, sizeof slot);
  ca_spawn(close_later());
  r.code = -1;
  rc = await(ca_oneshot_recv(&o, &r));
  printf("closed while waiting: %d, code %d\n", rc, r.code);

  ca_oneshot_init(&o, &slot, sizeof slot);
  struct reply early = {202, "early"};
  ca_oneshot_send(&o, &early);
  ca_oneshot_close(&o);
  rc = await(ca_oneshot_recv(&o, &r));
  printf("sent then closed: %d, %d %s\n", rc, r.code, r.text);

  ca_oneshot_init(&o, &slot, sizeof slot);
  ca_task *a = ca_spawn(recv_code()), *b = ca_spawn(recv_code());
  await(ca_yield());
  struct reply v = {203, ""};
  ca_oneshot_send(&o, &v);
  int ca_, cb;
  await(ca_task_join(a, &ca_));
  await(ca_task_join(b, &cb));
  printf("two receives: %d, %d\n", ca_, cb);

  ca_oneshot_init(&o, &slot, sizeof slot);
  a = ca_spawn(recv_code());
  b = ca_spawn(recv_code());
  await(ca_yield());
  v.code = 204;
  ca_oneshot_send(&o, &v);
  ca_task_abort(a);
  await(ca_task_join(b, &cb));
  printf("first aborted after its wake-up: the second got %d\n", cb);
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      send: 0
// CHECK-NEXT: received 0: 200 ok
// CHECK-NEXT: dropped recv: timed out 1, code -1
// CHECK-NEXT: send: 0
// CHECK-NEXT: next recv 0: 201
// CHECK-NEXT: closed while waiting: -32, code -1
// CHECK-NEXT: sent then closed: 0, 202 early
// CHECK-NEXT: two receives: 203, -32
// CHECK-NEXT: first aborted after its wake-up: the second got 204
