// A task handle held only by a frame that may be dropped (here: a task the
// block_on future spawned, dropped while it joins its own child): C has no
// destructors, so the owner releases the handle with a cleanup and clears
// it once joined; the child is then freed when it is dropped, and nothing
// leaks (ASan's leak check, valgrind).
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %cawait-cc -gdwarf-4 %s -o %t && %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
static void release(ca_task **t) { ca_task_detach(*t); }
async int leaf(int x) { await(ca_sleep_ms(1000)); return x; }
async int mid(int x) {
  __attribute__((cleanup(release))) ca_task *t = ca_spawn(leaf(x * 10));
  int v = 0;
  await(ca_task_join(t, &v));
  t = NULL; /* consumed */
  return v;
}
async int quick(int x) { return x; }
async int mid2(int x) {
  __attribute__((cleanup(release))) ca_task *t = ca_spawn(quick(x));
  int v = 0;
  await(ca_task_join(t, &v));
  t = NULL;
  return v;
}
async int top(void) { ca_spawn(mid(1)); int r = await(mid2(5)); await(ca_sleep_ms(5)); return r; }
int main(void) { printf("%d\n", ca_block_on(top())); printf("after block_on\n"); return 0; }
// CHECK:      5
// CHECK-NEXT: after block_on
