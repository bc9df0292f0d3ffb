#!/usr/bin/env python3
"""The baseline: one DiscoverInstances call per service, in a plain sequential loop. Prints wall seconds."""
import sys
import time

import boto3
from botocore.config import Config

endpoint, NS, SVC = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
client = boto3.client("servicediscovery", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="bench",
                      aws_secret_access_key="bench", config=Config(inject_host_prefix=False))
start = time.perf_counter()
total = 0
for n in range(NS):
    for s in range(SVC):
        total += len(client.discover_instances(NamespaceName=f"scale-ns-{n:02d}", ServiceName=f"svc-{n:02d}-{s:02d}", HealthStatus="ALL", MaxResults=1000)["Instances"])
print(f"{time.perf_counter() - start:.2f} {total}")
