#!/usr/bin/env bash
# Fuzzes the scenario parser, lowering and expand with libFuzzer for a bounded time, seeded from
# Scenarios/ and the malformed-file corpus. Crashes and hangs are written to Fuzz/findings/.
# Usage: scripts/fuzz-parser.sh [seconds=60] [jobs=1]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${1:-60}
jobs=${2:-1}
swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -3
binary=$(swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address --show-bin-path)/ParserFuzzer
corpus=../.build-fuzz/corpus
mkdir -p "$corpus" findings
find ../Scenarios ../Tests/ScenarioLanguageTests/Fixtures/malformed -name '*.scenario' -exec cp {} "$corpus/" \;
"$binary" "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=4096 \
  -artifact_prefix=findings/ -jobs="$jobs" -workers="$jobs" -print_final_stats=1 2>&1 | tail -25
