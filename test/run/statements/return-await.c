// `return await(...)` with converting return types (int to double, to
// _Bool, to char, long to int, pointer), from nested positions.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static const char *names[] = {"zero", "one", "two", "three"};

async int get(int x) {
  await(ca_yield());
  return x;
}
async long getl(long x) {
  await(ca_yield());
  return x;
}
async const char *getname(int i) {
  await(ca_yield());
  return names[i & 3];
}

async double as_double(int x) { return await(get(x * 3)); }
async _Bool as_bool(int x) { return await(get(x)); }
async char as_char(int x) { return await(get(x)); }
async int as_int(long x) { return await(getl(x)); }
async const char *pick(int i) {
  if (i > 1)
    return await(getname(i));
  return await(getname(i + 2));
}
async double chain(int x) {
  double d = await(as_double(x));
  if (d > 10) {
    for (;;)
      return await(as_double(x + 1));
  }
  return d / 2;
}

int main(void) {
  printf("%.2f %d %d %d\n", ca_block_on(as_double(7)), ca_block_on(as_bool(4)),
         ca_block_on(as_bool(0)), ca_block_on(as_char(0x141)));
  printf("%d %s %s\n", ca_block_on(as_int(0x100000005L)), ca_block_on(pick(0)),
         ca_block_on(pick(3)));
  printf("%.2f %.2f\n", ca_block_on(chain(2)), ca_block_on(chain(5)));
  return 0;
}
// CHECK: 21.00 1 0 65
// CHECK-NEXT: 5 two three
// CHECK-NEXT: 3.00 18.00
// CHECK-NEXT: exit=0
