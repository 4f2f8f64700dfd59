//===- Classify.h - Number the suspend points of an async function --------===//
//
// Takes one async function of a Shape whose MaySuspend facts are final
// (MaySuspend.h). Walks its statements and gives its AwaitSites: the
// awaits in a position the lowering suspends at (a statement of their own,
// an initializer, the right side of an assignment, a return value), in
// source order (State = index + 1), each with its form, the statement it
// is the whole of, its callee (or pointer and budget) or combinator
// branches. An await of a function that never suspends is no suspend
// point (it is a call of f__sync). Awaits elsewhere are left to Discover,
// which makes them Pending for the normalize pass. Reports nothing: what
// it skips (a call through an async function pointer that has no room for
// the callee's frame, ...) the marker visitor reported.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_CLASSIFY_H
#define CAWAIT_PASSES_CLASSIFY_H

#include "Shape.h"
#include "clang/AST/ASTContext.h"

namespace cawait {

/// Fills F.Awaits, F.AwaitOfMarker and F.AwaitOfStatement.
void classifyAwaits(AsyncFunction &F, const Shape &S, clang::ASTContext &Ctx);

} // namespace cawait

#endif
