/* generator.c - generators in a program built without the plugin.
 *
 * A generator (`gen T f(...)`, `yield(e)`, `ca_for (T v, f(...))`) has no
 * synchronous meaning: built without the plugin, the program compiles and
 * these abort with a message naming the generator. With the plugin none of
 * them is ever called (the lowering replaces every ca_for and yield).
 */
#include "internal.h"
#include <string.h>

void ca__for_unlowered(const char *call) {
  /* `count(10)`: the generator's name is what precedes the parenthesis. */
  size_t n = strcspn(call, "( \t\n");
  ca__die("generator '%.*s' run without the cawait plugin: a generator has "
          "no synchronous meaning; build with cawait-cc (or -fplugin=cawait.so)",
          (int)n, call);
}

void ca__gen_unlowered(const char *function) {
  ca__die("generator '%s' run without the cawait plugin: a generator has no "
          "synchronous meaning; build with cawait-cc (or -fplugin=cawait.so)",
          function);
}

void *ca__gen_slot(void) {
  ca__die("ca__gen_slot is never called");
}

int ca__gen_next(const volatile void *frame) {
  (void)frame;
  ca__die("ca__gen_next is never called");
}
