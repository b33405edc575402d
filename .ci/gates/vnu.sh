#!/usr/bin/env bash
# Gate: every HTML page of the example site, in both languages, passes the Nu
# Html Checker with zero errors. Usage: vnu.sh COSTSITE_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
bin=$(realpath "$1") root=$(cd "$2" && pwd) work=$3
mkdir -p "$work"; work=$(cd "$work" && pwd)
. "$root/.ci/gates/lib.sh"
gate_begin vnu
require_node_modules "$root"
site="$work/vnu-site"
build_example_site "$bin" "$root" "$site"

mapfile -t pages < <(cd "$site" && find . -name '*.html' | sort)
for lang in zh en; do
  n=$(printf '%s\n' "${pages[@]}" | grep -c "^\./$lang/" || true)
  echo "$lang: $n pages"
  [ "$n" -gt 0 ] || { echo "no $lang pages in the example site" >&2; exit 1; }
done
echo "checking ${#pages[@]} pages with the Nu Html Checker"
cd "$site"
# --format gnu prints "file":line.col-line.col: error: message, one a line.
java -jar "$root/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format gnu "${pages[@]}"
echo "zero errors in ${#pages[@]} pages"
