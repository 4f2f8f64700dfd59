//===- MaySuspend.cpp - Which async functions can suspend -----------------===//
#include "MaySuspend.h"
#include "Markers.h"

using namespace clang;

namespace cawait {

void computeMaySuspend(Shape &S, const std::vector<FoundMarker> &Markers,
                       const std::vector<FoundFor> &Fors,
                       const ASTContext &Ctx) {
  unsigned N = S.Functions.size();
  std::vector<bool> Suspends(N, false);
  std::vector<std::vector<unsigned>> CalledBy(N);
  // A ca_for_await over a stream waits whenever the stream does.
  for (const FoundFor &FF : Fors)
    if (AsyncFunction *F = FF.Enclosing ? S.lookup(FF.Enclosing) : nullptr)
      if (const CallExpr *Call = forParts(FF.Loop).Call)
        if (isForAwaitMarker(FF.Loop, Ctx) &&
            isAsyncGenerator(Call->getDirectCallee()))
          Suspends[F - S.Functions.data()] = true;
  for (const FoundMarker &M : Markers) {
    if (M.Kind != MarkerKind::Await || !M.Enclosing)
      continue;
    AsyncFunction *F = S.lookup(M.Enclosing);
    if (!F)
      continue;
    unsigned I = F - S.Functions.data();
    const FunctionDecl *Callee = M.Call && M.Comb == Combinator::None
                                     ? M.Call->getDirectCallee()
                                     : nullptr;
    AsyncFunction *C = Callee ? S.lookup(Callee) : nullptr;
    if (!C)
      Suspends[I] = true;
    else
      CalledBy[C - S.Functions.data()].push_back(I);
  }
  std::vector<unsigned> Work;
  for (unsigned I = 0; I != N; ++I)
    if (Suspends[I])
      Work.push_back(I);
  while (!Work.empty()) {
    unsigned C = Work.back();
    Work.pop_back();
    for (unsigned I : CalledBy[C])
      if (!Suspends[I]) {
        Suspends[I] = true;
        Work.push_back(I);
      }
  }
  for (unsigned I = 0; I != N; ++I)
    S.Functions[I].MaySuspend = Suspends[I];
}

} // namespace cawait
