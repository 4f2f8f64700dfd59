//===- Layout.h - Byte layout of every generated frame -------------------===//
//
// Input: Shape after liveness (saved slots, what each await holds, which
// slots interfere) and its callees-first order (CallOrder.h). Output: per
// AsyncFunction a fixed byte offset for each slot (saved variables and
// literals, the awaited sub-frame of each await, the state discriminant), the
// frame's size and alignment from the target's type sizes, and for the report
// the lower bound (heaviest suspend point plus the discriminant) and the size
// without any overlap.
//
// Slots that never interfere share bytes whatever their types: a sub-frame
// conflicts only with what is held across its own await, sub-frames of
// different awaits never meet, the state conflicts with everything. Emit
// prints the frame as a union of padded single-member structs at exactly
// these offsets and asserts them with _Static_assert, so the C compiler
// must agree with this pass.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_LAYOUT_H
#define CAWAIT_PASSES_LAYOUT_H

#include "Shape.h"
#include "clang/AST/ASTContext.h"

namespace cawait {

/// The type of a saved variable's field: the declared type without `const`
/// (the frame assigns it), arrays keeping their element type. A type that
/// writes `typeof (e)` anywhere is the type e has (e may name the
/// function's locals, which the frame cannot see).
clang::QualType frameFieldType(const SavedVar &SV, clang::ASTContext &Ctx);

/// Lays out every function of S in S.CalleesFirst order (a frame embeds
/// its callees' frames; CallOrder.h). Await cycles must have been rejected
/// already.
void computeLayout(Shape &S, clang::ASTContext &Ctx);

/// Size and alignment of the frame of Callee (generated or hand-written).
std::pair<unsigned, unsigned> calleeFrameSize(const Shape &S,
                                              const clang::FunctionDecl *Callee,
                                              clang::ASTContext &Ctx);

/// The alignment of max_align_t: what a budget's bytes are aligned to.
unsigned maxFrameAlign(clang::ASTContext &Ctx);

/// Size and alignment of the storage an await through an async function
/// pointer keeps (CA__IN_PLACE(budget) or ca__boxed_call).
std::pair<unsigned, unsigned> indirectStorageSize(bool Boxed, unsigned Budget,
                                                  clang::ASTContext &Ctx);
/// ... and of a combinator branch's: its callee's frame, or that storage.
std::pair<unsigned, unsigned> branchStorageSize(const Shape &S, const Branch &B,
                                                clang::ASTContext &Ctx);

/// `ca__combinator` of cawait.h: the head of a combinator's storage.
clang::QualType combinatorHeadType(clang::ASTContext &Ctx);

} // namespace cawait

#endif
