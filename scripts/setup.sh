#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine that has the Swift toolchain, builds lerend,
# renders the sample documents into uitvoer/ and installs lerend into /usr/local.
#
#   bash scripts/setup.sh
#
# Installs the C libraries the document engine links (libxml2-dev, libzip-dev, with
# zlib1g-dev and pkg-config) and libcurl (libcurl4-openssl-dev, for lerend verstuur) when
# they are missing; uses sudo when not run as root. For the tests of lerend verstuur it
# installs Python's aiosmtpd (a real SMTP server on loopback) and openssl.
# The release build links the Swift standard library in (--static-swift-stdlib), the
# same build scripts/package-deb.sh packages, so there is one release build.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libxml2-dev libzip-dev zlib1g-dev pkg-config libcurl4-openssl-dev openssl)
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

# The SMTP server the tests of lerend verstuur start (pip; Debian 12 needs the flag).
if command -v python3 >/dev/null && ! python3 -c "import aiosmtpd" 2>/dev/null; then
  echo "installeren: aiosmtpd (voor de tests)"
  pip install --quiet aiosmtpd 2>/dev/null || pip install --quiet --break-system-packages aiosmtpd
fi

swift build -c release --product lerend --static-swift-stdlib
bash scripts/render-samples.sh

# lerend on the PATH, with its plugins, templates, documentation and completions.
sudo=""
if [ "$(id -u)" -ne 0 ] && ! { [ -w /usr/local/bin ] && [ -w /usr/local/share ]; }; then
  command -v sudo >/dev/null || {
    echo "setup.sh: /usr/local is niet schrijfbaar en sudo ontbreekt;" \
      "installeer zelf: bash scripts/install.sh --prefix ~/.local --binary .build/release/lerend" >&2
    exit 1
  }
  sudo="sudo"
fi
$sudo bash scripts/install.sh --prefix /usr/local --binary .build/release/lerend
