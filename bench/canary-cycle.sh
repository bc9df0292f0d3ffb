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
python3 - "$endpoint" "$work/cdk.out/ECommerce.template.json" > "$work/model.json" <<'PY'
import json, sys, urllib.request
endpoint, template = sys.argv[1], sys.argv[2]
def call(op, body):
    req = urllib.request.Request(endpoint, data=json.dumps(body).encode(), headers={"X-Amz-Target": f"Route53AutoNaming_v20170314.{op}", "Content-Type": "application/x-amz-json-1.1", "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20261130/us-east-1/servicediscovery/aws4_request, SignedHeaders=host, Signature=0"})
    return json.load(urllib.request.urlopen(req))
namespaces = {n["Name"]: n["Id"] for n in call("ListNamespaces", {})["Namespaces"]}
services = {s["Name"]: s["Id"] for s in call("ListServices", {})["Services"]}
t = json.load(open(template))
res = t["Resources"]
fn = next(r for r in res.values() if r["Type"] == "AWS::Lambda::Function" and "ECS_DISCOVERY_EXPECTED_MODEL" in r["Properties"].get("Environment", {}).get("Variables", {}))
def evaluate(node):
    if isinstance(node, str):
        return node
    if "Fn::Join" in node:
        sep, parts = node["Fn::Join"]
        return sep.join(evaluate(p) for p in parts)
    logical, attribute = node["Fn::GetAtt"]
    name = res[logical]["Properties"]["Name"]
    return (namespaces if "Namespace" in res[logical]["Type"] else services)[name] if attribute == "Id" else name
print(evaluate(fn["Properties"]["Environment"]["Variables"]["ECS_DISCOVERY_EXPECTED_MODEL"]))
PY

exec 3< <(python3 bench/canary_runtime_api.py "$N")
read -r port <&3
start=$(date +%s.%N)
AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" AWS_ENDPOINT_URL_SERVICEDISCOVERY="$endpoint" ECS_DISCOVERY_DNS_RESOLVER=none \
  ECS_DISCOVERY_MAX_INVOCATIONS="$N" ECS_DISCOVERY_EXPECTED_MODEL="$(cat "$work/model.json")" \
  timeout 120 "$bootstrap" > "$work/log" 2>&1 &
canary=$!
trap 'kill $moto $canary 2>/dev/null || true; rm -rf "$work"' EXIT
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
