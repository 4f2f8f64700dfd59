// The previous release's names (cawait/deprecated.h) still compile and run,
// with and without the plugin, each with a -Wdeprecated-declarations warning
// naming its new spelling: the non-async ones, and the async ones awaited
// alone, in a select and as a spawned task, beside their new spelling.
// cawait-cc gives exactly plain clang's warnings (from the analysis parse;
// the generated code, which calls the old frames' functions, adds none).
// RUN: %clang -std=gnu11 -I %cawait_include -fsyntax-only %s 2> %t.plain
// RUN: FileCheck --check-prefix=WARN --implicit-check-not=warning: %s < %t.plain
// RUN: %cawait-cc -std=gnu11 -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: %differential %s %t -Wno-deprecated-declarations | FileCheck %s
#include <cawait.h>

#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static ca_cancel_token stop;
static ca_task_group g;
static ca_task *slots[2];

static async int leaf(int x) {
  await(ca_yield());
  return x;
}

static async int run(void) {
  // WARN: deprecated-names.c:[[@LINE+1]]:3: warning: 'ca_cancel_init' is deprecated: use ca_cancel_token_init [-Wdeprecated-declarations]
  ca_cancel_init(&stop);
  // WARN: deprecated-names.c:[[@LINE+1]]:26: warning: 'ca_is_cancelled' is deprecated: use ca_cancel_token_is_cancelled [-Wdeprecated-declarations]
  printf("cancelled %d", ca_is_cancelled(&stop));
  // WARN: deprecated-names.c:[[@LINE+1]]:3: warning: 'ca_cancel' is deprecated: use ca_cancel_token_cancel [-Wdeprecated-declarations]
  ca_cancel(&stop);
  printf(", then %d\n", ca_cancel_token_is_cancelled(&stop));
  // WARN: deprecated-names.c:[[@LINE+1]]:9: warning: 'ca_cancelled' is deprecated: use ca_cancel_token_wait [-Wdeprecated-declarations]
  await(ca_cancelled(&stop));
  await(ca_cancel_token_wait(&stop));
  // WARN: deprecated-names.c:[[@LINE+1]]:27: warning: 'ca_cancelled' is deprecated: use ca_cancel_token_wait [-Wdeprecated-declarations]
  int k = await(ca_select(ca_cancelled(&stop), ca_sleep_ms(10000)));
  // Not compared: plain clang warns six times here (ca_spawn's plain
  // expansion names its argument six times), cawait-cc once.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
  ca_task *t = ca_spawn(ca_cancelled(&stop));
#pragma clang diagnostic pop
  await(ca_task_wait(t));
  printf("select %d, spawned wait joined\n", k);

  // WARN: deprecated-names.c:[[@LINE+1]]:3: warning: 'ca_group_init' is deprecated: use ca_task_group_init [-Wdeprecated-declarations]
  ca_group_init(&g, slots, 2);
  // WARN: deprecated-names.c:[[@LINE+1]]:12: warning: 'ca_group_add' is deprecated: use ca_task_group_add [-Wdeprecated-declarations]
  int rc = ca_group_add(&g, ca_spawn(leaf(1)));
  rc |= ca_task_group_add(&g, ca_spawn(leaf(2)));
  // WARN: deprecated-names.c:[[@LINE+1]]:17: warning: 'ca_group_wait' is deprecated: use ca_task_group_wait [-Wdeprecated-declarations]
  int c = await(ca_group_wait(&g));
  printf("group: add %d, wait %d, left %u", rc, c, ca_task_group_len(&g));
  ca_task_group_add(&g, ca_spawn(leaf(3)));
  // WARN: deprecated-names.c:[[@LINE+1]]:26: warning: 'ca_group_abort' is deprecated: use ca_task_group_abort [-Wdeprecated-declarations]
  printf(", abort %d\n", ca_group_abort(&g) >= 0);

  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return 1;
  ca_io a, b;
  ca_io_open(&a, sv[0]);
  ca_io_open(&b, sv[1]);
  (void)!write(sv[0], "x", 1);
  // WARN: deprecated-names.c:[[@LINE+1]]:9: warning: 'ca_readable' is deprecated: use ca_io_readable [-Wdeprecated-declarations]
  await(ca_readable(&b));
  await(ca_io_readable(&b));
  // WARN: deprecated-names.c:[[@LINE+1]]:9: warning: 'ca_writable' is deprecated: use ca_io_writable [-Wdeprecated-declarations]
  await(ca_writable(&a));
  await(ca_io_writable(&a));
  // WARN: deprecated-names.c:[[@LINE+1]]:42: warning: 'ca_close' is deprecated: use ca_io_close [-Wdeprecated-declarations]
  printf("readable, writable, close %d", ca_close(&a));
  printf(" %d, fd %d\n", ca_io_close(&b), b.fd);
  ca_io d;
  // WARN: deprecated-names.c:[[@LINE+1]]:23: warning: 'ca_connect' is deprecated: use ca_tcp_connect [-Wdeprecated-declarations]
  int refused = await(ca_connect(&d, "127.0.0.1", 1));
  printf("connect %s\n", refused == -ECONNREFUSED ? "refused" : "WRONG");
  return 0;
}

int main(void) { return ca_block_on(run()); }

// CHECK:      cancelled 0, then 1
// CHECK-NEXT: select 0, spawned wait joined
// CHECK-NEXT: group: add 0, wait 0, left 0, abort 1
// CHECK-NEXT: readable, writable, close 0 0, fd -1
// CHECK-NEXT: connect refused
// CHECK-NEXT: exit=0
