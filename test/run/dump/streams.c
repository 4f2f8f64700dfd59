// ca_dump_tasks through async generators (streams): a task waiting in a
// ca_for_await is shown down through the stream (the loop's slot) to what
// the stream waits on, through a stream over a stream too; one waiting in
// the loop's body shows its own await (the stream is not a suspension).
// RUN: cd %S && %cawait-cc -Wall -Werror streams.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all streams.c -o %t.san
// RUN: %t.san | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-gcc -std=gnu11 -O2 -Wall -Werror streams.c -o %t.gcc
// RUN: %t.gcc | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait.h>
#include <cawait/dump.h>
#include <stdio.h>

async gen int ticks(int n, int ms) {
  for (int i = 0; i < n; i++) {
    await(ca_sleep_ms(ms));
    yield(i);
  }
}

async gen int evens(int n) {
  ca_for_await (int v, ticks(n, 600000))
    if (v % 2 == 0)
      yield(v);
}

async void in_stream(void) {
  ca_for_await (int v, ticks(3, 600000))
    printf("%d\n", v);
}

async void nested(void) {
  ca_for_await (int v, evens(3))
    printf("%d\n", v);
}

async void in_body(void) {
  ca_for_await (int v, ticks(3, 0))
    await(ca_sleep_ms(600000 + v));
}

async void run(void) {
  ca_spawn(in_stream());
  ca_spawn(nested());
  ca_spawn(in_body());
  await(ca_sleep_ms(20));
  ca_dump_tasks(stdout);
}

int main(void) {
  ca_block_on(run());
  return 0;
}

// CHECK:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 in_stream, waiting
// CHECK-NEXT:  in_stream at streams.c:29 → ticks at streams.c:17 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 2 nested, waiting
// CHECK-NEXT:  nested at streams.c:34 → evens at streams.c:23 → ticks at streams.c:17 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 3 in_body, waiting
// CHECK-NEXT:  in_body at streams.c:40 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-EMPTY:
