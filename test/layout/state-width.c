// The state discriminant takes one byte up to 254 suspend points (states
// 0 unresumed, 1 to 254, 255 returned), two bytes from 255 on.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

#define Y1 await(ca_yield());
#define Y4 Y1 Y1 Y1 Y1
#define Y16 Y4 Y4 Y4 Y4
#define Y64 Y16 Y16 Y16 Y16

async void narrow(void) {
  Y64 Y64 Y64 Y16 Y16 Y16 Y4 Y4 Y4 Y1 Y1
}

async void wide(void) {
  Y64 Y64 Y64 Y16 Y16 Y16 Y4 Y4 Y4 Y1 Y1 Y1
}

// CHECK:      === layout
// CHECK-NEXT: async 'narrow' at [[FILE]]:11:12: size 2, align 1, lower bound 2, without overlap 255
// CHECK-NEXT:   await 1 frame of 'ca_yield': offset 0, size 1, align 1
// CHECK:        await 254 frame of 'ca_yield': offset 0, size 1, align 1
// CHECK-NEXT:   state: offset 1, size 1, align 1
// CHECK-NEXT: async 'wide' at [[FILE]]:15:12: size 4, align 2, lower bound 3, without overlap 258
// CHECK-NEXT:   await 1 frame of 'ca_yield': offset 2, size 1, align 1
// CHECK:        await 255 frame of 'ca_yield': offset 2, size 1, align 1
// CHECK-NEXT:   state: offset 0, size 2, align 2
// CHECK-EMPTY:
