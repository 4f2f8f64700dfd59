// Warnings inside async bodies are plain clang's: the column, the quoted
// line as the user wrote it, the macro notes (issue 16, item 10).
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -c %s -o %t.plain.o 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s --strict-whitespace < %t.ours
#include <cawait.h>
#include <stdio.h>

#define LESS(a, b) ((a) < (b))

async int step(int v) {
  await(ca_yield());
  return v;
}

async int run(int n) {
  unsigned limit = 3;
  int total = await(step(n));
  if (LESS(total, limit))
    total++;
  printf("%d %d\n", total, n);
  return total < limit;
}

// CHECK: columns-and-notes.c:20:7: warning: comparison of integers of different signs: 'int' and 'unsigned int' [-Wsign-compare]
// CHECK-NEXT:    20 |   if (LESS(total, limit))
// CHECK-NEXT:       |       ^    ~~~~~  ~~~~~
// CHECK-NEXT: columns-and-notes.c:10:25: note: expanded from macro 'LESS'
// CHECK-NEXT:    10 | #define LESS(a, b) ((a) < (b))
// CHECK-NEXT:       |                      ~  ^  ~
// CHECK-NEXT: columns-and-notes.c:23:16: warning: comparison of integers of different signs: 'int' and 'unsigned int' [-Wsign-compare]
// CHECK-NEXT:    23 |   return total < limit;
// CHECK-NEXT:       |          ~~~~~ ^ ~~~~~
// CHECK-NEXT: 2 warnings generated.
