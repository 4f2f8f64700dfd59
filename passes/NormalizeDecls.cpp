//===- NormalizeDecls.cpp - Declarations of a normalized function
//-----------===//
//
// Takes a declaration statement whose initializers hold awaits; writes it
// with the awaits' preludes before it and the rest of its text as written:
// one declaration per declarator where a later one holds an await (the
// shared specifiers copied), each declarator printed where the text cannot
// be copied. Gives the limits (ReportOnce) for what cannot be split (a type
// defined in the declaration, an initializer from a macro), which Check
// reports (normalizeLimits).
//
//===----------------------------------------------------------------------===//
#include "Normalizer.h"
#include "TypeText.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace cawait {
namespace normalizer {

void FunctionNormalizer::declStmt(const DeclStmt *DS, TextBuilder &B,
                                  bool Copyable) {
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
        Reports.error(Vars[1], Vars[1]->getLocation(),
                      "await in the initializer of '" + Vars[1]->getName() +
                          "', in a declaration that also defines a type; "
                          "define the type in a declaration of its own");
        return;
      }
  std::optional<unsigned> SpecEnd = specifiersEnd(DS, Vars[0]);
  if (!SpecEnd) {
    Reports.error(Vars[1], Vars[1]->getLocation(),
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

std::optional<Token> FunctionNormalizer::nextCommaAfter(SourceLocation Loc) {
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

void FunctionNormalizer::macroInit(const VarDecl *VD) {
  Reports.error(VD, VD->getLocation(),
                "await in the initializer of '" + VD->getName() +
                    "' cannot be lowered: the initializer comes from a "
                    "macro; assign it with await(...) in a statement of its "
                    "own");
}

FunctionNormalizer::Extent FunctionNormalizer::extentOfExpr(const Expr *E) {
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

FunctionNormalizer::Extent FunctionNormalizer::extentOfDecl(const VarDecl *VD) {
  Extent X;
  SourceLocation E = SM.getExpansionRange(VD->getEndLoc()).getEnd();
  if (SM.getFileID(E) != SM.getMainFileID())
    return X;
  X.E = fileOffset(E) + Lexer::MeasureTokenLength(E, SM, Ctx.getLangOpts());
  X.Valid = true;
  return X;
}

std::optional<unsigned>
FunctionNormalizer::specifiersEnd(const DeclStmt *DS, const VarDecl *First) {
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

std::string FunctionNormalizer::printVarDecl(const VarDecl *VD) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  // (respellAlignas wrote every _Alignas as an attribute after the name.)
  OS << storageText(VD);
  OS << typeText(VD->getType(), VD->getName().str());
  if (namesUnnamedTag(VD->getType()))
    Reports.error(VD, VD->getLocation(),
                  "'" + VD->getName() +
                      "' has an unnamed type and its declaration must be "
                      "re-written to move an await; give the type a name");
  OS << attributeText(VD, Policy);
  if (const Expr *Init = VD->getInit())
    OS << " = " << print(Init);
  OS << ";";
  return Text;
}

std::string FunctionNormalizer::typeText(QualType T, const std::string &Name) {
  return declareWithTypeof(T, Name, Policy,
                           [&](const Expr *E) { return print(E); });
}

std::string FunctionNormalizer::printDecl(const Decl *D) {
  if (std::optional<std::string> Text =
          printCDecl(D, [&](const Expr *E) { return print(E); }))
    return *Text;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  D->print(OS, Policy);
  OS << ";";
  return Text;
}

} // namespace normalizer
} // namespace cawait
