// -fixit applies plain clang's fix-its to the user's text and nothing else
// (it once wrote the lowered program over the file: issue 16, item 12);
// -fdiagnostics-parseable-fixits names the user's lines.
// RUN: sed '/^\/\/ /d' %s > %t.plain.c
// RUN: cp %t.plain.c %t.ours.c
// RUN: cp %t.plain.c %t.orig.c
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -c -Xclang -fixit %t.plain.c -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Wall -c -Xclang -fixit %t.ours.c -o %t.ours.o
// RUN: cmp %t.plain.c %t.ours.c
// RUN: not cmp -s %t.orig.c %t.ours.c
// RUN: FileCheck %s --check-prefix=FIXED < %t.ours.c
// RUN: %cawait-cc -std=gnu11 -Wall -fsyntax-only -fdiagnostics-parseable-fixits %t.orig.c 2>&1 | FileCheck %s --check-prefix=PARSEABLE
#include <cawait.h>
struct point { int x, y; };
async int get(int a) { await(ca_yield()); return a; }
async int run(void) {
  struct point q = { .x = 1, y: 2 };
  int r = await(get(q.x));
  return r;
}
int main(void) { return ca_block_on(run()) - 1; }
// FIXED: struct point q = { .x = 1, .y =  2 };
// FIXED-NEXT: int r = await(get(q.x));
// PARSEABLE: fix-it:"{{.*}}.orig.c":{5:30-5:32}:".y = "
