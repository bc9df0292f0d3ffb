using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns when DNS answers would include unhealthy instances.</summary>
internal sealed class NoHealthCheck : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "no-health-check",
        RuleLevel.Warning,
        "A DNS service with address records (A, AAAA, SRV) and no health check.",
        "Every registered address is answered, healthy or not, and a custom health check cannot be added to an existing service without replacing it (sst #5915).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckCustomConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && !subject.LoadBalancer && subject.EffectiveRecords != DiscoveryRecordTypes.Cname
            && subject.CustomHealthCheck is null && subject.Route53HealthCheck is null)
        {
            yield return new Violation(
                "CustomHealthCheck (not set)",
                "leaves the service without a health check: DNS answers include unhealthy instances, and a custom health check cannot be added later without replacing the service",
                "Set CustomHealthCheck = new CustomHealthCheckOptions() (ECS reports task health), or acknowledge this warning.");
        }
    }
}
