// Without the plugin a program with generators compiles (with any C
// compiler), but a generator has no synchronous meaning: ca_for aborts
// before it runs any of it, with a message naming the generator, and so
// does a yield reached by calling the function itself (CALL).
// RUN: %clang -std=gnu11 -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=FOR
// RUN: %clang -std=gnu11 -DCALL -I%cawait_include %s %cawait_lib -o %t.call
// RUN: not --crash %t.call 2>&1 | FileCheck %s --check-prefix=CALL
// RUN: gcc -std=gnu11 -I%cawait_include %s %cawait_lib -o %t.gcc
// RUN: not --crash %t.gcc 2>&1 | FileCheck %s --check-prefix=FOR
#include <cawait.h>
#include <stdio.h>

gen int count(int n) {
  printf("count runs\n");
  for (int i = 0; i < n; i++)
    yield(i);
}

int main(void) {
  printf("before\n");
#ifdef CALL
  count(3);
#else
  ca_for (int v, count(3))
    printf("%d\n", v);
#endif
  printf("after\n");
  return 0;
}
// FOR: before
// FOR-NEXT: cawait: generator 'count' run without the cawait plugin: a generator has no synchronous meaning; build with cawait-cc (or -fplugin=cawait.so)
// FOR-NOT: {{^[0-9]|after}}
// CALL: before
// CALL-NEXT: count runs
// CALL-NEXT: cawait: generator 'count' run without the cawait plugin: a generator has no synchronous meaning; build with cawait-cc (or -fplugin=cawait.so)
// CALL-NOT: {{^[0-9]|after}}
