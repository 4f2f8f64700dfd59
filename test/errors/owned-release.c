// ca_owned(release) needs a function declared at file scope before the
// async function, of one parameter of the parameter's type (a pointer may
// go to a void * or a more qualified one), and only an async function's
// parameter can be owned. Each error is at the parameter.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

void close_fd(int fd);
void close_two(int a, int b);
void free_any(const void *p);
void free_long(long *p);
int not_a_function;

// CHECK: owned-release.c:[[@LINE+1]]:40: error: 'close_two' cannot release 'fd': ca_owned needs a function of one parameter of type 'int'
async void two(ca_owned(close_two) int fd) { await(ca_yield()); (void)fd; }
// CHECK: owned-release.c:[[@LINE+1]]:43: error: 'free_long' cannot release 'p': ca_owned needs a function of one parameter of type 'int *'
async void wrong(ca_owned(free_long) int *p) { await(ca_yield()); (void)p; }
// CHECK: owned-release.c:[[@LINE+1]]:45: error: ca_owned(not_a_function) of 'fd' names no function declared at file scope before 'var'
async void var(ca_owned(not_a_function) int fd) { await(ca_yield()); (void)fd; }
// CHECK: owned-release.c:[[@LINE+1]]:42: error: ca_owned(close_late) of 'fd' names no function declared at file scope before 'late'
async void late(ca_owned(close_late) int fd) { await(ca_yield()); (void)fd; }
void close_late(int fd);
// Accepted: a pointer to void, more qualified.
async void fine(ca_owned(free_any) char *p, ca_owned(close_fd) const int fd) {
  await(ca_yield());
  (void)p, (void)fd;
}

// CHECK: owned-release.c:[[@LINE+1]]:35: error: ca_owned on a parameter of 'plain', which is not async: only an async function's frame can be dropped before it runs
void plain(ca_owned(close_fd) int fd) { (void)fd; }
