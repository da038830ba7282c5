#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine that has the Swift toolchain, builds lerend, and
# renders the sample documents into uitvoer/.
#
#   bash scripts/setup.sh
#
# Installs the C libraries the document engine links (libxml2-dev, libzip-dev, with
# zlib1g-dev and pkg-config) when they are missing; uses sudo when not run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libxml2-dev libzip-dev zlib1g-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installeren: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

swift build -c release --product lerend
bash scripts/render-samples.sh
