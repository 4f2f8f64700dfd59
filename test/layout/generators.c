// Frames of generators and of their consumers: a ca_for's generator frame
// is a slot of the consumer's frame when the loop holds a suspend point,
// shared with what is dead there; each frame is at its lower bound,
// rounded to its alignment. The frame report and -frame-usage (GCC's .su
// format) cover generators.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report -fplugin-arg-cawait-frame-usage=%t.su %s 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=SU --strict-whitespace < %t.su
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-larger-than=20 %s 2>&1 | FileCheck %s --check-prefix=LARGER
#include <cawait.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

gen long pairs(int n) {
  ca_for (int x, count(n)) {
    long twice = 2L * x;
    yield(twice);
    yield(twice + 1);
  }
}

async int consume(int n) {
  int s = 0;
  ca_for (long v, pairs(n)) {
    await(ca_yield());
    s += (int)v;
  }
  return s;
}

// CHECK: generators.c:11:9: remark: frame of 'count': 12 bytes (lower bound 9, without overlap 12), align 4
// CHECK: generators.c:11:9: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: generators.c:13:5: note: suspend point 1 holds 'n' at 0 (4 bytes), 'i' at 4 (4 bytes)
// CHECK: generators.c:16:10: remark: frame of 'pairs': 24 bytes (lower bound 21, without overlap 32), align 8
// CHECK: generators.c:16:10: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: generators.c:19:5: note: suspend point 1 holds frame of 'count' at 0 (12 bytes), 'twice' at 16 (8 bytes)
// CHECK: generators.c:20:5: note: suspend point 2 holds frame of 'count' at 0 (12 bytes)
// CHECK: generators.c:24:11: remark: frame of 'consume': 40 bytes (lower bound 38, without overlap 48), align 8
// CHECK: generators.c:24:11: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: generators.c:27:5: note: suspend point 1 holds 's' at 32 (4 bytes), 'v' at 24 (8 bytes), frame of 'pairs' at 0 (24 bytes), frame of 'ca_yield' at 36 (1 bytes)

// SU: {{.*}}generators.c:11:9:count{{	}}12{{	}}static
// SU-NEXT: {{.*}}generators.c:16:10:pairs{{	}}24{{	}}static
// SU-NEXT: {{.*}}generators.c:24:11:consume{{	}}40{{	}}static
// SU-EMPTY:

// LARGER: generators.c:16:10: warning: frame of generator 'pairs' is 24 bytes, larger than 20
// LARGER: generators.c:19:5: note: 'frame of count' (12 bytes) is held across this yield
// LARGER: generators.c:19:5: note: 'twice' (8 bytes) is held across this yield
// LARGER: generators.c:24:11: warning: async frame of 'consume' is 40 bytes, larger than 20
// LARGER: generators.c:27:5: note: 'frame of pairs' (24 bytes) is held across this await
