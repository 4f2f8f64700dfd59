// Debug line info of a lowered async function: its lines, 3 to 8, and nothing after.
#include <cawait.h>
async int work(int n) {
  int before = n + 1;
  await(ca_yield());
  int after = before * 2;
  return after;
}
// The function comes first so that every line past 8 is a comment: the
// generated code (dispatch switch, await sequences, drop) must stay on the
// function's own lines.
// RUN: %cawait-cc -g -gdwarf-4 -O0 -c %s -o %t.o
// RUN: llvm-dwarfdump --debug-line %t.o | FileCheck %s
// RUN: llvm-dwarfdump --debug-line %t.o | FileCheck %s --check-prefix=RANGE
// CHECK: name: "{{.*}}debug-lines.c"
// CHECK-NOT: name: "{{.*}}cawait.debug-lines
// CHECK-DAG: {{^0x[0-9a-f]+}} 4 {{[0-9]+}} 1 
// CHECK-DAG: {{^0x[0-9a-f]+}} 5 {{[0-9]+}} 1 
// CHECK-DAG: {{^0x[0-9a-f]+}} 6 {{[0-9]+}} 1 
// CHECK-DAG: {{^0x[0-9a-f]+}} 7 {{[0-9]+}} 1 
// RANGE-NOT: {{^0x[0-9a-f]+}} {{9|[1-9][0-9]+}} {{[0-9]+}} 1 
