// A port outside 0..65535 is -EINVAL for every call that takes one
// (ca_tcp_connect, ca_tcp_listen, ca_udp_bind, ca_send_to), and the ca_io
// is left closed; before, htons took it modulo 65536 (70000 connected to
// port 4464). With the plugin and without it alike.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

static const char *name(int rc) {
  return rc == -EINVAL ? "-EINVAL" : rc == 0 ? "0" : "another error";
}

async int run(void) {
  static const int ports[] = {70000, -5, 65536, -1};
  ca_io a = {.fd = -1}, u;
  for (int i = 0; i < 4; i++) {
    int rc = await(ca_tcp_connect(&a, "127.0.0.1", ports[i]));
    printf("connect %d: %s, fd %d\n", ports[i], name(rc), a.fd);
    rc = ca_tcp_listen(&a, NULL, ports[i], 1);
    printf("listen %d: %s, fd %d\n", ports[i], name(rc), a.fd);
    rc = ca_udp_bind(&a, NULL, ports[i]);
    printf("udp_bind %d: %s, fd %d\n", ports[i], name(rc), a.fd);
  }
  if (ca_udp_bind(&u, NULL, 0) < 0)
    return 1;
  long n = await(ca_send_to(&u, "x", 1, NULL, 70000));
  printf("send_to 70000: %s\n", name((int)n));
  ca_io_close(&u);
  return 0;
}

int main(void) { return ca_block_on(run()); }

// CHECK:      connect 70000: -EINVAL, fd -1
// CHECK-NEXT: listen 70000: -EINVAL, fd -1
// CHECK-NEXT: udp_bind 70000: -EINVAL, fd -1
// CHECK-NEXT: connect -5: -EINVAL, fd -1
// CHECK-NEXT: listen -5: -EINVAL, fd -1
// CHECK-NEXT: udp_bind -5: -EINVAL, fd -1
// CHECK-NEXT: connect 65536: -EINVAL, fd -1
// CHECK-NEXT: listen 65536: -EINVAL, fd -1
// CHECK-NEXT: udp_bind 65536: -EINVAL, fd -1
// CHECK-NEXT: connect -1: -EINVAL, fd -1
// CHECK-NEXT: listen -1: -EINVAL, fd -1
// CHECK-NEXT: udp_bind -1: -EINVAL, fd -1
// CHECK-NEXT: send_to 70000: -EINVAL
