#!/usr/bin/env python3
"""stmt_classes.py STMTNODES_INC TABLE TEST_ROOT DISCOVER_CPP

Checks that the table (test/classes/stmt-classes.txt) says, for every
concrete statement and expression class of the Clang the plugin is built
against, what an async function does with it, consistently with the class
allowlist of passes/Check.cpp (unsupportedClass):
  lowered TEST      allowed by Check.cpp; TEST exists and names the class
  error TEST        not allowed; TEST exists
  unreachable WHY   not allowed; WHY is given
Fails on a class missing from the table (a new clang), a class the table
names that clang does not have, and any inconsistency.
"""
import os
import re
import sys


def clang_classes(inc):
    names = []
    for line in open(inc):
        m = re.match(r"^([A-Z0-9_]+)\((\w+), (\w+)\)$", line.strip())
        if m and m.group(1) not in ("STMT_RANGE", "LAST_STMT_RANGE"):
            names.append(m.group(2))
    return names


def allowed_classes(cpp):
    text = open(cpp).read()
    start = text.index("std::optional<std::string> unsupportedClass(")
    body = text[start:text.index("\n}\n", start)]
    allowed, group = set(), []
    for line in body.splitlines():
        line = line.strip()
        m = re.match(r"case Stmt::(\w+)Class:", line)
        if m:
            group.append(m.group(1))
        elif line.startswith("return"):
            if line == "return std::nullopt;":
                allowed.update(group)
            group = []
    return allowed


def main():
    inc, table, root, cpp = sys.argv[1:5]
    errors = []
    classes = clang_classes(inc)
    if len(classes) < 100:
        errors.append("%s: found only %d classes" % (inc, len(classes)))
    allowed = allowed_classes(cpp)
    seen = {}
    for n, line in enumerate(open(table), 1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        parts = line.split(None, 2)
        where = "%s:%d" % (table, n)
        if len(parts) < 3:
            errors.append("%s: want CLASS KIND TEST-or-REASON" % where)
            continue
        name, kind, rest = parts
        if name in seen:
            errors.append("%s: %s listed twice" % (where, name))
        seen[name] = kind
        if kind in ("lowered", "error"):
            path = os.path.join(root, rest)
            if not os.path.isfile(path):
                errors.append("%s: %s: no test %s" % (where, name, rest))
            elif kind == "lowered" and not re.search(r"\b%s\b" % name, open(path, encoding="utf-8").read()):
                errors.append("%s: %s: %s does not name the class" % (where, name, rest))
        elif kind != "unreachable":
            errors.append("%s: %s: unknown kind %r" % (where, name, kind))
        if kind == "lowered" and name not in allowed:
            errors.append("%s: %s is lowered here but Check.cpp rejects it" % (where, name))
        if kind != "lowered" and name in allowed:
            errors.append("%s: %s is %s here but Check.cpp allows it" % (where, name, kind))
    for name in classes:
        if name not in seen:
            errors.append("%s: class %s of this clang is not in the table: say what an async function does with it" % (table, name))
    for name in seen:
        if name not in classes:
            errors.append("%s: %s is not a class of this clang" % (table, name))
    for name in sorted(allowed - set(classes)):
        errors.append("%s: allows %s, not a class of this clang" % (cpp, name))
    for e in errors:
        print("error: " + e)
    counts = {}
    for k in seen.values():
        counts[k] = counts.get(k, 0) + 1
    print("%d classes: %s" % (len(classes), ", ".join("%d %s" % (counts[k], k) for k in sorted(counts))))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
