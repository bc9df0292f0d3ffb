namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns when answers are not cached at all.</summary>
internal sealed class DnsTtlZero : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "dns-ttl-zero",
        RuleLevel.Warning,
        "DnsTtl of 0 s.",
        "Every connection then costs a DNS query to the Route 53 resolver (per-ENI limit of 1024 packets/s) and some client libraries treat a 0 TTL as 'cache forever'.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && TtlChecks.Seconds(subject.DnsTtl) is 0)
        {
            yield return new Violation(
                "DnsTtl 0 s",
                "disables caching: every lookup goes to the VPC resolver, which throttles at 1024 packets/s per network interface, and some runtimes treat 0 as 'cache forever'",
                "Use a small positive TTL such as Duration.Seconds(5), or acknowledge this warning.");
        }
    }
}
