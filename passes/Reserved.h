//===- Reserved.h - User names that the lowered code would collide with --===//
//
// Input: the analysis AST of the user's own text (not the normalized one,
// whose `ca__eN` temporaries are cawait's) and its Shape. Output: a located
// error at each declaration or macro of the main file whose name the
// lowered code uses for itself: every name beginning with `ca__`, and
// `f__init`, `f__poll`, `f__drop`, `f__frame`, `f__sync`, `f__ops`, ... and
// `f__ca__*` beside an async function f defined in the file (what starting
// a function declared only, its budget, or a task pool generates too);
// prototypes of those functions and `struct f__frame;` are the frame ABI,
// which code may declare by hand.
// The generated code would otherwise fail to compile at lines the user
// never wrote, or, worse, silently refer to the user's name. One of Check's
// checks: checkUnsupported (Check.h) runs it, and nothing else does.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_RESERVED_H
#define CAWAIT_PASSES_RESERVED_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"

namespace cawait {

void checkReservedNames(clang::ASTContext &Ctx, const Shape &S, DiagSink &Diags,
                        clang::Preprocessor *PP);

} // namespace cawait

#endif
