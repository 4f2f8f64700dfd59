// What the rewrite of awaits inside expressions (Normalize) cannot do is
// reported by Check before it runs (normalizeLimits: the rewrite's own walk
// with its text dropped), at the construct, once: two functions of one
// macro use, a declaration that defines a type and needs splitting, a
// declarator named by a macro, a comma from a macro, a declaration of an
// unnamed type that must be printed, a temporary of an unnamed type, an
// await in an asm operand.
// RUN: not %cawait-cc -fsyntax-only -DMACRO_USE %s 2>&1 | FileCheck %s --check-prefixes=MACRO_USE,ONE
// RUN: not %cawait-cc -fsyntax-only -DDEFINES_TYPE %s 2>&1 | FileCheck %s --check-prefixes=DEFINES_TYPE,ONE
// RUN: not %cawait-cc -fsyntax-only -DSPLIT %s 2>&1 | FileCheck %s --check-prefixes=SPLIT,ONE
// RUN: not %cawait-cc -fsyntax-only -DCOMMA_MACRO %s 2>&1 | FileCheck %s --check-prefixes=COMMA_MACRO,ONE
// RUN: not %cawait-cc -fsyntax-only -DUNNAMED_DECL %s 2>&1 | FileCheck %s --check-prefixes=UNNAMED_DECL,ONE
// RUN: not %cawait-cc -fsyntax-only -DUNNAMED_TEMP %s 2>&1 | FileCheck %s --check-prefixes=UNNAMED_TEMP,ONE
// RUN: not %cawait-cc -fsyntax-only -DASM %s 2>&1 | FileCheck %s --check-prefixes=ASM,ONE
#include <cawait.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

#ifdef MACRO_USE
#define TWO(a, b)                                                             \
  async int a(void) { return 1 + await(val(1)); }                             \
  async int b(void) { return await(val(2)); }
// MACRO_USE: normalize-limits.c:[[@LINE+1]]:10: error: async function 'two' comes from the same macro use as one with an await inside an expression; define them in separate macro uses
TWO(one, two)
#endif

async int f(int n) {
  int r = 0;
#ifdef DEFINES_TYPE
  // DEFINES_TYPE: normalize-limits.c:[[@LINE+1]]:32: error: await in the initializer of 'y', in a declaration that also defines a type; define the type in a declaration of its own
  struct s { int a; } x = {1}, y = {await(val(2))};
  r = x.a + y.a;
#endif
#ifdef SPLIT
#define NAME a
  // SPLIT: normalize-limits.c:[[@LINE+1]]:17: error: await in the initializer of 'b' in a declaration cannot be split; declare it in a declaration of its own
  int NAME = 1, b = await(val(1)) + a;
  r = a + b;
#endif
#ifdef COMMA_MACRO
#define COMMA ,
  // COMMA_MACRO: normalize-limits.c:[[@LINE+1]]:19: error: await in the initializer of 'b' cannot be lowered: the initializer comes from a macro; assign it with await(...) in a statement of its own
  int a = 1 COMMA b = await(val(1)) + a;
  r = a + b;
#endif
#ifdef UNNAMED_DECL
  // UNNAMED_DECL: normalize-limits.c:[[@LINE+1]]:28: error: 's' has an unnamed type and its declaration must be re-written to move an await; give the type a name
  r = ({ struct { int a; } s = {await(val(1))}; s.a; }) + 1;
#endif
#ifdef UNNAMED_TEMP
  struct { int a; } x = {1}, y = {2};
  // UNNAMED_TEMP: normalize-limits.c:[[@LINE+1]]:8: error: this expression has an unnamed type and holds an await; give the type a name (a tag or a typedef)
  r = (n ? x : (y.a = await(val(1)), y)).a;
#endif
#ifdef ASM
  // ASM: normalize-limits.c:[[@LINE+1]]:3: error: await inside a 'GCCAsmStmt' statement cannot be lowered; move the await into a statement of its own before it
  __asm__ volatile("" ::"r"(await(val(1))));
#endif
  return r + n;
}
// ONE-NOT: error:
// ONE: 1 error generated.
