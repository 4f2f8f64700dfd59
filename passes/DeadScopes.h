//===- DeadScopes.h - Blocks that end a dead local's scope at an await ----===//
//
// Input: a block of an async function's body (its children as the emitter
// prints them) and the function's facts after liveness. Output: runs of its
// statements the emitter closes in a block of their own, so that the C
// locals of poll they declare are out of scope from the await that follows
// on (docs/design.md, "Dead locals out of scope").
//
// Why: a local that is not held across an await is an ordinary C local of
// poll whose value the resume never restores. Without optimization clang
// gives it one stack slot for its whole scope, so a debugger stopped after
// the await would show that slot's stale bytes (another task's, polled in
// between) as its value. Out of scope, it shows nothing.
//
// A run [Begin, End) ends right before a statement holding a suspend point
// and is the longest one whose declarations are no longer named: no
// reference to them (sizeof and typeof too) in the statements from End on,
// none held at an await there (its resume loads it by name). A statement
// that declares anything but variables (a tag, a typedef, an enumerator;
// also inside an expression: `sizeof(struct t {...})`), a variable with
// a cleanup (its block's end runs it), or holds a label (a goto back in
// would skip the block's entry) ends every run before it: closing the
// block earlier would change what the program means. Runs nest, never
// cross. Only runs that declare a C local of poll are returned.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_DEADSCOPES_H
#define CAWAIT_PASSES_DEADSCOPES_H

#include "Shape.h"
#include "clang/AST/Stmt.h"
#include <utility>
#include <vector>

namespace cawait {

/// Index ranges [first, second) of B's children, each to be printed in a
/// block of its own, in no particular order.
std::vector<std::pair<unsigned, unsigned>>
deadScopeRuns(const clang::CompoundStmt *B, const AsyncFunction &F);

} // namespace cawait

#endif
