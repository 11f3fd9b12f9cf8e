#!/usr/bin/env bash
# Runs the random-scenario test over many seeds (default 1,000): each must compile, raise exactly
# the errors its generator expects, keep the oracle clean and give the same trace twice.
set -euo pipefail
cd "$(dirname "$0")/.."
RANDOM_SCENARIO_SEEDS="${1:-1000}" swift test --filter RandomScenarioTests 2>&1 | grep -E "✘|Test run|error:" | head -50
