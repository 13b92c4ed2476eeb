#!/usr/bin/env bash
# Opens the real app under Xvfb, goes from the start screen to the questionnaire, the results
# and workshop mode by clicking, and saves a PNG of the window at each, per language.
# Usage: screenshots.sh BINARY OUTDIR
set -euo pipefail
bin=$(realpath "$1")
out=$2
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

display=:97
Xvfb $display -screen 0 1280x860x24 -nolisten tcp &
sleep 1
export DISPLAY=$display
# A database with the sample company, so the start screen shows a real list.
"$bin" demo --db "$work/demo.db" --out "$work" >/dev/null

# Where to click, in the 1100×760 window the app opens with: the first company on the start
# screen; the assessment's Open button on the company screen; Results and Workshop mode in the
# questionnaire; Open on the results screen. The labels' widths differ by language. If the
# layout changes, take the positions from the test-driver screenshots of the same screens.
declare -A open_assessment=([da]="757 457" [en]="784 457")
declare -A results=([da]="618 734" [en]="595 734")
declare -A workshop=([da]="896 734" [en]="837 734")
declare -A reopen=([da]="101 734" [en]="88 734")

for lang in da en; do
  # A fresh config folder per run, so no saved window size or language interferes.
  HOME="$work/home-$lang" XDG_CONFIG_HOME="$work/home-$lang/.config" \
    "$bin" --db "$work/demo.db" --lang "$lang" &
  app=$!
  # Wait for the window to be mapped and drawn.
  for _ in $(seq 1 60); do
    if xdotool search --name "GDPR" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  sleep 2
  win=$(xdotool search --name "GDPR" | head -1)
  shot() {
    sleep 1.5
    import -window "$win" "$out/window-$1-$lang.png"
    echo "wrote $out/window-$1-$lang.png"
  }
  click() { xdotool mousemove --window "$win" $1 click 1; }
  shot start
  click "70 150"
  sleep 1
  click "${open_assessment[$lang]}"
  shot questionnaire
  click "${results[$lang]}"
  shot results
  click "${reopen[$lang]}"
  sleep 1
  click "${workshop[$lang]}"
  shot workshop
  kill $app
  wait $app 2>/dev/null || true
done
