namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns when negative answers are cached so long that new services stay unresolvable.</summary>
internal sealed class SoaTtlLong : IPropsRule<NamespaceSpec>
{
    /// <summary>Longest SOA TTL without a warning: 60 s, about how long a deploy pipeline waits for a new service to answer.</summary>
    public const int ThresholdSeconds = 60;

    public RuleInfo Info => new(
        "soa-ttl-long",
        RuleLevel.Warning,
        $"SoaTtl above {ThresholdSeconds} s.",
        "Resolvers cache NXDOMAIN for the SOA TTL: a client that asks for a service before its first task registers cannot resolve it for that long.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_SOA.html" };

    public IEnumerable<Violation> Check(NamespaceSpec subject)
    {
        if (TtlChecks.Seconds(subject.SoaTtl) is { } seconds && seconds > ThresholdSeconds)
        {
            yield return new Violation(
                $"SoaTtl {seconds} s",
                $"is longer than {ThresholdSeconds} s: resolvers cache 'no such name' answers that long, so a service asked for before its first instance registers stays unresolvable until the cache expires",
                $"Use {ThresholdSeconds} s or less (e.g. Duration.Seconds(15)), or acknowledge this warning.");
        }
    }
}
