#!/usr/bin/env python3
"""Compares the AWS CLI answers saved by cli-verify.sh with expect.py's expectations; prints one line per check."""
import json
import os
import sys

folder = sys.argv[1]
expected = json.load(open(os.path.join(folder, "expected.json")))
live = {(n["Name"], n["Type"]): n for n in json.load(open(os.path.join(folder, "namespaces.json")))["Namespaces"]}
failed = passed = 0


def check(ok, what):
    global failed, passed
    passed += ok
    failed += not ok
    print(("PASS " if ok else "FAIL ") + what)


for ns in expected["namespaces"]:
    found = live.get((ns["name"], ns["type"]))
    check(found is not None, f"namespace {ns['name']} exists")
    if found and ns["soa"] is not None:
        check(found.get("Properties", {}).get("DnsProperties", {}).get("SOA", {}).get("TTL") == ns["soa"], f"namespace {ns['name']} SOA TTL")
for s in expected["services"]:
    key = f"{s['namespace']}/{s['name']}"
    path = os.path.join(folder, f"svc-{s['namespace']}-{s['name']}.json")
    if not os.path.exists(path):
        check(False, f"{key} exists")
        continue
    svc = json.load(open(path))
    check(True, f"{key} exists")
    dns = svc.get("DnsConfig") or {}
    if s["records"]:
        check([[r["Type"], r["TTL"]] for r in dns.get("DnsRecords", [])] == s["records"], f"{key} records")
        check(dns.get("RoutingPolicy") == s["routing"], f"{key} routing")
    instances = json.load(open(os.path.join(folder, f"inst-{s['namespace']}-{s['name']}.json")))["Instances"]
    check(s["min"] <= len(instances) <= s["max"], f"{key} instance count")
    check(all("AWS_INSTANCE_IPV4" in i["Attributes"] or "AWS_ALIAS_DNS_NAME" in i["Attributes"] for i in instances), f"{key} attributes")
    healthy = {i["Id"] for i in instances}
    if s["custom"]:
        status = json.load(open(os.path.join(folder, f"health-{s['namespace']}-{s['name']}.json")))["Status"]
        check(all(status.get(i["Id"]) == "HEALTHY" for i in instances), f"{key} health")
        healthy = {i for i, v in status.items() if v == "HEALTHY"}
    discovered = {i["InstanceId"] for i in json.load(open(os.path.join(folder, f"disc-{s['namespace']}-{s['name']}.json")))["Instances"]}
    check(discovered == healthy, f"{key} discover-instances")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
