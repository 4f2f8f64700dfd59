// f__drop of a frame that never ran calls the releases of its ca_owned
// parameters, the last first; f__init stores them even when the body never
// reads one; a frame that ran releases nothing (no case 0 without
// ca_owned).
// RUN: %cawait-cc -c -fplugin-arg-cawait-emit=%t.c %s -o %t.o && FileCheck %s --input-file=%t.c
#include <cawait.h>
#include <unistd.h>

static void free_name(const char *name) { (void)name; }

async void session(ca_owned(close) int fd, ca_owned(free_name) const char *name,
                   int plain) {
  await(ca_yield());
  (void)plain;
}

// CHECK-LABEL: void session__init(struct session__frame *ca__f, int fd, const char *name, int plain) {
// CHECK:         ca__f->fd = fd;
// CHECK:         ca__f->name = name;
// CHECK-LABEL: void session__drop(struct session__frame *ca__f) {
// CHECK:         switch (ca__f->ca__state) {
// CHECK-NEXT:  #line
// CHECK-NEXT:    case 0:
// CHECK-NEXT:  #line
// CHECK-NEXT:      free_name(ca__f->name);
// CHECK-NEXT:  #line
// CHECK-NEXT:      close(ca__f->fd);
// CHECK-NEXT:  #line
// CHECK-NEXT:      break;
// CHECK-NEXT:  #line
// CHECK-NEXT:    case 1:

async void unowned(int fd) { await(ca_yield()); (void)fd; }
// CHECK-LABEL: void unowned__drop(struct unowned__frame *ca__f) {
// CHECK-NOT:     case 0:
// CHECK:         case 1:
