// The expression and statement classes of C, GNU C and clang's C extensions
// inside an async function, each in a plain statement, in an expression
// that holds an await, and in the initializer of a local kept across an
// await (the table test/classes/stmt-classes.txt points here). Before:
// sizeof of a variable-length array type printed a kept `n` as is
// (undeclared), __builtin_FUNCTION() named the poll function, a scoped
// atomic lost its scope argument, a return under a loop pragma, `nomerge`
// or `musttail` was printed as a raw return of the poll function, and
// `__asm__` was printed `asm`, no keyword in -std=c11.
// Everywhere: CompoundStmt, DeclStmt, ReturnStmt, NullStmt, IfStmt,
// ForStmt, CallExpr, DeclRefExpr, ImplicitCastExpr, UnaryOperator,
// BinaryOperator, CompoundAssignOperator, IntegerLiteral, StringLiteral.
// RUN: %differential %s %t -Wno-initializer-overrides | FileCheck %s
// RUN: %differential %s %t -Wno-initializer-overrides -std=c11 | FileCheck %s
#include <cawait.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}
int tail(int x) { return x + 100; }

typedef int v4 __attribute__((vector_size(16)));
typedef float f4 __attribute__((ext_vector_type(4)));
struct S {
  int a;
  struct {
    int b;
    int c[3];
  } in;
};
struct P {
  int x, y;
};
struct Q {
  struct P p;
  int z;
};

// GenericSelectionExpr, ChooseExpr, BinaryConditionalOperator with its
// OpaqueValueExpr, ConditionalOperator, OffsetOfExpr, UnaryExprOrTypeTraitExpr
// (with a variable-length array type), TypeTraitExpr, ParenExpr.
async int selections(int n) {
  int x = 5;
  int g = _Generic(x, int: 1, default: 2) + __builtin_choose_expr(1, 3, 4.0);
  int g2 = _Generic(x, int: await(val(7)), default: 2);
  int bc = x ?: 9;
  int bc2 = await(val(0)) ?: 11;
  int bc3 = await(val(x)) ?: await(val(12));
  int idx = 1;
  size_t off = offsetof(struct S, in.c[2]) + __builtin_offsetof(struct S, in.b);
  size_t off2 = offsetof(struct S, in.c[idx]) + await(val(1));
  size_t sv = sizeof(int[n]) + sizeof(int(*)[n + 1]);
  size_t sv2 = sizeof(int[n]) * await(val(2)) + _Alignof(int[n]) +
               __alignof__(long long);
  int tc = __builtin_types_compatible_p(int, int) +
           __builtin_types_compatible_p(__typeof__(x), long);
  printf("sel: %d %d %d %d %d %zu %zu %zu %zu %d\n", g, g2, bc, bc2, bc3, off,
         off2, sv, sv2, tc);
  printf("%d %d\n", x, idx);
  return (int)(sv + n);
}

// Vectors: ShuffleVectorExpr, ConvertVectorExpr, ExtVectorElementExpr;
// BuiltinBitCastExpr (of an rvalue: ExprWithCleanups around a
// MaterializeTemporaryExpr); AtomicExpr (C11, GNU, scoped).
async int vectors(int n) {
  v4 a = {1, 2, 3, n};
  v4 sh = __builtin_shufflevector(a, a, 3, 2, 1, 0);
  f4 cv = __builtin_convertvector(a, f4);
  float ev = cv.w + cv.xy.y + await(val(1));
  v4 sh2 = __builtin_shufflevector(a, a, 0, 1, 2, 3) + await(val(2));
  float bits = __builtin_bit_cast(float, 0x40400000) + await(val(0));
  _Atomic int at = 3;
  __c11_atomic_fetch_add(&at, 2, __ATOMIC_SEQ_CST);
  int plain = 1;
  __atomic_fetch_add(&plain, await(val(4)), __ATOMIC_RELAXED);
  int ld = __atomic_load_n(&plain, __ATOMIC_ACQUIRE) + await(val(0));
  int sc = __scoped_atomic_fetch_add(&plain, 10, __ATOMIC_RELAXED,
                                     __MEMORY_SCOPE_SYSTEM);
  int sc2 = __scoped_atomic_load_n(&plain, __ATOMIC_RELAXED,
                                   __MEMORY_SCOPE_DEVICE) + await(val(0));
  printf("vec: %d %d %g %d %g %d %d %d %d %d\n", sh[0], sh[3], ev, sh2[1], bits,
         __c11_atomic_load(&at, __ATOMIC_SEQ_CST), plain, ld, sc, sc2);
  return sh[1];
}

// SourceLocExpr and PredefinedExpr, on lines of their own in multi-line
// statements; literals of every kind: FloatingLiteral (hex),
// ImaginaryLiteral, StringLiteral and CharacterLiteral with prefixes.
async int locations(void) {
  unsigned line = 0 +
                  __builtin_LINE();
  unsigned col = await(val(0)) +
                 __builtin_COLUMN();
  const char *fn = __builtin_FUNCTION();
  const char *file = __builtin_FILE();
  const char *pf = __PRETTY_FUNCTION__;
  const char *ff = __FUNCTION__;
  await(ca_yield());
  printf("loc: %u %u %s %s %s %s %s\n", line, col, fn, file, pf, ff, __func__);
  double hx = 0x1.8p1 + 1e-3 + await(val(1));
  _Complex double im = 2.0i + 3;
  const char *u8s = u8"\u00e9";
  int wl = L'a' + u'b' + U'c' + await(val(0));
  unsigned long long big = 0xffffffffffffffffULL;
  float fl = 0x1.8p-2f;
  await(ca_yield());
  printf("lit: %g %g %g %s %d %llu %g %g\n", hx, __real__ im, __imag__ im,
         u8s, wl, big, fl, 1e300 * 1e10);
  return (int)line;
}

// CompoundLiteralExpr, InitListExpr, DesignatedInitExpr (ranges, nested),
// DesignatedInitUpdateExpr with NoInitExpr, ImplicitValueInitExpr,
// StmtExpr, __extension__, __real__/__imag__, CStyleCastExpr, MemberExpr,
// ArraySubscriptExpr.
async int initializers(int n) {
  struct P pp = {1, 2};
  struct Q q = {.p = pp, .p.x = 7};
  struct Q q2 = {.p = pp, .p.y = await(val(8))};
  int *cl = (int[]){1, 2, n};
  struct S s = {.in.c[1 ... 2] = 4, .a = 1};
  int arr[4] = {[3] = 9, [0 ... 1] = 5, [2] = await(val(6))};
  int se = ({
    int t = n + 1;
    t * 2;
  });
  int se2 = ({
    int t = await(val(n));
    t + 1;
  });
  int ext = __extension__(n + 1) + (int)(long)await(val(0));
  await(ca_yield());
  printf("init: %d %d %d %d %d %d %d %d %d %d %d %d %d\n", q.p.x, q.p.y, q.z,
         q2.p.y, cl[2], s.in.c[2], s.a, arr[0], arr[2], arr[3], se, se2, ext);
  return pp.x;
}

// VAArgExpr (va_arg through a va_list pointer), across awaits.
async int varargs(int n, va_list *ap) {
  int a = va_arg(*ap, int);
  int b = await(val(a));
  int c = __builtin_va_arg(*ap, int) + await(val(1));
  return n + a + b + c;
}
int sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int r = ca_block_on(varargs(n, &ap));
  va_end(ap);
  return r;
}

// Statements: computed goto (AddrLabelExpr, IndirectGotoStmt, GotoStmt,
// LabelStmt) across awaits, AttributedStmt (fallthrough, nomerge,
// musttail, loop hints) on statements that return or await, SwitchStmt,
// CaseStmt (ranges, ConstantExpr labels), DefaultStmt, BreakStmt,
// ContinueStmt, WhileStmt and DoStmt (below), GCCAsmStmt and asm goto.
async int statements(int n) {
  int acc = 0;
  static void *tbl[] = {&&l0, &&l1, &&l2};
  void *target = &&l1;
  int i = 0;
  goto *tbl[0];
l0:
  acc += await(val(1));
  goto *target;
l1:
  acc += 10;
  target = &&l2;
  if (++i < 3)
    goto *tbl[1];
  goto *target;
l2:
  acc += await(val(100));
  switch (n) {
  case 3:
    acc += 1;
    __attribute__((fallthrough));
  case 4:
    acc += await(val(2));
    __attribute__((fallthrough));
  case 5 ... 7:
    acc += 3;
    break;
  default:
    break;
  }
  if (n > 10)
    __attribute__((nomerge)) return tail(acc);
#pragma clang loop unroll(disable)
  for (int k = 0; k < 3; k++) {
    if (k == 2) {
      acc += 1000;
      continue;
    }
    acc += k;
  }
#pragma clang loop unroll(disable)
  for (int k = 0; k < 2; k++)
    acc += await(val(k));
  int out = 0;
  __asm__ volatile("movl %1, %0" : "=r"(out) : "r"(acc));
  int w = await(val(5));
  __asm__ volatile("addl %1, %0" : "+r"(out) : "r"(w));
  __asm__ goto("jmp %l0" : : : : skip);
  acc = -1;
skip:
  while (w > 3)
    w -= await(val(1));
  do
    w += 2;
  while (w < 6);
  printf("stmt: acc=%d out=%d w=%d\n", acc, out, w);
#pragma clang loop unroll(disable)
  for (int k = 0; k < 3; k++) {
    if (k == n - 2)
      return acc + k;
  }
  __attribute__((musttail)) return tail(n);
}

int main(void) {
  printf("%d\n", ca_block_on(selections(3)));
  printf("%d\n", ca_block_on(vectors(4)));
  printf("%d\n", ca_block_on(locations()) > 0);
  printf("%d\n", ca_block_on(initializers(3)));
  printf("%d\n", sum(1, 2, 3));
  printf("%d\n", ca_block_on(statements(3)));
  printf("%d\n", ca_block_on(statements(30)));
  return 0;
}
// CHECK: sel: 4 7 5 11 5 20 13 20 36 1
// CHECK-NEXT: 5 1
// CHECK-NEXT: 23
// CHECK-NEXT: vec: 4 1 7 4 3 5 15 5 5 15
// CHECK-NEXT: 3
// CHECK-NEXT: loc: {{[0-9]+}} 18 locations {{.*}}stmt-classes.c int locations(void) locations locations
// CHECK-NEXT: lit: 4.001 3 2 é 294 18446744073709551615 0.375 inf
// CHECK-NEXT: 1
// CHECK-NEXT: init: 7 2 0 8 3 4 1 5 6 9 8 4 4
// CHECK-NEXT: 1
// CHECK-NEXT: 9
// CHECK-NEXT: stmt: acc=1139 out=1144 w=7
// CHECK-NEXT: 1140
// CHECK-NEXT: 231
// CHECK-NEXT: exit=0
