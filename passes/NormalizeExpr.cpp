//===- NormalizeExpr.cpp - Expressions of a normalized function
//-------------===//
//
// Takes an expression holding awaits; gives the code that must run before
// it (Prelude: every await into a fresh `ca__eN`, in operand order; the
// right side of `&&`, `||`, `?:` as an `if`; a statement expression's
// statements) and the residual expression that yields its value after
// that, printed by NormalizePrinter (the shared ExprPrinter with the
// awaits already moved replaced, cawait.h's macros as the user wrote
// them).
//
//===----------------------------------------------------------------------===//
#include "Normalizer.h"
#include "SourceText.h"
#include "TypeText.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/SmallString.h"

using namespace clang;

namespace cawait {
namespace normalizer {

std::string FunctionNormalizer::print(const Stmt *S) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  NormalizePrinter Helper(*this);
  S->printPretty(OS, &Helper, Policy, 0, " ", &Ctx);
  return Text;
}

std::string FunctionNormalizer::declareTemp(const Expr *E,
                                            const std::string &Name) {
  QualType T = E->getType().getUnqualifiedType();
  if (namesUnnamedTag(T)) {
    Reports.error(E, E->getBeginLoc(),
                  "this expression has an unnamed type and holds an await; "
                  "give the type a name (a tag or a typedef)");
    return "";
  }
  return printType(T, Name, Policy);
}

std::string FunctionNormalizer::norm(const Expr *E, Prelude &P) {
  if (!E)
    return "";
  if (!hasAwait(E))
    return print(E);
  unsigned At = anchor(E);
  if (isAwait(E)) {
    bool Boxed = false;
    const CallExpr *Call = awaitedCall(E, &Boxed);
    std::string CallText = Call ? normChildren(Call, P) : print(E);
    if (Call && Boxed)
      CallText = "ca_boxed(" + CallText + ")";
    if (E->getType()->isVoidType()) {
      P.add("await(" + CallText + "); ", At);
      return "((void)0)";
    }
    std::string T = temp();
    P.add("__auto_type " + T + " = await(" + CallText + "); ", At);
    return T;
  }
  if (isYieldMarker(E, Ctx)) // `yield(await(f()));` of an async generator
    return contract::YieldMacro.str() + "(" + norm(yieldedValue(E), P) + ")";
  if (std::optional<MarkerKind> K = markerKind(E, Ctx)) {
    // A start inside async code: its arguments' awaits run before it.
    std::string Op = norm(markerOperand(E), P);
    if (*K == MarkerKind::SpawnIn)
      return "ca_spawn_in(" + norm(markerPool(E), P) + ", " + Op + ")";
    return (*K == MarkerKind::Spawn ? "ca_spawn(" : "ca_block_on(") + Op + ")";
  }
  if (const auto *PE = dyn_cast<ParenExpr>(E))
    return "(" + norm(PE->getSubExpr(), P) + ")";
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma) {
      std::string L = norm(BO->getLHS(), P);
      P.add("(void)(" + L + "); ", At);
      // Still a comma expression: never an lvalue, and what C (and
      // clang's warnings) make of the operand is unchanged.
      return "((void)0, " + norm(BO->getRHS(), P) + ")";
    }
    if (BO->isLogicalOp() && hasAwait(BO->getRHS())) {
      bool And = BO->getOpcode() == BO_LAnd;
      std::string T = temp();
      P.add("int " + T + "; ", At);
      std::string L = normCondition(BO->getLHS(), P);
      Prelude RP;
      std::string R = norm(BO->getRHS(), RP);
      P.add(std::string("if (") + (And ? L : "!(" + L + ")") + ") { ", At);
      P.append(std::move(RP));
      P.add(T + " = !!(" + R + "); } else " + T + " = " + (And ? "0" : "1") +
                "; ",
            At);
      return T;
    }
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    if (!hasAwait(CO->getTrueExpr()) && !hasAwait(CO->getFalseExpr()))
      return normChildren(E, P);
    bool Void = E->getType()->isVoidType();
    std::string T = Void ? "" : temp();
    if (!Void) {
      std::string Decl = declareTemp(E, T);
      if (Decl.empty())
        return T;
      P.add(Decl + "; ", At);
    }
    std::string C = normCondition(CO->getCond(), P);
    P.add("if (" + C + ") { ", At);
    branch(CO->getTrueExpr(), T, P);
    P.add("} else { ", At);
    branch(CO->getFalseExpr(), T, P);
    P.add("} ", At);
    return Void ? "((void)0)" : T;
  }
  if (const auto *BC = dyn_cast<BinaryConditionalOperator>(E)) {
    // `a ?: b`: a is evaluated once.
    if (!hasAwait(BC->getFalseExpr()))
      return normChildren(E, P);
    std::string T = temp(), Common = temp();
    std::string Decl = declareTemp(E, T);
    if (Decl.empty())
      return T;
    P.add(Decl + "; ", At);
    std::string C = norm(BC->getCommon(), P);
    P.add("__auto_type " + Common + " = " + C + "; if (" + Common + ") " + T +
              " = " + Common + "; else { ",
          At);
    branch(BC->getFalseExpr(), T, P);
    P.add("} ", At);
    return T;
  }
  if (const auto *SE = dyn_cast<StmtExpr>(E))
    return statementExpression(SE, P);
  if (const auto *CE = dyn_cast<ChooseExpr>(E)) {
    // Only the chosen side is evaluated; the other stays as written
    // (its awaits, never run, as a plain 0).
    const Expr *Other = CE->isConditionTrue() ? CE->getRHS() : CE->getLHS();
    if (hasAwait(Other))
      Replaced[Other] = "0";
    Replaced[CE->getChosenSubExpr()] = norm(CE->getChosenSubExpr(), P);
    return print(E);
  }
  if (const auto *GS = dyn_cast<GenericSelectionExpr>(E)) {
    if (GS->isResultDependent() || !GS->getResultExpr())
      return normChildren(E, P);
    for (const Expr *A : GS->getAssocExprs())
      if (A != GS->getResultExpr() && hasAwait(A))
        Replaced[A] = "0";
    if (hasAwait(GS->getControllingExpr()))
      Replaced[GS->getControllingExpr()] = "0";
    Replaced[GS->getResultExpr()] = norm(GS->getResultExpr(), P);
    return print(E);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (Call->getBuiltinCallee()) {
      // __builtin_constant_p, __builtin_object_size: the awaits in the
      // arguments are not evaluated and the value is a constant.
      Expr::EvalResult R;
      if (E->EvaluateAsInt(R, Ctx)) {
        // A literal of the value's own signedness (no literal is the
        // most negative value: it is written as a difference).
        const llvm::APSInt &V = R.Val.getInt();
        llvm::SmallString<24> Value;
        if (V.isSigned() && V.isMinSignedValue()) {
          llvm::APSInt Next = V;
          (++Next).toString(Value, 10);
          Value += " - 1";
        } else {
          V.toString(Value, 10);
          if (V.isUnsigned())
            Value += "U";
        }
        return "((" + declareType(E->getType()) + ")(" + Value.str().str() +
               "))";
      }
    }
  if (const auto *UE = dyn_cast<UnaryExprOrTypeTraitExpr>(E)) {
    // Never evaluated (glibc's assert has a copy of its condition in
    // one): its value is a constant.
    Expr::EvalResult R;
    if (UE->EvaluateAsInt(R, Ctx))
      return "((__SIZE_TYPE__)" +
             std::to_string(R.Val.getInt().getZExtValue()) + ")";
    Reports.error(UE, UE->getBeginLoc(),
                  "await inside the operand of sizeof of a variable-length "
                  "array cannot be lowered; await the call before");
    return print(E);
  }
  return normChildren(E, P);
}

std::string FunctionNormalizer::normCondition(const Expr *E, Prelude &P) {
  // `if ((x = y))` keeps its parentheses: they silence -Wparentheses.
  const auto *PE = dyn_cast<ParenExpr>(E->IgnoreImpCasts());
  if (PE && !markerKind(PE, Ctx))
    if (const auto *BO =
            dyn_cast<BinaryOperator>(PE->getSubExpr()->IgnoreImpCasts()))
      if (BO->getOpcode() == BO_EQ)
        return norm(PE->getSubExpr(), P);
  return norm(E, P);
}

void FunctionNormalizer::branch(const Expr *Arm, const std::string &T,
                                Prelude &P) {
  Prelude AP;
  std::string R = norm(Arm, AP);
  P.append(std::move(AP));
  P.add(T.empty() ? "(void)(" + R + "); "
                  : T + " = " + assignmentOperand(Arm, R) + "; ",
        anchor(Arm));
}

std::string FunctionNormalizer::normChildren(const Expr *E, Prelude &P) {
  const Stmt *Walk = E;
  if (const auto *ILE = dyn_cast<InitListExpr>(E))
    if (ILE->getSyntacticForm())
      Walk = ILE->getSyntacticForm();
  for (const Stmt *Child : Walk->children()) {
    const auto *CE = dyn_cast_or_null<Expr>(Child);
    if (!CE || !hasAwait(CE))
      continue;
    if (isa<OpaqueValueExpr>(CE))
      continue;
    std::string R = norm(CE, P);
    Replaced[CE] = R;
  }
  return print(E);
}

std::string FunctionNormalizer::statementExpression(const StmtExpr *SE,
                                                    Prelude &P) {
  unsigned At = anchor(SE);
  bool Void = SE->getType()->isVoidType();
  std::string T = Void ? "" : temp();
  if (!Void) {
    std::string Decl = declareTemp(SE, T);
    if (Decl.empty())
      return T;
    P.add(Decl + "; ", At);
  }
  TextBuilder Sub("", nullptr);
  Sub.gen("{ ", At);
  auto Body = SE->getSubStmt()->body();
  for (auto It = Body.begin(); It != Body.end(); ++It) {
    const Stmt *S = *It;
    const Stmt *Value = S;
    std::string Labels;
    while (const auto *L = dyn_cast<LabelStmt>(Value)) {
      Labels += std::string(L->getName()) + ": ; ";
      Value = L->getSubStmt();
    }
    const auto *Last = dyn_cast<Expr>(Value);
    if (std::next(It) == Body.end() && Last && !Void) {
      Sub.gen(Labels, At);
      Prelude LP;
      std::string R = norm(Last, LP);
      LP.writeTo(Sub);
      Sub.gen(T + " = " + assignmentOperand(Last, R) + "; ", At);
    } else {
      emit(S, Sub, true);
      Sub.gen(" ", At);
    }
  }
  Sub.gen("} ", At);
  P.add(Sub.str(), At);
  return Void ? "((void)0)" : T;
}

NormalizePrinter::NormalizePrinter(FunctionNormalizer &N)
    : ExprPrinter(N.Ctx, N.policy(), " ", N.PP, N.Reports), N(N) {}

std::string NormalizePrinter::print(const Expr *E) { return N.print(E); }

bool NormalizePrinter::printReplaced(const Stmt *S, raw_ostream &OS) {
  auto It = N.Replaced.find(S);
  if (It == N.Replaced.end())
    return false;
  OS << It->second;
  return true;
}

bool NormalizePrinter::mustPrint(const Stmt *Sub) {
  // Something moved out of it, or a cawait.h macro, printed as written.
  const auto *SubX = dyn_cast<Expr>(Sub);
  return N.Replaced.count(Sub) ||
         (SubX && (markerKind(SubX, Ctx) || combinatorKind(SubX, Ctx)));
}

bool NormalizePrinter::printEarly(Stmt *S, raw_ostream &OS) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    // Decl::print prints initializers without this helper: awaits in them
    // would come out as plain calls.
    for (const Decl *D : DS->decls())
      OS << (isa<VarDecl>(D) ? N.printVarDecl(cast<VarDecl>(D))
                             : N.printDecl(D))
         << " ";
    return true;
  }
  if (const auto *EE = dyn_cast<EmbedExpr>(S)) {
    // A directive needs lines of its own; the printed statement has one.
    N.reportEmbed(EE);
    OS << "0";
    return true;
  }
  // TypePrinter would write `struct (unnamed struct at FILE:L:C)`.
  if (writesUnnamedType(S))
    N.Reports.error(S, S->getBeginLoc(),
                    "this code names an unnamed struct, union or enum type "
                    "and holds an await; cawait re-prints it and cannot "
                    "name the type: give the type a tag or a typedef");
  return false;
}

bool NormalizePrinter::printLate(Stmt *S, raw_ostream &OS) {
  const auto *X = dyn_cast<Expr>(S);
  if (!X)
    return false;
  if (std::optional<Combinator> C = combinatorKind(X, Ctx)) {
    // (ca_timeout_ms is printed as the select it expands to.)
    OS << contract::combinatorMacro(*C) << "(";
    const char *Sep = "";
    for (const Expr *B : combinatorBranches(X)) {
      OS << Sep << N.print(B);
      Sep = ", ";
    }
    OS << ")";
    return true;
  }
  if (std::optional<MarkerKind> K = markerKind(X, Ctx)) {
    OS << contract::markerMacro(*K) << "(";
    if (*K == MarkerKind::SpawnIn)
      OS << N.print(markerPool(X)) << ", ";
    OS << N.print(markerOperand(X)) << ")";
    return true;
  }
  return false;
}

} // namespace normalizer
} // namespace cawait
