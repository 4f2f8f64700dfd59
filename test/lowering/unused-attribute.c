// A static async function or generator marked unused (as the stream
// adapters of cawait/streams.h are) has its frame ABI marked unused too:
// a file that defines it and never calls or iterates it gets no
// -Wunused-function from the lowered text either (what cawait-gcc gives
// gcc). Without the attribute the ABI is not marked: plain clang warns
// about the user's function, and so does cawait-cc.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -Wall -Werror -fplugin-arg-cawait-lowered-warnings -fsyntax-only %s
// RUN: %cawait-gcc -std=gnu11 -Wall -Werror -c %s -o %t.o
#include <cawait.h>

__attribute__((unused)) static async gen int spare(ca_chan *c) {
  for (;;) {
    int v;
    int r = await(ca_chan_recv(c, &v));
    if (r != 0)
      break;
    yield(v);
  }
}

__attribute__((unused)) static async int helper(int x) {
  await(ca_yield());
  return x;
}

// CHECK-DAG: static __attribute__((unused)) void spare__init(struct spare__frame *ca__f, ca_chan *c)
// CHECK-DAG: static __attribute__((unused)) ca_poll spare__poll(struct spare__frame *ca__f, ca_context *ca__cx, int *ca__out)
// CHECK-DAG: static __attribute__((unused)) void spare__drop(struct spare__frame *ca__f)
// CHECK-DAG: static __attribute__((unused)) void helper__init(struct helper__frame *ca__f, int x)
// CHECK-DAG: static __attribute__((unused)) ca_poll helper__poll(struct helper__frame *ca__f, ca_context *ca__cx, int *ca__out)
// CHECK-DAG: static __attribute__((unused)) void helper__drop(struct helper__frame *ca__f)
