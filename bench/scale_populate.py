#!/usr/bin/env python3
"""Fills a local Cloud Map peer with NS namespaces x SVC services x INST instances (custom health) and writes a
cloud assembly that declares exactly that (one ECS service per Cloud Map service, desired count INST).

Usage: scale_populate.py <endpoint> <assembly-dir> [namespaces services instances]
"""
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

endpoint, out = sys.argv[1], sys.argv[2]
NS, SVC, INST = (int(x) for x in (sys.argv[3:6] if len(sys.argv) > 5 else (50, 20, 100)))
client = boto3.client("servicediscovery", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="bench",
                      aws_secret_access_key="bench", config=Config(inject_host_prefix=False, retries={"max_attempts": 3}))
resources = {}
services = []
for n in range(NS):
    ns_name = f"scale-ns-{n:02d}"
    op = client.create_http_namespace(Name=ns_name)["OperationId"]
    ns_id = client.get_operation(OperationId=op)["Operation"]["Targets"]["NAMESPACE"]
    resources[f"Ns{n:02d}"] = {"Type": "AWS::ServiceDiscovery::HttpNamespace", "Properties": {"Name": ns_name}}
    for s in range(SVC):
        name = f"svc-{n:02d}-{s:02d}"
        sid = client.create_service(Name=name, NamespaceId=ns_id, Type="HTTP", HealthCheckCustomConfig={"FailureThreshold": 1})["Service"]["Id"]
        services.append((sid, name))
        resources[f"Cm{n:02d}{s:02d}"] = {"Type": "AWS::ServiceDiscovery::Service", "Properties": {
            "Name": name, "NamespaceId": {"Fn::GetAtt": [f"Ns{n:02d}", "Id"]}, "Type": "HTTP", "HealthCheckCustomConfig": {"FailureThreshold": 1}}}
        resources[f"Ecs{n:02d}{s:02d}"] = {"Type": "AWS::ECS::Service", "Properties": {
            "ServiceName": name, "DesiredCount": INST, "ServiceRegistries": [{"RegistryArn": {"Fn::GetAtt": [f"Cm{n:02d}{s:02d}", "Arn"]}}]}}


def register(job):
    sid, name, i = job
    client.register_instance(ServiceId=sid, InstanceId=f"{name}-task-{i:04d}", Attributes={
        "AWS_INSTANCE_IPV4": f"10.{i // 250}.{i % 250}.10", "ECS_SERVICE_NAME": name, "ECS_CLUSTER_NAME": "scale"})


with ThreadPoolExecutor(max_workers=4) as pool:
    list(pool.map(register, [(sid, name, i) for sid, name in services for i in range(INST)]))

os.makedirs(out, exist_ok=True)
json.dump({"Resources": resources}, open(os.path.join(out, "Scale.template.json"), "w"))
json.dump({"version": "38.0.1", "artifacts": {"Scale": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
           "properties": {"templateFile": "Scale.template.json"}, "displayName": "Scale"}}}, open(os.path.join(out, "manifest.json"), "w"))
print(f"populated {NS} namespaces, {NS * SVC} services, {NS * SVC * INST} instances")
