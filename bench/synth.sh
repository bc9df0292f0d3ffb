#!/usr/bin/env bash
# Synthesis overhead: the same stack written with plain CDK L2s and with this library, synthesized in separate
# processes for N = 1, 10, 50 services, alternating plain/library, REPS repetitions (default 7). Prints medians
# and library/plain ratios. Targets at N = 50: time <= 1.10x, peak memory <= 1.2x. Memory is the sum of each
# process's own high-water RSS (dotnet + the jsii node process; bench/measure.py); the sampled simultaneous peak is
# printed too but swings by ~20% with the moment node's garbage collector runs.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-7}
source bench/synth-env.sh
for p in Plain Library; do dotnet build -c Release "bench/Synth/$p" -v q -nologo > /dev/null; done

printf '%-4s %-8s %10s %10s %12s\n' N variant "time_s" "memory_MB" "sampled_MB"
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
    rows[name] = tuple(statistics.median(d[k] for d in data) for k in ("wall_s", "hwm_sum_mb", "peak_rss_mb"))
    spread = f"  (time {min(d['wall_s'] for d in data):.2f}-{max(d['wall_s'] for d in data):.2f})"
    print(f"{n:<4} {name:<8} {rows[name][0]:>10.2f} {rows[name][1]:>10.0f} {rows[name][2]:>12.0f}{spread}")
t = rows["library"][0] / rows["plain"][0]
m = rows["library"][1] / rows["plain"][1]
s = rows["library"][2] / rows["plain"][2]
verdict = ("   targets: time <= 1.10x, memory <= 1.20x -> " + ("MET" if t <= 1.10 and m <= 1.20 else "MISSED")) if n == "50" else ""
print(f"{n:<4} ratio    {t:>9.2f}x {m:>9.2f}x {s:>11.2f}x{verdict}")
PY
done
