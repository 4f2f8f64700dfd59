#!/usr/bin/env python3
"""warning-diff.py: cawait-cc against plain clang-19, warning for warning.

Takes C files (and folders, for every *.c under them at any depth except
in Inputs/ folders, which hold other tests' helpers), compiles each with
cawait-cc and with plain clang-19 (cawait.h on the include path, so async is
empty and await(e) is e) under each warning level of --levels, and compares
what the two print on stderr: every warning, note, fix-it, quoted source
line and caret. cawait-cc must print exactly what plain clang prints (the files given
here ask for no frame report, so cawait has nothing of its own to say).

Counts per level: files whose output is identical, warnings cawait-cc gives
that plain clang does not (extra) and warnings it does not give (lost),
compared as (file, line, column, text) multisets.

With --lowered it also counts the warnings that only the parse of the
lowered text gives (cawait-cc -fplugin-arg-cawait-lowered-warnings, matched
by line and flag against plain clang's): users never see them, but each is a
place where the generated code is not clean C.

Exits 1 if any output differs. Prints a unified diff of the first few.
"""
import argparse
import collections
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys

LEVELS = {
    "wall": ["-Wall"],
    "wextra": ["-Wall", "-Wextra"],
    "wpedantic": ["-Wall", "-Wextra", "-Wpedantic"],
    "weverything": ["-Weverything"],
}
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*?)(?: \[([^\]]*)\])?$")


def sources(paths):
    for p in paths:
        if os.path.isdir(p):
            found = []
            for d, subdirs, names in os.walk(p):
                subdirs[:] = [s for s in subdirs if s != "Inputs"]
                found += [os.path.join(d, n) for n in names if n.endswith(".c")]
            yield from sorted(found)
        else:
            yield p


def compile_stderr(cmd):
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, errors="replace")
    return r.stderr


def warnings(text):
    out = collections.Counter()
    for line in text.splitlines():
        m = DIAG.match(line)
        if m:
            out[(m.group(1), m.group(2), m.group(3), m.group(5))] += 1
    return out


def by_line_and_flag(text):
    out = collections.Counter()
    for line in text.splitlines():
        m = DIAG.match(line)
        if m and m.group(4) == "warning":
            # Inside a macro argument (await's) clang names some warnings
            # "-from-macro-expansion"; the lowered text has no await left.
            flag = (m.group(6) or "").replace("-from-macro-expansion", "")
            out[(m.group(2), flag)] += 1
    return out


# A generator (`gen T f(...)`, `async gen T s(...)`) has no synchronous meaning: to plain clang
# it returns T, so its `return;` is an error and its end a -Wreturn-type
# warning, which cawait-cc does not give inside a generator (plugin/
# GenReturns.h). Files that define one are compared without those two.
GENERATOR = re.compile(r"^\s*(static\s+)?(async\s+)?gen\s", re.M)
NO_GEN_RETURNS = ["-Wno-return-type", "-Wno-return-mismatch"]


def check(args, src, level):
    common = ["-std=gnu11", "-I", os.path.abspath(args.include), "-c", "-o", os.devnull,
              "-fno-color-diagnostics"] + LEVELS[level]
    with open(src, errors="replace") as f:
        if GENERATOR.search(f.read()):
            common += NO_GEN_RETURNS
    plain = compile_stderr([args.clang] + common + [src])
    ours = compile_stderr([args.cawait_cc] + common + [src])
    lowered_only = 0
    if args.lowered:
        low = compile_stderr([args.cawait_cc] + common +
                             ["-fplugin-arg-cawait-lowered-warnings", src])
        # The lowered parse repeats the user's warnings (on their lines,
        # with other columns): what is left after taking plain clang's out
        # twice (analysis parse and lowered parse) is the generated code's.
        twice = by_line_and_flag(plain) + by_line_and_flag(plain)
        extra = by_line_and_flag(low) - twice
        lowered_only = sum(extra.values())
    return src, level, plain, ours, lowered_only


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cawait-cc", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--levels", default="wall,wextra,wpedantic")
    ap.add_argument("--lowered", action="store_true")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = list(sources(args.paths))
    levels = args.levels.split(",")
    jobs = [(f, lv) for lv in levels for f in files]
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        results = list(ex.map(lambda j: check(args, *j), jobs))
    failed = 0
    shown = 0
    for level in levels:
        same = extra = lost = lowered = warned = 0
        for src, lv, plain, ours, low in results:
            if lv != level:
                continue
            wp, wo = warnings(plain), warnings(ours)
            warned += sum(wp.values())
            extra += sum((wo - wp).values())
            lost += sum((wp - wo).values())
            lowered += low
            if plain == ours:
                same += 1
                continue
            failed += 1
            if shown < 5:
                shown += 1
                sys.stdout.writelines(difflib.unified_diff(
                    plain.splitlines(True), ours.splitlines(True),
                    "clang-19 " + " ".join(LEVELS[level]) + " " + src,
                    "cawait-cc " + " ".join(LEVELS[level]) + " " + src))
        line = "%s: %d files, %d identical, %d warnings, %d extra, %d lost" % (
            level, len(files), same, warned, extra, lost)
        if args.lowered:
            line += ", %d lowered-only" % lowered
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
