namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The health-check grace period ECS accepts.</summary>
internal sealed class HealthCheckGracePeriodRange : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "health-check-grace-period",
        RuleLevel.Error,
        "HealthCheckGracePeriod is a whole number of seconds from 0 to 2147483647.",
        "CreateService healthCheckGracePeriodSeconds is an integer in that range; CDK throws a raw error for fractions.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.HealthCheckGracePeriod is { } period && TokenGuard.MillisecondsOf(period) is { } millis
            && (!TokenGuard.IsWholeSeconds(period) || millis > TtlChecks.MaxSeconds * 1000))
        {
            yield return new Violation($"HealthCheckGracePeriod {TokenGuard.Describe(period)}", "is out of range: use a whole number of seconds from 0 to 2147483647", "Use Duration.Seconds(n), e.g. Duration.Seconds(60).");
        }
    }
}
