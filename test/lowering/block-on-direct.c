// ca_block_on of a function that never suspends: its frame is inited (the
// arguments evaluated first, as a call does), then its poll, which
// completes at once, runs in place between ca__block_on_sync_enter and
// ca__block_on_sync_leave (no executor round; the C compiler inlines init,
// poll and f__sync). One that may suspend goes through ca__block_on.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^ *//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

async int pure(int x) { return x + 1; }
async void note(int x) { (void)x; }
async int waits(int x) {
  await(ca_yield());
  return x;
}

int main(void) {
  int a = ca_block_on(pure(1));
  // CHECK: int a = __extension__({ struct pure__frame ca__b; pure__init(&ca__b, 1); int ca__v; ca__block_on_sync_enter(); ca__block_on_sync_leave(pure__poll(&ca__b, (ca_context *)0, &ca__v)); ca__v; });
  ca_block_on(note(a));
  // CHECK-NEXT: __extension__({ struct note__frame ca__b; note__init(&ca__b, a); ca__block_on_sync_enter(); ca__block_on_sync_leave(note__poll(&ca__b, (ca_context *)0, (void *)0)); (void)0; });
  return ca_block_on(waits(a));
  // CHECK-NEXT: return __extension__({ struct waits__frame ca__b; waits__init(&ca__b, a); int ca__v; ca__block_on_desc(&ca__b, waits__erased_poll, &ca__v, &waits__ca__desc); ca__v; });
}
