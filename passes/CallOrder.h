//===- CallOrder.h - Async functions, callees first ----------------------===//
//
// Input: a discovered Shape (its functions and their awaits). Output:
// Shape::CalleesFirst, the one callees-first order of the file's async
// functions, and Shape::AwaitCycles, every await that closes a cycle.
// Computed once, the one callees-first walk of the passes: Check reports
// the cycles, Layout sizes frames in this order (a frame embeds its
// callees' frames), Placement walks it backwards (callers first) to move
// callee frames up, and Splice emits the frame structs in it.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_CALLORDER_H
#define CAWAIT_PASSES_CALLORDER_H

#include "Shape.h"

namespace cawait {

/// Fills S.CalleesFirst and S.AwaitCycles from S.Functions' awaits.
void computeCallOrder(Shape &S);

} // namespace cawait

#endif
