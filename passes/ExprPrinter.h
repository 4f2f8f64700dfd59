//===- ExprPrinter.h - The one expression printer of Normalize and Emit ---===//
//
// Takes an expression (or a local declaration) of the analysis AST; gives
// its text for the file that is parsed again: the normalized text
// (Normalize) or the lowered one (Emit). The user's own tokens are copied
// wherever nothing below must change (SourceText.h); otherwise clang's
// StmtPrinter prints it with this helper, which fixes what StmtPrinter
// writes wrong for C (literals, names that are also macros, `typeof(e)`
// and variable-length array types, scoped atomics) and asks the pass, a
// subclass, for the nodes it changes: Normalize's moved awaits and
// cawait.h's macros, Emit's kept variables, f__sync calls and starts.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_EXPRPRINTER_H
#define CAWAIT_PASSES_EXPRPRINTER_H

#include "Diag.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cawait {

/// What a printer cannot print, each (node, message) once (a node may be
/// printed more than once). With a DiagSink it reports at once (Emit, where
/// all is internal: Check reported the constructs before); without one it
/// collects (Normalize's limits, which Check asks for and reports).
class ReportOnce {
public:
  struct Report {
    clang::SourceLocation Loc;
    std::string Message;
    bool Internal = false; ///< a cawait bug (DiagSink::internalError)
  };
  explicit ReportOnce(DiagSink *Diags = nullptr) : Diags(Diags) {}
  /// A construct the printing pass cannot handle (Msg at Loc).
  void error(const void *Node, clang::SourceLocation Loc,
             const llvm::Twine &Msg) {
    add(Node, {Loc, Msg.str(), false});
  }
  /// What Check ruled out before, met all the same.
  void internalError(const void *Node, clang::SourceLocation Loc,
                     const llvm::Twine &Msg) {
    add(Node, {Loc, Msg.str(), true});
  }
  /// What was collected, in the order met.
  std::vector<Report> take() { return std::move(Collected); }

private:
  void add(const void *Node, Report R) {
    if (!Done.insert({Node, R.Message}).second)
      return;
    if (!Diags)
      Collected.push_back(std::move(R));
    else if (R.Internal)
      Diags->internalError(R.Loc, R.Message);
    else
      Diags->error(R.Loc, R.Message);
  }
  DiagSink *Diags;
  std::vector<Report> Collected;
  std::set<std::pair<const void *, std::string>> Done;
};

/// A PrinterHelper for StmtPrinter: copies tokens, applies the fixes every
/// printed expression needs, and the changes of the pass (the hooks).
class ExprPrinter : public clang::PrinterHelper {
public:
  bool handledStmt(clang::Stmt *S, llvm::raw_ostream &OS) final;

protected:
  /// NewLine: what StmtPrinter writes between statements.
  ExprPrinter(const clang::ASTContext &Ctx, const clang::PrintingPolicy &Policy,
              llvm::StringRef NewLine, clang::Preprocessor *PP,
              ReportOnce &Reports)
      : Ctx(Ctx), Policy(Policy), NewLine(NewLine), PP(PP), Reports(Reports) {}

  /// E printed as the pass prints an expression (a printer of its own).
  virtual std::string print(const clang::Expr *E) = 0;
  /// Whether S cannot be copied as written: asked about every node below
  /// an expression whose tokens would be copied.
  virtual bool mustPrint(const clang::Stmt *S) = 0;
  /// S as the pass already wrote it, asked first.
  virtual bool printReplaced(const clang::Stmt *S, llvm::raw_ostream &OS) {
    return false;
  }
  /// The nodes the pass changes, asked before the common fixes (Early) and
  /// after them.
  virtual bool printEarly(clang::Stmt *S, llvm::raw_ostream &OS) {
    return false;
  }
  virtual bool printLate(clang::Stmt *S, llvm::raw_ostream &OS) {
    return false;
  }

  /// T declaring Name, with `typeof(e)` and array sizes printed by print.
  std::string typeText(clang::QualType T, const std::string &Name);

  const clang::ASTContext &Ctx;
  const clang::PrintingPolicy &Policy;

private:
  /// A name that is also a macro where the text is parsed again.
  bool printMacroName(const clang::DeclRefExpr *DRE, llvm::raw_ostream &OS);
  bool printScopedAtomic(clang::AtomicExpr *AE, llvm::raw_ostream &OS);

  llvm::StringRef NewLine;
  clang::Preprocessor *PP;
  ReportOnce &Reports;
  const clang::Stmt *AtomicNoScope = nullptr;
};

/// The storage class and thread specifier of VD, as written
/// (`static _Thread_local `).
std::string storageText(const clang::VarDecl *VD);
/// VD's attributes, each after a space, for after its declarator; implicit
/// ones are left out, and `cleanup` when WithoutCleanup.
std::string attributeText(const clang::VarDecl *VD,
                          const clang::PrintingPolicy &Policy,
                          bool WithoutCleanup = false);
/// `_Static_assert(...);` and `__label__ l;`, which DeclPrinter prints the
/// C++ way or not at all, with Print for their expressions; nullopt for
/// other declarations.
std::optional<std::string>
printCDecl(const clang::Decl *D,
           llvm::function_ref<std::string(const clang::Expr *)> Print);

} // namespace cawait

#endif
