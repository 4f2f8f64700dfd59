// The normalize pass: awaits inside expressions become statements in front
// of them, && and ?: become ifs, a loop condition moves into the loop and a
// do-while's continue jumps to where its condition now is. Every line of
// the file stays on its own line.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit-normalized=%t.c %s
// RUN: grep -v CHECK %t.c | FileCheck %s
// RUN: wc -l < %t.c > %t.lines && wc -l < %s | diff - %t.lines
#include <cawait.h>

async int leaf(int x) {
  await(ca_yield());
  return x;
}

async int uses(int n) {
  // CHECK: { __auto_type ca__e1 = await(leaf(n)); __auto_type ca__e2 = await(leaf(n + 1)); n = ca__e1 * ca__e2; }
  n = await(leaf(n)) * await(leaf(n + 1));
  // CHECK-NEXT: { int ca__e3; if (n > 0) { __auto_type ca__e4 = await(leaf(n)); ca__e3 = !!(ca__e4); } else ca__e3 = 0; if (ca__e3) n++; }
  if (n > 0 && await(leaf(n))) n++;
  // CHECK-NEXT: int ca__e5; if (n) { __auto_type ca__e6 = await(leaf(1)); ca__e5 = ca__e6; } else { ca__e5 = 2; } int t = ca__e5;
  int t = n ? await(leaf(1)) : 2;
  // CHECK-NEXT: for (;;) { __auto_type ca__e7 = await(leaf(t)); if (!(ca__e7 > 0)) break;
  while (await(leaf(t)) > 0)
    // CHECK: t--; }
    t--;
  // CHECK-NEXT: for (;;) { {
  do {
    // CHECK-NEXT: if (t == 3) goto ca__next1;
    if (t == 3) continue;
    t++;
    // CHECK: } ca__next1: ; __auto_type ca__e8 = await(leaf(t)); if (!(ca__e8 < 5)) break; }
  } while (await(leaf(t)) < 5);
  // A later declarator reads an earlier one: the declaration is split.
  // CHECK: int a = 1;__auto_type ca__e9 = await(leaf(a));  int b = ca__e9 + 1;
  int a = 1, b = await(leaf(a)) + 1;
  return a + b + t;
}
