//===- Layout.h - Byte layout of every generated frame -------------------===//
//
// Input: Shape after liveness. Output: per AsyncFunction the offset of each
// saved variable, of the union of awaited sub-frames and of the state, and
// the frame's size and alignment, computed with the target's type sizes.
// Emit prints the struct in exactly this field order and asserts the size
// with _Static_assert, so the C compiler must agree with this pass.
//
// The union holds one sub-frame per await: only the awaited callee's frame
// is alive at a suspend point, so all of them share bytes. Saved variables
// each get their own bytes for now (overlapping them is a later step).
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_LAYOUT_H
#define CAWAIT_PASSES_LAYOUT_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"

namespace cawait {

/// The type of a saved variable's field: the declared type without `const`
/// (the frame assigns it), arrays keeping their element type.
clang::QualType frameFieldType(const SavedVar &SV, clang::ASTContext &Ctx);

/// Lays out every function of S, callees before callers. Await cycles must
/// have been rejected already.
void computeLayout(Shape &S, clang::ASTContext &Ctx, DiagSink &Diags);

/// Size and alignment of the frame of Callee (generated or hand-written).
std::pair<unsigned, unsigned> calleeFrameSize(const Shape &S,
                                              const clang::FunctionDecl *Callee,
                                              clang::ASTContext &Ctx);

} // namespace cawait

#endif
