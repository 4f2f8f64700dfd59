// -Werror turns the user's warnings into errors exactly as plain clang does,
// once each, and the compile fails (issue 16, item 11).
// RUN: not %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Werror -c %s -o %t.plain.o 2> %t.plain
// RUN: not %cawait-cc -std=gnu11 -Wall -Wextra -Werror -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s < %t.ours
// RUN: test ! -e %t.o
// An error in the user's code is reported once, as plain clang reports it.
// RUN: not %clang -std=gnu11 -I %cawait_include -DBROKEN -c %s -o %t.plain.o 2> %t.plain-err
// RUN: not %cawait-cc -std=gnu11 -DBROKEN -c %s -o %t.o 2> %t.ours-err
// RUN: diff %t.plain-err %t.ours-err
// RUN: FileCheck %s --check-prefix=BROKEN < %t.ours-err
#include <cawait.h>

async int get(int a) { await(ca_yield()); return a; }

async int run(int n) {
  int r = await(get(n));
#ifdef BROKEN
  r = undeclared;
#endif
  if (r = 2)
    return 1;
}

// CHECK: errors-and-werror.c:22:9: error: using the result of an assignment as a condition without parentheses [-Werror,-Wparentheses]
// CHECK: errors-and-werror.c:24:1: error: non-void function does not return a value in all control paths [-Werror,-Wreturn-type]
// CHECK: 2 errors generated.
// BROKEN: errors-and-werror.c:20:7: error: use of undeclared identifier 'undeclared'
// BROKEN: 1 warning and 1 error generated.
