namespace EcsDiscoveryConstructs.Verifier.Checks;

/// <summary>The outcome of one check.</summary>
internal enum CheckStatus
{
    /// <summary>The registry holds what the assembly promises.</summary>
    Pass,

    /// <summary>The registry differs from the assembly.</summary>
    Fail,

    /// <summary>Something the assembly does not know about (a failure with <c>--strict</c>).</summary>
    Warn,

    /// <summary>The check could not be made (e.g. an unresolved name), with the reason.</summary>
    Skip,
}

/// <summary>One check of the live registry against the assembly.</summary>
/// <param name="Stack">The stack the expectation comes from.</param>
/// <param name="Check">The check's id, e.g. <c>instance-count</c>.</param>
/// <param name="Target">What was checked: <c>namespace</c> or <c>namespace/service</c>.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Message">What was found, naming the difference.</param>
internal sealed record CheckResult(string Stack, string Check, string Target, CheckStatus Status, string Message)
{
    /// <summary>What the assembly promises, as data (e.g. <c>2</c>, <c>A 10s</c>); null when the check was skipped.</summary>
    public string? Expected { get; init; }

    /// <summary>What the registry holds, as data (e.g. <c>1</c>, <c>missing</c>); null when the check was skipped.</summary>
    public string? Actual { get; init; }

    /// <summary>The facts that explain a failure, from the service that registers here (e.g. what ECS runs, its deployments and last events); null when there are none.</summary>
    public string? Cause { get; init; }
}

/// <summary>All check results of one verification.</summary>
internal sealed record VerificationReport(IReadOnlyList<CheckResult> Results)
{
    /// <summary>What the registry check saw of each expected service it found a namespace for (the DNS checks' input).</summary>
    public IReadOnlyList<ServiceObservation> Observations { get; init; } = [];

    /// <summary>True when no check failed.</summary>
    public bool Passed => Results.All(r => r.Status != CheckStatus.Fail);

    /// <summary>How many results have <paramref name="status"/>.</summary>
    public int Count(CheckStatus status) => Results.Count(r => r.Status == status);
}
