// RUN: %differential %s %t | FileCheck %s
/* cawait fuzz repro (seed 343): compile error in the plugin build
 *   error: call of async function 'leafq' is never awaited: write
 *   await(leafq(...)) inside an async function, ...
 * The if statement holds an await that must be normalized (`1 + await`)
 * and an unbraced else branch holding an await; the normalize pass prints the whole if
 * statement (`{ if (n) { ... } else ...; }` on one line) instead of
 * copying it around the changed part (braced else, or no await there: copied); the
 * printed `for (int i = await(leafq(0)); ...)` comes out as
 * `for (int i = (leafq(0)); ...)`: the await of a for-init declaration is
 * dropped (ForStmt's init DeclStmt is printed by StmtPrinter's
 * PrintRawDeclStmt, which does not go through the PrinterHelper that
 * handles DeclStmts).  See -fplugin-arg-cawait-emit-normalized=.
 * Plain build prints "11 2". */
#include <cawait.h>
#include <stdio.h>
async unsigned leafq(unsigned x) { await(ca_yield()); return x + 1; }
async unsigned top(int n) {
  unsigned s = 0;
  if (n) {
    s = 1 + await(leafq(0));
    for (int i = await(leafq(0)); i < 3; i++)
      s += (unsigned)i * 3u;
  } else
    s += await(leafq(1));
  return s;
}
int main(void) {
  printf("%u %u\n", ca_block_on(top(1)), ca_block_on(top(0)));
  return 0;
}

// CHECK: 11 2
// CHECK-NEXT: exit=0
