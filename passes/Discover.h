//===- Discover.h - Find async functions, awaits and starts --------------===//
//
// Input: the analysis AST. Output: a Shape with every async function defined
// in the main file, its await sites (numbered in source order: the frame
// states; their form, statement, callee or branches), its Pending awaits,
// every ca_block_on / ca_spawn and the awaits that are calls of f__sync.
// Everything that cannot be lowered is reported to the DiagSink at the
// user's own location; the later passes run only when Discover reported no
// error. The work is done by MarkerVisitor (the walk over the translation
// unit and its diagnostics), MaySuspend, Classify and Pools; Discover runs
// them and fills the Shape.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_DISCOVER_H
#define CAWAIT_PASSES_DISCOVER_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
// What the passes found here before the split (the matchers of cawait.h's
// macros, macroNamedAt): include Markers.h or MacroNames.h instead.
#include "MacroNames.h"
#include "Markers.h"

namespace cawait {

[[nodiscard]] Shape discover(clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
