// ca_owned(release): a parameter whose frame is dropped before its first
// poll is released by `release(param)`, last parameter first: a task a full
// group refuses, a task aborted before it ran, tasks still unstarted at
// ca_executor_shutdown, a ca_spawn_in pool task dropped unstarted when
// ca_block_on returns. A frame that ran owns its parameters: dropping it
// later runs only its cleanups, and a completed one releases nothing. A
// ca_select branch after one that completes at once is never started (its
// arguments are not evaluated), so there is nothing to release.
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

// Used only through ca_owned: without the plugin nothing calls them, and
// clang's -Wunused-function says so the same with and without it.
__attribute__((unused)) static void close_fd(int fd) {
  printf("release fd %d\n", fd);
}
__attribute__((unused)) static void free_name(const char *name) {
  printf("release name %s\n", name);
}
static void closed_by_body(int *fd) { printf("body closes fd %d\n", *fd); }

async int session(ca_owned(close_fd) int fd, ca_owned(free_name) const char *name) {
  __attribute__((cleanup(closed_by_body))) int mine = fd;
  printf("session %s runs with fd %d\n", name, mine);
  await(ca_sleep_ms(1));
  return mine;
}

// Owned but never read by the body: still kept for its release.
async void unread(ca_owned(close_fd) int fd) { await(ca_yield()); }

async int quick(void) { return 1; }

CA_TASK_POOL(pool, unread, 1);

async int driver(void) {
  ca_task *slots[1];
  ca_task_group g;
  ca_task_group_init(&g, slots, 1);
  printf("add: %d\n", ca_task_group_add(&g, ca_spawn(session(3, "a"))));
  // CHECK: release name b
  // CHECK-NEXT: release fd 4
  // CHECK-NEXT: add: -28
  printf("add: %d\n", ca_task_group_add(&g, ca_spawn(session(4, "b"))));
  // CHECK: session a runs with fd 3
  // CHECK-NEXT: body closes fd 3
  // CHECK-NEXT: wait: 0
  printf("wait: %d\n", await(ca_task_group_wait(&g)));

  // CHECK-NEXT: release name c
  // CHECK-NEXT: release fd 5
  ca_task_abort(ca_spawn(session(5, "c")));

  // Started, then aborted at its await: its own cleanup closes the fd.
  ca_task *t = ca_spawn(session(6, "d"));
  await(ca_yield());
  // CHECK-NEXT: session d runs with fd 6
  // CHECK-NEXT: body closes fd 6
  ca_task_abort(t);

  // CHECK-NEXT: select: 0 1
  int r = 0, s = 0;
  int won = await(ca_select(r = quick(), s = session(7, "e")));
  printf("select: %d %d\n", won, r + s);
  ca_task_detach(ca_spawn_in(&pool, unread(8)));
  return 0;
}

int main(void) {
  ca_block_on(driver());
  // The pool task was dropped unstarted when ca_block_on returned.
  // CHECK: release fd 8
  ca_task *f = ca_spawn(session(9, "f"));
  ca_task *u = ca_spawn(unread(10));
  ca_task_detach(f);
  ca_task_detach(u);
  // Shutdown drops the queued tasks in the order they were spawned.
  // CHECK-NEXT: release name f
  // CHECK-NEXT: release fd 9
  // CHECK-NEXT: release fd 10
  // CHECK-NEXT: shutdown: 2
  printf("shutdown: %d\n", ca_executor_shutdown());
  return 0;
}
