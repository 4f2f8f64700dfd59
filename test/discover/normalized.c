// In a file whose awaits sit inside expressions, the facts are those of
// the normalized text that is lowered (the awaits in the order they now
// run, in temporaries), at the user's own columns. The normalize dump
// shows the lines the normalizer rewrote.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover,normalize %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int leaf(int x) {
  await(ca_yield());
  return x;
}

async int expr(int n) {
  while (await(leaf(n)) > 0)
    n -= await(leaf(1)) + await(leaf(2));
  return n > 3 && await(leaf(n));
}

// CHECK:      === normalize
// CHECK-NEXT: [[FILE]]:14:   for (;;) { __auto_type ca__e1 = await(leaf(n)); if (!(ca__e1 > 0)) break; { __auto_type ca__e2 = await(leaf(1)); __auto_type ca__e3 = await(leaf(2)); n -= ca__e2 + ca__e3; } }
// CHECK-NEXT: [[FILE]]:15:
// CHECK-NEXT: [[FILE]]:16:   { int ca__e4; if (n > 3) { __auto_type ca__e5 = await(leaf(n)); ca__e4 = !!(ca__e5); } else ca__e4 = 0; return ca__e4; }
// CHECK-NEXT: === discover
// CHECK-NEXT: async 'leaf' at [[FILE]]:8:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:9:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'expr' at [[FILE]]:13:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:14:10: call 'leaf' (defined here), initializer
// CHECK-NEXT:   await 2 at [[FILE]]:15:10: call 'leaf' (defined here), initializer
// CHECK-NEXT:   await 3 at [[FILE]]:15:27: call 'leaf' (defined here), initializer
// CHECK-NEXT:   await 4 at [[FILE]]:16:19: call 'leaf' (defined here), initializer
// CHECK-EMPTY:
