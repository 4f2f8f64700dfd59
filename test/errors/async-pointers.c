// Async function pointers: a call through a pointer with neither budget
// nor box must say which it wants, such a call must be awaited, ca_boxed
// is for pointers and only inside await, and a plain function pointer
// cannot hold an async function.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

typedef async_budget(16) int small_fn(int x);
typedef async int plain_async_fn(int x);
struct ops {
  small_fn *small;
  async_budget(4096) int (*roomy)(int);
};

async int big(int x) {
  char buf[64];
  buf[0] = (char)x;
  await(ca_yield());
  return buf[0];
}
async int tiny(int x) { return x; }

static struct ops table = {tiny, big};
static struct ops fine = {.small = tiny, .roomy = &big};

async int calls(small_fn *s, plain_async_fn *p) {
  s = tiny;
  int a = await(s(1));
  // CHECK-DAG: async-pointers.c:[[@LINE+1]]:17: error: a call through async function pointer 'p' needs room for the callee's frame: declare the pointer (or its typedef) async_budget(N) to keep N bytes in this frame, or async_boxed, or box this call: await(ca_boxed(...))
  int b = await(p(2));
  int c = await(ca_boxed(p(3))); /* fine */
  // CHECK-DAG: async-pointers.c:[[@LINE+1]]:3: error: call through async function pointer 'small' is never awaited: write await(...) around it inside an async function
  fine.small(4);
  // CHECK-DAG: async-pointers.c:[[@LINE+1]]:17: error: ca_boxed is for calls through async function pointers; 'tiny' is called by name: its frame is embedded
  int d = await(ca_boxed(tiny(5)));
  return a + b + c + d + await(table.roomy(6));
}

// A combinator's branch through a pointer needs the same room; the
// pointer with a budget is a fine branch (no "never awaited" either).
async int branches(small_fn *s, plain_async_fn *p) {
  int a = 0, b = 0;
  // CHECK-DAG: async-pointers.c:[[@LINE+1]]:31: error: a call through async function pointer 'p' in a branch of ca_join needs room for the callee's frame: declare the pointer (or its typedef) async_budget(N) to keep N bytes in this frame, or async_boxed
  await(ca_join(a = s(1), b = p(2)));
  return a + b;
}

int main(void) {
  // CHECK-DAG: async-pointers.c:[[@LINE+1]]:23: error: async function 'tiny' used as a value; store it in an async function pointer (declared async_budget(N) or async_boxed), or call it directly inside await(...)
  int (*plain)(int) = tiny;
  // CHECK-DAG: async-pointers.c:[[@LINE+1]]:10: error: ca_boxed(...) must be what await(...) awaits: await(ca_boxed(p(x))) for a pointer p
  return ca_boxed(plain != 0);
}

typedef async_budget(128) void sleep_fn(uint64_t ms);
// CHECK-DAG: async-pointers.c:[[@LINE+1]]:25: error: 'ca_sleep_ms' is a leaf future written by hand: an async function pointer cannot point to it; point to an async function that awaits it
static sleep_fn *nap = &ca_sleep_ms;

typedef async_budget(256) long read_fn(ca_io *io, void *buf, size_t n);
// CHECK-DAG: async-pointers.c:[[@LINE+1]]:26: error: 'ca_read_exact' is an async function of the cawait runtime: an async function pointer cannot point to it; point to an async function that awaits it
static read_fn *reader = ca_read_exact;
