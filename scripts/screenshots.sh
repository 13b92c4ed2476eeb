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
# questionnaire; Open on the results screen; New company on the start screen, and the form's
# Name field and Create button. The labels' widths differ by language. If the layout changes,
# take the positions from the test-driver screenshots of the same screens (docs/screenshots).
declare -A open_assessment=([da]="490 498" [en]="547 498")
declare -A results=([da]="618 695" [en]="595 695")
declare -A workshop=([da]="896 695" [en]="837 695")
declare -A reopen=([da]="101 734" [en]="88 734")
declare -A guidance=([da]="343 816" [en]="346 816")
new_company="1030 71"
name_field="640 110"
declare -A create=([da]="1008 430" [en]="1020 430")
# A name of 200 characters, the most the app keeps: it must wrap, not widen the window.
# Written without æøå: xdotool under Xvfb drops some of them at random (the app itself takes
# them, as the test-driver screens show).
long_name="Aeblegaarden Oestjylland Frugt og Groent Engros og Detail Holding Aeblegaarden Oestjylland Frugt og Groent Engros og Detail Holding Aeblegaarden Oestjylland Frugt og Groent Engros og Detail Holdin ApS"

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
  # Move, let the app see the pointer there, then click: a click that arrives with the move
  # can land before Fyne knows what is under the pointer.
  click() { xdotool mousemove --window "$win" $1; sleep 0.3; xdotool click 1; }
  size() { xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p'; }
  shot start
  before=$(size)
  # A company with a 200-character name, typed into the real form and shown on its screen;
  # first, while the window has its normal size (workshop mode goes full screen, and without
  # a window manager the window keeps the full-screen size after it).
  click "$new_company"
  sleep 1
  click "$name_field"
  xdotool type --delay 10 "$long_name"
  sleep 0.5
  click "${create[$lang]}"
  shot long-name
  after=$(size)
  echo "window $before before, $after with a 200-character name"
  if [ "$before" != "$after" ]; then
    echo "the long name changed the window's size" >&2
    exit 1
  fi
  # Back to the start screen; the sample company found by its CVR number (the long name now
  # sorts before it).
  click "120 22"
  sleep 1
  click "550 110"
  xdotool type "38745123"
  sleep 1
  click "70 150"
  sleep 1
  click "${open_assessment[$lang]}"
  shot questionnaire
  # On to the third question (in the list), so that the workshop opens there.
  click "70 268"
  sleep 1
  click "${results[$lang]}"
  sleep 4 # the results screen builds a row per gap: seconds on a busy machine
  shot results
  click "${reopen[$lang]}"
  sleep 1
  click "${workshop[$lang]}"
  shot workshop
  # The guidance, on demand, in the workshop's large type (full screen: 1280×860 here).
  click "${guidance[$lang]}"
  shot workshop-guidance
  kill $app
  wait $app 2>/dev/null || true
done
