#!/usr/bin/env bash
# Installs lerend with its plugin bundles, default templates, documentation and shell
# completions:
#
#   bash scripts/install.sh [--prefix DIR] [--binary PATH]
#
#   PREFIX/bin/lerend
#   PREFIX/share/lerend/Plugins/<bundle>/...        the bundles of Plugins/
#   PREFIX/share/lerend/Templates/*.odt, *.docx     the default templates (not bron/), and the e-mail texts (*.txt)
#   PREFIX/share/doc/lerend/README.md, Docs/*.md    (Docs/ kept, so the links work)
#   PREFIX/share/bash-completion/completions/lerend
#   PREFIX/share/zsh/vendor-completions/_lerend     (for .../usr; site-functions elsewhere)
#   PREFIX/share/fish/vendor_completions.d/lerend.fish
#
# The installed program finds its resources in ../share/lerend next to its bin/.
# Without --binary the release binary is built first (static Swift standard library);
# with --binary that file is installed as it is. Running it again gives the same tree:
# the folders of share/lerend and share/doc/lerend are replaced, not merged.
set -euo pipefail

usage="gebruik: scripts/install.sh [--prefix MAP] [--binary PROGRAMMA]"
prefix=/usr/local
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "install.sh: --prefix heeft een map nodig" >&2; echo "$usage" >&2; exit 2; }
      prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --binary)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "install.sh: --binary heeft een programma nodig" >&2; echo "$usage" >&2; exit 2; }
      binary=$2; shift 2 ;;
    --binary=*) binary=${1#--binary=}; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "install.sh: onbekende optie: $1" >&2; echo "$usage" >&2; exit 2 ;;
  esac
done
[ -n "$prefix" ] || { echo "install.sh: --prefix heeft een map nodig" >&2; echo "$usage" >&2; exit 2; }

repository=$(cd "$(dirname "$0")/.." && pwd)
# Relative paths are taken from where the script was started, before any cd.
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
if [ -n "$binary" ]; then
  case "$binary" in /*) ;; *) binary="$PWD/$binary" ;; esac
  [ -f "$binary" ] && [ -x "$binary" ] || { echo "install.sh: geen uitvoerbaar programma: $binary" >&2; exit 1; }
else
  echo "lerend bouwen (release, met de Swift-standaardbibliotheek erin)"
  build=(swift build --package-path "$repository" -c release --product lerend --static-swift-stdlib)
  "${build[@]}"
  binary="$("${build[@]}" --show-bin-path)/lerend"
fi

# Copies the files of a tree, with fixed modes, into a fresh target folder.
copy_tree() {
  local source=$1 target=$2 file
  rm -rf "$target"
  install -d -m 0755 "$target"
  while IFS= read -r -d '' file; do
    install -D -m 0644 "$source/$file" "$target/$file"
  done < <(cd "$source" && find . -type f -print0 | sort -z)
}

echo "installeren in $prefix"
install -d -m 0755 "$prefix/bin" "$prefix/share/lerend"
# Through a temporary name, so that a running lerend is never overwritten in place.
install -m 0755 "$binary" "$prefix/bin/.lerend.nieuw"
mv -f "$prefix/bin/.lerend.nieuw" "$prefix/bin/lerend"

# The plugin bundles: each folder of Plugins/ with a plugin.yaml.
rm -rf "$prefix/share/lerend/Plugins"
install -d -m 0755 "$prefix/share/lerend/Plugins"
for bundle in "$repository"/Plugins/*/; do
  bundle=${bundle%/}
  [ -f "$bundle/plugin.yaml" ] || continue
  copy_tree "$bundle" "$prefix/share/lerend/Plugins/$(basename "$bundle")"
done

# The default templates, without their sources in Templates/bron/.
rm -rf "$prefix/share/lerend/Templates"
install -d -m 0755 "$prefix/share/lerend/Templates"
for template in "$repository"/Templates/*.odt "$repository"/Templates/*.docx "$repository"/Templates/*.txt; do
  [ -f "$template" ] && install -m 0644 "$template" "$prefix/share/lerend/Templates/"
done

# The documentation.
rm -rf "$prefix/share/doc/lerend"
install -d -m 0755 "$prefix/share/doc/lerend/Docs"
install -m 0644 "$repository/README.md" "$prefix/share/doc/lerend/"
install -m 0644 "$repository"/Docs/*.md "$prefix/share/doc/lerend/Docs/"

# Shell completions, as the installed program itself writes them.
# zsh on Debian reads vendor-completions for /usr (also PKGROOT/usr when building a
# package) and site-functions for other prefixes such as /usr/local.
if [[ "$prefix" = /usr || "$prefix" = */usr ]]; then
  zsh_folder="$prefix/share/zsh/vendor-completions"
else
  zsh_folder="$prefix/share/zsh/site-functions"
fi
completion() {
  local shell=$1 target=$2
  install -d -m 0755 "$(dirname "$target")"
  "$prefix/bin/lerend" --generate-completion-script "$shell" > "$target.nieuw" \
    || { rm -f "$target.nieuw"; echo "install.sh: lerend schreef geen $shell-aanvulling" >&2; exit 1; }
  [ -s "$target.nieuw" ] || { rm -f "$target.nieuw"; echo "install.sh: de $shell-aanvulling is leeg" >&2; exit 1; }
  chmod 0644 "$target.nieuw"
  mv -f "$target.nieuw" "$target"
}
completion bash "$prefix/share/bash-completion/completions/lerend"
completion zsh "$zsh_folder/_lerend"
completion fish "$prefix/share/fish/vendor_completions.d/lerend.fish"

echo "lerend $("$prefix/bin/lerend" --version) staat in $prefix/bin/lerend"
echo "plugins en sjablonen: $prefix/share/lerend, documentatie: $prefix/share/doc/lerend"
