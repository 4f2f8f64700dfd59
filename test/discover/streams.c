// Discover on async generators (streams): an async gen may suspend, its
// awaits and yields numbered together; a ca_for_await over a stream is a
// suspend point of its function numbered where its condition is (before
// the awaits of its body), and a ForSite; over a plain generator it is a
// ForSite only (a ca_for), and a function whose only loop is a
// ca_for_await over a stream may suspend (so may its callers).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

async gen int ticks(int n) {
  for (int i = 0; i < n; i++) {
    await(ca_sleep_ms(1));
    yield(i);
  }
}

async gen long evens(int n) {
  ca_for_await (int x, ticks(n))
    if (x % 2 == 0) {
      await(ca_yield());
      yield(x);
    }
}

async int only_loop(int n) {
  int s = 0;
  ca_for_await (long v, evens(n))
    s += (int)v;
  return s;
}

async int caller(int n) {
  int s = await(only_loop(n));
  ca_for_await (int v, count(n))
    s += v;
  return s;
}

// CHECK:      === discover
// CHECK-NEXT: gen 'count' at [[FILE]]:10:9: may suspend
// CHECK-NEXT:   yield 1 at [[FILE]]:12:5
// CHECK-NEXT: async gen 'ticks' at [[FILE]]:15:15: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:17:5: call 'ca_sleep_ms' (leaf), statement
// CHECK-NEXT:   yield 2 at [[FILE]]:18:5
// CHECK-NEXT: async gen 'evens' at [[FILE]]:22:16: may suspend
// CHECK-NEXT:   ca_for_await 1 at [[FILE]]:23:3
// CHECK-NEXT:   await 2 at [[FILE]]:25:7: call 'ca_yield' (leaf), statement
// CHECK-NEXT:   yield 3 at [[FILE]]:26:7
// CHECK-NEXT:   ca_for_await at [[FILE]]:23:3: 'ticks' (defined here), variable 'x' in 'evens'
// CHECK-NEXT: async 'only_loop' at [[FILE]]:30:11: may suspend
// CHECK-NEXT:   ca_for_await 1 at [[FILE]]:32:3
// CHECK-NEXT:   ca_for_await at [[FILE]]:32:3: 'evens' (defined here), variable 'v' in 'only_loop'
// CHECK-NEXT: async 'caller' at [[FILE]]:37:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:38:11: call 'only_loop' (defined here), initializer
// CHECK-NEXT:   ca_for_await at [[FILE]]:39:3: 'count' (defined here), variable 'v' in 'caller'
// CHECK-EMPTY:
