// Without the plugin, a channel or synchronisation operation that would
// wait (nothing else can run to unblock it) aborts with a message naming
// it, after the output printed so far; a value whose size is not the
// channel's element size aborts too. Operations that can complete do.
// RUN: %clang -std=gnu11 -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t recv 2>&1 | FileCheck %s --check-prefix=RECV
// RUN: not --crash %t send 2>&1 | FileCheck %s --check-prefix=SEND
// RUN: not --crash %t oneshot 2>&1 | FileCheck %s --check-prefix=ONESHOT
// RUN: not --crash %t notified 2>&1 | FileCheck %s --check-prefix=NOTIFIED
// RUN: not --crash %t sem 2>&1 | FileCheck %s --check-prefix=SEM
// RUN: not --crash %t cancelled 2>&1 | FileCheck %s --check-prefix=CANCELLED
// RUN: not --crash %t size 2>&1 | FileCheck %s --check-prefix=SIZE
// RUN: %clang -std=gnu11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san
// RUN: not --crash %t.san recv 2>&1 | FileCheck %s --check-prefix=RECV
// RUN: not --crash %t.san sem 2>&1 | FileCheck %s --check-prefix=SEM
#include <cawait.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  const char *op = argv[1];
  int buf[1], v = 1;
  ca_chan c;
  ca_chan_init(&c, buf, sizeof v, 1);
  if (!strcmp(op, "recv")) {
    int sent = await(ca_chan_send(&c, &v));
    v = 0;
    int got = await(ca_chan_recv(&c, &v));
    printf("send %d, recv %d (%d)\n", sent, got, v);
    await(ca_chan_recv(&c, &v));
  } else if (!strcmp(op, "send")) {
    printf("send %d\n", await(ca_chan_send(&c, &v)));
    await(ca_chan_send(&c, &v));
  } else if (!strcmp(op, "oneshot")) {
    ca_oneshot o;
    ca_oneshot_init(&o, buf, sizeof v);
    printf("oneshot\n");
    await(ca_oneshot_recv(&o, &v));
  } else if (!strcmp(op, "notified")) {
    ca_notify n = {0};
    ca_notify_all(&n); /* stores no permit */
    printf("notify_all\n");
    await(ca_notified(&n));
  } else if (!strcmp(op, "sem")) {
    ca_sem s;
    ca_sem_init(&s, 1);
    printf("acquire %d\n", await(ca_sem_acquire(&s)));
    await(ca_sem_acquire(&s));
  } else if (!strcmp(op, "cancelled")) {
    ca_cancel_token t = {0};
    printf("token\n");
    await(ca_cancel_token_wait(&t));
  } else if (!strcmp(op, "size")) {
    long wide = 1;
    printf("size\n");
    ca_chan_try_send(&c, &wide);
  }
  printf("UNREACHABLE\n");
  return 0;
}
// RECV:      send 0, recv 0 (1)
// RECV-NEXT: cawait: ca_chan_recv: the channel is empty and open: waiting would block forever without the plugin
// SEND:      send 0
// SEND-NEXT: cawait: ca_chan_send: the channel is full: waiting would block forever without the plugin
// ONESHOT:      oneshot
// ONESHOT-NEXT: cawait: ca_oneshot_recv: no value was sent and the oneshot is open: waiting would block forever without the plugin
// NOTIFIED:      notify_all
// NOTIFIED-NEXT: cawait: ca_notified: no notification is stored: waiting would block forever without the plugin
// SEM:      acquire 0
// SEM-NEXT: cawait: ca_sem_acquire: no permit is available: waiting would block forever without the plugin
// CANCELLED:      token
// CANCELLED-NEXT: cawait: ca_cancel_token_wait: the token is not cancelled: waiting would block forever without the plugin
// SIZE:      size
// SIZE-NEXT: cawait: ca_chan_try_send: the element is 8 bytes, the channel's are 4
