#!/usr/bin/env bash
# Synthesis overhead: the same stack written with plain CDK L2s and with this library, synthesized in separate
# processes for N = 1, 10, 50 services, alternating plain/library, REPS repetitions (default 5). Prints medians
# and library/plain ratios. Targets at N = 50: time <= 1.10x, peak memory (process tree RSS) <= 1.2x.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1
# Both variants get the feature flags of the root cdk.json (what `cdk init` writes), as `cdk synth` would pass them.
CDK_CONTEXT_JSON=$(python3 -c 'import json; print(json.dumps(json.load(open("cdk.json"))["context"]))')
export CDK_CONTEXT_JSON
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"
for p in Plain Library; do dotnet build -c Release "bench/Synth/$p" -v q -nologo > /dev/null; done

printf '%-4s %-8s %10s %10s\n' N variant "time_s" "peak_MB"
for n in 1 10 50; do
  : > "$work/plain.$n"; : > "$work/library.$n"
  for rep in $(seq "$REPS"); do
    for variant in Plain Library; do
      out="$work/out-$variant-$n-$rep"
      python3 bench/measure.py -- dotnet "bench/Synth/$variant/bin/Release/net10.0/$variant.dll" "$n" "$out" >> "$work/${variant,,}.$n"
      rm -rf "$out"
    done
  done
  python3 - "$n" "$work/plain.$n" "$work/library.$n" <<'PY'
import json, statistics, sys
n = sys.argv[1]
rows = {}
for name, path in (("plain", sys.argv[2]), ("library", sys.argv[3])):
    data = [json.loads(l) for l in open(path)]
    rows[name] = (statistics.median(d["wall_s"] for d in data), statistics.median(d["peak_rss_mb"] for d in data))
    print(f"{n:<4} {name:<8} {rows[name][0]:>10.2f} {rows[name][1]:>10.0f}")
t = rows["library"][0] / rows["plain"][0]
m = rows["library"][1] / rows["plain"][1]
print(f"{n:<4} ratio    {t:>10.2f}x {m:>9.2f}x" + ("   targets: time <= 1.10x, memory <= 1.20x -> " + ("MET" if t <= 1.10 and m <= 1.20 else "MISSED") if n == "50" else ""))
PY
done
