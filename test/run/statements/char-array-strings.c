// char arrays initialised from string literals (sized, unsized, braced,
// with escapes and embedded NULs, wide) kept across awaits and modified.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

async int pos(int x) {
  await(ca_yield());
  return x;
}

static void hex(const char *tag, const void *p, size_t n) {
  printf("%s:", tag);
  for (size_t i = 0; i < n; i++)
    printf("%02x", ((const unsigned char *)p)[i]);
  printf("\n");
}

async int strings(void) {
  char a[] = "hello";
  char b[10] = "ab";
  char c[] = {"braced"};
  char d[4] = "full"; /* no terminator */
  char e[] = "q\"b\\s\n\t\0x\x7f\303\251end";
  const char f[] = "const";
  signed char g[] = "sc";
  unsigned char h[] = "\xff\x01";
  wchar_t w[] = L"w\x00e9z";
  char names[3][6] = {"one", "two", "three"};
  int i = await(pos(1));
  a[i] = 'E';
  b[2] = 'c';
  c[0] = await(pos('B'));
  d[3] = 'L';
  strcat(b, a);
  printf("%s %s %s %.4s %s %s %d\n", a, b, c, d, f, names[2], g[1]);
  hex("e", e, sizeof e);
  hex("h", h, sizeof h);
  printf("w=%lx,%lx,%lx,%lx\n", (unsigned long)w[0], (unsigned long)w[1],
         (unsigned long)w[2], (unsigned long)w[3]);
  names[1][0] = await(pos('T'));
  printf("%s %s %s\n", names[0], names[1], names[2]);
  return (int)(sizeof a + sizeof b + sizeof c + sizeof d + sizeof e);
}

int main(void) {
  printf("sizes=%d\n", ca_block_on(strings()));
  return 0;
}
// CHECK: hEllo abchEllo Braced fulL const three 99
// CHECK-NEXT: e:7122625c730a0900787fc3a9656e6400
// CHECK-NEXT: h:ff0100
// CHECK-NEXT: w=77,e9,7a,0
// CHECK-NEXT: one Two three
// CHECK-NEXT: sizes=43
// CHECK-NEXT: exit=0
