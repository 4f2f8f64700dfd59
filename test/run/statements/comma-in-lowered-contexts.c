// Comma, assignment and conditional expressions pasted by the lowering into
// a context of another precedence: the value and the side effects are C's.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int g;
static int bump(void) { return ++g; }

async int id(int x) {
  await(ca_yield());
  return x;
}

// The value of a return: the out pointer is assigned the whole comma.
async int ret_comma(void) {
  await(ca_yield());
  return bump(), -1;
}
async int ret_assign(void) {
  int a;
  await(ca_yield());
  return a = 4, a * 2;
}
async int ret_cond(int c) {
  await(ca_yield());
  return c ? bump(), 10 : 20;
}
async long ret_cast(void) {
  await(ca_yield());
  return (void)bump(), 30L;
}
// Kept variables initialised and assigned from commas; arguments stored
// into an awaited callee's frame.
async int kept(int n) {
  int x = (bump(), n + 1);
  int y;
  y = (bump(), x + 1);
  int z = await(id((bump(), y + 1)));
  await(ca_yield());
  return x * 100 + y * 10 + z;
}
// A conditional whose other arm awaits: each arm is a branch of an if.
async int arm(int c) {
  int r = c ? bump(), 5 : await(id(6));
  int s = c ? await(id(7)) : (bump(), 8);
  return r * 10 + s;
}
// The value of a statement expression that awaits.
async int stmt_expr(void) {
  int r = ({
    int t = await(id(1));
    bump(), t + 40;
  });
  return r;
}
// Join targets and conditions.
async int join_targets(void) {
  int a = 0, b = 0;
  await(ca_join(a = id((bump(), 1)), b = id(2)));
  if (bump(), a + b == 3)
    return a = 7, a + b;
  return -1;
}
// A select's winner target, a callee that never suspends (a call of its
// f__sync) and a call through an async function pointer.
async int pure(int x) { return bump(), x + 1; }
typedef async_budget(256) int id_fn(int x);
async int others(int n) {
  int a = 0, b = 0;
  int w = await(ca_select(a = id((bump(), n)), b = id(n + 1)));
  int p = await(pure((bump(), 10)));
  id_fn *fp = id;
  int q = await(fp((bump(), 20)));
  switch (n) {
  case (1 ? 2 : 3):
    return w * 1000 + a * 100 + b * 10 + p + q;
  }
  return -1;
}
async void spawned(int v) {
  await(ca_yield());
  printf("spawned %d\n", v);
}

int main(void) {
  printf("ret_comma %d g=%d\n", ca_block_on(ret_comma()), g);
  printf("ret_assign %d\n", ca_block_on(ret_assign()));
  printf("ret_cond %d %d g=%d\n", ca_block_on(ret_cond(1)),
         ca_block_on(ret_cond(0)), g);
  printf("ret_cast %ld g=%d\n", ca_block_on(ret_cast()), g);
  printf("kept %d g=%d\n", ca_block_on(kept(1)), g);
  printf("arm %d %d g=%d\n", ca_block_on(arm(1)), ca_block_on(arm(0)), g);
  printf("stmt_expr %d g=%d\n", ca_block_on(stmt_expr()), g);
  printf("join %d g=%d\n", ca_block_on(join_targets()), g);
  printf("others %d g=%d\n", ca_block_on(others(2)), g);
  printf("block_on %d g=%d\n", ca_block_on(id((bump(), 50))), g);
  ca_spawn(spawned((bump(), 60)));
  ca_run();
  printf("g=%d\n", g);
  return 0;
}
// CHECK: ret_comma -1 g=1
// CHECK-NEXT: ret_assign 8
// CHECK-NEXT: ret_cond 10 20 g=2
// CHECK-NEXT: ret_cast 30 g=3
// CHECK-NEXT: kept 234 g=6
// CHECK-NEXT: arm 57 68 g=8
// CHECK-NEXT: stmt_expr 41 g=9
// CHECK-NEXT: join 9 g=11
// CHECK-NEXT: others 231 g=15
// CHECK-NEXT: block_on 50 g=16
// CHECK-NEXT: spawned 60
// CHECK-NEXT: g=17
// CHECK-NEXT: exit=0
