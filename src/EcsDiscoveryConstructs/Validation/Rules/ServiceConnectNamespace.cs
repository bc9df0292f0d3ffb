namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect needs a namespace from the props or the cluster.</summary>
internal sealed class ServiceConnectNamespace : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "service-connect-namespace",
        RuleLevel.Error,
        "ServiceConnect has a namespace: ServiceConnect.Namespace or the cluster's default namespace.",
        "ECS has nowhere to register the endpoints otherwise.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Plan.HasServiceConnect && subject.Plan.ServiceConnectNamespace is null)
        {
            yield return new Violation("ServiceConnect.Namespace (not set)", "is required: the cluster has no default Cloud Map namespace either", "Set ServiceConnect.Namespace, or call cluster.AddDefaultCloudMapNamespace(...).");
        }
    }
}
