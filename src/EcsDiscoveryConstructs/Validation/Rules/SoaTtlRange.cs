namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The SOA (negative-cache) TTL must be a whole number of seconds in Cloud Map's range.</summary>
internal sealed class SoaTtlRange : IPropsRule<NamespaceSpec>
{
    public RuleInfo Info => new(
        "soa-ttl-range",
        RuleLevel.Error,
        "SoaTtl is a whole number of seconds from 0 to 2147483647.",
        "The Cloud Map SOA type (API_SOA) allows 0-2147483647 s; other values fail the namespace at deploy time.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_SOA.html" };

    public IEnumerable<Violation> Check(NamespaceSpec subject) => TtlChecks.Range("SoaTtl", subject.SoaTtl);
}
