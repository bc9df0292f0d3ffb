namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Route 53 failure thresholds are 1-10.</summary>
internal sealed class Route53HealthCheckThreshold : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "route53-health-check-threshold",
        RuleLevel.Error,
        "Route53HealthCheck.FailureThreshold is 1-10.",
        "HealthCheckConfig.FailureThreshold (FailureThreshold shape) allows 1-10; CDK does not check it.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.Route53HealthCheck?.FailureThreshold is { } threshold && threshold is < 1 or > 10)
        {
            yield return new Violation($"Route53HealthCheck.FailureThreshold {threshold}", "is out of range: use 1-10", "Use e.g. 3 consecutive failures.");
        }
    }
}
