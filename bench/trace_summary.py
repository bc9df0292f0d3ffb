#!/usr/bin/env python3
"""Summarises a speedscope trace written by `dotnet-trace collect --format speedscope` (see bench/profile.sh).

Usage: trace_summary.py TRACE.speedscope.json [FRAME_FILTER] [LIMIT]
Prints inclusive wall time per frame (main thread; recursion counted once) for frames whose name contains
FRAME_FILTER (default: this library's frames), then how the jsii runtime's time splits into its phases:
serialising arguments, listing overrides by reflection, and the round trip to the CDK's JavaScript.
"""
import collections
import json
import sys

PHASES = {
    "ConvertArguments": "serialise arguments (.NET -> JSON)",
    "GetOverrides": "list overrides by reflection (every object creation)",
    "Client.Create": "round trip: create",
    "Client.Invoke": "round trip: invoke",
    "Client.Get": "round trip: get",
    "TryConvert": "convert results (JSON -> .NET)",
}


def main():
    path = sys.argv[1]
    pattern = sys.argv[2] if len(sys.argv) > 2 else "EcsDiscoveryConstructs!"
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    trace = json.load(open(path))
    frames = trace["shared"]["frames"]
    profile = trace["profiles"][0]
    inclusive, phases = collections.Counter(), collections.Counter()
    stack, open_count = [], collections.Counter()
    for event in profile["events"]:
        frame, at = event["frame"], event["at"]
        if event["type"] == "O":
            stack.append((frame, at))
            open_count[frame] += 1
            continue
        frame, opened = stack.pop()
        open_count[frame] -= 1
        name = frames[frame]["name"]
        if open_count[frame] == 0:
            inclusive[name] += at - opened
        for key in PHASES:
            if key in name and not any(key in frames[f]["name"] for f, _ in stack):
                phases[key] += at - opened
    print(f"wall time of the main thread: {profile['endValue'] - profile['startValue']:.0f} ms")
    print(f"\nframes matching '{pattern}' (inclusive ms):")
    shown = 0
    for name, ms in inclusive.most_common():
        if pattern in name:
            print(f"{ms:9.1f}  {name[:150]}")
            shown += 1
            if shown >= limit:
                break
    print("\njsii runtime phases, whole run (inclusive ms):")
    for key, ms in phases.most_common():
        print(f"{ms:9.1f}  {PHASES[key]}")


if __name__ == "__main__":
    main()
