# Thin wrapper over CMake + Ninja: `make` builds into build/, `make check`
# runs the lit suite, `make demo` compiles and runs examples/.
BUILD ?= build

.PHONY: all check demo clean
all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19

check: all
	ninja -C $(BUILD) check-cawait

demo: all
	./examples/run-demo.sh $(BUILD)

clean:
	rm -rf $(BUILD)
