#!/usr/bin/env bash
# Gate: one build, with clang, of the whole test suite and the libFuzzer
# targets under ASan + UBSan (-DCOSTSITE_SANITIZE=ON -DCOSTSITE_FUZZ=ON), in
# WORK_DIR/asan. The sanitize gate runs the suite from it and the fuzz gate
# its fuzzers: the stage libraries are compiled once for both. They carry
# libFuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link), which the
# tests do not notice. -O1 -g1 (line tables only): sanitizer reports keep
# their file:line stacks, and the build takes about half as long as -O2 -g.
# Usage: asan_build.sh SOURCE_DIR WORK_DIR
set -euo pipefail
root=$(cd "$1" && pwd) work=$2
mkdir -p "$work"; work=$(cd "$work" && pwd)
. "$root/.ci/gates/lib.sh"
gate_begin asan_build
build="$work/asan"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCOSTSITE_SANITIZE=ON -DCOSTSITE_FUZZ=ON \
  -DCOSTSITE_TESTS=ON -DCOSTSITE_GATES=OFF -DCMAKE_BUILD_TYPE=None \
  "-DCMAKE_CXX_FLAGS=-O1 -g1 -DNDEBUG -fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$build" -j "${JOBS:-2}"
