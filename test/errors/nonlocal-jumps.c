// setjmp and longjmp cannot cross a suspension: a poll function is left
// and entered again on every await. (Computed goto can: label addresses
// stay in the same poll function, see run/statements/labels-same-names.c.)
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>
#include <setjmp.h>

static jmp_buf env;

async int step(void) {
  await(ca_yield());
  return 1;
}

async int uses_setjmp(void) {
  // CHECK: nonlocal-jumps.c:[[@LINE+1]]:7: error: setjmp in async function 'uses_setjmp', which awaits: a later poll runs on another stack, so a longjmp back would resume a dead one; return an error value instead
  if (setjmp(env))
    return 0;
  return await(step());
}

async int uses_longjmp(int x) {
  int v = await(step());
  if (x)
    // CHECK: nonlocal-jumps.c:[[@LINE+1]]:5: error: longjmp in async function 'uses_longjmp', which awaits: leaving a poll function by longjmp abandons its frame half-way; return an error value instead
    longjmp(env, 1);
  return v;
}

// In an expression the await is moved first; the error keeps its place.
async int in_expression(void) {
  // CHECK: nonlocal-jumps.c:[[@LINE+1]]:7: error: setjmp in async function 'in_expression'
  if (setjmp(env) + await(step()) > 1)
    return 0;
  return 1;
}

// Without an await, nothing is suspended: plain C.
async int no_await(void) {
  if (setjmp(env))
    return 0;
  return 1;
}
