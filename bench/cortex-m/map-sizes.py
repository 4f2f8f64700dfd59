#!/usr/bin/env python3
"""map-sizes.py [--max-text N] MAP [OBJECT...]: bytes of code (.text) and
read-only data (.rodata) that each input object puts in the linked image,
from a GNU ld map file (-Wl,-Map): the input sections the link kept
(discarded ones left out). Prints "object text rodata" per object, the
object's file name only (for archive members, "libc.a(memcpy.o)"), largest
first. Given OBJECTs, only theirs, then "total text rodata"; with
--max-text N, the total's line also says whether its text is at most N
bytes, and the exit status is 1 when it is not (test/cortex-m/core-size.test
checks the executor and timer core so)."""
import argparse
import collections
import re
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--max-text", type=int)
parser.add_argument("map")
parser.add_argument("objects", nargs="*")
args = parser.parse_args()
if args.max_text is not None and not args.objects:
    parser.error("--max-text needs the objects to add up")

kept = False
sizes = collections.defaultdict(lambda: [0, 0])
pending = None
for line in open(args.map):
    if line.startswith("Linker script and memory map"):
        kept = True
        continue
    if not kept:
        continue
    m = re.match(r" (\.(?:text|rodata)\S*)\s*$", line)
    if m:
        pending = m.group(1)
        continue
    m = re.match(r" (\.(?:text|rodata)\S*)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)",
                 line)
    if m and (m.group(1) or pending):
        section = m.group(1) or pending
        size = int(m.group(3), 16)
        obj = m.group(4)
        obj = re.sub(r".*/", "", obj)
        sizes[obj][0 if section.startswith(".text") else 1] += size
    pending = None
total = [0, 0]
for obj, (text, rodata) in sorted(sizes.items(), key=lambda kv: -sum(kv[1])):
    if (text or rodata) and (not args.objects or obj in args.objects):
        print(obj, text, rodata)
        total = [total[0] + text, total[1] + rodata]
if args.objects:
    missing = [o for o in args.objects if o not in sizes]
    if missing:
        sys.exit("map-sizes.py: %s: nothing from %s" % (args.map, " ".join(missing)))
    if args.max_text is None:
        print("total", total[0], total[1])
    else:
        ok = total[0] <= args.max_text
        print("total", total[0], total[1], "(.text at most %d: %s)" %
              (args.max_text, "ok" if ok else "EXCEEDED by %d bytes" %
               (total[0] - args.max_text)))
        sys.exit(0 if ok else 1)
