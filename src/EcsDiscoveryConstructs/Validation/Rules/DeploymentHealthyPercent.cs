namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Deployment percentages ECS accepts.</summary>
internal sealed class DeploymentHealthyPercent : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "deployment-healthy-percent",
        RuleLevel.Error,
        "MinHealthyPercent is 0-100, MaxHealthyPercent at least 100 and above MinHealthyPercent.",
        "ECS DeploymentConfiguration: minimumHealthyPercent cannot exceed 100, and with maximumPercent not above it a rolling deployment can neither stop an old task nor start a new one.");

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var (min, max) = (subject.Props.MinHealthyPercent, subject.Props.MaxHealthyPercent);
        if (min is < 0 or > 100)
        {
            yield return new Violation($"MinHealthyPercent {min}", "is out of range: use 0-100", "Use e.g. 100 (the default) or 50.");
        }

        if (max < 100 || max <= min)
        {
            yield return new Violation($"MaxHealthyPercent {max}", $"is invalid with MinHealthyPercent {min}: use at least 100 and more than MinHealthyPercent", "Use e.g. 200 (the default).");
        }
    }
}
