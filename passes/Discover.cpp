//===- Discover.cpp - Find async functions, awaits and starts ------------===//
//
// Two walks. A RecursiveASTVisitor over the whole translation unit finds the
// cawait.h markers (await, ca_block_on, ca_spawn), checks that every async
// call is started by one of them and every marker holds an async call, and
// collects the async definitions. Then, per async function, a walk over its
// statements decides which awaits sit where the lowering can suspend (a
// statement of their own, an initializer, the right side of an assignment,
// a return value) and numbers them.
//
//===----------------------------------------------------------------------===//
#include "Discover.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtOpenACC.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include <functional>

#define DEBUG_TYPE "cawait-discover"

using namespace clang;

namespace cawait {

bool isAsyncFunction(const FunctionDecl *FD) {
  if (!FD)
    return false;
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "cawait.async")
        return true;
  return false;
}

static unsigned budgetOf(const Decl *D) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    StringRef Text = A->getAnnotation();
    unsigned Bytes = 0;
    if (Text.consume_front("cawait.budget=") && !Text.getAsInteger(10, Bytes))
      return Bytes;
  }
  return 0;
}

static bool hasAnnotation(const Decl *D, StringRef Name) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Name)
      return true;
  return false;
}

bool isRuntimeAsync(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, "cawait.runtime"))
      return true;
  return false;
}

unsigned declaredBudget(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (unsigned B = budgetOf(R))
      return B;
  return 0;
}

/// Adds what D says about the pointer to P (the first declaration that
/// says anything wins).
static void addPointerFacts(const NamedDecl *D, AsyncPointer &P) {
  if (!D || P.Async || !hasAnnotation(D, "cawait.async"))
    return;
  P.Async = true;
  P.Budget = budgetOf(D);
  P.Boxed = hasAnnotation(D, "cawait.boxed");
  P.Where = D;
}

AsyncPointer asyncPointerOf(const ValueDecl *D, QualType T) {
  AsyncPointer P;
  addPointerFacts(D, P);
  // The typedefs of the pointer type, then of the function type.
  for (int Depth = 0; !T.isNull() && Depth < 16 && !P.Async; ++Depth) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      addPointerFacts(TT->getDecl(), P);
      T = TT->desugar();
      continue;
    }
    if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
      continue;
    }
    if (const auto *PT = dyn_cast<ParenType>(T.getTypePtr())) {
      T = PT->getInnerType();
      continue;
    }
    break;
  }
  return P;
}

AsyncPointer asyncPointerOf(const Expr *Callee) {
  const Expr *E = Callee->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
    E = ICE->getSubExpr()->IgnoreParens();
  const ValueDecl *D = nullptr;
  QualType T = E->getType();
  // An element of an array of async function pointers: what the array's
  // declaration says.
  while (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    E = AS->getBase()->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = DRE->getDecl();
  if (isa_and_nonnull<FunctionDecl>(D))
    return {};
  return asyncPointerOf(D, T);
}

/// The name of the cawait.h macro whose expansion E is (its opening
/// parenthesis is the macro body's first token), or "".
static StringRef markerMacro(const Expr *E, const ASTContext &Ctx) {
  const auto *PE = dyn_cast_or_null<ParenExpr>(E);
  if (!PE)
    return "";
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation B = PE->getLParen();
  // Inside another macro's argument (await(f(await(g())))) the location is
  // that argument's expansion first: look through it.
  while (B.isMacroID() && SM.isMacroArgExpansion(B))
    B = SM.getImmediateSpellingLoc(B);
  // The marker's parenthesis comes from the macro body, and is its first
  // token; parentheses the user wrote inside the argument do not count.
  if (!B.isMacroID() || !SM.isMacroBodyExpansion(B) ||
      !SM.isAtStartOfImmediateMacroExpansion(B))
    return "";
  return Lexer::getImmediateMacroName(B, SM, Ctx.getLangOpts());
}

std::optional<MarkerKind> markerKind(const Expr *E, const ASTContext &Ctx) {
  StringRef Name = markerMacro(E, Ctx);
  const auto *PE = dyn_cast_or_null<ParenExpr>(E);
  if (Name == "await")
    return MarkerKind::Await;
  if (Name == "ca_block_on")
    return MarkerKind::BlockOn;
  if (Name == "ca_spawn" && isa<CStyleCastExpr>(PE->getSubExpr()))
    return MarkerKind::Spawn;
  if (Name == "ca_spawn_in" && isa<CStyleCastExpr>(PE->getSubExpr()))
    return MarkerKind::SpawnIn;
  return std::nullopt;
}

std::optional<Combinator> combinatorKind(const Expr *E, const ASTContext &Ctx) {
  StringRef Name = markerMacro(E, Ctx);
  if (Name == "ca_join")
    return Combinator::Join;
  if (Name == "ca_select")
    return Combinator::Select;
  return std::nullopt;
}

const Expr *awaitedCombinator(const Expr *Await, const ASTContext &Ctx) {
  const Expr *E = markerOperand(Await);
  for (;;) {
    E = E->IgnoreImpCasts();
    if (combinatorKind(E, Ctx))
      return E;
    const auto *PE = dyn_cast<ParenExpr>(E);
    if (!PE)
      return nullptr;
    E = PE->getSubExpr();
  }
}

/// The comma-separated operands of a macro argument list, in order.
static void flattenCommas(const Expr *E, std::vector<const Expr *> &Out) {
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->getOpcode() == BO_Comma) {
      flattenCommas(BO->getLHS(), Out);
      flattenCommas(BO->getRHS(), Out);
      return;
    }
  Out.push_back(E);
}

std::vector<const Expr *> combinatorBranches(const Expr *Comb) {
  // ca_join: ((void)(B...)); ca_select: ((void)(B...), 0).
  const Expr *Sub = cast<ParenExpr>(Comb)->getSubExpr();
  if (const auto *BO = dyn_cast<BinaryOperator>(Sub))
    if (BO->getOpcode() == BO_Comma)
      Sub = BO->getLHS();
  std::vector<const Expr *> Out;
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(Sub))
    if (const auto *Inner = dyn_cast<ParenExpr>(Cast->getSubExpr()))
      flattenCommas(Inner->getSubExpr(), Out);
  return Out;
}

const CallExpr *branchCall(const Expr *B, const BinaryOperator **Assignment) {
  B = B->IgnoreParens();
  *Assignment = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(B))
    if (BO->isAssignmentOp()) {
      *Assignment = BO;
      B = BO->getRHS();
    }
  const auto *Call = dyn_cast<CallExpr>(B->IgnoreParenImpCasts());
  return Call && isAsyncFunction(Call->getDirectCallee()) ? Call : nullptr;
}

const Expr *skipToMarker(const Expr *E, const ASTContext &Ctx) {
  for (;;) {
    E = E->IgnoreImpCasts();
    const auto *PE = dyn_cast<ParenExpr>(E);
    if (!PE || markerKind(E, Ctx))
      return E;
    E = PE->getSubExpr();
  }
}

/// The operands of a start marker: `((T)((void)(a), ..., (void *)0))`
/// gives a, ...; `((void)(e))` gives e.
static std::vector<const Expr *> startOperands(const Expr *Marker) {
  const Expr *Sub = cast<ParenExpr>(Marker)->getSubExpr();
  const auto *Cast = dyn_cast<CStyleCastExpr>(Sub);
  if (!Cast)
    return {Sub};
  const auto *Inner = dyn_cast<ParenExpr>(Cast->getSubExpr());
  if (!Inner)
    return {Sub};
  std::vector<const Expr *> Parts;
  flattenCommas(Inner->getSubExpr(), Parts);
  if (Parts.size() == 1)
    return Parts;
  Parts.pop_back(); // the (void *)0 that gives the handle's type
  for (const Expr *&P : Parts)
    if (const auto *V = dyn_cast<CStyleCastExpr>(P))
      if (const auto *Arg =
              dyn_cast<ParenExpr>(V->getSubExpr()->IgnoreImpCasts()))
        P = Arg->getSubExpr();
  return Parts;
}

const Expr *markerOperand(const Expr *Marker) {
  return startOperands(Marker).back();
}

const Expr *markerPool(const Expr *Marker) {
  return startOperands(Marker).front();
}

/// `(void)ca__boxed, call`: what ca_boxed(call) expands to with the
/// plugin. A structure, not a macro name, so it survives re-printing.
static const Expr *unboxed(const Expr *E, bool *Boxed) {
  const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!BO || BO->getOpcode() != BO_Comma)
    return E;
  const auto *Cast = dyn_cast<CStyleCastExpr>(BO->getLHS()->IgnoreParens());
  if (!Cast || !Cast->getType()->isVoidType())
    return E;
  const auto *D =
      dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParenImpCasts());
  if (!D || D->getDecl()->getName() != "ca__boxed")
    return E;
  if (Boxed)
    *Boxed = true;
  return BO->getRHS();
}

const CallExpr *awaitedCall(const Expr *Marker, bool *Boxed) {
  if (Boxed)
    *Boxed = false;
  return dyn_cast<CallExpr>(
      unboxed(markerOperand(Marker), Boxed)->IgnoreParenImpCasts());
}

std::string pointerName(const CallExpr *Call) {
  AsyncPointer P = asyncPointerOf(Call->getCallee());
  const Expr *E = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl()->getNameAsString();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getNameAsString();
  return P.Where ? P.Where->getNameAsString() : "pointer";
}

MacroUse macroNamedAt(Preprocessor *PP, const SourceManager &SM,
                      const IdentifierInfo *II, SourceLocation Loc) {
  if (!II || !II->hadMacroDefinition())
    return MacroUse::None;
  if (!PP)
    return MacroUse::FunctionLike;
  MacroDefinition MD = PP->getMacroDefinitionAtLoc(II, SM.getExpansionLoc(Loc));
  const MacroInfo *MI = MD.getMacroInfo();
  if (!MI)
    return MacroUse::None;
  // `#define SHUT_WR SHUT_WR` (how glibc names its enumerators): expanding
  // it again gives the same name, so re-printing the name is harmless.
  if (MI->isObjectLike() && MI->getNumTokens() == 1 &&
      MI->getReplacementToken(0).getIdentifierInfo() == II)
    return MacroUse::None;
  return MI->isObjectLike() ? MacroUse::ObjectLike : MacroUse::FunctionLike;
}

const RecordDecl *findFrameRecord(const FunctionDecl *FD, ASTContext &Ctx) {
  std::string Name = FD->getNameAsString() + "__frame";
  for (const NamedDecl *ND :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *RD = dyn_cast<RecordDecl>(ND))
      if (const RecordDecl *Def = RD->getDefinition())
        return Def;
  return nullptr;
}

static const char *markerName(MarkerKind K) {
  switch (K) {
  case MarkerKind::Await:
    return "await";
  case MarkerKind::BlockOn:
    return "ca_block_on";
  case MarkerKind::Spawn:
    return "ca_spawn";
  case MarkerKind::SpawnIn:
    return "ca_spawn_in";
  }
  return "?";
}

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

/// Whether an await that can suspend is nested in E (in the arguments of
/// an awaited call); awaits of functions that never suspend are calls.
static bool hasNestedAwait(const Stmt *S, const ASTContext &Ctx,
                           const Shape &Sh) {
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    if (const auto *E = dyn_cast<Expr>(Child))
      if (markerKind(E, Ctx) == MarkerKind::Await) {
        const CallExpr *Call = awaitedCall(E);
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        if (!Callee || !Sh.neverSuspends(Callee))
          return true;
      }
    if (hasNestedAwait(Child, Ctx, Sh))
      return true;
  }
  return false;
}

namespace {

struct FoundMarker {
  MarkerKind Kind;
  const Expr *Marker;
  const CallExpr *Call; // null when the operand is not an async call
  const FunctionDecl *Enclosing;
  bool InsideStart; // inside the operand of another block_on/spawn
  Combinator Comb = Combinator::None; // await of a valid combinator
};

class MarkerVisitor : public RecursiveASTVisitor<MarkerVisitor> {
public:
  MarkerVisitor(ASTContext &Ctx, DiagSink &Diags) : Ctx(Ctx), Diags(Diags) {}

  std::vector<FoundMarker> Markers;
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
                    "parameter '" + P->getName() +
                        "' of async function '" + FD->getName() +
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

  bool TraverseParenExpr(ParenExpr *PE) {
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
    } else if (!isAsyncFunction(Callee)) {
      reportBadOperand(*K, Call ? Call : Operand, Callee);
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
      if (A->getAnnotation() == "cawait.pool")
        PoolDecls.push_back({VD, A});
    return true;
  }

  /// CA_TASK_POOL declarations, in order.
  std::vector<std::pair<const VarDecl *, const AnnotateAttr *>> PoolDecls;

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
    if (isAsyncFunction(Callee) && !Consumed.count(CE) && !Unevaluated) {
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
    if (DRE->getDecl()->getName() == "ca__boxed" && !AllowedRefs.count(DRE) &&
        !Unevaluated)
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
  static const char *combinatorName(Combinator C) {
    return C == Combinator::Join ? "ca_join" : "ca_select";
  }

  bool traverseCombinator(ParenExpr *Marker, Combinator C, const Expr *Comb) {
    AwaitedCombinators.insert(Comb);
    const char *Name = combinatorName(C);
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
    std::string What = markerName(K);
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

  ASTContext &Ctx;
  DiagSink &Diags;
  const FunctionDecl *Current = nullptr;
  unsigned StartDepth = 0;
  unsigned Unevaluated = 0;
  llvm::SmallPtrSet<const CallExpr *, 16> Consumed;
  llvm::SmallPtrSet<const Expr *, 16> AllowedRefs;
};

/// Walks the statements of one async function: finds the awaits in a
/// position the lowering supports, in source order, and rejects statements
/// it does not know.
class StatementWalker {
public:
  StatementWalker(ASTContext &Ctx, DiagSink &Diags, const Shape &S,
                  AsyncFunction &F)
      : Ctx(Ctx), Diags(Diags), S(S), F(F) {}

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
            accept(skipToMarker(Init, Ctx), AwaitForm::DeclInit);
      return;
    case Stmt::ReturnStmtClass:
      if (const Expr *V = cast<ReturnStmt>(S)->getRetValue())
        accept(skipToMarker(V, Ctx), AwaitForm::Return);
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
  void classifyExpression(const Expr *E) {
    E = skipToMarker(E, Ctx);
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
      if (Cast->getType()->isVoidType())
        E = skipToMarker(Cast->getSubExpr(), Ctx); // `(void)await(f(x));`
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      if (BO->isAssignmentOp()) {
        accept(skipToMarker(BO->getRHS(), Ctx), AwaitForm::Assign, BO);
        return;
      }
    accept(E, AwaitForm::ExprStmt);
  }

  void accept(const Expr *E, AwaitForm Form,
              const BinaryOperator *Assignment = nullptr) {
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
        if (!A.Boxed && !A.Budget) {
          Diags.error(Call->getBeginLoc(),
                      "a call through async function pointer '" +
                          pointerName(Call) +
                          "' needs room for the callee's frame: declare the "
                          "pointer (or its typedef) async_budget(N) to keep N "
                          "bytes in this frame, or async_boxed, or box this "
                          "call: await(ca_boxed(...))");
          return;
        }
      }
      if (Call->getDirectCallee() &&
          S.neverSuspends(Call->getDirectCallee()))
        return; // not a suspend point: a call of its f__sync
      A.Call = Call;
      A.Callee = Call->getDirectCallee();
    }
    A.State = F.Awaits.size() + 1;
    A.Marker = E;
    A.Form = Form;
    A.Assignment = Assignment;
    F.AwaitOfMarker[E] = F.Awaits.size();
    F.Awaits.push_back(A);
  }

  ASTContext &Ctx;
  DiagSink &Diags;
  const Shape &S;
  AsyncFunction &F;
};

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

/// Which async functions of the file can suspend: those awaiting a
/// combinator, a call through a pointer, a function not defined here (a
/// leaf future, a body in another file), or one that can suspend. The rest
/// run to completion in their first poll, whoever awaits them.
void computeMaySuspend(Shape &S, const std::vector<FoundMarker> &Markers,
                       ASTContext &Ctx) {
  unsigned N = S.Functions.size();
  std::vector<bool> Suspends(N, false);
  std::vector<std::vector<unsigned>> CalledBy(N);
  for (const FoundMarker &M : Markers) {
    if (M.Kind != MarkerKind::Await || !M.Enclosing)
      continue;
    AsyncFunction *F = S.lookup(M.Enclosing);
    if (!F)
      continue;
    unsigned I = F - S.Functions.data();
    const FunctionDecl *Callee =
        M.Call && M.Comb == Combinator::None ? M.Call->getDirectCallee()
                                             : nullptr;
    AsyncFunction *C = Callee ? S.lookup(Callee) : nullptr;
    if (!C)
      Suspends[I] = true;
    else
      CalledBy[C - S.Functions.data()].push_back(I);
  }
  std::vector<unsigned> Work;
  for (unsigned I = 0; I != N; ++I)
    if (Suspends[I])
      Work.push_back(I);
  while (!Work.empty()) {
    unsigned C = Work.back();
    Work.pop_back();
    for (unsigned I : CalledBy[C])
      if (!Suspends[I]) {
        Suspends[I] = true;
        Work.push_back(I);
      }
  }
  for (unsigned I = 0; I != N; ++I)
    S.Functions[I].MaySuspend = Suspends[I];
  (void)Ctx;
}

/// The pools of CA_TASK_POOL: annotate("cawait.pool", "f", N) on a static
/// ca_task_pool.
void collectPools(
    Shape &S,
    const std::vector<std::pair<const VarDecl *, const AnnotateAttr *>> &Decls,
    ASTContext &Ctx, DiagSink &Diags) {
  S.Pools.reserve(Decls.size());
  for (auto [VD, A] : Decls) {
    SourceLocation Loc = VD->getLocation();
    if (A->args_size() != 2) {
      Diags.error(Loc, "write a task pool as CA_TASK_POOL(name, f, N)");
      continue;
    }
    const auto *Name =
        dyn_cast<StringLiteral>(A->args_begin()[0]->IgnoreParenImpCasts());
    std::optional<llvm::APSInt> N =
        A->args_begin()[1]->getIntegerConstantExpr(Ctx);
    if (!N || N->isNegative() || *N == 0 || N->getActiveBits() > 31) {
      Diags.error(Loc, "the size of task pool '" + VD->getName() +
                           "' must be an integer constant from 1 to 2^31-1");
      continue;
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
      continue;
    }
    if (!VD->isFileVarDecl()) {
      Diags.error(Loc, "task pool '" + VD->getName() +
                           "' must be declared at file scope");
      continue;
    }
    S.Pools.push_back({VD, Fn, N->getZExtValue()});
  }
}

/// The pool a ca_spawn_in names (`&pool`), checked against the callee.
const TaskPool *poolOf(const Shape &S, const Expr *PoolExpr,
                       const FunctionDecl *Callee, DiagSink &Diags) {
  const VarDecl *VD = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(PoolExpr->IgnoreParens()))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
        VD = dyn_cast<VarDecl>(DRE->getDecl());
  for (const TaskPool &P : S.Pools)
    if (VD && P.Var == VD) {
      if (P.Function->getCanonicalDecl() != Callee->getCanonicalDecl()) {
        Diags.error(PoolExpr->getBeginLoc(),
                    "task pool '" + VD->getName() + "' holds tasks of '" +
                        P.Function->getName() + "', not of '" +
                        Callee->getName() +
                        "'; declare a pool for it with CA_TASK_POOL(name, " +
                        Callee->getName() + ", N)");
        return nullptr;
      }
      return &P;
    }
  Diags.error(PoolExpr->getBeginLoc(),
              "the first argument of ca_spawn_in must be `&name`, where "
              "name is declared with CA_TASK_POOL(name, f, N)");
  return nullptr;
}

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
        A.Callee->getName() != "ca__task_join" || A.Call->getNumArgs() != 3)
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
  MarkerVisitor V(Ctx, Diags);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());

  for (const FunctionDecl *FD : V.AsyncDefinitions) {
    AsyncFunction F;
    F.Decl = FD;
    F.Name = FD->getNameAsString();
    S.FunctionIndex[FD->getCanonicalDecl()] = S.Functions.size();
    S.Functions.push_back(std::move(F));
  }
  computeMaySuspend(S, V.Markers, Ctx);
  for (AsyncFunction &F : S.Functions) {
    checkClasses(F, Diags);
    StatementWalker(Ctx, Diags, S, F).walk(F.Decl->getBody());
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
      }
      if (F && M.Call && !Sync &&
          (!F->AwaitOfMarker.count(M.Marker) ||
           hasNestedAwait(M.Call, Ctx, S)))
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
