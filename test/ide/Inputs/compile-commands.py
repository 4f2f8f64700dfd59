# compile-commands.py DIR COMPILER -- FLAGS... -- FILES...: writes
# DIR/compile_commands.json compiling each file with COMPILER and FLAGS, as
# CMake's CMAKE_EXPORT_COMPILE_COMMANDS would.
import json
import os
import sys

args = sys.argv[1:]
out, compiler = args[0], args[1]
rest = args[3:]
sep = rest.index("--")
flags, files = rest[:sep], rest[sep + 1:]
with open(os.path.join(out, "compile_commands.json"), "w") as f:
    json.dump([{"directory": out, "file": os.path.abspath(src),
                "arguments": [compiler] + flags +
                ["-c", os.path.abspath(src), "-o",
                 os.path.basename(src) + ".o"]} for src in files], f,
              indent=1)
