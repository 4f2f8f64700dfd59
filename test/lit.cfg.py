# lit configuration of the cawait test suite.
#
# Substitutions:
#   %cawait-cc        build/bin/cawait-cc (clang-19 + plugin + runtime)
#   %cawait-gcc       build/bin/cawait-gcc (lowered by the plugin, built by gcc)
#   %clang            clang-19 without the plugin
#   %plugin           build/lib/cawait.so, for -fplugin= / -cc1 -load
#   %cawait_include   runtime/include
#   %cawait_lib       libcawait.a;  %cawait_san_lib: the ASan+UBSan build;
#                     %cawait_tsan_lib: the ThreadSanitizer build
#   %tsan_flags       ThreadSanitizer flags (cawait-cc then links
#                     libcawait-tsan.a); a report fails the run (exit 66)
#   %differential     test/tools/differential.sh: builds a program with and
#                     without the plugin (and sanitized), runs all, requires
#                     equal output, prints it
#   %valgrind         valgrind, failing the test on any error or leak
#   %cawait_build     the build directory, for `cmake --install` (package/)
#   %cmake            the cmake that configured it
#   %cawait_src       the source tree
#   %picolibc_include picolibc's headers for arm-none-eabi
#   %lldb             lldb-19 in batch mode without ~/.lldbinit (REQUIRES: lldb)
#   %stmt_nodes       clang/AST/StmtNodes.inc of the Clang built against
import os
import lit.formats

config.name = "cawait"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cawait_obj_root, "test")

obj = config.cawait_obj_root
src = config.cawait_src_root
config.substitutions.append(("%cawait-gcc", os.path.join(obj, "bin", "cawait-gcc")))
config.substitutions.append(("%cawait-cc", os.path.join(obj, "bin", "cawait-cc")))
config.substitutions.append(("%cawait_include", os.path.join(src, "runtime", "include")))
config.substitutions.append(("%cawait_san_lib", os.path.join(obj, "lib", "libcawait-san.a")))
config.substitutions.append(("%cawait_tsan_lib", os.path.join(obj, "lib", "libcawait-tsan.a")))
config.substitutions.append(("%cawait_lib", os.path.join(obj, "lib", "libcawait.a")))
config.substitutions.append(("%tsan_flags", "-std=gnu11 -g -O1 -fsanitize=thread"))
config.substitutions.append(("%plugin", os.path.join(obj, "lib", "cawait.so")))
config.substitutions.append(("%clang", config.cawait_clang))
config.substitutions.append(("%cawait_build", obj))
config.substitutions.append(("%cmake", config.cawait_cmake))
config.substitutions.append(
    ("%stmt_nodes",
     next((os.path.join(d, "clang", "AST", "StmtNodes.inc")
           for d in config.clang_include_dirs.split(";")
           if os.path.isfile(os.path.join(d, "clang", "AST", "StmtNodes.inc"))),
          "StmtNodes.inc-not-found")))
config.substitutions.append(
    ("%differential",
     "env CAWAIT_CC=%s GCC_DRIVER=%s CLANG=%s CAWAIT_INCLUDE=%s CAWAIT_LIB=%s sh %s"
     % (os.path.join(obj, "bin", "cawait-cc"),
        os.path.join(obj, "bin", "cawait-gcc"), config.cawait_clang,
        os.path.join(src, "runtime", "include"),
        os.path.join(obj, "lib", "libcawait.a"),
        os.path.join(src, "test", "tools", "differential.sh"))))
config.substitutions.append(
    ("%valgrind", "valgrind -q --error-exitcode=99 --leak-check=full "
                  "--errors-for-leak-kinds=definite,indirect,possible"))

# Bare metal (examples/cortex-m, test/cortex-m): the Arm toolchain with
# picolibc, and QEMU (.ci/setup-debian.sh installs them). Tests that need
# them say REQUIRES: arm-none-eabi (and qemu-system-arm), and are
# UNSUPPORTED without.
import shutil
picolibc_include = "/usr/lib/picolibc/arm-none-eabi/include"
if shutil.which("arm-none-eabi-gcc") and os.path.isdir(picolibc_include):
    config.available_features.add("arm-none-eabi")
if shutil.which("qemu-system-arm"):
    config.available_features.add("qemu-system-arm")
config.substitutions.append(("%picolibc_include", picolibc_include))
config.substitutions.append(("%cawait_src", src))

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0"
config.environment["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"
config.environment["TSAN_OPTIONS"] = "halt_on_error=1:second_deadlock_stack=1"

# test/debug drives gdb in batch mode (REQUIRES: gdb): without gdb those
# tests are UNSUPPORTED, not failed.
import shutil
if shutil.which("gdb"):
    config.available_features.add("gdb")
# ... and lldb 19 (REQUIRES: lldb), as %lldb: batch mode, no ~/.lldbinit,
# cawait's lldb commands (runtime/lldb/cawait.py) loaded by the test itself.
if shutil.which("lldb-19"):
    config.available_features.add("lldb")
config.substitutions.append(("%lldb", "lldb-19 --no-lldbinit --batch"))
