//===- Emit.h - C text for frames, init/poll/drop and starts -------------===//
//
// Input: Shape after layout (every await's form and statement, every
// start, as Discover recorded them), the local types moved to file scope.
// Output: C text, through CEmitter. The poll function re-prints the body
// from the AST statement by statement (EmitStatements.cpp, suspend points
// in EmitAwaits.cpp), expressions through the shared ExprPrinter with the
// kept variables as frame accesses (EmitExpr.cpp), with a dispatch switch
// that jumps straight to the suspend point being resumed, and a #line
// marker wherever the original line changes. f__init, f__poll and f__drop
// are assembled in Emit.cpp, the frame struct and prototypes in
// EmitDecls.cpp, starts and pools in EmitStarts.cpp.
//
// Names the generated code introduces all start with `ca__`.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_EMIT_H
#define CAWAIT_PASSES_EMIT_H

#include "CEmitter.h"
#include "Diag.h"
#include "ExprPrinter.h"
#include "LocalTypes.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <map>
#include <string>
#include <vector>

namespace cawait {

class Emitter {
public:
  /// Sh: the translation unit after layout. Hoisted: the local types moved
  /// to file scope (their names changed meanwhile), which a body does not
  /// declare again. PP, when given, tells which names are macros where an
  /// expression is printed again.
  Emitter(clang::ASTContext &Ctx, DiagSink &Diags, const Shape &Sh,
          const HoistedTypes &Hoisted, clang::Preprocessor *PP = nullptr);
  Emitter(const Emitter &) = delete;
  Emitter &operator=(const Emitter &) = delete;

  /// `struct f__frame;` and the prototypes of f__init, f__poll, f__drop,
  /// written to be inserted at At: types declared after At are spelled by
  /// what they stand for (`struct s;` declared first where needed).
  std::string prototypes(const AsyncFunction &F,
                         clang::SourceLocation At = {});
  /// The definition of `struct f__frame`, with _Static_assert on its layout.
  std::string frameStruct(const AsyncFunction &F);
  /// f__init, f__poll and f__drop.
  std::string definition(const AsyncFunction &F);
  /// Type-erased poll and drop of Callee, for ca_block_on and ca_spawn.
  std::string thunks(const clang::FunctionDecl *Callee);
  /// CA__TASK_AREA_SIZE of a task of Callee: its frame, at least its result.
  std::string taskAreaSize(const clang::FunctionDecl *Callee);
  /// The storage of a CA_TASK_POOL, replacing the macro (no `;`).
  std::string pool(const TaskPool &P);
  /// A ca_block_on or ca_spawn as one GNU statement expression, on one line.
  /// In is the async function it appears in, or null.
  std::string startExpr(const StartSite &St, const AsyncFunction *In);
  /// What replaces `ca_for (T v, g(x))` in a plain function: the heads of
  /// the loops that iterate (EmitGenerators.cpp).
  std::string plainFor(const ForSite &FS);

  /// Text of E with saved variables of In as frame accesses.
  std::string expr(const clang::Expr *E, const AsyncFunction *In);
  /// T printed around a declarator name (`int (*name)[3]`).
  std::string declare(clang::QualType T, llvm::StringRef Name);
  /// Like declare, for a type written in In's body: `__typeof__(x)` of a
  /// saved variable reads the frame.
  std::string declareIn(clang::QualType T, const std::string &Name,
                        const AsyncFunction *In);

  clang::ASTContext &context() { return Ctx; }
  const clang::PrintingPolicy &policy() const { return Policy; }
  DiagSink &diags() { return Diags; }
  const Shape &shape() const { return Sh; }
  clang::Preprocessor *preprocessor() const { return PP; }
  bool isHoisted(const clang::Decl *D) const { return Hoisted.isHoisted(D); }
  /// Errors about printed expressions, once per node.
  ReportOnce &reports() { return Reports; }

  /// For a callee known here only by its budget: `struct f__frame` as that
  /// many bytes, and the prototypes of f__init, f__poll, f__drop.
  std::string budgetFrame(const clang::FunctionDecl *FD,
                          clang::SourceLocation At = {});
  /// The start-up check that a budget frame's function fits its budget.
  std::string budgetCheck(const clang::FunctionDecl *FD);
  /// `const unsigned long f__ca__frame_size = sizeof(struct f__frame);`
  /// after an externally visible definition, for other files' checks.
  std::string frameSizeExport(const AsyncFunction &F);
  /// The description of F's frame for async backtraces, `f__ca__desc`, and
  /// its tables (EmitDescs.cpp); none for a generator.
  std::string frameDesc(const AsyncFunction &F);
  /// The declaration of FD's `f__ca__desc`: of a function defined here
  /// with its linkage, of any other a weak one (it may have none).
  std::string frameDescDecl(const clang::FunctionDecl *FD);

private:
  /// declare() of a type in a signature: with VisibleAt set, only
  /// declarations before it are named (see prototypes()).
  std::string declareInSignature(clang::QualType T, llvm::StringRef Name);
  /// Where the prototypes being printed go, and the tags they need declared.
  clang::SourceLocation VisibleAt;
  llvm::SmallVector<const clang::TagDecl *, 2> ForwardTags;
  /// Text (ending in a newline) printed by Print with VisibleAt = At, after
  /// the forward declarations of the tags it needs.
  std::string printedAt(clang::SourceLocation At,
                        llvm::function_ref<std::string()> Print);
  std::string signature(const AsyncFunction &F, llvm::StringRef Which);
  std::string signature(const clang::FunctionDecl *FD, llvm::StringRef Which);
  /// `R f__sync(P...)` of a function that never suspends, and its body.
  std::string syncSignature(const AsyncFunction &F);
  void syncDefinition(CEmitter &Out, const AsyncFunction &F);
  /// f__poll's body: the resume switch and the lowered body.
  /// Gives the cleanups f__drop runs per suspend state.
  std::map<unsigned, std::vector<std::string>> pollBody(CEmitter &Out,
                                                        const AsyncFunction &F);
  /// f__poll's body when the function's body is f__sync: one call.
  void syncCall(CEmitter &Out, const AsyncFunction &F);
  /// F's ops and the function a pointer to F points to.
  void pointerTarget(CEmitter &Out, const AsyncFunction &F);
  /// The storage type of an awaited combinator, and its branch wakers.
  void combinatorStruct(CEmitter &Out, const AsyncFunction &F,
                        const AwaitSite &A);

  clang::ASTContext &Ctx;
  DiagSink &Diags;
  const Shape &Sh;
  const HoistedTypes &Hoisted;
  clang::Preprocessor *PP;
  clang::PrintingPolicy Policy;
  ReportOnce Reports;
};

} // namespace cawait

#endif
