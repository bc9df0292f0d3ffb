#!/usr/bin/env python3
"""Runs a command and prints its wall time and the peak total RSS of its whole process tree (as JSON).

Usage: measure.py -- <command> [args...]
The tree is sampled every 10 ms from /proc, so short-lived peaks below that are missed (both sides alike).
"""
import json
import os
import subprocess
import sys
import time


def tree_rss_kb(root):
    children = {}
    rss = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss[int(pid)] = int(line.split()[1])
                        break
            children.setdefault(ppid, []).append(int(pid))
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.01)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        sys.stderr.write(process.stderr.read().decode(errors="replace")[-2000:])
        sys.exit(process.returncode)
    print(json.dumps({"wall_s": round(wall, 3), "peak_rss_mb": round(peak / 1024, 1)}))


if __name__ == "__main__":
    main()
