# Sourced by bench/synth.sh and bench/profile.sh (from the repository root): the environment both synthesis
# programs run in, and a work folder (also TMPDIR, for jsii's leftovers) deleted on exit. Sets $work.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1
# Both variants get the feature flags of the root cdk.json (what `cdk init` writes), as `cdk synth` would pass them.
CDK_CONTEXT_JSON=$(python3 -c 'import json; print(json.dumps(json.load(open("cdk.json"))["context"]))')
export CDK_CONTEXT_JSON
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"
