/* tasks_mem.c - peak RSS of N spawned tasks that all sleep at once: each
 * task awaits ca_sleep_ms(10000); once every task has been polled (its
 * timer armed), main reads VmHWM and drops them all with
 * ca_executor_shutdown instead of waiting the 10 s out. Usage: tasks_mem N */
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long started;

async void sleeper(void) {
  started++;
  await(ca_sleep_ms(10000));
}

/* Queued behind the spawned tasks: yields until each has been polled. */
async void probe(long n) {
  while (started < n)
    await(ca_yield());
}

static long status_kb(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  size_t len = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, field, len))
      kb = strtol(line + len + 1, NULL, 10);
  if (f)
    fclose(f);
  return kb;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < n; i++)
    ca_spawn(sleeper());
  ca_block_on(probe(n));
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long hwm = status_kb("VmHWM:"), rss = status_kb("VmRSS:");
  int dropped = ca_executor_shutdown();
  printf("n=%ld sleeping=%ld hwm_kb=%ld rss_kb=%ld dropped=%d "
         "spawn_and_poll_ms=%.1f\n",
         n, started, hwm, rss, dropped,
         (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
  return dropped == n ? 0 : 1;
}
