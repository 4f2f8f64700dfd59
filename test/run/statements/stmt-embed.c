// #embed (C23, an extension before; EmbedExpr) inside async functions: a static const
// table, a local kept across an await (an array, copied into the frame from
// a compound literal), a local that is not kept, a struct, with prefix,
// suffix, limit and clang::offset, and one next to an await. clang's
// printer aborts on #embed data ("Not implemented", exit 70); the lowering
// writes the directive back, so every element is what clang itself makes of
// it (bytes above 127 in a struct come out negative with clang 19, in an
// array not: the same with and without the plugin).
// RUN: %differential %s %t -Wno-c23-extensions | FileCheck %s
// RUN: %differential %s %t -std=c23 | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

struct three {
  int a;
  unsigned char b;
  long c;
};

async int run(void) {
  static const unsigned char table[] = {
#embed "../Inputs/embed.bin"
  };
  const unsigned char kept[] = {
#embed "../Inputs/embed.bin" limit(5)
  };
  int plain[] = {
    #  embed "../Inputs/embed.bin" prefix(7, ) suffix(, 9) \
       clang::offset(2) limit(4)
  };
  struct three s = {
#embed "../Inputs/embed.bin" limit(3)
  };
  printf("plain %zu: %d %d %d %d %d %d\n", sizeof plain / sizeof *plain,
         plain[0], plain[1], plain[2], plain[3], plain[4], plain[5]);
  int a = await(val(table[3]));
  int b = await(val(kept[1])) + sizeof(kept);
  printf("table %zu: %d %d %d %d\n", sizeof table, table[0], table[2], a,
         table[10]);
  printf("kept: %d %d %d %d\n", kept[0], kept[4], b, await(val(kept[2])));
  printf("struct: %d %d %ld\n", s.a, s.b, s.c);
  return a;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: plain 6: 7 255 65 66 67 9
// CHECK-NEXT: table 11: 200 255 65 72
// CHECK-NEXT: kept: 200 66 6 255
// CHECK-NEXT: struct: -56 1 -1
// CHECK-NEXT: 65
// CHECK-NEXT: exit=0
