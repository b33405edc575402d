#!/usr/bin/env bash
# Builds the synthetic corpus with costsite and with Hugo in alternation and
# prints medians, their ratio, the cmark-gfm floor, the scaling with N, peak
# memory, the incremental updates of `costsite serve`, and whether the output
# depends on the thread count.
#
# Usage: bench/run.sh [N=5000] [RUNS=5]      (N reports, each in zh and en)
# Environment:
#   BENCH_DIR   corpora (default /tmp/costsite-bench)
#   BENCH_OUT   where the sites are written (default: /dev/shm when it is a
#               tmpfs, else BENCH_DIR; see docs/performance.md for why)
#   SCALING=0   skip the N = 1,000 and 10,000 runs; INCREMENTAL=0 skips serve
#   MEM_N       corpus for the peak-memory run (default 10000)
#   BIG_N       also build N reports (e.g. 50000) and print time, peak memory
#               and their growth from N (medians of RUNS; off when unset), for
#               the plain corpus and, unless COST=0, the one with cost content
#   COST=0      skip the corpus with cost content per page (gen_corpus.py --cost)
#   THREADS=0   skip timing --threads 1 against --threads 2
# Needs build/costsite (make build); installs hugo, cmark-gfm and time from
# Debian when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
RUNS=${2:-5}
COSTSITE=${COSTSITE:-$PWD/build/costsite}
WORK=${BENCH_DIR:-/tmp/costsite-bench}
if [ -z "${BENCH_OUT:-}" ]; then
  if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then BENCH_OUT=/dev/shm/costsite-bench-out
  else BENCH_OUT=$WORK/out; fi
fi
mkdir -p "$WORK" "$BENCH_OUT"

need=""
command -v hugo >/dev/null || need="$need hugo"
command -v cmark-gfm >/dev/null || need="$need cmark-gfm"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
  if [ "$(id -u)" -eq 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else echo "bench needs:$need (apt-get install$need)" >&2; exit 1; fi
fi

corpus() {  # corpus N [--cost] -> folder
  local dir="$WORK/n$1${2:+-cost}"
  [ -f "$dir/.done" ] || { rm -rf "$dir"; python3 bench/gen_corpus.py ${2:-} "$1" "$dir"; touch "$dir/.done"; }
  echo "$dir"
}

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Each tool writes into a fresh folder; removing the last run's output is
# done before the clock starts (clean_*), so it is not counted.
clean_costsite() { rm -rf "$BENCH_OUT/cs"; }
clean_hugo() { rm -rf "$BENCH_OUT/hugo"; }
clean_floor() { rm -rf "$BENCH_OUT/floor"; }
run_costsite() { "$COSTSITE" build --quiet --source "$1/costsite" --out "$BENCH_OUT/cs" >/dev/null 2>&1; }
run_hugo() { hugo --quiet -s "$1/hugo" -d "$BENCH_OUT/hugo" >/dev/null; }
# The floor: the cmark-gfm command-line tool converting the same Markdown (in
# batches, one process per core, as a build would use every core) and the
# Markdown files copied into a fresh folder (the cost of writing that many
# files). Neither evaluates figures, applies templates or indexes anything.
run_floor() {
  find "$1/plain" -name '*.md' -print0 |
    xargs -0 -P "$(nproc)" -n 500 sh -c 'cmark-gfm -e table -e tasklist -e strikethrough -e autolink "$@" >/dev/null' _
  cp -r "$1/plain" "$BENCH_OUT/floor"
}

timed() { local t0 t1; t0=$(now); "$@"; t1=$(now); echo "$t1 - $t0" | bc -l; }

measure() {  # measure N [--cost] -> prints medians
  local dir; dir=$(corpus "$1" "${2:-}")
  clean_costsite; run_costsite "$dir"; clean_hugo; run_hugo "$dir"; clean_floor; run_floor "$dir"  # warm-up
  local cs=() hg=() fl=()
  for ((r = 0; r < RUNS; r++)); do
    clean_costsite; cs+=("$(timed run_costsite "$dir")")
    clean_hugo; hg+=("$(timed run_hugo "$dir")")
    clean_floor; fl+=("$(timed run_floor "$dir")")
  done
  local mcs mhg mfl
  mcs=$(printf '%s\n' "${cs[@]}" | median)
  mhg=$(printf '%s\n' "${hg[@]}" | median)
  mfl=$(printf '%s\n' "${fl[@]}" | median)
  printf '%sN=%-6s pages=%-6s costsite %.2f s   hugo %.2f s   floor %.2f s   hugo/costsite %.2fx   costsite/floor %.2fx\n' \
    "${2:+cost content, }" "$1" "$((2 * $1))" "$mcs" "$mhg" "$mfl" "$(echo "$mhg / $mcs" | bc -l)" "$(echo "$mcs / $mfl" | bc -l)"
  echo "   runs: costsite ${cs[*]} | hugo ${hg[*]} | floor ${fl[*]}"
  echo "$mcs" > "$WORK/median-$1"
}

peak_mb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.0f", $6/1024}'; }

# Time and peak memory (MiB) of one build of corpus $1 with extra arguments.
time_and_peak() {
  local dir=$1; shift
  rm -rf "$BENCH_OUT/cs"
  /usr/bin/time -f '%e %M' "$COSTSITE" build --quiet "$@" --source "$dir/costsite" --out "$BENCH_OUT/cs" 2>&1 >/dev/null |
    tail -1 | awk '{printf "%s %.0f", $1, $2 / 1024}'
}

# Medians of RUNS builds of N reports ($2: --cost for the corpus with cost content): "seconds MiB".
size_run() {
  local dir; dir=$(corpus "$1" "${2:-}")
  local ts=() ms=() r out
  time_and_peak "$dir" >/dev/null  # warm-up
  for ((r = 0; r < RUNS; r++)); do
    out=$(time_and_peak "$dir"); ts+=("${out% *}"); ms+=("${out#* }")
  done
  echo "$(printf '%s\n' "${ts[@]}" | median) $(printf '%s\n' "${ms[@]}" | median)"
  echo "   runs $1${2:+ $2}: seconds ${ts[*]} | MiB ${ms[*]}" >&2
}

echo "costsite benchmark: $RUNS runs each after a warm-up, medians, $(nproc) cores;" \
     "sites written to $BENCH_OUT ($(stat -f -c %T "$BENCH_OUT"))"
measure "$N"
if [ "${SCALING:-1}" = 1 ]; then
  for n in 1000 10000; do [ "$n" = "$N" ] || measure "$n"; done
  if [ -f "$WORK/median-5000" ] && [ -f "$WORK/median-10000" ]; then
    printf 'scaling 10000/5000: %.2fx (linear = 2.00x)\n' "$(echo "$(cat "$WORK/median-10000") / $(cat "$WORK/median-5000")" | bc -l)"
  fi
fi

if [ -n "${BIG_N:-}" ]; then
  # The plain corpus, then (unless COST=0) the one with cost content, whose
  # high point is reading pricing/: a model per report, each held until its
  # group is evaluated.
  for kind in "" $([ "${COST:-1}" = 1 ] && echo --cost); do
    small_r=$(size_run "$N" "$kind"); big_r=$(size_run "$BIG_N" "$kind")
    read -r st sm <<<"$small_r"; read -r bt bm <<<"$big_r"
    printf 'size%s: %s reports %.2f s %s MiB | %s reports %.2f s %s MiB | growth: time %.2fx, memory %.2fx (pages %.0fx)\n' \
      "${kind:+ (cost content)}" "$N" "$st" "$sm" "$BIG_N" "$bt" "$bm" "$(echo "$bt / $st" | bc -l)" "$(echo "$bm / $sm" | bc -l)" \
      "$(echo "$BIG_N / $N" | bc -l)"
  done
fi

if [ "${COST:-1}" = 1 ]; then measure "$N" --cost; fi

if [ "${THREADS:-1}" = 1 ]; then  # --threads 1 and 2 in alternation
  dir=$(corpus "$N"); t1=(); t2=()
  time_and_peak "$dir" --threads 1 >/dev/null
  for ((r = 0; r < RUNS; r++)); do
    o=$(time_and_peak "$dir" --threads 1); t1+=("${o% *}")
    o=$(time_and_peak "$dir" --threads 2); t2+=("${o% *}")
  done
  m1=$(printf '%s\n' "${t1[@]}" | median); m2=$(printf '%s\n' "${t2[@]}" | median)
  printf 'threads: 1 %.2f s, 2 %.2f s, speed-up %.2fx   (runs: %s | %s)\n' "$m1" "$m2" "$(echo "$m1 / $m2" | bc -l)" "${t1[*]}" "${t2[*]}"
fi

big=$(corpus "${MEM_N:-10000}")
rm -rf "$BENCH_OUT/cs" "$BENCH_OUT/hugo"
echo "peak memory, ${MEM_N:-10000} reports: costsite $(peak_mb "$COSTSITE" build --quiet --source "$big/costsite" --out "$BENCH_OUT/cs") MB," \
     "hugo $(peak_mb hugo --quiet -s "$big/hugo" -d "$BENCH_OUT/hugo") MB"

# The same bytes whatever the number of threads.
small=$(corpus 1000)
rm -rf "$BENCH_OUT/t1" "$BENCH_OUT/t2"
"$COSTSITE" build --quiet --threads 1 --source "$small/costsite" --out "$BENCH_OUT/t1" >/dev/null 2>&1
"$COSTSITE" build --quiet --threads 2 --source "$small/costsite" --out "$BENCH_OUT/t2" >/dev/null 2>&1
if diff -r "$BENCH_OUT/t1" "$BENCH_OUT/t2" >/dev/null; then echo "threads 1 and 2: identical output"
else echo "threads 1 and 2: OUTPUT DIFFERS"; fi
rm -rf "$BENCH_OUT/t1" "$BENCH_OUT/t2" "$BENCH_OUT/cs" "$BENCH_OUT/hugo" "$BENCH_OUT/floor"

if [ "${INCREMENTAL:-1}" = 1 ]; then
  python3 bench/incremental.py "$COSTSITE" "$big/costsite" "$BENCH_OUT/serve-src"
fi
