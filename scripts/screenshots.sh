#!/usr/bin/env bash
# Opens the real app under Xvfb and saves a PNG of its window per language.
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
  import -window "$win" "$out/window-start-$lang.png"
  echo "wrote $out/window-start-$lang.png"
  kill $app
  wait $app 2>/dev/null || true
done
