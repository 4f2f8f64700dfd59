// Expressions with nothing to lower are the user's own tokens (literal
// spellings, string pieces, parentheses; comments and line breaks become
// one space); around a variable kept in the frame (its address is taken)
// only the variable changes.
// RUN: %cawait-cc -fsyntax-only -Wno-multichar -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define SCALE 0x10

async int spell(int x) {
  // CHECK: double d = 0x1.8p-3 + 1e3f + 017 + 1.0L;
  double d = 0x1.8p-3 + 1e3f + 017 + 1.0L;
  // CHECK: const char *s = "a" "b" u8"c";
  const char *s = "a" "b" /* not copied */ u8"c";
  // CHECK: int m = ((x)) * 'ab' + ( x );
  int m = ((x)) * 'ab' + (
      x
      // kept?
      );
  await(ca_yield());
  // CHECK: printf("%f %s %d\n", d, s, m);
  printf("%f %s %d\n", d, s, m);
  // CHECK: printf("%zu\n", (1)+2 - sizeof(int[3]));
  printf("%zu\n", (1)+2 // two
         - sizeof(int[3]));
  // CHECK: x = x * 'RIFF' + (2 * x) + 0xfULL;
  x = x * 'RIFF' + (2 * x) + 0xfULL;
  // A macro's use is printed, expanded:
  // CHECK: x = x * 16;
  x = x * SCALE;
  await(ca_yield());
  return x;
}

void keep(int *p);

async int spell_frame(int x) {
  keep(&x);
  // CHECK: int m = ((ca__f->x)) * 'ab' + (ca__f->x);
  int m = ((x)) * 'ab' + (
      x
      // kept?
      );
  await(ca_yield());
  // CHECK: ca__f->x = ca__f->x * 'RIFF' + (2 * ca__f->x) + 0xfULL;
  x = x * 'RIFF' + (2 * x) + 0xfULL;
  return x + m;
}
