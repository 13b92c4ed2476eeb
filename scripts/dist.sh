#!/usr/bin/env bash
# Builds the installable packages with the fyne tool (`make dist` runs this):
#   dist/gdprtjek-VERSION-linux-amd64.tar.xz   binary, .desktop file, icon and a Makefile for
#                                               `sudo make install`
#   dist/gdprtjek-VERSION-windows-amd64.exe     GUI program with icon, version resource and manifest,
#                                               cross-compiled with cgo through mingw-w64
# Usage: scripts/dist.sh VERSION [linux] [windows]   (no target: both)
#
# The packages are built from the committed tree (git archive HEAD), so the version from
# `git describe` names exactly the code inside. DIST_SRC=worktree packages the working tree
# instead (uncommitted edits included), for trying packaging changes before committing.
# Everything is built in a temporary copy: `fyne package` writes files into the source folder
# (fyne_metadata_init.go, fyne.syso) and bumps Build in FyneApp.toml, which must not happen in
# a tree that others are building from.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=${1:?usage: scripts/dist.sh VERSION [linux] [windows]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows)

fyne_version=v1.7.4
gobin=$(go env GOBIN)
[ -n "$gobin" ] || gobin=$(go env GOPATH)/bin
fyne=$gobin/fyne
# Captured first: with pipefail, grep -q closing the pipe early would fail the check.
installed=$("$fyne" version 2>/dev/null || true)
if [[ $installed != *"cli version: $fyne_version"* ]]; then
  echo "Installing the fyne tool $fyne_version" >&2
  go install "fyne.io/tools/cmd/fyne@$fyne_version"
fi

# Windows wants a numeric x.y.z (and a build number) for the file version; the full tag, such
# as v0.1.0-3-gabc1234, stays in the program's --version and About dialog.
appver=$(sed -nE 's/^v?([0-9]+(\.[0-9]+){0,2}).*/\1/p' <<<"$version")
[ -n "$appver" ] || appver=$(sed -nE 's/^Version *= *"([0-9.]+)".*/\1/p' FyneApp.toml)
while [[ $appver != *.*.* ]]; do appver+=.0; done
# The commit count grows with every commit, as a build number should.
build=$(git rev-list --count HEAD 2>/dev/null || echo 1)
# Archive timestamps from the commit, so the same commit gives the same tarball listing.
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)

stage=$(mktemp -d "${TMPDIR:-/tmp}/gdprtjek-dist.XXXXXX")
trap 'rm -rf "$stage"' EXIT
src=$stage/src
mkdir -p "$src" dist

if [ "${DIST_SRC:-}" = worktree ] || ! git rev-parse --verify -q HEAD >/dev/null 2>&1; then
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # Tracked and untracked files, minus what .gitignore names (build/, dist/, databases).
    git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -C "$src" -xf -
  else
    tar --exclude=./.git --exclude=./build --exclude=./dist -cf - . | tar -C "$src" -xf -
  fi
else
  if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    echo "Note: uncommitted changes are not packaged (DIST_SRC=worktree packages them)." >&2
  fi
  git archive --format=tar HEAD | tar -C "$src" -xf -
fi

# The version goes in with -X main.version, as in `make build`. fyne package runs `go build`
# with its own -ldflags (-H=windowsgui -s -w); it would add ours from GOFLAGS, but v1.7.4 clears
# GOFLAGS after its first build and the Windows package comes from a second one (after adding
# the resources), which then said "dev". So fyne runs go through this wrapper ($GO), which adds
# -X to whatever -ldflags fyne passes, on every build.
export CGO_ENABLED=1
gowrap=$stage/go-with-version
cat >"$gowrap" <<WRAP
#!/usr/bin/env bash
set -euo pipefail
[ "\${1:-}" = build ] || exec $(command -v go) "\$@"
shift
args=(build) found=
while [ \$# -gt 0 ]; do
  if [ "\$1" = -ldflags ] && [ \$# -gt 1 ]; then
    args+=(-ldflags "\$2 -X=main.version=$version"); found=1; shift 2
  else
    args+=("\$1"); shift
  fi
done
[ -n "\$found" ] || args=(build -ldflags "-X=main.version=$version" "\${args[@]:1}")
exec $(command -v go) "\${args[@]}"
WRAP
chmod +x "$gowrap"
export GO=$gowrap
pkgflags=(--release --app-version "$appver" --app-build "$build")

package_linux() {
  echo "Packaging for Linux (fyne package -os linux)" >&2
  (cd "$src" && GOOS=linux GOARCH=amd64 "$fyne" package -os linux "${pkgflags[@]}")
  # fyne names the archive after the app's Name and puts a generic Makefile and .desktop file in
  # it; take its binary and icon and add ours, which are translated and install into hicolor too.
  local fyneout=$stage/fyne-linux name=gdprtjek-$version-linux-amd64
  mkdir -p "$fyneout"
  tar -C "$fyneout" -xJf "$src/GDPR-tjek.tar.xz"
  local from=$fyneout/gdprtjek/usr
  [ -d "$from/local" ] && from=$from/local
  local pkg=$stage/$name usr=$stage/$name/usr/local
  install -Dm0755 "$from/bin/gdprtjek" "$usr/bin/gdprtjek"
  install -Dm0644 "$from/share/pixmaps/dk.gdprtjek.app.png" "$usr/share/icons/hicolor/512x512/apps/dk.gdprtjek.app.png"
  install -Dm0644 packaging/linux/dk.gdprtjek.app.desktop "$usr/share/applications/dk.gdprtjek.app.desktop"
  install -Dm0644 packaging/linux/Makefile "$pkg/Makefile"
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$usr/share/applications/dk.gdprtjek.app.desktop"
  fi
  tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
    -cJf "dist/$name.tar.xz" "$name"
  echo "dist/$name.tar.xz" >&2
}

package_windows() {
  echo "Packaging for Windows (fyne package -os windows, cgo through mingw-w64; takes minutes)" >&2
  # fyne embeds <exe>.manifest when it exists instead of its own bare one.
  sed "s/@VERSION@/$appver.$build/" packaging/windows/gdprtjek.exe.manifest >"$src/gdprtjek.exe.manifest"
  (cd "$src" && CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 \
    "$fyne" package -os windows "${pkgflags[@]}")
  install -m0755 "$src/GDPR-tjek.exe" "dist/gdprtjek-$version-windows-amd64.exe"
  echo "dist/gdprtjek-$version-windows-amd64.exe" >&2
}

for t in "${targets[@]}"; do
  case $t in
  linux) package_linux ;;
  windows) package_windows ;;
  *) echo "unknown target: $t (linux, windows)" >&2; exit 2 ;;
  esac
done
