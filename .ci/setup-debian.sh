#!/bin/sh
# Installs what cawait needs on Debian bookworm (as root, or with sudo).
set -eu
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
pkgs="clang-19 clangd-19 llvm-19-dev libclang-19-dev llvm-19-tools libclang-rt-19-dev gcc cmake ninja-build make python3 valgrind pkg-config csmith libcsmith-dev gdb lldb-19"
# Bare metal (examples/cortex-m): the Arm toolchain, its C library (picolibc;
# newlib for those who prefer it) and QEMU's Cortex-M boards.
pkgs="$pkgs gcc-arm-none-eabi picolibc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm"
missing=
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
fi
