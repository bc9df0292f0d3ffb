namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Capacity provider strategies ECS accepts for a Fargate service.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html: weight "Valid Range:
/// Minimum value of 0. Maximum value of 1000", base "Valid Range: Minimum value of 0. Maximum value of 100000"; "a
/// capacity provider must be associated with the cluster before it can be used in a capacity provider strategy"
/// (PutClusterCapacityProviders). Values given as tokens (a CfnParameter) are judged by CloudFormation at deploy.
/// </remarks>
internal sealed class CapacityProviderStrategy : IPropsRule<FargateServiceSpec>
{
    private static readonly string[] FargateProviders = ["FARGATE", "FARGATE_SPOT"];

    public RuleInfo Info => new(
        "capacity-provider-strategy",
        RuleLevel.Error,
        "CapacityProviderStrategies name FARGATE or FARGATE_SPOT once each, whole weights 0-1000 with at least one above 0, a whole base 0-100000 on at most one provider.",
        "CapacityProviderStrategyItem limits (ECS API); a Fargate service cannot use an EC2 capacity provider, and all-zero weights place no task.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.CapacityProviderStrategies is not { } strategies)
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

            if (item.Weight is { } weight && TokenGuard.IsConcrete(weight) && (weight is < 0 or > 1000 || weight % 1 != 0))
            {
                yield return new Violation($"{path}.Weight {weight}", "is out of range: use a whole number from 0 to 1000", "Use relative weights, e.g. 1 and 3.");
            }

            if (item.Base is { } minimum && TokenGuard.IsConcrete(minimum) && (minimum is < 0 or > 100_000 || minimum % 1 != 0))
            {
                yield return new Violation($"{path}.Base {minimum}", "is out of range: use a whole number from 0 to 100000", "Use the number of tasks that always run on this provider, e.g. 1.");
            }
        }

        var items = strategies.OfType<Amazon.CDK.AWS.ECS.ICapacityProviderStrategy>().ToList();
        foreach (var duplicate in items.GroupBy(s => s.CapacityProvider, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new Violation($"CapacityProviderStrategies ({duplicate.Key} {duplicate.Count()} times)", "name one provider more than once", "List each provider once.");
        }

        if (items.Count > 0 && items.All(s => (s.Weight ?? 0) <= 0 && (s.Weight is not { } w || TokenGuard.IsConcrete(w))))
        {
            yield return new Violation("CapacityProviderStrategies weights (all 0)", "place no task: at least one weight must be above 0", "Give FARGATE (or FARGATE_SPOT) a weight, e.g. 1.");
        }

        if (items.Count(s => s.Base is { } b && TokenGuard.IsConcrete(b) && b > 0) > 1)
        {
            yield return new Violation("CapacityProviderStrategies bases", "are set on more than one provider", "Set Base on one provider only.");
        }
    }

    /// <summary>The rule that the providers a strategy names are the cluster's, checked when the app is synthesized.</summary>
    public static RuleInfo ClusterRule => new(
        "capacity-provider-cluster",
        RuleLevel.Error,
        "The capacity providers a service's strategy names are associated with its cluster (e.g. EnableFargateCapacityProviders), when the cluster is created in the app.",
        "ECS refuses a service whose strategy names a provider its cluster does not have (\"The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster\"), at deploy.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html" };

    /// <summary>
    /// When <paramref name="cluster"/> is created in this app (not imported), checks at synth that it has every provider
    /// <paramref name="strategies"/> names: the cluster may get them after the service is created.
    /// </summary>
    public static void CheckClusterAtSynth(Constructs.Construct service, Amazon.CDK.AWS.ECS.ICluster cluster, Amazon.CDK.AWS.ECS.ICapacityProviderStrategy[]? strategies)
    {
        if (strategies is not { Length: > 0 } || cluster is not Amazon.CDK.AWS.ECS.Cluster created)
        {
            return;
        }

        SynthChecks.For(service).Add(() =>
        {
            var associated = created.CapacityProviderNames.ToHashSet(StringComparer.Ordinal);
            return strategies.OfType<Amazon.CDK.AWS.ECS.ICapacityProviderStrategy>()
                .Select(s => s.CapacityProvider)
                .Where(p => TokenGuard.IsConcrete(p) && !associated.Contains(p))
                .Distinct(StringComparer.Ordinal)
                .Select(p => RuleRunner.Format(nameof(Services.DiscoverableFargateService), service.Node.Path, ClusterRule, new Violation(
                    $"CapacityProviderStrategies provider '{p}'",
                    $"is not associated with cluster '{created.Node.Path}' (it has {(associated.Count == 0 ? "none" : string.Join(", ", associated.Order(StringComparer.Ordinal)))})",
                    "Call cluster.EnableFargateCapacityProviders(), or create the cluster with EnableFargateCapacityProviders = true.")));
        });
    }
}
