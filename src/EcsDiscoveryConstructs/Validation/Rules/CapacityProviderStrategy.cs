namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Capacity provider strategies ECS accepts for a Fargate service.</summary>
internal sealed class CapacityProviderStrategy : IPropsRule<FargateServiceSpec>
{
    private static readonly string[] FargateProviders = ["FARGATE", "FARGATE_SPOT"];

    public RuleInfo Info => new(
        "capacity-provider-strategy",
        RuleLevel.Error,
        "CapacityProviderStrategies name FARGATE or FARGATE_SPOT once each, whole weights 0-1000 with at least one above 0, a whole base 0-100000 on at most one provider.",
        "CapacityProviderStrategyItem limits (ECS API); a Fargate service cannot use an EC2 capacity provider, and all-zero weights place no task.");

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        // Not a pattern variable: mutation testing removes the early exit, which would leave it unassigned.
        var strategies = subject.Props.CapacityProviderStrategies;
        if (strategies is null)
        {
            yield break;
        }

        if (strategies.Length == 0)
        {
            yield return new Violation("CapacityProviderStrategies (empty)", "place no task", "Leave CapacityProviderStrategies unset for the FARGATE launch type, or list FARGATE and/or FARGATE_SPOT.");
            yield break;
        }

        foreach (var (item, i) in strategies.Select((item, i) => (item, i)))
        {
            var path = $"CapacityProviderStrategies[{i}]";
            if (item is null)
            {
                yield return new Violation($"{path} (null)", "is required", $"Remove the null entry.");
                continue;
            }

            if (TokenGuard.IsConcrete(item.CapacityProvider) && !FargateProviders.Contains(item.CapacityProvider))
            {
                yield return new Violation($"{path}.CapacityProvider '{item.CapacityProvider}'", "is not a Fargate capacity provider: use FARGATE or FARGATE_SPOT", "Fargate services run on FARGATE or FARGATE_SPOT only.");
            }

            if (item.Weight is { } weight && (weight is < 0 or > 1000 || weight % 1 != 0))
            {
                yield return new Violation($"{path}.Weight {weight}", "is out of range: use a whole number from 0 to 1000", "Use relative weights, e.g. 1 and 3.");
            }

            if (item.Base is { } minimum && (minimum is < 0 or > 100_000 || minimum % 1 != 0))
            {
                yield return new Violation($"{path}.Base {minimum}", "is out of range: use a whole number from 0 to 100000", "Use the number of tasks that always run on this provider, e.g. 1.");
            }
        }

        var items = strategies.OfType<Amazon.CDK.AWS.ECS.ICapacityProviderStrategy>().ToList();
        foreach (var duplicate in items.GroupBy(s => s.CapacityProvider, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new Violation($"CapacityProviderStrategies ({duplicate.Key} {duplicate.Count()} times)", "name one provider more than once", "List each provider once.");
        }

        if (items.Count > 0 && items.All(s => (s.Weight ?? 0) <= 0))
        {
            yield return new Violation("CapacityProviderStrategies weights (all 0)", "place no task: at least one weight must be above 0", "Give FARGATE (or FARGATE_SPOT) a weight, e.g. 1.");
        }

        if (items.Count(s => (s.Base ?? 0) > 0) > 1)
        {
            yield return new Violation("CapacityProviderStrategies bases", "are set on more than one provider", "Set Base on one provider only.");
        }
    }
}
