//===- Check.cpp - Every construct cawait cannot lower, reported ---------===//
#include "Check.h"
#include "Annotations.h"
#include "Contract.h"
#include "Discover.h"
#include "Layout.h"
#include "LocalTypes.h"
#include "MacroNames.h"
#include "Markers.h"
#include "Normalize.h"
#include "Owned.h"
#include "Placement.h"
#include "Reserved.h"
#include "Splice.h"
#include "TypeText.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtOpenACC.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <functional>

using namespace clang;

namespace cawait {
namespace {

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
    if (A.Comb != Combinator::None || A.Indirect || !A.hasSubFrame() ||
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

/// Every frame that is embedded or started must be visible: generated here,
/// written by hand (`struct f__frame` in a header), or given by a budget.
void checkFramesKnown(const Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  forEachFrameUse(S, [&](const FunctionDecl *Callee, SourceLocation Loc) {
    if (S.FunctionIndex.count(Callee->getCanonicalDecl()) ||
        findFrameRecord(Callee, Ctx) || declaredBudget(Callee))
      return;
    if (isGenerator(Callee)) {
      Diags.error(Loc, "generator '" + Callee->getName() +
                           "' is not defined in this file: its frame must "
                           "be known where ca_for iterates over it");
      return;
    }
    Diags.error(Loc, "the frame of async function '" + Callee->getName() +
                         "' is unknown here: its body is not in this file; "
                         "declare its prototype with a frame budget, "
                         "async_budget(N) (checked where it is defined), or "
                         "define it in this file");
  });
}

/// A goto from outside Loop, a ca_for, to a label in it would skip the
/// generator's init: its frame would be polled uninitialised.
void checkGotoIntoFor(const ForStmt *Loop, const Stmt *Body, DiagSink &Diags) {
  struct Gotos : RecursiveASTVisitor<Gotos> {
    std::vector<const GotoStmt *> Found;
    bool VisitGotoStmt(GotoStmt *G) {
      Found.push_back(G);
      return true;
    }
  } G;
  G.TraverseStmt(const_cast<Stmt *>(Body));
  if (G.Found.empty())
    return;
  ParentMap PM(const_cast<Stmt *>(Body));
  auto Inside = [&](const Stmt *S) {
    for (; S; S = PM.getParent(S))
      if (S == Loop)
        return true;
    return false;
  };
  for (const GotoStmt *Goto : G.Found)
    if (Goto->getLabel()->getStmt() && Inside(Goto->getLabel()->getStmt()) &&
        !Inside(Goto))
      Diags.error(Goto->getGotoLoc(),
                  "goto into the body of a ca_for: it would skip the start "
                  "of the generator; jump to before the ca_for instead");
}

/// Generators: where yield, ca_for and ca_for_await may stand, what a
/// generator may do. yield outside a generator, or inside an expression; a
/// ca_for that does not declare one variable and call a generator by name,
/// or is written inside a macro of its own in plain code, or awaits in its
/// call; a ca_for over an async generator; a ca_for_await where await
/// cannot stand; a generator of void items, that returns a value, or that
/// awaits without being async.
void checkGenerators(const Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (auto &[Marker, In] : S.YieldMarkers) {
    auto It = In ? S.FunctionIndex.find(In->getCanonicalDecl())
                 : S.FunctionIndex.end();
    const AsyncFunction *F =
        It == S.FunctionIndex.end() ? nullptr : &S.Functions[It->second];
    if (!In || !isGenerator(In))
      Diags.error(Marker->getBeginLoc(),
                  In ? "yield outside a generator: '" + In->getName() +
                           "' is not declared gen (gen T " + In->getName() +
                           "(...) yields items of type T)"
                     : llvm::Twine("yield outside a function"));
    else if (F && !F->AwaitOfMarker.count(Marker))
      Diags.error(Marker->getBeginLoc(),
                  "yield(e) must be a statement of its own (`yield(e);`), "
                  "not part of an expression");
  }
  for (auto &[Loop, In] : S.ForMarkers) {
    ForParts P = forParts(Loop);
    SourceLocation At =
        SM.getImmediateExpansionRange(Loop->getForLoc()).getBegin();
    bool Await = isForAwaitMarker(Loop, Ctx);
    std::string Macro =
        (Await ? contract::ForAwaitMacro : contract::ForMacro).str();
    if (!P.Var || P.Declared != 2) {
      Diags.error(At, Macro + " declares one variable: " + Macro +
                          " (T v, g(x)) statement");
      continue;
    }
    const FunctionDecl *Callee = P.Call ? P.Call->getDirectCallee() : nullptr;
    if (!isGenerator(Callee)) {
      const Expr *What = P.Var->getInit()->IgnoreParenImpCasts();
      if (const auto *Comma = dyn_cast<BinaryOperator>(What))
        What = Comma->getRHS()->IgnoreParens();
      Diags.error(
          What->getBeginLoc(),
          Macro + " iterates over a call of a generator (" +
              (Await ? "async gen T s(...) or gen T g(...)" : "gen T g(...)") +
              ")" +
              (Callee ? "; '" + Callee->getName().str() + "' is not one"
                      : std::string(", called by name")));
      continue;
    }
    if (!Await && isAsyncGenerator(Callee))
      Diags.error(P.Call->getBeginLoc(),
                  "'" + Callee->getName() +
                      "' is an async generator (a stream), which may wait "
                      "for its items: iterate over it with ca_for_await (T "
                      "v, " +
                      Callee->getName() + "(...)) in an async function");
    if (Await && (!In || !mayAwait(In)))
      Diags.error(At,
                  !In ? llvm::Twine("ca_for_await outside a function")
                  : isGenerator(In)
                      ? "ca_for_await in generator '" + In->getName() +
                            "', which is not async: declare it async gen "
                            "to wait for the items of another"
                      : "ca_for_await outside an async function: '" +
                            In->getName() +
                            "' cannot wait for a stream's items; iterate in "
                            "an async function (ca_block_on or ca_spawn it "
                            "from here)");
    // Classify makes a suspend point of every ca_for_await over a stream
    // that statements reach; not of one inside an expression.
    auto It = In ? S.FunctionIndex.find(In->getCanonicalDecl())
                 : S.FunctionIndex.end();
    if (Await && It != S.FunctionIndex.end() && mayAwait(In) &&
        isAsyncGenerator(Callee) && !S.Functions[It->second].awaitAt(Loop))
      Diags.error(At, "ca_for_await inside an expression (a statement "
                      "expression) cannot wait for the stream; write the "
                      "loop as a statement of the function");
    if (containsAwait(P.Call, Ctx))
      Diags.error(P.Call->getBeginLoc(),
                  "await inside the call " + Macro +
                      " iterates over: await it in a statement before the "
                      "loop and pass the value");
    if (At.isMacroID() || !SM.isInMainFile(At))
      Diags.error(SM.getExpansionLoc(At),
                  Macro + " must be written in the .c file itself, not "
                          "inside another macro");
    if (In && In->getBody())
      checkGotoIntoFor(Loop, In->getBody(), Diags);
  }
  for (const AsyncFunction &F : S.Functions) {
    if (!F.IsGenerator)
      continue;
    QualType T = F.Decl->getReturnType();
    if (T->isVoidType())
      Diags.error(F.Decl->getLocation(),
                  "generator '" + F.Name +
                      "' yields items of type void; "
                      "declare the type of its items: gen T " +
                      F.Name + "(...)");
    struct Returns : RecursiveASTVisitor<Returns> {
      std::vector<const ReturnStmt *> WithValue;
      bool VisitReturnStmt(ReturnStmt *RS) {
        if (RS->getRetValue())
          WithValue.push_back(RS);
        return true;
      }
    } R;
    R.TraverseStmt(F.Decl->getBody());
    for (const ReturnStmt *RS : R.WithValue)
      Diags.error(RS->getBeginLoc(),
                  "generator '" + F.Name +
                      "' returns no value: `return;` "
                      "finishes it, and yield(e) hands out each item");
    // A generator that awaits could not be iterated by a plain loop: it
    // is an async generator, iterated by ca_for_await.
    if (isAsyncGenerator(F.Decl))
      continue;
    const Expr *Await = nullptr;
    for (const AwaitSite &A : F.Awaits)
      if (!A.Yield && !Await)
        Await = A.Marker;
    if (!F.Pending.empty() &&
        (!Await || F.Pending.front()->getBeginLoc() < Await->getBeginLoc()))
      Await = F.Pending.front();
    if (Await)
      Diags.error(Await->getBeginLoc(),
                  "await in generator '" + F.Name +
                      "', which is not async: "
                      "a generator's items are asked for by a plain loop, "
                      "which cannot wait; declare it async gen (a stream, "
                      "iterated by ca_for_await)");
  }
}

/// Await cycles: a frame that embeds itself would be infinite.
void checkCycles(const Shape &S, DiagSink &Diags) {
  for (const Shape::AwaitCycle &C : S.AwaitCycles) {
    const std::string &First = S.Functions[C.Functions.front()].Name;
    std::string Cycle;
    for (unsigned I : C.Functions)
      Cycle += "'" + S.Functions[I].Name + "' -> ";
    Cycle += "'" + First + "'";
    if (C.BackFor) {
      Diags.error(C.BackFor->Call->getBeginLoc(),
                  "'" + First + "' iterates over itself (" + Cycle +
                      "): its frame would contain the generator's, which "
                      "contains it; use a loop");
      continue;
    }
    Diags.error(C.Back->location(),
                "async function '" + First + "' awaits itself (" + Cycle +
                    "): its frame would contain itself; use a loop, or "
                    "ca_spawn for unbounded recursion");
  }
}

/// What a function that awaits cannot hold: storage that is not in a
/// fixed-size frame (alloca, variable-length arrays) and jumps that leave
/// or re-enter a poll function (setjmp, longjmp and their kin). The
/// operands of sizeof and _Alignof are not evaluated and not looked at.
class StackBound : public RecursiveASTVisitor<StackBound> {
public:
  std::vector<const VarDecl *> Vars; ///< parameters first, then locals
  std::vector<const CallExpr *> Allocas;
  std::vector<std::pair<const Stmt *, const char *>> NonLocalJumps;

  explicit StackBound(const FunctionDecl *FD) {
    for (const ParmVarDecl *P : FD->parameters())
      add(P);
    TraverseStmt(FD->getBody());
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage())
      add(VD);
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *Callee = CE->getDirectCallee()) {
      StringRef Name = Callee->getName();
      if (Callee->hasAttr<ReturnsTwiceAttr>() || Name.contains("setjmp") ||
          Name == "getcontext")
        NonLocalJumps.push_back({CE, "setjmp"});
      else if (Name.contains("longjmp") || Name == "setcontext" ||
               Name == "swapcontext")
        NonLocalJumps.push_back({CE, "longjmp"});
    }
    switch (CE->getBuiltinCallee()) {
    case Builtin::BIalloca:
    case Builtin::BI_alloca:
    case Builtin::BI__builtin_alloca:
    case Builtin::BI__builtin_alloca_uninitialized:
    case Builtin::BI__builtin_alloca_with_align:
    case Builtin::BI__builtin_alloca_with_align_uninitialized:
      Allocas.push_back(CE);
      break;
    default:
      break;
    }
    return true;
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }

private:
  void add(const VarDecl *VD) {
    if (Seen.insert(VD).second)
      Vars.push_back(VD);
  }
  llvm::SmallPtrSet<const VarDecl *, 16> Seen;
};

void checkStackBound(const AsyncFunction &F, DiagSink &Diags) {
  StackBound SB(F.Decl);
  for (const CallExpr *CE : SB.Allocas)
    Diags.error(CE->getBeginLoc(),
                "alloca in async function '" + F.Name +
                    "', which awaits: the memory is on the poll "
                    "function's stack and would not survive a suspension; "
                    "use a fixed-size local array");
  for (const VarDecl *VD : SB.Vars) {
    if (VD->getType()->isVariablyModifiedType())
      Diags.error(VD->getLocation(),
                  "variable-length array '" + VD->getName() +
                      "' in async function '" + F.Name +
                      "': a frame has a fixed size; use a fixed-size "
                      "array or a buffer passed by pointer");
  }
  for (auto [S, What] : SB.NonLocalJumps) {
    std::string Kind = What;
    if (Kind == "setjmp")
      Diags.error(S->getBeginLoc(),
                  "setjmp in async function '" + F.Name +
                      "', which awaits: a later poll runs on another "
                      "stack, so a longjmp back would resume a dead "
                      "one; return an error value instead");
    else
      Diags.error(S->getBeginLoc(),
                  "longjmp in async function '" + F.Name +
                      "', which awaits: leaving a poll function by "
                      "longjmp abandons its frame half-way; return an "
                      "error value instead");
  }
}

/// The declarations a frame field of type T needs before it: typedefs it
/// names anywhere, and tags it holds by value (a pointer to an incomplete
/// struct is fine).
void declarationsNeeded(QualType T, std::vector<const NamedDecl *> &Out,
                        bool ByValue = true) {
  for (int Depth = 0; !T.isNull() && Depth < 64; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      Out.push_back(TT->getDecl());
      T = TT->desugar();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      T = AT->getElementType();
    } else if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      T = PT->getPointeeType();
      ByValue = false;
    } else if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      T = ET->getNamedType();
    } else if (const auto *PT = dyn_cast<ParenType>(Ty)) {
      T = PT->getInnerType();
    } else if (const auto *FT = dyn_cast<FunctionProtoType>(Ty)) {
      for (QualType P : FT->param_types())
        declarationsNeeded(P, Out, false);
      T = FT->getReturnType();
      ByValue = false;
    } else if (const auto *Tag = dyn_cast<TagType>(Ty)) {
      if (ByValue)
        if (const TagDecl *Def = Tag->getDecl()->getDefinition())
          Out.push_back(Def);
      return;
    } else {
      return;
    }
  }
}

/// Calls Fn, once each, on every statement and expression that the
/// lowering prints again rather than copies: the bodies of the async
/// functions (with the types written in them) and the starts outside them.
void forEachReprinted(const Shape &S,
                      llvm::function_ref<void(const Stmt *)> Fn) {
  struct Walk : RecursiveASTVisitor<Walk> {
    llvm::function_ref<void(const Stmt *)> Fn;
    llvm::SmallPtrSet<const Stmt *, 32> Seen; // an init list's two forms
    bool VisitStmt(Stmt *S) {
      if (Seen.insert(S).second)
        Fn(S);
      return true;
    }
  } W;
  W.Fn = Fn;
  for (const AsyncFunction &F : S.Functions)
    W.TraverseStmt(F.Decl->getBody());
  for (const StartSite &St : S.Starts)
    if (!St.Nested)
      W.TraverseStmt(const_cast<Expr *>(St.Marker));
}

/// A name that is also an object-like macro where it stands (`#define base
/// (base + 1)`): the printed text holds the name, and parsing it again
/// expands the macro once more. A function-like macro is kept off by
/// `(name)` (ExprPrinter).
void checkMacroNames(const Shape &S, ASTContext &Ctx, DiagSink &Diags,
                     Preprocessor *PP) {
  const SourceManager &SM = Ctx.getSourceManager();
  forEachReprinted(S, [&](const Stmt *St) {
    const auto *DRE = dyn_cast<DeclRefExpr>(St);
    if (!DRE || macroNamedAt(PP, SM, DRE->getDecl()->getIdentifier(),
                             DRE->getLocation()) != MacroUse::ObjectLike)
      return;
    Diags.error(DRE->getLocation(),
                "'" + DRE->getDecl()->getName() +
                    "' is also the name of a macro defined here; cawait "
                    "re-prints this expression, already expanded, and the "
                    "macro would expand again: rename one of them");
  });
}

/// `#embed` data is printed as the directive again (embedDirective): one
/// it cannot read back cannot be printed.
void checkEmbeds(const Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  llvm::DenseSet<SourceLocation> Reported; // one directive, several nodes
  forEachReprinted(S, [&](const Stmt *St) {
    const auto *EE = dyn_cast<EmbedExpr>(St);
    if (!EE ||
        !embedDirective(EE, Ctx.getSourceManager(), Ctx.getLangOpts())
             .empty() ||
        !Reported.insert(EE->getBeginLoc()).second)
      return;
    Diags.error(EE->getBeginLoc(),
                "cawait cannot read this #embed directive back to re-emit "
                "it; initialize the array outside the async function");
  });
}

/// "file:line" of D, for messages that name a declaration elsewhere.
std::string whereIs(const Decl *D, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(D->getLocation()));
  if (P.isInvalid())
    return "?";
  return llvm::sys::path::filename(P.getFilename()).str() + ":" +
         std::to_string(P.getLine());
}

} // namespace

void checkUnsupported(const Shape &S, ASTContext &Ctx, DiagSink &Diags,
                      Preprocessor *PP, SourceText Text) {
  for (const AsyncFunction &F : S.Functions)
    checkClasses(F, Diags);
  checkFramesKnown(S, Ctx, Diags);
  for (const AsyncFunction &F : S.Functions)
    checkJoins(F, Ctx, Diags);
  checkCycles(S, Diags);
  checkOwned(S, Ctx, Diags);
  checkGenerators(S, Ctx, Diags);
  // Only in the user's own text: the normalized one declares ca__eN.
  if (Text == SourceText::User &&
      (!S.Functions.empty() || !S.Starts.empty() || !S.Pools.empty()))
    checkReservedNames(Ctx, S, Diags, PP);
  if (Diags.hasErrors())
    return;
  checkMacroNames(S, Ctx, Diags, PP);
  if (Diags.hasErrors())
    return;
  // What the rewrite of awaits inside expressions cannot do.
  if (Text == SourceText::User && needsNormalize(S))
    for (const ReportOnce::Report &R : normalizeLimits(Ctx, S, PP)) {
      if (R.Internal)
        Diags.internalError(R.Loc, R.Message);
      else
        Diags.error(R.Loc, R.Message);
    }
  // The normalized text still has an await it cannot lower: never guess,
  // say where.
  if (Text == SourceText::Normalized && needsNormalize(S))
    for (const AsyncFunction &F : S.Functions)
      for (const Expr *M : F.Pending)
        Diags.error(M->getBeginLoc(),
                    "cawait cannot lower this await here; assign it to a "
                    "variable in a statement of its own (T v = "
                    "await(f(...));) and use the variable");
}

void checkLowerable(const Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const AsyncFunction &F : S.Functions)
    if (!F.Awaits.empty())
      checkStackBound(F, Diags);
  checkEmbeds(S, Ctx, Diags);
  for (const TaskPool &P : S.Pools) {
    SourceLocation B = SM.getExpansionRange(P.Var->getSourceRange()).getBegin();
    if (SM.getFileID(SM.getExpansionLoc(B)) != SM.getMainFileID())
      Diags.error(P.Var->getLocation(),
                  "CA_TASK_POOL must be written in the .c file itself");
  }
  for (const StartSite &St : S.Starts) {
    if (St.Nested)
      continue;
    SourceLocation B = St.Marker->getBeginLoc();
    CharSourceRange R = SM.getImmediateExpansionRange(B);
    if (R.getBegin().isMacroID() || R.getEnd().isMacroID() ||
        SM.getFileID(SM.getExpansionLoc(B)) != SM.getMainFileID())
      Diags.error(B, "ca_block_on and ca_spawn outside async functions must "
                     "be written in the .c file itself, not inside another "
                     "macro");
  }
}

void checkBudgets(const Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned MaxAlign = maxFrameAlign(Ctx);
  for (const AsyncFunction &F : S.Functions) {
    unsigned Budget = declaredBudget(F.Decl);
    if (!Budget)
      continue;
    const FunctionDecl *Declared = F.Decl;
    for (const FunctionDecl *R : F.Decl->redecls())
      if (ownBudget(R))
        Declared = R;
    if (F.FrameSize > Budget)
      Diags.error(
          F.Decl->getLocation(),
          "the frame of '" + F.Name + "' is " + std::to_string(F.FrameSize) +
              " bytes, more than its budget of " + std::to_string(Budget) +
              " bytes (declared at " + whereIs(Declared, SM) +
              "); raise the budget, or hold less across its awaits "
              "(-fplugin-arg-cawait-frame-report lists what it "
              "holds)");
    else if (F.FrameAlign > MaxAlign)
      Diags.error(F.Decl->getLocation(),
                  "the frame of '" + F.Name + "' is aligned to " +
                      std::to_string(F.FrameAlign) +
                      " bytes; a budget's bytes are aligned to " +
                      std::to_string(MaxAlign));
  }
  for (const AddressUse &U : S.AddressUses) {
    unsigned Size = 0, Align = 1;
    if (S.FunctionIndex.count(U.Function->getCanonicalDecl()) ||
        findFrameRecord(U.Function, Ctx)) {
      std::tie(Size, Align) = calleeFrameSize(S, U.Function, Ctx);
    } else if (unsigned B = declaredBudget(U.Function)) {
      Size = B; // its own file checks that the frame fits B
      Align = MaxAlign;
    } else {
      continue; // unknown here: checked when called
    }
    std::string Ptr = U.Pointer.Where
                          ? "'" + U.Pointer.Where->getNameAsString() + "'"
                          : std::string("the pointer");
    if (Size > U.Pointer.Budget)
      Diags.error(U.Loc,
                  "the frame of '" + U.Function->getNameAsString() + "' is " +
                      std::to_string(Size) + " bytes, more than the " +
                      std::to_string(U.Pointer.Budget) + "-byte budget of " +
                      Ptr + " (declared at " + whereIs(U.Pointer.Where, SM) +
                      "); raise the budget or box the calls");
    else if (Align > MaxAlign)
      Diags.error(U.Loc, "the frame of '" + U.Function->getNameAsString() +
                             "' is aligned to " + std::to_string(Align) +
                             " bytes, more than a budget's " +
                             std::to_string(MaxAlign));
  }
}

void checkHoistedTypes(const HoistedTypes &Hoisted, DiagSink &Diags) {
  for (const HoistedTypes::LocalUse &U : Hoisted.LocalUses) {
    const std::string &F = U.Function->Name;
    if (!U.Kept) { // a tag defined inside an expression (LocalTypes.cpp)
      Diags.error(U.Use->getLocation(),
                  "the type defined in this expression moves to file scope "
                  "(the lowered '" +
                      F + "' prints no declaration to hold it), but it uses '" +
                      U.Use->getDecl()->getName() + "', which is local to '" +
                      F + "'; declare the type in a declaration of its own");
      continue;
    }
    Diags.error(U.Use->getLocation(),
                "'" + U.Kept->name() + "' is kept in the frame of '" + F +
                    "', so the type declared here moves to file scope, but "
                    "it uses '" +
                    U.Use->getDecl()->getName() + "', which is local to '" + F +
                    "'; declare the type at file scope");
  }
}

void checkTypeOrder(const Shape &S, const Placement &P,
                    const HoistedTypes &Hoisted, Splicer &Sp, ASTContext &Ctx,
                    DiagSink &Diags) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I != S.Functions.size(); ++I) {
    const AsyncFunction &F = S.Functions[I];
    for (const SavedVar &SV : F.Saved) {
      if (SV.Generator)
        continue; // a generator's frame, placed before it (Placement)
      std::vector<const NamedDecl *> Needs;
      declarationsNeeded(frameFieldType(SV, Ctx), Needs);
      for (const NamedDecl *ND : Needs)
        if (!Hoisted.isHoisted(ND) && Sp.inMainFile(ND->getLocation()) &&
            Sp.offset(ND->getLocation()) > P.FrameAt[I])
          Diags.error(SV.location(),
                      "the frame of '" + F.Name + "' is needed at line " +
                          llvm::Twine(SM.getLineNumber(SM.getMainFileID(),
                                                       P.FrameAt[I])) +
                          ", before '" + ND->getName() + "' (the type of '" +
                          SV.name() + "') is defined; move that definition up");
    }
    // So must the local types that move to file scope with it.
    for (const Decl *U : Hoisted.Of[I])
      forEachMemberType(U, [&](const Decl *Member, QualType T) {
        std::vector<const NamedDecl *> Needs;
        declarationsNeeded(T, Needs);
        for (const NamedDecl *ND : Needs)
          if (!Hoisted.isHoisted(ND) && Sp.inMainFile(ND->getLocation()) &&
              Sp.offset(ND->getLocation()) > P.FrameAt[I])
            Diags.error(Member->getLocation(),
                        "the frame of '" + F.Name + "' is needed at line " +
                            llvm::Twine(SM.getLineNumber(SM.getMainFileID(),
                                                         P.FrameAt[I])) +
                            ", with the types declared inside '" + F.Name +
                            "' that it keeps, before '" + ND->getName() +
                            "' is defined; move that definition up");
      });
  }
}

} // namespace cawait
