//===- Splice.cpp - The generated C spliced into the user's text ---------===//
#include "Splice.h"
#include "CEmitter.h"
#include "Emit.h"
#include "LocalTypes.h"
#include "Placement.h"
#include "Shape.h"
#include "clang/AST/Attr.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>
#include <cstring>

using namespace clang;

namespace cawait {

Splicer::Splicer(ASTContext &Ctx)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Main(SM.getMainFileID()) {}

unsigned Splicer::declBegin(const Decl *D) {
  unsigned Begin = offset(D->getBeginLoc());
  for (const Attr *A : D->attrs()) {
    if (A->isInherited() || A->isImplicit() || A->getRange().isInvalid())
      continue;
    SourceLocation L = SM.getExpansionLoc(A->getRange().getBegin());
    if (SM.getFileID(L) != Main)
      continue;
    unsigned Off = SM.getFileOffset(L);
    Off = openingBrackets(Off);
    Begin = std::min(Begin, Off);
  }
  return Begin;
}

unsigned Splicer::openingBrackets(unsigned Off) {
  StringRef Text = SM.getBufferData(Main).substr(0, Off);
  // Only back to the previous `;` or `}` (searching the whole prefix for
  // every declaration would be quadratic in the file's size).
  size_t Stop = Text.find_last_of(";}");
  size_t From = Stop == StringRef::npos ? 0 : Stop + 1;
  size_t Open = Text.substr(From).rfind("[[");
  if (Open == StringRef::npos)
    return Off;
  Open += From;
  // Only attribute names, arguments and separators may stand between.
  for (char C : Text.substr(Open + 2))
    if (!isalnum((unsigned char)C) && !strchr("_:, \t\n()", C))
      return Off;
  return Open;
}

unsigned Splicer::topLevelBegin(const Decl *D) {
  while (!D->getLexicalDeclContext()->isTranslationUnit())
    D = cast<Decl>(D->getLexicalDeclContext());
  return declBegin(D);
}

unsigned Splicer::offset(SourceLocation L) {
  return SM.getFileOffset(SM.getExpansionLoc(L));
}

bool Splicer::inMainFile(SourceLocation L) {
  return SM.getFileID(SM.getExpansionLoc(L)) == Main;
}

unsigned Splicer::endOffset(SourceLocation Last) {
  SourceLocation L = SM.getExpansionRange(Last).getEnd();
  return SM.getFileOffset(L) +
         Lexer::MeasureTokenLength(L, SM, Ctx.getLangOpts());
}

std::string Splicer::macroDirectives(unsigned Begin, unsigned End) {
  StringRef Buf = SM.getBufferData(Main);
  Lexer Raw(SM.getLocForStartOfFile(Main), Ctx.getLangOpts(), Buf.begin(),
            Buf.begin() + Begin, Buf.end());
  std::string Out;
  Token Tok;
  while (!Raw.LexFromRawLexer(Tok) || Tok.isNot(tok::eof)) {
    unsigned Off = SM.getFileOffset(Tok.getLocation());
    if (Off >= End || Tok.is(tok::eof))
      break;
    if (!Tok.is(tok::hash) || !Tok.isAtStartOfLine())
      continue;
    Token Name;
    Raw.LexFromRawLexer(Name);
    if (!Name.is(tok::raw_identifier) || (Name.getRawIdentifier() != "define" &&
                                          Name.getRawIdentifier() != "undef"))
      continue;
    size_t Eol = Off;
    while (Eol < Buf.size() && Buf[Eol] != '\n')
      Eol += Buf[Eol] == '\\' && Eol + 1 < Buf.size() ? 2 : 1;
    Out += Buf.substr(Off, Eol - Off).str() + "\n";
    Raw.seek(Eol, /*IsAtStartOfLine=*/true);
  }
  return Out;
}

void Splicer::add(unsigned Begin, unsigned End, unsigned Rank,
                  std::string Text) {
  Edits.push_back({Begin, End, Rank, std::move(Text)});
}

std::string Splicer::apply() {
  std::stable_sort(
      Edits.begin(), Edits.end(), [](const Edit &A, const Edit &B) {
        return A.Begin != B.Begin ? A.Begin < B.Begin : A.Rank < B.Rank;
      });
  StringRef Orig = SM.getBufferData(Main);
  std::string Out;
  unsigned Pos = 0;
  for (const Edit &E : Edits) {
    assert(E.Begin >= Pos && "overlapping edits");
    Out += Orig.substr(Pos, E.Begin - Pos);
    // Resynchronise lines after any splice that changes their count.
    if (StringRef(E.Text).contains('\n') ||
        Orig.substr(E.Begin, E.End - E.Begin).contains('\n')) {
      if (!Out.empty() && Out.back() != '\n')
        Out += '\n';
      Out += E.Text;
      if (Out.back() != '\n')
        Out += '\n';
      PresumedLoc P = SM.getPresumedLoc(SM.getComposedLoc(Main, E.End));
      if (P.isValid())
        Out += "#line " + std::to_string(P.getLine()) + " " +
               quoteC(P.getFilename()) + "\n" +
               std::string(P.getColumn() - 1, ' ');
    } else {
      Out += E.Text;
    }
    Pos = E.End;
  }
  Out += Orig.substr(Pos);
  return Out;
}

namespace {

/// A definition's text, then the export of its frame's size on a line of
/// its own (the definition need not end its last line).
std::string withFrameSizeExport(std::string Definition,
                                const std::string &Export) {
  if (Export.empty())
    return Definition;
  if (!Definition.empty() && Definition.back() != '\n')
    Definition += '\n';
  return Definition + Export;
}

} // namespace

void spliceLowering(const Shape &S, const Placement &P,
                    const HoistedTypes &Hoisted, Emitter &E, Splicer &Sp,
                    ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned NF = S.Functions.size();
  enum : unsigned {
    RankProto = 0,
    RankFrame = 1,
    RankThunk = 1u << 30,
    RankDefinition = RankThunk + 1
  };
  for (unsigned I = 0; I != NF; ++I)
    Sp.add(P.ProtoAt[I], P.ProtoAt[I], RankProto,
           E.prototypes(S.Functions[I],
                        SM.getComposedLoc(SM.getMainFileID(), P.ProtoAt[I])));
  for (unsigned N = 0; N != S.CalleesFirst.size(); ++N) {
    unsigned I = S.CalleesFirst[N];
    Sp.add(P.FrameAt[I], P.FrameAt[I], RankFrame + N,
           hoistedDefinitions(Hoisted, I, E.policy(), SM) +
               E.frameStruct(S.Functions[I]));
  }
  for (auto &[Callee, At] : P.BudgetAt)
    Sp.add(At, At, RankProto,
           E.budgetFrame(Callee, SM.getComposedLoc(SM.getMainFileID(), At)));
  for (auto &[Callee, At] : P.ThunksAt)
    Sp.add(At, At, RankThunk, E.thunks(Callee));
  for (const AsyncFunction &F : S.Functions) {
    const FunctionDecl *FD = F.Decl;
    unsigned Begin = Sp.declBegin(FD);
    unsigned End = Sp.endOffset(FD->getBody()->getEndLoc());
    Sp.add(Begin, End, RankDefinition,
           withFrameSizeExport(E.definition(F),
                               E.frameSizeExport(F) + E.frameDesc(F)) +
               Sp.macroDirectives(Begin, End));
  }
  // A static async function's own prototypes name a function the lowered
  // file no longer calls: -Wunused-function would flag them.
  for (const AsyncFunction &F : S.Functions)
    for (const FunctionDecl *R : F.Decl->redecls())
      if (R != F.Decl && !R->isThisDeclarationADefinition() &&
          !R->isExternallyVisible() && Sp.inMainFile(R->getBeginLoc()) &&
          R->getLexicalDeclContext()->isTranslationUnit()) {
        unsigned At = Sp.declBegin(R);
        Sp.add(At, At, RankDefinition + 1, "__attribute__((unused)) ");
      }
  for (unsigned I = 0; I != P.PoolRange.size(); ++I)
    Sp.add(P.PoolRange[I].first, P.PoolRange[I].second, RankDefinition,
           E.pool(S.Pools[I]));
  for (const ForSite &FS : S.PlainFors) {
    // `ca_for (T v, g(x))`, written in the main file (Check): the body
    // stays as written.
    CharSourceRange R = SM.getImmediateExpansionRange(FS.Loop->getForLoc());
    Sp.add(SM.getFileOffset(R.getBegin()), Sp.endOffset(R.getEnd()),
           RankDefinition, E.plainFor(FS));
  }
  for (const StartSite &St : S.Starts) {
    if (St.Nested)
      continue;
    // Written in the main file, not inside another macro (Check).
    CharSourceRange R = SM.getImmediateExpansionRange(St.Marker->getBeginLoc());
    unsigned Begin = SM.getFileOffset(R.getBegin());
    unsigned End = Sp.endOffset(R.getEnd());
    Sp.add(Begin, End, RankDefinition, E.startExpr(St, nullptr));
  }
}

} // namespace cawait
