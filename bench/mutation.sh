#!/usr/bin/env bash
# Mutation testing with dotnet-stryker (pinned in .config/dotnet-tools.json): mutates the verifier (tested by its own
# tests and the CLI tests, in two passes: see bench/mutation/second_pass.py), the constructs (Validation/ and the
# construct folders, tested by the CDK tests, whose jsii runs one test at a time within each test process) and the CLI, writes the HTML and JSON reports under
# bench/mutation/reports/<project>/reports/, prints the score per folder and fails below bench/mutation/thresholds.json.
# Not part of the test command: a full run takes long (see bench/README.md).
# Usage: bash bench/mutation.sh [verifier] [constructs] [cli] [localpeers] [canary]   (default: all five)
#        bash bench/mutation.sh verifier-unit   (the verifier against its own fast tests only: the quick local loop)
#        bash bench/mutation.sh rules   (Validation/ against the validation tests only: the rules' quick loop)
#        bash bench/mutation.sh localpeers-unit   (the local peers against the verifier's tests only: the first pass of
#          localpeers, which then runs the CLI's end-to-end tests only on the mutants it left alive, as verifier does)
#        STRYKER_ARGS="-m Checks/**/*.cs" bash bench/mutation.sh verifier-unit   (extra Stryker options, e.g. one folder)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(verifier constructs cli localpeers canary)

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 AWS_EC2_METADATA_DISABLED=true CDK_DISABLE_CLI_TELEMETRY=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null
[ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error

run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/ecs-discovery-mutation.XXXXXX")
# Every CDK test host leaves its jsii bundle (~64 MB of *.tgz in a folder named like 'ab12cd34.ef5') in TMPDIR. A
# construct run starts hundreds of test hosts: a 301-mutant run filled 53 GB and died writing its report. A host loads
# the bundle in its first seconds, so bundle folders older than 10 minutes are removed while the run goes on.
(
  while sleep 60; do
    find "$run_tmp" -mindepth 1 -maxdepth 1 -type d -name '????????.???' -mmin +10 -print0 2> /dev/null |
      while IFS= read -r -d '' bundle; do
        if compgen -G "$bundle/Amazon.CDK.Lib.*.tgz" > /dev/null; then rm -rf "$bundle"; fi
      done
  done
) &
janitor=$!
trap 'kill "$janitor" 2> /dev/null; rm -rf "$run_tmp"' EXIT
# Stryker mutates a copy of the tracked sources with bench/mutation/ignored.json's comments written in: which mutants
# cannot change behaviour, and why, is this run's policy, not the code's. Reports go to this checkout.
work="$run_tmp/repo"
mkdir -p "$work"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$work"
ln -s "$root/node_modules" "$work/node_modules"
python3 bench/mutation/apply_ignores.py "$work"
cd "$work"
# One Stryker run: project folder, config name (bench/mutation/<name>.json), output folder, extra options.
stryker() {
  local project=$1 config=$2 output=$3
  shift 3
  # Stryker swaps mutated assemblies into the test projects' output; a run that is stopped leaves them there, so
  # every run starts from a fresh build.
  dotnet build EcsDiscoveryConstructs.sln -c Release -v q -nologo > /dev/null
  (cd "$project" && TMPDIR="$run_tmp" dotnet stryker -f "$work/bench/mutation/$config.json" -O "$output" --skip-version-check "$@")
}
args=()
# Extra options split on spaces, never glob-expanded (a pattern like Checks/**/*.cs must reach Stryker as written).
read -r -a extra <<< "${STRYKER_ARGS:-}"
for target in "${targets[@]}"; do
  case "$target" in
    verifier | verifier-unit) project=src/EcsDiscoveryConstructs.Verifier ;;
    constructs | rules) project=src/EcsDiscoveryConstructs ;;
    cli) project=src/EcsDiscoveryConstructs.Cli ;;
    localpeers | localpeers-unit) project=src/EcsDiscoveryConstructs.LocalPeers ;;
    canary) project=src/EcsDiscoveryConstructs.Canary ;;
    *) echo "bench/mutation.sh: unknown target '$target' (verifier, verifier-unit, constructs, rules, cli, localpeers, localpeers-unit, canary)" >&2; exit 2 ;;
  esac
  out="$root/bench/mutation/reports/$target"
  rm -rf "$out"
  started=$(date +%s)
  if [ "$target" = verifier ] || [ "$target" = localpeers ]; then
    # Two passes (bench/mutation/second_pass.py): the fast tests first, then the full suite (the CLI tests and the
    # moto-backed ones) only on the mutants the first pass left alive; the merged report is what one full run gives.
    # PASS1_REPORT=<mutation-report.json of the same sources' $target-unit run> reuses a first pass already made.
    if [ -n "${PASS1_REPORT:-}" ]; then
      mkdir -p "$out/unit/reports"
      cp "$PASS1_REPORT" "$out/unit/reports/mutation-report.json"
    else
      stryker "$project" "$target-unit" "$out/unit" "${extra[@]}"
    fi
    mapfile -t alive < <(python3 bench/mutation/second_pass.py patterns "$out/unit/reports/mutation-report.json")
    mkdir -p "$out/reports"
    if [ ${#alive[@]} -gt 0 ]; then
      second=()
      for pattern in "${alive[@]}"; do second+=(-m "$pattern"); done
      stryker "$project" "$target" "$out/full" "${second[@]}"
      python3 bench/mutation/second_pass.py merge "$out/unit/reports/mutation-report.json" "$out/full/reports/mutation-report.json" "$out/reports/mutation-report.json"
    else
      cp "$out/unit/reports/mutation-report.json" "$out/reports/mutation-report.json"
    fi
  else
    stryker "$project" "$target" "$out" "${extra[@]}"
  fi
  echo "$target: $(( $(date +%s) - started )) s"
  args+=("$target" "$out/reports/mutation-report.json")
done
python3 bench/mutation/scores.py "${args[@]}"
