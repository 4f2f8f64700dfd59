// A task handle used after it was consumed (joined, aborted, detached), a
// NULL handle, and a handle of a pool or a group used twice: each aborts
// with a message naming the call and what became of the handle, never a
// use after free or a hang; with the plugin, under ASan+UBSan, and without
// the plugin (sync handles), alike. A handle whose slot was reused once
// still says how it was consumed; one reused twice says it was consumed.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %clang -std=gnu11 -O1 -Wall -Werror -I%cawait_include %s %cawait_lib -o %t.sync
// RUN: sh -c 'for b in %t %t.asan %t.sync; do for m in \
// RUN:   join-join abort-abort join-abort join-detach \
// RUN:   abort-join detach-join detach-detach null-join \
// RUN:   reused-once reused-twice pool-join-join pool-abort-abort \
// RUN:   group-add-joined group-abort-joined group-wait-aborted \
// RUN:   ; do not --crash $b $m 2>&1 | FileCheck %s --check-prefix=$m || { echo "FAILED: $b $m"; exit 1; }; done; done'
// RUN: %t ok | FileCheck %s --check-prefix=OK
// RUN: %valgrind %t ok | FileCheck %s --check-prefix=OK
#include <cawait.h>
#include <stdio.h>
#include <string.h>

async int square(int x) {
  await(ca_yield());
  return x * x;
}

CA_TASK_POOL(squares, square, 2);

static const char *mode;

static int is(const char *m) { return strcmp(mode, m) == 0; }

async int run(void) {
  int r = 0;
  ca_task *t = ca_spawn(square(3));
  if (is("join-join") || is("join-abort") || is("join-detach")) {
    await(ca_task_join(t, &r));
    printf("joined %d\n", r);
    if (is("join-join"))
      await(ca_task_join(t, &r));
    else if (is("join-abort"))
      ca_task_abort(t);
    else
      ca_task_detach(t);
  } else if (is("abort-abort") || is("abort-join")) {
    ca_task_abort(t);
    printf("aborted\n");
    if (is("abort-abort"))
      ca_task_abort(t);
    else
      await(ca_task_join(t, &r));
  } else if (is("detach-join") || is("detach-detach")) {
    ca_task_detach(t);
    printf("detached\n");
    if (is("detach-join"))
      await(ca_task_join(t, &r));
    else
      ca_task_detach(t);
  } else if (is("null-join")) {
    ca_task_abort(t);
    ca_task *none = (ca_task *)0;
    await(ca_task_join(none, &r));
  } else if (is("reused-once") || is("reused-twice")) {
    await(ca_task_join(t, &r));
    ca_task *u = ca_spawn(square(4)); /* t's slot, the only free one */
    await(ca_task_wait(u));
    if (is("reused-twice")) {
      ca_task *v = ca_spawn(square(5));
      ca_task_abort(v);
    }
    printf("reused\n");
    ca_task_detach(t);
  } else if (is("pool-join-join") || is("pool-abort-abort")) {
    ca_task_abort(t);
    ca_task *p = ca_spawn_in(&squares, square(2));
    if (is("pool-join-join")) {
      await(ca_task_join(p, &r));
      ca_task *q = ca_spawn_in(&squares, square(6)); /* p's pool slot */
      printf("pool joined %d\n", r);
      await(ca_task_join(p, &r));
      ca_task_abort(q);
    } else {
      ca_task_abort(p);
      printf("pool aborted\n");
      ca_task_abort(p);
    }
  } else if (is("group-add-joined") || is("group-abort-joined") ||
             is("group-wait-aborted")) {
    ca_task *slots[2];
    ca_task_group g;
    ca_task_group_init(&g, slots, 2);
    if (is("group-add-joined")) {
      await(ca_task_join(t, &r));
      printf("joined %d\n", r);
      ca_task_group_add(&g, t);
    } else if (is("group-abort-joined")) {
      ca_task_group_add(&g, t);
      await(ca_task_join(t, &r));
      printf("joined %d\n", r);
      ca_task_group_abort(&g);
    } else {
      ca_task_group_add(&g, t);
      ca_task_abort(t);
      printf("aborted\n");
      await(ca_task_group_wait(&g));
    }
  } else {
    /* Every handle consumed once: no message, nothing leaked. */
    await(ca_task_join(t, &r));
    ca_task *a = ca_spawn(square(1)), *b = ca_spawn(square(2));
    ca_task_abort(a);
    ca_task_detach(b);
    ca_task *p = ca_spawn_in(&squares, square(5));
    int rp = 0;
    await(ca_task_join(p, &rp));
    printf("ok %d %d\n", r, rp);
    return 0;
  }
  printf("unreachable\n");
  return 1;
}

int main(int argc, char **argv) {
  mode = argc > 1 ? argv[1] : "ok";
  return ca_block_on(run());
}

// join-join:      joined 9
// join-join-NEXT: cawait: ca_task_join: the task handle was already joined
// join-join-NOT:  unreachable
// abort-abort:      aborted
// abort-abort-NEXT: cawait: ca_task_abort: the task handle was already aborted
// join-abort:      joined 9
// join-abort-NEXT: cawait: ca_task_abort: the task handle was already joined
// join-detach:      joined 9
// join-detach-NEXT: cawait: ca_task_detach: the task handle was already joined
// abort-join:      aborted
// abort-join-NEXT: cawait: ca_task_join: the task handle was already aborted
// detach-join:      detached
// detach-join-NEXT: cawait: ca_task_join: the task handle was already detached
// detach-detach:      detached
// detach-detach-NEXT: cawait: ca_task_detach: the task handle was already detached
// null-join: cawait: ca_task_join: no task (a NULL handle)
// reused-once:      reused
// reused-once-NEXT: cawait: ca_task_detach: the task handle was already joined
// reused-twice:      reused
// reused-twice-NEXT: cawait: ca_task_detach: the task handle was already joined, aborted or detached
// pool-join-join:      pool joined 4
// pool-join-join-NEXT: cawait: ca_task_join: the task handle was already joined
// pool-abort-abort:      pool aborted
// pool-abort-abort-NEXT: cawait: ca_task_abort: the task handle was already aborted
// group-add-joined:      joined 9
// group-add-joined-NEXT: cawait: ca_task_group_add: the task handle was already joined
// group-abort-joined:      joined 9
// group-abort-joined-NEXT: cawait: ca_task_group_abort: the task handle was already joined
// group-wait-aborted:      aborted
// group-wait-aborted-NEXT: cawait: ca_task_group_wait: the task handle was already aborted
// OK: ok 9 25
