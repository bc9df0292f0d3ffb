using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns when ECS would publish private task addresses in public DNS.</summary>
internal sealed class PublicNamespacePrivateIps : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "public-namespace-private-ips",
        RuleLevel.Warning,
        "ECS registers tasks in a public DNS namespace.",
        "ECS registers each task's private VPC address: anyone can resolve it, no one outside the VPC can reach it, and it reveals the network layout. Publish a load balancer instead.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePublicDnsNamespace.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Plan.CloudMapNamespace is { NamespaceType: NamespaceType.DNS_PUBLIC } ns)
        {
            yield return new Violation(
                $"CloudMap namespace '{ns.NamespaceName}'",
                "is a public DNS namespace: ECS would publish the tasks' private VPC addresses to the internet, where they are unreachable",
                "Register the tasks in a private DNS namespace, and put a load balancer (DiscoveryService with LoadBalancer = true) in the public one; or acknowledge this warning.");
        }
    }
}
