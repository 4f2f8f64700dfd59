// The names and places an async function's code asks for are the user's:
// __builtin_FUNCTION() and the predefined identifiers name the async
// function (not its poll function), __builtin_LINE/COLUMN/FILE give where
// the user wrote them, in statements copied and in statements re-written
// around an await, and an assert's message names the function.
// RUN: %differential %s %t | FileCheck %s
// RUN: %differential %s %t.ms -fms-extensions -DMS | FileCheck %s --check-prefix=MS
#include <assert.h>
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

void __assert_fail(const char *assertion, const char *file, unsigned line,
                   const char *function) {
  printf("assert %s %s:%u %s\n", assertion, file, line, function);
  fflush(stdout);
  exit(3);
}

async int id(int x) {
  await(ca_yield());
  return x;
}

static void show(const char *what, const char *s) { printf("%s %s\n", what, s); }

async int where(int x) {
  await(ca_yield());
  show("builtin", __builtin_FUNCTION());
  show("func", __func__);
  show("FUNCTION", __FUNCTION__);
  show("PRETTY", __PRETTY_FUNCTION__);
  printf("%u %u %s %s\n", __builtin_LINE(), __builtin_COLUMN(), __builtin_FILE_NAME(), __builtin_FILE());
  printf("sizeof %zu %zu\n", sizeof(__builtin_FUNCTION()), sizeof(__func__));
#ifdef MS
  show("FUNCSIG", __FUNCSIG__);
  show("builtin FUNCSIG", __builtin_FUNCSIG());
#endif
  // Re-written: the await moves in front of the statement.
  printf("%d %s %u %s\n", await(id(x)), __builtin_FUNCTION(), __builtin_COLUMN(), __PRETTY_FUNCTION__);
  assert(await(id(x)) < 2);
  return x;
}

int main(void) {
  printf("%d\n", ca_block_on(where(1)));
  printf("%d\n", ca_block_on(where(2)));
  return 0;
}
// CHECK: builtin where
// CHECK-NEXT: func where
// CHECK-NEXT: FUNCTION where
// CHECK-NEXT: PRETTY int where(int)
// CHECK-NEXT: 33 45 function-name-builtins.c {{.*}}function-name-builtins.c
// CHECK-NEXT: sizeof 8 6
// CHECK-NEXT: 1 where 63 int where(int)
// CHECK-NEXT: 1
// CHECK-NEXT: builtin where
// CHECK-NEXT: func where
// CHECK-NEXT: FUNCTION where
// CHECK-NEXT: PRETTY int where(int)
// CHECK-NEXT: 33 45 function-name-builtins.c {{.*}}function-name-builtins.c
// CHECK-NEXT: sizeof 8 6
// CHECK-NEXT: 2 where 63 int where(int)
// CHECK-NEXT: assert await(id(x)) < 2 {{.*}}function-name-builtins.c:41 int where(int)
// CHECK-NEXT: exit=3
// MS: builtin where
// MS-NEXT: func where
// MS-NEXT: FUNCTION where
// MS-NEXT: PRETTY int where(int)
// MS-NEXT: 33 45 function-name-builtins.c {{.*}}function-name-builtins.c
// MS-NEXT: sizeof 8 6
// MS-NEXT: FUNCSIG int __cdecl where(int)
// MS-NEXT: builtin FUNCSIG int __cdecl where(int)
// MS-NEXT: 1 where 63 int where(int)
// MS-NEXT: 1
// MS-NEXT: builtin where
// MS-NEXT: func where
// MS-NEXT: FUNCTION where
// MS-NEXT: PRETTY int where(int)
// MS-NEXT: 33 45 function-name-builtins.c {{.*}}function-name-builtins.c
// MS-NEXT: sizeof 8 6
// MS-NEXT: FUNCSIG int __cdecl where(int)
// MS-NEXT: builtin FUNCSIG int __cdecl where(int)
// MS-NEXT: 2 where 63 int where(int)
// MS-NEXT: assert await(id(x)) < 2 {{.*}}function-name-builtins.c:41 int where(int)
// MS-NEXT: exit=3
