#!/usr/bin/env bash
# Gate: the whole test suite (everything but the gates) under ASan + UBSan,
# run from the asan_build gate's build (WORK_DIR/asan).
# Usage: sanitize.sh SOURCE_DIR WORK_DIR
set -euo pipefail
root=$(cd "$1" && pwd) work=$2
mkdir -p "$work"; work=$(cd "$work" && pwd)
. "$root/.ci/gates/lib.sh"
gate_begin sanitize
build="$work/asan"
[ -f "$build/CTestTestfile.cmake" ] || { echo "sanitize: no build in $build; run the asan_build gate first" >&2; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build" && ctest --output-on-failure -j "${JOBS:-2}" -LE gate
