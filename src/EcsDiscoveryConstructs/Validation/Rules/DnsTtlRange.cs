namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The DNS record TTL must be a whole number of seconds in Cloud Map's range.</summary>
internal sealed class DnsTtlRange : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "dns-ttl-range",
        RuleLevel.Error,
        "DnsTtl is a whole number of seconds from 0 to 2147483647.",
        "DnsRecord.TTL (RecordTTL) allows 0-2147483647 s; CDK does not check it.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject) => TtlChecks.Range("DnsTtl", subject.DnsTtl);
}
