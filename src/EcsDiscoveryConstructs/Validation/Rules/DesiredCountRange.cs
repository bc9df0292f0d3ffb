namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The desired task count is not negative.</summary>
internal sealed class DesiredCountRange : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "desired-count",
        RuleLevel.Error,
        "DesiredCount is 0 or more.",
        "ECS rejects a negative desired count at deploy time (CreateService: desiredCount >= 0); CDK does not check it.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.DesiredCount < 0)
        {
            yield return new Violation($"DesiredCount {subject.Props.DesiredCount}", "is negative: use 0 or more", "Use the number of tasks to run, e.g. 2 (0 stops the service).");
        }
    }
}
