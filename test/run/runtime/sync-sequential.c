// Channels and synchronisation awaited only where they complete at once:
// try_send/try_recv (full, empty, closed, the ring wrapping around), an
// awaited send with room and recv with elements, a oneshot sent before it
// is received, a stored notify permit, a semaphore with permits, a
// cancelled token. The same output with the plugin, without it (blocking
// versions), under ASan+UBSan and valgrind.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

struct msg {
  int id;
  char tag;
};

async int run(void) {
  struct msg buf[3], m = {0, 'a'}, got;
  ca_chan c;
  printf("init %d, bad init %d\n", ca_chan_init(&c, buf, sizeof *buf, 3),
         ca_chan_init(&(ca_chan){0}, buf, sizeof *buf, 0));
  for (int round = 0; round < 3; round++) {
    int sent = 0, rc;
    while ((rc = ca_chan_try_send(&c, &m)) == 0)
      m.id++, sent++;
    printf("round %d: sent %d then %d, len %zu\n", round, sent, rc,
           ca_chan_len(&c));
    rc = ca_chan_try_recv(&c, &got);
    printf("  recv %d: %d%c\n", rc, got.id, got.tag);
    rc = await(ca_chan_send(&c, &m));
    m.id++;
    printf("  awaited send %d\n", rc);
    while ((rc = await(ca_chan_recv(&c, &got))) == 0 && ca_chan_len(&c))
      printf("  got %d\n", got.id);
    printf("  last %d, then try %d\n", got.id, ca_chan_try_recv(&c, &got));
  }
  ca_chan_try_send(&c, &m);
  ca_chan_close(&c);
  int rs = await(ca_chan_send(&c, &m));
  printf("closed: send %d, try_send %d\n", rs, ca_chan_try_send(&c, &m));
  got.id = -1;
  int r1 = await(ca_chan_recv(&c, &got));
  int r2 = await(ca_chan_recv(&c, &got));
  printf("closed: drained %d (%d), then %d, try %d\n", r1, got.id, r2,
         ca_chan_try_recv(&c, &got));

  long slot, v = 42, out = 0;
  ca_oneshot o;
  ca_oneshot_init(&o, &slot, sizeof slot);
  int s1 = ca_oneshot_send(&o, &v);
  int s2 = ca_oneshot_send(&o, &v);
  int rc = await(ca_oneshot_recv(&o, &out));
  int again = await(ca_oneshot_recv(&o, &out));
  printf("oneshot: send %d, again %d, recv %d (%ld), again %d\n", s1, s2, rc,
         out, again);
  ca_oneshot_init(&o, &slot, sizeof slot);
  ca_oneshot_close(&o);
  s1 = ca_oneshot_send(&o, &v);
  rc = await(ca_oneshot_recv(&o, &out));
  printf("oneshot closed: send %d, recv %d\n", s1, rc);

  ca_notify n = {0};
  ca_notify_one(&n);
  ca_notify_one(&n); /* one permit at most */
  await(ca_notified(&n));
  printf("notify: permit consumed, left %d\n", n.ca__private.permit);

  ca_sem s;
  ca_sem_init(&s, 2);
  int a1 = await(ca_sem_acquire(&s));
  int a2 = ca_sem_try_acquire(&s);
  int a3 = ca_sem_try_acquire(&s);
  ca_sem_release(&s);
  int a4 = await(ca_sem_acquire(&s));
  ca_sem_close(&s);
  int a5 = ca_sem_try_acquire(&s);
  int a6 = await(ca_sem_acquire(&s));
  printf("sem: %d %d %d %d, closed %d %d\n", a1, a2, a3, a4, a5, a6);

  ca_cancel_token t;
  ca_cancel_token_init(&t);
  printf("token: %d", ca_cancel_token_is_cancelled(&t));
  ca_cancel_token_cancel(&t);
  ca_cancel_token_cancel(&t);
  await(ca_cancel_token_wait(&t));
  printf(", then %d, awaited\n", ca_cancel_token_is_cancelled(&t));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      init 0, bad init -22
// CHECK-NEXT: round 0: sent 3 then -11, len 3
// CHECK-NEXT:   recv 0: 0a
// CHECK-NEXT:   awaited send 0
// CHECK-NEXT:   got 1
// CHECK-NEXT:   got 2
// CHECK-NEXT:   last 3, then try -11
// CHECK-NEXT: round 1: sent 3 then -11, len 3
// CHECK-NEXT:   recv 0: 4a
// CHECK-NEXT:   awaited send 0
// CHECK-NEXT:   got 5
// CHECK-NEXT:   got 6
// CHECK-NEXT:   last 7, then try -11
// CHECK-NEXT: round 2: sent 3 then -11, len 3
// CHECK-NEXT:   recv 0: 8a
// CHECK-NEXT:   awaited send 0
// CHECK-NEXT:   got 9
// CHECK-NEXT:   got 10
// CHECK-NEXT:   last 11, then try -11
// CHECK-NEXT: closed: send -32, try_send -32
// CHECK-NEXT: closed: drained 0 (12), then -32, try -32
// CHECK-NEXT: oneshot: send 0, again -114, recv 0 (42), again -32
// CHECK-NEXT: oneshot closed: send -32, recv -32
// CHECK-NEXT: notify: permit consumed, left 0
// CHECK-NEXT: sem: 0 0 -11 0, closed -32 -32
// CHECK-NEXT: token: 0, then 1, awaited
// CHECK-NEXT: exit=0
