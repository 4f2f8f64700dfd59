// A file that names nothing of cawait is not analysed; a generator loop
// that reaches it through a header's macro only is then an error, never
// the loop compiled unlowered (which would abort at run time).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include "Inputs/gen-in-header.h"

int printf(const char *, ...);

int main(void) {
  // CHECK: skipped-analysis-gen-macro.c:[[@LINE+1]]:3: error: 'ca_for' reaches this file only through a header's macro; the file names nothing of cawait, so cawait did not lower it: include <cawait.h> in this file
  EACH(v, 3)
    printf("%d\n", v);
  return 0;
}
