//===- TypeText.h - Types printed so that C parses them back -------------===//
//
// TypePrinter writes `typeof (e)`, which is no keyword in -std=c11, and
// prints e, and the size of a variable-length array type, without the
// caller's PrinterHelper. Emit and Normalize print such types through
// declareWithTypeof, with their own expression printer.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_TYPETEXT_H
#define CAWAIT_PASSES_TYPETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class EmbedExpr;
class SourceLocExpr;
} // namespace clang

namespace cawait {

/// T declaring Name (`int (*name)[3]`), as TypePrinter writes it, except
/// for the element of an array va_list (x86-64's `struct __va_list_tag`),
/// which C cannot name (written, it would declare another struct): a
/// va_list parameter's decayed type prints as
/// `__typeof__(**(__builtin_va_list *)0) *ap`.
std::string printType(clang::QualType T, const std::string &Name,
                      const clang::PrintingPolicy &Policy);

/// Whether T, as written, contains `typeof(expression)` or the size
/// expression of a variable-length array (`sizeof(int[n])`), outside
/// typedefs, which are declared elsewhere.
bool containsTypeofExpr(clang::QualType T);

/// T declaring Name (`int (*name)[3]`), with every `typeof(e)` written
/// `__typeof__(PrintExpr(e))` and every array size `[n]` `[PrintExpr(n)]`.
std::string declareWithTypeof(
    clang::QualType T, const std::string &Name,
    const clang::PrintingPolicy &Policy,
    llvm::function_ref<std::string(const clang::Expr *)> PrintExpr);

/// Whether T, printed, writes an unnamed struct, union or enum that no
/// typedef names (through pointers, arrays, functions, sugar): TypePrinter
/// writes it `struct (unnamed struct at FILE:L:C)`, which no C parses.
bool namesUnnamedTag(clang::QualType T);

/// Whether the expression S, printed, writes such a type itself: a cast,
/// compound literal, sizeof or _Alignof of a type, offsetof, va_arg,
/// __builtin_convertvector, a type trait or a _Generic association.
bool writesUnnamedType(const clang::Stmt *S);

/// T declaring Name, T built on the unnamed struct, union or enum Tag
/// (through pointers, arrays and functions), with Tag written as Base: the
/// later declarators of `struct {...} s, *ps, a[2];` are printed one by one,
/// and only the first can define the tag (`__typeof__(s) *ps`). nullopt if
/// T does not reach Tag that way.
std::optional<std::string>
declareOverTag(clang::QualType T, const clang::TagDecl *Tag,
               const std::string &Name, const std::string &Base,
               const clang::PrintingPolicy &Policy,
               llvm::function_ref<std::string(const clang::Expr *)> PrintExpr);

/// An expression of type Tag made from Value, an lvalue of type T built on
/// it through pointers, arrays and functions (`*p`, `a[0][0]`,
/// `(*fp)(*(int *)0)`), for `__typeof__`, which never evaluates it; nullopt
/// when T does not reach Tag.
std::optional<std::string> tagValueOf(clang::QualType T,
                                      const clang::TagDecl *Tag,
                                      std::string Value,
                                      const clang::PrintingPolicy &Policy);

/// T rewritten so that its text names only declarations visible at At (a
/// location in the translation unit where a declaration is inserted):
/// a typedef declared later is replaced by what it stands for, an enum
/// declared later by its integer type (compatible with it). A struct or
/// union whose tag is first declared later is kept and added to Forward:
/// the caller declares `struct s;` before the text.
clang::QualType
visibleTypeAt(clang::QualType T, clang::SourceLocation At,
              clang::ASTContext &Ctx,
              llvm::SmallVectorImpl<const clang::TagDecl *> &Forward);

/// An expression whose printed form names a type (a compound literal,
/// va_arg, __builtin_convertvector, __builtin_bit_cast, offsetof, a type
/// trait, _Generic) printed with its types through declareWithTypeof, when
/// one of them holds `typeof(e)` or a variable-length array size; nullopt
/// otherwise (or for other expressions).
std::optional<std::string>
printWithTypes(const clang::Expr *E, const clang::PrintingPolicy &Policy,
               llvm::function_ref<std::string(const clang::Expr *)> PrintExpr);

/// The `#embed` of an initializer list as written (its syntactic form)
/// written back as a directive that gives the same data: the user's file
/// name and `clang::offset`, and a `__limit__` of the data's size, on a line
/// of its own ("\n#embed ...\n"). clang's printer cannot print it, and the
/// integers it stands for depend on where clang expands it. Empty if the
/// directive cannot be read.
std::string embedDirective(const clang::EmbedExpr *E,
                           const clang::SourceManager &SM,
                           const clang::LangOptions &LO);

/// Respells every `_Alignas(x)` / `alignas(x)` on a member or variable of
/// Ctx's translation unit as `__attribute__((aligned(N)))`, N the alignment
/// it gives in bytes (`_Alignas(0)`, which does nothing, is dropped).
/// DeclPrinter writes a member's attributes after its declarator, and
/// `char c _Alignas(8);` is no C; the GNU attribute means the same there.
/// A constant also stays right where the operand named a local type or
/// variable the lowering renames or moves. Run once, before any printing
/// (the analysis AST is not used for anything else afterwards).
void respellAlignas(clang::ASTContext &Ctx);

} // namespace cawait

#endif
