"""Reads Stryker's mutation-report.json files and prints the mutation score per folder (killed + timeout over every
valid mutant: killed, timeout, survived, no coverage), checks them against bench/mutation/thresholds.json and fails
when a folder is below its threshold or a check or rule has a mutant no test reaches.
Several reports of one project (a run split by folder, e.g. in CI) are added up: each file is counted once, from
the last report that mutated it.
Usage: python3 bench/mutation/scores.py <project> <report.json> [<project> <report.json> ...]"""
import json, os, sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
thresholds = json.load(open(os.path.join(here, "thresholds.json")))
failed = False
reports = defaultdict(dict)
for project, path in zip(sys.argv[1::2], sys.argv[2::2]):
    report = json.load(open(path))
    for file, data in report["files"].items():
        if any(m["status"] not in ("Ignored", "CompileError") for m in data["mutants"]) or file not in reports[project]:
            reports[project][file] = (report.get("projectRoot"), data)
for project, files in reports.items():
    rules = thresholds[project]
    folders = defaultdict(lambda: defaultdict(int))
    uncovered = []
    for file, (project_root, data) in files.items():
        # Stryker names files by absolute path (or relative to projectRoot); folders are read relative to the project.
        path = file.replace("\\", "/")
        marker = "/" + rules["root"].strip("/") + "/"
        if marker in path:
            relative = path.split(marker, 1)[1]
        elif os.path.isabs(path) and project_root:
            relative = os.path.relpath(path, project_root.replace("\\", "/"))
        else:
            relative = path
        # Source linked from outside the project (src/Shared) is scored as its own folder.
        while relative.startswith("../"):
            relative = relative[3:]
        folder = relative.split("/")[0] if "/" in relative else "(root)"
        for mutant in data["mutants"]:
            status = mutant["status"]
            folders[folder][status] += 1
            if status == "NoCoverage" and any(relative.startswith(p) for p in rules.get("no_uncovered", [])):
                uncovered.append(f"{relative}:{mutant['location']['start']['line']} {mutant['mutatorName']}")
    print(f"{project}: folder, score, killed+timeout / valid (survived, no coverage), threshold")
    for folder in sorted(folders):
        c = folders[folder]
        detected = c["Killed"] + c["Timeout"]
        valid = detected + c["Survived"] + c["NoCoverage"]
        if valid == 0:
            continue
        score = 100.0 * detected / valid
        bar = rules["folders"].get(folder, rules["default"])
        verdict = "ok" if score >= bar else "BELOW"
        failed |= score < bar
        print(f"  {folder:<16} {score:5.1f} %  {detected:>4} / {valid:<4} ({c['Survived']} survived, {c['NoCoverage']} not covered)  >= {bar} {verdict}")
    if uncovered:
        failed = True
        print(f"  {len(uncovered)} mutants in checks or rules no test reaches:")
        for u in uncovered[:40]:
            print(f"    {u}")
sys.exit(1 if failed else 0)
