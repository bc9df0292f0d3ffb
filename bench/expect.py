#!/usr/bin/env python3
"""Reads a cloud assembly and prints what the Cloud Map registry must hold (the AWS CLI script's expectations)."""
import glob
import json
import os
import sys

KINDS = {"AWS::ServiceDiscovery::PrivateDnsNamespace": "DNS_PRIVATE", "AWS::ServiceDiscovery::PublicDnsNamespace": "DNS_PUBLIC", "AWS::ServiceDiscovery::HttpNamespace": "HTTP"}


def target(node):
    if isinstance(node, dict):
        if "Ref" in node:
            return node["Ref"]
        if "Fn::GetAtt" in node:
            return node["Fn::GetAtt"][0]
    return None


def targets(node):
    found = []
    if target(node):
        found.append(target(node))
    if isinstance(node, dict):
        for v in node.values():
            found += targets(v)
    elif isinstance(node, list):
        for v in node:
            found += targets(v)
    return found


namespaces, services = [], []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.template.json"))):
    resources = json.load(open(path))["Resources"]
    scaling = {}
    for r in resources.values():
        if r["Type"] == "AWS::ApplicationAutoScaling::ScalableTarget":
            for t in targets(r["Properties"]["ResourceId"]):
                scaling[t] = (r["Properties"]["MinCapacity"], r["Properties"]["MaxCapacity"])
    ns_names = {}
    for rid, r in resources.items():
        if r["Type"] in KINDS:
            p = r["Properties"]
            ns_names[rid] = p["Name"]
            namespaces.append({"name": p["Name"], "type": KINDS[r["Type"]], "soa": p.get("Properties", {}).get("DnsProperties", {}).get("SOA", {}).get("TTL")})
    ecs = {rid: r["Properties"] for rid, r in resources.items() if r["Type"] == "AWS::ECS::Service"}
    for rid, r in resources.items():
        if r["Type"] != "AWS::ServiceDiscovery::Service":
            continue
        p = r["Properties"]
        dns = p.get("DnsConfig") or {}
        regs = [e for eid, e in ecs.items() if any(target(x.get("RegistryArn")) == rid for x in e.get("ServiceRegistries", []))]
        eids = [eid for eid, e in ecs.items() if any(target(x.get("RegistryArn")) == rid for x in e.get("ServiceRegistries", []))]
        declared = sum(1 for x in resources.values() if x["Type"] == "AWS::ServiceDiscovery::Instance" and target(x["Properties"].get("ServiceId")) == rid)
        lo = sum(scaling.get(i, (e.get("DesiredCount"),) * 2)[0] for i, e in zip(eids, regs)) if regs else declared
        hi = sum(scaling.get(i, (e.get("DesiredCount"),) * 2)[1] for i, e in zip(eids, regs)) if regs else declared
        services.append({"namespace": ns_names[target(p["NamespaceId"])], "name": p["Name"], "records": [[d["Type"], d["TTL"]] for d in dns.get("DnsRecords", [])],
                         "routing": dns.get("RoutingPolicy"), "custom": "HealthCheckCustomConfig" in p, "min": lo, "max": hi,
                         "ecs": [e.get("ServiceName") for e in regs]})
    for eid, e in ecs.items():
        sc = e.get("ServiceConnectConfiguration") or {}
        for s in sc.get("Services", []):
            lo, hi = scaling.get(eid, (e.get("DesiredCount"),) * 2)
            services.append({"namespace": ns_names[target(sc["Namespace"])], "name": s["DiscoveryName"], "records": [], "routing": None, "custom": False, "min": lo, "max": hi, "ecs": [e.get("ServiceName")]})
json.dump({"namespaces": namespaces, "services": services}, sys.stdout)
