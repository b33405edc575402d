#!/usr/bin/env bash
# `costsite actuals --group ServiceName` against DuckDB doing the same GROUP BY
# on the same generated FOCUS file (bench/gen_focus.py), side by side: median
# wall time of RUNS runs each (alternating, after one untimed run that warms
# the page cache) and peak memory (/usr/bin/time %M), at 100,000 lines and at
# LINES; then checks that both found the same totals.
#
# Usage: bench/actuals.sh [LINES=1000000] [RUNS=3]
# Environment: BENCH_DIR (default /tmp/costsite-bench), COSTSITE (build/costsite),
#   DUCKDB_THREADS (default: 2, this machine's cores).
# Needs build/costsite, python3, node and npm @duckdb/node-api (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-1000000}
RUNS=${2:-3}
COSTSITE=${COSTSITE:-$PWD/build/costsite}
WORK=${BENCH_DIR:-/tmp/costsite-bench}/actuals
THREADS=${DUCKDB_THREADS:-2}
[ -x /usr/bin/time ] || { echo "bench needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

site() {  # site N -> folder holding actuals/focus.csv with N lines
  local dir="$WORK/n$1"
  [ -f "$dir/.done" ] || { rm -rf "$dir"; mkdir -p "$dir/actuals"; python3 bench/gen_focus.py "$1" "$dir/actuals/focus.csv" --seed 1; touch "$dir/.done"; }
  echo "$dir"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# measure OUT CMD... -> appends "seconds peak_kB" to OUT.times, stdout to OUT
measure() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out.t" "$@" >"$out"
  cat "$out.t" >>"$out.times"
}

printf '%-10s %-28s %10s %12s\n' lines tool "time (s)" "peak (MB)"
for n in 100000 "$LINES"; do
  dir=$(site "$n")
  file="$dir/actuals/focus.csv"
  rm -f "$WORK"/*.times
  "$COSTSITE" actuals --source "$dir" --group ServiceName >/dev/null  # warm the page cache
  for _ in $(seq "$RUNS"); do
    measure "$WORK/costsite.json" "$COSTSITE" actuals --source "$dir" --group ServiceName --json
    measure "$WORK/duckdb.tsv" node bench/duckdb_group.mjs "$file" ServiceName BilledCost "$THREADS"
  done
  for tool in costsite duckdb; do
    t=$(cut -d' ' -f1 "$WORK/$tool"*.times | median)
    m=$(cut -d' ' -f2 "$WORK/$tool"*.times | sort -n | tail -1)
    label=$([ $tool = costsite ] && echo "costsite actuals" || echo "DuckDB ($THREADS threads, node)")
    printf '%-10s %-28s %10s %12s\n' "$n" "$label" "$t" "$((m / 1024))"
  done
  python3 - "$WORK/costsite.json" "$WORK/duckdb.tsv" <<'PY'
import decimal, json, sys
cs = {(g["key"]["ServiceName"], g["currency"]): (decimal.Decimal(g["total"]), g["lines"]) for g in json.load(open(sys.argv[1]))["groups"]}
dk = {}
for line in open(sys.argv[2]):
    key, lines, total, cur = line.rstrip("\n").split("\t")
    dk[(key, cur)] = (decimal.Decimal(total), int(lines))
if cs != dk:
    sys.exit(f"totals differ: {sorted(set(cs.items()) ^ set(dk.items()))[:4]}")
print(f"           same {len(cs)} group totals in both, to the last digit")
PY
done
