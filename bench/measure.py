#!/usr/bin/env python3
"""Runs a command and prints, as JSON, its wall time and two memory figures for its whole process tree:
peak_rss_mb, the largest total RSS seen at one sample (the tree is sampled every 10 ms from /proc, so it depends on
whether the processes peak at the same moment), and hwm_sum_mb, the sum of each process's own high-water mark
(VmHWM, kept by the kernel; the last value read before each process ends).

Usage: measure.py -- <command> [args...]
"""
import json
import os
import subprocess
import sys
import time


def tree_rss_kb(root, hwm):
    children = {}
    rss = {}
    hwm_of = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            with open(f"/proc/{pid}/status") as f:
                hwm_now = 0
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm_now = int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        rss[int(pid)] = int(line.split()[1])
                        hwm_of[int(pid)] = hwm_now
                        break
            children.setdefault(ppid, []).append(int(pid))
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        if pid in hwm_of:
            hwm[pid] = max(hwm.get(pid, 0), hwm_of[pid])
        stack.extend(children.get(pid, []))
    return total


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, hwm = 0, {}
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid, hwm))
        time.sleep(0.01)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        sys.stderr.write(process.stderr.read().decode(errors="replace")[-2000:])
        sys.exit(process.returncode)
    print(json.dumps({"wall_s": round(wall, 3), "peak_rss_mb": round(peak / 1024, 1), "hwm_sum_mb": round(sum(hwm.values()) / 1024, 1)}))


if __name__ == "__main__":
    main()
