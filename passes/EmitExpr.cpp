//===- EmitExpr.cpp - Expressions of the lowered code
//-----------------------===//
//
// Takes an expression of an async function (or of a start's arguments);
// gives its C text for the poll function: the shared ExprPrinter with
// Emit's own nodes (LoweringPrinter: kept variables and compound literals
// as frame fields, awaits of functions that never suspend as f__sync
// calls, starts and async calls in operands C never evaluates, `__func__`,
// `#embed`, statement expressions), and the types written in the body.
//
//===----------------------------------------------------------------------===//
#include "Annotations.h"
#include "EmitBody.h"
#include "Markers.h"
#include "SourceText.h"
#include "TypeText.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace cawait {
using namespace emit;

bool LoweringPrinter::printEarly(Stmt *S, raw_ostream &OS) {
  // An await of a function that never suspends: a call of its f__sync.
  if (const auto *X = dyn_cast<Expr>(S))
    if (const CallExpr *Call = E.shape().syncAwaitAt(X)) {
      OS << Call->getDirectCallee()->getName() << "__sync(";
      const char *Sep = "";
      for (const Expr *Arg : Call->arguments()) {
        OS << Sep << E.expr(Arg, F);
        Sep = ", ";
      }
      OS << ")";
      return true;
    }
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (isAsyncFunction(CE->getDirectCallee())) {
      // Only in an operand C never evaluates (sizeof, typeof, _Generic):
      // the function is gone, its type is what counts.
      OS << unevaluatedValue(CE->getCallReturnType(E.context()));
      return true;
    }
  if (F)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        // With the body in f__sync, a parameter is f__sync's own; a
        // variable in a local of poll is named as written.
        if (const SavedVar *SV = F->inFrame(VD)) {
          OS << "ca__f->" << SV->Field;
          return true;
        }
  if (const auto *EE = dyn_cast<EmbedExpr>(S)) {
    // printPretty cannot print #embed data (a fatal error): write the
    // directive back.
    std::string Directive = embedDirective(EE, E.context().getSourceManager(),
                                           E.context().getLangOpts());
    if (Directive.empty()) {
      // Check (checkEmbeds) reported it already.
      E.reports().internalError(EE, EE->getBeginLoc(),
                                "an #embed directive that cannot be read "
                                "back reached the printer");
      Directive = "0";
    }
    OS << Directive;
    return true;
  }
  if (const auto *PE = dyn_cast<PredefinedExpr>(S)) {
    // __func__ names the user's function, not the poll function.
    if (const StringLiteral *Name = PE->getFunctionName()) {
      OS << quoteC(Name->getString());
      return true;
    }
  }
  if (const auto *X = dyn_cast<Expr>(S))
    if (const StartSite *St = E.shape().startAt(X)) {
      // In sizeof or typeof nothing starts: only the type counts.
      OS << (St->Unevaluated ? unevaluatedValue(X->getType())
                             : E.startExpr(*St, F));
      return true;
    }
  if (const auto *L = dyn_cast<CompoundLiteralExpr>(S))
    if (const SavedVar *SV = F ? F->inFrame(L) : nullptr) {
      // Initialise the frame's copy each time the literal is evaluated, and
      // use it (an lvalue, like the literal).
      std::string Field = "ca__f->" + SV->Field;
      OS << "(*__extension__({ "
         << copyBytes(Field,
                      "(" + E.declareIn(L->getType(), "", F) + ")" +
                          E.expr(L->getInitializer(), F),
                      L->getType(), E.context())
         << " &" << Field << "; }))";
      return true;
    }
  return false;
}

bool LoweringPrinter::printLate(Stmt *S, raw_ostream &OS) {
  const auto *SE = dyn_cast<StmtExpr>(S);
  if (!SE || !F)
    return false;
  CEmitter Sub(E.context().getSourceManager());
  BodyEmitter Body(E, Sub, *F, /*InStatementExpression=*/true);
  Sub.raw("\n");
  for (const Stmt *Child : SE->getSubStmt()->body())
    Body.stmt(Child);
  OS << "({" << Sub.str() << "})";
  return true;
}

Emitter::Emitter(ASTContext &Ctx, DiagSink &Diags, const Shape &Sh,
                 const HoistedTypes &Hoisted, Preprocessor *PP)
    : Ctx(Ctx), Diags(Diags), Sh(Sh), Hoisted(Hoisted), PP(PP),
      Policy(Ctx.getPrintingPolicy()), Reports(&Diags) {
  // Not ConstantsAsWritten: it prints a literal from a macro as the macro's
  // name (`TEN` for each 5 of `#define TEN (5+5)`), and __LINE__ as itself.
  Policy.IncludeNewlines = false;
}

std::string Emitter::declare(QualType T, llvm::StringRef Name) {
  return printType(T, Name.str(), Policy);
}

std::string Emitter::declareIn(QualType T, const std::string &Name,
                               const AsyncFunction *In) {
  if (!In)
    return declare(T, Name);
  return declareWithTypeof(T, Name, Policy,
                           [&](const Expr *E) { return expr(E, In); });
}

std::string Emitter::expr(const Expr *E, const AsyncFunction *In) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  LoweringPrinter Helper(*this, In);
  E->printPretty(OS, &Helper, Policy, 0, "\n", &Ctx);
  return Text;
}

} // namespace cawait
