//===- Liveness.h - Which variables an async function keeps in its frame -===//
//
// Input: a discovered AsyncFunction. Output: AsyncFunction::Saved (the
// parameters the body uses, and every local that must survive a suspension)
// and AsyncFunction::HeldAcross (per await, the saved variables held there).
//
// A local is kept across an await when its value may be read after the
// await resumes (backward may-liveness on clang::CFG, with the point right
// after the awaited call as the suspend point), or when its address escapes
// and the await lies inside the block that owns its storage: C lets a
// pointer to it be used anywhere in that block.
//
// Parameters are always kept when used: f__init stores them and runs no
// code, so they must reach the first poll.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_LIVENESS_H
#define CAWAIT_PASSES_LIVENESS_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"

namespace cawait {

/// Fills F.Saved and F.HeldAcross. Reports constructs whose storage cannot
/// live in a fixed-size frame.
void computeLiveness(AsyncFunction &F, clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
