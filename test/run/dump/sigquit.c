// The idiom of docs/user-guide.md ("Debugging"): a task awaits SIGQUIT in a
// loop and dumps every task to stderr at each one (as Go and the JVM dump
// their goroutines and threads), from the task, not from a signal handler;
// it is dropped with the others when ca_block_on returns.
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 sigquit.c -o %t
// RUN: %t 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all sigquit.c -o %t.san
// RUN: %t.san 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait/dump.h>
#include <signal.h>
#include <stdio.h>

/* Prints every task to stderr at each SIGQUIT (Ctrl-\ in a terminal,
 * kill -QUIT <pid>). Spawn it from the server's main async function. */
async void dump_on_sigquit(void) {
  while (await(ca_signal(SIGQUIT)) == SIGQUIT)
    ca_dump_tasks(stderr);
}

async void handle(int client) {
  await(ca_sleep_ms(600000 + client));
}

async void server(void) {
  ca_spawn(dump_on_sigquit());
  for (int client = 1; client <= 2; client++)
    ca_spawn(handle(client));
  await(ca_sleep_ms(10));
  raise(SIGQUIT);
  await(ca_sleep_ms(10));
  fprintf(stderr, "server: done\n");
}

int main(void) {
  ca_block_on(server());
  return 0;
}

// CHECK:cawait tasks:
// CHECK-NEXT:ca_block_on server, waiting
// CHECK-NEXT:  server at sigquit.c:30 → ca_sleep_ms (deadline in {{[0-9]|10}} ms)
// CHECK-NEXT:task 1 handle, waiting
// CHECK-NEXT:  handle at sigquit.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 2 handle, waiting
// CHECK-NEXT:  handle at sigquit.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000|600001}} ms)
// CHECK-NEXT:task 3 dump_on_sigquit, running
// CHECK-NEXT:server: done
// CHECK-EMPTY:
