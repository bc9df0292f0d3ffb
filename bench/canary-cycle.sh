#!/usr/bin/env bash
# The canary's check cycle, locally: the packaged bootstrap (what the library embeds) serves N invocations (default 5)
# from bench/canary_runtime_api.py against the ECommerce example deployed into moto_server by local-deploy (DNS checks
# off: the local DNS peer is measured by bench/verify.sh's --dns runs). Prints the process start to first response
# (a cold start plus one cycle) and the median of the warm cycles. Needs x86_64 Linux (the bootstrap is linux-x64).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5}
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build -c Release src/EcsDiscoveryConstructs.Cli -v q -nologo > /dev/null
dotnet build -c Release src/EcsDiscoveryConstructs -v q -nologo > /dev/null
bootstrap=src/EcsDiscoveryConstructs/obj/canary/publish/bootstrap
cli=(dotnet src/EcsDiscoveryConstructs.Cli/bin/Release/net10.0/ecs-discovery.dll)
source bench/moto.sh
start_moto
work=$(mktemp -d)
npx --no-install cdk synth ECommerce --quiet --no-notices -o "$work/cdk.out" > /dev/null
"${cli[@]}" local-deploy --assembly "$work/cdk.out" --endpoint-url "$endpoint" --stack ECommerce > /dev/null
# The canary reads its stack from CloudFormation: the local ECS peer answers DescribeStacks, GetTemplate and
# ListStackResources (and ECS) for what local-deploy created.
ecs_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${cli[@]}" local-ecs --assembly "$work/cdk.out" --stack ECommerce --endpoint-url "$endpoint" --port "$ecs_port" --for 120 > "$work/ecs.log" 2>&1 &
ecs_peer=$!
for _ in $(seq 1 50); do grep -q answering "$work/ecs.log" 2>/dev/null && break; sleep 0.2; done

exec 3< <(python3 bench/canary_runtime_api.py "$N")
read -r port <&3
start=$(date +%s.%N)
AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" AWS_ENDPOINT_URL_SERVICEDISCOVERY="$endpoint" ECS_DISCOVERY_DNS_RESOLVER=none \
  AWS_ENDPOINT_URL_CLOUDFORMATION="http://127.0.0.1:$ecs_port/" AWS_ENDPOINT_URL_ECS="http://127.0.0.1:$ecs_port/" \
  ECS_DISCOVERY_MAX_INVOCATIONS="$N" ECS_DISCOVERY_STACK=ECommerce \
  timeout 120 "$bootstrap" > "$work/log" 2>&1 &
canary=$!
trap 'kill $moto $canary $ecs_peer 2>/dev/null || true; rm -rf "$work"' EXIT
wait $canary || true
timeout 30 cat <&3 > "$work/results"
python3 - "$start" "$(du -k "$bootstrap" | cut -f1)" "$work/results" <<'PY'
import json, statistics, sys
start, size = float(sys.argv[1]), sys.argv[2]
rows = [json.loads(l) for l in open(sys.argv[3]) if l.startswith("{")]
assert rows and all(r.get("kind") == "response" for r in rows), rows
first = rows[0]["answered"] - start
warm = [r["answered"] - r["handed"] for r in rows[1:]]
summary = json.loads(rows[0]["body"])
print(f"bootstrap {size} KB; process start to first response (cold start + one cycle): {first:.2f} s; "
      f"warm cycle median {statistics.median(warm) if warm else float('nan'):.3f} s over {len(warm)}; "
      f"checks per cycle: {summary['checksPassed']} passed, {summary['checksFailed']} failed, {summary['checksSkipped']} skipped")
PY
