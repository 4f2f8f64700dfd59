//===- EmitDecls.cpp - Frame structs and prototypes
//-------------------------===//
//
// Takes an async function after layout (or a callee known only by its
// budget); gives its declarations: `struct f__frame` as a union of padded
// one-member structs with a _Static_assert on every offset and the size,
// the storage of each awaited combinator and its branch wakers, the
// prototypes of f__init, f__poll, f__drop (and f__sync), spelled with only
// the types declared where they are inserted, and the frame-size export and
// budget check between files.
//
//===----------------------------------------------------------------------===//
#include "Annotations.h"
#include "EmitBody.h"
#include "Layout.h"
#include "SourceText.h"
#include "TypeText.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace clang;

namespace cawait {
using namespace emit;

namespace {

/// The type of a combinator's storage in the frame of F.
std::string combinatorType(const AsyncFunction &F, const AwaitSite &A) {
  return "struct " + F.Name + "__ca__aw" + std::to_string(A.State);
}

} // namespace

namespace emit {

/// The type of a parameter in generated declarations: a va_list as
/// written (its decayed type is a pointer to a struct C cannot name).
QualType paramType(const ParmVarDecl *P) {
  QualType Orig = P->getOriginalType();
  const ASTContext &Ctx = P->getASTContext();
  if (Ctx.hasSameUnqualifiedType(Orig, Ctx.getBuiltinVaListType()))
    return Orig;
  return P->getType();
}

std::string frameType(const FunctionDecl *FD) {
  return "struct " + FD->getNameAsString() + "__frame";
}

std::string indirectStorageType(bool Boxed, unsigned Budget) {
  return Boxed ? std::string("ca__boxed_call")
               : "CA__IN_PLACE(" + std::to_string(Budget) + ")";
}

std::string branchStorageType(const Branch &B) {
  return B.Indirect ? indirectStorageType(B.Boxed, B.Budget)
                    : frameType(B.Callee);
}

std::string dropBranch(const Branch &B, const std::string &Storage) {
  if (!B.Indirect)
    return B.Callee->getNameAsString() + "__drop(&" + Storage + ");";
  std::string Drop = Storage + ".ops->drop(" + Storage + ".frame);";
  if (B.Boxed)
    Drop = "{ " + Drop + " ca__box_free(" + Storage + ".frame); }";
  return Drop;
}

} // namespace emit

std::string Emitter::declareInSignature(QualType T, llvm::StringRef Name) {
  if (VisibleAt.isValid())
    T = visibleTypeAt(T, VisibleAt, Ctx, ForwardTags);
  return declare(T, Name);
}

std::string Emitter::printedAt(SourceLocation At,
                               llvm::function_ref<std::string()> Print) {
  VisibleAt = At;
  ForwardTags.clear();
  std::string Text = Print();
  VisibleAt = SourceLocation();
  std::string Forward;
  for (const TagDecl *TD : ForwardTags)
    Forward +=
        std::string(TD->getKindName()) + " " + TD->getName().str() + ";\n";
  return Forward + Text;
}

std::string Emitter::signature(const AsyncFunction &F, llvm::StringRef Which) {
  return signature(F.Decl, Which);
}

std::string Emitter::signature(const FunctionDecl *FD, llvm::StringRef Which) {
  // A generator's frame ABI is this file's own (no other file can hold its
  // frame): static, so that a loop over it, or a pipeline of them, is
  // inlined into one function.
  bool Internal = !FD->isExternallyVisible() || isGenerator(FD);
  std::string Linkage = Internal ? "static " : "";
  // What the function asked of inlining holds for its init and poll: code
  // written for inlining (lz4's LZ4_FORCE_INLINE) is specialised by it.
  if (Internal && FD->isInlineSpecified())
    Linkage += "inline ";
  // A function marked unused (a stream adapter of cawait/streams.h that a
  // file defines and never iterates) gets no -Wunused-function for its
  // frame ABI either: the lowered text is what cawait-gcc compiles.
  if (Internal && FD->hasAttr<UnusedAttr>())
    Linkage += "__attribute__((unused)) ";
  if (FD->hasAttr<AlwaysInlineAttr>())
    Linkage += "__attribute__((always_inline)) ";
  if (FD->hasAttr<NoInlineAttr>())
    Linkage += "__attribute__((noinline)) ";
  std::string Frame = frameType(FD) + " *ca__f";
  std::string Name = FD->getNameAsString();
  if (Which == "init") {
    std::string Text = Linkage + "void " + Name + "__init(" + Frame;
    unsigned I = 0;
    for (const ParmVarDecl *P : FD->parameters()) {
      std::string Name = P->getName().empty() ? "ca__p" + std::to_string(I)
                                              : P->getName().str();
      Text += ", " + declareInSignature(paramType(P), Name);
      ++I;
    }
    return Text + ")";
  }
  if (Which == "poll") {
    QualType R = FD->getReturnType().getUnqualifiedType();
    std::string Out =
        R->isVoidType() ? "void *ca__out" : declareInSignature(R, "*ca__out");
    return Linkage + "ca_poll " + Name + "__poll(" + Frame +
           ", ca_context *ca__cx, " + Out + ")";
  }
  return Linkage + "void " + Name + "__drop(" + Frame + ")";
}

std::string Emitter::prototypes(const AsyncFunction &F, SourceLocation At) {
  return printedAt(At, [&] {
    return frameType(F.Decl) + ";\n" + signature(F, "init") + ";\n" +
           signature(F, "poll") + ";\n" + signature(F, "drop") + ";\n" +
           (F.MaySuspend ? "" : syncSignature(F) + ";\n") +
           (F.IsGenerator && !isAsyncGenerator(F.Decl) ? ""
                                                       : frameDescDecl(F.Decl));
  });
}

std::string Emitter::syncSignature(const AsyncFunction &F) {
  std::string Params;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    std::string Name =
        P->getName().empty() ? "ca__p" + std::to_string(I) : P->getName().str();
    Params += (I ? ", " : "") + declareInSignature(paramType(P), Name);
    ++I;
  }
  QualType R = F.Decl->getReturnType().getUnqualifiedType();
  // The body itself is f__sync: compiled as the user's function would be,
  // with what it asked of inlining; the wrapper of init and poll is
  // inlined where it is called.
  std::string Inline;
  if (F.Decl->isInlineSpecified())
    Inline += "inline ";
  if (F.Decl->hasAttr<AlwaysInlineAttr>())
    Inline += "__attribute__((always_inline)) ";
  if (F.Decl->hasAttr<NoInlineAttr>())
    Inline += "__attribute__((noinline)) ";
  return (F.BodyInSync
              ? "static " + Inline + "__attribute__((unused)) "
              : "static inline __attribute__((always_inline, unused)) ") +
         declareInSignature(R, F.Name + "__sync(" +
                                   (Params.empty() ? "void" : Params) + ")");
}

void Emitter::combinatorStruct(CEmitter &Out, const AsyncFunction &F,
                               const AwaitSite &A) {
  // Members in the order layout placed them, so C's layout is the same.
  std::string Type = combinatorType(F, A);
  unsigned K = A.State - 1;
  Out.line(Type + " {");
  Out.indent();
  Out.line("ca__combinator ca__h;");
  Out.line("const ca_wake_ops *ca__w[" + std::to_string(A.Branches.size()) +
           "];");
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    Out.line(branchStorageType(A.Branches[I]) + " ca__b" + std::to_string(I) +
             ";");
  if (A.Comb == Combinator::Join)
    for (unsigned I = 0; I != A.Branches.size(); ++I) {
      QualType R = A.Branches[I].Call->getType();
      if (!R->isVoidType())
        Out.line(
            declare(R.getUnqualifiedType(), "ca__res" + std::to_string(I)) +
            ";");
    }
  Out.dedent();
  Out.line("};");
  std::string Why = "\"cawait: layout of a combinator of '" + F.Name +
                    "' disagrees with the C compiler\"";
  Out.line("_Static_assert(sizeof(" + Type +
           ") == " + std::to_string(F.SubFrameSize[K]) + ", " + Why + ");");
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    Out.line("_Static_assert(__builtin_offsetof(" + Type + ", ca__b" +
             std::to_string(I) + ") == " +
             std::to_string(F.BranchFrameOffset[K][I]) + ", " + Why + ");");
  // Each branch's waker points at its slot, whose operations mark the
  // branch woken, then wake the task.
  for (unsigned I = 0; I != A.Branches.size(); ++I) {
    std::string Name = F.Name + "__ca__wake" + std::to_string(A.State) + "_" +
                       std::to_string(I);
    std::string Index = std::to_string(I);
    Out.line("static void " + Name +
             "__fn(ca_waker ca__w) { ca__branch_woken(" +
             "ca__w, __builtin_offsetof(" + Type + ", ca__w[" + Index + "]), " +
             Index + "); }");
    Out.line("static const ca_wake_ops " + Name + " = {" + Name + "__fn};");
  }
}

std::string Emitter::frameStruct(const AsyncFunction &F) {
  // Every slot sits at the offset layout chose: a union of one-member
  // structs, each padded to its slot's offset. Members of anonymous
  // structs are reached as ca__f->name.
  CEmitter Out(Ctx.getSourceManager());
  Out.mapTo(F.Decl->getLocation());
  struct Field {
    unsigned Offset;
    std::string Text, Name;
  };
  std::vector<Field> Fields;
  for (const SavedVar &SV : F.Saved) {
    if (SV.Generator) {
      Fields.push_back(
          {SV.Offset, frameType(SV.Generator) + " " + SV.Field, SV.Field});
      continue;
    }
    QualType T = frameFieldType(SV, Ctx);
    std::string Text = declare(T, SV.Field);
    if (SV.Align > Ctx.getTypeAlignInChars(T).getQuantity())
      Text += " __attribute__((aligned(" + std::to_string(SV.Align) + ")))";
    Fields.push_back({SV.Offset, Text, SV.Field});
  }
  for (const AwaitSite &A : F.Awaits) {
    if (!A.hasSubFrame())
      continue; // a yield, a ca_for_await (its stream is a saved slot)
    std::string Name = "ca__aw" + std::to_string(A.State);
    std::string Type = A.Indirect ? indirectStorageType(A.Boxed, A.Budget)
                       : A.Comb == Combinator::None ? frameType(A.Callee)
                                                    : combinatorType(F, A);
    Fields.push_back({F.SubFrameOffset[A.State - 1], Type + " " + Name, Name});
  }
  const char *StateType = F.StateSize == 1   ? "unsigned char"
                          : F.StateSize == 2 ? "unsigned short"
                                             : "unsigned int";
  Fields.push_back(
      {F.StateOffset, std::string(StateType) + " ca__state", "ca__state"});
  std::stable_sort(
      Fields.begin(), Fields.end(),
      [](const Field &A, const Field &B) { return A.Offset < B.Offset; });
  for (const AwaitSite &A : F.Awaits)
    if (A.Comb != Combinator::None)
      combinatorStruct(Out, F, A);
  std::string Type = frameType(F.Decl);
  Out.line(Type + " {");
  Out.indent();
  Out.line("__extension__ union {");
  Out.indent();
  for (const Field &Fd : Fields) {
    std::string Pad = Fd.Offset ? "unsigned char ca__pad_" + Fd.Name + "[" +
                                      std::to_string(Fd.Offset) + "]; "
                                : "";
    Out.line("struct { " + Pad + Fd.Text + "; }; /* offset " +
             std::to_string(Fd.Offset) + " */");
  }
  Out.dedent();
  Out.line("};");
  Out.dedent();
  Out.line("};");
  std::string Why = "\"cawait: layout of the frame of '" + F.Name +
                    "' disagrees with the C compiler\"";
  Out.line("_Static_assert(sizeof(" + Type +
           ") == " + std::to_string(F.FrameSize) + ", " + Why + ");");
  for (const Field &Fd : Fields)
    Out.line("_Static_assert(__builtin_offsetof(" + Type + ", " + Fd.Name +
             ") == " + std::to_string(Fd.Offset) + ", " + Why + ");");
  return Out.take();
}

std::string Emitter::budgetFrame(const FunctionDecl *FD, SourceLocation At) {
  // Only the budget is known here: the frame is that many bytes, aligned
  // for any type (the definition's file checks that its frame fits).
  return printedAt(At, [&] {
    return frameType(FD) +
           " { _Alignas(max_align_t) unsigned char ca__budget[" +
           std::to_string(declaredBudget(FD)) + "]; };\n" +
           signature(FD, "init") + ";\n" + signature(FD, "poll") + ";\n" +
           signature(FD, "drop") + ";\n" + budgetCheck(FD);
  });
}

std::string Emitter::budgetCheck(const FunctionDecl *FD) {
  // The defining file exports its frame's size (frameSizeExport); a weak
  // reference, since a hand-written leaf or a file built without the
  // plugin exports none.
  std::string N = FD->getNameAsString();
  std::string File =
      llvm::sys::path::filename(
          Ctx.getSourceManager()
              .getFileEntryRefForID(Ctx.getSourceManager().getMainFileID())
              ->getName())
          .str();
  return "extern const unsigned long " + N +
         "__ca__frame_size __attribute__((weak)); static "
         "__attribute__((constructor, unused)) void " +
         N + "__ca__budget_check(void) { if (&" + N +
         "__ca__frame_size) ca__budget_check(" + quoteC(N) + ", " +
         quoteC(File) + ", " + std::to_string(declaredBudget(FD)) + ", " + N +
         "__ca__frame_size); }\n";
}

std::string Emitter::frameSizeExport(const AsyncFunction &F) {
  // Read by the budget checks of other files (budgetCheck).
  if (!F.Decl->isExternallyVisible() || F.IsGenerator)
    return "";
  return "const unsigned long " + F.Name + "__ca__frame_size = sizeof(" +
         frameType(F.Decl) + ");\n";
}

} // namespace cawait
