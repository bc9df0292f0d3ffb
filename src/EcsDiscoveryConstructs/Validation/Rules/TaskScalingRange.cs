namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Autoscaling bounds make sense.</summary>
internal sealed class TaskScalingRange : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "task-scaling-range",
        RuleLevel.Error,
        "Scaling has 0 <= MinCapacity <= MaxCapacity, MaxCapacity >= 1 and TargetCpuPercent 1-100.",
        "Application Auto Scaling rejects inverted or empty ranges at deploy time.") { Reference = "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Plan.Scaling is not { } s)
        {
            yield break;
        }

        if (s.MinCapacity < 0 || s.MaxCapacity < 1 || s.MinCapacity > s.MaxCapacity)
        {
            yield return new Violation($"Scaling MinCapacity {s.MinCapacity}, MaxCapacity {s.MaxCapacity}", "is not a valid range: use 0 <= MinCapacity <= MaxCapacity and MaxCapacity >= 1", "Swap or correct the bounds, e.g. MinCapacity = 2, MaxCapacity = 10.");
        }

        if (s.TargetCpuPercent is < 1 or > 100)
        {
            yield return new Violation($"Scaling.TargetCpuPercent {s.TargetCpuPercent}", "is out of range: use 1-100", "Use e.g. 70.");
        }
    }
}
