#!/usr/bin/python3
"""asyncify.py SRC OUT [clang args...]: writes SRC with every eligible
function made async and every call of one awaited, for the no-suspend
benchmark (bench/no-suspend/run.sh).

Eligible: defined in SRC, not variadic, not main, its address never taken
(a pointer to it would call the synchronous function), every call of it
written in SRC (not produced by a macro, where await(...) cannot go), and
not called by a function that stays synchronous other than main. main
stays synchronous and blocks on each call of an async function
(`ca_block_on(...)`): it never runs under the executor, so a benchmark's
driver is plain C appended to the library's text. Everything else stays
as written, so nothing ever suspends: the lowered program does the same
work as the original, through frames and poll functions.

Uses libclang's Python bindings (Debian: python3-clang-19) to find the
definitions and the calls; edits are made in the file's own text, at the
spelling of each call."""
import re
import sys

import clang.cindex as ci

ci.Config.set_library_file("/usr/lib/llvm-19/lib/libclang-19.so.1")
K = ci.CursorKind


def main():
    src, out, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    text = open(src, "rb").read()
    tu = ci.Index.create().parse(
        src, args=args,
        options=ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD)
    for d in tu.diagnostics:
        if d.severity >= ci.Diagnostic.Error:
            sys.exit("asyncify: %s" % d)
    main_file = tu.get_file(src)

    def in_main(c):
        return c.location.file is not None and \
            c.location.file.name == main_file.name

    defs = {}      # name -> definition cursor
    protos = []    # declarations in SRC that are not definitions
    for c in tu.cursor.get_children():
        if c.kind != K.FUNCTION_DECL or not in_main(c):
            continue
        if c.is_definition():
            if c.spelling != "main" and not c.type.is_function_variadic():
                defs[c.spelling] = c
        else:
            protos.append(c)

    calls = []          # (caller, call) of each call of a candidate
    taken = set()       # functions whose address is taken

    def walk(c, parent_kind, fn):
        for ch in c.get_children():
            if ch.kind == K.FUNCTION_DECL and ch.is_definition():
                walk(ch, ch.kind, ch.spelling)
                continue
            if ch.kind == K.CALL_EXPR and ch.referenced is not None and \
                    ch.referenced.spelling in defs:
                calls.append((fn, ch))
            if ch.kind == K.DECL_REF_EXPR and ch.spelling in defs and \
                    ch.referenced is not None and \
                    ch.referenced.kind == K.FUNCTION_DECL:
                refs.append(ch)
            walk(ch, ch.kind, fn)
    refs = []
    walk(tu.cursor, None, None)
    # A reference that is not the callee of a call takes the address.
    callee_at = {(c.spelling, c.extent.start.file.name if c.extent.start.file
                  else None, c.extent.start.offset) for fn, c in calls}
    for r in refs:
        key = (r.spelling, r.location.file.name if r.location.file else None,
               r.extent.start.offset)
        if key not in callee_at:
            taken.add(r.spelling)

    # Object-like macros that stand for one name (`#define f IMPL(f)`,
    # libb2's way of suffixing its functions): their tokens are a name,
    # alone or followed by one parenthesised group (a function-like macro's
    # second token is its parameter list's parenthesis, not a name).
    def one_name(body):
        if not body:
            return True
        depth = 0
        for i, t in enumerate(body):
            depth += (t == "(") - (t == ")")
            if depth == 0:
                return body[0] == "(" and i == len(body) - 1
        return False

    name_macros = set()
    for c in tu.cursor.get_children():
        if c.kind != K.MACRO_DEFINITION:
            continue
        toks = list(c.get_tokens())
        if len(toks) >= 2 and toks[1].kind == ci.TokenKind.IDENTIFIER and \
                one_name([t.spelling for t in toks[2:]]):
            name_macros.add(toks[0].spelling)

    def written_here(call):
        """The call is spelled in SRC as `name(...)`, or through a macro
        that stands for the name: not produced by a macro that could hold
        more than the call, so await(...) can go around it."""
        s, e = call.extent.start, call.extent.end
        if s.file is None or s.file.name != main_file.name or \
                e.file is None or e.file.name != main_file.name:
            return False
        head = re.match(rb"[A-Za-z_][A-Za-z_0-9]*", text[s.offset:])
        spelled = head.group().decode() if head else ""
        return (spelled == call.referenced.spelling or
                spelled in name_macros) and \
            text[e.offset - 1:e.offset] == b")"

    # A function stays synchronous when its address is taken, or when one
    # of its calls cannot be awaited (it comes from a macro); a synchronous
    # function cannot await, so what it calls stays synchronous too, except
    # what main calls: main blocks on it.
    plain = set(taken)
    plain |= {call.referenced.spelling for fn, call in calls
              if not written_here(call)}
    plain |= {fn for fn, call in calls
              if fn is not None and not written_here(call)}
    plain |= {call.referenced.spelling for fn, call in calls if fn is None}
    changed = True
    while changed:
        changed = False
        for fn, call in calls:
            callee = call.referenced.spelling
            if fn != "main" and \
                    (fn is None or fn in plain or fn not in defs) and \
                    callee not in plain:
                plain.add(callee)
                changed = True
    for name in plain:
        defs.pop(name, None)

    edits = []  # (offset, text): insertions, applied from the end
    for c in list(defs.values()) + [p for p in protos if p.spelling in defs]:
        edits.append((c.extent.start.offset, "async "))
    wrapped = set()
    blocked = 0
    for fn, call in calls:
        if call.referenced.spelling not in defs:
            continue
        s, e = call.extent.start, call.extent.end
        if s.file is None or s.file.name != main_file.name or \
                e.file is None or e.file.name != main_file.name:
            continue
        key = (s.offset, e.offset)
        if key in wrapped:
            continue
        wrapped.add(key)
        if fn == "main":
            blocked += 1
        edits.append((s.offset, "ca_block_on(" if fn == "main" else "await("))
        edits.append((e.offset, ")"))
    # Insertions at one offset: closing parentheses before opening ones.
    edits.sort(key=lambda x: (x[0], 0 if x[1] == ")" else 1))
    buf = bytearray(text)
    for off, ins in reversed(edits):
        buf[off:off] = ins.encode()
    with open(out, "wb") as f:
        f.write(b"#include <cawait.h>\n")
        f.write(buf)
    sys.stderr.write("asyncify: %d functions async, %d calls awaited, %d "
                     "blocked on by main, %d left synchronous (address "
                     "taken, called from a macro or from synchronous "
                     "code)\n"
                     % (len(defs), len(wrapped) - blocked, blocked,
                        len(plain)))


if __name__ == "__main__":
    main()
