using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>CNAME services cannot have a Route 53 health check.</summary>
internal sealed class CnameRoute53HealthCheck : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "cname-route53-health-check",
        RuleLevel.Error,
        "No Route53HealthCheck with CNAME records.",
        "CreateService fails with InvalidInput for CNAME plus HealthCheckConfig.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && subject.EffectiveRecords == DiscoveryRecordTypes.Cname && subject.Route53HealthCheck is not null)
        {
            yield return new Violation("Route53HealthCheck", "cannot be used with CNAME records", "Remove Route53HealthCheck, or use CustomHealthCheck.");
        }
    }
}
