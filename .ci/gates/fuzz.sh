#!/usr/bin/env bash
# Gate: runs each libFuzzer target of tests/fuzz, built under ASan + UBSan by
# the asan_build gate (WORK_DIR/asan), for FUZZ_SECONDS (default 45), seeded from the example
# site (formulas from pricing/, the pricing YAML, content Markdown) and the
# committed seeds. A crash fails the gate; its input is kept in
# WORK_DIR/fuzz/artifacts/ to become a regression test.
# Usage: fuzz.sh SOURCE_DIR WORK_DIR
set -euo pipefail
root=$(cd "$1" && pwd) work=$2
mkdir -p "$work"; work=$(cd "$work" && pwd)
. "$root/.ci/gates/lib.sh"
gate_begin fuzz
seconds=${FUZZ_SECONDS:-45}
build="$work/asan" corpus="$work/fuzz/corpus" artifacts="$work/fuzz/artifacts"
[ -x "$build/tests/fuzz/formula_fuzzer" ] || { echo "fuzz: no fuzzers in $build; run the asan_build gate first" >&2; exit 1; }
rm -rf "$artifacts"; mkdir -p "$artifacts"

# Seeds, copied afresh each run so the corpus follows the example site.
rm -rf "$corpus"; mkdir -p "$corpus"/{formula,pricing,markdown,serve_path}
cp "$root"/tests/fuzz/seeds/formula/* "$corpus/formula/"
cp "$root"/tests/fuzz/seeds/serve_path/* "$corpus/serve_path/"
i=0
while IFS= read -r f; do
  i=$((i + 1)); printf '%s' "$f" > "$corpus/formula/site-$i"
done < <(grep -rhoE '(formula|quantity|price|when|value): *("[^"]*"|[^,}#]*)' "$root/pricing" |
         sed -E 's/^[a-z]+: *//; s/^"(.*)"$/\1/; s/ +$//' | sort -u | head -500)
find "$root/pricing" -name '*.yaml' -exec cp --backup=numbered -t "$corpus/pricing" {} +
find "$root/content" -name '*.md' -exec cp --backup=numbered -t "$corpus/markdown" {} +
for t in formula pricing markdown serve_path; do echo "fuzz: $t seeds: $(ls "$corpus/$t" | wc -l)"; done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in formula pricing markdown serve_path; do
  t1=$(date +%s)
  log="$work/fuzz/$t.log"
  # -max_len: formulas are short; pages and YAML files need room; request
  # targets up to past serve's 4096-byte path limit.
  max_len=4096; [ "$t" = formula ] && max_len=512; [ "$t" = serve_path ] && max_len=8192
  if "$build/tests/fuzz/${t}_fuzzer" "$corpus/$t" -max_total_time="$seconds" -max_len="$max_len" \
       -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" >"$log" 2>&1; then
    echo "fuzz: $t passed in $(( $(date +%s) - t1 )) s ($(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$') runs)"
  else
    failed+=("$t")
    echo "fuzz: $t FAILED after $(( $(date +%s) - t1 )) s; the end of $log:"
    grep -vE '^#[0-9]+' "$log" | tail -40
  fi
done
ls "$artifacts" | sed 's/^/fuzz: artifact /' || true
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: crashes in: ${failed[*]} (inputs in $artifacts)"; exit 1; }
