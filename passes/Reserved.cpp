//===- Reserved.cpp - User names that the lowered code would collide with -===//
#include "Reserved.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>

using namespace clang;

namespace cawait {
namespace {

/// The names generated beside an async function N, as N__suffix; and
/// everything N__ca__... of N.
struct GeneratedNames {
  /// What generates N__... names: "async function 'f'" and its suffixes.
  struct Owner {
    std::string What;
    llvm::StringSet<> Suffixes;
    bool CaSuffixes = false; ///< N__ca__* too
  };
  llvm::StringMap<Owner> ByPrefix;

  void add(StringRef N, StringRef What, std::initializer_list<const char *> S,
           bool Ca = false) {
    Owner &O = ByPrefix[N];
    if (O.What.empty())
      O.What = What.str();
    for (const char *Suffix : S)
      O.Suffixes.insert(Suffix);
    O.CaSuffixes |= Ca;
  }

  /// The owner and generated name Name collides with, if any.
  const Owner *collides(StringRef Name) const {
    for (size_t At = Name.find("__"); At != StringRef::npos;
         At = Name.find("__", At + 1)) {
      auto It = ByPrefix.find(Name.substr(0, At));
      if (It == ByPrefix.end())
        continue;
      StringRef Suffix = Name.substr(At + 2);
      if (It->second.Suffixes.count(Suffix) ||
          (It->second.CaSuffixes && Suffix.starts_with("ca__")))
        return &It->second;
    }
    return nullptr;
  }
};

class NameVisitor : public RecursiveASTVisitor<NameVisitor> {
public:
  NameVisitor(const SourceManager &SM, const GeneratedNames &G, DiagSink &Diags)
      : SM(SM), G(G), Diags(Diags) {}

  // Declarations of headers hold none of the file's own.
  bool TraverseDecl(Decl *D) {
    if (D && D->getLexicalDeclContext() &&
        D->getLexicalDeclContext()->isTranslationUnit() &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getBeginLoc())) &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitNamedDecl(NamedDecl *ND) {
    // Members live in their struct's own name space: they cannot collide.
    if (ND->isImplicit() || isa<FieldDecl>(ND) || isa<IndirectFieldDecl>(ND) ||
        !ND->getIdentifier())
      return true;
    SourceLocation Loc = ND->getLocation();
    if (Loc.isInvalid() || !SM.isWrittenInMainFile(SM.getSpellingLoc(Loc)))
      return true;
    // The frame ABI may be declared by hand (to drive a frame): only a
    // definition of a generated function or type collides.
    bool Declaration = false;
    if (const auto *FD = dyn_cast<FunctionDecl>(ND))
      Declaration = !FD->doesThisDeclarationHaveABody();
    else if (const auto *TD = dyn_cast<TagDecl>(ND))
      Declaration = !TD->isThisDeclarationADefinition();
    Found.push_back({Loc, ND->getName(), Declaration});
    return true;
  }
  // Labels are not in their function's declarations.
  bool VisitLabelStmt(LabelStmt *LS) {
    if (SM.isWrittenInMainFile(SM.getSpellingLoc(LS->getIdentLoc())))
      Found.push_back({LS->getIdentLoc(), LS->getDecl()->getName(), false});
    return true;
  }

  /// Names declared in the main file.
  struct Name {
    SourceLocation Loc;
    StringRef Text;
    bool Declaration; ///< of a function or tag, not its definition
  };
  std::vector<Name> Found;

  void check(StringRef Name, SourceLocation Loc, bool Declaration) {
    if (Name.starts_with("ca__")) {
      Diags.error(Loc, "'" + Name +
                           "' is reserved: names beginning with 'ca__' are "
                           "those of cawait's generated code and runtime; "
                           "rename it");
      return;
    }
    if (Declaration)
      return;
    if (const GeneratedNames::Owner *O = G.collides(Name))
      Diags.error(Loc, "'" + Name +
                           "' is the name of code cawait generates for " +
                           O->What +
                           " (names 'NAME__init', 'NAME__poll', "
                           "'NAME__drop', 'NAME__frame', ... are reserved "
                           "beside it); rename it");
  }

private:
  const SourceManager &SM;
  const GeneratedNames &G;
  DiagSink &Diags;
};

} // namespace

void checkReservedNames(ASTContext &Ctx, const Shape &S, DiagSink &Diags,
                        Preprocessor *PP) {
  GeneratedNames G;
  auto Fn = [](const FunctionDecl *FD) {
    return "async function '" + FD->getNameAsString() + "'";
  };
  for (const AsyncFunction &F : S.Functions)
    G.add(F.Name, Fn(F.Decl),
          {"frame", "init", "poll", "drop", "sync", "ops", "ops_poll",
           "ops_drop", "erased_poll", "task_poll", "task_drop", "task_vt"},
          /*Ca=*/true);
  // Declared only: the user may write its frame ABI (a leaf future); what
  // starting it or a budget generates is cawait's.
  auto Started = [&](const FunctionDecl *FD) {
    G.add(FD->getName(), Fn(FD),
          {"erased_poll", "task_poll", "task_drop", "task_vt"});
  };
  for (const StartSite &St : S.Starts)
    if (St.Callee)
      Started(St.Callee);
  for (const AsyncFunction &F : S.Functions)
    for (const StartSite &St : F.Spawns)
      if (St.Callee)
        Started(St.Callee);
  for (const TaskPool &P : S.Pools) {
    Started(P.Function);
    G.add(P.Var->getName(), "task pool '" + P.Var->getNameAsString() + "'", {},
          /*Ca=*/true);
  }
  for (const FunctionDecl *FD : S.BudgetCallees)
    G.add(FD->getName(), Fn(FD), {"frame", "init", "poll", "drop"});

  const SourceManager &SM = Ctx.getSourceManager();
  NameVisitor V(SM, G, Diags);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  // Macros defined in the file would expand inside the generated code.
  if (PP)
    for (const auto &M : PP->macros(/*IncludeExternalMacros=*/false))
      for (const MacroDirective *MD =
               PP->getLocalMacroDirectiveHistory(M.first);
           MD; MD = MD->getPrevious())
        if (const auto *Def = dyn_cast<DefMacroDirective>(MD)) {
          SourceLocation Loc = Def->getInfo()->getDefinitionLoc();
          if (Loc.isValid() && SM.isWrittenInMainFile(Loc))
            V.Found.push_back({Loc, M.first->getName(), false});
        }
  std::stable_sort(V.Found.begin(), V.Found.end(),
                   [&](const auto &A, const auto &B) {
                     return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                   });
  for (const NameVisitor::Name &N : V.Found)
    V.check(N.Text, N.Loc, N.Declaration);
}

} // namespace cawait
