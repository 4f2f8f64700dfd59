// Without the plugin <cawait/streams.h> compiles clean (with any C
// compiler) and its adapters are plain functions: iterating one aborts
// before it runs, naming it, like every stream; calling one directly
// aborts naming it too, at the end of its body or at its first item (no
// value is made up: Inputs/direct-call.c). With the plugin the same
// program runs (PLUGIN).
// RUN: %clang -std=gnu11 -Wall -Wextra -Werror -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s
// RUN: %clang -std=gnu11 -Wall -Wextra -Werror -I%cawait_include %S/Inputs/direct-call.c %cawait_lib -o %t.direct
// RUN: not --crash %t.direct 2>&1 | FileCheck %s --check-prefix=DIRECT
// RUN: gcc -std=gnu11 -Wall -Wextra -Werror -I%cawait_include %s %cawait_lib -o %t.gcc
// RUN: not --crash %t.gcc 2>&1 | FileCheck %s
// RUN: gcc -std=gnu11 -Wall -Wextra -Werror -I%cawait_include %S/Inputs/direct-call.c %cawait_lib -o %t.direct.gcc
// RUN: not --crash %t.direct.gcc 2>&1 | FileCheck %s --check-prefix=DIRECT
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Werror %s -o %t.plugin
// RUN: %t.plugin | FileCheck %s --check-prefix=PLUGIN
#include <cawait.h>
#include <cawait/streams.h>
#include <stdio.h>

CA_CHAN_STREAM(ints, int)

async int sum(ca_chan *c) {
  int s = 0;
  ca_for_await (int v, ints(c))
    s += v;
  return s;
}

int main(void) {
  int buf[4];
  ca_chan c;
  ca_chan_init(&c, buf, sizeof buf[0], 4);
  for (int i = 1; i <= 3; i++)
    ca_chan_try_send(&c, &i);
  ca_chan_close(&c);
  printf("before\n");
  fflush(stdout);
  printf("%d\n", ca_block_on(sum(&c)));
  printf("after\n");
  return 0;
}
// CHECK: before
// CHECK-NEXT: cawait: generator 'ints' run without the cawait plugin: a generator has no synchronous meaning; build with cawait-cc (or -fplugin=cawait.so)
// CHECK-NOT: {{^[0-9]|after}}
// DIRECT: before
// DIRECT-NEXT: cawait: generator 'ints' run without the cawait plugin
// DIRECT-NOT: after
// PLUGIN: before
// PLUGIN-NEXT: 6
// PLUGIN-NEXT: after
