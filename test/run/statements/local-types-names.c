// Local types of the same name in two async functions, a local struct
// shadowing a file-scope one (used before the shadow too), a local enum
// constant shadowing a file-scope variable, and an inner block's struct
// shadowing an outer one of the same function: each kept variable keeps
// its own type.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct node { const char *name; double weight; };
typedef long count_t;
int RED = 100; /* a file-scope variable; f's local enum constant shadows it */

async int val(int x) {
  await(ca_yield());
  return x;
}

async int f(void) {
  struct node g = {"global", 1.5};    /* the file-scope struct node */
  int red_before = RED;               /* the file-scope RED */
  struct node { int v; struct node *next; };
  typedef short count_t;
  enum color { RED, GREEN };
  struct node a = {await(val(1)), 0}, b = {2, &a};
  count_t c = 7;
  enum color col = GREEN;
  {
    struct node { char tag[3]; } inner = {"in"};  /* shadows f's node */
    await(ca_yield());
    printf("f inner=%s size=%zu\n", inner.tag, sizeof(struct node));
  }
  await(ca_yield());
  printf("f g=%s/%.1f before=%d a=%d b.next=%d c=%zu col=%d red=%d size=%zu\n",
         g.name, g.weight, red_before, a.v, b.next->v, sizeof c, (int)col,
         RED, sizeof(struct node));
  return b.v + c;
}

async int g(void) {
  struct node { long w; } x = {await(val(30))};
  typedef char count_t;
  enum color { BLUE = 5, RED = 9 };
  count_t c = 'c';
  enum color col = RED;
  await(ca_yield());
  printf("g x=%ld c=%c col=%d size=%zu\n", x.w, c, (int)col, sizeof x);
  return (int)x.w + col;
}

/* The file-scope types after both functions. */
async int h(void) {
  struct node n = {"file", 2.5};
  count_t c = await(val(4));
  await(ca_yield());
  printf("h n=%s/%.1f c=%ld red=%d\n", n.name, n.weight, c, RED);
  return (int)c;
}

/* Only the shadowing enumerator is written where the printer copies the
   user's tokens: it must name the local constant, not the global RED. */
async int only_red(void) {
  enum color { RED, GREEN } c = (enum color)1;
  await(ca_yield());
  printf("only_red c=%d red=%d\n", (int)c, RED + 0);
  return 0;
}

int main(void) {
  printf("%d\n", ca_block_on(f()));
  printf("%d\n", ca_block_on(g()));
  printf("%d\n", ca_block_on(h()));
  ca_block_on(only_red());
  return 0;
}
// CHECK:      f inner=in size=3
// CHECK-NEXT: f g=global/1.5 before=100 a=1 b.next=1 c=2 col=1 red=0 size=16
// CHECK-NEXT: 9
// CHECK-NEXT: g x=30 c=c col=9 size=8
// CHECK-NEXT: 39
// CHECK-NEXT: h n=file/2.5 c=4 red=100
// CHECK-NEXT: 4
// CHECK-NEXT: only_red c=1 red=0
// CHECK-NEXT: exit=0
