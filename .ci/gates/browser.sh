#!/usr/bin/env bash
# Gate: axe-core at WCAG 2.1 AA and real-browser checks (language switcher,
# checklists, charts, provenance tooltips, search, no console errors, no
# network) on every page of the example site, from file://, in Debian's
# chromium; chart text must lie inside its chart and show at 11 px or more, at
# 1280 and 390 px, there and on the chart stress site; what-if inputs recompute as
# `costsite eval --set` does (tests/browser/whatif.test.mjs). Screenshots go to WORK_DIR/screenshots; with
# UPDATE_SCREENSHOTS=1 also to docs/screenshots/.
# Usage: browser.sh COSTSITE_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
bin=$(realpath "$1") root=$(cd "$2" && pwd) work=$3
mkdir -p "$work"; work=$(cd "$work" && pwd)
. "$root/.ci/gates/lib.sh"
gate_begin browser
require_node_modules "$root"
site="$work/browser-site"
build_example_site "$bin" "$root" "$site"
# Charts under stress (long zh/en labels, values spanning 10^6): geometry only.
stress="$work/browser-stress-site"
build_example_site "$bin" "$root/tests/fixtures/sites/charts-stress" "$stress"
extra=(--stress-site "$stress")
[ "${UPDATE_SCREENSHOTS:-0}" = 1 ] && extra+=(--docs-shots "$root/docs/screenshots")
node "$root/tests/browser/site.test.mjs" --site "$site" --source "$root" --shots "$work/screenshots" "${extra[@]}"
# What-if inputs: the engine against the build and `costsite eval --set`, on the same site.
node "$root/tests/browser/whatif.test.mjs" --site "$site" --source "$root" --costsite "$bin" --shots "$work/screenshots"
