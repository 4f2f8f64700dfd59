//===- CEmitter.cpp - Builds C text with indentation and #line markers ---===//
#include "CEmitter.h"

using namespace clang;

namespace cawait {

std::string quoteC(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '\\' || C == '"')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

void CEmitter::mapTo(SourceLocation Loc) {
  if (Loc.isInvalid())
    return;
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return;
  WantFile = P.getFilename();
  WantLine = P.getLine();
}

void CEmitter::sync() {
  if (WantFile.empty() || (WantFile == File && WantLine == Line))
    return;
  if (!Text.empty() && Text.back() != '\n')
    Text += '\n';
  Text += "#line " + std::to_string(WantLine) + " " + quoteC(WantFile) + "\n";
  File = WantFile;
  Line = WantLine;
}

void CEmitter::line(const llvm::Twine &Code) {
  sync();
  Text.append(2 * Depth, ' ');
  raw(Code.str());
  raw("\n");
}

void CEmitter::label(const llvm::Twine &Name) {
  sync();
  raw(Name.str() + ":\n");
}

void CEmitter::raw(llvm::StringRef S) {
  Text += S;
  Line += S.count('\n');
  // Text with its own markers (a nested statement expression): the next
  // line's presumed location is no longer known here.
  if (S.contains("#line "))
    File.clear();
}

} // namespace cawait
