//===- SourceText.h - Expressions as the user wrote them ------------------===//
//
// The lowering re-writes only what must change in an expression (an await,
// a kept variable); everything else is the user's own tokens, copied from
// the file, so literal spellings (`'RIFF'`, `0x1p-3`, `u8"..."`) and the
// exact parenthesisation survive by construction. Where the tokens cannot
// be copied (a macro expansion, something below that must change) the
// expression is printed from the AST, and printLiteral covers the nodes
// clang's printer writes back as invalid C or with another meaning.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_SOURCETEXT_H
#define CAWAIT_PASSES_SOURCETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>

namespace cawait {

/// E's own tokens from the file it is written in, on one line (a single
/// space where the source had white space or a comment), or nullopt when
/// they cannot stand for E in the lowered text: E is not one piece of one
/// file, a preprocessor directive or a name that is a macro anywhere in
/// the translation unit is inside, E names a type declared inside a function
/// or one of its enumerators (the lowering may move and rename it), or it holds
/// a node whose meaning depends on where it is (`__func__`,
/// `__builtin_FUNCTION()`, `__builtin_COLUMN()`, a statement expression).
/// MustPrint is asked about every statement and expression inside E, those in
/// types (`typeof(x)`) included; true makes the copy fail.
std::optional<std::string>
sourceTokens(const clang::Expr *E, const clang::ASTContext &Ctx,
             llvm::function_ref<bool(const clang::Stmt *)> MustPrint);

/// Prints the nodes clang's printer gets wrong for the lowered text, and
/// returns true; false for any other node. Multi-character constants
/// (`'ab'`, printed as the invalid `'\U00006162'`) and wide ones outside
/// what a universal character name may denote are printed with hex
/// escapes, of the same type and value; `__builtin_FUNCTION()`,
/// `__builtin_LINE()`, `__builtin_COLUMN()` and the like are printed as
/// their value where the user wrote them; string literals without "??"
/// sequences C11 would read as trigraphs.
bool printLiteral(const clang::Stmt *S, llvm::raw_ostream &OS,
                  const clang::ASTContext &Ctx);

/// Text of E where C expects an assignment-expression (the right side of
/// `=`, an initializer, an argument): a comma operator at the top is put
/// in parentheses, so the whole expression is the value.
std::string assignmentOperand(const clang::Expr *E, std::string Text);

} // namespace cawait

#endif
