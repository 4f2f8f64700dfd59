# Finds the Clang 19 development files (Debian: libclang-19-dev, llvm-19-dev)
# and the compiler the plugin is loaded into. Clang's package config refuses
# a bare "19" version request, so it is found without one and checked here.
find_package(Clang REQUIRED CONFIG
  HINTS /usr/lib/llvm-19/lib/cmake/clang /usr/lib/llvm-19)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "cawait needs LLVM/Clang 19, found ${LLVM_PACKAGE_VERSION} "
                      "(apt-get install clang-19 llvm-19-dev libclang-19-dev llvm-19-tools)")
endif()
find_program(CAWAIT_CLANG NAMES clang-19 HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)
message(STATUS "cawait: Clang ${LLVM_PACKAGE_VERSION}, compiler ${CAWAIT_CLANG}")
