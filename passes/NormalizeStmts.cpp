//===- NormalizeStmts.cpp - Statements of a normalized function
//-------------===//
//
// Takes a statement of an async function with pending awaits; writes it
// into the TextBuilder: verbatim when nothing in it changes, else around
// its sub-statements (copyAround) or generated: an expression statement or
// `return` after the prelude of its awaits, an `if` or `switch` condition
// before it, a loop condition at the top of `for (;;)`, a `for` increment
// or `do` condition at the bottom behind the label its `continue`s jump
// to. Also the facts this needs: which statements must change, which
// loops need that label, the file bytes each statement occupies.
//
//===----------------------------------------------------------------------===//
#include "Normalizer.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cawait {
namespace normalizer {

bool FunctionNormalizer::dirty(const Stmt *S) {
  if (!S)
    return false;
  auto It = Dirty.find(S);
  if (It != Dirty.end())
    return It->second;
  bool R = false;
  if (const auto *E = dyn_cast<Expr>(S))
    R = Pending.count(E);
  if (const auto *C = dyn_cast<ContinueStmt>(S))
    R = ContinueLabel.count(C);
  for (const Stmt *Child : S->children())
    if (!R && dirty(Child))
      R = true;
  return Dirty[S] = R;
}

void FunctionNormalizer::findContinueTargets(const Stmt *S) {
  if (!S)
    return;
  std::string Label;
  const Stmt *Body = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    if (forNeedsRewrite(For) && For->getInc()) {
      Label = contract::normalizeLabel(++Labels);
      Body = For->getBody();
    }
  } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
    if (hasAwait(Do->getCond())) {
      Label = contract::normalizeLabel(++Labels);
      Body = Do->getBody();
    }
  }
  if (Body && markContinues(Body, Label))
    LoopLabel[S] = Label;
  for (const Stmt *Child : S->children())
    findContinueTargets(Child);
}

bool FunctionNormalizer::markContinues(const Stmt *S,
                                       const std::string &Label) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<ContinueStmt>(S)) {
    ContinueLabel[C] = Label;
    return true;
  }
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S))
    return false; // their continues are their own
  bool Any = false;
  for (const Stmt *Child : S->children())
    Any |= markContinues(Child, Label);
  return Any;
}

bool FunctionNormalizer::forNeedsRewrite(const ForStmt *For) {
  return hasAwait(For->getCond()) || hasAwait(For->getInc()) ||
         (For->getInit() && dirty(For->getInit()));
}

FunctionNormalizer::Extent FunctionNormalizer::extentOf(const Stmt *S) {
  Extent X;
  SourceLocation B = SM.getExpansionLoc(S->getBeginLoc());
  SourceLocation E = SM.getExpansionRange(S->getEndLoc()).getEnd();
  FileID Main = SM.getMainFileID();
  if (B.isInvalid() || E.isInvalid() || SM.getFileID(B) != Main ||
      SM.getFileID(E) != Main)
    return X;
  X.B = fileOffset(B);
  X.E = fileOffset(E) + Lexer::MeasureTokenLength(E, SM, Ctx.getLangOpts());
  if (endsBeforeSemicolon(S)) {
    std::optional<Token> Next = Lexer::findNextToken(E, SM, Ctx.getLangOpts());
    if (Next && Next->is(tok::semi) && Next->getLocation().isFileID())
      X.E = fileOffset(Next->getLocation()) + 1;
  }
  X.Valid = X.B <= X.E;
  return X;
}

bool FunctionNormalizer::endsBeforeSemicolon(const Stmt *S) {
  for (;;) {
    if (const auto *If = dyn_cast<IfStmt>(S))
      S = If->getElse() ? If->getElse() : If->getThen();
    else if (const auto *W = dyn_cast<WhileStmt>(S))
      S = W->getBody();
    else if (const auto *For = dyn_cast<ForStmt>(S))
      S = For->getBody();
    else if (const auto *Sw = dyn_cast<SwitchStmt>(S))
      S = Sw->getBody();
    else if (const auto *L = dyn_cast<LabelStmt>(S))
      S = L->getSubStmt();
    else if (const auto *C = dyn_cast<SwitchCase>(S))
      S = C->getSubStmt();
    else if (const auto *A = dyn_cast<AttributedStmt>(S))
      S = A->getSubStmt();
    else
      break;
  }
  return isa<Expr>(S) || isa<ReturnStmt>(S) || isa<DoStmt>(S) ||
         isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isa<GotoStmt>(S) ||
         isa<IndirectGotoStmt>(S) || isa<GCCAsmStmt>(S);
}

unsigned FunctionNormalizer::anchor(const Stmt *S) {
  SourceLocation L = SM.getFileLoc(S->getBeginLoc());
  return SM.getFileID(L) == SM.getMainFileID() ? fileOffset(L) : 0;
}

void FunctionNormalizer::emit(const Stmt *S, TextBuilder &B, bool Printed) {
  if (!S)
    return;
  Extent X = extentOf(S);
  bool Copyable = !Printed && X.Valid && B.canCopy();
  if (!dirty(S)) {
    if (Copyable && B.verbatim(X.B, X.E))
      return;
    // clang's printer loses the await macro in places (a for's init
    // declaration): statements holding awaits go the generated way.
    if (!hasAwait(S)) {
      B.gen(printStatement(S), anchor(S));
      return;
    }
  }
  // A ca_for comes from its macro, but its head is copied as written.
  bool CaFor = isa<ForStmt>(S) && isForMarker(cast<ForStmt>(S), Ctx);
  if (fromMacro(S) && !CaFor)
    Printed = true, Copyable = false;
  if (Copyable)
    B.sync(X.B);
  emitDirty(S, X, B, Printed, Copyable);
  // What was generated stands for the whole statement.
  if (X.Valid)
    B.skipTo(X.E);
}

void FunctionNormalizer::emitDirty(const Stmt *S, Extent X, TextBuilder &B,
                                   bool Printed, bool Copyable) {
  unsigned At = anchor(S);

  if (const auto *E = dyn_cast<Expr>(S)) {
    Prelude P;
    std::string R = norm(E, P);
    StringRef Bare = StringRef(R).ltrim('(');
    if (contract::isNormalizeTemp(Bare) || Bare.starts_with("void"))
      R = "(void)(" + R + ")"; // the value is discarded, as it was
    B.gen("{ ", At);
    P.writeTo(B);
    B.gen(R + "; }", At);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    const auto *CS = cast<CompoundStmt>(S);
    std::vector<const Stmt *> Kids(CS->body_begin(), CS->body_end());
    if (Copyable && copyAround(S, X, Kids, B))
      return;
    B.gen("{ ", At);
    for (const Stmt *Child : CS->body())
      emit(Child, B, true);
    B.gen(" }", At);
    return;
  }
  case Stmt::DeclStmtClass:
    declStmt(cast<DeclStmt>(S), B, Copyable);
    return;
  case Stmt::ReturnStmtClass: {
    Prelude P;
    std::string R = norm(cast<ReturnStmt>(S)->getRetValue(), P);
    B.gen("{ ", At);
    P.writeTo(B);
    B.gen("return " + R + "; }", anchor(cast<ReturnStmt>(S)->getRetValue()));
    return;
  }
  case Stmt::IfStmtClass: {
    const auto *If = cast<IfStmt>(S);
    if (If->getInit() || If->getConditionVariable())
      break;
    const Stmt *Kids[] = {If->getThen(), If->getElse()};
    if (!hasAwait(If->getCond()) && Copyable &&
        copyAround(S, X, llvm::ArrayRef(Kids, If->getElse() ? 2 : 1), B))
      return;
    Prelude P;
    std::string C = normCondition(If->getCond(), P);
    B.gen("{ ", At);
    P.writeTo(B);
    B.gen("if (" + C + ") ", anchor(If->getCond()));
    emit(If->getThen(), B, Printed);
    if (If->getElse()) {
      B.gen(" else ", At);
      emit(If->getElse(), B, Printed);
    }
    B.gen(" }", At);
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    if (W->getConditionVariable())
      break;
    const Stmt *Kids[] = {W->getBody()};
    if (!hasAwait(W->getCond()) && Copyable && copyAround(S, X, Kids, B))
      return;
    Prelude P;
    std::string C = normCondition(W->getCond(), P);
    B.gen("for (;;) { ", At);
    P.writeTo(B);
    B.gen("if (!(" + C + ")) break; ", anchor(W->getCond()));
    emit(W->getBody(), B, Printed);
    B.gen(" }", At);
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    const Stmt *Kids[] = {D->getBody()};
    if (!hasAwait(D->getCond()) && Copyable && copyAround(S, X, Kids, B))
      return;
    if (!hasAwait(D->getCond())) {
      B.gen("do ", At);
      emit(D->getBody(), B, Printed);
      B.gen(" while (" + print(D->getCond()) + ");", At);
      return;
    }
    B.gen("for (;;) { ", At);
    emit(D->getBody(), B, Printed);
    Prelude P;
    std::string C = normCondition(D->getCond(), P);
    B.gen(labelOf(S), anchor(D->getCond()));
    P.writeTo(B);
    B.gen("if (!(" + C + ")) break; }", anchor(D->getCond()));
    return;
  }
  case Stmt::ForStmtClass: {
    const auto *For = cast<ForStmt>(S);
    if (For->getConditionVariable())
      break;
    const Stmt *Kids[] = {For->getBody()};
    // `ca_for (T v, g(x))` as written (Check rejects an await in its call),
    // then its body.
    if (isForMarker(For, Ctx) && Copyable && copyAround(S, X, Kids, B))
      return;
    if (!forNeedsRewrite(For)) {
      if (Copyable && copyAround(S, X, Kids, B))
        return;
      // `{ init for (; c; i) body }`: the init may print as several
      // declarations.
      B.gen("{ " + (For->getInit() ? printStatement(For->getInit()) : "") +
                " for (; " + (For->getCond() ? print(For->getCond()) : "") +
                "; " + (For->getInc() ? print(For->getInc()) : "") + ") ",
            At);
      emit(For->getBody(), B, Printed);
      B.gen(" }", At);
      return;
    }
    B.gen("{ ", At);
    emit(For->getInit(), B, Printed);
    B.gen(" for (;;) { ", At);
    if (const Expr *Cond = For->getCond()) {
      Prelude P;
      std::string C = normCondition(Cond, P);
      P.writeTo(B);
      B.gen("if (!(" + C + ")) break; ", anchor(Cond));
    }
    emit(For->getBody(), B, Printed);
    if (const Expr *Inc = For->getInc()) {
      Prelude P;
      std::string I = norm(Inc, P);
      B.gen(labelOf(S), anchor(Inc));
      P.writeTo(B);
      B.gen("(void)(" + I + "); ", anchor(Inc));
    }
    B.gen("} }", At);
    return;
  }
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    if (Sw->getInit() || Sw->getConditionVariable())
      break;
    const Stmt *Kids[] = {Sw->getBody()};
    if (!hasAwait(Sw->getCond()) && Copyable && copyAround(S, X, Kids, B))
      return;
    Prelude P;
    std::string C = normCondition(Sw->getCond(), P);
    B.gen("{ ", At);
    P.writeTo(B);
    B.gen("switch (" + C + ") ", anchor(Sw->getCond()));
    emit(Sw->getBody(), B, Printed);
    B.gen(" }", At);
    return;
  }
  case Stmt::CaseStmtClass:
  case Stmt::DefaultStmtClass:
  case Stmt::LabelStmtClass:
  case Stmt::AttributedStmtClass: {
    const Stmt *Sub = nullptr;
    std::string Head;
    if (const auto *C = dyn_cast<CaseStmt>(S)) {
      Sub = C->getSubStmt();
      Head = "case " + print(C->getLHS()) +
             (C->getRHS() ? " ... " + print(C->getRHS()) : "") + ": ";
    } else if (const auto *D = dyn_cast<DefaultStmt>(S)) {
      Sub = D->getSubStmt();
      Head = "default: ";
    } else if (const auto *L = dyn_cast<LabelStmt>(S)) {
      Sub = L->getSubStmt();
      Head = std::string(L->getName()) + ": ";
    } else {
      Sub = cast<AttributedStmt>(S)->getSubStmt();
    }
    const Stmt *Kids[] = {Sub};
    if (Copyable && copyAround(S, X, Kids, B))
      return;
    B.gen(Head, At);
    emit(Sub, B, Printed);
    return;
  }
  case Stmt::ContinueStmtClass:
    B.gen("goto " + ContinueLabel[cast<ContinueStmt>(S)] + ";", At);
    return;
  default:
    break;
  }
  Reports.error(S, S->getBeginLoc(),
                std::string("await inside a '") + S->getStmtClassName() +
                    "' statement cannot be lowered; move the await into a "
                    "statement of its own before it");
}

bool FunctionNormalizer::copyAround(const Stmt *S, Extent X,
                                    llvm::ArrayRef<const Stmt *> Kids,
                                    TextBuilder &B) {
  std::vector<Extent> KX;
  unsigned Pos = X.B;
  for (const Stmt *K : Kids) {
    Extent E = extentOf(K);
    if (!E.Valid || E.B < Pos || E.E > X.E)
      return false;
    Pos = E.E;
    KX.push_back(E);
  }
  if (X.B < B.copied())
    return false;
  Pos = X.B;
  for (size_t I = 0; I != Kids.size(); ++I) {
    B.verbatim(Pos, KX[I].B);
    emit(Kids[I], B, false);
    Pos = KX[I].E;
  }
  B.verbatim(Pos, X.E);
  (void)S;
  return true;
}

std::string FunctionNormalizer::printStatement(const Stmt *S) {
  std::string Text = print(S);
  if (isa<Expr>(S))
    Text += ";";
  return Text;
}

} // namespace normalizer
} // namespace cawait
