// The -Wmissing-prototypes note's fix-it inserts `static` before a `const`
// that begins the declaration: plain clang's declaration begins after
// cawait.h's attribute macros (empty there), so does the analysis parse's
// (it used to insert it before `int`, after the `const`). Byte for byte with
// plain clang, with the parseable fix-its.
// RUN: %clang -std=gnu11 -I %cawait_include -Wmissing-prototypes -fdiagnostics-parseable-fixits -c %s -o %t.plain.o 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Wmissing-prototypes -fdiagnostics-parseable-fixits -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s < %t.ours
#include <cawait.h>

async const int one(void) {
  await(ca_yield());
  return 1;
}
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-4]]:7-[[#@LINE-4]]:7}:"static "

async const char *name(int i) { return i ? "a" : "b"; }
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-1]]:7-[[#@LINE-1]]:7}:"static "

CA_ASYNC  const   int spaced(void) { return await(one()); }
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-1]]:11-[[#@LINE-1]]:11}:"static "

async_budget(256) const int budgeted(void) { return 2; }
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-1]]:19-[[#@LINE-1]]:19}:"static "

async int plain(void) { return await(one()); }
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-1]]:7-[[#@LINE-1]]:7}:"static "

const async int after(void) { return 3; }
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-1]]:1-[[#@LINE-1]]:1}:"static "

const int sync_one(void) { return 4; }
// CHECK: fix-it:"{{.*}}missing-prototypes-const.c":{[[#@LINE-1]]:1-[[#@LINE-1]]:1}:"static "

int main(void) { return ca_block_on(one()) + *ca_block_on(name(0)) - 'b' - 1; }
