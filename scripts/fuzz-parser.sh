#!/usr/bin/env bash
# Fuzzes the scenario parser, lowering and expand with libFuzzer for a bounded time, seeded from
# Scenarios/, the malformed-file corpus and Fuzz/corpus/ (the hostile cases of issue 20). Crashes and hangs are written to Fuzz/findings/.
# Usage: scripts/fuzz-parser.sh [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scratch=.build-fuzz
# The libraries, instrumented for coverage and AddressSanitizer (no executables: libFuzzer has main).
swift build -c release --scratch-path "$scratch" --target ScenarioLanguage -Xswiftc -sanitize=fuzzer,address 2>&1 | tail -1
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
# The objects of today's sources only: a source that was moved or deleted leaves its old object behind.
objects=()
for module in OmniSim ScenarioLanguage; do
  while IFS= read -r source; do objects+=("$bin/$module.build/$(basename "$source").o"); done \
    < <(find "Sources/$module" -name '*.swift' | sort)
done
# The engine imports the one-function C target `CacheHints` (its header and the module map SwiftPM wrote).
swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$bin/Modules" \
  -Xcc -fmodule-map-file="$bin/CacheHints.build/module.modulemap" -I Sources/CacheHints/include \
  Fuzz/ParserFuzzer.swift "${objects[@]}" "$bin/CacheHints.build/CacheHints.c.o" -o "$scratch/parser-fuzzer"
corpus=$scratch/corpus
mkdir -p "$corpus" Fuzz/findings
find Scenarios Tests/ScenarioLanguageTests/Fixtures/malformed Fuzz/corpus -name '*.scenario' -exec cp {} "$corpus/" \;
"$scratch/parser-fuzzer" "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=4096 \
  -artifact_prefix=Fuzz/findings/ -print_final_stats=1 2>&1 | tail -25
