// ca_dump_tasks inside a ca_block_on of a function that never suspends (run
// in place, without the executor's rounds): the future is running, unnamed
// (it has no description there); a task it spawned is runnable, not started.
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 direct.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait/dump.h>
#include <stdio.h>

async void later(void) { await(ca_sleep_ms(5)); }

async int quick(void) {
  ca_spawn(later());
  ca_dump_tasks(stdout);
  return 1;
}

int main(void) { return ca_block_on(quick()) - 1; }

// CHECK:cawait tasks:
// CHECK-NEXT:ca_block_on, running
// CHECK-NEXT:task 1 later, runnable
// CHECK-NEXT:  later (not started)
// CHECK-EMPTY:
