namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns that a custom health check threshold other than 1 is ignored.</summary>
internal sealed class CustomHealthCheckThreshold : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "custom-health-threshold",
        RuleLevel.Warning,
        "CustomHealthCheck.FailureThreshold other than 1.",
        "AWS deprecated HealthCheckCustomConfig.FailureThreshold: it is always 1. The library emits 1 so templates show what AWS does (values other than 1 caused perpetual diffs in Terraform).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckCustomConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.CustomHealthCheck?.FailureThreshold is { } threshold && threshold != 1)
        {
            yield return new Violation(
                $"CustomHealthCheck.FailureThreshold {threshold}",
                "is ignored: AWS deprecated this setting and always uses 1, so the template emits 1",
                "Remove FailureThreshold.");
        }
    }
}
