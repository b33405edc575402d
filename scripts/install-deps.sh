#!/bin/sh
# Installs the Debian packages costsite needs to build and test, if any is
# missing. As root it runs apt-get; otherwise it prints the command and stops.
set -eu
PACKAGES="cmake g++ make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
nlohmann-json3-dev libyaml-cpp-dev libyaml-dev catch2 libkainjow-mustache-dev libicu-dev \
libboost-dev libcpp-httplib-dev libjemalloc-dev zlib1g-dev"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
  echo "costsite needs these Debian packages:$missing" >&2
  echo "Run as root:  apt-get update && $cmd" >&2
  exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd
