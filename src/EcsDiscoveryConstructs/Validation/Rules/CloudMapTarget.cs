namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A Cloud Map registration names exactly one target.</summary>
internal sealed class CloudMapTarget : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "cloud-map-target",
        RuleLevel.Error,
        "CloudMap sets at most one of Namespace and ExistingService; with neither, the cluster has a default Cloud Map namespace.",
        "ECS supports one service registry per service.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.CloudMap is not { } cm)
        {
            yield break;
        }

        var count = (cm.Namespace is null ? 0 : 1) + (cm.ExistingService is null ? 0 : 1);
        if (count == 0 && subject.Plan.CloudMapNamespace is null)
        {
            yield return new Violation(
                "CloudMap (neither Namespace nor ExistingService set)",
                "has nowhere to register: the cluster has no default Cloud Map namespace either",
                "Set CloudMap.Namespace, or call cluster.AddDefaultCloudMapNamespace(...) so new Cloud Map services go there.");
        }
        else if (count > 1)
        {
            yield return new Violation(
                "CloudMap (Namespace and ExistingService both set)",
                "must name exactly one registry target: ECS registers a service in one Cloud Map service",
                "Set Namespace for a new Cloud Map service, or ExistingService to join one.");
        }
    }
}
