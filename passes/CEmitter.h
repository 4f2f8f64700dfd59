//===- CEmitter.h - Builds C text with indentation and #line markers -----===//
//
// Every piece of generated C goes through a CEmitter: it indents, tracks
// the presumed line of the next output line, and writes a `#line` marker
// only when a statement's original line differs from it, so debuggers and
// compiler diagnostics land on the user's lines.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_CEMITTER_H
#define CAWAIT_PASSES_CEMITTER_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include <string>

namespace cawait {

class CEmitter {
public:
  explicit CEmitter(const clang::SourceManager &SM) : SM(SM) {}

  /// Writes `#line` so the next output line is Loc's presumed line.
  void mapTo(clang::SourceLocation Loc);
  /// One line of code at the current indentation.
  void line(const llvm::Twine &Code);
  /// Raw text; newlines in it are counted.
  void raw(llvm::StringRef Text);

  void indent() { ++Depth; }
  void dedent() { --Depth; }
  unsigned depth() const { return Depth; }

  const std::string &str() const { return Text; }
  std::string take() { return std::move(Text); }

private:
  const clang::SourceManager &SM;
  std::string Text;
  unsigned Depth = 0;
  std::string File; ///< presumed file of the next line ("" unknown)
  unsigned Line = 0;
};

/// `"..."` with backslashes and quotes escaped, for #line and literals.
std::string quoteC(llvm::StringRef S);

} // namespace cawait

#endif
