#!/usr/bin/python3
"""asyncify.py [options] ROOT FILE.c... -- [clang args...]

The multi-file version of bench/no-suspend/asyncify.py, for the real-code
campaign (test/realcode/README.md): FILE.c... are the translation units of
one program (a library's files and one of its test programs), all under
ROOT. Every eligible function is made async, and every call of one is
awaited, in place: the files (sources and the headers under ROOT that
declare the functions) are edited in ROOT, which must be a scratch copy.

Same rules as the single-file script, over the whole program:
- eligible: defined under ROOT, not main, not variadic, no VLA, alloca or
  setjmp/longjmp in its body (cawait rejects those in a function that
  awaits), its address never taken (a pointer to it would call the
  synchronous function), every call of it spelled `name(...)` in a file
  under ROOT (also inside a macro argument; not produced by a macro body,
  where await(...) cannot go);
- a call of an async function from a function that stays synchronous is
  wrapped in ca_block_on(...) when that function can never run under an
  executor: it is not reachable from an async function through direct
  calls, nor through calls via pointers of its type when its address is
  taken (ca_block_on inside a running executor aborts). Otherwise the
  callee stays synchronous too (and so on, to a fixpoint);
- a call of an async function defined in another translation unit is a
  suspend point for cawait (the body is unknown); a cycle of calls holding
  one cannot have a finite frame, so the functions of such a cycle (or of
  a recursive cycle that can suspend) stay synchronous.
Across files: the prototypes and the definition of a function awaited
from another translation unit say `async_budget(N)`; N starts at 16 and
run.py raises it to the frame size the defining file reports (--budgets).

Nothing is inserted but `async `, `async_budget(N) `, `await(`,
`ca_block_on(` and `)`, on the lines where they go: line numbers stay
true; build with `-include cawait.h` (plain clang too, with -I of
runtime/include). Writes a JSON summary (--summary) with the counts and
the budgeted functions."""
import argparse
import ctypes
import json
import os
import sys

import clang.cindex as ci

ci.Config.set_library_file("/usr/lib/llvm-19/lib/libclang-19.so.1")
K = ci.CursorKind
REJECTED_CALLS = {"alloca", "__builtin_alloca", "setjmp", "_setjmp",
                  "longjmp", "sigsetjmp", "siglongjmp", "__builtin_setjmp",
                  "__builtin_longjmp"}

_locfns = {}


def _loc(fn, loc):
    if fn not in _locfns:
        f = getattr(ci.conf.lib, fn)
        f.argtypes = [ci.SourceLocation, ctypes.POINTER(ci.c_object_p),
                      ctypes.POINTER(ctypes.c_uint),
                      ctypes.POINTER(ctypes.c_uint),
                      ctypes.POINTER(ctypes.c_uint)]
        f.restype = None
        _locfns[fn] = f
    f = ci.c_object_p()
    line, col, off = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    _locfns[fn](loc, ctypes.byref(f), ctypes.byref(line), ctypes.byref(col),
                ctypes.byref(off))
    return (os.path.realpath(ci.File(f).name) if f else None), off.value


def file_loc(loc):
    """Where a location is in a file: a macro argument's tokens where they
    are written, other macro tokens at the expansion."""
    return _loc("clang_getFileLocation", loc)


def expansion_loc(loc):
    """Where the macro expansion that produced the token starts."""
    return _loc("clang_getExpansionLocation", loc)


def spelling_loc(loc):
    """Where the token is written: in a macro's definition for the tokens
    of its body."""
    return _loc("clang_getSpellingLocation", loc)


class Program:
    def __init__(self, root, files, args, avoid=()):
        self.avoid = set(avoid)
        self.root = os.path.realpath(root)
        self.files = [os.path.realpath(f) for f in files]
        self.args = args
        self.texts = {}
        self.defs = {}        # usr -> {name, file, tu, off, variadic, type}
        self.bad = set()      # usr: VLA, alloca, setjmp in the body
        self.decls = {}       # (file, off) -> usr: prototypes
        self.def_tus = {}     # usr -> set of TUs that define it
        self.def_sites = {}   # usr -> set of (file, offset) of definitions
        self.calls = []       # (key, caller, callee, tu, ok)
        self.icalls = set()   # (caller, canonical function type or None)
        self.taken = set()    # usr
        self.ftype = {}       # usr -> canonical function type
        self.plain_by = {}    # usr -> the synchronous caller that made it so
        self.no_block_on = set()  # keys of calls outside the .c file's text

    def under_root(self, path):
        return path is not None and (path + "/").startswith(self.root + "/")

    def text(self, path):
        if path not in self.texts:
            self.texts[path] = open(path, "rb").read()
        return self.texts[path]

    def parse(self):
        index = ci.Index.create()
        for src in self.files:
            tu = index.parse(src, args=self.args)
            errors = [d for d in tu.diagnostics
                      if d.severity >= ci.Diagnostic.Error]
            if errors:
                sys.exit("asyncify: %s" % "\n".join(map(str, errors)))
            self.walk_tu(tu, src)

    def walk_tu(self, tu, src):
        for c in tu.cursor.get_children():
            path, off = file_loc(c.extent.start)
            if c.kind != K.FUNCTION_DECL:
                # File-scope initializers take addresses (tables of
                # function pointers).
                self.walk_body(c, None, src)
                continue
            if not self.under_root(path):
                continue
            usr = c.get_usr()
            self.ftype[usr] = c.type.get_canonical().spelling
            if c.is_definition():
                self.def_tus.setdefault(usr, set()).add(src)
                self.def_sites.setdefault(usr, set()).add((path, off))
                if path != src:
                    # cawait lowers only bodies written in the .c file
                    # itself (not in a header, nor in a .c file included
                    # by it). A function defined twice (a weak definition
                    # in a header, a strong one in a .c file) is left
                    # alone below.
                    self.bad.add(usr)
                self.defs.setdefault(usr, dict(
                    name=c.spelling, file=path, off=off, tu=src,
                    variadic=c.type.kind == ci.TypeKind.FUNCTIONPROTO and
                    c.type.is_function_variadic()))
                if "va_list" in self.avoid and any(
                        "__va_list_tag" in a.type.get_canonical().spelling or
                        "va_list" in a.type.spelling
                        for a in c.get_arguments()):
                    self.bad.add(usr)
                self.walk_body(c, usr, src)
            else:
                self.decls[(path, off)] = usr

    def walk_body(self, fn, usr, src):
        """Calls, calls through pointers, address-taken functions and what
        cawait rejects, in the body of fn."""
        def walk(c, callee):
            for ch in c.get_children():
                k = ch.kind
                if k == K.VAR_DECL and \
                        ch.type.kind == ci.TypeKind.VARIABLEARRAY:
                    self.bad.add(usr)
                sub = None   # the callee expression of a direct call
                if k == K.CALL_EXPR:
                    kids = list(ch.get_children())
                    ref = ch.referenced
                    if ref is not None and ref.kind == K.FUNCTION_DECL:
                        if ref.spelling in REJECTED_CALLS:
                            self.bad.add(usr)
                        self.add_call(usr, ch, ref.get_usr(), src)
                        sub = kids[0] if kids else None
                    else:
                        t = kids[0].type.get_canonical() if kids else None
                        if t is not None and t.kind == ci.TypeKind.POINTER:
                            t = t.get_pointee()
                        proto = t is not None and \
                            t.kind == ci.TypeKind.FUNCTIONPROTO
                        self.icalls.add((usr, t.spelling if proto else None))
                is_callee = callee is not None and ch == callee
                # The callee of a call is a DeclRefExpr under an implicit
                # cast; any other reference takes the address.
                if k == K.DECL_REF_EXPR and not is_callee and \
                        ch.referenced is not None and \
                        ch.referenced.kind == K.FUNCTION_DECL:
                    self.taken.add(ch.referenced.get_usr())
                if k == K.CALL_EXPR:
                    walk(ch, sub)
                elif is_callee and k in (K.UNEXPOSED_EXPR, K.PAREN_EXPR):
                    kids = list(ch.get_children())
                    walk(ch, kids[0] if len(kids) == 1 else None)
                else:
                    walk(ch, None)
        walk(fn, None)

    def add_call(self, caller, call, callee, tu):
        """Records the call by where its callee's name is spelled: in the
        file, in a macro argument, or in a macro's body (then every
        expansion shares the one place where await(...) can go). The call
        can be wrapped when it is spelled there as `name(...)`."""
        path, s = spelling_loc(call.extent.start)
        ok, e = False, s
        if self.under_root(path):
            t = self.text(path)
            name = call.referenced.spelling.encode()
            if t[s:s + len(name)] == name:
                i = s + len(name)
                while t[i:i + 1] in (b" ", b"\t", b"\n", b"\\"):
                    i += 1
                end = close_paren(t, i)
                if end is not None:
                    ok, e = True, end
        key = (path, s, e) if ok else ("?", tu, len(self.calls))
        if ok and (path != tu or
                   (path, s) != expansion_loc(call.extent.start)):
            # In a header, a macro argument or a macro's body: cawait's
            # ca_block_on must be written in the .c file itself, outside
            # macros.
            self.no_block_on.add(key)
        self.calls.append((key, caller, callee, tu, ok))


def close_paren(t, i):
    """The offset after the parenthesis that closes the one at t[i], or
    None (strings, character constants and comments skipped)."""
    if t[i:i + 1] != b"(":
        return None
    depth, q = 0, None
    while i < len(t):
        ch = t[i:i + 1]
        if q:
            if ch == b"\\":
                i += 1
            elif ch == q:
                q = None
        elif ch in (b'"', b"'"):
            q = ch
        elif t[i:i + 2] == b"/*":
            j = t.find(b"*/", i + 2)
            if j < 0:
                return None
            i = j + 1
        elif ch == b"(":
            depth += 1
        elif ch == b")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def sccs(nodes, edges):
    """Tarjan: strongly connected components of the graph."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(100000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)
    for v in nodes:
        if v not in index:
            visit(v)
    return out


def decide(p, forced=()):
    """Returns (async set, {usr: why plain})."""
    cand = {u for u, d in p.defs.items()
            if d["name"] != "main" and not d["variadic"] and u not in p.bad
            and len(p.def_sites[u]) == 1}
    plain = {}
    for u in cand:
        if p.defs[u]["name"] in forced:
            plain[u] = "cawait rejects its frame (--plain)"
    for u in cand & p.taken:
        plain[u] = "address taken"
    for key, caller, callee, tu, ok in p.calls:
        if callee in cand and not ok:
            plain.setdefault(callee, "a call not spelled name(...)")
    while True:
        asy = cand - set(plain)
        # What may run while an executor runs: reachable from an async
        # function by direct calls, or by calls through pointers of the
        # type of an address-taken function.
        out = {}
        for key, caller, callee, tu, ok in p.calls:
            out.setdefault(caller, set()).add(callee)
        ityp = {}
        for caller, t in p.icalls:
            ityp.setdefault(caller, set()).add(t)
        reach, work = set(asy), list(asy)
        while work:
            f = work.pop()
            nxt = set(out.get(f, ()))
            for t in ityp.get(f, ()):
                nxt |= {u for u in p.taken
                        if t is None or p.ftype.get(u) == t}
            for g in nxt - reach:
                reach.add(g)
                work.append(g)
        changed = False
        for key, caller, callee, tu, ok in p.calls:
            if callee in asy and caller not in asy and \
                    (caller is None or caller in reach or key in p.no_block_on):
                plain[callee] = "called from synchronous code that may " \
                    "run under the executor, or from a header or macro there"
                p.plain_by[callee] = caller
                changed = True
        if changed:
            continue
        # A call spelled once in a macro's body and expanded in both async
        # and synchronous functions can be neither awaited nor blocked on.
        kinds = {}
        for key, caller, callee, tu, ok in p.calls:
            if callee in asy:
                kinds.setdefault(key, set()).add(caller in asy)
        for key, caller, callee, tu, ok in p.calls:
            if callee in asy and len(kinds[key]) > 1:
                plain[callee] = "a macro expanded in async and " \
                    "synchronous functions calls it"
                changed = True
        if changed:
            continue
        # Suspending cycles.
        edges, cross = {}, set()
        for key, caller, callee, tu, ok in p.calls:
            if caller in asy and callee in asy:
                edges.setdefault(caller, set()).add(callee)
                if tu not in p.def_tus.get(callee, ()):
                    cross.add(caller)
        susp = set(cross)
        grew = True
        while grew:
            grew = False
            for f, gs in edges.items():
                if f not in susp and gs & susp:
                    susp.add(f)
                    grew = True
        for comp in sccs(sorted(asy), edges):
            cyc = len(comp) > 1 or comp[0] in edges.get(comp[0], ())
            if cyc and set(comp) & susp:
                for u in comp:
                    plain[u] = "recursion that can suspend"
                    changed = True
        if not changed:
            return asy, plain


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budgets", help="JSON {name: bytes} of cross-file "
                    "budgets (default 16 each)")
    ap.add_argument("--summary", help="write the JSON summary here")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--plain", default="",
                    help="comma-separated names of functions to leave "
                    "synchronous (run.py: those whose frame cawait "
                    "rejects by design)")
    ap.add_argument("--avoid", default="",
                    help="comma-separated constructs whose functions stay "
                    "synchronous, to look past a known failure: va_list "
                    "(a va_list parameter)")
    ap.add_argument("root")
    ap.add_argument("files", nargs="+")
    argv = sys.argv[1:]
    clang_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, clang_args = argv[:i], argv[i + 1:]
    a = ap.parse_args(argv)
    p = Program(a.root, a.files, clang_args,
                [x for x in a.avoid.split(",") if x])
    p.parse()
    asy, plain = decide(p, {x for x in a.plain.split(",") if x})
    budgets = json.load(open(a.budgets)) if a.budgets else {}
    cross = set()
    for key, caller, callee, tu, ok in p.calls:
        if callee in asy and tu not in p.def_tus.get(callee, ()):
            cross.add(callee)
    edits = set()   # (file, offset, order, text)
    for u in asy:
        d = p.defs[u]
        # The budget goes on the definition too: its file may not see any
        # prototype that declares it (fuzz_main.c declares the fuzzer's
        # entry point itself), and only there is the frame checked.
        edits.add((d["file"], d["off"], 1,
                   "async_budget(%d) " % budgets.get(d["name"], 16)
                   if u in cross else "async "))
    for (path, off), u in p.decls.items():
        if u in asy:
            name = p.defs[u]["name"]
            txt = "async_budget(%d) " % budgets.get(name, 16) \
                if u in cross else "async "
            edits.add((path, off, 1, txt))
    wraps = {}
    for key, caller, callee, tu, ok in p.calls:
        if callee in asy:
            wraps[key] = "await(" if caller in asy else "ca_block_on("
    for (path, s, e), txt in wraps.items():
        edits.add((path, s, 1, txt))
        edits.add((path, e, 0, ")"))
    n_await = sum(1 for t in wraps.values() if t == "await(")
    n_block = len(wraps) - n_await
    byfile = {}
    for path, off, order, txt in edits:
        byfile.setdefault(path, []).append((off, order, txt))
    if not a.dry_run:
        for path, es in byfile.items():
            buf = bytearray(p.text(path))
            # Closing parentheses before opening ones at one offset; applied
            # from the end.
            for off, order, txt in sorted(es, reverse=True):
                buf[off:off] = txt.encode()
            with open(path, "wb") as f:
                f.write(buf)
    why = {}
    for u, r in plain.items():
        why[r] = why.get(r, 0) + 1
    summary = dict(
        functions=len(asy), awaits=n_await, block_ons=n_block,
        plain=len(plain), plain_why=why,
        budgeted=sorted(p.defs[u]["name"] for u in cross),
        files=sorted(os.path.relpath(f, p.root) for f in byfile))
    name = lambda u: p.defs[u]["name"] if u in p.defs else str(u)
    summary["plain_list"] = sorted(
        "%s: %s%s" % (name(u), r, " (%s)" % name(p.plain_by[u])
                      if u in p.plain_by else "") for u, r in plain.items())
    if a.summary:
        json.dump(summary, open(a.summary, "w"), indent=1)
    sys.stderr.write("asyncify: %d functions async, %d calls awaited, %d "
                     "in ca_block_on, %d left synchronous %s\n"
                     % (len(asy), n_await, n_block, len(plain), why))


if __name__ == "__main__":
    main()
