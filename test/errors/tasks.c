// What task handles and pools accept: the join's result pointer must point
// to the spawned function's return type (where the spawn is visible), a
// pool holds one async function, ca_spawn_in names the pool itself.
// (Unordered checks: pools are checked first, then starts, then joins.)
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

async int f(int x) {
  await(ca_yield());
  return x;
}
async void g(void) { await(ca_yield()); }
static int plain(int x) { return x; }

CA_TASK_POOL(fpool, f, 4);
// CHECK-DAG: tasks.c:[[@LINE+1]]:14: error: task pool 'bad' is for 'plain', which is not an async function declared before the pool
CA_TASK_POOL(bad, plain, 4);
// CHECK-DAG: tasks.c:[[@LINE+1]]:14: error: the size of task pool 'empty' must be an integer constant from 1 to 2^31-1
CA_TASK_POOL(empty, f, 0);

async int joins(ca_task *param) {
  ca_task *t = ca_spawn(f(1));
  long wrong;
  // CHECK-DAG: tasks.c:[[@LINE+1]]:25: error: the result of task 't' is 'int' (it runs 'f'), but the result pointer points to 'long'
  await(ca_task_join(t, &wrong));
  ca_task *v = ca_spawn(g());
  int r;
  // CHECK-DAG: tasks.c:[[@LINE+1]]:25: error: task 'v' runs 'g', which returns void: wait for it with ca_task_wait(v)
  await(ca_task_join(v, &r));
  ca_task *u;
  u = ca_spawn_in(&fpool, f(2));
  await(ca_task_join(u, &r)); /* fine */
  await(ca_task_join(param, &wrong)); /* unknown here: checked at run time */
  ca_task *other = param ? param : ca_spawn(f(3));
  await(ca_task_join(other, &wrong)); /* not only spawns: unchecked */
  // CHECK-DAG: tasks.c:[[@LINE+1]]:15: error: task pool 'fpool' holds tasks of 'f', not of 'g'; declare a pool for it with CA_TASK_POOL(name, g, N)
  ca_spawn_in(&fpool, g());
  ca_task_pool *p = &fpool;
  // CHECK-DAG: tasks.c:[[@LINE+1]]:15: error: the first argument of ca_spawn_in must be `&name`, where name is declared with CA_TASK_POOL(name, f, N)
  ca_spawn_in(p, f(4));
  return r + plain(0);
}

int main(void) {
  // CHECK-DAG: tasks.c:[[@LINE+1]]:16: error: task pool 'local' must be declared at file scope
  CA_TASK_POOL(local, f, 2);
  return 0;
}
