// cawait-gcc's diagnostics: cawait's own errors come from the lowering
// (clang) step at the user's line and column, and gcc is not run; the
// user's warnings are clang's, from that step (-Wall reaches it, a flag
// only gcc knows does not break it); gcc compiling the lowered text gives
// no warning about what the lowering generated (here -Wunused-function on
// the prototypes of static async functions, which became f__init/f__poll)
// even at -Wall -Wextra -Werror, and its errors point at the user's file.
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %cawait-gcc -std=gnu11 -DCAWAIT_ERROR -c %s -o %t/e.o 2>&1 | FileCheck --check-prefix=ERR %s
// RUN: test ! -e %t/e.o
// RUN: not %cawait-gcc -std=gnu11 -Wall -Werror -Wlogical-op -DUNUSED -c %s -o %t/w.o 2>&1 | FileCheck --check-prefix=WARN %s
// RUN: %cawait-gcc -std=gnu11 -Wall -Wextra -Werror -Wlogical-op -c %s -o %t/ok.o 2>&1 | count 0
// RUN: not %cawait-gcc -std=gnu11 -DGCC_ERROR -c %s -o %t/g.o 2>&1 | FileCheck --check-prefix=GCC %s
#include <cawait.h>

static async int leaf(int x);
static async int top(int n);

static async int top(int n) {
#ifdef UNUSED
  // WARN: diagnostics.c:[[@LINE+1]]:7: error: unused variable 'unused' [-Werror,-Wunused-variable]
  int unused;
#endif
  int v = await(leaf(n));
#ifdef GCC_ERROR
  // clang accepts it, gcc 12 has no such builtin.
  // GCC: diagnostics.c:[[@LINE+1]]:{{[0-9]+}}: error: expected expression before 'int'
  v = __builtin_bit_cast(int, (float)v);
#endif
  return v + 1;
}

static async int leaf(int x) {
  await(ca_yield());
  return x + 1;
}

#ifdef CAWAIT_ERROR
void sync_caller(void) {
  // ERR: diagnostics.c:[[@LINE+1]]:3: error: await outside an async function: mark 'sync_caller' async
  await(leaf(1));
}
#endif

int run_top(void) { return ca_block_on(top(3)); }
// ERR-NOT: error:
// WARN-NOT: {{error:|warning:}}
// GCC-NOT: {{error:|warning:}}
