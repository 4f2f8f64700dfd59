// Checks that spawned tasks sleeping 30, 10, 20 and 10 ms finish in deadline order (ties in arming order), none early.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

/* Hand-lowered: async void sleeper(char name, uint64_t ms) {
 *   await(ca_sleep_ms(ms)); printf(...); } */
struct sleeper__frame {
  int state; /* 0 unresumed, 1 at the await, 2 returned */
  char name;
  uint64_t ms, start;
  struct ca_sleep_ms__frame sleep;
};

static ca_poll sleeper__poll(void *p, ca_context *cx, void *out) {
  struct sleeper__frame *f = p;
  (void)out;
  switch (f->state) {
  case 0:
    f->start = ca_now_ms();
    ca_sleep_ms__init(&f->sleep, f->ms);
    f->state = 1;
    /* fallthrough */
  case 1:
    if (ca_sleep_ms__poll(&f->sleep, cx, NULL) == CA_PENDING)
      return CA_PENDING;
    printf("%c done after %llu ms: %s\n", f->name, (unsigned long long)f->ms,
           ca_now_ms() - f->start >= f->ms ? "not early" : "EARLY");
    f->state = 2;
    return CA_READY;
  default:
    ca__poll_after_done("sleeper");
  }
}

static void sleeper__drop(void *p) {
  struct sleeper__frame *f = p;
  if (f->state == 1)
    ca_sleep_ms__drop(&f->sleep);
  f->state = 2;
}

static void spawn_sleeper(char name, uint64_t ms) {
  struct sleeper__frame *f =
      ca__task_alloc(sizeof *f, sleeper__poll, sleeper__drop);
  *f = (struct sleeper__frame){.name = name, .ms = ms};
  ca__task_start(f);
}

int main(void) {
  uint64_t start = ca_now_ms();
  spawn_sleeper('A', 30);
  spawn_sleeper('B', 10);
  spawn_sleeper('C', 20);
  spawn_sleeper('D', 10);
  printf("spawned\n");
  ca_run();
  printf("ca_run returned: %s\n",
         ca_now_ms() - start >= 30 ? "after 30 ms" : "TOO EARLY");
  return 0;
}

// CHECK:      spawned
// CHECK-NEXT: B done after 10 ms: not early
// CHECK-NEXT: D done after 10 ms: not early
// CHECK-NEXT: C done after 20 ms: not early
// CHECK-NEXT: A done after 30 ms: not early
// CHECK-NEXT: ca_run returned: after 30 ms
// CHECK-EMPTY:
