// Statement expressions holding awaits (nested, void, with a struct value,
// with loops, if and switch inside, on the lazy side of && and ?:),
// awaits in the arguments of awaited calls several levels deep, awaits
// returning structs used as `await(f()).field`, and awaits as printf
// arguments.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}
async int add(int a, int b) {
  await(ca_yield());
  calls++;
  return a + b;
}
async void note(const char *what, int v) {
  await(ca_yield());
  printf("note %s %d\n", what, v);
}

struct pt {
  int x, y;
};
struct wrap {
  struct pt p;
  int tag[2];
};
async struct pt mk(int a) {
  await(ca_yield());
  calls++;
  struct pt p = {a, a * 10};
  return p;
}
async struct wrap wr(int a) {
  await(ca_yield());
  struct wrap w = {{a, -a}, {a + 1, a + 2}};
  return w;
}

async int run(int zero, int one) {
  int deep = await(add(await(add(await(val(1)), await(add(2, await(val(3)))))),
                       await(val(await(val(4))))));
  printf("deep=%d calls=%d\n", deep, calls);
  printf("field %d %d %d %d\n", await(mk(3)).y, await(mk(await(mk(2)).x + 1)).y,
         await(wr(5)).p.y, await(wr(6)).tag[1]);
  printf("args %d %s %d\n", await(val(7)), one ? "one" : "zero",
         await(add(await(val(8)), 1)));

  int s = ({
    int q = await(val(2));
    ({
      int r = await(add(q, 1));
      r * await(val(2));
    }) + 1;
  });
  printf("s=%d\n", s);
  ({ await(note("void", s)); });
  struct pt sp = ({
    struct pt t = await(mk(s));
    t.y += await(val(1));
    t;
  });
  printf("sp=%d,%d\n", sp.x, sp.y);
  int loops = ({
    int z = 0;
    for (int i = 0; i < 3; i++)
      z += await(val(i));
    int j = 0;
    while (await(val(j)) < 2)
      j++;
    switch (await(val(j))) {
    case 2:
      z += 100;
      break;
    default:
      z = -1;
    }
    if (await(val(z)) > 50)
      z++;
    z + j;
  });
  printf("loops=%d\n", loops);
  calls = 0;
  int lazy = zero && ({
               int t = await(val(1));
               t;
             });
  lazy += one ? 5 : ({ await(val(1)) + 1; });
  printf("lazy=%d calls=%d\n", lazy, calls);
  if (({ await(val(one)); }))
    printf("cond\n");
  return deep;
}

int main(void) {
  printf("%d\n", ca_block_on(run(0, 1)));
  return 0;
}
// CHECK: deep=10 calls=7
// CHECK-NEXT: field 30 30 -5 8
// CHECK-NEXT: args 7 one 9
// CHECK-NEXT: s=7
// CHECK-NEXT: note void 7
// CHECK-NEXT: sp=7,71
// CHECK-NEXT: loops=106
// CHECK-NEXT: lazy=5 calls=0
// CHECK-NEXT: cond
// CHECK-NEXT: 10
// CHECK-NEXT: exit=0
