#!/usr/bin/env bash
# Formats the Swift code with swift-format and the checked-in .swift-format.
#
#   bash scripts/format.sh          # formats every file in place
#   bash scripts/format.sh --lint   # changes nothing; fails on any deviation (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Package.swift Sources Tests Benchmarks Fuzz)
case "${1:-}" in
  "")
    swift format format --in-place --recursive --parallel "${paths[@]}"
    ;;
  --lint)
    if ! swift format lint --strict --recursive --parallel "${paths[@]}"; then
      echo "format.sh: de code volgt .swift-format niet; maak haar op met: bash scripts/format.sh" >&2
      exit 1
    fi
    echo "format.sh: alle Swift-bestanden volgen .swift-format"
    ;;
  *)
    echo "gebruik: scripts/format.sh [--lint]" >&2
    exit 2
    ;;
esac
