//===- EmitDescs.cpp - Frame descriptions for async backtraces ------------===//
//
// Takes an async function after layout; gives the static description of
// its frame that ca_dump_tasks (runtime/src/dump.c) and a debugger walk
// (cawait/abi.h, "async backtraces"; docs/design.md): `f__ca__desc` (the
// function's name, where its state is, its alignment) and the table
// `f__ca__awaits`, one entry per state: the await's presumed file and line,
// the callee's description and the callee frame's offset (a combinator's
// storage and, in `f__ca__branchesK`, each branch's frame; a call through a
// pointer, the offset of its ops). Also the declarations of descriptions:
// of a function defined here (with its prototypes), and a weak one of a
// function that is not (a leaf future, a function of another file: a leaf
// written by hand has none, and its entry then names it only).
//
// Nothing reads these tables on a poll: they are reached from a task's
// vtable (`.desc`), a ca_block_on (ca__block_on_desc) and an async
// pointer's ops, all static data.
//
//===----------------------------------------------------------------------===//
#include "EmitBody.h"
#include "SourceText.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace cawait {
using namespace emit;

namespace {

/// `.file = "f.c", .line = N` of where L is presumed to be, as __FILE__
/// and __LINE__ there (-fmacro-prefix-map, -ffile-prefix-map and
/// -ffile-reproducible apply).
std::string fileLine(const ASTContext &Ctx, SourceLocation L) {
  const SourceManager &SM = Ctx.getSourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (P.isInvalid())
    return ".file = \"?\", .line = 0";
  SmallString<256> File(P.getFilename());
  Preprocessor::processPathForFileMacro(File, Ctx.getLangOpts(),
                                        Ctx.getTargetInfo());
  return ".file = " + quoteC(File) + ", .line = " + std::to_string(P.getLine());
}

} // namespace

std::string Emitter::frameDescDecl(const FunctionDecl *FD) {
  std::string Name = contract::frameDescName(FD->getName());
  std::string Type = "const " + contract::FrameDescType.str() + " ";
  if (Sh.FunctionIndex.count(FD->getCanonicalDecl()))
    return (FD->isExternallyVisible() && !isGenerator(FD)
                ? "extern " + Type
                : "static " + Type + "__attribute__((unused)) ") +
           Name + ";\n";
  return "extern " + Type + Name + " __attribute__((weak));\n";
}

std::string Emitter::frameDesc(const AsyncFunction &F) {
  if (F.IsGenerator && !isAsyncGenerator(F.Decl))
    return ""; // never waits: no chain goes through a plain generator
  std::string Decls, Tables, Awaits;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Declared;
  // `.callee = &g__ca__desc, .callee_name = "g"`, declaring g's description
  // first when it is not defined here.
  auto Callee = [&](const FunctionDecl *FD) {
    if (!Sh.FunctionIndex.count(FD->getCanonicalDecl()) &&
        Declared.insert(FD->getCanonicalDecl()).second)
      Decls += frameDescDecl(FD);
    return ".callee = &" + contract::frameDescName(FD->getName()) +
           ", .callee_name = " + quoteC(FD->getName());
  };
  std::string Frame = frameType(F.Decl);
  for (const AwaitSite &A : F.Awaits) {
    unsigned K = A.State - 1;
    std::string Offset = ", .offset = " + std::to_string(F.SubFrameOffset[K]);
    std::string Entry;
    if (A.Yield) {
      Entry = fileLine(Ctx, A.location()) +
              ", .kind = " + contract::AwaitYieldKind.str();
    } else if (A.Loop) {
      // A ca_for_await: the stream's frame is the loop's slot.
      const ForSite *FS = F.forAt(A.Loop);
      Entry = Callee(FS->Callee) + ", " + fileLine(Ctx, A.location()) +
              ", .offset = " + std::to_string(F.savedFor(FS->Slot)->Offset) +
              ", .kind = " + contract::AwaitCallKind.str();
    } else if (A.Indirect) {
      Entry = fileLine(Ctx, A.location()) + Offset +
              ", .ops_offset = __builtin_offsetof(" + Frame + ", " +
              contract::subFrameField(A.State) + ".ops), .kind = " +
              (A.Boxed ? contract::AwaitBoxedKind : contract::AwaitInPlaceKind)
                  .str();
    } else if (A.Comb == Combinator::None) {
      Entry = Callee(A.Callee) + ", " + fileLine(Ctx, A.location()) + Offset +
              ", .kind = " + contract::AwaitCallKind.str();
    } else {
      std::string Branches = contract::branchDescsName(F.Name, A.State);
      std::string Rows;
      for (unsigned I = 0; I != A.Branches.size(); ++I) {
        const Branch &B = A.Branches[I];
        std::string At =
            fileLine(Ctx, B.Call->getBeginLoc()) + ", .offset = " +
            std::to_string(F.SubFrameOffset[K] + F.BranchFrameOffset[K][I]);
        if (B.Indirect)
          Rows +=
              "  {" + At + ", .ops_offset = __builtin_offsetof(" + Frame +
              ", " + contract::subFrameField(A.State) + ".ca__b" +
              std::to_string(I) + ".ops), .kind = " +
              (B.Boxed ? contract::AwaitBoxedKind : contract::AwaitInPlaceKind)
                  .str() +
              "},\n";
        else
          Rows += "  {" + Callee(B.Callee) + ", " + At +
                  ", .kind = " + contract::AwaitCallKind.str() + "},\n";
      }
      Tables += "static const " + contract::AwaitDescType.str() + " " +
                Branches + "[" + std::to_string(A.Branches.size()) + "] = {\n" +
                Rows + "};\n";
      bool Join = A.Comb == Combinator::Join;
      Entry =
          ".callee_name = " + quoteC(contract::combinatorMacro(A.Comb)) + ", " +
          fileLine(Ctx, A.location()) + Offset + ", .kind = " +
          (Join ? contract::AwaitJoinKind : contract::AwaitSelectKind).str() +
          ", .nbranches = " + std::to_string(A.Branches.size()) +
          ", .branches = " + Branches;
    }
    Awaits += "  {" + Entry + "},\n";
  }
  std::string Table = contract::awaitDescsName(F.Name);
  if (!F.Awaits.empty())
    Tables += "static const " + contract::AwaitDescType.str() + " " + Table +
              "[" + std::to_string(F.Awaits.size()) + "] = {\n" + Awaits +
              "};\n";
  std::string Static =
      F.Decl->isExternallyVisible() && !F.IsGenerator ? "" : "static ";
  return Decls + Tables + Static + "const " + contract::FrameDescType.str() +
         " " + contract::frameDescName(F.Name) +
         " = {.name = " + quoteC(F.Name) +
         (F.Awaits.empty() ? ""
                           : ", .awaits = " + Table + ", .nawaits = " +
                                 std::to_string(F.Awaits.size())) +
         ", .state_offset = " + std::to_string(F.StateOffset) +
         ", .align = _Alignof(" + Frame +
         "), .state_size = " + std::to_string(F.StateSize) + "};\n";
}

} // namespace cawait
