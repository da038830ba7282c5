#!/usr/bin/env bash
# Installs what the browser test of the web application needs (scripts/browser-test.py):
# Debian's chromium and chromium-driver, and Selenium from PyPI. Does nothing when they
# are there. Needs root or sudo for apt-get.
set -euo pipefail
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
if ! python3 -c "import selenium" 2>/dev/null; then
  pip install --quiet selenium 2>/dev/null || pip install --quiet --break-system-packages selenium
fi
echo "browser voor de tests: $(chromium --version 2>/dev/null | head -1), selenium $(python3 -c 'import selenium; print(selenium.__version__)')"
