//===- LocalTypes.h - Types declared inside async functions, hoisted -----===//
//
// A frame struct is declared at file scope, so the types of its fields
// must be visible there. A struct, union, enum or typedef declared inside
// an async function that its frame needs (a kept variable's type names it,
// or a declaration hoisted for that names it) moves to file scope, just
// before the frame, under a name no identifier of the translation unit has:
// `f__ca__local_node`. Two functions' local `struct node`, or a local one
// shadowing a file-scope one, no longer clash.
//
// The declarations are renamed in the analysis AST while the lowered text
// is printed (HoistedNames): every use the emitter prints (variables,
// casts, sizeof, compound literals, enum constants in case labels) then
// names the hoisted declaration, by construction. The user's names come
// back before anything else reads the AST, so cawait's diagnostics and
// frame reports keep the original spelling.
//
// Local types no frame needs stay in the body, as written.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_LOCALTYPES_H
#define CAWAIT_PASSES_LOCALTYPES_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/PrettyPrinter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace cawait {

struct HoistedTypes {
  /// Per async function (index in Shape::Functions): the declarations
  /// moved to file scope, in source order. A typedef of an unnamed struct
  /// carries the struct's definition.
  std::vector<std::vector<const clang::Decl *>> Of;
  /// Every declaration hoisted, with the tags and enumerators declared
  /// inside them, by canonical declaration: the body does not declare them.
  llvm::DenseSet<const clang::Decl *> Hoisted;
  /// The name each hoisted named declaration gets.
  std::vector<std::pair<clang::NamedDecl *, std::string>> NewNames;
  /// A local variable or parameter that a hoisted declaration names (an
  /// enumerator's value, a bit-field's width, `typeof (n)` in a member): at
  /// file scope it would name nothing, so the declaration cannot move
  /// (Check.h: checkHoistedTypes reports it).
  struct LocalUse {
    const AsyncFunction *Function;
    const SavedVar *Kept; ///< the kept variable whose type needs it;
                          ///< null: a tag defined in an expression
    const clang::DeclRefExpr *Use;
  };
  std::vector<LocalUse> LocalUses; ///< in the order they are met

  bool isHoisted(const clang::Decl *D) const {
    return Hoisted.count(D->getCanonicalDecl());
  }
};

/// Whether T writes `typeof (expression)` (outside typedefs: those are at
/// file scope, or hoisted and written with the expression's type).
bool writesTypeofExpr(clang::QualType T, const clang::ASTContext &Ctx);

/// The type a local typedef is written with, where clang's own spelling
/// would be wrong: `typeof (e)` may name the function's locals (hoisted, it
/// is spelt as the type e has), and a typedef that names, through pointers
/// or arrays, an unnamed tag another typedef owns (`typedef struct {...} t,
/// *pt;`) is spelt canonically: clang writes that tag as `struct t` in it,
/// which names no tag, and canonically as `t`, the owner's name. Otherwise
/// TN's own type.
clang::QualType typedefText(const clang::TypedefNameDecl *TN);

/// The local declarations each async function's frame needs, and the
/// local variables they name (LocalUses), which keep them from moving.
/// Reports nothing.
HoistedTypes findHoistedTypes(const Shape &S, clang::ASTContext &Ctx);

/// Calls Fn with every type a hoisted declaration's text writes (members,
/// a typedef's type, an enum's fixed type) and the declaration writing it.
void forEachMemberType(
    const clang::Decl *Unit,
    llvm::function_ref<void(const clang::Decl *, clang::QualType)> Fn);

/// The file-scope text of F's hoisted declarations (forward declarations
/// of the structs and unions first), to print while the names are changed.
std::string hoistedDefinitions(const HoistedTypes &H, unsigned Function,
                               const clang::PrintingPolicy &Policy,
                               const clang::SourceManager &SM);

/// While alive, the hoisted declarations carry their new names.
class HoistedNames {
public:
  explicit HoistedNames(const HoistedTypes &H, clang::ASTContext &Ctx);
  ~HoistedNames();
  HoistedNames(const HoistedNames &) = delete;
  HoistedNames &operator=(const HoistedNames &) = delete;

private:
  std::vector<std::pair<clang::NamedDecl *, clang::DeclarationName>> Saved;
};

} // namespace cawait

#endif
