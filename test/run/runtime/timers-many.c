// 100,000 timers (argv[1]; fewer under valgrind) with seeded random deadlines
// over 1.5 s, awaited by spawned tasks directly or in a select, fire in
// deadline order and equal deadlines in arming order, none early; timers
// dropped before their deadline (a timed-out sleep, an aborted task) never
// fire (a stale one would touch a freed frame: ASan and valgrind see it).
// RUN: %cawait-cc -O2 -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all \
// RUN:   %s -o %t.san && %t.san 30000 | FileCheck %s
// RUN: %valgrind %t 2000 | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

enum { DIRECT, SELECT, TIMEOUT, ABORTED, KINDS };

static uint64_t *deadline; /* absolute, ca_now_ms() time */
static unsigned char *kind;
static ca_task **handle; /* of the ABORTED kind */
static uint32_t *order, norder;
static unsigned early, late, lost_select, not_timed_out, timed_out;
static uint64_t cutoff; /* the ABORTED tasks still pending then are */
static uint32_t n;

static void fired(uint32_t i) {
  if (ca_now_ms() < deadline[i])
    early++;
  order[norder++] = i;
}

async void sleeper(uint32_t i) {
  uint64_t d = deadline[i];
  if (kind[i] == SELECT) {
    if (await(ca_select(ca_sleep_until(d), ca_sleep_until(d + 100000))) != 0)
      lost_select++;
  } else if (kind[i] == TIMEOUT) {
    uint64_t now = ca_now_ms();
    if (d < now + 20) {
      late++;
      return;
    }
    /* Times out half-way: the sleep is dropped, its timer disarmed. */
    if (!await(ca_timeout_ms((d - now) / 2, ca_sleep_until(d))))
      not_timed_out++;
    timed_out++;
    return;
  } else {
    await(ca_sleep_until(d));
  }
  fired(i);
}

async int killer(void) {
  await(ca_sleep_until(cutoff));
  unsigned aborted = 0;
  for (uint32_t i = 0; i < n; i++)
    if (kind[i] == ABORTED) {
      aborted += deadline[i] > cutoff;
      ca_task_abort(handle[i]); /* pending: dropped; completed: freed */
    }
  return (int)aborted;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

int main(int argc, char **argv) {
  n = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 100000;
  /* ~65 timers per millisecond at 100,000; ties at any count. */
  uint64_t span = n >= 30000 ? 1500 : n / 20 + 1;
  deadline = malloc(n * sizeof *deadline);
  kind = malloc(n);
  handle = calloc(n, sizeof *handle);
  order = malloc(n * sizeof *order);
  uint64_t base = ca_now_ms() + 500; /* every task armed by then */
  cutoff = base + span / 2;
  for (uint32_t i = 0; i < n; i++) {
    deadline[i] = base + next_random() % span;
    kind[i] = (unsigned char)(next_random() % KINDS);
  }
  /* Tasks are first polled, and arm their timers, in spawn order. */
  for (uint32_t i = 0; i < n; i++)
    if (kind[i] == ABORTED)
      handle[i] = ca_spawn(sleeper(i));
    else
      ca_spawn(sleeper(i));
  int aborted = ca_block_on(killer());
  ca_run();

  unsigned disorder = 0, expected = 0, stale = 0;
  for (uint32_t k = 1; k < norder; k++) {
    uint32_t a = order[k - 1], b = order[k];
    disorder +=
        deadline[a] > deadline[b] || (deadline[a] == deadline[b] && a > b);
  }
  for (uint32_t i = 0; i < n; i++)
    expected += kind[i] == DIRECT || kind[i] == SELECT ||
                (kind[i] == ABORTED && deadline[i] <= cutoff);
  for (uint32_t k = 0; k < norder; k++)
    stale += kind[order[k]] == ABORTED && deadline[order[k]] > cutoff;
  unsigned timeouts = 0;
  for (uint32_t i = 0; i < n; i++)
    timeouts += kind[i] == TIMEOUT;
  printf("fired %s, %s\n", norder == expected ? "all" : "NOT ALL",
         disorder ? "OUT OF ORDER" : "in order");
  printf("early %u, late starts %u, lost selects %u\n", early, late,
         lost_select);
  printf("timeouts %s, not timed out %u\n",
         timed_out == timeouts ? "all" : "NOT ALL", not_timed_out);
  printf("aborted %s, fired after abort %u\n", aborted > 0 ? "some" : "NONE",
         stale);
  fprintf(stderr, "n=%u fired=%u timeouts=%u aborted=%d\n", n, norder, timeouts,
          aborted);
  free(deadline);
  free(kind);
  free(handle);
  free(order);
  return 0;
}
// CHECK:      fired all, in order
// CHECK-NEXT: early 0, late starts 0, lost selects 0
// CHECK-NEXT: timeouts all, not timed out 0
// CHECK-NEXT: aborted some, fired after abort 0
