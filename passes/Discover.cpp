//===- Discover.cpp - Find async functions, awaits and starts ------------===//
//
// Runs the analyses that fill a Shape (MarkerVisitor, MaySuspend, Classify,
// Pools) and records what they find: the async functions, their suspend
// points and Pending awaits, the starts, the pools, the awaits that are
// calls of f__sync. Then the checks that need the whole Shape: every
// embedded or started frame is visible, statement classes, task joins,
// await cycles.
//
//===----------------------------------------------------------------------===//
#include "Discover.h"
#include "Classify.h"
#include "MarkerVisitor.h"
#include "MaySuspend.h"
#include "Pools.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtOpenACC.h"
#include "clang/AST/StmtOpenMP.h"
#include <functional>

using namespace clang;

namespace cawait {

/// Whether E is a statement of its own, its value unused.
/// Parent is E's parent statement (from a ParentMap of the function: a
/// parent map of the whole translation unit costs as much as a parse).
static bool isDiscarded(const Expr *E, const Stmt *P) {
  if (!P)
    return false;
  if (isa<CompoundStmt>(P) || isa<LabelStmt>(P) || isa<AttributedStmt>(P))
    return true;
  if (const auto *SC = dyn_cast<SwitchCase>(P))
    return SC->getSubStmt() == E;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getThen() == E || If->getElse() == E;
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return W->getBody() == E;
  if (const auto *D = dyn_cast<DoStmt>(P))
    return D->getBody() == E;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getBody() == E || For->getInit() == E || For->getInc() == E;
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(P))
    return Cast->getType()->isVoidType();
  return false;
}

namespace {

/// Reports await cycles: a frame that embeds itself would be infinite.
class CycleFinder {
public:
  CycleFinder(Shape &S, DiagSink &Diags) : S(S), Diags(Diags) {}

  void run() {
    Color.assign(S.Functions.size(), White);
    for (unsigned I = 0; I != S.Functions.size(); ++I)
      if (Color[I] == White)
        visit(I);
  }

private:
  enum { White, Grey, Black };

  void visit(unsigned I) {
    Color[I] = Grey;
    Stack.push_back(I);
    for (const AwaitSite &A : S.Functions[I].Awaits)
      for (const FunctionDecl *C : A.callees()) {
        AsyncFunction *Callee = S.lookup(C);
        if (!Callee)
          continue;
        unsigned J = Callee - S.Functions.data();
        if (Color[J] == Grey)
          report(J, A);
        else if (Color[J] == White)
          visit(J);
      }
    Stack.pop_back();
    Color[I] = Black;
  }

  void report(unsigned First, const AwaitSite &Back) {
    std::string Cycle;
    auto It = std::find(Stack.begin(), Stack.end(), First);
    for (; It != Stack.end(); ++It)
      Cycle += "'" + S.Functions[*It].Name + "' -> ";
    Cycle += "'" + S.Functions[First].Name + "'";
    Diags.error(Back.location(),
                "async function '" + S.Functions[First].Name +
                    "' awaits itself (" + Cycle +
                    "): its frame would contain itself; use a loop, or "
                    "ca_spawn for unbounded recursion");
  }

  Shape &S;
  DiagSink &Diags;
  std::vector<int> Color;
  std::vector<unsigned> Stack;
};

/// `await(ca_task_join(t, &out))` where t is a local variable every value of
/// which comes from a spawn of one function: out must point to what that
/// function returns (the runtime checks only the size).
void checkJoins(const AsyncFunction &F, ASTContext &Ctx, DiagSink &Diags) {
  // What each local handle variable is given: spawns, or something else.
  struct Origins {
    std::vector<const FunctionDecl *> Spawned;
    bool Other = false;
  };
  llvm::DenseMap<const VarDecl *, Origins> Handles;
  auto Record = [&](const VarDecl *VD, const Expr *Value) {
    if (!VD || !VD->isLocalVarDecl())
      return;
    Origins &O = Handles[VD];
    const Expr *M = Value ? skipToMarker(Value, Ctx) : nullptr;
    std::optional<MarkerKind> K = M ? markerKind(M, Ctx) : std::nullopt;
    const auto *Call =
        M && K && (*K == MarkerKind::Spawn || *K == MarkerKind::SpawnIn)
            ? dyn_cast<CallExpr>(markerOperand(M)->IgnoreParenImpCasts())
            : nullptr;
    if (Call && Call->getDirectCallee())
      O.Spawned.push_back(Call->getDirectCallee());
    else if (Value)
      O.Other = true;
  };
  struct Walk : RecursiveASTVisitor<Walk> {
    std::function<void(const VarDecl *, const Expr *)> Record;
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->getInit())
        Record(VD, VD->getInit());
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->isAssignmentOp())
        if (const auto *D = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
          Record(dyn_cast<VarDecl>(D->getDecl()),
                 BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *UO) {
      // Its address taken: it may be written through a pointer.
      if (UO->getOpcode() == UO_AddrOf)
        if (const auto *D =
                dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
          Record(dyn_cast<VarDecl>(D->getDecl()), UO);
      return true;
    }
  } W;
  W.Record = Record;
  W.TraverseStmt(F.Decl->getBody());

  for (const AwaitSite &A : F.Awaits) {
    if (A.Comb != Combinator::None || A.Indirect ||
        A.Callee->getName() != contract::TaskJoinFunction ||
        A.Call->getNumArgs() != 3)
      continue;
    const auto *D =
        dyn_cast<DeclRefExpr>(A.Call->getArg(0)->IgnoreParenImpCasts());
    const auto *VD = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    auto It = VD ? Handles.find(VD) : Handles.end();
    if (It == Handles.end() || It->second.Other || It->second.Spawned.empty())
      continue;
    const FunctionDecl *Fn = It->second.Spawned.front();
    QualType R = Fn->getReturnType().getUnqualifiedType();
    bool Same = true;
    for (const FunctionDecl *G : It->second.Spawned)
      Same &= Ctx.hasSameUnqualifiedType(G->getReturnType(), R);
    if (!Same)
      continue;
    const Expr *Out = A.Call->getArg(1)->IgnoreParenImpCasts();
    QualType OutT = Out->getType();
    if (Out->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
        !OutT->isPointerType())
      continue; // ca_task_wait
    QualType P = OutT->getPointeeType().getUnqualifiedType();
    if (P->isVoidType())
      continue; // the program erased the type itself
    if (R->isVoidType())
      Diags.error(Out->getBeginLoc(),
                  "task '" + VD->getName() + "' runs '" + Fn->getName() +
                      "', which returns void: wait for it with "
                      "ca_task_wait(" +
                      VD->getName() + ")");
    else if (!Ctx.typesAreCompatible(P, R))
      Diags.error(Out->getBeginLoc(),
                  "the result of task '" + VD->getName() + "' is '" +
                      R.getAsString() + "' (it runs '" + Fn->getName() +
                      "'), but the result pointer points to '" +
                      P.getAsString() + "'");
  }
}

/// What S is, if an async function cannot contain it. The lowering handles
/// the statement and expression classes of C, GNU C and clang's C
/// extensions listed here (test/classes/stmt-classes.txt maps every class
/// of Clang 19 to the test that covers it, or to why C cannot reach it);
/// anything else, a class of a later clang included, is a located error
/// rather than a re-print that clang cannot do or does wrong.
std::optional<std::string> unsupportedClass(const Stmt *S) {
  // In C, cleanups are those of a block literal, or of the temporary of
  // __builtin_bit_cast of an rvalue (allowed below).
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
    for (const ExprWithCleanups::CleanupObject &O : EWC->getObjects())
      if (isa<BlockDecl *>(O))
        return std::string("a block literal");
  switch (S->getStmtClass()) {
  case Stmt::AttributedStmtClass:
  case Stmt::BreakStmtClass:
  case Stmt::CaseStmtClass:
  case Stmt::CompoundStmtClass:
  case Stmt::ContinueStmtClass:
  case Stmt::DeclStmtClass:
  case Stmt::DefaultStmtClass:
  case Stmt::DoStmtClass:
  case Stmt::ForStmtClass:
  case Stmt::GCCAsmStmtClass:
  case Stmt::GotoStmtClass:
  case Stmt::IfStmtClass:
  case Stmt::IndirectGotoStmtClass:
  case Stmt::LabelStmtClass:
  case Stmt::NullStmtClass:
  case Stmt::ReturnStmtClass:
  case Stmt::SwitchStmtClass:
  case Stmt::WhileStmtClass:
  case Stmt::AddrLabelExprClass:
  case Stmt::ArraySubscriptExprClass:
  case Stmt::AtomicExprClass:
  case Stmt::BinaryConditionalOperatorClass:
  case Stmt::BinaryOperatorClass:
  case Stmt::BuiltinBitCastExprClass:
  case Stmt::CStyleCastExprClass:
  case Stmt::CallExprClass:
  case Stmt::CharacterLiteralClass:
  case Stmt::ChooseExprClass:
  case Stmt::CompoundAssignOperatorClass:
  case Stmt::CompoundLiteralExprClass:
  case Stmt::ConditionalOperatorClass:
  case Stmt::ConstantExprClass:
  case Stmt::ConvertVectorExprClass:
  case Stmt::DeclRefExprClass:
  case Stmt::DesignatedInitExprClass:
  case Stmt::DesignatedInitUpdateExprClass:
  case Stmt::EmbedExprClass:
  case Stmt::ExtVectorElementExprClass:
  case Stmt::FixedPointLiteralClass:
  case Stmt::FloatingLiteralClass:
  case Stmt::GenericSelectionExprClass:
  case Stmt::ImaginaryLiteralClass:
  case Stmt::ImplicitCastExprClass:
  case Stmt::ImplicitValueInitExprClass:
  case Stmt::InitListExprClass:
  case Stmt::IntegerLiteralClass:
  case Stmt::MatrixSubscriptExprClass:
  case Stmt::MemberExprClass:
  case Stmt::NoInitExprClass:
  case Stmt::OffsetOfExprClass:
  case Stmt::OpaqueValueExprClass:
  case Stmt::ParenExprClass:
  case Stmt::PredefinedExprClass:
  case Stmt::ShuffleVectorExprClass:
  case Stmt::SourceLocExprClass:
  case Stmt::StmtExprClass:
  case Stmt::StringLiteralClass:
  case Stmt::TypeTraitExprClass:
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::UnaryOperatorClass:
  case Stmt::VAArgExprClass:
  case Stmt::ExprWithCleanupsClass:
  case Stmt::MaterializeTemporaryExprClass:
    return std::nullopt;
  case Stmt::BlockExprClass:
    return std::string("a block literal");

  case Stmt::CapturedStmtClass:
    return std::string("'#pragma clang __debug captured'");
  case Stmt::MSAsmStmtClass:
    return std::string("Microsoft-style inline assembly (__asm { ... })");
  case Stmt::SEHTryStmtClass:
  case Stmt::SEHExceptStmtClass:
  case Stmt::SEHFinallyStmtClass:
  case Stmt::SEHLeaveStmtClass:
    return std::string("structured exception handling (__try, __except, "
                       "__finally, __leave)");
  default:
    if (isa<OMPExecutableDirective>(S) || isa<OMPCanonicalLoop>(S))
      return std::string("an OpenMP directive");
    if (isa<OpenACCConstructStmt>(S))
      return std::string("an OpenACC construct");
    return "'" + std::string(S->getStmtClassName()) + "'";
  }
}

/// Reports every statement or expression of F's body (statement
/// expressions, initializers and types included) that unsupportedClass
/// rejects, outermost only.
void checkClasses(const AsyncFunction &F, DiagSink &Diags) {
  struct Guard : RecursiveASTVisitor<Guard> {
    DiagSink &Diags;
    explicit Guard(DiagSink &Diags) : Diags(Diags) {}
    bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
      if (!S)
        return true;
      if (std::optional<std::string> What = unsupportedClass(S)) {
        Diags.error(S->getBeginLoc(),
                    *What + " is not supported in an async function: move "
                            "it into a function that is not async and call "
                            "that");
        return true;
      }
      return RecursiveASTVisitor::TraverseStmt(S, Queue);
    }
  } G(Diags);
  G.TraverseStmt(F.Decl->getBody());
}

} // namespace

Shape discover(ASTContext &Ctx, DiagSink &Diags) {
  Shape S;
  MarkerScan V = scanMarkers(Ctx, Diags);

  for (const FunctionDecl *FD : V.AsyncDefinitions) {
    AsyncFunction F;
    F.Decl = FD;
    F.Name = FD->getNameAsString();
    S.FunctionIndex[FD->getCanonicalDecl()] = S.Functions.size();
    S.Functions.push_back(std::move(F));
  }
  computeMaySuspend(S, V.Markers);
  for (AsyncFunction &F : S.Functions) {
    checkClasses(F, Diags);
    classifyAwaits(F, S, Ctx, Diags);
  }

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ParentMap>> Parents;
  auto ParentOf = [&](const Expr *E, const FunctionDecl *In) -> const Stmt * {
    if (!In || !In->getBody()) {
      auto P = Ctx.getParents(*E);
      return P.size() == 1 ? P[0].get<Stmt>() : nullptr;
    }
    std::unique_ptr<ParentMap> &PM = Parents[In];
    if (!PM)
      PM = std::make_unique<ParentMap>(In->getBody());
    return PM->getParent(E);
  };
  // Awaits of functions that never suspend, per function: moved out of
  // their expressions with the others when the function is normalized, so
  // the order of evaluation stays the one the user wrote.
  llvm::DenseMap<AsyncFunction *, std::vector<const Expr *>> SyncMarkers;
  collectPools(S, V.PoolDecls, Ctx, Diags);
  S.AddressUses = std::move(V.AddressUses);
  S.AddressTaken = std::move(V.AddressTaken);
  for (const FoundMarker &M : V.Markers) {
    bool InAsync = M.Enclosing && isAsyncFunction(M.Enclosing);
    AsyncFunction *F = InAsync ? S.lookup(M.Enclosing) : nullptr;
    SourceLocation Loc = M.Marker->getBeginLoc();
    if (M.Kind == MarkerKind::Await) {
      const Expr *Comb = awaitedCombinator(M.Marker, Ctx);
      if (!InAsync && Comb) {
        std::string Name = *combinatorKind(Comb, Ctx) == Combinator::Join
                               ? "ca_join"
                               : "ca_select";
        Diags.error(Loc, Name + " outside an async function: its branches "
                                "run concurrently only inside one; put the "
                                "await in an async function and run that "
                                "with ca_block_on(...)");
        continue;
      }
      if (!InAsync) {
        Diags.error(Loc, M.Enclosing
                             ? "await outside an async function: mark '" +
                                   M.Enclosing->getName() +
                                   "' async, or use ca_block_on(...) to run "
                                   "the call to completion"
                             : llvm::Twine("await outside a function"));
        continue;
      }
      // An await of a function that never suspends is a call where it is.
      bool Sync = M.Call && M.Call->getDirectCallee() &&
                  S.neverSuspends(M.Call->getDirectCallee());
      if (F && Sync) {
        F->SyncCallees.push_back(M.Call->getDirectCallee());
        SyncMarkers[F].push_back(M.Marker);
        S.SyncAwaits[M.Marker] = M.Call;
      }
      // Awaits in its arguments run before it: it moves with them.
      auto CanSuspend = [&](const Expr *Await) {
        const CallExpr *Call = awaitedCall(Await);
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        return !Callee || !S.neverSuspends(Callee);
      };
      if (F && M.Call && !Sync &&
          (!F->AwaitOfMarker.count(M.Marker) ||
           containsAwait(M.Call, Ctx, CanSuspend)))
        F->Pending.push_back(M.Marker);
      if (F && M.Comb != Combinator::None && !F->AwaitOfMarker.count(M.Marker))
        F->Pending.push_back(M.Marker);
      continue;
    }
    if (M.Kind == MarkerKind::BlockOn && InAsync) {
      Diags.error(Loc, "ca_block_on inside async function '" +
                           M.Enclosing->getName() +
                           "' would block its executor; use await(...)");
      continue;
    }
    if (!M.Call)
      continue;
    StartSite Site{M.Kind,
                   M.Marker,
                   M.Call,
                   M.Call->getDirectCallee(),
                   M.Enclosing,
                   M.InsideStart,
                   isDiscarded(M.Marker, ParentOf(M.Marker, M.Enclosing))};
    if (M.Kind == MarkerKind::SpawnIn) {
      Site.Pool = poolOf(S, markerPool(M.Marker), Site.Callee, Diags);
      if (!Site.Pool)
        continue;
    }
    if (F)
      F->Spawns.push_back(Site);
    else if (InAsync)
      continue; // async function outside the main file: already an error
    else
      S.Starts.push_back(Site);
  }

  for (auto &[F, Markers] : SyncMarkers)
    if (!F->Pending.empty())
      F->Pending.insert(F->Pending.end(), Markers.begin(), Markers.end());

  // Markers C never evaluates: a start is printed for its type only; an
  // await of a function that never suspends is a call of its f__sync.
  for (const UnevaluatedMarker &M : V.Unevaluated) {
    if (M.Kind == MarkerKind::Await) {
      const CallExpr *Call = awaitedCall(M.Marker);
      if (Call && Call->getDirectCallee() &&
          S.neverSuspends(Call->getDirectCallee()))
        S.SyncAwaits[M.Marker] = Call;
      continue;
    }
    const auto *Call =
        dyn_cast<CallExpr>(markerOperand(M.Marker)->IgnoreParenImpCasts());
    if (Call && Call->getDirectCallee())
      S.UnevaluatedStarts.push_back(
          {M.Kind, M.Marker, Call, Call->getDirectCallee(), nullptr, true});
  }
  for (const StartSite &St : S.Starts)
    S.StartOfMarker[St.Marker] = &St;
  for (const AsyncFunction &F : S.Functions)
    for (const StartSite &St : F.Spawns)
      S.StartOfMarker[St.Marker] = &St;
  for (const StartSite &St : S.UnevaluatedStarts)
    S.StartOfMarker.try_emplace(St.Marker, &St);

  // Every frame that is embedded or started must be visible: generated here
  // or written by hand (`struct f__frame` in a header).
  auto CheckFrame = [&](const FunctionDecl *Callee, SourceLocation Loc) {
    if (S.lookup(Callee) || findFrameRecord(Callee, Ctx))
      return;
    if (declaredBudget(Callee)) {
      const FunctionDecl *Key = Callee->getCanonicalDecl();
      if (std::find(S.BudgetCallees.begin(), S.BudgetCallees.end(), Key) ==
          S.BudgetCallees.end())
        S.BudgetCallees.push_back(Key);
      return;
    }
    Diags.error(Loc, "the frame of async function '" + Callee->getName() +
                         "' is unknown here: its body is not in this file; "
                         "declare its prototype with a frame budget, "
                         "async_budget(N) (checked where it is defined), or "
                         "define it in this file");
  };
  for (AsyncFunction &F : S.Functions) {
    for (const AwaitSite &A : F.Awaits) {
      if (A.Comb == Combinator::None && !A.Indirect)
        CheckFrame(A.Callee, A.Call->getBeginLoc());
      for (const Branch &B : A.Branches)
        CheckFrame(B.Callee, B.Call->getBeginLoc());
    }
    for (const StartSite &St : F.Spawns)
      CheckFrame(St.Callee, St.Call->getBeginLoc());
  }
  for (const StartSite &St : S.Starts)
    CheckFrame(St.Callee, St.Call->getBeginLoc());

  for (AsyncFunction &F : S.Functions)
    checkJoins(F, Ctx, Diags);
  for (const TaskPool &P : S.Pools)
    CheckFrame(P.Function, P.Var->getLocation());

  CycleFinder(S, Diags).run();
  return S;
}

} // namespace cawait
