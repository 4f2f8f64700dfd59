// Layout warnings (-Wpadded, -Wpadded-bitfield, -Wpacked) are given when
// clang first lays a record out, mostly in code generation interleaved
// with the parse: cawait-cc gives plain clang's, in plain clang's order,
// for records used in async and sync code, local ones in async bodies
// (hoisted and renamed for a frame) included; the frames it generates give
// none. Byte for byte, also at -Weverything and under -Werror.
// RUN: %clang -std=gnu11 -I %cawait_include -Wpadded -Wpadded-bitfield -Wpacked -c %s -o %t.plain.o 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Wpadded -Wpadded-bitfield -Wpacked -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s --strict-whitespace < %t.ours
// RUN: %clang -std=gnu11 -I %cawait_include -Weverything -c %s -o %t.plain.o 2> %t.plain-all
// RUN: %cawait-cc -std=gnu11 -Weverything -c %s -o %t.o 2> %t.ours-all
// RUN: diff %t.plain-all %t.ours-all
// RUN: not %clang -std=gnu11 -I %cawait_include -Werror=padded -c %s -o %t.plain.o 2> %t.plain-err
// RUN: not %cawait-cc -std=gnu11 -Werror=padded -c %s -o %t.o 2> %t.ours-err
// RUN: diff %t.plain-err %t.ours-err
#include <cawait.h>

struct by_value { char c; long l; };      // laid out by a sync call's ABI
struct via_ptr { char c; long l; };       // only codegen's member access
struct in_async { char c; double d; };    // a local of an async function
struct kept { short s; long long x; };    // kept across an await
struct sized { char c; int i; };          // sizeof in a constant: Sema
struct bits { char c; int b : 3; char e; }; // bit-field padding
struct __attribute__((packed)) tight { char c; int a; }; // not unnecessary
struct never { char c; long l; };         // never laid out: no warning

struct never *never_used;

long take(struct by_value v) { return v.c + v.l; }

long peek(struct via_ptr *p) { return p->l; }

async int leaf(int v) {
  await(ca_yield());
  return v;
}

async int user(int n) {
  struct in_async a;
  struct kept k;
  struct local { char c; int i; } loc; // hoisted: kept
  a.d = 2.0;
  k.x = 4;
  loc.i = 6;
  int r = await(leaf(n));
  return (int)a.d + (int)k.x + loc.i + r;
}

static char table[sizeof(struct sized)];

int sync_user(void) {
  struct bits b;
  struct tight t;
  b.b = 2;
  t.a = 1;
  return b.b + t.a + table[0] + ca_block_on(user(1));
}
// Plain clang's order: code generation of take, peek and user (its locals,
// the hoisted one by the user's name), then table's sizeof in the parse,
// then sync_user's locals; never and the frames give nothing.
// CHECK: {{^.*}}layout-warnings.c:19:32: warning: padding struct 'struct by_value' with 7 bytes to align 'l' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:20:31: warning: padding struct 'struct via_ptr' with 7 bytes to align 'l' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:22:34: warning: padding struct 'struct kept' with 6 bytes to align 'x' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:42:30: warning: padding struct 'struct local' with 3 bytes to align 'i' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:21:34: warning: padding struct 'struct in_async' with 7 bytes to align 'd' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:23:28: warning: padding struct 'struct sized' with 3 bytes to align 'i' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:24:39: warning: padding struct 'struct bits' with 5 bits to align 'e' [-Wpadded]
// CHECK: {{^.*}}layout-warnings.c:24:8: warning: padding size of 'struct bits' with 1 byte to alignment boundary [-Wpadded]
// CHECK-NOT: warning:
// CHECK: 8 warnings generated.
