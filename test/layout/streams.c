// Frames of async generators (streams) and of their consumers: a stream's
// frame is a slot of its consumer's frame (nothing allocated), held at the
// loop's own suspend point and at those of its body, and shared with what
// is dead there (n); each frame is at its lower bound, rounded to its
// alignment. The frame report, -frame-larger-than and -frame-usage (GCC's
// .su format) cover streams.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=layout %s 2>&1 | FileCheck %s --check-prefix=LAYOUT --match-full-lines -DFILE=%s
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report -fplugin-arg-cawait-frame-usage=%t.su %s 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=SU --strict-whitespace < %t.su
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-larger-than=60 %s 2>&1 | FileCheck %s --check-prefix=LARGER
#include <cawait.h>

async gen int ticks(int n) {
  for (int i = 0; i < n; i++) {
    await(ca_sleep_ms(1));
    yield(i);
  }
}

async gen long evens(int n) {
  ca_for_await (int x, ticks(n))
    if (x % 2 == 0) {
      long sq = (long)x * x;
      await(ca_yield());
      yield(sq);
    }
}

async int consume(int n) {
  int s = 0;
  ca_for_await (long v, evens(n)) {
    await(ca_yield());
    s += (int)v;
  }
  return s;
}

// LAYOUT:      === layout
// LAYOUT-NEXT: async gen 'ticks' at [[FILE]]:13:15: size 48, align 8, lower bound 41, without overlap 48
// LAYOUT-NEXT:   n: offset 32, size 4, align 4
// LAYOUT-NEXT:   i: offset 36, size 4, align 4
// LAYOUT-NEXT:   await 1 frame of 'ca_sleep_ms': offset 0, size 32, align 8
// LAYOUT-NEXT:   state: offset 40, size 1, align 1
// LAYOUT-NEXT: async gen 'evens' at [[FILE]]:20:16: size 64, align 8, lower bound 58, without overlap 64
// LAYOUT-NEXT:   n: offset 0, size 4, align 4
// LAYOUT-NEXT:   ca__gen1 (frame of 'ticks'): offset 0, size 48, align 8
// LAYOUT-NEXT:   sq: offset 48, size 8, align 8
// LAYOUT-NEXT:   await 2 frame of 'ca_yield': offset 56, size 1, align 1
// LAYOUT-NEXT:   state: offset 57, size 1, align 1
// LAYOUT-NEXT: async 'consume' at [[FILE]]:29:11: size 80, align 8, lower bound 78, without overlap 88
// LAYOUT-NEXT:   n: offset 0, size 4, align 4
// LAYOUT-NEXT:   s: offset 72, size 4, align 4
// LAYOUT-NEXT:   v: offset 64, size 8, align 8
// LAYOUT-NEXT:   ca__gen1 (frame of 'evens'): offset 0, size 64, align 8
// LAYOUT-NEXT:   await 2 frame of 'ca_yield': offset 76, size 1, align 1
// LAYOUT-NEXT:   state: offset 77, size 1, align 1

// CHECK: streams.c:13:15: remark: frame of 'ticks': 48 bytes (lower bound 41, without overlap 48), align 8
// CHECK: streams.c:13:15: note: unresumed holds 'n' at 32 (4 bytes)
// CHECK: streams.c:15:5: note: suspend point 1 holds 'n' at 32 (4 bytes), 'i' at 36 (4 bytes), frame of 'ca_sleep_ms' at 0 (32 bytes)
// CHECK: streams.c:16:5: note: suspend point 2 holds 'n' at 32 (4 bytes), 'i' at 36 (4 bytes)
// CHECK: streams.c:20:16: remark: frame of 'evens': 64 bytes (lower bound 58, without overlap 64), align 8
// CHECK: streams.c:20:16: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: streams.c:21:3: note: suspend point 1 holds frame of 'ticks' at 0 (48 bytes)
// CHECK: streams.c:24:7: note: suspend point 2 holds frame of 'ticks' at 0 (48 bytes), 'sq' at 48 (8 bytes), frame of 'ca_yield' at 56 (1 bytes)
// CHECK: streams.c:25:7: note: suspend point 3 holds frame of 'ticks' at 0 (48 bytes)
// CHECK: streams.c:29:11: remark: frame of 'consume': 80 bytes (lower bound 78, without overlap 88), align 8
// CHECK: streams.c:29:11: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: streams.c:31:3: note: suspend point 1 holds 's' at 72 (4 bytes), frame of 'evens' at 0 (64 bytes)
// CHECK: streams.c:32:5: note: suspend point 2 holds 's' at 72 (4 bytes), 'v' at 64 (8 bytes), frame of 'evens' at 0 (64 bytes), frame of 'ca_yield' at 76 (1 bytes)

// SU: {{.*}}streams.c:13:15:ticks{{	}}48{{	}}static
// SU-NEXT: {{.*}}streams.c:20:16:evens{{	}}64{{	}}static
// SU-NEXT: {{.*}}streams.c:29:11:consume{{	}}80{{	}}static
// SU-EMPTY:

// LARGER: streams.c:20:16: warning: frame of generator 'evens' is 64 bytes, larger than 60
// LARGER: streams.c:21:3: note: 'frame of ticks' (48 bytes) is held across this await
// LARGER: streams.c:24:7: note: 'sq' (8 bytes) is held across this await
// LARGER: streams.c:29:11: warning: async frame of 'consume' is 80 bytes, larger than 60
// LARGER: streams.c:31:3: note: 'frame of evens' (64 bytes) is held across this await
// LARGER: streams.c:32:5: note: 'v' (8 bytes) is held across this await
// LARGER: streams.c:31:3: note: 's' (4 bytes) is held across this await
