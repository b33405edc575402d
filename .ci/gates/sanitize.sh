#!/usr/bin/env bash
# Gate: the whole test suite (everything but the gates) built with
# -DCOSTSITE_SANITIZE=ON (ASan + UBSan) in its own build folder, and run.
# Usage: sanitize.sh SOURCE_DIR WORK_DIR
set -euo pipefail
root=$(cd "$1" && pwd) work=$2
mkdir -p "$work"; work=$(cd "$work" && pwd)
. "$root/.ci/gates/lib.sh"
gate_begin sanitize
build="$work/asan"
t0=$(date +%s)
# -O1 -g1 (line tables only): sanitizer reports keep their file:line stacks,
# and the build takes about half as long as RelWithDebInfo's -O2 -g.
cmake -S "$root" -B "$build" -DCOSTSITE_SANITIZE=ON -DCOSTSITE_TESTS=ON -DCOSTSITE_GATES=OFF \
  -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -g1 -DNDEBUG" >/dev/null
cmake --build "$build" -j "${JOBS:-2}"
echo "sanitize: built in $(( $(date +%s) - t0 )) s"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build" && ctest --output-on-failure -j "${JOBS:-2}" -LE gate
