// jsii (the bridge to the CDK's JavaScript) is not thread-safe: CDK tests must run one at a time in a process.
// Measured here: see README "Tests". xunit.runner.json says the same for runners that read it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
