//===- KeptLocals.h - Which kept variables live in locals of poll ---------===//
//
// Takes an AsyncFunction whose Saved and HeldAcross liveness has filled,
// and the variables whose address escapes (`&x` or an array's decay that
// may outlive its statement, Escape.h; a cleanup attribute). Gives
// SavedVar::InLocal: the kept variables the poll function declares as
// ordinary C locals, under their own names at their own places
// (parameters at the top of the body), stored into their frame fields at
// each await that holds them and loaded back after it (docs/design.md,
// "Kept variables in locals between suspend points"). A variable
// qualifies when:
//   - no pointer to it outlives a statement (the frame copy is stale
//     between suspends; a pointer given only to a call that keeps none
//     points to the local, which is right);
//   - `=` can store its whole value: no array, no variably modified type,
//     not const and no const member (a resume assigns it); a struct or
//     union of at most 64 bytes (every await that holds it copies it);
//   - at every await that holds it, its name means it: declared in a block
//     enclosing the await, before it, and not shadowed there by another
//     declaration of the same name (variable, function, typedef name or
//     enumerator), since the resume's load names it.
// A `register` variable that would be copied as bytes (below) stays in
// the frame too (C forbids its address). The others stay in the frame,
// read and written there as before. Also
// SavedVar::InitOnly: the parameters among them that f__init stores and the
// body never writes (awaits load them, never store them), and
// SavedVar::CopyBytes: those whose value may be indeterminate at an await,
// copied as bytes.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_KEPTLOCALS_H
#define CAWAIT_PASSES_KEPTLOCALS_H

#include "Shape.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace cawait {

/// Whether E assigns, increments or decrements VD (or a member of it), an
/// asm statement in it outputs to it, or E takes its address (a call that
/// keeps no pointer, Escape.h, may write through it). For a variable no
/// pointer reaches past its statement, nothing else in E can write it.
bool writesVar(const clang::Expr *E, const clang::VarDecl *VD);

/// Referenced: the variables the body names (a parameter kept only for
/// ca_owned's release is not declared in poll). DeclOf: the declaration
/// statement of each local, as liveness found it.
void markInLocals(
    AsyncFunction &F,
    const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Taken,
    const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Referenced,
    clang::ParentMap &PM,
    const llvm::DenseMap<const clang::VarDecl *, const clang::DeclStmt *>
        &DeclOf);

} // namespace cawait

#endif
