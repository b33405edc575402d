# Sourced by every gate script: names the gate, times it and prints one
# summary line on exit ("gate vnu: passed in 14 s"), which CTest shows.
# Usage: gate_begin NAME
gate_begin() {
  GATE_NAME=$1
  GATE_START=$(date +%s)
  trap 'gate_end $?' EXIT
  echo "gate $GATE_NAME: started $(date -u +%H:%M:%SZ)"
}
gate_end() {
  local rc=$1 verdict=passed
  [ "$rc" -eq 0 ] || verdict="FAILED (exit $rc)"
  [ "$rc" -eq 77 ] && verdict="skipped"
  echo "gate $GATE_NAME: $verdict in $(( $(date +%s) - GATE_START )) s"
}
# Builds the example site at SOURCE into DIR with the costsite binary BIN.
build_example_site() {
  local bin=$1 source=$2 dir=$3
  rm -rf "$dir"
  if ! "$bin" build --source "$source" --out "$dir"; then
    echo "gate $GATE_NAME: the example site does not build" >&2
    return 1
  fi
}
# Fails with the command to run when the npm packages are not installed.
require_node_modules() {
  local root=$1
  if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -f "$root/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    echo "gate $GATE_NAME: node_modules is missing; run scripts/install-test-deps.sh (as root) or npm ci --ignore-scripts" >&2
    exit 1
  fi
}
