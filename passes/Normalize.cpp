//===- Normalize.cpp - Move awaits out of expressions into statements ----===//
//
// Per async function with pending awaits, the body is re-written statement
// by statement into a TextBuilder. A statement with nothing to change is
// copied verbatim; one whose expressions hold awaits is generated: the
// expression is split into code that runs first (Prelude: the awaits, each
// into a fresh `ca__eN`, and the `if`s that keep && || ?: lazy) and a
// residual expression printed with those awaits replaced by their results.
// Statements coming from a macro expansion are printed rather than copied.
//
//===----------------------------------------------------------------------===//
#include "Normalize.h"
#include "Discover.h"
#include "ExprPrinter.h"
#include "SourceText.h"
#include "TypeText.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/TypeTraits.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <map>

using namespace clang;

namespace cawait {

unsigned OffsetMap::toOriginal(unsigned Off) const {
  auto It = std::upper_bound(
      Segments.begin(), Segments.end(), Off,
      [](unsigned O, const Segment &S) { return O < S.OutBegin; });
  if (It == Segments.begin())
    return Off;
  --It;
  if (!It->Verbatim)
    return It->OrigBegin;
  return It->OrigBegin + std::min(Off - It->OutBegin, It->Length);
}

bool needsNormalize(const Shape &S) {
  for (const AsyncFunction &F : S.Functions)
    if (!F.Pending.empty())
      return true;
  return false;
}

namespace {

/// Builds the normalized text, keeping every verbatim piece on its own
/// original line.
class TextBuilder {
public:
  TextBuilder(StringRef Orig, OffsetMap *Map) : Orig(Orig), Map(Map) {}
  /// Where the preprocessor directives of Orig are: line -> offset of `#`.
  void findDirectives(const SourceManager &SM, const LangOptions &LO) {
    FileID Main = SM.getMainFileID();
    Lexer Raw(SM.getLocForStartOfFile(Main), LO, Orig.begin(), Orig.begin(),
              Orig.end());
    Raw.SetCommentRetentionState(false);
    Token Tok;
    while (!Raw.LexFromRawLexer(Tok) && Tok.isNot(tok::eof)) {
      if (!Tok.is(tok::hash) || !Tok.isAtStartOfLine())
        continue;
      unsigned Off = SM.getFileOffset(Tok.getLocation());
      Directives[lineOf(Off)] = Off;
      unsigned Eol = Off;
      while (Eol < Orig.size() && Orig[Eol] != '\n')
        Eol += Orig[Eol] == '\\' && Eol + 1 < Orig.size() ? 2 : 1;
      Raw.seek(Eol, /*IsAtStartOfLine=*/true);
    }
  }

  /// Copies Orig[B, E). False (and nothing written) if that would copy
  /// text out of order.
  bool verbatim(unsigned B, unsigned E) {
    if (!Map || B < Copied || E < B || E > Orig.size())
      return false;
    sync(B);
    Map->add({(unsigned)Out.size(), E - B, B, true});
    StringRef Piece = Orig.substr(B, E - B);
    Line += Piece.count('\n');
    Out += Piece;
    Copied = E;
    return true;
  }
  /// Generated code, on the current line.
  void gen(StringRef Text, unsigned Anchor) {
    if (Text.empty())
      return;
    if (Map)
      Map->add({(unsigned)Out.size(), (unsigned)Text.size(), Anchor, false});
    for (char C : Text)
      Out += C == '\n' ? ' ' : C;
  }
  /// Pads with newlines until the output is on the line of Orig offset B.
  void sync(unsigned B) {
    if (!Map)
      return;
    unsigned Want = lineOf(B);
    keepDirectives(Want);
    pad(Want, B);
  }
  bool canCopy() const { return Map != nullptr; }
  /// Orig[.., E) was generated over: never copy it.
  void skipTo(unsigned E) {
    if (Map && E > Copied)
      Copied = E;
  }
  unsigned copied() const { return Copied; }
  std::string &str() { return Out; }

private:
  void pad(unsigned Want, unsigned Anchor) {
    if (Line < Want)
      Map->add({(unsigned)Out.size(), Want - Line, Anchor, false});
    for (; Line < Want; ++Line)
      Out += '\n';
  }
  /// Copies the preprocessor lines (#define, #undef, #if, ...) of the text
  /// skipped since the last copy, on their own lines: what was re-printed
  /// from the AST lost them, and the rest of the file may need them.
  void keepDirectives(unsigned Before) {
    unsigned First = lineOf(Copied);
    if (LineStarts[First] != Copied)
      ++First;
    First = std::max(First, Scanned);
    for (unsigned L = First; L < Before; ++L) {
      auto D = Directives.find(L);
      if (D == Directives.end() || L < Line)
        continue;
      unsigned At = D->second;
      unsigned End = At;
      while (End < Orig.size() && Orig[End] != '\n')
        End += Orig[End] == '\\' && End + 1 < Orig.size() ? 2 : 1;
      pad(L, At);
      Map->add({(unsigned)Out.size(), End - At, At, true});
      StringRef Piece = Orig.substr(At, End - At);
      Line += Piece.count('\n');
      Out += Piece;
      L = lineOf(End);
    }
    Scanned = std::max(Scanned, Before);
  }
  unsigned lineOf(unsigned Off) {
    if (LineStarts.empty()) {
      LineStarts.push_back(0);
      for (unsigned I = 0; I != Orig.size(); ++I)
        if (Orig[I] == '\n')
          LineStarts.push_back(I + 1);
    }
    return std::upper_bound(LineStarts.begin(), LineStarts.end(), Off) -
           LineStarts.begin() - 1;
  }

  StringRef Orig;
  OffsetMap *Map; ///< null: a detached builder that only generates
  std::string Out;
  unsigned Copied = 0;
  unsigned Line = 0; ///< newlines written so far
  std::vector<unsigned> LineStarts;
  std::map<unsigned, unsigned> Directives;
  unsigned Scanned = 0; ///< lines below this were searched for directives
};

/// Code that must run before a residual expression, each piece with the
/// original offset of what it came from.
struct Prelude {
  std::vector<std::pair<std::string, unsigned>> Pieces;
  void add(std::string Text, unsigned Anchor) {
    Pieces.emplace_back(std::move(Text), Anchor);
  }
  void append(Prelude &&Other) {
    for (auto &P : Other.Pieces)
      Pieces.push_back(std::move(P));
  }
  void writeTo(TextBuilder &B) const {
    for (const auto &P : Pieces)
      B.gen(P.first, P.second);
  }
};

class FunctionNormalizer;

/// Prints expressions with the awaits already moved replaced by their
/// results, and the cawait.h markers as the macros the user wrote.
class NormalizePrinter : public ExprPrinter {
public:
  explicit NormalizePrinter(FunctionNormalizer &N);

private:
  std::string print(const Expr *E) override;
  bool mustPrint(const Stmt *S) override;
  bool printReplaced(const Stmt *S, raw_ostream &OS) override;
  bool printEarly(Stmt *S, raw_ostream &OS) override;
  bool printLate(Stmt *S, raw_ostream &OS) override;

  FunctionNormalizer &N;
};

class FunctionNormalizer {
public:
  FunctionNormalizer(ASTContext &Ctx, DiagSink &Diags, const AsyncFunction &F,
                     Preprocessor *PP)
      : Ctx(Ctx), PP(PP), Reports(Diags), SM(Ctx.getSourceManager()),
        Diags(Diags), F(F), Policy(Ctx.getLangOpts()) {
    Policy.IncludeNewlines = false;
    for (const Expr *M : F.Pending)
      Pending.insert(M);
    for (const AwaitSite &A : F.Awaits)
      Evaluated.insert(A.Marker);
    for (const Expr *M : F.Pending)
      Evaluated.insert(M);
  }

  void run(TextBuilder &B, bool Printed) {
    findContinueTargets(F.Decl->getBody());
    emit(F.Decl->getBody(), B, Printed);
  }

  // Used by the printer.
  llvm::DenseMap<const Stmt *, std::string> Replaced;
  std::string print(const Stmt *S) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    NormalizePrinter Helper(*this);
    S->printPretty(OS, &Helper, Policy, 0, " ", &Ctx);
    if (Text.find("(unnamed ") != std::string::npos ||
        Text.find("(anonymous ") != std::string::npos)
      Reports.error(S, S->getBeginLoc(),
                    "this code names an unnamed struct, union or enum type "
                    "and holds an await; cawait re-prints it and cannot name "
                    "the type: give the type a tag or a typedef");
    return Text;
  }
  ASTContext &Ctx;
  Preprocessor *PP;
  /// Errors about printed code, once per node.
  ReportOnce Reports;

  void reportEmbed(const EmbedExpr *EE) {
    Reports.error(EE, EE->getBeginLoc(),
                  "#embed in a statement that holds an await inside an "
                  "expression cannot be lowered; await into a variable in a "
                  "statement of its own before it");
  }
  const PrintingPolicy &policy() const { return Policy; }

private:
  // ---- Facts about the body ----------------------------------------------

  /// An await that runs (discover leaves out those in sizeof, typeof and
  /// the like, which C never evaluates: they stay as they are).
  bool isAwait(const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    return E && Evaluated.count(E);
  }
  /// Whether S contains an await that runs.
  bool hasAwait(const Stmt *S) {
    return S &&
           containsAwait(
               S, Ctx, [&](const Expr *E) { return isAwait(E); }, &HasAwait);
  }
  /// Whether S must be re-written: it holds a pending await or a
  /// `continue` whose loop moves its increment.
  bool dirty(const Stmt *S) {
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

  /// Loops whose increment or do-while condition moves to the end of the
  /// body get a label there; their `continue`s jump to it.
  void findContinueTargets(const Stmt *S) {
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
  /// False when there is no such continue (and no label is needed).
  bool markContinues(const Stmt *S, const std::string &Label) {
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
  std::string labelOf(const Stmt *Loop) {
    auto It = LoopLabel.find(Loop);
    return It == LoopLabel.end() ? " " : " " + It->second + ": ; ";
  }
  bool forNeedsRewrite(const ForStmt *For) {
    return hasAwait(For->getCond()) || hasAwait(For->getInc()) ||
           (For->getInit() && dirty(For->getInit()));
  }

  // ---- Source extents ----------------------------------------------------

  struct Extent {
    unsigned B = 0, E = 0;
    bool Valid = false;
  };
  unsigned fileOffset(SourceLocation L) { return SM.getFileOffset(L); }
  /// The main-file bytes S occupies, its closing `;` included.
  Extent extentOf(const Stmt *S) {
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
      std::optional<Token> Next =
          Lexer::findNextToken(E, SM, Ctx.getLangOpts());
      if (Next && Next->is(tok::semi) && Next->getLocation().isFileID())
        X.E = fileOffset(Next->getLocation()) + 1;
    }
    X.Valid = X.B <= X.E;
    return X;
  }
  /// Statements whose source range stops before their `;`.
  bool endsBeforeSemicolon(const Stmt *S) {
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
  unsigned anchor(const Stmt *S) {
    SourceLocation L = SM.getFileLoc(S->getBeginLoc());
    return SM.getFileID(L) == SM.getMainFileID() ? fileOffset(L) : 0;
  }
  bool fromMacro(const Stmt *S) {
    return S->getBeginLoc().isMacroID() || S->getEndLoc().isMacroID();
  }

  // ---- Statements --------------------------------------------------------

  /// Writes S. Printed: S is part of a macro expansion or of a statement
  /// expression: nothing below it can be copied from the file.
  void emit(const Stmt *S, TextBuilder &B, bool Printed) {
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
    if (fromMacro(S))
      Printed = true, Copyable = false;
    if (Copyable)
      B.sync(X.B);
    emitDirty(S, X, B, Printed, Copyable);
    // What was generated stands for the whole statement.
    if (X.Valid)
      B.skipTo(X.E);
  }

  void emitDirty(const Stmt *S, Extent X, TextBuilder &B, bool Printed,
                 bool Copyable) {
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
    Diags.error(S->getBeginLoc(),
                std::string("await inside a '") + S->getStmtClassName() +
                    "' statement cannot be lowered; move the await into a "
                    "statement of its own before it");
  }

  /// Copies S around its sub-statements Kids, which are emitted in place.
  /// False (nothing written) when the pieces are not in order in the file.
  bool copyAround(const Stmt *S, Extent X, llvm::ArrayRef<const Stmt *> Kids,
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

  void declStmt(const DeclStmt *DS, TextBuilder &B, bool Copyable) {
    unsigned At = anchor(DS);
    std::vector<const VarDecl *> Vars;
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        Vars.push_back(VD);
    // Declarators are initialised in order, so the awaits of a later one
    // may read the earlier ones: each declarator with awaits after the
    // first needs a declaration of its own.
    bool Split = false;
    for (size_t I = 1; I < Vars.size(); ++I)
      Split |= hasAwait(Vars[I]->getInit());
    Extent X = extentOf(DS);
    if (!Copyable || !X.Valid) {
      // Printed: one declaration per declarator, each after its awaits.
      for (const Decl *D : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(D);
        if (!VD) {
          B.gen(printDecl(D), At);
          continue;
        }
        Prelude P;
        if (const Expr *Init = VD->getInit())
          if (hasAwait(Init))
            Replaced[Init] = norm(Init, P);
        P.writeTo(B);
        B.gen(printVarDecl(VD) + " ", At);
      }
      return;
    }
    if (!Split) {
      Prelude P;
      std::vector<std::pair<Extent, std::string>> Inits;
      for (const VarDecl *VD : Vars)
        if (hasAwait(VD->getInit())) {
          Extent IX = extentOfExpr(VD->getInit());
          if (!IX.Valid)
            return macroInit(VD);
          Inits.push_back({IX, norm(VD->getInit(), P)});
        }
      P.writeTo(B);
      unsigned Pos = X.B;
      for (auto &[IX, Text] : Inits) {
        B.verbatim(Pos, IX.B);
        B.gen(Text, IX.B);
        Pos = IX.E;
      }
      B.verbatim(Pos, X.E);
      return;
    }
    // `int a = 1, *b = await(f(&a));` -> `int a = 1; int *b = ...;`
    for (const Decl *D : DS->decls())
      if (const auto *TD = dyn_cast<TagDecl>(D))
        if (TD->isThisDeclarationADefinition()) {
          Diags.error(Vars[1]->getLocation(),
                      "await in the initializer of '" + Vars[1]->getName() +
                          "', in a declaration that also defines a type; "
                          "define the type in a declaration of its own");
          return;
        }
    std::optional<unsigned> SpecEnd = specifiersEnd(DS, Vars[0]);
    if (!SpecEnd) {
      Diags.error(Vars[1]->getLocation(),
                  "await in the initializer of '" + Vars[1]->getName() +
                      "' in a declaration cannot be split; declare it in a "
                      "declaration of its own");
      return;
    }
    StringRef Orig = SM.getBufferData(SM.getMainFileID());
    std::string Specs = Orig.substr(X.B, *SpecEnd - X.B).str();
    unsigned Pos = X.B;
    // Each declarator runs to the comma after it (attributes may follow
    // its end), the last to the `;`.
    std::vector<unsigned> Ends;
    for (size_t I = 0; I != Vars.size(); ++I) {
      Extent VX = extentOfDecl(Vars[I]);
      if (!VX.Valid)
        return macroInit(Vars[I]);
      if (I + 1 == Vars.size()) {
        Ends.push_back(Orig[X.E - 1] == ';' ? X.E - 1 : VX.E);
        break;
      }
      std::optional<Token> Comma =
          nextCommaAfter(SM.getExpansionRange(Vars[I]->getEndLoc()).getEnd());
      if (!Comma)
        return macroInit(Vars[I + 1]);
      Ends.push_back(fileOffset(Comma->getLocation()));
    }
    for (size_t I = 0; I != Vars.size(); ++I) {
      const VarDecl *VD = Vars[I];
      unsigned DeclaratorBegin = I == 0 ? X.B : Ends[I - 1] + 1;
      Prelude P;
      std::string Init;
      Extent IX;
      if (hasAwait(VD->getInit())) {
        IX = extentOfExpr(VD->getInit());
        if (!IX.Valid || IX.B < DeclaratorBegin || IX.E > Ends[I])
          return macroInit(VD);
        Init = norm(VD->getInit(), P);
      }
      P.writeTo(B);
      if (I > 0)
        B.gen(" " + Specs + " ", At);
      if (IX.Valid) {
        B.verbatim(DeclaratorBegin, IX.B);
        B.gen(Init, IX.B);
        B.verbatim(IX.E, Ends[I]);
      } else {
        B.verbatim(DeclaratorBegin, Ends[I]);
      }
      B.gen(";", At);
    }
    // The declaration's own `;` is left out: each part has its own.
  }
  /// The first `,` after Loc outside parentheses (a declarator may end
  /// with attributes: `int c[2] __attribute__((unused)), d`).
  std::optional<Token> nextCommaAfter(SourceLocation Loc) {
    int Depth = 0;
    for (int Guard = 0; Guard < 10000; ++Guard) {
      std::optional<Token> T = Lexer::findNextToken(Loc, SM, Ctx.getLangOpts());
      if (!T || T->is(tok::eof) || T->is(tok::semi))
        return std::nullopt;
      if (T->is(tok::l_paren))
        ++Depth;
      else if (T->is(tok::r_paren))
        --Depth;
      else if (Depth == 0 && T->is(tok::comma))
        return T;
      Loc = T->getLocation();
    }
    return std::nullopt;
  }
  void macroInit(const VarDecl *VD) {
    Diags.error(VD->getLocation(),
                "await in the initializer of '" + VD->getName() +
                    "' cannot be lowered: the initializer comes from a macro; "
                    "assign it with await(...) in a statement of its own");
  }
  Extent extentOfExpr(const Expr *E) {
    Extent X;
    CharSourceRange R = SM.getExpansionRange(E->getSourceRange());
    if (SM.getFileID(R.getBegin()) != SM.getMainFileID() ||
        SM.getFileID(R.getEnd()) != SM.getMainFileID())
      return X;
    X.B = fileOffset(R.getBegin());
    X.E = fileOffset(R.getEnd()) +
          (R.isTokenRange()
               ? Lexer::MeasureTokenLength(R.getEnd(), SM, Ctx.getLangOpts())
               : 0);
    X.Valid = X.B <= X.E;
    return X;
  }
  Extent extentOfDecl(const VarDecl *VD) {
    Extent X;
    SourceLocation E = SM.getExpansionRange(VD->getEndLoc()).getEnd();
    if (SM.getFileID(E) != SM.getMainFileID())
      return X;
    X.E = fileOffset(E) + Lexer::MeasureTokenLength(E, SM, Ctx.getLangOpts());
    X.Valid = true;
    return X;
  }
  /// Where the declaration specifiers shared by all declarators end: before
  /// the first `*`, `(` or `[` of the first declarator, or its name.
  std::optional<unsigned> specifiersEnd(const DeclStmt *DS,
                                        const VarDecl *First) {
    SourceLocation Name = First->getLocation();
    if (!Name.isFileID() || !DS->getBeginLoc().isFileID())
      return std::nullopt;
    unsigned NameOff = fileOffset(Name);
    StringRef Buf = SM.getBufferData(SM.getMainFileID());
    unsigned Begin = fileOffset(DS->getBeginLoc());
    Lexer Raw(SM.getLocForStartOfFile(SM.getMainFileID()), Ctx.getLangOpts(),
              Buf.begin(), Buf.begin() + Begin, Buf.end());
    Token Tok;
    int Depth = 0;
    while (!Raw.LexFromRawLexer(Tok)) {
      unsigned Off = fileOffset(Tok.getLocation());
      if (Off >= NameOff)
        return Depth == 0 ? std::optional<unsigned>(Off) : std::nullopt;
      if (Tok.is(tok::l_paren)) {
        if (Depth == 0 && !AfterAttributeKeyword)
          return Off;
        ++Depth;
      } else if (Tok.is(tok::r_paren)) {
        --Depth;
      } else if (Depth == 0 && (Tok.is(tok::star) || Tok.is(tok::l_square))) {
        return Off;
      }
      AfterAttributeKeyword =
          Tok.is(tok::raw_identifier) &&
          llvm::StringSwitch<bool>(Tok.getRawIdentifier())
              .Cases("__attribute__", "_Alignas", "__typeof__", "typeof",
                     "_Atomic", "__declspec", "__typeof", true)
              .Default(false);
      if (Depth > 0)
        AfterAttributeKeyword = true;
    }
    return std::nullopt;
  }
  bool AfterAttributeKeyword = false;

public:
  /// `static const int x __attribute__((...)) = init;`, the initializer
  /// printed with the awaits already moved replaced.
  std::string printVarDecl(const VarDecl *VD) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    // (respellAlignas wrote every _Alignas as an attribute after the name.)
    OS << storageText(VD);
    std::string Declarator = typeText(VD->getType(), VD->getName().str());
    OS << Declarator;
    if (Declarator.find("(unnamed") != std::string::npos ||
        Declarator.find("(anonymous") != std::string::npos)
      Diags.error(VD->getLocation(),
                  "'" + VD->getName() +
                      "' has an unnamed type and its declaration must be "
                      "re-written to move an await; give the type a name");
    OS << attributeText(VD, Policy);
    if (const Expr *Init = VD->getInit())
      OS << " = " << print(Init);
    OS << ";";
    return Text;
  }
  std::string typeText(QualType T, const std::string &Name) {
    return declareWithTypeof(T, Name, Policy,
                             [&](const Expr *E) { return print(E); });
  }
  std::string printDecl(const Decl *D) {
    if (std::optional<std::string> Text =
            printCDecl(D, [&](const Expr *E) { return print(E); }))
      return *Text;
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    D->print(OS, Policy);
    OS << ";";
    return Text;
  }

private:
  std::string printStatement(const Stmt *S) {
    std::string Text = print(S);
    if (isa<Expr>(S))
      Text += ";";
    return Text;
  }

  // ---- Expressions -------------------------------------------------------

  std::string temp() { return contract::normalizeTemp(++Temps); }
  std::string declareType(QualType T) { return printType(T, "", Policy); }
  /// `T name` for a temporary of E's type, or "" (and an error) when the
  /// type cannot be written.
  std::string declareTemp(const Expr *E, const std::string &Name) {
    QualType T = E->getType().getUnqualifiedType();
    std::string Text = printType(T, Name, Policy);
    if (Text.find("(unnamed") != std::string::npos ||
        Text.find("(anonymous") != std::string::npos) {
      Diags.error(E->getBeginLoc(),
                  "this expression has an unnamed type and holds an await; "
                  "give the type a name (a tag or a typedef)");
      return "";
    }
    return Text;
  }

  /// Appends to P the code that must run before the result, and returns
  /// the residual expression that yields E's value after it.
  std::string norm(const Expr *E, Prelude &P) {
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
    if (std::optional<MarkerKind> K = markerKind(E, Ctx)) {
      // A start inside async code: its arguments' awaits run before it.
      std::string Op = norm(markerOperand(E), P);
      if (*K == MarkerKind::SpawnIn)
        return "ca_spawn_in(" + norm(markerPool(E), P) + ", " + Op + ")";
      return (*K == MarkerKind::Spawn ? "ca_spawn(" : "ca_block_on(") + Op +
             ")";
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
      Diags.error(UE->getBeginLoc(),
                  "await inside the operand of sizeof of a variable-length "
                  "array cannot be lowered; await the call before");
      return print(E);
    }
    return normChildren(E, P);
  }
  /// A controlling expression, without the parentheses around it that
  /// would read as `if ((a == b))` to -Wparentheses-equality.
  std::string normCondition(const Expr *E, Prelude &P) {
    // `if ((x = y))` keeps its parentheses: they silence -Wparentheses.
    const auto *PE = dyn_cast<ParenExpr>(E->IgnoreImpCasts());
    if (PE && !markerKind(PE, Ctx))
      if (const auto *BO =
              dyn_cast<BinaryOperator>(PE->getSubExpr()->IgnoreImpCasts()))
        if (BO->getOpcode() == BO_EQ)
          return norm(PE->getSubExpr(), P);
    return norm(E, P);
  }
  /// One arm of a lazy operator: its own prelude, then the store.
  void branch(const Expr *Arm, const std::string &T, Prelude &P) {
    Prelude AP;
    std::string R = norm(Arm, AP);
    P.append(std::move(AP));
    P.add(T.empty() ? "(void)(" + R + "); "
                    : T + " = " + assignmentOperand(Arm, R) + "; ",
          anchor(Arm));
  }
  /// E with the awaits of its operands moved in front, in operand order
  /// (C leaves the order of unsequenced operands open).
  std::string normChildren(const Expr *E, Prelude &P) {
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
  /// `({ s1; s2; e; })` holding awaits: the statements run in front, the
  /// value goes to a temporary.
  std::string statementExpression(const StmtExpr *SE, Prelude &P) {
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

  const SourceManager &SM;
  DiagSink &Diags;
  const AsyncFunction &F;
  PrintingPolicy Policy;
  llvm::SmallPtrSet<const Expr *, 8> Pending, Evaluated;
  llvm::DenseMap<const Stmt *, bool> HasAwait, Dirty;
  llvm::DenseMap<const Stmt *, std::string> LoopLabel;
  llvm::DenseMap<const ContinueStmt *, std::string> ContinueLabel;
  unsigned Temps = 0, Labels = 0;
};

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

} // namespace

NormalizedTU normalize(ASTContext &Ctx, const Shape &S, DiagSink &Diags,
                       Preprocessor *PP) {
  NormalizedTU Result;
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef Orig = SM.getBufferData(SM.getMainFileID());
  TextBuilder B(Orig, &Result.Map);
  B.findDirectives(SM, Ctx.getLangOpts());

  std::vector<const AsyncFunction *> Todo;
  for (const AsyncFunction &F : S.Functions)
    if (!F.Pending.empty())
      Todo.push_back(&F);
  std::sort(Todo.begin(), Todo.end(), [&](auto *A, auto *C) {
    return SM.getFileOffset(SM.getExpansionLoc(A->Decl->getBeginLoc())) <
           SM.getFileOffset(SM.getExpansionLoc(C->Decl->getBeginLoc()));
  });
  for (const AsyncFunction *F : Todo) {
    const Stmt *Body = F->Decl->getBody();
    if (Body->getBeginLoc().isMacroID() || Body->getEndLoc().isMacroID()) {
      // The definition comes from a macro: print everything that macro
      // use declares in place of it.
      CharSourceRange R = SM.getExpansionRange(F->Decl->getSourceRange());
      unsigned Begin = SM.getFileOffset(R.getBegin());
      unsigned End =
          SM.getFileOffset(R.getEnd()) +
          Lexer::MeasureTokenLength(R.getEnd(), SM, Ctx.getLangOpts());
      if (Begin < B.copied())
        continue; // printed with an earlier function of the same use
      B.verbatim(B.copied(), Begin);
      PrintingPolicy Terse(Ctx.getLangOpts());
      Terse.TerseOutput = true;
      for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
        SourceLocation L = SM.getExpansionLoc(D->getBeginLoc());
        if (SM.getFileID(L) != SM.getMainFileID() ||
            SM.getFileOffset(L) < Begin || SM.getFileOffset(L) >= End)
          continue;
        const auto *FD = dyn_cast<FunctionDecl>(D);
        const AsyncFunction *AF = nullptr;
        for (const AsyncFunction *Cand : Todo)
          if (FD && Cand->Decl == FD)
            AF = Cand;
        if (AF) {
          std::string Head;
          llvm::raw_string_ostream OS(Head);
          FD->print(OS, Terse); // with its async annotation
          B.gen(Head + " ", Begin);
          FunctionNormalizer(Ctx, Diags, *AF, PP).run(B, /*Printed=*/true);
          continue;
        }
        if (isAsyncFunction(FD) && FD->doesThisDeclarationHaveABody()) {
          Diags.error(FD->getLocation(),
                      "async function '" + FD->getName() +
                          "' comes from the same macro use as one with an "
                          "await inside an expression; define them in "
                          "separate macro uses");
          continue;
        }
        std::string Text;
        llvm::raw_string_ostream OS(Text);
        D->print(OS, PrintingPolicy(Ctx.getLangOpts()));
        B.gen(Text + (isa<FunctionDecl>(D) && cast<FunctionDecl>(D)->hasBody()
                          ? " "
                          : "; "),
              Begin);
      }
      B.skipTo(End);
      continue;
    }
    unsigned BodyBegin =
        SM.getFileOffset(SM.getExpansionLoc(Body->getBeginLoc()));
    B.verbatim(B.copied(), BodyBegin);
    FunctionNormalizer(Ctx, Diags, *F, PP).run(B, /*Printed=*/false);
  }
  B.verbatim(B.copied(), Orig.size());
  Result.Text = std::move(B.str());
  return Result;
}

} // namespace cawait
