// A file whose only cawait code is a ca_for (or a generator) is analysed:
// before, a file that iterated a generator of a header it included by a
// quoted name was not, and the generator ran unlowered (it aborted at run
// time). A generator defined in a header is an error at its definition,
// and iterating it an error at the loop. (A ca_for reaching a file only
// through a header's macro: skipped-analysis-gen-macro.c.)
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include "Inputs/gen-in-header.h"

int printf(const char *, ...);

int main(void) {
  // CHECK-DAG: gen-in-header.h:4:16: error: async function 'in_header' is defined in a header
  // CHECK-DAG: skipped-analysis-gen.c:[[@LINE+1]]:18: error: generator 'in_header' is not defined in this file
  ca_for (int v, in_header(3))
    printf("%d\n", v);
  return 0;
}
