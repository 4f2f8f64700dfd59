//===- Normalize.h - Move awaits out of expressions into statements ------===//
//
// Input: the analysis AST and the Shape from discover, whose async functions
// list the awaits that are not yet in a statement position (Pending). Output:
// a new text of the main file in which every await is a statement of its
// own, an initializer, the right side of an assignment or a return value,
// with C's sequencing kept: awaits in unsequenced operands are hoisted in
// front of the expression, the right side of `&&`, `||`, `?:` and `,`
// becomes an `if`, loop conditions and `for` clauses move into the loop
// body (`continue` becomes a `goto` where the increment moved). The text is
// parsed again and lowered as usual.
//
// The new text has the same lines as the original: generated code never
// adds a line, and verbatim text is re-aligned to its own line, so #line
// markers, __LINE__ and line-based diagnostics need no translation. An
// OffsetMap takes byte offsets of the new text back to the original for
// column-exact diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_NORMALIZE_H
#define CAWAIT_PASSES_NORMALIZE_H

#include "Diag.h"
#include "ExprPrinter.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <string>
#include <vector>

namespace cawait {

/// Byte offsets of a normalized text back to the original.
class OffsetMap {
public:
  /// Out[OutBegin, OutBegin + Length) is a copy of the original at
  /// OrigBegin (Verbatim) or was generated for the construct at OrigBegin.
  struct Segment {
    unsigned OutBegin, Length, OrigBegin;
    bool Verbatim;
  };
  void add(Segment S) { Segments.push_back(S); }
  /// The original offset of Out offset Off.
  unsigned toOriginal(unsigned Off) const;
  bool empty() const { return Segments.empty(); }

private:
  std::vector<Segment> Segments; ///< in increasing OutBegin
};

struct NormalizedTU {
  std::string Text;
  OffsetMap Map;
};

/// True when some async function of S has an await that is not in a
/// statement position yet.
bool needsNormalize(const Shape &S);

/// What normalize cannot rewrite, each with where and why, in the order
/// the rewrite meets it; empty when it can rewrite everything. It is the
/// rewrite's own walk with its text dropped: whether a piece is copied or
/// printed (and so what can go wrong) depends on the text written before
/// it, so no other walk could tell. Check reports these (checkUnsupported).
std::vector<ReportOnce::Report> normalizeLimits(clang::ASTContext &Ctx,
                                                const Shape &S,
                                                clang::Preprocessor *PP);

/// The main file with every pending await moved into a statement position.
/// Runs after Check found no limit (normalizeLimits): one met all the same
/// is an internal error in Diags.
/// PP, when given, tells which names are macros where they are re-printed.
NormalizedTU normalize(clang::ASTContext &Ctx, const Shape &S, DiagSink &Diags,
                       clang::Preprocessor *PP = nullptr);

} // namespace cawait

#endif
