/* timeouts.c - racing work against a timer with ca_timeout_ms and
 * ca_select, and running calls side by side with ca_join. The losers are
 * dropped: their cleanup locals run. Nothing is allocated: every branch's
 * frame is part of main_task's frame (see the frame report). */
#include <cawait.h>
#include <stdio.h>

static void say_dropped(const char **name) { printf("  (%s ends)\n", *name); }

/* A computation that takes `steps` ticks of 10 ms. */
async int compute(const char *name, int steps) {
  __attribute__((cleanup(say_dropped))) const char *label = name;
  int acc = 0;
  for (int i = 1; i <= steps; i++) {
    await(ca_sleep_ms(10));
    acc += i;
  }
  return acc;
}

async int main_task(void) {
  int fast = -1, slow = -1;
  if (await(ca_timeout_ms(100, slow = compute("slow", 50))))
    printf("slow timed out after 100 ms (slow = %d)\n", slow);
  if (!await(ca_timeout_ms(100, fast = compute("fast", 3))))
    printf("fast finished in time: %d\n", fast);

  int a = 0, b = 0;
  await(ca_join(a = compute("left", 2), b = compute("right", 4)));
  printf("join: %d %d\n", a, b);

  int k = await(ca_select(a = compute("tortoise", 6), b = compute("hare", 1)));
  printf("select: branch %d won (a = %d, b = %d)\n", k, a, b);
  return a + b;
}

int main(void) {
  int r = ca_block_on(main_task());
  printf("result = %d\n", r);
  return 0;
}
