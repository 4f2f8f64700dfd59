//===- Layout.cpp - Byte layout of every generated frame -----------------===//
#include "Layout.h"
#include "Discover.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>

#define DEBUG_TYPE "cawait-layout"

using namespace clang;

namespace cawait {

QualType frameFieldType(const SavedVar &SV, ASTContext &Ctx) {
  QualType T = SV.Var ? SV.Var->getType() : SV.Literal->getType();
  if (!T.isConstQualified() &&
      !(T->isArrayType() && Ctx.getBaseElementType(T).isConstQualified()))
    return T;
  Qualifiers Q;
  QualType Unq = Ctx.getUnqualifiedArrayType(T.getCanonicalType(), Q);
  Q.removeConst();
  return Ctx.getQualifiedType(Unq, Q);
}

/// The type or typedef declared inside a function that T names, if any: it
/// is not visible where the frame struct is declared.
static const NamedDecl *localTypeIn(QualType T) {
  for (int Depth = 0; !T.isNull() && Depth < 64; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      if (TT->getDecl()->getDeclContext()->isFunctionOrMethod())
        return TT->getDecl();
      T = TT->desugar();
    } else if (const auto *TagT = dyn_cast<TagType>(Ty)) {
      return TagT->getDecl()->getDeclContext()->isFunctionOrMethod()
                 ? TagT->getDecl()
                 : nullptr;
    } else if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      T = PT->getPointeeType();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      T = AT->getElementType();
    } else if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      T = ET->getNamedType();
    } else if (const auto *PT = dyn_cast<ParenType>(Ty)) {
      T = PT->getInnerType();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

std::pair<unsigned, unsigned>
calleeFrameSize(const Shape &S, const FunctionDecl *Callee, ASTContext &Ctx) {
  auto It = S.FunctionIndex.find(Callee->getCanonicalDecl());
  if (It != S.FunctionIndex.end()) {
    const AsyncFunction &F = S.Functions[It->second];
    return {F.FrameSize, F.FrameAlign};
  }
  const RecordDecl *RD = findFrameRecord(Callee, Ctx);
  assert(RD && "Discover checks that every frame is visible");
  QualType T = Ctx.getRecordType(RD);
  return {(unsigned)Ctx.getTypeSizeInChars(T).getQuantity(),
          (unsigned)Ctx.getTypeAlignInChars(T).getQuantity()};
}

namespace {

class FrameLayout {
public:
  FrameLayout(Shape &S, ASTContext &Ctx, DiagSink &Diags)
      : S(S), Ctx(Ctx), Diags(Diags), Done(S.Functions.size(), false) {}

  void layout(AsyncFunction &F) {
    unsigned Index = &F - S.Functions.data();
    if (Done[Index])
      return;
    Done[Index] = true;
    for (const AwaitSite &A : F.Awaits)
      if (AsyncFunction *Callee = S.lookup(A.Callee))
        layout(*Callee);

    for (SavedVar &SV : F.Saved) {
      QualType T = frameFieldType(SV, Ctx);
      if (const NamedDecl *Local = localTypeIn(T))
        Diags.error(SV.location(),
                    "'" + SV.name() + "' is kept in the frame of '" +
                        F.Name + "', but its type " +
                        (Local->getName().empty()
                             ? std::string("(an unnamed struct)")
                             : "'" + Local->getName().str() + "'") +
                        " is declared inside the function; declare the "
                        "type at file scope");
      SV.Size = Ctx.getTypeSizeInChars(T).getQuantity();
      // The type's alignment, or more where the user asked for it; not
      // getDeclAlign, which over-aligns large arrays for stack slots.
      SV.Align =
          std::max<unsigned>(Ctx.getTypeAlignInChars(T).getQuantity(),
                             (SV.Var ? SV.Var->getMaxAlignment() : 0) /
                                 Ctx.getCharWidth());
    }

    F.SubFrameSize.clear();
    F.AwaitUnionSize = 0;
    F.AwaitUnionAlign = 1;
    for (const AwaitSite &A : F.Awaits) {
      auto [Size, Align] = calleeFrameSize(S, A.Callee, Ctx);
      F.SubFrameSize.push_back(Size);
      F.AwaitUnionAlign = std::max(F.AwaitUnionAlign, Align);
      F.AwaitUnionSize = std::max(F.AwaitUnionSize, Size);
    }
    F.AwaitUnionSize = llvm::alignTo(F.AwaitUnionSize, F.AwaitUnionAlign);
    unsigned States = F.doneState() + 1;
    F.StateSize = States <= 256 ? 1 : States <= 65536 ? 2 : 4;

    // Most-aligned first leaves no padding between fields; the state, the
    // least aligned, goes last so it can sit in the tail.
    struct Item {
      unsigned Align, Size;
      int Saved; // index into F.Saved, -1 union, -2 state
    };
    std::vector<Item> Items;
    for (unsigned I = 0; I != F.Saved.size(); ++I)
      Items.push_back({F.Saved[I].Align, F.Saved[I].Size, (int)I});
    if (!F.Awaits.empty() && F.AwaitUnionSize)
      Items.push_back({F.AwaitUnionAlign, F.AwaitUnionSize, -1});
    Items.push_back({F.StateSize, F.StateSize, -2});
    std::stable_sort(
        Items.begin(), Items.end(),
        [](const Item &A, const Item &B) { return A.Align > B.Align; });
    unsigned Offset = 0, Align = 1;
    for (const Item &It : Items) {
      Offset = llvm::alignTo(Offset, It.Align);
      Align = std::max(Align, It.Align);
      if (It.Saved >= 0)
        F.Saved[It.Saved].Offset = Offset;
      else if (It.Saved == -1)
        F.AwaitUnionOffset = Offset;
      else
        F.StateOffset = Offset;
      Offset += It.Size;
    }
    F.FrameAlign = Align;
    F.FrameSize = llvm::alignTo(Offset, Align);
  }

private:
  Shape &S;
  ASTContext &Ctx;
  DiagSink &Diags;
  std::vector<bool> Done;
};

} // namespace

void computeLayout(Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  FrameLayout L(S, Ctx, Diags);
  for (AsyncFunction &F : S.Functions)
    L.layout(F);
}

} // namespace cawait
