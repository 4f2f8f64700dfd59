// A va_list parameter of an async function: declared as written in the
// generated prototypes, kept in the frame as the pointer it decays to, read
// with va_arg between awaits, passed on to another async function, copied
// with va_copy into a local kept across an await; also a callee that never
// suspends, and __builtin_va_list written directly.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdarg.h>
#include <stdio.h>

async int id(int x) {
  await(ca_yield());
  return x;
}

// Never suspends: awaiting it calls its f__sync.
async int first(va_list ap) { return va_arg(ap, int); }

async int vsum(int n, va_list ap) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += va_arg(ap, int);
    await(ca_yield());
  }
  return s;
}

async int twice(int n, __builtin_va_list ap) {
  va_list again;
  va_copy(again, ap);
  int a = await(vsum(n, ap));
  await(ca_yield());
  int b = 0;
  for (int i = 0; i < n; i++)
    b += await(id(va_arg(again, int))) * 2;
  va_end(again);
  return a * 1000 + b;
}

async void vlog(const char *fmt, va_list ap) {
  int lead = await(first(ap));
  await(ca_yield());
  printf("%d: ", lead);
  vprintf(fmt, ap);
}

int sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = ca_block_on(twice(n, ap));
  va_end(ap);
  return s;
}

void logf_(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ca_block_on(vlog(fmt, ap));
  va_end(ap);
}

int main(void) {
  printf("%d\n", sum(3, 1, 2, 3));
  printf("%d\n", sum(8, 1, 2, 3, 4, 5, 6, 7, 8));
  logf_("%s %d %.1f\n", 7, "seven", 8, 9.5);
  return 0;
}
// CHECK: 6012
// CHECK-NEXT: 36072
// CHECK-NEXT: 7: seven 8 9.5
// CHECK-NEXT: exit=0
