#!/usr/bin/env bash
# Verifier at scale: NS x SVC x INST (default 50 x 20 x 100) in a local moto_server. Compares `ecs-discovery verify`
# with a minimal loop issuing the same number of raw DiscoverInstances calls, and counts verify's API calls against
# the lower bound (1 ListNamespaces + NS ListServices + per service 1 ListInstances + 1 DiscoverInstances).
# Targets: verify <= 2x the raw loop; calls at the lower bound; DiscoverInstances never above --discover-rate.
set -euo pipefail
cd "$(dirname "$0")/.."
NS=${NS:-50}; SVC=${SVC:-20}; INST=${INST:-100}; RATE=${RATE:-400}
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build -c Release src/EcsDiscoveryConstructs.Cli -v q -nologo > /dev/null
work=$(mktemp -d)
source bench/moto.sh
start_moto

s=$(date +%s)
python3 bench/scale_populate.py "$endpoint" "$work/assembly" "$NS" "$SVC" "$INST"
echo "populate: $(( $(date +%s) - s )) s"

read -r raw raw_instances < <(python3 bench/scale_raw_loop.py "$endpoint" "$NS" "$SVC")
s=$(date +%s.%N)
dotnet src/EcsDiscoveryConstructs.Cli/bin/Release/net10.0/ecs-discovery.dll verify --assembly "$work/assembly" --endpoint-url "$endpoint" \
  --discover-rate "$RATE" --output json > "$work/report.json" 2> "$work/verify.err"
verify=$(echo "$(date +%s.%N) - $s" | bc)
calls=$(grep -o '([0-9]* API requests)' "$work/verify.err" | tr -dc 0-9)
lower=$(( 1 + NS + 2 * NS * SVC ))
python3 - "$raw" "$verify" "$calls" "$lower" "$work/report.json" "$RATE" "$NS" "$SVC" "$raw_instances" <<'PY'
import json, sys
raw, verify, calls, lower = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
report = json.load(open(sys.argv[5]))
rate, services = float(sys.argv[6]), int(sys.argv[7]) * int(sys.argv[8])
print(f"raw DiscoverInstances loop: {raw:.2f} s ({services} calls, {sys.argv[9]} instances)")
print(f"ecs-discovery verify:       {verify:.2f} s, {calls} API calls (lower bound {lower}), {report['summary']['passed']} checks passed, {report['summary']['failed']} failed")
print(f"ratio {verify / raw:.2f}x (target <= 2x: {'MET' if verify / raw <= 2 else 'MISSED'}); calls {'at' if calls == lower else 'above'} the lower bound; "
      f"DiscoverInstances at most {services / max(verify, 1e-9):.0f}/s overall (limit {rate:.0f}/s)")
PY
