// gdb shows the variables an async function keeps across awaits by their
// own names, with their values, after any number of resumes (they live in
// C locals of poll, loaded from the frame when it resumes): parameters,
// locals, struct values and their members. `info locals` lists no
// generated name (the lowering's locals are nodebug); a variable whose
// address is taken stays in the frame, printed as ca__f->name.
// REQUIRES: gdb
// RUN: %cawait-cc -g -O0 %s -o %t
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break kept-locals.c:37 if i == 2' -ex run \
// RUN:   -ex 'print steps' -ex 'print start' -ex 'print start.y' \
// RUN:   -ex 'print total' -ex 'print at' -ex 'print at.x' -ex 'print i' \
// RUN:   -ex 'print got' -ex 'print ca__f->seen' -ex 'info locals' \
// RUN:   -ex continue %t 2>&1 | FileCheck %s
// While the awaited function runs in a resumed poll, the caller's frame
// shows them too (the resume loads them before it polls the callee):
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break kept-locals.c:28 if k == 6' -ex run -ex up \
// RUN:   -ex 'info locals' -ex kill %t 2>&1 | FileCheck %s --check-prefix=UP
#include <cawait.h>
#include <stdio.h>

struct point { int x, y; };
void note(int *p);

async int tick(int k) {
  await(ca_yield());
  return k; /* line 28 */
}

async int walk(int steps, struct point start) {
  int total = 0, seen = 0;
  struct point at = start;
  note(&seen);
  for (int i = 0; i < steps; i++) {
    int got = await(tick(i * 3));
    total += got; /* line 37: stopped here after the third resume */
    at.x += 1;
    seen += 1;
  }
  return total + at.x + at.y + seen;
}

static int *noted; /* note keeps the pointer: seen stays in the frame */
void note(int *p) {
  noted = p;
  *p += 100;
}

int main(void) {
  printf("result %d\n", ca_block_on(walk(4, (struct point){10, 20})));
  return 0;
}

// CHECK: Breakpoint 1 at {{.*}}: file {{.*}}kept-locals.c, line 37.
// CHECK: Breakpoint 1, walk__poll
// CHECK-NEXT: 37 total += got;
// CHECK-NEXT: $1 = 4
// CHECK-NEXT: $2 = {x = 10, y = 20}
// CHECK-NEXT: $3 = 20
// CHECK-NEXT: $4 = 3
// CHECK-NEXT: $5 = {x = 12, y = 20}
// CHECK-NEXT: $6 = 12
// CHECK-NEXT: $7 = 2
// CHECK-NEXT: $8 = 6
// CHECK-NEXT: $9 = 102
// CHECK-NEXT: got = 6
// CHECK-NEXT: i = 2
// CHECK-NEXT: total = 3
// CHECK-NEXT: at = {x = 12, y = 20}
// CHECK-NEXT: steps = 4
// CHECK-NEXT: start = {x = 10, y = 20}
// CHECK-NOT: ca__
// CHECK: result 156

// UP: Breakpoint 1, tick__poll
// UP: in walk__poll
// UP-NEXT: await(tick(i * 3));
// UP-NEXT: got = {{.*}}
// UP-NEXT: i = 2
// UP-NEXT: total = 3
// UP-NEXT: at = {x = 12, y = 20}
// UP-NEXT: steps = 4
// UP-NEXT: start = {x = 10, y = 20}

// The frame printer (runtime/gdb/cawait.py): `print *ca__f` shows the state,
// its await and the source-named slots, without `start`, which the await on
// tick overlaps (dead: print/r, the raw layout, shows it holding tick's k, 6,
// beside the ca__pad_ members):
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break kept-locals.c:37 if i == 2' -ex run -ex 'print *ca__f' \
// RUN:   -ex 'print/r *ca__f' -ex kill %t 2>&1 | FileCheck %s --check-prefix=FRAME
// FRAME: Breakpoint 1, walk__poll
// FRAME: $1 = walk, state 1 at {{.*}}kept-locals.c:36 = {await = tick, finished, at = {x = 12, y = 20}, steps = 4, total = 3, seen = 102, i = 2}
// FRAME-NEXT: $2 = {{[{][{][{]}}start = {x = 6, y = {{[0-9]+}}}}, {ca__aw1 = {{.*}}, {ca__pad_at = {{.*}}, at = {x = 12, y = 20}}, {{.*}}, seen = 102}, {{.*}}, i = 2}, {{.*}}
