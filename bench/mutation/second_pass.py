"""The full `verifier` target in two passes. Running every mutant against every test (the verifier's own and the CLI's,
moto-backed ones included) takes hours on 2 cores: a mutant most CLI tests reach costs the whole CLI suite. A mutant
the fast tests kill is killed by the full suite too (a superset), so the first pass runs the fast tests
(`verifier-unit`) and the second runs the full suite only on the mutants the first left alive. The result is what one
full run would report, mutant by mutant.

  python3 second_pass.py patterns <first-report.json>
      prints one Stryker mutate pattern per file: the file and the character spans of its survived and unreached
      mutants (`**/Dir/File.cs{start..end}...`), nothing when the first pass left none.
  python3 second_pass.py merge <first-report.json> <second-report.json> <out.json>
      writes the first report with each mutant the second pass tested replaced by its second-pass outcome."""
import json, sys

ALIVE = ("Survived", "NoCoverage")
TESTED = ("Killed", "Survived", "Timeout", "NoCoverage")


def line_starts(source):
    starts, total = [0], 0
    for line in source.split("\n"):
        total += len(line) + 1
        starts.append(total)
    return starts


def offset(starts, position):
    # Stryker.NET writes 1-based lines and columns (Roslyn's mapped line span plus one).
    return starts[position["line"] - 1] + position["column"] - 1


def key(file, mutant):
    loc = mutant["location"]
    return (file, loc["start"]["line"], loc["start"]["column"], loc["end"]["line"], loc["end"]["column"], mutant["mutatorName"], mutant.get("replacement"))


def relative(file):
    # Patterns are matched against full paths; the last two path parts name a file of the project uniquely.
    return "/".join(file.replace("\\", "/").split("/")[-2:])


def patterns(first):
    report = json.load(open(first))
    for file, data in sorted(report["files"].items()):
        starts = line_starts(data["source"])
        spans = []
        for mutant in data["mutants"]:
            if mutant["status"] in ALIVE:
                loc = mutant["location"]
                # One character of slack each side: Stryker keeps a mutant whose node span the pattern's span contains.
                spans.append((max(0, offset(starts, loc["start"]) - 1), offset(starts, loc["end"]) + 1))
        if spans:
            print(f"**/{relative(file)}" + "".join(f"{{{a}..{b}}}" for a, b in sorted(set(spans))))


def merge(first, second, out):
    merged = json.load(open(first))
    later = json.load(open(second))
    outcome = {}
    for file, data in later["files"].items():
        for mutant in data["mutants"]:
            if mutant["status"] in TESTED:
                outcome[key(relative(file), mutant)] = mutant
    replaced = 0
    for file, data in merged["files"].items():
        for i, mutant in enumerate(data["mutants"]):
            # Only what the first pass left alive is taken from the second (which also re-runs mutants nested in
            # those spans; the first pass already killed them).
            again = outcome.get(key(relative(file), mutant)) if mutant["status"] in ALIVE else None
            if again is not None:
                data["mutants"][i] = {**again, "id": mutant["id"]}
                replaced += 1
    json.dump(merged, open(out, "w"))
    print(f"second pass: {replaced} mutants the fast tests left alive were tested with the full suite ({len(outcome)} run, nested ones included)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "patterns":
        patterns(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "merge":
        merge(*sys.argv[2:])
    else:
        sys.exit(__doc__)
