// Statement and expression classes an async function cannot contain give a
// located error (never a crash or a re-print clang gets wrong), also inside
// a statement expression (test/classes/stmt-classes.txt lists them all).
// RUN: not %cawait-cc -fsyntax-only -fblocks -DBLOCKS %s 2>&1 | FileCheck %s --check-prefix=BLOCKS
// RUN: not %cawait-cc -fsyntax-only -fopenmp -DOPENMP %s 2>&1 | FileCheck %s --check-prefix=OPENMP
// RUN: not %cawait-cc -fsyntax-only -fopenacc -DOPENACC %s 2>&1 | FileCheck %s --check-prefix=OPENACC
// RUN: not %cawait-cc -fsyntax-only -DCAPTURED %s 2>&1 | FileCheck %s --check-prefix=CAPTURED
// RUN: not %cawait-cc -fsyntax-only -fasm-blocks -DMSASM %s 2>&1 | FileCheck %s --check-prefix=MSASM
// RUN: not %cawait-cc -fsyntax-only -target x86_64-windows-msvc -fms-extensions -DSEH %s 2>&1 | FileCheck %s --check-prefix=SEH
// RUN: not %cawait-cc -fsyntax-only -Wno-c23-extensions -DEMBED %s 2>&1 | FileCheck %s --check-prefix=EMBED
#include <cawait.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int f(int n) {
  int a = await(val(n));
#ifdef BLOCKS
  int k = 2;
  // BLOCKS: stmt-classes.c:[[@LINE+1]]:21: error: a block literal is not supported in an async function: move it into a function that is not async and call that
  int (^blk)(int) = ^(int v) { return v * k; };
  // BLOCKS: stmt-classes.c:[[@LINE+1]]:22: error: a block literal is not supported in an async function
  void (^b2)(void) = ^{};
  a += blk(a);
  b2();
#endif
#ifdef OPENMP
  // OPENMP: stmt-classes.c:[[@LINE+1]]:1: error: an OpenMP directive is not supported in an async function: move it into a function that is not async and call that
#pragma omp parallel for
  for (int i = 0; i < 2; i++)
    a += 0;
  a += ({
  // OPENMP: stmt-classes.c:[[@LINE+1]]:1: error: an OpenMP directive is not supported in an async function
#pragma omp barrier
    n;
  });
#endif
#ifdef OPENACC
  // OPENACC: stmt-classes.c:[[@LINE+1]]:1: error: an OpenACC construct is not supported in an async function: move it into a function that is not async and call that
#pragma acc parallel
  { a++; }
#endif
#ifdef CAPTURED
#pragma clang __debug captured
  // CAPTURED: stmt-classes.c:[[@LINE+1]]:3: error: '#pragma clang __debug captured' is not supported in an async function: move it into a function that is not async and call that
  {
    a += n;
  }
#endif
#ifdef MSASM
  // MSASM: stmt-classes.c:[[@LINE+1]]:3: error: Microsoft-style inline assembly (__asm { ... }) is not supported in an async function: move it into a function that is not async and call that
  __asm { mov eax, 1 }
#endif
#ifdef SEH
  // SEH: stmt-classes.c:[[@LINE+1]]:3: error: structured exception handling (__try, __except, __finally, __leave) is not supported in an async function: move it into a function that is not async and call that
  __try { a++; } __finally { a--; }
#endif
#ifdef EMBED
  // #embed in a statement whose expression holds an await: the rewrite of
  // that statement is on one line, where a directive cannot be.
  int t[] = { await(val(1)),
  // EMBED: stmt-classes.c:[[@LINE+1]]:1: error: #embed in a statement that holds an await inside an expression cannot be lowered; await into a variable in a statement of its own before it
#embed "../run/Inputs/embed.bin"
  };
  a += t[1];
#endif
  return a;
}
