//===- MaySuspend.h - Which async functions can suspend -------------------===//
//
// Takes the Shape's functions and the evaluated await markers the marker
// visitor found. Gives AsyncFunction::MaySuspend, a fixpoint over "awaits":
// a function can suspend when it awaits a combinator, a call through a
// pointer, a function not defined here (a leaf future, a body in another
// file) or one that can suspend, or holds a ca_for_await over a stream. The
// rest run to completion in their first poll, whoever awaits them: their
// awaiters call their f__sync.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_MAYSUSPEND_H
#define CAWAIT_PASSES_MAYSUSPEND_H

#include "MarkerVisitor.h"
#include "Shape.h"
#include <vector>

namespace cawait {

void computeMaySuspend(Shape &S, const std::vector<FoundMarker> &Markers,
                       const std::vector<FoundFor> &Fors,
                       const clang::ASTContext &Ctx);

} // namespace cawait

#endif
