// Cancellation: f__drop at each suspend point in turn drops the awaited
// sub-frame first (innermost first: the callee's own cleanups run before
// the caller's), then runs the cleanups of every local in scope there,
// innermost scope first, in reverse declaration order; never polled and
// completed frames run nothing. The frame ABI is driven by hand here.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>

static void release(int *p) { printf(" c%d", *p); }
static void release_str(char (*s)[8]) { printf(" s:%s", *s); }

async int leaf(int x) {
  __attribute__((cleanup(release))) int in_leaf = 900 + x;
  await(ca_yield());
  return x;
}

async int work(int n) {
  __attribute__((cleanup(release))) int a = 1;
  int total = await(leaf(0)); /* state 1: a */
  {
    __attribute__((cleanup(release))) int b = 2;
    __attribute__((cleanup(release_str))) char s[8] = "x";
    total += await(leaf(1)); /* state 2: s b a */
    for (int i = 0; i < n; i++) {
      __attribute__((cleanup(release))) int c = 30 + i;
      total += await(leaf(2)); /* state 3: c s b a */
      strcpy(s, "y");
    }
  }
  __attribute__((cleanup(release))) int d = 4;
  await(ca_yield()); /* state 4: d a */
  return total + ({
           __attribute__((cleanup(release))) int e = 5;
           await(leaf(3)); /* state 5: in a statement expression: e d a */
           e;
         });
}

/* The ABI by hand: the generated declarations, and storage for the frame. */
struct work__frame;
void work__init(struct work__frame *f, int n);
ca_poll work__poll(struct work__frame *f, ca_context *cx, int *out);
void work__drop(struct work__frame *f);

/* Polls a fresh frame `polls` times, then drops it. */
static void cancel_after(unsigned polls) {
  _Alignas(16) unsigned char frame[1024];
  struct work__frame *f = (struct work__frame *)frame;
  ca_context cx = {ca_noop_waker};
  int out = -1;
  ca_poll r = CA_PENDING;
  printf("after %u polls:", polls);
  work__init(f, 2);
  for (unsigned i = 0; i < polls && r == CA_PENDING; i++)
    r = work__poll(f, &cx, &out);
  printf(" |drop:");
  work__drop(f);
  printf(" |%s %d\n", r == CA_READY ? "ready" : "pending", out);
}

int main(void) {
  for (unsigned k = 0; k <= 9; k++)
    cancel_after(k);
  return 0;
}
// Each poll of a leaf suspends once (its yield): state 1 is suspended in
// leaf(0) after poll 1, and so on.
// CHECK:      after 0 polls: |drop: |pending -1
// CHECK-NEXT: after 1 polls: |drop: c900 c1 |pending -1
// CHECK-NEXT: after 2 polls: c900 |drop: c901 s:x c2 c1 |pending -1
// CHECK-NEXT: after 3 polls: c900 c901 |drop: c902 c30 s:x c2 c1 |pending -1
// CHECK-NEXT: after 4 polls: c900 c901 c902 c30 |drop: c902 c31 s:y c2 c1 |pending -1
// CHECK-NEXT: after 5 polls: c900 c901 c902 c30 c902 c31 s:y c2 |drop: c4 c1 |pending -1
// CHECK-NEXT: after 6 polls: c900 c901 c902 c30 c902 c31 s:y c2 |drop: c903 c5 c4 c1 |pending -1
// CHECK-NEXT: after 7 polls: c900 c901 c902 c30 c902 c31 s:y c2 c903 c5 c4 c1 |drop: |ready 10
// CHECK-NEXT: after 8 polls: c900 c901 c902 c30 c902 c31 s:y c2 c903 c5 c4 c1 |drop: |ready 10
// CHECK-NEXT: after 9 polls: c900 c901 c902 c30 c902 c31 s:y c2 c903 c5 c4 c1 |drop: |ready 10
