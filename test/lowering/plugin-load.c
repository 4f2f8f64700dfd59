// The plugin activates with -fplugin= alone (AddBeforeMainAction), and when
// loaded with -Xclang -load; the [[async]], [[cawait::async]] and
// __attribute__((async)) spellings all make a function async.
// RUN: %clang -fplugin=%plugin -I%cawait_include -std=c23 -fsyntax-only -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s 2>&1 | FileCheck %s
// RUN: %clang -Xclang -load -Xclang %plugin -I%cawait_include -std=c23 -fsyntax-only -Xclang -plugin-arg-cawait -Xclang frame-report -Rremark-backend-plugin %s 2>&1 | FileCheck %s
#define CA_NO_ASYNC_KEYWORD
#include <cawait.h>

// CHECK: plugin-load.c:[[@LINE+1]]:28: remark: frame of 'gnu':
__attribute__((async)) int gnu(void) { return 1; }
// CHECK: plugin-load.c:[[@LINE+1]]:15: remark: frame of 'c23':
[[async]] int c23(void) { return await(gnu()); }
// CHECK: plugin-load.c:[[@LINE+1]]:23: remark: frame of 'scoped':
[[cawait::async]] int scoped(void) { return await(c23()); }
