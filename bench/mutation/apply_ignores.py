"""Writes the Stryker comments of bench/mutation/ignored.json into a copy of the sources before a mutation run.

Which mutants are ignored, and why, is the mutation run's policy, kept here beside its thresholds rather than in the
code. Each entry names a file, the code line the comment goes above (its text, trimmed, unique in the file) and the
comment (Stryker's syntax: `Stryker disable once <mutators> : <reason>`). A line that is gone or no longer unique
fails the run: the entry must be updated with the code it excuses.

Usage: python3 bench/mutation/apply_ignores.py <copy of the repository>
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = sys.argv[1]
problems = []
by_file = {}
for entry in json.load(open(os.path.join(here, "ignored.json"))):
    by_file.setdefault(entry["file"], []).append(entry)
for file, entries in by_file.items():
    path = os.path.join(root, file)
    lines = open(path).read().split("\n")
    inserts = []
    for entry in entries:
        found = [i for i, line in enumerate(lines) if line.strip() == entry["before"]]
        if len(found) != 1:
            problems.append(f"{file}: {len(found)} lines read '{entry['before']}' (expected exactly one)")
            continue
        indent = lines[found[0]][: len(lines[found[0]]) - len(lines[found[0]].lstrip())]
        inserts.append((found[0], f"{indent}// {entry['comment']}"))
    for index, comment in sorted(inserts, reverse=True):
        lines.insert(index, comment)
    open(path, "w").write("\n".join(lines))
if problems:
    print("bench/mutation/ignored.json is out of date:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(2)
print(f"apply_ignores: {sum(len(e) for e in by_file.values())} ignore comments in {len(by_file)} files")
