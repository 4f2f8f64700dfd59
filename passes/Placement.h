//===- Placement.h - Where frames, prototypes and thunks go --------------===//
//
// Input: a Shape after liveness and layout, with its callees-first order
// (Shape::CalleesFirst); a Splicer for positions in the main file. Output:
// for each async function the offset of the first top-level declaration
// that needs its frame struct, and of the first that needs its prototypes;
// the same for each budget frame (a callee known only by its budget) and
// each pair of start thunks; the range of each task pool.
//
// A definition needs its own frame and prototypes; an await needs its
// callee's frame (embedded), a call of f__sync only its prototype, a start
// or a pool its callee's frame and thunks. A frame embeds its callees'
// frames, so they come no later than it does (walked callers first, the
// reverse of CalleesFirst). Check's checkTypeOrder then verifies that each
// frame does not need a type defined after its place.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_PLACEMENT_H
#define CAWAIT_PASSES_PLACEMENT_H

#include "Shape.h"
#include "Splice.h"
#include <utility>
#include <vector>

namespace cawait {

struct Placement {
  /// Per async function (index in Shape::Functions): main-file offsets.
  std::vector<unsigned> FrameAt, ProtoAt;
  /// In first-use order, so the output does not depend on pointer values.
  std::vector<std::pair<const clang::FunctionDecl *, unsigned>> ThunksAt;
  std::vector<std::pair<const clang::FunctionDecl *, unsigned>> BudgetAt;
  /// Per task pool (index in Shape::Pools): the bytes of its declaration.
  std::vector<std::pair<unsigned, unsigned>> PoolRange;
};

/// Every pool of S must be written in the main file (checkLowerable
/// reports the others), and S must have no await cycle.
[[nodiscard]] Placement placeDeclarations(const Shape &S, Splicer &Sp,
                                          const clang::SourceManager &SM);

} // namespace cawait

#endif
