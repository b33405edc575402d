#!/bin/sh
# Installs what the quality gates of `make test` need, when missing: Debian's
# chromium, clang with its sanitizer/libFuzzer runtime, hugo (the Hugo-style
# fixture is built by Hugo too, and compared), a Java runtime for the
# Nu Html Checker, Node.js with npm, and the npm packages pinned in
# package-lock.json (vnu-jar, playwright-core, axe-core; @pydantic/genai-prices,
# whose data and price calculation the catalog import is checked against;
# @duckdb/node-api, the benchmark's reference for grouping billing lines) into
# node_modules/.
# As root it installs them; otherwise it prints the commands and stops.
set -eu
cd "$(dirname "$0")/.."

missing=""
# fonts-wqy-microhei: CJK glyphs for the Chinese screenshots (5 MB).
# emscripten: builds the WebAssembly what-if engine (wasm/), checked against
# the native build by the whatif_wasm test.
for p in chromium clang libclang-rt-14-dev fonts-wqy-microhei hugo emscripten; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

# node_modules is current when npm recorded the same lock file it would install.
npm_needed=0
if [ ! -f node_modules/.package-lock.json ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm_needed=1
fi

apt_cmd="apt-get install -y --no-install-recommends$missing"
# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime.
npm_cmd="npm ci --ignore-scripts --no-audit --no-fund"

if [ -z "$missing" ] && [ "$npm_needed" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  [ -n "$missing" ] && echo "The quality gates need these Debian packages:$missing" >&2 &&
    echo "Run as root:  apt-get update && $apt_cmd" >&2
  [ "$npm_needed" -eq 1 ] && echo "and, in $(pwd):  $npm_cmd" >&2
  exit 1
fi
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  $apt_cmd
fi
if [ "$npm_needed" -eq 1 ]; then
  echo "Installing the npm packages of package-lock.json into node_modules/"
  $npm_cmd
fi
