// Types declared inside an async function that its frame needs move to
// file scope, just before the frame, under names of the function's own
// (`f__ca__...` is reserved beside an async function f; a second local
// struct node in f, in an inner block, gets `_2`); the body no longer
// declares them and names them by their new names: variables, casts,
// sizeof, _Alignof, compound literals, enumerators in case labels. A local
// type no frame needs stays in the body. The file-scope struct node is
// untouched.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

struct node { double weight; };

async int f(int n) {
  struct node { int v; struct node *next; };
  enum mode { IDLE, BUSY };
  struct scratch { int tmp; } s = {n};
  struct node a = {s.tmp, 0};
  enum mode m = BUSY;
  {
    struct node { char c; } inner = {'i'};
    await(ca_yield());
    m = inner.c == 'i' ? m : IDLE;
  }
  switch (m) {
  case BUSY:
    return a.v + (int)sizeof(struct node) + ((struct node *)&a)->v;
  case IDLE:
    break;
  }
  return (int)_Alignof(struct node);
}

async int g(void) {
  struct node { long w; } x = {2};
  await(ca_yield());
  return (int)x.w;
}

// CHECK:      struct node { double weight; };
// CHECK:      struct f__frame;
// CHECK:      struct f__ca__local_node;
// CHECK-NEXT: struct f__ca__local_node_2;
// CHECK-NEXT: struct f__ca__local_node {
// CHECK-NEXT:     int v;
// CHECK-NEXT:     struct f__ca__local_node *next;
// CHECK-NEXT: };
// CHECK-NEXT: enum f__ca__local_mode {
// CHECK-NEXT:     f__ca__local_IDLE,
// CHECK-NEXT:     f__ca__local_BUSY
// CHECK-NEXT: };
// CHECK-NEXT: struct f__ca__local_node_2 {
// CHECK-NEXT:     char c;
// CHECK-NEXT: };
// CHECK-NEXT: struct f__frame {
// CHECK:      struct { {{.*}}struct f__ca__local_node a; };
// CHECK:      struct { {{.*}}enum f__ca__local_mode m; };
// CHECK:      struct { {{.*}}struct f__ca__local_node_2 inner; };
// CHECK:      ca_poll f__poll(
// CHECK-NOT:  struct node {
// CHECK-NOT:  enum mode {
// CHECK:        struct scratch {
// CHECK-NEXT:     int tmp;
// CHECK-NEXT:   } s = {n};
// CHECK-NEXT:   struct f__ca__local_node a = {s.tmp, 0};
// CHECK-NEXT:   enum f__ca__local_mode m = f__ca__local_BUSY;
// CHECK-NEXT:   {
// CHECK-NEXT:     struct f__ca__local_node_2 inner = {'i'};
// CHECK:            a = ca__f->a;
// CHECK-NEXT:       __builtin_memcpy(&m, &ca__f->m, sizeof(m));
// CHECK-NEXT:       inner = ca__f->inner;
// CHECK:          m = inner.c == 'i' ? m : f__ca__local_IDLE;
// CHECK:        case f__ca__local_BUSY:
// CHECK-NEXT:   {
// CHECK-NEXT:     *ca__out = a.v + (int)sizeof(struct f__ca__local_node) + ((struct f__ca__local_node *)&a)->v;
// CHECK:        case f__ca__local_IDLE:
// CHECK:        *ca__out = (int)_Alignof(struct f__ca__local_node);
// CHECK:      void f__drop(
// CHECK:      struct g__ca__local_node;
// CHECK-NEXT: struct g__ca__local_node {
// CHECK-NEXT:     long w;
// CHECK-NEXT: };
// CHECK-NEXT: struct g__frame {
// CHECK:      struct { struct g__ca__local_node x; };
// CHECK:      ca_poll g__poll(
// CHECK-NOT:  struct node
// CHECK:        struct g__ca__local_node x = {2};
