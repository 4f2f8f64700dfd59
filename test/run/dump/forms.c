// ca_dump_tasks through every form of await: an async function pointer with
// a budget (the callee's frame in place) and a boxed one (its ops give the
// callee), a hand-written leaf future (no description: named only), a
// ca_timeout_ms (a select with a sleep), an await inside a ca_for's body (the
// consumer's chain; the generator's frame is not a suspension), a task of a
// CA_TASK_POOL, a task whose frame is over-aligned (placed in its area at
// its alignment), and a static async function.
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 forms.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all forms.c -o %t.san
// RUN: %t.san | FileCheck %s --match-full-lines --strict-whitespace
// RUN: %valgrind %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-gcc -std=gnu11 -O2 -Wall -Werror forms.c -o %t.gcc
// RUN: %t.gcc | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait/dump.h>
#include <stdio.h>
#include <string.h>

typedef async_budget(128) int wait_fn(int ms);

async int slow(int ms) {
  await(ca_sleep_ms(ms));
  return ms;
}

async int via_pointer(wait_fn *f) { return await(f(600000)); }

async int via_box(wait_fn *f) { return await(ca_boxed(f(600000))); }

/* Pending forever, never woken (dropped when ca_block_on returns). */
async int stuck(int x);
#ifdef CA_LOWERED
struct stuck__frame {
  int x;
};
static __attribute__((unused)) void stuck__init(struct stuck__frame *f, int x) {
  f->x = x;
}
static __attribute__((unused)) ca_poll stuck__poll(struct stuck__frame *f, ca_context *cx, int *out) {
  (void)f, (void)cx, (void)out;
  return CA_PENDING;
}
static __attribute__((unused)) void stuck__drop(struct stuck__frame *f) { (void)f; }
#endif

async void hand_written(void) { (void)await(stuck(1)); }

async void timed(void) { (void)await(ca_timeout_ms(600000, stuck(2))); }

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

async void consumer(void) {
  ca_for (int v, count(3)) {
    if (v == 1)
      await(ca_sleep_ms(600000));
  }
}

async void pooled(void) { await(ca_sleep_ms(600000)); }
CA_TASK_POOL(pool, pooled, 1);

async void aligned(void) {
  _Alignas(64) char buf[64];
  memset(buf, 1, sizeof buf);
  await(ca_sleep_ms(600000));
  printf("%d\n", buf[3]);
}

static async void hidden(void) { await(ca_sleep_ms(600000)); }

async void run(void) {
  ca_spawn(via_pointer(slow));
  ca_spawn(via_box(slow));
  ca_spawn(hand_written());
  ca_spawn(timed());
  ca_spawn(consumer());
  ca_spawn_in(&pool, pooled());
  ca_spawn(aligned());
  ca_spawn(hidden());
  await(ca_sleep_ms(20));
  ca_dump_tasks(stdout);
}

int main(void) {
  ca_block_on(run());
  return 0;
}

// CHECK:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 via_pointer, waiting
// CHECK-NEXT:  via_pointer at forms.c:26 → slow at forms.c:22 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 2 via_box, waiting
// CHECK-NEXT:  via_box at forms.c:28 → slow at forms.c:22 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 3 hand_written, waiting
// CHECK-NEXT:  hand_written at forms.c:46 → stuck
// CHECK-NEXT:task 4 timed, waiting
// CHECK-NEXT:  timed at forms.c:48 → ca_select
// CHECK-NEXT:    [0] stuck
// CHECK-NEXT:    [1] ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 5 consumer, waiting
// CHECK-NEXT:  consumer at forms.c:58 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 6 pooled, waiting
// CHECK-NEXT:  pooled at forms.c:62 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 7 aligned, waiting
// CHECK-NEXT:  aligned at forms.c:68 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 8 hidden, waiting
// CHECK-NEXT:  hidden at forms.c:72 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-EMPTY:
