# Thin wrapper over CMake + Ninja: `make` builds into build/, `make check`
# runs the lit suite (with the Cortex-M demo under QEMU when the Arm tools
# are installed: test/cortex-m), `make demo` compiles and runs examples/,
# `make cortex-m` builds build/cortex-m/demo-clang.elf and demo-gcc.elf
# (examples/cortex-m).
BUILD ?= build

.PHONY: all check demo cortex-m clean
all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19

check: all
	ninja -C $(BUILD) check-cawait

demo: all
	./examples/run-demo.sh $(BUILD)

cortex-m: all
	$(MAKE) -C examples/cortex-m CAWAIT_BUILD=$(abspath $(BUILD)) \
	  OUT=$(abspath $(BUILD))/cortex-m

clean:
	rm -rf $(BUILD)
