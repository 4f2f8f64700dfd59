// ca_signal: a task raises SIGUSR1 while the main future waits for it in a
// select with a timeout (a graceful stop); a wait that times out is
// dropped and closes its signalfd; SIGTERM sent twice is seen twice; no
// descriptor is left.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <signal.h>
#include <stdio.h>

#include "../Inputs/open-fds.h"

async void raise_later(int signo, int ms) {
  await(ca_sleep_ms((uint64_t)ms));
  raise(signo);
}

async int run(void) {
  int got = 0;
  ca_spawn(raise_later(SIGUSR1, 5));
  int k = await(ca_select(got = ca_signal(SIGUSR1), ca_sleep_ms(5000)));
  printf("branch %d, signal %s\n", k, got == SIGUSR1 ? "SIGUSR1" : "WRONG");
  got = 0;
  int timed_out = await(ca_timeout_ms(5, got = ca_signal(SIGUSR2)));
  printf("no SIGUSR2: timed out %d, got %d\n", timed_out, got);
  for (int i = 0; i < 2; i++) {
    ca_spawn(raise_later(SIGTERM, 1));
    printf("SIGTERM %s\n", await(ca_signal(SIGTERM)) == SIGTERM ? "seen" : "WRONG");
  }
  return 0;
}

int main(void) {
  int before = open_fds();
  ca_block_on(run());
  printf("descriptors left %d\n", open_fds() - before);
  return 0;
}
// CHECK:      branch 0, signal SIGUSR1
// CHECK-NEXT: no SIGUSR2: timed out 1, got 0
// CHECK-NEXT: SIGTERM seen
// CHECK-NEXT: SIGTERM seen
// CHECK-NEXT: descriptors left 0
