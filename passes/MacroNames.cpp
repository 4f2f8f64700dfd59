//===- MacroNames.cpp - Names a re-print would turn into macro uses -------===//
#include "MacroNames.h"

using namespace clang;

namespace cawait {

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

} // namespace cawait
