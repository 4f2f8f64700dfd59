#!/usr/bin/env python3
"""map-sizes.py MAP: bytes of code (.text) and read-only data (.rodata)
that each input object puts in the linked image, from a GNU ld map file
(-Wl,-Map): the input sections the link kept (discarded ones left out).
Prints "object text rodata" per object, the object's file name only (for
archive members, "libc.a(memcpy.o)"), largest first."""
import collections
import re
import sys

kept = False
sizes = collections.defaultdict(lambda: [0, 0])
pending = None
for line in open(sys.argv[1]):
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
for obj, (text, rodata) in sorted(sizes.items(), key=lambda kv: -sum(kv[1])):
    if text or rodata:
        print(obj, text, rodata)
