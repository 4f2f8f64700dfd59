//===- MacroNames.h - Names a re-print would turn into macro uses ---------===//
//
// Takes a name the printers (Emit, Normalize) write back as text and where
// it stood; gives what it turns into when that text is parsed again: a
// function-like macro of that name there is kept off by `(name)`; an
// object-like one cannot be (Check reports it, checkMacroNames).
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_MACRONAMES_H
#define CAWAIT_PASSES_MACRONAMES_H

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

namespace cawait {

enum class MacroUse { None, FunctionLike, ObjectLike };
/// What re-printing II at Loc gives. Without a preprocessor, any name that
/// was ever a macro is taken as a function-like one.
MacroUse macroNamedAt(clang::Preprocessor *PP, const clang::SourceManager &SM,
                      const clang::IdentifierInfo *II,
                      clang::SourceLocation Loc);

} // namespace cawait

#endif
