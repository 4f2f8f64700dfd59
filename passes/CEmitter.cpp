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
  if (P.getFilename() == File && P.getLine() == Line)
    return;
  if (!Text.empty() && Text.back() != '\n')
    Text += '\n';
  Text += "#line " + std::to_string(P.getLine()) + " " +
          quoteC(P.getFilename()) + "\n";
  File = P.getFilename();
  Line = P.getLine();
}

void CEmitter::line(const llvm::Twine &Code) {
  Text.append(2 * Depth, ' ');
  raw(Code.str());
  raw("\n");
}

void CEmitter::raw(llvm::StringRef S) {
  Text += S;
  Line += S.count('\n');
}

} // namespace cawait
