// Debug line info of a lowered async function names the original file and
// the original lines of its statements, before and after the await.
// RUN: %cawait-cc -g -gdwarf-4 -O0 -c %s -o %t.o
// RUN: llvm-dwarfdump --debug-line %t.o | FileCheck %s
// Generated code (dispatch switch, await sequences) stays on the function's
// lines, 9 to 14: nothing of file 1 beyond them.
// RUN: llvm-dwarfdump --debug-line %t.o | FileCheck %s --check-prefix=RANGE
// RANGE-NOT: {{^0x[0-9a-f]+}} {{1[5-9]|[2-9][0-9]|[0-9][0-9][0-9]+}} {{[0-9]+}} 1 
// CHECK: name: "{{.*}}debug-lines.c"
// CHECK-NOT: name: "{{.*}}cawait.debug-lines
#include <cawait.h>

async int work(int n) {
  int before = n + 1;
  await(ca_yield());
  int after = before * 2;
  return after;
}
// CHECK-DAG: {{^0x[0-9a-f]+}} 10 {{[0-9]+}} 1 
// CHECK-DAG: {{^0x[0-9a-f]+}} 11 {{[0-9]+}} 1 
// CHECK-DAG: {{^0x[0-9a-f]+}} 12 {{[0-9]+}} 1 
// CHECK-DAG: {{^0x[0-9a-f]+}} 13 {{[0-9]+}} 1 
