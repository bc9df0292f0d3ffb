#!/usr/bin/env bash
# The same checks as `ecs-discovery verify`, written the way a team would without this project: AWS CLI calls
# (one process each) and a small comparison script. Usage: cli-verify.sh <endpoint-url> <cdk.out>
set -euo pipefail
endpoint=$1
assembly=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AWS_DISABLE_HOST_PREFIX_INJECTION=true   # DiscoverInstances against a local endpoint
aws_sd() { aws --endpoint-url "$endpoint" --output json servicediscovery "$@"; }

python3 "$here/expect.py" "$assembly" > "$work/expected.json"
aws_sd list-namespaces > "$work/namespaces.json"
python3 -c '
import json, sys
exp = json.load(open(sys.argv[1])); live = json.load(open(sys.argv[2]))["Namespaces"]
for ns in exp["namespaces"]:
    for l in live:
        if l["Name"] == ns["name"] and l["Type"] == ns["type"]:
            print(l["Id"], l["Name"])
' "$work/expected.json" "$work/namespaces.json" | while read -r id name; do
  aws_sd list-services --filters "Name=NAMESPACE_ID,Values=$id,Condition=EQ" > "$work/services-$name.json"
  # moto ignores the NAMESPACE_ID filter and the CLI drops NamespaceId from summaries: when a name is ambiguous,
  # ask get-service for each candidate (on AWS the filter alone is enough).
  python3 -c '
import json, sys
exp = json.load(open(sys.argv[1])); live = json.load(open(sys.argv[2]))["Services"]
for s in exp["services"]:
    if s["namespace"] == sys.argv[3]:
        print(s["name"], int(s["custom"]), *[l["Id"] for l in live if l["Name"] == s["name"]])
' "$work/expected.json" "$work/services-$name.json" "$name" | while read -r sname custom candidates; do
    sid=""
    for candidate in $candidates; do
      aws_sd get-service --id "$candidate" > "$work/candidate.json"
      if [ "$(jq -r .Service.NamespaceId "$work/candidate.json")" = "$id" ]; then
        sid=$candidate
        jq .Service "$work/candidate.json" > "$work/svc-$name-$sname.json"
        break
      fi
    done
    [ -n "$sid" ] && echo "$sid $sname $custom"
  done | while read -r sid sname custom; do
    aws_sd list-instances --service-id "$sid" > "$work/inst-$name-$sname.json"
    if [ "$custom" = 1 ]; then aws_sd get-instances-health-status --service-id "$sid" > "$work/health-$name-$sname.json"; fi
    aws_sd discover-instances --namespace-name "$name" --service-name "$sname" --health-status HEALTHY > "$work/disc-$name-$sname.json"
  done
done
python3 "$here/compare.py" "$work"
