namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>At most one health-check kind per service.</summary>
internal sealed class SingleHealthCheck : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "single-health-check",
        RuleLevel.Error,
        "CustomHealthCheck and Route53HealthCheck are not both set.",
        "HealthCheckConfig and HealthCheckCustomConfig are mutually exclusive in CreateService.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.CustomHealthCheck is not null && subject.Route53HealthCheck is not null)
        {
            yield return new Violation("CustomHealthCheck and Route53HealthCheck", "cannot both be set", "Keep CustomHealthCheck for ECS tasks (ECS reports their health), or Route53HealthCheck for public endpoints.");
        }
    }
}
