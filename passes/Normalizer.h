//===- Normalizer.h - Normalizing one async function
//------------------------===//
//
// Private to the Normalize*.cpp files. FunctionNormalizer takes one async
// function with pending awaits (Shape: AsyncFunction::Pending) and writes
// its body into a TextBuilder, statement by statement: a statement with
// nothing to change is copied verbatim (NormalizeStmts.cpp); one whose
// expressions hold awaits is generated: each expression is split into a
// Prelude (the awaits, each into a fresh `ca__eN`, and the `if`s that keep
// && || ?: lazy) and a residual expression printed with those awaits
// replaced by their results (NormalizeExpr.cpp, through the shared
// ExprPrinter); declarations keep their text around the initializers they
// rewrite, or are split per declarator (NormalizeDecls.cpp). What it
// cannot rewrite goes to a ReportOnce, with where and why: Check runs the
// walk first for these alone (normalizeLimits) and reports them.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_NORMALIZER_H
#define CAWAIT_PASSES_NORMALIZER_H

#include "ExprPrinter.h"
#include "Markers.h"
#include "NormalizeText.h"
#include "Shape.h"
#include "TypeText.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>

namespace cawait {
namespace normalizer {

using namespace clang;
using llvm::raw_ostream;

class FunctionNormalizer;

/// Prints expressions with the awaits already moved replaced by their
/// results, and the cawait.h markers as the macros the user wrote.
class NormalizePrinter : public ExprPrinter {
public:
  explicit NormalizePrinter(FunctionNormalizer &N);

private:
  std::string print(const Expr *E) override;
  bool mustPrint(const Stmt *S) override;
  bool printReplaced(const Stmt *S, raw_ostream &OS) override;
  bool printEarly(Stmt *S, raw_ostream &OS) override;
  bool printLate(Stmt *S, raw_ostream &OS) override;

  FunctionNormalizer &N;
};

class FunctionNormalizer {
public:
  FunctionNormalizer(ASTContext &Ctx, ReportOnce &Reports,
                     const AsyncFunction &F, Preprocessor *PP)
      : Ctx(Ctx), PP(PP), Reports(Reports), SM(Ctx.getSourceManager()), F(F),
        Policy(Ctx.getLangOpts()) {
    Policy.IncludeNewlines = false;
    for (const Expr *M : F.Pending)
      Pending.insert(M);
    for (const AwaitSite &A : F.Awaits)
      if (A.hasSubFrame()) // not a yield (its value may await), nor a loop
        Evaluated.insert(A.Marker);
    for (const Expr *M : F.Pending)
      Evaluated.insert(M);
  }

  void run(TextBuilder &B, bool Printed) {
    findContinueTargets(F.Decl->getBody());
    emit(F.Decl->getBody(), B, Printed);
  }

  // Used by the printer.
  llvm::DenseMap<const Stmt *, std::string> Replaced;
  std::string print(const Stmt *S);
  ASTContext &Ctx;
  Preprocessor *PP;
  /// What cannot be rewritten (normalizeLimits), once per node.
  ReportOnce &Reports;

  void reportEmbed(const EmbedExpr *EE) {
    Reports.error(EE, EE->getBeginLoc(),
                  "#embed in a statement that holds an await inside an "
                  "expression cannot be lowered; await into a variable in a "
                  "statement of its own before it");
  }
  const PrintingPolicy &policy() const { return Policy; }

private:
  // ---- Facts about the body ----------------------------------------------

  /// An await that runs (discover leaves out those in sizeof, typeof and
  /// the like, which C never evaluates: they stay as they are).
  bool isAwait(const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    return E && Evaluated.count(E);
  }
  /// Whether S contains an await that runs.
  bool hasAwait(const Stmt *S) {
    return S &&
           containsAwait(
               S, Ctx, [&](const Expr *E) { return isAwait(E); }, &HasAwait);
  }
  /// Whether S must be re-written: it holds a pending await or a
  /// `continue` whose loop moves its increment.
  bool dirty(const Stmt *S);

  /// Loops whose increment or do-while condition moves to the end of the
  /// body get a label there; their `continue`s jump to it.
  void findContinueTargets(const Stmt *S);
  /// False when there is no such continue (and no label is needed).
  bool markContinues(const Stmt *S, const std::string &Label);
  std::string labelOf(const Stmt *Loop) {
    auto It = LoopLabel.find(Loop);
    return It == LoopLabel.end() ? " " : " " + It->second + ": ; ";
  }
  bool forNeedsRewrite(const ForStmt *For);

  // ---- Source extents ----------------------------------------------------

  struct Extent {
    unsigned B = 0, E = 0;
    bool Valid = false;
  };
  unsigned fileOffset(SourceLocation L) { return SM.getFileOffset(L); }
  /// The main-file bytes S occupies, its closing `;` included.
  Extent extentOf(const Stmt *S);
  /// Statements whose source range stops before their `;`.
  bool endsBeforeSemicolon(const Stmt *S);
  unsigned anchor(const Stmt *S);
  bool fromMacro(const Stmt *S) {
    return S->getBeginLoc().isMacroID() || S->getEndLoc().isMacroID();
  }

  // ---- Statements --------------------------------------------------------

  /// Writes S. Printed: S is part of a macro expansion or of a statement
  /// expression: nothing below it can be copied from the file.
  void emit(const Stmt *S, TextBuilder &B, bool Printed);

  void emitDirty(const Stmt *S, Extent X, TextBuilder &B, bool Printed,
                 bool Copyable);

  /// Copies S around its sub-statements Kids, which are emitted in place.
  /// False (nothing written) when the pieces are not in order in the file.
  bool copyAround(const Stmt *S, Extent X, llvm::ArrayRef<const Stmt *> Kids,
                  TextBuilder &B);

  void declStmt(const DeclStmt *DS, TextBuilder &B, bool Copyable);
  /// The first `,` after Loc outside parentheses (a declarator may end
  /// with attributes: `int c[2] __attribute__((unused)), d`).
  std::optional<Token> nextCommaAfter(SourceLocation Loc);
  void macroInit(const VarDecl *VD);
  Extent extentOfExpr(const Expr *E);
  Extent extentOfDecl(const VarDecl *VD);
  /// Where the declaration specifiers shared by all declarators end: before
  /// the first `*`, `(` or `[` of the first declarator, or its name.
  std::optional<unsigned> specifiersEnd(const DeclStmt *DS,
                                        const VarDecl *First);
  bool AfterAttributeKeyword = false;

public:
  /// `static const int x __attribute__((...)) = init;`, the initializer
  /// printed with the awaits already moved replaced.
  std::string printVarDecl(const VarDecl *VD);
  std::string typeText(QualType T, const std::string &Name);
  std::string printDecl(const Decl *D);

private:
  std::string printStatement(const Stmt *S);

  // ---- Expressions -------------------------------------------------------

  std::string temp() { return contract::normalizeTemp(++Temps); }
  std::string declareType(QualType T) { return printType(T, "", Policy); }
  /// `T name` for a temporary of E's type, or "" (and a limit) when the
  /// type cannot be written.
  std::string declareTemp(const Expr *E, const std::string &Name);

  /// Appends to P the code that must run before the result, and returns
  /// the residual expression that yields E's value after it.
  std::string norm(const Expr *E, Prelude &P);
  /// A controlling expression, without the parentheses around it that
  /// would read as `if ((a == b))` to -Wparentheses-equality.
  std::string normCondition(const Expr *E, Prelude &P);
  /// One arm of a lazy operator: its own prelude, then the store.
  void branch(const Expr *Arm, const std::string &T, Prelude &P);
  /// E with the awaits of its operands moved in front, in operand order
  /// (C leaves the order of unsequenced operands open).
  std::string normChildren(const Expr *E, Prelude &P);
  /// `({ s1; s2; e; })` holding awaits: the statements run in front, the
  /// value goes to a temporary.
  std::string statementExpression(const StmtExpr *SE, Prelude &P);

  const SourceManager &SM;
  const AsyncFunction &F;
  PrintingPolicy Policy;
  llvm::SmallPtrSet<const Expr *, 8> Pending, Evaluated;
  llvm::DenseMap<const Stmt *, bool> HasAwait, Dirty;
  llvm::DenseMap<const Stmt *, std::string> LoopLabel;
  llvm::DenseMap<const ContinueStmt *, std::string> ContinueLabel;
  unsigned Temps = 0, Labels = 0;
};

} // namespace normalizer
} // namespace cawait

#endif
