/* insn.c - loops whose instruction counts bench/runtime/run.sh takes with
 * callgrind at two iteration counts (the difference cancels setup).
 * Usage: insn MODE N, MODE one of
 *   await      N awaits of an async function that completes at once
 *   yield      N await(ca_yield()): suspend, wake, resume
 *   spawn      N spawns of a trivial task, run and freed (ca_run per 64)
 *   timer      N await(ca_sleep_ms(0)): arm, fire, suspend, resume
 *   timer100k  the same with 100,000 other tasks' timers armed */
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile uint64_t seed = 1; /* opaque to the optimizer */
static uint64_t sink;

async uint64_t child(uint64_t x) { return x * 3 + seed; }

async uint64_t loop_await(uint64_t n) {
  uint64_t acc = 0;
  for (uint64_t i = 0; i < n; i++)
    acc += await(child(i ^ acc));
  return acc;
}

async uint64_t loop_yield(uint64_t n) {
  uint64_t acc = 0;
  for (uint64_t i = 0; i < n; i++) {
    await(ca_yield());
    acc += i ^ seed;
  }
  return acc;
}

async uint64_t loop_timer(uint64_t n) {
  uint64_t acc = 0;
  for (uint64_t i = 0; i < n; i++) {
    await(ca_sleep_ms(0));
    acc += i ^ seed;
  }
  return acc;
}

async void trivial(uint64_t i) { sink += i ^ seed; }

async void sleeper(void) { await(ca_sleep_ms(1000000)); }

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "yield";
  uint64_t n = argc > 2 ? strtoull(argv[2], NULL, 10) : 1000;
  uint64_t r = 0;
  if (!strcmp(mode, "await")) {
    r = ca_block_on(loop_await(n));
  } else if (!strcmp(mode, "yield")) {
    r = ca_block_on(loop_yield(n));
  } else if (!strcmp(mode, "spawn")) {
    for (uint64_t i = 0; i < n; i++) {
      ca_spawn(trivial(i));
      if (i % 64 == 63)
        ca_run();
    }
    ca_run();
    r = sink;
  } else if (!strcmp(mode, "timer")) {
    r = ca_block_on(loop_timer(n));
  } else if (!strcmp(mode, "timer100k")) {
    for (int i = 0; i < 100000; i++)
      ca_spawn(sleeper());
    r = ca_block_on(loop_timer(n)); /* its first yield lets them arm */
    ca_executor_shutdown();
  } else {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  printf("%s n=%llu r=%llu\n", mode, (unsigned long long)n,
         (unsigned long long)r);
  return 0;
}
