// Generated prototypes go before the first declaration that needs them,
// which can come before the types the definition spells its parameters and
// result with (a library's header declares f(const unsigned char *), its .c
// file defines f(const mz_uint8 *) after `typedef unsigned char mz_uint8;`).
// They name only what is declared where they are: a later typedef by what
// it stands for, a later enum by its integer type, a later struct tag after
// a `struct tag;` of their own.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
// RUN: %differential %s %t | FileCheck %s --check-prefix=OUT
#include <cawait.h>
#include <stdio.h>

/* What the header declares. */
struct pair;
enum color { RED = 1, GREEN = 2 };
async int sum(const unsigned char *p, int n);
async struct pair mkpair(int a);
async unsigned long total(enum color c, struct pair *pp, unsigned long k);
// CHECK: struct sum__frame;
// CHECK-NEXT: void sum__init(struct sum__frame *ca__f, const unsigned char *p, int n);
// CHECK: struct mkpair__frame;
// CHECK-NEXT: void mkpair__init(struct mkpair__frame *ca__f, int a);
// CHECK-NEXT: ca_poll mkpair__poll(struct mkpair__frame *ca__f, ca_context *ca__cx, struct pair *ca__out);
// CHECK: struct total__frame;
// CHECK-NEXT: void total__init(struct total__frame *ca__f, enum color c, struct pair *pp, unsigned long k);
// CHECK-NEXT: ca_poll total__poll(struct total__frame *ca__f, ca_context *ca__cx, unsigned long *ca__out);

/* What the .c file declares before its definitions. */
typedef unsigned char mz_uint8;
typedef unsigned long mz_ulong;
struct pair { int a, b; };
typedef struct pair pair_t;
typedef enum color color_t;

async int sum(const mz_uint8 *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    s += p[i];
  }
  return s;
}
// CHECK: void sum__init(struct sum__frame *ca__f, const mz_uint8 *p, int n) {

async pair_t mkpair(int a) {
  await(ca_yield());
  return (pair_t){a, a + 1};
}

async mz_ulong total(color_t c, pair_t *pp, mz_ulong k) {
  await(ca_yield());
  return (mz_ulong)c + (mz_ulong)pp->a + k;
}

/* c's frame is embedded in b's, which is embedded in a's: c's frame and
   prototypes go before a, where neither struct later nor enum e2 is
   declared yet. */
async int b(void);
async int a(void) { return await(b()); }
// CHECK: struct later;
// CHECK-NEXT: struct c__frame;
// CHECK-NEXT: void c__init(struct c__frame *ca__f, struct later *p, unsigned int e);
// CHECK-NEXT: ca_poll c__poll(struct c__frame *ca__f, ca_context *ca__cx, int *ca__out);
// CHECK: ca_poll a__poll({{.*}}) {

struct later { int v; };
enum e2 { Y = 2 };
typedef int later_int;
async later_int c(struct later *p, enum e2 e);
static struct later five = {5};
async int b(void) { return await(c(&five, Y)); }
async later_int c(struct later *p, enum e2 e) {
  await(ca_yield());
  return p->v;
}

int main(void) {
  static const mz_uint8 d[3] = {1, 2, 3};
  pair_t pr = ca_block_on(mkpair(4));
  printf("%d %d %d %lu %d\n", ca_block_on(sum(d, 3)), pr.a, pr.b,
         ca_block_on(total(GREEN, &pr, 10)), ca_block_on(a()));
  return 0;
}
// OUT: 6 4 5 16 5
// OUT-NEXT: exit=0
