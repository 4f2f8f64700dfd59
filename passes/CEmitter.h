//===- CEmitter.h - Builds C text with indentation and #line markers -----===//
//
// Every piece of generated C goes through a CEmitter: it indents, tracks
// the presumed line of the next output line, and before each line it
// writes a `#line` marker when that line's original location (the last
// mapTo) differs from it, so every generated line, boilerplate included,
// lands on a user's line in debuggers and compiler diagnostics.
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

  /// The lines written from now on belong to Loc's original line.
  void mapTo(clang::SourceLocation Loc);
  /// One line of code at the current indentation.
  void line(const llvm::Twine &Code);
  /// A label, unindented.
  void label(const llvm::Twine &Name);
  /// Raw text; newlines in it are counted.
  void raw(llvm::StringRef Text);

  void indent() { ++Depth; }
  void dedent() { --Depth; }

  const std::string &str() const { return Text; }
  std::string take() { return std::move(Text); }

private:
  const clang::SourceManager &SM;
  std::string Text;
  unsigned Depth = 0;
  void sync();      ///< writes `#line` if the next line is not Want's
  std::string File; ///< presumed file of the next line ("" unknown)
  unsigned Line = 0;
  std::string WantFile; ///< where the next line belongs ("" anywhere)
  unsigned WantLine = 0;
};

/// `"..."` with backslashes and quotes escaped, for #line and literals.
std::string quoteC(llvm::StringRef S);

} // namespace cawait

#endif
