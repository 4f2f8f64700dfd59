// Backend warnings of the functions of a file cawait lowers are plain
// clang's: -Wframe-larger-than is asked of the diagnostics engine while the
// (quiet) parse of the lowered text generates code, and is reported by the
// backend after it. Ordinary functions, static ones (emitted at the end of
// the parse), functions under a diagnostic pragma, and -Werror.
// RUN: %clang -std=gnu11 -I %cawait_include -Wframe-larger-than=512 -c %s -o /dev/null 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Wframe-larger-than=512 -c %s -o /dev/null 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s < %t.ours
// RUN: not %clang -std=gnu11 -I %cawait_include -Wframe-larger-than=512 -Werror -c %s -o /dev/null 2> %t.plain-werror
// RUN: not %cawait-cc -std=gnu11 -Wframe-larger-than=512 -Werror -c %s -o %t.o 2> %t.ours-werror
// RUN: diff %t.plain-werror %t.ours-werror
// RUN: FileCheck %s --check-prefix=WERROR < %t.ours-werror
// RUN: test ! -e %t.o
// RUN: not %clang -std=gnu11 -I %cawait_include -Wframe-larger-than=512 -Werror=frame-larger-than -c %s -o /dev/null 2> %t.plain-werror1
// RUN: not %cawait-cc -std=gnu11 -Wframe-larger-than=512 -Werror=frame-larger-than -c %s -o /dev/null 2> %t.ours-werror1
// RUN: diff %t.plain-werror1 %t.ours-werror1
// -w and -Wno-frame-larger-than silence it, as in plain clang.
// RUN: %cawait-cc -std=gnu11 -Wframe-larger-than=512 -w -c %s -o /dev/null 2>&1 | count 0
// RUN: %cawait-cc -std=gnu11 -Wframe-larger-than=512 -Wno-frame-larger-than -c %s -o /dev/null 2>&1 | count 0
#include <cawait.h>

int sink(char *p, int n);

int big(int n) {
  char buf[1024];
  return sink(buf, n);
}

static int big_static(int n) {
  char buf[2048];
  return sink(buf, n);
}

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wframe-larger-than"
int big_ignored(int n) {
  char buf[1024];
  return sink(buf, n);
}
#pragma clang diagnostic pop

#pragma clang diagnostic push
#pragma clang diagnostic warning "-Wshadow"
int big_under_pragma(int n) {
  char buf[1536];
  return sink(buf, n);
}
#pragma clang diagnostic pop

async int get(int a) {
  await(ca_yield());
  return a + big_static(a);
}

int main(void) { return ca_block_on(get(1)) + big(2) + big_ignored(3) + big_under_pragma(4); }

// CHECK: backend-warnings.c:25:5: warning: stack frame size ({{[0-9]+}}) exceeds limit (512) in 'big' [-Wframe-larger-than]
// CHECK: backend-warnings.c:45:5: warning: stack frame size ({{[0-9]+}}) exceeds limit (512) in 'big_under_pragma' [-Wframe-larger-than]
// CHECK: backend-warnings.c:30:12: warning: stack frame size ({{[0-9]+}}) exceeds limit (512) in 'big_static' [-Wframe-larger-than]
// CHECK: 3 warnings generated.
// WERROR: backend-warnings.c:25:5: error: stack frame size ({{[0-9]+}}) exceeds limit (512) in 'big' [-Werror,-Wframe-larger-than]
// WERROR: 3 errors generated.
