//===- FrameReport.cpp - What each frame holds, for the user -------------===//
#include "FrameReport.h"
#include "Contract.h"
#include "Layout.h"
#include "Markers.h"
#include <algorithm>

using namespace clang;

namespace cawait {

std::vector<FrameSummary> summarizeFrames(const Shape &S, ASTContext &Ctx,
                                          Splicer &Sp) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<FrameSummary> Frames;
  for (const AsyncFunction &F : S.Functions) {
    FrameSummary FS;
    FS.Name = F.Name;
    FS.Generator = F.IsGenerator;
    FS.Size = F.FrameSize;
    FS.Align = F.FrameAlign;
    FS.NameOffset = Sp.offset(F.Decl->getLocation());
    for (unsigned V = 0; V != F.Saved.size(); ++V) {
      const SavedVar &SV = F.Saved[V];
      unsigned HeldAt = 0, HeldOffset = 0;
      for (unsigned A = 0; A != F.Awaits.size() && !HeldAt; ++A)
        if (std::count(F.HeldAcross[A].begin(), F.HeldAcross[A].end(), V)) {
          HeldAt = A + 1;
          HeldOffset = Sp.offset(F.Awaits[A].Marker->getBeginLoc());
        }
      FS.Vars.push_back({SV.name(), SV.Size, SV.Offset, HeldAt, HeldOffset,
                         SV.AddressEscapes,
                         HeldAt && F.Awaits[HeldAt - 1].Yield});
    }
    FS.LowerBound = F.LowerBound;
    FS.NoOverlapSize =
        F.FrameSize > F.NoOverlapSize ? F.FrameSize : F.NoOverlapSize;
    PresumedLoc P = SM.getPresumedLoc(F.Decl->getLocation());
    FS.File = P.getFilename();
    FS.Line = P.getLine();
    FS.Column = P.getColumn();
    auto SlotsOf = [&](const std::vector<unsigned> &Held) {
      std::vector<FrameSummary::Held> Out;
      for (unsigned V : Held) {
        // A ca_for's generator frame is named like an awaited one.
        const FunctionDecl *G = F.Saved[V].Generator;
        Out.push_back({G ? "frame of '" + G->getNameAsString() + "'"
                         : "'" + F.Saved[V].name() + "'",
                       F.Saved[V].Offset, F.Saved[V].Size});
      }
      return Out;
    };
    FS.Points.push_back({0, FS.NameOffset, SlotsOf(F.HeldAtStart)});
    for (unsigned A = 0; A != F.Awaits.size(); ++A) {
      FrameSummary::SuspendPoint SP{
          A + 1, Sp.offset(F.Awaits[A].Marker->getBeginLoc()),
          SlotsOf(F.HeldAcross[A])};
      const AwaitSite &Site = F.Awaits[A];
      if (!Site.hasSubFrame())
        ; // a yield, a ca_for_await: holds only the kept slots
      else if (Site.Indirect)
        SP.Slots.push_back({(Site.Boxed ? "boxed frame called through '"
                                        : "frame budget of '") +
                                pointerName(Site.Call) + "'",
                            F.SubFrameOffset[A], F.SubFrameSize[A]});
      else if (Site.Comb == Combinator::None)
        SP.Slots.push_back({"frame of '" + Site.Callee->getNameAsString() + "'",
                            F.SubFrameOffset[A], F.SubFrameSize[A]});
      else
        // The combinator's storage, then each branch's frame inside it.
        SP.Slots.push_back({contract::combinatorMacro(Site.Comb).str() +
                                " of " + std::to_string(Site.Branches.size()) +
                                " branches",
                            F.SubFrameOffset[A], F.SubFrameSize[A]});
      for (unsigned B = 0; B != Site.Branches.size(); ++B) {
        const Branch &Br = Site.Branches[B];
        std::string What =
            !Br.Indirect ? "frame of '" + Br.Callee->getNameAsString() + "'"
            : Br.Boxed
                ? "boxed frame called through '" + pointerName(Br.Call) + "'"
                : "frame budget of '" + pointerName(Br.Call) + "'";
        SP.Slots.push_back({"branch " + std::to_string(B) + ": " + What,
                            F.SubFrameOffset[A] + F.BranchFrameOffset[A][B],
                            branchStorageSize(S, Br, Ctx).first});
      }
      FS.Points.push_back(std::move(SP));
    }
    Frames.push_back(std::move(FS));
  }
  return Frames;
}

void toOriginalOffsets(const OffsetMap &Map,
                       std::vector<FrameSummary> &Frames) {
  for (FrameSummary &F : Frames) {
    F.NameOffset = Map.toOriginal(F.NameOffset);
    for (FrameSummary::Var &V : F.Vars)
      V.HeldAtOffset = Map.toOriginal(V.HeldAtOffset);
    for (FrameSummary::SuspendPoint &P : F.Points)
      P.SourceOffset = Map.toOriginal(P.SourceOffset);
  }
}

void frameDiagnostics(const std::vector<FrameSummary> &Frames,
                      std::optional<unsigned> LargerThan, bool Report,
                      std::vector<DiagRecord> &Out) {
  for (const FrameSummary &F : Frames) {
    if (LargerThan && F.Size > *LargerThan) {
      Out.push_back(mainFileRecord(
          DiagRecord::Warning, F.NameOffset,
          (F.Generator ? "frame of generator '" : "async frame of '") + F.Name +
              "' is " + std::to_string(F.Size) + " bytes, larger than " +
              std::to_string(*LargerThan)));
      std::vector<const FrameSummary::Var *> Big;
      for (const FrameSummary::Var &V : F.Vars)
        if (V.HeldAtState && V.Size)
          Big.push_back(&V);
      std::stable_sort(Big.begin(), Big.end(),
                       [](auto *A, auto *B) { return A->Size > B->Size; });
      if (Big.size() > 3)
        Big.resize(3);
      for (const FrameSummary::Var *V : Big) {
        Out.push_back(mainFileRecord(DiagRecord::Note, V->HeldAtOffset,
                                     "'" + V->Name + "' (" +
                                         std::to_string(V->Size) +
                                         " bytes) is held across this " +
                                         (V->HeldAtYield ? "yield" : "await")));
        if (V->AddressEscapes)
          Out.push_back(mainFileRecord(
              DiagRecord::Note, V->HeldAtOffset,
              "'" + V->Name +
                  "' is kept only because its address escaped and its "
                  "block is still open; ending its scope before the await "
                  "lets it share space"));
      }
    }
    if (Report) {
      // Like rustc's -Zprint-type-sizes for futures, with offsets: a remark
      // per frame, a note per suspend point.
      Out.push_back(mainFileRecord(
          DiagRecord::Remark, F.NameOffset,
          "frame of '" + F.Name + "': " + std::to_string(F.Size) +
              " bytes (lower bound " + std::to_string(F.LowerBound) +
              ", without overlap " + std::to_string(F.NoOverlapSize) +
              "), align " + std::to_string(F.Align)));
      for (const FrameSummary::SuspendPoint &P : F.Points) {
        std::string Msg = P.State ? "suspend point " + std::to_string(P.State)
                                  : std::string("unresumed");
        Msg += " holds";
        if (P.Slots.empty())
          Msg += " nothing";
        for (size_t I = 0; I != P.Slots.size(); ++I)
          Msg += (I ? ", " : " ") + P.Slots[I].Name + " at " +
                 std::to_string(P.Slots[I].Offset) + " (" +
                 std::to_string(P.Slots[I].Size) + " bytes)";
        Out.push_back(mainFileRecord(DiagRecord::Note, P.SourceOffset, Msg));
      }
    }
  }
}

void writeFrameUsage(llvm::raw_ostream &OS,
                     const std::vector<FrameSummary> &Frames) {
  for (const FrameSummary &F : Frames)
    OS << F.File << ":" << F.Line << ":" << F.Column << ":" << F.Name << "\t"
       << F.Size << "\tstatic\n";
}

} // namespace cawait
