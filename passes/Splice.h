//===- Splice.h - The generated C spliced into the user's text -----------===//
//
// Input: the analysis AST, its Shape after layout, where each frame,
// prototype and thunk goes (Placement.h), and the Emitter that prints them.
// Output: the lowered main file. Each async definition is replaced by its
// frame ABI, frame structs and prototypes are inserted at their places,
// each task pool and each ca_block_on / ca_spawn outside async code is
// replaced in place. A #line marker follows every splice that changes the
// number of lines, so the rest of the file keeps its own line numbers.
//
// Splicer also answers where declarations begin and end in the main file,
// for Placement and the frame report.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_SPLICE_H
#define CAWAIT_PASSES_SPLICE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>
#include <vector>

namespace cawait {

class Emitter;
struct HoistedTypes;
struct Placement;
struct Shape;

/// Byte positions in the main file, and the edits made to it.
class Splicer {
public:
  explicit Splicer(clang::ASTContext &Ctx);

  /// Offset in the main file of the first character of D, its leading
  /// attributes (`async int f(...)`) included.
  unsigned declBegin(const clang::Decl *D);
  /// declBegin of the top-level declaration D is in.
  unsigned topLevelBegin(const clang::Decl *D);
  /// The main-file offset of L's expansion.
  unsigned offset(clang::SourceLocation L);
  bool inMainFile(clang::SourceLocation L);
  /// One past the last character of the token at Last.
  unsigned endOffset(clang::SourceLocation Last);

  /// `#define` and `#undef` lines between Begin and End of the main file,
  /// in order: a body that is re-printed must not lose their effect on the
  /// rest of the file.
  std::string macroDirectives(unsigned Begin, unsigned End);

  /// Replaces [Begin, End) of the original by Text (Begin == End inserts);
  /// Rank orders edits at the same offset.
  void add(unsigned Begin, unsigned End, unsigned Rank, std::string Text);
  /// The original text with every edit applied.
  std::string apply();

private:
  /// The `[[` that opens the standard attribute list a name at Off is in.
  unsigned openingBrackets(unsigned Off);

  struct Edit {
    unsigned Begin, End; // replaced bytes of the original
    unsigned Rank;       // order among edits at the same offset
    std::string Text;
  };
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  clang::FileID Main;
  std::vector<Edit> Edits;
};

/// Adds to Sp every edit of the lowering: prototypes and frames (callees
/// first) where P puts them, budget frames, start thunks, the definitions,
/// task pools and starts outside async code. Emit errors go to E's sink.
void spliceLowering(const Shape &S, const Placement &P,
                    const HoistedTypes &Hoisted, Emitter &E, Splicer &Sp,
                    clang::ASTContext &Ctx);

} // namespace cawait

#endif
