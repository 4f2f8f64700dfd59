// Multi-character constants and wide character constants outside what a
// universal character name may denote, written in the function and coming
// from macros, in initialisers, comparisons and case labels, in statements
// copied and in statements re-written around an await.
// RUN: %differential %s %t -Wno-multichar | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <uchar.h>
#include <wchar.h>

#define TAG 'WAVE'
#define HIGH '\xff\x80'
#define SURROGATE L'\xd800'
#define WIDE U'\x110000'
#define HALF u'\xdfff'

async int id(int x) {
  await(ca_yield());
  return x;
}

async int classify(int x) {
  int t = 'RIFF';
  int m = TAG;
  wchar_t w = SURROGATE;
  char32_t u = WIDE;
  char16_t h = HALF;
  await(ca_yield());
  switch (x) {
  case 'ab':
    t += 1;
    break;
  case TAG:
    t += 2;
    break;
  case HIGH:
    t += 3;
    break;
  }
  if (x == 'ab' || x == TAG)
    t += 10;
  int k = await(id(x)) == 'ab' ? 'cd' : TAG;
  if (await(id(x)) == HIGH && m == 'WAVE')
    t += 100;
  printf("%d %d %d %x %lx %x\n", t, k, m, (unsigned)w, (unsigned long)u,
         (unsigned)h);
  return t + (x == 'WAVE') + (x == HIGH);
}

int main(void) {
  printf("%d\n", ca_block_on(classify('ab')));
  printf("%d\n", ca_block_on(classify(TAG)));
  printf("%d\n", ca_block_on(classify(HIGH)));
  printf("%d\n", ca_block_on(classify(0)));
  return 0;
}
// CHECK: 1380533841 25444 1463899717 d800 110000 dfff
// CHECK-NEXT: 1380533841
// CHECK-NEXT: 1380533842 1463899717 1463899717 d800 110000 dfff
// CHECK-NEXT: 1380533843
// CHECK-NEXT: 1380533933 1463899717 1463899717 d800 110000 dfff
// CHECK-NEXT: 1380533934
// CHECK-NEXT: 1380533830 1463899717 1463899717 d800 110000 dfff
// CHECK-NEXT: 1380533830
// CHECK-NEXT: exit=0
