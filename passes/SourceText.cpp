//===- SourceText.cpp - Expressions as the user wrote them ----------------===//
#include "SourceText.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace cawait {
namespace {

/// Finds what keeps an expression's tokens from standing for it.
class CopyCheck : public RecursiveASTVisitor<CopyCheck> {
public:
  explicit CopyCheck(llvm::function_ref<bool(const Stmt *)> MustPrint)
      : MustPrint(MustPrint) {}
  bool Refused = false;

  bool VisitStmt(Stmt *S) {
    // Their value depends on the function and place they are written in.
    if (isa<PredefinedExpr>(S) || isa<SourceLocExpr>(S) || isa<StmtExpr>(S) ||
        MustPrint(S))
      return refuse();
    return true;
  }
  // Types declared in a function, also inside a local struct, and their
  // enumerators: the lowering may move them to file scope under another
  // name (LocalTypes.h), which the AST printer writes.
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return TL.getTypedefNameDecl()->getParentFunctionOrMethod() ? refuse()
                                                                : true;
  }
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    return TL.getDecl()->getParentFunctionOrMethod() ? refuse() : true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    return isa<EnumConstantDecl>(DRE->getDecl()) &&
                   DRE->getDecl()->getParentFunctionOrMethod()
               ? refuse()
               : true;
  }

private:
  bool refuse() {
    Refused = true;
    return false;
  }
  llvm::function_ref<bool(const Stmt *)> MustPrint;
};

void printStringLiteral(const StringLiteral *SL, raw_ostream &OS) {
  // outputString writes "??!" back, a trigraph in C11 and earlier.
  std::string Text;
  llvm::raw_string_ostream TS(Text);
  SL->outputString(TS);
  bool AfterQuestion = false;
  for (char C : Text) {
    if (C == '?' && AfterQuestion)
      OS << '\\';
    AfterQuestion = C == '?';
    OS << C;
  }
}

} // namespace

std::optional<std::string>
sourceTokens(const Expr *E, const ASTContext &Ctx,
             llvm::function_ref<bool(const Stmt *)> MustPrint) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation Begin = E->getBeginLoc(), End = E->getEndLoc();
  if (Begin.isInvalid() || End.isInvalid() || !Begin.isFileID() ||
      !End.isFileID())
    return std::nullopt;
  auto [File, BeginOff] = SM.getDecomposedLoc(Begin);
  auto [EndFile, EndOff] = SM.getDecomposedLoc(End);
  if (File != EndFile || EndOff < BeginOff)
    return std::nullopt;
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return std::nullopt;
  EndOff += Lexer::MeasureTokenLength(End, SM, LO);

  CopyCheck Check(MustPrint);
  Check.TraverseStmt(const_cast<Expr *>(E));
  if (Check.Refused)
    return std::nullopt;

  Lexer Raw(SM.getLocForStartOfFile(File), LO, Buf.begin(),
            Buf.begin() + BeginOff, Buf.end());
  std::string Text;
  Token Tok;
  for (;;) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    unsigned Off = SM.getFileOffset(Tok.getLocation());
    if (Off >= EndOff)
      break;
    if (Off + Tok.getLength() > EndOff)
      return std::nullopt;
    // A directive inside the expression, or stray text.
    if (Tok.isOneOf(tok::hash, tok::hashhash, tok::hashat, tok::unknown))
      return std::nullopt;
    if (Tok.is(tok::raw_identifier)) {
      // Parsed again where the lowered text stands, a macro's name could
      // expand differently (the body's #defines move after it).
      const IdentifierInfo &II = Ctx.Idents.get(Tok.getRawIdentifier());
      if (II.hadMacroDefinition() || II.getName() == "_Pragma" ||
          II.getName() == "__pragma")
        return std::nullopt;
    }
    if (!Text.empty() && (Tok.hasLeadingSpace() || Tok.isAtStartOfLine()))
      Text += ' ';
    Text += Lexer::getSpelling(Tok, SM, LO);
  }
  if (Text.empty())
    return std::nullopt;
  return Text;
}

bool printLiteral(const Stmt *S, raw_ostream &OS, const ASTContext &Ctx) {
  if (const auto *SL = dyn_cast<StringLiteral>(S)) {
    printStringLiteral(SL, OS);
    return true;
  }
  if (const auto *CL = dyn_cast<CharacterLiteral>(S)) {
    unsigned V = CL->getValue();
    if (CL->getKind() == CharacterLiteralKind::Ascii) {
      // One char (sign-extended when char is signed): clang's printer is
      // right. Else a multi-character constant: its bytes, first the most
      // significant, give the same int.
      if (V < 256 || (V & ~0xFFu) == ~0xFFu)
        return false;
      OS << "'";
      bool Started = false;
      for (int Shift = 24; Shift >= 0; Shift -= 8) {
        unsigned Byte = (V >> Shift) & 0xFF;
        if (!Started && Byte == 0)
          continue;
        Started = true;
        OS << "\\x" << llvm::format_hex_no_prefix(Byte, 2);
      }
      OS << "'";
      return true;
    }
    // A wide one is printed as \u or \U, which may not denote a surrogate,
    // nor anything past U+10FFFF; a hex escape has any value of the type.
    if (V < 256)
      return false;
    switch (CL->getKind()) {
    case CharacterLiteralKind::Wide:
      OS << "L";
      break;
    case CharacterLiteralKind::UTF8:
      OS << "u8";
      break;
    case CharacterLiteralKind::UTF16:
      OS << "u";
      break;
    case CharacterLiteralKind::UTF32:
      OS << "U";
      break;
    case CharacterLiteralKind::Ascii:
      break;
    }
    OS << "'\\x" << llvm::format_hex_no_prefix(V, 1) << "'";
    return true;
  }
  if (const auto *SL = dyn_cast<SourceLocExpr>(S)) {
    // Evaluated where the user wrote it: re-printed, it would name the
    // poll function, or the column of the lowered text.
    if (SL->getIdentKind() == SourceLocIdentKind::SourceLocStruct)
      return false;
    APValue V = SL->EvaluateInContext(Ctx, nullptr);
    std::string Type = SL->getType().getAsString(Ctx.getPrintingPolicy());
    if (V.isInt()) {
      OS << "((" << Type << ")" << V.getInt() << ")";
      return true;
    }
    if (V.isLValue())
      if (const auto *Base = V.getLValueBase().dyn_cast<const Expr *>())
        if (const auto *Str = dyn_cast<StringLiteral>(Base)) {
          OS << "((" << Type << ")";
          printStringLiteral(Str, OS);
          OS << ")";
          return true;
        }
    return false;
  }
  return false;
}

std::string assignmentOperand(const Expr *E, std::string Text) {
  const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreImplicit());
  if (BO && BO->getOpcode() == BO_Comma)
    return "(" + Text + ")";
  return Text;
}

} // namespace cawait
