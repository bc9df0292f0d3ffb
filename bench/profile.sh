#!/usr/bin/env bash
# Profiles one synthesis of the benchmark stack (bench/Synth/Plain or Library) with dotnet-trace and prints where
# the time goes: this library's frames (or FILTER) and the jsii runtime's phases. Not part of the test suite.
# Usage: bash bench/profile.sh [Library|Plain] [N] [FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
variant=${1:-Library}
n=${2:-50}
filter=${3:-EcsDiscoveryConstructs!}
source bench/synth-env.sh
dotnet tool install --tool-path "$work/tools" dotnet-trace > /dev/null
dotnet build -c Release "bench/Synth/$variant" -v q -nologo > /dev/null
"$work/tools/dotnet-trace" collect --format speedscope -o "$work/trace.nettrace" -- \
  dotnet "bench/Synth/$variant/bin/Release/net10.0/$variant.dll" "$n" "$work/out" > /dev/null
python3 bench/trace_summary.py "$work/trace.speedscope.json" "$filter"
