//===- Owned.h - The ca_owned parameters, checked ------------------------===//
//
// Takes the Shape (AsyncFunction::Owned, found by discover) and the
// translation unit; reports, at the release or the parameter, a release
// that is not a function of one parameter of the parameter's type, and
// ca_owned on a parameter of a function that is not async (nothing drops
// such a frame before it runs). Part of the Check stage.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_OWNED_H
#define CAWAIT_PASSES_OWNED_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"

namespace cawait {

void checkOwned(const Shape &S, clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
