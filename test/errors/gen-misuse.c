// The other misuses of generators, each an error where it is written: a
// call outside ca_for, an await or start of a generator, a yield inside an
// expression, a value returned, items of type void, a generator iterating
// over itself.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

gen int in_expression(int n) {
  // CHECK-DAG: gen-misuse.c:[[@LINE+1]]:11: error: yield(e) must be a statement of its own (`yield(e);`), not part of an expression
  n > 0 ? yield(n) : (void)0;
}

// CHECK-DAG: gen-misuse.c:[[@LINE+1]]:10: error: generator 'nothing' yields items of type void; declare the type of its items: gen T nothing(...)
gen void nothing(void) {
  yield(0);
}

gen int returns(int n) {
  yield(n);
  // CHECK-DAG: gen-misuse.c:[[@LINE+1]]:3: error: generator 'returns' returns no value: `return;` finishes it, and yield(e) hands out each item
  return n;
}

gen int itself(int n) {
  // CHECK-DAG: gen-misuse.c:[[@LINE+1]]:18: error: 'itself' iterates over itself ('itself' -> 'itself'): its frame would contain the generator's, which contains it; use a loop
  ca_for (int v, itself(n - 1))
    yield(v);
}

async int misuse(void) {
  // CHECK-DAG: gen-misuse.c:[[@LINE+1]]:3: error: call of generator 'count' outside ca_for: iterate over it with ca_for (T v, count(...))
  count(3);
  // CHECK-DAG: gen-misuse.c:[[@LINE+1]]:9: error: 'count' is a generator: iterate over it with ca_for (T v, count(...)), not await
  await(count(3));
  // CHECK-DAG: gen-misuse.c:[[@LINE+1]]:12: error: 'count' is a generator: iterate over it with ca_for (T v, count(...)), not ca_spawn
  ca_spawn(count(3));
  return 0;
}
// CHECK-NOT: error:
