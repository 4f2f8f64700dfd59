// ca_sleep_until: absolute deadlines (a periodic loop that does not drift
// with the time its body takes), a deadline already passed (pending once,
// then done), and a sleep_until raced by a timeout and dropped (its timer
// disarmed: the program does not wait for it).
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async void tick(uint64_t *at, int n, int period) {
  uint64_t next = ca_now_ms();
  for (int i = 0; i < n; i++) {
    next += (uint64_t)period;
    await(ca_sleep_until(next));
    at[i] = ca_now_ms();
  }
}

async int run(void) {
  uint64_t at[5], start = ca_now_ms();
  await(tick(at, 5, 20));
  int late = 0;
  for (int i = 0; i < 5; i++)
    late += at[i] < start + 20u * (uint64_t)(i + 1);
  printf("5 ticks, %d early\n", late);
  uint64_t t0 = ca_now_ms();
  await(ca_sleep_until(t0 - 1000));
  printf("past deadline done\n");
  int timed_out = await(ca_timeout_ms(5, ca_sleep_until(ca_now_ms() + 60000)));
  printf("timed out %d after %s\n", timed_out,
         ca_now_ms() - t0 < 1000 ? "less than a second" : "TOO LONG");
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      5 ticks, 0 early
// CHECK-NEXT: past deadline done
// CHECK-NEXT: timed out 1 after less than a second
