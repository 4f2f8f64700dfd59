//===- Discover.h - Find async functions, awaits and starts --------------===//
//
// Input: the analysis AST. Output: a Shape with every async function defined
// in the main file, its await sites (numbered in source order: the frame
// states; their form, statement, callee or branches), its Pending awaits,
// every ca_block_on / ca_spawn and the awaits that are calls of f__sync.
// The work is done by MarkerVisitor (the walk over the translation unit,
// which reports the misuse of cawait.h's markers), MaySuspend, Classify and
// Pools; Discover runs them and fills the Shape. What else cannot be
// lowered is reported by Check (Check.h), which runs next.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_DISCOVER_H
#define CAWAIT_PASSES_DISCOVER_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"
// What the passes found here before the split (the matchers of cawait.h's
// macros, macroNamedAt): include Markers.h or MacroNames.h instead.
#include "MacroNames.h"
#include "Markers.h"

namespace cawait {

[[nodiscard]] Shape discover(clang::ASTContext &Ctx, DiagSink &Diags);

/// Calls Use for every frame the lowering embeds or starts, with where it
/// is used: each await's callee or combinator branches, each spawn (per
/// function), each start outside async code, each task pool's function.
void forEachFrameUse(
    const Shape &S,
    llvm::function_ref<void(const clang::FunctionDecl *, clang::SourceLocation)>
        Use);

} // namespace cawait

#endif
