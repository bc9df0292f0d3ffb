using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Route 53 cannot probe addresses inside a VPC.</summary>
internal sealed class Route53HealthCheckPrivateDns : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "route53-health-check-private-dns",
        RuleLevel.Error,
        "No Route53HealthCheck in a private DNS namespace.",
        "Route 53 health checkers run on the internet; Cloud Map allows HealthCheckConfig only in public DNS and HTTP namespaces.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.NamespaceType == NamespaceType.DNS_PRIVATE && subject.Route53HealthCheck is not null)
        {
            yield return new Violation("Route53HealthCheck", "is not allowed in a private DNS namespace: Route 53 cannot reach addresses inside a VPC", "Use CustomHealthCheck instead (ECS reports task health through it).");
        }
    }
}
