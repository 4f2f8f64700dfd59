//===- ExprPrinter.cpp - The one expression printer of Normalize and Emit -===//
#include "ExprPrinter.h"
#include "MacroNames.h"
#include "SourceText.h"
#include "TypeText.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/TypeTraits.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace cawait {

bool ExprPrinter::handledStmt(Stmt *S, raw_ostream &OS) {
  if (S == AtomicNoScope)
    return false; // printed by StmtPrinter, the scope appended after it
  if (printReplaced(S, OS))
    return true;
  // Nothing to change below: the user's own tokens.
  if (const auto *X = dyn_cast<Expr>(S))
    if (std::optional<std::string> Text = sourceTokens(
            X, Ctx, [&](const Stmt *Sub) { return mustPrint(Sub); })) {
      OS << *Text;
      return true;
    }
  if (printLiteral(S, OS, Ctx))
    return true;
  if (printEarly(S, OS))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return printMacroName(DRE, OS);
  // TypePrinter writes `typeof (x)`, no keyword in -std=c11, and prints
  // the expression without this helper.
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(S))
    if (containsTypeofExpr(Cast->getTypeAsWritten())) {
      OS << "(" << typeText(Cast->getTypeAsWritten(), "") << ")"
         << print(Cast->getSubExpr());
      return true;
    }
  if (const auto *UE = dyn_cast<UnaryExprOrTypeTraitExpr>(S))
    if (UE->isArgumentType() && containsTypeofExpr(UE->getArgumentType())) {
      OS << (UE->getKind() == UETT_AlignOf ? "_Alignof"
                                           : getTraitSpelling(UE->getKind()))
         << "(" << typeText(UE->getArgumentType(), "") << ")";
      return true;
    }
  if (auto *AE = dyn_cast<AtomicExpr>(S))
    if (printScopedAtomic(AE, OS))
      return true;
  if (const auto *X = dyn_cast<Expr>(S))
    if (std::optional<std::string> Text = printWithTypes(
            X, Policy, [&](const Expr *Sub) { return print(Sub); })) {
      OS << *Text;
      return true;
    }
  return printLate(S, OS);
}

std::string ExprPrinter::typeText(QualType T, const std::string &Name) {
  return declareWithTypeof(T, Name, Policy,
                           [&](const Expr *E) { return print(E); });
}

bool ExprPrinter::printMacroName(const DeclRefExpr *DRE, raw_ostream &OS) {
  // `#define f(x) f((x), __LINE__)`: the printed call is expanded already;
  // `(f)(...)` keeps the text from being expanded again.
  const IdentifierInfo *II = DRE->getDecl()->getIdentifier();
  switch (macroNamedAt(PP, Ctx.getSourceManager(), II, DRE->getLocation())) {
  case MacroUse::None:
    return false;
  case MacroUse::FunctionLike:
    OS << "(" << II->getName() << ")";
    return true;
  case MacroUse::ObjectLike:
    // Check (checkMacroNames) reported it already.
    Reports.internalError(DRE, DRE->getLocation(),
                          "'" + DRE->getDecl()->getName() +
                              "', also the name of an object-like macro, "
                              "reached the printer");
    return false;
  }
  return false;
}

bool ExprPrinter::printScopedAtomic(AtomicExpr *AE, raw_ostream &OS) {
  if (!AE->getScopeModel())
    return false;
  // StmtPrinter leaves out the scope argument (__scoped_atomic_*,
  // __hip_atomic_*), the last one.
  std::string Text;
  llvm::raw_string_ostream TS(Text);
  AtomicNoScope = AE;
  AE->printPretty(TS, this, Policy, 0, NewLine, &Ctx);
  AtomicNoScope = nullptr;
  StringRef Call = StringRef(Text).rtrim();
  Call.consume_back(")");
  OS << Call << ", " << print(AE->getScope()) << ")";
  return true;
}

std::string storageText(const VarDecl *VD) {
  std::string Text;
  switch (VD->getStorageClass()) {
  case SC_Static:
    Text += "static ";
    break;
  case SC_Extern:
    Text += "extern ";
    break;
  case SC_Register:
    Text += "register ";
    break;
  default:
    break;
  }
  if (VD->getTSCSpec() == TSCS___thread)
    Text += "__thread ";
  else if (VD->getTSCSpec() != TSCS_unspecified)
    Text += "_Thread_local ";
  return Text;
}

std::string attributeText(const VarDecl *VD, const PrintingPolicy &Policy,
                          bool WithoutCleanup) {
  std::string Text;
  for (const Attr *A : VD->attrs()) {
    if (A->isImplicit() || (WithoutCleanup && isa<CleanupAttr>(A)))
      continue;
    std::string AttrText;
    llvm::raw_string_ostream OS(AttrText);
    A->printPretty(OS, Policy);
    Text += " " + StringRef(AttrText).ltrim().str();
  }
  return Text;
}

std::optional<std::string>
printCDecl(const Decl *D, llvm::function_ref<std::string(const Expr *)> Print) {
  if (const auto *LD = dyn_cast<LabelDecl>(D))
    return "__label__ " + LD->getName().str() + ";";
  if (const auto *SA = dyn_cast<StaticAssertDecl>(D))
    return "_Static_assert(" + Print(SA->getAssertExpr()) +
           (SA->getMessage() ? ", " + Print(SA->getMessage()) : "") + ");";
  return std::nullopt;
}

} // namespace cawait
