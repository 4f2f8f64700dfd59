//===- Markers.cpp - Recognise the expansions of cawait.h's macros --------===//
#include "Markers.h"
#include "Annotations.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cawait {

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
  std::optional<MarkerKind> K = contract::markerOfMacro(markerMacro(E, Ctx));
  // A start marker's body is a cast to its handle's type (startOperands).
  if (K && (*K == MarkerKind::Spawn || *K == MarkerKind::SpawnIn) &&
      !isa<CStyleCastExpr>(cast<ParenExpr>(E)->getSubExpr()))
    return std::nullopt;
  return K;
}

bool isYieldMarker(const Expr *E, const ASTContext &Ctx) {
  return markerMacro(E, Ctx) == contract::YieldMacro;
}

const Expr *yieldedValue(const Expr *Marker) {
  // ((void)(e), ca__gen_unlowered(__func__))
  const auto *Comma =
      cast<BinaryOperator>(cast<ParenExpr>(Marker)->getSubExpr());
  const auto *Cast = cast<CStyleCastExpr>(Comma->getLHS());
  return cast<ParenExpr>(Cast->getSubExpr()->IgnoreImpCasts())->getSubExpr();
}

/// The macro the `for` keyword of S is the first token of, if any.
static StringRef forMacro(const ForStmt *S, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation L = S->getForLoc();
  if (!L.isMacroID() || !SM.isMacroBodyExpansion(L) ||
      !SM.isAtStartOfImmediateMacroExpansion(L))
    return {};
  return Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
}

bool isForMarker(const ForStmt *S, const ASTContext &Ctx) {
  StringRef M = forMacro(S, Ctx);
  return M == contract::ForMacro || M == contract::ForAwaitMacro;
}

bool isForAwaitMarker(const ForStmt *S, const ASTContext &Ctx) {
  return forMacro(S, Ctx) == contract::ForAwaitMacro;
}

StringRef forMacroOf(const FunctionDecl *G) {
  return isAsyncGenerator(G) ? contract::ForAwaitMacro : contract::ForMacro;
}

ForParts forParts(const ForStmt *S) {
  ForParts P;
  const auto *DS = dyn_cast_or_null<DeclStmt>(S->getInit());
  if (!DS)
    return P;
  const VarDecl *Prev = nullptr;
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      continue;
    ++P.Declared;
    if (VD->getName() == contract::ForSlotVar) {
      P.Var = Prev;
      P.Slot = VD;
    }
    Prev = VD;
  }
  if (!P.Var || !P.Var->getInit())
    return P;
  // (ca__for_unlowered("g(x)"), (g(x)))
  const auto *Comma =
      dyn_cast<BinaryOperator>(P.Var->getInit()->IgnoreParenImpCasts());
  if (Comma && Comma->getOpcode() == BO_Comma) {
    P.Call = dyn_cast<CallExpr>(Comma->getRHS()->IgnoreParenImpCasts());
    if (P.Call && !P.Call->getDirectCallee())
      P.Call = nullptr;
  }
  return P;
}

std::optional<Combinator> combinatorKind(const Expr *E, const ASTContext &Ctx) {
  return contract::combinatorOfMacro(markerMacro(E, Ctx));
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

/// The operands of `(void)(B...)`.
static void voidCastOperands(const Expr *E, std::vector<const Expr *> &Out) {
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
    if (const auto *Inner = dyn_cast<ParenExpr>(Cast->getSubExpr()))
      flattenCommas(Inner->getSubExpr(), Out);
}

const ConditionalOperator *selectTail(const Expr *Comb) {
  // ca_select: ((void)(B1), 0 ? ((void)0, B2..., (void)0) : (void)0, 0).
  if (const auto *PE = dyn_cast<ParenExpr>(Comb))
    Comb = PE->getSubExpr();
  const auto *Outer = dyn_cast<BinaryOperator>(Comb);
  if (!Outer || Outer->getOpcode() != BO_Comma)
    return nullptr;
  const auto *Inner = dyn_cast<BinaryOperator>(Outer->getLHS());
  if (!Inner || Inner->getOpcode() != BO_Comma)
    return nullptr;
  return dyn_cast<ConditionalOperator>(Inner->getRHS());
}

std::vector<const Expr *> combinatorBranches(const Expr *Comb) {
  std::vector<const Expr *> Out;
  const Expr *Sub = cast<ParenExpr>(Comb)->getSubExpr();
  const ConditionalOperator *Tail = selectTail(Comb);
  if (!Tail) {
    // ca_join: ((void)(B...)).
    voidCastOperands(Sub, Out);
    return Out;
  }
  voidCastOperands(
      cast<BinaryOperator>(cast<BinaryOperator>(Sub)->getLHS())->getLHS(), Out);
  std::vector<const Expr *> Later;
  if (const auto *Arm = dyn_cast<ParenExpr>(Tail->getTrueExpr()))
    flattenCommas(Arm->getSubExpr(), Later);
  // Less the (void)0 on either side.
  for (size_t I = 1; I + 1 < Later.size(); ++I)
    Out.push_back(Later[I]);
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
  if (!Call)
    return nullptr;
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return isAsyncFunction(Callee) ? Call : nullptr;
  return asyncPointerOf(Call->getCallee()).Async ? Call : nullptr;
}

const Expr *skipToMarker(const Expr *E, const ASTContext &Ctx) {
  for (;;) {
    E = E->IgnoreImpCasts();
    const auto *PE = dyn_cast<ParenExpr>(E);
    if (!PE || markerKind(E, Ctx) || isYieldMarker(E, Ctx))
      return E;
    E = PE->getSubExpr();
  }
}

/// The operands of a start marker: `((T)((void)(a), ..., ca__started()))`
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
  Parts.pop_back(); // the ca__started() that gives the handle's type
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
  if (!isBoxedMarkerRef(Cast->getSubExpr()->IgnoreParenImpCasts()))
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

bool isBoxedMarkerRef(const Expr *E) {
  const auto *D = dyn_cast<DeclRefExpr>(E);
  return D && D->getDecl()->getName() == contract::BoxedMarker;
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

bool containsAwait(const Stmt *S, const ASTContext &Ctx,
                   llvm::function_ref<bool(const Expr *)> Counts,
                   llvm::DenseMap<const Stmt *, bool> *Memo) {
  if (Memo) {
    auto It = Memo->find(S);
    if (It != Memo->end())
      return It->second;
  }
  bool R = false;
  if (const auto *E = dyn_cast<Expr>(S))
    R = markerKind(E, Ctx) == MarkerKind::Await && (!Counts || Counts(E));
  for (const Stmt *Child : S->children())
    if (!R && Child && containsAwait(Child, Ctx, Counts, Memo))
      R = true;
  if (Memo)
    (*Memo)[S] = R;
  return R;
}

} // namespace cawait
