// -fplugin-arg-cawait-frame-report shows its remarks unless the command
// line turns them off with -Rno-remark-backend-plugin or -Rno-everything,
// the last -R flag deciding (issue 16, item 13).
// RUN: %cawait-cc -std=gnu11 -fplugin-arg-cawait-frame-report -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=SHOWN
// RUN: %cawait-cc -std=gnu11 -fplugin-arg-cawait-frame-report -Rno-remark-backend-plugin -c %s -o %t.o 2>&1 | count 0
// RUN: %cawait-cc -std=gnu11 -fplugin-arg-cawait-frame-report -Rno-everything -c %s -o %t.o 2>&1 | count 0
// RUN: %cawait-cc -std=gnu11 -fplugin-arg-cawait-frame-report -Rno-remark-backend-plugin -Rremark-backend-plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=SHOWN
#include <cawait.h>

async int get(int a) { await(ca_yield()); return a; }

// SHOWN: remark-flags.c:10:11: remark: frame of 'get': {{[0-9]+}} bytes
