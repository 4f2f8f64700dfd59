//===- NormalizeText.h - The normalized text and its line map
//---------------===//
//
// Private to the Normalize*.cpp files. TextBuilder takes pieces of the
// original main file (copied verbatim) and generated code, in order, and
// gives the normalized text, with every verbatim piece on its original
// line (newlines are padded in, generated code never adds one) and the
// preprocessor lines of what was re-printed copied on their lines; it
// records the OffsetMap back to the original. Prelude: the generated code
// that must run before an expression, piece by piece with its origin.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_NORMALIZETEXT_H
#define CAWAIT_PASSES_NORMALIZETEXT_H

#include "Normalize.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cawait {
namespace normalizer {

using namespace clang;

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

} // namespace normalizer
} // namespace cawait

#endif
