#!/usr/bin/env bash
# Builds the synthetic corpus with costsite and with Hugo in alternation and
# prints medians, the ratio, the cmark-gfm floor, peak memory and scaling.
#
# Usage: bench/run.sh [N=5000] [RUNS=5]      (N reports, each in zh and en)
# Needs: build/costsite (make build), hugo, cmark-gfm, /usr/bin/time (installed
# below when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
RUNS=${2:-5}
COSTSITE=${COSTSITE:-$PWD/build/costsite}
WORK=${BENCH_DIR:-/tmp/costsite-bench}

need=""
command -v hugo >/dev/null || need="$need hugo"
command -v cmark-gfm >/dev/null || need="$need cmark-gfm"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
  if [ "$(id -u)" -eq 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else echo "bench needs:$need (apt-get install$need)" >&2; exit 1; fi
fi

corpus() {  # corpus N -> folder
  local dir="$WORK/n$1"
  [ -f "$dir/.done" ] || { rm -rf "$dir"; python3 bench/gen_corpus.py "$1" "$dir"; touch "$dir/.done"; }
  echo "$dir"
}

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

run_costsite() { rm -rf "$WORK/out-cs"; "$COSTSITE" build --quiet --source "$1/costsite" --out "$WORK/out-cs" >/dev/null; }
run_hugo() { rm -rf "$WORK/out-hugo"; hugo --quiet -s "$1/hugo" -d "$WORK/out-hugo" >/dev/null; }
run_floor() {  # cmark-gfm over the same Markdown, plus copying the files
  rm -rf "$WORK/out-floor"; mkdir -p "$WORK/out-floor"
  for lang in zh en; do
    mkdir -p "$WORK/out-floor/$lang"
    find "$1/plain/$lang" -name '*.md' -print0 | xargs -0 -P "$(nproc)" -n 200 sh -c '
      for f; do cmark-gfm -e table -e tasklist -e strikethrough -e autolink "$f" > "$0/$(basename "$f" .md).html"; done' "$WORK/out-floor/$lang"
  done
}

timed() { local t0 t1; t0=$(now); "$@"; t1=$(now); echo "$t1 - $t0" | bc -l; }

measure() {  # measure N -> prints medians
  local dir; dir=$(corpus "$1")
  run_costsite "$dir"; run_hugo "$dir"; run_floor "$dir"  # warm-up
  local cs=() hg=() fl=()
  for ((r = 0; r < RUNS; r++)); do
    cs+=("$(timed run_costsite "$dir")")
    hg+=("$(timed run_hugo "$dir")")
    fl+=("$(timed run_floor "$dir")")
  done
  local mcs mhg mfl
  mcs=$(printf '%s\n' "${cs[@]}" | median)
  mhg=$(printf '%s\n' "${hg[@]}" | median)
  mfl=$(printf '%s\n' "${fl[@]}" | median)
  printf 'N=%-6s pages=%-6s costsite %.2f s   hugo %.2f s   floor %.2f s   hugo/costsite %.2fx   costsite/floor %.2fx\n' \
    "$1" "$((2 * $1))" "$mcs" "$mhg" "$mfl" "$(echo "$mhg / $mcs" | bc -l)" "$(echo "$mcs / $mfl" | bc -l)"
  echo "$mcs" > "$WORK/median-$1"
}

peak_mb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.0f", $6/1024}'; }

echo "costsite benchmark: $RUNS runs each after a warm-up, medians, $(nproc) cores"
measure "$N"
if [ "${SCALING:-1}" = 1 ]; then
  for n in 1000 10000; do [ "$n" = "$N" ] || measure "$n"; done
  if [ -f "$WORK/median-5000" ] && [ -f "$WORK/median-10000" ]; then
    printf 'scaling 10000/5000: %.2fx (linear = 2.00x)\n' "$(echo "$(cat "$WORK/median-10000") / $(cat "$WORK/median-5000")" | bc -l)"
  fi
fi
big=$(corpus "${MEM_N:-10000}")
rm -rf "$WORK/out-cs"
echo "peak memory, ${MEM_N:-10000} reports: costsite $(peak_mb "$COSTSITE" build --quiet --source "$big/costsite" --out "$WORK/out-cs") MB," \
     "hugo $(rm -rf "$WORK/out-hugo"; peak_mb hugo --quiet -s "$big/hugo" -d "$WORK/out-hugo") MB"
