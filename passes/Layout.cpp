//===- Layout.cpp - Byte layout of every generated frame -----------------===//
#include "Layout.h"
#include "Discover.h"
#include "LocalTypes.h"
#include "clang/Basic/TargetInfo.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <tuple>

using namespace clang;

namespace cawait {

QualType frameFieldType(const SavedVar &SV, ASTContext &Ctx) {
  QualType T = SV.Var ? SV.Var->getType() : SV.Literal->getType();
  if (writesTypeofExpr(T, Ctx))
    T = T.getCanonicalType();
  if (!T.isConstQualified() &&
      !(T->isArrayType() && Ctx.getBaseElementType(T).isConstQualified()))
    return T;
  Qualifiers Q;
  // As little sugar as possible goes: a local typedef it names moves to
  // file scope with the frame (LocalTypes.h) and stays in use.
  QualType Unq = Ctx.getUnqualifiedArrayType(T, Q);
  Q.removeConst();
  return Ctx.getQualifiedType(Unq, Q);
}

unsigned maxFrameAlign(ASTContext &Ctx) {
  return Ctx.getTargetInfo().getSuitableAlign() / Ctx.getCharWidth();
}

std::pair<unsigned, unsigned> indirectStorageSize(bool Boxed, unsigned Budget,
                                                  ASTContext &Ctx) {
  unsigned Ptr = Ctx.getTypeSize(Ctx.VoidPtrTy) / Ctx.getCharWidth();
  if (Boxed) // ca__boxed_call: the frame's pointer and its ops
    return {2 * Ptr, Ptr};
  // CA__IN_PLACE(N): the bytes, aligned for any type, then the ops.
  unsigned Align = maxFrameAlign(Ctx);
  unsigned Ops = llvm::alignTo(Budget, Ptr);
  return {(unsigned)llvm::alignTo(Ops + Ptr, Align), Align};
}

std::pair<unsigned, unsigned> branchStorageSize(const Shape &S, const Branch &B,
                                                ASTContext &Ctx) {
  if (B.Indirect)
    return indirectStorageSize(B.Boxed, B.Budget, Ctx);
  return calleeFrameSize(S, B.Callee, Ctx);
}

std::pair<unsigned, unsigned>
calleeFrameSize(const Shape &S, const FunctionDecl *Callee, ASTContext &Ctx) {
  auto It = S.FunctionIndex.find(Callee->getCanonicalDecl());
  if (It != S.FunctionIndex.end()) {
    const AsyncFunction &F = S.Functions[It->second];
    return {F.FrameSize, F.FrameAlign};
  }
  const RecordDecl *RD = findFrameRecord(Callee, Ctx);
  if (!RD) {
    // Only a budget is known (a body in another file): the lowering
    // declares the frame as that many bytes, aligned for any type.
    unsigned Align = maxFrameAlign(Ctx);
    return {(unsigned)llvm::alignTo(declaredBudget(Callee), Align), Align};
  }
  QualType T = Ctx.getRecordType(RD);
  return {(unsigned)Ctx.getTypeSizeInChars(T).getQuantity(),
          (unsigned)Ctx.getTypeAlignInChars(T).getQuantity()};
}

QualType combinatorHeadType(ASTContext &Ctx) {
  for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(
           &Ctx.Idents.get(contract::CombinatorHeadType)))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(ND))
      return Ctx.getTypedefType(TD);
  llvm_unreachable("ca_join and ca_select come from cawait.h");
}

namespace {

/// One thing that needs bytes in a frame.
struct Slot {
  unsigned Size, Align;
  std::vector<unsigned> Conflicts; ///< indices of slots it may not overlap
  unsigned Offset = 0;
  bool Placed = false;
};

/// Greedy first fit, largest slots first: each slot goes to the lowest
/// aligned offset where it overlaps no placed slot it conflicts with. Slots
/// that never conflict share bytes whatever their types. (Optimal
/// placement is NP-hard; this is what stack colouring does, and the lower
/// bound it is measured against is reported.)
unsigned placeSlots(std::vector<Slot> &Slots) {
  std::vector<unsigned> Order(Slots.size());
  for (unsigned I = 0; I != Order.size(); ++I)
    Order[I] = I;
  std::stable_sort(Order.begin(), Order.end(), [&](unsigned A, unsigned B) {
    if (Slots[A].Size != Slots[B].Size)
      return Slots[A].Size > Slots[B].Size;
    return Slots[A].Align > Slots[B].Align;
  });
  unsigned End = 0;
  for (unsigned I : Order) {
    Slot &S = Slots[I];
    // Candidates: 0 and the end of every placed conflicting slot.
    std::vector<unsigned> Candidates = {0};
    for (unsigned C : S.Conflicts)
      if (Slots[C].Placed)
        Candidates.push_back(Slots[C].Offset + Slots[C].Size);
    std::sort(Candidates.begin(), Candidates.end());
    for (unsigned Cand : Candidates) {
      unsigned Off = llvm::alignTo(Cand, S.Align);
      bool Fits = true;
      for (unsigned C : S.Conflicts) {
        const Slot &O = Slots[C];
        if (O.Placed && Off < O.Offset + O.Size && O.Offset < Off + S.Size) {
          Fits = false;
          break;
        }
      }
      if (Fits) {
        S.Offset = Off;
        break;
      }
    }
    S.Placed = true;
    End = std::max(End, S.Offset + S.Size);
  }
  return End;
}

class FrameLayout {
public:
  FrameLayout(Shape &S, ASTContext &Ctx) : S(S), Ctx(Ctx) {}

  /// The frames of F's callees are laid out already.
  void layout(AsyncFunction &F) {
    for (SavedVar &SV : F.Saved) {
      if (SV.Generator) { // a ca_for's generator frame, laid out before F
        std::tie(SV.Size, SV.Align) = calleeFrameSize(S, SV.Generator, Ctx);
        continue;
      }
      QualType T = frameFieldType(SV, Ctx);
      SV.Size = Ctx.getTypeSizeInChars(T).getQuantity();
      // The type's alignment, or more where the user asked for it; not
      // getDeclAlign, which over-aligns large arrays for stack slots.
      SV.Align = std::max<unsigned>(Ctx.getTypeAlignInChars(T).getQuantity(),
                                    (SV.Var ? SV.Var->getMaxAlignment() : 0) /
                                        Ctx.getCharWidth());
    }
    unsigned NA = F.Awaits.size(), NS = F.Saved.size();
    F.SubFrameSize.assign(NA, 0);
    F.SubFrameAlign.assign(NA, 1);
    F.SubFrameOffset.assign(NA, 0);
    F.BranchFrameOffset.assign(NA, {});
    F.BranchResultOffset.assign(NA, {});
    for (unsigned K = 0; K != NA; ++K) {
      const AwaitSite &A = F.Awaits[K];
      if (A.Indirect) {
        auto [Size, Align] = indirectStorageSize(A.Boxed, A.Budget, Ctx);
        F.SubFrameSize[K] = Size;
        F.SubFrameAlign[K] = Align;
        continue;
      }
      if (!A.hasSubFrame())
        continue; // a yield, or a stream in the loop's slot: nothing more
      if (A.Comb == Combinator::None) {
        auto [Size, Align] = calleeFrameSize(S, A.Callee, Ctx);
        F.SubFrameSize[K] = Size;
        F.SubFrameAlign[K] = Align;
        continue;
      }
      // A combinator's storage, laid out as the C struct Emit writes: the
      // ca__combinator head, every branch's waker slot, every branch's frame
      // (all alive together), then for a join each branch's result (a select's
      // winner hands its result straight to the poll function).
      QualType Head = combinatorHeadType(Ctx);
      unsigned Offset = Ctx.getTypeSizeInChars(Head).getQuantity();
      unsigned Align = Ctx.getTypeAlignInChars(Head).getQuantity();
      auto Place = [&](unsigned Size, unsigned A) {
        Offset = llvm::alignTo(Offset, A);
        unsigned At = Offset;
        Offset += Size;
        Align = std::max(Align, A);
        return At;
      };
      // Each branch's waker slot: a pointer to its wake operations.
      unsigned PtrSize = Ctx.getTypeSizeInChars(Ctx.VoidPtrTy).getQuantity();
      unsigned PtrAlign = Ctx.getTypeAlignInChars(Ctx.VoidPtrTy).getQuantity();
      Place(PtrSize * A.Branches.size(), PtrAlign);
      for (const Branch &B : A.Branches) {
        auto [Size, BAlign] = branchStorageSize(S, B, Ctx);
        F.BranchFrameOffset[K].push_back(Place(Size, BAlign));
      }
      for (const Branch &B : A.Branches) {
        QualType R = B.Call->getType();
        if (A.Comb != Combinator::Join || R->isVoidType()) {
          F.BranchResultOffset[K].push_back(0);
          continue;
        }
        F.BranchResultOffset[K].push_back(
            Place(Ctx.getTypeSizeInChars(R).getQuantity(),
                  Ctx.getTypeAlignInChars(R).getQuantity()));
      }
      F.SubFrameSize[K] = llvm::alignTo(Offset, Align);
      F.SubFrameAlign[K] = Align;
    }
    unsigned States = F.doneState() + 1;
    F.StateSize = States <= 256 ? 1 : States <= 65536 ? 2 : 4;

    // Slots: saved variables [0, NS), sub-frames [NS, NS + NA), the state.
    std::vector<Slot> Slots;
    for (const SavedVar &SV : F.Saved)
      Slots.push_back({SV.Size, SV.Align, {}});
    for (unsigned K = 0; K != NA; ++K)
      Slots.push_back({F.SubFrameSize[K], F.SubFrameAlign[K], {}});
    unsigned State = Slots.size();
    Slots.push_back({F.StateSize, F.StateSize, {}});
    auto Conflict = [&](unsigned A, unsigned B) {
      Slots[A].Conflicts.push_back(B);
      Slots[B].Conflicts.push_back(A);
    };
    for (unsigned A = 0; A != NS; ++A)
      for (unsigned B : F.Conflicts[A].set_bits())
        if (A < B)
          Conflict(A, B);
    for (unsigned K = 0; K != NA; ++K)
      for (unsigned V : F.HeldAcross[K])
        Conflict(NS + K, V);
    for (unsigned I = 0; I != State; ++I)
      Conflict(I, State);

    unsigned End = placeSlots(Slots);
    unsigned Align = 1;
    for (const Slot &Sl : Slots)
      Align = std::max(Align, Sl.Align);
    F.FrameAlign = Align;
    F.FrameSize = llvm::alignTo(End, Align);
    for (unsigned V = 0; V != NS; ++V)
      F.Saved[V].Offset = Slots[V].Offset;
    for (unsigned K = 0; K != NA; ++K)
      F.SubFrameOffset[K] = Slots[NS + K].Offset;
    F.StateOffset = Slots[State].Offset;

    // What the frame must hold at its worst suspend point, and what it would
    // take with every slot in its own bytes (ordered to avoid padding).
    auto Weight = [&](const std::vector<unsigned> &Held) {
      unsigned W = F.StateSize;
      for (unsigned V : Held)
        W += F.Saved[V].Size;
      return W;
    };
    F.LowerBound = Weight(F.HeldAtStart);
    for (unsigned K = 0; K != NA; ++K)
      F.LowerBound =
          std::max(F.LowerBound, Weight(F.HeldAcross[K]) + F.SubFrameSize[K]);
    std::vector<const Slot *> ByAlign;
    for (const Slot &Sl : Slots)
      ByAlign.push_back(&Sl);
    std::stable_sort(
        ByAlign.begin(), ByAlign.end(),
        [](const Slot *A, const Slot *B) { return A->Align > B->Align; });
    unsigned Flat = 0;
    for (const Slot *Sl : ByAlign)
      Flat = llvm::alignTo(Flat, Sl->Align) + Sl->Size;
    F.NoOverlapSize = llvm::alignTo(Flat, Align);
  }

private:
  Shape &S;
  ASTContext &Ctx;
};

} // namespace

void computeLayout(Shape &S, ASTContext &Ctx) {
  assert(S.CalleesFirst.size() == S.Functions.size() && S.AwaitCycles.empty() &&
         "computeCallOrder, and no cycle");
  FrameLayout L(S, Ctx);
  for (unsigned I : S.CalleesFirst)
    L.layout(S.Functions[I]);
}

} // namespace cawait
