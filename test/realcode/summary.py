#!/usr/bin/python3
"""summary.py OUTDIR...: one markdown row per library from the
report.json that run.py wrote in each OUTDIR (docs/fuzzing.md, "Real
code")."""
import json
import os
import sys


def main():
    print("| library | commit | programs | async functions | awaits | "
          "ca_block_on | budgeted | runs | warnings sync / async (extra, "
          "lost) | result |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for d in sys.argv[1:]:
        r = json.load(open(os.path.join(d, "report.json")))
        ps = r["programs"]

        def rng(key):
            v = [p[key] for p in ps if p.get(key) is not None]
            return "%d-%d" % (min(v), max(v)) if min(v) != max(v) \
                else str(v[0])
        fails = {}
        for p in ps:
            for cls, _ in p["failures"]:
                fails.setdefault(cls, []).append(p["name"])
        ok = sum(1 for p in ps if not p["failures"])
        cmp = [p for p in ps if p.get("warnings_compared")]
        result = "%d/%d same output" % (ok, len(ps))
        if fails:
            result += "; " + "; ".join("%s: %s" % (c, ", ".join(n))
                                       for c, n in sorted(fails.items()))
        print("| %s (%s) | %s | %d | %s | %s | %s | %s | %d | %d / %d "
              "(%d, %d) over %d programs | %s |" % (
                  r["lib"] + (", --avoid " + r["avoid"]
                              if r.get("avoid") else ""),
                  r["repo"], r["commit"][:12], len(ps),
                  rng("functions"), rng("awaits"), rng("block_ons"),
                  rng("budgeted"), sum(p.get("runs") or 0 for p in ps),
                  sum(p["warnings_sync"] for p in cmp),
                  sum(p["warnings_async"] for p in cmp),
                  sum(len(p["warnings_extra"]) for p in cmp),
                  sum(len(p["warnings_lost"]) for p in cmp), len(cmp),
                  result))


if __name__ == "__main__":
    main()
