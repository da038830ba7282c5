#!/usr/bin/env bash
# Builds the Debian package of lerend:
#
#   bash scripts/package-deb.sh [--output DIR]      # default: out/
#
# gives DIR/lerend_<version>_<arch>.deb: the release binary with the Swift standard
# library linked in (so it needs nothing from the Swift toolchain), laid out under /usr
# by scripts/install.sh. Depends lists the packages of the shared libraries the binary
# links, as dpkg-shlibdeps (when there) and ldd with dpkg -S find them.
set -euo pipefail

usage="gebruik: scripts/package-deb.sh [--output MAP]"
repository=$(cd "$(dirname "$0")/.." && pwd)
output="$repository/out"
while [ $# -gt 0 ]; do
  case "$1" in
    --output)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "package-deb.sh: --output heeft een map nodig" >&2; echo "$usage" >&2; exit 2; }
      output=$2; shift 2 ;;
    --output=*) output=${1#--output=}; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "package-deb.sh: onbekende optie: $1" >&2; echo "$usage" >&2; exit 2 ;;
  esac
done
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac
for tool in swift dpkg dpkg-deb dpkg-query ldd readelf strip; do
  command -v "$tool" >/dev/null || { echo "package-deb.sh: $tool ontbreekt" >&2; exit 1; }
done

fail() { echo "package-deb.sh: $*" >&2; exit 1; }

# 1. The release binary, with the Swift standard library and Foundation linked in.
echo "lerend bouwen (release, --static-swift-stdlib)"
build=(swift build --package-path "$repository" -c release --product lerend --static-swift-stdlib)
"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/lerend"

# 2. It must not need the toolchain: no library from its folder, no Swift runtime.
toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")
libraries=$(ldd "$binary") || fail "ldd kan $binary niet lezen"
if grep -q "not found" <<<"$libraries"; then
  fail "$binary mist bibliotheken:"$'\n'"$(grep "not found" <<<"$libraries")"
fi
if grep -qE "$toolchain/|libswift|libFoundation|libdispatch|libBlocksRuntime" <<<"$libraries"; then
  fail "$binary heeft de Swift-toolchain ($toolchain) nodig:"$'\n'"$(grep -E "$toolchain/|libswift|libFoundation|libdispatch|libBlocksRuntime" <<<"$libraries")"
fi

version=$("$binary" --version)
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || fail "geen bruikbaar versienummer: '$version'"
architecture=$(dpkg --print-architecture)
package="lerend_${version}_${architecture}"

# 3. The package tree: the layout of install.sh under /usr, the binary stripped.
work=$(mktemp -d "${TMPDIR:-/tmp}/lerend-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/$package"
install -d -m 0755 "$root" "$root/DEBIAN"
bash "$repository/scripts/install.sh" --prefix "$root/usr" --binary "$binary" >/dev/null
strip --strip-unneeded "$root/usr/bin/lerend"
[ "$("$root/usr/bin/lerend" --version)" = "$version" ] || fail "het gestripte programma start niet"

# 4. Depends: the package of each library the binary links directly (readelf), found
# where ldd resolves it. With merged /usr a file may be known to dpkg under /lib or
# /usr/lib, so both are asked.
owner() {
  local path=$1 candidate file answer
  for candidate in "$path" "$(readlink -f "$path")"; do
    for file in "$candidate" "/usr${candidate#/usr}" "${candidate#/usr}"; do
      answer=$(dpkg-query -S "$file" 2>/dev/null) || continue
      answer=${answer%%$'\n'*}
      echo "${answer%%:*}"
      return 0
    done
  done
  return 1
}
declare -A owners=()
while read -r library; do
  path=$(awk -v name="$library" '
    $1 == name && $2 == "=>" { print $3; exit }
    $1 ~ ("/" name "$") { print $1; exit }' <<<"$libraries")
  [ -n "$path" ] || fail "ldd noemt $library niet"
  name=$(owner "$path") || fail "geen pakket bevat $path ($library)"
  owners[$name]=1
done < <(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
found=$(printf '%s\n' "${!owners[@]}" | sort | paste -sd' ')
# libcurl4 (OpenSSL) for lerend verstuur.
for wanted in libxml2 libzip4 zlib1g libcurl4; do
  [ -n "${owners[$wanted]:-}" ] || fail "$wanted hoort bij de afhankelijkheden, maar ldd en dpkg -S vinden: $found"
done

if command -v dpkg-shlibdeps >/dev/null; then
  # The same packages with the lowest versions the linked symbols need.
  # It reads debian/control of the folder it runs in.
  install -d "$work/debian"
  printf 'Source: lerend\n\nPackage: lerend\nArchitecture: any\n' > "$work/debian/control"
  depends=$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info \
    "$package/usr/bin/lerend" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') \
    || fail "dpkg-shlibdeps mislukte: $(cat "$work/shlibdeps.log")"
  listed=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | sort | paste -sd' ')
  [ "$listed" = "$found" ] || fail "dpkg-shlibdeps ($listed) en dpkg -S ($found) zijn het niet eens"
else
  depends=$(printf '%s\n' "${!owners[@]}" | sort | paste -sd',' | sed 's/,/, /g')
fi

# 5. Control file and checksums.
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: lerend
Version: $version
Architecture: $architecture
Maintainer: Lerend-beheerders <maintainers@users.noreply.h-seed-a331bb59.example>
Installed-Size: $installed_size
Depends: $depends
Section: utils
Priority: optional
Description: lerende netwerken in de zorg opzetten en draaien
 Lerend vult de eigen Word- en LibreOffice-sjablonen van een organisatie met
 gegevens (uitnodigingen, agenda's, plannen van aanpak), controleert een lerend
 netwerk tegen de regels van een ondersteunende organisatie (Waardigheid en
 trots, KenniZ, Kwaliteitskader) en loopt het stappenplan door.
 .
 Met de plugins en sjablonen in /usr/share/lerend en aanvullingen voor bash,
 zsh en fish.
EOF
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

install -d "$output"
dpkg-deb --root-owner-group --build "$root" "$output/$package.deb" >/dev/null
echo "Depends: $depends"
echo "pakket: $output/$package.deb ($(du -h "$output/$package.deb" | cut -f1))"
