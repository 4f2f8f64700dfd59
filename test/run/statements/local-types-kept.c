// Locals whose types are declared inside the async function, kept across
// awaits: the types move to file scope with the frame.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stddef.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int inner_user(void);
async int outer_user(void) { return await(inner_user()) + 1; }

async int shapes(int n) {
  struct point { int x, y; };
  union word { unsigned u; unsigned char b[4]; };
  enum dir { NORTH, EAST = 4, SOUTH, WEST };
  typedef struct point point_t;                  /* local typedef of a local struct */
  typedef struct { int lo, hi; } range;          /* typedef of an unnamed struct */
  struct line { point_t from, to; enum dir d; }; /* members of other local types */
  struct point p = {n, n + 1};
  point_t *pp = &p;                              /* pointer to a local struct */
  struct point arr[SOUTH] = {{1, 2}, {3, 4}};    /* enum constant as array size */
  union word w = {.u = 0x01020304u};
  enum dir d = SOUTH;
  range r = {-1, await(val(9))};
  struct line l = {{0, 0}, {2, 3}, WEST};
  struct { int count; char tag; } anon = {3, 'a'}; /* unnamed, no typedef */
  await(ca_yield());
  pp->x += await(val(10));
  switch (d) {
  case NORTH: printf("north\n"); break;
  case SOUTH: printf("south\n"); break;
  default: printf("other\n"); break;
  }
  point_t q = (point_t){await(val(5)), 6};       /* compound literal */
  printf("p=%d,%d q=%d,%d arr=%zu/%d w=%u\n", p.x, p.y, q.x, q.y,
         sizeof arr / sizeof(struct point), arr[SOUTH - 1].y,
         (unsigned)w.b[0] + w.b[3]);
  printf("r=%d..%d l=%d,%d->%d,%d d=%d anon=%d%c\n", r.lo, r.hi, l.from.x,
         l.from.y, l.to.x, l.to.y, (int)l.d, anon.count, anon.tag);
  printf("sizeof=%zu,%zu,%zu align=%zu cast=%d\n", sizeof(struct line),
         sizeof(union word), sizeof(range), _Alignof(struct point),
         ((struct point *)&arr[1])->x);
  return p.x + (int)d + r.hi;
}

/* A list through pointers to a local struct, an incomplete local struct
   kept by pointer, a nested struct used on its own, bit-fields sized by a
   local enum constant, a packed struct, a member pointer to a function
   taking the local struct. */
async long lists(int n) {
  enum { BITS = 5, MASK = (1 << BITS) - 1 };
  struct node { int v; struct node *next; };
  struct opaque;
  struct outer { struct inner { short a, b; } in; unsigned f : BITS; };
  struct __attribute__((packed)) pk { char c; int i; };
  struct ops { int (*apply)(struct node *); };
  struct node nodes[4];
  struct node *head = 0;
  struct opaque *op = (struct opaque *)&nodes[0];
  for (int i = 0; i < 4; i++) {
    nodes[i].v = await(val(i * n));
    nodes[i].next = head;
    head = &nodes[i];
  }
  struct inner in = {7, 8};
  struct outer o = {{1, 2}, MASK};
  struct pk pk = {'z', 77};
  struct ops ops = {0};
  await(ca_yield());
  long sum = 0;
  for (struct node *it = head; it; it = it->next)
    sum = sum * 10 + it->v;
  printf("list=%ld in=%d,%d o=%d,%d,%u pk=%c%d size=%zu op=%d ops=%d\n", sum,
         in.a, in.b, o.in.a, o.in.b, o.f, pk.c, pk.i, sizeof(struct pk),
         op == (struct opaque *)nodes, ops.apply == 0);
  printf("inner=%zu mask=%d\n", sizeof(struct inner), MASK);
  return sum;
}

/* A local type in a for loop's declaration, kept across the body's await;
   one in a statement expression. */
async int loops(void) {
  int total = 0;
  for (struct { int i, step; } s = {0, 2}; s.i < 6; s.i += s.step)
    total += await(val(s.i));
  int x = ({ struct cell { int v; } c = {await(val(40))}; c.v + 2; });
  return total + x;
}

/* A struct declared before its definition, a union with an anonymous
   member, alignment attributes and an unnamed bit-field, a two-dimensional
   array of a local struct and a pointer to its rows, a const one, offsetof
   and _Generic naming local types; a frame needed before its function (an
   earlier function awaits it). */
async int more(void) {
  struct node;
  struct node *later = 0;
  struct node { int v; struct node *next; };
  union u { struct { short a, b; }; long l; } u = {.l = 0};
  struct __attribute__((aligned(16))) al { char c __attribute__((aligned(8))); int : 3; int bits : 4; } al = {'x', 5};
  struct cell { int v; } grid[2][3] = {{{1}, {2}, {3}}, {{4}, {5}, {6}}};
  struct cell (*row)[3] = grid;
  const struct cell fixed = {99};
  struct node n = {await(val(3)), 0};
  later = &n;
  u.a = (short)await(val(2));
  await(ca_yield());
  printf("%d %d %d %c %d %zu %zu %d %d\n", later->v, u.a, (int)offsetof(struct node, next),
         al.c, al.bits, _Alignof(struct al), sizeof al, row[1][2].v, fixed.v);
  printf("%d %d\n", _Generic(n, struct node: 1, default: 0),
         _Generic(grid[0][0], struct cell: 2, default: 0));
  return n.v;
}

async int inner_user(void) {
  struct node { int w; } x = {await(val(41))};
  await(ca_yield());
  return x.w;
}

/* Beside a hoisted type, the local types no frame needs stay in the body
   and name its file-scope copy. */
async int mixed(void) {
  struct pt { int x, y; };
  struct seg { struct pt a, b; };         /* not kept: names the hoisted pt */
  static struct pt origin = {0, 0};       /* static: not in the frame */
  struct pt kept = {await(val(3)), 4};
  struct seg s = {origin, kept};
  int len = s.b.x + s.b.y;                /* s: only before the await */
  await(ca_yield());
  struct seg t = {kept, {len, len}};      /* after the last await */
  return t.a.x + t.b.y + (int)sizeof(struct seg);
}

/* typeof of a local, directly or through a local typedef (also as a member
   of a hoisted struct): the frame field, or the hoisted typedef, has the
   type of the expression. */
async int typeofs(int n) {
  struct pair { int a, b; } p = {n, n + 1};
  __typeof__(p) copy = p;
  typedef __typeof__(n) num;
  num twice = n * 2;
  struct boxed { num v; } box = {n * 100};
  await(ca_yield());
  return copy.b + twice + box.v;
}

/* const on a local typedef, inside one, and on an array of one: the frame
   field drops the const, and the typedefs move out with the frame. */
async int consts(int n) {
  struct node { int v; };
  typedef struct node node_t;
  typedef const int cint;
  typedef int num;
  const node_t a = {n};
  cint b = n + 1;
  const num arr[2] = {n, n + 2};
  await(ca_yield());
  return a.v * 100 + b * 10 + arr[1];
}

/* A struct named first by a pointer member of another, defined after a
   variable of that other is declared; one defined in a member's
   declarator and used on its own. */
async int forward(void) {
  struct A { struct B *p; int a; };
  struct A aa = {0, 1};
  struct B { int b; } bb = {9};
  struct C { struct D { int q; } *p; } cc = {0};
  struct D dd = {5};
  aa.p = &bb;
  cc.p = &dd;
  await(ca_yield());
  return aa.p->b * 100 + aa.a * 10 + cc.p->q;
}

int main(void) {
  printf("shapes=%d\n", ca_block_on(shapes(1)));
  printf("lists=%ld\n", ca_block_on(lists(2)));
  printf("loops=%d\n", ca_block_on(loops()));
  printf("mixed=%d\n", ca_block_on(mixed()));
  printf("more=%d\n", ca_block_on(more()));
  printf("outer_user=%d\n", ca_block_on(outer_user()));
  printf("typeofs=%d\n", ca_block_on(typeofs(3)));
  printf("consts=%d\n", ca_block_on(consts(4)));
  printf("forward=%d\n", ca_block_on(forward()));
  return 0;
}
// CHECK:      south
// CHECK-NEXT: p=11,2 q=5,6 arr=5/0 w=5
// CHECK-NEXT: r=-1..9 l=0,0->2,3 d=6 anon=3a
// CHECK-NEXT: sizeof=20,4,8 align=4 cast=3
// CHECK-NEXT: shapes=25
// CHECK-NEXT: list=6420 in=7,8 o=1,2,31 pk=z77 size=5 op=1 ops=1
// CHECK-NEXT: inner=4 mask=31
// CHECK-NEXT: lists=6420
// CHECK-NEXT: loops=48
// CHECK-NEXT: mixed=26
// CHECK-NEXT: 3 2 8 x 5 16 16 6 99
// CHECK-NEXT: 1 2
// CHECK-NEXT: more=3
// CHECK-NEXT: outer_user=42
// CHECK-NEXT: typeofs=310
// CHECK-NEXT: consts=456
// CHECK-NEXT: forward=915
// CHECK-NEXT: exit=0
