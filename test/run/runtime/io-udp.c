// UDP: two sockets on loopback exchange datagrams, each awaited in turn
// (differential: without the plugin the same calls block), with the
// sender's port reported, a datagram longer than the buffer truncated,
// and no descriptor left open.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>

#include "../Inputs/open-fds.h"

async int exchange(void) {
  ca_io a, b;
  if (ca_udp_bind(&a, NULL, 0) < 0 || ca_udp_bind(&b, "127.0.0.1", 0) < 0)
    return -1;
  int pa = ca_io_port(&a), pb = ca_io_port(&b), ok = 0;
  for (int i = 0; i < 5; i++) {
    char msg[32], got[32];
    int from = 0;
    snprintf(msg, sizeof msg, "ping %d", i);
    await(ca_send_to(&a, msg, strlen(msg), "127.0.0.1", pb));
    long n = await(ca_recv_from(&b, got, sizeof got - 1, &from));
    got[n > 0 ? n : 0] = '\0';
    ok += n == (long)strlen(msg) && from == pa && strcmp(got, msg) == 0;
    snprintf(msg, sizeof msg, "pong %d", i);
    await(ca_send_to(&b, msg, strlen(msg), "127.0.0.1", pa));
    n = await(ca_recv_from(&a, got, sizeof got - 1, &from));
    got[n > 0 ? n : 0] = '\0';
    ok += n == (long)strlen(msg) && from == pb && strcmp(got, msg) == 0;
    printf("%s\n", got);
  }
  char small[4];
  await(ca_send_to(&a, "truncated", 9, "127.0.0.1", pb));
  long n = await(ca_recv_from(&b, small, sizeof small, NULL));
  printf("truncated to %ld: %.4s\n", n, small);
  printf("bad address: %s\n",
         await(ca_send_to(&a, "x", 1, "not an address", pb)) == -22 ? "-EINVAL"
                                                                  : "WRONG");
  ca_io_close(&a);
  ca_io_close(&b);
  return ok;
}

int main(void) {
  int before = open_fds();
  int ok = ca_block_on(exchange());
  printf("%d of 10 exchanges right, descriptors left %d\n", ok,
         open_fds() - before);
  return 0;
}
// CHECK:      pong 0
// CHECK-NEXT: pong 1
// CHECK-NEXT: pong 2
// CHECK-NEXT: pong 3
// CHECK-NEXT: pong 4
// CHECK-NEXT: truncated to 4: trun
// CHECK-NEXT: bad address: -EINVAL
// CHECK-NEXT: 10 of 10 exchanges right, descriptors left 0
// CHECK-NEXT: exit=0
