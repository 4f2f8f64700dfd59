// ca_signal gives the signal back when its last waiter finishes: the
// thread's mask is restored (the signal unblocked unless it was blocked
// before), so a second SIGINT after a graceful stop began takes its
// default action and ends a stuck process. A wait that completes, one
// that is dropped, two waiters at once (the signal stays blocked until
// both are done), and a signal the program had blocked itself (it stays
// blocked).
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: not --crash %t second 2>&1 | FileCheck %s --check-prefix=SECOND
#include <cawait.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *blocked(int signo) {
  sigset_t now;
  pthread_sigmask(SIG_BLOCK, NULL, &now);
  return sigismember(&now, signo) ? "blocked" : "unblocked";
}

async void raise_later(int signo, int ms) {
  await(ca_sleep_ms((uint64_t)ms));
  raise(signo);
}

async int wait_for(int signo) { return await(ca_signal(signo)); }

async int run(int second) {
  if (second) {
    signal(SIGINT, SIG_DFL); /* a background shell may have ignored it */
    ca_spawn(raise_later(SIGINT, 2));
    int got = await(ca_signal(SIGINT));
    printf("first SIGINT: %d, stopping\n", got);
    fflush(stdout);
    raise(SIGINT); /* the second: the default action */
    printf("unreachable\n");
    return 1;
  }
  printf("SIGUSR1 at first: %s\n", blocked(SIGUSR1));
  ca_spawn(raise_later(SIGUSR1, 2));
  int got = await(ca_signal(SIGUSR1));
  printf("got %s, then %s\n", got == SIGUSR1 ? "SIGUSR1" : "?",
         blocked(SIGUSR1));

  int timed_out = await(ca_timeout_ms(2, ca_signal(SIGUSR2)));
  printf("SIGUSR2 wait dropped %d, then %s\n", timed_out, blocked(SIGUSR2));

  ca_task *a = ca_spawn(wait_for(SIGUSR1));
  timed_out = await(ca_timeout_ms(2, ca_signal(SIGUSR1)));
  printf("one of two waiters dropped %d: %s\n", timed_out, blocked(SIGUSR1));
  raise(SIGUSR1);
  int ra = 0;
  await(ca_task_join(a, &ra));
  printf("the other got %s, then %s\n", ra == SIGUSR1 ? "SIGUSR1" : "?",
         blocked(SIGUSR1));

  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hup, NULL);
  ca_spawn(raise_later(SIGHUP, 2));
  got = await(ca_signal(SIGHUP));
  printf("SIGHUP blocked by the program: got %s, then %s\n",
         got == SIGHUP ? "SIGHUP" : "?", blocked(SIGHUP));
  return 0;
}

int main(int argc, char **argv) {
  return ca_block_on(run(argc > 1 && strcmp(argv[1], "second") == 0));
}

// CHECK:      SIGUSR1 at first: unblocked
// CHECK-NEXT: got SIGUSR1, then unblocked
// CHECK-NEXT: SIGUSR2 wait dropped 1, then unblocked
// CHECK-NEXT: one of two waiters dropped 1: blocked
// CHECK-NEXT: the other got SIGUSR1, then unblocked
// CHECK-NEXT: SIGHUP blocked by the program: got SIGHUP, then blocked
// SECOND:     first SIGINT: 2, stopping
// SECOND-NOT: unreachable
