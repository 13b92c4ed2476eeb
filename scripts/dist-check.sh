#!/usr/bin/env bash
# Runs the Windows package under Wine and Xvfb (`make dist-check` builds it first):
#   --version and --help print (through cmd.exe too), an unknown command prints its error,
#   `demo` writes both reports into a folder and the database under %AppData%\gdprtjek, and
#   the desktop app draws its start screen with the demo company (a screenshot is kept).
# Usage: scripts/dist-check.sh EXE [SCREENSHOT.png]
# Wine comes through ../shared/wine/run-exe.sh beside the checkout (it supplies a DLL that
# Debian's Wine lacks); RUN_EXE names another copy. Slow (Wine starts a fresh prefix), so it
# runs in the session, not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:?usage: scripts/dist-check.sh EXE [SCREENSHOT.png]}")
shot=${2:-build/dist-check/windows-start-da.png}
run_exe=${RUN_EXE:-../shared/wine/run-exe.sh}
if [ ! -x "$run_exe" ]; then
  echo "dist-check: $run_exe not found; it runs Windows programs under Wine here (set RUN_EXE to its path)" >&2
  exit 1
fi
run_exe=$(realpath "$run_exe")
for p in Xvfb xdotool import pdftotext; do
  command -v "$p" >/dev/null || { echo "dist-check: missing $p (make dist-check installs it)" >&2; exit 1; }
done

work=$(realpath -m build/dist-check)
rm -rf "$work"
mkdir -p "$work" "$(dirname "$shot")"
# A prefix of our own: a clean %AppData%, and wineserver -k ends only what this run started.
export WINEPREFIX=$work/wineprefix WINEDEBUG=-all
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { echo "dist-check: FAILED: $*" >&2; exit 1; }

step "gdprtjek --version"
out=$("$run_exe" "$exe" --version 2>&1)
echo "$out"
[[ $out == gdprtjek\ * ]] || fail "--version printed nothing recognisable"

step "gdprtjek --help --lang da, started from cmd.exe"
out=$("$run_exe" cmd /c "$(winepath -w "$exe")" --help --lang da 2>&1)
echo "$out" | head -3
grep -q "Brug:" <<<"$out" || fail "--help printed no usage through cmd.exe"

step "gdprtjek recrods --lang en (an unknown command)"
set +e
out=$("$run_exe" "$exe" recrods --lang en 2>&1)
code=$?
set -e
echo "$out"
echo "exit code $code"
[ "$code" = 2 ] && grep -q "Unknown command: recrods" <<<"$out" || fail "the unknown command's error did not arrive"

step "gdprtjek demo --out <folder>"
demo_out=$work/demo
mkdir -p "$demo_out"
"$run_exe" "$exe" demo --out "$(winepath -w "$demo_out")" --lang da
ls -l "$demo_out"
for lang in da en; do
  [ -s "$demo_out/report-$lang.pdf" ] || fail "no report-$lang.pdf"
done
# Captured first: with pipefail, grep -q closing the pipe early would fail the check.
text=$(pdftotext -enc UTF-8 "$demo_out/report-da.pdf" -)
grep -q "Æblegården ApS" <<<"$text" || fail "the Danish report lacks the company"
echo "report-da.pdf names Æblegården ApS"

step "the database under %AppData%\\gdprtjek"
db=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/gdprtjek/gdprtjek.db' | head -1)
[ -n "$db" ] || fail "no gdprtjek.db under %AppData%\\gdprtjek"
echo "${db#"$WINEPREFIX/"} ($(stat -c %s "$db") bytes)"

step "the desktop app's start screen under Xvfb"
display=:95
Xvfb $display -screen 0 1280x860x24 -nolisten tcp &
xvfb_pid=$!
sleep 1
export DISPLAY=$display
"$run_exe" "$exe" --lang da >"$work/gui.log" 2>&1 &
for _ in $(seq 1 120); do
  if xdotool search --name "GDPR" >/dev/null 2>&1; then break; fi
  sleep 1
done
win=$(xdotool search --name "GDPR" | head -1 || true)
[ -n "$win" ] || fail "no window appeared (log: $work/gui.log)"
sleep 5
import -window root "$shot"
colours=$(convert "$shot" -format %k info:)
echo "window $(xdotool getwindowname "$win"); screenshot $shot with $colours colours"
# A blank or black window has a handful of colours; drawn text and buttons have hundreds.
[ "$colours" -gt 100 ] || fail "the screenshot looks empty ($colours colours)"
echo
echo "dist-check: all passed"
