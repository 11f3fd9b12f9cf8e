#!/usr/bin/env bash
# Renders an omnisim HTML timeline in headless Chromium, saves a screenshot, and fails on any
# console error or failed load. Usage: scripts/check-html-in-chromium.sh [scenario…]
# Needs Debian's `chromium` (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-.build/html-check}
mkdir -p "$out"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(Scenarios/examples Scenarios/timing/channel-latency.scenario)
swift build -c release --product omnisim >/dev/null
# The run's own exit code does not matter here (a failing scenario still draws its timeline).
.build/release/omnisim run "${scenarios[@]}" --html "$out/timeline.html" >/dev/null 2>&1 || true
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)"; exit 2; }
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1400 \
  --enable-logging=stderr --v=0 --virtual-time-budget=2000 \
  --screenshot="$out/timeline.png" "file://$PWD/$out/timeline.html" >"$out/chromium.log" 2>&1 || true
[ -s "$out/timeline.png" ] || { echo "no screenshot was written"; cat "$out/chromium.log"; exit 1; }
if grep -E 'CONSOLE|Uncaught|Failed to load|ERR_' "$out/chromium.log" | grep -viE 'dbus|gpu|gcm|sandbox'; then
  echo "console errors while rendering $out/timeline.html"
  exit 1
fi
echo "rendered $out/timeline.html -> $out/timeline.png (no console errors)"
