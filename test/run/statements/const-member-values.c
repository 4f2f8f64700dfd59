// Values whose type cannot be assigned with `=` (a struct or union with a
// const member, directly, nested, in an array member, behind a typedef;
// const and volatile variables of such types) returned from async functions
// (a value, a compound literal, an await), kept across awaits (initialised,
// from an await, parameters), in join storage, spawned and scoped. The
// poll function copies their bytes where C would not let it assign.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct id { const int v; int n; };
struct outer { int tag; struct id in; };         /* nested */
struct arr { struct id items[2]; };              /* array of such structs */
union u { const int i; float f; };               /* union with a const member */
struct hasu { union u x; char c; };
typedef struct id id_t;
typedef const struct outer couter;

async struct id mk(int v) {
  await(ca_yield());
  struct id r = {v, v + 1};
  return r;                                      /* *ca__out = r */
}

async struct outer mko(int v) {
  await(ca_yield());
  return (struct outer){v, {v * 2, v * 3}};      /* a compound literal */
}

async struct outer passo(int v) {
  return await(mko(v));                          /* return of an await */
}

async struct arr mka(int v) {
  struct arr a = {{{v, 1}, {v + 1, 2}}};
  await(ca_yield());
  return a;
}

async union u mku(int v) {
  union u x = {v};
  await(ca_yield());
  return x;
}

async struct hasu mkh(int v) {
  await(ca_yield());
  struct hasu h = {{v}, 'h'};
  return h;
}

async id_t twice(id_t p) {                       /* parameter kept */
  await(ca_yield());
  return (id_t){p.v * 2, p.n * 2};
}

async int sum_outer(couter o, struct arr a) {   /* const parameters */
  await(ca_yield());
  return o.tag + o.in.v + o.in.n + a.items[0].v + a.items[1].n;
}

async struct id pure(int v) { /* never suspends: awaited as pure__sync */
  struct id r = {v, -v};
  return r;
}

async int num(int v) {
  await(ca_yield());
  return v;
}

async int kept(int v) {
  const int k = await(num(v + 1));               /* const scalar kept */
  const struct id c = await(mk(v));              /* const struct kept */
  struct outer o = await(mko(v));                /* nested kept */
  id_t t = {v, v};                               /* initialiser kept */
  const struct id ci = {v + 5, 0};
  const struct id cp = await(pure(v + 20));
  struct id many[2] = {{v, 1}, {v, 2}};          /* array kept */
  union u uu = {v};
  volatile struct id vol = {v + 9, 1};           /* volatile, kept */
  volatile int varr[2] = {v, v + 1};
  struct hasu hu = await(mkh(v));
  struct arr a = await(mka(v));
  await(ca_yield());
  id_t t2 = await(twice(t));
  union u u2 = await(mku(v + 7));
  struct outer o2 = await(passo(v));
  await(ca_yield());
  return k + c.v + c.n + o.tag + o.in.v + o.in.n + t.v + ci.v + cp.n + many[1].n +
         uu.i + vol.v + varr[1] + hu.x.i + hu.c + a.items[1].v + t2.v + t2.n +
         u2.i + o2.in.n + await(sum_outer(o, a));
}

static struct id held; /* a task's result is copied here */
static union u uheld;

async int spawned(int v) {
  ca_task *t = ca_spawn(mk(v));
  ca_task *t2 = ca_spawn(mku(v));
  struct id got = await(mk(v + 1));
  await(ca_task_join(t, &held));
  await(ca_task_join(t2, &uheld));
  return held.v + held.n + uheld.i + got.v;
}

async int scoped(int v) {
  struct id x = {0, 0};
  struct outer y = {0, {0, 0}};
  union u z = {0};
  (void)x; (void)y; (void)z;
  int r = 0;
  {
    struct id a0 = await(mk(v));
    struct outer a1 = await(mko(v));
    r = a0.v + a1.in.n;
  }
  return r;
}

async int by_await_in_expr(int v) {
  return await(mk(v)).n * 100 + await(mko(v)).in.v + await(num(v));
}

async int joins(int v) {
  int n = 0, m = 0;
  await(ca_join(mk(v), n = num(v), mko(v), mku(v)));  /* results stored */
  int w = await(ca_select(mk(v), m = num(v + 1)));
  return n * 10 + w + m;
}

int main(void) {
  printf("kept=%d\n", ca_block_on(kept(3)));
  printf("scoped=%d\n", ca_block_on(scoped(4)));
  printf("expr=%d\n", ca_block_on(by_await_in_expr(5)));
  struct id r = ca_block_on(mk(9));
  printf("mk=%d %d\n", r.v, r.n);
  printf("joins=%d\n", ca_block_on(joins(6)));
  printf("spawned=%d\n", ca_block_on(spawned(7)));
  return 0;
}
// CHECK: kept=203
// CHECK-NEXT: scoped=16
// CHECK-NEXT: expr=615
// CHECK-NEXT: mk=9 10
// CHECK-NEXT: joins=60
// CHECK-NEXT: spawned=30
// CHECK-NEXT: exit=0
