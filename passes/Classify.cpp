//===- Classify.cpp - Number the suspend points of an async function ------===//
#include "Classify.h"
#include "Annotations.h"
#include "Markers.h"

using namespace clang;

namespace cawait {
namespace {

/// Walks the statements of one async function: finds the awaits in a
/// position the lowering supports, in source order, and rejects statements
/// it does not know.
class StatementWalker {
public:
  StatementWalker(ASTContext &Ctx, const Shape &S, AsyncFunction &F)
      : Ctx(Ctx), S(S), F(F) {}

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S)) {
      classifyExpression(E);
      return;
    }
    switch (S->getStmtClass()) {
    case Stmt::CompoundStmtClass:
      for (const Stmt *Child : cast<CompoundStmt>(S)->body())
        walk(Child);
      return;
    case Stmt::DeclStmtClass:
      for (const Decl *D : cast<DeclStmt>(S)->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const Expr *Init = VD->getInit())
            accept(skipToMarker(Init, Ctx), AwaitForm::DeclInit, VD);
      return;
    case Stmt::ReturnStmtClass:
      if (const Expr *V = cast<ReturnStmt>(S)->getRetValue())
        accept(skipToMarker(V, Ctx), AwaitForm::Return, S);
      return;
    case Stmt::IfStmtClass:
      walk(cast<IfStmt>(S)->getThen());
      walk(cast<IfStmt>(S)->getElse());
      return;
    case Stmt::WhileStmtClass:
      walk(cast<WhileStmt>(S)->getBody());
      return;
    case Stmt::DoStmtClass:
      walk(cast<DoStmt>(S)->getBody());
      return;
    case Stmt::ForStmtClass:
      // The init clause runs once before the loop, like a statement.
      walk(cast<ForStmt>(S)->getInit());
      streamLoop(cast<ForStmt>(S));
      walk(cast<ForStmt>(S)->getBody());
      return;
    case Stmt::SwitchStmtClass:
      walk(cast<SwitchStmt>(S)->getBody());
      return;
    case Stmt::CaseStmtClass:
    case Stmt::DefaultStmtClass:
      walk(cast<SwitchCase>(S)->getSubStmt());
      return;
    case Stmt::LabelStmtClass:
      walk(cast<LabelStmt>(S)->getSubStmt());
      return;
    case Stmt::AttributedStmtClass:
      walk(cast<AttributedStmt>(S)->getSubStmt());
      return;
    case Stmt::NullStmtClass:
    case Stmt::BreakStmtClass:
    case Stmt::ContinueStmtClass:
    case Stmt::GotoStmtClass:
    case Stmt::IndirectGotoStmtClass:
    case Stmt::GCCAsmStmtClass:
      return;
    default:
      return; // reported by checkClasses
    }
  }

private:
  void classifyExpression(const Expr *Statement) {
    const Expr *E = skipToMarker(Statement, Ctx);
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
      if (Cast->getType()->isVoidType())
        E = skipToMarker(Cast->getSubExpr(), Ctx); // `(void)await(f(x));`
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      if (BO->isAssignmentOp()) {
        accept(skipToMarker(BO->getRHS(), Ctx), AwaitForm::Assign, Statement,
               BO);
        return;
      }
    accept(E, AwaitForm::ExprStmt, Statement);
  }

  /// `ca_for_await (T v, s(x))` over an async generator s, in a function
  /// that may await: a suspend point at its condition, which polls the
  /// stream (over a generator that is not async, a ca_for: none).
  void streamLoop(const ForStmt *Loop) {
    if (!isForAwaitMarker(Loop, Ctx) || !mayAwait(F.Decl))
      return;
    ForParts P = forParts(Loop);
    if (!P.Call || P.Declared != 2 ||
        !isAsyncGenerator(P.Call->getDirectCallee()))
      return; // reported by Check
    AwaitSite A;
    A.Loop = Loop;
    A.State = F.Awaits.size() + 1;
    A.Marker = Loop->getCond();
    A.Statement = Loop;
    F.AwaitOfMarker[A.Marker] = F.Awaits.size();
    F.AwaitOfStatement[Loop] = F.Awaits.size();
    F.Awaits.push_back(A);
  }

  /// E is an await in Form if it is a marker; Where is the statement (or
  /// the variable) it is the whole of.
  void accept(const Expr *E, AwaitForm Form, const void *Where,
              const BinaryOperator *Assignment = nullptr) {
    if (Form == AwaitForm::ExprStmt && F.IsGenerator && isYieldMarker(E, Ctx)) {
      // `yield(e);`: a suspend point that hands out e.
      AwaitSite A;
      A.Yield = true;
      A.Value = yieldedValue(E);
      A.State = F.Awaits.size() + 1;
      A.Marker = E;
      A.Form = Form;
      A.Statement = static_cast<const Stmt *>(Where);
      F.AwaitOfMarker[E] = F.Awaits.size();
      F.AwaitOfStatement[Where] = F.Awaits.size();
      F.Awaits.push_back(A);
      return;
    }
    if (markerKind(E, Ctx) != MarkerKind::Await)
      return;
    AwaitSite A;
    const Expr *Operand = markerOperand(E)->IgnoreParenImpCasts();
    if (const Expr *Comb = awaitedCombinator(E, Ctx)) {
      Operand = Comb;
      std::optional<Combinator> C = combinatorKind(Comb, Ctx);
      for (const Expr *B : combinatorBranches(Operand)) {
        Branch Br;
        Br.Call = branchCall(B, &Br.Assignment);
        if (!Br.Call)
          return; // already reported
        Br.Callee = Br.Call->getDirectCallee();
        if (!Br.Callee) {
          AsyncPointer P = asyncPointerOf(Br.Call->getCallee());
          Br.Indirect = true;
          Br.Boxed = P.Boxed;
          Br.Budget = P.Budget;
          if (!Br.Boxed && !Br.Budget)
            return; // reported by the marker visitor
        }
        A.Branches.push_back(Br);
      }
      if (A.Branches.empty() || A.Branches.size() > 32)
        return; // already reported
      A.Comb = *C;
      // The CFG has no ParenExpr elements: anchor on what is inside.
      A.CombExpr = cast<ParenExpr>(Operand)->getSubExpr();
    } else {
      bool Boxed = false;
      const CallExpr *Call = awaitedCall(E, &Boxed);
      if (!Call)
        return; // already reported
      if (!isAsyncFunction(Call->getDirectCallee())) {
        AsyncPointer P = asyncPointerOf(Call->getCallee());
        if (!P.Async)
          return; // already reported
        A.Indirect = true;
        A.Boxed = Boxed || P.Boxed;
        A.Budget = P.Budget;
        if (!A.Boxed && !A.Budget)
          return; // reported by the marker visitor
      }
      if (Call->getDirectCallee() && S.neverSuspends(Call->getDirectCallee()))
        return; // not a suspend point: a call of its f__sync
      A.Call = Call;
      A.Callee = Call->getDirectCallee();
    }
    A.State = F.Awaits.size() + 1;
    A.Marker = E;
    A.Form = Form;
    A.Assignment = Assignment;
    if (Form == AwaitForm::DeclInit)
      A.Var = static_cast<const VarDecl *>(Where);
    else
      A.Statement = static_cast<const Stmt *>(Where);
    F.AwaitOfMarker[E] = F.Awaits.size();
    F.AwaitOfStatement[Where] = F.Awaits.size();
    F.Awaits.push_back(A);
  }

  ASTContext &Ctx;
  const Shape &S;
  AsyncFunction &F;
};

} // namespace

void classifyAwaits(AsyncFunction &F, const Shape &S, ASTContext &Ctx) {
  StatementWalker(Ctx, S, F).walk(F.Decl->getBody());
}

} // namespace cawait
