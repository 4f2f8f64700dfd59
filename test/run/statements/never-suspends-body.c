// A function that never suspends runs its body as f__sync, plain C
// (test/lowering/never-suspends.c), reached by an await (a call), by
// ca_block_on, as a task and through a pointer (its poll calls f__sync
// with the parameters its frame carries): returns of every kind, a
// parameter written before it is read or never read, _Bool and struct
// parameters, a struct result with a const member, static locals counted
// once per call whichever way it is reached, a return inside a statement
// expression, __func__, and a loop over parameters that plain C folds.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct pair { const int a; int b; };
struct big { int v[8]; };

async void note(const char *what) { printf("note %s in %s\n", what, __func__); }

async void early(int n) {
  if (n < 0)
    return;
  if (n == 0)
    return await(note("zero"));
  printf("early %d\n", n);
}

async int overwritten(int n, _Bool flag, int unused) {
  n = flag ? 7 : 8; // written before it is read: init does not store it
  return n;
}

async struct pair make(struct big b, _Bool neg) {
  static int calls;
  ++calls;
  struct pair p = {neg ? -b.v[7] : b.v[7], calls};
  return p;
}

async int in_stmt_expr(int x) {
  int y = ({
    if (x > 5)
      return -1;
    x * 2;
  });
  return y + 1;
}

int g[16];
async long folded(long n, int k) {
  long s = 0;
  for (long i = 0; i < n; i++) {
    g[i & 15] += k;
    s += i * k;
  }
  return s;
}

async int top(void) {
  await(early(-1));
  await(early(0));
  await(early(3));
  struct big b = {{1, 2, 3, 4, 5, 6, 7, 8}};
  struct pair p = await(make(b, 1));
  struct pair q = await(make(b, 0));
  printf("pairs %d %d %d %d\n", p.a, p.b, q.a, q.b);
  printf("overwritten %d %d\n", await(overwritten(1, 1, 0)),
         await(overwritten(1, 0, 0)));
  printf("stmt expr %d %d\n", await(in_stmt_expr(3)), await(in_stmt_expr(9)));
  async_budget(64) int (*fp)(int) = in_stmt_expr;
  printf("pointer %d\n", await(fp(4)));
  return 0;
}

int main(void) {
  ca_block_on(top());
  struct big b = {{0, 0, 0, 0, 0, 0, 0, 42}};
  struct pair r = ca_block_on(make(b, 0)); // the third call of make
  printf("block_on %d %d\n", r.a, r.b);
  ca_task *t = ca_spawn(overwritten(0, 0, 5));
  int out = 0;
  ca_block_on(ca_task_join(t, &out));
  printf("task %d\n", out);
  printf("folded %ld\n", ca_block_on(folded(100000, 3)));
  return 0;
}
// CHECK: note zero in note
// CHECK-NEXT: early 3
// CHECK-NEXT: pairs -8 1 8 2
// CHECK-NEXT: overwritten 7 8
// CHECK-NEXT: stmt expr 7 -1
// CHECK-NEXT: pointer 9
// CHECK-NEXT: block_on 42 3
// CHECK-NEXT: task 8
// CHECK-NEXT: folded 14999850000
// CHECK-NEXT: exit=0
