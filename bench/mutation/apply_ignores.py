"""Writes the Stryker comments of bench/mutation/ignored.json into a copy of the sources before a mutation run.

Which mutants are ignored, and why, is the mutation run's policy, kept here beside its thresholds rather than in the
code. Each entry names a file, the code line the comment goes above (its text, trimmed, unique in the file) and the
comment (Stryker's syntax: `Stryker disable once <mutators> : <reason>`). A line that is gone or no longer unique
fails the run: the entry must be updated with the code it excuses.

An entry with "pattern" instead of "file" and "before" is a shape of code rather than one line: the comment goes above
every line of the files matching "files" (a glob from the repository root) whose text, trimmed, matches the regular
expression "pattern", whose next lines match the regular expressions "followed_by" (trimmed, in order) and, with
"inside", whose enclosing block opens under a line matching that expression (an `if`, a `catch`); "at" puts the comment
that many lines below the match instead. A pattern that matches no line fails the run too.

Usage: python3 bench/mutation/apply_ignores.py <copy of the repository>
"""
import glob
import json
import os
import re
import sys

if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
    print("usage: python3 bench/mutation/apply_ignores.py <copy of the repository (a folder)>", file=sys.stderr)
    sys.exit(2)
here = os.path.dirname(os.path.abspath(__file__))
root = sys.argv[1]
problems = []
by_file = {}
patterns = []
for entry in json.load(open(os.path.join(here, "ignored.json"))):
    if "pattern" in entry:
        patterns.append(entry)
    else:
        by_file.setdefault(entry["file"], []).append(entry)
inserted = {}


def header(lines, index):
    """The line before the '{' that opens the block holding line index (an if, catch, ...), or None."""
    depth = 0
    for i in range(index - 1, -1, -1):
        text = lines[i].strip()
        depth += text.count("}") - text.count("{")
        if depth < 0:
            return lines[i - 1].strip() if text == "{" and i > 0 else None
    return None


def shaped(lines, index, entry):
    follow = entry.get("followed_by", [])
    following = [line.strip() for line in lines[index + 1 : index + 1 + len(follow)]]
    return (
        re.fullmatch(entry["pattern"], lines[index].strip()) is not None
        and len(following) == len(follow)
        and all(re.fullmatch(f, line) for f, line in zip(follow, following))
        and ("inside" not in entry or re.fullmatch(entry["inside"], header(lines, index) or "") is not None)
    )


files = set(by_file)
for entry in patterns:
    entry["matching_files"] = {os.path.relpath(p, root) for p in glob.glob(os.path.join(root, entry["files"]), recursive=True)}
    entry["matched"] = 0
    files.update(entry["matching_files"])
for file in sorted(files):
    path = os.path.join(root, file)
    if not os.path.isfile(path):
        problems.append(f"{file}: no such file")
        continue
    lines = open(path).read().split("\n")
    inserts = []
    for entry in by_file.get(file, []):
        found = [i for i, line in enumerate(lines) if line.strip() == entry["before"]]
        if len(found) != 1:
            problems.append(f"{file}: {len(found)} lines read '{entry['before']}' (expected exactly one)")
            continue
        inserts.append((found[0], entry["comment"]))
    for entry in patterns:
        if file not in entry["matching_files"]:
            continue
        for index in range(len(lines)):
            if shaped(lines, index, entry):
                inserts.append((index + entry.get("at", 0), entry["comment"]))
                entry["matched"] += 1
    for index, comment in sorted(inserts, reverse=True):
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        lines.insert(index, f"{indent}// {comment}")
    if inserts:
        open(path, "w").write("\n".join(lines))
        inserted[file] = len(inserts)
for entry in patterns:
    if entry["matched"] == 0:
        problems.append(f"pattern '{entry['pattern']}' in {entry['files']} matches no line")
if problems:
    print("bench/mutation/ignored.json is out of date:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(2)
print(f"apply_ignores: {sum(inserted.values())} ignore comments in {len(inserted)} files")
