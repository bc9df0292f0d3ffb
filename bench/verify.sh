#!/usr/bin/env bash
# Verifier against the AWS CLI: the five examples deployed into a local moto_server by `ecs-discovery local-deploy`,
# then checked REPS times (default 3) by `ecs-discovery verify` and by cli-verify.sh (the same checks with
# `aws servicediscovery` calls). Prints medians and the ratio; target: verify >= 20x faster end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-3}
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build -c Release src/EcsDiscoveryConstructs.Cli -v q -nologo > /dev/null
cli=(dotnet src/EcsDiscoveryConstructs.Cli/bin/Release/net10.0/ecs-discovery.dll)
[ -f cdk.out/manifest.json ] || npx --no-install cdk synth --quiet --no-notices > /dev/null

source bench/moto.sh
start_moto
"${cli[@]}" local-deploy --endpoint-url "$endpoint" > /dev/null

time_of() { local s e; s=$(date +%s.%N); "$@" > "$log" 2>&1 || { echo "failed: $*" >&2; cat "$log" >&2; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
log=$(mktemp)
for rep in $(seq "$REPS"); do
  echo "verify $(time_of "${cli[@]}" verify --endpoint-url "$endpoint" --strict)"
  echo "awscli $(time_of bash bench/cli-verify.sh "$endpoint" cdk.out)"
done | python3 -c '
import statistics, sys
t = {}
for line in sys.stdin:
    name, value = line.split()
    t.setdefault(name, []).append(float(value))
v, a = statistics.median(t["verify"]), statistics.median(t["awscli"])
verdict = "MET" if a / v >= 20 else "MISSED"
print(f"ecs-discovery verify: {v:.2f} s   AWS CLI script: {a:.2f} s   ratio {a / v:.1f}x (target >= 20x: {verdict})")
'
