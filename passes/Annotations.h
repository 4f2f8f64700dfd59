//===- Annotations.h - What declarations say about async code -------------===//
//
// Takes declarations of the analysis AST; gives what the attributes of
// cawait.h left on them (the annotations of plugin/AsyncAttr.cpp, spelled
// in Contract.h): whether a function is async, its frame budget, whether
// libcawait defines it, what an async function pointer's declarations say,
// and the frame struct of a leaf future written by hand. Queries only: no
// diagnostics, nothing cached.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_ANNOTATIONS_H
#define CAWAIT_PASSES_ANNOTATIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace cawait {

/// True for functions carrying the `async` attribute (either spelling), and
/// for generators (`gen`), which are lowered the same way.
bool isAsyncFunction(const clang::FunctionDecl *FD);
/// True for generators: `gen T f(...)`.
bool isGenerator(const clang::FunctionDecl *FD);
/// True for async generators (streams): `async gen T f(...)`, a generator
/// that may also await.
bool isAsyncGenerator(const clang::FunctionDecl *FD);
/// True where await may stand: an async function that is not a generator,
/// or an async generator.
bool mayAwait(const clang::FunctionDecl *FD);

/// The frame budget an `async(N)` declaration of FD gives (0: none).
unsigned declaredBudget(const clang::FunctionDecl *FD);
/// The budget D itself declares (0: none), not its redeclarations'.
unsigned ownBudget(const clang::Decl *D);
/// Declared CA__RUNTIME_ASYNC in cawait.h: libcawait defines it twice,
/// lowered (f__init, f__poll, f__drop) and blocking (f itself).
bool isRuntimeAsync(const clang::FunctionDecl *FD);

/// The name of the release of `ca_owned(release)` on parameter P, or on
/// the parameter at its place in another declaration of its function.
std::optional<std::string> ownedRelease(const clang::ParmVarDecl *P);

/// How calls through an async function pointer hold the callee's frame.
struct AsyncPointer {
  bool Async = false;  ///< declared async at all
  unsigned Budget = 0; ///< async(N): N bytes in the caller's frame
  bool Boxed = false;  ///< async("boxed"): one allocation per call
  const clang::NamedDecl *Where = nullptr; ///< the declaration that says so
};
/// What the declarations behind a function pointer expression (its member,
/// variable or parameter, and the typedefs of its type) say.
AsyncPointer asyncPointerOf(const clang::Expr *Callee);
/// The same for a declaration and its type.
AsyncPointer asyncPointerOf(const clang::ValueDecl *D, clang::QualType T);

/// `struct NAME__frame` when its definition is visible in the TU (a leaf
/// future written by hand, or a frame cawait.h declares).
const clang::RecordDecl *findFrameRecord(const clang::FunctionDecl *FD,
                                         clang::ASTContext &Ctx);

} // namespace cawait

#endif
