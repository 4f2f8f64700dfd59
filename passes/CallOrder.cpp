//===- CallOrder.cpp - Async functions, callees first --------------------===//
#include "CallOrder.h"
#include <algorithm>

using namespace clang;

namespace cawait {
namespace {

/// Depth-first from each function in turn, callees in await order: a
/// function is finished (appended) after its callees; an await of a
/// function still on the stack closes a cycle.
class CallOrderFinder {
public:
  explicit CallOrderFinder(Shape &S) : S(S) {}

  void run() {
    Color.assign(S.Functions.size(), White);
    for (unsigned I = 0; I != S.Functions.size(); ++I)
      if (Color[I] == White)
        visit(I);
  }

private:
  enum { White, Grey, Black };

  void visit(unsigned I) {
    Color[I] = Grey;
    Stack.push_back(I);
    auto Edge = [&](const FunctionDecl *C, const AwaitSite *A,
                    const ForSite *For) {
      AsyncFunction *Callee = S.lookup(C);
      if (!Callee)
        return;
      unsigned J = Callee - S.Functions.data();
      if (Color[J] == Grey)
        S.AwaitCycles.push_back(
            {std::vector<unsigned>(std::find(Stack.begin(), Stack.end(), J),
                                   Stack.end()),
             A, For});
      else if (Color[J] == White)
        visit(J);
    };
    for (const AwaitSite &A : S.Functions[I].Awaits)
      for (const FunctionDecl *C : A.callees())
        Edge(C, &A, nullptr);
    // A ca_for's generator frame may be embedded too.
    for (const ForSite &FS : S.Functions[I].Fors)
      Edge(FS.Callee, nullptr, &FS);
    Stack.pop_back();
    Color[I] = Black;
    S.CalleesFirst.push_back(I);
  }

  Shape &S;
  std::vector<int> Color;
  std::vector<unsigned> Stack;
};

} // namespace

void computeCallOrder(Shape &S) {
  S.CalleesFirst.clear();
  S.AwaitCycles.clear();
  CallOrderFinder(S).run();
}

} // namespace cawait
