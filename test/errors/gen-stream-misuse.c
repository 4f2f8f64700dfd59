// Misuses of async generators (streams) and ca_for_await, each an error
// where it is written, with what to write instead: a stream iterated by
// ca_for; ca_for_await in a plain function, in a generator that is not
// async, inside a statement expression; over something that is not a
// generator; a stream awaited, started or called outside a loop; an await
// in the call the loop iterates over. ca_for_await over a generator that
// is not async is allowed (it is a ca_for), and so is await in an async
// generator.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async gen int ticks(int n) {
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    yield(i);
  }
}

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

async int value(int x) {
  await(ca_yield());
  return x;
}

int plain_function(void);

async int by_ca_for(void) {
  int s = 0;
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:18: error: 'ticks' is an async generator (a stream), which may wait for its items: iterate over it with ca_for_await (T v, ticks(...)) in an async function
  ca_for (int v, ticks(3))
    s += v;
  ca_for_await (int v, count(3)) // allowed: a ca_for
    s += v;
  return s;
}

int in_plain(void) {
  int s = 0;
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:3: error: ca_for_await outside an async function: 'in_plain' cannot wait for a stream's items; iterate in an async function (ca_block_on or ca_spawn it from here)
  ca_for_await (int v, ticks(3))
    s += v;
  return s;
}

gen int in_plain_generator(void) {
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:3: error: ca_for_await in generator 'in_plain_generator', which is not async: declare it async gen to wait for the items of another
  ca_for_await (int v, ticks(3))
    yield(v);
}

async int not_generators(void) {
  int s = 0;
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:24: error: ca_for_await iterates over a call of a generator (async gen T s(...) or gen T g(...)); 'value' is not one
  ca_for_await (int v, value(3))
    s += v;
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:24: error: ca_for_await iterates over a call of a generator (async gen T s(...) or gen T g(...)); 'plain_function' is not one
  ca_for_await (int v, plain_function())
    s += v;
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:24: error: await inside the call ca_for_await iterates over: await it in a statement before the loop and pass the value
  ca_for_await (int v, ticks(await(value(2))))
    s += v;
  return s;
}

async int in_statement_expression(int n) {
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:25: error: ca_for_await inside an expression (a statement expression) cannot wait for the stream; write the loop as a statement of the function
  int s = ({ int t = 0; ca_for_await (int v, ticks(n)) t += v; t; });
  return s;
}

async int misuse(void) {
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:3: error: call of generator 'ticks' outside ca_for_await: iterate over it with ca_for_await (T v, ticks(...))
  ticks(3);
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:9: error: 'ticks' is a generator: iterate over it with ca_for_await (T v, ticks(...)), not await
  await(ticks(3));
  // CHECK-DAG: gen-stream-misuse.c:[[@LINE+1]]:12: error: 'ticks' is a generator: iterate over it with ca_for_await (T v, ticks(...)), not ca_spawn
  ca_spawn(ticks(3));
  return 0;
}
// CHECK-NOT: error:
