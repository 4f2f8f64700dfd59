//===- Liveness.h - Which variables an async function keeps in its frame -===//
//
// Input: a discovered AsyncFunction that Check accepted (no alloca,
// variable-length array or setjmp in a function that awaits). Output:
//   - AsyncFunction::Saved (and SavedIndex): the parameters the body uses,
//     every local that must survive a suspension, and every compound
//     literal whose block holds an await; each with its frame field name
//     and AddressEscapes (kept only because a pointer may reach it);
//   - AsyncFunction::HeldAcross: per await, the saved slots held there;
//   - AsyncFunction::HeldAtStart: what f__init stores (the unresumed state);
//   - AsyncFunction::Conflicts: per saved slot, the slots it may not share
//     bytes with (live at one point, or one written while the other is
//     live).
//   - SavedVar::InLocal: the kept variables poll holds in C locals between
//     suspends (KeptLocals.h).
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

/// Fills F.Saved, F.SavedIndex, F.HeldAcross, F.HeldAtStart, F.Conflicts
/// and each SavedVar's InLocal. Reports only internal errors
/// (DiagSink::internalError: no control-flow graph, a combinator missing
/// from it), cawait bugs, not the user's constructs: Check rejects every
/// class clang's CFG builder fails on.
void computeLiveness(AsyncFunction &F, clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
