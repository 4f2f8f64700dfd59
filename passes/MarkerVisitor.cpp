//===- MarkerVisitor.cpp - Find the markers and check their use -----------===//
#include "MarkerVisitor.h"
#include "Annotations.h"
#include "Markers.h"
#include "Pools.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace cawait {
namespace {

class MarkerVisitor : public RecursiveASTVisitor<MarkerVisitor> {
public:
  MarkerVisitor(ASTContext &Ctx, DiagSink &Diags) : Ctx(Ctx), Diags(Diags) {}

  std::vector<FoundMarker> Markers;
  std::vector<UnevaluatedMarker> UnevaluatedMarkers;
  std::vector<const FunctionDecl *> AsyncDefinitions;

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = Current;
    if (FD->doesThisDeclarationHaveABody())
      Current = FD;
    bool R = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = Saved;
    return R;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!isAsyncFunction(FD))
      return true;
    if (FD->isVariadic())
      Diags.error(FD->getLocation(),
                  "async function '" + FD->getName() +
                      "' cannot be variadic: its frame must have a fixed "
                      "size; pass a pointer to the arguments instead");
    for (const ParmVarDecl *P : FD->parameters())
      if (P->getType()->isVariablyModifiedType())
        Diags.error(P->getLocation(),
                    "parameter '" + P->getName() + "' of async function '" +
                        FD->getName() +
                        "' has a variably modified type; its frame field "
                        "cannot name the size: pass a plain pointer and the "
                        "size");
    if (FD->isMain())
      Diags.error(FD->getLocation(),
                  "'main' cannot be async; run an async function from it "
                  "with ca_block_on(f(...))");
    if (!FD->doesThisDeclarationHaveABody())
      return true;
    const SourceManager &SM = Ctx.getSourceManager();
    if (!SM.isWrittenInMainFile(SM.getFileLoc(FD->getLocation()))) {
      Diags.error(FD->getLocation(),
                  "async function '" + FD->getName() +
                      "' is defined in a header; define it in a .c file, and "
                      "declare it in the header with a frame budget: "
                      "async_budget(N)");
      return true;
    }
    AsyncDefinitions.push_back(FD);
    return true;
  }

  // Operands C never evaluates (sizeof, typeof, _Generic's controlling
  // expression and unselected associations, the unchosen side of
  // __builtin_choose_expr): an await or async call there never runs and
  // needs no frame.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    // sizeof of a variable-length array type does evaluate its size.
    bool Evaluated = E->getTypeOfArgument()->isVariablyModifiedType();
    Unevaluated += !Evaluated;
    bool R = RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
    Unevaluated -= !Evaluated;
    return R;
  }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc TL) {
    ++Unevaluated;
    bool R = RecursiveASTVisitor::TraverseTypeOfExprTypeLoc(TL);
    --Unevaluated;
    return R;
  }
  bool TraverseGenericSelectionExpr(GenericSelectionExpr *E) {
    ++Unevaluated;
    if (E->isExprPredicate())
      TraverseStmt(E->getControllingExpr());
    --Unevaluated;
    for (auto Assoc : E->associations()) {
      bool Chosen = Assoc.isSelected();
      Unevaluated += !Chosen;
      TraverseStmt(Assoc.getAssociationExpr());
      Unevaluated -= !Chosen;
    }
    return true;
  }
  bool TraverseChooseExpr(ChooseExpr *E) {
    TraverseStmt(E->getCond());
    bool LHS = E->isConditionTrue();
    Unevaluated += !LHS;
    TraverseStmt(E->getLHS());
    Unevaluated -= !LHS;
    Unevaluated += LHS;
    TraverseStmt(E->getRHS());
    Unevaluated -= LHS;
    return true;
  }

  std::vector<FoundYield> Yields;
  std::vector<FoundFor> Fors;

  // Generators: yields and ca_for loops are recorded (Check reports their
  // misuse); the call a ca_for iterates over is its consumer.
  bool TraverseForStmt(ForStmt *FS) {
    if (!Unevaluated && isForMarker(FS, Ctx)) {
      Fors.push_back({FS, Current});
      // Check says what a call of anything but a generator is.
      if (const CallExpr *Call = forParts(FS).Call) {
        Consumed.insert(Call);
        AllowedRefs.insert(Call->getCallee()->IgnoreParenImpCasts());
      }
    }
    return RecursiveASTVisitor::TraverseForStmt(FS);
  }

  bool TraverseParenExpr(ParenExpr *PE) {
    if (!Unevaluated && isYieldMarker(PE, Ctx))
      Yields.push_back({PE, Current});
    std::optional<MarkerKind> K = markerKind(PE, Ctx);
    if (!Unevaluated && !K && !CombinatorDepth)
      if (std::optional<Combinator> C = combinatorKind(PE, Ctx))
        if (!AwaitedCombinators.count(PE)) {
          Diags.error(PE->getBeginLoc(), std::string(combinatorName(*C)) +
                                             " must be awaited: write await(" +
                                             combinatorName(*C) +
                                             "(...)) inside an async function");
          consumeBranches(PE);
        }
    if (K && Unevaluated)
      UnevaluatedMarkers.push_back({*K, PE});
    if (!K || Unevaluated)
      return RecursiveASTVisitor::TraverseParenExpr(PE);
    if (CombinatorDepth && *K == MarkerKind::Await) {
      Diags.error(PE->getBeginLoc(),
                  "await inside a branch of " +
                      std::string(combinatorName(CombinatorDepthKind)) +
                      ": the combinator awaits its branches; write the call "
                      "without await, and await what it needs first, before "
                      "the combinator");
      // Its call counts as awaited: one error is enough.
      if (const auto *Call =
              dyn_cast<CallExpr>(markerOperand(PE)->IgnoreParenImpCasts())) {
        Consumed.insert(Call);
        AllowedRefs.insert(Call->getCallee()->IgnoreParenImpCasts());
      }
      return RecursiveASTVisitor::TraverseParenExpr(PE);
    }
    if (*K == MarkerKind::Await)
      if (const Expr *Comb = awaitedCombinator(PE, Ctx))
        return traverseCombinator(PE, *combinatorKind(Comb, Ctx), Comb);
    const Expr *Operand = markerOperand(PE)->IgnoreParenImpCasts();
    bool Boxed = false;
    const CallExpr *Call = *K == MarkerKind::Await
                               ? awaitedCall(PE, &Boxed)
                               : dyn_cast<CallExpr>(Operand);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Boxed)
      AllowedRefs.insert(
          cast<BinaryOperator>(Operand)->getLHS()->IgnoreParenCasts());
    if (*K == MarkerKind::Await && Call && !Callee &&
        asyncPointerOf(Call->getCallee()).Async) {
      Consumed.insert(Call); // through an async function pointer
      AsyncPointer P = asyncPointerOf(Call->getCallee());
      if (!Boxed && !P.Boxed && !P.Budget && inAsyncDefinition())
        Diags.error(Call->getBeginLoc(),
                    "a call through async function pointer '" +
                        pointerName(Call) +
                        "' needs room for the callee's frame: declare the "
                        "pointer (or its typedef) async_budget(N) to keep N "
                        "bytes in this frame, or async_boxed, or box this "
                        "call: await(ca_boxed(...))");
    } else if (!isAsyncFunction(Callee)) {
      reportBadOperand(*K, Call ? Call : Operand, Callee);
      Call = nullptr;
    } else if (isGenerator(Callee)) {
      Diags.error(Call->getBeginLoc(), "'" + Callee->getName() +
                                           "' is a generator: iterate over "
                                           "it with " +
                                           forMacroOf(Callee) + " (T v, " +
                                           Callee->getName() + "(...)), not " +
                                           contract::markerMacro(*K));
      Consumed.insert(Call);
      AllowedRefs.insert(Call->getCallee()->IgnoreParenImpCasts());
      Call = nullptr;
    } else {
      if (Boxed)
        Diags.error(Operand->getBeginLoc(),
                    "ca_boxed is for calls through async function pointers; "
                    "'" +
                        Callee->getName() +
                        "' is called by name: its frame is embedded");
      Consumed.insert(Call);
      AllowedRefs.insert(Call->getCallee()->IgnoreParenImpCasts());
    }
    if (*K == MarkerKind::SpawnIn && Call && !checkSpawnPool(PE, Callee))
      Call = nullptr;
    Markers.push_back({*K, PE, Call, Current, StartDepth > 0});
    bool IsStart = *K != MarkerKind::Await;
    StartDepth += IsStart;
    bool R = TraverseStmt(const_cast<Expr *>(Operand));
    StartDepth -= IsStart;
    return R;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit()) {
      const auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts());
      if (!ILE)
        noteConversion(Init, VD, VD->getType());
      else if (const ArrayType *AT = VD->getType()->getAsArrayTypeUnsafe())
        for (const Expr *Elem : ILE->inits()) // an array of async pointers
          noteConversion(Elem, VD, AT->getElementType());
    }
    for (const auto *A : VD->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == contract::PoolAnnotation)
        checkPool(VD, A);
    return true;
  }

  /// The well-formed CA_TASK_POOL declarations, in order.
  std::vector<TaskPool> Pools;

  /// A CA_TASK_POOL declaration, annotate("cawait.pool", "f", N) on a static
  /// ca_task_pool: into Pools when it is well-formed, else reported.
  void checkPool(const VarDecl *VD, const AnnotateAttr *A) {
    SourceLocation Loc = VD->getLocation();
    if (A->args_size() != 2) {
      Diags.error(Loc, "write a task pool as CA_TASK_POOL(name, f, N)");
      return;
    }
    const auto *Name =
        dyn_cast<StringLiteral>(A->args_begin()[0]->IgnoreParenImpCasts());
    std::optional<llvm::APSInt> N =
        A->args_begin()[1]->getIntegerConstantExpr(Ctx);
    if (!N || N->isNegative() || *N == 0 || N->getActiveBits() > 31) {
      Diags.error(Loc, "the size of task pool '" + VD->getName() +
                           "' must be an integer constant from 1 to 2^31-1");
      return;
    }
    const FunctionDecl *Fn = nullptr;
    if (Name)
      for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(
               &Ctx.Idents.get(Name->getString())))
        if (const auto *FD = dyn_cast<FunctionDecl>(ND))
          Fn = FD;
    if (!isAsyncFunction(Fn)) {
      Diags.error(Loc, "task pool '" + VD->getName() + "' is for '" +
                           (Name ? Name->getString() : "?") +
                           "', which is not an async function declared "
                           "before the pool");
      return;
    }
    if (!VD->isFileVarDecl()) {
      Diags.error(Loc, "task pool '" + VD->getName() +
                           "' must be declared at file scope");
      return;
    }
    Pools.push_back({VD, Fn, N->getZExtValue()});
  }

  /// Whether the pool a ca_spawn_in names (`&pool`) is one of Pools, for
  /// Callee; reported when not.
  bool checkSpawnPool(const Expr *Marker, const FunctionDecl *Callee) {
    const Expr *PoolExpr = markerPool(Marker);
    const TaskPool *P = poolNamed(Pools, PoolExpr);
    if (!P) {
      Diags.error(PoolExpr->getBeginLoc(),
                  "the first argument of ca_spawn_in must be `&name`, where "
                  "name is declared with CA_TASK_POOL(name, f, N)");
      return false;
    }
    if (P->Function->getCanonicalDecl() != Callee->getCanonicalDecl()) {
      Diags.error(PoolExpr->getBeginLoc(),
                  "task pool '" + P->Var->getName() + "' holds tasks of '" +
                      P->Function->getName() + "', not of '" +
                      Callee->getName() +
                      "'; declare a pool for it with CA_TASK_POOL(name, " +
                      Callee->getName() + ", N)");
      return false;
    }
    return true;
  }

  /// Inside the body of an async function defined in the main file.
  bool inAsyncDefinition() const {
    return Current && !AsyncDefinitions.empty() &&
           AsyncDefinitions.back() == Current;
  }

  bool VisitCStyleCastExpr(CStyleCastExpr *CE) {
    noteConversion(CE->getSubExpr(), nullptr, CE->getType());
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *RS) {
    if (Current && RS->getRetValue())
      noteConversion(RS->getRetValue(), nullptr, Current->getReturnType());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
    const ValueDecl *D = nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(L))
      D = ME->getMemberDecl();
    else if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
      D = DRE->getDecl();
    noteConversion(BO->getRHS(), D, BO->getLHS()->getType());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *Syntactic) {
    // The traversal sees the form as written; fields are matched in the
    // semantic form.
    InitListExpr *ILE =
        Syntactic->isSemanticForm() ? Syntactic : Syntactic->getSemanticForm();
    if (!ILE)
      return true;
    QualType T = ILE->getType();
    if (const auto *RT = T->getAs<RecordType>()) {
      const RecordDecl *RD = RT->getDecl();
      if (RD->isUnion()) {
        if (const FieldDecl *FD = ILE->getInitializedFieldInUnion())
          if (ILE->getNumInits())
            noteConversion(ILE->getInit(0), FD, FD->getType());
        return true;
      }
      unsigned I = 0;
      for (const FieldDecl *FD : RD->fields()) {
        if (I >= ILE->getNumInits())
          break;
        noteConversion(ILE->getInit(I++), FD, FD->getType());
      }
    } else if (const ArrayType *AT = T->getAsArrayTypeUnsafe()) {
      for (const Expr *Init : ILE->inits())
        noteConversion(Init, nullptr, AT->getElementType());
    }
    return true;
  }

  /// Async functions converted to async function pointers with a budget.
  std::vector<AddressUse> AddressUses;
  llvm::DenseSet<const FunctionDecl *> AddressTaken;

  bool VisitCallExpr(CallExpr *CE) {
    // Arguments converted to async function pointer parameters.
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      for (unsigned I = 0; I < CE->getNumArgs() && I < FD->getNumParams(); ++I)
        noteConversion(CE->getArg(I), FD->getParamDecl(I),
                       FD->getParamDecl(I)->getType());
    } else if (const auto *FPT = CE->getCallee()
                                     ->getType()
                                     ->getPointeeType()
                                     ->getAs<FunctionProtoType>()) {
      for (unsigned I = 0; I < CE->getNumArgs() && I < FPT->getNumParams(); ++I)
        noteConversion(CE->getArg(I), nullptr, FPT->getParamType(I));
    }
    if (!CE->getDirectCallee() && !Consumed.count(CE) && !Unevaluated &&
        asyncPointerOf(CE->getCallee()).Async)
      Diags.error(CE->getBeginLoc(),
                  "call through async function pointer '" + pointerName(CE) +
                      "' is never awaited: write await(...) around it inside "
                      "an async function");
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (isGenerator(Callee) && !Consumed.count(CE) && !Unevaluated) {
      AllowedRefs.insert(CE->getCallee()->IgnoreParenImpCasts());
      Diags.error(CE->getBeginLoc(), "call of generator '" + Callee->getName() +
                                         "' outside " + forMacroOf(Callee) +
                                         ": iterate over it with " +
                                         forMacroOf(Callee) + " (T v, " +
                                         Callee->getName() + "(...))");
    } else if (isAsyncFunction(Callee) && !Consumed.count(CE) && !Unevaluated) {
      AllowedRefs.insert(CE->getCallee()->IgnoreParenImpCasts());
      Diags.error(CE->getBeginLoc(),
                  "call of async function '" + Callee->getName() +
                      "' is never awaited: write await(" + Callee->getName() +
                      "(...)) inside an async function, or start it with "
                      "ca_block_on(...) or ca_spawn(...)");
    }
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (isBoxedMarkerRef(DRE) && !AllowedRefs.count(DRE) && !Unevaluated)
      Diags.error(DRE->getBeginLoc(),
                  "ca_boxed(...) must be what await(...) awaits: "
                  "await(ca_boxed(p(x))) for a pointer p");
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    if (isAsyncFunction(FD) && !AllowedRefs.count(DRE) && !Unevaluated)
      Diags.error(DRE->getLocation(),
                  "async function '" + FD->getName() +
                      "' used as a value; store it in an async function "
                      "pointer (declared async_budget(N) or async_boxed), or "
                      "call it directly inside await(...)");
    return true;
  }

  /// Value converted to what D (of type T) holds: an async function given
  /// to an async function pointer is fine; one with a budget is checked.
  void noteConversion(const Expr *Value, const ValueDecl *D, QualType T) {
    const Expr *V = Value->IgnoreParenImpCasts();
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(V)) {
      noteConversion(CO->getTrueExpr(), D, T);
      noteConversion(CO->getFalseExpr(), D, T);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(V))
      if (BO->getOpcode() == BO_Comma) {
        noteConversion(BO->getRHS(), D, T);
        return;
      }
    if (const auto *UO = dyn_cast<UnaryOperator>(V))
      if (UO->getOpcode() == UO_AddrOf)
        V = UO->getSubExpr()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(V);
    const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
    if (!isAsyncFunction(FD))
      return;
    AsyncPointer P = asyncPointerOf(D, T);
    if (!P.Async)
      return;
    AllowedRefs.insert(DRE);
    AddressTaken.insert(FD->getCanonicalDecl());
    // A pointer points to the function cawait generates beside f__init.
    // A leaf future written by hand (a frame struct and no body) has none;
    // neither has an async function of the runtime, compiled twice into
    // libcawait (lowered, and blocking for programs built without the
    // plugin), whose name is the blocking function's.
    const char *NoTarget = !FD->isDefined() && findFrameRecord(FD, Ctx)
                               ? "a leaf future written by hand"
                           : isRuntimeAsync(FD)
                               ? "an async function of the cawait runtime"
                               : nullptr;
    if (NoTarget) {
      Diags.error(DRE->getLocation(),
                  "'" + FD->getName() + "' is " + NoTarget +
                      ": an async function pointer cannot point to it; "
                      "point to an async function that awaits it");
      return;
    }
    if (P.Budget)
      AddressUses.push_back({FD, P, DRE->getLocation()});
  }

  /// Combinators awaited (the others are errors).
  llvm::SmallPtrSet<const Expr *, 4> AwaitedCombinators;

private:
  static std::string combinatorName(Combinator C) {
    return contract::combinatorMacro(C).str();
  }

  bool traverseCombinator(ParenExpr *Marker, Combinator C, const Expr *Comb) {
    AwaitedCombinators.insert(Comb);
    std::string Name = combinatorName(C);
    std::vector<const Expr *> Branches = combinatorBranches(Comb);
    // Whole variables assigned by earlier branches: a later branch's
    // arguments would read them before (with the plugin) or after
    // (without it) that assignment.
    llvm::DenseMap<const VarDecl *, unsigned> AssignedBy;
    bool Valid = !Branches.empty();
    for (unsigned I = 0; I != Branches.size(); ++I) {
      const Expr *B = Branches[I];
      const BinaryOperator *Assign = nullptr;
      const CallExpr *Call = branchCall(B, &Assign);
      const Expr *Bare = B->IgnoreImpCasts();
      if (Assign)
        Bare = Assign->getRHS()->IgnoreImpCasts();
      if (!Call) {
        Valid = false;
        if (markerKind(skipToMarker(Bare, Ctx), Ctx) == MarkerKind::Await)
          continue; // reported below, with the other awaits inside
        if (combinatorKind(Bare, Ctx)) {
          AwaitedCombinators.insert(Bare);
          consumeBranches(Bare);
          Diags.error(B->getBeginLoc(),
                      std::string("a combinator cannot be a branch of ") +
                          Name +
                          " directly; await it in an async function and "
                          "make a call of that function the branch");
          continue;
        }
        const auto *Plain = dyn_cast<CallExpr>(Bare->IgnoreParenImpCasts());
        const FunctionDecl *Callee = Plain ? Plain->getDirectCallee() : nullptr;
        Diags.error(
            B->getBeginLoc(),
            std::string("a branch of ") + Name +
                " must be a call of an async function, optionally "
                "assigned (`v = f(x)`)" +
                (Callee ? "; '" + Callee->getName().str() + "' is not async"
                        : std::string()));
        continue;
      }
      Consumed.insert(Call);
      AllowedRefs.insert(Call->getCallee()->IgnoreParenImpCasts());
      if (!Call->getDirectCallee()) {
        AsyncPointer P = asyncPointerOf(Call->getCallee());
        if (!P.Boxed && !P.Budget) {
          Valid = false;
          Diags.error(Call->getBeginLoc(),
                      "a call through async function pointer '" +
                          pointerName(Call) + "' in a branch of " + Name +
                          " needs room for the callee's frame: declare the "
                          "pointer (or its typedef) async_budget(N) to keep "
                          "N bytes in this frame, or async_boxed");
        }
      }
      struct Reads : RecursiveASTVisitor<Reads> {
        std::vector<const DeclRefExpr *> Refs;
        bool VisitDeclRefExpr(DeclRefExpr *D) {
          Refs.push_back(D);
          return true;
        }
      } R;
      for (const Expr *Arg : Call->arguments())
        R.TraverseStmt(const_cast<Expr *>(Arg));
      for (const DeclRefExpr *D : R.Refs) {
        auto It = AssignedBy.find(dyn_cast<VarDecl>(D->getDecl()));
        if (It != AssignedBy.end()) {
          Valid = false;
          Diags.error(D->getLocation(),
                      "'" + D->getDecl()->getName() +
                          "' is assigned by branch " + llvm::Twine(It->second) +
                          " of this " + Name +
                          ", which may complete before or after this one "
                          "starts; read it after the " +
                          Name + ", or use another variable");
        }
      }
      if (Assign)
        if (const auto *T =
                dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens()))
          if (const auto *VD = dyn_cast<VarDecl>(T->getDecl()))
            AssignedBy.try_emplace(VD, I);
    }
    if (Branches.size() > 32) {
      Valid = false;
      Diags.error(Marker->getBeginLoc(),
                  std::string(Name) + " of " +
                      llvm::Twine(Branches.size()).str() +
                      " branches; at most 32 are supported: nest them in "
                      "async functions");
    }
    Markers.push_back({MarkerKind::Await, Marker, nullptr, Current,
                       StartDepth > 0, Valid ? C : Combinator::None});
    Combinator SavedKind = CombinatorDepthKind;
    CombinatorDepthKind = C;
    ++CombinatorDepth;
    bool R = TraverseStmt(const_cast<Expr *>(Comb));
    --CombinatorDepth;
    CombinatorDepthKind = SavedKind;
    return R;
  }

  /// The calls of a rejected combinator: one error is enough.
  void consumeBranches(const Expr *Comb) {
    for (const Expr *B : combinatorBranches(Comb)) {
      const BinaryOperator *Assign;
      if (const CallExpr *C = branchCall(B, &Assign)) {
        Consumed.insert(C);
        AllowedRefs.insert(C->getCallee()->IgnoreParenImpCasts());
      }
    }
  }

  unsigned CombinatorDepth = 0;
  Combinator CombinatorDepthKind = Combinator::None;

  void reportBadOperand(MarkerKind K, const Expr *Operand,
                        const FunctionDecl *Callee) {
    std::string What = contract::markerMacro(K).str();
    if (Callee)
      Diags.error(Operand->getBeginLoc(),
                  What + " needs a call of an async function; '" +
                      Callee->getName() +
                      "' is not async (declare it with the async attribute)");
    else if (isa<CallExpr>(Operand) && K == MarkerKind::Await)
      Diags.error(
          Operand->getBeginLoc(),
          "await of a call through a function pointer that is not "
          "async: declare the pointer (or its typedef) async_budget(N) or "
          "async_boxed");
    else if (isa<CallExpr>(Operand))
      Diags.error(Operand->getBeginLoc(),
                  What + " of a call through a function pointer is not "
                         "supported; call the async function by name");
    else
      Diags.error(Operand->getBeginLoc(),
                  What + " needs a call of an async function, such as " + What +
                      "(f(x))");
  }

public:
  /// Markers where they cannot run: an await (or combinator) outside an
  /// async function, a ca_block_on inside one.
  void checkPlaces() {
    for (const FoundMarker &M : Markers) {
      bool InAsync = M.Enclosing && isAsyncFunction(M.Enclosing);
      SourceLocation Loc = M.Marker->getBeginLoc();
      if (M.Kind == MarkerKind::Await && !InAsync) {
        if (const Expr *Comb = awaitedCombinator(M.Marker, Ctx))
          Diags.error(Loc, combinatorName(*combinatorKind(Comb, Ctx)) +
                               " outside an async function: its branches run "
                               "concurrently only inside one; put the await in "
                               "an async function and run that with "
                               "ca_block_on(...)");
        else
          Diags.error(Loc, M.Enclosing
                               ? "await outside an async function: mark '" +
                                     M.Enclosing->getName() +
                                     "' async, or use ca_block_on(...) to run "
                                     "the call to completion"
                               : llvm::Twine("await outside a function"));
      }
      if (M.Kind == MarkerKind::BlockOn && InAsync)
        Diags.error(Loc, "ca_block_on inside async function '" +
                             M.Enclosing->getName() +
                             "' would block its executor; use await(...)");
    }
  }

private:
  ASTContext &Ctx;
  DiagSink &Diags;
  const FunctionDecl *Current = nullptr;
  unsigned StartDepth = 0;
  unsigned Unevaluated = 0;
  llvm::SmallPtrSet<const CallExpr *, 16> Consumed;
  llvm::SmallPtrSet<const Expr *, 16> AllowedRefs;
};

} // namespace

MarkerScan scanMarkers(ASTContext &Ctx, DiagSink &Diags) {
  MarkerVisitor V(Ctx, Diags);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  V.checkPlaces();
  MarkerScan Scan;
  Scan.Yields = std::move(V.Yields);
  Scan.Fors = std::move(V.Fors);
  Scan.Markers = std::move(V.Markers);
  Scan.Unevaluated = std::move(V.UnevaluatedMarkers);
  Scan.AsyncDefinitions = std::move(V.AsyncDefinitions);
  Scan.Pools = std::move(V.Pools);
  Scan.AddressUses = std::move(V.AddressUses);
  Scan.AddressTaken = std::move(V.AddressTaken);
  return Scan;
}

} // namespace cawait
