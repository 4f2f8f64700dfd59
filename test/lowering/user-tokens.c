// Expressions with nothing to lower are the user's own tokens (literal
// spellings, string pieces, parentheses; comments and line breaks become
// one space); around a kept variable only the variable changes.
// RUN: %cawait-cc -fsyntax-only -Wno-multichar -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define SCALE 0x10

async int spell(int x) {
  // CHECK: ca__f->d = 0x1.8p-3 + 1e3f + 017 + 1.0L;
  double d = 0x1.8p-3 + 1e3f + 017 + 1.0L;
  // CHECK: ca__f->s = "a" "b" u8"c";
  const char *s = "a" "b" /* not copied */ u8"c";
  // CHECK: ca__f->m = ((ca__f->x)) * 'ab' + (ca__f->x);
  int m = ((x)) * 'ab' + (
      x
      // kept?
      );
  await(ca_yield());
  // CHECK: printf("%f %s %d\n", ca__f->d, ca__f->s, ca__f->m);
  printf("%f %s %d\n", d, s, m);
  // CHECK: printf("%zu\n", (1)+2 - sizeof(int[3]));
  printf("%zu\n", (1)+2 // two
         - sizeof(int[3]));
  // CHECK: ca__f->x = ca__f->x * 'RIFF' + (2 * ca__f->x) + 0xfULL;
  x = x * 'RIFF' + (2 * x) + 0xfULL;
  // A macro's use is printed, expanded:
  // CHECK: ca__f->x = ca__f->x * 16;
  x = x * SCALE;
  await(ca_yield());
  return x;
}
