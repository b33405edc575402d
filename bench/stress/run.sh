#!/usr/bin/env bash
# Runs each resource case of bench/stress/ at 1×, 2× and 4× its base size and
# prints the build's time, peak memory and exit status, and the growth from
# one size to the next. A case is a generator `bench/stress/CASE.py N OUTDIR`
# that writes a complete site of size N; its base size is the `BASE = N` line
# in the generator. Linear growth shows as ratios near 2.0 per doubling; a
# case past a documented limit shows the limit's error and exit status 1.
#
# Usage: bench/stress/run.sh [CASE...]       (default: every case)
# Environment: COSTSITE (default build/costsite), STRESS_DIR (default /tmp/costsite-stress)
# Not a test: it prints figures for docs/performance.md and asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
COSTSITE=${COSTSITE:-$PWD/build/costsite}
WORK=${STRESS_DIR:-/tmp/costsite-stress}
[ -x /usr/bin/time ] || { echo "bench/stress needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$WORK"

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for g in bench/stress/*.py; do cases+=("$(basename "$g" .py)"); done
fi

printf '%-16s %9s %9s %9s %6s %12s\n' case N seconds 'peak MB' exit 'time growth'
for c in "${cases[@]}"; do
  gen=bench/stress/$c.py
  base=$(sed -n 's/^BASE = \([0-9][0-9]*\).*/\1/p' "$gen" | head -1)
  [ -n "$base" ] || { echo "$gen: no 'BASE = N' line" >&2; exit 1; }
  prev=""
  for k in 1 2 4; do
    n=$((base * k))
    dir=$WORK/$c-$n
    [ -f "$dir/.done" ] || { rm -rf "$dir"; python3 "$gen" "$n" "$dir"; touch "$dir/.done"; }
    rm -rf "$WORK/out"
    set +e
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$COSTSITE" build --quiet --source "$dir" --out "$WORK/out" \
      >/dev/null 2>"$WORK/$c-$n.stderr"
    status=$?
    set -e
    read -r secs kb < <(tail -n 1 "$WORK/time.txt")  # a failed command adds a line before
    growth=""
    [ -n "$prev" ] && growth=$(awk -v a="$secs" -v b="$prev" 'BEGIN { printf "%.2fx", (b > 0.005) ? a / b : 0 }')
    printf '%-16s %9d %9.2f %9.1f %6d %12s\n' "$c" "$n" "$secs" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" \
      "$status" "$growth"
    prev=$secs
  done
done
