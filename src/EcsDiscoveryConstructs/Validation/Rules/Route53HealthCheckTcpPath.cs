using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>TCP checks have no path.</summary>
internal sealed class Route53HealthCheckTcpPath : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "route53-health-check-tcp-path",
        RuleLevel.Error,
        "No Route53HealthCheck.ResourcePath with Type TCP.",
        "A TCP check only opens a connection; Cloud Map rejects ResourcePath for it.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.Route53HealthCheck is { Type: HealthCheckType.TCP, ResourcePath: { } path })
        {
            yield return new Violation($"Route53HealthCheck.ResourcePath '{path}'", "cannot be used with Type TCP", "Remove ResourcePath, or use Type HTTP or HTTPS.");
        }
    }
}
